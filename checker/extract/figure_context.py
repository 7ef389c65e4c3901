"""What stands around a number and changes what it is: a score (5-4، 4/ صفر: no figure), a year
that ends a name (كأس شرق آسيا 2015: an edition), the unit a count measures in (ثلث الساعة: a
duration of 1,200 seconds). Used by :mod:`checker.extract.quantities`."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

from checker import lexicons
from checker.extract.base import counted_key, stem, strip_clitics
from checker.grammar.numerals import NumberMatch
from checker.text import recache
from checker.text.chars import fold, match_key


@lru_cache(maxsize=1)
def unit_sizes() -> dict[str, tuple[str, float]]:
    """Stem of a unit's name or form -> (dimension, factor): how many of the dimension's base unit
    one is (``factor`` in nouns.yaml; units without one are left out)."""

    def build() -> dict[str, list[str | float]]:
        out: dict[str, list[str | float]] = {}
        for u in lexicons.load("nouns")["units"]:
            if "factor" in u:
                for w in (u["name"], *u.get("forms", [])):
                    out.setdefault(stem(w), [u["dimension"], float(u["factor"])])
        return out

    here = Path(__file__).resolve().parent
    sources = [*lexicons.sources("nouns"), here / "base.py", here.parent / "text" / "words.py"]
    table = lexicons.cached("unit-sizes", sources, build, key=lexicons.package_stamp("wordfreq"))
    return {k: (str(v[0]), float(v[1])) for k, v in table.items()}


#: how many words before a bare year an edition head may stand (دوري أبطال أوروبا 2012)
EDITION_WORDS = 4


@lru_cache(maxsize=1)
def _edition_heads() -> frozenset[str]:
    words = lexicons.load("dates").get("edition_heads", [])
    return frozenset(k[2:] if k.startswith("ال") else k for k in map(match_key, words))


def after_edition_head(folded: str, start: int) -> bool:
    """One of the :data:`EDITION_WORDS` words before *start* (folded offsets; no punctuation between)
    is an edition head (كأس، دوري، رؤية), clitics and article aside: the year ends a name."""
    before = re.split(r"[.,،؛:؟!\n()«»\"]", folded[max(0, start - 80) : start])[-1].split()[-EDITION_WORDS:]
    heads = _edition_heads()
    for w in before:
        bare = match_key(strip_clitics(w))
        if bare in heads or (bare.startswith("ال") and bare[2:] in heads):
            return True
    return False


#: a score: two whole numbers joined by a dash (or a slash), the first not below the second, so
#: not a range (5-4، 3 - 1، 2/2; «10-15 شخصا» is a range)
_SCORE_JOIN = recache.compile(r"\s*[-–/]\s*")
_NIL_AFTER = recache.compile(r"\s*[-–/]\s*صفر(?![^\W\d_])")
#: a side's goals, points or sets in a score are at most this
MAX_SCORE = 30


def scores(text: str, found: list[NumberMatch]) -> set[int]:
    """Start offsets of the numbers that make up a score (التفوق 5-4، فاز 3 - 1)."""
    out: set[int] = set()
    for a in found:
        if a.written == "digits" and a.value <= MAX_SCORE and _NIL_AFTER.match(text, a.end):
            out.add(a.start)  # 4-صفر، 3 / صفر
    for a, b in itertools.pairwise(found):
        whole = all(x.written == "digits" and x.high is None and float(x.value).is_integer() for x in (a, b))
        if whole and MAX_SCORE >= a.value >= b.value >= 0 and _SCORE_JOIN.fullmatch(text[a.end : b.start]):
            out.update((a.start, b.start))
    return out


#: how many words before a number a measure word may stand (بعمق يصل إلى 20م)
MEASURE_WORDS = 4
_ABBREVIATION = recache.compile(r" ?(\w{1,2})(?!\w)")


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, frozenset[str]]]:
    return {
        match_key(a["abbreviation"]): (a["unit"], frozenset(map(match_key, a["after"])))
        for a in lexicons.load("nouns").get("measure_abbreviations", [])
    }


def measure_abbreviation(folded: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The unit a one-letter abbreviation right after a number stands for (بعمق 20م: متر), with its
    folded span, where one of the :data:`MEASURE_WORDS` words before the number is a measure word
    of it (clitics and article aside); else None."""
    m = _ABBREVIATION.match(folded, end)
    found = _abbreviations().get(m.group(1)) if m else None
    if m is None or found is None:
        return None
    unit, heads = found
    clause = re.split(r"[،,.؛;:!؟?()\n]", folded[max(0, start - 60) : start])[-1]  # not past a comma
    before = re.findall(r"\w+", clause)[-MEASURE_WORDS:]
    if not any(_bare_forms(match_key(w)) & heads for w in before):
        return None
    return unit, m.start(1), m.end(1)


def _bare_forms(word: str) -> set[str]:
    """*word* with a proclitic (و ف ب ل ك) and the article taken off or not: بعمق -> عمق، وبالطول -> طول."""
    out = {word}
    for _ in range(2):
        out |= {w[1:] for w in out if w[:1] in "وفبلك" and len(w) > 3}
        out |= {w[2:] for w in out if w.startswith("ال") and len(w) > 4}
    return out


#: after a count of a time unit, the words that make it a reporting window («خلال 24 ساعة الماضية»,
#: «الأيام الثلاثة المقبلة»): the span of time a report covers, no fact of the story
_WINDOW = recache.compile(r"\s*(?:ال)?(?:ماضي|ماضيه|مقبل|مقبله|قادم|قادمه|اخير|اخيره|منصرم|منصرمه)(?![^\W\d_])")


def time_window(folded: str, end_f: int, key: str) -> bool:
    """The count of time units *key* ending at folded offset *end_f* (its noun, or the number of a
    definite «الأيام الثلاثة») is followed by past / coming / last: a reporting window."""
    size = unit_sizes().get(key)
    return bool(size and size[0] == "time" and _WINDOW.match(folded, end_f))


def takes_genitive(m: NumberMatch) -> bool:
    """Whole hundreds and more count a singular noun in the genitive (100 طالب، 7 آلاف طالب)."""
    return (v := float(m.high if m.high is not None else m.value)) >= 100 and v % 100 == 0


def event_before(folded: str, start_f: int) -> str | None:
    """The noun an anaphoric count counts by the word right before it (وأصيب 37 آخرون: مصاب)."""
    words = folded[max(0, start_f - 20) : start_f].split()
    return _anaphoric_events().get(words[-1]) if words else None


@lru_cache(maxsize=1)
def _anaphoric_events() -> dict[str, str]:
    return {
        fold(k, teh_marbuta=True): counted_key(v) for k, v in lexicons.load("nouns").get("anaphoric_events", {}).items()
    }
