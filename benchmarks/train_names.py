"""Train the name model (issue 9) on ANERcorp, read in place from ``../shared/data/dev/anercorp``.

    python -m benchmarks.train_names                       # the shipped CRF -> checker/names/model
    python -m benchmarks.train_names --backend spacy --out /tmp/names-spacy   # the spaCy comparison

The corpus's sentences (split at . ؟ !) are cut into three contiguous blocks: the first 78 % to
train, the next 10 % (dev) to choose settings (and, for spaCy, the best checkpoint), the last 12 %
held out for ``python -m benchmarks.names_eval``. The shipped CRF is refitted on train + dev with the
settings chosen on dev (``--no-dev-in-train`` to leave dev out).

Inputs besides ANERcorp (read in place): the Arabic spellings of foreign person-name words in
``wikidata_names/name_spellings.tsv`` (a flag, frozen into the model's ``lexicon.json``). Each
block is read as one running text for the document flags (:mod:`checker.names.document`), and the
model has two passes (``--stacked``, :func:`checker.names.train.train_stacked`). Deterministic: the CRF's L-BFGS
has no randomness and spaCy is seeded (``--seed``); one thread (the caller may also set
``OMP_NUM_THREADS=1``).
"""

from __future__ import annotations

import argparse
import json
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
from checker.names.document import WINDOW
from checker.names.features import Lexicon, lexicon_from_rules

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = Path("../shared/data/dev")
DEV_SHARE = 0.10
TEST_SHARE = 0.12
#: CRF settings chosen on the dev block (see benchmarks/README.md)
CRF_C1 = 0.05
CRF_C2 = 0.05
CRF_ITERATIONS = 150
#: folds of the two-pass (stacked) CRF: the first pass's labels on the training text come from
#: CRFs fitted without that part
STACKED_FOLDS = 4


def resolve_data(path: Path) -> Path:
    if path.exists():
        return path
    alt = HERE.parent / path
    return alt if alt.exists() else path


def anercorp_splits(data: Path, lex: Lexicon | None = None) -> tuple[list[T.Example], list[T.Example], list[T.Example]]:
    """(train, dev, held-out) examples of ANERcorp's training part, contiguous blocks of sentences."""
    sentences = T.read_bio(resolve_data(data) / "anercorp" / "train.txt")
    train, dev, test = T.split_blocks(sentences, DEV_SHARE, TEST_SHARE)
    return T.examples_from(train, lex), T.examples_from(dev, lex), T.examples_from(test, lex)


def foreign_names(data: Path) -> set[str]:
    """Folded Arabic spellings of Latin-script person-name words (``wikidata_names``, CC0): a flag
    the model weighs (common Arabic words among them, such as محمد, are learnt as weak evidence)."""
    from checker.text.chars import match_key

    path = resolve_data(data) / "wikidata_names" / "name_spellings.tsv"
    out: set[str] = set()
    if not path.is_file():
        return out
    with path.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                key = match_key(parts[1])
                if len(key) >= 2 and " " not in key:
                    out.add(key)
    return out


def build_lexicon(
    data: Path, *, foreign: bool = True, translit: bool = True, clusters: Path | None = None, build: bool = False
) -> Lexicon:
    """The project's lexicon flags, plus the foreign-name spellings and, if asked, word clusters (read
    from *clusters*, or built from the local unlabelled text when *build*; they measured no gain and
    the shipped model has none, see benchmarks/README.md)."""
    lex = lexicon_from_rules()
    if foreign:
        lex = lex.with_foreign(foreign_names(data))
        if translit:  # how much a word looks like a foreign name: char models of the list and of common words
            from checker.names.translit import Translit, common_words

            lex = lex.with_translit(Translit.fit(lex.foreign, common_words()))
    if clusters is not None:
        return lex.with_clusters(json.loads(clusters.read_text(encoding="utf-8")))
    if build:
        from benchmarks.name_clusters import build as build_clusters

        return lex.with_clusters(build_clusters(data))
    return lex


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
    ap.add_argument("--window", type=int, default=WINDOW, help="CRF: document flags' sentences either side (0: none)")
    ap.add_argument("--no-foreign", action="store_true", help="CRF: no foreign-name flags (wikidata_names)")
    ap.add_argument(
        "--no-translit", action="store_true", help="CRF: no transliteration bands (char models of the foreign names)"
    )
    ap.add_argument("--clusters", type=Path, default=None, help="CRF: word-cluster flags from this table (stem -> ids)")
    ap.add_argument(
        "--build-clusters", action="store_true", help="CRF: word-cluster flags from a table built now (name_clusters)"
    )
    ap.add_argument("--stacked", type=int, default=STACKED_FOLDS, help="CRF: folds of the two-pass model (0: one pass)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    lex = None
    if args.backend == "crf":
        lex = build_lexicon(
            args.data,
            foreign=not args.no_foreign,
            translit=not args.no_translit,
            clusters=args.clusters,
            build=args.build_clusters,
        )
        print(
            f"lexicon: {len(lex.foreign)} foreign-name spellings, {len(lex.clusters)} clustered stems,"
            f" transliteration bands {'on' if lex.translit else 'off'}"
        )
    train, dev, test = anercorp_splits(args.data, lex)
    words = sum(len(e.words) for e in train)
    print(f"ANERcorp: {len(train)} train / {len(dev)} dev / {len(test)} held-out sentences; {words} train words")
    if args.backend == "crf":
        if args.window:  # each block is read as one running text
            train, dev = T.with_document(train, args.window), T.with_document(dev, args.window)
        fit = train if args.no_dev_in_train else [*train, *dev]
        params = {"c1": args.c1, "c2": args.c2, "iterations": args.iterations}
        if args.stacked:
            T.train_stacked(fit, args.out, folds=args.stacked, lex=lex, window=args.window, **params)
        else:
            T.train_crf(fit, args.out, lex=lex, window=args.window, **params)
            (args.out / "second.crfsuite").unlink(missing_ok=True)
    else:
        T.train_spacy(train, dev, args.out, seed=args.seed)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
