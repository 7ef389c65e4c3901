"""How much a word looks like a transliterated foreign name: two character language models.

One model is fitted on the Arabic spellings of foreign person-name words (Wikidata, the model's
``FRN`` list), the other on common Arabic words (``wordfreq``'s Arabic list, those spellings
left out). A word's score is the log-ratio of its probability under the two; its band is a
feature of the name model (``TL-3`` … ``TL2``), which lets the model read an unseen foreign name
(فينغر، كاسياس) as a name where the exact-spelling flag ``FRN`` knows only the names it lists.

Both models are fitted once, at training, and frozen into the model folder (``translit.json``), so
the flags never change under a tagger trained on them. Interpolated Witten-Bell estimates over
histories of one to ``order - 1`` letters; ``^`` pads the start of a word and ``$`` ends it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

#: letters of the alphabet the estimates fall back to (folded Arabic letters and the end mark)
ALPHABET = 40
#: a word shorter than this (folded, article and proclitic off) gets no band
MIN_LETTERS = 3
#: band edges on the log-ratio (natural log): below -6 is TL-3, ... from 6 up is TL2
EDGES = (-6.0, -3.0, 0.0, 3.0, 6.0)


class CharLM:
    """A character n-gram model of words: for each history (1 to ``order - 1`` letters) how often
    each letter followed it. Kept as one string per history (``"letters counts,…"``), decoded when
    first asked: reading 100,000 small JSON objects cost more than a whole article's tagging."""

    def __init__(self, packed: dict[str, str], order: int = 4) -> None:
        self.order = order
        self.packed = packed  # history -> "<next letters> <their counts, comma-separated>"
        self._seen: dict[str, tuple[dict[str, int], int, int] | None] = {}

    @classmethod
    def fit(cls, words: Iterable[str], order: int = 4) -> CharLM:
        counts: dict[str, dict[str, int]] = {}
        for w in words:
            padded = "^" * (order - 1) + w + "$"
            for i in range(order - 1, len(padded)):
                ch = padded[i]
                for k in range(1, order):
                    nxt = counts.setdefault(padded[i - k : i], {})
                    nxt[ch] = nxt.get(ch, 0) + 1
        packed = {}
        for h, nxt in sorted(counts.items()):
            letters = "".join(sorted(nxt))
            packed[h] = letters + " " + ",".join(str(nxt[c]) for c in letters)
        return cls(packed, order)

    def _history(self, h: str) -> tuple[dict[str, int], int, int] | None:
        """``({letter: count}, total, distinct letters)`` after history *h*, or None if unseen."""
        try:
            return self._seen[h]
        except KeyError:
            pass
        raw = self.packed.get(h)
        got = None
        if raw is not None:
            letters, _, numbers = raw.rpartition(" ")
            counts = dict(zip(letters, map(int, numbers.split(",")), strict=True))
            got = (counts, sum(counts.values()), len(counts))
        self._seen[h] = got
        return got

    def logprob(self, word: str) -> float:
        """Natural-log probability of *word* (with its end mark)."""
        order = self.order
        padded = "^" * (order - 1) + word + "$"
        total = 0.0
        for i in range(order - 1, len(padded)):
            ch = padded[i]
            p = 1.0 / ALPHABET
            for k in range(1, order):  # shortest history first, each longer one interpolated on it
                seen = self._history(padded[i - k : i])
                if seen:
                    counts, n, types = seen
                    lam = n / (n + types)
                    p = lam * counts.get(ch, 0) / n + (1 - lam) * p
            total += math.log(p)
        return total


class Translit:
    """The two models and the band of a word."""

    def __init__(self, foreign: CharLM, native: CharLM) -> None:
        self.foreign = foreign
        self.native = native
        self.band = lru_cache(maxsize=200_000)(self._band)

    @classmethod
    def fit(cls, foreign: Iterable[str], native: Iterable[str], order: int = 4) -> Translit:
        """Fit on folded words (*native* words that are also *foreign* spellings are left out)."""
        fset = set(foreign)
        return cls(
            CharLM.fit(sorted(fset), order),
            CharLM.fit(sorted({w for w in native if w not in fset}), order),
        )

    def score(self, word: str) -> float:
        """log P(word | foreign names) - log P(word | common words)."""
        return self.foreign.logprob(word) - self.native.logprob(word)

    def _band(self, word: str) -> str | None:
        """``TL-3`` … ``TL2`` for a folded word of at least :data:`MIN_LETTERS` letters."""
        if len(word) < MIN_LETTERS:
            return None
        s = self.score(word)
        return f"TL{sum(s >= e for e in EDGES) - 3}"

    def to_json(self) -> dict[str, Any]:
        return {"order": self.foreign.order, "foreign": self.foreign.packed, "native": self.native.packed}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Translit:
        order = int(data["order"])
        return cls(CharLM(data["foreign"], order), CharLM(data["native"], order))


def common_words(limit: int = 60_000) -> list[str]:
    """The *limit* most frequent Arabic words of ``wordfreq`` that are one word of Arabic letters,
    folded, the article taken off (as the name model's stems are)."""
    import wordfreq

    from checker.text.chars import match_key

    out: list[str] = []
    for w in wordfreq.iter_wordlist("ar"):
        k = match_key(w)
        if not k or " " in k or not all("\u0621" <= c <= "\u064a" for c in k):
            continue
        if k.startswith("ال") and len(k) > 4:
            k = k[2:]
        out.append(k)
        if len(out) >= limit:
            break
    return out
