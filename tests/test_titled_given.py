"""Given names that are also common words (سعيد "happy", جميل "beautiful", أمل "hope"; the
lexicon's ``titled_given_names``) open a name right after a title or honorific, when another name
word follows: «اللواء سعيد العمري» gave no person at all. Alone, or before a common word, they stay
words. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import extract, make_article

DAY = dt.date(2015, 8, 2)


def people(fallback, text: str) -> list[tuple[str, str | None]]:
    out = []
    for f in extract(make_article("a", text, published=DAY), analyzer=fallback):
        if f.type == "person":
            out.append((f.text, dict(f.attrs).get("role")))
    return out


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("وأوضح اللواء سعيد العمري أن العمل مستمر", "سعيد العمري", "اللواء"),
        ("وأوضح المهندس سعيد العمري مدير المشاريع أن العمل مستمر", "سعيد العمري", "المهندس"),
        ("وأكدت الدكتورة أمل الحربي أن النتائج مشجعة", "أمل الحربي", "الدكتورة"),
        ("وأكد الرئيس أمين الجميل أن لبنان بخير", "أمين الجميل", "الرئيس"),
    ],
)
def test_common_word_given_name_after_a_title_opens_a_name(fallback, text: str, name: str, role: str) -> None:
    assert (name, role) in people(fallback, text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال المدير سعيد جدا بالنتائج",  # a weak title, then an adjective and an adverb
        "وأكد الدكتور سعيد بالنتائج",  # the common word alone
        "وكان يوما سعيد الحظ فيه",  # no title before it
    ],
)
def test_common_word_given_name_without_a_name_after_it_stays_a_word(fallback, text: str) -> None:
    assert not any(name.startswith("سعيد") for name, _ in people(fallback, text))


def test_a_nisba_after_a_titled_given_name_is_the_family_name(fallback) -> None:
    from checker.api import extract, make_article

    text = "وكان المتحدث الأمني بوزارة الداخلية اللواء منصور التركي أشار إلى أن دورية تعرضت لإطلاق نار."
    facts = extract(make_article("a", text), fallback)
    assert [f.text for f in facts if f.type == "person"] == ["منصور التركي"]
    assert all(f.attr("doubtful") for f in facts if f.type == "nationality")  # no mention of Turkey


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأوضحت الإدارة أن جولة الأمير خالد الفيصل عثرات طريق مكة جدة السريع.", "خالد الفيصل"),
        ("وقالت رئيسة اللجنة الدكتورة عهود عبد العزيز عويضة إن الحملة مستمرة.", "عهود عبد العزيز عويضة"),
        ("وقال الشيخ محمد الحمد العلي إن الحملة مستمرة.", "محمد الحمد العلي"),
        ("وأكد زعيمه صلاح الدين دميرتاش أمس أن حزبه مهدد بالحظر.", "صلاح الدين دميرتاش"),  # a compound given name
        ("وقال صلاح الدين دميرتاش إن حزبه مهدد بالحظر.", "صلاح الدين دميرتاش"),
        ("وقال الرئيس الأميركي باراك أوباما إن الاتفاق جيد.", "باراك أوباما"),  # a frequent foreign name
        ("بعد موافقة ولي ولي العهد الأمير محمد بن سلمان لإبراز دور القوات.", "محمد بن سلمان"),  # ل + hamza word
        ("واجتمع الوزير سيرغي لافروف والمتحث الرسمي عدنان المعيبيد.", "سيرغي لافروف"),  # و + the article
    ],
)
def test_after_a_family_name_with_the_article_only_another_goes_on(fallback, text: str, name: str) -> None:
    from checker.api import extract, make_article

    assert [f.text for f in extract(make_article("a", text), fallback) if f.type == "person"][:1] == [name]


def test_a_place_a_titled_given_name_ends_with_is_his_family_name_when_titled_alone_elsewhere(fallback) -> None:
    from checker.api import extract, make_article

    text = "وتقدم المصلين الدكتور عبدالله السويد مدير عام الإدارة. وعقب الصلاة نقل الدكتور السويد تعازي القيادة."
    facts = extract(make_article("a", text), fallback)
    assert next(f.text for f in facts if f.type == "person") == "عبدالله السويد"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("وقال الرئيس أحمد عيد إن الفريق جاهز", "أحمد عيد", "الرئيس"),
        (
            "خلال استقباله لرئيس الاتحاد السعودي لكرة القدم أحمد عيد وأعضاء المجلس",
            "أحمد عيد",
            "رئيس الاتحاد السعودي لكرة القدم",
        ),
        ("وأوضح الدكتور خالد سعيد العمري أن العمل مستمر", "خالد سعيد العمري", "الدكتور"),
    ],
)
def test_after_a_titled_given_name_a_common_word_given_name_is_the_fathers(
    fallback, text: str, name: str, role: str
) -> None:
    assert (name, role) in people(fallback, text)


def test_a_branch_of_a_body_after_a_title_is_the_body_not_a_name(fallback) -> None:
    found = people(fallback, "وأوضح مدير عام فرع الوزارة بالجوف عبد العزيز الرويلي أن الفرق رصدت مخالفات")
    assert found == [("عبد العزيز الرويلي", "مدير عام فرع الوزارة بالجوف")]


def test_a_family_name_alone_after_a_title_is_the_person_not_the_country(fallback) -> None:
    text = (
        "وأدى الصلاة مدير عام الإدارة الدكتور عبدالله بن محمد السويد. "
        "وعقب الصلاة نقل الدكتور السويد تعازي خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز لأسرة الشهيد."
    )
    found = people(fallback, text)
    assert ("السويد", "الدكتور") in found
    assert not [name for name, _ in found if "تعازي" in name]
    assert ("سلمان بن عبدالعزيز", "خادم الحرمين الشريفين الملك") in found


def test_a_foreign_surname_whose_first_letter_could_be_a_proclitic_stays_in_the_name(fallback) -> None:
    assert ("مايكل فرومان", None) in people(fallback, "وقال مايكل فرومان إن المفاوضات مستمرة")


def test_a_verb_with_hamza_is_no_valley(fallback) -> None:
    facts = extract(make_article("a", "وأدى الصلاة جموع المصلين في وادي حنيفة", published=DAY), analyzer=fallback)
    assert [f.text for f in facts if f.type == "place"] == ["وادي حنيفة"]


def test_ibn_for_bin_is_a_variant_of_one_person(fallback) -> None:
    from checker.api import compare

    texts = ("وقال الأمير محمد بن سلمان إن الوضع خطير.", "وقال الأمير محمد ابن سلمان إن الوضع خطير.")
    report = compare([make_article(x, t, published=DAY) for x, t in zip("ab", texts, strict=True)], analyzer=fallback)
    kinds = {f.rule: f.message for f in report.findings}
    assert "VR102" in kinds and "بن / ابن" in kinds["VR102"], kinds
    assert not [f for f in report.findings if f.kind == "gap"]


def test_a_kashida_in_a_name_is_one_variant_not_two(fallback) -> None:
    from checker.api import compare

    texts = (
        "وقال النائب العام لدولة الإمارات سالم سعيد كبيش إن القضية أحيلت إلى المحكمة.",
        "ونقلت الوكالة عن النائب العام سـالم سعـيد كبيش قوله إن القضية أحيلت إلى المحكمة.",
        "وقال سالم سعيد كبيش إن القضية أحيلت إلى المحكمة.",
    )
    report = compare([make_article(x, t, published=DAY) for x, t in zip("abc", texts, strict=True)], analyzer=fallback)
    spans = [frozenset((e.article, e.start) for e in f.evidence) for f in report.findings if f.kind == "variant"]
    assert spans and len(spans) == len(set(spans)), [f.message for f in report.findings if f.kind == "variant"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأكد أحمد عيد الحربي رئيس مجلس الإدارة أن العمل مستمر", "أحمد عيد الحربي"),
        ("وقال سعود جميل المطيري إن الفريق جاهز", "سعود جميل المطيري"),
    ],
)
def test_a_common_word_given_name_before_a_family_name_is_the_fathers(fallback, text: str, name: str) -> None:
    assert name in [n for n, _ in people(fallback, text)]


def test_a_common_word_after_a_given_name_with_no_family_name_is_a_word(fallback) -> None:
    assert not [n for n, _ in people(fallback, "وقال أحمد سعيد بالنتائج التي حققها الفريق") if "سعيد" in n]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("وكان في استقباله رئيس المجلس العلمي محمد كنون، ومسؤولون آخرون", "محمد كنون", "رئيس المجلس العلمي"),
        ("وكان في استقباله رئيس مجلس عمالة طنجة عبدالحميد ابرشان، وآخرون", "عبدالحميد ابرشان", "رئيس مجلس عمالة طنجة"),
    ],
)
def test_a_rare_surname_with_a_kaf_and_a_prefecture_council(fallback, text: str, name: str, role: str) -> None:
    assert (name, role) in people(fallback, text)


def test_wali_is_a_title_and_a_compound_given_name_is_no_family_name(fallback) -> None:
    found = people(fallback, "وأكد والي الخرطوم عبد الرحيم محمد حسين أن الوضع مستقر")
    assert ("عبد الرحيم محمد حسين", "والي الخرطوم") in found
