"""``coverage``: a notable fact (a titled person, a place or organisation, a figure, a quotation)
that only one article states: a gap."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from checker import lexicons
from checker.engine.align import Cluster
from checker.engine.checks.compare import ALIGN_PARAMS
from checker.engine.checks.compare import FACTS as ALIGNABLE
from checker.engine.checks.variant import SPELLING_PARAMS
from checker.engine.evidence import ev, finding, noun, others
from checker.engine.factbase import AlignSpec, FactBase
from checker.engine.names import by_given_name, person_clusters
from checker.engine.rules import Rule
from checker.facts.figures import amount, same_amount
from checker.model import Fact, Finding
from checker.text.chars import match_key
from checker.text.words import light_stem, plain_words, strip_proclitic

NAME = "coverage"
KINDS = ("gap",)
FACTS = ("count", "number", "ordinal", "percent", "money", "date", "person", "office", "place", "org", "quote")
FIELDS = frozenset({"fact", "article", "value", "others", "noun"})
ENTITIES = ("place", "org")
#: figures another article may state of other words (حوالي 260 متمردا / 260 عنصرا)
FIGURES = ("count", "number", "percent", "money")
#: figures that may be one amount read as different types: a count whose noun is missed in
#: another article is a bare number there (بعمق ٢٠ مترا / بعمق ٢٠م), an amount whose currency is
#: left out is a count (بأكثر من مليار / بمليار ريال)
AMOUNTS = ("count", "number", "money")
PARAMS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "min_articles": {"type": "integer", "minimum": 2},
        "min_mentions": {"type": "integer", "minimum": 1},
        "entity_types": {"type": "array", "items": {"type": "string"}},
        "located_only": {
            "type": "array",
            "items": {"type": "string"},
            "description": "entity types that are a gap only where the lone article places something there "
            "(a preposition of located_markers before the name: في باريس), not where the name qualifies "
            "another (شرطة مكة، مؤتمر الرياض)",
        },
        "located_markers": {"type": "array", "items": {"type": "string"}},
        "house_words": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": "entity id -> words an outlet's house style names it by in running text "
            "(SA: المملكة); an article that uses one near a fact names the entity for the gap",
        },
        "align_facts": {"type": "array", "minItems": 1, "items": {"enum": list(ALIGNABLE)}},
        "skip_asides": {
            "type": "boolean",
            "description": "no gap for what an article states only in an aside: a background sentence "
            "(يشار إلى أن ...) or another item after a topic shift (في سياق آخر; ``aside`` facts)",
        },
        "max_per_article": {
            "type": "integer",
            "minimum": 1,
            "description": "at most this many gaps of the rule from one article, the earliest first (the "
            "lead before the details): a long article set against a brief would list every detail",
        },
        "min_content_overlap": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "quotation gaps: no gap where another article has a quotation sharing this share "
            "of the shorter one's content words (one statement in another agency's translation)",
        },
        "mirror_overlap": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "quotation gaps: two articles that each carry a quotation of one speaker the other "
            "lacks, sharing this share of the shorter one's content words (and four words), carry one statement "
            "in two looser translations: neither is a gap",
        },
        "skip_windows": {
            "type": "boolean",
            "description": "figure gaps: a reporting window (خلال 24 ساعة الماضية، الأيام الثلاثة المقبلة) is no "
            "fact of the story",
        },
        "skip_vague": {
            "type": "boolean",
            "description": "figure gaps: a vague amount (عشرات، مئات الآلاف) is no figure worth a second source",
        },
        "skip_one_in_words": {
            "type": "boolean",
            "description": "figure gaps: a count of one written in words after its noun (في أسبوع واحد، عائلة "
            "واحدة) says 'a single', not a figure worth a second source",
        },
        **ALIGN_PARAMS,
        **SPELLING_PARAMS,
    },
}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    if len(fb.articles) < rule.param("min_articles", 2):
        return []
    out: list[Finding] = []
    if "person" in rule.facts:
        out += _people(rule, fb)
    if any(t in ENTITIES for t in rule.facts):
        out += _entities(rule, fb)
    if any(t not in ("person", "office", *ENTITIES) for t in rule.facts):
        out += _values(rule, fb)
    if rule.param("skip_asides", False):
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for a in fb.of(("aside",)):
            spans[a.article].append((a.start, a.end))
        out = [f for f in out if not _in_asides(f, spans)]
    out = [f for f in out if not _own_outlet_only(f, fb)]
    return _earliest_per_article(out, rule.param("max_per_article", 0))


def _earliest_per_article(gaps: list[Finding], limit: int) -> list[Finding]:
    """At most *limit* gaps (0: all) from each article, those whose evidence comes first."""
    if not limit:
        return gaps
    by_article: dict[str, list[Finding]] = defaultdict(list)
    for g in gaps:
        by_article[g.evidence[0].article if g.evidence else ""].append(g)
    keep = {id(g) for fs in by_article.values() for g in sorted(fs, key=_first_offset)[:limit]}
    return [g for g in gaps if id(g) in keep]


def _first_offset(gap: Finding) -> tuple[int, str]:
    return (min((e.start for e in gap.evidence), default=0), gap.message)


def _own_outlet_only(gap: Finding, fb: FactBase) -> bool:
    """Every article that lacks the fact is another version from the outlet that states it (a
    teaser ending «...المزيد» beside its full interview): an outlet is not compared with itself."""
    article = gap.evidence[0].article if gap.evidence else ""
    source = fb.sources.get(article)
    lacking = [a for a in fb.articles if a != article]
    return bool(source) and bool(lacking) and all(fb.sources.get(a) == source for a in lacking)


def _in_asides(gap: Finding, spans: dict[str, list[tuple[int, int]]]) -> bool:
    """Every piece of the gap's evidence lies in an aside (*spans*: each article's aside spans)."""
    return bool(gap.evidence) and all(
        any(s <= e.start and e.end <= t for s, t in spans.get(e.article, ())) for e in gap.evidence
    )


def _gap(rule: Rule, facts: list[Fact], fact: str, value: str, fb: FactBase, shown: int = 3) -> Finding:
    article = facts[0].article
    fields = {"article": article, "value": value, "others": others(fb.articles, article), "noun": noun(facts[0])}
    return finding(rule, [ev(f) for f in facts[:shown]], fact, **fields)


def _people(rule: Rule, fb: FactBase) -> list[Finding]:
    """A person introduced with a role whom only one article names. Not a person whose every
    titled mention is doubtful (words after a title that are no name, a building named after
    someone: :mod:`checker.extract.person_checks`), nor one whose title and given name another
    article gives a person (الدكتورة ميساء السويلم / الدكتورة ميساء نصائح: the name cut wrong), nor one
    another article names by his office alone where the rule reads ``office`` facts (وسمو ولي ولي عهده)."""
    clusters = [p for c in person_clusters(fb.of(("person",)), rule) for p in by_given_name(c)]
    offices = fb.of(("office",)) if "office" in rule.facts else []
    named_offices = {(f.article, k) for f in offices for k in f.attr("holders") or ()}
    out = []
    for cluster in clusters:
        titled = [f for f in cluster if f.attr("role") and not f.attr("doubtful")]
        if len({f.article for f in cluster}) != 1 or not titled or len(cluster) < rule.param("min_mentions", 1):
            continue
        if _introduced_elsewhere(titled, clusters):
            continue
        if named_offices and _office_elsewhere(cluster, named_offices, fb.articles):
            continue
        f = titled[0]
        out.append(_gap(rule, cluster, "person", f"{f.display} ({f.attr('role')})", fb))
    return out


def _office_elsewhere(cluster: list[Fact], named: set[tuple[str, str]], articles: list[str]) -> bool:
    """Another article names the person's office without a holder (an ``office`` fact whose
    holders include one of the person's keys)."""
    article = cluster[0].article
    keys = {f.key for f in cluster}
    return any((a, k) in named for a in articles if a != article for k in keys)


