"""Standard-library patterns built from programs kept between runs behave as ``re.compile``'s."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.text import recache

PATTERNS = [
    (r"(?<![\u0621-\u064a])(?P<w>وزير|رئيس)\s+(?P<n>[\u0621-\u064a]+)", 0),
    (r"(\d+)(?:[.,](\d+))?\s*(%|٪)", 0),
    (r"^abc$|\bxyz\b", re.IGNORECASE | re.MULTILINE),
]
TEXT = "قال وزير الخارجية إن 12,5 % من XYZ\nabc"


def _fresh_state(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(folder))
    monkeypatch.setattr(recache, "_programs", None)
    monkeypatch.setattr(recache, "_used", {})
    monkeypatch.setattr(recache, "_fresh", False)


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    assert [m.groups() for m in a.finditer(TEXT)] == [m.groups() for m in b.finditer(TEXT)]
    assert [m.span() for m in a.finditer(TEXT)] == [m.span() for m in b.finditer(TEXT)]


def test_programs_come_back_from_the_cache_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_state(monkeypatch, tmp_path)
    first = [recache.compile(p, f) for p, f in PATTERNS]
    recache._save()
    (entry,) = tmp_path.glob("re-programs-*.marshal")
    _fresh_state(monkeypatch, tmp_path)
    assert set(recache._load()) == {(p, int(f)) for p, f in PATTERNS}  # read back, not compiled
    again = [recache.compile(p, f) for p, f in PATTERNS]
    for (p, f), a, b in zip(PATTERNS, first, again, strict=True):
        _same(re.compile(p, f), a)
        _same(re.compile(p, f), b)
    assert again[0].search(TEXT).group("n") == "الخارجية"  # type: ignore[union-attr]
    entry.write_bytes(b"\x00damaged")  # a damaged file compiles anew
    _fresh_state(monkeypatch, tmp_path)
    _same(re.compile(*PATTERNS[1]), recache.compile(*PATTERNS[1]))


def test_a_kept_program_that_does_not_fit_its_pattern_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh_state(monkeypatch, tmp_path)
    monkeypatch.setattr(recache, "_programs", {(PATTERNS[1][0], 0): (32, [999, 1, 2], 3, {}, (None,) * 4)})
    _same(re.compile(PATTERNS[1][0]), recache.compile(PATTERNS[1][0]))


def test_a_bad_pattern_raises_re_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_state(monkeypatch, tmp_path)
    with pytest.raises(re.error):
        recache.compile("(unclosed")
