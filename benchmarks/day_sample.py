"""A seeded random sample of the findings ``checker feed`` reported on a day, listed for a hand-check.

    python -m checker feed day.jsonl --model none --no-store --format json -o day.json
    python -m benchmarks.day_sample day.json day.jsonl [--seed 1] [--per-kind variant=15,GP103=20,...] > sample.md

Each sampled finding is printed with its story, rule and message, and each piece of evidence with
160 characters of its article either side, the evidence itself between 【 】. Findings are drawn with
``random.Random(seed)`` from each kind's findings in report order, so the same report and seed give the
same sample. The hand-checks built from these listings are ``HANDCHECK_DAY*.md``.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

DEFAULT = "contradiction=0,variant=15,gap=20,lint=15,alias=5,agreement=20"
CONTEXT = 160


def findings(report: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(st["id"], f) for st in report["stories"] for f in st["report"].get("findings", [])]


def listing(story: str, finding: dict[str, Any], texts: dict[str, str], n: int) -> str:
    lines = [f"## {n}. [{finding['kind']}] {story} {finding['rule']}: {finding.get('message', '')}"]
    for ev in finding.get("evidence", [])[:8]:
        text = texts.get(ev["article"], "")
        start, end = ev["start"], ev["end"]
        before = text[max(0, start - CONTEXT) : start].replace("\n", " ")
        after = text[end : end + CONTEXT].replace("\n", " ")
        lines.append(f"- {ev['article']}: …{before}【{text[start:end]}】{after}…")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", type=Path, help="checker feed --format json output")
    ap.add_argument("day", type=Path, help="the JSON Lines the feed read")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--per-kind",
        default=DEFAULT,
        help=f"kind=count,... (default {DEFAULT}); a rule code (AG104=20) draws from one rule",
    )
    args = ap.parse_args(argv)
    report = json.loads(args.report.read_text(encoding="utf-8"))
    texts = {}
    for line in args.day.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts[row["id"]] = row["text"]
    rng = random.Random(args.seed)
    every = findings(report)
    n = 0
    for part in args.per_kind.split(","):
        kind, count = part.split("=")
        pool = [sf for sf in every if kind in (sf[1]["kind"], sf[1]["rule"])]
        picked = sorted(rng.sample(range(len(pool)), min(int(count), len(pool))))
        print(f"# {kind}: {len(picked)} of {len(pool)}\n")
        for i in picked:
            n += 1
            print(listing(*pool[i], texts, n) + "\n")


if __name__ == "__main__":
    main()
