"""The library API: build articles, extract facts, compare articles.

>>> from checker.api import make_article, compare
>>> r = compare([make_article("a", "قتل 5 أشخاص في انفجار ببغداد"), make_article("b", "قتل 7 أشخاص في انفجار ببغداد")])
>>> [f.kind for f in r.findings if f.kind == "contradiction"]
['contradiction']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from checker import stages
from checker.engine import Rule, load_rules
from checker.house import House, forbidden_facts, mark_accepted
from checker.model import Article, Fact, Report
from checker.nlp import Analyzer, load_analyzer


def make_article(
    id: str,
    text: str,
    published: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Article:
    return Article(id=id, text=text, path=path, title=title, source=source, published=published)


def extract_facts(article: Article, analyzer: Analyzer | None = None, published: dt.date | None = None) -> list[Fact]:
    """Facts of one article (no cross-article mentions)."""
    an = analyzer or load_analyzer(None)
    refs = stages.reference_dates([article], published)
    return stages.extract([article], an, refs)[0].facts


def compare(
    articles: list[Article],
    analyzer: Analyzer | None = None,
    rules: list[Rule] | None = None,
    published: dt.date | None = None,
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
    house: House | None = None,
) -> Report:
    """Extract, align and run the rules over two or more articles (see :mod:`checker.stages`);
    *progress* may wrap the per-article loop (a progress bar)."""
    an = analyzer or load_analyzer(None)
    rules = rules if rules is not None else load_rules()
    refs = stages.reference_dates(articles, published)
    contexts = stages.extract(articles, an, refs, progress)
    facts = stages.cross_article(contexts)
    if house:
        facts = sorted([*facts, *forbidden_facts(articles, house)], key=Fact.sort_key)
    findings = stages.check(facts, rules, articles)
    if house:
        findings = mark_accepted(findings, house)
    return stages.report(articles, contexts, refs, findings, an, rules)
