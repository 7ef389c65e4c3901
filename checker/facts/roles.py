"""A person's role or title as one article states it (وزير الدفاع، النقيب، نائب الرئيس), keyed by
the person, so the same person's roles in several articles can be compared."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from rapidfuzz.fuzz import ratio

from checker import lexicons
from checker.facts.base import FactType, Tolerance
from checker.model import Fact
from checker.text.chars import match_key


def _words(role: str) -> tuple[str, ...]:
    """Role words folded, each without the article."""
    return tuple(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in match_key(role).split())


@cache
def _ranks() -> tuple[tuple[str, ...], ...]:
    # longest first, so ملازم أول is found before ملازم
    ranks = [_words(r) for r in lexicons.load("titles").get("ranks", [])]
    return tuple(sorted(ranks, key=lambda r: (-len(r), r)))


@cache
def _deputies() -> tuple[tuple[str, ...], ...]:
    return tuple(_words(d) for d in lexicons.load("titles").get("deputy_words", []))


@cache
def _portfolios() -> tuple[tuple[str, ...], ...]:
    items = [_words(p) for p in lexicons.load("titles").get("portfolios", [])]
    return tuple(sorted(items, key=lambda p: (-len(p), p)))


def _portfolio(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The portfolio of a minister's role (وزير الخارجية: خارجيه), or None."""
    for i, w in enumerate(words[:-1]):
        if w in ("وزير", "وزيره"):
            rest = words[i + 1 :]
            return next((p for p in _portfolios() if rest[: len(p)] == p), None)
    return None


def _rank(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The last rank of the role (the one before the name: نائب المتحدث الرسمي ... النقيب)."""
    for i in range(len(words) - 1, -1, -1):
        for rank in _ranks():
            if words[i : i + len(rank)] == rank:
                return rank
    return None


def _deputy(words: tuple[str, ...]) -> tuple[str, ...] | None:
    for d in _deputies():
        if words[: len(d)] == d:
            return d
    return None


@cache
def _posts() -> frozenset[tuple[str, ...]]:
    """Titles of office and ranks (folded, without the article), honorifics left out."""
    data = lexicons.load("titles")
    posts = {_words(t) for t in [*data["titles"], *data.get("ranks", [])]}
    return frozenset(posts - {_words(h) for h in data.get("honorifics", [])})


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(w for h in lexicons.load("titles").get("honorifics", []) for w in _words(h))


def _one_post_changed(wa: tuple[str, ...], wb: tuple[str, ...]) -> bool:
    """The two roles are one chain of words but for one post: another post in its place (أمين عام
    حزب X / رئيس حزب X, ... السفير / ... القنصل العام) or a deputy word added before it (مدير عام
    الهيئة نائب رئيس المجلس / ... رئيس المجلس). Some word other than an honorific must be shared."""
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    changed = [op for op in ops if op[0] != "equal"]
    shared = {w for tag, a1, a2, _, _ in ops if tag == "equal" for w in wa[a1:a2]} - _honorifics()
    if len(changed) != 1 or not shared:
        return False
    tag, a1, a2, b1, b2 = changed[0]
    xa, xb = wa[a1:a2], wb[b1:b2]
    if tag == "replace":
        return xa in _posts() and xb in _posts()
    longer, at = (wa, a2) if xa else (wb, b2)
    added = xa or xb
    return added in _deputies() and any(longer[at : at + len(p)] == p for p in _posts())


_ABD_APART = re.compile(r"(?<!\S)عبد\s+(?=\S)")
#: how alike (rapidfuzz ratio) two given names must be to be one name spelled or slipped two ways
SAME_GIVEN_RATIO = 80


def join_compounds(name: str) -> str:
    """A compound given name written apart joined (عبد ربه -> عبدربه), so it is one word."""
    return _ABD_APART.sub("عبد", name)


def person_words(name: str) -> list[str]:
    """A person's name as folded words, a compound written apart joined (عبد ربه -> عبدربه)."""
    return join_compounds(match_key(name)).split()


def same_given_name(a: str, b: str) -> bool:
    """Two folded given names are one: equal, or one spelled or slipped two ways (محمد / حمد، بيار /
    بيير), as the person-gap rule's split of a surname by given name reads them."""
    return a == b or ratio(a, b) >= SAME_GIVEN_RATIO


def compare_roles(a: Fact, b: Fact, _tol: Tolerance) -> bool | None:
    """Two roles of one person: the same or one a fuller form of the other (وزير الدفاع /
    وزير الدفاع الأمريكي): True; two different ranks (النقيب / الملازم أول), two portfolios
    (وزير الخارجية / وزير الداخلية), or a deputy against the post itself (نائب الرئيس / الرئيس):
    False; anything else (الوزير / المتحدث): cannot tell."""
    wa, wb = _words(str(a.value)), _words(str(b.value))
    if wa == wb:
        return True
    na, nb = (person_words(str(f.attr("person") or "")) for f in (a, b))
    if na and nb and not same_given_name(na[0], nb[0]):
        return None  # two people of one surname (العريف سعد الغامدي / اللواء فهد الغامدي)
    ra, rb = _rank(wa), _rank(wb)
    if ra and rb and ra != rb:
        return False
    pa, pb = _portfolio(wa), _portfolio(wb)
    if pa and pb and pa != pb:
        return False  # وزير الخارجية / وزير الداخلية
    # honorifics an outlet writes or leaves out (الدكتور / د.) say nothing of the post
    wa, wb = (tuple(w for w in ws if w not in _honorifics()) or ws for ws in (wa, wb))
    da, db = _deputy(wa), _deputy(wb)
    if bool(da) != bool(db):
        rest_a, rest_b = wa[len(da or ()) :], wb[len(db or ()) :]
        if rest_a and rest_b and (rest_a[: len(rest_b)] == rest_b or rest_b[: len(rest_a)] == rest_a):
            return False
        if min(len(rest_a), len(rest_b)) >= 2 and rest_a[:2] == rest_b[:2]:
            return False  # نائب مدير مكتب الحملة في لبنان / مدير مكتب الحملة الوطنية بلبنان: one post
    if _one_post_changed(wa, wb):
        return False
    if min(len(wa), len(wb)) == 1 and len(wa) != len(wb) and not (ra and rb):
        return None  # a bare title (الوزير) fits any fuller role: paired with one, it would hide the others
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    return True if ra and rb else None  # one rank (… النقيب / النقيب): the rank is what both state


TYPES = (
    FactType(
        "role",
        str,
        {"type": "string", "minLength": 1},
        "A person's role or title as written before the name, keyed by the person (surname).",
        compare_roles,
        frozenset({"person"}),
    ),
    FactType(
        "office",
        str,
        {"type": "string", "minLength": 1},
        "An office of one of the story's titled people named without its holder (وسمو ولي ولي عهده), keyed "
        "by the office's folded words without the article; ``holders``: the keys of the people the story "
        "gives that office. The person-gap rule reads it.",
        attrs=frozenset({"holders"}),
    ),
)
