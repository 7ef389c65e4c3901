"""The feed: story grouping quality on the gold stories, its growth with the feed, and ``checker feed``
speed and memory on the SaudiNewsNet dev day.

    python -m benchmarks.feed [--day ZIP] [--gold JSONL] [--skip-run] [--model PATH] [--json FILE]

Grouping is scored on the 39 gold stories (``stories_gold_2015-08-02.jsonl``; the one cluster with
``same_event: false`` is split as its notes say) twice: the gold articles grouped **alone**, and
grouped **inside the full day** (1,314 articles; only pairs of gold articles are scored). Scores:
pairwise precision and recall (over pairs of gold articles) and B-cubed F1.

Growth: the day, copied 1×, 2× and 4× with each copy's dates moved a week on (so copies are other
days, not duplicates), is grouped and timed (CPU seconds, the better of two runs, word caches warm);
the exponent is the slope of log(time) on log(articles).

The run part converts the day to JSON Lines and times ``checker feed`` (cold store, warm store) and
``checker ingest`` of one article against the warm store, each in a fresh process, with its peak RSS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.datasets import NewsArticle, load_saudi
from checker.api import make_article
from checker.feed.group import Params, group
from checker.model import Article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "dev" / "saudinewsnet"
DAY = DATA / "2015-08-02.zip"
GOLD = DATA / "stories_gold_2015-08-02.jsonl"


def to_article(a: NewsArticle, shift_days: int = 0, suffix: str = "") -> Article:
    published = dt.date.fromisoformat(a.date[:10]) + dt.timedelta(days=shift_days) if a.date else None
    text = f"{a.title}\n\n{a.content}" if a.title else a.content
    return make_article(a.id + suffix, text, published=published, title=a.title or None, source=a.source)


def to_jsonl(day: list[NewsArticle], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for a in day:
            art = to_article(a)
            row = {"id": art.id, "title": art.title, "source": art.source, "text": art.text}
            row["published"] = art.published.isoformat() if art.published else None
            fh.write(json.dumps({k: v for k, v in row.items() if v is not None}, ensure_ascii=False) + "\n")


def gold_labels(day: list[NewsArticle], gold_path: Path) -> dict[str, str]:
    """Article id → gold story; the mixed cluster split as its notes say ({#0, #2} and {#1})."""
    key = {(a.source, a.url): a.id for a in day}
    out: dict[str, str] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        for k, a in enumerate(story["articles"]):
            part = "" if story["same_event"] else ("-b" if k == 1 else "-a")
            out[key[(a["source"], a["url"])]] = story["cluster_id"] + part
    return out


def scores(groups: list[list[Article]], labels: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall over pairs of gold articles, and B-cubed precision/recall/F1."""
    pred = {a.id: n for n, g in enumerate(groups) for a in g}
    ids = sorted(labels)
    tp = fp = fn = 0
    for x, y in itertools.combinations(ids, 2):
        same_gold, same_pred = labels[x] == labels[y], pred[x] == pred[y]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    bp = br = 0.0
    for x in ids:
        mine = {y for y in ids if pred[y] == pred[x]}
        truth = {y for y in ids if labels[y] == labels[x]}
        bp += len(mine & truth) / len(mine)
        br += len(mine & truth) / len(truth)
    bp, br = bp / len(ids), br / len(ids)
    return {
        "pair_precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "pair_recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
        "false_pairs": fp,
        "missed_pairs": fn,
        "bcubed_precision": round(bp, 3),
        "bcubed_recall": round(br, 3),
        "bcubed_f1": round(2 * bp * br / (bp + br), 3),
    }


def mixed_split(groups: list[list[Article]], labels: dict[str, str]) -> bool:
    """Whether the gold's mixed cluster came out split (its two events in different groups)."""
    pred = {a.id: n for n, g in enumerate(groups) for a in g}
    a = {pred[i] for i, lab in labels.items() if lab.endswith("-a")}
    b = {pred[i] for i, lab in labels.items() if lab.endswith("-b")}
    return bool(a and b) and not (a & b)


def grouping(day: list[NewsArticle], labels: dict[str, str]) -> dict[str, Any]:
    articles = [to_article(a) for a in day]
    group(articles[:10])  # lexicons loaded outside the timing
    t = time.perf_counter()
    groups = group(articles)
    seconds = time.perf_counter() - t
    gold_only = group([a for a in articles if a.id in labels])
    multi = [g for g in groups if len(g) > 1]
    return {
        "params": Params().__dict__,
        "day": {
            "articles": len(articles),
            "stories": len(multi),
            "articles_in_stories": sum(len(g) for g in multi),
            "singletons": len(groups) - len(multi),
            "largest": max(len(g) for g in groups),
            "seconds": round(seconds, 2),
        },
        "gold_in_day": {**scores(groups, labels), "mixed_split": mixed_split(groups, labels)},
        "gold_alone": {**scores(gold_only, labels), "mixed_split": mixed_split(gold_only, labels)},
    }


def growth(day: list[NewsArticle], factors: tuple[int, ...] = (1, 2, 4)) -> dict[str, Any]:
    times: dict[int, float] = {}
    group([to_article(a) for a in day])  # word caches warm before any timing
    feeds = {
        k: [to_article(a, shift_days=7 * c, suffix=f"~{c}" if c else "") for c in range(k) for a in day]
        for k in factors
    }
    for _ in range(3):  # rounds over all sizes, the best CPU seconds of each: the machine's drift hits every size
        for articles in feeds.values():
            t = time.process_time()
            group(articles)
            times[len(articles)] = min(times.get(len(articles), math.inf), time.process_time() - t)
    xs = [math.log(n) for n in times]
    ys = [math.log(s) for s in times.values()]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return {"seconds": {str(n): round(s, 2) for n, s in times.items()}, "exponent": round(slope, 3)}


def timed(cmd: list[str]) -> dict[str, Any]:
    """Wall seconds, CPU seconds (the process and its workers) and peak RSS (MB, the largest process
    so far: the runs are ordered so that the feed's come first) of one command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "cmd": " ".join(cmd[2:]),
        "exit": proc.returncode,
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb_max_so_far": round(max(after.ru_maxrss, before.ru_maxrss) / 1024, 1),
        "stderr": proc.stderr.strip()[-300:],
    }


def runs(day: list[NewsArticle], model: str | None, jobs: int, with_compare: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        feed, store = Path(tmp) / "day.jsonl", Path(tmp) / "store.sqlite"
        to_jsonl(day, feed)
        base = [sys.executable, "-m", "checker", "feed", str(feed), "--store", str(store), "--jobs", str(jobs)]
        base += ["--model", model] if model else []
        out["feed_cold"] = timed([*base, "-o", str(Path(tmp) / "cold.txt"), "--fail-on", "none"])
        out["feed_warm"] = timed([*base, "-o", str(Path(tmp) / "warm.txt"), "--fail-on", "none"])
        one = Path(tmp) / "one.jsonl"
        one.write_text(feed.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        check = [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(one),
            "--fail-on",
            "none",
            "-o",
            str(Path(tmp) / "one.txt"),
        ]
        out["check_one_warm"] = timed([*check, "--store", str(store), *(["--model", model] if model else [])])
        # the same gate without a model, against a store filled without one (so nothing is tagged again)
        bare = Path(tmp) / "bare.sqlite"
        timed(
            [
                *base[:4],
                "--store",
                str(bare),
                "--jobs",
                str(jobs),
                "--model",
                "none",
                "--fail-on",
                "none",
                "-o",
                str(Path(tmp) / "bare.txt"),
            ]
        )
        out["check_one_warm_no_model"] = timed([*check, "--store", str(bare), "--model", "none"])
        if with_compare:  # the whole day as one set, as before the feed existed: the reference
            whole = [sys.executable, "-m", "checker", "compare", str(feed), "--fail-on", "none"]
            whole += ["--model", model] if model else []
            out["compare_day"] = timed([*whole, "-o", str(Path(tmp) / "compare.txt")])
    if "compare_day" in out:
        ref = out["compare_day"]["seconds"]
        out["ratios_to_compare_day"] = {k: round(out[k]["seconds"] / ref, 3) for k in ("feed_cold", "feed_warm") if ref}
    return out


def engines(day: list[NewsArticle], model: str | None, jobs: int) -> dict[str, Any]:
    """The day without a store through ``--jobs N`` and through a Dask LocalCluster of N workers:
    times side by side, and whether the two reports are byte-identical."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "day.jsonl"
        to_jsonl(day, feed)
        base = [
            sys.executable,
            "-m",
            "checker",
            "feed",
            str(feed),
            "--no-store",
            "--jobs",
            str(jobs),
            "--fail-on",
            "none",
        ]
        base += ["--model", model] if model else []
        out["local"] = timed([*base, "-f", "json", "-o", str(Path(tmp) / "local.json")])
        out["dask"] = timed([*base, "--engine", "dask", "-f", "json", "-o", str(Path(tmp) / "dask.json")])
        local, dask = (Path(tmp) / f"{k}.json" for k in ("local", "dask"))
        out["byte_identical"] = local.is_file() and dask.is_file() and local.read_bytes() == dask.read_bytes()
    return out


def sample_stories(day: list[NewsArticle], n: int, path: Path) -> None:
    """The listing the grouping hand-check reads (``HANDCHECK_FEED.md``): *n* of the day's groups of
    two articles or more, drawn with ``random.Random(0)``, each article's id, outlet, title and the
    first 400 characters of its body. It quotes the licensed data: write it outside the repository."""
    import random

    groups = [g for g in group([to_article(a) for a in day]) if len(g) > 1]
    out = []
    for k in sorted(random.Random(0).sample(range(len(groups)), min(n, len(groups)))):
        out.append(f"## story {k + 1} ({len(groups[k])} articles)\n")
        for a in groups[k]:
            body = a.text[len(a.title or "") :].strip().replace("\n", " ")
            out.append(f"- {a.id} [{a.source}] TITLE: {a.title}\n  LEAD: {body[:400]}\n")
        out.append("\n")
    path.write_text("".join(out), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--day", type=Path, default=DAY)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--skip-run", action="store_true", help="only grouping quality and growth")
    ap.add_argument("--model", default=None, help="model for the feed runs (default: the packaged one)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-compare", action="store_true", help="skip the reference run of compare over the whole day")
    ap.add_argument("--dask", action="store_true", help="only the engines: --jobs N against a Dask LocalCluster")
    ap.add_argument("--sample-stories", type=Path, help="only write the 30 stories the grouping hand-check reads")
    ap.add_argument("--json", dest="json_out", type=Path)
    args = ap.parse_args(argv)
    day = load_saudi(args.day)
    if args.sample_stories:
        sample_stories(day, 30, args.sample_stories)
        return 0
    if args.dask:
        text = json.dumps({"engines": engines(day, args.model, args.jobs)}, indent=2)
        print(text)
        if args.json_out:
            args.json_out.write_text(text + "\n", encoding="utf-8")
        return 0
    result: dict[str, Any] = {"grouping": grouping(day, gold_labels(day, args.gold)), "growth": growth(day)}
    if not args.skip_run:
        result["runs"] = runs(day, args.model, args.jobs, not args.no_compare)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json_out:
        args.json_out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
