"""Character-level normalization of Arabic text: the one place where letters are folded and where
the Arabic letter classes are defined.

Originals are never changed. Every function here either keeps the string length (so offsets stay
valid) or returns an index map back to the original text.

>>> fold("أَنْجِيلا ميركـــل")
'انجيلا ميركل'
>>> fold_digits("٢٠١٦ و۲۵")
'2016 و25'
>>> norm, idx = fold_with_map("آ\u0650ب")
>>> norm, list(idx)
('اب', [0, 2, 3])
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Sequence
from functools import lru_cache

from checker.text import recache

# --- named characters -------------------------------------------------------------------------
ALEF = "\u0627"
ALEF_MADDA = "\u0622"
ALEF_HAMZA_ABOVE = "\u0623"
ALEF_HAMZA_BELOW = "\u0625"
ALEF_WASLA = "\u0671"
ALEF_MAQSURA = "\u0649"
YEH = "\u064a"
FARSI_YEH = "\u06cc"
KEHEH = "\u06a9"
KAF = "\u0643"
TEH_MARBUTA = "\u0629"
HEH = "\u0647"
TATWEEL = "\u0640"
ARABIC_COMMA = "\u060c"
ARABIC_SEMICOLON = "\u061b"
ARABIC_QUESTION = "\u061f"
ARABIC_DECIMAL_SEP = "\u066b"
ARABIC_THOUSANDS_SEP = "\u066c"
ARABIC_PERCENT = "\u066a"

#: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks
DIACRITICS = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"] + [chr(c) for c in range(0x06D6, 0x06EE)])
#: bidi controls and zero-width characters that carry no letters
BIDI_MARKS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\ufeff"
)

ARABIC_INDIC_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
PERSIAN_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"

_DIGIT_TABLE = {ord(c): str(i) for i, c in enumerate(ARABIC_INDIC_DIGITS)}
_DIGIT_TABLE.update({ord(c): str(i) for i, c in enumerate(PERSIAN_DIGITS)})

#: one-to-one letter folds used for matching (length preserving)
_LETTER_TABLE = {
    ord(ALEF_MADDA): ALEF,
    ord(ALEF_HAMZA_ABOVE): ALEF,
    ord(ALEF_HAMZA_BELOW): ALEF,
    ord(ALEF_WASLA): ALEF,
    ord(ALEF_MAQSURA): YEH,
    ord(FARSI_YEH): YEH,
    ord(KEHEH): KAF,
}
_LETTER_TABLE.update(_DIGIT_TABLE)

_PUNCT_TABLE = {
    ord(ARABIC_COMMA): ",",
    ord(ARABIC_SEMICOLON): ";",
    ord(ARABIC_QUESTION): "?",
    ord(ARABIC_PERCENT): "%",
    ord("\u201c"): '"',
    ord("\u201d"): '"',
    ord("\u00ab"): '"',
    ord("\u00bb"): '"',
}

_TEH_TABLE = dict(_LETTER_TABLE)
_TEH_TABLE[ord(TEH_MARBUTA)] = HEH
#: the same folds with alef maqsura kept (على the preposition is not علي the name)
_TABLES = {
    (teh, maq): {
        k: v for k, v in (_TEH_TABLE if teh else _LETTER_TABLE).items() if not (maq and k == ord(ALEF_MAQSURA))
    }
    for teh in (False, True)
    for maq in (False, True)
}
# --- letter classes (bodies of regex character classes) -----------------------------------------
#: the Arabic alphabet block, hamza to yeh (U+0621-U+064A; it includes tatweel and U+063B-U+063F)
ALPHABET = "\u0621-\u064a"
#: the Arabic letters: the alphabet and the extended letters (alef wasla ... yeh barree)
LETTERS = ALPHABET + "\u0671-\u06d3"
#: the letters a word token is made of: LETTERS without U+063B-U+0640, with U+06FA-U+06FF
WORD_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
#: the marks a word token may carry besides its letters: honorifics, harakat, Quranic marks, tatweel
WORD_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
#: ASCII, Arabic-Indic and Persian digits
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
#: the alphabet's letters one by one (tatweel and the non-Arabic U+063B-U+063F left out), e.g. to try
#: one-letter substitutions
ALPHABET_LETTERS = tuple(chr(c) for c in (*range(0x0621, 0x063B), *range(0x0641, 0x064B)))
#: characters that fold_with_map drops or expands (diacritics, tatweel, bidi, presentation forms)
_SLOW_RE = recache.compile("[" + "".join(sorted(DIACRITICS | BIDI_MARKS | {TATWEEL})) + "\ufb50-\ufdff\ufe70-\ufeff]")

ARABIC_LETTER_RE = recache.compile(f"[{LETTERS}\u06fa-\u06ff]")


def fold_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits by ASCII digits (length preserving).

    >>> fold_digits("١٧ و 17")
    '17 و 17'
    """
    return text.translate(_DIGIT_TABLE)


def is_dropped(ch: str) -> bool:
    """True for characters that matching ignores: diacritics, tatweel, bidi and zero-width marks.

    >>> is_dropped(TATWEEL), is_dropped("ب")
    (True, False)
    """
    return ch in DIACRITICS or ch == TATWEEL or ch in BIDI_MARKS


