"""``alias``: one entity that the articles call by different names.

Which difference is reported is the rule's ``when``:

- ``apart`` (default): two articles name the entity with no name in common (داعش in one, تنظيم
  الدولة in the other); an article that uses both names explains them to its reader;
- ``headline``: a headline names it in a way another article does not: another headline names it
  otherwise («مسك» / «مسك الخيرية»), or another article never uses the headline's name;
- ``gloss``: one article gives its short name beside the name (وكالة الأنباء الإماراتية "وام"),
  another names the entity and never uses that short name.

An entity gets one finding: a later test leaves alone what an earlier one reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from checker import lexicons
from checker.engine.checks.variant import SPELLING_PARAMS
from checker.engine.evidence import ev, finding
from checker.engine.factbase import FactBase
from checker.engine.names import COMMON, form_groups, surface_base, written
from checker.engine.rules import Rule
from checker.model import Evidence, Fact, Finding
from checker.text.chars import has_arabic, match_key
from checker.text.words import zipf

NAME = "alias"
KINDS = ("alias",)
FACTS = ("place", "org", "nationality", "alias")
FIELDS = frozenset({"fact", "forms", "entity"})
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {**SPELLING_PARAMS, "when": {"enum": ["apart", "headline", "gloss"]}},
}

#: one mention: its group (one name, however spelled), its evidence, and its fact
Mention = tuple[int, Evidence, Fact]


def bare(form: str) -> str:
    """A name without its article: الخليج and خليج are one name, not two.

    >>> bare("الخليج"), bare("ألمانيا")
    ('خليج', 'ألمانيا')
    """
    return form[2:] if form.startswith("ال") and len(form) > 4 else form


@lru_cache(maxsize=1)
def _heads() -> tuple[frozenset[str], frozenset[str]]:
    """Place head nouns (منطقة, ولاية, دولة) and organisation head nouns (وكالة, وزارة), folded."""
    data = lexicons.load("heads")
    places = {match_key(h) for h in (*data["place_heads"], *data.get("country_heads", [])) if " " not in h}
    return frozenset(places), frozenset(match_key(h) for h in data["org_heads"] if " " not in h)


def _strip_head(form: str, heads: frozenset[str]) -> str:
    words = bare(match_key(form)).split()
    if len(words) > 1 and bare(words[0]) in heads:
        words = words[1:]
    return bare(" ".join(words))


#: words that open a compound place name (أبو ظبي is written أبوظبي too)
_GLUED = ("ابو ", "ام ", "بني ", "بو ")


def place_base(form: str) -> str:
    """A place's name without its head noun and epithets: منطقة عسير, مكة المكرمة and دولة الكويت
    are عسير, مكة and الكويت (one name, not an alias); سورية is سوريا, أبو ظبي is أبوظبي.

    >>> place_base("منطقة عسير") == place_base("عسير"), place_base("مكة المكرمة") == place_base("مكة")
    (True, True)
    >>> place_base("سورية") == place_base("سوريا"), place_base("أبو ظبي") == place_base("أبوظبي")
    (True, True)
    """
    name = _strip_head(form, _heads()[0])
    for p in _GLUED:
        name = name.replace(p, p.strip()) if name.startswith(p) else name
    first = name.split()[0]
    return first[:-1] + "ا" if first.endswith("ه") else first


@lru_cache(maxsize=1)
def _epithets() -> frozenset[str]:
    """``org_epithets`` of ``rules/lexicons/heads.yaml``, folded and without their article."""
    return frozenset(bare(match_key(w)) for w in lexicons.load("heads").get("org_epithets", []))


def org_base(form: str) -> str:
    """A known organisation's name without its head noun and the epithets after it: وكالة رويترز
    is رويترز, تنظيم داعش الإرهابي is داعش.

    >>> org_base("تنظيم داعش") == org_base("داعش") == org_base("تنظيم داعش الإرهابي")
    True
    """
    words = _strip_head(form, _heads()[1]).split()
    while len(words) > 1 and bare(words[-1]) in _epithets():
        words.pop()
    return " ".join(words)


def named_base(form: str) -> str:
    """An organisation known by its head noun without it, unless what is left is only common
    words: «العمل» is a short name of وزارة العمل, while شركة فيدار is فيدار.

    >>> named_base("شركة فيدار") == named_base("فيدار"), named_base("وزارة العمل") == named_base("العمل")
    (True, False)
    """
    name = org_base(form)
    if name != bare(match_key(form)) and all(zipf(w) >= COMMON for w in name.split()):
        return bare(match_key(form))
    return name


def _base(fs: list[Fact], eid: str) -> Callable[[str], str]:
    if fs[0].type == "nationality":
        return surface_base
    if any(f.type == "place" for f in fs):
        return place_base
    return named_base if has_arabic(eid) else org_base  # a free-text key: no lexicon entity


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    out = []
    when = rule.param("when", "apart")
    by_id: dict[str, list[Fact]] = defaultdict(list)
    for f in fb.of(rule.facts):
        by_id[f.key].append(f)
    for eid in sorted(by_id):
        fs = by_id[eid]
        base = _base(fs, eid)
        groups = form_groups([(written(f), ev(f, f.text)) for f in fs], rule, base, merge_extended=when == "apart")
        if len(groups) < 2:
            continue
        facts = {(f.article, f.start, f.end): f for f in fs}
        mentions = sorted(
            ((i, e, facts[(e.article, e.start, e.end)]) for i, g in enumerate(groups) for _, e in g),
            key=lambda m: (m[1].article, m[1].start, m[0]),
        )
        evidence = _test(when, mentions)
        if not evidence:
            continue
        forms = " = ".join(sorted({groups[i][0][0] for i, _, _ in _first_per_group(mentions, evidence)}))
        kind = next((f.type for f in fs if f.type != "alias"), "alias")
        display = next((f.display for f in fs if f.type != "alias"), fs[0].display)
        out.append(finding(rule, evidence, kind, forms=forms, entity=display))
    return out


def _test(when: str, mentions: list[Mention]) -> list[Evidence]:
    """The evidence of test *when*, unless an earlier test of :data:`TESTS` reports the entity
    (one finding an entity: named apart, else in the headlines, else a short name)."""
    for name, test in TESTS.items():
        if name == when:
            return test(mentions)
        if test(mentions):
            return []
    return []


def _first_per_group(mentions: list[Mention], evidence: list[Evidence]) -> list[Mention]:
    shown = {(e.article, e.start) for e in evidence}
    return [m for m in mentions if (m[1].article, m[1].start) in shown]


def _by_article(mentions: list[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        out[m[1].article].append(m)
    return out


def _anywhere(mentions: list[Mention]) -> list[Mention]:
    """Mentions that count outside headlines (not a house-style name like المملكة)."""
    return [m for m in mentions if not m[2].attr("headline_only")]


def _apart(mentions: list[Mention]) -> list[Evidence]:
    """Two articles name the entity with no name in common: the first mention of each name."""
    mentions = _anywhere(mentions)
    used = sorted({frozenset(i for i, _, _ in ms) for ms in _by_article(mentions).values()}, key=sorted)
    if not any(not (x & y) for i, x in enumerate(used) for y in used[i + 1 :]):
        return []
    return _firsts(mentions)


def _firsts(mentions: list[Mention]) -> list[Evidence]:
    seen: set[int] = set()
    out = []
    for i, e, _ in mentions:
        if i not in seen:
            seen.add(i)
            out.append(e)
    return sorted(out, key=lambda e: (e.article, e.start))


def _headline(mentions: list[Mention]) -> list[Evidence]:
    """A headline's names against another headline's, or against an article that never uses them."""
    arts = _by_article(mentions)
    heads = {a: [m for m in ms if m[2].attr("headline")] for a, ms in arts.items()}
    for a in sorted(arts):
        title = {i for i, _, _ in heads[a]}
        if not title:
            continue
        for b in sorted(arts):
            other_title = {i for i, _, _ in heads[b]}
            used = {i for i, _, _ in arts[b]}
            if b == a or (other_title and other_title == title) or (not other_title and title & used):
                continue
            shown = heads[b] or [m for m in arts[b] if m[0] not in title][:1]
            return _evidence(heads[a] + shown)
    return []


def _gloss(mentions: list[Mention]) -> list[Evidence]:
    """One article gives a short name beside the name; another names the entity, never by it."""
    arts = _by_article(_anywhere(mentions))
    for a in sorted(arts):
        for g, e, f in arts[a]:
            if not f.attr("gloss"):
                continue
            for b in sorted(arts):
                if b != a and g not in {i for i, _, _ in arts[b]}:
                    return _evidence([m for m in arts[a] if m[1] == e] + arts[b][:1])
    return []


def _evidence(mentions: list[Mention]) -> list[Evidence]:
    return sorted({m[1] for m in mentions}, key=lambda e: (e.article, e.start))


TESTS: dict[str, Callable[[list[Mention]], list[Evidence]]] = {"apart": _apart, "headline": _headline, "gloss": _gloss}
