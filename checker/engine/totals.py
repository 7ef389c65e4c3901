"""Totals: a count that adds up other counts of its own article.

A headline often sums what the body counts apart: «34 قتيلا من المعارضة والنظام» over «قتل 25
مقاتلاً من المعارضة» and «بمقتل تسعة من قوات النظام». Set against another outlet's «25 قتيلا», the
34 is no misstatement of the 25 but their total with another part: the article states the 25 too.
A headline count is taken for a total of its article's other counts when two or three of them
(in other sentences) add up to it; it is then not contradicted by a value equal to one of those
parts. Only headlines: in a body, small counts add up by chance (3 + 4 = 7 wounded).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from checker.model import Fact

#: the fact types that may be a total or a part
COUNTS = ("count", "number")
#: at most this many parts make a total
MAX_PARTS = 3
#: an article with more counts than this is not searched (a table of figures adds up anyhow)
MAX_COUNTS = 40


def _value(f: Fact) -> float | None:
    v = f.value
    if f.type not in COUNTS or isinstance(v, bool) or not isinstance(v, int | float) or f.attr("high") is not None:
        return None
    return float(v)


def _mixed(own_noun: list[bool]) -> bool:
    """Parts of which some count the total's own noun and some another: a sum by chance («40
    طالبا» over «30 طالبا» and «10 جامعات»), where parts all of the total's noun (طلاب، طالبات) or
    all of others (25 مقاتلا، تسعة من قوات النظام under «34 قتيلا») make a total."""
    return any(own_noun) and not all(own_noun)


class Totals:
    """The counts of each article, to tell a total from a misstated part."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.by_article: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            if _value(f) is not None:
                self.by_article[f.article].append(f)
        self._parts: dict[tuple[str, int, int], frozenset[float]] = {}

    def parts(self, total: Fact) -> frozenset[float]:
        """The values of the counts of *total*'s article, in other sentences, that two or three at a
        time add up to it (empty when *total* is no count or no such counts exist)."""
        key = (total.article, total.start, total.end)
        if key not in self._parts:
            self._parts[key] = self._find(total)
        return self._parts[key]

    def _find(self, total: Fact) -> frozenset[float]:
        value = _value(total) if total.attr("headline") else None
        others = [f for f in self.by_article.get(total.article, []) if f.sentence != total.sentence]
        if value is None or len(others) > MAX_COUNTS:
            return frozenset()
        own: dict[float, bool] = {}  # each part value -> whether a count of it counts the total's noun
        for f in others:
            v = _value(f)
            if v is not None and 0 < v < value:
                own[v] = own.get(v, False) or f.key == total.key
        found: set[float] = set()
        for n in range(2, MAX_PARTS + 1):
            for combo in combinations(sorted(own), n):
                if abs(sum(combo) - value) < 1e-9 and not _mixed([own[v] for v in combo]):
                    found.update(combo)
        return frozenset(found)

    def total_of_part(self, a: Fact, b: Fact) -> bool:
        """One of *a* and *b* is a total of its article's counts and the other's value one of its parts."""
        va, vb = _value(a), _value(b)
        return (vb is not None and vb in self.parts(a)) or (va is not None and va in self.parts(b))
