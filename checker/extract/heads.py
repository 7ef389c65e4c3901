"""Organisations and places named by a head noun: وزارة الخارجية، جامعة الملك سعود، محافظة حلب.

A head from ``rules/lexicons/heads.yaml`` (with an optional proclitic or the article) followed by
up to :data:`MAX_WORDS` name words: definite words, names the lexicon knows, or rare words. Spans
a lexicon entity already claimed are left to it.
"""

from __future__ import annotations

from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context, extractor, stopwords
from checker.extract.titles import Word, weak_titles, words
from checker.text.chars import has_arabic, match_key
from checker.text.words import strip_proclitic, zipf

MAX_WORDS = 4
#: a name word that is not definite must be rarer than this (a name, not a verb or common noun)
RARE_ZIPF = 4.0


@lru_cache(maxsize=1)
def _heads() -> dict[tuple[str, ...], str]:
    data = lexicons.load("heads")
    out: dict[tuple[str, ...], str] = {}
    country_heads = {match_key(w) for w in data.get("country_heads", [])}  # left to the entity lexicon
    for kind, key in (("org", "org_heads"), ("place", "place_heads")):
        for h in data[key]:
            k = match_key(h)
            if k not in country_heads:
                out[tuple(k.split())] = kind
    return out


@lru_cache(maxsize=1)
def _hamza_heads() -> frozenset[str]:
    """First words of the heads (folded) that are written with a hamza on an alef (أمانة، أكاديمية)."""
    data = lexicons.load("heads")
    return frozenset(
        match_key(h.split()[0]) for key in ("org_heads", "place_heads") for h in data[key] if HAMZA_ALEF & set(h)
    )


#: an alef with a hamza: a word written with one is no head written without (وأدى is no وادي)
HAMZA_ALEF = frozenset("أإ")


def _head_at(ws: list[Word], i: int) -> tuple[int, str] | None:
    heads = _heads()
    first = ws[i].norm
    _, bare = strip_proclitic(ws[i].text)
    cands = {first, match_key(bare)}
    if HAMZA_ALEF & set(ws[i].text):  # «وأدى الصلاة» ("and he prayed"), folded like وادي (a valley)
        cands = {c for c in cands if c in _hamza_heads() or not (HAMZA_ALEF & set(bare))}
    cands |= {c[2:] for c in list(cands) if c.startswith("ال") and len(c) > 4}
    for n in (2, 1):
        for c in cands:
            key = (c, *(w.norm for w in ws[i + 1 : i + n]))
            if len(key) == n and key in heads:
                return n, heads[key]
    return None


def one_word_heads() -> frozenset[str]:
    """The one-word head nouns of bodies and places, folded (منظمه، شركه، صحيفه ...)."""
    return frozenset(k[0] for k in _heads() if len(k) == 1)


def head_word(w: Word) -> bool:
    """A one-word head noun of a body or place (مستشفى، جامعة، لمستشفى), with or without the article
    or a glued preposition."""
    heads = _heads()
    bare = match_key(strip_proclitic(w.text)[1])
    return any((c,) in heads for c in (w.norm, bare, bare[2:] if bare.startswith("ال") else bare))


@lru_cache(maxsize=1)
def _enders() -> frozenset[str]:
    """``name_enders`` of ``rules/lexicons/heads.yaml``, folded."""
    return frozenset(match_key(w) for w in lexicons.load("heads").get("name_enders", []))


def _name_word(w: Word, stops: frozenset[str]) -> bool:
    if not w.is_word or w.norm in stops or len(w.norm) < 2 or match_key(w.text) in _enders():
        return False
    if w.pos in ("VERB", "ADP", "AUX", "CCONJ", "SCONJ", "PRON", "ADV"):
        return False
    return w.norm.startswith("ال") or w.pos == "PROPN" or zipf(w.text) < RARE_ZIPF


