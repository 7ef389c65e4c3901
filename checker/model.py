"""The data model: articles in, facts in between, findings out. All frozen, all JSON-able."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

KINDS = ("contradiction", "variant", "alias", "gap", "lint", "agreement")
SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: i for i, name in enumerate(SEVERITIES)}
#: weekday names as date facts carry them (``weekday`` attribute), in ``date.weekday()`` order
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _first(span: tuple[int, int, int]) -> int:
    return span[0]


@dataclass(frozen=True)
class Origin:
    """Where an article's text sits in the file it was read from: article offset -> line:column.

    ``lines`` holds the offset in the file's text (decoded, without a BOM) at which each line starts
    (a line ends at CR, LF or CRLF). ``spans`` holds ``(article offset, file offset, width)``: from
    that article offset to the next span's, each character of the article takes ``width``
    characters of the file (1 for plain text; 2 for ``\\n``, 6 for ``\\u0646``, 12 for a surrogate
    pair in a JSON string).

    >>> Origin.of("one\\ntwo").position(5)
    (2, 2)
    """

    lines: tuple[int, ...] = (0,)
    spans: tuple[tuple[int, int, int], ...] = ((0, 0, 1),)

    @classmethod
    def of(cls, raw: str, spans: tuple[tuple[int, int, int], ...] = ((0, 0, 1),)) -> Origin:
        """The origin of an article whose offsets map into the file text ``raw`` through ``spans``."""
        return cls((0, *(m.end() for m in _LINE_BREAK.finditer(raw))), spans)

    def offset(self, at: int) -> int:
        """The file offset of article offset ``at``."""
        start, file_start, width = self.spans[max(bisect.bisect_right(self.spans, at, key=_first) - 1, 0)]
        return file_start + (at - start) * width

    def position(self, at: int) -> tuple[int, int]:
        """Line and column of article offset ``at`` in the file, both 1-based; columns count characters."""
        off = self.offset(at)
        line = bisect.bisect_right(self.lines, off)
        return line, off - self.lines[line - 1] + 1


@dataclass(frozen=True)
class Article:
    """One input article. ``text`` is the original text, exactly as read (minus a BOM).

    ``origin`` maps text offsets to the file's lines and columns; readers set it (see
    :meth:`position`). Wire formats also give ``published_at`` (the full timestamp, with its
    timezone when the source states one; reference dates still come from ``published``) and
    ``place`` (the dateline or the place the story was filed from).
    """

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    origin: Origin | None = field(default=None, compare=False, repr=False)
    published_at: dt.datetime | None = None
    place: str | None = None

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based) of a text offset in the article's file, or in the text itself
        for an article that was not read from a file.

        >>> Article("a", "سطر\\nثان").position(4)
        (2, 1)
        """
        return (self.origin or Origin.of(self.text)).position(offset)


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
        """The first attribute *name* (asked a million times in a large story: the pairs are
        indexed on first use, outside the compared and serialised fields)."""
        index = self.__dict__.get("_attr_index")
        if index is None:
            index = {}
            for k, v in self.attrs:
                index.setdefault(k, v)
            self.__dict__["_attr_index"] = index  # a cache: the dataclass stays frozen in its fields
        return index.get(name, default)

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
    message_ar: str = ""  # the message in Arabic (``--lang ar``); the id is made from the English one

    @staticmethod
    def make(
        kind: str, rule: str, severity: str, fact: str, message: str, evidence: list[Evidence], message_ar: str = ""
    ) -> Finding:
        ev = tuple(sorted(set(evidence), key=lambda e: (e.article, e.start, e.end, e.text)))
        basis = json.dumps([rule, [(e.article, e.start, e.end) for e in ev], message], ensure_ascii=False)
        fid = rule + "-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]
        return Finding(kind, rule, severity, fact, message, ev, fid, message_ar)

    def text(self, lang: str) -> str:
        """The message in *lang* (English when there is no Arabic one)."""
        return self.message_ar if lang == "ar" and self.message_ar else self.message

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
            **({"message_ar": self.message_ar} if self.message_ar else {}),
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
    origin: Origin | None = field(default=None, compare=False, repr=False)  # for line:column in reports
    text: str = field(default="", compare=False, repr=False)  # for evidence in context

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
class RuleInfo:
    """What a report writer may say about a rule, so that writers never import the engine."""

    code: str
    name: str
    kind: str
    severity: str
    help: str  # one sentence: what the rule does
    why: str = ""  # why it matters to an editor


@dataclass(frozen=True)
class View:
    """How a human-readable report is shown: its language, whether agreements are listed (they are
    counted otherwise), only the summary, and terminal colour."""

    lang: str = "en"
    agreements: bool = False
    quiet: bool = False
    color: bool = False


@dataclass(frozen=True)
class Report:
    """The result of a comparison. ``rules`` describes the rules of the run (not part of :meth:`to_dict`)."""

    articles: tuple[ArticleInfo, ...]
    findings: tuple[Finding, ...]
    model: str = ""
    version: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    rules: tuple[RuleInfo, ...] = ()
    #: the gate's threshold (``--fail-on``): CI formats mark findings at or above it as failures
    fail_on: str = "error"
    view: View = field(default_factory=View)

    def rule(self, code: str) -> RuleInfo | None:
        """The description of rule ``code``, if the report carries it."""
        return next((r for r in self.rules if r.code == code), None)

    def gating(self, finding: Finding) -> bool:
        """Whether *finding* fails the gate: not an agreement, severity at or above ``fail_on``."""
        if self.fail_on == "none" or finding.kind == "agreement":
            return False
        return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[self.fail_on]

    def article(self, article_id: str) -> ArticleInfo | None:
        return next((a for a in self.articles if a.id == article_id), None)

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
