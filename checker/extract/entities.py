"""Places, organisations and nationalities from ``rules/lexicons/entities.yaml`` (+ CLDR names).

Matching runs on folded text (hamza, alef maqsura, teh marbuta, diacritics, tatweel) with an
optional glued proclitic (و ب ل ف ك and their pairs), and maps spans back to the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker import lexicons
from checker.extract.base import Context, extractor, stopwords
from checker.text import recache
from checker.text.chars import ALPHABET, LETTERS, fold_with_map, map_span, match_key, strip_marks
from checker.text.clitics import (
    CONJUNCTION_RE,
    CONJUNCTIONS,
    DEMONYM_SUFFIXES,
    PREPOSITION_RE,
    PROCLITICS,
)
from checker.text.phrases import Phrases
from checker.text.words import strip_proclitic, zipf

#: CLDR names at least this frequent as plain words are not merged in
CLDR_MAX_ZIPF = 4.0
#: the letters of LETTERS (a regex class body of two ranges), for the phrase tables
_LETTER_RANGES = (("\u0621", "\u064a"), ("\u0671", "\u06d3"))
#: where a name (with its proclitic) may start: a letter after a non-letter
_WORD_START = recache.compile(f"(?<![{LETTERS}])[{LETTERS}]")
PLACE_TYPES = {"country": "place", "city": "place", "region": "place", "org": "org", "group": "org"}


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    canonical: str
    country: str | None


@dataclass(frozen=True)
class Gazetteer:
    entities: dict[str, Entity]
    surface: dict[str, tuple[str, str]]  # folded surface -> (entity id, "name" | "demonym")
    names: Phrases  # the surface forms as written after an optional proclitic
    lnames: Phrases  # definite names without their alef, as written after the preposition ل
    list_nouns: dict[str, str]  # folded stem -> entity type
    not_after: dict[str, tuple[str, ...]]  # folded name -> proclitics after which it is a common word
    adjectives: frozenset[str]  # folded names that are also common adjectives (مالي "financial")
    nisbas: frozenset[str]  # folded names written as the feminine demonym (السعودية: also "Saudi")
    measures: frozenset[str]  # folded names that are also a measure (قطر "diameter") before a number


def _cldr_names() -> dict[str, str]:
    try:
        from babel import Locale

        return dict(Locale.parse("ar").territories)
    except Exception:  # pragma: no cover - babel data missing
        return {}


def _tables() -> dict[str, Any]:
    """The lexicon's entities and folded surface forms (JSON, so that :func:`lexicons.cached` keeps them)."""
    data = lexicons.load("entities")
    cldr = _cldr_names()
    entities: list[list[str | None]] = []
    surface: dict[str, tuple[str, str]] = {}
    lforms: dict[str, tuple[str, str]] = {}
    not_after: dict[str, list[str]] = {}
    adjectives: set[str] = set()
    measures: set[str] = set()
    nisbas: set[str] = set()
    for row in data["entities"]:
        names = list(row["names"])
        extra = cldr.get(row["id"]) if row["type"] == "country" else None
        # a one-word CLDR name that is also a common word (مالي "financial", بنين "sons") is left
        # out: the lexicon lists the names it wants matched
        if extra and (" " in extra.strip() or zipf(extra) < CLDR_MAX_ZIPF):
            names.append(extra)
        entities.append([row["id"], row["type"], row["names"][0], row.get("country")])
        for name in names:
            key = match_key(name)
            surface.setdefault(key, (row["id"], "name"))
            if row.get("not_after"):
                not_after[key] = sorted(row["not_after"])
            if row.get("adjective"):
                adjectives.add(key)
            if row.get("measure"):
                measures.add(key)
            if key.startswith("ال") and len(key) > 4:
                lforms.setdefault(key[1:], (row["id"], "name"))  # للتحالف: ل + التحالف
        for dem in row.get("demonyms", []):
            base = match_key(dem)
            if match_key("ال" + dem + "ة") in map(match_key, names):
                nisbas.add(match_key("ال" + dem + "ة"))
            forms = [base + s for s in DEMONYM_SUFFIXES] if base.endswith("ي") else [base]
            for f in forms:
                surface.setdefault(f, (row["id"], "demonym"))
                surface.setdefault("ال" + f, (row["id"], "demonym"))
    list_nouns = {}
    for etype, nouns in data.get("list_nouns", {}).items():
        for n in nouns:
            list_nouns[match_key(n)] = etype
            list_nouns["ال" + match_key(n)] = etype
    return {
        "entities": entities,
        "surface": surface,
        "lforms": lforms,
        "list_nouns": list_nouns,
        "not_after": not_after,
        "adjectives": sorted(adjectives),
        "nisbas": sorted(nisbas),
        "measures": sorted(measures),
    }


