"""Normalization tables: each row is input -> expected."""

from __future__ import annotations

import pytest

from checker.text.chars import fold, fold_digits, fold_punct, fold_with_map, has_arabic, map_span, match_key

FOLD = [
    ("أحمد", "احمد"),
    ("إبراهيم", "ابراهيم"),
    ("آشتون", "اشتون"),
    ("ٱلله", "الله"),
    ("مصطفى", "مصطفي"),
    ("كارتـــــر", "كارتر"),
    ("مُحَمَّدٌ", "محمد"),
    ("\u200fباريس\u200e", "باريس"),
    ("ﻻ", "لا"),  # presentation form lam-alef
    ("کیف", "كيف"),  # Persian kaf and yeh
    ("٢٠١٦", "2016"),
    ("۲۵", "25"),
    ("", ""),
    ("Paris 2016", "Paris 2016"),
]


@pytest.mark.parametrize(("raw", "want"), FOLD)
def test_fold(raw: str, want: str) -> None:
    assert fold(raw) == want


def test_teh_marbuta_only_on_request() -> None:
    assert fold("الدولة") == "الدولة"
    assert fold("الدولة", teh_marbuta=True) == "الدوله"


@pytest.mark.parametrize("raw", ["كـارتر قال", "مُحَمَّد \u200fو", "ﻻ بأس", "abc ٣"])
def test_map_back_is_exact(raw: str) -> None:
    folded, index = fold_with_map(raw)
    assert len(index) == len(folded) + 1
    for i, _ch in enumerate(folded):
        a, b = map_span(index, i, i + 1)
        assert 0 <= a < b <= len(raw)
    a, b = map_span(index, 0, len(folded))
    assert raw[a:b].strip() == raw.strip().rstrip("\u200f")


def test_digits_keep_length() -> None:
    s = "في ٢٠ يناير ۲۰۱۶"
    assert len(fold_digits(s)) == len(s)
    assert fold_digits(s) == "في 20 يناير 2016"


def test_punct_and_key() -> None:
    assert fold_punct("«نعم»، قال؛") == '"نعم", قال;'
    assert match_key("  الولايات\tالمتحدة  ") == "الولايات المتحده"
    assert match_key("الأميركي") != match_key("الأمريكي")  # a real spelling difference survives


def test_has_arabic() -> None:
    assert has_arabic("abc د")
    assert not has_arabic("abc 123")


def test_fold_and_fold_with_map_agree_on_marked_text() -> None:
    """fold() (cached for words, no offset index) and fold_with_map() (runs between marks translated
    whole) give the text a character-by-character fold gives, and offsets that point back to it."""
    import random

    from checker.text.chars import _TABLES, _fold_char, fold, fold_with_map, is_dropped

    rng = random.Random(5)
    alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءئؤ ًٌٍَُِّْـ\u200f\ufefb\ufe8d٠١٢abc"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        for flags in ((False, False), (True, False), (False, True), (True, True)):
            table = _TABLES[flags]
            chars = [(f, i) for i, ch in enumerate(text) if not is_dropped(ch) for f in _fold_char(ch, table)]
            folded, index = fold_with_map(text, teh_marbuta=flags[0], keep_maqsura=flags[1])
            assert folded == "".join(f for f, _ in chars) == fold(text, teh_marbuta=flags[0], keep_maqsura=flags[1])
            assert list(index) == [i for _, i in chars] + [len(text)]
