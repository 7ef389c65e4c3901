"""Group a feed of articles into stories (the news-stream clustering of Miranda et al. 2018 and
newsLens, in a batch form).

Each article becomes a TF-IDF vector over the light stems of its **title** (counted twice) and
**lead** (the first :data:`LEAD_WORDS` content words of the body), plus its **figures** (numbers of
two digits or more, written in any digits, as ``#123`` terms) and **names** (words of the
title and lead the entity gazetteer knows, as ``@name`` terms, counted twice): rare words, shared
figures and shared names weigh most. Two articles are compared only when

* they were published within :data:`Params.window_days` of each other (an article without a date
  meets every other), and
* they share one of their :data:`BLOCK_TERMS` rarest terms (an inverted index keyed by term and
  day; a posting longer than :data:`MAX_POSTING` is a common word that day and is not used).

So each article meets a bounded number of others and the cost grows about linearly with the feed.

Articles are then joined by **average linkage** over the candidate pairs (a pair never compared
counts as 0), the most similar pairs first: two groups merge when the mean similarity of all
their cross pairs reaches :data:`Params.link`. Pairs of **different outlets** are joined first;
pairs of the **same outlet** (a paper that ran the story twice) only afterwards and only at the
stricter :data:`Params.same_outlet`, so an outlet's two different stories on one topic are not
chained together. An article that joins nothing stays a singleton.

The result is a pure function of the articles (deterministic: ties break on article ids).
"""

from __future__ import annotations

import gc
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from checker.model import Article
from checker.text import recache
from checker.text.chars import fold_digits, match_key

#: content words of the body read as the lead
LEAD_WORDS = 60
#: how many of an article's rarest terms are used to find candidates
BLOCK_TERMS = 12
#: a term carried by more articles than this in one day is too common to find candidates by
MAX_POSTING = 40
TITLE_WEIGHT = 2.0
NAME_WEIGHT = 2.0
_TOKEN = recache.compile(r"\d+(?:[.,٫]\d+)*|[^\W\d_]+")
_YEAR_LIKE = recache.compile(r"^(1[34]\d\d|20\d\d)$")  # Hijri and Gregorian years: figures every story has


@dataclass(frozen=True)
class Params:
    """The grouping's thresholds (cosine similarities of the TF-IDF vectors)."""

    link: float = 0.5  #: mean similarity at which two groups of different outlets merge
    same_outlet: float = 0.6  #: similarity at which an outlet's two articles are one story
    window_days: int = 2  #: articles further apart in time are never one story


@dataclass(frozen=True)
class Doc:
    """What grouping reads of an article."""

    id: str
    source: str
    day: int | None
    terms: dict[str, float] = field(hash=False, compare=False)


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    from checker.extract.base import stopwords

    return stopwords()


