"""The recipes of CONTRIBUTING.md, exercised: a new input format and a new output format, each one
module's worth of code, registered here and unregistered after. Also: the registries are the one
source of truth for what the CLI offers, and read/ and report/ stay in their lane."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import read, report
from checker.errors import InputError
from checker.model import Article, Origin, Report
from checker.read.base import Reader, as_text
from checker.report.base import Writer

ROOT = Path(__file__).resolve().parent.parent
A = "قتل 5 أشخاص في انفجار ببغداد أمس."
B = "قتل 7 أشخاص في انفجار ببغداد أمس."


# -- recipe 1: an input format (this would be checker/read/md.py) --------------------------------
def read_md(data: bytes | str, path: str, *, default_id: str) -> list[Article]:
    """Markdown: an optional ``# title`` line, then the text."""
    raw = as_text(data, path)
    first = raw.partition("\n")[0]
    title, start = (first[2:].strip(), len(first) + 1) if first.startswith("# ") else (None, 0)
    if not raw[start:].strip():
        raise InputError("no text below the title", path=path)
    origin = Origin.of(raw, ((0, start, 1),))  # the text starts on the second line
    return [Article(id=default_id, text=raw[start:], path=path, title=title, origin=origin)]


MD = Reader(name="md", suffixes=(".md", ".markdown"), read=read_md, sniff=lambda text: text.startswith("# "))


# -- recipe 2: an output format (this would be checker/report/csv.py) ----------------------------
def render_csv(rep: Report) -> str:
    """One row per finding: the rule's code, name and severity (from the report), where its first
    evidence sits in its file."""
    rows = ["rule,name,severity,article,line,column"]
    for f in rep.findings:
        rule, ev = rep.rule(f.rule), f.evidence[0]
        origin = next(a.origin for a in rep.articles if a.id == ev.article)
        line, col = origin.position(ev.start) if origin else (0, 0)
        rows.append(f"{f.rule},{rule.name if rule else ''},{f.severity},{ev.article},{line},{col}")
    return "\n".join(rows) + "\n"


CSV = Writer(name="csv", render=render_csv)


@pytest.fixture()
def extended() -> Iterator[None]:
    read.register(MD)
    report.register(CSV)
    try:
        yield
    finally:
        read.unregister(MD.name)
        report.unregister(CSV.name)


