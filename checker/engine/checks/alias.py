"""``alias``: one entity that the articles call by different names from the alias lexicon."""

from __future__ import annotations

from collections import defaultdict

from checker.engine.checks.variant import SPELLING_PARAMS
from checker.engine.evidence import ev, finding
from checker.engine.factbase import FactBase
from checker.engine.names import form_groups, identity, surface_base, written
from checker.engine.rules import Rule
from checker.model import Evidence, Fact, Finding

NAME = "alias"
KINDS = ("alias",)
FACTS = ("place", "org", "nationality")
FIELDS = frozenset({"fact", "forms", "entity"})
PARAMS = {"type": "object", "additionalProperties": False, "properties": dict(SPELLING_PARAMS)}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    out = []
    by_id: dict[str, list[Fact]] = defaultdict(list)
    for f in fb.of(rule.facts):
        by_id[f.key].append(f)
    for eid in sorted(by_id):
        fs = by_id[eid]
        base = surface_base if fs[0].type == "nationality" else identity
        groups = form_groups([(written(f), ev(f, f.text)) for f in fs], rule, base, merge_extended=True)
        if len(groups) < 2:
            continue
        if not _named_apart(groups):
            continue
        evidence = [sorted((e for _, e in g), key=lambda e: (e.article, e.start))[0] for g in groups]
        forms = " = ".join(sorted({g[0][0] for g in groups}))
        out.append(finding(rule, evidence, fs[0].type, forms=forms, entity=fs[0].display))
    return out


def _named_apart(groups: list[list[tuple[str, Evidence]]]) -> bool:
    """Two articles name the entity with no name in common (داعش in one, تنظيم الدولة in the
    other); an article that uses both names itself explains them to its reader."""
    names: dict[str, set[int]] = {}
    for i, g in enumerate(groups):
        for _, e in g:
            names.setdefault(e.article, set()).add(i)
    used = sorted(names.values(), key=sorted)
    return any(not (x & y) for i, x in enumerate(used) for y in used[i + 1 :])
