"""``compare``: aligned facts agree when their values are compatible, contradict when not."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Any

from checker.engine.align import Cluster, Group, make_clusters
from checker.engine.cohesion import cohesive
from checker.engine.companions import FIGURES, Companions
from checker.engine.evidence import ev, finding, noun, values
from checker.engine.factbase import AlignSpec, FactBase
from checker.engine.lags import StampLags
from checker.engine.parallel import parallel_conflicts
from checker.engine.roundups import RoundUps
from checker.engine.rules import Rule
from checker.engine.slots import changed_slots
from checker.engine.totals import Totals
from checker.engine.units import measure, unit_slips
from checker.facts import compare
from checker.facts.dates import PARTS
from checker.facts.roles import person_words, same_given_name
from checker.model import Finding

NAME = "compare"
KINDS = ("agreement", "contradiction")
FACTS = ("count", "number", "ordinal", "percent", "money", "date", "location", "quote", "role")
FIELDS = frozenset({"fact", "key", "values", "noun", "stated", "total"})

_SIMILARITY = {"type": "number", "minimum": 0, "maximum": 1}
_TOLERANCES: dict[str, Any] = {
    "abs_tolerance": {"type": "number", "minimum": 0},
    "rel_tolerance": {"type": "number", "minimum": 0, "maximum": 1},
    "approx_tolerance": {"type": "number", "minimum": 0, "maximum": 1},
}
#: the parameters of an alignment (also used by coverage rules and as anchors)
ALIGN_PARAMS: dict[str, Any] = {"min_agree": _SIMILARITY, "min_conflict": _SIMILARITY, **_TOLERANCES}
ANCHOR = {
    "type": "object",
    "additionalProperties": False,
    "required": ["facts", "min_agree", "min_conflict"],
    "properties": {"facts": {"type": "array", "minItems": 1, "items": {"enum": list(FACTS)}}, **ALIGN_PARAMS},
}
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["min_agree", "min_conflict"],
    "properties": {
        **ALIGN_PARAMS,
        "anchors": {"type": "array", "items": ANCHOR},
        "hides_gaps": {
            "type": "boolean",
            "description": "contradiction rules: a gap whose evidence this rule's contradictions already show "
            "is not reported (the lone figure of a changed pair); off by default, so a rule added by a user "
            "never removes a shipped rule's findings",
        },
        "hides_agreements": {
            "type": "boolean",
            "description": "contradiction rules: an agreement whose every span this rule's contradictions "
            "already show on one side of a split is not reported (off by default, as hides_gaps)",
        },
        "parallel_mentions": {
            "type": "boolean",
            "description": "contradiction rules: also compare each mention alone with the mentions of the "
            "other articles in sentences alike to its own (dates: an article names several events, and a "
            "changed day word joins the article's other mentions of its new value)",
        },
        "slot_frames": {
            "type": "boolean",
            "description": "contradiction rules: also report two articles that write one sentence with "
            "different values in the same slot (the same words on both sides), whatever else they state",
        },
        "min_cohesion": {
            **_SIMILARITY,
            "description": "agreement rules: leave out of an agreement a member whose mean similarity to the "
            "other members is below this (joined to the group by one weak link)",
        },
        "companion_figures": {
            "type": "boolean",
            "description": "contradiction rules on figures: two values are not one fact misstated when each "
            "sentence states other figures too and the two sentences share none (a quarter against a half-year)",
        },
        "total_figures": {
            "type": "boolean",
            "description": "contradiction rules on counts: a count that two or three other counts of its own "
            "article add up to (a headline's 34 killed over the body's 25 and 9) is their total, not "
            "contradicted by another article's value equal to one of those parts",
        },
        "round_ups": {
            "type": "boolean",
            "description": "contradiction rules on places: two places are not one event placed differently "
            "when neither article names the other's place and the two share another place of that kind "
            "(a round-up of the regions where it rained, each outlet covering some)",
        },
        "stamp_lags": {
            "enum": ["skip", "only"],
            "description": "contradiction rules on dates: a one-day split whose later side is a present or "
            "future day word (اليوم، الغد) read against a known date stamp, in articles whose other day words "
            "do not show them in step, may be a copy stamped the day after it was written "
            "(:mod:`checker.engine.lags`): 'skip' leaves such splits out, 'only' reports them alone",
        },
        "unit_slips": {
            "type": "boolean",
            "description": "contradiction rules on counts: a count written with another unit of its dimension "
            "(4 غرامات / 4 كيلوغرامات) in a sentence alike to the others', its measure differing",
        },
        "changed_mentions": {
            "type": "boolean",
            "description": "contradiction rules: also report a value an article states beside the one it "
            "shares with the others (one of several mentions changed: a headline, a later paragraph)",
        },
    },
}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    spec = AlignSpec.from_params(rule.facts, rule.params)
    out = []
    companions = Companions(fb.of(FIGURES)) if rule.param("companion_figures", False) else None
    roundups = RoundUps(fb.of(("location", "place"))) if rule.param("round_ups", False) else None
    totals = Totals(fb.of(FIGURES)) if rule.param("total_figures", False) else None
    lag_mode = rule.param("stamp_lags", None)
    lags = StampLags(fb.of(("date",))) if lag_mode else None
    if rule.kind == "contradiction" and rule.param("changed_mentions", False):
        out += _changed_mentions(rule, fb, spec, companions, totals)
    cohesion = rule.param("min_cohesion", None) if rule.kind == "agreement" else None
    for g in fb.groups(spec):
        if cohesion is not None:
            g = cohesive(g, fb.similarities(spec)[1] or fb.similarities(spec)[0], cohesion)
        if len(g.articles()) < 2:
            continue
        verdicts = [(x, y, spec.compatible(x, y)) for i, x in enumerate(g.clusters) for y in g.clusters[i + 1 :]]
        agree = all(ok is not False for _, _, ok in verdicts)
        if agree != (rule.kind == "agreement"):
            continue
        if companions and all(companions.unrelated(x.first, y.first) for x, y, ok in verdicts if ok is False):
            continue  # each sentence states other figures and none of them alike: two different statements
        if totals and all(_total_of_part(totals, x, y) for x, y, ok in verdicts if ok is False):
            continue  # a headline's total of the body's counts against one of its parts
        if roundups and all(roundups.apart(x, y) for x, y, ok in verdicts if ok is False):
            continue  # two articles covering other parts of one round-up (the regions where it rained)
        if lags and all(lags.explains(x, y) for x, y, ok in verdicts if ok is False) != (lag_mode == "only"):
            continue  # «اليوم» a day after another outlet's «أمس»: perhaps a copy stamped a day after it was written
        if agree and any(ok is None and x.first.display != y.first.display for x, y, ok in verdicts):
            continue  # two values the group's chain joined but that cannot be told apart: shown as no agreement
        evidence = [ev(c.first) for c in g.clusters]
        if rule.kind == "contradiction":
            evidence += [ev(f) for c in g.clusters for f in c.facts[1:3]]
        first = g.clusters[0].first
        fields = {"key": first.key, "values": values(g), "noun": noun(first)}
        out.append(finding(rule, evidence, first.type, stated=len(g.articles()), total=len(fb.articles), **fields))
    if rule.kind == "contradiction" and rule.param("parallel_mentions", False):
        out += _parallel_mentions(rule, fb, spec, out, lags, lag_mode == "only")
    if rule.kind == "contradiction" and rule.param("slot_frames", False):
        out += _slot_findings(rule, fb, spec, out)
    if rule.kind == "contradiction" and rule.param("unit_slips", False):
        out += _unit_findings(rule, fb, spec, out)
    return _merged(out) if rule.kind == "contradiction" else out


#: a part of the day a date display may end with («2015-08-02 (midday)»)
_PART = re.compile(rf" \((?:{'|'.join(PARTS)})\)")


def _merged(found: list[Finding]) -> list[Finding]:
    """One finding for each split: findings of the rule that set the same articles' values against
    each other (a part of the day aside) become one, with the evidence of all (صلاة عصر اليوم /
    أمس and the visit «اليوم» / «أمس» in the same copies: one stale day word, not two)."""
    by: dict[str, list[Finding]] = {}
    for f in found:
        by.setdefault(_PART.sub("", f.message), []).append(f)
    out = []
    for fs in by.values():
        first = fs[0]
        evidence = [e for f in fs for e in f.evidence]
        out.append(
            first
            if len(fs) == 1
            else Finding.make(
                first.kind, first.rule, first.severity, first.fact, first.message, evidence, first.message_ar
            )
        )
    return out


def _parallel_mentions(
    rule: Rule, fb: FactBase, spec: AlignSpec, found: list[Finding], lags: StampLags | None = None, lagged: bool = False
) -> list[Finding]:
    """A mention whose parallel mentions in the other articles give another value (see
    :mod:`checker.engine.parallel`), unless a contradiction already shows it. With *lags*, only
    those a late stamp does not explain (:mod:`checker.engine.lags`), or, if *lagged*, only those it does."""
    shown = {(e.article, e.start, e.end) for f in found for e in f.evidence}
    need = max(spec.min_conflict, CHANGED_MIN_SIMILARITY)
    out = []
    for p in parallel_conflicts(fb.of(spec.facts), fb.places(), spec.compatible, need):
        if any((c.article, c.first.start, c.first.end) in shown for c in (p.mention, *p.alike, *p.conflicts)):
            continue
        if lags and all(lags.explains(p.mention, c) for c in p.conflicts) != lagged:
            continue
        alike = [*p.alike, *(c for c in p.agree if c.article not in {a.article for a in p.alike})]
        out.append(_changed_finding(rule, fb, p.mention, p.conflicts, alike))  # all who say it, both sides
    return out


def _slot_findings(rule: Rule, fb: FactBase, spec: AlignSpec, found: list[Finding]) -> list[Finding]:
    """One sentence, another value in the same slot (:mod:`checker.engine.slots`), unless a
    finding of the rule shows that fact already."""
    shown = {(e.article, e.start) for f in found for e in f.evidence}
    out = []
    for changed, other in changed_slots(fb.of(spec.facts), lambda a, b: compare(a, b, spec.tolerance) is False):
        if (changed.article, changed.start) in shown:
            continue
        shown.add((changed.article, changed.start))
        lone, mate = (make_clusters([f], {})[0] for f in (changed, other))
        out.append(_changed_finding(rule, fb, lone, [mate]))
    return out


def _unit_findings(rule: Rule, fb: FactBase, spec: AlignSpec, found: list[Finding]) -> list[Finding]:
    """A count written with another unit of its dimension (:mod:`checker.engine.units`): the count
    most others disagree with, against them, unless a finding of the rule shows it already."""
    shown = {(e.article, e.start) for f in found for e in f.evidence}
    clusters = [c for g in fb.groups(spec) for c in g.clusters]
    against: dict[tuple[str, int, int], list[Cluster]] = {}
    by_ident = {c.ident(): c for c in clusters}
    for a, b in unit_slips(clusters, max(spec.min_conflict, CHANGED_MIN_SIMILARITY)):
        against.setdefault(a.ident(), []).append(b)
        against.setdefault(b.ident(), []).append(a)
    stated = {(c.article, _rounded(measure(c))) for c in by_ident.values()}
    witnesses = Counter(m for _, m in stated if m is not None)  # articles stating each measure
    out = []
    order = sorted(against, key=lambda k: (witnesses[_rounded(measure(by_ident[k]))], -len(against[k]), k))
    for ident in order:  # the measure fewest articles state, against the others
        lone = by_ident[ident]
        if (lone.article, lone.first.start) in shown:
            continue
        others = [o for o in against[ident] if (o.article, o.first.start) not in shown]
        if others:
            shown |= {(c.article, c.first.start) for c in (lone, *others)}
            out.append(_changed_finding(rule, fb, _with_unit(lone), [_with_unit(o) for o in others]))
    return out


def _rounded(m: tuple[str, float] | None) -> tuple[str, float]:
    return ("", 0.0) if m is None else (m[0], round(m[1], 6))


def _with_unit(c: Cluster) -> Cluster:
    """The count shown with its unit («4 غرامات»): two units of one number are the finding."""
    first = dataclasses.replace(c.first, display=f"{c.first.display} {c.first.attr('noun') or c.key}")
    return dataclasses.replace(c, facts=[first, *c.facts[1:]])


#: bare numbers say too little of what they count to be told apart from another mention; places
#: (location facts) are keyed by the preposition that ties them to their sentence
NAMED_FIGURES = ("count", "percent", "money", "ordinal")
#: facts an article may list several of (places, dates): a changed mention only among two values
ENUMERABLE = ("location", "date")
#: facts about one person (keyed by surname): a changed mention only when the names agree
PERSONAL = ("role",)
#: how alike a changed mention's context must be to the other articles' (above the rule's own)
CHANGED_MIN_SIMILARITY = 0.5
#: how alike a headline's figure's context must be to its own body's agreed figure (49% من نادي ميلان
#: over «لبيع 48 بالمئة من نادي ميلانو»: 0.25; «عائدا إيجابيا بـ9%» over «القيمة السوقية … 0.49%»: 0.05)
HEADLINE_MIN_SIMILARITY = 0.2


def _total_of_part(totals: Totals, x: Cluster, y: Cluster) -> bool:
    return any(totals.total_of_part(a, b) for a in x.facts for b in y.facts)


def _changed_mentions(
    rule: Rule, fb: FactBase, spec: AlignSpec, companions: Companions | None, totals: Totals | None = None
) -> list[Finding]:
    """One of several mentions changed: an article states a value the other articles agree on
    (it is aligned with them) and, in another sentence (its headline, a later paragraph), another
    value of the same kind in a context alike to theirs that aligns with nothing. That other value
    contradicts them; it is no gap."""
    groups = fb.groups(spec)
    agreed: dict[tuple[str, str, str], list[Group]] = {}
    for g in groups:
        if len(g.articles()) >= 2 and all(spec.compatible(x, y) is not False for x in g.clusters for y in g.clusters):
            for c in g.clusters:
                agreed.setdefault((c.article, c.type, c.key), []).append(g)
    sim = fb.similarities(spec)[0]
    need = max(spec.min_conflict, CHANGED_MIN_SIMILARITY)
    values_of: dict[tuple[str, str, str], int] = {}
    for g in groups:
        for c in g.clusters:
            values_of[(c.article, c.type, c.key)] = values_of.get((c.article, c.type, c.key), 0) + 1
    out = []
    for g in groups:
        firm = [c for c in g.clusters if not _vague(c)]  # عشرات agrees with any figure of its order: no witness
        lone = firm[0] if firm else g.clusters[0]
        if len(firm) != 1 or lone.type not in (*NAMED_FIGURES, *ENUMERABLE, *PERSONAL):
            continue
        if lone.type in ENUMERABLE and values_of[(lone.article, lone.type, lone.key)] > 2:
            continue  # an article that names many places of one kind enumerates them (the regions' budgets)
        for host in agreed.get((lone.article, lone.type, lone.key), []):
            mate = next(c for c in host.clusters if c.article == lone.article)
            others = [c for c in host.clusters if c.article != lone.article]
            if {f.sentence for f in mate.facts} & {f.sentence for f in lone.facts}:
                continue  # two figures of one sentence are two facts (بعمق 20 مترا ... إلى 4 أمتار)
            if lone.type in PERSONAL and not _same_person(lone, mate):
                continue  # two people of one surname (العريف محمد العمري, اللواء علي العمري)
            if companions and all(companions.unrelated(lone.first, o.first) for o in others):
                continue
            if companions and companions.two_statements(lone.first, mate.first):
                continue  # the article states both values, each with figures of its own: two facts
            if totals and all(_total_of_part(totals, lone, o) for o in others):
                continue
            close = max(sim(lone, o) for o in others) >= need or _headline_of(lone, mate, sim(lone, mate))
            firm_others = [o for o in others if not _vague(o)] or others  # عشرات fits either value
            if all(spec.compatible(lone, o) is False for o in firm_others) and close:
                out.append(_changed_finding(rule, fb, lone, others))
                break
    return out


def _vague(c: Cluster) -> bool:
    return bool(c.first.attr("written") == "vague")


def _headline_of(lone: Cluster, mate: Cluster, similarity: float) -> bool:
    """*lone* is a figure of the headline over a body that states the figure the other articles give,
    in a few of the same words (a headline is terse: less alike than two body sentences need be)."""
    return (
        lone.type in NAMED_FIGURES
        and similarity >= HEADLINE_MIN_SIMILARITY
        and all(f.attr("headline") for f in lone.facts)
        and not any(f.attr("headline") for f in mate.facts)
    )


def _same_person(a: Cluster, b: Cluster) -> bool:
    """The roles' people have the same given name (the first word of their names)."""
    na, nb = (person_words(str(c.first.attr("person") or "")) for c in (a, b))
    return bool(na and nb) and same_given_name(na[0], nb[0])


def _changed_finding(
    rule: Rule, fb: FactBase, lone: Cluster, others: list[Cluster], alike: list[Cluster] | None = None
) -> Finding:
    """*lone* (and the mentions *alike* it in further articles) against the *others*."""
    alike = alike or []
    shown = Group([lone, *alike, *others])
    evidence = [ev(f) for f in lone.facts[:3]] + [ev(o.first) for o in (*alike, *others)]
    fields = {"key": lone.key, "values": values(shown), "noun": noun(lone.first)}
    return finding(rule, evidence, lone.type, stated=1 + len(alike), total=len(fb.articles), **fields)
