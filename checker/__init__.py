"""checker: a cross-article consistency checker for Arabic news copy.

The library API (typed; see :mod:`checker.api`)::

    from checker import compare, extract, make_article, read_articles, render
    report = compare(["a.txt", "b.json"], model="none")
    print(render(report, "markdown"))

Names are imported on first use, so ``import checker`` stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"

__all__ = [
    "Article",
    "Fact",
    "Finding",
    "Report",
    "__version__",
    "check_feed",
    "compare",
    "extract",
    "load_rules",
    "make_article",
    "read_articles",
    "render",
]

_WHERE = {
    "compare": "checker.api",
    "extract": "checker.api",
    "check_feed": "checker.api",
    "make_article": "checker.api",
    "render": "checker.api",
    "read_articles": "checker.read",
    "load_rules": "checker.engine",
    "Article": "checker.model",
    "Fact": "checker.model",
    "Finding": "checker.model",
    "Report": "checker.model",
}

if TYPE_CHECKING:
    from checker.api import check_feed, compare, extract, make_article, render
    from checker.engine import load_rules
    from checker.model import Article, Fact, Finding, Report
    from checker.read import read_articles


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
