"""The facts of one comparison, and their alignments.

An alignment is fully described by an :class:`AlignSpec`: the fact types aligned together, the
two similarity thresholds and the tolerances that decide which values are compatible. Each rule
builds its own spec from its own parameters, so a rule never sees another rule's thresholds;
rules whose specs are equal share one cached alignment (the shipped agreement and contradiction
rules of a fact family are written with equal parameters for that reason).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.fuzz import token_set_ratio

from checker.engine.align import Cluster, Group, align, context_overlap, make_clusters, similarity
from checker.facts import Tolerance, compare
from checker.model import Fact

#: added to the similarity of two places in sentences that state an agreeing figure or date
ANCHOR_BONUS = 0.3


@dataclass(frozen=True)
class AlignSpec:
    """Everything an alignment depends on; equal specs give equal alignments."""

    facts: tuple[str, ...]
    min_agree: float
    min_conflict: float
    tolerance: Tolerance = field(default_factory=Tolerance)
    anchors: tuple[AlignSpec, ...] = ()

    @staticmethod
    def from_params(facts: tuple[str, ...] | list[str], params: dict[str, Any]) -> AlignSpec:
        """Read ``min_agree``, ``min_conflict``, ``*_tolerance`` and ``anchors`` from rule parameters."""
        tol = Tolerance(
            absolute=float(params.get("abs_tolerance", 0.0)),
            relative=float(params.get("rel_tolerance", 0.0)),
            approx=float(params.get("approx_tolerance", 0.1)),
        )
        anchors = tuple(AlignSpec.from_params(a["facts"], a) for a in params.get("anchors", ()))
        return AlignSpec(
            facts=tuple(sorted(facts)),
            min_agree=float(params["min_agree"]),
            min_conflict=float(params["min_conflict"]),
            tolerance=tol,
            anchors=anchors,
        )

    def compatible(self, a: Cluster, b: Cluster) -> bool | None:
        """Compare two clusters' values with their fact type's comparison and this tolerance."""
        return compare(a.first, b.first, self.tolerance)


@dataclass
class FactBase:
    """All facts of a comparison, with alignments cached per :class:`AlignSpec`."""

    facts: list[Fact]
    articles: list[str]
    #: each article's outlet, where the input names it (an article id -> source)
    sources: dict[str, str] = field(default_factory=dict)
    _aligned: dict[AlignSpec, list[Group]] = field(default_factory=dict)
    _places: dict[tuple[str, int], frozenset[str]] | None = None

    def of(self, types: tuple[str, ...]) -> list[Fact]:
        return [f for f in self.facts if f.type in types]

    def places(self) -> dict[tuple[str, int], frozenset[str]]:
        """Place keys named in each sentence (article, sentence index)."""
        if self._places is None:
            acc: dict[tuple[str, int], set[str]] = defaultdict(set)
            for f in self.facts:
                if f.type == "place":
                    acc[(f.article, f.sentence)].add(f.key)
            self._places = {k: frozenset(v) for k, v in acc.items()}
        return self._places

    def groups(self, spec: AlignSpec) -> list[Group]:
        """Clusters of the spec's facts, aligned across articles (cached per spec)."""
        if spec not in self._aligned:
            clusters = make_clusters(self.of(spec.facts), self.places())
            sim, sim_agree = self.similarities(spec)
            # a quotation is keyed by its speaker, often found in one article only: quotations are
            # compared whatever their keys, and two speakers named differently keep them apart
            same_key = spec.facts != ("quote",)
            self._aligned[spec] = align(
                clusters, spec.compatible, spec.min_agree, spec.min_conflict, sim, sim_agree, same_key=same_key
            )
        return self._aligned[spec]

    def similarities(
        self, spec: AlignSpec
    ) -> tuple[Callable[[Cluster, Cluster], float], Callable[[Cluster, Cluster], float] | None]:
        """The similarity of two clusters for *spec*, and the one for compatible values (or None)."""
        if spec.facts == ("quote",):
            return quote_similarity, None
        if spec.facts == ("role",):  # one person: the key (surname) is the evidence, any context will do
            return (lambda a, b: 1.0 if a.key == b.key else 0.0), None
        if spec.facts == ("location",):
            anchors = self.anchors(spec.anchors)
            return (lambda a, b: anchored(a, b, anchors, context_overlap)), None
        return similarity, (lambda a, b: similarity(a, b, places=False))

    def anchors(self, specs: tuple[AlignSpec, ...]) -> set[frozenset[tuple[str, int]]]:
        """Sentence pairs of two articles that state an agreeing figure or date: the same event,
        so other facts in them (a place) are compared more readily."""
        out: set[frozenset[tuple[str, int]]] = set()
        for spec in specs:
            for g in self.groups(spec):
                if len(g.articles()) < 2:
                    continue
                if any(spec.compatible(x, y) is False for x in g.clusters for y in g.clusters):
                    continue
                sents = [(f.article, f.sentence) for c in g.clusters for f in c.facts]
                out |= {frozenset((x, y)) for x in sents for y in sents if x[0] != y[0]}
        return out


def quote_similarity(a: Cluster, b: Cluster) -> float:
    """Word overlap of two quotations (one may contain the other); none when both speakers are
    known and differ."""
    if a.key and b.key and a.key != b.key:
        return 0.0
    return float(token_set_ratio(a.value, b.value)) / 100.0


def anchored(
    a: Cluster, b: Cluster, anchors: set[frozenset[tuple[str, int]]], base: Callable[[Cluster, Cluster], float]
) -> float:
    """*base* similarity of two places, raised when their sentences are anchored."""
    if a.key != b.key:
        return 0.0
    score = base(a, b)
    if any(
        frozenset(((fa.article, fa.sentence), (fb.article, fb.sentence))) in anchors for fa in a.facts for fb in b.facts
    ):
        score += ANCHOR_BONUS
    return score
