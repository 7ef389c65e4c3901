"""Word clusters for the name model (issue 9), built from unlabelled local text.

    python -m benchmarks.name_clusters [--data ../shared/data/dev] [--out checker/names/model/clusters.json]

Text: the SaudiNewsNet day (``saudinewsnet/2015-08-02.zip``, titles and bodies) and the train and
dev blocks of ANERcorp read as plain text (its tags are not used; the held-out block is left out).
Each word is its clitic-free folded stem (:attr:`checker.names.features.Word.stem`). Vectors: the
positive PMI of each frequent word with the stems one and two words either side (left and right
apart), reduced by SVD; clusters: spherical k-means on those vectors at several sizes, seeded, so
the table is the same on every run of the same machine. The table (stem -> one cluster id per size)
ships with the model; nothing is read or downloaded at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.datasets import load_saudi
from benchmarks.train_names import DEFAULT_DATA, DEV_SHARE, TEST_SHARE, resolve_data
from checker.names import MODEL_DIR
from checker.names import train as T
from checker.names.features import analyse

#: a stem needs this many occurrences to get a cluster
MIN_COUNT = 4
#: context stems: the most frequent ones
CONTEXTS = 3000
DIMENSIONS = 128
SIZES = (64, 256, 1024)
SEED = 0


def corpus(data: Path) -> list[list[str]]:
    """Sentences of stems from the unlabelled texts."""
    data = resolve_data(data)
    day = data / "saudinewsnet" / "2015-08-02.zip"
    texts = [f"{a.title}\n{a.content}" for a in load_saudi(day)] if day.is_file() else []
    sentences = T.read_bio(data / "anercorp" / "train.txt")
    train, dev, _ = T.split_blocks(sentences, DEV_SHARE, TEST_SHARE)
    texts.append(" ".join(tok for s in [*train, *dev] for tok, _ in s))
    return [[w.stem for w in ws] for text in texts for ws in analyse(text)]


def vectors(
    sentences: Sequence[Sequence[str]], *, dimensions: int = DIMENSIONS, min_count: int = MIN_COUNT
) -> tuple[list[str], Any]:
    """Unit vectors of the stems seen at least *min_count* times: positive PMI with the context
    stems by position (-2, -1, +1, +2), reduced by a seeded randomized SVD to *dimensions*."""
    import numpy as np

    counts = Counter(w for s in sentences for w in s)
    vocab = sorted(
        (w for w, c in counts.items() if c >= min_count and any(ch.isalpha() for ch in w)),
        key=lambda w: (-counts[w], w),
    )
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    n_ctx = len(ctx)
    m = np.zeros((len(vocab), 4 * n_ctx), dtype=np.float32)
    for s in sentences:
        rows = [index.get(w, -1) for w in s]
        cols = [ctx.get(w, -1) for w in s]
        for i, row in enumerate(rows):
            if row < 0:
                continue
            for slot, d in enumerate((-2, -1, 1, 2)):
                j = i + d
                if 0 <= j < len(s) and cols[j] >= 0:
                    m[row, slot * n_ctx + cols[j]] += 1
    total = float(m.sum())
    pw = m.sum(axis=1, keepdims=True) / total
    pc = (m.sum(axis=0, keepdims=True) / total) ** 0.75
    pc = pc / pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        np.log((m / total) / (pw * pc), out=m)
    m[~np.isfinite(m)] = 0.0
    np.maximum(m, 0.0, out=m)
    rng = np.random.default_rng(SEED)
    q = m @ rng.standard_normal((m.shape[1], min(dimensions + 16, *m.shape))).astype(np.float32)
    for _ in range(3):  # power iterations
        q, _r = np.linalg.qr(q)
        q = m @ (m.T @ q)
    q, _r = np.linalg.qr(q)
    u, sv, _vt = np.linalg.svd(q.T @ m, full_matrices=False)
    vec = (q @ u)[:, :dimensions] * np.sqrt(sv[:dimensions])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-12
    return vocab, vec.astype(np.float64)


def kmeans(vec: Any, k: int, seed: int = SEED, rounds: int = 30) -> list[int]:
    """Spherical k-means (cosine), k-means++ seeding."""
    import numpy as np

    x = np.asarray(vec)
    rng = np.random.default_rng(seed)
    centres = [x[rng.integers(len(x))]]
    d = 1.0 - x @ centres[0]
    for _ in range(1, k):
        p = np.maximum(d, 0) ** 2
        c = x[rng.choice(len(x), p=p / p.sum())]
        centres.append(c)
        d = np.minimum(d, 1.0 - x @ c)
    cen = np.array(centres)
    assign = np.zeros(len(x), dtype=int)
    for _ in range(rounds):
        new = np.argmax(x @ cen.T, axis=1)
        if (new == assign).all():
            break
        assign = new
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c = members.sum(axis=0)
                cen[j] = c / (np.linalg.norm(c) + 1e-12)
    return [int(a) for a in assign]


def build(data: Path, sizes: Iterable[int] = SIZES) -> dict[str, str]:
    """Stem -> cluster ids (one per size, space-separated); empty when the text is too small to
    give the largest number of clusters (a tiny test corpus)."""
    sizes = list(sizes)
    sentences = corpus(data)
    counts = Counter(w for s in sentences for w in s)
    if sum(1 for c in counts.values() if c >= MIN_COUNT) < 4 * max(sizes):
        return {}
    vocab, vec = vectors(sentences)
    ids = [kmeans(vec, k) for k in sizes]
    return {w: " ".join(str(col[i]) for col in ids) for i, w in enumerate(vocab)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.name_clusters", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=MODEL_DIR / "clusters.json")
    args = ap.parse_args(argv)
    table = build(args.data)
    args.out.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    print(f"{len(table)} stems -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
