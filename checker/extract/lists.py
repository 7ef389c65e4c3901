"""Participant lists: three or more coordinated entities ("الولايات المتحدة وفرنسا وبريطانيا")."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.base import Context, extractor, stem, stopwords
from checker.extract.entities import gazetteer
from checker.model import Fact
from checker.text.chars import LETTERS, match_key, strip_marks

MIN_MEMBERS = 3
# what may stand between two members: commas (Arabic or Latin), spaces and the conjunction و
_GAP = re.compile(r"^\s*(?:[,\u060c]\s*(?:و|ثم)?|و|ثم)\s*$")


def _chains(members: list[Fact], text: str) -> list[list[Fact]]:
    chains: list[list[Fact]] = []
    cur: list[Fact] = []
    for f in members:
        if cur and f.start >= cur[-1].end and _GAP.match(strip_marks(text[cur[-1].end : f.start])):
            cur.append(f)
            continue
        if len(cur) >= MIN_MEMBERS:
            chains.append(cur)
        cur = [f]
    if len(cur) >= MIN_MEMBERS:
        chains.append(cur)
    return chains


@extractor("lists")
def extract_lists(ctx: Context) -> None:
    members = sorted((f for f in ctx.facts if f.type in ("place", "org")), key=lambda f: f.start)
    counts = _counts_by_sentence(ctx)
    for chain in _chains(members, ctx.text):
        ids = [f.key for f in chain]
        types = {f.attr("entity_type") for f in chain}
        etype = types.pop() if len(types) == 1 else "mixed"
        start, end = chain[0].start, chain[-1].end
        attrs: list[tuple[str, object]] = [("members", ids), ("entity_type", etype)]
        stated = _stated_count(ctx, start, etype, counts)
        if stated is not None:
            attrs.append(("stated_count", stated.value))
            attrs.append(("stated_span", [stated.start, stated.end, stated.text]))
            attrs.append(("stated_display", stated.display))
        display = "، ".join(f.display for f in chain)
        ctx.add("list", etype, sorted(set(ids)), display, start, end, "lists.coordination", attrs, claim=False)


def _stated_count(ctx: Context, list_start: int, etype: str, counts: dict[int, list[Fact]]) -> Fact | None:
    """The count in the same sentence, before the list, whose noun names that kind of entity, when
    the list starts where it is announced (:func:`_announced`)."""
    stems = _noun_stems(etype)
    best = None
    for f in counts.get(ctx.sentence_at(list_start), ()):
        if f.end <= list_start and f.key in stems and (best is None or f.start > best.start):
            best = f
    if best is None or not _announced(ctx.text[best.end : list_start], str(best.attr("noun") or "")):
        return None
    return best


def _announced(between: str, noun: str) -> bool:
    """The list opens right after its count (الدول الـ12 (أ وب …), after a colon or bracket, or
    after a function word (سبع دول، وهي أ وب …). A conjunction or any other word right before it
    means the list was found from a later member on (the first ones unknown to the lexicon: أ
    والبيرو وتشيلي …), so its length says nothing."""
    text = strip_marks(between).rstrip()
    if text[-1:] in (":", "("):
        return True
    text = text.rstrip("،,-– ")  # الدول السبع، أ وب …
    if not text:
        return True
    words = _LETTERS_RUN.findall(text)
    last = match_key(words[-1]) if words and text.endswith(words[-1]) else ""
    return bool(last) and last != "و" and (last in stopwords() or last == match_key(noun))


_LETTERS_RUN = re.compile(rf"[{LETTERS}]+")


@lru_cache(maxsize=64)
def _noun_stems(etype: str) -> frozenset[str]:
    return frozenset(stem(k) for k, v in gazetteer().list_nouns.items() if v == etype)


def _counts_by_sentence(ctx: Context) -> dict[int, list[Fact]]:
    out: dict[int, list[Fact]] = {}
    for f in ctx.facts:
        if f.type == "count":
            out.setdefault(f.sentence, []).append(f)
    return out
