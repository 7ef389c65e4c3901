"""The HTML report: one self-contained page that needs no JavaScript.

The page is set in the report's language and direction (``--lang``). Each finding shows its
evidence spans in their sentences, linked to the same span highlighted in the full text of its
article at the end of the page. Arabic blocks carry ``dir="rtl"`` and ``lang="ar"``; inside a
message, every run of the other script (Arabic values in an English message, article ids in an
Arabic one) is isolated in ``<bdi>`` so that "X should read Y" and "a: 7 | b: 9" keep their order.
Everything inserted is escaped, with control and bidi-override characters made visible.
"""

from __future__ import annotations

import re

from checker import i18n
from checker.model import Evidence, Finding, Report
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

_CSS = (
    "body{font-family:'Noto Naskh Arabic','Noto Sans Arabic',system-ui,sans-serif;margin:2em;max-width:72em}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}"
    ".error .sev{color:#b00020}.warning .sev{color:#a15c00}.info .sev{color:#555}"
    ".sev{font-weight:bold}li{margin:.4em 0}code{background:#f3f3f3;padding:0 .2em}"
    "q{quotes:none}mark{background:#ffe58f}.ar{font-size:1.1em}"
    ".text{white-space:pre-wrap;line-height:1.8;border:1px solid #ddd;padding:1em}"
    "mark:target{outline:3px solid #b00020}"
)
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
#: a run of Arabic words (with the spaces, digits and punctuation between them)
_ARABIC_RUN = re.compile(rf"[{_ARABIC}]+(?:[\s\d٠-٩.,،/«»\"'()-]+[{_ARABIC}]+)*")
#: a run of Latin-script words, digits and identifiers
_LATIN_RUN = re.compile(r"[A-Za-z0-9_~\-]+(?:[ .:_/-]+[A-Za-z0-9_~\-]+)*")


def _e(s: str) -> str:
    """Escaped for HTML, with control and bidi-override characters made visible."""
    import html  # imported when HTML is written (it brings the entity tables)

    return html.escape(visible(s))


def isolate(s: str, lang: str) -> str:
    """*s* escaped, each run of the script foreign to *lang* wrapped in ``<bdi>``.

    >>> isolate("ميركل / ميركيل: one name", "en")
    '<bdi dir="rtl" lang="ar">ميركل / ميركيل</bdi>: one name'
    """
    run, direction = (_ARABIC_RUN, 'dir="rtl" lang="ar"') if lang == "en" else (_LATIN_RUN, 'dir="ltr"')
    out, at = [], 0
    for m in run.finditer(s):
        out += [_e(s[at : m.start()]), f"<bdi {direction}>{_e(m.group())}</bdi>"]
        at = m.end()
    out.append(_e(s[at:]))
    return "".join(out)


class _Marks:
    """The evidence spans highlighted in each article's text: overlapping spans merged, each with
    an id that the evidence links point to."""

    def __init__(self, report: Report, findings: list[Finding]) -> None:
        self.index = {a.id: i for i, a in enumerate(report.articles)}
        spans: dict[str, list[list[int]]] = {}
        for f in findings:
            for e in f.evidence:
                spans.setdefault(e.article, []).append([e.start, e.end])
        self.merged: dict[str, list[tuple[int, int]]] = {}
        for article, items in spans.items():
            merged: list[list[int]] = []
            for s, t in sorted(items):
                if merged and s < merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], t)
                else:
                    merged.append([s, t])
            self.merged[article] = [(s, t) for s, t in merged]

    def anchor(self, e: Evidence) -> str:
        i = self.index.get(e.article, 0)
        for s, t in self.merged.get(e.article, ()):
            if s <= e.start < max(t, s + 1):
                return f"m{i}-{s}-{t}"
        return f"a{i}"

    def text(self, report: Report, article: str) -> str:
        info = report.article(article)
        text = info.text if info is not None else ""
        i, out, at = self.index[article], [], 0
        for s, t in self.merged.get(article, ()):
            out += [_e(text[at:s]), f'<mark id="m{i}-{s}-{t}">{_e(text[s:t])}</mark>']
            at = t
        out.append(_e(text[at:]))
        return "".join(out)


def _finding(report: Report, f: Finding, marks: _Marks) -> list[str]:
    lang = report.view.lang
    out = [
        f'<li id="f-{_e(f.id)}" class="{f.severity}"><span class="sev">{_e(i18n.severity(lang, f.severity))}</span> '
        f'<code>{_e(f.rule)}</code> <span class="msg" dir="auto">{isolate(f.text(lang), lang)}</span><ul>'
    ]
    for e in f.evidence:
        at = place(report, e)
        pre, span, post = in_context(report, e)
        out.append(
            f'<li><a class="ev" href="#{marks.anchor(e)}" data-article="a{marks.index.get(e.article, 0)}">'
            f'<bdi dir="ltr">{_e(e.article)} {at.line}:{at.column}</bdi></a> '
            f'<q class="ar" dir="rtl" lang="ar">{_e(pre)}<mark>{_e(span)}</mark>{_e(post)}</q></li>'
        )
    out.append("</ul></li>")
    return out


def _head(report: Report) -> list[str]:
    lang = report.view.lang
    t = lambda key: i18n.text(lang, key)  # noqa: E731
    title = f"{t('report_title')} ({len(report.articles)} {t('articles')})"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p>checker {_e(report.version)}, {_e(t("model"))}: <code dir="ltr">{_e(report.model)}</code></p>',
        f"<table><tr><th>{t('article')}</th><th>{t('chars')}</th><th>{t('facts')}</th><th>{t('date')}</th></tr>",
    ]
    for i, a in enumerate(report.articles):
        date = published(a, lang)
        out.append(
            f'<tr><td><a href="#a{i}"><bdi>{_e(a.id)}</bdi></a></td><td>{a.chars}</td><td>{a.facts}</td>'
            f'<td dir="auto">{_e(date)}</td></tr>'
        )
    out.append("</table>")
    out += [f'<p><em dir="auto">{_e(n)}</em></p>' for n in (i18n.note(lang, x) for x in report.notes)]
    out.append(f"<p><strong>{_e(t('summary'))}:</strong> {_e(localized_summary(report))}</p>")
    return out


def render(report: Report) -> str:
    lang = report.view.lang
    out = _head(report)
    if report.view.quiet:
        return "\n".join([*out, "</body></html>"]) + "\n"
    groups = ordered(report)
    marks = _Marks(report, [f for _, items in groups for f in items])
    for kind, items in groups:
        out.append(f'<h2 id="{kind}">{_e(i18n.heading(lang, kind))} ({len(items)})</h2><ol>')
        for f in items:
            out += _finding(report, f, marks)
        out.append("</ol>")
    agreements = agreement_line(report)
    if agreements:
        out.append(f'<p dir="auto">{isolate(agreements, lang)}</p>')
    out.append(f'<h2 id="articles">{_e(i18n.text(lang, "article_texts"))}</h2>')
    for i, a in enumerate(report.articles):
        out.append(
            f'<article id="a{i}" class="ar" lang="ar" dir="rtl"><h3><bdi dir="ltr">{_e(a.id)}</bdi></h3>'
            f'<div class="text">{marks.text(report, a.id)}</div></article>'
        )
    out.append("</body></html>")
    return "\n".join(out) + "\n"


WRITER = Writer(name="html", render=render)
