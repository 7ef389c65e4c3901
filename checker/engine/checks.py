"""The generic checks that rules extend: compare, set, variant, alias, coverage, lint.

Each check is a function ``(rule, facts) -> findings``. Rules only choose a check, fact types,
parameters and a message; they never hold logic.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio, token_set_ratio

from checker import lexicons
from checker.align import Cluster, Group, align, context_overlap, make_clusters, similarity
from checker.engine import Rule
from checker.model import Evidence, Fact, Finding
from checker.text.chars import match_key, strip_marks
from checker.text.words import translit_key, zipf

NUMERIC = ("count", "number", "percent")
#: token-set similarity (0-100) above which two quotations are one (one may contain the other)
QUOTE_MATCH = 80
#: two figures further apart than this factor are taken for different facts
MAX_RATIO = 50.0


@dataclass
class FactBase:
    """All facts of a comparison, with alignments cached per family of fact types."""

    facts: list[Fact]
    articles: list[str]
    compare_params: dict[tuple[str, ...], dict[str, Any]] = field(default_factory=dict)
    _aligned: dict[tuple[str, ...], list[Group]] = field(default_factory=dict)
    _places: dict[tuple[str, int], frozenset[str]] | None = None

    def of(self, types: tuple[str, ...]) -> list[Fact]:
        return [f for f in self.facts if f.type in types]

    def places(self) -> dict[tuple[str, int], frozenset[str]]:
        if self._places is None:
            acc: dict[tuple[str, int], set[str]] = defaultdict(set)
            for f in self.facts:
                if f.type == "place":
                    acc[(f.article, f.sentence)].add(f.key)
            self._places = {k: frozenset(v) for k, v in acc.items()}
        return self._places

    def groups(self, family: tuple[str, ...]) -> list[Group]:
        if family not in self._aligned:
            p = self.compare_params.get(family, {})
            located = family == ("location",)
            clusters = make_clusters(self.of(family), self.places())
            compat = lambda a, b: compatible(a, b, p)  # noqa: E731
            sim = similarity_for(family)
            sim_agree = None
            if located:
                anchors = self.anchors()
                sim = lambda a, b: anchored(a, b, anchors, context_overlap)  # noqa: E731
            elif sim is similarity:
                sim_agree = lambda a, b: similarity(a, b, places=False)  # noqa: E731
            lo, hi = p.get("min_agree", 0.1), p.get("min_conflict", 0.3)
            self._aligned[family] = align(clusters, compat, lo, hi, sim, sim_agree)
        return self._aligned[family]

    def anchors(self) -> set[frozenset[tuple[str, int]]]:
        """Sentence pairs of two articles that state an agreeing figure or date: the same event,
        so other facts in them (a place) are compared more readily."""
        out: set[frozenset[tuple[str, int]]] = set()
        for family in self.compare_params:
            if family in (("location",), ("quote",)):
                continue
            for g in self.groups(family):
                if len(g.articles()) < 2:
                    continue
                p = self.compare_params.get(family, {})
                if any(compatible(x, y, p) is False for x in g.clusters for y in g.clusters):
                    continue
                sents = [(f.article, f.sentence) for c in g.clusters for f in c.facts]
                out |= {frozenset((x, y)) for x in sents for y in sents if x[0] != y[0]}
        return out


# --- value compatibility --------------------------------------------------------------------------


def _bounds(c: Cluster) -> tuple[float, float]:
    f = c.first
    v = float(f.value["amount"] if isinstance(f.value, dict) else f.value)
    high = f.attr("high")
    if isinstance(f.value, dict) and "high" in f.value:
        high = f.value["high"]
    hi = float(high) if high is not None else v
    q = f.attr("qualifier")
    if q == "more_than":
        return v, float("inf")
    if q == "at_least":
        return v, float("inf")
    if q == "less_than":
        return float("-inf"), v
    return v, hi


def numbers_compatible(a: Cluster, b: Cluster, p: dict[str, Any]) -> bool:
    """Ranges overlap, allowing a tolerance (wider when either value is approximate)."""
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    rel = p.get("rel_tolerance", 0.0)
    if "approx" in (a.first.attr("qualifier"), b.first.attr("qualifier")):
        rel = max(rel, p.get("approx_tolerance", 0.1))
    mag = max(abs(x) for x in (alo, ahi, blo, bhi) if x not in (float("inf"), float("-inf")))
    rounding = max(float(a.first.attr("rounding") or 0.0), float(b.first.attr("rounding") or 0.0))
    tol = max(p.get("abs_tolerance", 0.0), rel * mag, rounding)
    return alo <= bhi + tol and blo <= ahi + tol


def _written_compatible(a: Fact, b: Fact) -> bool | None:
    """Unresolved dates (no year, no reference date) compared by what is written: في رمضان / في
    شوال differ; 20 يناير / 20 يناير agree; a month against a bare weekday cannot be told."""
    if a.attr("calendar") != b.attr("calendar"):
        return None
    wa, wb = a.attr("written") or [None] * 3, b.attr("written") or [None] * 3
    (da, ma, ya), (db, mb, yb) = wa, wb
    if ya and yb and ya != yb:
        return False
    if ma and mb:
        if ma != mb:
            return False
        if da and db:
            return da == db
        return True
    wda, wdb = a.attr("weekday"), b.attr("weekday")
    if wda and wdb and not (ma or mb or da or db):
        return wda == wdb
    return None


GRANULARITY = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}
#: a relative day (اليوم، أمس) is known to a day either way: outlets publish at different hours
RELATIVE_SLACK = dt.timedelta(days=1)


def dates_compatible(a: Cluster, b: Cluster) -> bool | None:
    va, vb = a.value, b.value
    if not (va.get("first") and vb.get("first")):
        return _written_compatible(a.first, b.first)
    ga, gb = GRANULARITY.get(va["granularity"], 0), GRANULARITY.get(vb["granularity"], 0)
    if abs(ga - gb) > 2:
        return None  # "today" against "by 2030": different facts, not one date misstated
    a0, a1 = dt.date.fromisoformat(va["first"]), dt.date.fromisoformat(va["last"])
    b0, b1 = dt.date.fromisoformat(vb["first"]), dt.date.fromisoformat(vb["last"])
    if a.first.attr("relative") or b.first.attr("relative"):
        a0, a1 = a0 - RELATIVE_SLACK, a1 + RELATIVE_SLACK
    return a0 <= b1 and b0 <= a1


def places_compatible(a: Fact, b: Fact) -> bool | None:
    """Same place, or a city inside the other's country: True; two places of one kind: False;
    a city against another country's region or the like: None (cannot tell)."""
    if a.value == b.value:
        return True
    if a.attr("country") == b.value or b.attr("country") == a.value:
        return True
    if a.attr("entity_type") == b.attr("entity_type"):
        return False
    return None


