"""A corpus of bad input: each case exits 2 with one line naming the problem and its error code,
never "internal error" and never a traceback."""

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
GOOD = "قتل 5 أشخاص في انفجار ببغداد أمس."
ARABIC_UTF16 = "قتل خمسة أشخاص في انفجار ببغداد أمس."


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(p)


# name -> (file name, content, extra arguments, error code, words the message must contain)
FILE_CASES: dict[str, tuple[str, bytes | str, tuple[str, ...], str, str]] = {
    "empty": ("a.txt", b"", (), "E100", "empty"),
    "nul bytes": ("a.txt", b"\x00" * 100, (), "E100", "NUL"),
    "nul in text": ("a.txt", GOOD + "\x00", (), "E100", "NUL"),
    "cp1256": ("a.txt", GOOD.encode("cp1256"), (), "E100", "not UTF-8"),
    "utf16 odd length": (
        "a.txt",
        "\ufeff".encode("utf-16-le") + GOOD.encode("utf-16-le") + b"\x06",
        (),
        "E100",
        "odd length",
    ),
    "json syntax": ("a.json", '{"text": "x",}', (), "E100", "invalid JSON"),
    "json list": ("a.json", '["x"]', (), "E100", "object"),
    "json no text": ("a.json", '{"id": "x"}', (), "E100", "text"),
    "json nan": ("a.json", '{"text": "' + GOOD + '", "score": NaN}', (), "E100", "NaN"),
    "json infinity": ("a.json", '{"text": "' + GOOD + '", "score": -Infinity}', (), "E100", "Infinity"),
    "json duplicate key": ("a.json", '{"text": "' + GOOD + '", "text": "x"}', (), "E100", "twice"),
    "json huge integer": ("a.json", '{"text": "' + GOOD + '", "n": ' + "9" * 5000 + "}", (), "E100", "invalid JSON"),
    "json deep nesting": (
        "a.json",
        '{"text": "' + GOOD + '", "n": ' + "[" * 100000 + "]" * 100000 + "}",
        (),
        "E100",
        "invalid JSON",
    ),
    "json lone surrogate": ("a.json", '{"text": "' + GOOD + '\\ud800"}', (), "E100", "surrogate"),
    "json id lone surrogate": ("a.json", '{"text": "' + GOOD + '", "id": "\\udfff"}', (), "E100", "surrogate"),
    "json bad date": ("a.json", json.dumps({"text": GOOD, "published": "yesterday"}), (), "E100", "YYYY-MM-DD"),
    "json text not string": ("a.json", '{"text": 5}', (), "E100", "text"),
    "unsupported suffix": ("a.pdf", GOOD, (), "E100", "unsupported"),
    "article over limit": ("a.txt", GOOD * 40, ("--max-article-chars", "100"), "E100", "--max-article-chars"),
    "run over limit": ("a.txt", GOOD * 3, ("--max-total-chars", "120"), "E100", "--max-total-chars"),
}


@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_bad_file(tmp_path: Path, case: str) -> None:
    name, data, extra, code, needle = FILE_CASES[case]
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", GOOD)
    r = CliRunner().invoke(main, ["compare", good, bad, "--model", "none", *extra])
    assert r.exit_code == 2, (case, r.output)
    line = r.output.strip()
    assert "\n" not in line and f"[{code}]" in line and needle in line, (case, line)
    assert "internal error" not in line and "Traceback" not in line


def test_utf16_without_bom_is_read(tmp_path: Path) -> None:
    bad = write(tmp_path, "a.txt", ARABIC_UTF16.encode("utf-16-le"))
    good = write(tmp_path, "good.txt", ARABIC_UTF16)
    r = CliRunner().invoke(main, ["compare", good, bad, "--model", "none", "--format", "json", "--fail-on", "none"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["articles"][1]["chars"] == len(ARABIC_UTF16)
    assert not [f for f in data["findings"] if f["kind"] == "contradiction"]


def run_cli(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.output.strip()


def test_same_file_twice_through_a_hard_link(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", GOOD)
    os.link(a, tmp_path / "b.txt")
    code, out = run_cli("compare", a, str(tmp_path / "b.txt"), "--model", "none")
    assert code == 2 and "same file" in out and "[E100]" in out


def test_stdin_twice(tmp_path: Path) -> None:
    code, out = run_cli("compare", "-", "-", "--model", "none")
    assert code == 2 and "standard input" in out and "[E100]" in out


def test_empty_published(tmp_path: Path) -> None:
    a, b = write(tmp_path, "a.txt", GOOD), write(tmp_path, "b.txt", GOOD)
    code, out = run_cli("compare", a, b, "--model", "none", "--published", "")
    assert code == 2 and "--published" in out and "internal error" not in out


@pytest.mark.parametrize(
    ("make", "needle", "err"),
    [
        (lambda d: d, "folder", "E100"),
        (lambda d: write(d, "base.json", '{"accepted": [' * 50000), "invalid JSON", "E100"),
        (lambda d: write(d, "base.json", '{"accepted": [], "n": ' + "1" * 5000 + "}"), "invalid JSON", "E100"),
        (lambda d: write(d, "base.json", b"\xff\xfe\x00"), "UTF-8", "E100"),
    ],
)
def test_bad_baseline(tmp_path: Path, make, needle: str, err: str) -> None:
    a, b = write(tmp_path, "a.txt", GOOD), write(tmp_path, "b.txt", GOOD)
    folder = tmp_path / "f"
    folder.mkdir()
    code, out = run_cli("compare", a, b, "--model", "none", "--baseline", str(make(folder)))
    assert code == 2 and needle in out and f"[{err}]" in out, out


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("deep.yaml", "a: " + "[" * 20000 + "]" * 20000, "nested"),
        ("bad.yaml", "code: [", "invalid YAML"),
        ("dir.yaml", None, "folder"),
    ],
)
def test_bad_rule_files(tmp_path: Path, name: str, content: str | None, needle: str) -> None:
    a, b = write(tmp_path, "a.txt", GOOD), write(tmp_path, "b.txt", GOOD)
    rules = tmp_path / "rules"
    rules.mkdir()
    if content is None:
        (rules / name).mkdir()
    else:
        (rules / name).write_text(content, encoding="utf-8")
    code, out = run_cli("compare", a, b, "--model", "none", "--rules", str(rules))
    assert code == 2 and "[E200]" in out and needle in out, out


def child(args: list[str], **kw) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **kw.pop("env", {})}
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "checker", *args], env=env, timeout=120, **kw)


def test_ascii_locale_and_closed_or_full_stdout(tmp_path: Path) -> None:
    a, b = write(tmp_path, "أ.txt", GOOD), write(tmp_path, "ب.txt", GOOD.replace("5", "7"))
    r = child(["compare", a, b, "--model", "none"], env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"})
    assert r.returncode == 1 and "أمس".encode() in r.stdout, r.stderr
    r = child(["compare", a, str(tmp_path / "missing.txt")], env={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 2 and b"[E100]" in r.stderr and b"internal error" not in r.stderr
    closed = subprocess.run(
        f"{sys.executable} -m checker compare {a} {b} --model none >&-",
        shell=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert closed.returncode == 2 and b"[E400]" in closed.stderr and b"closed" in closed.stderr, closed.stderr
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            r = child(["compare", a, b, "--model", "none"], stdout=full, stderr=subprocess.PIPE)
        assert r.returncode == 2 and b"[E400]" in r.stderr and b"no space" in r.stderr, r.stderr
