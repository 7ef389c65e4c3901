"""Are two aligned values compatible? ``True`` (the same fact stated alike), ``False`` (the same
fact stated differently) or ``None`` (cannot tell: never paired).

One comparer per fact type, chosen from :data:`COMPARERS`; tolerances come from the rule that
asks (:class:`Tolerance`), so two rules over the same facts never share thresholds by accident.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.fuzz import token_set_ratio

from checker.engine.align import Cluster
from checker.model import Fact

NUMERIC = ("count", "number", "percent")
#: token-set similarity (0-100) above which two quotations are one (one may contain the other)
QUOTE_MATCH = 80
#: two figures further apart than this factor are taken for different facts
MAX_RATIO = 50.0
GRANULARITY = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}
#: a relative day (اليوم، أمس) is known to a day either way: outlets publish at different hours
RELATIVE_SLACK = dt.timedelta(days=1)


@dataclass(frozen=True)
class Tolerance:
    """How far apart two figures may be and still agree (a rule's ``*_tolerance`` parameters)."""

    absolute: float = 0.0
    relative: float = 0.0
    approx: float = 0.1


Comparer = Callable[[Cluster, Cluster, Tolerance], "bool | None"]


def _bounds(c: Cluster) -> tuple[float, float]:
    f = c.first
    v = float(f.value["amount"] if isinstance(f.value, dict) else f.value)
    high = f.attr("high")
    if isinstance(f.value, dict) and "high" in f.value:
        high = f.value["high"]
    hi = float(high) if high is not None else v
    q = f.attr("qualifier")
    if q in ("more_than", "at_least"):
        return v, float("inf")
    if q == "less_than":
        return float("-inf"), v
    return v, hi


def numbers_compatible(a: Cluster, b: Cluster, tol: Tolerance) -> bool:
    """Ranges overlap, allowing a tolerance (wider when either value is approximate)."""
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    rel = tol.relative
    if "approx" in (a.first.attr("qualifier"), b.first.attr("qualifier")):
        rel = max(rel, tol.approx)
    mag = max(abs(x) for x in (alo, ahi, blo, bhi) if x not in (float("inf"), float("-inf")))
    rounding = max(float(a.first.attr("rounding") or 0.0), float(b.first.attr("rounding") or 0.0))
    margin = max(tol.absolute, rel * mag, rounding)
    return alo <= bhi + margin and blo <= ahi + margin


def figures_compatible(a: Cluster, b: Cluster, tol: Tolerance) -> bool | None:
    """Counts, numbers, percentages and amounts: overlapping ranges within the tolerance."""
    if a.type == "money" and a.value["currency"] != b.value["currency"]:
        # the same amount in another currency is a changed currency; other amounts may be a
        # conversion, which cannot be told
        return False if numbers_compatible(a, b, tol) else None
    x, y = sorted(abs(float(c.value["amount"] if c.type == "money" else c.value)) for c in (a, b))
    if (x > 0 and y / x > MAX_RATIO) or (x == 0 and y > 10):
        return None  # 0.52 riyal and 945 million riyals are different things, not one figure misstated
    return numbers_compatible(a, b, tol)


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


def dates_compatible(a: Cluster, b: Cluster, _tol: Tolerance) -> bool | None:
    """Resolved dates agree when their intervals overlap (a month contains its days)."""
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


def places_compatible(a: Cluster, b: Cluster, _tol: Tolerance) -> bool | None:
    """Same place, or a city inside the other's country: True; two places of one kind: False;
    a city against another country's region or the like: None (cannot tell)."""
    fa, fb = a.first, b.first
    if fa.value == fb.value:
        return True
    if fa.attr("country") == fb.value or fb.attr("country") == fa.value:
        return True
    if fa.attr("entity_type") == fb.attr("entity_type"):
        return False
    return None


def quotes_compatible(a: Cluster, b: Cluster, _tol: Tolerance) -> bool | None:
    """One quotation (one may contain the other), or cannot tell."""
    return True if token_set_ratio(a.value, b.value) >= QUOTE_MATCH else None


def equal_values(a: Cluster, b: Cluster, _tol: Tolerance) -> bool | None:
    return bool(a.value == b.value)


COMPARERS: dict[str, Comparer] = {
    **dict.fromkeys((*NUMERIC, "money"), figures_compatible),
    "date": dates_compatible,
    "location": places_compatible,
    "quote": quotes_compatible,
}


def compatible(a: Cluster, b: Cluster, tol: Tolerance) -> bool | None:
    """Compare two clusters of one fact type with the comparer of that type."""
    if a.type != b.type:
        return None
    return COMPARERS.get(a.type, equal_values)(a, b, tol)