def compatible(a: Cluster, b: Cluster, p: dict[str, Any]) -> bool | None:
    if a.type != b.type:
        return None
    if a.type in NUMERIC or a.type == "money":
        if a.type == "money" and a.value["currency"] != b.value["currency"]:
            # the same amount in another currency is a changed currency; other amounts may be a
            # conversion, which cannot be told
            return False if numbers_compatible(a, b, p) else None
        x, y = sorted(abs(float(c.value["amount"] if c.type == "money" else c.value)) for c in (a, b))
        if (x > 0 and y / x > MAX_RATIO) or (x == 0 and y > 10):
            return None  # 0.52 riyal and 945 million riyals are different things, not one figure misstated
        return numbers_compatible(a, b, p)
    if a.type == "date":
        return dates_compatible(a, b)
    if a.type == "location":
        return places_compatible(a.first, b.first)
    if a.type == "quote":
        return True if token_set_ratio(a.value, b.value) >= QUOTE_MATCH else None
    return a.value == b.value


#: added to the similarity of two places in sentences that state an agreeing figure or date
ANCHOR_BONUS = 0.3


def anchored(
    a: Cluster, b: Cluster, anchors: set[frozenset[tuple[str, int]]], base: Callable[[Cluster, Cluster], float]
) -> float:
    if a.key != b.key:
        return 0.0
    score = base(a, b)
    if any(
        frozenset(((fa.article, fa.sentence), (fb.article, fb.sentence))) in anchors for fa in a.facts for fb in b.facts
    ):
        score += ANCHOR_BONUS
    return score


def similarity_for(family: tuple[str, ...]) -> Callable[[Cluster, Cluster], float]:
    if family == ("quote",):  # a one-type family
        return lambda a, b: token_set_ratio(a.value, b.value) / 100.0
    return similarity


# --- helpers ---------------------------------------------------------------------------------------


