"""A headline count that totals the body's counts (34 قتيلا over 25 and 9) is not another
outlet's 25 misstated; a measure in another unit (ثلث الساعة / 20 دقيقة) is no gap (issue 7)."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article

DAY = dt.date(2015, 8, 2)
BODY = (
    "قتل {a} مقاتلا من المعارضة على الأقل خلال هجوم فاشل على قاعدة عسكرية في محافظة حلب. "
    "وأفاد المرصد بمقتل تسعة من قوات النظام في الاشتباكات التي اندلعت بعد الهجوم."
)


def _article(i: int, title: str, a: int = 25):
    return make_article(f"a{i}", f"{title}\n\n{BODY.format(a=a)}", published=DAY, title=title)


def _contradictions(fallback, *titles: str):
    report = compare([_article(i, t) for i, t in enumerate(titles)], analyzer=fallback)
    return [f for f in report.findings if f.kind == "contradiction"]


def test_a_headline_total_of_the_body_is_no_contradiction(fallback) -> None:
    found = _contradictions(fallback, "34 قتيلا من المعارضة والنظام في حلب", "هجوم فاشل للمعارضة يوقع 25 قتيلا في حلب")
    assert not found, [f.message for f in found]


def test_a_headline_figure_that_totals_nothing_still_contradicts(fallback) -> None:
    found = _contradictions(fallback, "31 قتيلا من المعارضة والنظام في حلب", "هجوم فاشل للمعارضة يوقع 25 قتيلا في حلب")
    assert any(f.rule == "CT101" for f in found), [f.message for f in found]


def test_a_body_count_is_no_total(fallback) -> None:
    # in a body small counts add up by chance (25 + 9 = 34): the body's 34 against 25 is a contradiction
    a = make_article(
        "a0",
        "قتل 34 مقاتلا من المعارضة على الأقل خلال هجوم فاشل على قاعدة عسكرية في محافظة حلب. "
        "وأفاد المرصد بمقتل تسعة من قوات النظام. وأصيب 25 آخرون.",
        published=DAY,
    )
    b = make_article("a1", BODY.format(a=25), published=DAY)
    found = [f for f in compare([a, b], analyzer=fallback).findings if f.kind == "contradiction"]
    assert any(f.rule == "CT101" for f in found), [f.message for f in found]


def test_a_measure_stated_in_another_unit_is_no_gap(fallback) -> None:
    texts = [
        "واستغرقت عملية الإنقاذ ثلث الساعة فقط، وفق الدفاع المدني في الرياض.",
        "واستغرقت عملية الإنقاذ 20 دقيقة فقط، وفق الدفاع المدني في الرياض.",
    ]
    report = compare([make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)], analyzer=fallback)
    assert not [f.message for f in report.findings if f.rule == "GP101"]


def test_another_measure_in_another_unit_is_still_a_gap(fallback) -> None:
    texts = [
        "واستغرقت عملية الإنقاذ ثلث الساعة فقط، وفق الدفاع المدني في الرياض.",
        "واستغرقت عملية الإنقاذ 25 دقيقة فقط، وفق الدفاع المدني في الرياض.",
    ]
    report = compare([make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)], analyzer=fallback)
    assert [f.message for f in report.findings if f.rule == "GP101"]


def test_a_share_of_a_whole_counts_the_noun_after_min(fallback) -> None:
    from checker.api import extract

    facts = extract(make_article("a", "وأفاد المرصد بمقتل تسعة من قوات النظام، وفاز في 20 مباراة من أصل 26."), fallback)
    counts = {f.text: f.attr("noun") for f in facts if f.type == "count"}
    assert counts == {"تسعة": "قوات", "20": "مباراة"}


def test_a_share_of_the_most_prominent_counts_the_noun_after_the_elative(fallback) -> None:
    from checker.api import extract

    facts = extract(make_article("a", "وضم الفريق ثلاثة من أبرز اللاعبين، ونجح خمسة من أصل عشرة طلاب."), fallback)
    assert {f.text: f.attr("noun") for f in facts if f.type == "count"}["ثلاثة"] == "اللاعبين"
