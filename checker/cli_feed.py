"""Command line of the feed: ``checker feed``, ``checker ingest`` and ``checker check``.

``feed`` groups a batch of copy into stories and checks each; ``ingest`` adds new copy to the
store and checks it against the story it joins among the copy of the last days; ``check`` does the
same without adding it. Exit codes as ``compare``: 0 clean, 1 a finding at or above ``--fail-on``
in a story checked, 2 an error.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import click

from checker.cli_common import (
    F,
    _load_baseline,
    _parse_published,
    _use_color,
    compare_options,
    exit_code,
    select_rules,
    settings,
    write_output,
)
from checker.cli_guard import guarded
from checker.config import Config
from checker.i18n import default_lang
from checker.model import Article, View

ENGINES = ("local", "dask")


def _days(value: str) -> int:
    m = re.fullmatch(r"\s*(\d+)\s*d?\s*", value or "")
    if not m:
        raise click.UsageError(f"--window {value!r}: give a number of days, like 3d")
    return int(m.group(1))


def feed_options(window: str, fail_on: str) -> Callable[[F], F]:
    def deco(fn: F) -> F:
        opts = [
            click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes [default: cores]."),
            click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True),
            click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler (with --engine dask; else local)."),
            click.option("--store", metavar="FILE", default=None, help="The store [default: .checker/store.sqlite]."),
            click.option("--window", default=window, show_default=True, help="Days apart that can be one story."),
        ]
        for opt in reversed(opts):
            fn = opt(fn)
        return compare_options(fail_on)(fn)

    return deco


def _setup(conf: Config, kw: dict[str, Any]) -> Any:
    from checker import lexicons
    from checker.feed.check import Setup
    from checker.house import House

    if conf.get("lexicons"):
        lexicons.add_folders(conf.get("lexicons"))
    return Setup(
        model=conf.get("model"),
        lexicons=tuple(conf.get("lexicons")),
        published=_parse_published(kw.get("published")),
        rules=tuple(select_rules(conf)),
        house=House.of(conf.get("house")),
        names_model=conf.get("names-model") or "crf",
    )


def _read(files: tuple[str, ...], conf: Config, kw: dict[str, Any]) -> list[Article]:
    from checker.read import Limits, read_articles

    limits = Limits(conf.get("max-article-chars"), conf.get("max-total-chars"))
    return read_articles(list(files), limits, glob=kw.get("glob"))


@contextmanager
def _store(kw: dict[str, Any], default_on: bool) -> Iterator[Any]:
    from checker.feed.store import DEFAULT_PATH, open_store

    path = kw.get("store") or (DEFAULT_PATH if default_on else None)
    if not path:
        yield None
        return
    with open_store(path) as store:
        yield store


def _finish(result: Any, files: tuple[str, ...], conf: Config, kw: dict[str, Any]) -> int:
    """Apply the view, the gate and the baseline; write the report; the exit code."""
    from checker.feed.report import render_feed

    fail_on, output = conf.get("fail-on"), kw.get("output")
    view = View(
        lang=conf.get("lang") or default_lang(),
        agreements=bool(kw.get("agreements")),
        quiet=bool(kw.get("quiet")),
        color=_use_color(kw.get("color") or "auto", output) and kw["fmt"] == "text",
    )
    accepted = _load_baseline(kw.get("baseline"))
    stories = []
    for s in result.stories:
        report = dataclasses.replace(s.report, fail_on=fail_on, view=view)
        report = dataclasses.replace(report, findings=tuple(f for f in report.findings if f.id not in accepted))
        stories.append(dataclasses.replace(s, report=report))
    result = dataclasses.replace(result, stories=tuple(stories))
    if kw.get("write_baseline") is not None:
        ids = sorted(accepted | {f.id for s in stories for f in s.report.findings if f.kind != "agreement"})
        write_output(json.dumps({"accepted": ids}, indent=2) + "\n", kw["write_baseline"], list(files))
    write_output(render_feed(result, kw["fmt"]), output, list(files))
    if kw.get("write_baseline") is not None:
        return 0
    return max((exit_code(s.report, fail_on) for s in stories), default=0)


def _engine(kw: dict[str, Any]) -> Any:
    from checker.feed.engine import engine

    if kw.get("scheduler") and kw.get("engine") != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    return engine(kw.get("engine") or "local", kw.get("jobs"), kw.get("scheduler"))


@click.command("feed")
@feed_options("2d", "error")
@click.option("--no-store", is_flag=True, help="Keep nothing between runs (no store).")
@guarded
def feed_cmd(files: tuple[str, ...], **kw: Any) -> None:
    """Group a feed (files, folders, JSON Lines) into stories and check each story."""
    from checker.feed.check import check_feed
    from checker.feed.group import Params, counts

    conf = settings(kw, "error")
    setup = _setup(conf, kw)
    articles = _read(files, conf, kw)
    params = Params(window_days=_days(kw["window"]))
    with _store(kw, not kw.get("no_store")) as store, _engine(kw) as eng:
        known = store.known_terms(articles) if store is not None else {}
        known.update({a.id: counts(a) for a in articles if a.id not in known})
        result = check_feed(articles, setup, eng, store, params, known)
        if store is not None:
            store.add_articles(articles, known)
            store.assign([s.articles for s in result.stories] + [[a] for a in result.singletons])
    sys.exit(_finish(result, files, conf, kw))


def _gate(files: tuple[str, ...], kw: dict[str, Any], add: bool) -> int:
    from checker.feed.check import check_stories
    from checker.feed.engine import Serial
    from checker.feed.group import Params, counts, join

    conf = settings(kw, "warning")
    setup = _setup(conf, kw)
    new = _read(files, conf, kw)
    days = _days(kw["window"])
    with _store(kw, True) as store, _engine(kw) if kw.get("engine") == "dask" else nullcontext(None) as eng:
        known = {a.id: counts(a) for a in new}
        pool: dict[str, Article] = {}
        for day in sorted({_day(a) for a in new}, key=lambda d: (d is None, d or 0)):
            for art, terms in store.window(day, days):
                pool.setdefault(art.id, art)
                known.setdefault(art.id, terms)
        pool.update({a.id: a for a in new})
        mine = {a.id for a in new}
        groups = join(list(pool.values()), store.stories(), mine, Params(window_days=days), known)
        hit = [g for g in groups if len(g) > 1 and any(a.id in mine for a in g)]
        alone = [g[0] for g in groups if len(g) == 1 and g[0].id in mine]
        result = check_stories(hit, alone, setup, eng or Serial(), store)
        if add:
            store.add_articles(new, known)
            store.assign(hit + [[a] for a in alone])
    return _finish(result, files, conf, kw)


def _day(a: Article) -> int | None:
    when = a.published_at.date() if a.published_at else a.published
    return when.toordinal() if when else None


@click.command("ingest")
@feed_options("3d", "warning")
@guarded
def ingest_cmd(files: tuple[str, ...], **kw: Any) -> None:
    """Add new copy to the store and check it against the story it joins (the gate: exit 1 on findings)."""
    sys.exit(_gate(files, kw, add=True))


@click.command("check")
@feed_options("3d", "warning")
@guarded
def check_cmd(files: tuple[str, ...], **kw: Any) -> None:
    """Check new copy against the story it joins in the store, without adding it."""
    sys.exit(_gate(files, kw, add=False))
