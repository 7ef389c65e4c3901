"""Building findings: evidence from facts, value lists and the rule's message."""

from __future__ import annotations

from typing import Any

from checker.engine.align import Group
from checker.engine.rules import Rule
from checker.model import Evidence, Fact, Finding


def ev(f: Fact, value: str | None = None) -> Evidence:
    """The evidence of one fact (its display value unless *value* is given)."""
    return Evidence(f.article, f.start, f.end, f.text, f.display if value is None else value)


def noun(f: Fact) -> str:
    """ " of دول" for a count, "" when the fact has no counted noun."""
    word = f.attr("noun") or (f.key if f.type == "count" else "")
    return f" of {word}" if word else ""


def values(g: Group) -> str:
    """``a: 7 | b: 9``: each article's value in a group."""
    return " | ".join(f"{c.article}: {c.first.display}" for c in g.clusters)


def others(articles: list[str], article: str) -> str:
    """The other articles of the comparison, for a gap's message."""
    return ", ".join(a for a in articles if a != article)


def finding(rule: Rule, evidence: list[Evidence], fact: str, **fields: Any) -> Finding:
    """A finding of *rule* with its message filled in from *fields*."""
    fields.setdefault("fact", fact)
    return Finding.make(rule.kind, rule.code, rule.severity, fact, rule.format(**fields), evidence)
