"""What the name model costs in extraction (issue 9: at most 1.3 x the time per article without it).

    python -m benchmarks.names_speed [--model ../shared/models/ar_pud.udpipe] [--articles 60] [--rounds 3]

Extracts the facts of the first *articles* SaudiNewsNet articles of the dev day with the name-model
extractor (``--names-model crf``) off and on, alternately, in one process, after one warm-up round
of each (model load, caches); prints the minimum CPU time per article of each and their ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.datasets import load_saudi
from benchmarks.feed import DAY
from checker import api
from checker.extract import model_names


def _round(articles: list[api.Article], analyzer: api.Analyzer, on: bool) -> float:
    model_names.ENABLED = on
    t = time.process_time()
    for a in articles:
        api.extract_facts(a, analyzer)
    return (time.process_time() - t) / len(articles)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.names_speed", description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="../shared/models/ar_pud.udpipe", help="UDPipe model, or 'none'")
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    model = args.model if args.model == "none" or Path(args.model).is_file() else "none"
    analyzer = api._analyzer(model, None)
    news = load_saudi(DAY)[: args.articles]
    articles = [api.make_article(n.id, n.title + "\n\n" + n.content, title=n.title) for n in news]
    _round(articles, analyzer, False)
    _round(articles, analyzer, True)
    off, on = [], []
    for _ in range(args.rounds):
        off.append(_round(articles, analyzer, False))
        on.append(_round(articles, analyzer, True))
    model_names.ENABLED = False
    a, b = min(off), min(on)
    print(f"tagger {model}; {len(articles)} articles, {args.rounds} alternating rounds, minimum CPU per article")
    print(f"name model off: {a * 1000:.1f} ms; on: {b * 1000:.1f} ms; ratio x {b / a:.2f} (target <= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
