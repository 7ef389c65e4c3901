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
