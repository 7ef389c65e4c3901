"""Golden reports for the seed pair (rule-based fallback, so CI's model setting does not matter).

Regenerate on purpose and review the diff:  CHECKER_REGEN_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "seeds").glob("*.txt"))]
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize(
    ("fmt", "name", "lang"), [("text", "seeds.txt", "en"), ("json", "seeds.json", "en"), ("text", "seeds.ar.txt", "ar")]
)
def test_golden(fmt: str, name: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    args = ["compare", *SEEDS, "--model", "none", "--format", fmt, "--fail-on", "none", "--lang", lang]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    path = GOLDEN / name
    if os.environ.get("CHECKER_REGEN_GOLDEN"):
        path.write_text(r.output, encoding="utf-8")
    assert path.exists(), "run with CHECKER_REGEN_GOLDEN=1 to create the golden file"
    assert r.output == path.read_text(encoding="utf-8")
