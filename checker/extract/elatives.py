"""Ordinals written as an elative before their noun: «لأول مرة», «ثاني مرة».

«للمرة العاشرة» is an ordinal after its noun, which :mod:`checker.extract.quantities` reads; «لأول
مرة» puts the rank first, in the elative, and no number grammar reads «أول» (it is also "the
beginning": «أول أمس», «أول الشهر»). The ``elative_ordinals`` of ``rules/lexicons/numbers.yaml``
list the words and the nouns they rank; each pair becomes an ordinal fact keyed like the ordinal
after the same noun, so «لأول مرة» and «للمرة العاشرة» compare (CT105).
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context, extractor, stem
from checker.text import recache
from checker.text.chars import map_span, match_key


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, int]]:
    data = lexicons.load("numbers").get("elative_ordinals", {"words": {}, "nouns": []})
    words = {match_key(w): int(v) for w, v in data["words"].items()}
    nouns = sorted({match_key(n) for n in data["nouns"]}, key=len, reverse=True)
    if not words or not nouns:
        return recache.compile(r"(?!)"), {}
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    pattern = recache.compile(
        rf"(?<![^\W\d_])[وفبل]?(?:ل)?({alternatives}) ({'|'.join(map(re.escape, nouns))})(?![^\W\d_])"
    )
    return pattern, words


@extractor("elatives")
def extract_elatives(ctx: Context) -> None:
    pattern, words = _lexicon()
    if not words:
        return
    folded, index = ctx.folded()
    for m in pattern.finditer(folded):
        start, end = map_span(index, m.start(1), m.end(2))
        if ctx.overlaps_taken(start, end):
            continue
        value = words[m.group(1)]
        noun = ctx.text[map_span(index, m.start(2), m.end(2))[0] : end]
        attrs = [("written", "words"), ("kind", "ordinal"), ("noun", noun)]
        ctx.add("ordinal", stem(noun), value, str(value), start, end, "numbers.elative", attrs)
