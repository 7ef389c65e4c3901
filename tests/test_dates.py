"""Tests for checker.grammar.dates: the corpus in tests/corpus/dates.yaml plus unit tests."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.grammar.dates import DateMatch, candidate_years, find_dates, weekday_mismatch

CORPUS = yaml.safe_load((Path(__file__).parent / "corpus" / "dates.yaml").read_text(encoding="utf-8"))
REF: datetime.date = CORPUS["ref"]


def _cases() -> list[Any]:
    out = []
    for i, case in enumerate(CORPUS["cases"]):
        for form in case["texts"]:
            text, span = (form["text"], form["span"]) if isinstance(form, dict) else (str(form), str(form))
            out.append(pytest.param(text, span, case["expect"], id=f"{i}-{text}"))
    return out


def test_reference_is_a_wednesday() -> None:
    assert REF == datetime.date(2016, 1, 20) and REF.weekday() == 2


@pytest.mark.parametrize(("text", "span", "expect"), _cases())
def test_corpus(text: str, span: str, expect: dict[str, Any]) -> None:
    matches = find_dates(text, REF)
    assert len(matches) == 1, [m.text for m in matches]
    m = matches[0]
    assert m.text == span
    assert text[m.start : m.end] == m.text
    for field, value in expect.items():
        assert getattr(m, field) == value, f"{field}: {getattr(m, field)!r} != {value!r}"


@pytest.mark.parametrize("text", CORPUS["negatives"])
def test_negatives(text: str) -> None:
    assert find_dates(text, REF) == []
    assert find_dates(text) == []


def test_corpus_size() -> None:
    assert len(_cases()) + len(CORPUS["negatives"]) >= 70


# --- offsets ----------------------------------------------------------------------------------


def test_offsets_in_running_text_with_diacritics_and_tatweel() -> None:
    text = "وقالَ المتحدث غداً إنّ الاجتماع عُقد يوم الأربعاء ٢٠ يناير/كانون الثانـــي ٢٠١٦ في 15 رمضان 1437 هـ."
    ms = find_dates(text, REF)
    assert [m.text for m in ms] == ["غداً", "يوم الأربعاء ٢٠ يناير/كانون الثانـــي ٢٠١٦", "15 رمضان 1437 هـ"]
    for m in ms:
        assert text[m.start : m.end] == m.text
    assert ms == sorted(ms, key=lambda m: m.start)


def test_non_overlapping_longest_wins() -> None:
    ms = find_dates("بعد عام 2014 ومنذ أواخر عام 2017 وحتى نهاية سبتمبر/أيلول الماضي", REF)
    assert [m.text for m in ms] == ["عام 2014", "أواخر عام 2017", "نهاية سبتمبر/أيلول الماضي"]
    for a, b in itertools.pairwise(ms):
        assert a.end <= b.start


def test_two_years_after_amay() -> None:
    ms = find_dates("بين عامي 2014 و2015", REF)
    assert [(m.text, m.year) for m in ms] == [("عامي 2014", 2014), ("2015", 2015)]


def test_bare_year_does_not_fire() -> None:
    assert find_dates("2014") == []
    assert [m.year for m in find_dates("منذ 2014")] == [2014]


def test_marss_only_with_context() -> None:
    assert [m.month for m in find_dates("في 15 مارس")] == [3]
    assert [m.month for m in find_dates("مارس الماضي", REF)] == [3]
    assert find_dates("مارس اللاعب الرياضة") == []


# --- no reference date -------------------------------------------------------------------------


def test_no_reference_leaves_day_unresolved() -> None:
    (m,) = find_dates("الأربعاء 20 يناير")
    assert (m.day, m.month, m.year, m.weekday) == (20, 1, None, 2)
    assert m.first is None and m.last is None and not m.year_inferred
    assert not weekday_mismatch(m)


def test_no_reference_relative_is_unresolved() -> None:
    for text in ["أمس", "الأسبوع الماضي", "نوفمبر الماضي", "بعد ثلاثة أسابيع", "الأربعاء"]:
        (m,) = find_dates(text)
        assert m.relative and m.first is None, text


def test_written_year_needs_no_reference() -> None:
    (m,) = find_dates("20 يناير 2016")
    assert m.first == m.last == datetime.date(2016, 1, 20)


def test_year_inference_prefers_previous_year_when_far_ahead() -> None:
    (m,) = find_dates("15 ديسمبر", REF)
    assert m.first == datetime.date(2015, 12, 15) and m.year_inferred
    (m,) = find_dates("15 يونيو", REF)
    assert m.first == datetime.date(2016, 6, 15)


# --- weekday checks ---------------------------------------------------------------------------


def test_weekday_mismatch_positive() -> None:
    (m,) = find_dates("الخميس 20 يناير 2016")
    assert weekday_mismatch(m)
    (m,) = find_dates("اليوم الخميس", REF)
    assert weekday_mismatch(m)
    (m,) = find_dates("الجمعة 20/1/2016")
    assert weekday_mismatch(m)


def test_weekday_mismatch_negative() -> None:
    for text in ["الأربعاء 20 يناير 2016", "اليوم الأربعاء", "الأربعاء 20 يناير", "الخميس", "20 يناير 2016"]:
        (m,) = find_dates(text, REF)
        assert not weekday_mismatch(m), text


def test_weekday_mismatch_hijri() -> None:
    (m,) = find_dates("الاثنين 15 رمضان 1437 هـ")
    assert m.first == datetime.date(2016, 6, 20) and not weekday_mismatch(m)
    (m,) = find_dates("الثلاثاء 15 رمضان 1437 هـ")
    assert weekday_mismatch(m)


def test_candidate_years() -> None:
    assert candidate_years(20, 1, 2, 2010, 2020) == [2010, 2016]
    assert candidate_years(29, 2, 0, 2000, 2030) == [2016]
    assert candidate_years(31, 4, 0, 1900, 2100) == []
    for y in candidate_years(1, 5, 4, 1990, 2030):
        assert datetime.date(y, 5, 1).weekday() == 4


# --- Hijri conversion ---------------------------------------------------------------------------


def test_hijri_conversion() -> None:
    (m,) = find_dates("1 محرم 1438 هـ")
    assert m.calendar == "hijri" and m.first == datetime.date(2016, 10, 2)
    (m,) = find_dates("ذو الحجة 1436")
    assert (m.first, m.last) == (datetime.date(2015, 9, 14), datetime.date(2015, 10, 13))


def test_hijri_out_of_range_is_unresolved() -> None:
    (m,) = find_dates("عام ( 1308 ) هجري")
    assert m.year == 1308 and m.calendar == "hijri" and m.first is None


# --- misc -------------------------------------------------------------------------------------


def test_datematch_is_frozen() -> None:
    (m,) = find_dates("اليوم", REF)
    assert isinstance(m, DateMatch)
    with pytest.raises(AttributeError):
        m.day = 3  # type: ignore[misc]


def test_newspaper_named_today_is_not_a_date() -> None:
    assert [m.text for m in find_dates("عين اليوم – نجران: تنظم الغرفة اليوم ندوة", REF)] == ["اليوم"]
    assert not find_dates("قالت صحيفة اليوم إن", REF)


def test_the_day_in_general_is_not_today() -> None:
    assert not find_dates("مقارنة بمن يتحركون لفترات أطول خلال اليوم", REF)
    assert not find_dates("يتناول الدواء ثلاث مرات في اليوم", REF)
    # a head must be a whole word: «صحفي» ends like «في»
    assert [m.text for m in find_dates("وقالت الهيئة في بيان صحفي اليوم إن", REF)] == ["اليوم"]


def test_a_month_named_twice_with_a_space_is_one_month() -> None:
    (m,) = find_dates("ولد في أكتوبر تشرين الأول عام 2008 في بيروت", REF)
    assert m.text == "أكتوبر تشرين الأول عام 2008"
    assert (m.first, m.last) == (datetime.date(2008, 10, 1), datetime.date(2008, 10, 31))
    (m,) = find_dates("وصل في فبراير شباط الماضي", REF)
    assert m.text == "فبراير شباط الماضي" and m.first == datetime.date(2015, 2, 1)


def test_a_hijri_date_is_not_a_year_of_publication() -> None:
    from checker.extract.dates import infer_reference, mentioned_years

    text = "افتتحت السفارة أعمالها يوم الأحد 17/10/1436هـ الموافق 2/8/2015م"
    assert mentioned_years(text) == [2015]
    assert infer_reference(text) == datetime.date(2015, 8, 2)
    assert infer_reference("افتتحت السفارة أعمالها يوم الأحد 17/10/1436هـ") == datetime.date(2015, 8, 2)
