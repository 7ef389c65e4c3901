"""Tokens and sentences with offsets into the original text.

The tokenizer and sentence splitter are our own and deterministic, so facts and offsets are the
same with or without a model (:mod:`checker.text.tagger` adds a model's tags onto these tokens).
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.text import recache
from checker.text.chars import BIDI_MARKS, DIGITS, WORD_LETTERS, WORD_MARKS

# A token: a run of Arabic letters (with marks/tatweel), or of digits with inner separators, or of
# Latin letters; anything else that is not space is a one-character punctuation token.
_BIDI = "".join(sorted(BIDI_MARKS))
TOKEN_RE = recache.compile(
    rf"[{WORD_LETTERS}{WORD_MARKS}]+"
    rf"|[{DIGITS}]+(?:[.,\u066b\u066c{_BIDI}][{DIGITS}]+)*"
    r"|[A-Za-z]+"
    rf"|[^\s{_BIDI}]"
)
# sentence ends: . ! ? ؟ (not between digits), or a blank line / newline
_SENT_END_RE = recache.compile(r"(?<![0-9])[.!?\u061f](?![0-9])|\n+")


@dataclass(frozen=True)
class Token:
    i: int
    start: int
    end: int
    text: str
    norm: str  # match_key of the text
    pos: str = ""  # UPOS hint from the model, "" without a model
    lemma: str = ""

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalpha()


@dataclass(frozen=True)
class Analysis:
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]  # (first token index, end token index)
    model: str

    def sentence_of(self, token_index: int) -> int:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            a, b = self.sentences[mid]
            if token_index < a:
                hi = mid - 1
            elif token_index >= b:
                lo = mid + 1
            else:
                return mid
        return max(0, min(len(self.sentences) - 1, lo))

    def token_at(self, offset: int) -> int:
        """Index of the first token ending after *offset*."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo


def tokenize(text: str) -> list[tuple[int, int]]:
    """Our tokenizer: offsets of word, number and punctuation tokens.

    >>> text = "قال ميركل، إن 12 دولة"
    >>> [text[a:b] for a, b in tokenize(text)]
    ['قال', 'ميركل', '،', 'إن', '12', 'دولة']
    """
    return [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def split_sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group token indexes into sentences at . ! ? ؟ and newlines."""
    ends = sorted(m.end() for m in _SENT_END_RE.finditer(text))
    out: list[tuple[int, int]] = []
    first = 0
    j = 0
    for i, (a, _b) in enumerate(spans):
        while j < len(ends) and ends[j] <= a:
            j += 1
            if i > first:
                out.append((first, i))
                first = i
    if first < len(spans):
        out.append((first, len(spans)))
    return out or [(0, 0)]
