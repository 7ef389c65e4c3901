"""Transliteration variants: two spellings of one foreign name differ only in the letters that
Arabic transliterations trade for one sound (غولدمان / جولدمان، بوخنر / بوشنر), a long vowel written
or left out inside the name (ألفرد / ألفريد), a final heh (بورن / بورنه) or the article (الحمدي /
حمدي). Any other letter changed makes another name (مارتن / مارتينا، جبان / لبان).

The letter classes are data: ``translit_*`` in ``rules/lexicons/names.yaml``.
"""

from __future__ import annotations

from functools import lru_cache

from checker import lexicons

#: cost of one edit outside the transliteration classes (above any count of cheap edits we accept)
OTHER = 100


@lru_cache(maxsize=1)
def _classes() -> tuple[frozenset[frozenset[str]], frozenset[str], frozenset[str], tuple[str, ...]]:
    data = lexicons.load("names")
    pairs = frozenset(frozenset(p) for p in data.get("translit_letters", []) if len(set(p)) == 2)
    vowels, endings = frozenset(data.get("translit_vowels", [])), frozenset(data.get("translit_endings", []))
    return pairs, vowels, endings, tuple(data.get("translit_prefixes", []))


def _strip_prefix(a: str, b: str, prefixes: tuple[str, ...]) -> tuple[str, str, int]:
    """Both spellings without a prefix only one of them has (الحمدي / حمدي), and 1 if one was cut."""
    for p in prefixes:
        if a.startswith(p) != b.startswith(p):
            a2 = a[len(p) :] if a.startswith(p) else a
            b2 = b[len(p) :] if b.startswith(p) else b
            if len(a2) >= 3 and len(b2) >= 3:
                return a2, b2, 1
    return a, b, 0


def translit_edits(a: str, b: str) -> int:
    """How many transliteration edits turn folded spelling *a* into *b* (``OTHER`` or more when
    some edit is not one).

    >>> translit_edits("غولدمان", "جولدمان"), translit_edits("ألفرد", "ألفريد"), translit_edits("مارتن", "مارتين")
    (1, 1, 1)
    >>> translit_edits("جبان", "لبان") >= OTHER, translit_edits("بورن", "بورنه"), translit_edits("الحمدي", "حمدي")
    (True, 1, 1)
    """
    pairs, vowels, endings, prefixes = _classes()
    a, b, cut = _strip_prefix(a, b, prefixes)
    n, m = len(a), len(b)
    row = [j * OTHER for j in range(m + 1)]
    for i in range(1, n + 1):
        prev, row = row, [i * OTHER] + [0] * m
        for j in range(1, m + 1):
            ca, cb = a[i - 1], b[j - 1]
            sub = 0 if ca == cb else (1 if frozenset((ca, cb)) in pairs else OTHER)
            dele = _indel_cost(a, i - 1, vowels, endings)
            ins = _indel_cost(b, j - 1, vowels, endings)
            row[j] = min(prev[j - 1] + sub, prev[j] + dele, row[j - 1] + ins)
    return row[m] + cut


def _indel_cost(word: str, i: int, vowels: frozenset[str], endings: frozenset[str]) -> int:
    """A long vowel inside the word, or a transliteration ending at its end, is cheap to drop."""
    ch = word[i]
    if 0 < i < len(word) - 1 and ch in vowels:
        return 1
    if i == len(word) - 1 and ch in endings:
        return 1
    return OTHER


def translit_variant(a: str, b: str, max_edits: int = 2) -> bool:
    """Two different folded spellings that are one name transliterated two ways: at most
    *max_edits* transliteration edits (one for names of three letters or fewer), none other."""
    if a == b:
        return False
    limit = 1 if min(len(a), len(b)) <= 3 else max_edits
    return translit_edits(a, b) <= limit
