"""Other names of one entity across the articles of a story, for the alias rules (AL101-AL103).

Found after extraction (:func:`checker.stages.cross_article`), because a short name one article
explains is used bare in another. Three sources:

- the alias lexicon (``rules/lexicons/aliases.yaml``): المملكة for Saudi Arabia, واس, خادم الحرمين;
- a gloss: a name followed by its short form in brackets or quotes (وكالة الأنباء الإماراتية
  الرسمية "وام"، لوكالة الأنباء الألمانية (د.ب.أ)), or a rare word followed by the common word it
  means (الحبحب (البطيخ));
- a headline's short name in quotes for a body another mention names with its head noun
  («العمل» تحذر … وزارة العمل).

Each mention is an ``alias`` fact keyed like the entity's own facts (its lexicon id, or the
folded name of an organisation found by its head noun), so the alias rules see every name of
one entity together; a head-noun organisation the alias lexicon names takes the lexicon's id.
Place, organisation, alias and count facts in an article's headline get the attribute ``headline``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context, stopwords
from checker.extract.entities import gazetteer
from checker.model import Fact
from checker.text import recache
from checker.text.chars import LETTERS, fold_punct, map_span, match_key, strip_marks
from checker.text.clitics import PROCLITICS
from checker.text.words import zipf

#: facts that name an entity (their keys are the alias facts' keys)
NAMED = ("place", "org")
#: figures marked too: a headline's figure may total the body's (34 قتيلا over 25 and 9), or be the
#: one mention of a figure an outlet changed (49% over a body's and the other outlets' 48%)
HEADLINE_FIGURES = ("count", "number", "percent", "money", "ordinal")
#: a short name in brackets or quotes has at most this many words
MAX_SHORT_WORDS = 3
#: words allowed between a name and its gloss (وكالة الأنباء الإماراتية الرسمية "وام")
MAX_BETWEEN = 1
#: a one-word name at least this frequent as a plain word counts only in brackets or quotes
COMMON_ZIPF = 3.0
_DELIMITED_RE = recache.compile(
    r"\(([^()\n]{1,60})\)|«([^«»\n]{1,60})»|\"([^\"\n]{1,60})\"|“([^“”\n]{1,60})”|\{([^{}\n]{1,60})\}"
)
_SHORT_WORD_RE = recache.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?")
_PROCLITIC_RE = "|".join(sorted(PROCLITICS, key=lambda p: (-len(p), p)))
_LETTER = f"[{LETTERS}A-Za-z]"


@dataclass(frozen=True)
class Mention:
    """A name of entity *key* at ``[start, end)`` of one article; *gloss*: given beside another name."""

    key: str
    display: str
    start: int
    end: int
    gloss: bool = False
    headline_only: bool = False


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[str, str], frozenset[str], re.Pattern[str] | None]:
    """Folded alias name -> id, id -> display name, the headline-only names, and one pattern for them all."""
    names: dict[str, str] = {}
    display: dict[str, str] = {}
    house: set[str] = set()
    for row in lexicons.load("aliases")["aliases"]:
        display.setdefault(row["id"], row["names"][0])
        for n in row["names"]:
            names.setdefault(match_key(n), row["id"])
            if row.get("headline_only"):
                house.add(match_key(n))
    if not names:
        return names, display, frozenset(), None
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=lambda s: (-len(s), s)))
    pattern = recache.compile(rf"(?<!{_LETTER})(?:{_PROCLITIC_RE})?({alt})(?!{_LETTER})")
    return names, display, frozenset(house), pattern


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    """Organisation head nouns that are not also military ranks (لواء: a brigade, or a general)."""
    ranks = {match_key(r) for r in lexicons.load("titles").get("ranks", [])}
    return frozenset(match_key(h) for h in lexicons.load("heads")["org_heads"]) - ranks


def headline_span(ctx: Context) -> tuple[int, int] | None:
    """Where the article's title (from its metadata) stands at the start of its text."""
    title = (ctx.article.title or "").strip()
    i = ctx.text.find(title, 0, len(title) + 10) if title else -1
    return (i, i + len(title)) if 0 <= i <= 10 else None


