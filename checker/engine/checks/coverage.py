"""``coverage``: a notable fact (a titled person, a place or organisation, a figure, a quotation)
that only one article states: a gap."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from checker.engine.align import Cluster
from checker.engine.checks.compare import ALIGN_PARAMS
from checker.engine.checks.compare import FACTS as ALIGNABLE
from checker.engine.checks.variant import SPELLING_PARAMS
from checker.engine.evidence import ev, finding, others
from checker.engine.factbase import AlignSpec, FactBase
from checker.engine.names import person_clusters
from checker.engine.rules import Rule
from checker.model import Fact, Finding

NAME = "coverage"
KINDS = ("gap",)
FACTS = ("count", "number", "ordinal", "percent", "money", "date", "person", "place", "org", "quote")
FIELDS = frozenset({"fact", "article", "value", "others"})
ENTITIES = ("place", "org")
#: figures another article may state of other words (حوالي 260 متمردا / 260 عنصرا)
FIGURES = ("count", "number", "percent", "money")
PARAMS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "min_articles": {"type": "integer", "minimum": 2},
        "min_mentions": {"type": "integer", "minimum": 1},
        "entity_types": {"type": "array", "items": {"type": "string"}},
        "align_facts": {"type": "array", "minItems": 1, "items": {"enum": list(ALIGNABLE)}},
        **ALIGN_PARAMS,
        **SPELLING_PARAMS,
    },
}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    if len(fb.articles) < rule.param("min_articles", 2):
        return []
    out: list[Finding] = []
    if "person" in rule.facts:
        out += _people(rule, fb)
    if any(t in ENTITIES for t in rule.facts):
        out += _entities(rule, fb)
    if any(t not in ("person", *ENTITIES) for t in rule.facts):
        out += _values(rule, fb)
    return out


def _gap(rule: Rule, facts: list[Fact], fact: str, value: str, fb: FactBase) -> Finding:
    article = facts[0].article
    return finding(
        rule, [ev(f) for f in facts[:3]], fact, article=article, value=value, others=others(fb.articles, article)
    )


def _people(rule: Rule, fb: FactBase) -> list[Finding]:
    """A person introduced with a role whom only one article names."""
    out = []
    for cluster in person_clusters(fb.of(("person",)), rule):
        titled = [f for f in cluster if f.attr("role")]
        if len({f.article for f in cluster}) == 1 and titled and len(cluster) >= rule.param("min_mentions", 1):
            f = titled[0]
            out.append(_gap(rule, cluster, "person", f"{f.display} ({f.attr('role')})", fb))
    return out


def _entities(rule: Rule, fb: FactBase) -> list[Finding]:
    """A place or organisation only one article names."""
    wanted = rule.param("entity_types", None)
    by_id: dict[str, list[Fact]] = defaultdict(list)
    for f in fb.of(tuple(t for t in rule.facts if t in ENTITIES)):
        if not wanted or f.attr("entity_type") in wanted:
            by_id[f.key].append(f)
    out = []
    for eid in sorted(by_id):
        fs = by_id[eid]
        if len({f.article for f in fs}) == 1 and len(fs) >= rule.param("min_mentions", 1):
            out.append(_gap(rule, fs, fs[0].type, fs[0].display, fb))
    return out


def _values(rule: Rule, fb: FactBase) -> list[Finding]:
    """A figure, date or quotation that aligns with nothing in the other articles."""
    value_types = tuple(t for t in rule.facts if t not in ("person", *ENTITIES))
    spec = AlignSpec.from_params(rule.param("align_facts", value_types), rule.params)
    out = []
    for g in fb.groups(spec):
        if len(g.articles()) != 1:
            continue
        c = g.clusters[0]
        if c.type not in value_types or len(c.facts) < rule.param("min_mentions", 1):
            continue
        if _stated_elsewhere(c, fb, spec):
            continue  # حوالي 260 متمردا / 260 عنصرا: the figure is there, said of other words
        out.append(_gap(rule, c.facts, c.type, c.first.display, fb))
    return out


def _stated_elsewhere(c: Cluster, fb: FactBase, spec: AlignSpec) -> bool:
    """A figure is no gap when another article states a compatible value of the same type,
    whatever noun or context it comes with."""
    if c.type not in FIGURES:
        return False
    return any(
        other.article != c.article and other.type == c.type and spec.compatible(c, other)
        for g in fb.groups(spec)
        for other in g.clusters
    )