def _introduced_elsewhere(titled: list[Fact], clusters: list[list[Fact]]) -> bool:
    """Another article names a person with one of these titles and the same given name."""
    article = titled[0].article
    mine = {_title_and_given(f) for f in titled}
    return any(
        f.article != article and f.attr("role") and _title_and_given(f) in mine
        for cluster in clusters
        for f in cluster
        if len({g.article for g in cluster}) > 1
    )


def _title_and_given(f: Fact) -> tuple[str, str]:
    """The last word of a person's title and the first word of the name, folded."""
    return match_key(str(f.attr("role")).split()[-1]), str(f.value).split()[0]


def _entities(rule: Rule, fb: FactBase) -> list[Finding]:
    """A place or organisation only one article names (a demonym of a country names it too)."""
    wanted = rule.param("entity_types", None)
    by_id: dict[str, list[Fact]] = defaultdict(list)
    written: dict[str, set[str]] = defaultdict(set)  # articles that write the name as a family name
    for f in fb.of(tuple(t for t in rule.facts if t in ENTITIES)):
        if f.attr("doubtful"):
            written[f.key].add(f.article)
            continue  # a family name read as a place (الدكتور السويد)
        if not wanted or f.attr("entity_type") in wanted:
            by_id[f.key].append(f)
    # a demonym names its country: «الاجتياح التركي» mentions Turkey, «المنتخب الألماني» Germany
    demonyms: dict[str, set[str]] = defaultdict(set)
    for f in fb.of(("nationality",)):
        if not f.attr("doubtful"):  # «اللواء منصور التركي»: a family name, no mention of Turkey
            demonyms[f.key].add(f.article)
    # and a city its country, where the country only qualifies something (جنوب اليمن) and is no
    # place where something happens (بالسعودية): «عدن اليوم باتت أكثر أمناً» is a story in Yemen
    cities: dict[str, set[str]] = defaultdict(set)
    for f in fb.of(("place",)):
        if f.attr("entity_type") == "city" and f.attr("country") and not f.attr("doubtful"):
            cities[str(f.attr("country"))].add(f.article)
    placed = {(f.article, f.start) for f in fb.of(("location",)) if f.key}
    for eid, words in rule.param("house_words", {}).items():
        demonyms[eid] |= _articles_saying(fb, words)  # «مع المملكة، الكويت، الإمارات»: Saudi Arabia
    unnamed = _unnamed_bodies(fb)
    located_only = set(rule.param("located_only", []))
    markers = set(rule.param("located_markers", []))
    located = {(f.article, f.start) for f in fb.of(("location",)) if f.key in markers}
    lone: list[list[Fact]] = []
    for eid in sorted(by_id):
        fs = by_id[eid]
        named = {f.article for f in fs} | demonyms.get(eid, set()) | written.get(eid, set())
        if not any((f.article, f.start) in placed for f in fs):
            named |= cities.get(eid, set())
        if fs[0].type == "org" and unnamed.get(_head(fs[0].text), set()) - named:
            continue  # «التحالف العربي» here, «للتحالف العسكري بقيادة المملكة» there: the body in other words
        if fs[0].attr("entity_type") in located_only and not any((f.article, f.start) in located for f in fs):
            continue  # شرطة مكة، مؤتمر الرياض: the city only qualifies another name
        if len(named) == 1 and len(fs) >= rule.param("min_mentions", 1):
            lone.append(fs)
    out = []
    for fs, members in _by_list(lone, fb):
        value = "، ".join(dict.fromkeys(f.display for f in fs))
        out.append(_gap(rule, fs, fs[0].type, value, fb, shown=len(fs) if members else 3))
    return out


