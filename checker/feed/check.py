"""Check a feed: group it into stories, extract each article of a story once (or take its analysis
from the store), and run the same stages as :func:`checker.api.compare` on each story.

The work functions here are top-level and take one picklable argument, so that any engine
(:mod:`checker.feed.engine`) can run them in another process or on a Dask worker.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from checker import stages
from checker.engine import Rule
from checker.extract.base import Context
from checker.feed.engine import Engine
from checker.feed.group import Params, group
from checker.house import House, forbidden_facts, mark_accepted
from checker.model import Article, Fact, Report
from checker.text.tagger import Analyzer, analyzer_name, load_analyzer


@dataclass(frozen=True)
class Setup:
    """What a worker needs to know to extract or check like the parent process."""

    model: str | None = None
    lexicons: tuple[str, ...] = ()
    published: dt.date | None = None
    rules: tuple[Rule, ...] = ()
    house: House | None = None
    names_model: str = "crf"  # the names-model setting (checker.extract.model_names)


@dataclass(frozen=True)
class Story:
    """One story of the feed and its report."""

    id: str
    articles: tuple[Article, ...]
    report: Report

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({a.source or "?" for a in self.articles}))


@dataclass(frozen=True)
class FeedResult:
    """The stories checked (two articles or more) and the singletons left alone."""

    stories: tuple[Story, ...]
    singletons: tuple[Article, ...]
    model: str
    version: str
    notes: tuple[str, ...] = field(default_factory=tuple)


def _prepare(setup: Setup) -> None:
    """Extra lexicon folders and the names-model setting, applied in each process (a Dask worker
    starts without them)."""
    from checker import lexicons
    from checker.extract import model_names

    model_names.configure(setup.names_model)
    if setup.lexicons and not lexicons.EXTRA_FOLDERS:
        lexicons.add_folders(list(setup.lexicons))


@lru_cache(maxsize=4)
def _analyzer(model: str | None) -> Analyzer:
    """One analyzer per process."""
    return load_analyzer(model)


class _Named(Analyzer):
    """Only the model's name, for the report of a story whose analyses were done elsewhere."""

    def __init__(self, name: str) -> None:
        self.name = name


def extract_task(job: tuple[Setup, Article, dt.date | None]) -> Context:
    """One article's facts on their own (the ``extract`` stage), with *ref* as its reference date."""
    setup, article, ref = job
    _prepare(setup)
    an = _analyzer(setup.model)
    ctx = stages.extract([article], an, {article.id: stages.Reference(ref, "")})[0]
    ctx.cache.clear()  # rebuilt on demand; keeps the pickle small
    return ctx


def check_task(job: tuple[Setup, tuple[Article, ...], tuple[Context, ...], str]) -> Report:
    """The rest of :func:`checker.api.compare` over one story's extracted articles."""
    setup, articles_t, contexts_t, model_name = job
    _prepare(setup)
    articles = list(articles_t)
    # cross_article adds to the contexts: work on copies (a pickle round trip, far cheaper than deepcopy)
    contexts = pickle.loads(pickle.dumps(contexts_t, protocol=pickle.HIGHEST_PROTOCOL))
    refs = stages.reference_dates(articles, setup.published)
    stages.mark_exact(list(contexts), refs)  # extracted apart (and cached) for a date alone
    facts = stages.cross_article(contexts)
    if setup.house:
        facts = sorted([*facts, *forbidden_facts(articles, setup.house)], key=Fact.sort_key)
    findings = stages.check(facts, list(setup.rules), articles)
    if setup.house:
        findings = mark_accepted(findings, setup.house)
    return stages.report(articles, contexts, refs, findings, _Named(model_name), list(setup.rules))


def story_refs(story: Sequence[Article], published: dt.date | None) -> dict[str, dt.date | None]:
    """Each article's reference date, as :func:`checker.api.compare` would set it for the story."""
    return {k: r.date for k, r in stages.reference_dates(list(story), published).items()}


def stories_of(
    articles: Sequence[Article], params: Params | None = None, known: dict[str, dict[str, float]] | None = None
) -> tuple[list[list[Article]], list[Article]]:
    """Groups of two articles or more, and the singletons."""
    groups = group(articles, params, known)
    return [g for g in groups if len(g) > 1], [g[0] for g in groups if len(g) == 1]