def _ev(f: Fact, value: str | None = None) -> Evidence:
    return Evidence(f.article, f.start, f.end, f.text, f.display if value is None else value)


def _noun(f: Fact) -> str:
    """ " of دول" for a count, "" when the fact has no counted noun."""
    noun = f.attr("noun") or (f.key if f.type == "count" else "")
    return f" of {noun}" if noun else ""


def _values(g: Group) -> str:
    return " | ".join(f"{c.article}: {c.first.display}" for c in g.clusters)


def finding(rule: Rule, evidence: list[Evidence], fact: str, **fields: Any) -> Finding:
    fields.setdefault("fact", fact)
    return Finding.make(rule.kind, rule.code, rule.severity, fact, rule.format(**fields), evidence)


# --- checks ----------------------------------------------------------------------------------------


def family_of(rule: Rule) -> tuple[str, ...]:
    """Compare rules over the same fact types share one alignment, whatever order they list them."""
    return tuple(sorted(rule.facts))


def check_compare(rule: Rule, fb: FactBase) -> list[Finding]:
    out = []
    for g in fb.groups(family_of(rule)):
        if len(g.articles()) < 2:
            continue
        p = fb.compare_params.get(family_of(rule), {})
        agree = all(compatible(x, y, p) is not False for i, x in enumerate(g.clusters) for y in g.clusters[i + 1 :])
        if agree != (rule.kind == "agreement"):
            continue
        ev = [_ev(c.first) for c in g.clusters]
        if rule.kind == "contradiction":
            ev += [_ev(f) for c in g.clusters for f in c.facts[1:3]]
        first = g.clusters[0].first
        out.append(finding(rule, ev, first.type, key=first.key, values=_values(g), noun=_noun(first)))
    return out


def check_set(rule: Rule, fb: FactBase) -> list[Finding]:
    facts = fb.of(rule.facts)
    clusters = make_clusters(facts, {})
    min_overlap = rule.param("min_overlap", 0.5)

    def jac(a: Cluster, b: Cluster) -> float:
        sa, sb = set(a.value), set(b.value)
        return len(sa & sb) / len(sa | sb) if sa | sb else 0.0

    groups = align(clusters, lambda a, b: set(a.value) == set(b.value), min_overlap, min_overlap, jac)
    out = []
    for g in groups:
        if len(g.articles()) < 2:
            continue
        sets = [set(c.value) for c in g.clusters]
        equal = all(s == sets[0] for s in sets)
        if equal != (rule.kind == "agreement"):
            continue
        union = set().union(*sets)
        missing = [
            f"{c.article}: -" + ",".join(sorted(union - set(c.value))) for c in g.clusters if union - set(c.value)
        ]
        orders = {tuple(c.first.attr("members") or ()) for c in g.clusters}
        members = ", ".join(sorted(union)) + (" (order differs)" if len(orders) > 1 else "")
        ev = [_ev(c.first) for c in g.clusters]
        others = {c.article: set().union(*(set(d.value) for d in g.clusters if d is not c)) for c in g.clusters}
        extra = [
            f"{c.article}: +" + ",".join(sorted(set(c.value) - others[c.article]))
            for c in g.clusters
            if set(c.value) - others[c.article]
        ]
        out.append(
            finding(
                rule, ev, "list", values=_values(g), missing="; ".join(missing), extra="; ".join(extra), members=members
            )
        )
    return out


def _name_forms(f: Fact) -> list[tuple[str, int, int]]:
    """The words of a name mention with their offsets (definite article kept)."""
    out = []
    pos = f.start
    for w in f.text.split():
        i = f.text.find(w, pos - f.start)
        out.append((w, f.start + i, f.start + i + len(w)))
        pos = f.start + i + len(w)
    return out


def similar_forms(a: str, b: str, rule: Rule) -> bool:
    """Spelling variants: equal when folded, or close enough for their length, and not two
    different well-known words (so كيري is never كارتر, سوريا never روسيا)."""
    ka, kb = match_key(a), match_key(b)
    if ka == kb:
        return True
    short = min(len(ka), len(kb)) <= rule.param("short_length", 4)
    need = rule.param("min_ratio_short", 90) if short else rule.param("min_ratio", 80)
    if ratio(ka, kb) < need:
        return False
    if Levenshtein.distance(ka, kb) > 2:
        return False
    if zipf(a) >= COMMON and zipf(b) >= COMMON:
        # two common words: variants only if they differ in long vowels or transliteration
        # letters alone (أميركي / أمريكي, فينجر / فينغر)
        return translit_key(ka) == translit_key(kb)
    return True