def strip_marks(text: str) -> str:
    """*text* without the characters matching ignores (diacritics, tatweel, bidi marks).

    >>> strip_marks("سـالِم\u200f")
    'سالم'
    """
    return "".join(ch for ch in text if not is_dropped(ch))


def strip_marks_but_tatweel(text: str) -> str:
    """*text* without diacritics and bidi marks, its tatweel (kashida) kept: a word stretched
    with tatweel is written another way (house style), one with diacritics is not.

    >>> strip_marks_but_tatweel("العمــلِ")
    'العمــل'
    """
    return "".join(ch for ch in text if ch == "\u0640" or not is_dropped(ch))


def _fold_char(ch: str, table: dict[int, str]) -> str:
    if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":
        # presentation forms: NFKC gives the base letters (may be more than one, e.g. lam-alef)
        ch = unicodedata.normalize("NFKC", ch)
    return ch.translate(table)


#: folded offset -> original offset
Index = array  # array("q")


def fold_with_map(text: str, *, teh_marbuta: bool = False, keep_maqsura: bool = False) -> tuple[str, Index]:
    """Fold *text* for matching and return ``(folded, index)``.

    ``index[i]`` is the offset in *text* of folded character ``i``; ``index[len(folded)]`` is
    ``len(text)``, so a folded span ``[a, b)`` maps back to ``text[index[a]:index[b - 1] + 1]``
    (use :func:`map_span`).

    The index is an array of machine integers (8 bytes a character, where a list of Python ints
    took over 30).

    >>> folded, index = fold_with_map("ة", teh_marbuta=True)
    >>> folded, list(index)
    ('ه', [0, 1])
    """
    table = _TABLES[(teh_marbuta, keep_maqsura)]
    if not _SLOW_RE.search(text):  # fast path: one-to-one folds only, offsets unchanged
        return text.translate(table), array("q", range(len(text) + 1))
    # the one-to-one runs between the marks are translated whole; each mark is dropped or, for a
    # presentation form, expanded
    out: list[str] = []
    index: Index = array("q")
    at = 0
    for m in _SLOW_RE.finditer(text):
        i = m.start()
        if at < i:
            out.append(text[at:i].translate(table))
            index.extend(range(at, i))
        ch = text[i]
        if not is_dropped(ch):
            for f in _fold_char(ch, table):
                out.append(f)
                index.append(i)
        at = i + 1
    if at < len(text):
        out.append(text[at:].translate(table))
        index.extend(range(at, len(text)))
    index.append(len(text))
    return "".join(out), index


def map_span(index: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Map a span of folded text back to the original text.

    >>> norm, idx = fold_with_map("كـــارتر يقول")
    >>> s, e = map_span(idx, 0, 5)
    >>> (s, e)
    (0, 8)
    """
    if end <= start:
        o = index[start]
        return o, o
    return index[start], index[end - 1] + 1


def fold(text: str, *, teh_marbuta: bool = False, keep_maqsura: bool = False) -> str:
    """Fold for matching: alef forms to bare alef, alef maqsura to yeh, drop diacritics, tatweel,
    bidi marks; Persian letters and presentation forms to their Arabic base; digits to ASCII.

    >>> fold("إلى مُصْطفى")
    'الي مصطفي'
    >>> fold("الدولة", teh_marbuta=True)
    'الدوله'
    """
    if len(text) <= _CACHED_FOLD:
        return _fold_short(text, teh_marbuta, keep_maqsura)
    return _fold(text, teh_marbuta, keep_maqsura)


#: words and names (not whole texts) are folded through a cache: the same few thousand words are
#: folded tens of thousands of times a run
_CACHED_FOLD = 64


def _fold(text: str, teh_marbuta: bool, keep_maqsura: bool) -> str:
    """:func:`fold_with_map`'s text alone, without building the offset index."""
    table = _TABLES[(teh_marbuta, keep_maqsura)]
    if not _SLOW_RE.search(text):
        return text.translate(table)
    return "".join(_fold_char(ch, table) for ch in text if not is_dropped(ch))


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str, teh_marbuta: bool, keep_maqsura: bool) -> str:
    return _fold(text, teh_marbuta, keep_maqsura)


def fold_punct(text: str) -> str:
    """Arabic punctuation and typographic quotes to their ASCII counterparts (length preserving).

    >>> fold_punct("قال، «نعم»؟")
    'قال, "نعم"?'
    """
    return text.translate(_PUNCT_TABLE)


def match_key(text: str, *, keep_maqsura: bool = False) -> str:
    """The strongest fold, for comparing names and words: :func:`fold` plus teh marbuta to heh,
    punctuation folded and whitespace collapsed.

    >>> match_key("  الولايات   المتحدة ")
    'الولايات المتحده'
    """
    return " ".join(fold_punct(fold(text, teh_marbuta=True, keep_maqsura=keep_maqsura)).split())


def has_arabic(text: str) -> bool:
    """True if *text* contains at least one Arabic letter.

    >>> has_arabic("abc"), has_arabic("abc ب")
    (False, True)
    """
    return ARABIC_LETTER_RE.search(text) is not None
