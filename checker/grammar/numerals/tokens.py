"""The folded text cut into the tokens the number grammar reads, with the gaps between them.

Token kinds: ``n`` digits (with inner separators), ``a`` Arabic letters, ``l`` Latin letters,
``p`` anything else. A gap says how a token follows the previous one: 0 glued, 1 spaces, 2 a
newline (or the start of the text); a number never continues across a newline.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.text import recache
from checker.text.chars import ALPHABET, DIACRITICS, TATWEEL, WORD_LETTERS

_TOKEN_RE = recache.compile(
    r"(?P<n>[0-9]+(?:[.,\u066b\u066c][0-9]+)*)"
    rf"|(?P<a>[{WORD_LETTERS}]+)"
    r"|(?P<l>[A-Za-z_]+)"
    r"|(?P<p>\S)"
)
_PHONE_RE = recache.compile(
    r"(?<![0-9A-Za-z])(?:\+|00)[0-9][0-9 ()\-]{6,}[0-9]"
    r"|(?<![0-9A-Za-z.,])\(?0[0-9]{1,3}\)?[ \-][0-9]{3,4}[ \-]?[0-9]{3,4}(?![0-9])"
    r"|(?<![0-9A-Za-z.,])0[0-9]{8,11}(?![0-9])"
)
#: a text without a digit or an Arabic letter has no number
QUICK_RE = recache.compile(f"[0-9{ALPHABET}]")
DASHES = frozenset("-\u2013\u2014\u2212")
MINUS = frozenset("-\u2212")
_NEVER_NEXT_TO = frozenset("@#_\\")
_SKIP_IF_DIGIT_BEYOND = frozenset(":/")
#: marks kept at the end of a number's span (a final tanwin or tatweel)
TRAILING_MARKS = DIACRITICS | {TATWEEL}


class TokenStream:
    """Tokens of a folded text, as parallel lists (``kinds``, ``starts``, ``ends``, ``texts``,
    ``gaps``), plus the original text and the index map back to it."""

    def __init__(self, folded: str, original: str, index: Sequence[int]) -> None:
        self.s = folded
        self.original = original
        self.index = index
        kinds: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        texts: list[str] = []
        gaps: list[int] = []  # 0: glued to the previous token, 1: spaces, 2: newline / start
        prev_end = -1
        for m in _TOKEN_RE.finditer(folded):
            a, b = m.span()
            kinds.append(m.lastgroup or "p")
            starts.append(a)
            ends.append(b)
            texts.append(m.group())
            if prev_end < 0:
                gaps.append(2)
            elif prev_end == a:
                gaps.append(0)
            else:
                gaps.append(2 if "\n" in folded[prev_end:a] else 1)
            prev_end = b
        self.kinds, self.starts, self.ends, self.texts, self.gaps = kinds, starts, ends, texts, gaps
        self.n = len(kinds)
        self.phones = [m.span() for m in _PHONE_RE.finditer(folded)] if "0" in folded or "+" in folded else []

    def near(self, t: int) -> bool:
        """Token t follows the previous one on the same line (glued or separated by spaces)."""
        return t < self.n and self.gaps[t] < 2

    def ar(self, t: int) -> str | None:
        """The text of token t if it is an Arabic word, else None."""
        return self.texts[t] if 0 <= t < self.n and self.kinds[t] == "a" else None

    def digits_ok(self, t: int) -> bool:
        """The digits at token t may be a number: not part of a code (F-16), a time, a phone number."""
        s, a, b = self.s, self.starts[t], self.ends[t]
        before = s[a - 1] if a > 0 else " "
        after = s[b] if b < len(s) else " "
        if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
            return False
        if before in _NEVER_NEXT_TO or after in _NEVER_NEXT_TO:
            return False
        if before in _SKIP_IF_DIGIT_BEYOND and a > 1 and s[a - 2].isdigit():
            return False
        if after in _SKIP_IF_DIGIT_BEYOND and b + 1 < len(s) and s[b + 1].isdigit():
            return False
        if before in DASHES and a > 1 and s[a - 2].isascii() and s[a - 2].isalpha():
            return False  # F-16, COVID-19
        if after in DASHES and b + 1 < len(s) and s[b + 1].isascii() and s[b + 1].isalpha():
            return False
        for pa, pb in self.phones:
            if pa <= a < pb:
                return False
        return True
