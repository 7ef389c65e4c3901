"""Participant lists: coordinated entities ("الولايات المتحدة وفرنسا وبريطانيا"; two after the longer lists)."""

from __future__ import annotations

import re
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context, extractor, stem, stopwords
from checker.extract.entities import gazetteer, prepositions
from checker.model import Fact
from checker.text import recache
from checker.text.chars import LETTERS, fold, map_span, match_key, strip_marks

MIN_MEMBERS = 3
#: two coordinated entities are a list too (one member left of three: فرنسا والولايات المتحدة), read
#: after the comma lists of any members so as not to cut one (وهي الحزام، وممشى الضباب، والجبل الأخضر…)
PAIR = 2
# what may stand between two members: commas (Arabic or Latin), spaces and the conjunction و
_GAP = recache.compile(r"^\s*(?:[,\u060c]\s*(?:و|ثم)?|و|ثم)\s*$")


def _chains(members: list[Fact], text: str) -> list[list[Fact]]:
    chains: list[list[Fact]] = []
    cur: list[Fact] = []
    for f in members:
        if cur and f.start >= cur[-1].end and _GAP.match(strip_marks(text[cur[-1].end : f.start])):
            cur.append(f)
            continue
        if len(cur) >= PAIR:
            chains.append(cur)
        cur = [f]
    if len(cur) >= PAIR:
        chains.append(cur)
    return chains


@extractor("lists")
def extract_lists(ctx: Context) -> None:
    members = sorted((f for f in ctx.facts if f.type in ("place", "org")), key=lambda f: f.start)
    members = sorted([*members, *_house_members(ctx, members)], key=lambda f: f.start)
    counts = _counts_by_sentence(ctx)
    chains = [c for c in _chains(members, ctx.text) if _countries_if_house(c)]
    for chain in (c for c in chains if len(c) >= MIN_MEMBERS):
        _add_chain(ctx, chain, counts)
    _phrase_lists(ctx, counts)
    taken = [(f.start, f.end) for f in ctx.facts if f.type == "list"]
    for chain in (c for c in chains if len(c) == PAIR):  # فرنسا والولايات المتحدة: after the longer lists
        if not any(a < chain[-1].end and chain[0].start < b for a, b in taken):
            _add_chain(ctx, chain, counts, pair=True)


def _countries_if_house(chain: list[Fact]) -> bool:
    """«المملكة» stands for the country only in a list of other countries."""
    house = [f for f in chain if f.extractor == HOUSE]
    return not house or (len(house) < len(chain) and all(f.attr("entity_type") == "country" for f in chain))


def _add_chain(ctx: Context, chain: list[Fact], counts: dict[int, list[Fact]], pair: bool = False) -> None:
    ids = [f.key for f in chain]
    types = {f.attr("entity_type") for f in chain}
    etype = types.pop() if len(types) == 1 else "mixed"
    start, end = chain[0].start, chain[-1].end
    attrs: list[tuple[str, object]] = [("members", ids), ("entity_type", etype), *([("pair", True)] if pair else [])]
    stated = None if pair else _stated_count(ctx, start, etype, counts)  # «الدول السبع … العراق وسوريا»
    if stated is not None:
        attrs.append(("stated_count", stated.value))
        attrs.append(("stated_span", [stated.start, stated.end, stated.text]))
        attrs.append(("stated_display", stated.display))
    display = "، ".join(f.display for f in chain)
    ctx.add("list", etype, sorted(set(ids)), display, start, end, "lists.coordination", attrs, claim=False)


HOUSE = "lists.house"


@lru_cache(maxsize=1)
def _house_names() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Folded house name -> country id (``house_names`` of entities.yaml), and one pattern finding
    them (with an optional glued و) in the article's folded text."""
    data = lexicons.load("entities").get("house_names", {})
    ids = {fold(n, teh_marbuta=True): cid for cid, names in data.items() for n in names}
    if not ids:
        return ids, None
    names = "|".join(re.escape(n) for n in sorted(ids, key=len, reverse=True))
    return ids, re.compile(rf"(?<![{LETTERS}])و?({names})(?![{LETTERS}])")


def _house_members(ctx: Context, members: list[Fact]) -> list[Fact]:
    """«المملكة» (and و + it) where no entity was read: a candidate member standing for its country."""
    ids, pattern = _house_names()
    if pattern is None:
        return []
    folded, index = ctx.folded()
    out = []
    for m in pattern.finditer(folded):
        start, end = map_span(index, m.start(1), m.end(1))
        if any(f.start < end and start < f.end for f in members):
            continue
        bare = ctx.text[start:end]
        attrs = (("entity_type", "country"),)
        out.append(
            Fact(
                ctx.article.id, "place", ids[m.group(1)], ids[m.group(1)], bare, start, end, bare, 0, HOUSE, attrs=attrs
            )
        )
    return out


