"""A person's role or title as one article states it (وزير الدفاع، النقيب، نائب الرئيس), keyed by
the person, so the same person's roles in several articles can be compared."""

from __future__ import annotations

from functools import cache

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
    for rank in _ranks():
        if words[: len(rank)] == rank:
            return rank
    return None


def _deputy(words: tuple[str, ...]) -> tuple[str, ...] | None:
    for d in _deputies():
        if words[: len(d)] == d:
            return d
    return None


def compare_roles(a: Fact, b: Fact, _tol: Tolerance) -> bool | None:
    """Two roles of one person: the same or one a fuller form of the other (وزير الدفاع /
    وزير الدفاع الأمريكي): True; two different ranks (النقيب / الملازم أول), two portfolios
    (وزير الخارجية / وزير الداخلية), or a deputy against the post itself (نائب الرئيس / الرئيس):
    False; anything else (الوزير / المتحدث): cannot tell."""
    wa, wb = _words(str(a.value)), _words(str(b.value))
    if wa == wb:
        return True
    ra, rb = _rank(wa), _rank(wb)
    if ra and rb:
        return ra == rb
    pa, pb = _portfolio(wa), _portfolio(wb)
    if pa and pb and pa != pb:
        return False  # وزير الخارجية / وزير الداخلية
    da, db = _deputy(wa), _deputy(wb)
    if bool(da) != bool(db):
        rest_a, rest_b = wa[len(da or ()) :], wb[len(db or ()) :]
        if rest_a and rest_b and (rest_a[: len(rest_b)] == rest_b or rest_b[: len(rest_a)] == rest_a):
            return False
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    return None


TYPES = (
    FactType(
        "role",
        str,
        {"type": "string", "minLength": 1},
        "A person's role or title as written before the name, keyed by the person (surname).",
        compare_roles,
        frozenset({"person"}),
    ),
)
