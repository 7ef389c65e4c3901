"""The library API: build articles, extract facts, compare articles.

>>> from checker.api import make_article, compare
>>> r = compare([make_article("a", "قتل 5 أشخاص في انفجار ببغداد"), make_article("b", "قتل 7 أشخاص في انفجار ببغداد")])
>>> [f.kind for f in r.findings if f.kind == "contradiction"]
['contradiction']
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from checker import __version__
from checker.engine import Rule, load_rules
from checker.engine.checks import run_rules
from checker.extract import run_extractors
from checker.extract.dates import infer_reference, mentioned_years
from checker.extract.people import add_mentions
from checker.model import Article, ArticleInfo, Fact, Report
from checker.text.chars import has_arabic
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


def _refs(articles: list[Article], default: dt.date | None) -> dict[str, tuple[dt.date | None, str]]:
    """Reference date per article: its own, else --published, else inferred from its text (the
    latest year any article of the set names is the floor), else the date most often known for
    the other articles of the set."""
    out: dict[str, tuple[dt.date | None, str]] = {}
    for a in articles:
        if a.published:
            out[a.id] = (a.published, "metadata")
        elif default:
            out[a.id] = (default, "given")
        else:
            out[a.id] = (None, "none")
    missing = [a for a in articles if out[a.id][0] is None]
    if missing:
        known_years = [v[0].year for v in out.values() if v[0] is not None]
        mentioned = [y for a in missing for y in mentioned_years(a.text) if y <= dt.date.today().year]
        floor = max([*known_years, *mentioned], default=None)  # future years (عام 2050) are plans, not dates
        for a in missing:
            ref = infer_reference(a.text, floor)
            if ref:
                out[a.id] = (ref, "inferred")
        known = Counter(v[0] for v in out.values() if v[0] is not None)
        if known:
            best = sorted(known.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            for a in missing:
                if out[a.id][0] is None:
                    out[a.id] = (best, "inferred from the other articles")
    return out


def extract_facts(article: Article, analyzer: Analyzer | None = None, published: dt.date | None = None) -> list[Fact]:
    """Facts of one article (no cross-article mentions)."""
    an = analyzer or load_analyzer(None)
    ref, _ = _refs([article], published)[article.id]
    return run_extractors(article, an.analyze(article.text), ref).facts


def compare(
    articles: list[Article],
    analyzer: Analyzer | None = None,
    rules: list[Rule] | None = None,
    published: dt.date | None = None,
) -> Report:
    """Extract, align and run the rules over two or more articles."""
    an = analyzer or load_analyzer(None)
    rules = rules if rules is not None else load_rules()
    refs = _refs(articles, published)
    contexts = [run_extractors(a, an.analyze(a.text), refs[a.id][0]) for a in articles]
    # names introduced with a title in one article are mentions in the others too
    names: dict[str, str] = {}
    for ctx in contexts:
        for key, name, _role in ctx.cache.get("people", []):
            names.setdefault(key, name)
    # a word one article glued or "misspelled" that another article has in a name is a name
    seen_in: dict[str, set[str]] = {}
    for ctx in contexts:
        for f in ctx.facts:
            if f.type in ("person", "place", "org", "term"):
                for w in f.text.split():
                    seen_in.setdefault(w, set()).add(ctx.article.id)
    for ctx in contexts:
        add_mentions(ctx, names)
        ctx.facts = [
            f
            for f in ctx.facts
            if not (
                f.type == "lint"
                and f.key in ("glued", "typo")
                and f.extractor != "words.hamza"  # wire copies repeat a misspelling (إتحاد)
                and len(seen_in.get(f.text, ())) > 1
            )
        ]
        ctx.facts.sort(key=Fact.sort_key)
    facts = [f for ctx in contexts for f in ctx.facts]
    findings = run_rules(rules, facts, [a.id for a in articles])

    def iso(d: dt.date | None) -> str | None:
        return d.isoformat() if d else None

    infos = tuple(
        ArticleInfo(
            id=a.id,
            path=a.path,
            chars=len(a.text),
            model=an.name,
            published=iso(refs[a.id][0]),
            published_source=refs[a.id][1],
            facts=len(ctx.facts),
        )
        for a, ctx in zip(articles, contexts, strict=True)
    )
    notes = [f"{a.id}: no Arabic text; nothing to check there" for a in articles if not has_arabic(a.text)]
    if an.name.startswith("fallback"):
        notes.append("No UDPipe model: running degraded (no POS hints; names from lexicons and title patterns only).")
    return Report(articles=infos, findings=tuple(findings), model=an.name, version=__version__, notes=tuple(notes))
