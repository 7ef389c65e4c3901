"""Quotations between quote marks, with the nearest person before them as speaker."""

from __future__ import annotations

import re

from checker.extract.base import Context, extractor
from checker.normalize.chars import match_key

QUOTE_RE = re.compile(r'"([^"\n]{3,400})"|«([^»\n]{3,400})»|“([^”\n]{3,400})”')
MIN_WORDS = 3


@extractor("quotes")
def extract_quotes(ctx: Context) -> None:
    people = sorted((f for f in ctx.facts if f.type == "person"), key=lambda f: f.start)
    for m in QUOTE_RE.finditer(ctx.text):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        inner = m.group(group)
        if len(inner.split()) < MIN_WORDS:
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
        ctx.add("quote", speaker.key if speaker else "", match_key(inner), inner, a, b, "quotes", attrs, claim=False)
