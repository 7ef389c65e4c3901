"""House-style notations of figures across the articles of a story (or within one): the digits a
number is written in (10 / ١٠), its decimal mark (2.5 / 5ر2), a percent sign or words (3.20% /
3.20 في المائة), a unit's abbreviation (كم / كلم). Found across articles, so it runs after
extraction (:func:`checker.stages.cross_article`); it emits ``notation`` facts for the variant rule
VR104, one per style and article (the first figure written so), only for notations the story
writes in two or more styles. The styles are data: ``rules/lexicons/notation.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context
from checker.model import Fact
from checker.text import recache
from checker.text.chars import LETTERS

#: a figure's unit or percent words may follow a closing bracket or quote: «(121) كم»
CLOSERS = ")]\"'»”"
OPENERS = "([\"'«“"


@dataclass(frozen=True)
class Styles:
    """The notation lexicon, compiled."""

    script: dict[str, str]  # digit -> script style
    marks: dict[str, str]  # decimal mark -> style
    number: re.Pattern[str]
    after: list[tuple[str, str, re.Pattern[str]]]  # (notation, style, what follows the number)
    sign_before: re.Pattern[str]


@lru_cache(maxsize=1)
def styles() -> Styles:
    data = lexicons.load("notation")
    script = {d: name for name, digits in data["digits"].items() for d in digits}
    marks = {m: name for name, m in data["decimal_marks"].items()}
    digit, mark = re.escape("".join(script)), re.escape("".join(marks))
    number = recache.compile(rf"(?<![{digit}{mark}])[{digit}]+(?:[{mark}][{digit}]+)*(?![{digit}])")
    after = []
    for name, forms in data["percent"].items():
        after.append(("percent", name, _follows(forms)))
    for unit, unit_styles in data["units"].items():
        for forms in unit_styles:
            after.append((f"unit:{unit}", forms[0], _follows(forms)))
    signs = re.escape("".join(f for f in data["percent"].get("sign", []) if len(f) == 1))
    sign_before = recache.compile(rf"[{signs}]\s?$") if signs else recache.compile(r"(?!)")
    return Styles(script, marks, number, after, sign_before)


def _follows(forms: list[str]) -> re.Pattern[str]:
    """What may follow a number: a closing bracket, spaces, one of *forms*, then no letter."""
    alts = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=lambda s: (-len(s), s)))
    return recache.compile(rf"[{re.escape(CLOSERS)}]?\s*(?:{alts})(?![{LETTERS}\w])")


Seen = tuple[str, str, int, int]  # (notation, style, start, end)


def _figures(text: str) -> Iterator[Seen]:
    """Every notation of every number in *text*: its digits, decimal mark, percent, unit."""
    st = styles()
    for m in st.number.finditer(text):
        a, b = m.span()
        if _in_latin(text, a, b):
            continue  # G20, F-16, a web address
        num = m.group()
        scripts = {st.script[c] for c in num if c in st.script}
        if len(scripts) == 1:
            yield "digits", scripts.pop(), a, b
        marks = [c for c in num if c in st.marks]
        if len(marks) == 1:
            yield "decimal", st.marks[marks[0]], a, b
        before = st.sign_before.search(text[max(0, a - 2) : a])
        if before:
            yield "percent", "sign", max(0, a - 2) + before.start(), b
        for notation, style, follow in st.after:
            f = follow.match(text, b)
            if f:  # «(121) كم»: the bracket opened before the number too
                opened = a > 0 and f.group()[:1] in CLOSERS and text[a - 1] in OPENERS
                yield notation, style, a - opened, f.end()


def _in_latin(text: str, a: int, b: int) -> bool:
    """The number is part of a run of non-space characters holding Latin letters."""
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return re.search("[A-Za-z]", text[a:b]) is not None


def notation_variants(contexts: list[Context]) -> list[Fact]:
    """``notation`` facts for the notations the story writes in two or more styles: one per
    style and article, at the first figure written so."""
    firsts: dict[tuple[str, str, str], tuple[Context, int, int]] = {}
    for ctx in contexts:
        for notation, style, a, b in _figures(ctx.text):
            firsts.setdefault((notation, style, ctx.article.id), (ctx, a, b))
    used: dict[str, set[str]] = {}
    for notation, style, _ in firsts:
        used.setdefault(notation, set()).add(style)
    out = []
    for (notation, style, _), (ctx, a, b) in sorted(firsts.items()):
        if len(used[notation]) < 2:
            continue
        text = ctx.text[a:b]
        out.append(Fact(ctx.article.id, "notation", notation, style, style, a, b, text, ctx.sentence_at(a), "notation"))
    return out
