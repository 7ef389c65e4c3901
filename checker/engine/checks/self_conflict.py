"""``self_conflict``: an article that gives two values for one fact, one of them the value another
article states in a sentence alike to the other's.

An article that says «ثماني دول» in its lead and «الدول السبع» later is inconsistent with itself;
on its own the two counts might be two facts (eight countries invited, seven came), but when another
article states seven in a sentence alike to the lead's eight, the lead is the slip. The contradiction
rules report the slip against the other article (``changed_mentions``); this check reports the
article's own two values, as lint, so that the writer of that copy sees both places to reconcile.

Two values of one sentence are two facts (بعمق 20 مترا … إلى 4 أمتار); two sentences that each state
other figures and share none make two statements (:class:`~checker.engine.companions.Companions`);
a total and one of its parts (a headline's 34 over the body's 25 and 9) are no conflict
(:class:`~checker.engine.totals.Totals`).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from checker.engine.align import Cluster
from checker.engine.checks.compare import ALIGN_PARAMS
from checker.engine.companions import FIGURES, Companions
from checker.engine.evidence import ev, finding, noun
from checker.engine.factbase import AlignSpec, FactBase
from checker.engine.rules import Rule
from checker.engine.totals import Totals
from checker.model import Finding

NAME = "self_conflict"
KINDS = ("lint",)
FACTS = ("count", "percent", "money")
FIELDS = frozenset({"fact", "article", "values", "noun", "witness"})
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["min_agree", "min_conflict", "min_similarity"],
    "properties": {
        **ALIGN_PARAMS,
        "min_similarity": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "how alike the slipped mention's words must be to the other article's mention "
            "of the value the article also states (the changed-mention threshold of the contradiction rules)",
        },
    },
}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    spec = AlignSpec.from_params(rule.facts, rule.params)
    sim = fb.similarities(spec)[0]
    need = max(spec.min_conflict, float(rule.param("min_similarity", 0.5)))
    companions = Companions(fb.of(FIGURES))
    totals = Totals(fb.of(FIGURES))
    by_key: dict[tuple[str, str, str], list[Cluster]] = defaultdict(list)
    by_fact: dict[tuple[str, str], list[Cluster]] = defaultdict(list)  # every article's, per (type, key)
    for g in fb.groups(spec):
        for c in g.clusters:
            by_key[(c.article, c.type, c.key)].append(c)
            by_fact[(c.type, c.key)].append(c)
    out = []
    for (article, kind, key), mine in sorted(by_key.items()):
        theirs = sorted((c for c in by_fact[(kind, key)] if c.article != article), key=lambda c: c.article)
        for x, y in combinations(mine, 2):
            if spec.compatible(x, y) is not False or _two_facts(x, y, companions, totals):
                continue
            witness = _witness(x, y, theirs, spec, sim, need, companions) or _witness(
                y, x, theirs, spec, sim, need, companions
            )
            if witness is None:
                continue
            slip, kept, other = witness
            evidence = [ev(f) for f in slip.facts[:3]] + [ev(f) for f in kept.facts[:3]] + [ev(other.first)]
            shown = " | ".join(f"{c.first.display}" for c in (slip, kept))
            out.append(
                finding(
                    rule,
                    evidence,
                    kind,
                    article=article,
                    values=shown,
                    noun=noun(slip.first),
                    witness=f"{other.article}: {other.first.display}",
                )
            )
    return out


def _two_facts(x: Cluster, y: Cluster, companions: Companions, totals: Totals) -> bool:
    """Two values an article may well state of two things: in one sentence, in two statements
    each among figures of its own, or a total and its part."""
    if {f.sentence for f in x.facts} & {f.sentence for f in y.facts}:
        return True
    if companions.two_statements(x.first, y.first):
        return True
    return any(totals.total_of_part(a, b) for a in x.facts for b in y.facts)


def _witness(
    slip: Cluster,
    kept: Cluster,
    theirs: list[Cluster],
    spec: AlignSpec,
    sim: object,
    need: float,
    companions: Companions,
) -> tuple[Cluster, Cluster, Cluster] | None:
    """Another article's mention that states *kept*'s value in words alike to *slip*'s, when no
    other article states *slip*'s value: the witness that *slip* is the slip, as ``(slip, kept,
    witness)``."""
    if any(spec.compatible(slip, o) is True for o in theirs):
        return None  # another article states the slip's value too: two facts, both reported
    best: tuple[float, Cluster] | None = None
    for o in theirs:
        if spec.compatible(kept, o) is not True or spec.compatible(slip, o) is not False:
            continue
        if companions.unrelated(slip.first, o.first):
            continue
        score = sim(slip, o)  # type: ignore[operator]
        if score >= need and (best is None or score > best[0]):
            best = (score, o)
    return None if best is None else (slip, kept, best[1])