#: a clause: what lies between sentence punctuation and brackets
_CLAUSE = recache.compile(r"[^.؛;:!؟?\n()«»\"]+")
_SEGMENT = recache.compile(r"[^،,]+")
#: a member of a comma list is at most this many words (a title and a full name: ورئيس المجلس
#: البلدي في المدينة خالد بن محمد السالم)
MAX_MEMBER_WORDS = 12
#: the first member is cut to its last words (what comes before it is the sentence)
FIRST_MEMBER_WORDS = 2
PHRASES = "phrases"


def _phrase_lists(ctx: Context, counts: dict[int, list[Fact]]) -> None:
    """Comma lists of any members (أ، وب، وج; أ، ب، ج، ود), in a clause: at least two commas, or
    one comma before و (a list of three that lost a member still reads أ، وج). Members are
    compared as folded words without the conjunction; the first member is its last words. Lists
    of places and organisations are left to the coordination chains above."""
    taken = [(f.start, f.end) for f in ctx.facts if f.type == "list"]
    for clause in _CLAUSE.finditer(ctx.text):
        for run in _runs(clause.group(), clause.start()):
            cut = run[-1][0] == run[-1][1]
            run = run[:-1] if cut else run
            if len(run) < 2:
                continue
            start, end = run[0][0], run[-1][1]
            if any(a < end and start < b for a, b in taken):
                continue
            keys = [member_key(ctx.text[a:b], first=i == 0) for i, (a, b) in enumerate(run)]
            if len(set(keys)) < len(keys) or not all(keys):
                continue
            display = "، ".join(" ".join(ctx.text[a:b].split()) for a, b in run)
            after = _words_after(ctx.text[end:], clause.end() - end)
            attrs: list[tuple[str, object]] = [
                ("members", keys),
                ("entity_type", PHRASES),
                ("first", keys[0]),
                ("cut", (cut and after) or cut),
            ]
            attrs.append(("next", after))
            stated = None if cut else _introduced_count(ctx, start, counts)
            if stated is not None:
                attrs.append(("stated_count", stated.value))
                attrs.append(("stated_span", [stated.start, stated.end, stated.text]))
                attrs.append(("stated_display", stated.display))
            ctx.add("list", PHRASES, sorted(keys), display, start, end, "lists.commas", attrs, claim=False)


#: a list is followed by these first words of what comes after it in its clause (a list cut short
#: is marked by them: two copies cut at the same words ended their lists at the same place)
NEXT_WORDS = 2


def _words_after(rest: str, limit: int) -> str:
    """The folded first words after a list, in its clause (وعدد من المسؤولين: «وعدد من»)."""
    words = strip_marks(rest[:limit]).replace("،", " ").replace(",", " ").split()
    return match_key(" ".join(words[:NEXT_WORDS]))


def _runs(clause: str, offset: int) -> list[list[tuple[int, int]]]:
    """Member spans of the comma lists of one clause."""
    out: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for m in _SEGMENT.finditer(clause):
        words = m.group().split()
        a = offset + m.start() + (len(m.group()) - len(m.group().lstrip()))
        b = offset + m.end() - (len(m.group()) - len(m.group().rstrip()))
        if run and 0 < len(words) <= MAX_MEMBER_WORDS and is_phrase(words):
            run.append((a, b))
            continue
        if run and words and words[0].startswith("و"):
            run.append((b, b))  # a longer member follows: the list is cut there (an empty mark)
        _keep(run, out, offset, clause)
        tail = list(re.finditer(r"\S+", m.group()))[-FIRST_MEMBER_WORDS:]
        run = [(offset + m.start() + tail[0].start(), b)] if tail else []
    _keep(run, out, offset, clause)
    return out


def is_phrase(words: list[str]) -> bool:
    """Words that can be one member: no figure, and no word that makes a clause of them (a
    function word or reporting verb of the stopword list that is not a preposition: أن, قد,
    الذي, أضاف), but for a word that opens a name (أم القرى)."""
    if any(ch.isdigit() for w in words for ch in w):
        return False
    words = [w for w in words if w != "و"]  # the conjunction written apart (الأسرية و المدرسية)
    opener = len(words) > 1 and _bare(match_key(words[0])) in _lexicon_words("name_openers")
    return not any(_clause_word(w) for w in words[1 if opener else 0 :])


def _bare(key: str) -> str:
    return key[1:] if key[:1] in ("و", "ف") and len(key) > 2 else key


@lru_cache(maxsize=4)
def _lexicon_words(name: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in lexicons.load("stopwords").get(name, []))


