"""Post-filters: decisions that look across rules, run once all rules have reported.

Each filter is named, documented and listed in :data:`POST_FILTERS`, in the order applied.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.engine.rules import Rule
from checker.model import Evidence, Finding


def list_hides_its_places(findings: list[Finding], rules: list[Rule]) -> list[Finding]:
    """A changed list member is shown once, in the list's contradiction: a place contradiction
    whose evidence lies wholly inside a contradicted list is dropped."""
    spans = [
        (e.article, e.start, e.end)
        for f in findings
        if f.kind == "contradiction" and f.fact == "list"
        for e in f.evidence
    ]

    def in_list(e: Evidence) -> bool:
        return any(e.article == a and s <= e.start and e.end <= t for a, s, t in spans)

    return [f for f in findings if not (f.fact == "location" and all(in_list(e) for e in f.evidence))]


def _hidden(findings: list[Finding], rules: list[Rule], param: str, kind: str) -> list[Finding]:
    """*findings* less those of *kind* whose every span a contradiction of a rule with *param*
    already shows (only rules that say so: another rule's findings never remove a rule's own)."""
    hiding = {r.code for r in rules if r.param(param, False)}
    shown = {
        (e.article, e.start, e.end)
        for f in findings
        if f.kind == "contradiction" and f.rule in hiding
        for e in f.evidence
    }
    if not shown:
        return findings
    return [
        f
        for f in findings
        if not (f.kind == kind and f.evidence and all((e.article, e.start, e.end) in shown for e in f.evidence))
    ]


def contradicted_is_no_gap(findings: list[Finding], rules: list[Rule]) -> list[Finding]:
    """A fact already shown in a contradiction of a rule with ``hides_gaps`` is not also reported
    as a gap."""
    return _hidden(findings, rules, "hides_gaps", "gap")


def split_side_is_no_agreement(findings: list[Finding], rules: list[Rule]) -> list[Finding]:
    """An agreement whose every span is already shown on one side of a contradiction of a rule with
    ``hides_agreements`` (the articles that say «أمس» against those that say «أول أمس») is not
    reported again as an agreement."""
    return _hidden(findings, rules, "hides_agreements", "agreement")


POST_FILTERS: tuple[Callable[[list[Finding], list[Rule]], list[Finding]], ...] = (
    list_hides_its_places,
    contradicted_is_no_gap,
    split_side_is_no_agreement,
)
