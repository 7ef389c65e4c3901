"""Words and their features for the name model, shared by training and tagging.

Text is cut with the project's own tokenizer (:func:`checker.text.tokenize.tokenize`) and sentence splitter,
so every word carries exact character offsets into the text it came from. Each word gets:

* ``norm``: the folded form (:func:`checker.text.chars.match_key`: no diacritics or tatweel,
  alef/hamza forms, alef maqsura and teh marbuta folded);
* ``stem``: the word without a glued proclitic (و ب ل ف ك and pairs, cut only where the
  word-frequency list says the rest is the likelier word: :func:`checker.text.words.strip_proclitic`)
  and without the article, folded: وبالعاصمة -> عاصمه, but وليد stays وليد;
* ``prefix``: what a blind cut of و/ف, ب/ل/ك and ال would take off the front (a feature only);
* ``flags``: what the project's lexicons (``rules/lexicons``) and the word-frequency list say of it:
  a given name, a title, a word of a known place / organisation / nationality, an organisation or
  place head noun, a word of a well-known company, club or news medium (``known_orgs.yaml``, matched
  apart from the other phrases: a club may share a city's name), and how common a word it is.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from checker import lexicons
from checker.text import recache
from checker.text.chars import match_key
from checker.text.tokenize import split_sentences, tokenize
from checker.text.words import strip_proclitic, zipf

if TYPE_CHECKING:
    from checker.names.translit import Translit

_ARABIC_RE = recache.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
#: longest lexicon phrase looked up, in words
MAX_PHRASE = 6


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    norm: str
    stem: str
    prefix: str  # what stem() cut off the front ("", "و", "وب", "بال", ...)
    flags: tuple[str, ...]


@lru_cache(maxsize=200_000)
def stem(norm: str) -> tuple[str, str]:
    """``(cut, rest)``: و/ف, then ب/ل/ك, then ال cut off a folded word while 2-3 letters remain
    (a blind guess, used as a feature; ``لال`` marks ل + ال written لل).

    >>> stem("وبالعاصمه"), stem("للامم"), stem("بوش")
    (('وبال', 'عاصمه'), ('لال', 'امم'), ('', 'بوش'))
    """
    t, cut = norm, ""
    if t[:1] in ("و", "ف") and len(t) > 3:
        t, cut = t[1:], t[:1]
    if t[:1] in ("ب", "ل", "ك") and len(t) > 3:
        if t.startswith("لل"):
            t, cut = "ا" + t[1:], cut + "ل"  # لل = ل + ال with the article's alef dropped
        else:
            t, cut = t[1:], cut + t[:1]
    if t.startswith("ال") and len(t) > 4:
        t, cut = t[2:], cut + "ال"
    return cut, t


def shape(text: str) -> str:
    """``a`` Arabic word, ``d`` number, ``l`` Latin, ``p`` anything else."""
    if _ARABIC_RE.match(text):
        return "a"
    if text[:1].isdigit():
        return "d"
    if text[:1].isascii() and text[:1].isalpha():
        return "l"
    return "p"


class SortedWords:
    """A set of words kept as a sorted list and asked by bisection: the model's 50,000 foreign name
    spellings come sorted from ``lexicon.json``, and hashing them into a set cost more than every
    lookup of a run."""

    def __init__(self, words: Iterable[str]) -> None:
        items = words if isinstance(words, list) else list(words)
        if not all(map(str.__lt__, items, items[1:])):  # not sorted, or repeats
            items = sorted(set(items))
        self._words: list[str] = items

    def __contains__(self, word: object) -> bool:
        words = self._words
        i = bisect_left(words, word)  # type: ignore[call-overload]
        return i < len(words) and words[i] == word

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SortedWords):
            return self._words == other._words
        if isinstance(other, set | frozenset):
            return other == set(self._words)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class Lexicon:
    """Lexicon flags: given names, name particles and honorifics, place / organisation /
    nationality / title phrases, head nouns. Built from ``rules/lexicons`` at training and saved
    with the model (``lexicon.json``), so the model always sees the flags it was trained with."""

    def __init__(
        self,
        given: Iterable[str],
        particles: Iterable[str],
        prefixes: Iterable[str],
        phrases: dict[str, str],
        heads: dict[str, str],
        foreign: Iterable[str] = (),
        clusters: dict[str, str] | None = None,
        known: dict[str, str] | None = None,
        translit: Translit | None = None,
    ) -> None:
        self.given = frozenset(given)
        # how much a word looks like a transliterated foreign name (TL bands), or None
        self.translit = translit
        self.foreign = SortedWords(foreign)  # folded spellings of foreign person-name words
        self.clusters = dict(clusters or {})  # folded stem -> cluster ids, one per size, space-separated
        self.particles = frozenset(particles)
        self.prefixes = frozenset(prefixes)
        self.phrases = dict(phrases)  # folded words joined by a space -> LOC ORG NAT TTL
        self.heads = dict(heads)  # folded head noun (also with ال) -> HORG HLOC
        # first word -> {rest of the phrase: flag}, for matching
        self.by_first: dict[str, dict[tuple[str, ...], str]] = {}
        for phrase, flag in self.phrases.items():
            first, *rest = phrase.split()
            self.by_first.setdefault(first, {})[tuple(rest)] = flag
        # well-known organisations without a head noun (known_orgs.yaml), matched apart from the
        # phrases above (a club may also be a city): folded phrase -> CMP CLB MED
        self.known = dict(known or {})
        self.known_by_first: dict[str, dict[tuple[str, ...], str]] = {}
        for phrase, flag in self.known.items():
            first, *rest = phrase.split()
            self.known_by_first.setdefault(first, {})[tuple(rest)] = flag
        self._flags: dict[tuple[str, str], tuple[str, ...]] = {}

    def to_json(self) -> dict[str, Any]:
        return {
            "given": sorted(self.given),
            "particles": sorted(self.particles),
            "prefixes": sorted(self.prefixes),
            "phrases": dict(sorted(self.phrases.items())),
            "heads": dict(sorted(self.heads.items())),
            "foreign": sorted(self.foreign),
            "known": dict(sorted(self.known.items())),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lexicon:
        return cls(
            data["given"],
            data["particles"],
            data["prefixes"],
            data["phrases"],
            data["heads"],
            data.get("foreign", ()),
            known=data.get("known"),
        )

    def with_clusters(self, clusters: dict[str, str]) -> Lexicon:
        """This lexicon with a word-cluster table (stem -> ids)."""
        return self._replace(clusters=clusters)

    def with_translit(self, translit: Translit | None) -> Lexicon:
        """This lexicon with the transliteration bands of *translit* (:mod:`checker.names.translit`)."""
        return self._replace(translit=translit)

    def with_foreign(self, foreign: Iterable[str]) -> Lexicon:
        """This lexicon with these folded spellings of foreign person-name words (``FRN``)."""
        return self._replace(foreign=foreign)

    def _replace(self, **changes: Any) -> Lexicon:
        args: dict[str, Any] = {
            "given": self.given,
            "particles": self.particles,
            "prefixes": self.prefixes,
            "phrases": self.phrases,
            "heads": self.heads,
            "foreign": self.foreign,
            "clusters": self.clusters,
            "known": self.known,
            "translit": self.translit,
        }
        return Lexicon(**{**args, **changes})

    def word_flags(self, norm: str, text: str) -> tuple[str, ...]:
        """Flags of one word: GIV given name, PRT particle, HON honorific, HORG/HLOC head noun,
        Z0-Z6 its zipf frequency, ZS0-ZS6 that of the word without a validated proclitic, FRN a
        listed foreign-name spelling, TL-3..TL2 how much it looks like one (:mod:`.translit`)."""
        key = (norm, text)
        got = self._flags.get(key)
        if got is None:
            got = self._word_flags(norm, text)
            if len(self._flags) < 500_000:
                self._flags[key] = got
        return got

    def _word_flags(self, norm: str, text: str) -> tuple[str, ...]:
        cut, rest = stem(norm)
        flags = []
        if norm in self.given or (cut in ("و", "ف", "ب", "ل", "ك") and rest in self.given):
            flags.append("GIV")
        if norm in self.particles:
            flags.append("PRT")
        if norm in self.prefixes:
            flags.append("HON")
        h = self.heads.get(norm) or self.heads.get(rest) or self.heads.get("ال" + rest)
        if h:
            flags.append(h)
        z = zipf(text) if len(text) > 1 else 7.0
        flags.append(f"Z{min(int(z), 6)}")
        clitic, bare = strip_proclitic(text) if len(text) > 3 else ("", text)
        if clitic:
            flags.append(f"ZS{min(int(zipf(bare)), 6)}")
        st = _validated_stem(text, norm)
        if self.foreign and (norm in self.foreign or st in self.foreign or rest in self.foreign):
            flags.append("FRN")
        if self.translit is not None and _ARABIC_RE.match(text):
            band = self.translit.band(st)
            if band:
                flags.append(band)
        if self.clusters:
            ids = self.clusters.get(st) or self.clusters.get(rest)
            if ids:
                flags.extend(f"K{k}_{c}" for k, c in enumerate(ids.split()))
        return tuple(flags)


def _add(phrases: dict[str, str], text: str, flag: str) -> None:
    key = match_key(text)
    if key and len(key.split()) <= MAX_PHRASE:
        phrases.setdefault(key, flag)


@lru_cache(maxsize=1)
def lexicon_from_rules() -> Lexicon:
    """The lexicon flags from the project's ``rules/lexicons`` (names, titles, entities, heads)."""
    names = lexicons.load("names")
    given = set()
    for n in names["first_names"]:
        k = match_key(n)
        given.add(k)
        given.add(k.replace(" ", ""))
    phrases: dict[str, str] = {}
    types = {"country": "LOC", "city": "LOC", "region": "LOC", "org": "ORG", "group": "ORG"}
    for row in lexicons.load("entities")["entities"]:
        flag = types.get(row["type"], "ORG")
        for name in row["names"]:
            _add(phrases, name, flag)
        for dem in row.get("demonyms", []):
            base = match_key(dem)
            for suffix in ("", "ه", "ون", "ين", "ات", "ان"):
                _add(phrases, base + suffix, "NAT")
                _add(phrases, "ال" + base + suffix, "NAT")
    titles = lexicons.load("titles")
    for t in [*titles["titles"], *titles.get("weak_titles", [])]:
        _add(phrases, t, "TTL")
    heads: dict[str, str] = {}
    hdata = lexicons.load("heads")
    for key, flag in (("org_heads", "HORG"), ("place_heads", "HLOC"), ("country_heads", "HLOC")):
        for h in hdata.get(key, []):
            k = match_key(h)
            if " " in k:
                continue
            heads.setdefault(k, flag)
            heads.setdefault("ال" + k, flag)
    known: dict[str, str] = {}
    for key, flag in (("companies", "CMP"), ("clubs", "CLB"), ("media", "MED")):
        for name in lexicons.load("known_orgs").get(key, []):
            _add(known, name, flag)
    return Lexicon(
        given,
        (match_key(p) for p in names["particles"]),
        (match_key(p) for p in names["name_prefixes"]),
        phrases,
        heads,
        known=known,
    )