def _alternation(forms: dict[str, Any]) -> str:
    return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(forms, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Compile the entity lexicon once (its folded tables are kept in the cache between runs)."""
    here = Path(__file__).resolve().parent.parent / "text"
    sources = [*lexicons.sources("entities"), Path(__file__), here / "chars.py", here / "clitics.py"]
    t = lexicons.cached("gazetteer", sources, _tables, key=lexicons.package_stamp("babel", "wordfreq"))
    entities = {row[0]: Entity(row[0], row[1], row[2], row[3]) for row in t["entities"]}
    surface = {k: (v[0], v[1]) for k, v in t["surface"].items()}
    lforms = {k: (v[0], v[1]) for k, v in t["lforms"].items()}
    letters = frozenset(ch for a, b in _LETTER_RANGES for ch in map(chr, range(ord(a), ord(b) + 1)))
    names, lnames = Phrases(surface, letters), Phrases(lforms, letters)
    for k, v in lforms.items():
        surface.setdefault("ل" + k, v)
    not_after = {k: tuple(v) for k, v in t["not_after"].items()}
    adjectives = frozenset(t["adjectives"])
    nisbas, measures = frozenset(t["nisbas"]), frozenset(t["measures"])
    return Gazetteer(entities, surface, names, lnames, dict(t["list_nouns"]), not_after, adjectives, nisbas, measures)


def _match_at(gz: Gazetteer, text: str, i: int) -> tuple[str, int, int] | None:
    """The entity name written at the word start *i*, after an optional proclitic: ``(group, start,
    end)``. A definite name after the preposition ل has lost its alef (ل + التحالف = للتحالف): those
    forms are tried first, and only right after that ل; then any proclitic (longest first), then none."""
    for conj in ((text[i],) if text[i] in CONJUNCTIONS else ()) + ("",):
        q = i + len(conj)
        if text.startswith("ل", q):
            end = gz.lnames.longest(text, q + 1)
            if end is not None:
                return "lname", q + 1, end
    for pro in (*PROCLITICS, ""):
        if text.startswith(pro, i):
            end = gz.names.longest(text, i + len(pro))
            if end is not None:
                return "name", i + len(pro), end
    return None


def find_entities(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, entity id, how) for every lexicon entity in *text*; how is "name", "demonym"
    or "name-contracted" (لإمارات: the article's alef dropped after the preposition ل).

    >>> text = "اجتمع وزراء دفاع وفرنسا وبريطانيا بباريس"
    >>> [(text[a:b], i) for a, b, i, _ in find_entities(text)]
    [('فرنسا', 'FR'), ('بريطانيا', 'GB'), ('باريس', 'city-paris')]
    """
    gz = gazetteer()
    folded, index = fold_with_map(text, teh_marbuta=True)
    out = []
    after = 0
    for m in _WORD_START.finditer(folded):
        if m.start() < after:
            continue
        found = _match_at(gz, folded, m.start())
        if found is None:
            continue
        group, start, after = found
        name = " ".join(folded[start:after].split())
        hit = gz.surface.get("ل" + name if group == "lname" else name)
        if hit is None:
            continue
        if group == "name" and folded[m.start() : start][-1:] in gz.not_after.get(name, ()):
            continue  # بحماس: "with enthusiasm", not the movement
        if name in gz.adjectives and m.start() == start and _after_indefinite_noun(gz, folded, start):
            continue  # «تنظيم مالي جديد»: "financial", not Mali
        if name in gz.measures and _MEASURE_AFTER.match(folded, after):
            continue  # «الخط الرئيسي قطر (800) ملم»: a diameter, not Qatar
        a, b = map_span(index, start, after)
        out.append((a, b, hit[0], hit[1] + ("-contracted" if group == "lname" else "")))
    return out


def _compound_places(text: str, found: list[tuple[int, int, str, str]], gz: Gazetteer) -> set[int]:
    """Indexes of place names written side by side, one space and no conjunction, preposition or
    punctuation between («كأس كوبا أمريكا», «طريق مكة جدة», «مباراة السعودية العراق»): together
    they name one thing, a tournament, a road or a match, and neither is a place of the story."""
    out: set[int] = set()
    for n in range(len(found) - 1):
        (_, b1, e1, h1), (a2, _, e2, h2) = found[n], found[n + 1]
        kinds = {PLACE_TYPES.get(gz.entities[e].type) for e in (e1, e2)}
        if h1 == h2 == "name" and kinds == {"place"} and text[b1:a2] == " " and e1 != e2:
            out |= {n, n + 1}
    return out


def _name_glued_to_and(text: str, start: int) -> bool:
    """The place at *start* has و glued before it, and the word with its و is a foreign person's
    name (the trained name model's spellings) right after another such name or a given name:
    «ثيو والكوت»."""
    if start < 2 or text[start - 1] != "و" or text[start - 2].isalpha():
        return False
    from checker.extract.name_ends import name_model
    from checker.extract.name_words import is_given_name

    model = name_model()
    if model is None:
        return False
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    before = text[: start - 1].split()[-1:]
    known = model.lexicon.foreign
    return (
        match_key(text[start - 1 : end]) in known
        and bool(before)
        and match_key(before[0]) not in gazetteer().surface  # «بغداد والكوت»: a list of places
        and (match_key(before[0]) in known or is_given_name(before[0]))
    )


#: a number and a unit of length right after a name (a bracket allowed): the name is a measure
#: (قطر (800) ملم، بقطر 40 سم), not a place (قطر 2-1 is a score)
_MEASURE_AFTER = re.compile(
    r"\s*[(\[]?\s*[0-9\u0660-\u0669][0-9\u0660-\u0669.,]*\s*[)\]]?\s*"
    r"(?:ملم|مم|مليمتر|ملليمتر|سم|سنتيمتر|سنتمتر|متر|م|بوصه|انش|كم)(?![^\W\d_])"
)


def _nisba_adjective(gz: Gazetteer, text: str, start: int, end: int) -> bool:
    """A country written as its feminine demonym (السعودية) right after a definite noun it qualifies."""
    return match_key(text[start:end]) in gz.nisbas and _after_definite_noun(text, start)


def _after_definite_noun(text: str, start: int) -> bool:
    """The word right before *start* is a definite noun (الجمعية، الأنباء، بالقوات), which a name
    written as a feminine demonym qualifies."""
    prev = [w.strip(OPENING_MARKS + "\"'»”)]") for w in text[:start].split()[-1:]]
    if not prev or not prev[0].isalpha() or not text[start - 1].isspace():
        return False  # «الجوازات» السعودية: the quotes around the noun are no word
    word = match_key(strip_proclitic(prev[0])[1] or prev[0])
    return word.startswith("ال") and word not in stopwords()


def _after_indefinite_noun(gz: Gazetteer, folded: str, start: int) -> bool:
    """The word before *start* is an indefinite word of content (تنظيم، دعم), after which a name
    that is also an adjective is the adjective; not a function word, nor a noun that names a kind
    of place (دولة مالي)."""
    prev = folded[:start].split()[-1:]
    if not prev or not prev[0].isalpha():
        return False
    word = strip_proclitic(prev[0])[1] or prev[0]
    return not (word.startswith("ال") or word in stopwords() or word in gz.list_nouns)


@lru_cache(maxsize=1)
def _club_pattern() -> re.Pattern[str] | None:
    """The clubs of ``known_orgs.yaml`` whose names have two words or more (a city's name and more:
    مانشستر سيتي), folded, with an optional proclitic."""
    names = {match_key(c) for c in lexicons.load("known_orgs").get("clubs", []) if len(c.split()) >= 2}
    if not names:
        return None
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<![{LETTERS}])(?:[وفبل]|ول|وب)?(?:ال)?(?P<c>{body})(?![{LETTERS}])")


