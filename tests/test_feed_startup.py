"""Start-up: libyaml's loader and the compiled lexicon cache (checker.lexicons.load)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import lexicons


def test_lexicon_cache_is_written_once_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    lexicons.load.cache_clear()
    first = lexicons.load("stopwords")
    files = list(tmp_path.glob("lexicon-stopwords-*.json"))
    assert len(files) == 1
    lexicons.load.cache_clear()
    monkeypatch.setattr(lexicons, "_load_validated", lambda name: pytest.fail("validated again"))
    assert lexicons.load("stopwords") == first
    lexicons.load.cache_clear()


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    lexicons.load.cache_clear()
    good = lexicons.load("currencies")
    (cached,) = tmp_path.glob("lexicon-currencies-*.json")
    cached.write_text("{not json", encoding="utf-8")
    lexicons.load.cache_clear()
    assert lexicons.load("currencies") == good
    lexicons.load.cache_clear()


def test_cache_off_and_c_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", "")
    assert lexicons.cache_dir() is None
    import yaml

    if yaml.__with_libyaml__:
        assert lexicons.SAFE_LOADER is yaml.CSafeLoader
