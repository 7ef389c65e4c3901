"""What every report writer shares: the :class:`Writer` a format module declares, and the pieces
several formats print alike (section titles, the summary line, findings grouped by kind)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from checker import i18n
from checker.model import KINDS, SEVERITY_RANK, ArticleInfo, Evidence, Finding, Origin, Report

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


def published(a: ArticleInfo, lang: str = "en") -> str:
    """``2016-01-20 (inferred)``: the reference date and where it came from, in *lang*."""
    return f"{a.published} ({i18n.source(lang, a.published_source)})" if a.published else i18n.text(lang, "unknown")


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
    """The findings a CI format reports: everything but agreements, in the report's order."""
    return [f for f in report.findings if f.kind != "agreement"]


def ordered(report: Report) -> list[tuple[str, list[Finding]]]:
    """The findings to list, grouped by kind: kinds with the most severe findings first, and in
    each kind the most severe first. Agreements are listed only when the view asks for them."""
    groups = [(k, fs) for k, fs in by_kind(report) if k != "agreement" or report.view.agreements]
    rank = {k: -max(SEVERITY_RANK[f.severity] for f in fs) for k, fs in groups}
    out = []
    for kind, items in sorted(groups, key=lambda g: (rank[g[0]], KINDS.index(g[0]))):
        out.append((kind, sorted(items, key=lambda f: (-SEVERITY_RANK[f.severity], *f.sort_key()[2:]))))
    return out


def agreement_counts(report: Report) -> list[tuple[str, int]]:
    """Agreements per fact type, most first (the summary shown instead of the list)."""
    counts = Counter(f.fact for f in report.findings if f.kind == "agreement")
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def agreement_line(report: Report) -> str | None:
    """``Agreements by fact type: count 5, date 2 (shown with --agreements)``, or None."""
    counts = agreement_counts(report)
    if not counts or report.view.agreements:
        return None
    lang = report.view.lang
    parts = ", ".join(f"{i18n.fact_name(lang, fact)} {n}" for fact, n in counts)
    return f"{i18n.text(lang, 'agreements_by_type')}: {parts} ({i18n.text(lang, 'shown_with')})"


def localized_summary(report: Report) -> str:
    lang = report.view.lang
    c = report.counts()
    return ", ".join(f"{c[k]} {i18n.kind_word(lang, k, c[k])}" for k in KINDS)


#: where a sentence ends, for showing evidence in context (a dot between digits is a decimal
#: point or a thousands separator: «12.64 مليار» is one sentence)
_SENTENCE_END = re.compile(r"(?<![0-9\u0660-\u0669])[.!?؟](?![0-9\u0660-\u0669])|\n")
CONTEXT_CHARS = 160


def in_context(report: Report, e: Evidence) -> tuple[str, str, str]:
    """The sentence around evidence *e*: (before, the span, after), clipped to about
    :data:`CONTEXT_CHARS` characters a side (a clipped end gets …), on one line."""
    info = report.article(e.article)
    text = info.text if info is not None else ""
    if not text:
        return "", _flat(e.text), ""
    lo = max(0, e.start - CONTEXT_CHARS)
    cuts = [m.end() for m in _SENTENCE_END.finditer(text, lo, e.start)]
    start = cuts[-1] if cuts else lo
    hi = min(len(text), e.end + CONTEXT_CHARS)
    stop = _SENTENCE_END.search(text, e.end, hi)
    end = stop.end() if stop else hi
    pre, post = _flat(text[start : e.start]).lstrip(), _flat(text[e.end : end]).rstrip()
    if not cuts and lo > 0:
        pre = "…" + pre
    if not stop and hi < len(text):
        post += "…"
    return pre, _flat(e.text), post


def _flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)
