"""Quotations with their speakers.

A span between quote marks (" « » “ ” „) is a quotation when it reads as speech: at least
:data:`MIN_WORDS` words, introduced by a reporting verb (``rules/lexicons/titles.yaml``:
speech_verbs) or a colon in the words before it, or long enough (:data:`LONG_QUOTE` words) to be
speech on its own. Short quoted noun phrases are names of works, organisations or slogans.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import lru_cache

from checker.extract.base import Context, extractor, stopwords
from checker.extract.heads import one_word_heads
from checker.extract.titles import speech_verbs
from checker.model import Fact
from checker.text import recache
from checker.text.chars import match_key
from checker.text.clitics import CONJUNCTIONS
from checker.text.words import light_stem, plain_words

#: a pair of quote marks and what they hold. Straight quotes open and close alike, so they pair
#: in order of appearance whatever they hold: a short quoted item ("42") is matched and skipped
#: later, never left for its closing mark to open a false quotation up to the next pair.
QUOTE_RE = recache.compile(r'"(?P<a>[^"\n]+)"|«(?P<b>[^»]+)»|“(?P<c>[^”\n]+)”|”(?P<d>[^”\n]+)”|„(?P<e>[^“\n]+)“')
#: quoted spans longer than this are not read as one quotation
MAX_QUOTE_CHARS = 600
MIN_WORDS = 4
LONG_QUOTE = 8
#: how many characters before the quote to look for a reporting verb or colon
LEAD = 60


@lru_cache(maxsize=1)
def speech_markers() -> frozenset[str]:
    words = speech_verbs()
    return frozenset(words | {c + w for c in CONJUNCTIONS for w in words})


def introduced(text: str, start: int) -> bool:
    """A reporting verb or a colon in the few words before *start*."""
    lead = text[max(0, start - LEAD) : start]
    if ":" in lead[-6:]:
        return True
    words = [match_key(w.strip('،,.:"')) for w in lead.split()[-6:]]
    return any(w in speech_markers() for w in words)


def _closed(inner: str, start: int) -> tuple[str, int, int]:
    """A «…» whose text opens another « was never closed (the mark that ends it closes a later
    quotation): it ends with its paragraph. Returns the quotation's text and offsets."""
    inner_open = inner.find("«")
    if inner_open >= 0:
        line = inner.find("\n")
        inner = inner[: line if 0 <= line < inner_open else inner_open].rstrip()
    return inner, start, start + len(inner)


#: what a straight quote mark's span starts with when the mark closed a quotation (a stray one:
#: «…واستقرارها". واستهل والد الشهيد … وقال: "…»): the next mark opens the real one
STRAY_OPENING = tuple(".،,؛;!؟?")


