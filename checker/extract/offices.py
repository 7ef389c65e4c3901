"""Offices named without their holder: «وسمو ولي ولي عهده» in one article for «ولي ولي العهد
الأمير محمد بن سلمان» in another, «الرئيس المصري» alone for «الرئيس المصري عبد الفتاح السيسي».

Across a story, the offices of the people the articles introduce with a role (:func:`offices`:
the role without the person's own titles: الأمير، الدكتور، ranks, honorifics) are looked for in
every article's text: the office's words in order, each with or without the article, the first
with a proclitic, the last also with a possessive pronoun (عهده، عهدها). Each occurrence that
introduces no one (it lies in no role fact of the article) and is not a deputy's office (نائب،
مساعد، وكيل، ولي before it) is an ``office`` fact keyed by the office's words: the article names
that person by his post; its ``holders`` are the keys of the people the story gives that office.
The person-gap rule (GP102) reads them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from checker import lexicons
from checker.extract.base import Context
from checker.text.chars import LETTERS, map_span, match_key
from checker.text.clitics import SINGLE_PROCLITIC_RE


def _words(role: str) -> tuple[str, ...]:
    """Role words folded, each without the article (as :mod:`checker.facts.roles` reads roles)."""
    return tuple(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in match_key(role).split())


@cache
def _personal() -> frozenset[tuple[str, ...]]:
    """Word sequences (folded, without the article) that title the person, not an office."""
    data = lexicons.load("titles")
    words = [*data.get("personal_titles", []), *data.get("honorifics", []), *data.get("courtesy_titles", [])]
    return frozenset(_words(w) for w in [*words, *data.get("ranks", [])] if w.strip())


@cache
def _office_heads() -> frozenset[str]:
    """The first words of the titles of office (folded, without the article): رئيس، وزير، ولي ..."""
    data = lexicons.load("titles")
    return frozenset(_words(t)[0] for t in [*data["titles"], *data.get("weak_titles", [])] if _words(t))


#: an office of fewer words names no one post (الرئيس، المدير)
MIN_OFFICE_WORDS = 2


def offices(role: str) -> list[tuple[str, ...]]:
    """The offices a role names (محافظ الأحساء رئيس مجلس إدارة الجمعية: two), each as
    :func:`office_words` gives it."""
    words = office_words(role)
    if words is None:
        return []
    heads = _office_heads()
    cuts = [0] + [i for i in range(MIN_OFFICE_WORDS, len(words) - 1) if words[i] in heads]
    parts = [words[a:b] for a, b in zip(cuts, [*cuts[1:], len(words)], strict=True)]
    out: list[tuple[str, ...]] = []
    for p in parts:
        if len(p) >= MIN_OFFICE_WORDS and (not out or len(out[-1]) >= MIN_OFFICE_WORDS):
            out.append(p)
        elif out:
            out[-1] = out[-1] + p
    return out


def office_words(role: str) -> tuple[str, ...] | None:
    """The office a role names, without the titles of the person at either end (ولي ولي العهد
    الأمير -> ولي ولي عهد; مدير الجامعة الدكتور -> مدير جامعه), folded and without the article;
    None when what is left is under :data:`MIN_OFFICE_WORDS` words or opens with no title of office."""
    heads = _office_heads()
    words = tuple(w[1:] if w.startswith("و") and w[1:] in heads else w for w in _words(role))  # ورئيس الحكومة
    personal = _personal()
    changed = True
    while changed and words:
        changed = False
        for n in (3, 2, 1):
            if len(words) >= n and words[-n:] in personal:
                words, changed = words[:-n], True
                break
            if len(words) >= n and words[:n] in personal:
                words, changed = words[n:], True
                break
    if len(words) < MIN_OFFICE_WORDS or words[0] not in heads:
        return None
    return words


@lru_cache(maxsize=1)
def _deputy_openers() -> frozenset[str]:
    """First words of the deputy words, folded, with and without the article: نائب، مساعد، ولي."""
    firsts = {match_key(d).split()[0] for d in lexicons.load("titles").get("deputy_words", []) if d.split()}
    return frozenset(firsts | {"ال" + w for w in firsts})


def _pattern(words: tuple[str, ...]) -> str:
    parts = [f"(?:ال)?{re.escape(w)}" for w in words]
    parts[-1] += "(?:ه|ها|هم)?"
    return r"\s+".join(parts)


def office_facts(contexts: list[Context]) -> None:
    """Add an ``office`` fact to each article for each occurrence of an office of the story's
    titled people that introduces no one there."""
    wanted: dict[tuple[str, ...], set[str]] = {}
    for ctx in contexts:
        for f in ctx.facts:
            role = f.attr("role") if f.type == "person" and not f.attr("doubtful") else None
            for office in offices(str(role)) if role else ():
                wanted.setdefault(office, set()).add(f.key)
    if not wanted:
        return
    patterns = {
        w: re.compile(rf"(?<![{LETTERS}]){SINGLE_PROCLITIC_RE}(?P<o>{_pattern(w)})(?![{LETTERS}])") for w in wanted
    }
    deputies = _deputy_openers()
    for ctx in contexts:
        folded, index = ctx.folded()
        roles = [(f.start, f.end) for f in ctx.facts if f.type == "role"]
        for words in sorted(wanted):
            for m in patterns[words].finditer(folded):
                a, b = map_span(index, m.start("o"), m.end("o"))
                if any(s < b and a < e for s, e in roles):
                    continue  # the office introduces someone here (that person's own role)
                before = folded[max(0, m.start() - 40) : m.start()].split()[-1:]  # the word before it
                if before and (before[0] in deputies or (before[0][:1] in "وف" and before[0][1:] in deputies)):
                    continue  # نائب / ولي before it: the deputy's office, not this one
                key = " ".join(words)
                holders = ("holders", tuple(sorted(wanted[words])))
                ctx.add("office", key, key, ctx.text[a:b], a, b, "offices", [holders], claim=False)