def _articles_saying(fb: FactBase, words: list[str]) -> set[str]:
    """Articles with one of *words* near a fact of theirs: a fact's context word (a light stem:
    المملكة -> مملك) that the word, folded and without its article, starts with."""
    keys = [k[2:] if k.startswith("ال") else k for k in map(match_key, words)]

    def says(context: frozenset[str]) -> bool:
        return any(len(c) >= len(k) - 2 and k.startswith(c) for c in context for k in keys)

    return {f.article for f in fb.facts if says(f.context)}


#: a list of this many members or more is reported once, not member by member
LIST_MEMBERS = 3


def _by_list(lone: list[list[Fact]], fb: FactBase) -> list[tuple[list[Fact], bool]]:
    """Entities only one article names, those named only as members of one list of that article
    (محاضرون من بريطانيا وفرنسا وأيرلندا وإثيوبيا) joined into one gap (the first mention of each;
    the flag says which are joined lists)."""
    lists = [f for f in fb.of(("list",)) if len(f.value) >= LIST_MEMBERS]

    def home(fs: list[Fact]) -> Fact | None:
        for lst in lists:
            if all(f.article == lst.article and lst.start <= f.start and f.end <= lst.end for f in fs):
                return lst
        return None

    out: list[list[Fact]] = []
    joined: dict[tuple[str, int], list[Fact]] = {}
    for fs in lone:
        lst = home(fs)
        if lst is None:
            out.append(fs)
        elif (lst.article, lst.start) in joined:
            joined[(lst.article, lst.start)].append(fs[0])
        else:
            joined[(lst.article, lst.start)] = [fs[0]]
            out.append(joined[(lst.article, lst.start)])
    members = {id(fs) for fs in joined.values()}
    return [(sorted(fs, key=lambda f: f.start), True) if id(fs) in members else (fs, False) for fs in out]


