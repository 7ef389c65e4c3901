"""What every report writer shares: the :class:`Writer` a format module declares, and the pieces
several formats print alike (section titles, the summary line, findings grouped by kind)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.model import KINDS, ArticleInfo, Evidence, Finding, Origin, Report

TITLES = {
    "contradiction": "Contradictions",
    "variant": "Variants",
    "alias": "Aliases",
    "gap": "Gaps",
    "lint": "Lint",
    "agreement": "Agreements",
}
PLURALS = {k: k + ("es" if k == "alias" else "s") for k in KINDS}


#: characters a human-readable report never passes through as they are: C0 and C1 controls (a
#: terminal escape starts with ESC or CSI), DEL, bidi embeddings, overrides and isolates (U+202E
#: turns text around), line and paragraph separators, and noncharacters. Shown as ⟪U+XXXX⟫.
#: Tab, line feed, and the marks Arabic copy uses (RLM/LRM, ZWJ/ZWNJ) are kept.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u202a-\u202e\u2028\u2029\u2066-\u2069"
    "\ufdd0-\ufdef\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)


def visible(s: str) -> str:
    """*s* with every unsafe character made visible as ``⟪U+XXXX⟫`` (offsets in the report stay
    those of the article: only the shown text changes).

    >>> visible("a\x1b[2Jb\u202ec")
    'a⟪U+001B⟫[2Jb⟪U+202E⟫c'
    """
    return UNSAFE.sub(lambda m: f"⟪U+{ord(m.group()):04X}⟫", s)


@dataclass(frozen=True)
class Writer:
    """An output format: its name (``--format NAME``) and a function from a report to its text."""

    name: str
    render: Callable[[Report], str]


def by_kind(report: Report) -> list[tuple[str, list[Finding]]]:
    """The findings grouped by kind, in the order of :data:`checker.model.KINDS`; empty kinds left out."""
    return [
        (k, [f for f in report.findings if f.kind == k]) for k in KINDS if any(f.kind == k for f in report.findings)
    ]


def summary(report: Report) -> str:
    c = report.counts()
    return ", ".join(f"{c[k]} {k if c[k] == 1 else PLURALS[k]}" for k in KINDS)


def body(
    report: Report,
    heading: Callable[[str, int], list[str]],
    item: Callable[[Finding], str],
    evidence: Callable[[Evidence], str],
) -> list[str]:
    """The findings grouped by kind, each line shaped by the format's three functions."""
    out: list[str] = []
    for kind, items in by_kind(report):
        out += heading(TITLES[kind], len(items))
        for f in items:
            out.append(item(f))
            out += [evidence(e) for e in f.evidence]
    return out


def published(a: ArticleInfo) -> str:
    return f"{a.published} ({a.published_source})" if a.published else "unknown"


@dataclass(frozen=True)
class Place:
    """Where an evidence span sits in its article's file: the path, 1-based line and column of its
    start and end (end column exclusive, as SARIF and editors count), and file character offsets."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int


def place(report: Report, e: Evidence) -> Place:
    """The file position of evidence *e* (an article read from no file is placed in its own text,
    named by its id)."""
    info = report.article(e.article)
    origin = info.origin if info is not None and info.origin is not None else Origin()
    path = info.path if info is not None and info.path and info.path != "-" else e.article
    (line, col), (end_line, end_col) = origin.position(e.start), origin.position(e.end)
    start, end = origin.offset(e.start), origin.offset(e.end)
    return Place(path, line, col, end_line, end_col, start, end - start)


def failures(report: Report) -> list[Finding]:
    """The findings a CI format reports: everything but agreements, most severe first."""
    return [f for f in report.findings if f.kind != "agreement"]
