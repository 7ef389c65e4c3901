"""The words of an article for the people scan (glued tokens split in two) and the titles
lexicon read over them: which words open a title (وزير الخارجية), a weak title (المدير), a deputy's
title (نائب), or name the post a person is given (مستشارا)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context
from checker.text.chars import match_key
from checker.text.words import split_glued, strip_proclitic, zipf


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    norm: str
    pos: str
    glued: bool  # one half of a glued token

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalpha()


def words(ctx: Context) -> list[Word]:
    """The article's word tokens with glued tokens split in two (cached on the context)."""
    cached = ctx.cache.get("words")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: list[Word] = []
    for tok in ctx.analysis.tokens:
        split = (split_glued(tok.text) or _trailing_preposition(tok.text)) if tok.is_word else None
        if split:
            left, right, _ = split
            cut = tok.start + len(left)
            # the model tagged the glued token as a whole: its tag says nothing about either half
            out.append(Word(tok.start, cut, left, match_key(left), "", True))
            out.append(Word(cut, tok.end, right, match_key(right), "", True))
        else:
            out.append(Word(tok.start, tok.end, tok.text, tok.norm, tok.pos, False))
    ctx.cache["words"] = out
    return out


#: how many of the lexicon's prepositions (the first, most common) are looked for glued to a name
TRAILING_PREPOSITIONS = 6
#: a name glued to a following preposition must be at least this known a word
TRAILING_NAME_ZIPF = 2.5


def _trailing_preposition(word: str) -> tuple[str, str, float] | None:
    """An unknown word ending in a preposition (بوتينعن): the name boundary, for name spans only."""
    if zipf(word) > 0:
        return None
    for p in lexicons.load("stopwords")["prepositions"][:TRAILING_PREPOSITIONS]:
        left = word[: -len(p)]
        # the name before must be known to the frequency list (بيربوك), so ليبرمن stays whole
        if word.endswith(p) and len(left) >= 3 and zipf(left) >= TRAILING_NAME_ZIPF:
            return left, p, 0.0
    return None


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """The verbs of saying (``speech_verbs`` of ``rules/lexicons/titles.yaml``), folded."""
    return frozenset(match_key(w) for w in lexicons.load("titles").get("speech_verbs", []))


@lru_cache(maxsize=1)
def body_after() -> frozenset[str]:
    """Last words of a title that a body must follow before the name (باسم), folded."""
    return frozenset(match_key(w) for w in lexicons.load("titles").get("body_after", []))


@lru_cache(maxsize=1)
def weak_titles() -> frozenset[str]:
    return frozenset(match_key(t) for t in lexicons.load("titles").get("weak_titles", []))


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Single-word heads of organisation names (حزب، وزارة، شركة), folded."""
    return frozenset(match_key(h) for h in lexicons.load("heads")["org_heads"] if " " not in h)


#: after a weak title, a first name word this frequent must be a given name or tagged PROPN
WEAK_TITLE_ZIPF = 3.5


@lru_cache(maxsize=1)
def title_lexicon() -> tuple[dict[str, int], frozenset[str]]:
    data = lexicons.load("titles")
    titles: dict[str, int] = {}
    for t in data["titles"]:
        key = match_key(t)
        if key.endswith(".") and " " not in key:
            key = key[:-1] + " ."  # an abbreviation (د.): the tokenizer cuts its dot off
        titles[key] = len(key.split())
    quals = frozenset(match_key(q) for q in data["qualifiers"])
    return titles, quals


@lru_cache(maxsize=1)
def deputy_words() -> frozenset[str]:
    """Single words that make a title a deputy's (نائب، مساعد، وكيل), folded."""
    words = lexicons.load("titles").get("deputy_words", [])
    return frozenset(match_key(w) for w in words if " " not in w)


def with_deputy(ws: list[Word], i: int) -> int:
    """*i*, or the word before it when that is a deputy word joined to it (نائب رئيس الإدارة)."""
    return i - 1 if i > 0 and ws[i - 1].norm in deputy_words() and ws[i].start - ws[i - 1].end <= 1 else i


def title_word(w: Word) -> bool:
    titles, _ = title_lexicon()
    return titles.get(w.norm) == 1 or w.norm in weak_titles()


def accusative_title(w: Word) -> bool:
    """A one-word title with the accusative ending (مستشارا، سفيرا، وزيرا): the post a name is
    given (عين فلان مستشارا), not a family name."""
    titles, _ = title_lexicon()
    return len(w.norm) > 3 and w.norm.endswith("ا") and titles.get(w.norm[:-1]) == 1


def match_title(ws: list[Word], i: int, titles: dict[str, int]) -> int:
    """Number of words of a title starting at word *i* (0 if none); the first may carry و/ف."""
    first = ws[i].norm
    clitic, bare = strip_proclitic(ws[i].text)
    cands = {first, match_key(bare)}
    if clitic[1:] in ("ال", "لل") and clitic[:1] in ("و", "ف"):
        cands.add(match_key("ال" + bare))  # والعريف، فالدكتور: the conjunction glued to الـ
    for n in (3, 2, 1):
        if i + n > len(ws):
            continue
        for c in cands:
            phrase = " ".join([c] + [w.norm for w in ws[i + 1 : i + n]])
            if titles.get(phrase) == n:
                return n
    return 0
