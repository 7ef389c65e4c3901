"""Run the registered extractors over one article, in order.

Order matters: dates claim their numbers first; entities before people (titles take demonyms);
quantities before lists (a list checks the count announced for it); people before head-noun
names (a title like رئيس مجلس is not an organisation); the name model after the rule-based
people (it adds only untitled full names nothing claimed), then the second look at titled
people (:mod:`checker.extract.person_checks`); roles written after a name once all names are
known; lint last.
"""

from __future__ import annotations

import datetime as dt

from checker.extract import (  # noqa: F401
    asides,
    dates,
    elatives,
    entities,
    heads,
    lint,
    lists,
    model_names,
    people,
    person_checks,
    quantities,
    quotes,
    roles_after,
    terms,
)
from checker.extract.base import REGISTRY, Context
from checker.model import Article, Fact
from checker.text.tokenize import Analysis

ORDER = (
    "dates",
    "entities",
    "quantities",
    "elatives",
    "people",
    "model_names",
    "person_checks",
    "roles_after",
    "heads",
    "lists",
    "quotes",
    "terms",
    "asides",
    "lint",
)


def run_extractors(
    article: Article,
    analysis: Analysis,
    ref: dt.date | None,
    only: tuple[str, ...] = ORDER,
) -> Context:
    """Run the extractors over one article, in :data:`ORDER`."""
    ctx = Context(article=article, analysis=analysis, ref=ref)
    for name in only:
        REGISTRY[name](ctx)
    ctx.facts.sort(key=Fact.sort_key)
    return ctx
