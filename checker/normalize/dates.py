"""Arabic date and time expressions: find them, keep exact offsets, resolve them to intervals.

A small rule grammar (Duckling-like, but regular expressions over folded text) for news copy:
absolute dates ("20 يناير 2016", "الأربعاء 20 يناير/كانون الثاني", "20/1/2016", "2016-01-20"),
months and years ("يناير 2016", "العام 2014", "1437هـ"), Hijri dates ("15 رمضان 1437 هـ"),
seasons ("صيف العام 2014"), boundary modifiers ("نهاية سبتمبر/أيلول الماضي", "مطلع العام
المقبل"), relative expressions ("اليوم", "أمس", "الأسبوع الماضي", "بعد ثلاثة أسابيع"),
weekdays ("الأربعاء", "اليوم الأربعاء") and decades ("الثمانينيات").

Vocabulary: Gregorian month names and weekday names come from CLDR via babel at run time; the
rest (press spellings, Hijri months, relative words...) from ``rules/lexicons/dates.yaml``.
All matching runs on :func:`checker.text.chars.fold_with_map` output and is mapped back, so
``text[m.start:m.end] == m.text`` always holds.

Conventions (documented choices):

* Seasons are meteorological: spring Mar 1-May 31, summer Jun 1-Aug 31, autumn Sep 1-Nov 30,
  winter Dec 1 of the year - end of February of the next year.
* Boundary modifiers split a month into thirds (early 1-10, mid 11-20, late 21-end), a year into
  thirds (Jan-Apr, May-Aug, Sep-Dec), a decade into years 0-3 / 4-6 / 7-9; on a week they keep
  the whole (Monday-Sunday) week. Granularity stays that of the anchor unit.
* A day or month without a year is resolved, when a reference date is given, to the occurrence in
  the reference year unless that starts more than six months after the reference date (then the
  previous year); ``year_inferred`` is set. With a relative word ("نوفمبر الماضي") the most
  recent past / next occurrence is used and ``relative`` is set instead.
* Offsets ("بعد ثلاثة أسابيع", "قبل عامين") resolve to the day / Monday-Sunday week / calendar
  month / calendar year that contains the shifted reference date.
* A weekday alone resolves to the reference date when it is that weekday, otherwise to the most
  recent such day before it; with الماضي / المقبل to the previous / next one strictly.
* A decade without a century word is taken as 19xx.
* Spans leave out attached one-letter proclitics (و، ف، ب، ل، ك) and context words (في، منذ):
  "والأربعاء" gives "الأربعاء", "في فبراير" gives "فبراير"; when ل+ال contract ("للعام
  الماضي") the span starts at the second lam ("لعام الماضي").

>>> ref = datetime.date(2016, 1, 20)
>>> text = "وصل الأربعاء 20 يناير/كانون الثاني 2016 إلى بيروت"
>>> [(m.text, m.first.isoformat(), m.granularity) for m in find_dates(text, ref)]
[('الأربعاء 20 يناير/كانون الثاني 2016', '2016-01-20', 'day')]
>>> m = find_dates("نهاية سبتمبر/أيلول الماضي", ref)[0]
>>> m.first, m.last, m.relative
(datetime.date(2015, 9, 21), datetime.date(2015, 9, 30), True)
>>> [m.text for m in find_dates("يمارس الضغط منذ 2014 في 26 دولة")]
['2014']
>>> m = find_dates("الخميس ٢٠ يناير ٢٠١٦")[0]
>>> m.weekday, weekday_mismatch(m)
(3, True)
>>> candidate_years(20, 1, 2, 2010, 2020)
[2010, 2016]
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex
from hijridate import Gregorian, Hijri

from checker.text.chars import fold, fold_with_map, is_dropped, map_span, strip_marks

__all__ = ["DateMatch", "candidate_years", "find_dates", "weekday_mismatch"]


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


# --- vocabulary -------------------------------------------------------------------------------

_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_HALF_YEAR = datetime.timedelta(days=183)


def _key(s: str) -> str:
    return " ".join(s.split())


def _variants(name: str) -> list[str]:
    """Folded lookup keys of one lexicon word (final teh marbuta also as heh)."""
    k = _key(fold(name))
    out = [k]
    if k.endswith("ة"):
        out.append(k[:-1] + "ه")
    return out


def _alt(names: list[str]) -> str:
    """Regex of folded words as a character trie (fast, and greedy = longest first); a space
    matches any whitespace, a final teh marbuta also heh.

    >>> _alt(["اب", "ابريل", "ايار"])
    '(?:ا(?:ب(?:ريل)?|يار))'
    """
    trie: dict[str, Any] = {}
    for n in names:
        for k in _variants(n):
            node = trie
            for ch in k:
                node = node.setdefault(ch, {})
            node[""] = {}
    return "(?:" + _trie_re(trie) + ")"


def _trie_re(node: dict[str, Any]) -> str:
    end = "" in node
    alts = []
    for ch in sorted(c for c in node if c):
        alts.append((r"\s+" if ch == " " else regex.escape(ch)) + _trie_re(node[ch]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if end:
        return body + "?" if len(alts) == 1 and len(alts[0]) == 1 else f"(?:{body})?"
    return body


def _al_alt(names: list[str]) -> str:
    """Like :func:`_alt`, but a leading ال may appear as ل after the proclitic ل ("للعام")."""
    base = _alt(names)
    extra = sorted({_key(fold(n))[1:] for n in names if fold(n).startswith("ال")}, key=lambda s: -len(s))
    if not extra:
        return base
    tail = _alt(extra)
    return f"(?:{base}|(?<=ل){tail})"


class _Lex:
    """Folded vocabulary with lookups; built once."""

    def __init__(self, data: dict[str, Any]) -> None:
        from babel import Locale  # imported late: see _grammar

        self.month: dict[str, int] = {}
        for loc in data["cldr"]["month_locales"]:
            for num, name in Locale.parse(loc).months["format"]["wide"].items():
                self._add(self.month, name, int(num))
        for entry in data["months"]:
            for name in entry["names"]:
                self._add(self.month, name, entry["month"])
        self.ambiguous_month = {k for n in data["ambiguous_months"] for k in _variants(n)}
        self.hmonth: dict[str, int] = {}
        for entry in data["hijri_months"]:
            for name in entry["names"]:
                self._add(self.hmonth, name, entry["month"])
        self.ambiguous_hmonth = {k for n in data["ambiguous_hijri_months"] for k in _variants(n)}
        self.strict_hmonth = {k for n in data["strict_hijri_months"] for k in _variants(n)}
        self.weekday: dict[str, int] = {}
        self.bare_weekday: set[str] = set()
        for num, name in Locale.parse(data["cldr"]["weekday_locale"]).days["format"]["wide"].items():
            self._add(self.weekday, name, int(num))
            f = fold(name)
            if f.startswith("ال"):
                self._add(self.weekday, f[2:], int(num))
                self.bare_weekday.add(f[2:])
                self.weekday["ل" + f[2:]] = int(num)  # "للأربعاء" after the clitic ل
        self.rel: dict[str, str] = {}
        for kind, names in data["relative"].items():
            for name in names:
                self._add(self.rel, name, kind)
        self.units_def: dict[str, str] = {}
        for unit, names in data["definite_units"].items():
            for name in names:
                self._add_al(self.units_def, name, unit)
        self.unit: dict[str, tuple[str, int | None]] = {}  # word -> (unit, count or None for plural)
        for unit, forms in data["units"].items():
            for name in forms["singular"]:
                self._add(self.unit, name, (unit, 1))
            for name in forms["dual"]:
                self._add(self.unit, name, (unit, 2))
            for name in forms["plural"]:
                self._add(self.unit, name, (unit, None))
        self.number: dict[str, int] = {}
        for entry in data["number_words"]:
            for name in entry["names"]:
                self._add(self.number, name, entry["value"])
        self.ordinal: dict[str, int] = {}
        for entry in data["ordinal_days"]:
            for name in entry["names"]:
                self._add_al(self.ordinal, name, entry["value"])
        self.relday: dict[str, int] = {}
        for entry in data["relative_days"]:
            for name in entry["names"]:
                self._add_al(self.relday, name, entry["offset"])
        self.season: dict[str, str] = {}
        for entry in data["seasons"]:
            for name in entry["names"]:
                self._add_al(self.season, name, entry["season"])
        self.boundary: dict[str, str] = {}
        for kind, names in data["boundaries"].items():
            for name in names:
                self._add(self.boundary, name, kind)
        self.decade: dict[str, int] = {}
        for entry in data["decades"]:
            for name in entry["names"]:
                self._add(self.decade, name, entry["decade"])
        self.century: dict[str, int] = {}
        for kind, names in data["century_words"].items():
            for name in names:
                self._add(self.century, name, 1900 if kind == "c20" else 2000)
        self.hijri_suffix = {k for n in data["hijri_suffixes"] for k in _variants(n)}
        self.hamza_exact = {strip_marks(n) for n in data["hamza_sensitive"]}
        self.hamza_keys = {k for n in data["hamza_sensitive"] for k in _variants(n)}
        self.data = data

    @staticmethod
    def _add(table: dict[str, Any], name: str, value: Any) -> None:
        for k in _variants(name):
            table.setdefault(k, value)

    def _add_al(self, table: dict[str, Any], name: str, value: Any) -> None:
        self._add(table, name, value)
        f = _key(fold(name))
        if f.startswith("ال"):
            self._add(table, f[1:], value)  # "لعام" in "للعام"

    @staticmethod
    def get(table: dict[str, Any], s: str | None) -> Any:
        if s is None:
            return None
        return table.get(_key(s))


# --- grammar ----------------------------------------------------------------------------------

_L = r"(?<![\p{L}\p{N}])"
_R = r"(?![\p{L}\p{N}])"
_CL = r"(?:[وف]?[بلك]?)"  # attached proclitics
_WORD_AFTER = regex.compile(r"\s*[\p{L}%]")
_PREV_WORD = regex.compile(r"(\p{L}+)\s+$")


@dataclass
class _Grammar:
    lex: _Lex
    patterns: list[tuple[regex.Pattern[str], Callable[..., Any]]]


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    # babel and the lexicon loader (jsonschema) import the stdlib ``numbers`` module; importing
    # them on first use keeps ``python -m doctest checker/normalize/dates.py`` working although
    # that puts checker/normalize/ (which has its own numbers.py) first on sys.path while loading.
    from checker import lexicons

    data = lexicons.load("dates")
    lex = _Lex(data)
    month = _alt(list(lex.month))
    hmonth = _alt(list(lex.hmonth))
    wd = _al_alt([n for n in lex.weekday if not n.startswith("ل") or n.startswith("ال")])
    rel = _alt(list(lex.rel))
    ctx = _alt(data["month_context"])
    yw = _al_alt(data["year_words"])
    yprep = _alt(data["year_prepositions"])
    yweak = _alt(data["weak_year_prepositions"])
    era = _alt(data["gregorian_suffixes"] + data["hijri_suffixes"])
    bnd = _alt(list(lex.boundary))
    ordinal = _al_alt(list({k for k in lex.ordinal if not (k.startswith("ل") and not k.startswith("ال"))}))
    season = _al_alt([k for k in lex.season if not (k.startswith("ل") and not k.startswith("ال"))])
    unit_def = _al_alt([k for k in lex.units_def if not (k.startswith("ل") and not k.startswith("ال"))])
    this = _alt(data["this_words"])
    units = _alt(list(lex.unit))
    numw = _alt(list(lex.number))
    dec = _alt(list(lex.decade))
    cent = _alt(list(lex.century))
    today_block = _alt(data["today_blockers"])
    wd_block = _alt(data["weekday_blockers"])
    off_before = _alt(data["offset_words"]["before"])
    off_after = _alt(data["offset_words"]["after"])

    reldays = []
    for k, off in sorted(lex.relday.items(), key=lambda kv: -len(kv[0])):
        if k.startswith("ل") and not k.startswith("ال"):
            continue
        p = _alt([k])
        if fold(k).startswith("ال"):
            p = f"(?:{p}|(?<=ل){_alt([k[1:]])})"
        if off == 0:
            p += rf"(?!\s+{today_block}{_R})"
            if data.get("today_name_heads"):
                # "عين اليوم", "صحيفة اليوم": a newspaper's name, not today
                p = rf"(?<!{_alt(data['today_name_heads'])}\s)" + p
        reldays.append(p)
    relday = "(?:" + "|".join(reldays) + ")"

    year = rf"(?:\(\s*)?(?P<year>\d{{4}})(?!\d)(?:\s*\))?(?:\s*(?P<era>{era}){_R}(?!\s+(?:مربع|مكعب){_R}))?"
    wdsep = r"\s*[,،\-]?\s*(?:الموافق\s+)?"
    pair = rf"(?:\s*[/\-–(]\s*(?P<mon2>{month})(?:\s*\))?)"

    p_month = (
        rf"{_L}(?:[وف]?(?P<ctx>{ctx})\s+)?{_CL}(?P<x>"
        rf"(?:(?P<bnd>{bnd})\s+"
        rf"|(?:(?P<yawm>يوم)\s+)?(?:(?P<wd>{wd}){wdsep})?(?:(?P<day>[0-3]?\d)(?!\d)|(?P<ord>{ordinal}))\s*(?:من\s+)?"
        rf")?"
        rf"(?:(?P<shahr>شهر)\s+)?"
        rf"(?:(?P<mon>{month}){pair}?|(?P<hmon>{hmonth}))"
        rf"(?:\s*[,،]?\s*(?:(?P<yw>{yw})\s*)?{year}|\s+(?P<rel>{rel}))?"
        rf"){_R}"
    )
    p_numeric = (
        rf"{_L}{_CL}(?P<x>(?:(?:(?P<yawm>يوم)\s+)?(?P<wd>{wd}){wdsep}\(?\s*)?"
        rf"(?:(?P<d>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<y>\d{{4}})"
        rf"|(?P<y2>\d{{4}})(?P<sep2>[/\-])(?P<m2>\d{{1,2}})(?P=sep2)(?P<d2>\d{{1,2}}))(?![\d/.\-]\d)"
        rf"(?:\s*(?P<era>{era}){_R})?)(?!\d)"
    )
    p_numeric_dm = r"(?<=بتاريخ\s*\(?\s*)(?P<x>(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2}))(?![\d/])"
    p_year = (
        rf"{_L}(?:[وف]?(?:(?P<prep>{yprep})|(?P<weak>{yweak}))\s+)?{_CL}(?P<x>"
        rf"(?:(?P<bnd>{bnd})\s+)?(?:(?P<season>{season})\s+)?(?:(?P<yw>{yw})\s*)?{year})"
    )
    p_yrange = (
        rf"(?<![\p{{L}}\p{{N}}/.\-]){_CL}(?P<x>(?:(?P<yw>{yw})\s*)?\(?\s*(?P<y1>\d{{4}})\s*[-–]\s*(?P<y2>\d{{4}})\s*\)?)"
        rf"(?![\d/.\-]|\s*%)"
    )
    p_year2 = r"(?<=(?:عامي|سنتي|العامين)\s*\(?\d{4}\)?\s*و\s*)(?P<x>(?P<year>\d{4}))(?!\d)"
    p_season = (
        rf"{_L}{_CL}(?P<x>(?:(?P<this>{this})\s+)?(?P<season>{season})"
        rf"(?:\s+(?P<unit>{unit_def}))?(?:\s+(?P<rel>{rel}))?){_R}"
    )
    p_unit = (
        rf"{_L}{_CL}(?P<x>(?:(?P<bnd>{bnd})\s+)?"
        rf"(?:(?P<this>{this})\s+(?P<unit>{unit_def})|(?P<unit2>{unit_def})(?:\s+(?P<rel>{rel}))?)){_R}"
    )
    p_relday = rf"{_L}{_CL}(?P<x>(?P<rd>{relday})(?:\s*[,،]?\s*(?P<wd>{wd}))?){_R}"
    p_offset = (
        rf"{_L}{_CL}(?P<x>(?:(?P<before>{off_before})|(?P<after>{off_after}))\s+"
        rf"(?:(?P<num>\d{{1,2}}|{numw})\s+)?(?P<unit>{units})){_R}"
        rf"(?!\s+(?:من|على){_R})(?!\s*\(?\s*\d)"
    )
    p_weekday = (
        rf"{_L}(?:(?P<blk>{wd_block})\s+)?{_CL}(?P<x>(?:(?P<yawm>يوم)\s+)?(?P<wd>{wd})"
        rf"(?:\s+(?P<rel>{rel}))?){_R}"
    )
    p_decade = rf"{_L}{_CL}(?P<x>(?:ال|(?<=ل)ل)?(?P<dec>{dec})(?:\s+(?P<cent>{cent}))?){_R}"

    pats = [
        (p_month, _h_month),
        (p_numeric, _h_numeric),
        (p_numeric_dm, _h_numeric),
        (p_year, _h_year),
        (p_year2, _h_year),
        (p_yrange, _h_yrange),
        (p_season, _h_season),
        (p_unit, _h_unit),
        (p_relday, _h_relday),
        (p_offset, _h_offset),
        (p_weekday, _h_weekday),
        (p_decade, _h_decade),
    ]
    return _Grammar(lex, [(regex.compile(p), h) for p, h in pats])


# --- resolution helpers -----------------------------------------------------------------------


def _month_last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month_span(y: int, m: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(y, m, 1), datetime.date(y, m, _month_last(y, m))


def _add_months(d: datetime.date, n: int) -> datetime.date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return datetime.date(y, m + 1, min(d.day, _month_last(y, m + 1)))


def _week_span(d: datetime.date) -> tuple[datetime.date, datetime.date]:
    start = d - datetime.timedelta(days=d.weekday())
    return start, start + datetime.timedelta(days=6)


def _hijri_month_span(y: int, m: int) -> tuple[datetime.date, datetime.date] | None:
    try:
        h = Hijri(y, m, 1)
        a = h.to_gregorian()
        b = Hijri(y, m, h.month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return datetime.date(a.year, a.month, a.day), datetime.date(b.year, b.month, b.day)


def _hijri_day(y: int, m: int, d: int) -> datetime.date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return datetime.date(g.year, g.month, g.day)


def _to_hijri(d: datetime.date) -> tuple[int, int, int] | None:
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def _season_span(season: str, y: int) -> tuple[datetime.date, datetime.date]:
    m = _SEASON_MONTHS[season]
    first = datetime.date(y, m, 1)
    last_m = _add_months(first, 2)
    return first, datetime.date(last_m.year, last_m.month, _month_last(last_m.year, last_m.month))


def _narrow(
    first: datetime.date, last: datetime.date, unit: str, kind: str | None
) -> tuple[datetime.date, datetime.date]:
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


def _unit_span(unit: str, d: datetime.date) -> tuple[datetime.date, datetime.date]:
    if unit == "day":
        return d, d
    if unit == "week":
        return _week_span(d)
    if unit == "month":
        return _month_span(d.year, d.month)
    if unit == "decade":
        y = d.year - d.year % 10
        return datetime.date(y, 1, 1), datetime.date(y + 9, 12, 31)
    return datetime.date(d.year, 1, 1), datetime.date(d.year, 12, 31)


def _shift(unit: str, d: datetime.date, n: int) -> datetime.date:
    if unit == "day":
        return d + datetime.timedelta(days=n)
    if unit == "week":
        return d + datetime.timedelta(days=7 * n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "decade":
        return _add_months(d, 120 * n)
    return _add_months(d, 12 * n)


class _Ctx:
    """Per-call state handed to the handlers."""

    def __init__(self, lex: _Lex, ref: datetime.date | None, text: str, index: list[int]) -> None:
        self.lex = lex
        self.ref = ref
        self.text = text
        self.index = index

    def original(self, m: regex.Match[str], group: str) -> str:
        """The original spelling of a matched group, without diacritics / tatweel."""
        s, e = map_span(self.index, *m.span(group))
        return strip_marks(self.text[s:e])


def _dm(
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
) -> dict[str, Any]:
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


def _plausible_year(y: int) -> bool:
    return 1000 <= y <= 2200


# --- handlers: return the DateMatch fields (without offsets) or None to reject -----------------


def _h_month(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
    lex, ref = c.lex, c.ref
    hijri = m.group("hmon") is not None
    name = _key(m.group("hmon") or m.group("mon"))
    month = lex.get(lex.hmonth if hijri else lex.month, name)
    if month is None:
        return None
    day = int(m.group("day")) if m.group("day") else lex.get(lex.ordinal, m.group("ord"))
    year_s = m.group("year")
    year = int(year_s) if year_s else None
    rel = lex.get(lex.rel, m.group("rel"))
    bnd = lex.get(lex.boundary, m.group("bnd"))
    wd = lex.get(lex.weekday, m.group("wd"))
    if m.group("wd") and _key(m.group("wd")) in lex.bare_weekday and not m.group("yawm"):
        wd = None  # bare weekday without يوم: not trusted; the match still stands on the day
    paired = m.group("mon2") is not None
    ctx = m.group("ctx") is not None or m.group("shahr") is not None or bnd is not None
    anchored = day is not None or year is not None or rel is not None or paired
    if name in lex.hamza_keys and c.original(m, "mon") not in lex.hamza_exact:
        return None  # أب (father), إب (a city): not آب
    if hijri:
        if name in lex.strict_hmonth and not (year is not None or rel is not None or m.group("shahr")):
            return None
        if name in lex.ambiguous_hmonth and not (anchored or ctx):
            return None
    elif name in lex.ambiguous_month and not (anchored or ctx):
        return None
    if year is not None and not _plausible_year(year):
        return None
    if day is not None and not 1 <= day <= (30 if hijri else 31):
        return None
    if (
        day is not None
        and not hijri
        and day > (_month_last(year, month) if year else (29 if month == 2 else _month_last(2001, month)))
    ):
        return None
    cal = "hijri" if hijri else "gregorian"
    gran = "day" if day is not None else "month"
    relative = rel is not None
    inferred = False

    def span(y: int) -> tuple[datetime.date, datetime.date] | None:
        if hijri:
            if day is not None:
                g = _hijri_day(y, month, day)
                return (g, g) if g else None
            s = _hijri_month_span(y, month)
            return _narrow(*s, "month", bnd) if s else None
        if day is not None:
            if day > _month_last(y, month):
                return None
            g = datetime.date(y, month, day)
            return g, g
        return _narrow(*_month_span(y, month), "month", bnd)

    res: tuple[datetime.date, datetime.date] | None = None
    if year is not None and hijri and year >= 1700:
        # a Hijri month with a Gregorian year ("شهر رمضان عام 1992"): the one starting that year
        for hy in range(year - 580, year - 576):
            res = span(hy)
            if res is not None and res[0].year == year:
                break
        else:
            res = None
    elif year is not None:
        res = span(year)
    elif ref is not None:
        if hijri:
            h = _to_hijri(ref)
            ry, rm, rd = h if h else (None, None, None)
        else:
            ry, rm, rd = ref.year, ref.month, ref.day
        if ry is not None:
            key = (month, day or 0)
            now = (rm, rd if day is not None else 0)
            if rel == "past":
                y = ry if key < now else ry - 1
                res = span(y)
            elif rel == "next":
                y = ry if key > now else ry + 1
                res = span(y)
            elif rel == "current":
                res = span(ry)
            else:
                res = span(ry)
                if res is not None and res[0] > ref + _HALF_YEAR:
                    res = span(ry - 1)
                inferred = res is not None
    first, last = res if res else (None, None)
    return _dm(
        first, last, gran, day=day, month=month, year=year, weekday=wd, relative=relative, cal=cal, inferred=inferred
    )


#: numeric dates whose year falls here are Hijri even without هـ
HIJRI_YEARS = (1300, 1500)


def _h_numeric(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
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
    hijri = era is not None and _key(era) in c.lex.hijri_suffix
    if era is None and y is not None and HIJRI_YEARS[0] <= y <= HIJRI_YEARS[1]:
        hijri = True  # 01-03-1419 in Saudi copy: a Gregorian year 1419 is no news date
    if not (1 <= mo <= 12 and 1 <= d <= (30 if hijri else 31)):
        return None
    if y is not None and not _plausible_year(y):
        return None
    wd = c.lex.get(c.lex.weekday, g.get("wd"))
    if g.get("wd") and _key(g["wd"]) in c.lex.bare_weekday and not g.get("yawm"):
        wd = None
    if hijri and y is not None:
        first = _hijri_day(y, mo, d)
        return _dm(first, first, "day", day=d, month=mo, year=y, weekday=wd, cal="hijri")
    if y is None:
        if d > (29 if mo == 2 else _month_last(2001, mo)):
            return None
        if c.ref is None:
            return _dm(None, None, "day", day=d, month=mo)
        ry = c.ref.year
        if d > _month_last(ry, mo):
            ry -= 1
        first = datetime.date(ry, mo, d)
        if first > c.ref + _HALF_YEAR:
            first = datetime.date(ry - 1, mo, min(d, _month_last(ry - 1, mo)))
        return _dm(first, first, "day", day=d, month=mo, weekday=wd, inferred=True)
    if d > _month_last(y, mo):
        return None
    first = datetime.date(y, mo, d)
    return _dm(first, first, "day", day=d, month=mo, year=y, weekday=wd)


def _h_year(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
    g = m.groupdict()
    y = int(g["year"])
    era = g.get("era")
    has_marker = any(g.get(k) for k in ("yw", "bnd", "season", "era")) or "prep" not in g
    if not has_marker:
        if not (g.get("prep") or g.get("weak")) or not 1900 <= y <= 2100:
            return None
        if g.get("weak") and _WORD_AFTER.match(m.string, m.end("x")):
            return None
    if not _plausible_year(y):
        return None
    hijri = era is not None and _key(era) in c.lex.hijri_suffix
    bnd = c.lex.get(c.lex.boundary, g.get("bnd"))
    season = c.lex.get(c.lex.season, g.get("season"))
    if hijri:
        a = _hijri_month_span(y, 1)
        b = _hijri_month_span(y, 12)
        first, last = (a[0], b[1]) if a and b else (None, None)
        if first is not None and last is not None and bnd:
            # thirds of the Hijri year, in Hijri months
            lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[bnd]
            s1, s2 = _hijri_month_span(y, lo), _hijri_month_span(y, hi)
            first, last = (s1[0], s2[1]) if s1 and s2 else (None, None)
        return _dm(first, last, "year", year=y, cal="hijri")
    if season:
        first, last = _season_span(season, y)
        return _dm(first, last, "season", year=y)
    first, last = _narrow(datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year", bnd)
    return _dm(first, last, "year", year=y)


def _h_yrange(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not (1800 <= y1 < y2 <= 2100 and y2 - y1 <= 100):
        return None
    return _dm(datetime.date(y1, 1, 1), datetime.date(y2, 12, 31), "year")


def _h_season(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
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
        return _dm(None, None, "season", relative=True)
    if unit == "year":
        # صيف العام الماضي: that season of the previous / next / current year
        y = ref.year + {"past": -1, "next": 1, "current": 0}[rel]
        first, last = _season_span(season, y)
        return _dm(first, last, "season", relative=True)
    cur_y = ref.year - 1 if season == "winter" and ref.month <= 2 else ref.year
    if rel == "past":
        y = cur_y
        while _season_span(season, y)[1] >= ref:
            y -= 1
    elif rel == "next":
        y = cur_y
        while _season_span(season, y)[0] <= ref:
            y += 1
    else:
        y = cur_y
    first, last = _season_span(season, y)
    return _dm(first, last, "season", relative=True)


def _h_unit(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
    lex, ref = c.lex, c.ref
    unit = lex.get(lex.units_def, m.group("unit") or m.group("unit2"))
    rel = lex.get(lex.rel, m.group("rel"))
    bnd = lex.get(lex.boundary, m.group("bnd"))
    this = m.group("this") is not None
    if unit is None or not (rel or bnd or this):
        return None
    if ref is None:
        return _dm(None, None, unit, relative=True)
    n = {"past": -1, "next": 1}.get(rel or "current", 0)
    first, last = _unit_span(unit, _shift(unit, ref, n))
    first, last = _narrow(first, last, unit, bnd)
    return _dm(first, last, unit, relative=True)


def _h_relday(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
    lex, ref = c.lex, c.ref
    off = lex.get(lex.relday, m.group("rd"))
    if off is None:
        return None
    wd = lex.get(lex.weekday, m.group("wd"))
    if m.group("wd") and _key(m.group("wd")) in lex.bare_weekday:
        return None
    if ref is None:
        return _dm(None, None, "day", weekday=wd, relative=True)
    d = ref + datetime.timedelta(days=off)
    return _dm(d, d, "day", weekday=wd, relative=True)


def _h_offset(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
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
    prev = _PREV_WORD.search(m.string, 0, m.start("x"))
    if prev and (lex.get(lex.unit, prev.group(1)) or ("",))[0] == unit:
        return None  # "يوماً بعد يوم": an idiom, not an offset
    sign = -1 if m.group("before") else 1
    if ref is None:
        return _dm(None, None, unit, relative=True)
    first, last = _unit_span(unit, _shift(unit, ref, sign * n))
    return _dm(first, last, unit, relative=True)


def _h_weekday(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
    lex, ref = c.lex, c.ref
    if m.group("blk"):
        return None
    name = _key(m.group("wd"))
    if name in lex.bare_weekday and not m.group("yawm"):
        return None
    wd = lex.get(lex.weekday, name)
    rel = lex.get(lex.rel, m.group("rel"))
    if wd is None:
        return None
    if ref is None:
        return _dm(None, None, "day", weekday=wd, relative=True)
    if rel == "next":
        d = ref + datetime.timedelta(days=(wd - ref.weekday()) % 7 or 7)
    elif rel == "past":
        d = ref - datetime.timedelta(days=(ref.weekday() - wd) % 7 or 7)
    else:
        d = ref - datetime.timedelta(days=(ref.weekday() - wd) % 7)
    return _dm(d, d, "day", weekday=wd, relative=True)


def _h_decade(m: regex.Match[str], c: _Ctx) -> dict[str, Any] | None:
    dec = c.lex.get(c.lex.decade, m.group("dec"))
    if dec is None:
        return None
    century = c.lex.get(c.lex.century, m.group("cent")) or 1900
    y = century + dec
    return _dm(datetime.date(y, 1, 1), datetime.date(y + 9, 12, 31), "decade")


# --- public API -------------------------------------------------------------------------------


def find_dates(text: str, ref: datetime.date | None = None) -> list[DateMatch]:
    """All date expressions in *text*, sorted, non-overlapping (the longest wins).

    >>> [m.text for m in find_dates("قال أمس إن 25% من 26 دولة وقعت اليوم الوطني")]
    ['أمس']
    >>> m = find_dates("في فبراير/شباط القادم", datetime.date(2016, 1, 20))[0]
    >>> m.text, m.first, m.last
    ('فبراير/شباط القادم', datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    """
    gram = _grammar()
    folded, index = fold_with_map(text)
    ctx = _Ctx(gram.lex, ref, text, index)
    cands: list[tuple[int, int, int, dict[str, Any]]] = []
    for order, (pat, handler) in enumerate(gram.patterns):
        for m in pat.finditer(folded):
            try:
                fields = handler(m, ctx)
            except (ValueError, OverflowError):
                fields = None  # a date beyond the calendar (year 10000): no match
            if fields is None:
                continue
            a, b = m.span("x")
            # trim trailing spaces / unmatched parentheses from the span
            while b > a and folded[b - 1].isspace():
                b -= 1
            cands.append((a, b, order, fields))
    cands.sort(key=lambda t: (-(t[1] - t[0]), t[2], t[0]))
    taken: list[tuple[int, int]] = []
    out: list[DateMatch] = []
    for a, b, _, fields in cands:
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        taken.append((a, b))
        s, e = map_span(index, a, b)
        while e < len(text) and is_dropped(text[e]):
            e += 1  # keep a final tanwin / tatweel ("غداً", "هـ") inside the span
        out.append(DateMatch(start=s, end=e, text=text[s:e], **fields))
    out.sort(key=lambda dm: dm.start)
    return out


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
        if month < 1 or month > 12 or day < 1 or day > _month_last(y, month):
            continue
        if datetime.date(y, month, day).weekday() == weekday:
            out.append(y)
    return out
