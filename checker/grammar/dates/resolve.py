"""Composition: turn one pattern match into the fields of a :class:`~checker.grammar.dates.find.DateMatch`.

Each resolver gets the match and a :class:`Ctx` (lexicon, reference date, original text) and
returns the fields without offsets (see :func:`fields`), or None to reject the match.

* A day or month without a year is resolved, when a reference date is given, to the occurrence in
  the reference year unless that starts more than six months after the reference date (then the
  previous year); ``year_inferred`` is set. With a relative word ("نوفمبر الماضي") the most
  recent past / next occurrence is used and ``relative`` is set instead.
* Offsets ("بعد ثلاثة أسابيع", "قبل عامين") resolve to the day / Monday-Sunday week / calendar
  month / calendar year that contains the shifted reference date.
* A weekday alone resolves to the reference date when it is that weekday, otherwise to the most
  recent such day before it; with الماضي / المقبل to the previous / next one strictly.
* A decade without a century word is taken as 19xx.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

from checker.grammar.dates.hijri import (
    HIJRI_YEARS,
    hijri_day,
    hijri_interval,
    hijri_year_span,
    in_gregorian_year,
    to_hijri,
)
from checker.grammar.dates.intervals import (
    HALF_YEAR,
    Interval,
    month_last,
    month_span,
    narrow,
    plausible_year,
    season_span,
    shift,
    unit_span,
)
from checker.grammar.dates.lexicon import DateLexicon, lookup_key
from checker.text.chars import map_span, strip_marks
from checker.text.words import zipf

Fields = dict[str, Any]

_WORD_AFTER = regex.compile(r"\s*[\p{L}%]")
_PREV_WORD = regex.compile(r"(\p{L}+)\s+$")


class Ctx:
    """Per-call state handed to the resolvers."""

    def __init__(self, lex: DateLexicon, ref: datetime.date | None, text: str, index: Sequence[int]) -> None:
        self.lex = lex
        self.ref = ref
        self.text = text
        self.index = index

    def original(self, m: regex.Match[str], group: str) -> str:
        """The original spelling of a matched group, without diacritics / tatweel."""
        s, e = map_span(self.index, *m.span(group))
        return strip_marks(self.text[s:e])

    def weekday(self, m: regex.Match[str]) -> int | None:
        """The weekday written with a day (``wd`` group); a bare one without يوم is not trusted."""
        wd = self.lex.get(self.lex.weekday, m.group("wd"))
        if m.group("wd") and lookup_key(m.group("wd")) in self.lex.bare_weekday and not m.group("yawm"):
            return None
        return wd


def fields(
    first: datetime.date | None,
    last: datetime.date | None,
    gran: str,
    *,
    day: int | None = None,
    month: int | None = None,
    year: int | None = None,
    weekday: int | None = None,
    relative: bool = False,
    cal: str = "gregorian",
    inferred: bool = False,
) -> Fields:
    """The DateMatch fields other than the offsets."""
    return {
        "first": first,
        "last": last,
        "granularity": gran,
        "day": day,
        "month": month,
        "year": year,
        "weekday": weekday,
        "relative": relative,
        "calendar": cal,
        "year_inferred": inferred,
    }


# --- a day or a month with a month name ----------------------------------------------------------


@dataclass
class MonthDate:
    """What a month-name match says (``20 يناير 2016``, ``نهاية رمضان``, ``نوفمبر الماضي``)."""

    hijri: bool
    name: str  # the folded month name
    month: int
    day: int | None
    year: int | None
    rel: str | None  # past | next | current
    bnd: str | None  # early | mid | late
    weekday: int | None


def month_date(m: regex.Match[str], c: Ctx) -> Fields | None:
    d = _read_month(m, c)
    if d is None or not _month_plausible(d, m, c):
        return None
    first, last, inferred = _resolve_month(d, c.ref)
    return fields(
        first,
        last,
        "day" if d.day is not None else "month",
        day=d.day,
        month=d.month,
        year=d.year,
        weekday=d.weekday,
        relative=d.rel is not None,
        cal="hijri" if d.hijri else "gregorian",
        inferred=inferred,
    )


def _read_month(m: regex.Match[str], c: Ctx) -> MonthDate | None:
    lex = c.lex
    is_hijri = m.group("hmon") is not None
    name = lookup_key(m.group("hmon") or m.group("mon"))
    month = lex.get(lex.hmonth if is_hijri else lex.month, name)
    if month is None:
        return None
    day = int(m.group("day")) if m.group("day") else lex.get(lex.ordinal, m.group("ord"))
    year_s = m.group("year")
    year = int(year_s) if year_s else None
    rel = lex.get(lex.rel, m.group("rel"))
    bnd = lex.get(lex.boundary, m.group("bnd"))
    return MonthDate(is_hijri, name, month, day, year, rel, bnd, c.weekday(m))


def _month_plausible(d: MonthDate, m: regex.Match[str], c: Ctx) -> bool:
    """An ambiguous month name needs an anchor; day and year must fit."""
    lex = c.lex
    ctx = m.group("ctx") is not None or m.group("shahr") is not None or d.bnd is not None
    paired = m.group("mon2") is not None or m.group("mon3") is not None
    anchored = d.day is not None or d.year is not None or d.rel is not None or paired
    if m.group("mon3") is not None and lex.get(lex.month, lookup_key(m.group("mon3"))) != d.month:
        return False  # two month names side by side name one month twice, or they are not a pair
    if d.name in lex.hamza_keys and c.original(m, "mon") not in lex.hamza_exact:
        return False  # أب (father), إب (a city): not آب
    if d.hijri:
        if d.name in lex.strict_hmonth and not (d.year is not None or d.rel is not None or m.group("shahr")):
            return False
        if d.name in lex.ambiguous_hmonth and not (anchored or ctx):
            return False
    elif d.name in lex.ambiguous_month and not (anchored or ctx):
        return False
    if d.year is not None and not plausible_year(d.year):
        return False
    if d.day is not None and not 1 <= d.day <= (30 if d.hijri else 31):
        return False
    if d.day is not None and not d.hijri:
        longest = month_last(d.year, d.month) if d.year else (29 if d.month == 2 else month_last(2001, d.month))
        if d.day > longest:
            return False
    return True


def _month_interval(d: MonthDate, y: int) -> Interval | None:
    """The day or the (narrowed) month in year y of its calendar."""
    if d.hijri:
        return hijri_interval(y, d.month, d.day, d.bnd)
    if d.day is not None:
        if d.day > month_last(y, d.month):
            return None
        g = datetime.date(y, d.month, d.day)
        return g, g
    return narrow(*month_span(y, d.month), "month", d.bnd)


def _resolve_month(d: MonthDate, ref: datetime.date | None) -> tuple[datetime.date | None, datetime.date | None, bool]:
    """(first, last, year inferred) of a month-name date."""
    res: Interval | None = None
    inferred = False
    if d.year is not None and d.hijri and d.year >= 1700:
        # a Hijri month with a Gregorian year ("شهر رمضان عام 1992"): the one starting that year
        res = in_gregorian_year(d.year, d.month, d.day, d.bnd)
    elif d.year is not None:
        res = _month_interval(d, d.year)
    elif ref is not None:
        res, inferred = _month_near(d, ref)
    first, last = res if res else (None, None)
    return first, last, inferred


def _month_near(d: MonthDate, ref: datetime.date) -> tuple[Interval | None, bool]:
    """A month-name date without a year, placed near the reference date: (interval, inferred)."""
    if d.hijri:
        h = to_hijri(ref)
        if h is None:
            return None, False
        ry, rm, rd = h
    else:
        ry, rm, rd = ref.year, ref.month, ref.day
    key = (d.month, d.day or 0)
    now = (rm, rd if d.day is not None else 0)
    if d.rel == "past":
        return _month_interval(d, ry if key < now else ry - 1), False
    if d.rel == "next":
        return _month_interval(d, ry if key > now else ry + 1), False
    if d.rel == "current":
        return _month_interval(d, ry), False
    res = _month_interval(d, ry)
    if res is not None and res[0] > ref + HALF_YEAR:
        res = _month_interval(d, ry - 1)
    return res, res is not None


# --- numeric dates, years, seasons ------------------------------------------------------------------


def numeric_date(m: regex.Match[str], c: Ctx) -> Fields | None:
    g = m.groupdict()
    y: int | None
    if g.get("y2"):
        y, mo, d = int(g["y2"]), int(g["m2"]), int(g["d2"])
    else:
        d, mo = int(g["d"]), int(g["m"])
        y = int(g["y"]) if g.get("y") else None
        if mo > 12 and d <= 12:
            d, mo = mo, d  # month/day/year order
    era = g.get("era")
    is_hijri = era is not None and lookup_key(era) in c.lex.hijri_suffix
    if era is None and y is not None and HIJRI_YEARS[0] <= y <= HIJRI_YEARS[1]:
        is_hijri = True  # 01-03-1419 in Saudi copy: a Gregorian year 1419 is no news date
    if not (1 <= mo <= 12 and 1 <= d <= (30 if is_hijri else 31)):
        return None
    if y is not None and not plausible_year(y):
        return None
    wd = c.lex.get(c.lex.weekday, g.get("wd"))
    if g.get("wd") and lookup_key(g["wd"]) in c.lex.bare_weekday and not g.get("yawm"):
        wd = None
    if is_hijri and y is not None:
        first = hijri_day(y, mo, d)
        return fields(first, first, "day", day=d, month=mo, year=y, weekday=wd, cal="hijri")
    if y is None:
        return _numeric_without_year(d, mo, wd, c.ref)
    if d > month_last(y, mo):
        return None
    first = datetime.date(y, mo, d)
    return fields(first, first, "day", day=d, month=mo, year=y, weekday=wd)


def _numeric_without_year(d: int, mo: int, wd: int | None, ref: datetime.date | None) -> Fields | None:
    """بتاريخ 20/1: the year inferred from the reference date."""
    if d > (29 if mo == 2 else month_last(2001, mo)):
        return None
    if ref is None:
        return fields(None, None, "day", day=d, month=mo)
    ry = ref.year
    if d > month_last(ry, mo):
        ry -= 1
    first = datetime.date(ry, mo, d)
    if first > ref + HALF_YEAR:
        first = datetime.date(ry - 1, mo, min(d, month_last(ry - 1, mo)))
    return fields(first, first, "day", day=d, month=mo, weekday=wd, inferred=True)


def year_date(m: regex.Match[str], c: Ctx) -> Fields | None:
    g = m.groupdict()
    y = int(g["year"])
    era = g.get("era")
    has_marker = any(g.get(k) for k in ("yw", "bnd", "season", "era")) or "prep" not in g
    if not has_marker:
        if not (g.get("prep") or g.get("weak")) or not 1900 <= y <= 2100:
            return None
        if g.get("weak") and _WORD_AFTER.match(m.string, m.end("x")):
            return None
    if not plausible_year(y):
        return None
    bnd = c.lex.get(c.lex.boundary, g.get("bnd"))
    season = c.lex.get(c.lex.season, g.get("season"))
    if era is not None and lookup_key(era) in c.lex.hijri_suffix:
        first, last = hijri_year_span(y, bnd)
        return fields(first, last, "year", year=y, cal="hijri")
    if season:
        first, last = season_span(season, y)
        return fields(first, last, "season", year=y)
    first, last = narrow(datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year", bnd)
    return fields(first, last, "year", year=y)


def year_range(m: regex.Match[str], c: Ctx) -> Fields | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if m.group("sep") == "/" and y2 != y1 + 1:
        return None  # a slash joins an academic or fiscal year's two years, nothing else
    if m.group("sep") == "/" and 1300 <= y1 <= 1500:  # العام الدراسي ١٤٣٥ /١٤٣٦: Hijri years
        first, last = hijri_year_span(y1, None)[0], hijri_year_span(y2, None)[1]
        return fields(first, last, "year") if first and last else None
    if not (1800 <= y1 < y2 <= 2100 and y2 - y1 <= 100):
        return None
    return fields(datetime.date(y1, 1, 1), datetime.date(y2, 12, 31), "year")


def season_date(m: regex.Match[str], c: Ctx) -> Fields | None:
    lex, ref = c.lex, c.ref
    season = lex.get(lex.season, m.group("season"))
    rel = lex.get(lex.rel, m.group("rel"))
    this = m.group("this") is not None
    unit = lex.get(lex.units_def, m.group("unit"))
    if m.group("unit") and unit != "year":
        return None
    if unit == "year" and rel is None:
        return None
    if rel is None and not this:
        return None
    if this and (rel is not None or unit):
        return None
    if ref is None:
        return fields(None, None, "season", relative=True)
    if unit == "year":
        # صيف العام الماضي: that season of the previous / next / current year
        y = ref.year + {"past": -1, "next": 1, "current": 0}[rel]
        first, last = season_span(season, y)
        return fields(first, last, "season", relative=True)
    y = ref.year - 1 if season == "winter" and ref.month <= 2 else ref.year
    if rel == "past":
        while season_span(season, y)[1] >= ref:
            y -= 1
    elif rel == "next":
        while season_span(season, y)[0] <= ref:
            y += 1
    first, last = season_span(season, y)
    return fields(first, last, "season", relative=True)


# --- relative expressions ----------------------------------------------------------------------------


def unit_date(m: regex.Match[str], c: Ctx) -> Fields | None:
    lex, ref = c.lex, c.ref
    unit = lex.get(lex.units_def, m.group("unit") or m.group("unit2"))
    rel = lex.get(lex.rel, m.group("rel"))
    bnd = lex.get(lex.boundary, m.group("bnd"))
    this = m.group("this") is not None
    if unit is None or not (rel or bnd or this):
        return None
    if ref is None:
        return fields(None, None, unit, relative=True)
    n = {"past": -1, "next": 1}.get(rel or "current", 0)
    first, last = unit_span(unit, shift(unit, ref, n))
    first, last = narrow(first, last, unit, bnd)
    return fields(first, last, unit, relative=True)


def relative_day(m: regex.Match[str], c: Ctx) -> Fields | None:
    lex, ref = c.lex, c.ref
    off = lex.get(lex.relday, m.group("rd"))
    if off is None:
        return None
    wd = lex.get(lex.weekday, m.group("wd"))
    if m.group("wd") and lookup_key(m.group("wd")) in lex.bare_weekday:
        return None
    if ref is None:
        return fields(None, None, "day", weekday=wd, relative=True)
    d = ref + datetime.timedelta(days=off)
    return fields(d, d, "day", weekday=wd, relative=True)


def offset_date(m: regex.Match[str], c: Ctx) -> Fields | None:
    lex, ref = c.lex, c.ref
    unit_n = lex.get(lex.unit, m.group("unit"))
    if unit_n is None:
        return None
    unit, count = unit_n
    num = m.group("num")
    if num is not None:
        if count == 2:
            return None  # "بعد ثلاثة يومين"
        n = int(num) if num.isdigit() else lex.get(lex.number, num)
        if n is None or n == 0:
            return None
    else:
        if count is None:
            return None  # "بعد أيام": vague
        n = count
    # the word just before (a window: searching from the text's start made long articles quadratic)
    prev = _PREV_WORD.search(m.string, max(0, m.start("x") - 60), m.start("x"))
    if prev and (lex.get(lex.unit, prev.group(1)) or ("",))[0] == unit:
        return None  # "يوماً بعد يوم": an idiom, not an offset
    sign = -1 if m.group("before") else 1
    if ref is None:
        return fields(None, None, unit, relative=True)
    first, last = unit_span(unit, shift(unit, ref, sign * n))
    return fields(first, last, unit, relative=True)


def weekday_date(m: regex.Match[str], c: Ctx) -> Fields | None:
    lex, ref = c.lex, c.ref
    if m.group("blk"):
        return None
    name = lookup_key(m.group("wd"))
    if name in lex.bare_weekday and not m.group("yawm"):
        return None
    wd = lex.get(lex.weekday, name)
    rel = lex.get(lex.rel, m.group("rel"))
    if wd is None:
        return None
    if ref is None:
        return fields(None, None, "day", weekday=wd, relative=True)
    if rel == "next":
        d = ref + datetime.timedelta(days=(wd - ref.weekday()) % 7 or 7)
    elif rel == "past":
        d = ref - datetime.timedelta(days=(ref.weekday() - wd) % 7 or 7)
    elif _future_clause(m.string, m.start("wd"), lex.clause_openers, lex.complement_markers):
        d = ref + datetime.timedelta(days=(wd - ref.weekday()) % 7)  # «يدشن الأمير الثلاثاء …»: the coming one
    else:
        d = ref - datetime.timedelta(days=(ref.weekday() - wd) % 7)
    return fields(d, d, "day", weekday=wd, relative=True)


#: where a clause starts: a sentence end, a comma, a colon or a line break
_CLAUSE_START = regex.compile(r"[.،,:؛;!؟?\n][^.،,:؛;!؟?\n]*$")
#: a clause's first word that is a verb in the imperfect or the future, by its letters: a prefix
#: (ي، ت، ن; سي، ست، سن، سأ) before three to five letters, no nominal ending (يدشن، ستقام، سيرعى)
_FUTURE_VERB = regex.compile(r"(?:[وف])?(?:س[يتنأا]|[يتن])\p{L}{3,5}")
_NOMINAL_END = ("ة", "ات", "ين", "ون", "ية")
#: a word the press writes with the article this often (zipf) is a noun, whatever its first letter
NOUN_WITH_ARTICLE = 2.0


def _future_clause(
    text: str, at: int, openers: frozenset[str] = frozenset(), complements: frozenset[str] = frozenset()
) -> bool:
    """The clause a bare weekday stands in opens with an imperfect or future verb (ويدشن أمير منطقة
    عسير الثلاثاء المبنى الجديد), after a word that opens a clause before its verb if any (فيما تقام
    …); a complement clause (… أن …) is read from its own first word: news tells what is to come so;
    a past event takes the perfect."""
    window = text[max(0, at - 120) : at]
    start = _CLAUSE_START.search(window)
    words = (window[start.start() + 1 :] if start else window).split()
    marks = [i for i, w in enumerate(words) if strip_marks(w) in complements]
    if marks:
        words = words[marks[-1] + 1 :]
        if len(words) > 1 and words[0].startswith("ال"):  # أن الوزير يزور: the subject, then the verb
            words = words[1:]
    while words and strip_marks(words[0]) in openers:
        words = words[1:]
    if not words:
        return False
    return _imperfect(strip_marks(words[0]))


def _imperfect(first: str) -> bool:
    """*first* is a verb in the imperfect or the future, by its letters."""
    if first in ("سوف", "وسوف"):
        return True
    bare = first[1:] if first[:1] in ("و", "ف") and len(first) > 4 else first
    verb = bool(_FUTURE_VERB.fullmatch(first)) and not first.endswith(_NOMINAL_END)
    return verb and zipf("ال" + bare) < NOUN_WITH_ARTICLE  # تقرير: a noun (التقرير), not a verb


def decade_date(m: regex.Match[str], c: Ctx) -> Fields | None:
    dec = c.lex.get(c.lex.decade, m.group("dec"))
    if dec is None:
        return None
    century = c.lex.get(c.lex.century, m.group("cent")) or 1900
    y = century + dec
    return fields(datetime.date(y, 1, 1), datetime.date(y + 9, 12, 31), "decade")
