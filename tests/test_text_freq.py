"""The cached word-frequency table answers exactly as wordfreq does."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from checker.text import freq


@pytest.fixture(scope="module")
def table() -> freq.Table:
    return freq.build()


def test_every_sampled_listed_word_and_number_matches_wordfreq(table: freq.Table) -> None:
    words = sorted(get_frequency_dict("ar", "best"))
    sample = random.Random(7).sample(words, 3000)
    numbers = [str(n) for n in (*range(0, 120), 1999, 2015, 2016, 2030, 2041, 12450, 987654321)]
    indic = ["".join(chr(0x660 + int(c)) for c in n) for n in numbers[:40]]
    extra = ["(فرنسا)", "فرنسا،", "«الرياض»", "،", "((", "25%", "كلمةغيرموجودة", "ال90عاما", "_", "كـلمة", "Paris"]
    bad = []
    for w in [*sample, *numbers, *indic, *extra]:
        t = freq.table()
        got = freq.zipf(w) if t is not None else None
        if got is not None and got != zipf_frequency(w, "ar"):
            bad.append((w, got, zipf_frequency(w, "ar")))
    assert not bad, bad[:5]


def test_the_table_round_trips_and_refuses_damage(table: freq.Table) -> None:
    data = table.dump()
    again = freq.Table.parse(data)
    assert again.size == table.size > 500_000
    assert again.freq("التحالف") == table.freq("التحالف") is not None
    assert again.freq("كلمةغيرموجودة") is None
    with pytest.raises(ValueError):
        freq.Table.parse(data[: len(data) // 2])
    with pytest.raises(ValueError):
        freq.Table.parse(b"XXXX" + data[4:])


def test_the_table_is_written_once_and_a_damaged_one_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    freq.table.cache_clear()
    try:
        first = freq.table()
        (path,) = tmp_path.glob("wordfreq-ar-*.bin")
        assert first is not None and path.stat().st_size > 1_000_000
        path.write_bytes(b"CKWF broken")
        freq.table.cache_clear()
        again = freq.table()
        assert again is not None and again.freq("باريس") == first.freq("باريس")
        assert freq.Table.parse(path.read_bytes()).size == first.size  # rewritten whole
        assert not list(tmp_path.glob("*.tmp"))
    finally:
        freq.table.cache_clear()


def test_cache_off_asks_wordfreq(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", "")
    freq.table.cache_clear()
    try:
        assert freq.table() is None
        assert freq.zipf("التحالف") == zipf_frequency("التحالف", "ar") > 4
    finally:
        freq.table.cache_clear()


@pytest.mark.parametrize("mark", list(freq.PUNCTUATION))
def test_each_mark_stripped_is_one_wordfreq_drops(mark: str) -> None:
    for word in ("أوبك", "الرياض", "2015"):
        for form in (word + mark, mark + word, mark + word + mark):
            assert freq.zipf(form) == zipf_frequency(form, "ar") == zipf_frequency(word, "ar")
    assert freq.zipf(mark) == zipf_frequency(mark, "ar") == 0.0
