"""Roles written around a name rather than right before it (issue 7): a title set off from the name
by a comma (أمين عام الحزب، فلان), a role in a «وهو ...» clause after the name, a post given in the
accusative (عين فلان مستشارا); and lists of names each followed by its own role, which must not
lend one person's role to the next. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, extract, make_article

DAY = dt.date(2015, 8, 2)


def roles(fallback, text: str) -> dict[str, str]:
    """person name -> role, for every role fact of *text*."""
    facts = extract(make_article("a", text, published=DAY), analyzer=fallback)
    return {str(f.attr("person")): str(f.value) for f in facts if f.type == "role"}


def people(fallback, text: str) -> list[str]:
    return [f.text for f in extract(make_article("a", text, published=DAY), analyzer=fallback) if f.type == "person"]


def test_a_title_set_off_by_a_comma_is_the_role_of_the_name_after_it(fallback) -> None:
    text = "وضمت اللجنة نائب رئيس جمعية الصيادين، خالد عبدالله المري، وعددا من المختصين."
    assert roles(fallback, text) == {"خالد عبدالله المري": "نائب رئيس جمعية الصيادين"}


def test_a_role_in_a_clause_after_the_name_is_a_role(fallback) -> None:
    text = "وعين المجلس خالد المري مستشارا له، وهو أحد وجهاء المنطقة ورئيس جمعية الصيادين، إلى جانب آخرين."
    assert roles(fallback, text) == {"خالد المري": "رئيس جمعية الصيادين"}
    text = "وقال سالم الكعبي، وهو مدير شركة النخيل للتمور، إن الموسم جيد."
    assert roles(fallback, text) == {"سالم الكعبي": "مدير شركة النخيل للتمور"}


def test_a_post_given_in_the_accusative_is_not_part_of_the_name(fallback) -> None:
    names = people(fallback, "وعين المجلس خالد المري مستشارا له في الشؤون المالية.")
    assert "خالد المري" in names and not any("مستشارا" in n for n in names), names


def test_a_clause_after_the_name_without_a_title_gives_no_role(fallback) -> None:
    assert roles(fallback, "وقال سالم الكعبي، وهو ما أكده الجميع، إن الموسم جيد.") == {}
    assert roles(fallback, "وحضر سالم الكعبي، وهو نجل وزير الزراعة السابق، الحفل.") == {}


def test_names_each_followed_by_a_role_do_not_lend_it_to_the_next_name(fallback) -> None:
    text = "وحضر الحفل سالم الكعبي وزير الزراعة، عبير عودة وزيرة الاقتصاد، وآخرون."
    found = roles(fallback, text)
    assert not any(v == "وزير الزراعة" and "عبير" in k for k, v in found.items()), found


def test_a_title_before_the_name_against_a_role_after_it_contradicts(fallback) -> None:
    before = "وشمل القرار تعيين أمين عام جمعية الصيادين، خالد عبدالله المري، مستشارا للمجلس."
    after = "وعين المجلس خالد المري مستشارا له، وهو أحد وجهاء المنطقة ورئيس جمعية الصيادين، إلى جانب آخرين."
    arts = [make_article(f"a{i}", t, published=DAY) for i, t in enumerate((before, after))]
    report = compare(arts, analyzer=fallback)
    found = [{(e.article, e.text) for e in f.evidence} for f in report.findings if f.rule == "CT104"]
    assert {("a0", "أمين عام جمعية الصيادين"), ("a1", "رئيس جمعية الصيادين")} in found, found
    same = after.replace("ورئيس", "وأمين عام")
    arts = [make_article(f"a{i}", t, published=DAY) for i, t in enumerate((before, same))]
    assert not [f for f in compare(arts, analyzer=fallback).findings if f.kind == "contradiction"]


def test_a_title_with_its_body_then_the_name_gives_the_role(fallback) -> None:
    text = "ومن جهته، أكد رئيس غرفة تبوك سالم بن فهد المري أن الغرفة تعمل مع الشركات."
    assert roles(fallback, text) == {"سالم بن فهد المري": "رئيس غرفة تبوك"}
    text = "وأوضح مسؤول التدريب بغرفة تبوك خالد الكعبي أن البرنامج يبدأ غدا."
    assert roles(fallback, text) == {"خالد الكعبي": "مسؤول التدريب بغرفة تبوك"}


def test_a_rare_word_before_a_given_name_is_a_name_not_the_title_body(fallback) -> None:
    # نهرو is a name: the title has no body here and «عبد الله» is not the person with this role
    text = "وقال المسؤول المحلي نهرو عبد الله إن بين القتلى امرأتين."
    assert "عبد الله" not in roles(fallback, text)


def test_a_compound_given_name_written_apart_opens_and_continues_a_name(fallback) -> None:
    text = "وقال الدكتور عبد الرحمن بن علي الشهري إن الوضع مستقر، واستقبل فيصل بن عبد الرحمن الوفد."
    names = people(fallback, text)
    assert "عبد الرحمن بن علي الشهري" in names and "فيصل بن عبد الرحمن" in names, names
    # عبد العزيز counts as one word of a name's length: the whole lineage is kept
    names = people(fallback, "واستقبل الأمير فيصل بن خالد بن عبد العزيز الوفد في مكتبه.")
    assert "فيصل بن خالد بن عبد العزيز" in names, names


def test_a_fathers_name_after_bin_is_a_name_even_when_it_is_also_a_nationality(fallback) -> None:
    names = people(fallback, "وكشف الأمير عبد العزيز بن تركي بن طلال أن الاستثمار كبير.")
    assert "عبد العزيز بن تركي بن طلال" in names, names


def test_a_compound_written_apart_or_solid_is_one_person_across_articles(fallback) -> None:
    a = make_article("a", "وقدم الأمير التعازي باسم الملك سلمان بن عبد العزيز إلى أسرة الشهيد.", published=DAY)
    b = make_article("b", "وقدم الأمير التعازي باسم الملك سلمان بن عبدالعزيز آل سعود إلى أسرة الشهيد.", published=DAY)
    report = compare([a, b], analyzer=fallback)
    assert not [f for f in report.findings if f.rule == "GP102"], [f.message for f in report.findings]


def test_a_title_inside_the_body_introduces_the_name_itself(fallback) -> None:
    text = "وقالت رئيسة لجنة التوعية الصحية الدكتورة عهود عبد العزيز عويضة إن الحملة بدأت."
    assert people(fallback, text) == ["عهود عبد العزيز عويضة"]


def test_a_nisba_family_name_with_the_article_is_a_mention_of_the_person(fallback) -> None:
    # the headline writes the family name with the article, the body without it: one person, two
    # spellings (a variant), not a stray word
    body = "شيعت جموع المصلين في تبوك الشهيد خالد بن سعد شمراني أمس."
    a = make_article("a", f"تشييع الشهيد الشمراني في تبوك\n\n{body}", published=DAY)
    b = make_article("b", f"تشييع الشهيد الشمراني\n\n{body}", published=DAY)
    facts = extract(a, analyzer=fallback)
    assert "الشمراني" in [f.text for f in facts if f.type == "person"]
    report = compare([a, b], analyzer=fallback)
    assert any(f.kind == "variant" and "الشمراني" in f.message for f in report.findings), [
        f.message for f in report.findings
    ]


def test_a_five_word_name_is_kept_whole_and_a_deputy_word_ends_it(fallback) -> None:
    assert people(fallback, "ووري الشهيد محمد علي ياسين الحطمي العمري الثرى في مقبرة البلدة.") == [
        "محمد علي ياسين الحطمي العمري"
    ]
    names = people(fallback, "وتقدم المصلين الدكتور عبد الرحمن بن علي ناشب وكيل إمارة المنطقة.")
    assert names == ["عبد الرحمن بن علي ناشب"], names
