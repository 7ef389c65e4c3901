"""Are the articles given one story? A conservative test for ``compare``: two articles belong
together when the rare words, names and figures of their title and lead overlap enough
(weighted by how rare each word is in Arabic, from wordfreq, not by the batch, which is too small
to say what is rare). Articles that join nothing are reported apart and not compared, so two
unrelated reports never yield contradictions. (The feed's grouping, :mod:`checker.feed.group`,
is built for thousands of articles and a batch vocabulary.)"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache

from checker.extract.base import stem, stopwords
from checker.model import Article, Fact
from checker.text import recache
from checker.text.words import zipf

#: two articles whose weighted overlap reaches this are one story (on the gold stories the least
#: related same-event pair scores 0.30; random pairs of one day's unrelated articles under 0.18)
SAME_STORY = 0.2
#: words of the title and the lead that are compared
LEAD_TOKENS = 120
_TOKEN = recache.compile(r"[^\W\d_]+|\d+")


def _bag(article: Article) -> frozenset[str]:
    words = set()
    for tok in _TOKEN.findall(f"{article.title or ''} {article.text}")[:LEAD_TOKENS]:
        if tok.isdigit():
            if len(tok) >= 2:
                words.add("#" + tok)
            continue
        s = stem(tok)
        if len(s) >= 3 and s not in stopwords():
            words.add(s)
    return frozenset(words)


#: more articles than this are a feed, not a story: ``checker feed`` groups them
MAX_ARTICLES = 64


@lru_cache(maxsize=65536)
def _weight(term: str) -> float:
    if term.startswith("#"):
        return 3.0
    z = zipf(term)
    return max(0.5, 7.0 - z) if z > 0 else 5.0


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared weight over the weight of the smaller bag (0 to 1)."""
    if not a or not b:
        return 0.0
    total = min(math.fsum(map(_weight, sorted(a))), math.fsum(map(_weight, sorted(b))))
    return math.fsum(map(_weight, sorted(a & b))) / total


#: below this overlap two articles are one story only if they also share an anchor (:func:`anchors`):
#: two traffic accidents in two cities share the whole vocabulary of an accident report (0.36), and
#: on the gold stories every same-event pair under 0.5 shares a person, a city or a figure
ANCHORED_BELOW = 0.5
#: the anchors are asked of articles with at least this many distinct words in title and lead (a
#: headline alone names too little: two headlines of one event may share no name or figure)
ANCHORED_MIN_WORDS = 20


def anchors(facts: Iterable[Fact]) -> frozenset[str]:
    """What ties an article to one event rather than to a kind of news: the people it names, the
    places finer than a country, and its figures with what they count."""
    out = set()
    for f in facts:
        if f.type == "person" and f.key:
            out.add("person:" + f.key)
        elif f.type == "place" and f.key and not (len(f.key) == 2 and f.key.isupper()):  # ISO country codes
            out.add("place:" + f.key)
        elif f.type in ("count", "money", "percent"):
            out.add(f"{f.type}:{f.key}:{json.dumps(f.value, sort_keys=True)}")
    return frozenset(out)


def stories(
    articles: Sequence[Article], threshold: float = SAME_STORY, tied: Sequence[frozenset[str]] | None = None
) -> list[list[Article]]:
    """The articles in groups that are one story each (connected by overlap), in input order; with
    *tied* (each article's :func:`anchors`), a pair under :data:`ANCHORED_BELOW` must share one.
    More than :data:`MAX_ARTICLES` articles are taken as given (one group)."""
    if len(articles) > MAX_ARTICLES:
        return [list(articles)]
    bags = [_bag(a) for a in articles]

    def joined(i: int, j: int) -> bool:
        score = overlap(bags[i], bags[j])
        if score < threshold:
            return False
        short = min(len(bags[i]), len(bags[j])) < ANCHORED_MIN_WORDS  # two headlines: too little to tie
        return tied is None or short or score >= ANCHORED_BELOW or bool(tied[i] & tied[j])

    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if find(i) != find(j) and joined(i, j):
                parent[max(find(i), find(j))] = min(find(i), find(j))
    groups: dict[int, list[Article]] = {}
    for i, a in enumerate(articles):
        groups.setdefault(find(i), []).append(a)
    return list(groups.values())