def _pairs(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Quote spans in order, each with the group that holds its text. A straight-quoted span that
    starts with closing punctuation or ends with a colon lies between a stray closing mark and the
    next opening one: it is skipped, and its closing mark opens the next span."""
    pos = 0
    while True:
        m = QUOTE_RE.search(text, pos)
        if m is None:
            return
        group = next(g for g in "abcde" if m.group(g) is not None)
        inner = m.group(group).strip()
        stray = inner.startswith(STRAY_OPENING) and not inner.startswith("..")  # "...وسنواصل": an ellipsis
        if group == "a" and (stray or inner.endswith(":")):
            pos = m.end() - 1  # the closing mark opens the next quotation
            continue
        yield m, group
        pos = m.end()


#: a quotation with no speaker named near it is the last speaker's when it starts within this many
#: characters of his quotation's end and no one else is named between («وأضاف "..."»، «وتابع: "..."»)
SPEAKER_CARRIES = 200


def _after_head_noun(text: str, start: int) -> bool:
    """The word right before the opening mark is the head noun of a body or place (منظمة، صحيفة)."""
    before = text[max(0, start - 30) : start].split()
    if not before:
        return False
    word = match_key(before[-1].strip("،,:"))
    bare = word[2:] if word.startswith("ال") else word
    return word in one_word_heads() or bare in one_word_heads()


@extractor("quotes")
def extract_quotes(ctx: Context) -> None:
    people = sorted((f for f in ctx.facts if f.type == "person"), key=lambda f: f.start)
    last: tuple[Fact, int] | None = None  # the last speaker and where his quotation ends
    for m, group in _pairs(ctx.text):
        inner, a, b = _closed(m.group(group), m.start(group))
        n = len(inner.split())
        if len(inner) > MAX_QUOTE_CHARS or n < MIN_WORDS or (n < LONG_QUOTE and not introduced(ctx.text, m.start())):
            continue
        if n < LONG_QUOTE and _after_head_noun(ctx.text, m.start()):
            continue  # «مدير منظمة "بابلك سيتيزن غلوبال تريد ووتش"»: a body's name, nobody's words
        sent = ctx.sentence_at(a)
        speaker = None
        for p in people:
            if p.end <= a and p.sentence in (sent, sent - 1):
                speaker = p
        if speaker is None and last is not None and a - last[1] <= SPEAKER_CARRIES:
            if not any(last[1] <= p.start < a for p in people):
                speaker = last[0]  # «وأضاف "..."»: the same speaker goes on, no one named between
        if speaker is not None:
            last = (speaker, b)
        attrs: list[tuple[str, object]] = []
        if speaker is not None:
            attrs.append(("speaker", speaker.value))
        value = " ".join(match_key(inner).split())
        ctx.add("quote", speaker.key if speaker else "", value, inner, a, b, "quotes", attrs, claim=False)


#: a quotation another article carries as reported speech keeps this share of its content words
#: within a stretch of that article twice the quotation's length
ECHO_SHARE = 0.6
#: quotations with fewer content words than this are never taken as echoed (too little evidence)
ECHO_MIN_WORDS = 4
#: a looser share that is enough when this many content words or more are carried (a long
#: statement retold in another wire's words: «سيعقد اجتماعًا ثلاثيًا» / «يعقد ... اجتماع ثلاثي»)
ECHO_LOOSE_SHARE = 0.55
ECHO_LOOSE_WORDS = 5


def _content_words(folded: str) -> list[str]:
    """Light stems of the content words (another agency's wording: ستجعل / سيجعل)."""
    stops = stopwords()
    return [st for w in plain_words(folded) if w not in stops and len(w) > 1 and (st := light_stem(w) or w)]


def echoed(quote: str, other: list[str]) -> bool:
    """Another article's words (*other*, folded content words in order) carry the folded quotation
    *quote* unquoted: most of its content words within a stretch of twice its length (قال إن …
    instead of قال: «…»; a paraphrase that keeps the words)."""
    wanted = set(_content_words(quote))
    if len(wanted) < ECHO_MIN_WORDS:
        return False
    width = 2 * len(wanted)
    hits = [(i, w) for i, w in enumerate(other) if w in wanted]
    need = min(ECHO_SHARE * len(wanted), max(ECHO_LOOSE_SHARE * len(wanted), ECHO_LOOSE_WORDS))
    counts: dict[str, int] = {}
    lo = 0
    for i, w in hits:
        counts[w] = counts.get(w, 0) + 1
        while hits[lo][0] <= i - width:
            left = hits[lo][1]
            counts[left] -= 1
            if not counts[left]:
                del counts[left]
            lo += 1
        if len(counts) >= need:
            return True
    return False


def mark_echoed(contexts: list[Context]) -> None:
    """Mark the quotations that another article of the story carries as reported speech (attr
    ``echoed``): not one outlet's own quotation."""
    words = {ctx.article.id: _content_words(match_key(ctx.text)) for ctx in contexts}
    for ctx in contexts:
        out = []
        for f in ctx.facts:
            if f.type == "quote" and any(echoed(f.value, w) for a, w in words.items() if a != ctx.article.id):
                f = dataclasses.replace(f, attrs=(*f.attrs, ("echoed", True)))
            out.append(f)
        ctx.facts = out
