"""Group SaudiNewsNet articles of one day into multi-outlet stories.

Each article is summarised by the content words of its title and lead (normalized, clitics
stripped, stopwords dropped). Articles of *different* outlets whose summaries overlap strongly
(Jaccard similarity at or above a threshold) are linked; the connected components with at least two
outlets are the stories. A component that grew too large by chaining is cut down greedily to the
most similar members, one article per outlet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from benchmarks.datasets import NewsArticle, normalize, strip_clitics, tokens

STOPWORDS = {
    normalize(w)
    for w in (
        "في من على إلى الى عن مع أن إن أنه إنه التي الذي الذين هذا هذه ذلك تلك كان كانت يكون قد لقد "
        "لم لن لا ما ماذا بعد قبل بين حتى أو ثم كما حيث عند منذ خلال أي كل غير بعض هو هي هم نحن "
        "وقال قال قالت وأضاف أضاف وأكد أكد أوضح وأوضح أشار وأشار اليوم أمس العام عام يوم أيضا "
        "إلا أمام ضد عبر وفق لدى لها له لهم به بها فيه فيها منه منها عليه عليها إليه وذلك "
        "متابعات واس صحيفة الرياض سبق المدينة"
    ).split()
}
STOP_STEMS = {strip_clitics(w) for w in STOPWORDS}


def content_words(text: str, limit: int | None = None) -> list[str]:
    """Normalized, clitic-stripped content words (letters only, at least 3 of them)."""
    out: list[str] = []
    for tok in tokens(text):
        if not tok[:1].isalpha() or tok in STOPWORDS:
            continue
        stem = strip_clitics(tok)
        if len(stem) < 3 or stem in STOP_STEMS:
            continue
        out.append(stem)
        if limit is not None and len(out) >= limit:
            break
    return out


def signature(article: NewsArticle, lead_words: int = 40) -> frozenset[str]:
    """Title words plus the first *lead_words* content words of the body."""
    return frozenset(content_words(article.title) + content_words(article.content, lead_words))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass(frozen=True)
class Story:
    id: str
    articles: tuple[NewsArticle, ...]
    cohesion: float  # mean pairwise similarity of the kept members

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({a.source for a in self.articles}))


def similar_pairs(
    articles: Sequence[NewsArticle], threshold: float, lead_words: int = 40, max_df: int = 60
) -> dict[tuple[int, int], float]:
    """Similarity of every cross-outlet pair at or above *threshold* (candidates from an inverted
    index of words that occur in at most *max_df* articles)."""
    sigs = [signature(a, lead_words) for a in articles]
    index: dict[str, list[int]] = defaultdict(list)
    for i, sig in enumerate(sigs):
        for w in sig:
            index[w].append(i)
    candidates: set[tuple[int, int]] = set()
    for ids in index.values():
        if len(ids) > max_df:
            continue
        candidates.update(combinations(ids, 2))
    out: dict[tuple[int, int], float] = {}
    for i, j in sorted(candidates):
        if articles[i].source == articles[j].source:
            continue
        sim = jaccard(sigs[i], sigs[j])
        if sim >= threshold:
            out[(i, j)] = sim
    return out


def _components(n: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def _select(
    members: list[int], sim: dict[tuple[int, int], float], articles: Sequence[NewsArticle], max_size: int
) -> list[int]:
    """Greedy: start from the most similar pair, add the member of a new outlet with the highest mean
    similarity to those kept, up to *max_size*. Pairs below the threshold count as 0."""

    def s(i: int, j: int) -> float:
        return sim.get((min(i, j), max(i, j)), 0.0)

    pairs = sorted(
        ((s(i, j), i, j) for i, j in combinations(members, 2) if s(i, j) > 0), key=lambda t: (-t[0], t[1], t[2])
    )
    if not pairs:
        return []
    _, a, b = pairs[0]
    kept = [a, b]
    outlets = {articles[a].source, articles[b].source}
    while len(kept) < max_size:
        best: tuple[float, int] | None = None
        for m in members:
            if m in kept or articles[m].source in outlets:
                continue
            score = sum(s(m, k) for k in kept) / len(kept)
            if score > 0 and (best is None or score > best[0] or (score == best[0] and m < best[1])):
                best = (score, m)
        if best is None:
            break
        kept.append(best[1])
        outlets.add(articles[best[1]].source)
    return sorted(kept)


def group_stories(
    articles: Sequence[NewsArticle],
    threshold: float = 0.3,
    max_size: int = 6,
    lead_words: int = 40,
) -> list[Story]:
    """Stories (≥ 2 outlets, ≤ *max_size* articles, one per outlet), largest first, deterministic."""
    order = sorted(range(len(articles)), key=lambda i: articles[i].id)
    arts = [articles[i] for i in order]
    sim = similar_pairs(arts, threshold, lead_words)
    stories: list[tuple[tuple[NewsArticle, ...], float]] = []
    for comp in _components(len(arts), sorted(sim)):
        kept = _select(comp, sim, arts, max_size)
        if len({arts[i].source for i in kept}) < 2:
            continue
        pair_sims = [sim.get((i, j), 0.0) for i, j in combinations(kept, 2)]
        stories.append((tuple(arts[i] for i in kept), sum(pair_sims) / len(pair_sims)))
    stories.sort(key=lambda t: (-len(t[0]), -t[1], t[0][0].id))
    return [Story(f"story-{k:03d}", members, round(coh, 4)) for k, (members, coh) in enumerate(stories)]
