"""Token patterns: the date grammar as regular expressions over folded text, one per shape.

The vocabulary is compiled into character tries (:func:`alternation`), so a long list of names is
one fast, greedy alternative. Each pattern has a group ``x`` (the span reported) and named groups
its resolver reads (:mod:`checker.grammar.dates.resolve`). Spans leave out attached one-letter
proclitics (و، ف، ب، ل، ك) and context words (في، منذ): "والأربعاء" gives "الأربعاء", "في فبراير"
gives "فبراير"; when ل+ال contract ("للعام الماضي") the span starts at the second lam.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from checker import lexicons
from checker.grammar.dates.lexicon import DateLexicon, lookup_key, variants
from checker.grammar.dates.resolve import (
    Ctx,
    Fields,
    decade_date,
    month_date,
    numeric_date,
    offset_date,
    relative_day,
    season_date,
    unit_date,
    weekday_date,
    year_date,
    year_range,
)
from checker.text.chars import fold
from checker.text.clitics import ARTICLE, CONJUNCTION_RE, PROCLITIC_RE

_L = r"(?<![\p{L}\p{N}])"  # not inside a word or number
_R = r"(?![\p{L}\p{N}])"
_CL = PROCLITIC_RE  # attached proclitics, left out of the span
_CONJ = CONJUNCTION_RE + "?"

Resolver = Callable[[regex.Match[str], Ctx], Fields | None]


def alternation(names: list[str]) -> str:
    """Regex of folded words as a character trie (fast, and greedy = longest first); a space
    matches any whitespace, a final teh marbuta also heh.

    >>> alternation(["اب", "ابريل", "ايار"])
    '(?:ا(?:ب(?:ريل)?|يار))'
    """
    trie: dict[str, Any] = {}
    for n in names:
        for k in variants(n):
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


def al_alternation(names: list[str]) -> str:
    """Like :func:`alternation`, but a leading ال may appear as ل after the proclitic ل ("للعام")."""
    base = alternation(names)
    extra = sorted({lookup_key(fold(n))[1:] for n in names if fold(n).startswith(ARTICLE)}, key=lambda s: -len(s))
    if not extra:
        return base
    tail = alternation(extra)
    return f"(?:{base}|(?<=ل){tail})"


def _without_lam_forms(table: dict[str, Any]) -> list[str]:
    """The keys of a table built with the ل contraction, without the contracted forms."""
    return [k for k in table if not (k.startswith("ل") and not k.startswith(ARTICLE))]


@dataclass(frozen=True)
class Words:
    """The vocabulary as regex alternatives."""

    month: str
    hmonth: str
    wd: str  # weekday
    rel: str  # relative word (الماضي، المقبل)
    ctx: str  # context word before a month (في، منذ)
    yw: str  # year word (عام، العام)
    yprep: str  # preposition before a bare year
    yweak: str  # weak preposition before a bare year
    era: str  # era suffix (م، هـ)
    bnd: str  # boundary (مطلع، نهاية)
    ordinal: str  # ordinal day (الأول)
    season: str
    unit_def: str  # definite unit (العام، الأسبوع)
    this: str  # هذا، هذه
    units: str  # counted unit (أيام، أسابيع)
    numw: str  # number word
    dec: str  # decade (الثمانينيات)
    cent: str  # century word
    wd_block: str  # words that make a weekday something else
    off_before: str  # قبل
    off_after: str  # بعد
    relday: str  # اليوم، أمس، غدا


def _words(lex: DateLexicon, data: dict[str, Any]) -> Words:
    return Words(
        month=alternation(list(lex.month)),
        hmonth=alternation(list(lex.hmonth)),
        wd=al_alternation([n for n in lex.weekday if not n.startswith("ل") or n.startswith(ARTICLE)]),
        rel=alternation(list(lex.rel)),
        ctx=alternation(data["month_context"]),
        yw=al_alternation(data["year_words"]),
        yprep=alternation(data["year_prepositions"]),
        yweak=alternation(data["weak_year_prepositions"]),
        era=alternation(data["gregorian_suffixes"] + data["hijri_suffixes"]),
        bnd=alternation(list(lex.boundary)),
        ordinal=al_alternation(_without_lam_forms(lex.ordinal)),
        season=al_alternation(_without_lam_forms(lex.season)),
        unit_def=al_alternation(_without_lam_forms(lex.units_def)),
        this=alternation(data["this_words"]),
        units=alternation(list(lex.unit)),
        numw=alternation(list(lex.number)),
        dec=alternation(list(lex.decade)),
        cent=alternation(list(lex.century)),
        wd_block=alternation(data["weekday_blockers"]),
        off_before=alternation(data["offset_words"]["before"]),
        off_after=alternation(data["offset_words"]["after"]),
        relday=_relday(lex, data),
    )


def _relday(lex: DateLexicon, data: dict[str, Any]) -> str:
    """اليوم، أمس، غدا... (longest first); اليوم not before a blocker or after a newspaper's name."""
    today_block = alternation(data["today_blockers"])
    reldays = []
    for k, off in sorted(lex.relday.items(), key=lambda kv: -len(kv[0])):
        if k.startswith("ل") and not k.startswith(ARTICLE):
            continue
        p = alternation([k])
        if fold(k).startswith(ARTICLE):
            p = f"(?:{p}|(?<=ل){alternation([k[1:]])})"
        if off == 0:
            p += rf"(?!\s+{today_block}{_R})"
            heads = [*data.get("today_name_heads", []), *data.get("today_generic_heads", [])]
            if heads:
                # "عين اليوم", "صحيفة اليوم": a newspaper's name; "خلال اليوم": the day in general
                p = rf"(?<!(?<!\w){alternation(heads)}\s)" + p  # whole words: not صحفي اليوم
        reldays.append(p)
    return "(?:" + "|".join(reldays) + ")"


