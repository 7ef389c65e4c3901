"""Reports never pass through what could attack their reader: raw HTML or links in Markdown,
terminal escapes in text, bidi overrides and control characters anywhere a human reads. The JSON
report keeps the evidence text exactly as the article has it (offsets unchanged)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.report import FORMATS

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "link": "[اضغط](javascript:alert(1))",
    "terminal": "\x1b[2J\x1b]0;pwned\x07",
    "csi": "\x9b31m",
    "bidi": "\u202e",
    "isolate": "\u2066",
}
HUMAN = [f for f in FORMATS if f not in ("json",)]


def articles(tmp_path: Path) -> list[str]:
    """Two articles whose ids, quotations and figures carry every payload."""
    bad = "".join(PAYLOADS.values())
    paths = []
    for i, n in enumerate((5, 7)):
        quote = f"وقال الوزير إن «الوضع {bad} صعب جدا في المدينة»."
        text = f"قتل {n} أشخاص {bad} في انفجار ببغداد أمس. {quote}" if i else f"قتل {n} أشخاص في انفجار ببغداد أمس."
        p = tmp_path / f"a{i}.json"
        p.write_text(json.dumps({"id": f"{bad}{i}", "text": text, "published": "2020-05-01"}), encoding="utf-8")
        paths.append(str(p))
    return paths


def report(paths: list[str], fmt: str) -> str:
    r = CliRunner().invoke(main, ["compare", *paths, "--model", "none", "--format", fmt, "--fail-on", "none"])
    assert r.exit_code == 0, r.output
    return r.output


@pytest.mark.parametrize("fmt", HUMAN)
def test_no_control_or_bidi_character_passes(tmp_path: Path, fmt: str) -> None:
    out = report(articles(tmp_path), fmt)
    assert "U+202E" in out and "U+001B" in out  # shown, not obeyed
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)


def test_markdown_has_no_raw_html_or_link(tmp_path: Path) -> None:
    out = report(articles(tmp_path), "markdown")
    assert "<script" not in out and "<img" not in out
    assert "](javascript:" not in out and "\\](javascript:" not in out.replace("\\]\\(javascript:", "")
    assert "&lt;script&gt;" in out


def test_html_escapes_everything(tmp_path: Path) -> None:
    out = report(articles(tmp_path), "html")
    assert "<script>alert" not in out and "<img src=x" not in out
    assert "&lt;script&gt;" in out


def test_json_keeps_the_article_text(tmp_path: Path) -> None:
    paths = articles(tmp_path)
    data = json.loads(report(paths, "json"))
    texts = {
        a: json.loads(Path(p).read_text(encoding="utf-8"))["text"]
        for a, p in zip([a["id"] for a in data["articles"]], paths, strict=True)
    }
    evidence = [e for f in data["findings"] for e in f["evidence"]]
    assert any("\u202e" in e["text"] for e in evidence)
    for e in evidence:
        assert texts[e["article"]][e["start"] : e["end"]] == e["text"]