def _head(name: str) -> str:
    """The head noun of an organisation's name, without clitics or article: التحالف -> تحالف."""
    words = name.split()
    if not words:
        return ""
    head = match_key(strip_proclitic(words[0])[1])
    return head[2:] if head.startswith("ال") and len(head) > 4 else head


def _unnamed_bodies(fb: FactBase) -> dict[str, set[str]]:
    """Head noun -> articles that name a body of a kind the press often describes
    (``described_bodies``) by a description the lexicon does not know (``org-pattern``: للتحالف
    العسكري بقيادة المملكة), which may be a known body in other words."""
    kinds = _described_bodies()
    out: dict[str, set[str]] = defaultdict(set)
    for f in fb.of(("org",)):
        if f.attr("entity_type") == "org-pattern" and _head(f.text) in kinds:
            out[_head(f.text)].add(f.article)
    return out


@lru_cache(maxsize=1)
def _described_bodies() -> frozenset[str]:
    """``described_bodies`` of ``rules/lexicons/heads.yaml``, folded."""
    return frozenset(match_key(w) for w in lexicons.load("heads").get("described_bodies", []))


def _values(rule: Rule, fb: FactBase) -> list[Finding]:
    """A figure, date or quotation that aligns with nothing in the other articles."""
    value_types = tuple(t for t in rule.facts if t not in ("person", "office", *ENTITIES))
    spec = AlignSpec.from_params(rule.param("align_facts", value_types), rule.params)
    lone: list[Cluster] = []
    for g in fb.groups(spec):
        if len(g.articles()) != 1:
            continue
        c = g.clusters[0]
        if c.type not in value_types or len(c.facts) < rule.param("min_mentions", 1):
            continue
        if rule.param("skip_one_in_words", False) and all(_one_in_words(f) for f in c.facts):
            continue  # في أسبوع واحد: "a single week", no figure to check
        if rule.param("skip_vague", False) and all(f.attr("written") == "vague" for f in c.facts):
            continue  # عشرات الغارات: "tens of raids", no figure to check
        if rule.param("skip_windows", False) and all(f.attr("window") for f in c.facts):
            continue  # خلال 24 ساعة الماضية: the time a report covers, no fact of the story
        if _stated_elsewhere(c, fb, spec):
            continue  # حوالي 260 متمردا / 260 عنصرا: the figure is there, said of other words
        if any(f.attr("echoed") for f in c.facts):
            continue  # another article carries the quotation as reported speech
        overlap = rule.param("min_content_overlap", 0)
        if c.type == "quote" and overlap and _translated_elsewhere(c, fb, overlap):
            continue  # the same words in another agency's translation (لا شك على الإطلاق … أكثر أمانا)
        lone.append(c)
    mirrored = _mirror_pairs(lone, rule.param("mirror_overlap", 0))
    return [_gap(rule, c.facts, c.type, c.first.display, fb) for c in lone if id(c) not in mirrored]


#: a mirror pair shares at least this many content words
MIRROR_SHARED_WORDS = 4


