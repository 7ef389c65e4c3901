"""``variant``: one person, entity or rare name spelled several ways across the articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from checker import lexicons
from checker.engine.evidence import ev, finding
from checker.engine.factbase import FactBase
from checker.engine.names import (
    DisjointSets,
    form_groups,
    identity,
    name_forms,
    person_clusters,
    similar_forms,
    surface_base,
    written,
)
from checker.engine.rules import Rule
from checker.model import Evidence, Fact, Finding
from checker.text.chars import has_arabic, match_key, strip_marks_but_tatweel

NAME = "variant"
KINDS = ("variant",)
FACTS = ("person", "place", "org", "nationality", "term", "word", "notation")
FIELDS = frozenset({"fact", "forms", "entity", "how"})
SPELLING_PARAMS = {
    "min_ratio": {"type": "number", "minimum": 0, "maximum": 100},
    "max_edits": {"type": "integer", "minimum": 0},
    "typo_length": {"type": "integer", "minimum": 1},
}
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        **SPELLING_PARAMS,
        "classes": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {"enum": ["orthographic", "spelling"]},
        },
    },
}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    out: list[Finding] = []
    # the later mentions of a name the model denies (للائتلاف الوطني السوري اجتماعاتها … اجتماعاته)
    # are no name to spell two ways; a titled mention it doubts still is (a lone foreign surname)
    people = [f for f in fb.of(("person",)) if f.attr("doubtful") != "denied"] if "person" in rule.facts else []
    for cluster in person_clusters(people, rule):
        forms = [(w, Evidence(f.article, a, b, w)) for f in cluster for w, a, b in name_forms(f)]
        mention = {(f.article, a): i for i, f in enumerate(cluster) for _, a, _ in name_forms(f)}
        rests = {tuple(match_key(f.text).split()[1:]) for f in cluster if len(f.text.split()) >= 3}
        for group in form_groups(forms, rule, identity, person=len(rests) == 1):  # one father and family
            if not _one_mention(group, mention) and not _two_people(group, mention):
                out += _variant(rule, "person", cluster[0].display, group, identity)
    by_id: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in fb.facts:
        if f.type in rule.facts and f.type != "person":
            by_id[(f.type, f.key)].append(f)
    merged = _merge_named(by_id, rule)
    for eid in sorted(merged):
        fs = merged[eid]
        if fs[0].type == "notation":
            out += _notation(rule, fs)
            continue
        base = surface_base if fs[0].type == "nationality" else identity
        forms = [(written(f), ev(f, f.text)) for f in fs]
        if fs[0].type == "term":
            forms = [(w, e) for w, e in forms if w]
        if fs[0].type == "word" and _named_letter_forms(fs, fb):
            continue  # «سالم / سـالم» shown inside one person's names: the person's own variant says it
        # words share a folded spelling already: one group, no similarity test
        groups = [forms] if fs[0].type == "word" else form_groups(forms, rule, base, term=fs[0].type == "term")
        for group in groups:
            out += _variant(rule, fs[0].type, fs[0].display, group, base)
    return out


def _one_mention(group: list[tuple[str, Evidence]], mention: dict[tuple[str, int], int]) -> bool:
    """Two spellings found in one mention are two words of the name (عقلا بن علي العقلا), not one
    word spelled two ways."""
    seen: dict[int, str] = {}
    for form, e in group:
        m = mention[(e.article, e.start)]
        if seen.setdefault(m, form) != form:
            return True
    return False


def _named_letter_forms(fs: list[Fact], fb: FactBase) -> bool:
    """Letter forms of one word (kashida, hamza: one folded spelling) whose first mention in each
    form lies inside a person's name: the person variant (VR101) shows the same spans."""
    if len({match_key(written(f)) for f in fs}) != 1:
        return False  # عبد العزيز / عبدالعزيز: a spelling, which the person variant does not report
    first: dict[str, Fact] = {}
    for f in sorted(fs, key=lambda f: (f.article, f.start)):
        first.setdefault(strip_marks_but_tatweel(written(f)), f)
    people = fb.of(("person",))
    return all(
        any(p.article == f.article and p.start <= f.start and f.end <= p.end for p in people) for f in first.values()
    )


def _two_people(group: list[tuple[str, Evidence]], mention: dict[tuple[str, int], int]) -> bool:
    """Two given names of the lexicon (سلمان، سليمان) that one article writes in two mentions name
    two people of one family there, not one name spelled two ways."""
    forms: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for form, e in group:
        if match_key(form, keep_maqsura=True) in _given_names():
            forms[e.article][match_key(form)].add(mention[(e.article, e.start)])
    return any(len(by_form) >= 2 for by_form in forms.values())


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(match_key(n, keep_maqsura=True) for n in lexicons.load("names")["first_names"])


def _merge_named(by_id: dict[tuple[str, str], list[Fact]], rule: Rule) -> dict[tuple[str, str], list[Fact]]:
    """Places and organisations the lexicons do not know are keyed by their folded text, so two
    spellings of one (مدينة غولدمان / مدينة جولدمان) are two keys: merge such a key into another of
    its type when their names are spelling variants (two lexicon entities never merge)."""
    free = [k for k in sorted(by_id) if k[0] in ("place", "org") and has_arabic(k[1])]
    if not free:
        return by_id
    keys = sorted(k for k in by_id if k[0] in ("place", "org"))
    sets = DisjointSets([f"{t}\t{k}" for t, k in keys])
    for a in free:
        for b in keys:
            if a != b and a[0] == b[0] and similar_forms(written(by_id[a][0]), written(by_id[b][0]), rule):
                sets.union(f"{a[0]}\t{a[1]}", f"{b[0]}\t{b[1]}")
    out: dict[tuple[str, str], list[Fact]] = {k: v for k, v in by_id.items() if k not in set(keys)}
    for t, k in keys:
        root = sets.find(f"{t}\t{k}").split("\t", 1)
        out.setdefault((root[0], root[1]), []).extend(by_id[(t, k)])
    return out


def _variant(
    rule: Rule, fact: str, entity: str, group: list[tuple[str, Evidence]], spelling: Callable[[str], str]
) -> list[Finding]:
    """The group's finding when it holds two or more spellings of a class the rule reports."""
    by_form: dict[str, Evidence] = {}
    for form, e in sorted(group, key=lambda x: (x[1].article, x[1].start)):
        by_form.setdefault(strip_marks_but_tatweel(spelling(form)), e)
    if len(by_form) < 2:
        return []
    how = "orthographic" if len({match_key(k) for k in by_form}) == 1 else "spelling"
    if how not in rule.param("classes", ["orthographic", "spelling"]):
        return []
    return [finding(rule, list(by_form.values()), fact, forms=" / ".join(by_form), entity=entity, how=how)]


def _notation(rule: Rule, fs: list[Fact]) -> list[Finding]:
    """One figure notation written in two or more styles: each style's first figure in each article
    (the facts are made only when there are two styles)."""
    first: dict[str, str] = {}
    for f in sorted(fs, key=Fact.sort_key):
        first.setdefault(f.value, f.text)
    how, _, unit = fs[0].key.partition(":")
    return [
        finding(rule, [ev(f) for f in fs], "notation", forms=" / ".join(first.values()), entity=unit or how, how=how)
    ]
