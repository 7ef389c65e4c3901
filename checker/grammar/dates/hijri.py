"""Hijri dates (via ``hijridate``): days, months and years as Gregorian intervals.

Out-of-range dates give None rather than an error. A numeric date whose year falls in
:data:`HIJRI_YEARS` is Hijri even without هـ; a Hijri month named with a Gregorian year ("شهر
رمضان عام 1992") is the one that starts in that year.
"""

from __future__ import annotations

import datetime

from hijridate import Gregorian, Hijri

from checker.grammar.dates.intervals import Interval, narrow

#: numeric dates whose year falls here are Hijri even without هـ
HIJRI_YEARS = (1300, 1500)
_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def hijri_month_span(y: int, m: int) -> Interval | None:
    try:
        h = Hijri(y, m, 1)
        a = h.to_gregorian()
        b = Hijri(y, m, h.month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return datetime.date(a.year, a.month, a.day), datetime.date(b.year, b.month, b.day)


def hijri_day(y: int, m: int, d: int) -> datetime.date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return datetime.date(g.year, g.month, g.day)


def to_hijri(d: datetime.date) -> tuple[int, int, int] | None:
    """(year, month, day) of the Hijri date of d."""
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def hijri_interval(y: int, month: int, day: int | None, bnd: str | None) -> Interval | None:
    """A Hijri day, or a Hijri month narrowed by a boundary modifier, as a Gregorian interval."""
    if day is not None:
        g = hijri_day(y, month, day)
        return (g, g) if g else None
    s = hijri_month_span(y, month)
    return narrow(*s, "month", bnd) if s else None


def in_gregorian_year(year: int, month: int, day: int | None, bnd: str | None) -> Interval | None:
    """The Hijri month (or day) named with a Gregorian year: the one starting in that year."""
    for hy in range(year - 580, year - 576):  # the Hijri years that overlap that Gregorian year
        res = hijri_interval(hy, month, day, bnd)
        if res is not None and res[0].year == year:
            return res
    return None


def hijri_year_span(y: int, bnd: str | None) -> tuple[datetime.date | None, datetime.date | None]:
    """A Hijri year, or a third of it in Hijri months (early 1-4, mid 5-8, late 9-12)."""
    a = hijri_month_span(y, 1)
    b = hijri_month_span(y, 12)
    if not (a and b):
        return None, None
    if not bnd:
        return a[0], b[1]
    lo, hi = _THIRDS[bnd]
    s1, s2 = hijri_month_span(y, lo), hijri_month_span(y, hi)
    return (s1[0], s2[1]) if s1 and s2 else (None, None)


def as_hijri_month(first: datetime.date, last: datetime.date, ref: datetime.date) -> Interval | None:
    """A relative month read in the Gregorian calendar («نهاية الشهر الجاري» = 21..31 August, against
    *ref*), read again in the Hijri one: the Hijri month as far from *ref*'s as the Gregorian month
    is from *ref*'s, with the same part (early, mid, late) — for copy that dates itself by the Hijri
    calendar (17/10/1436هـ … نهاية الشهر الجاري is the end of Shawwal).

    >>> as_hijri_month(datetime.date(2015, 8, 21), datetime.date(2015, 8, 31), datetime.date(2015, 8, 2))
    (datetime.date(2015, 8, 6), datetime.date(2015, 8, 15))
    """
    n = (first.year - ref.year) * 12 + first.month - ref.month
    h = to_hijri(ref)
    if h is None:
        return None
    y, m = h[0] + (h[1] - 1 + n) // 12, (h[1] - 1 + n) % 12 + 1
    span = hijri_month_span(y, m)
    if span is None:
        return None
    whole = first.day == 1 and (last + datetime.timedelta(days=1)).day == 1
    part = None if whole else {1: "early", 11: "mid", 21: "late"}.get(first.day)
    return narrow(*span, "month", part)
