"""Vague amounts: a plural of tens, hundreds or a scale word with no number before it.

«عشرات الأشخاص» ("tens of people") is no number :func:`~checker.grammar.numerals.find_numbers`
reads, yet an article that says it contradicts one that says «خمسة أشخاص». Each phrase of
``vague_amounts`` in ``rules/lexicons/numbers.yaml`` reads as the range of its order of magnitude
(عشرات: 10–99, مئات الآلاف: 100,000–999,999; the range is wide enough, so no tolerance is added), so
it agrees with a figure inside its range and with the same vague phrase, and contradicts a figure
outside it or another vague phrase.

>>> [(m.text, m.value, m.high) for m in find_vague("قتل عشرات الأشخاص ونزح مئات الآلاف وبعشرات الملايين")]
[('عشرات', 10, 99), ('مئات الآلاف', 100000, 999999), ('عشرات الملايين', 10000000, 99999999)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker import lexicons
from checker.grammar.numerals.find import NumberMatch
from checker.text.chars import fold_with_map, match_key


@dataclass(frozen=True)
class VagueMatch(NumberMatch):
    """A vague amount: its range is ``value`` .. ``high``, ``written`` is ``vague``."""


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, tuple[int, int]]]:
    ranges: dict[str, tuple[int, int]] = {}
    for entry in lexicons.load("numbers").get("vague_amounts", []):
        for form in entry["forms"]:
            ranges[match_key(form)] = (int(entry["low"]), int(entry["high"]))
    phrases = sorted(ranges, key=len, reverse=True)  # the longest phrase first: عشرات الآلاف, not عشرات
    body = "|".join(re.escape(p).replace(r"\ ", " +") for p in phrases)
    pattern = re.compile(rf"(?<![^\W\d_])(?:[وف]?[بلك]?)({body})(?![^\W\d_])")
    return pattern, ranges


def find_vague(text: str) -> list[VagueMatch]:
    """The vague amounts of *text*, in text order, with exact offsets (a glued proclitic left out)."""
    pattern, ranges = _pattern()
    if not ranges:
        return []
    folded, index = fold_with_map(text, teh_marbuta=True)
    out = []
    for m in pattern.finditer(folded):
        low, high = ranges[re.sub(" +", " ", m.group(1))]
        start = index[m.start(1)]
        end = index[m.end(1) - 1] + 1
        out.append(VagueMatch(start, end, text[start:end], low, "cardinal", "vague", None, high, False))
    return out


def with_vague(found: list[NumberMatch], text: str) -> list[NumberMatch]:
    """*found* (numbers of *text*, in text order) with the vague amounts that overlap none of them
    («ثلاثة آلاف» is a number; «آلاف» alone is vague)."""
    vague = [v for v in find_vague(text) if not any(v.start < m.end and m.start < v.end for m in found)]
    return sorted([*found, *vague], key=lambda m: m.start) if vague else found
