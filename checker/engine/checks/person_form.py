"""``person_form``: one person written in a fuller form in one article than in another - with or
without middle names (أسامة بن أحمد نقلي / أسامة نقلي), with or without an honorific (صاحب السمو
الملكي الأمير … / الأمير …). House style, not a different name: each article's fullest form of the
person is compared, so an article repeating a short form after giving the full one is no variant.
With ``compare: middle_conflict`` it reports the opposite: one titled person (same title, given
name and family name) given different middle names (المقدم علي بن عمير الشهراني / المقدم علي آل
جرمان الشهراني): one of the two names is wrong."""

from __future__ import annotations

from collections import defaultdict

from checker.engine.evidence import finding
from checker.engine.factbase import FactBase
from checker.engine.names import person_clusters
from checker.engine.rules import Rule
from checker.model import Evidence, Fact, Finding
from checker.text.chars import match_key

NAME = "person_form"
KINDS = ("variant", "contradiction")
FACTS = ("person",)
FIELDS = frozenset({"fact", "forms", "entity", "how"})
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["compare"],
    "properties": {
        "compare": {"enum": ["middle_names", "honorifics", "middle_conflict"]},
        "min_similarity": {"type": "number", "minimum": 0, "maximum": 100},
        "particles": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "clan_particles": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "max_people": {"type": "integer", "minimum": 1},
    },
}

Person = dict[str, list[Fact]]  # article -> its mentions of one person


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    people = people_of(fb.of(("person",)), rule)
    if rule.param("compare", "") == "middle_names":
        return [f for p in people for f in _middle_names(rule, p)]
    if rule.param("compare", "") == "middle_conflict":
        return [f for p in people for f in _middle_conflict(rule, p)]
    return _honorifics(rule, people)


def name_words(f: Fact, rule: Rule) -> tuple[str, ...]:
    """The words of a mention as written, folded, particles (بن، بنت) left out (a later mention by
    surname carries the full name as its value, not as its text)."""
    particles = {match_key(p) for p in rule.param("particles", [])}
    return tuple(w for w in match_key(f.text).split() if w not in particles)


def people_of(facts: list[Fact], rule: Rule) -> list[Person]:
    """Mentions grouped by person: the surname clusters split by given name (princes sharing
    بن عبدالعزيز are one surname cluster, not one person), each person's mentions by article."""
    out: list[Person] = []
    for cluster in person_clusters(facts, rule):
        by_given: dict[str, Person] = defaultdict(lambda: defaultdict(list))
        for f in cluster:
            words = name_words(f, rule)
            if len(words) >= 2:
                by_given[words[0]][f.article].append(f)
        out += [by_given[k] for k in sorted(by_given) if len(by_given[k]) >= 2]
    return out


def fullest(fs: list[Fact], rule: Rule) -> Fact:
    return max(sorted(fs, key=Fact.sort_key), key=lambda f: len(name_words(f, rule)))


def _middle_names(rule: Rule, person: Person) -> list[Finding]:
    """Each article's fullest form of the person; a variant when they differ by middle names only:
    same given name and surname, every shorter form's words in order within the longest's, and the
    surname a family name (not بن X: a forebear dropped from a chain names another man)."""
    full = {a: fullest(fs, rule) for a, fs in sorted(person.items())}
    forms = {a: name_words(f, rule) for a, f in full.items()}
    longest = max(forms.values(), key=len)
    if len(set(forms.values())) < 2 or any(t[-1] != longest[-1] or not _within(t, longest) for t in forms.values()):
        return []
    raw = match_key(max(full.values(), key=lambda f: len(name_words(f, rule))).text).split()
    particles = {match_key(p) for p in rule.param("particles", [])}
    if len(raw) >= 2 and raw[-2] in particles:
        return []
    shown = list(dict.fromkeys(f.text for f in full.values()))
    ev = [f.evidence() for f in full.values()]
    return [finding(rule, ev, "person", forms=" / ".join(shown), entity=shown[0], how="middle_names")]


