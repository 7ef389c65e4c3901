"""Shared machinery for extractors: the per-article context, word stems and the registry."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from checker import lexicons
from checker.model import Article, Fact
from checker.text.chars import Index, fold_with_map, match_key
from checker.text.clitics import ARTICLE, STEM_SUFFIXES
from checker.text.tokenize import Analysis
from checker.text.words import strip_proclitic

DEFINITE = ARTICLE


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(match_key(w) for w in lexicons.load("stopwords")["stopwords"])


@lru_cache(maxsize=1)
def plurals() -> dict[str, str]:
    data = lexicons.load("nouns")
    return {match_key(k): match_key(v) for k, v in data.get("plurals", {}).items()}


def strip_clitics(word: str) -> str:
    """Remove a glued proclitic (validated by word frequency) and the article; returns folded text.

    >>> strip_clitics("وبالدول"), strip_clitics("للتحالف"), strip_clitics("باريس")
    ('دول', 'تحالف', 'باريس')
    """
    _, w = strip_proclitic(word)
    w = match_key(w)
    if w.startswith(DEFINITE) and len(w) >= 5:
        w = w[2:]
    return w


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem for matching and context: folded, clitics and article removed, a broken plural
    mapped to its singular (``rules/lexicons/nouns.yaml``), one common suffix removed.

    >>> stem("الدول") == stem("دولة") == stem("دولا")
    True
    """
    w = match_key(word)
    if not w:
        return w
    table = plurals()
    for cand in (w, w[2:] if w.startswith(DEFINITE) else w):
        if cand in table:
            w = table[cand]
            break
    else:
        w = strip_clitics(word)
        if w in table:
            w = table[w]
    if w.startswith(DEFINITE) and len(w) >= 5:
        w = w[2:]
    return _bare_stem(w)


def counted_key(noun: str) -> str:
    """The key of a count of *noun*: its :func:`stem`, one unit for synonyms (``synonyms`` of
    nouns.yaml: سبع دول / سبعة بلدان، 5 أعوام / 5 سنوات). Only counts: «للسنة الثامنة» and «للعام
    الرابع والثمانين» may rank different things."""
    w = stem(noun)
    return _synonyms().get(w, w)


def _bare_stem(w: str) -> str:
    for s in STEM_SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            return w[: -len(s)]
    if w.endswith("ا") and len(w) >= 4:  # accusative tanwin alef: دولا
        return w[:-1]
    return w


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    """``synonyms`` of nouns.yaml, both sides stemmed: بلد -> دول, عام -> سنه."""
    table = plurals()
    out = {}
    for k, v in lexicons.load("nouns").get("synonyms", {}).items():
        a, b = (_bare_stem(table.get(match_key(x), match_key(x))) for x in (k, v))
        out[a] = b
    return out


