"""The command line: formats, exit codes, output files, errors as one line (never a traceback)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.lexicons import SCHEMA_DIR
from checker.report import FORMATS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
A = "قتل 5 أشخاص في انفجار ببغداد أمس."
B = "قتل 7 أشخاص في انفجار ببغداد أمس."


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return str(a), str(b)


def test_contradiction_exits_1(pair) -> None:
    r = run("compare", *pair, "--model", "none", "--published", "2020-05-01")
    assert r.exit_code == 1, r.output
    assert "CT101" in r.output


def test_fail_on_none_exits_0(pair) -> None:
    r = run("compare", *pair, "--model", "none", "--fail-on", "none")
    assert r.exit_code == 0


def test_clean_pair_exits_0(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(A.replace("5", "خمسة"), encoding="utf-8")
    r = run("compare", str(a), str(b), "--model", "none")
    assert r.exit_code == 0, r.output


def test_json_report_matches_schema(pair) -> None:
    r = run("compare", *pair, "--model", "none", "--format", "json", "--fail-on", "none")
    data = json.loads(r.output)
    schema = json.loads((SCHEMA_DIR / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["summary"]["contradiction"] == 1


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_formats_are_deterministic(fmt: str) -> None:
    one = run("compare", *SEEDS, "--model", "none", "--format", fmt, "--fail-on", "none")
    two = run("compare", *SEEDS, "--model", "none", "--format", fmt, "--fail-on", "none")
    assert one.exit_code == 0 and one.output == two.output and len(one.output) > 200


def test_html_escapes_and_is_rtl(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("قال <script>x</script> إن 5 أشخاص قتلوا في بغداد", encoding="utf-8")
    b.write_text("قال إن 7 أشخاص قتلوا في بغداد", encoding="utf-8")
    r = run("compare", str(a), str(b), "--model", "none", "--format", "html", "--fail-on", "none")
    assert "<script>x" not in r.output and 'class="ar"' in r.output


def test_output_file_and_never_over_input(pair, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    r = run("compare", *pair, "--model", "none", "--format", "markdown", "-o", str(out), "--fail-on", "none")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# Consistency report")
    before = Path(pair[0]).read_bytes()
    r = run("compare", *pair, "--model", "none", "-o", pair[0])
    assert r.exit_code == 2 and "refusing" in r.output and "[E400]" in r.output
    assert Path(pair[0]).read_bytes() == before


def test_stdin(pair) -> None:
    r = run("compare", "-", pair[1], "--model", "none", "--fail-on", "none", input=A)
    assert r.exit_code == 0 and "stdin" in r.output


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["compare", "missing.txt", "x.txt"], "missing.txt: no such file"),
        (["compare", "a.pdf", "b.txt"], "unsupported"),
        (["compare", "ONE"], "at least two"),
        (["compare", "ONE", "TWO", "--published", "20-01-2016"], "YYYY-MM-DD"),
        (["compare", "ONE", "TWO", "--model", "/nonexistent/model.udpipe"], "model file not found"),
        (["compare", "ONE", "TWO", "--disable", "ZZ999"], "unknown rule code"),
        (["compare", "ONE", "TWO", "--rules", "/nonexistent/rules"], "no such rule file"),
        (["rules", "explain", "QQ123"], "no rule"),
    ],
)
def test_errors_are_one_line_exit_2(pair, tmp_path: Path, args: list[str], needle: str) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    args = [a.replace("ONE", pair[0]).replace("TWO", pair[1]) for a in args]
    args = [str(tmp_path / a) if a in ("a.pdf", "b.txt") else a for a in args]
    r = run(*args)
    assert r.exit_code == 2, r.output
    assert needle in r.output
    assert "Traceback" not in r.output


def test_bad_rule_file(pair, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("code: CT999\nkind: contradiction\n", encoding="utf-8")
    r = run("compare", *pair, "--rules", str(bad))
    assert r.exit_code == 2 and "bad.yaml" in r.output and "E200" in r.output
    r = run("rules", "validate", str(bad))
    assert r.exit_code == 2 and "required" in r.output


def test_rules_list_and_explain() -> None:
    r = run("rules", "list")
    assert r.exit_code == 0 and "CT101" in r.output and "LN101" in r.output
    r = run("rules", "explain", "ln101")
    assert r.exit_code == 0 and "What it does" in r.output and "Why" in r.output
    r = run("rules", "explain", "E100")
    assert r.exit_code == 0 and "Input error" in r.output


def test_baseline_silences_accepted(pair, tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    r = run("compare", *pair, "--model", "none", "--write-baseline", str(base))
    assert r.exit_code == 0 and base.exists()  # writing a baseline accepts everything found
    r = run("compare", *pair, "--model", "none", "--baseline", str(base))
    assert r.exit_code == 0, r.output


def test_ci_gate_fails_on_warnings(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("قال وزير الخارجية الأميركي جون كيري إن المحادثات نجحت.", encoding="utf-8")
    b.write_text("قال وزير الخارجية الأمريكي جون كيري إن المحادثاتنجحت.", encoding="utf-8")
    assert run("ci", str(a), str(b), "--model", "none").exit_code == 1
    assert run("compare", str(a), str(b), "--model", "none").exit_code == 0


def test_extract_json(pair) -> None:
    r = run("extract", pair[0], "--model", "none", "--published", "2020-05-01")
    data = json.loads(r.output)
    counts = [f for f in data["facts"] if f["type"] == "count"]
    assert counts and counts[0]["value"] == 5
    text = Path(pair[0]).read_text(encoding="utf-8")
    for f in data["facts"]:
        assert text[f["start"] : f["end"]] == f["text"]


def test_model_info() -> None:
    r = run("model", "info", "--model", "none")
    assert r.exit_code == 0 and "fallback" in r.output


def test_bad_model_file_is_e300(pair, tmp_path: Path) -> None:
    fake = tmp_path / "fake.udpipe"
    fake.write_bytes(b"this is not a model" * 10)
    r = run("compare", *pair, "--model", str(fake))
    assert r.exit_code == 2 and "E300" in r.output


def test_rule_with_format_spec_or_wrong_facts(pair, tmp_path: Path) -> None:
    import yaml

    base = {
        "code": "CT901",
        "name": "x",
        "kind": "contradiction",
        "check": "set",
        "facts": ["count"],
        "severity": "error",
        "message": "{values}",
        "message_ar": "{values}",
        "doc": {"what": "w", "why": "y"},
    }
    bad = tmp_path / "facts.yaml"
    bad.write_text(yaml.safe_dump(base), encoding="utf-8")
    assert run("rules", "validate", str(bad)).exit_code == 2
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump({**base, "facts": ["list"], "message": "{values:d}"}), encoding="utf-8")
    r = run("rules", "validate", str(spec))
    assert r.exit_code == 2 and "format spec" in r.output


def test_huge_numbers_and_far_dates_do_not_crash(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("بلغ العدد " + "9" * 400 + " شخصا في العقد المقبل", encoding="utf-8")
    b.write_text("بلغ العدد 7 أشخاص", encoding="utf-8")
    r = run("compare", str(a), str(b), "--model", "none", "--published", "2200-12-31", "--fail-on", "none")
    assert r.exit_code == 0, r.output


def test_baseline_keeps_what_it_accepted(pair, tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    run("compare", *pair, "--model", "none", "--write-baseline", str(base))
    accepted = json.loads(base.read_text())["accepted"]
    run("compare", *pair, "--model", "none", "--baseline", str(base), "--write-baseline", str(base))
    assert json.loads(base.read_text())["accepted"] == accepted


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from checker import cli_common as cli

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Tty()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.delenv("CHECKER_NO_PROGRESS", raising=False)
    assert cli._progress(2) is None  # a pair needs no bar
    bar = cli._progress(5)
    assert bar is not None and list(bar(range(5))) == list(range(5))
    assert "checker:" in err.getvalue() and "/5" in err.getvalue()
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert cli._progress(50) is None  # piped: no bar
