"""The stages of a comparison, in the one direction the data walks:

read (``checker.read``) → text (``Analyzer.analyze``) → extract (per article) → cross-article
(names one article introduced are found in the others; slips another article's names explain are
dropped) → align and rules (``checker.engine``) → report (``checker.report``).

Each stage is a function of the previous stage's output; :func:`checker.api.compare` chains them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checker import __version__
from checker.engine import Rule, run_rules
from checker.extract import run_extractors
from checker.extract.aliases import alias_facts
from checker.extract.base import Context
from checker.extract.borrowed_lists import borrow_lists
from checker.extract.dates import infer_reference, mentioned_years
from checker.extract.mentions import add_mentions
from checker.extract.notation import notation_variants
from checker.extract.offices import office_facts
from checker.extract.quotes import mark_echoed
from checker.extract.spellings import word_variants
from checker.model import Article, ArticleInfo, Fact, Finding, Report, RuleInfo
from checker.text.chars import has_arabic
from checker.text.tagger import Analyzer

#: lint a name in another article explains (a glued word, a "typo" that is someone's name)
NAME_EXPLAINED_LINT = ("glued", "typo")
NAME_TYPES = ("person", "place", "org", "term")


@dataclass(frozen=True)
class Reference:
    """The date an article's relative dates resolve against, and where it came from."""

    date: dt.date | None
    source: str  # "metadata", "given", "inferred", "inferred from the other articles", "none"


def reference_dates(articles: list[Article], default: dt.date | None) -> dict[str, Reference]:
    """Reference date per article: its own, else the given default, else inferred from its text
    (the latest year any article of the set names is the floor), else the date most often known
    for the other articles of the set."""
    out = {
        a.id: Reference(a.published, "metadata") if a.published else Reference(default, "given" if default else "none")
        for a in articles
    }
    missing = [a for a in articles if out[a.id].date is None]
    if not missing:
        return out
    known_years = [r.date.year for r in out.values() if r.date is not None]
    mentioned = [y for a in missing for y in mentioned_years(a.text) if y <= dt.date.today().year]
    floor = max([*known_years, *mentioned], default=None)  # future years (عام 2050) are plans, not dates
    for a in missing:
        ref = infer_reference(a.text, floor)
        if ref:
            out[a.id] = Reference(ref, "inferred")
    known = Counter(r.date for r in out.values() if r.date is not None)
    if known:
        best = sorted(known.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for a in missing:
            if out[a.id].date is None:
                out[a.id] = Reference(best, "inferred from the other articles")
    return out


def extract(
    articles: list[Article],
    analyzer: Analyzer,
    refs: dict[str, Reference],
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
) -> list[Context]:
    """Each article's facts, on its own (*progress* may wrap the loop, e.g. in a progress bar).
    Relative dates of an article whose publication date is known (its metadata, or given) are
    marked exact: أمس is then one day, not a day either way."""
    loop = progress(articles) if progress else articles
    contexts = [run_extractors(a, analyzer.analyze(a.text), refs[a.id].date) for a in loop]
    mark_exact(contexts, refs)
    return contexts


def mark_exact(contexts: list[Context], refs: dict[str, Reference]) -> None:
    """Mark the relative dates of the articles whose publication date is known (metadata, or
    given) as exact. The feed extracts each article once for a reference date and marks them when
    it checks a story, as :func:`extract` does here: one story, one report, whichever command."""
    for ctx in contexts:
        ref = refs.get(ctx.article.id)
        if ref is not None and ref.source in EXACT_REFERENCES:
            ctx.facts = [_exact(f) for f in ctx.facts]


#: where a publication date comes from that relative days may be resolved against exactly
EXACT_REFERENCES = ("metadata", "given")


def _exact(f: Fact) -> Fact:
    if f.type != "date" or not f.attr("relative") or f.attr("exact_ref"):
        return f
    return dataclasses.replace(f, attrs=(*f.attrs, ("exact_ref", True)))


def cross_article(contexts: list[Context]) -> list[Fact]:
    """Facts that need the other articles: a name introduced with a title in one article is a
    person wherever it recurs; a word one article glued or "misspelled" that another article has
    in a name is a name (unless the slip is one wire copies repeat, like a wrong hamza); a
    quotation another article carries as reported speech is marked ``echoed``; a comma list of one
    article is a list of another that writes it with و alone."""
    names: dict[str, str] = {}
    for ctx in contexts:
        for key, name, _role in ctx.introduced:
            names.setdefault(key, name)
    seen_in: dict[str, set[str]] = {}
    for ctx in contexts:
        for f in ctx.facts:
            if f.type in NAME_TYPES:
                for w in f.text.split():
                    seen_in.setdefault(w, set()).add(ctx.article.id)
    for ctx in contexts:
        add_mentions(ctx, names)
        ctx.facts = [f for f in ctx.facts if not _explained(f, seen_in)]
    alias_facts(contexts)
    mark_echoed(contexts)
    borrow_lists(contexts)
    office_facts(contexts)
    words: dict[str, list[Fact]] = {}
    for f in [*word_variants(contexts), *notation_variants(contexts)]:
        words.setdefault(f.article, []).append(f)
    for ctx in contexts:
        ctx.facts = sorted([*ctx.facts, *words.get(ctx.article.id, [])], key=Fact.sort_key)
    return [f for ctx in contexts for f in ctx.facts]


def _explained(f: Fact, seen_in: dict[str, set[str]]) -> bool:
    return (
        f.type == "lint"
        and f.key in NAME_EXPLAINED_LINT
        and not f.attr("repeatable")
        and len(seen_in.get(f.text, ())) > 1
    )


def check(facts: list[Fact], rules: list[Rule], articles: list[Article]) -> list[Finding]:
    """Align the facts across articles and run the rules."""
    sources = {a.id: a.source for a in articles if a.source}
    return run_rules(rules, facts, [a.id for a in articles], sources)


def report(
    articles: list[Article],
    contexts: list[Context],
    refs: dict[str, Reference],
    findings: list[Finding],
    analyzer: Analyzer,
    rules: list[Rule],
) -> Report:
    """The report: articles with their reference dates, findings, and notes for the reader."""
    infos = tuple(
        ArticleInfo(
            id=a.id,
            path=a.path,
            chars=len(a.text),
            model=analyzer.name,
            published=_iso(refs[a.id].date),
            published_source=refs[a.id].source,
            facts=len(ctx.facts),
            origin=a.origin,
            text=a.text,
        )
        for a, ctx in zip(articles, contexts, strict=True)
    )
    notes = [f"{a.id}: no Arabic text; nothing to check there" for a in articles if not has_arabic(a.text)]
    if analyzer.name.startswith("fallback"):
        notes.append("No UDPipe model: running degraded (no POS hints; names from lexicons and title patterns only).")
    rule_infos = tuple(
        RuleInfo(r.code, r.name, r.kind, r.severity, r.doc.get("what", ""), r.doc.get("why", "")) for r in rules
    )
    return Report(infos, tuple(findings), analyzer.name, __version__, tuple(notes), rules=rule_infos)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
