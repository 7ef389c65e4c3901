"""What the commands share: options, settings from the configuration and the command line, rule
selection, baselines, output, exit codes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from checker.config import Config
from checker.engine.rules import Rule
from checker.errors import ConfigError, InputError
from checker.i18n import LANGS
from checker.model import Report
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
        ("names-model", "names_model"),
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
        named = {str(p).upper() for p in conf.get("select")}
        # a rule shipped off (CT108) runs when it is selected by its own code, not by a prefix
        rules = [dataclasses.replace(r, enabled=True) if r.code in named else r for r in rules]
    rules = [r for r in rules if not cfg.matches(r.code, conf.get("ignore"))]
    overrides = {k.upper(): v for k, v in conf.get("severity").items()}
    return [dataclasses.replace(r, severity=overrides[r.code]) if r.code in overrides else r for r in rules]


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


def _input_options() -> list[Callable[[F], F]]:
    """What to read and how much."""
    return [
        click.argument("files", nargs=-1, required=True),
        click.option("--glob", metavar="PATTERN", help="In folders, read only the files matching PATTERN."),
        click.option("--published", metavar="YYYY-MM-DD", help="Publication date for articles that carry none."),
        click.option("--model", metavar="PATH", help="UDPipe model file; 'none' for the rule-based fallback."),
        click.option(
            "--names-model",
            type=click.Choice(("crf", "crf-untitled", "none")),
            default=None,
            help="The trained name model: 'crf' judges where names end and whether a title is followed"
            " by one; 'crf-untitled' also adds the untitled people it finds; 'none' leaves names to"
            " the rules [default: crf].",
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
        click.option(
            "--config", metavar="FILE", help="Configuration file (default: the nearest checker.toml or pyproject.toml)."
        ),
    ]


def _rule_options(default_fail: str) -> list[Callable[[F], F]]:
    """Which rules run, and what fails the gate."""
    return [
        click.option(
            "--fail-on",
            type=click.Choice(FAIL_ON, case_sensitive=False),
            default=None,
            help=f"Exit 1 when a finding (not an agreement) has this severity or higher [default: {default_fail}].",
        ),
        click.option("--rules", "rules_extra", multiple=True, metavar="PATH", help="Extra rule file or folder."),
        click.option(
            "--select", multiple=True, metavar="CODES", help="Run only these rules (codes or prefixes, any case)."
        ),
        click.option("--ignore", multiple=True, metavar="CODES", help="Turn these rules off (codes or prefixes)."),
        click.option("--disable", multiple=True, metavar="CODE", help="Turn a rule off (the same as --ignore)."),
        click.option("--baseline", metavar="FILE", help="JSON {'accepted': [finding ids]} to leave out."),
        click.option("--write-baseline", metavar="FILE", help="Write the current findings' ids as a baseline."),
    ]


def _report_options() -> list[Callable[[F], F]]:
    """How the report looks and where it goes."""
    return [
        click.option("--format", "-f", "fmt", type=FormatChoice(), default="text", show_default=True),
        click.option("--output", "-o", metavar="FILE", help="Write the report here (default: stdout)."),
        click.option(
            "--agreements/--no-agreements",
            default=False,
            show_default=True,
            help="List agreements in text, Markdown and HTML (otherwise counted per fact type; JSON lists all).",
        ),
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
    ]


def compare_options(default_fail: str) -> Callable[[F], F]:
    """The options of ``compare`` and ``ci`` (and of commands that check like them)."""

    def deco(fn: F) -> F:
        for opt in reversed([*_input_options(), *_rule_options(default_fail), *_report_options()]):
            fn = opt(fn)
        return fn

    return deco
