"""``compare``: aligned facts agree when their values are compatible, contradict when not."""

from __future__ import annotations

from typing import Any

from checker.engine.evidence import ev, finding, noun, values
from checker.engine.factbase import AlignSpec, FactBase
from checker.engine.rules import Rule
from checker.model import Finding

NAME = "compare"
KINDS = ("agreement", "contradiction")
FACTS = ("count", "number", "ordinal", "percent", "money", "date", "location", "quote")
FIELDS = frozenset({"fact", "key", "values", "noun", "stated", "total"})

_SIMILARITY = {"type": "number", "minimum": 0, "maximum": 1}
_TOLERANCES: dict[str, Any] = {
    "abs_tolerance": {"type": "number", "minimum": 0},
    "rel_tolerance": {"type": "number", "minimum": 0, "maximum": 1},
    "approx_tolerance": {"type": "number", "minimum": 0, "maximum": 1},
}
#: the parameters of an alignment (also used by coverage rules and as anchors)
ALIGN_PARAMS: dict[str, Any] = {"min_agree": _SIMILARITY, "min_conflict": _SIMILARITY, **_TOLERANCES}
ANCHOR = {
    "type": "object",
    "additionalProperties": False,
    "required": ["facts", "min_agree", "min_conflict"],
    "properties": {"facts": {"type": "array", "minItems": 1, "items": {"enum": list(FACTS)}}, **ALIGN_PARAMS},
}
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["min_agree", "min_conflict"],
    "properties": {**ALIGN_PARAMS, "anchors": {"type": "array", "items": ANCHOR}},
}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    spec = AlignSpec.from_params(rule.facts, rule.params)
    out = []
    for g in fb.groups(spec):
        if len(g.articles()) < 2:
            continue
        agree = all(spec.compatible(x, y) is not False for i, x in enumerate(g.clusters) for y in g.clusters[i + 1 :])
        if agree != (rule.kind == "agreement"):
            continue
        evidence = [ev(c.first) for c in g.clusters]
        if rule.kind == "contradiction":
            evidence += [ev(f) for c in g.clusters for f in c.facts[1:3]]
        first = g.clusters[0].first
        fields = {"key": first.key, "values": values(g), "noun": noun(first)}
        out.append(finding(rule, evidence, first.type, stated=len(g.articles()), total=len(fb.articles), **fields))
    return out
