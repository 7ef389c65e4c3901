"""Command line: ``checker compare|ci|extract|rules|model``.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, input, configuration or
internal error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from checker import __version__
from checker.config import Config
from checker.engine.rules import Rule
from checker.errors import ERROR_DOCS, CheckerError, ConfigError, InputError
from checker.i18n import LANGS, default_lang
from checker.model import Report, View
from checker.read.base import Limits

F = TypeVar("F", bound=Callable[..., Any])
FAIL_ON = ("info", "warning", "error", "none")


class FormatChoice(click.Choice):
    """``--format``: the report formats registered when the command runs (:mod:`checker.report`)."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> Sequence[str]:
        from checker.report import FORMATS

        return tuple(FORMATS)

    @choices.setter
    def choices(self, _value: Any) -> None:  # click.Choice sets it; the registry is the source
        pass


def guarded(fn: F) -> F:
    """Turn known errors into one stderr line and exit 2; never show a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CheckerError as exc:
            click.echo(f"checker: error: {exc}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except BrokenPipeError:  # the reader (head, less) went away: not an error of ours
            from checker.outfile import _silence_stdout

            _silence_stdout()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("checker: interrupted", err=True)
            sys.exit(2)
        except Exception as exc:  # a bug: say so plainly, without a traceback
            if os.environ.get("CHECKER_DEBUG"):
                raise
            click.echo(
                f"checker: internal error: {type(exc).__name__}: {exc} (set CHECKER_DEBUG=1 for details)", err=True
            )
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    if not value.strip():
        raise click.UsageError("--published is empty; give a date YYYY-MM-DD or leave the option out")
    from checker.read import parse_date

    return parse_date(value, what="--published")


def write_output(text: str, output: str | None, inputs: list[str]) -> None:
    """Write to stdout or safely to a file (see :mod:`checker.outfile`); never overwrite an input file."""
    from checker.outfile import write_text

    write_text(text, output, inputs)


def _load_baseline(path: str | None) -> set[str]:
    if not path:
        return set()
    from checker.read.json import parse

    p = Path(path)
    if not p.exists():
        raise InputError("baseline file not found", path=path)
    if p.is_dir():
        raise InputError("the baseline is a folder; give the JSON file", path=path)
    try:
        raw = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"the baseline is not UTF-8 text (byte {exc.start})", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read the baseline: {exc.strerror or exc}", path=path) from None
    data = parse(raw, path)
    ids = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise InputError("baseline must be an object with a list of finding ids under 'accepted'", path=path)
    return set(ids)


def exit_code(report: Report, fail_on: str) -> int:
    gate = dataclasses.replace(report, fail_on=fail_on)
    return 1 if any(gate.gating(f) for f in report.findings) else 0


def settings(kw: dict[str, Any], default_fail: str) -> Config:
    """The configuration file's values with the command line's laid over them."""
    from checker import config as cfg

    path = Path(kw["config"]) if kw.get("config") else cfg.find()
    if kw.get("config") and not path.is_file():  # type: ignore[union-attr]
        raise ConfigError("no such configuration file", path=kw["config"])
    conf = cfg.load(path)
    for key, option in (
        ("fail-on", "fail_on"),
        ("lang", "lang"),
        ("model", "model"),
        ("max-article-chars", "max_article_chars"),
        ("max-total-chars", "max_total_chars"),
    ):
        conf = conf.with_option(key, kw.get(option), f"--{key}")
    for key, option in (("select", "select"), ("ignore", "ignore"), ("rules", "rules_extra")):
        given = [x for item in kw.get(option) or () for x in str(item).split(",") if x]
        if option == "ignore":
            given += [x for item in kw.get("disable") or () for x in str(item).split(",") if x]
        if given:
            merged = given if key == "select" else [*conf.get(key), *given]
            conf = conf.with_option(key, merged, f"--{key}")
    if conf.get("fail-on") is None:
        conf = conf.with_option("fail-on", default_fail, "the command's default")
    return conf


def select_rules(conf: Config) -> list[Rule]:
    """The rules of the run: shipped and extra, narrowed by select/ignore, severities overridden."""
    from checker import config as cfg
    from checker.engine import load_rules

    rules = load_rules(list(conf.get("rules")))
    codes = {r.code for r in rules}
    for key in ("select", "ignore"):
        for pattern in conf.get(key):
            if not any(cfg.matches(c, [pattern]) for c in codes):
                raise click.UsageError(
                    f"--{key}: unknown rule code {pattern} (no rule matches it; see 'checker rules list')"
                )
    if conf.get("select"):
        rules = [r for r in rules if cfg.matches(r.code, conf.get("select"))]
    rules = [r for r in rules if not cfg.matches(r.code, conf.get("ignore"))]
    overrides = {k.upper(): v for k, v in conf.get("severity").items()}
    return [dataclasses.replace(r, severity=overrides[r.code]) if r.code in overrides else r for r in rules]


def run_compare(files: tuple[str, ...], conf: Config, kw: dict[str, Any]) -> int:
    from checker import lexicons
    from checker.api import compare
    from checker.house import House
    from checker.nlp import load_analyzer
    from checker.read import Limits, read_articles
    from checker.report import render

    output, baseline, write_baseline = kw.get("output"), kw.get("baseline"), kw.get("write_baseline")
    pub = _parse_published(kw.get("published"))
    if conf.get("lexicons"):
        lexicons.add_folders(conf.get("lexicons"))
    rules = select_rules(conf)
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


#: a batch this large shows a progress bar on a terminal
PROGRESS_MIN = 4


def _progress(n: int) -> Callable[[Any], Any] | None:
    """A progress bar on stderr for a batch of articles, only when stderr is a terminal."""
    if n < PROGRESS_MIN or sys.stderr is None or not sys.stderr.isatty() or os.environ.get("CHECKER_NO_PROGRESS"):
        return None
    from tqdm import tqdm

    return lambda items: tqdm(items, total=n, desc="checker", unit="article", file=sys.stderr, leave=False)


def _use_color(choice: str, output: str | None) -> bool:
    """Colour on a terminal only, never with NO_COLOR set or into a file or pipe."""
    if choice != "auto":
        return choice == "always"
    to_stdout = output is None or output in ("-", "/dev/stdout")
    return to_stdout and not os.environ.get("NO_COLOR") and sys.stdout is not None and sys.stdout.isatty()


def _same_regular_path(a: str, b: str) -> bool:
    """Two output paths that would write the same file (devices and pipes may be shared)."""
    import stat

    if os.path.realpath(a) != os.path.realpath(b):
        return False
    try:
        return stat.S_ISREG(os.stat(a).st_mode)
    except OSError:
        return True


def compare_options(default_fail: str) -> Callable[[F], F]:
    def deco(fn: F) -> F:
        opts = [
            click.argument("files", nargs=-1, required=True),
            click.option("--format", "-f", "fmt", type=FormatChoice(), default="text", show_default=True),
            click.option("--output", "-o", metavar="FILE", help="Write the report here (default: stdout)."),
            click.option("--published", metavar="YYYY-MM-DD", help="Publication date for articles that carry none."),
            click.option(
                "--fail-on",
                type=click.Choice(FAIL_ON, case_sensitive=False),
                default=None,
                help=f"Exit 1 when a finding (not an agreement) has this severity or higher [default: {default_fail}].",
            ),
            click.option("--model", metavar="PATH", help="UDPipe model file; 'none' for the rule-based fallback."),
            click.option("--rules", "rules_extra", multiple=True, metavar="PATH", help="Extra rule file or folder."),
            click.option(
                "--select", multiple=True, metavar="CODES", help="Run only these rules (codes or prefixes, any case)."
            ),
            click.option("--ignore", multiple=True, metavar="CODES", help="Turn these rules off (codes or prefixes)."),
            click.option("--disable", multiple=True, metavar="CODE", help="Turn a rule off (the same as --ignore)."),
            click.option(
                "--config",
                metavar="FILE",
                help="Configuration file (default: the nearest checker.toml or pyproject.toml).",
            ),
            click.option("--baseline", metavar="FILE", help="JSON {'accepted': [finding ids]} to leave out."),
            click.option("--write-baseline", metavar="FILE", help="Write the current findings' ids as a baseline."),
            click.option(
                "--agreements/--no-agreements",
                default=False,
                show_default=True,
                help="List agreements in text, Markdown and HTML (otherwise counted per fact type; JSON lists all).",
            ),
            click.option("--glob", metavar="PATTERN", help="In folders, read only the files matching PATTERN."),
            click.option("--quiet", "-q", is_flag=True, help="Print only the header and the summary."),
            click.option(
                "--lang",
                type=click.Choice(LANGS, case_sensitive=False),
                default=None,
                help="Report language (default: from the locale, LANG=ar… gives Arabic).",
            ),
            click.option(
                "--color",
                type=click.Choice(("auto", "always", "never")),
                default="auto",
                show_default=True,
                help="Colour the text report (auto: on a terminal, not with NO_COLOR).",
            ),
            click.option(
                "--max-article-chars",
                type=click.IntRange(min=1),
                default=None,
                help=f"Refuse an article longer than this [default: {Limits.article_chars}].",
            ),
            click.option(
                "--max-total-chars",
                type=click.IntRange(min=1),
                default=None,
                help=f"Refuse a run whose articles hold more than this in all [default: {Limits.total_chars}].",
            ),
        ]
        for opt in reversed(opts):
            fn = opt(fn)
        return fn

    return deco


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    from checker.nlp import load_analyzer
    from checker.read import Limits, read_article

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


@main.group("rules")
def rules_group() -> None:
    """List, explain and validate rules."""


@rules_group.command("list")
@guarded
def rules_list() -> None:
    """List the rules with code, kind, severity and name."""
    from checker.engine import load_rules

    for r in load_rules():
        click.echo(f"{r.code}\t{r.kind}\t{r.severity}\t{r.name}{'' if r.enabled else ' (disabled)'}")


@rules_group.command("explain")
@click.argument("code")
@guarded
def rules_explain(code: str) -> None:
    """Print a rule's documentation (or an error code's)."""
    from checker.engine import load_rules

    code = code.upper()
    if code in ERROR_DOCS:
        click.echo(f"{code}\n\n{ERROR_DOCS[code]}")
        return
    for r in load_rules():
        if r.code == code:
            click.echo(f"{r.code} {r.name} ({r.kind}, {r.severity}; check: {r.check}; facts: {', '.join(r.facts)})")
            click.echo(f"\nWhat it does\n  {r.doc['what']}\n\nWhy\n  {r.doc['why']}")
            if r.doc.get("example"):
                click.echo(f"\nExample\n  {r.doc['example']}")
            if r.params:
                click.echo("\nParameters\n" + "".join(f"  {k}: {v}\n" for k, v in sorted(r.params.items())).rstrip())
            return
    raise click.UsageError(f"no rule or error code {code} (see 'checker rules list')")


def rules_markdown() -> str:
    """The rule reference (docs/rules.md), generated from the rule files."""
    from checker.engine import load_rules

    out = ["# Rules", "", "Generated by `checker rules docs` from `rules/core/*.yaml`; do not edit by hand.", ""]
    out += ["| code | kind | severity | name |", "|---|---|---|---|"]
    rules = load_rules()
    out += [f"| [{r.code}](#{r.code.lower()}) | {r.kind} | {r.severity} | {r.name} |" for r in rules]
    for r in rules:
        out += [
            "",
            f"## {r.code}",
            "",
            f"**{r.name}**: {r.kind}, {r.severity}; check `{r.check}` on {', '.join(r.facts)}.",
            "",
        ]
        out += ["What it does: " + r.doc["what"], "", "Why: " + r.doc["why"]]
        if r.doc.get("example"):
            out += ["", f"Example: {r.doc['example']}"]
        if r.params:
            out += ["", "Parameters: " + ", ".join(f"`{k}={v}`" for k, v in sorted(r.params.items()))]
    return "\n".join(out) + "\n"


@rules_group.command("docs")
@guarded
def rules_docs() -> None:
    """Print the rule reference as Markdown (docs/rules.md)."""
    click.echo(rules_markdown(), nl=False)


@rules_group.command("schema")
@guarded
def rules_schema_cmd() -> None:
    """Print the JSON Schema of rule files (checker/schemas/rule.schema.json), composed from the checks."""
    from checker.engine import rule_schema

    click.echo(json.dumps(rule_schema(), indent=2, ensure_ascii=False))


@rules_group.command("validate")
@click.argument("files", nargs=-1, required=True)
@guarded
def rules_validate(files: tuple[str, ...]) -> None:
    """Validate rule files against the rule schema."""
    from checker.engine import load_rule

    for f in files:
        load_rule(Path(f))
        click.echo(f"{f}: ok")


@main.group("model")
def model_group() -> None:
    """Show or download the UDPipe model."""


@model_group.command("info")
@click.option("--model", metavar="PATH")
@guarded
def model_info(model: str | None) -> None:
    """Say which model would be used and why."""
    from checker.nlp import ENV_MODEL, PACKAGED_MODEL, load_analyzer, resolve_model_path

    path = resolve_model_path(model)
    if model:
        source = "--model"
    elif os.environ.get(ENV_MODEL):
        source = f"${ENV_MODEL}"
    else:
        source = "the package" if path == PACKAGED_MODEL else "spacy-udpipe download"
    if path is None:
        click.echo("no model: rule-based fallback (degraded: no POS hints)")
        return
    an = load_analyzer(model)
    click.echo(f"{an.name} from {source}: {path}")


@model_group.command("download")
@guarded
def model_download() -> None:
    """Download spacy-udpipe's Arabic model (needs internet)."""
    from checker.nlp import download_model

    click.echo(f"downloaded: {download_model()}")


# the feed commands (feed, ingest, check) register themselves on main
from checker import cli_feed as _cli_feed  # noqa: E402, F401
