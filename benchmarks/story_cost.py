"""Cross-article cost inside one story (issue 8, item 7): does checking a story of many articles
cost about as much as extracting them, or does it grow with every pair of articles?

    python -m benchmarks.story_cost [--sizes 8,16,32,64] [--model none|PATH] [--json FILE]

A story of N articles is built from the gold stories (``--gold``): the articles of its same-event
stories, taken story by story in the gold's order, until N are reached, each as its outlet wrote it
(title and body). So the set holds as many names, figures and places as N real articles do; the
cross-article stage cannot tell it from one large story. Times (CPU seconds of this process, the
better of two runs): extraction of the N
articles (``stages.extract``), then the cross-article stage and the rules (``stages.cross_article``
+ ``stages.check``). The ratio of the second to the first is the figure: it should stay about flat
as N grows (issue target: a 64-article story costs no more than about twice its extraction).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.gold import GOLD_FILE, load_gold
from checker import stages
from checker.api import make_article
from checker.engine.loader import load_rules
from checker.model import Article
from checker.text.tagger import load_analyzer


def story(n: int, gold: Path) -> list[Article]:
    out: list[Article] = []
    for s in load_gold(gold):
        if not s.same_event:
            continue
        for a in s.articles:
            out.append(make_article(f"{s.id}-{a.source}-{len(out)}", a.text, title=a.title or None, source=a.source))
            if len(out) == n:
                return out
    while len(out) < n:  # fewer gold articles than asked: repeat them under new ids
        a = out[len(out) % max(1, len(out))]
        out.append(make_article(f"{a.id}~{len(out)}", a.text, title=a.title, source=a.source))
    return out


def timed(articles: list[Article], analyzer: Any, rules: list[Any]) -> tuple[float, float]:
    best_x = best_c = float("inf")
    for _ in range(2):
        refs = stages.reference_dates(articles, None)
        t = time.process_time()
        contexts = stages.extract(articles, analyzer, refs)
        x = time.process_time() - t
        t = time.process_time()
        facts = stages.cross_article(contexts)
        stages.check(facts, rules, articles)
        c = time.process_time() - t
        best_x, best_c = min(best_x, x), min(best_c, c)
    return best_x, best_c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="8,16,32,64")
    ap.add_argument("--model", default="none")
    ap.add_argument(
        "--gold", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared/data/dev" / GOLD_FILE
    )
    ap.add_argument("--json", dest="json_out", type=Path)
    args = ap.parse_args(argv)
    analyzer = load_analyzer(args.model)
    rules = load_rules()
    timed(story(4, args.gold), analyzer, rules)  # caches and lexicons warm
    rows = []
    for n in map(int, args.sizes.split(",")):
        x, c = timed(story(n, args.gold), analyzer, rules)
        rows.append(
            {"articles": n, "extract_s": round(x, 3), "cross_and_check_s": round(c, 3), "ratio": round(c / x, 3)}
        )
    print("| articles | extract, CPU s | cross-article + rules, CPU s | ratio |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['articles']} | {r['extract_s']:.2f} | {r['cross_and_check_s']:.2f} | {r['ratio']:.2f} |")
    if args.json_out:
        args.json_out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