def _clause_word(word: str) -> bool:
    key = match_key(word)
    bare = _bare(key)
    return bool({key, bare} & _clause_words()) or bare.startswith(OTHERS)


#: "and the others" (وغيرها من المعالم) closes a list without being a member of it
OTHERS = "غير"


@lru_cache(maxsize=1)
def _clause_words() -> frozenset[str]:
    return stopwords() - frozenset(prepositions())


def _keep(run: list[tuple[int, int]], out: list[list[tuple[int, int]]], offset: int, clause: str) -> None:
    """Keep a run of two or more members of which a later one opens with و."""
    if len(run) >= 2 and any(b > a and clause[a - offset] == "و" for a, b in run[1:]):
        out.append(list(run))


def member_key(text: str, first: bool) -> str:
    """Folded words of a member, without its conjunction (والشرفية: الشرفيه)."""
    words = _glue_conjunctions(strip_marks(text).split())
    if first:
        words = words[-FIRST_MEMBER_WORDS:]
    key = match_key(" ".join(words))
    return key[1:] if key.startswith("و") and len(key) > 3 else key


def _glue_conjunctions(words: list[str]) -> list[str]:
    """و written apart joined to the next word (الأسرية و المدرسية: الأسرية والمدرسية; و بيان:
    وبيان), as most copies write it."""
    out: list[str] = []
    for i, w in enumerate(words):
        if i > 0 and words[i - 1] == "و":
            out.append("و" + w)
        elif w != "و":
            out.append(w)
    return out


#: at most this many words between an announced count and the word introducing its list
MAX_ANNOUNCE_WORDS = 8


def _introduced_count(ctx: Context, start: int, counts: dict[int, list[Fact]]) -> Fact | None:
    """The count a list of phrases enumerates: the list follows an introducer (وهي, وهم) that
    closes a phrase opened by a count in its sentence: «(14) حياً من أحياء المحافظة، وهي (…)»."""
    before = ctx.text[:start].rstrip(" (:\n\t")
    words = before.split()
    if not words or _bare(match_key(words[-1])) not in _lexicon_words("enumeration_introducers"):
        return None
    cue = start - (len(ctx.text[:start]) - len(before)) - len(words[-1])
    best = None
    for f in [*counts.get(ctx.sentence_at(start), ()), *_small_numbers(ctx, ctx.sentence_at(start))]:
        if f.end <= cue and len(ctx.text[f.end : cue].split()) <= MAX_ANNOUNCE_WORDS:
            best = f if best is None or f.start > best.start else best
    return best


#: a bare number up to this (its noun after a bracket: «(14) حياً») may announce an enumeration
MAX_ENUMERATED = 50


def _small_numbers(ctx: Context, sentence: int) -> list[Fact]:
    return [
        f
        for f in ctx.facts
        if f.type == "number" and f.sentence == sentence and isinstance(f.value, int) and 2 <= f.value <= MAX_ENUMERATED
    ]


def _stated_count(ctx: Context, list_start: int, etype: str, counts: dict[int, list[Fact]]) -> Fact | None:
    """The count in the same sentence, before the list, whose noun names that kind of entity, when
    the list starts where it is announced (:func:`_announced`)."""
    stems = _noun_stems(etype)
    best = None
    for f in counts.get(ctx.sentence_at(list_start), ()):
        if f.end <= list_start and f.key in stems and (best is None or f.start > best.start):
            best = f
    if best is None or not _announced(ctx.text[best.end : list_start], str(best.attr("noun") or "")):
        return None
    return best


def _announced(between: str, noun: str) -> bool:
    """The list opens right after its count (الدول الـ12 (أ وب …), after a colon or bracket, or
    after a function word (سبع دول، وهي أ وب …). A conjunction or any other word right before it
    means the list was found from a later member on (the first ones unknown to the lexicon: أ
    والبيرو وتشيلي …), so its length says nothing."""
    text = strip_marks(between).rstrip()
    if text[-1:] in (":", "("):
        return True
    text = text.rstrip("،,-– ")  # الدول السبع، أ وب …
    if not text:
        return True
    words = _LETTERS_RUN.findall(text)
    last = match_key(words[-1]) if words and text.endswith(words[-1]) else ""
    return bool(last) and last != "و" and (last in stopwords() or last == match_key(noun))


_LETTERS_RUN = recache.compile(rf"[{LETTERS}]+")


@lru_cache(maxsize=64)
def _noun_stems(etype: str) -> frozenset[str]:
    return frozenset(stem(k) for k, v in gazetteer().list_nouns.items() if v == etype)


def _counts_by_sentence(ctx: Context) -> dict[int, list[Fact]]:
    out: dict[int, list[Fact]] = {}
    for f in ctx.facts:
        if f.type == "count":
            out.setdefault(f.sentence, []).append(f)
    return out
