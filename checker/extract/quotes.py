"""Quotations with their speakers.

A span between quote marks (" « » “ ” „) is a quotation when it reads as speech: at least
:data:`MIN_WORDS` words, introduced by a reporting verb (``rules/lexicons/titles.yaml``:
speech_verbs) or a colon in the words before it, or long enough (:data:`LONG_QUOTE` words) to be
speech on its own. Short quoted noun phrases are names of works, organisations or slogans.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context, extractor
from checker.text.chars import match_key
from checker.text.clitics import CONJUNCTIONS

QUOTE_RE = re.compile(
    r'"(?P<a>[^"\n]{3,600})"|«(?P<b>[^»]{3,600})»|“(?P<c>[^”\n]{3,600})”|”(?P<d>[^”\n]{3,600})”|„(?P<e>[^“\n]{3,600})“'
)
MIN_WORDS = 4
LONG_QUOTE = 8
#: how many characters before the quote to look for a reporting verb or colon
LEAD = 60


@lru_cache(maxsize=1)
def speech_markers() -> frozenset[str]:
    words = {match_key(w) for w in lexicons.load("titles").get("speech_verbs", [])}
    return frozenset(words | {c + w for c in CONJUNCTIONS for w in words})


def introduced(text: str, start: int) -> bool:
    """A reporting verb or a colon in the few words before *start*."""
    lead = text[max(0, start - LEAD) : start]
    if ":" in lead[-6:]:
        return True
    words = [match_key(w.strip('،,.:"')) for w in lead.split()[-6:]]
    return any(w in speech_markers() for w in words)


@extractor("quotes")
def extract_quotes(ctx: Context) -> None:
    people = sorted((f for f in ctx.facts if f.type == "person"), key=lambda f: f.start)
    for m in QUOTE_RE.finditer(ctx.text):
        group = next(g for g in "abcde" if m.group(g) is not None)
        inner = m.group(group)
        n = len(inner.split())
        if n < MIN_WORDS or (n < LONG_QUOTE and not introduced(ctx.text, m.start())):
            continue
        a, b = m.start(group), m.end(group)
        sent = ctx.sentence_at(a)
        speaker = None
        for p in people:
            if p.end <= a and p.sentence in (sent, sent - 1):
                speaker = p
        attrs: list[tuple[str, object]] = []
        if speaker is not None:
            attrs.append(("speaker", speaker.value))
        value = " ".join(match_key(inner).split())
        ctx.add("quote", speaker.key if speaker else "", value, inner, a, b, "quotes", attrs, claim=False)
