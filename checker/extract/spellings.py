"""Words spelled two ways across the articles of a story (or within one): a hamza written or left
out (الإنجليزية / الانجليزية), its seat (مسؤول / مسئول، الهادئ / الهادىء), teh marbuta for heh
(التوجيه / التوجية), a madda (آلية / الية), a tatweel stretch (العمــل / العمل). Found across
articles, so it runs after extraction (:func:`checker.stages.cross_article`); it emits ``word``
facts for the variant rule VR103, one per spelling and article (the first mention), only for words
that have two spellings."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context, Spans
from checker.model import Fact
from checker.text.chars import fold, match_key, strip_marks_but_tatweel
from checker.text.tokenize import Token

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


#: the first word of compound names written glued or apart (عبدالعزيز / عبد العزيز، عبدربه / عبد ربه)
COMPOUND_HEADS = ("عبد",)

Seen = dict[str, dict[str, list[tuple[Context, int, int]]]]


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    """Stop words folded with teh marbuta kept: آلية / الية is no spelling of إليه."""
    return frozenset(fold(w) for w in lexicons.load("stopwords")["stopwords"])


def _words(contexts: list[Context]) -> tuple[Seen, set[str]]:
    """Each word's spellings and mentions, and the keys of words seen outside any name."""
    stops = _stops()
    seen: Seen = defaultdict(lambda: defaultdict(list))
    free: set[str] = set()
    for ctx in contexts:
        named = Spans((f.start, f.end) for f in ctx.facts if f.type in NAMED)
        toks = [t for t in ctx.analysis.tokens if t.is_word]
        for i, tok in enumerate(toks):
            form = strip_marks_but_tatweel(tok.text)
            compound = _compound(toks, i)
            if compound is not None:
                key = spelling_key(compound[0].replace(" ", ""))
                seen[key][compound[0]].append((ctx, compound[1], compound[2]))
                free.add(key)  # a spelling convention, whether in a name or not
            if len(form) < MIN_LETTERS or fold(form) in stops:
                continue
            key = spelling_key(form)
            if not named.overlaps(tok.start, tok.end):
                free.add(key)
            seen[key][form].append((ctx, tok.start, tok.end))
    return seen, free


def _compound(toks: list[Token], i: int) -> tuple[str, int, int] | None:
    """A compound name at token *i*, glued (عبدالعزيز) or apart (عبد العزيز): (form, start, end)."""
    form = strip_marks_but_tatweel(toks[i].text)
    for head in COMPOUND_HEADS:
        if form.startswith(head) and len(form) >= len(head) + 3:
            return form, toks[i].start, toks[i].end
        if form == head and i + 1 < len(toks) and toks[i + 1].start - toks[i].end == 1:
            nxt = strip_marks_but_tatweel(toks[i + 1].text)
            return f"{form} {nxt}", toks[i].start, toks[i + 1].end
    return None


def word_variants(contexts: list[Context]) -> list[Fact]:
    """``word`` facts for the words written two or more ways in the story. A word inside a name
    counts when the story also uses it outside names (مسئول التدريب taken into a person's name,
    مسؤول elsewhere); compound names count written glued or apart (عبدالعزيز / عبد العزيز)."""
    seen, free = _words(contexts)
    out: list[Fact] = []
    for key in sorted(seen):
        if key not in free:
            continue
        for sub_key, forms in _by_final_yeh(key, seen[key]):
            if len(forms) >= 2:
                out += _facts(sub_key, forms)
    return out


Mentions = dict[str, list[tuple[Context, int, int]]]


def _by_final_yeh(key: str, forms: Mentions) -> list[tuple[str, Mentions]]:
    """The spellings of one word, split by a final alef maqsura or yeh when one article writes
    both: that writer tells «أولى» ("first") from «أولي» ("preliminary"), so the two are two words.
    A writer who puts ي for every final ى writes one of them only, and stays one word's variant."""
    ends: dict[str, set[str]] = defaultdict(set)
    for form, mentions in forms.items():
        if form[-1:] in "ىي":
            for ctx, _s, _e in mentions:
                ends[ctx.article.id].add(form[-1])
    if not any(len(v) == 2 for v in ends.values()):
        return [(key, forms)]
    split: dict[str, Mentions] = defaultdict(dict)
    for form, mentions in forms.items():
        split[key[:-1] + "ى" if form.endswith("ى") else key][form] = mentions
    return sorted(split.items())


def _facts(key: str, forms: Mentions) -> list[Fact]:
    """One ``word`` fact per spelling and article (its first mention)."""
    out: list[Fact] = []
    for form in sorted(forms):
        firsts: dict[str, tuple[Context, int, int]] = {}
        for ctx, start, end in forms[form]:
            firsts.setdefault(ctx.article.id, (ctx, start, end))
        for ctx, start, end in firsts.values():
            fact = Fact(
                ctx.article.id,
                "word",
                key,
                key,
                form,
                start,
                end,
                ctx.text[start:end],
                ctx.sentence_at(start),
                "words.spelling",
            )
            out.append(fact)
    return out