# --- the patterns, one per shape --------------------------------------------------------------------


def _year(w: Words) -> str:
    return rf"(?:\(\s*)?(?P<year>\d{{4}})(?!\d)(?:\s*\))?(?:\s*(?P<era>{w.era}){_R}(?!\s+(?:مربع|مكعب){_R}))?"


_WDSEP = r"\s*[,،\-]?\s*(?:الموافق\s+)?"


def _p_month(w: Words) -> str:
    """[weekday] [الـ]day|ordinal [من] [شهر] month[/month] [year | relative word]; or boundary + month."""
    # the same month in the other naming (يناير/كانون الثاني, «فبراير شباط»): one month, not two
    pair = rf"(?:\s*[/\-–(]\s*(?P<mon2>{w.month})(?:\s*\))?|\s+(?P<mon3>{w.month}){_R})"
    return (
        rf"{_L}(?:{_CONJ}(?P<ctx>{w.ctx})\s+)?{_CL}(?P<x>"
        rf"(?:(?P<bnd>{w.bnd})\s+"
        rf"|(?:(?P<yawm>يوم)\s+)?(?:(?P<wd>{w.wd}){_WDSEP})?(?:(?:ال\s*)?(?P<day>[0-3]?\d)(?!\d)|(?P<ord>{w.ordinal}))\s*(?:من\s+)?"
        rf")?"
        rf"(?:(?P<shahr>شهر)\s+)?"
        rf"(?:(?P<mon>{w.month}){pair}?|(?P<hmon>{w.hmonth}))"
        rf"(?:\s*[,،]?\s*(?:(?P<yw>{w.yw})\s*)?{_year(w)}|\s+(?P<rel>{w.rel}))?"
        rf"){_R}"
    )


def _p_numeric(w: Words) -> str:
    """20/1/2016, 20-01-2016, 2016-01-20, with an optional weekday before and era after."""
    return (
        rf"{_L}{_CL}(?P<x>(?:(?:(?P<yawm>يوم)\s+)?(?P<wd>{w.wd}){_WDSEP}\(?\s*)?"
        rf"(?:(?P<d>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<y>\d{{4}})"
        rf"|(?P<y2>\d{{4}})(?P<sep2>[/\-])(?P<m2>\d{{1,2}})(?P=sep2)(?P<d2>\d{{1,2}}))(?![\d/.\-]\d)"
        rf"(?:\s*(?P<era>{w.era}){_R})?)(?!\d)"
    )


#: بتاريخ 20/1: day and month after "dated"
_P_NUMERIC_DM = r"(?<=بتاريخ\s*\(?\s*)(?P<x>(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2}))(?![\d/])"
#: the second year of عامي 2014 و2015
_P_YEAR2 = r"(?<=(?:عامي|سنتي|العامين)\s*\(?\d{4}\)?\s*و\s*)(?P<x>(?P<year>\d{4}))(?!\d)"


