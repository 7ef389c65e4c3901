"""Find the dates of a text: :func:`find_dates` and its result, :class:`DateMatch`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from checker.grammar.dates.intervals import month_last
from checker.grammar.dates.patterns import grammar
from checker.grammar.dates.resolve import Ctx, Fields
from checker.text.chars import fold_with_map, is_dropped, map_span


@dataclass(frozen=True)
class DateMatch:
    """One date or time expression, with exact offsets into the original text."""

    start: int
    end: int
    text: str
    first: datetime.date | None
    last: datetime.date | None
    granularity: str
    day: int | None
    month: int | None
    year: int | None
    weekday: int | None
    relative: bool
    calendar: str
    year_inferred: bool


def find_dates(text: str, ref: datetime.date | None = None) -> list[DateMatch]:
    """All date expressions in *text*, sorted, non-overlapping (the longest wins).

    >>> [m.text for m in find_dates("قال أمس إن 25% من 26 دولة وقعت اليوم الوطني")]
    ['أمس']
    >>> m = find_dates("في فبراير/شباط القادم", datetime.date(2016, 1, 20))[0]
    >>> m.text, m.first, m.last
    ('فبراير/شباط القادم', datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    """
    folded, index = fold_with_map(text)
    cands = _candidates(folded, Ctx(grammar().lex, ref, text, index))
    cands.sort(key=lambda t: (-(t[1] - t[0]), t[2], t[0]))
    taken = bytearray(len(folded) + 1)  # one byte a character: linear, where a list of spans was not
    out: list[DateMatch] = []
    for a, b, _, fields in cands:
        if any(taken[a:b]):
            continue
        taken[a:b] = b"\x01" * (b - a)
        s, e = map_span(index, a, b)
        while e < len(text) and is_dropped(text[e]):
            e += 1  # keep a final tanwin / tatweel ("غداً", "هـ") inside the span
        out.append(DateMatch(start=s, end=e, text=text[s:e], **fields))
    out.sort(key=lambda dm: dm.start)
    return out


def _candidates(folded: str, ctx: Ctx) -> list[tuple[int, int, int, Fields]]:
    """Every accepted match of every pattern: (folded start, folded end, pattern order, fields)."""
    cands: list[tuple[int, int, int, Fields]] = []
    for order, (pat, resolver) in enumerate(grammar().patterns):
        for m in pat.finditer(folded):
            try:
                fields = resolver(m, ctx)
            except (ValueError, OverflowError):
                fields = None  # a date beyond the calendar (year 10000): no match
            if fields is None:
                continue
            a, b = m.span("x")
            # trim trailing spaces from the span
            while b > a and folded[b - 1].isspace():
                b -= 1
            cands.append((a, b, order, fields))
    return cands


def weekday_mismatch(m: DateMatch) -> bool:
    """True when a written weekday contradicts a fully known single day.

    The day counts as known when it resolved to one date (its year written or inferred from the
    reference date).

    >>> weekday_mismatch(find_dates("الأربعاء 20 يناير 2016")[0])
    False
    >>> weekday_mismatch(find_dates("اليوم الخميس", datetime.date(2016, 1, 20))[0])
    True
    """
    if m.weekday is None or m.first is None or m.first != m.last:
        return False
    return m.first.weekday() != m.weekday


def candidate_years(day: int, month: int, weekday: int, lo: int, hi: int) -> list[int]:
    """Years in ``[lo, hi]`` in which ``day``/``month`` falls on ``weekday`` (0=Monday).

    >>> candidate_years(29, 2, 0, 2000, 2030)
    [2016]
    """
    out = []
    for y in range(lo, hi + 1):
        if month < 1 or month > 12 or day < 1 or day > month_last(y, month):
            continue
        if datetime.date(y, month, day).weekday() == weekday:
            out.append(y)
    return out
