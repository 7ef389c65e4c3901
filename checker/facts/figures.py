"""Figures: counts, bare numbers, ordinals, percentages and amounts of money."""

from __future__ import annotations

from typing import TypedDict

from checker.facts.base import FactType, Tolerance
from checker.model import Fact

#: two figures further apart than this factor are taken for different facts
MAX_RATIO = 50.0
NUMBER = {"type": "number"}
FIGURE_ATTRS = frozenset(
    {
        "written",
        "lead",
        "noun",
        "rounding",
        "qualifier",
        "high",
        "kind",
        "identifier",
        "others",
        "unit",
        "window",
        "headline",
    }
)


class MoneyValue(TypedDict, total=False):
    amount: float
    high: float  # the top of a range: بين 5 و7 ملايين ريال
    currency: str


def amount(f: Fact) -> float:
    """A figure's value, or an amount of money's amount."""
    return float(f.value["amount"] if isinstance(f.value, dict) else f.value)


def _bounds(f: Fact) -> tuple[float, float]:
    v = amount(f)
    high = f.attr("high")
    if isinstance(f.value, dict) and "high" in f.value:
        high = f.value["high"]
    hi = float(high) if high is not None else v
    q = f.attr("qualifier")
    if q in ("more_than", "at_least"):
        return v, float("inf")
    if q in ("less_than", "at_most"):
        return float("-inf"), v
    return v, hi


def ranges_overlap(a: Fact, b: Fact, tol: Tolerance) -> bool:
    """Ranges overlap, allowing a tolerance (wider when either value is approximate) and the
    rounding a written figure implies."""
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    rel = tol.relative
    if "approx" in (a.attr("qualifier"), b.attr("qualifier")):
        rel = max(rel, tol.approx)
    mag = max(abs(x) for x in (alo, ahi, blo, bhi) if x not in (float("inf"), float("-inf")))
    rounding = max(float(a.attr("rounding") or 0.0), float(b.attr("rounding") or 0.0))
    margin = max(tol.absolute, rel * mag, rounding)
    return alo <= bhi + margin and blo <= ahi + margin


#: the ratios of one scale word to another (ألف، مليون، مليار، تريليون)
SCALE_RATIOS = (1e3, 1e6, 1e9)


def rescaled(x: float, y: float) -> bool:
    """The same figure with another scale word: 5 ملايين against 5 مليارات, 2.5 ألف against 2.5 مليون.

    >>> rescaled(5e6, 5e9), rescaled(2500, 2.5e6), rescaled(5e6, 7e9), rescaled(3, 3000)
    (True, True, False, False)
    """
    lo, hi = sorted((abs(x), abs(y)))
    return lo >= 1000 and any(abs(hi - lo * r) <= 1e-9 * hi for r in SCALE_RATIOS)


def compare_figures(a: Fact, b: Fact, tol: Tolerance) -> bool | None:
    """Overlapping ranges agree. Figures 50 times apart are different facts (cannot tell), unless
    they are the same figure with another scale word (ألف / مليون / مليار): the commonest slip of
    all, a contradiction. The same amount in another currency is a changed currency; another
    amount may be a conversion."""
    pa, pb = a.attr("period"), b.attr("period")
    if pa and pb and pa != pb:
        return None  # a quarter's figure against a half-year's: two facts
    if bool(a.attr("others")) != bool(b.attr("others")):
        return None  # «مع ستة مسؤولين آخرين» counts the others beside someone, «14 مسؤولا» all of them
    if a.type == "money" and a.value["currency"] != b.value["currency"]:
        return False if ranges_overlap(a, b, tol) else None
    x, y = sorted(abs(amount(f)) for f in (a, b))
    if (x > 0 and y / x > MAX_RATIO) or (x == 0 and y > 10):
        # 0.52 riyal and 945 million riyals are different things, not one figure misstated
        return False if rescaled(x, y) else None
    overlap = ranges_overlap(a, b, tol)
    qa, qb = a.attr("qualifier"), b.attr("qualifier")
    if (qa == qb and qa in BOUNDS) or (qa == qb == "approx" and a.attr("rounding") == b.attr("rounding")):
        # «أكثر من 20» / «أكثر من 30», «نحو 12.64» / «نحو 12.65»: two statements of one kind give
        # their figures as written; they agree only on the same figure
        return same_amount(a, b, tol)
    return overlap


#: qualifiers that state a bound, not a figure: أكثر من، لا يقل عن، أقل من، لا يزيد عن
BOUNDS = ("more_than", "at_least", "less_than", "at_most")


def same_amount(a: Fact, b: Fact, tol: Tolerance) -> bool:
    """The two figures as written (their ranges' low ends) are one amount, within the tolerance and
    the rounding their writing implies, whatever their qualifiers or types (an open range, أكثر من 187
    مليون, says nothing of a figure far above it)."""
    va, vb = amount(a), amount(b)
    rounding = max(float(a.attr("rounding") or 0.0), float(b.attr("rounding") or 0.0))
    return abs(va - vb) <= max(tol.absolute, tol.relative * max(abs(va), abs(vb)), rounding)


def _figure(name: str, doc: str) -> FactType:
    return FactType(name, float, NUMBER, doc, compare_figures, FIGURE_ATTRS)


TYPES = (
    _figure("count", "A number of something named by its counted noun (the key): خمس شركات."),
    _figure("number", "A figure with no counted noun."),
    _figure("percent", "A percentage: 25%، خمسة بالمئة."),
    _figure("ordinal", "A rank or an identifying number: الدورة الثالثة، المادة 103."),
    FactType(
        "money",
        MoneyValue,
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["amount", "currency"],
            "properties": {
                "amount": NUMBER,
                "high": NUMBER,
                "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            },
        },
        "An amount with its ISO 4217 currency: 50 مليون ريال.",
        compare_figures,
        FIGURE_ATTRS,
    ),
)
