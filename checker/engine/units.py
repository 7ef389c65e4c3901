"""One figure written with another unit: «4 كيلوغرامات من الكوكايين» in two articles, «4 غرامات» in a
third. Counts are keyed by their unit, so a slip of the unit (the commonest slip after the scale word)
leaves two keys that never meet. A count carries its unit's dimension and size (the ``unit``
attribute, from ``factor`` in nouns.yaml); two counts of one dimension in different units, in alike
sentences of two articles, whose measures differ and which no other count of the other article
matches, are one figure misstated."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from checker.engine.align import Cluster, similarity
from checker.facts.figures import amount

#: how close two measures must be to be one (1 %)
SAME_MEASURE = 0.01


def measure(c: Cluster) -> tuple[str, float] | None:
    """(dimension, amount in the dimension's base unit) of a count with a sized unit."""
    unit = c.first.attr("unit")
    if c.type != "count" or not unit:
        return None
    return str(unit[0]), amount(c.first) * float(unit[1])


def _same(x: float, y: float) -> bool:
    return abs(x - y) <= SAME_MEASURE * max(abs(x), abs(y))


def unit_slips(clusters: list[Cluster], need: float) -> Iterator[tuple[Cluster, Cluster]]:
    """Pairs (lone, other) of counts of one dimension in different units of two articles, in
    sentences at least *need* alike, whose measures differ while no count of the lone one's article
    states the other's measure (and none of the other's states the lone one's)."""
    measured = [(c, m) for c in clusters if (m := measure(c)) is not None]
    by_article: dict[str, list[tuple[str, float]]] = {}
    for c, m in measured:
        by_article.setdefault(c.article, []).append(m)
    for i, (a, ma) in enumerate(measured):
        for b, mb in measured[i + 1 :]:
            if a.article == b.article or ma[0] != mb[0] or a.key == b.key or _same(ma[1], mb[1]):
                continue
            if any(d == mb[0] and _same(v, mb[1]) for d, v in by_article[a.article]):
                continue  # the article states the other's measure too
            if any(d == ma[0] and _same(v, ma[1]) for d, v in by_article[b.article]):
                continue
            if similarity(a, dataclasses.replace(b, key=a.key)) >= need:
                yield a, b
