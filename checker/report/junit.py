"""JUnit XML, for CI test dashboards: one test suite, one test case per article; a finding at or
above ``--fail-on`` is a failure of each article it has evidence in, a lower one is listed in
the case's ``system-out``. Text is XML-escaped, and control and bidi characters made visible (XML
1.0 cannot carry most controls at all)."""

from __future__ import annotations

from checker.model import Finding, Report
from checker.report.base import Writer, failures, place, visible


def _attr(s: str) -> str:
    from xml.sax.saxutils import quoteattr  # imported here: it pulls in urllib and http, slow at start-up

    return quoteattr(visible(s))


def _detail(report: Report, f: Finding) -> str:
    lines = [f"{f.rule} [{f.severity}] {f.message}"]
    for e in f.evidence:
        at = place(report, e)
        lines.append(f"  {at.path}:{at.line}:{at.column} «{e.text}»")
    from xml.sax.saxutils import escape

    return escape(visible("\n".join(lines)))


def _case(report: Report, article: str, path: str, found: list[Finding]) -> list[str]:
    failing = [f for f in found if report.gating(f)]
    passing = [f for f in found if not report.gating(f)]
    out = [f"    <testcase classname={_attr('checker')} name={_attr(article)} file={_attr(path)}>"]
    for f in failing:
        out.append(f"      <failure type={_attr(f.rule)} message={_attr(f.message)}>{_detail(report, f)}</failure>")
    if passing:
        out.append("      <system-out>" + "\n".join(_detail(report, f) for f in passing) + "</system-out>")
    out.append("    </testcase>")
    return out


def render(report: Report) -> str:
    found = failures(report)
    by_article = {a.id: [f for f in found if any(e.article == a.id for e in f.evidence)] for a in report.articles}
    n_failed = sum(1 for a in report.articles if any(report.gating(f) for f in by_article[a.id]))
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="checker" tests="{len(report.articles)}" failures="{n_failed}">',
        f'  <testsuite name="checker" tests="{len(report.articles)}" failures="{n_failed}" errors="0" skipped="0">',
    ]
    for a in report.articles:
        out += _case(report, a.id, a.path or a.id, by_article[a.id])
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"


WRITER = Writer(name="junit", render=render)