class Cache:
    """Where extracted articles and story reports are kept between runs (the store); this one keeps nothing."""

    def get(self, article: Article, ref: dt.date | None, model: str) -> Context | None:
        return None

    def put(self, article: Article, ref: dt.date | None, model: str, ctx: Context) -> None:
        return None

    def get_report(self, key: str) -> Report | None:
        return None

    def put_report(self, key: str, report: Report) -> None:
        return None


def _plain(value: object) -> object:
    """*value* as JSON for a cache key: dataclasses as tables, sets sorted, dates in ISO form."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _hash(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def setup_key(setup: Setup, model: str) -> str:
    """What every story's report depends on besides its articles: the setup (rules with their
    parameters, house vocabulary, publication date), the model, the lexicons and the checker version."""
    from checker import __version__, lexicons

    return _hash([_plain(setup), model, lexicons.fingerprint(), __version__])


def _article(a: Article) -> list[object]:
    """An article for a cache key; its origin (line starts and spans: tuples of ints) by the hash of
    its repr, far cheaper than walking it."""
    origin = hashlib.sha256(repr(a.origin).encode()).hexdigest() if a.origin else None
    return [_plain(getattr(a, f.name)) for f in dataclasses.fields(a) if f.name != "origin"] + [origin]


def report_key(story: Sequence[Article], refs: dict[str, dt.date | None], common: str) -> str:
    """Everything a story's report depends on, hashed: its articles (text, metadata and where they
    sit in their file), their reference dates (:func:`story_refs`) and the common part
    (:func:`setup_key`)."""
    return _hash([[_article(a) for a in story], _plain(refs), common])


def analyse(
    stories: list[tuple[list[Article], dict[str, dt.date | None]]],
    setup: Setup,
    eng: Engine,
    cache: Cache,
    model_name: str,
) -> dict[tuple[str, dt.date | None], Context]:
    """The extracted context of every (article, reference date) the stories (each with its
    :func:`story_refs`) need: from the cache, else extracted by the engine and put in the cache one
    article at a time."""
    needed: dict[tuple[str, dt.date | None], Article] = {}
    for story, refs in stories:
        for a in story:
            needed.setdefault((a.id, refs[a.id]), a)
    out: dict[tuple[str, dt.date | None], Context] = {}
    todo: list[tuple[str, dt.date | None]] = []
    for key, a in sorted(needed.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        hit = cache.get(a, key[1], model_name)
        if hit is None:
            todo.append(key)
        else:
            out[key] = hit
    done = eng.map(extract_task, [(setup, needed[k], k[1]) for k in todo])
    for key, ctx in zip(todo, done, strict=True):
        cache.put(needed[key], key[1], model_name, ctx)
        out[key] = ctx
    return out


def check_feed(
    articles: Sequence[Article],
    setup: Setup,
    eng: Engine,
    cache: Cache | None = None,
    params: Params | None = None,
    known: dict[str, dict[str, float]] | None = None,
) -> FeedResult:
    """Group *articles* into stories and check each story of two articles or more (*known*: the
    grouping terms of some articles, as the store keeps them)."""
    groups, singles = stories_of(articles, params, known)
    return check_stories(groups, singles, setup, eng, cache)


def check_stories(
    groups: list[list[Article]], singles: list[Article], setup: Setup, eng: Engine, cache: Cache | None = None
) -> FeedResult:
    """Check each story (a group of two articles or more), in order."""
    from checker import __version__

    _prepare(setup)
    cache = cache or Cache()
    model_name = analyzer_name(setup.model)  # the model is loaded only where an article is tagged
    common = setup_key(setup, model_name)
    refs = [story_refs(story, setup.published) for story in groups]  # once a story: it reads the text
    keys = [report_key(story, r, common) for story, r in zip(groups, refs, strict=True)]
    reports: list[Report | None] = [cache.get_report(k) for k in keys]
    todo = [k for k, r in enumerate(reports) if r is None]
    contexts = analyse([(groups[k], refs[k]) for k in todo], setup, eng, cache, model_name)
    jobs = []
    for k in todo:
        mine = tuple(contexts[(a.id, refs[k][a.id])] for a in groups[k])
        jobs.append((setup, tuple(groups[k]), mine, model_name))
    for k, report in zip(todo, eng.map(check_task, jobs), strict=True):
        cache.put_report(keys[k], report)
        reports[k] = report
    stories = tuple(
        Story(f"story-{k + 1:03d}", tuple(g), r)
        for k, (g, r) in enumerate(zip(groups, reports, strict=True))
        if r is not None
    )
    return FeedResult(stories, tuple(singles), model_name, __version__)
