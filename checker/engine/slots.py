"""Slots: one sentence written by two articles with another value in the same place.

A fact extractor may record a fact's *slot frame*: the words right before (``left``, nearest
first) and right after (``right``) it in its sentence. Two facts of two articles whose frames
share enough words on both sides fill the same slot of one sentence; when their values differ,
one article changed that value (``وصل إلى مطار طنجة قادما`` / ``وصل إلى مطار مكناس قادما``).

This is what tells a changed place from an enumeration: an article that names one more place
than another (the regions of a budget, each in its own sentence) fills a slot the other article
does not have, and the places both name fill the same slots in both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checker.model import Fact

#: at least this many frame words shared (both sides together), and one on each side
MIN_FRAME = 4


def frame_score(a: Fact, b: Fact) -> int:
    """Frame words *a* and *b* share, counted outwards from the fact on each side until the first
    difference; 0 unless both sides share at least one."""
    sides = []
    for side in ("left", "right"):
        wa, wb = a.attr(side) or (), b.attr(side) or ()
        n = 0
        while n < min(len(wa), len(wb)) and wa[n] == wb[n]:
            n += 1
        sides.append(n)
    return sum(sides) if min(sides) > 0 else 0


def changed_slots(
    facts: Sequence[Fact], differ: Callable[[Fact, Fact], bool], min_frame: int = MIN_FRAME
) -> list[tuple[Fact, Fact]]:
    """Pairs (changed, other) of facts of two articles in the same slot whose values *differ*:
    the changed fact's value is named nowhere in the other article, and its article does not
    name the other's value in a slot as like the other's (then the other fact is that one's
    counterpart, and this one is a slot of its own: an enumeration)."""
    by_article: dict[str, list[Fact]] = {}
    for f in facts:
        by_article.setdefault(f.article, []).append(f)
    named = {a: {f.value for f in fs} for a, fs in by_article.items()}
    out: list[tuple[Fact, Fact]] = []
    for art, mine in sorted(by_article.items()):
        for other, theirs in sorted(by_article.items()):
            if other == art:
                continue
            for f in mine:
                if f.value in named[other]:
                    continue
                best = _counterpart(f, theirs, mine, differ, min_frame)
                if best is not None:
                    out.append((f, best))
    return out


def _counterpart(
    f: Fact, theirs: list[Fact], mine: list[Fact], differ: Callable[[Fact, Fact], bool], min_frame: int
) -> Fact | None:
    best, best_score = None, min_frame - 1
    for g in theirs:
        score = frame_score(f, g)
        if score <= best_score or not differ(f, g):
            continue
        if any(h.value == g.value and frame_score(h, g) >= score for h in mine):
            continue  # this article names g's value in g's slot: f fills another slot
        best, best_score = g, score
    return best