def _p_year(w: Words) -> str:
    """[preposition] [boundary] [season] [year word] 2016 [era]."""
    return (
        rf"{_L}(?:{_CONJ}(?:(?P<prep>{w.yprep})|(?P<weak>{w.yweak}))\s+)?{_CL}(?P<x>"
        rf"(?:(?P<bnd>{w.bnd})\s+)?(?:(?P<season>{w.season})\s+)?(?:(?P<yw>{w.yw})\s*)?{_year(w)})"
    )


def _p_yrange(w: Words) -> str:
    """2014-2016, (2014 - 2016); an academic or fiscal year 1435/1436, 2015/2016 (a slash: consecutive years)."""
    return (
        rf"(?<![\p{{L}}\p{{N}}/.\-]){_CL}(?P<x>(?:(?P<yw>{w.yw})\s*)?\(?\s*(?P<y1>\d{{4}})\s*(?P<sep>[-–/])\s*(?P<y2>\d{{4}})\s*\)?)"
        rf"(?![\d/.\-]|\s*%)"
    )


def _p_season(w: Words) -> str:
    """[هذا] season [العام] [relative word]."""
    return (
        rf"{_L}{_CL}(?P<x>(?:(?P<this>{w.this})\s+)?(?P<season>{w.season})"
        rf"(?:\s+(?P<unit>{w.unit_def}))?(?:\s+(?P<rel>{w.rel}))?){_R}"
    )


def _p_unit(w: Words) -> str:
    """[boundary] هذا الأسبوع | الشهر الماضي."""
    return (
        rf"{_L}{_CL}(?P<x>(?:(?P<bnd>{w.bnd})\s+)?"
        rf"(?:(?P<this>{w.this})\s+(?P<unit>{w.unit_def})|(?P<unit2>{w.unit_def})(?:\s+(?P<rel>{w.rel}))?)){_R}"
    )


def _p_relday(w: Words) -> str:
    """أمس, اليوم الأربعاء, أمس (الأحد)."""
    return rf"{_L}{_CL}(?P<x>(?P<rd>{w.relday})(?:\s*[,،]?\s*(?:\(\s*(?P<wd>{w.wd})\s*\)|(?P<wd>{w.wd})))?){_R}"


def _p_offset(w: Words) -> str:
    """بعد ثلاثة أسابيع, قبل عامين (not followed by من/على or digits)."""
    return (
        rf"{_L}{_CL}(?P<x>(?:(?P<before>{w.off_before})|(?P<after>{w.off_after}))\s+"
        rf"(?:(?P<num>\d{{1,2}}|{w.numw})\s+)?(?P<unit>{w.units})){_R}"
        rf"(?!\s+(?:من|على){_R})(?!\s*\(?\s*\d)"
    )


def _p_weekday(w: Words) -> str:
    """[يوم] weekday [relative word]."""
    return (
        rf"{_L}(?:(?P<blk>{w.wd_block})\s+)?{_CL}(?P<x>(?:(?P<yawm>يوم)\s+)?(?P<wd>{w.wd})"
        rf"(?:\s+(?P<rel>{w.rel}))?){_R}"
    )


def _p_decade(w: Words) -> str:
    """الثمانينيات [century word]."""
    return rf"{_L}{_CL}(?P<x>(?:ال|(?<=ل)ل)?(?P<dec>{w.dec})(?:\s+(?P<cent>{w.cent}))?){_R}"


@dataclass
class Grammar:
    lex: DateLexicon
    patterns: list[tuple[regex.Pattern[str], Resolver]]


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The lexicon and the compiled patterns with their resolvers, in priority order."""
    data = lexicons.load("dates")
    lex = DateLexicon(data)
    w = _words(lex, data)
    pats: list[tuple[str, Resolver]] = [
        (_p_month(w), month_date),
        (_p_numeric(w), numeric_date),
        (_P_NUMERIC_DM, numeric_date),
        (_p_year(w), year_date),
        (_P_YEAR2, year_date),
        (_p_yrange(w), year_range),
        (_p_season(w), season_date),
        (_p_unit(w), unit_date),
        (_p_relday(w), relative_day),
        (_p_offset(w), offset_date),
        (_p_weekday(w), weekday_date),
        (_p_decade(w), decade_date),
    ]
    compiled = lexicons.compiled_regexes("dates-grammar", [p for p, _ in pats])
    return Grammar(lex, [(c, h) for c, (_, h) in zip(compiled, pats, strict=True)])
