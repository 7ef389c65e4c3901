"""Honorifics of address before a person's title or name (صاحب السمو الملكي الأمير …، معالي وزير …،
الأستاذ …), which outlets write or leave out by house style. The list is data:
``courtesy_titles`` in ``rules/lexicons/titles.yaml``."""

from __future__ import annotations

import re
from functools import lru_cache

from checker import lexicons
from checker.text import recache
from checker.text.chars import LETTERS, fold_with_map, map_span, match_key

#: how far before a title an honorific is looked for (صاحب السمو الملكي is 17 characters)
WINDOW = 40


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], frozenset[str]]:
    titles = sorted(lexicons.load("titles").get("courtesy_titles", []), key=lambda s: (-len(s), s))
    alts = "|".join(re.escape(match_key(t)).replace(r"\ ", " ") for t in titles)
    before = recache.compile(rf"(?:^|(?<![{LETTERS}])[وف]?)(?P<h>{alts})\s+$") if alts else recache.compile(r"(?!)")
    return before, frozenset(match_key(t) for t in titles if " " not in t)


def honorific(text: str, title_start: int, role: str) -> tuple[str, int] | None:
    """The honorific written right before the title at *title_start* (its folded form and start), or
    one word of the role itself (الأستاذ in «رئيس المراسم الملكية الأستاذ»)."""
    before, words = _patterns()
    a = max(0, title_start - WINDOW)
    folded, index = fold_with_map(text[a:title_start], teh_marbuta=True)
    m = before.search(folded)
    if m:
        return m.group("h"), a + map_span(index, m.start("h"), m.end("h"))[0]
    return _inside(text, title_start, role, words)


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, ...], ...]:
    """The honorifics of several words, folded, longest first (صاحب السمو الملكي before صاحب السمو)."""
    titles = lexicons.load("titles").get("courtesy_titles", [])
    return tuple(sorted((tuple(match_key(t).split()) for t in titles if " " in t), key=lambda t: (-len(t), t)))


def _inside(text: str, title_start: int, role: str, words: frozenset[str]) -> tuple[str, int] | None:
    """An honorific inside the role itself: a phrase (خادم الحرمين الشريفين صاحب السمو الأمير) or one
    word (الأستاذ in «رئيس المراسم الملكية الأستاذ»)."""
    written = role.split()
    keys = [match_key(w) for w in written]
    for phrase in _phrases():
        n = len(phrase)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) == phrase:
                at = text.find(written[i], title_start)
                return (" ".join(phrase), at) if at >= 0 else None
    for w, k in zip(written, keys, strict=True):
        at = text.find(w, title_start)
        if k in words and at >= 0:
            return k, at
    return None