def _club_spans(text: str) -> list[tuple[int, int]]:
    """Where a well-known club whose name starts with a city's is named (text offsets)."""
    pattern = _club_pattern()
    if pattern is None:
        return []
    folded, index = fold_with_map(text, teh_marbuta=True)
    return [map_span(index, m.start("c"), m.end("c")) for m in pattern.finditer(folded)]


@extractor("entities")
def extract_entities(ctx: Context) -> None:
    gz = gazetteer()
    last_end, last_marker = -1, ""
    found = [
        # «الجمعية السعودية للإدارة», «العاصمة السعودية الرياض»: the adjective "Saudi", not the country
        (a, b, eid, "demonym" if how == "name" and _nisba_adjective(gz, ctx.text, a, b) else how)
        for a, b, eid, how in find_entities(ctx.text)
    ]
    paired = _compound_places(ctx.text, found, gz)
    clubs = _club_spans(ctx.text) if found else []
    for n, (a, b, eid, how) in enumerate(found):
        ent = gz.entities[eid]
        if how != "demonym" and _name_glued_to_and(ctx.text, a):
            continue  # «ثيو والكوت»: Walcott, not و + the city of Kut
        if how != "demonym" and any(s <= a and b <= e for s, e in clubs):
            continue  # «مانشستر سيتي»، «باريس سان جيرمان»: a club, not the city
        if n in paired:
            continue  # «كوبا أمريكا», «طريق مكة جدة»: two places side by side name a tournament or a road
        if how == "demonym":
            if demonym_is_name(ctx.text, a, b):
                continue  # «الأمير تركي الفيصل», «العقيد تركي الردادي»: the given name, not "Turkish"
            ctx.add("nationality", eid, eid, ent.canonical, a, b, "lexicon.demonym", [("entity_type", ent.type)])
        else:
            ftype = PLACE_TYPES.get(ent.type, "org")
            attrs: list[tuple[str, object]] = [("entity_type", ent.type)]
            if ent.country:
                attrs.append(("country", ent.country))
            if how == "name-contracted":
                attrs.append(("contracted", True))
            ctx.add(ftype, eid, eid, ent.canonical, a, b, "lexicon.entity", attrs)
            if ftype == "place":
                # the place with the preposition that ties it to the sentence (في تونس, للسودان,
                # ضد سوريا): two articles that say the same thing of different places contradict
                # a coordinated place shares the preposition of the first (في سوريا والعراق; بين أ وب)
                gap = strip_marks(ctx.text[last_end:a])
                mk = last_marker if last_end >= 0 and _COORD_RE.match(gap) else marker(ctx.text, a)
                if ent.type == "country" and mk == "في" and after_title(ctx.text, a):
                    last_end, last_marker = b, mk
                    continue  # نائب القائد الأعلى للقوات المسلحة بدولة الإمارات: whose title, not where
                left, right = slot_frame(ctx, a, b)
                frame = [("left", left), ("right", right)]
                ctx.add("location", mk, eid, ent.canonical, a, b, "lexicon.location", attrs + frame, claim=False)
                last_end, last_marker = b, mk