def delimited(text: str) -> list[tuple[int, int]]:
    """Spans of short names in brackets or quotes: one to :data:`MAX_SHORT_WORDS` words of
    letters (an acronym may have dots: د.ب.أ), no digits."""
    out = []
    for m in _DELIMITED_RE.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        a, b = m.span(g)
        inner = text[a:b]
        if inner != inner.strip():
            continue
        words = strip_marks(inner).split()
        if 1 <= len(words) <= MAX_SHORT_WORDS and all(_SHORT_WORD_RE.fullmatch(w) for w in words):
            out.append((a, b))
    return out


def _lexicon_mentions(ctx: Context, folded: str, index: list[int] | object) -> list[Mention]:
    """Mentions of alias-lexicon names; a one-word name before a definite word is part of another
    name (المملكة المغربية) and left alone."""
    names, display, house, pattern = _lexicon()
    if pattern is None:
        return []
    out = []
    stops = stopwords()
    for m in pattern.finditer(folded):
        name = " ".join(m.group(1).split())
        after = folded[m.end(1) :].split(maxsplit=1)
        if " " not in name and after and after[0].startswith("ال") and match_key(after[0]) not in stops:
            continue
        a, b = map_span(index, m.start(1), m.end(1))  # type: ignore[arg-type]
        eid = names[name]
        out.append(Mention(eid, display[eid], a, b, headline_only=name in house))
    return out