def _middle_conflict(rule: Rule, person: Person) -> list[Finding]:
    """Articles whose fullest forms of one titled person (the title right before the name alike)
    both have middle names of one kind (forebears, or a clan after ``clan_particles``), neither
    within the other and not one name spelled two ways: different names of one man."""
    full = {a: fullest(fs, rule) for a, fs in sorted(person.items())}
    titled = {a: f for a, f in full.items() if f.attr("role")}
    middles: dict[tuple[str, str, tuple[str, ...]], list[Fact]] = defaultdict(list)
    for f in titled.values():
        words = name_words(f, rule)
        title = match_key(str(f.attr("role"))).split()[-1]
        if len(words) >= 3:
            middles[(title, words[-1], words[1:-1])].append(f)
    keys = sorted(middles)
    for x, (t1, s1, m1) in enumerate(keys):
        for t2, s2, m2 in keys[x + 1 :]:
            if (t1, s1) != (t2, s2) or _within(m1, m2) or _within(m2, m1):
                continue
            fs = [min(middles[k], key=Fact.sort_key) for k in ((t1, s1, m1), (t2, s2, m2))]
            k1, k2 = (_middle_kinds(f, rule) for f in fs)
            if not any(_differ(k1[kind], k2[kind], rule) for kind in set(k1) & set(k2)):
                continue  # «علي بن عمير» / «علي آل جرمان»: a father's and a clan name, both his
            shown = " / ".join(dict.fromkeys(f.text for f in fs))
            ev = [f.evidence() for f in fs]
            return [finding(rule, ev, "person", forms=shown, entity=fs[0].text, how="middle_conflict")]
    return []


def _middle_kinds(f: Fact, rule: Rule) -> dict[str, tuple[str, ...]]:
    """The middle names of a mention by kind: after a clan particle (آل) the clan's name, else
    the line of forebears (بن عمير، or a father's name written bare: محمد علي العمري)."""
    particles = {match_key(p) for p in rule.param("particles", [])}
    clans = {match_key(p) for p in rule.param("clan_particles", [])}
    words = match_key(f.text).split()[1:-1]
    out: dict[str, list[str]] = defaultdict(list)
    for i, w in enumerate(words):
        if w not in particles:
            out["clan" if i and words[i - 1] in clans else "line"].append(w)
    return {k: tuple(v) for k, v in out.items()}


def _differ(m1: tuple[str, ...], m2: tuple[str, ...], rule: Rule) -> bool:
    """Two middle names of one kind that are not one within the other nor one spelled two ways (by
    ``min_similarity``, rapidfuzz ratio of the words glued: عبدالله / عبد الله)."""
    from rapidfuzz.fuzz import ratio

    if _within(m1, m2) or _within(m2, m1):
        return False
    return ratio("".join(m1), "".join(m2)) < rule.param("min_similarity", 75)


def _within(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    it = iter(long_)
    return all(w in it for w in short)


def _honorifics(rule: Rule, people: list[Person]) -> list[Finding]:
    """One finding for the story: the people one article gives an honorific (صاحب السمو الملكي،
    معالي) and another, naming them with their title, does not; evidence for the first few."""
    evidence: list[Evidence] = []
    used: list[str] = []
    names: list[str] = []
    for person in sorted(people, key=lambda p: min(f.start for fs in p.values() for f in fs)):
        titled = {a: [f for f in fs if f.attr("role") or f.attr("honorific")] for a, fs in person.items()}
        titled = {a: fs for a, fs in titled.items() if fs}
        styles = {a: frozenset(f.attr("honorific")[0] for f in fs if f.attr("honorific")) for a, fs in titled.items()}
        if len(set(styles.values())) < 2:
            continue
        for a, fs in sorted(titled.items()):
            first = min(fs, key=lambda f: (not f.attr("honorific"), f.start))
            h = first.attr("honorific")
            evidence.append(Evidence(a, h[1], first.end, h[2]) if h else first.evidence())
            if h:
                used.append(" ".join(h[2].split()[: len(h[0].split())]))  # as written
        names.append(next(f.text for fs in titled.values() for f in fs if f.attr("honorific")))
        if len(names) >= rule.param("max_people", 3):
            break
    if not evidence:
        return []
    forms = " / ".join(dict.fromkeys(used))
    return [finding(rule, evidence, "person", forms=forms, entity="، ".join(names), how="honorifics")]