#: quotation marks and brackets that may open the word before a name
OPENING_MARKS = "\"'«“„(["


def demonym_is_name(text: str, start: int, end: int) -> bool:
    """Whether the demonym at *start*..*end* is a given name written alike (تركي): it has no article
    and the lexicon lists it as a given name, and it cannot be an adjective here, as the word before
    is definite (an adjective of «الأمير» would be «التركي»), a reporting verb or none in the clause,
    or the word after is a particle or another name (تركي بن طلال، تركي الفيصل).

    >>> demonym_is_name("وقال الأمير تركي الفيصل", 12, 16), demonym_is_name("وقال مسؤول تركي إن", 11, 15)
    (True, False)
    """
    from checker.extract.name_words import given_key, name_lexicon
    from checker.extract.titles import speech_verbs

    word = text[start:end]
    given, particles, _ = name_lexicon()
    if match_key(word).startswith("ال") or given_key(word) not in given:
        return False
    before = text[max(0, start - 40) : start]
    if before[-1:].isalpha():
        return False  # a proclitic glued to it (وتركي): read as written
    after = text[end : end + 40].split()
    if after and after[0].isalpha():
        nxt = match_key(after[0])
        nisba = nxt.startswith("ال") and nxt.endswith("ي") and len(nxt) >= 5  # not إلى
        if nxt in particles or given_key(after[0]) in given or (nisba and nxt not in stopwords()):
            return True
    prev = before.split()[-1:] if before.strip() else []
    if not prev or not prev[0][-1:].isalpha():
        return True  # the clause opens with it
    bare = match_key(strip_proclitic(prev[0].lstrip(OPENING_MARKS))[1])  # «"المقدم تركي»: the mark is no letter
    return bare.startswith("ال") or bare in speech_verbs()


#: words of a title before the country it is of (وزير الخارجية في المملكة العربية السعودية)
TITLE_REACH = 6


