"""The terminal report: a header, one line per article, the summary, findings grouped by kind."""

from __future__ import annotations

from checker.model import Evidence, Report
from checker.report.base import Writer, body, published, summary, visible


def _evidence(e: Evidence) -> str:
    return visible(f"    {e.article}:{e.start}-{e.end} «{e.text}»")


def render(report: Report) -> str:
    lines = [f"checker {report.version} — {len(report.articles)} articles — model: {report.model}"]
    for a in report.articles:
        lines.append(visible(f"  {a.id}: {a.chars} chars, {a.facts} facts, date {published(a)}"))
    for n in report.notes:
        lines.append(visible(f"  note: {n}"))
    lines.append(f"Summary: {summary(report)}")
    lines += body(
        report,
        lambda title, n: ["", f"== {title} ({n}) =="],
        lambda f: visible(f"[{f.severity}] {f.rule} {f.message}"),
        _evidence,
    )
    return "\n".join(lines) + "\n"


WRITER = Writer(name="text", render=render)
