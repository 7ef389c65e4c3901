"""Helpers shared by the tests that compare small titled articles (not a test module)."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article

DAY = dt.date(2015, 8, 2)


def run(fallback, *items: tuple[str, str]):
    """Articles of (title, body); the text is the title, a blank line, then the body."""
    arts = [
        make_article(f"a{i}", f"{title}\n\n{body}", published=DAY, title=title) for i, (title, body) in enumerate(items)
    ]
    return compare(arts, analyzer=fallback)


def evidence(report, rule: str) -> list[set[tuple[str, str]]]:
    """The (article, text) evidence of each finding of *rule*."""
    return [{(e.article, e.text) for e in f.evidence} for f in report.findings if f.rule == rule]
