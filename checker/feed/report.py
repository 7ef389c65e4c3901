"""The feed report: a summary table of the stories, then each story's own report, in every format.

Text, Markdown and HTML put each story's report (the writers of :mod:`checker.report`) after the
table; HTML is one self-contained index page whose table links each story, the story's own page
embedded below it (``iframe srcdoc``). JSON holds the summary and each story's report object. The CI
formats (SARIF, JUnit, GitHub, GitLab) get one report combining every story's findings.
"""

from __future__ import annotations

import dataclasses
import html
import json
from typing import Any

from checker.feed.check import FeedResult, Story
from checker.model import Report
from checker.report import render

COLUMNS = ("contradiction", "variant", "gap", "lint")
HUMAN = ("text", "markdown", "html", "json")


def title(story: Story, width: int = 70) -> str:
    first = story.articles[0]
    line = " ".join((first.title or first.text.split("\n", 1)[0]).split())
    return line if len(line) <= width else line[: width - 1] + "…"


def rows(result: FeedResult) -> list[dict[str, Any]]:
    out = []
    for s in result.stories:
        counts = s.report.counts()
        out.append(
            {
                "id": s.id,
                "title": title(s),
                "outlets": list(s.outlets),
                "articles": [a.id for a in s.articles],
                **{k: counts[k] for k in COLUMNS},
            }
        )
    return out


def _head(result: FeedResult) -> str:
    n = sum(len(s.articles) for s in result.stories)
    return (
        f"checker {result.version} feed: {n + len(result.singletons)} articles; {len(result.stories)} stories "
        f"of two articles or more ({n} articles) checked; {len(result.singletons)} singletons left alone; "
        f"model {result.model}"
    )


def _text(result: FeedResult) -> str:
    out = [_head(result), "", "story      outlets  articles  contradictions  variants  gaps  lint  title"]
    for r in rows(result):
        out.append(
            f"{r['id']:<10} {len(r['outlets']):>7}  {len(r['articles']):>8}  {r['contradiction']:>14}  "
            f"{r['variant']:>8}  {r['gap']:>4}  {r['lint']:>4}  {r['title']}"
        )
    for s in result.stories:
        out += ["", f"=== {s.id}: {title(s)} ({', '.join(s.outlets)})", render(s.report, "text").rstrip("\n")]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|")


def _markdown(result: FeedResult) -> str:
    out = [
        f"# Feed report\n\n{_head(result)}\n",
        "| story | outlets | articles | contradictions | variants | gaps | lint | title |",
    ]
    out.append("|---|---|---|---|---|---|---|---|")
    for r in rows(result):
        out.append(
            f"| [{r['id']}](#{r['id']}) | {', '.join(r['outlets'])} | {len(r['articles'])} | {r['contradiction']} "
            f"| {r['variant']} | {r['gap']} | {r['lint']} | {_cell(r['title'])} |"
        )
    for s in result.stories:
        body = render(s.report, "markdown").rstrip("\n").replace("\n#", "\n###")
        out += ["", f'<a id="{s.id}"></a>', "", f"## {s.id}: {_cell(title(s))}", "", body]
    return "\n".join(out) + "\n"


def _json(result: FeedResult) -> str:
    body = {
        "checker": result.version,
        "model": result.model,
        "summary": {
            "articles": sum(len(s.articles) for s in result.stories) + len(result.singletons),
            "stories": len(result.stories),
            "singletons": len(result.singletons),
            **{k: sum(s.report.counts()[k] for s in result.stories) for k in COLUMNS},
        },
        "stories": [{**r, "report": s.report.to_dict()} for r, s in zip(rows(result), result.stories, strict=True)],
        "singletons": [a.id for a in result.singletons],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:.2em .5em}iframe{width:100%;height:40em;border:1px solid #ccc}"
)


def _html(result: FeedResult) -> str:
    esc = html.escape
    out = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>checker feed report</title>',
        f"<style>{_CSS}</style></head><body><h1>Feed report</h1><p>{esc(_head(result))}</p><table>",
        "<tr><th>story</th><th>outlets</th><th>articles</th><th>contradictions</th><th>variants</th>"
        "<th>gaps</th><th>lint</th><th>title</th></tr>",
    ]
    for r in rows(result):
        out.append(
            f'<tr><td><a href="#{r["id"]}">{r["id"]}</a></td><td>{esc(", ".join(r["outlets"]))}</td>'
            f"<td>{len(r['articles'])}</td><td>{r['contradiction']}</td><td>{r['variant']}</td><td>{r['gap']}</td>"
            f'<td>{r["lint"]}</td><td dir="auto">{esc(r["title"])}</td></tr>'
        )
    out.append("</table>")
    for s in result.stories:
        page = esc(render(s.report, "html"), quote=True)
        out.append(f'<h2 id="{s.id}" dir="auto">{s.id}: {esc(title(s))}</h2><iframe srcdoc="{page}"></iframe>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def combined(result: FeedResult) -> Report:
    """One report holding every story's articles and findings (for the CI formats)."""
    if not result.stories:
        return Report((), (), result.model, result.version)
    first = result.stories[0].report
    return dataclasses.replace(
        first,
        articles=tuple(a for s in result.stories for a in s.report.articles),
        findings=tuple(f for s in result.stories for f in s.report.findings),
        notes=tuple(n for s in result.stories for n in s.report.notes),
    )


def render_feed(result: FeedResult, fmt: str) -> str:
    """The feed report in format *fmt* (any of :data:`checker.report.FORMATS`)."""
    writers = {"text": _text, "markdown": _markdown, "json": _json, "html": _html}
    if fmt in writers:
        return writers[fmt](result)
    return render(combined(result), fmt)
