"""Agreements whose members all belong together.

Greedy alignment chains clusters: A joins B on a shared context, C joins B on a weaker one, and C
may share nothing with A (one article's «أمس» of another event joined to the others' «أمس» by a
word or two). An agreement shows every member as the same fact, so a member that the group as a
whole does not resemble is left out of it.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.engine.align import Cluster, Group


def cohesive(g: Group, sim: Callable[[Cluster, Cluster], float], need: float) -> Group:
    """*g* without the members whose mean similarity to the other members is below *need*, the
    weakest left out first, until every member left reaches it (a pair is kept as it is)."""
    members = list(g.clusters)
    while len(members) > 2:
        scores = [
            (sum(sim(c, o) for o in members if o is not c) / (len(members) - 1), i) for i, c in enumerate(members)
        ]
        worst, i = min(scores)
        if worst >= need:
            break
        del members[i]
    return g if len(members) == len(g.clusters) else Group(members, g.score)
