"""The library API: build or read articles, extract facts, compare articles, render a report.

The same functions are importable from :mod:`checker` itself (``from checker import compare``).

>>> from checker import compare, make_article, render
>>> a = make_article("a", "قتل 5 أشخاص في انفجار ببغداد")
>>> b = make_article("b", "قتل 7 أشخاص في انفجار ببغداد")
>>> report = compare([a, b], model="none")
>>> [(f.rule, [e.text for e in f.evidence]) for f in report.findings if f.kind == "contradiction"]
[('CT101', ['5', '7'])]
>>> render(report, "json").startswith("{")
True
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from os import PathLike
from typing import TYPE_CHECKING

from checker import stages
from checker.engine import Rule, load_rules
from checker.extract.story import anchors, stories

if TYPE_CHECKING:
    from checker.feed.check import FeedResult
from checker.house import House, forbidden_facts, mark_accepted
from checker.model import Article, Fact, Finding, Report
from checker.text.tagger import Analyzer, load_analyzer


def make_article(
    id: str,
    text: str,
    published: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Article:
    return Article(id=id, text=text, path=path, title=title, source=source, published=published)


AnalyzerLike = Analyzer | str | None
ArticleLike = Article | str | PathLike[str]


def _analyzer(analyzer: AnalyzerLike, model: str | None) -> Analyzer:
    """An analyzer object, or one loaded from a model path (``"none"``: the rule-based fallback)."""
    if analyzer is not None and not isinstance(analyzer, str):
        return analyzer  # an Analyzer, or anything that analyzes text like one
    return load_analyzer(model if model is not None else analyzer)


def _articles(items: Sequence[ArticleLike]) -> list[Article]:
    """Articles as given, files (any registered format) read."""
    from checker.read import read_articles

    paths = [str(x) for x in items if not isinstance(x, Article)]
    read = iter(read_articles(paths)) if paths else iter(())
    out: list[Article] = []
    for x in items:
        out.append(x if isinstance(x, Article) else next(read))
    return out


def extract(
    article: ArticleLike, analyzer: AnalyzerLike = None, published: dt.date | None = None, *, model: str | None = None
) -> list[Fact]:
    """The facts of one article (an :class:`Article` or a file path), on its own."""
    return extract_facts(_articles([article])[0], _analyzer(analyzer, model), published)


def render(report: Report, fmt: str = "text") -> str:
    """The report in one of the registered formats (``checker.report.FORMATS``)."""
    from checker.report import render as _render

    return _render(report, fmt)


def extract_facts(article: Article, analyzer: AnalyzerLike = None, published: dt.date | None = None) -> list[Fact]:
    """Facts of one article (no cross-article mentions)."""
    an = _analyzer(analyzer, None)
    refs = stages.reference_dates([article], published)
    return stages.extract([article], an, refs)[0].facts


def compare(
    articles: Sequence[ArticleLike],
    analyzer: AnalyzerLike = None,
    rules: list[Rule] | None = None,
    published: dt.date | None = None,
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
    house: House | None = None,
    *,
    model: str | None = None,
) -> Report:
    """Extract, align and run the rules over two or more articles (:class:`Article` objects or
    file paths; see :mod:`checker.stages`). *model* (or *analyzer*) is a UDPipe model path,
    ``"none"`` for the rule-based fallback, or an analyzer; *progress* may wrap the per-article
    loop (a progress bar)."""
    an = _analyzer(analyzer, model)
    articles = _articles(articles)
    rules = rules if rules is not None else load_rules()
    refs = stages.reference_dates(articles, published)
    contexts = stages.extract(articles, an, refs, progress)
    facts_of = {c.article.id: c.facts for c in contexts}
    parts = stories(articles, tied=[anchors(facts_of.get(a.id, ())) for a in articles])
    findings: list[Finding] = []
    for part in parts:  # articles that are not one story are compared within their groups only
        ids = {a.id for a in part}
        facts = stages.cross_article([c for c in contexts if c.article.id in ids])
        if house:
            facts = sorted([*facts, *forbidden_facts(part, house)], key=Fact.sort_key)
        findings += stages.check(facts, rules, part)
    if house:
        findings = mark_accepted(findings, house)
    report = stages.report(articles, contexts, refs, sorted(findings, key=Finding.sort_key), an, rules)
    if len(parts) > 1:
        shown = " | ".join(", ".join(a.id for a in part) for part in parts)
        note = f"Not one story: the articles form {len(parts)} groups ({shown}); each is compared on its own."
        report = dataclasses.replace(report, notes=(note, *report.notes))
    return report


def check_feed(
    articles: Sequence[ArticleLike], *, model: str | None = None, published: dt.date | None = None, jobs: int = 1
) -> FeedResult:
    """Group a feed of articles (objects or file paths) into stories and check each story of two
    articles or more, as ``checker feed`` does; returns the stories with their reports."""
    from checker.feed.check import Setup
    from checker.feed.check import check_feed as run_feed
    from checker.feed.engine import engine

    with engine("local", jobs) as eng:
        return run_feed(_articles(articles), Setup(model=model, published=published, rules=tuple(load_rules())), eng)