@pytest.fixture()
def files(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.md", tmp_path / "b.txt"
    a.write_text(f"# انفجار في بغداد\n{A}", encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return str(a), str(b)


def test_a_new_reader_is_dispatched_by_suffix(extended: None, files: tuple[str, str]) -> None:
    md, txt = read.read_articles(list(files))
    assert (md.id, md.title, md.text, txt.id) == ("a", "انفجار في بغداد", A, "b")
    assert md.position(A.index("5")) == (2, A.index("5") + 1)
    assert txt.position(B.index("7")) == (1, B.index("7") + 1)


def test_a_new_writer_renders_what_the_report_carries(extended: None, files: tuple[str, str], fallback) -> None:
    from checker.api import compare

    rep = compare(read.read_articles(list(files)), analyzer=fallback)
    rows = report.render(rep, "csv").splitlines()
    assert f"CT101,quantity-contradiction,error,a,2,{A.index('5') + 1}" in rows


def test_the_cli_offers_both_at_call_time(extended: None, files: tuple[str, str]) -> None:
    from checker.cli import main

    args = ["compare", *files, "--model", "none", "--format", "csv", "--fail-on", "none"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert r.output.startswith("rule,name,severity,article,line,column\n") and ",a,2," in r.output
    r = CliRunner().invoke(main, [*args[:1], "-", files[1], *args[3:]], input=f"# عنوان\n{A}")
    assert r.exit_code == 0 and ",stdin,2," in r.output, r.output  # sniffed on standard input


def test_registration_is_undone_and_checked(files: tuple[str, str]) -> None:
    assert "csv" not in report.FORMATS and "md" not in read.READERS
    with pytest.raises(InputError, match=r"unsupported file type '\.md'; use \.txt, .*\.json, .* or \.newsml"):
        read.read_articles(list(files))
    with pytest.raises(ValueError, match="already"):
        report.register(report.WRITERS["text"])
    with pytest.raises(ValueError, match=r"\.txt is already read by 'txt'"):
        read.register(Reader(name="text2", suffixes=(".txt",), read=read_md))


def test_a_file_of_several_articles(tmp_path: Path) -> None:
    def read_two(data: bytes | str, path: str, *, default_id: str) -> list[Article]:
        text = as_text(data, path)
        return [Article(id=default_id, text=part, path=path) for part in text.split("\n---\n")]

    read.register(Reader(name="two", suffixes=(".two",), read=read_two))
    try:
        p = tmp_path / "x.two"
        p.write_text(f"{A}\n---\n{B}", encoding="utf-8")
        assert [a.id for a in read.read_articles([str(p)])] == ["x", "x~2"]
        with pytest.raises(InputError, match="holds 2 articles"):
            read.read_article(str(p))
    finally:
        read.unregister("two")


# -- one source of truth ------------------------------------------------------------------------
def test_format_choices_come_from_the_registry() -> None:
    from checker.cli import compare_cmd

    fmt = next(p for p in compare_cmd.params if p.name == "fmt")
    assert tuple(fmt.type.choices) == tuple(report.FORMATS)
    assert {"text", "markdown", "json", "html", "sarif", "junit", "github", "gitlab"} <= set(report.FORMATS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = "\\|".join(report.FORMATS)
    assert f"`--format {row}`" in readme, "the README's options table lists the formats"
    for name in report.FORMATS:
        assert re.search(rf"`{name}`", readme.split("### Formats", 1)[1]), name


# -- the packages stay in their lane ---------------------------------------------------------------
ALLOWED = {
    "read": ("checker.errors", "checker.model", "checker.read"),
    "report": ("checker.i18n", "checker.model", "checker.report"),
}


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "checker":
            out.update(f"checker.{a.name}" for a in node.names)  # from checker import i18n
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m.split(".")[0] == "checker"}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_upward_import_and_small_modules(package: str) -> None:
    for path in sorted((ROOT / "checker" / package).glob("*.py")):
        bad = sorted(m for m in _imports(path) if not any(m == a or m.startswith(a + ".") for a in ALLOWED[package]))
        assert not bad, f"{path.name} imports {bad}"
        source = path.read_text(encoding="utf-8")
        assert source.count("\n") <= 500, path.name
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert (node.end_lineno or 0) - node.lineno < 60, f"{path.name}: {node.name}"
    for path in sorted((ROOT / "checker" / package).glob("*.py")):
        if path.name not in ("__init__.py", "base.py"):  # a format module never imports the registry
            assert f"checker.{package}" not in _imports(path), path.name


def test_a_new_check_kind(tmp_path: Path, fallback) -> None:
    """A check module with its declarations, registered in CHECKS, runs a rule written for it."""
    import types

    import yaml

    from checker.api import compare, make_article
    from checker.engine import CHECKS, load_rules
    from checker.engine import loader as engine_loader
    from checker.engine.evidence import ev, finding

    mod = types.ModuleType("headline_figures")
    mod.NAME = "first_figure"
    mod.KINDS = ("lint",)
    mod.FACTS = ("count",)
    mod.FIELDS = frozenset({"fact", "text", "detail"})
    mod.PARAMS = {"type": "object", "additionalProperties": False, "properties": {"min": {"type": "number"}}}

    def run(rule, fb):
        return [
            finding(rule, [ev(f)], f.type, text=f.text, detail=str(f.value))
            for f in fb.of(rule.facts)
            if f.value >= rule.param("min", 0)
        ]

    mod.run = run
    CHECKS[mod.NAME] = mod
    engine_loader._validator.cache_clear()
    try:
        rule = {
            "code": "LN900",
            "name": "big-count",
            "kind": "lint",
            "check": "first_figure",
            "facts": ["count"],
            "severity": "warning",
            "message": "Big count: {text} ({detail})",
            "message_ar": "عدد كبير: {text} ({detail})",
            "params": {"min": 100},
            "doc": {"what": "w", "why": "y"},
        }
        (tmp_path / "LN900.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
        rules = load_rules([str(tmp_path / "LN900.yaml")])
        arts = [make_article("a", "قتل 500 شخص في الهجوم."), make_article("b", "قتل 5 أشخاص في الهجوم.")]
        found = [f for f in compare(arts, analyzer=fallback, rules=rules).findings if f.rule == "LN900"]
        assert [(f.evidence[0].article, f.evidence[0].text) for f in found] == [("a", "500")]
    finally:
        del CHECKS[mod.NAME]
        engine_loader._validator.cache_clear()
