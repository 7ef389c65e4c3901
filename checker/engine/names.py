"""Names across articles: spelling variants, people grouped by surname, word forms grouped.

Shared by the variant, alias and coverage checks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from checker import lexicons
from checker.engine.rules import Rule
from checker.engine.spelling import translit_variant
from checker.facts.roles import join_compounds, person_words, same_given_name
from checker.model import Evidence, Fact
from checker.text.chars import match_key
from checker.text.words import translit_key, zipf


def name_forms(f: Fact) -> list[tuple[str, int, int]]:
    """The words of a name mention with their offsets (definite article kept)."""
    out = []
    pos = f.start
    for w in f.text.split():
        i = f.text.find(w, pos - f.start)
        out.append((w, f.start + i, f.start + i + len(w)))
        pos = f.start + i + len(w)
    return out


def similar_forms(a: str, b: str, rule: Rule, person: bool = False) -> bool:
    """Spelling variants: equal when folded; or one name transliterated two ways (غولدمان /
    جولدمان، ألفرد / ألفريد: :mod:`checker.engine.spelling`); or, in a long name, one letter changed
    (a typo); and never two different well-known words (so ميركل is never ماركس, سوريا never روسيا)."""
    ka, kb = match_key(a), match_key(b)
    if ka == kb:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) > 1:  # word by word: مدينة غولدمان / مدينة جولدمان, not مدينة مارتن / مدينة ماتن
        return all(_similar_words(x, y, rule) for x, y in zip(wa, wb, strict=True))
    return _similar_words(a, b, rule, person)


def _similar_words(a: str, b: str, rule: Rule, person: bool = False) -> bool:
    ka, kb = match_key(a), match_key(b)
    if ka == kb or frozenset((ka, kb)) in _particle_spellings():
        return True  # بن / ابن: one particle
    edits = rule.param("max_edits", 2)
    if Levenshtein.distance(ka, kb) > edits or _vowel_for_vowel(ka, kb):
        return False
    if zipf(a) >= COMMON and zipf(b) >= COMMON:
        # two common words: variants only if they differ in inner long vowels or transliteration
        # letters alone (أميركي / أمريكي, فينجر / فينغر; not التدريب / التدريبي); in the name of one
        # person (the same father and family: ثامر / تامر بن سعد الحربي) a letter swapped will do
        vowels_only = translit_key(ka) == translit_key(kb)
        return (vowels_only or person) and translit_variant(ka, kb, edits)
    if translit_variant(ka, kb, edits):
        return True
    if " " in ka + kb or min(len(ka), len(kb)) < rule.param("typo_length", 8):
        return False
    return ratio(ka, kb) >= rule.param("min_ratio", 80) and Levenshtein.distance(ka, kb) <= 1  # a typo


@lru_cache(maxsize=1)
def _particle_spellings() -> frozenset[frozenset[str]]:
    """Pairs of spellings of one particle (``son_of_spellings`` of names.yaml: بن، ابن), folded."""
    forms = [match_key(w) for w in lexicons.load("names").get("son_of_spellings", [])]
    return frozenset(frozenset((x, y)) for x in forms for y in forms if x != y)


def _vowel_for_vowel(a: str, b: str) -> bool:
    """One long vowel written for another (مارو / ماري، دانا / دونا): another name, not a variant.

    >>> _vowel_for_vowel("ماري", "مارو"), _vowel_for_vowel("ميلي", "ملي")
    (True, False)
    """
    return any(
        op.tag == "replace" and a[op.src_pos] in "اوي" and b[op.dest_pos] in "اوي" for op in Levenshtein.editops(a, b)
    )


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
    """A name's words without particles; a compound written apart is one word (عبد العزيز /
    عبدالعزيز)."""
    return frozenset(t for t in join_compounds(str(value)).split() if t not in _particles())


def given_name(f: Fact) -> str | None:
    """The given name of a mention written with two or more name words (its first word, folded, a
    compound written apart joined: عبد الله), None for a mention by one word (a surname alone)."""
    words = [t for t in person_words(f.text) if t not in _particles()]
    return words[0] if len(words) >= 2 else None


def by_given_name(cluster: list[Fact]) -> list[list[Fact]]:
    """A surname cluster split into its people by given name (محمد بن علي العمري / علي بن ياسين
    العمري: a son and his father), mentions by surname alone going with each; one group when the
    mentions name at most one given name."""
    given: dict[str, list[Fact]] = defaultdict(list)
    bare: list[Fact] = []
    for f in cluster:
        g = given_name(f)
        (given[g] if g else bare).append(f)
    if len(given) <= 1:
        return [cluster]
    names = sorted(given)
    sets = DisjointSets(names)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if same_given_name(a, b) or translit_variant(a, b):
                sets.union(a, b)  # بيار / بيير، محمد / حمد: one given name spelled or slipped two ways
    people: dict[str, list[Fact]] = defaultdict(list)
    for g in names:
        people[sets.find(g)] += given[g]
    if len(people) == 1:
        return [cluster]
    return [sorted(fs + bare, key=Fact.sort_key) for _, fs in sorted(people.items())]


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
    return any(same_given_name(p, q) for p in x for q in y)


def written(f: Fact) -> str:
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


def form_groups(
    forms: list[tuple[str, Evidence]],
    rule: Rule,
    base: Callable[[str], str],
    merge_extended: bool = False,
    term: bool = False,
    person: bool = False,
) -> list[list[tuple[str, Evidence]]]:
    """Union similar word forms; each group is one word spelled one or more ways."""
    uniq = sorted({f for f, _ in forms})
    sets = DisjointSets(uniq)
    for i, a in enumerate(uniq):
        for b in uniq[i + 1 :]:
            if term and not (_term_pair(a, b) or translit_variant(match_key(base(a)), match_key(base(b)))):
                continue
            if similar_forms(base(a), base(b), rule, person) or (merge_extended and _extends(a, b)):
                sets.union(a, b)
    groups: dict[str, list[tuple[str, Evidence]]] = defaultdict(list)
    for f, e in forms:
        groups[sets.find(f)].append((f, e))
    return [groups[k] for k in sorted(groups)]


def surface_base(form: str) -> str:
    """A demonym without its article and gender/number ending, in its original letters.

    >>> surface_base("الأميركية"), surface_base("أمريكيون")
    ('أميركي', 'أمريكي')
    """
    k = form[2:] if form.startswith("ال") else form
    for suf in ("تين", "تان", "ون", "ين", "ات", "ة", "ه"):
        if k.endswith(suf) and len(k) - len(suf) >= 3:
            return k[: -len(suf)]
    return k


def identity(s: str) -> str:
    return s
