"""The Markdown report: an article table, the summary, findings as nested lists by kind."""

from __future__ import annotations

import html
import re

from checker.model import Report
from checker.report.base import Writer, body, published, summary, visible

#: Markdown punctuation that could start a link, an image, emphasis, code or a table cell
_MD = re.compile(r"([\\`*_{}\[\]()#!|~>])")


def _escape(s: str) -> str:
    r"""Text from an article as inert Markdown: no raw HTML (``<`` ``>`` ``&`` as entities), no
    link, image or emphasis (their punctuation escaped), no control or bidi-override character,
    one line.

    >>> print(_escape("<img src=x onerror=alert(1)> [a](javascript:x)"))
    &lt;img src=x onerror=alert\(1\)&gt; \[a\]\(javascript:x\)
    """
    s = visible(" ".join(s.splitlines()))
    return _MD.sub(r"\\\1", html.escape(s, quote=False))


def render(report: Report) -> str:
    out = [f"# Consistency report ({len(report.articles)} articles)", ""]
    out.append(f"checker {_escape(report.version)}, model: {_escape(report.model)}")
    out.append("")
    out.append("| article | chars | facts | date |")
    out.append("|---|---|---|---|")
    for a in report.articles:
        out.append(f"| {_escape(a.id)} | {a.chars} | {a.facts} | {_escape(published(a))} |")
    for n in report.notes:
        out.append(f"\n> {_escape(n)}")
    out.append("")
    out.append(f"**Summary:** {summary(report)}")
    out += body(
        report,
        lambda title, n: ["", f"## {title} ({n})", ""],
        lambda f: f"- **{f.severity}** `{f.rule}` {_escape(f.message)}",
        lambda e: f"  - {_escape(e.article)}:{e.start}-{e.end} «{_escape(e.text)}»",
    )
    return "\n".join(out) + "\n"


WRITER = Writer(name="markdown", render=render)
