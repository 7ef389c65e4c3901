"""Gregorian intervals: months, weeks, seasons, thirds (early/mid/late) and shifts by a unit.

Seasons are meteorological: spring Mar 1-May 31, summer Jun 1-Aug 31, autumn Sep 1-Nov 30,
winter Dec 1 of the year - end of February of the next year. Boundary modifiers split a month into
thirds (early 1-10, mid 11-20, late 21-end), a year into thirds (Jan-Apr, May-Aug, Sep-Dec), a
decade into years 0-3 / 4-6 / 7-9; on a week they keep the whole (Monday-Sunday) week.
"""

from __future__ import annotations

import calendar
import datetime

Interval = tuple[datetime.date, datetime.date]

SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
#: a date without a year more than this after the reference date is taken from the year before
HALF_YEAR = datetime.timedelta(days=183)


def plausible_year(y: int) -> bool:
    return 1000 <= y <= 2200


def month_last(y: int, m: int) -> int:
    """The number of days of month m of year y."""
    return calendar.monthrange(y, m)[1]


def month_span(y: int, m: int) -> Interval:
    return datetime.date(y, m, 1), datetime.date(y, m, month_last(y, m))


def add_months(d: datetime.date, n: int) -> datetime.date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return datetime.date(y, m + 1, min(d.day, month_last(y, m + 1)))


def week_span(d: datetime.date) -> Interval:
    start = d - datetime.timedelta(days=d.weekday())
    return start, start + datetime.timedelta(days=6)


def season_span(season: str, y: int) -> Interval:
    m = SEASON_MONTHS[season]
    first = datetime.date(y, m, 1)
    last_m = add_months(first, 2)
    return first, datetime.date(last_m.year, last_m.month, month_last(last_m.year, last_m.month))


def narrow(first: datetime.date, last: datetime.date, unit: str, kind: str | None) -> Interval:
    """Apply a boundary modifier (early/mid/late) to an interval of the given unit."""
    if kind is None or unit == "week":
        return first, last
    if unit == "month":
        if kind == "early":
            return first, min(last, first + datetime.timedelta(days=9))
        if kind == "mid":
            return first + datetime.timedelta(days=10), min(last, first + datetime.timedelta(days=19))
        return first + datetime.timedelta(days=20), last
    if unit == "year":
        y = first.year
        if kind == "early":
            return datetime.date(y, 1, 1), datetime.date(y, 4, 30)
        if kind == "mid":
            return datetime.date(y, 5, 1), datetime.date(y, 8, 31)
        return datetime.date(y, 9, 1), datetime.date(y, 12, 31)
    if unit == "decade":
        y = first.year
        if kind == "early":
            return datetime.date(y, 1, 1), datetime.date(y + 3, 12, 31)
        if kind == "mid":
            return datetime.date(y + 4, 1, 1), datetime.date(y + 6, 12, 31)
        return datetime.date(y + 7, 1, 1), datetime.date(y + 9, 12, 31)
    return first, last


def unit_span(unit: str, d: datetime.date) -> Interval:
    """The day, Monday-Sunday week, month, year or decade that contains d."""
    if unit == "day":
        return d, d
    if unit == "week":
        return week_span(d)
    if unit == "month":
        return month_span(d.year, d.month)
    if unit == "decade":
        y = d.year - d.year % 10
        return datetime.date(y, 1, 1), datetime.date(y + 9, 12, 31)
    return datetime.date(d.year, 1, 1), datetime.date(d.year, 12, 31)


def shift(unit: str, d: datetime.date, n: int) -> datetime.date:
    """d moved by n units."""
    if unit == "day":
        return d + datetime.timedelta(days=n)
    if unit == "week":
        return d + datetime.timedelta(days=7 * n)
    if unit == "month":
        return add_months(d, n)
    if unit == "decade":
        return add_months(d, 120 * n)
    return add_months(d, 12 * n)
