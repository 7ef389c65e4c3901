"""Tests for checker/grammar/numerals/: the corpus in tests/corpus/numbers.yaml plus targeted cases."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.extract.quantities import display_number
from checker.grammar.numerals import NumberMatch, find_numbers, parse_digits

CORPUS_PATH = Path(__file__).resolve().parent / "corpus" / "numbers.yaml"
CORPUS: dict[str, Any] = yaml.safe_load(CORPUS_PATH.read_text(encoding="utf-8"))


def _cases() -> list[Any]:
    out = []
    for case in CORPUS["cases"]:
        for form in case["forms"]:
            out.append(pytest.param(case, form, id=f"{case['value']}:{form}"))
    return out


def _unbracket(form: str) -> tuple[str, int, int]:
    start = form.index("[")
    end = form.index("]") - 1
    return form.replace("[", "").replace("]", ""), start, end


def test_corpus_is_big_enough() -> None:
    assert sum(len(c["forms"]) for c in CORPUS["cases"]) >= 80
    assert len(CORPUS["negative"]) >= 30


@pytest.mark.parametrize(("case", "form"), _cases())
def test_corpus_case(case: dict[str, Any], form: str) -> None:
    text, start, end = _unbracket(form)
    found = find_numbers(text)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    m = found[0]
    assert text[m.start : m.end] == m.text
    assert (m.start, m.end) == (start, end), (m.text, text[start:end])
    assert m.value == pytest.approx(case["value"])
    assert isinstance(m.value, int) == float(case["value"]).is_integer()
    assert m.kind == case.get("kind", "cardinal")
    assert m.high == (pytest.approx(case["high"]) if "high" in case else None)
    assert m.qualifier == case.get("qualifier")
    if "definite" in case:
        assert m.definite is case["definite"]
    if "written" in case:
        assert m.written == case["written"]


@pytest.mark.parametrize("text", CORPUS["negative"])
def test_corpus_negative(text: str) -> None:
    assert find_numbers(text) == []


# --- targeted behaviour ---------------------------------------------------------------------------


def test_match_fields() -> None:
    [m] = find_numbers("قتل نحو 2.5 مليار")
    assert m == NumberMatch(
        start=4,
        end=17,
        text="نحو 2.5 مليار",
        value=2500000000,
        kind="cardinal",
        written="mixed",
        qualifier="approx",
        high=None,
        definite=False,
    )


def test_proclitic_not_in_span() -> None:
    text = "وسبعة"
    [m] = find_numbers(text)
    assert (m.start, m.end, m.text, m.value) == (1, 5, "سبعة", 7)
    [m] = find_numbers("بحوالي ستة")
    assert m.text == "حوالي ستة" and m.qualifier == "approx"


def test_several_numbers_sorted_and_disjoint() -> None:
    text = "قتل 5 أشخاص وجرح ثلاثة عشر آخرون في 2016، ونزح ثلثا السكان، وفي اليوم الثاني 1,300"
    found = find_numbers(text)
    assert [(m.text, m.value) for m in found] == [
        ("5", 5),
        ("ثلاثة عشر", 13),
        ("2016", 2016),
        ("ثلثا", 0.6667),
        ("الثاني", 2),
        ("1,300", 1300),
    ]
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for m in found:
        assert text[m.start : m.end] == m.text


def test_diacritics_and_tatweel_kept_in_span() -> None:
    text = "دفع ثلاثـــةُ آلافٍ دولار"
    [m] = find_numbers(text)
    assert m.value == 3000 and m.text == "ثلاثـــةُ آلافٍ"


def test_bidi_mark_inside_number() -> None:
    # typed right to left around the mark (as Asharq Al-Awsat stores them): 436.4
    text = "بلغ 4.\u200f436 نقطة"
    [m] = find_numbers(text)
    assert m.value == 436.4 and m.text == "4.\u200f436"
    assert [m.value for m in find_numbers("ارتفع 9ر53 نقطة")] == [53.9]
    assert [m.value for m in find_numbers("بلغت 45،5 مليون ريال")] == [45_500_000]
    assert [m.value for m in find_numbers("قال، 45 شخصا")] == [45]


def test_enumeration_is_not_summed() -> None:
    assert [m.value for m in find_numbers("ثلاثة وخمسة")] == [3, 5]
    assert [m.value for m in find_numbers("عشرون وخمسة")] == [20, 5]


def test_score_is_not_a_range() -> None:
    found = find_numbers("فاز الفريق 2-1")
    assert [(m.value, m.high) for m in found] == [(2, None), (1, None)]


def test_scale_shared_in_range_only_when_smaller() -> None:
    [m] = find_numbers("بين 500 و7 آلاف")
    assert (m.value, m.high) == (500, 7000)


def test_vague_plurals_yield_nothing() -> None:
    for text in ("مئات", "آلاف", "عشرات", "ملايين", "مليارات"):
        assert find_numbers(text) == [], text


def test_weekday_vs_two() -> None:
    assert find_numbers("أعلنت الوزارة الاثنين أن") == []
    assert find_numbers("صباح الإثنين") == []
    assert [m.value for m in find_numbers("اتفق الطرفين الاثنين")] == [2]


def test_month_ordinal_suppressed_but_not_elsewhere() -> None:
    assert find_numbers("في تشرين الثاني") == []
    assert find_numbers("وفي كانون الأول") == []
    [m] = find_numbers("في الشهر الثاني")
    assert m.kind == "ordinal" and m.value == 2


def test_ordinal_authored_verb_not_thousand() -> None:
    assert find_numbers("ألّف الكاتب رواية") == []


def test_latin_and_urls() -> None:
    assert find_numbers("iPhone15 و mp3 و https://x.com/2016/05") == []


def test_negative_only_directly_before_digits() -> None:
    assert [m.value for m in find_numbers("الحرارة -5")] == [-5]
    assert [m.value for m in find_numbers("الحرارة - 5")] == [5]


def test_parse_digits() -> None:
    assert parse_digits("1,300") == 1300
    assert parse_digits("1.300.000") == 1300000
    assert parse_digits("6,6") == 6.6
    assert parse_digits("0٫2") == 0.2
    assert parse_digits("٣٬٥٠٠") == 3500
    assert parse_digits("4.\u200f436") == 436.4
    assert parse_digits("1,30,000") is None
    assert parse_digits("") is None
    assert isinstance(parse_digits("2016"), int)


def test_empty_and_non_arabic() -> None:
    assert find_numbers("") == []
    assert find_numbers("no numbers here") == []


def test_bracketed_digits_before_a_scale_word_are_one_number() -> None:
    cases = [("شراكة بـ(30) مليون دولار", 30_000_000), ("نقل (20) ألف طن", 20_000), ("بلغ (3) مليارات", 3_000_000_000)]
    for text, value in cases:
        found = [(m.text, m.value) for m in find_numbers(text)]
        assert found and found[0][1] == value and found[0][0].startswith("("), (text, found)
    assert [m.value for m in find_numbers("المادة (30) من النظام")] == [30]


def test_an_accusative_scale_word_opens_a_sum_but_not_alone() -> None:
    assert [m.value for m in find_numbers("تكلفة المشروعات مليارا وتسعة وخمسين مليون ريال")] == [1_059_000_000]
    assert find_numbers("أنفق مليونا") == []


def test_quarters_and_halves_of_a_period_and_a_lone_wahid_are_not_figures(fallback) -> None:
    from checker.api import extract_facts, make_article

    text = "أعلنت الشركة نتائج الربع الثاني والنصف الأول، وارتفعت الأرباح بعد يوم واحد من الإعلان، ونحو ربع السكان."
    facts = extract_facts(make_article("a", text), analyzer=fallback)
    figures = [(f.text, f.value) for f in facts if f.type in ("count", "number")]
    assert figures == [("نحو ربع", 0.25)], figures


def test_a_dot_before_three_digits_groups_thousands_of_whole_things(fallback) -> None:
    from checker.api import extract_facts, make_article

    def counts(text: str) -> list[tuple[float, str]]:
        facts = extract_facts(make_article("a", text), analyzer=fallback)
        return [(f.value, f.display) for f in facts if f.type == "count"]

    assert counts("استقبل المعرض 12.450 زائرا خلال أسبوع") == [(12450, "12,450")]
    assert counts("نقلت الشاحنات 1.500 طن من القمح") == [(1.5, "1.5")]  # a unit of measure may be a decimal


def test_money_in_words_and_grouped_digits_agree_to_the_unit_they_state(fallback) -> None:
    from checker.api import compare, make_article

    arts = [
        make_article("a", "وبلغت تكلفة المشروعات مليارا وتسعة وخمسين مليون ريال وفق التقرير السنوي."),
        make_article("b", "وبلغت تكلفة المشروعات 1.059.593.121 ريالا وفق التقرير السنوي."),
    ]
    kinds = {f.kind for f in compare(arts, analyzer=fallback).findings if f.rule.startswith(("CT1", "AG1"))}
    assert kinds == {"agreement"}, kinds


def test_a_half_after_the_counted_noun_and_ranges_between_with_ila(fallback) -> None:
    from checker.api import extract_facts, make_article

    facts = extract_facts(
        make_article("a", "على مدى أربع ساعات ونصف، وقتل خمسة أشخاص ونصفهم أطفال."), analyzer=fallback
    )
    assert [(f.text, f.value) for f in facts if f.type == "count"] == [("أربع ساعات ونصف", 4.5), ("خمسة", 5)]
    assert [(m.value, m.high) for m in find_numbers("درجات الحرارة ما بين 18 إلى 21 درجة")] == [(18, 21)]


def test_caps_and_open_bounds_are_read_as_written() -> None:
    from checker.grammar.numerals import find_numbers

    read = {
        m.text: (m.value, m.qualifier)
        for t in (
            "تعيين ما لا يزيد عن 5 % من الأعضاء",
            "ضمن مجموعة تزيد على عشرة من رموز الحركة",
            "مع فرض غرامة مالية لن تتجاوز 150 ألف يورو",
            "بلغ ما يزيد عن 7 ملايين",
        )
        for m in find_numbers(t)
    }
    assert read == {
        "ما لا يزيد عن 5": (5, "at_most"),
        "تزيد على عشرة": (10, "more_than"),
        "لن تتجاوز 150 ألف": (150000, "at_most"),
        "ما يزيد عن 7 ملايين": (7000000, "more_than"),
    }


def test_no_figure_in_a_name_with_a_plus_nor_a_day_of_the_month() -> None:
    import datetime as dt

    from checker.api import extract_facts, make_article

    for text in (
        "توصلت إيران ومجموعة 5+1 إلى اتفاق",
        "يبدأ البرنامج يوم الثلاثاء 26 من الشهر الجاري",
        "ويختتم البرنامج يوم الخميس الـ 28 من الشهر",
    ):
        facts = extract_facts(make_article("a", text, published=dt.date(2015, 8, 2)))
        assert not [f for f in facts if f.type in ("count", "number")], text
    facts = extract_facts(make_article("a", "وتبلغ المساحة المزروعة 14.000 متر مربع", published=dt.date(2015, 8, 2)))
    assert [f.value for f in facts if f.type == "count"] == [14000]


def test_a_fraction_word_is_shown_as_a_fraction() -> None:
    shown = [display_number(m) for m in find_numbers("استغرق ذلك نحو ثلث الساعة، ونزح ثلثا السكان، وبقي نصف الطاقم")]
    assert shown == ["~1/3", "2/3", "1/2"]
