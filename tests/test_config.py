"""Configuration like the linters people use: found by walking up, overridden by the command line,
unknown keys refused, every value's source shown; select/ignore/severity, house vocabulary and
extra lexicon folders take effect."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
A = "قال وزير الخارجية الأميركي جون كيري إن 5 أشخاص قتلوا في انفجار ببغداد أمس."
B = "قال وزير الخارجية الأمريكي جون كيري إن 7 أشخاص قتلوا في انفجار ببغداد أمس."


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "copy" / "deep").mkdir(parents=True)
    (tmp_path / "copy" / "deep" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "copy" / "deep" / "b.txt").write_text(B, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "copy" / "deep")
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.output


def findings(*args: str) -> list[dict]:
    code, out = run(
        "compare", "a.txt", "b.txt", "--model", "none", "--format", "json", "--published", "2020-01-01", *args
    )
    assert code in (0, 1), out
    return json.loads(out)["findings"]


def test_pyproject_found_by_walking_up_and_cli_overrides(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.checker]\nignore = ["ct"]\nfail-on = "none"\n', encoding="utf-8")
    assert not [f for f in findings() if f["rule"].startswith("CT")]
    assert run("compare", "a.txt", "b.txt", "--model", "none", "--published", "2020-01-01")[0] == 0
    assert (
        run("compare", "a.txt", "b.txt", "--model", "none", "--published", "2020-01-01", "--fail-on", "warning")[0] == 1
    )
    code, out = run("config")
    assert code == 0 and 'ignore = ["ct"]' in out and "[tool.checker]" in out and "# default" in out


def test_checker_toml_wins_in_its_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.checker]\nignore = ["CT101"]\n', encoding="utf-8")
    (project / "copy" / "checker.toml").write_text(
        'select = ["ct1", "VR"]\n[severity]\nct101 = "warning"\n', encoding="utf-8"
    )
    got = findings()
    assert {f["rule"][:2] for f in got} <= {"CT", "VR"}
    ct = [f for f in got if f["rule"] == "CT101"]
    assert ct and ct[0]["severity"] == "warning"
    code, out = run("config")
    assert code == 0 and "checker.toml" in out and "select" in out


def test_unknown_key_names_file_and_key(project: Path) -> None:
    (project / "checker.toml").write_text('selekt = ["CT"]\n', encoding="utf-8")
    code, out = run("compare", "a.txt", "b.txt", "--model", "none")
    assert code == 2 and "checker.toml" in out and "selekt" in out and "[E200]" in out


def test_codes_are_case_insensitive_on_the_command_line(project: Path) -> None:
    assert not [f for f in findings("--ignore", "ct101") if f["rule"] == "CT101"]
    assert not [f for f in findings("--disable", "Vr102") if f["rule"] == "VR102"]
    assert {f["rule"] for f in findings("--select", "ct")} <= {"CT101", "CT102", "CT103", "CT201"}
    code, out = run("compare", "a.txt", "b.txt", "--model", "none", "--ignore", "XX999")
    assert code == 2 and "unknown rule code" in out


def test_house_vocabulary(project: Path) -> None:
    house = '[house]\naccepted = ["الأمريكي"]\nforbidden = {"كيري" = "كيرى"}\n'
    (project / "checker.toml").write_text(house, encoding="utf-8")
    got = findings()
    variants = [f for f in got if f["kind"] == "variant"]
    assert variants and "house spelling: الأمريكي" in variants[0]["message"]
    lint = [f for f in got if f["rule"] == "LN107"]
    assert len(lint) == 2 and all(f["evidence"][0]["text"] == "كيري" for f in lint)
    assert "كيرى" in lint[0]["message"]


def test_extra_lexicon_folder(project: Path) -> None:
    """A lexicon folder adds words (here a title); run in a child process: lexicons load once."""
    (project / "lex").mkdir()
    (project / "lex" / "titles.yaml").write_text("titles:\n- مراسلنا\n", encoding="utf-8")
    text = "قال مراسلنا خالد العتيبي إن 5 أشخاص قتلوا."
    (project / "copy" / "deep" / "c.txt").write_text(text, encoding="utf-8")
    base = [sys.executable, "-m", "checker", "extract", "c.txt", "--model", "none"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = subprocess.run(base, capture_output=True, text=True, env=env, timeout=120)
    (project / "checker.toml").write_text(f'lexicons = ["{project / "lex"}"]\n', encoding="utf-8")
    after = subprocess.run(base, capture_output=True, text=True, env=env, timeout=120)
    people = lambda out: [f for f in json.loads(out)["facts"] if f["type"] == "person"]  # noqa: E731
    assert after.returncode == 0, after.stderr
    roles = lambda out: {(f.get("attrs") or {}).get("role") for f in people(out)}  # noqa: E731
    assert "مراسلنا" not in roles(before.stdout) and "مراسلنا" in roles(after.stdout), after.stdout[-500:]
