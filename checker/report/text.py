"""The terminal report: a header, one line per article, the summary, then the findings grouped by
kind, most severe first, each evidence span with its file line:column and its sentence (the span
between ⟦ ⟧). Agreements are counted per fact type unless ``--agreements``; ``--quiet`` stops
after the summary; colour only when the view asks for it (a terminal, no ``NO_COLOR``)."""

from __future__ import annotations

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

COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[2m"}
RESET = "\x1b[0m"


def _evidence(report: Report, e: Evidence) -> str:
    at = place(report, e)
    pre, span, post = in_context(report, e)
    return visible(f"    {e.article} {at.line}:{at.column}  {pre}⟦{span}⟧{post}")


def _finding(report: Report, f: Finding) -> str:
    lang = report.view.lang
    label = f"[{i18n.severity(lang, f.severity)}]"
    if report.view.color:
        label = COLORS[f.severity] + label + RESET
    return f"{label} {f.rule} " + visible(f.text(lang))


def render(report: Report) -> str:
    lang = report.view.lang
    t = lambda key: i18n.text(lang, key)  # noqa: E731
    lines = [f"checker {report.version} — {len(report.articles)} {t('articles')} — {t('model')}: {report.model}"]
    for a in report.articles:
        date = published(a, lang)
        lines.append(visible(f"  {a.id}: {a.chars} {t('chars')}, {a.facts} {t('facts')}, {t('date')} {date}"))
    lines += [visible(f"  {t('note')}: {n}") for n in (i18n.note(lang, x) for x in report.notes)]
    lines.append(f"{t('summary')}: {localized_summary(report)}")
    if report.view.quiet:
        return "\n".join(lines) + "\n"
    for kind, items in ordered(report):
        lines += ["", f"== {i18n.heading(lang, kind)} ({len(items)}) =="]
        for f in items:
            lines.append(_finding(report, f))
            lines += [_evidence(report, e) for e in f.evidence]
    agreements = agreement_line(report)
    if agreements:
        lines += ["", agreements]
    return "\n".join(lines) + "\n"


WRITER = Writer(name="text", render=render)
