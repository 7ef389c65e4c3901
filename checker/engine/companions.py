"""Companion figures: the other figures a figure's sentence states.

A figure misstated in one article sits in a sentence whose other figures the other articles state
alike (one slip, the rest copied); two sentences that each state several figures and share none of
them report two different things that happen to be alike in words — a quarter against a half-year
(خسائر خلال الربع الثاني بلغت 900 مليون، مقابل أرباح 92 مليون / خسائر النصف الأول 945.4 مليون،
قياساً بأرباح 403.2 مليون، ومصاريف الزكاة ...). Their figures are not one fact stated two ways.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from checker.model import Fact

#: the fact types whose values are figures
FIGURES = ("count", "number", "percent", "money")
#: figures a sentence states (the compared one included) for it to be a statement of several facts
MIN_FIGURES = 3


def _amount(f: Fact) -> float | None:
    value = f.value["amount"] if isinstance(f.value, dict) else f.value
    return round(float(value), 6) if isinstance(value, int | float) else None


class Companions:
    """The figures of each sentence of each article."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.by_sentence: dict[tuple[str, int], set[float]] = defaultdict(set)
        self.kinds: dict[tuple[str, int], dict[float, tuple[str, str]]] = defaultdict(dict)
        for f in facts:
            amount = _amount(f) if f.type in FIGURES else None
            if amount is not None:
                self.by_sentence[(f.article, f.sentence)].add(amount)
                self.kinds[(f.article, f.sentence)].setdefault(amount, (f.type, f.key))

    def unrelated(self, a: Fact, b: Fact) -> bool:
        """*a* and *b* each sit among at least two other figures, and their sentences share no figure.
        Two figures alone may be one fact and its share, which change together when an outlet
        quotes another estimate (29 مليار دولار، 6.6% من الناتج / 12.64 مليار دولار، 2.87%): still
        one fact stated two ways."""
        sa = self.by_sentence.get((a.article, a.sentence), set())
        sb = self.by_sentence.get((b.article, b.sentence), set())
        return len(sa) >= MIN_FIGURES and len(sb) >= MIN_FIGURES and not sa & sb

    def two_statements(self, a: Fact, b: Fact) -> bool:
        """*a* and *b*, two figures of one article in two sentences, each sit among other figures
        and their sentences share none: the article makes two statements (دعم الطاقة 12.64 مليار
        دولار، أي ما يعادل 2.87% / حزمة أكبر تبلغ نحو 29 مليار دولار أو ما يوازي نحو 6.6%), so
        neither is the other misstated."""
        if a.attr("headline") or b.attr("headline"):
            return False  # a headline sums its body up in other figures (58 مليون نسمة خلال 3 أعوام)
        own = {_amount(a), _amount(b)}
        sa = self.by_sentence.get((a.article, a.sentence), set()) - own
        sb = self.by_sentence.get((b.article, b.sentence), set()) - own
        if not sa or not sb or sa & sb:
            return False
        # parallel statements: each states a figure of a kind the other states too (an amount and
        # its share of GDP, twice); a distance beside one age and a depth beside another is no such pair
        ka = {self.kinds[(a.article, a.sentence)][x] for x in sa}
        kb = {self.kinds[(b.article, b.sentence)][x] for x in sb}
        return bool(ka & kb)
