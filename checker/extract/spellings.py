"""Words spelled two ways across the articles of a story (or within one): a hamza written or left
out (الإنجليزية / الانجليزية), its seat (مسؤول / مسئول، الهادئ / الهادىء), teh marbuta for heh
(التوجيه / التوجية), a madda (آلية / الية), a tatweel stretch (العمــل / العمل). Found across
articles, so it runs after extraction (:func:`checker.stages.cross_article`); it emits ``word``
facts for the variant rule VR103, one per spelling and article (the first mention), only for words
that have two spellings."""

from __future__ import annotations

from collections import defaultdict

from checker.extract.base import Context, Spans, stopwords
from checker.model import Fact
from checker.text.chars import match_key, strip_marks_but_tatweel

#: shorter words are function words or too ambiguous (أن / إن)
MIN_LETTERS = 4
#: facts of these types carry their own spelling variants (VR101, VR102)
NAMED = ("person", "place", "org", "nationality", "term")
_SEATS = str.maketrans({"ؤ": "ء", "ئ": "ء"})


def spelling_key(word: str) -> str:
    """A word's spelling folded of hamza forms and seats, teh marbuta, alef maqsura and marks.

    >>> spelling_key("مسؤول") == spelling_key("مسئول"), spelling_key("الهادئ") == spelling_key("الهادىء")
    (True, True)
    """
    return match_key(word).replace("يء", "ء").translate(_SEATS)


def word_variants(contexts: list[Context]) -> list[Fact]:
    """``word`` facts for the words written two or more ways in the story."""
    stops = stopwords()
    seen: dict[str, dict[str, list[tuple[Context, int, int]]]] = defaultdict(lambda: defaultdict(list))
    for ctx in contexts:
        named = Spans((f.start, f.end) for f in ctx.facts if f.type in NAMED)
        for tok in ctx.analysis.tokens:
            form = strip_marks_but_tatweel(tok.text)
            if not tok.is_word or len(form) < MIN_LETTERS or tok.norm in stops:
                continue
            if named.overlaps(tok.start, tok.end):
                continue
            seen[spelling_key(form)][form].append((ctx, tok.start, tok.end))
    out: list[Fact] = []
    for key in sorted(seen):
        forms = seen[key]
        if len(forms) < 2:
            continue
        for form in sorted(forms):
            firsts: dict[str, tuple[Context, int, int]] = {}
            for ctx, start, end in forms[form]:
                firsts.setdefault(ctx.article.id, (ctx, start, end))
            for ctx, start, end in firsts.values():
                text = ctx.text[start:end]
                out.append(
                    Fact(
                        ctx.article.id,
                        "word",
                        key,
                        key,
                        form,
                        start,
                        end,
                        text,
                        ctx.sentence_at(start),
                        "words.spelling",
                    )
                )
    return out