def _rekey(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Head-noun names the alias lexicon knows take its id; mentions a lexicon entity already
    covers are dropped (the entity's own fact stands for them)."""
    keep = []
    for mn in mentions:
        covered = False
        for i, f in enumerate(ctx.facts):
            if f.type not in NAMED or f.end <= mn.start or f.start >= mn.end:
                continue
            if str(f.attr("entity_type", "")).endswith("-pattern"):
                if mn.start <= f.start and f.end <= mn.end:
                    ctx.facts[i] = dataclasses.replace(f, key=mn.key, value=mn.key)
                    covered = True
            elif f.start <= mn.start and mn.end <= f.end:
                covered = True  # المملكة of المملكة العربية السعودية
        if not covered:
            keep.append(mn)
    return keep


def _named_before(ctx: Context, at: int) -> Fact | None:
    """The organisation (or lexicon alias) whose name ends right before *at*, with at most
    :data:`MAX_BETWEEN` words of no punctuation between them."""
    best = None
    for f in ctx.facts:
        if f.type in ("org", "alias") and f.end <= at and (best is None or f.end > best.end):
            best = f
    if best is None:
        return None
    between = strip_marks(ctx.text[best.end : at]).split()
    if len(between) > MAX_BETWEEN or any(not (w.isalpha() and w.startswith("ال")) for w in between):
        return None  # only an adjective of the name between them: الرسمية, not بخيبر
    return best


def _known_elsewhere(short: str, key: str) -> bool:
    """A short name that is another entity's name (a dateline's agency after a city)."""
    k = match_key(short)
    hit = gazetteer().surface.get(k)
    other = _lexicon()[0].get(k)
    return (hit is not None and hit[0] != key) or (other is not None and other != key)


def _glosses(ctx: Context) -> list[tuple[Mention, Mention | None]]:
    """(short name, the glossed word when it is a plain word) for each gloss of the article."""
    stops = stopwords()
    out: list[tuple[Mention, Mention | None]] = []
    people = [(f.start, f.end) for f in ctx.facts if f.type == "person"]
    for a, b in delimited(ctx.text):
        short = ctx.text[a:b]
        if match_key(short) in stops or any(x < b and a < y for x, y in people):
            continue  # a person named after a body (مكتب العمل "فهد الرشيدي") is no short name
        word = _plain_gloss(ctx, a - 1, short, stops)
        if word is not None:
            key = "word:" + match_key(ctx.text[word[0] : word[1]])
            out.append((Mention(key, ctx.text[word[0] : word[1]], a, b, gloss=True), Mention(key, key[5:], *word)))
            continue
        named = _named_before(ctx, a - 1)
        if named is not None and _described(named) and not (short.isascii() or "." in short):
            continue  # «المركز الرياضي (جيم)»: a kind of place described, glossed by a loanword
        if named is not None and _shorter(short, named.text) and not _known_elsewhere(short, named.key):
            out.append((Mention(named.key, named.display, a, b, gloss=True), None))
    return out


def _described(f: Fact) -> bool:
    """A body found by its head noun and named only by adjectives after it (المركز الرياضي،
    المستشفى الجامعي): a description, not a name that a short form abbreviates."""
    words = match_key(f.text).split()
    return str(f.attr("entity_type", "")).endswith("-pattern") and all(
        w.startswith("ال") and w.endswith(("ي", "يه")) for w in words[1:]
    )


def _shorter(short: str, name: str) -> bool:
    """A short form of *name*: an acronym (Latin letters, or letters with dots: د.ب.أ), or
    fewer words than the name (not a person named after a body: مكتب العمل "فهد الرشيدي")."""
    acronym = short.isascii() or "." in short
    return match_key(short) != match_key(name) and (acronym or len(short.split()) < len(name.split()))


def _plain_gloss(ctx: Context, opener: int, short: str, stops: frozenset[str]) -> tuple[int, int] | None:
    """A rare word glossed by a more common one in brackets (الحبحب (البطيخ)): the rare word's span."""
    if " " in short or not short.isalpha() or ctx.text[opener] != "(":
        return None
    before = ctx.text[:opener].rstrip()
    m = re.search(rf"{_LETTER}+$", before)
    if m is None or len(m.group()) < 3 or m.group().isascii():
        return None
    word = m.group()
    if match_key(word) in stops or any(
        f.type in (*NAMED, "person")
        and not str(f.attr("entity_type", "")).endswith("-pattern")
        and f.start < m.end()
        and f.end > m.start()
        for f in ctx.facts
    ):
        return None  # a name, not a word
    if _known_elsewhere(short, "") or not zipf(word) < min(zipf(short), COMMON_ZIPF):
        return None
    return m.start(), m.end()


def _headline_shorts(ctx: Context, orgs: dict[str, str]) -> list[Mention]:
    """Quoted short names in the headline that name an organisation by what follows its head
    noun elsewhere in the story («العمل» for وزارة العمل)."""
    span = headline_span(ctx)
    if span is None:
        return []
    out = []
    for a, b in delimited(ctx.text):
        if not (span[0] <= a and b <= span[1]):
            continue
        before = ctx.text[span[0] : a - 1].split()
        if before and _head_word(before[-1]):
            continue  # تنظيم "إرهابي": the quotes are inside the name
        key = orgs.get(match_key(ctx.text[a:b]))
        if key:
            out.append(Mention(key, ctx.text[a:b], a, b))
    return out


def _head_word(word: str) -> bool:
    k = match_key(word)
    return any(k[len(p) :] in _org_heads() for p in ("", *PROCLITICS, "ال") if k.startswith(p))


def _org_rests(contexts: list[Context]) -> dict[str, str]:
    """Folded words after an organisation's head noun -> its key, when one organisation has them."""
    seen: dict[str, set[str]] = defaultdict(set)
    for ctx in contexts:
        for f in ctx.facts:
            words = match_key(f.text).split()
            if f.type == "org" and len(words) >= 2:
                if _head_word(words[0]):
                    seen[" ".join(words[1:])].add(f.key)
    return {rest: next(iter(keys)) for rest, keys in seen.items() if len(keys) == 1}


def _bare_ok(form: str) -> bool:
    """Whether a short name counts written bare, not only in brackets or quotes: several words,
    an acronym or a rare word (العمل and مسك count only quoted)."""
    return " " in form or not form.isalpha() or form.isascii() or zipf(form) < COMMON_ZIPF


def _scan(ctx: Context, folded: tuple[str, object], forms: dict[str, tuple[str, str]]) -> list[Mention]:
    """Mentions of the story's short names (folded form -> (key, display)) in one article."""
    text, index = folded
    out = []
    for form in sorted(forms):
        key, display = forms[form]
        if not _bare_ok(form):
            for a, b in delimited(ctx.text):
                if match_key(ctx.text[a:b]) == form:
                    out.append(Mention(key, display, a, b))
            continue
        pattern = re.escape(form).replace(r"\ ", r"\s+")
        for m in re.finditer(rf"(?<!{_LETTER})(?:{_PROCLITIC_RE})?({pattern})(?!{_LETTER})", text):
            a, b = map_span(index, m.start(1), m.end(1))  # type: ignore[arg-type]
            out.append(Mention(key, display, a, b))
    return out


def alias_facts(contexts: list[Context]) -> None:
    """Add the story's ``alias`` facts to each article's facts and mark the facts of its headline."""
    folded: dict[str, tuple[str, object]] = {}
    found: dict[str, list[Mention]] = {}
    forms: dict[str, tuple[str, str]] = {}
    for ctx in contexts:
        text, index = ctx.folded()
        folded[ctx.article.id] = (fold_punct(text), index)
        found[ctx.article.id] = _rekey(ctx, _lexicon_mentions(ctx, *folded[ctx.article.id]))
        _add(ctx, found[ctx.article.id], "alias.lexicon")
    orgs = _org_rests(contexts)
    per_article = {ctx.article.id: _glosses(ctx) for ctx in contexts}
    # a word the story glosses as a word (الحبحب (البطيخ)) is no body's short name elsewhere
    words = {match_key(c.text[s.start : s.end]) for c in contexts for s, w in per_article[c.article.id] if w}
    for ctx in contexts:
        glosses = [
            (s, w) for s, w in per_article[ctx.article.id] if w or match_key(ctx.text[s.start : s.end]) not in words
        ]
        for short, word in glosses:
            forms.setdefault(match_key(ctx.text[short.start : short.end]), (short.key, short.display))
            if word is not None:
                forms.setdefault(match_key(ctx.text[word.start : word.end]), (word.key, word.display))
        _add(ctx, [s for s, _ in glosses] + [w for _, w in glosses if w is not None], "alias.gloss")
        for mn in _headline_shorts(ctx, orgs):
            forms.setdefault(match_key(ctx.text[mn.start : mn.end]), (mn.key, mn.display))
    for ctx in contexts:
        _add(ctx, _scan(ctx, folded[ctx.article.id], forms), "alias.mention")
        _mark_headline(ctx)


def _add(ctx: Context, mentions: list[Mention], source: str) -> None:
    """Alias facts for *mentions*; a span already an alias fact only gains the gloss mark."""
    taken = {(f.start, f.end): i for i, f in enumerate(ctx.facts) if f.type == "alias"}
    for mn in mentions:
        i = taken.get((mn.start, mn.end))
        if i is not None:
            f = ctx.facts[i]
            if mn.gloss and f.key == mn.key and not f.attr("gloss"):
                ctx.facts[i] = dataclasses.replace(f, attrs=(*f.attrs, ("gloss", True)))
            continue
        attrs = [("gloss", True)] if mn.gloss else []
        attrs += [("headline_only", True)] if mn.headline_only else []
        ctx.add("alias", mn.key, mn.key, mn.display, mn.start, mn.end, source, attrs, claim=False)
        taken[(mn.start, mn.end)] = len(ctx.facts) - 1


def _mark_headline(ctx: Context) -> None:
    span = headline_span(ctx)
    if span is None:
        return
    for i, f in enumerate(ctx.facts):
        if f.type in (*NAMED, *HEADLINE_FIGURES, "alias") and span[0] <= f.start and f.end <= span[1]:
            ctx.facts[i] = dataclasses.replace(f, attrs=(*f.attrs, ("headline", True)))
