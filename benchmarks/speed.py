"""Speed and memory of ``extract`` and ``compare`` on the seed articles, and of the bare model.

    python -m benchmarks.speed [--model PATH] [--repeat N] [--json FILE]

Prints articles/second (median of N runs after one warm-up), peak traced Python memory and
the process's maximum resident size. The first run also pays lexicon and regex compilation;
it is reported separately as "cold".
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="UDPipe model path ('none' for the fallback)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", dest="json_out", default=None)
    ap.add_argument("files", nargs="*", default=[str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))])
    args = ap.parse_args(argv)

    from checker.api import compare, extract_facts
    from checker.read import read_articles
    from checker.text.tagger import UDPipeAnalyzer, load_analyzer

    arts = read_articles(args.files)
    chars = sum(len(a.text) for a in arts)
    t0 = time.perf_counter()
    analyzer = load_analyzer(args.model)
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    compare(arts, analyzer=analyzer)
    cold = time.perf_counter() - t0

    ext = _timed(lambda: [extract_facts(a, analyzer=analyzer) for a in arts], args.repeat)
    cmp_ = _timed(lambda: compare(arts, analyzer=analyzer), args.repeat)
    # memory in separate runs: tracing slows Python down several times
    tracemalloc.start()
    for a in arts:
        extract_facts(a, analyzer=analyzer)
    _, peak_extract = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    compare(arts, analyzer=analyzer)
    _, peak_compare = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    figures = {
        "articles": len(arts),
        "chars": chars,
        "model": analyzer.name,
        "model_load_s": round(load_s, 3),
        "compare_cold_s": round(cold, 3),
        "extract_articles_per_s": round(len(arts) / statistics.median(ext), 2),
        "compare_sets_per_s": round(1 / statistics.median(cmp_), 2),
        "compare_articles_per_s": round(len(arts) / statistics.median(cmp_), 2),
        "extract_peak_traced_mb": round(peak_extract / 2**20, 1),
        "compare_peak_traced_mb": round(peak_compare / 2**20, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if isinstance(analyzer, UDPipeAnalyzer):
        nlp = analyzer.nlp()
        bare = _timed(lambda: [nlp(a.text) for a in arts], args.repeat)
        figures["bare_udpipe_articles_per_s"] = round(len(arts) / statistics.median(bare), 2)
    width = max(len(k) for k in figures)
    for k, v in figures.items():
        print(f"{k:<{width}}  {v}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
