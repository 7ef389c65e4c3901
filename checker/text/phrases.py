"""Find the longest listed phrase at a position by dictionary lookups, not by one big regex.

A regex alternation of thousands of names (``a|b|…``, longest first) costs about 0.05 s to compile
at every start, more than matching them. :class:`Phrases` gives the same answer from a set: the
phrase's first letter run is looked up first (almost every position stops there), then each place
the phrase could end (before a non-letter, not after a space), with runs of whitespace read as one
space, the way ``\\s+`` matches between the words of a listed phrase.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.text import recache


class Phrases:
    """A set of phrases (single spaces between words) over text whose letters are *letters*.

    >>> p = Phrases(["باريس", "الشرق الأوسط", "الشرق"], letters=set("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآءئؤةى"))
    >>> text = "في الشرق  الأوسط وباريس"
    >>> end = p.longest(text, 3)
    >>> text[3:end]
    'الشرق  الأوسط'
    >>> p.longest(text, 18), p.longest(text, 17)
    (23, None)
    """

    def __init__(self, phrases: Iterable[str], letters: set[str] | frozenset[str]) -> None:
        self.phrases = frozenset(phrases)
        self.letters = letters
        self._run = recache.compile("[" + "".join(_escaped(ch) for ch in sorted(letters)) + "]*").match
        self.heads = frozenset(self._head(p, 0) for p in self.phrases)
        self.max_len = max((len(p) for p in self.phrases), default=0)
        self.max_spaces = max((p.count(" ") for p in self.phrases), default=0)

    def _head(self, text: str, at: int) -> str:
        """The run of letters at *at* (empty when *at* is not a letter)."""
        m = self._run(text, at)
        return text[at : m.end()] if m else ""

    def longest(self, text: str, at: int) -> int | None:
        """The end of the longest phrase written at *at* and not followed by a letter, or None."""
        head = self._head(text, at)
        if not head or head not in self.heads:
            return None
        best: int | None = None
        best_len = 0
        parts: list[str] = []  # the candidate, its whitespace runs read as one space
        spaces = 0
        j, n = at, len(text)
        while True:
            if j == n or text[j] not in self.letters:
                key = "".join(parts)
                if key and key[-1] != " " and key in self.phrases and len(key) > best_len:
                    best, best_len = j, len(key)
            if j == n or len(parts) > self.max_len:
                break
            if text[j].isspace():
                if spaces == self.max_spaces:
                    break
                while j < n and text[j].isspace():
                    j += 1
                parts.append(" ")
                spaces += 1
                continue
            parts.append(text[j])
            j += 1
        return best


def _escaped(ch: str) -> str:
    """*ch* as it stands inside a character class."""
    return "\\" + ch if ch in "\\]^-[" else ch