def definite(w: Word) -> bool:
    """A word with the article, after a proclitic too (السعودية، للإدارة، بالرياض، والتنمية)."""
    clitic, rest = strip_proclitic(w.text)
    bare = match_key(rest)
    return clitic.endswith("ال") or bare.startswith("ال") or (bare[:1] in ("ب", "و", "ف", "ل") and bare[1:3] == "ال")


@lru_cache(maxsize=1)
def _ranks() -> frozenset[str]:
    """Military and police ranks (``ranks`` of ``rules/lexicons/titles.yaml``), folded, bare."""
    return frozenset(match_key(r) for r in lexicons.load("titles").get("ranks", []) if " " not in r)


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """``honorifics`` of ``rules/lexicons/titles.yaml`` (السيد، الدكتور، المهندس), folded, bare."""
    return frozenset(match_key(h) for h in lexicons.load("titles").get("honorifics", []) if " " not in h)


def _honorific(w: Word) -> bool:
    bare = match_key(strip_proclitic(w.text)[1])
    return bare in _honorifics() or (bare.startswith("ال") and bare[2:] in _honorifics())


def _rank_before_name(ws: list[Word], k: int) -> bool:
    """Word *k* is a rank (اللواء، العقيد) and a given name follows: it introduces a person, not
    more of the body's name (مدير الشرطة اللواء تركي الفيصل)."""
    from checker.extract.name_words import given_at

    bare = match_key(strip_proclitic(ws[k].text)[1])
    return bare[2:] in _ranks() and bare.startswith("ال") and k + 1 < len(ws) and given_at(ws, k + 1)


@extractor("heads")
def extract_heads(ctx: Context) -> None:
    stops = stopwords()
    ws = words(ctx)
    i = 0
    while i < len(ws):
        hit = _head_at(ws, i)
        if hit is None or ctx.overlaps_taken(ws[i].start, ws[i].end):
            i += 1
            continue
        n, kind = hit
        j = i + n
        k = j
        definite_head = definite(ws[i])
        while k < len(ws) and k - j < MAX_WORDS and _name_word(ws[k], stops) and not _rank_before_name(ws, k):
            if k > j and (ws[k].start - ws[k - 1].end > 2 or not has_arabic(ws[k].text)):
                break  # a Latin acronym after the Arabic name glosses it (مجموعة العمل المالي FATF)
            if ws[k].norm in weak_titles():
                break  # «بالرئاسة الدكتور عبد الباسط …»: an occupation opens a person's name
            if k > j and _honorific(ws[k]):
                break  # «شركة أورفيتو السيد ساتيش»: after the body's name, a courtesy title opens a person's
            if definite_head and not definite(ws[k]):
                break  # «رئيس الجمعية محمد العمري»: a definite head takes no indefinite word after it
            if ctx.overlaps_taken(ws[k].start, ws[k].end):
                k = k + 1 if kind == "org" else k  # جامعة الملك سعود: a known name may end it
                break
            k += 1
        if k == j:
            i += 1
            continue
        start = ws[i].start + (len(ws[i].text) - len(strip_proclitic(ws[i].text)[1]))
        end = ws[k - 1].end
        phrase = ctx.text[start:end]
        key = match_key(phrase)
        key = key[2:] if key.startswith("ال") else key
        ctx.add(kind, key, key, phrase, start, end, "pattern.head", [("entity_type", f"{kind}-pattern")])
        i = k


def in_body_name(ws: list[Word], i: int) -> bool:
    """The title at word *i* stands inside the name of a body whose head noun, without the article,
    comes right before it (مستشفى الأمير …، جامعة الملك …): part of that name, not a title."""
    from checker.extract.person_checks import eponym_head

    prev = ws[i - 1] if i > 0 else None
    return (
        prev is not None
        and ws[i].start - prev.end <= 1
        and (head_word(prev) or eponym_head(prev.text))
        and not definite(prev)  # «النادي المهندس …»، «بالرئاسة الدكتور …»: a body, then a title
        and ws[i].norm.startswith("ال")  # «مكتب رئيس الوزراء أحمد …»: the office of a person
    )
