"""The Markdown report: an article table, the summary, then the findings by kind (most severe
first) as nested lists, each evidence span with its line:column and its sentence (the span in
bold). Article text is inert: raw HTML, link and emphasis punctuation and control characters are
escaped (see :func:`_escape`)."""

from __future__ import annotations

import re

from checker import i18n
from checker.model import Evidence, Report
from checker.report.base import (
    Writer,
    agreement_line,
    in_context,
    localized_summary,
    ordered,
    place,
    published,
    visible,
)

#: Markdown punctuation that could start a link, an image, emphasis, code or a table cell
_MD = re.compile(r"([\\`*_{}\[\]()#!|~>])")


def _escape(s: str) -> str:
    r"""Text from an article as inert Markdown: no raw HTML (``<`` ``>`` ``&`` as entities), no
    link, image or emphasis (their punctuation escaped), no control or bidi-override character,
    one line.

    >>> print(_escape("<img src=x onerror=alert(1)> [a](javascript:x)"))
    &lt;img src=x onerror=alert\(1\)&gt; \[a\]\(javascript:x\)
    """
    import html  # imported when Markdown is written (it brings the entity tables)

    s = visible(" ".join(s.splitlines()))
    return _MD.sub(r"\\\1", html.escape(s, quote=False))


def _evidence(report: Report, e: Evidence) -> str:
    at = place(report, e)
    pre, span, post = in_context(report, e)
    return f"  - {_escape(e.article)} {at.line}:{at.column}: {_escape(pre)}**{_escape(span)}**{_escape(post)}"


def render(report: Report) -> str:
    lang = report.view.lang
    t = lambda key: i18n.text(lang, key)  # noqa: E731
    out = [f"# {t('report_title')} ({len(report.articles)} {t('articles')})", ""]
    out.append(f"checker {_escape(report.version)}, {t('model')}: {_escape(report.model)}")
    out.append("")
    out.append(f"| {t('article')} | {t('chars')} | {t('facts')} | {t('date')} |")
    out.append("|---|---|---|---|")
    for a in report.articles:
        date = published(a, lang)
        out.append(f"| {_escape(a.id)} | {a.chars} | {a.facts} | {_escape(date)} |")
    for n in (i18n.note(lang, x) for x in report.notes):
        out.append(f"\n> {_escape(n)}")
    out.append("")
    out.append(f"**{t('summary')}:** {localized_summary(report)}")
    if not report.view.quiet:
        for kind, items in ordered(report):
            out += ["", f"## {i18n.heading(lang, kind)} ({len(items)})", ""]
            for f in items:
                out.append(f"- **{i18n.severity(lang, f.severity)}** `{f.rule}` {_escape(f.text(lang))}")
                out += [_evidence(report, e) for e in f.evidence]
        agreements = agreement_line(report)
        if agreements:
            out += ["", _escape(agreements)]
    return "\n".join(out) + "\n"


WRITER = Writer(name="markdown", render=render)
