"""``lint``: one article's own slips (glued words, typos, a weekday that does not fit its date…),
reported from the observations extractors make."""

from __future__ import annotations

from checker.engine.evidence import ev, finding
from checker.engine.factbase import FactBase
from checker.engine.rules import Rule
from checker.facts.text import LINTS
from checker.model import Evidence, Finding

NAME = "lint"
KINDS = ("lint",)
FACTS = ("lint",)
FIELDS = frozenset({"fact", "text", "detail"})
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["lint"],
    "properties": {"lint": {"enum": list(LINTS)}},
}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    want = rule.params["lint"]
    out = []
    for f in fb.facts:
        if f.type == "lint" and f.key == want:
            evidence = [ev(f)]
            span = f.attr("stated_span")
            if span:
                evidence.append(Evidence(f.article, span[0], span[1], span[2]))
            out.append(finding(rule, evidence, "lint", text=f.text, detail=f.display))
    return out