class Spans:
    """Character spans with logarithmic look-ups (an article has thousands; a scan of every span
    per word made long articles quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(set(spans))
        self.starts = [a for a, _ in self.spans]
        #: the longest span seen so far at each position: how far back a containing span may start
        self.reach: list[int] = []
        best = -1
        for _, b in self.spans:
            best = max(best, b)
            self.reach.append(best)

    def _candidates(self, end: int) -> Iterable[tuple[int, int]]:
        """Spans that start before *end*, latest first, while one of them may still reach past."""
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0:
            yield self.spans[i]
            if i == 0 or self.reach[i - 1] <= self.spans[i][0]:
                return  # nothing earlier ends after this span starts
            i -= 1

    def overlaps(self, start: int, end: int) -> bool:
        return any(start < b for _, b in self._candidates(end) if b > start)

    def inside(self, start: int, end: int) -> tuple[int, int] | None:
        """The span that contains ``[start, end)``, or None."""
        for a, b in self._candidates(end):
            if a <= start and end <= b:
                return (a, b)
        return None


@dataclass
class Context:
    """Everything an extractor may read about one article, plus the facts found so far."""

    article: Article
    analysis: Analysis
    ref: dt.date | None
    facts: list[Fact] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)  # spans claimed by earlier extractors
    cache: dict[str, Any] = field(default_factory=dict)
    #: people introduced with a title here: (name key, name, role), for the other articles to find
    introduced: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def folded(self) -> tuple[str, Index]:
        """The text folded for matching (teh marbuta folded too) and its index back to the text
        (:func:`checker.text.chars.fold_with_map`), made once per article for every extractor."""
        hit = self.cache.get("folded")
        if hit is None:
            hit = self.cache["folded"] = fold_with_map(self.text, teh_marbuta=True)
        return hit  # type: ignore[no-any-return]

    def overlaps_taken(self, start: int, end: int) -> bool:
        return any(self._mask()[start:end])

    def _mask(self) -> bytearray:
        """One byte per character, set where an extractor claimed the text (kept up to date)."""
        mask = self.cache.get("taken_mask")
        if mask is None:
            mask = bytearray(len(self.text) + 1)
            for a, b in self.taken:
                mask[a:b] = b"\x01" * (b - a)
            self.cache["taken_mask"] = mask
        return mask  # type: ignore[no-any-return]

    def claim(self, start: int, end: int) -> None:
        self.taken.append((start, end))
        if "taken_mask" in self.cache:
            self.cache["taken_mask"][start:end] = b"\x01" * (end - start)

    def sentence_at(self, offset: int) -> int:
        return self.analysis.sentence_of(min(self.analysis.token_at(offset), max(0, len(self.analysis.tokens) - 1)))

    def context_words(self, start: int, end: int, window: int = 10) -> frozenset[str]:
        """Stems of content words within *window* tokens of the span, inside its sentence."""
        an = self.analysis
        if not an.tokens:
            return frozenset()
        i = an.token_at(start)
        j = an.token_at(max(start, end - 1))
        s = an.sentence_of(min(i, len(an.tokens) - 1))
        lo, hi = an.sentences[s]
        stops = stopwords()
        out = set()
        for k in range(max(lo, i - window), min(hi, j + window + 1)):
            if i <= k <= j:
                continue
            tok = an.tokens[k]
            if not tok.is_word or tok.norm in stops or len(tok.norm) < 2:
                continue
            st = stem(tok.text)
            if st and st not in stops:
                out.add(st)
        return frozenset(out)

    def lead_words(self, start: int, n: int = 3) -> tuple[str, ...]:
        """Stems of the *n* content words right before *start* in its sentence: what a figure is
        about ("مقابل أرباح 92 مليون" vs "مصاريف الزكاة ب 58 مليون")."""
        an = self.analysis
        if not an.tokens:
            return ()
        i = an.token_at(start)
        s = an.sentence_of(min(i, len(an.tokens) - 1))
        lo, _ = an.sentences[s]
        stops = stopwords()
        out: list[str] = []
        for k in range(i - 1, lo - 1, -1):
            tok = an.tokens[k]
            if not tok.is_word or tok.norm in stops or len(tok.norm) < 2:
                continue
            out.append(stem(tok.text))
            if len(out) == n:
                break
        return tuple(sorted(set(out)))

    def add(
        self,
        type_: str,
        key: str,
        value: Any,
        display: str,
        start: int,
        end: int,
        extractor: str,
        attrs: Iterable[tuple[str, Any]] = (),
        claim: bool = True,
    ) -> Fact:
        fact = Fact(
            article=self.article.id,
            type=type_,
            key=key,
            value=value,
            display=display,
            start=start,
            end=end,
            text=self.text[start:end],
            sentence=self.sentence_at(start),
            extractor=extractor,
            context=self.context_words(start, end),
            attrs=tuple(attrs),
        )
        self.facts.append(fact)
        if claim:
            self.claim(start, end)
        return fact


Extractor = Callable[[Context], None]
REGISTRY: dict[str, Extractor] = {}


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor under *name*; they run in registration order."""

    def deco(fn: Extractor) -> Extractor:
        REGISTRY[name] = fn
        return fn

    return deco