#: a proclitic cut off a phrase's first word, keeping the article (وبالعاصمه -> العاصمه), and
#: plain proclitics (وفرنسا -> فرنسا)
_ARTICLE_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل")
_PLAIN_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def _first_candidates(first: str) -> list[str]:
    cands = [first]
    if stem(first)[0]:
        for p in _ARTICLE_CLITICS:
            if first.startswith(p) and len(first) > len(p) + 1:
                cands.append("ال" + first[len(p) :])
        for p in _PLAIN_CLITICS:
            if first.startswith(p) and len(first) > len(p) + 2:
                cands.append(first[len(p) :])
    return cands


def _phrase_flags(norms: list[str], by_first: dict[str, dict[tuple[str, ...], str]]) -> list[list[str]]:
    """B-/I- lexicon flags over a sentence, longest phrase first (*by_first*: a phrase's first
    word -> {its other words: flag}); a phrase's first word may carry a proclitic."""
    out: list[list[str]] = [[] for _ in norms]
    i = 0
    n = len(norms)
    while i < n:
        best: tuple[int, str] | None = None
        for c in _first_candidates(norms[i]):
            tails = by_first.get(c)
            if not tails:
                continue
            for tail, flag in tails.items():
                length = 1 + len(tail)
                if (best is None or length > best[0]) and tuple(norms[i + 1 : i + length]) == tail:
                    best = (length, flag)
        if best:
            length, flag = best
            out[i].append("B" + flag)
            for k in range(i + 1, i + length):
                out[k].append("I" + flag)
            i += length
        else:
            i += 1
    return out


