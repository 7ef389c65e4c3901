"""Shared fixtures. Tests never read ../shared except the model path CI passes in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def analyzer():
    """The configured analyzer: the UDPipe model when CHECKER_UDPIPE_MODEL is set, else the fallback."""
    from checker.text.tagger import load_analyzer

    return load_analyzer(None)


@pytest.fixture(scope="session")
def fallback():
    from checker.text.tagger import load_analyzer

    return load_analyzer("none")


@pytest.fixture()
def rule_hits(fallback):
    """``rule_hits(rule, *texts)``: the messages of *rule*'s findings when the texts (articles a0, a1,
    ...) are compared with the fallback tagger."""
    from checker.api import compare, make_article

    def hits(rule: str, *texts: str) -> list[str]:
        report = compare([make_article(f"a{i}", t) for i, t in enumerate(texts)], analyzer=fallback)
        return [f.message for f in report.findings if f.rule == rule]

    return hits


def model_path() -> str | None:
    p = os.environ.get("CHECKER_UDPIPE_MODEL")
    return p if p and Path(p).is_file() else None
