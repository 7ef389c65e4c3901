"""Train the name model (issue 9) on ANERcorp, read in place from ``../shared/data/dev/anercorp``.

    python -m benchmarks.train_names                       # the shipped CRF -> checker/names/model
    python -m benchmarks.train_names --backend spacy --out /tmp/names-spacy   # the spaCy comparison

The corpus's sentences (split at . ؟ !) are cut into three contiguous blocks: the first 78 % to
train, the next 10 % (dev) to choose settings (and, for spaCy, the best checkpoint), the last 12 %
held out for ``python -m benchmarks.names_eval``. The shipped CRF is refitted on train + dev with the
settings chosen on dev (``--no-dev-in-train`` to leave dev out). Deterministic: the CRF's L-BFGS
has no randomness and spaCy is seeded (``--seed``); one thread (the caller may also set
``OMP_NUM_THREADS=1``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("BLIS_NUM_THREADS", "1")

from checker.names import MODEL_DIR
from checker.names import train as T

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = Path("../shared/data/dev")
DEV_SHARE = 0.10
TEST_SHARE = 0.12
#: CRF settings chosen on the dev block (see benchmarks/README.md)
CRF_C1 = 0.05
CRF_C2 = 0.05
CRF_ITERATIONS = 150


def resolve_data(path: Path) -> Path:
    if path.exists():
        return path
    alt = HERE.parent / path
    return alt if alt.exists() else path


def anercorp_splits(data: Path) -> tuple[list[T.Example], list[T.Example], list[T.Example]]:
    """(train, dev, held-out) examples of ANERcorp's training part, contiguous blocks of sentences."""
    sentences = T.read_bio(resolve_data(data) / "anercorp" / "train.txt")
    train, dev, test = T.split_blocks(sentences, DEV_SHARE, TEST_SHARE)
    return T.examples_from(train), T.examples_from(dev), T.examples_from(test)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.train_names", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data folder (default ../shared/data/dev)")
    ap.add_argument("--backend", choices=("crf", "spacy"), default="crf")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="model folder (default checker/names/model)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-dev-in-train", action="store_true", help="CRF: fit on the train block only")
    ap.add_argument("--c1", type=float, default=CRF_C1)
    ap.add_argument("--c2", type=float, default=CRF_C2)
    ap.add_argument("--iterations", type=int, default=CRF_ITERATIONS)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    train, dev, test = anercorp_splits(args.data)
    words = sum(len(e.words) for e in train)
    print(f"ANERcorp: {len(train)} train / {len(dev)} dev / {len(test)} held-out sentences; {words} train words")
    if args.backend == "crf":
        fit = train if args.no_dev_in_train else [*train, *dev]
        T.train_crf(fit, args.out, c1=args.c1, c2=args.c2, iterations=args.iterations)
    else:
        T.train_spacy(train, dev, args.out, seed=args.seed)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