def _mirror_pairs(lone: list[Cluster], share: float) -> set[int]:
    """Quotation gaps that come in pairs: two articles each carry a quotation of one speaker that
    the other lacks, sharing at least *share* of the shorter one's content words (and
    :data:`MIRROR_SHARED_WORDS`): one statement in two agencies' looser translations (بعد مشاركة
    فالكاو أصبح الفريق … نصف ملعب المنافس / منذ إشراك فالكاو أصبح الفريق … نصف ملعب برشلونة)."""
    if not share:
        return set()
    quotes = [c for c in lone if c.type == "quote" and c.key]
    stems = {id(c): content_stems(" ".join(str(f.value) for f in c.facts)) for c in quotes}

    def score(a: Cluster, b: Cluster) -> float:
        if a.article == b.article or a.key != b.key:
            return 0.0
        shared = len(stems[id(a)] & stems[id(b)])
        smaller = min(len(stems[id(a)]), len(stems[id(b)]))
        return shared / smaller if shared >= MIRROR_SHARED_WORDS and shared >= share * smaller else 0.0

    best: dict[int, Cluster] = {}
    for a in quotes:
        top = max(((score(a, b), -n) for n, b in enumerate(quotes) if b is not a), default=(0.0, 0))
        if top[0] > 0:
            best[id(a)] = quotes[-top[1]]
    # one statement, one translation each: only quotations that are each other's best match pair up
    return {i for i, b in best.items() if id(b) in best and id(best[id(b)]) == i}


#: at least this many content words shared, besides the share of the shorter quotation
MIN_SHARED_WORDS = 3


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(match_key(w) for w in lexicons.load("stopwords")["stopwords"])


def content_stems(text: str) -> frozenset[str]:
    """The light stems (:func:`checker.text.words.light_stem`) of a quotation's content words: what
    two translations of one sentence share (ستجعل / سيجعل، أمنا / أمانا, مصر، فيينا، المنطقة)."""
    stops = _stopwords()
    return frozenset(
        st for w in plain_words(match_key(text)) if w not in stops and (st := light_stem(w)) and st not in stops
    )


def _translated_elsewhere(c: Cluster, fb: FactBase, share: float) -> bool:
    """Another article has a quotation of the same speaker sharing at least *share* of the shorter
    one's content words (and :data:`MIN_SHARED_WORDS`): one statement in another translation."""
    mine = content_stems(" ".join(str(f.value) for f in c.facts))
    speakers = {f.key for f in c.facts}
    for other in fb.of(("quote",)):
        if other.article == c.article or other.key not in speakers:
            continue
        theirs = content_stems(str(other.value))
        shared = len(mine & theirs)
        if shared >= MIN_SHARED_WORDS and shared >= share * min(len(mine), len(theirs)):
            return True
    return False


def _one_in_words(f: Fact) -> bool:
    return f.type == "count" and f.value == 1 and f.attr("written") == "words"


def _stated_elsewhere(c: Cluster, fb: FactBase, spec: AlignSpec) -> bool:
    """A figure is no gap when another article states a compatible value of the same type (or
    an amount of one of :data:`AMOUNTS` read as another), whatever noun or context it comes with."""
    if c.type not in FIGURES:
        return False
    if c.type == "count" and any(
        o.article != c.article and o.key == c.key and amount(o) == amount(c.first) for o in fb.of(("ordinal",))
    ):
        return True  # «الجامبوري العالمي الـ 23» / «الجامبوري العالمي الثالث والعشرون»: one rank, in words
    if c.type == "count" and _in_other_units(c, fb):
        return True  # ثلث الساعة / 20 دقيقة: one duration in two units
    return any(
        other.article != c.article and _same_figure(c, other, spec) for g in fb.groups(spec) for other in g.clusters
    )


def _in_other_units(c: Cluster, fb: FactBase) -> bool:
    """Another article states the count's measure in another unit of the same dimension (the
    ``unit`` attribute: dimension and size in the dimension's base unit), to within 1 %."""
    unit = c.first.attr("unit")
    if not unit:
        return False
    dimension, size = unit
    measure = amount(c.first) * float(size)
    for o in fb.of(("count",)):
        other = o.attr("unit")
        if o.article != c.article and other and other[0] == dimension and other[1] != size:
            theirs = amount(o) * float(other[1])
            if abs(theirs - measure) <= 0.01 * max(abs(theirs), abs(measure)):
                return True
    return False


def _same_figure(a: Cluster, b: Cluster, spec: AlignSpec) -> bool:
    if "vague" in (a.first.attr("written"), b.first.attr("written")) and a.key != b.key:
        return False  # «عشرات السيارات» (20–99) states no «30 مترا»
    if a.type == b.type:
        return spec.compatible(a, b) is True
    return a.type in AMOUNTS and b.type in AMOUNTS and same_amount(a.first, b.first, spec.tolerance)
