"""Issue 7, classes 3 and 4 on made-up copy: vague amounts (عشرات، مئات الآلاف) are ranges that
compare; «لأول مرة» ranks like «للمرة العاشرة»; a definite number glued to its noun («ال90عاما»)
counts it; «الخميس الـ12 من رمضان» is a day. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import compare, extract, make_article

DAY = dt.date(2015, 8, 2)


def _verdicts(fallback, a: str, b: str) -> list[str]:
    report = compare([make_article("a", a, published=DAY), make_article("b", b, published=DAY)], analyzer=fallback)
    return sorted(f.rule for f in report.findings if f.kind in ("contradiction", "agreement", "gap"))


@pytest.mark.parametrize(
    ("other", "rule"),
    [
        ("قتل خمسة أشخاص في الهجوم على السوق.", "CT101"),  # five is no tens
        ("قتل 50 شخصا في الهجوم على السوق.", "AG101"),  # fifty is tens
        ("قتل مئات الأشخاص في الهجوم على السوق.", "CT101"),  # hundreds are no tens
        ("قتل عشرات الأشخاص في الهجوم على السوق.", "AG101"),
    ],
)
def test_a_vague_amount_is_a_range(fallback, other: str, rule: str) -> None:
    assert rule in _verdicts(fallback, "قتل عشرات الأشخاص في الهجوم على السوق.", other)


def test_a_vague_amount_with_nothing_counted_after_it_is_no_figure(fallback) -> None:
    facts = extract(make_article("a", "أصيب العشرات في الحادث، ونزح مئات الآلاف من السكان.", published=DAY), fallback)
    assert [(f.text, f.display) for f in facts if f.type == "count"] == [("مئات الآلاف", "100,000–999,999")]


def test_a_number_before_a_scale_word_is_no_vague_amount(fallback) -> None:
    facts = extract(make_article("a", "قتل ثلاثة آلاف شخص.", published=DAY), fallback)
    assert [(f.text, f.value) for f in facts if f.type == "count"] == [("ثلاثة آلاف", 3000)]


def test_a_vague_amount_of_another_noun_does_not_state_a_figure(fallback) -> None:
    a = "أجهز حريق على عشرات السيارات في المدينة."
    b = "أجهز حريق على السيارات في أرض مساحتها 30 مترا في المدينة."
    assert "GP101" in _verdicts(fallback, a, b)


def test_for_the_first_time_against_the_tenth_time_contradicts(fallback) -> None:
    a, b = "فاز الفريق بالبطولة لأول مرة في تاريخه.", "فاز الفريق بالبطولة للمرة العاشرة في تاريخه."
    assert "CT105" in _verdicts(fallback, a, b)


def test_first_of_the_month_is_no_rank(fallback) -> None:
    facts = extract(make_article("a", "وصل الوفد أول أمس وسيغادر أول الشهر.", published=DAY), fallback)
    assert not [f for f in facts if f.type == "ordinal"]


def test_a_definite_number_glued_to_its_noun_counts_it(fallback) -> None:
    a, b = "توفي الفنان عن ال90عاما بعد صراع مع المرض.", "توفي الفنان عن 85 عاما بعد صراع مع المرض."
    assert "CT101" in _verdicts(fallback, a, b)


def test_a_weekday_then_the_day_with_the_article_then_the_month_is_one_day(fallback) -> None:
    a, b = "يقام الحفل الخميس الـ12 من رمضان في جدة.", "يقام الحفل الخميس الـ13 من رمضان في جدة."
    facts = extract(make_article("a", a, published=DAY), fallback)
    assert [f.text for f in facts if f.type == "date"] == ["الخميس الـ12 من رمضان"]
    assert "CT102" in _verdicts(fallback, a, b)


def test_a_reporting_window_is_no_gap(fallback) -> None:
    a = "أعلنت الوزارة تسجيل حالات جديدة خلال 24 الساعة الماضية، وقالت إن 12 مريضا تعافوا."
    b = "أعلنت الوزارة تسجيل حالات جديدة، وقالت إن 12 مريضا تعافوا."
    assert "GP101" not in _verdicts(fallback, a, b)
    facts = extract(make_article("a", "استمر الحصار 48 ساعة.", published=DAY), fallback)
    assert [f.attr("window") for f in facts if f.type == "count"] == [None]  # a duration is a fact


def test_two_given_names_of_one_family_in_one_article_are_two_people(fallback) -> None:
    text = "وقال الرئيس سلمان العودة إن الوضع خطير، وأكد الشيخ سليمان العودة ذلك."
    report = compare([make_article(x, text, published=DAY) for x in "ab"], analyzer=fallback)
    assert not [f.message for f in report.findings if f.kind == "variant"]


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("شارك في الاجتماع وزراء سبع دول من التحالف.", "شارك في الاجتماع وزراء سبعة بلدان من التحالف.", "AG101"),
        ("شارك في الاجتماع وزراء سبع دول من التحالف.", "شارك في الاجتماع وزراء ثمانية بلدان من التحالف.", "CT101"),
        ("استمرت الحرب 5 أعوام في البلاد.", "استمرت الحرب ست سنوات في البلاد.", "CT101"),
    ],
)
def test_synonymous_counted_nouns_are_one_unit(fallback, a: str, b: str, rule: str) -> None:
    assert rule in _verdicts(fallback, a, b)
