"""Report writers: text (terminal), markdown, json, html. All deterministic."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from checker.model import KINDS, ArticleInfo, Evidence, Finding, Report

TITLES = {
    "contradiction": "Contradictions",
    "variant": "Variants",
    "alias": "Aliases",
    "gap": "Gaps",
    "lint": "Lint",
    "agreement": "Agreements",
}


PLURALS = {k: k + ("es" if k == "alias" else "s") for k in KINDS}


def _by_kind(report: Report) -> list[tuple[str, list[Finding]]]:
    return [
        (k, [f for f in report.findings if f.kind == k]) for k in KINDS if any(f.kind == k for f in report.findings)
    ]


def _summary(report: Report) -> str:
    c = report.counts()
    return ", ".join(f"{c[k]} {k if c[k] == 1 else PLURALS[k]}" for k in KINDS)


def _body(
    report: Report,
    heading: Callable[[str, int], list[str]],
    item: Callable[[Finding], str],
    evidence: Callable[[Evidence], str],
) -> list[str]:
    """The findings grouped by kind, each line shaped by the format's three functions."""
    out: list[str] = []
    for kind, items in _by_kind(report):
        out += heading(TITLES[kind], len(items))
        for f in items:
            out.append(item(f))
            out += [evidence(e) for e in f.evidence]
    return out


def _pub(a: ArticleInfo) -> str:
    return f"{a.published} ({a.published_source})" if a.published else "unknown"


def _ev_line(e: Any) -> str:
    return f"{e.article}:{e.start}-{e.end} «{e.text}»"


def to_text(report: Report) -> str:
    lines = [f"checker {report.version} — {len(report.articles)} articles — model: {report.model}"]
    for a in report.articles:
        lines.append(f"  {a.id}: {a.chars} chars, {a.facts} facts, date {_pub(a)}")
    for n in report.notes:
        lines.append(f"  note: {n}")
    lines.append(f"Summary: {_summary(report)}")
    lines += _body(
        report,
        lambda title, n: ["", f"== {title} ({n}) =="],
        lambda f: f"[{f.severity}] {f.rule} {f.message}",
        lambda e: f"    {_ev_line(e)}",
    )
    return "\n".join(lines) + "\n"


def _md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def to_markdown(report: Report) -> str:
    out = [f"# Consistency report ({len(report.articles)} articles)", ""]
    out.append(f"checker {report.version}, model: `{report.model}`")
    out.append("")
    out.append("| article | chars | facts | date |")
    out.append("|---|---|---|---|")
    for a in report.articles:
        out.append(f"| {_md_escape(a.id)} | {a.chars} | {a.facts} | {_pub(a)} |")
    for n in report.notes:
        out.append(f"\n> {n}")
    out.append("")
    out.append(f"**Summary:** {_summary(report)}")
    out += _body(
        report,
        lambda title, n: ["", f"## {title} ({n})", ""],
        lambda f: f"- **{f.severity}** `{f.rule}` {_md_escape(f.message)}",
        lambda e: f"  - `{e.article}:{e.start}-{e.end}` «{_md_escape(e.text)}»",
    )
    return "\n".join(out) + "\n"


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}"
    ".error{color:#b00020}.warning{color:#a15c00}.info{color:#555}"
    ".ar{direction:rtl;unicode-bidi:isolate;font-size:1.1em}"
    "li{margin:.4em 0}code{background:#f3f3f3;padding:0 .2em}"
)


def to_html(report: Report) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>checker report ({len(report.articles)} articles)</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Consistency report ({len(report.articles)} articles)</h1>",
        f"<p>checker {e(report.version)}, model: <code>{e(report.model)}</code></p>",
        "<table><tr><th>article</th><th>chars</th><th>facts</th><th>date</th></tr>",
    ]
    for a in report.articles:
        out.append(f"<tr><td>{e(a.id)}</td><td>{a.chars}</td><td>{a.facts}</td><td>{e(_pub(a))}</td></tr>")
    out.append("</table>")
    for n in report.notes:
        out.append(f"<p><em>{e(n)}</em></p>")
    out.append(f"<p><strong>Summary:</strong> {e(_summary(report))}</p>")
    for kind, items in _by_kind(report):
        out.append(f'<h2 id="{kind}">{TITLES[kind]} ({len(items)})</h2><ul>')
        for f in items:
            out.append(
                f'<li id="{e(f.id)}"><span class="{f.severity}">{f.severity}</span> <code>{e(f.rule)}</code> '
                f'<span class="ar">{e(f.message)}</span><ul>'
            )
            for ev in f.evidence:
                out.append(
                    f'<li><code>{e(ev.article)}:{ev.start}-{ev.end}</code> <span class="ar">{e(ev.text)}</span></li>'
                )
            out.append("</ul></li>")
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


WRITERS: dict[str, Callable[[Report], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "json": to_json,
    "html": to_html,
}


def render(report: Report, fmt: str) -> str:
    return WRITERS[fmt](report)
