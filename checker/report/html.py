"""The HTML report: one self-contained page; Arabic text is set right-to-left."""

from __future__ import annotations

import html

from checker.model import Finding, Report
from checker.report.base import TITLES, Writer, by_kind, published, summary, visible


def _e(s: str) -> str:
    """Escaped for HTML, with control and bidi-override characters made visible."""
    return html.escape(visible(s))


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}"
    ".error{color:#b00020}.warning{color:#a15c00}.info{color:#555}"
    ".ar{direction:rtl;unicode-bidi:isolate;font-size:1.1em}"
    "li{margin:.4em 0}code{background:#f3f3f3;padding:0 .2em}"
)


def _finding(f: Finding) -> list[str]:
    e = _e
    out = [
        f'<li id="{e(f.id)}"><span class="{f.severity}">{f.severity}</span> <code>{e(f.rule)}</code> '
        f'<span class="ar">{e(f.message)}</span><ul>'
    ]
    for ev in f.evidence:
        out.append(f'<li><code>{e(ev.article)}:{ev.start}-{ev.end}</code> <span class="ar">{e(ev.text)}</span></li>')
    out.append("</ul></li>")
    return out


def render(report: Report) -> str:
    e = _e
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
        out.append(f"<tr><td>{e(a.id)}</td><td>{a.chars}</td><td>{a.facts}</td><td>{e(published(a))}</td></tr>")
    out.append("</table>")
    for n in report.notes:
        out.append(f"<p><em>{e(n)}</em></p>")
    out.append(f"<p><strong>Summary:</strong> {e(summary(report))}</p>")
    for kind, items in by_kind(report):
        out.append(f'<h2 id="{kind}">{TITLES[kind]} ({len(items)})</h2><ul>')
        for f in items:
            out += _finding(f)
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


WRITER = Writer(name="html", render=render)
