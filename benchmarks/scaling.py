"""Time and memory per character of one article from 1 KB to 1 MB (issue 11: linear work).

    python -m benchmarks.scaling [--sizes 1000,10000,100000,1000000] [--model none]

Each size is the seed articles repeated to that length and extracted in a fresh child process
(so memory is that article's alone); prints seconds, microseconds per character, peak memory
above a 1-character baseline in bytes per character, and the growth exponent of time (the slope
of log time over log size between the smallest and the largest article; 1.0 is linear).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, resource, sys, time
from pathlib import Path
from checker.api import extract_facts, make_article
from checker.text.tagger import load_analyzer
n, model = int(sys.argv[1]), sys.argv[2]
base = "\\n".join(p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt")))
an = load_analyzer(model)
extract_facts(make_article("warm", base[:2000]), an)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = (base * (n // len(base) + 1))[:n]
t = time.process_time()
facts = extract_facts(make_article("a", text), an)
dt = time.process_time() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"chars": n, "seconds": dt, "facts": len(facts), "rss_kb": peak, "rss_before_kb": before}))
"""


def run(n: int, model: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(n), model], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--model", default="none")
    args = ap.parse_args(argv)
    rows = [run(int(n), args.model) for n in args.sizes.split(",")]
    print("| chars | CPU s | µs/char | facts | memory above start, bytes/char |")
    print("|---|---|---|---|---|")
    for r in rows:
        extra = max(0, r["rss_kb"] - r["rss_before_kb"]) * 1024 / r["chars"]
        per = r["seconds"] / r["chars"] * 1e6
        print(f"| {r['chars']:,} | {r['seconds']:.2f} | {per:.1f} | {r['facts']} | {extra:.0f} |")
    lo, hi = rows[0], rows[-1]
    exponent = math.log(hi["seconds"] / lo["seconds"]) / math.log(hi["chars"] / lo["chars"])
    print(f"\ngrowth exponent of time, {lo['chars']:,} to {hi['chars']:,} characters: {exponent:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
