"""Parallel mentions: one mention of a fact against the mentions of the other articles that sit in
sentences alike to its own.

Alignment merges the mentions of one value within an article into one cluster, which suits figures
(an article that says "خمس شركات" twice states one fact) but not dates: an article names several
events, and two of them may fall on one day (أمس for an arrival, السبت الماضي for an attack). A day
word changed in one sentence then joins its article's cluster of the new value, or stands alone
beside the article's other mentions, and is never compared with the sentence it was rewritten
from. Here every mention stands alone: a mention whose parallel mentions in other articles (context
similarity at least the threshold) give another value of the same granularity, while no other
mention of either sentence gives the value of the other, states that event's date differently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.engine.align import Cluster, make_clusters, similarity
from checker.model import Fact

Compat = Callable[[Cluster, Cluster], bool | None]
#: a compatible mention this close to the most alike one makes the article agree
TIE = 0.05


@dataclass
class Parallel:
    """A mention and its parallel mentions in the other articles (one per article at most)."""

    mention: Cluster
    conflicts: list[Cluster] = field(default_factory=list)
    agree: list[Cluster] = field(default_factory=list)  # parallel mentions giving a compatible value
    alike: list[Cluster] = field(default_factory=list)  # other odd mentions with the mention's value

    @property
    def agreeing(self) -> int:
        """How many other articles' parallel mentions give a compatible value."""
        return len(self.agree)

    def odd(self) -> bool:
        """More articles state this event's date otherwise than state it alike."""
        return len(self.conflicts) > self.agreeing


def parallel_conflicts(
    facts: Iterable[Fact],
    places: dict[tuple[str, int], frozenset[str]],
    compatible: Compat,
    min_similarity: float,
) -> list[Parallel]:
    """The mentions whose parallel mentions in the other articles mostly give another value, each
    with those mentions; a conflict between two articles is reported from one side only."""
    singles = make_clusters(facts, places, merge=False)
    by_article: dict[str, list[Cluster]] = {}
    by_sentence: dict[tuple[str, int], list[Cluster]] = {}
    for c in singles:
        by_article.setdefault(c.article, []).append(c)
        by_sentence.setdefault((c.article, c.first.sentence), []).append(c)
    found = [_parallels(a, by_article, by_sentence, compatible, min_similarity) for a in singles]
    odd = sorted((p for p in found if p.odd()), key=lambda p: (-len(p.conflicts), p.mention.ident()))
    covered: set[tuple[tuple[str, int, int], tuple[str, int, int]]] = set()
    out: list[Parallel] = []
    for p in odd:
        edges = {(p.mention.ident(), c.ident()) for c in p.conflicts}
        if edges & covered:
            continue  # two articles that differ: said once, from the first one's side
        covered |= edges | {(b, a) for a, b in edges}
        mine = {c.ident() for c in p.conflicts}
        host = next((q for q in out if _joins(q, p, mine, compatible)), None)
        if host is not None:
            host.alike.append(p.mention)  # two articles against three: one finding
            continue
        out.append(p)
    return sorted(out, key=lambda p: p.mention.ident())


def _joins(q: Parallel, p: Parallel, conflicts: set[tuple[str, int, int]], compatible: Compat) -> bool:
    """Whether *p* is one more article stating *q*'s value against the same mentions."""
    articles = {q.mention.article, *(c.article for c in q.alike)}
    return (
        p.mention.article not in articles
        and bool(conflicts & {c.ident() for c in q.conflicts})
        and bool(compatible(q.mention, p.mention))
    )


def _parallels(
    a: Cluster,
    by_article: dict[str, list[Cluster]],
    by_sentence: dict[tuple[str, int], list[Cluster]],
    compatible: Compat,
    need: float,
) -> Parallel:
    """*a* and, in each other article, its parallel mention: the most alike one (a compatible one
    within :data:`TIE` of it wins), left out when another mention of either sentence accounts for
    the difference (:func:`_stated_beside`)."""
    out = Parallel(a)
    for article in sorted(by_article):
        if article == a.article:
            continue
        scored: list[tuple[float, bool, Cluster]] = []
        for b in by_article[article]:
            if not _same_kind(a, b):
                continue
            s = similarity(a, b)
            ok = compatible(a, b) if s >= need else None
            if ok or (ok is False and not _stated_beside(a, b, by_sentence, compatible)):
                scored.append((s, bool(ok), b))
        if not scored:
            continue
        top = max(s for s, _, _ in scored)
        agreeing = [(s, b) for s, ok, b in scored if ok and s >= top - TIE]
        if agreeing:
            out.agree.append(max(agreeing, key=lambda t: (t[0], -t[1].first.start))[1])
        else:
            out.conflicts.append(max(scored, key=lambda t: (t[0], -t[2].first.start))[2])
    return out


def _same_kind(a: Cluster, b: Cluster) -> bool:
    """Mentions of one key, granularity and form (both relative or both absolute): a rewrite keeps
    أمس as a day word and «18 يوليو» as a date, while «أمس» against «جلسة 18 يوليو» in alike words
    is more often two events (the plea yesterday, an earlier one on the 18th)."""
    return (
        a.key == b.key
        and a.value.get("granularity") == b.value.get("granularity")
        and bool(a.first.attr("relative")) == bool(b.first.attr("relative"))
    )


def _stated_beside(
    a: Cluster, b: Cluster, by_sentence: dict[tuple[str, int], list[Cluster]], compatible: Compat
) -> bool:
    """Whether one sentence states the other's value, in the same form (absolute or relative), as
    often as the other sentence does: «خلال يوليو ... مقابل يونيو» in both articles is two dates,
    and «وصل أمس ... ويغادر اليوم» against «ويغادر اليوم» a date one article left out; but
    «تداولات أمس ... المتداولة اليوم» against «تداولات اليوم ... المتداولة اليوم» is one changed."""
    for x, y in ((a, b), (b, a)):
        mine, theirs = by_sentence[(x.article, x.first.sentence)], by_sentence[(y.article, y.first.sentence)]
        if _count(mine, y, compatible) >= _count(theirs, y, compatible):
            return True
    return False


def _count(mentions: list[Cluster], value: Cluster, compatible: Compat) -> int:
    """How many of *mentions* state *value* in its form (absolute or relative)."""
    form = bool(value.first.attr("relative"))
    return sum(1 for z in mentions if (z is value or compatible(z, value)) and bool(z.first.attr("relative")) == form)
