"""Does ``checker feed`` report each story as ``checker compare`` would? Every story of a feed report
is checked again through :func:`checker.api.compare` on its own articles, and the two lists of
findings (rule and message) are set side by side. The feed extracts and caches each article alone
for a reference date; anything the single-story path sets that the feed path does not (it once
lost the mark that makes a relative day exact) shows here as a story whose findings differ.

    python -m checker feed DAY.jsonl --model none --no-store --format json -o REPORT.json
    python -m benchmarks.feed_consistency REPORT.json DAY.jsonl [--model none] [--show 5]

Exit 0 when every story agrees, 1 otherwise (the differing stories are listed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _findings(report: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((f["rule"], f["message"]) for f in report["findings"])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.feed_consistency", description=__doc__.split("\n\n")[0])
    ap.add_argument("report", type=Path, help="checker feed --format json output")
    ap.add_argument("day", type=Path, help="the JSON Lines the feed read")
    ap.add_argument("--model", default="none", help="UDPipe model path, or 'none' (as the feed was run)")
    ap.add_argument("--show", type=int, default=5, help="differences shown per story")
    args = ap.parse_args(argv)

    from checker.api import compare, make_article, render
    from checker.text.tagger import load_analyzer

    analyzer = load_analyzer(args.model)
    rows = {}
    for line in args.day.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows[row["id"]] = row
    feed = json.loads(args.report.read_text(encoding="utf-8"))
    differing = 0
    for story in feed["stories"]:
        arts = []
        for i in story["articles"]:
            r = rows[i]
            day = dt.date.fromisoformat(r["published"][:10]) if r.get("published") else None
            arts.append(make_article(i, r["text"], day, r.get("title"), r.get("source"), str(args.day)))
        alone = json.loads(render(compare(arts, analyzer=analyzer), "json"))
        a, b = _findings(alone), _findings(story["report"])
        if a != b:
            differing += 1
            print(f"{story['id']}: compare only {sorted(set(a) - set(b))[: args.show]}")
            print(f"{' ' * len(story['id'])}  feed only {sorted(set(b) - set(a))[: args.show]}")
    print(f"stories whose findings differ: {differing} of {len(feed['stories'])}")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
