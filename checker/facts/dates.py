"""Dates and periods, resolved to an interval of days where a reference date allows."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from checker.facts.base import FactType, Tolerance
from checker.model import WEEKDAYS, Fact

GRANULARITY = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}
#: a relative day (اليوم، أمس) is known to a day either way: outlets publish at different hours
RELATIVE_SLACK = dt.timedelta(days=1)
ISO = {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


class DateValue(TypedDict):
    first: str | None
    last: str | None
    granularity: str


def _written_compatible(a: Fact, b: Fact) -> bool | None:
    """Unresolved dates (no year, no reference date) compared by what is written: في رمضان / في
    شوال differ; 20 يناير / 20 يناير agree; a month against a bare weekday cannot be told."""
    if a.attr("calendar") != b.attr("calendar"):
        return None
    (da, ma, ya), (db, mb, yb) = a.attr("written") or [None] * 3, b.attr("written") or [None] * 3
    if ya and yb and ya != yb:
        return False
    if ma and mb:
        if ma != mb:
            return False
        return da == db if da and db else True
    wda, wdb = a.attr("weekday"), b.attr("weekday")
    if wda and wdb and not (ma or mb or da or db):
        return bool(wda == wdb)
    return None


def _loose(f: Fact) -> bool:
    """A relative day is known to a day either way when the publication date it resolves against
    was inferred (a crawl date may be a day off); a known publication date (``exact_ref``) or a
    written weekday fixes it exactly."""
    return bool(f.attr("relative")) and not f.attr("weekday") and not f.attr("exact_ref")


def _said(f: Fact) -> str | None:
    """The day a relative word gives against a known publication date, where the weekday written
    beside it names a later day (``said_day``; the fact's value is the weekday's day): «أمس الأحد»
    or «اليوم الاثنين» in a Sunday's article. An article is not written after its publication date,
    so the article contradicts itself, and its day word is compared too. A weekday naming an earlier
    day («اليوم السبت» in a Sunday's article) may be right: a publication date may be the day the
    article was fetched (a crawl date), so there the weekday alone decides, as it does against an
    inferred publication date."""
    said = f.attr("said_day")
    if not (said and f.attr("exact_ref")) or said > f.value["first"]:
        return None
    return str(said)


def _stamp_only(a: Fact, b: Fact) -> bool:
    """*a* is a relative day with no weekday; *b* the same relative day whose written weekday names
    the day before the one its own publication date gives (مساء اليوم السبت in an article stamped
    Sunday). The stamp may be a crawl date, so *a*, resolved against the same stamp, may be that
    Saturday too: the two differ only by the stamp, which *b*'s own text already doubts (lint LN104).
    """
    said = b.attr("said_day")
    if not (said and a.attr("relative") and b.attr("relative")) or a.attr("weekday"):
        return False
    return bool(said > b.value["first"] and said == a.value["first"])


def _weekdays_fit(f: Fact, day: dt.date) -> bool:
    """Whether the weekday written in *f* (if any) is the weekday of the other article's *day*."""
    written = f.attr("weekday")
    return not written or written not in WEEKDAYS or WEEKDAYS[day.weekday()] == written


#: the parts of the day in order (``parts_of_day`` in ``rules/lexicons/dates.yaml``); neighbours,
#: night and morning included, may overlap
PARTS = ("morning", "midday", "afternoon", "evening", "night")


def _parts_apart(a: Fact, b: Fact) -> bool:
    """Both facts name a part of the day, and the parts are not neighbours (morning / evening)."""
    pa, pb = a.attr("part"), b.attr("part")
    if pa not in PARTS or pb not in PARTS:
        return False
    gap = abs(PARTS.index(pa) - PARTS.index(pb))
    return min(gap, len(PARTS) - gap) >= 2


def _interval(f: Fact) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(f.value["first"]), dt.date.fromisoformat(f.value["last"])


def compare_dates(a: Fact, b: Fact, _tol: Tolerance) -> bool | None:
    """Resolved dates agree when their intervals overlap (a month contains its days), and differ
    when they do not. Two days that differ by no more than a loose relative day's slack cannot be
    told apart: no agreement (it would show two different dates) and no contradiction."""
    va, vb = a.value, b.value
    if not (va.get("first") and vb.get("first")):
        return _written_compatible(a, b)
    ga, gb = GRANULARITY.get(va["granularity"], 0), GRANULARITY.get(vb["granularity"], 0)
    if abs(ga - gb) > 2:
        return None  # "today" against "by 2030": different facts, not one date misstated
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    if bool(a.attr("speech")) != bool(b.attr("speech")) and not (a0 <= b1 and b0 <= a1):
        return None  # the day a ministry spoke against the day of the visit it announced
    if a0 == a1 and b0 == b1 and a0 != b0 and (_stamp_only(a, b) or _stamp_only(b, a)):
        return None  # مساء اليوم / مساء اليوم السبت in two Sunday-stamped articles: only the stamp differs
    if a0 == a1 and b0 == b1 and not (_weekdays_fit(a, b0) and _weekdays_fit(b, a0)):
        return False  # اليوم الاثنين / اليوم الأحد: the same day word, another weekday
    if a0 == a1 and b0 == b1 and (_said(a) or _said(b)) and not (_loose(a) or _loose(b)):
        # أمس الأحد in a Sunday's paper against اليوم الأحد: the weekday agrees, the day word does not
        return a0 == b0 and (_said(a) or a0.isoformat()) == (_said(b) or b0.isoformat())
    if a0 == a1 and b0 == b1 and a0 != b0 and (a.attr("bare_weekday") or b.attr("bare_weekday")):
        if (a0 - b0).days % 7 == 0:
            return None  # يدشن ... الثلاثاء / الثلاثاء المقبل: a weekday alone may be last week's or next
    if a0 == a1 == b0 == b1 and _parts_apart(a, b):
        return False  # مساء اليوم الأحد / صباح اليوم: one day, times of it that do not touch
    if a0 <= b1 and b0 <= a1:
        # a day inside a week or a month fits it, and a Hijri year overlaps two Gregorian ones (or an
        # academic year 1436/1437 its second year), but neither is the same date: no agreement to show
        return True if (a0, a1) == (b0, b1) else None
    if a.attr("anaphoric") or b.attr("anaphoric"):
        return None  # الشهر السابق counts from the month discussed, which may not be the current one
    if _loose(a) or _loose(b):
        slack = RELATIVE_SLACK
        if a0 - slack <= b1 and b0 <= a1 + slack:
            return None
    return False


TYPES = (
    FactType(
        "date",
        DateValue,
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["first", "last", "granularity"],
            "properties": {"first": ISO, "last": ISO, "granularity": {"enum": list(GRANULARITY)}},
        },
        "A date or period: its first and last day (null when unresolved) and its granularity.",
        compare_dates,
        frozenset(
            {
                "relative",
                "calendar",
                "written",
                "weekday",
                "inferred",
                "year_inferred",
                "exact_ref",
                "said_day",
                "part",
                "bare_weekday",
                "speech",
                "anaphoric",
            }
        ),
    ),
)
