"""Run the rules over the facts of a comparison."""

from __future__ import annotations

from checker.engine.checks import CHECKS
from checker.engine.factbase import FactBase
from checker.engine.filters import POST_FILTERS
from checker.engine.rules import Rule
from checker.model import Fact, Finding


def run_rules(
    rules: list[Rule], facts: list[Fact], articles: list[str], sources: dict[str, str] | None = None
) -> list[Finding]:
    """Run every enabled rule, each with its own parameters, then the post-filters; findings
    are deduplicated by id and sorted. *sources* names each article's outlet, where known."""
    fb = FactBase(facts=facts, articles=articles, sources=sources or {})
    findings: list[Finding] = []
    for r in rules:
        if r.enabled:
            findings.extend(CHECKS[r.check].run(r, fb))
    for post in POST_FILTERS:
        findings = post(findings, rules)
    uniq = {f.id: f for f in findings}
    return sorted(uniq.values(), key=Finding.sort_key)
