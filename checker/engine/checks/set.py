"""``set``: participant lists compared as sets of members, whatever their order."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from checker import lexicons
from checker.engine.align import Cluster, Group, align, make_clusters
from checker.engine.evidence import ev, finding, values
from checker.engine.factbase import FactBase
from checker.engine.rules import Rule
from checker.model import Finding
from checker.text.chars import match_key
from checker.text.words import zipf

NAME = "set"
KINDS = ("agreement", "contradiction")
FACTS = ("list",)
FIELDS = frozenset({"fact", "values", "missing", "extra", "members"})
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "min_overlap": {"type": "number", "minimum": 0, "maximum": 1},
        "hides_gaps": {
            "type": "boolean",
            "description": "contradiction rules: a gap whose evidence this rule's contradictions already show "
            "is not reported (the lone figure of a changed pair); off by default, so a rule added by a user "
            "never removes a shipped rule's findings",
        },
    },
}


#: two members this alike are one written two ways (الوضع في سوريا / الوضع في سورية)
SAME_MEMBER_RATIO = 88
SAME_WORD_RATIO = 75
#: two words this frequent (Zipf) are two words of the language, not one spelled two ways
#: (النفسي / الجنسي), unless one letter apart (سوريا / سوريه)
KNOWN_WORD_ZIPF = 3.0
#: a list has three members or more (one article's may have lost one); copies share two
MIN_MEMBERS = 3
MIN_SHARED = 2


def _differ(g: Group) -> bool:
    """Some list misses a member another has, once members written with a word more or less
    (الأستاذ تميم السالم / تميم السالم) or spelled another way are taken as one, and the
    uncertain first member of a list of phrases (cut from its sentence: its ``first``
    attribute) is left out."""
    firsts = {c.first.attr("first") for c in g.clusters} - {None}
    union = set().union(*(set(c.value) for c in g.clusters)) - firsts
    for c in g.clusters:
        own = [set(str(m).split()) for m in c.value]
        for m in union - set(c.value):
            words = set(str(m).split())
            if any(words <= o or o <= words for o in own) or _after_cut(c, m, g):
                continue
            phrases = c.first.attr("first") is not None  # ids of places are not spelled
            if not (phrases and any(_spelled_alike(str(m), str(o)) for o in c.value)):
                return True
    return False


def _spelled_alike(a: str, b: str) -> bool:
    """Two members that are one written two ways: alike as a whole, and each word of *a* that *b*
    lacks (but short words) is close to one of *b*'s (سوريا / سورية; not محمد / تركي, another person)."""
    if ratio(a, b) < SAME_MEMBER_RATIO:
        return False
    own = b.split()
    lacking = [w for w in a.split() if w not in own and len(w) > 3]  # على written in or left out
    return all(any(_same_word(w, x) for x in own) for w in lacking)


def _same_word(a: str, b: str) -> bool:
    """One word written two ways: one letter apart, or alike when one of them is no common word
    (a slip: تحويي / تحتوي); two common words two letters apart are two words (النفسي / الجنسي)."""
    if Levenshtein.distance(a, b) <= 1:
        return True
    sa, sb = _singular(a), _singular(b)
    if sa and sa == sb:
        return True  # two plurals of one noun (محال / محلات)
    if zipf(a) >= KNOWN_WORD_ZIPF and zipf(b) >= KNOWN_WORD_ZIPF:
        return False
    return ratio(a, b) >= SAME_WORD_RATIO


@lru_cache(maxsize=1)
def _plurals() -> dict[str, str]:
    """Folded plural -> folded singular (``plurals`` in ``rules/lexicons/nouns.yaml``)."""
    return {match_key(p): match_key(s) for p, s in lexicons.load("nouns")["plurals"].items()}


def _singular(word: str) -> str | None:
    """The singular a plural (with و or ال before it) is of, per the nouns lexicon."""
    key = match_key(word)
    for cut in (key, key[1:] if key[:1] == "و" else ""):
        for form in (cut, cut[2:] if cut.startswith("ال") else ""):
            if form in _plurals():
                return _plurals()[form]
    return None


def _after_cut(c: Cluster, member: str, g: Group) -> bool:
    """*c*'s list was cut short (a longer member followed: its ``cut`` attribute) and *member*
    comes after *c*'s last member in another list of the group: it may be the cut member."""
    cut = c.first.attr("cut")
    if not cut:
        return False
    for d in g.clusters:
        order = list(d.first.attr("members") or ())
        if isinstance(cut, str) and d.first.attr("cut") == cut:
            continue  # both lists cut at the same words (وعدد من المسؤولين): *c* lost the member
        last = (c.first.attr("members") or [None])[-1]
        if member in order and last in order and order.index(member) > order.index(last):
            return True  # it comes after the last member *c* names
    return False


def _overlap(a: Cluster, b: Cluster) -> float:
    """Shared members over all members; over the shorter list's when one list was cut short (it
    names only the members up to the cut)."""
    sa, sb = set(a.value), set(b.value)
    if not (sa and sb):
        return 0.0
    if a.first.attr("cut") or b.first.attr("cut"):
        return len(sa & sb) / min(len(sa), len(sb))
    return len(sa & sb) / len(sa | sb)


def _names(fb: FactBase) -> dict[str, str]:
    """Display names of the places and organisations lists name, by id (a country's ISO code)."""
    out: dict[str, str] = {}
    for f in fb.of(("place", "org")):
        out.setdefault(f.key, f.display)
    return out


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    names = _names(fb)
    clusters = make_clusters(fb.of(rule.facts), {})
    min_overlap = rule.param("min_overlap", 0.5)
    groups = align(clusters, lambda a, b: set(a.value) == set(b.value), min_overlap, min_overlap, _overlap)
    out = []
    for g in groups:
        if len(g.articles()) < 2:
            continue
        sets = [set(c.value) for c in g.clusters]
        equal = all(s == sets[0] for s in sets)
        if equal != (rule.kind == "agreement") or (not equal and not _differ(g)):
            continue
        if max(len(s) for s in sets) < MIN_MEMBERS or len(set.intersection(*sets)) < MIN_SHARED:
            continue  # two members are a pair, not a list; a list shares two members with its copy
        out.append(_finding(rule, g, names))
    return out


def _finding(rule: Rule, g: Group, names: dict[str, str]) -> Finding:
    def shown(ids: set[str], sep: str = "، ") -> str:
        return sep.join(names.get(i, i) for i in sorted(ids))

    union = set().union(*(set(c.value) for c in g.clusters))
    missing = [f"{c.article}: -" + shown(union - set(c.value)) for c in g.clusters if union - set(c.value)]
    orders = {tuple(c.first.attr("members") or ()) for c in g.clusters}
    members = shown(union) + (" (order differs)" if len(orders) > 1 else "")
    others = {c.article: set().union(*(set(d.value) for d in g.clusters if d is not c)) for c in g.clusters}
    extra = [
        f"{c.article}: +" + shown(set(c.value) - others[c.article])
        for c in g.clusters
        if set(c.value) - others[c.article]
    ]
    evidence = [ev(c.first) for c in g.clusters]
    return finding(
        rule, evidence, "list", values=values(g), missing="; ".join(missing), extra="; ".join(extra), members=members
    )