@lru_cache(maxsize=1)
def _digests() -> frozenset[str]:
    """First words of news-digest titles (``digest_titles`` in ``rules/lexicons/stopwords.yaml``)."""
    from checker import lexicons

    return frozenset(match_key(w) for w in lexicons.load("stopwords").get("digest_titles", []))


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Folded single-word names of the entity gazetteer (countries, cities, organisations…)."""
    from checker import lexicons
    from checker.extract.base import strip_clitics

    out: set[str] = set()
    for entry in lexicons.load("entities").get("entities", []):
        for name in entry.get("names", []):
            words = str(name).split()
            if len(words) == 1 and len(strip_clitics(words[0])) >= 3:
                out.add(strip_clitics(words[0]))
    return frozenset(out)


@lru_cache(maxsize=131072)
def _term(tok: str) -> tuple[str, ...]:
    """The terms one written word gives: its stem (none for a stop word) and ``@name`` for a name."""
    from checker.extract.base import stem, strip_clitics

    s, bare = stem(tok), strip_clitics(tok)
    stop = _stop()
    if len(s) < 3 or s in stop or bare in stop:
        return ()
    return (s, "@" + bare) if bare in _names() else (s,)


def _words(text: str) -> Iterable[str]:
    for tok in _TOKEN.findall(fold_digits(text)):
        if tok[0].isdigit():
            digits = re.sub(r"\D", "", tok)
            if len(digits) >= 2 and not _YEAR_LIKE.match(tok):
                yield "#" + tok.replace("٫", ".").replace(",", "")
            continue
        yield from _term(tok)


def counts(article: Article) -> dict[str, float]:
    """The weighted term counts of an article: title words twice, lead words once, names doubled."""
    title = article.title or article.text.split("\n", 1)[0]
    body = article.text[len(title) :] if article.text.startswith(title) else article.text
    out: dict[str, float] = defaultdict(float)
    if title.split()[:1] and match_key(title.split()[0]) in _digests():
        return {}  # «موجز دوليات»: a digest of unrelated items is no story's copy
    for w in _words(title):
        out[w] += TITLE_WEIGHT * (NAME_WEIGHT if w[0] == "@" else 1.0)
    lead = 0
    for w in _words(body):
        out[w] += NAME_WEIGHT if w[0] == "@" else 1.0
        lead += w[0] not in "#@"
        if lead >= LEAD_WORDS:
            break
    return dict(out)


def _day(article: Article) -> int | None:
    when = article.published_at.date() if article.published_at else article.published
    return when.toordinal() if when else None


def vectors(articles: Sequence[Article], known: Mapping[str, dict[str, float]] | None = None) -> list[Doc]:
    """Unit-length TF-IDF vectors (idf over this batch; sublinear term frequency). *known* may give
    the term counts of some articles (the store keeps them)."""
    known = known or {}
    raw = [known[a.id] if a.id in known else counts(a) for a in articles]
    df: Counter[str] = Counter(t for c in raw for t in c)
    n = len(articles)
    docs: list[Doc] = []
    for a, c in zip(articles, raw, strict=True):
        vec = {t: (1.0 + math.log(w)) * math.log((n + 1) / df[t]) for t, w in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        docs.append(Doc(a.id, a.source or "", _day(a), {t: v / norm for t, v in vec.items() if v > 0}))
    return docs


def cosine(a: Doc, b: Doc) -> float:
    if len(a.terms) > len(b.terms):
        a, b = b, a
    return sum(v * b.terms.get(t, 0.0) for t, v in a.terms.items())


def candidates(docs: Sequence[Doc], window: int, only: set[int] | None = None) -> set[tuple[int, int]]:
    """Pairs sharing a rare term (blocking by an inverted index keyed by term and day); with
    *only*, the pairs one of whose articles is in it."""
    postings: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    keys: list[list[str]] = []
    for i, d in enumerate(docs):
        best = sorted(d.terms, key=lambda t: (-d.terms[t], t))[:BLOCK_TERMS]
        keys.append(best)
        for t in best:
            postings[(t, d.day)].append(i)
    days = sorted({d.day for d in docs if d.day is not None})
    out: set[tuple[int, int]] = set()
    for i, d in enumerate(docs):
        if only is not None and i not in only:
            continue
        near: list[int | None] = (
            [None, *days] if d.day is None else [None, *(x for x in days if abs(x - d.day) <= window)]
        )
        for t in keys[i]:
            for day in near:
                post = postings.get((t, day), ())
                if len(post) > MAX_POSTING:
                    continue
                out.update((min(i, j), max(i, j)) for j in post if j != i)
    return out


def _merge_order(docs: Sequence[Doc], sims: dict[tuple[int, int], float], params: Params) -> list[tuple[int, int]]:
    """Pairs worth joining, in the order they are tried: different outlets first, then the same
    outlet; within each, the most similar first (ties on the pair's ids)."""

    def key(p: tuple[int, int]) -> tuple[float, str, str]:
        return (-sims[p], docs[p[0]].id, docs[p[1]].id)

    cross = [p for p, s in sims.items() if s >= params.link and not _same_outlet(docs, p)]
    same = [p for p, s in sims.items() if s >= params.same_outlet and _same_outlet(docs, p)]
    return sorted(cross, key=key) + sorted(same, key=key)


def _same_outlet(docs: Sequence[Doc], pair: tuple[int, int]) -> bool:
    a, b = docs[pair[0]].source, docs[pair[1]].source
    return bool(a) and a == b


def link(
    docs: Sequence[Doc], sims: dict[tuple[int, int], float], params: Params, start: Sequence[Sequence[int]] = ()
) -> list[list[int]]:
    """Average-linkage joining over the candidate pairs (a pair never compared counts as 0), from
    singletons or from the groups *start* gives (each article in one of them)."""
    group_of = list(range(len(docs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    for g in start:
        rep = min(g)
        for x in g:
            members.pop(x, None)
            group_of[x] = rep
        members[rep] = sorted(g)
    for i, j in _merge_order(docs, sims, params):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        total = sum(sims.get((min(x, y), max(x, y)), 0.0) for x in a for y in b)
        threshold = params.same_outlet if _same_outlet(docs, (i, j)) else params.link
        if total / (len(a) * len(b)) < threshold:
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        for x in members[gone]:
            group_of[x] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))
    return list(members.values())


def group(
    articles: Sequence[Article], params: Params | None = None, known: Mapping[str, dict[str, float]] | None = None
) -> list[list[Article]]:
    """The stories of a batch of articles: groups of articles (each sorted by id), the largest
    first, then by their first article's id; singletons included (as groups of one)."""
    params = params or Params()
    collecting = gc.isenabled()
    gc.disable()  # many small objects and no cycles: the collector's passes only grow with the feed
    try:
        return _group(articles, params, known or {})
    finally:
        if collecting:
            gc.enable()


def _group(
    articles: Sequence[Article],
    params: Params,
    known: Mapping[str, dict[str, float]],
    stories: Mapping[str, str] | None = None,
    new: set[str] | None = None,
) -> list[list[Article]]:
    """The batch grouping, or (with *stories* and *new*) the online one of :func:`join`."""
    arts = sorted(articles, key=lambda a: a.id)
    docs = vectors(arts, known)
    fresh = None if new is None else {i for i, a in enumerate(arts) if a.id in new}
    pairs = candidates(docs, params.window_days, fresh)
    sims = {p: s for p in pairs if (s := cosine(docs[p[0]], docs[p[1]])) > 0}
    start: dict[str, list[int]] = defaultdict(list)
    if stories is not None and fresh is not None:
        for i, a in enumerate(arts):
            start["\0" + a.id if i in fresh else stories.get(a.id, "\0" + a.id)].append(i)
    groups = [[arts[i] for i in g] for g in link(docs, sims, params, list(start.values()))]
    return sorted(groups, key=lambda g: (-len(g), g[0].id))


def join(
    articles: Sequence[Article],
    stories: Mapping[str, str],
    new: set[str],
    params: Params | None = None,
    known: Mapping[str, dict[str, float]] | None = None,
) -> list[list[Article]]:
    """The online form, for copy arriving one item at a time: the copy already received keeps the
    stories it was given (*stories*: article id -> story; an article without one is a story of its
    own), and the *new* articles (ids) join them by the same average linkage, only the pairs that
    involve a new article being compared. So checking one item against a day of copy costs its
    own candidates, not the day's. Groups are returned as :func:`group` returns them."""
    return _group(articles, params or Params(), known or {}, stories, new)
