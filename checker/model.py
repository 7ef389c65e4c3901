"""The data model: articles in, facts in between, findings out. All frozen, all JSON-able."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

KINDS = ("contradiction", "variant", "alias", "gap", "lint", "agreement")
SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: i for i, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Article:
    """One input article. ``text`` is the original text, exactly as read (minus a BOM)."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class Evidence:
    """A span of one article: ``article.text[start:end] == text``."""

    article: str
    start: int
    end: int
    text: str
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"article": self.article, "start": self.start, "end": self.end, "text": self.text}
        if self.value is not None:
            d["value"] = self.value
        return d


@dataclass(frozen=True)
class Fact:
    """One extracted fact.

    ``type`` is the fact type (count, number, percent, money, date, person, place, org, list, quote),
    ``key`` the slot it fills (the counted noun, a person's role, ...), ``value`` its normalized,
    JSON-able value and ``display`` a short human form of it. ``context`` holds the normalized
    content words around the fact, used to align it with facts of other articles.
    """

    article: str
    type: str
    key: str
    value: Any
    display: str
    start: int
    end: int
    text: str
    sentence: int
    extractor: str
    context: frozenset[str] = frozenset()
    attrs: tuple[tuple[str, Any], ...] = ()

    def attr(self, name: str, default: Any = None) -> Any:
        for k, v in self.attrs:
            if k == name:
                return v
        return default

    def evidence(self) -> Evidence:
        return Evidence(self.article, self.start, self.end, self.text, self.display)

    def sort_key(self) -> tuple[Any, ...]:
        return (self.article, self.start, self.end, self.type, self.key, self.display)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "type": self.type,
            "key": self.key,
            "value": self.value,
            "display": self.display,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "extractor": self.extractor,
        }
        if self.attrs:
            d["attrs"] = {k: v for k, v in self.attrs}
        return d


@dataclass(frozen=True)
class Finding:
    """One reported finding, with evidence in one or more articles."""

    kind: str
    rule: str
    severity: str
    fact: str
    message: str
    evidence: tuple[Evidence, ...]
    id: str = ""

    @staticmethod
    def make(kind: str, rule: str, severity: str, fact: str, message: str, evidence: list[Evidence]) -> Finding:
        ev = tuple(sorted(set(evidence), key=lambda e: (e.article, e.start, e.end, e.text)))
        basis = json.dumps([rule, [(e.article, e.start, e.end) for e in ev], message], ensure_ascii=False)
        fid = rule + "-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]
        return Finding(kind, rule, severity, fact, message, ev, fid)

    def sort_key(self) -> tuple[Any, ...]:
        first = self.evidence[0] if self.evidence else Evidence("", 0, 0, "")
        return (KINDS.index(self.kind), -SEVERITY_RANK[self.severity], first.article, first.start, self.rule, self.id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "rule": self.rule,
            "severity": self.severity,
            "fact": self.fact,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class ArticleInfo:
    """What the tool learned about an article, reported at the top of every report."""

    id: str
    path: str | None
    chars: int
    model: str
    published: str | None
    published_source: str  # "given", "metadata", "inferred", "none"
    facts: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "chars": self.chars,
            "model": self.model,
            "published": self.published,
            "published_source": self.published_source,
            "facts": self.facts,
        }


@dataclass(frozen=True)
class Report:
    """The result of a comparison."""

    articles: tuple[ArticleInfo, ...]
    findings: tuple[Finding, ...]
    model: str = ""
    version: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in KINDS}
        for f in self.findings:
            out[f.kind] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "checker": self.version,
            "model": self.model,
            "articles": [a.to_dict() for a in self.articles],
            "summary": self.counts(),
            "notes": list(self.notes),
            "findings": [f.to_dict() for f in self.findings],
        }
