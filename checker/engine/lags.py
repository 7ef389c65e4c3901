"""Stamp lags: a day word read against a publication date that may be a day late.

A date stamp with no time may be the day a copy was fetched, not the day it was written: a web
copy posted on Saturday that says «اليوم» is still listed, and stamped, on Sunday. Against such a
stamp «اليوم» (or «الغد») may name the day before the one it resolves to, so a one-day split
between it and another outlet's «أمس» (or «اليوم») is what one day's lapse between two copies
produces, not two outlets dating the event differently. Two past-day words (أمس / أول أمس) are
left exact: a copy that looks back a day was written for its date (a paper's edition).

The split stands when the two articles are in step: the later one's day words that date an event
the other dates too fall on the other's day at least as often as a day after it (قرارا اليوم in
both, then تداولات اليوم / تداولات الغد), or when the later one's day is fixed by a weekday
(``weekday`` beside it, or ``weekday_dated``: the article's weekdays showed the day it was written).
Used by the compare check's ``stamp_lags`` parameter: CT102 skips these splits, CT107 reports them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from checker.engine.align import Cluster, context_overlap, make_clusters
from checker.model import Fact


def _day(f: Fact) -> dt.date | None:
    v = f.value if isinstance(f.value, dict) else {}
    first, last = v.get("first"), v.get("last")
    return dt.date.fromisoformat(first) if first and first == last else None


def _bare(f: Fact) -> bool:
    """A day word (اليوم، أمس، الغد) resolved against a known stamp, its day fixed by nothing else."""
    return (
        f.attr("day_offset") is not None
        and bool(f.attr("exact_ref"))
        and not f.attr("weekday")
        and not f.attr("weekday_dated")
    )


#: how alike two day words' contexts must be to date one event (weighted overlap of their words)
SAME_EVENT = 0.3


class StampLags:
    """Which one-day splits of day words a late stamp explains, given each article's dates."""

    def __init__(self, dates: Iterable[Fact]) -> None:
        self.by_article: dict[str, list[Cluster]] = defaultdict(list)
        for c in make_clusters([f for f in dates if _day(f) is not None], {}, merge=False):
            self.by_article[c.article].append(c)
        self._in_step: dict[tuple[str, str], bool] = {}

    def in_step(self, later: str, other: str) -> bool:
        """See :meth:`_count_in_step` (once per pair of articles)."""
        key = (later, other)
        if key not in self._in_step:
            self._in_step[key] = self._count_in_step(later, other)
        return self._in_step[key]

    def _count_in_step(self, later: str, other: str) -> bool:
        """Of the *later* article's day words, those that date an event the *other* article dates
        too (the most alike context) fall on its day at least as often as on the day before, and at
        least once: the two stamps are in step (قرارا اليوم in both, then تداولات اليوم / تداولات
        الغد: one each). A desk that turned a copy's «اليوم» into «أمس» leaves more a day before
        («زيارته اليوم»، «وصل اليوم» against «أمس»; «أصبحت اليوم» kept: two against one)."""
        same = before = 0
        theirs = self.by_article.get(other, [])
        for c in self.by_article.get(later, []):
            if not _bare(c.first) or not theirs:
                continue
            score, match = max(((context_overlap(c, o), -i) for i, o in enumerate(theirs)), default=(0.0, 0))
            if score < SAME_EVENT:
                continue
            lag = (_day(c.first) - _day(theirs[-match].first)).days  # type: ignore[operator]
            same += lag == 0
            before += lag == 1
        return same > 0 and same >= before

    def explains(self, x: Cluster, y: Cluster) -> bool:
        """*x* and *y* are single days one apart, and the later is a present or future day word
        (offset ≥ 0) whose stamp may be a day late, in articles not in step."""
        if not _one_day_late(x, y):
            return False
        later, other = (x, y) if _day(x.first) > _day(y.first) else (y, x)  # type: ignore[operator]
        return not self.in_step(later.article, other.article)


def _one_day_late(x: Cluster, y: Cluster) -> bool:
    dx, dy = _day(x.first), _day(y.first)
    if dx is None or dy is None or abs((dx - dy).days) != 1:
        return False
    later = x if dx > dy else y
    return all(_bare(f) and f.attr("day_offset") >= 0 for f in later.facts)


def _same_word(x: Cluster, y: Cluster) -> bool:
    offsets = {f.attr("day_offset") for f in x.facts if _bare(f)}
    return any(_bare(f) and f.attr("day_offset") in offsets for f in y.facts)