def after_title(text: str, start: int) -> bool:
    """Whether the country at *start* completes a title (a title word, its qualifiers, then ب or في):
    the country the title is of, not where the event happens.

    >>> after_title("نائب القائد الأعلى للقوات المسلحة بدولة الإمارات", 35)
    True
    >>> after_title("عادل الجبير وزير الخارجية في المملكة", 29), after_title("وصل الوزير في المملكة", 14)
    (True, False)
    """
    from checker.extract.titles import title_lexicon

    clause = text[max(0, start - 90) : start]
    cut = max(clause.rfind(c) for c in ".؛:!؟\n،,")
    words = clause[cut + 1 :].split()
    if words and match_key(words[-1]) in ("ب", "في", "فى"):
        words.pop()
    titles, quals = title_lexicon()
    heads = {t.split()[0] for t in titles}
    qualified = False
    for w in reversed(words[-TITLE_REACH:]):
        keys = {match_key(w), match_key(strip_proclitic(w)[1])}
        keys |= {k[2:] for k in keys if k.startswith("ال")}
        if keys & quals:
            qualified = True
        elif keys & heads:
            return qualified  # «الوزير في المملكة» is where the minister is
        else:
            return False
    return False


_COORD_RE = recache.compile(r"^[\s,\u060c]*و\s*$")

#: words of the sentence kept on each side of a place (its slot frame)
FRAME_WORDS = 4
#: stands for the sentence's edge in a slot frame
EDGE = "|"
_FRAME_WORD_RE = recache.compile(r"\w+")


def slot_frame(ctx: Context, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of the sentence right before and right after ``text[start:end]``, folded, nearest
    first (a glued proclitic is the first word on the left: بطنجة gives ("ب", ...)); the
    sentence's edge ends a side. Two articles that write the same sentence with another place
    in the same slot contradict (``compare`` with ``slot_frames``)."""
    an = ctx.analysis
    if not an.tokens:
        return (), ()
    lo, hi = an.sentences[ctx.sentence_at(start)]
    s0, s1 = an.tokens[lo].start, an.tokens[max(lo, hi - 1)].end
    before = _FRAME_WORD_RE.findall(match_key(ctx.text[min(s0, start) : start]))
    after = _FRAME_WORD_RE.findall(match_key(ctx.text[end : max(s1, end)]))
    left = tuple(reversed([EDGE, *before][-FRAME_WORDS:]))
    right = tuple([*after, EDGE][:FRAME_WORDS])
    return left, right


@lru_cache(maxsize=1)
def prepositions() -> tuple[str, ...]:
    """``rules/lexicons/stopwords.yaml``: prepositions, folded."""
    return tuple(match_key(p) for p in lexicons.load("stopwords")["prepositions"])


_MARKER_RE = recache.compile(rf"(?:^|[^{ALPHABET}]){CONJUNCTION_RE}?(?P<clitic>{PREPOSITION_RE})?$")


def marker(text: str, start: int) -> str:
    """The preposition before a place: a glued ب/ل/ك, or one of :func:`prepositions` right before
    it; "" for none. An apposition head between them is skipped (بالعاصمة البريطانية لندن: في).

    The locative ب counts as في (بالمغرب = في المغرب).

    >>> marker("وقع في باريس", 7), marker("تزويدها للسودان", 9), marker("وفرنسا", 1), marker("ضد سوريا", 3)
    ('في', 'ل', '', 'ضد')
    >>> marker("وقع بباريس", 5), marker("اجتمعوا بالعاصمة الفرنسية باريس", 26)
    ('في', 'في')
    """
    head = text[max(0, start - 12) : start]
    m = _MARKER_RE.search(head)
    if m and m.group("clitic"):
        return "في" if m.group("clitic") == "ب" else m.group("clitic")  # بالمغرب = في المغرب
    if head.endswith((" ", "\u00a0")):
        words = text[max(0, start - 40) : start].split()
        if words:
            w = match_key(words[-1])
            for p in prepositions():
                if w == p or (w[:1] in CONJUNCTIONS and w[1:] == p):
                    return p
            # skip an apposition: (prep) العاصمة / مدينة [+ adjective] + the place
            for word in words[-2:][::-1]:
                clitic, bare = strip_proclitic(word)
                if not _apposition_head(match_key(bare)):
                    continue
                prep = clitic.lstrip("".join(CONJUNCTIONS))[:1]
                if prep in ("ب", "ل"):
                    return "في" if prep == "ب" else "ل"
                return marker(text, text.rfind(word, 0, start))
    return ""


@lru_cache(maxsize=1)
def _apposition_heads() -> frozenset[str]:
    heads = {match_key(h) for h in lexicons.load("heads")["place_heads"] if " " not in h}
    heads |= {match_key("عاصمة")}
    return frozenset(heads | {"ال" + h for h in heads})


def _apposition_head(word: str) -> bool:
    return word in _apposition_heads()
