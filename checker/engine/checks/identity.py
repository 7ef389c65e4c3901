"""``identity``: the same person, place or organisation named alike in several articles: an
agreement. A titled person agrees when every article that names them gives the same fullest name
(once folded; particles left out), so a name written two ways is a variant and never also an
agreement. A place or organisation agrees when several articles name the same entity of the
lexicons (its identity: «منطقة عسير» and «عسير» are one place; a spelling difference is reported
as a variant beside it)."""

from __future__ import annotations

from collections import defaultdict

from checker.engine.checks.person_form import fullest, name_words, people_of
from checker.engine.evidence import finding
from checker.engine.factbase import FactBase
from checker.engine.rules import Rule
from checker.model import Fact, Finding

NAME = "identity"
KINDS = ("agreement",)
FACTS = ("person", "place", "org")
FIELDS = frozenset({"fact", "entity", "role", "stated", "total"})
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "min_articles": {"type": "integer", "minimum": 2},
        "particles": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "titled_only": {
            "type": "boolean",
            "description": "people: only those some article introduces with a title (the notable ones)",
        },
        "entity_types": {"type": "array", "items": {"type": "string"}},
    },
}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    out: list[Finding] = []
    if "person" in rule.facts:
        out += _persons(rule, fb)
    entity_facts = tuple(t for t in rule.facts if t != "person")
    if entity_facts:
        out += _entities(rule, fb, entity_facts)
    return out


def _persons(rule: Rule, fb: FactBase) -> list[Finding]:
    out = []
    for person in people_of(fb.of(("person",)), rule):
        if len(person) < rule.param("min_articles", 2):
            continue
        mentions = [f for fs in person.values() for f in fs]
        titled = [f for f in mentions if f.attr("role") and not f.attr("doubtful")]
        if rule.param("titled_only", True) and not titled:
            continue
        full = {a: fullest(fs, rule) for a, fs in sorted(person.items())}
        if len({name_words(f, rule) for f in full.values()}) != 1:
            continue  # written differently: the variant rules say so
        role = str(min(titled, key=Fact.sort_key).attr("role")) if titled else ""
        first = min(full.values(), key=Fact.sort_key)
        out.append(
            finding(
                rule,
                [f.evidence() for f in full.values()],
                "person",
                entity=first.text,
                role=f" ({role})" if role else "",
                stated=len(full),
                total=len(fb.articles),
            )
        )
    return out


def _entities(rule: Rule, fb: FactBase, types: tuple[str, ...]) -> list[Finding]:
    wanted = rule.param("entity_types", None)
    by_id: dict[tuple[str, str], dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for f in fb.of(types):
        if f.attr("doubtful") or (wanted and f.attr("entity_type") not in wanted):
            continue
        by_id[(f.type, f.key)][f.article].append(f)
    out = []
    for (kind, _), arts in sorted(by_id.items()):
        if len(arts) < rule.param("min_articles", 2):
            continue
        first = {a: min(fs, key=Fact.sort_key) for a, fs in sorted(arts.items())}
        shown = min(first.values(), key=Fact.sort_key)
        out.append(
            finding(
                rule,
                [f.evidence() for f in first.values()],
                kind,
                entity=shown.display,
                role="",
                stated=len(first),
                total=len(fb.articles),
            )
        )
    return out