@lru_cache(maxsize=200_000)
def _validated_stem(text: str, norm: str) -> str:
    clitic, rest = strip_proclitic(text) if len(text) > 3 else ("", text)
    r = match_key(rest) if clitic else norm
    return r[2:] if r.startswith("ال") and len(r) > 4 else r


@lru_cache(maxsize=200_000)
def _norm(text: str) -> str:
    return match_key(text) or text


def analyse(text: str, lex: Lexicon | None = None) -> list[list[Word]]:
    """The words of *text*, sentence by sentence, with exact offsets and features."""
    lex = lex or lexicon_from_rules()
    spans = tokenize(text)
    out: list[list[Word]] = []
    for a, b in split_sentences(text, spans):
        sent = spans[a:b]
        if sent:
            out.append(words_of(text, sent, lex))
    return out


def words_of(text: str, spans: list[tuple[int, int]], lex: Lexicon | None = None) -> list[Word]:
    """Features for the tokens *spans* of *text* taken as one sentence."""
    lex = lex or lexicon_from_rules()
    texts = [text[a:b] for a, b in spans]
    norms = [_norm(t) for t in texts]
    phrase = _phrase_flags(norms, lex.by_first)
    known = _phrase_flags(norms, lex.known_by_first) if lex.known else [[] for _ in norms]
    out = []
    for (a, b), t, nm, pf, kf in zip(spans, texts, norms, phrase, known, strict=True):
        flags = (shape(t), *lex.word_flags(nm, t), *pf, *kf)
        out.append(Word(a, b, t, nm, _validated_stem(t, nm), stem(nm)[0], flags))
    return out
