"""The Markdown report: an article table, the summary, findings as nested lists by kind."""

from __future__ import annotations

from checker.model import Report
from checker.report.base import Writer, body, published, summary


def _escape(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render(report: Report) -> str:
    out = [f"# Consistency report ({len(report.articles)} articles)", ""]
    out.append(f"checker {report.version}, model: `{report.model}`")
    out.append("")
    out.append("| article | chars | facts | date |")
    out.append("|---|---|---|---|")
    for a in report.articles:
        out.append(f"| {_escape(a.id)} | {a.chars} | {a.facts} | {published(a)} |")
    for n in report.notes:
        out.append(f"\n> {n}")
    out.append("")
    out.append(f"**Summary:** {summary(report)}")
    out += body(
        report,
        lambda title, n: ["", f"## {title} ({n})", ""],
        lambda f: f"- **{f.severity}** `{f.rule}` {_escape(f.message)}",
        lambda e: f"  - `{e.article}:{e.start}-{e.end}` «{_escape(e.text)}»",
    )
    return "\n".join(out) + "\n"


WRITER = Writer(name="markdown", render=render)
