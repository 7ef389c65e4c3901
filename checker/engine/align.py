"""Align the same fact across articles.

Mentions of one value in one article are merged into a :class:`Cluster` first (an article that
says "خمس شركات" twice states one fact). Clusters of different articles are then paired by a
similarity of their contexts (content-word stems around the mentions, with a penalty when they
sit next to different places) and joined greedily: pairs whose values are compatible first, so
"5 companies in Cairo" meets "5 companies in Cairo" before it can meet "14 companies in
Tunis". A group never holds two clusters of the same article.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from checker.model import Fact
from checker.text.words import zipf


@dataclass
class Cluster:
    article: str
    type: str
    key: str
    value: Any
    facts: list[Fact]
    context: frozenset[str]
    places: frozenset[str]

    @property
    def first(self) -> Fact:
        return self.facts[0]

    def ident(self) -> tuple[str, int, int]:
        return (self.article, self.first.start, self.first.end)


@dataclass
class Group:
    clusters: list[Cluster] = field(default_factory=list)
    score: float = 0.0

    def articles(self) -> set[str]:
        return {c.article for c in self.clusters}


def value_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def make_clusters(
    facts: Iterable[Fact], places_by_sentence: dict[tuple[str, int], frozenset[str]], merge: bool = True
) -> list[Cluster]:
    """Merge mentions of one (type, key, value) within each article (unless not *merge*: then
    every mention stands alone, for facts bound to their sentence)."""
    by: dict[tuple[Any, ...], Cluster] = {}
    for f in sorted(facts, key=Fact.sort_key):
        k: tuple[Any, ...] = (f.article, f.type, f.key, value_key(f.value))
        if not merge:
            k = (*k, f.start)
        places = places_by_sentence.get((f.article, f.sentence), frozenset())
        if k in by:
            c = by[k]
            c.facts.append(f)
            c.context = c.context | f.context
            c.places = c.places | places
        else:
            by[k] = Cluster(f.article, f.type, f.key, f.value, [f], f.context, places)
    return sorted(by.values(), key=lambda c: c.ident())


@lru_cache(maxsize=65536)
def weight(stem: str) -> float:
    """Rarer words say more about which fact this is: weight from word frequency (a stem that is
    not itself a word gets a middle weight)."""
    z = zipf(stem)
    if z == 0.0:
        return 2.0
    return min(4.0, max(0.5, 6.5 - z))


def _total(words: frozenset[str]) -> float:
    """The summed weight of *words*, added in sorted order: a float sum over a set would depend
    on the hash seed, and ties between pairs with it (reports must be byte-identical)."""
    return math.fsum(weight(w) for w in sorted(words))


def context_overlap(a: Cluster, b: Cluster) -> float:
    """Weighted overlap of the context words alone (for facts whose key is their value)."""
    if not a.context or not b.context:
        return 0.0
    shared = _total(a.context & b.context)
    return shared / min(_total(a.context), _total(b.context))


def similarity(a: Cluster, b: Cluster, places: bool = True) -> float:
    """Weighted overlap of the context words (the counted noun itself left out): shared weight over
    the weight of the smaller context, so a terse headline can match a long sentence. Sharing a
    place next to both raises the score; sitting next to different places halves it (only when
    *places*: for two equal values the value itself is the evidence, and a changed place next to
    them is what the location rule must see)."""
    if a.key != b.key:
        return 0.0
    ca, cb = a.context - {a.key}, b.context - {b.key}
    if not ca or not cb:
        return 0.0
    shared = _total(ca & cb)
    score = shared / min(_total(ca), _total(cb))
    if a.places and b.places and (places or a.places & b.places):
        score = score * 0.8 + 0.2 if a.places & b.places else score * 0.5
    if a.type != "count":  # a count names what it counts; a bare figure, percentage or amount does not
        la, lb = _leads(a), _leads(b)
        if la and lb and not la & lb:
            score *= LEAD_PENALTY  # the words right before the figures differ: likely different figures
    return score


#: factor applied when two figures share none of the words right before them
LEAD_PENALTY = 0.6


def _leads(c: Cluster) -> set[str]:
    return {w for f in c.facts for w in (f.attr("lead") or ())}


Compat = Callable[[Cluster, Cluster], bool | None]


def align(
    clusters: list[Cluster],
    compatible: Compat,
    min_agree: float,
    min_conflict: float,
    sim: Callable[[Cluster, Cluster], float] = similarity,
    sim_agree: Callable[[Cluster, Cluster], float] | None = None,
    compatible_first: bool = True,
    same_key: bool = True,
) -> list[Group]:
    """Greedy grouping; ``compatible`` returns True, False, or None (cannot tell: never paired).
    *sim_agree*, when given, scores the pairs whose values are compatible. Pairs with compatible
    values are joined first unless not *compatible_first* (then the best scores go first). With
    *same_key* only clusters of one key are compared (the similarities require it anyway)."""
    pairs: list[tuple[int, float, tuple[Any, ...], int, int]] = []
    buckets: dict[str, list[int]] = {}
    for i, c in enumerate(clusters):
        buckets.setdefault(c.key if same_key else "", []).append(i)
    for members in buckets.values():
        for x, i in enumerate(members):
            a = clusters[i]
            for j in members[x + 1 :]:
                b = clusters[j]
                if a.article == b.article:
                    continue
                ok = compatible(a, b)
                if ok is None:
                    continue
                s = (sim_agree or sim)(a, b) if ok else sim(a, b)
                if (ok and s >= min_agree) or (not ok and s >= min_conflict):
                    pairs.append((0 if ok or not compatible_first else 1, -s, (a.ident(), b.ident()), i, j))
    pairs.sort()
    group_of: dict[int, Group] = {}
    for _, neg, _, i, j in pairs:
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is not None and gj is not None:
            if gi is not gj and _joinable(gi, gj, compatible):
                _merge(gi, gj, group_of)  # two wordings of one figure (3 outlets one way, 2 another)
            continue  # else both placed already: keep the stronger earlier decisions
        if gi is None and gj is None:
            fresh = Group([clusters[i], clusters[j]], -neg)
            group_of[i] = group_of[j] = fresh
            continue
        host, new = (gi, j) if gi is not None else (gj, i)
        assert host is not None
        if clusters[new].article in host.articles():
            continue
        host.clusters.append(clusters[new])
        group_of[new] = host
    groups: list[Group] = []
    seen: set[int] = set()
    for idx in range(len(clusters)):
        placed = group_of.get(idx)
        if placed is None:
            groups.append(Group([clusters[idx]], 0.0))
        elif id(placed) not in seen:
            seen.add(id(placed))
            placed.clusters.sort(key=lambda c: c.ident())
            groups.append(placed)
    return groups


def _joinable(a: Group, b: Group, compatible: Compat) -> bool:
    """Two groups of different articles whose every cross pair of values is compatible: one fact
    that the outlets word two ways, not two facts."""
    return not a.articles() & b.articles() and all(compatible(x, y) for x in a.clusters for y in b.clusters)


def _merge(host: Group, other: Group, group_of: dict[int, Group]) -> None:
    host.clusters.extend(other.clusters)
    host.score = max(host.score, other.score)
    for k, g in list(group_of.items()):
        if g is other:
            group_of[k] = host
