"""How far spelling alone can tell two spellings of one name from close spellings of two names.

    pip install scikit-learn        # for this study only; not a dependency of checker
    python -m benchmarks.name_separability [--data PATH] [--negatives 60000]

The data of ``benchmarks.name_spellings`` (Wikidata spellings, CC0, read in place): every pair of
spellings of one Latin form is a positive; the negatives are both of its hard sets (spellings one
Arabic edit apart, and spellings of Latin forms one edit apart). Each pair is described by its edit
operations on the folded spellings (which letters are traded, inserted or dropped, where in the
word, and next to what) and its lengths. A logistic regression is fitted on half of the Latin
forms and scored on the other half, both ways (two-fold, by a hash of
the Latin form). For a share of merged negatives (2 %, 5 %, 10 %, 20 %) it prints the recall on the
pairs the benchmark uses (each name's two most frequent spellings): the best that a spelling rule
learned from this very data reaches on names it has not seen.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections.abc import Sequence
from pathlib import Path

from benchmarks.name_spellings import DEFAULT_DATA, TSV, latin_negatives, negatives, read_spellings


def _half(latin: str) -> int:
    return int(hashlib.sha1(latin.strip().encode()).hexdigest(), 16) % 2


def features(a: str, b: str) -> dict[str, float]:
    from rapidfuzz.distance import Levenshtein

    from checker.text.chars import match_key

    a, b = match_key(a), match_key(b)
    f: dict[str, float] = {"len": min(len(a), len(b)), "dl": abs(len(a) - len(b)), "lev": Levenshtein.distance(a, b)}
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            key, i, w = "s" + "".join(sorted(a[op.src_pos] + b[op.dest_pos])), op.src_pos, a
        elif op.tag == "delete":
            key, i, w = "d" + a[op.src_pos], op.src_pos, a
        else:
            key, i, w = "d" + b[op.dest_pos], op.dest_pos, b
        where = "I" if i == 0 else "F" if i == len(w) - 1 else "M"
        for k in (key, key + where, "op" + where):
            f[k] = f.get(k, 0) + 1
        f["<" + key + (w[i - 1] if i else "^")] = 1
        f[">" + key + (w[i + 1] if i + 1 < len(w) else "$")] = 1
    return f


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--negatives", type=int, default=60000, help="negatives sampled for fitting and scoring")
    args = ap.parse_args(argv)
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    spellings = read_spellings(args.data / TSV)
    pos = []
    for latin in sorted(spellings):
        forms = [s for s, _ in sorted(spellings[latin].items(), key=lambda x: (-x[1], x[0]))]
        pos += [(x, y, latin, i == 0 and j == 1) for i, x in enumerate(forms) for j, y in enumerate(forms) if j > i]
    neg = [(p.a, p.b, p.latin.split(" / ")[0], "arabic") for p in negatives(spellings, 10**9)]
    neg += [(p.a, p.b, p.latin.split(" / ")[0], "latin") for p in latin_negatives(spellings, 10**9)]
    random.Random(0).shuffle(neg)
    neg = neg[: args.negatives]
    vec = DictVectorizer()
    x = vec.fit_transform([features(a, b) for a, b, *_ in pos + neg])
    y = np.array([1] * len(pos) + [0] * len(neg))
    half = np.array([_half(p[2]) for p in pos + neg])
    top2 = np.array([p[3] for p in pos] + [False] * len(neg))
    kind = np.array(["pos"] * len(pos) + [n[3] for n in neg])
    print(f"{len(pos)} positive pairs, {len(neg)} negatives; recall on the two most frequent spellings")
    print("| model | negative set | recall at 2 % merged | 5 % | 10 % | 20 % |\n|---|---|---|---|---|---|")
    scores = np.zeros(len(y))
    for h in (0, 1):
        model = LogisticRegression(max_iter=2000)
        train, test = half != h, half == h
        model.fit(x[train], y[train])
        scores[test] = model.predict_proba(x[test])[:, 1]
    for k in ("arabic", "latin"):
        cuts = [np.quantile(scores[kind == k], 1 - r) for r in (0.02, 0.05, 0.1, 0.2)]
        cells = [f"{(scores[top2] > c).mean():.2f}" for c in cuts]
        print(f"| logistic regression | {k} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
