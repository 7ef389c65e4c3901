"""Command line: ``checker compare|ci|extract|rules|model``.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, input, configuration or
internal error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sys
from typing import Any

import click

from checker import __version__
from checker.cli_common import (
    _load_baseline,
    _parse_published,
    _progress,
    _same_regular_path,
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
from checker.model import View


def run_compare(files: tuple[str, ...], conf: Config, kw: dict[str, Any]) -> int:
    from checker import lexicons
    from checker.api import compare
    from checker.extract import model_names
    from checker.house import House
    from checker.read import Limits, read_articles
    from checker.report import render
    from checker.text.tagger import load_analyzer

    output, baseline, write_baseline = kw.get("output"), kw.get("baseline"), kw.get("write_baseline")
    pub = _parse_published(kw.get("published"))
    if conf.get("lexicons"):
        lexicons.add_folders(conf.get("lexicons"))
    rules = select_rules(conf)
    model_names.configure(conf.get("names-model"))
    limits = Limits(conf.get("max-article-chars"), conf.get("max-total-chars"))
    articles = read_articles(list(files), limits, glob=kw.get("glob"))
    if len(articles) < 2:  # a folder, a newsMessage or a JSON Lines file may hold several
        raise click.UsageError("compare needs at least two articles")
    analyzer = load_analyzer(conf.get("model"))
    house = House.of(conf.get("house"))
    progress = _progress(len(articles))
    report = compare(articles, analyzer=analyzer, rules=rules, published=pub, progress=progress, house=house)
    fail_on = conf.get("fail-on")
    view = View(
        lang=conf.get("lang") or default_lang(),
        agreements=bool(kw.get("agreements")),
        quiet=bool(kw.get("quiet")),
        color=_use_color(kw.get("color") or "auto", output),
    )
    report = dataclasses.replace(report, fail_on=fail_on, view=view)
    accepted = _load_baseline(baseline)
    if accepted:
        report = dataclasses.replace(report, findings=tuple(f for f in report.findings if f.id not in accepted))
    if write_baseline is not None:
        if output and _same_regular_path(output, write_baseline):
            raise click.UsageError("--output and --write-baseline name the same file")
        # what was accepted stays accepted: the new baseline is the old one plus today's findings
        ids = sorted(accepted | {f.id for f in report.findings if f.kind != "agreement"})
        write_output(json.dumps({"accepted": ids}, indent=2) + "\n", write_baseline, list(files))
    write_output(render(report, kw["fmt"]), output, list(files))
    # the run that writes a baseline accepted everything it found: it passes
    return 0 if write_baseline is not None else exit_code(report, fail_on)


#: command name -> (module, attribute) of the commands imported on demand
LAZY_COMMANDS = {
    "rules": ("checker.cli_admin", "rules_group"),
    "model": ("checker.cli_admin", "model_group"),
    "feed": ("checker.cli_feed", "feed_cmd"),
    "ingest": ("checker.cli_feed", "ingest_cmd"),
    "check": ("checker.cli_feed", "check_cmd"),
}


class _Commands(click.Group):
    """The command group; the commands of :mod:`checker.cli_admin` and :mod:`checker.cli_feed` are
    imported when one of them is named or listed, so that a ``compare`` does not import them."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            import importlib

            module, attr = LAZY_COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def main() -> None:
    """Cross-article consistency checker for Arabic news copy."""
    # an error naming an Arabic file must reach a terminal or log that only takes ASCII
    with contextlib.suppress(AttributeError, ValueError):
        sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


@main.command("compare")
@compare_options("error")
@guarded
def compare_cmd(files: tuple[str, ...], **kw: Any) -> None:
    """Compare two or more articles (files, folders or - for stdin) and report findings."""
    sys.exit(run_compare(files, settings(kw, "error"), kw))


@main.command("ci")
@compare_options("warning")
@guarded
def ci_cmd(files: tuple[str, ...], **kw: Any) -> None:
    """The CI gate: compare, fail (exit 1) on warnings and errors by default."""
    sys.exit(run_compare(files, settings(kw, "warning"), kw))


@main.command("config")
@click.option("--config", metavar="FILE", help="Configuration file (default: the nearest one).")
@guarded
def config_cmd(config: str | None) -> None:
    """Print the effective configuration and where each value comes from."""
    from checker.config import effective

    click.echo(effective(settings({"config": config}, "error")), nl=False)


@main.command("extract")
@click.argument("file")
@click.option("--format", "-f", "fmt", type=click.Choice(("json", "text")), default="json", show_default=True)
@click.option("--published", metavar="YYYY-MM-DD")
@click.option("--model", metavar="PATH")
@click.option("--output", "-o", metavar="FILE")
@click.option("--config", metavar="FILE", help="Configuration file (default: the nearest one).")
@guarded
def extract_cmd(
    file: str, fmt: str, published: str | None, model: str | None, output: str | None, config: str | None
) -> None:
    """Print the facts extracted from one article."""
    from checker import lexicons
    from checker.api import extract_facts
    from checker.read import Limits, read_article
    from checker.text.tagger import load_analyzer

    conf = settings({"config": config, "model": model}, "error")
    if conf.get("lexicons"):
        lexicons.add_folders(conf.get("lexicons"))
    article = read_article(file, limits=Limits(conf.get("max-article-chars"), conf.get("max-total-chars")))
    analyzer = load_analyzer(conf.get("model"))
    facts = extract_facts(article, analyzer=analyzer, published=_parse_published(published))
    if fmt == "json":
        body = {"article": article.id, "model": analyzer.name, "facts": [f.to_dict() for f in facts]}
        text = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(f"{f.start}-{f.end}\t{f.type}\t{f.key}\t{f.display}\t«{f.text}»\n" for f in facts)
    write_output(text, output, [file])


__all__ = ["main"]


def __getattr__(name: str) -> Any:
    """``rules_markdown`` stays importable from here; it lives with the rules commands."""
    if name == "rules_markdown":
        from checker.cli_admin import rules_markdown

        return rules_markdown
    raise AttributeError(name)
