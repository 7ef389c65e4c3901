"""Command line: ``checker compare|ci|extract|rules|model``.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, input, configuration or
internal error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from checker import __version__
from checker.errors import ERROR_DOCS, CheckerError, InputError
from checker.model import SEVERITY_RANK, Report

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("text", "markdown", "json", "html")
FAIL_ON = ("info", "warning", "error", "none")


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
    if not value:
        return None
    from checker.io import parse_date

    return parse_date(value, what="--published")


def write_output(text: str, output: str | None, inputs: list[str]) -> None:
    """Write to stdout or safely to a file (see :mod:`checker.outfile`); never overwrite an input file."""
    from checker.outfile import write_text

    write_text(text, output, inputs)


def _load_baseline(path: str | None) -> set[str]:
    if not path:
        return set()
    p = Path(path)
    if not p.exists():
        raise InputError("baseline file not found", path=path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"baseline is not valid JSON: {exc}", path=path) from None
    ids = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise InputError("baseline must be an object with a list of finding ids under 'accepted'", path=path)
    return set(ids)


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "none":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    gating = [f for f in report.findings if f.kind != "agreement" and SEVERITY_RANK[f.severity] >= threshold]
    return 1 if gating else 0


def run_compare(
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    published: str | None,
    fail_on: str,
    model: str | None,
    rules_extra: tuple[str, ...],
    disable: tuple[str, ...],
    baseline: str | None,
    write_baseline: str | None,
    agreements: bool,
) -> int:
    from checker.api import compare
    from checker.engine import load_rules
    from checker.io import read_articles
    from checker.report import render
    from checker.text.tagger import load_analyzer

    if len(files) < 2:
        raise click.UsageError("compare needs at least two articles")
    pub = _parse_published(published)
    rules = load_rules(list(rules_extra))
    unknown = sorted(set(disable) - {r.code for r in rules})
    if unknown:
        raise click.UsageError(f"--disable: unknown rule code {unknown[0]} (see 'checker rules list')")
    rules = [r for r in rules if r.code not in disable]
    articles = read_articles(list(files))
    analyzer = load_analyzer(model)
    report = compare(articles, analyzer=analyzer, rules=rules, published=pub)
    accepted = _load_baseline(baseline)
    if accepted or not agreements:
        kept = tuple(f for f in report.findings if f.id not in accepted and (agreements or f.kind != "agreement"))
        report = Report(report.articles, kept, report.model, report.version, report.notes)
    if write_baseline is not None:
        if output and _same_regular_path(output, write_baseline):
            raise click.UsageError("--output and --write-baseline name the same file")
        # what was accepted stays accepted: the new baseline is the old one plus today's findings
        ids = sorted(accepted | {f.id for f in report.findings if f.kind != "agreement"})
        write_output(json.dumps({"accepted": ids}, indent=2) + "\n", write_baseline, list(files))
    write_output(render(report, fmt), output, list(files))
    # the run that writes a baseline accepted everything it found: it passes
    return 0 if write_baseline is not None else exit_code(report, fail_on)


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
            click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True),
            click.option("--output", "-o", metavar="FILE", help="Write the report here (default: stdout)."),
            click.option("--published", metavar="YYYY-MM-DD", help="Publication date for articles that carry none."),
            click.option(
                "--fail-on",
                type=click.Choice(FAIL_ON),
                default=default_fail,
                show_default=True,
                help="Exit 1 when a finding (not an agreement) has this severity or higher.",
            ),
            click.option("--model", metavar="PATH", help="UDPipe model file; 'none' for the rule-based fallback."),
            click.option("--rules", "rules_extra", multiple=True, metavar="PATH", help="Extra rule file or folder."),
            click.option("--disable", multiple=True, metavar="CODE", help="Turn a rule off (repeatable)."),
            click.option("--baseline", metavar="FILE", help="JSON {'accepted': [finding ids]} to leave out."),
            click.option("--write-baseline", metavar="FILE", help="Write the current findings' ids as a baseline."),
            click.option("--agreements/--no-agreements", default=True, show_default=True, help="Report agreements."),
        ]
        for opt in reversed(opts):
            fn = opt(fn)
        return fn

    return deco


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def main() -> None:
    """Cross-article consistency checker for Arabic news copy."""


@main.command("compare")
@compare_options("error")
@guarded
def compare_cmd(**kw: Any) -> None:
    """Compare two or more articles (.txt, .json or - for stdin) and report findings."""
    sys.exit(run_compare(**kw))


@main.command("ci")
@compare_options("warning")
@guarded
def ci_cmd(**kw: Any) -> None:
    """The CI gate: compare, fail (exit 1) on warnings and errors by default."""
    sys.exit(run_compare(**kw))


@main.command("extract")
@click.argument("file")
@click.option("--format", "-f", "fmt", type=click.Choice(("json", "text")), default="json", show_default=True)
@click.option("--published", metavar="YYYY-MM-DD")
@click.option("--model", metavar="PATH")
@click.option("--output", "-o", metavar="FILE")
@guarded
def extract_cmd(file: str, fmt: str, published: str | None, model: str | None, output: str | None) -> None:
    """Print the facts extracted from one article."""
    from checker.api import extract_facts
    from checker.io import read_article
    from checker.text.tagger import load_analyzer

    article = read_article(file)
    analyzer = load_analyzer(model)
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
    from checker.text.tagger import ENV_MODEL, load_analyzer, resolve_model_path

    path = resolve_model_path(model)
    source = "--model" if model else (f"${ENV_MODEL}" if os.environ.get(ENV_MODEL) else "spacy-udpipe download")
    if path is None:
        click.echo("no model: rule-based fallback (degraded: no POS hints)")
        return
    an = load_analyzer(model)
    click.echo(f"{an.name} from {source}: {path}")


@model_group.command("download")
@guarded
def model_download() -> None:
    """Download spacy-udpipe's Arabic model (needs internet)."""
    from checker.text.tagger import download_model

    click.echo(f"downloaded: {download_model()}")
