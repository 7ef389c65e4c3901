"""Round-ups: articles that each cover several places of one kind (the regions where it rained,
the cities a campaign visited) and share some of them.

Two such articles that name, beside the places they share, one place each the other never names,
each introduced as one more item («كما هطلت الأمطار على منطقة الباحة» / «كما شهدت منطقة عسير أيضا
هطول أمطار», both after a sentence on Jazan), cover different parts of the round-up: their extra
places are not one event placed differently. A place an outlet changed in a sentence it copied
stays a contradiction (the two sentences' words overlap), and so does a place changed in a
sentence that adds nothing (وأعلن أن اجتماعا سيعقد في بروكسل / في روما).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from checker import lexicons
from checker.engine.align import Cluster, context_overlap
from checker.model import Fact
from checker.text.chars import match_key

#: kinds of place a round-up lists side by side: a region's city and another region (منطقة جازان is
#: read as the city) are parts of one round-up; countries are not (two articles on one event name
#: other countries in passing)
LEVEL = {"city": "local", "region": "local"}
#: context overlap above which two sentences are one sentence copied with its place changed
COPIED = 0.5
#: words before a place (its ``left`` attribute, nearest first) searched for an additive opener
REACH = 4


@lru_cache(maxsize=1)
def _additive() -> tuple[frozenset[str], frozenset[str]]:
    """``additive_openers`` and ``additive_closers`` of ``rules/lexicons/stopwords.yaml``, folded."""
    lex = lexicons.load("stopwords")
    openers, closers = (
        frozenset(match_key(w) for w in lex.get(k, [])) for k in ("additive_openers", "additive_closers")
    )
    return openers, closers


def _added(f: Fact) -> bool:
    """*f* is introduced as one more item: an opener among the words before it in its sentence
    (كما هطلت اليوم على منطقة الباحة), or أيضا right after it."""
    openers, closers = _additive()
    for word in tuple(f.attr("left") or ())[:REACH]:
        if word == "|":
            break
        if word in openers:
            return True
    right = tuple(f.attr("right") or ())[:2]
    return any(w in closers for w in right)


class RoundUps:
    """The places each article names, by their kind, and those it adds as round-up items."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.named: dict[str, set[str]] = defaultdict(set)
        self.kinds: dict[tuple[str, object], set[str]] = defaultdict(set)
        self.items: set[tuple[str, str]] = set()
        for f in facts:
            if f.type in ("location", "place"):
                value = str(f.value)
                self.named[f.article].add(value)
                kind = f.attr("entity_type")
                self.kinds[(f.article, LEVEL.get(str(kind), kind))].add(value)
                if f.type == "location" and _added(f):
                    self.items.add((f.article, value))

    def apart(self, x: Cluster, y: Cluster) -> bool:
        """*x* and *y* are different local places neither article names in the other's text, each
        added as a round-up item, the two articles share another place of their kind, and the two
        sentences are not one sentence with the place changed."""
        a, b = x.first, y.first
        va, vb = str(a.value), str(b.value)
        if va == vb or va in self.named[b.article] or vb in self.named[a.article]:
            return False
        if (a.article, va) not in self.items or (b.article, vb) not in self.items:
            return False
        kind = LEVEL.get(str(a.attr("entity_type")))
        if kind is None or kind != LEVEL.get(str(b.attr("entity_type"))):
            return False  # countries: two articles on one event name other countries in passing
        shared = self.kinds[(a.article, kind)] & self.kinds[(b.article, kind)]
        return bool(shared - {va, vb}) and context_overlap(x, y) < COPIED
