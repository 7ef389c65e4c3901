"""``variant``: one person, entity or rare name spelled several ways across the articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from checker.engine.evidence import ev, finding
from checker.engine.factbase import FactBase
from checker.engine.names import form_groups, identity, name_forms, person_clusters, surface_base, written
from checker.engine.rules import Rule
from checker.model import Evidence, Fact, Finding
from checker.text.chars import match_key, strip_marks

NAME = "variant"
KINDS = ("variant",)
FACTS = ("person", "place", "org", "nationality", "term", "word")
FIELDS = frozenset({"fact", "forms", "entity", "how"})
SPELLING_PARAMS = {
    "min_ratio": {"type": "number", "minimum": 0, "maximum": 100},
    "min_ratio_short": {"type": "number", "minimum": 0, "maximum": 100},
    "short_length": {"type": "integer", "minimum": 1},
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
    people = fb.of(("person",)) if "person" in rule.facts else []
    for cluster in person_clusters(people, rule):
        forms = [(w, Evidence(f.article, a, b, w)) for f in cluster for w, a, b in name_forms(f)]
        for group in form_groups(forms, rule, identity):
            out += _variant(rule, "person", cluster[0].display, group, identity)
    by_id: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in fb.facts:
        if f.type in rule.facts and f.type != "person":
            by_id[(f.type, f.key)].append(f)
    for eid in sorted(by_id):
        fs = by_id[eid]
        base = surface_base if fs[0].type == "nationality" else identity
        forms = [(written(f), ev(f, f.text)) for f in fs]
        if fs[0].type == "term":
            forms = [(w, e) for w, e in forms if w]
        # words share a folded spelling already: one group, no similarity test
        groups = [forms] if fs[0].type == "word" else form_groups(forms, rule, base, term=fs[0].type == "term")
        for group in groups:
            out += _variant(rule, fs[0].type, fs[0].display, group, base)
    return out


def _variant(
    rule: Rule, fact: str, entity: str, group: list[tuple[str, Evidence]], spelling: Callable[[str], str]
) -> list[Finding]:
    """The group's finding when it holds two or more spellings of a class the rule reports."""
    by_form: dict[str, Evidence] = {}
    for form, e in sorted(group, key=lambda x: (x[1].article, x[1].start)):
        by_form.setdefault(strip_marks(spelling(form)), e)
    if len(by_form) < 2:
        return []
    how = "orthographic" if len({match_key(k) for k in by_form}) == 1 else "spelling"
    if how not in rule.param("classes", ["orthographic", "spelling"]):
        return []
    return [finding(rule, list(by_form.values()), fact, forms=" / ".join(by_form), entity=entity, how=how)]