#: two spellings both at least this frequent are distinct words unless only vowels differ
COMMON = 3.0


class DisjointSets:
    """Union-find over strings; the smallest string names its set (deterministic)."""

    def __init__(self, items: list[str]) -> None:
        self.parent = {k: k for k in items}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def person_clusters(facts: list[Fact], rule: Rule) -> list[list[Fact]]:
    """Group person mentions across articles by surname, tolerating spelling variants."""
    keys = sorted({f.key for f in facts})
    sets = DisjointSets(keys)
    names: dict[str, set[frozenset[str]]] = defaultdict(set)
    for f in facts:
        names[f.key].add(_name_tokens(f.value))
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if similar_forms(a, b, rule) and _given_names_agree(
                {x - {a} for x in names[a]}, {y - {b} for y in names[b]}
            ):
                sets.union(a, b)
            elif _contained(names[a], names[b]):
                sets.union(a, b)  # سلمان بن عبدالعزيز / سلمان بن عبدالعزيز آل سعود
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        out[sets.find(f.key)].append(f)
    return [sorted(v, key=Fact.sort_key) for _, v in sorted(out.items())]


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Name particles from ``rules/lexicons/names.yaml`` (بن، أبو، آل…), folded."""
    return frozenset(match_key(p) for p in lexicons.load("names")["particles"])


def _name_tokens(value: str) -> frozenset[str]:
    return frozenset(t for t in str(value).split() if t not in _particles())


def _contained(a: set[frozenset[str]], b: set[frozenset[str]]) -> bool:
    """One full name's words all appear in the other's, and there are at least two of them."""
    return any(len(x) >= 2 and len(y) >= 2 and (x <= y or y <= x) for x in a for y in b)


def _given_names_agree(a: set[frozenset[str]], b: set[frozenset[str]]) -> bool:
    """Surname variants name one person unless both have other names (given names; the surnames
    are already left out) and none of them is alike (نبيل العايد is not خالد العباد)."""
    full_a = [x for x in a if x]
    full_b = [y for y in b if y]
    if not full_a or not full_b:
        return True
    return any(len(x & y) >= 1 or _close_words(x, y) for x in full_a for y in full_b)


def _close_words(x: frozenset[str], y: frozenset[str]) -> bool:
    return any(ratio(p, q) >= 80 for p in x for q in y)


def _written(f: Fact) -> str:
    """The mention as spelled, with the article restored where ل swallowed it (لإمارات)."""
    return "ا" + f.text if f.attr("contracted") else f.text


def _term_pair(a: str, b: str) -> bool:
    """Two rare words are one name spelled two ways only if they share the first letter and the
    last two (so وزميلهما / وزميلهم, inflections, stay apart) and differ in length by one at most."""
    ka, kb = match_key(a), match_key(b)
    return ka[:1] == kb[:1] and ka[-2:] == kb[-2:] and abs(len(ka) - len(kb)) <= 1


def _extends(a: str, b: str) -> bool:
    """One name is the other with more words after it (التحالف الدولي / التحالف الدولي ضد داعش)."""
    ta, tb = match_key(a).split(), match_key(b).split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return len(short) < len(long_) and long_[: len(short)] == short and len(short) >= 2


def _form_groups(
    forms: list[tuple[str, Evidence]],
    rule: Rule,
    base: Callable[[str], str],
    merge_extended: bool = False,
    term: bool = False,
) -> list[list[tuple[str, Evidence]]]:
    """Union similar word forms; each group is one word spelled one or more ways."""
    uniq = sorted({f for f, _ in forms})
    sets = DisjointSets(uniq)
    for i, a in enumerate(uniq):
        for b in uniq[i + 1 :]:
            if term and not _term_pair(a, b):
                continue
            if similar_forms(base(a), base(b), rule) or (merge_extended and _extends(a, b)):
                sets.union(a, b)
    groups: dict[str, list[tuple[str, Evidence]]] = defaultdict(list)
    for f, e in forms:
        groups[sets.find(f)].append((f, e))
    return [groups[k] for k in sorted(groups)]


def _variant_finding(
    rule: Rule, fact: str, entity: str, group: list[tuple[str, Evidence]], spelling: Callable[[str], str]
) -> Finding | None:
    by_form: dict[str, Evidence] = {}
    for form, ev in sorted(group, key=lambda x: (x[1].article, x[1].start)):
        by_form.setdefault(strip_marks(spelling(form)), ev)
    if len(by_form) < 2:
        return None
    how = "orthographic" if len({match_key(k) for k in by_form}) == 1 else "spelling"
    if how not in rule.param("classes", ["orthographic", "spelling"]):
        return None
    return finding(rule, list(by_form.values()), fact, forms=" / ".join(by_form), entity=entity, how=how)


def _surface_base(form: str) -> str:
    """A demonym without its article and gender/number ending, in its original letters.

    >>> _surface_base("الأميركية"), _surface_base("أمريكيون")
    ('أميركي', 'أمريكي')
    """
    k = form[2:] if form.startswith("ال") else form
    for suf in ("تين", "تان", "ون", "ين", "ات", "ة", "ه"):
        if k.endswith(suf) and len(k) - len(suf) >= 3:
            return k[: -len(suf)]
    return k


def _identity(s: str) -> str:
    return s


def check_variant(rule: Rule, fb: FactBase) -> list[Finding]:
    out: list[Finding] = []
    people = fb.of(("person",)) if "person" in rule.facts else []
    for cluster in person_clusters(people, rule):
        forms = [(w, Evidence(f.article, a, b, w)) for f in cluster for w, a, b in _name_forms(f)]
        for group in _form_groups(forms, rule, _identity):
            fnd = _variant_finding(rule, "person", cluster[0].display, group, _identity)
            if fnd:
                out.append(fnd)
    ents = [f for f in fb.facts if f.type in rule.facts and f.type != "person"]
    by_id: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in ents:
        by_id[(f.type, f.key)].append(f)
    for eid in sorted(by_id):
        fs = by_id[eid]
        base = _surface_base if fs[0].type == "nationality" else _identity
        forms = [(_written(f), _ev(f, f.text)) for f in fs]
        if fs[0].type == "term":
            forms = [(w, e) for w, e in forms if w]
        for group in _form_groups(forms, rule, base, term=fs[0].type == "term"):
            fnd = _variant_finding(rule, fs[0].type, fs[0].display, group, base)
            if fnd:
                out.append(fnd)
    return out


def check_alias(rule: Rule, fb: FactBase) -> list[Finding]:
    out = []
    by_id: dict[str, list[Fact]] = defaultdict(list)
    for f in fb.of(rule.facts):
        by_id[f.key].append(f)
    for eid in sorted(by_id):
        fs = by_id[eid]
        base = _surface_base if fs[0].type == "nationality" else _identity
        groups = _form_groups([(_written(f), _ev(f, f.text)) for f in fs], rule, base, merge_extended=True)
        if len(groups) < 2:
            continue
        arts_per_group = [{e.article for _, e in g} for g in groups]
        if len(set().union(*arts_per_group)) < 2:
            continue
        # an alias matters when articles name the entity differently: some group misses an article
        if all(len(a) == len(set().union(*arts_per_group)) for a in arts_per_group):
            continue
        ev = [sorted((e for _, e in g), key=lambda e: (e.article, e.start))[0] for g in groups]
        forms = " = ".join(sorted({g[0][0] for g in groups}))
        out.append(finding(rule, ev, fs[0].type, forms=forms, entity=fs[0].display))
    return out


def check_coverage(rule: Rule, fb: FactBase) -> list[Finding]:
    if len(fb.articles) < rule.param("min_articles", 2):
        return []
    out = []
    min_mentions = rule.param("min_mentions", 1)
    types = rule.facts
    if set(types) & {"person"}:
        people = fb.of(("person",))
        for cluster in person_clusters(people, rule):
            arts = {f.article for f in cluster}
            titled = [f for f in cluster if f.attr("role")]
            if len(arts) == 1 and titled and len(cluster) >= min_mentions:
                f = titled[0]
                out.append(
                    finding(
                        rule,
                        [_ev(c) for c in cluster[:3]],
                        "person",
                        article=f.article,
                        value=f"{f.display} ({f.attr('role')})",
                        others=_others(fb, f.article),
                    )
                )
    ent_types = tuple(t for t in types if t in ("place", "org"))
    if ent_types:
        by_id: dict[str, list[Fact]] = defaultdict(list)
        wanted = rule.param("entity_types", None)
        for f in fb.of(ent_types):
            if wanted and f.attr("entity_type") not in wanted:
                continue
            by_id[f.key].append(f)
        for eid in sorted(by_id):
            fs = by_id[eid]
            arts = {f.article for f in fs}
            if len(arts) == 1 and len(fs) >= min_mentions:
                out.append(
                    finding(
                        rule,
                        [_ev(f) for f in fs[:3]],
                        fs[0].type,
                        article=fs[0].article,
                        value=fs[0].display,
                        others=_others(fb, fs[0].article),
                    )
                )
    value_types = tuple(t for t in types if t not in ("person", "place", "org"))
    if value_types:
        family = next((fam for fam in fb.compare_params if set(value_types) <= set(fam)), value_types)
        for g in fb.groups(family):
            if len(g.articles()) != 1:
                continue
            c = g.clusters[0]
            if c.type not in value_types or len(c.facts) < min_mentions:
                continue
            if _stated_elsewhere(c, fb, family):
                continue  # حوالي 260 متمردا / 260 عنصرا: the figure is there, said of other words
            out.append(
                finding(
                    rule,
                    [_ev(f) for f in c.facts[:3]],
                    c.type,
                    article=c.article,
                    value=c.first.display,
                    others=_others(fb, c.article),
                )
            )
    return out


def _stated_elsewhere(c: Cluster, fb: FactBase, family: tuple[str, ...]) -> bool:
    """A figure is no gap when another article states a compatible value of the same type,
    whatever noun or context it comes with."""
    p = fb.compare_params.get(family, {})
    if c.type not in NUMERIC and c.type != "money":
        return False
    for g in fb.groups(family):
        for other in g.clusters:
            if other.article != c.article and other.type == c.type and compatible(c, other, p):
                return True
    return False


def _others(fb: FactBase, article: str) -> str:
    return ", ".join(a for a in fb.articles if a != article)


def check_lint(rule: Rule, fb: FactBase) -> list[Finding]:
    want = rule.params["lint"]
    out = []
    for f in fb.facts:
        if f.type == "lint" and f.key == want:
            ev = [_ev(f)]
            span = f.attr("stated_span")
            if span:
                ev.append(Evidence(f.article, span[0], span[1], span[2]))
            out.append(finding(rule, ev, "lint", text=f.text, detail=f.display))
    return out


CHECKS: dict[str, Callable[[Rule, FactBase], list[Finding]]] = {
    "compare": check_compare,
    "set": check_set,
    "variant": check_variant,
    "alias": check_alias,
    "coverage": check_coverage,
    "lint": check_lint,
}


def run_rules(rules: list[Rule], facts: list[Fact], articles: list[str]) -> list[Finding]:
    """Run every enabled rule; the compare rules of one fact family share one alignment."""
    fb = FactBase(facts=facts, articles=articles)
    for r in rules:
        if r.check == "compare" and r.enabled:
            p = fb.compare_params.setdefault(family_of(r), {})
            key = "min_agree" if r.kind == "agreement" else "min_conflict"
            p[key] = r.param("min_similarity", 0.1 if r.kind == "agreement" else 0.3)
            if r.kind == "contradiction":
                for name in ("abs_tolerance", "rel_tolerance", "approx_tolerance"):
                    if name in r.params:
                        p[name] = r.params[name]
    findings: list[Finding] = []
    for r in rules:
        if r.enabled:
            findings.extend(CHECKS[r.check](r, fb))
    # a changed list member is shown once, in the list's contradiction, not again as a place
    list_spans = [
        (e.article, e.start, e.end)
        for f in findings
        if f.kind == "contradiction" and f.fact == "list"
        for e in f.evidence
    ]

    def in_list(e: Evidence) -> bool:
        return any(e.article == a and s <= e.start and e.end <= t for a, s, t in list_spans)

    findings = [f for f in findings if not (f.fact == "location" and all(in_list(e) for e in f.evidence))]
    # a fact already shown in a contradiction is not also a gap
    contradicted = {(e.article, e.start, e.end) for f in findings if f.kind == "contradiction" for e in f.evidence}
    findings = [
        f
        for f in findings
        if not (f.kind == "gap" and all((e.article, e.start, e.end) in contradicted for e in f.evidence))
    ]
    uniq = {f.id: f for f in findings}
    return sorted(uniq.values(), key=Finding.sort_key)
