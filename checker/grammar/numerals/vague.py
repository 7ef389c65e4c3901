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
from functools import lru_cache

from checker import lexicons
from checker.grammar.numerals.find import NumberMatch
from checker.text.chars import Index, fold_with_map, map_span, match_key


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


def find_vague(text: str, folded: tuple[str, Index] | None = None) -> list[NumberMatch]:
    """The vague amounts of *text*, in text order, with exact offsets (a glued proclitic left out);
    ``written`` is ``vague``. *folded*: the text already folded with its index (teh marbuta folded)."""
    pattern, ranges = _pattern()
    if not ranges:
        return []
    folded_text, index = folded or fold_with_map(text, teh_marbuta=True)
    out = []
    for m in pattern.finditer(folded_text):
        low, high = ranges[re.sub(" +", " ", m.group(1))]
        start, end = map_span(index, m.start(1), m.end(1))
        out.append(NumberMatch(start, end, text[start:end], low, "cardinal", "vague", None, high, False))
    return out


def with_vague(found: list[NumberMatch], text: str, folded: tuple[str, Index] | None = None) -> list[NumberMatch]:
    """*found* (numbers of *text*, in text order) with the vague amounts that overlap none of them
    («ثلاثة آلاف» is a number; «آلاف» alone is vague)."""
    vague = [v for v in find_vague(text, folded) if not any(v.start < m.end and m.start < v.end for m in found)]
    return sorted([*found, *vague], key=lambda m: m.start) if vague else found
