"""Edited real stories: does ``checker`` report a one-change edit of one article as a contradiction?

    python -m benchmarks.edits [--data PATH] [--model PATH|none] [--limit N] [--types figure,day,...]
                               [--out FILE.md] [--json FILE]

From each same-event gold story (``benchmarks.gold``), ``benchmarks.edit_gen`` makes edited copies
with one realistic change in one article (a figure, a scale word, a day word, a weekday, a date, a
place, one transliteration letter of a name, a role, a list member, a figure in the headline only),
at most ``--limit`` per type, spread over the stories. Each edited story is run through the tool;
an edit is *found* when a contradiction (for a name edit: a contradiction or a variant) has an
evidence span in the edited article overlapping the edit's target span. The unedited stories are run
too: their contradictions that match no gold contradiction are false alarms.

Writes a Markdown report (recall per type and subtype, the misses with their sentence and what the
tool reported there, the contradictions on the unedited stories) and optionally a JSON with every
edit and its outcome. Everything except timings is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.edit_gen import TYPES, Edit, available, generate
from benchmarks.gold import (
    ENV_DATA,
    GOLD_FILE,
    HERE,
    GoldStory,
    Reported,
    RunFn,
    StoryArticle,
    StoryResult,
    checker_runner,
    checker_version,
    evaluate_story,
    fmt,
    hash_seed,
    load_gold,
    overlaps,
    ratio,
    resolve_data,
    short,
    story_key,
)

TARGETS = {t: 0.9 for t in ("figure", "scale", "day", "weekday", "date", "place", "list")} | {
    t: 0.8 for t in ("name", "role", "headline")
}
FOUND_AS = {"name": ("contradiction", "variant")}  # kinds that count as found; default contradiction
SENTENCE_END = re.compile(r"(?<![0-9\u0660-\u0669])[.!?؟](?![0-9\u0660-\u0669])|\n")
KIND_ORDER = ("contradiction", "variant", "alias", "gap", "lint", "agreement")


@dataclass
class Outcome:
    edit: Edit
    hit: bool
    cross: bool  # the hit finding also has evidence in another article
    got: list[str]  # "kind/rule" of the findings overlapping the target
    pre: bool  # the unedited story already had a contradiction on the original span
    sentence: str


def sentence_around(text: str, a: int, b: int, width: int = 220) -> str:
    """The sentence holding ``text[a:b]`` with the span marked ⟦…⟧, cut to about *width* chars."""
    starts = [m.end() for m in SENTENCE_END.finditer(text[:a])]
    s = starts[-1] if starts else 0
    m = SENTENCE_END.search(text[b:])
    e = b + m.start() + 1 if m else len(text)
    left, mid, right = text[s:a], text[a:b], text[b:e]
    half = max(20, (width - len(mid)) // 2)
    if len(left) > half:
        left = "…" + left[-half:]
    if len(right) > half:
        right = right[:half] + "…"
    return " ".join((left + "⟦" + mid + "⟧" + right).split())


def touching(reported: Sequence[Reported], article: str, span: tuple[int, int]) -> list[Reported]:
    """Findings with an evidence span in *article* overlapping *span* (an empty span: touching it)."""
    a, b = span if span[1] > span[0] else (span[0] - 1, span[0] + 1)
    return [r for r in reported if any(e.article == article and overlaps((e.start, e.end), (a, b)) for e in r.evidence)]


def run_edit(story: GoldStory, edit: Edit, run: RunFn, baseline: Sequence[Reported]) -> Outcome:
    """Run the tool on *story* with *edit* applied and judge the result."""
    items = [(a, edit.apply(a.text) if a.id == edit.article else a.text) for a in story.articles]
    new_text = next(t for a, t in items if a.id == edit.article)
    reported = run(items)
    near = touching(reported, edit.article, edit.target)
    wanted = FOUND_AS.get(edit.type, ("contradiction",))
    hits = [r for r in near if r.kind in wanted]
    pre = any(r.kind == "contradiction" for r in touching(baseline, edit.article, (edit.start, edit.end)))
    got = sorted({f"{r.kind}/{r.rule}" for r in near}, key=lambda k: (KIND_ORDER.index(k.split("/")[0]), k))
    return Outcome(
        edit=edit,
        hit=bool(hits),
        cross=any(len(r.articles) > 1 for r in hits),
        got=got,
        pre=pre,
        sentence=sentence_around(new_text, *edit.target),
    )


# ---------------------------------------------------------------------------------------------
# figures


def per_type(outcomes: Sequence[Outcome], avail: dict[str, int]) -> dict[str, Any]:
    """Edits, hits and recall per type and subtype, and what was reported on the misses."""
    out: dict[str, Any] = {}
    for t in avail:
        rows = [o for o in outcomes if o.edit.type == t]
        subs: dict[str, list[int]] = {}
        for o in rows:
            subs.setdefault(o.edit.subtype, [0, 0])
            subs[o.edit.subtype][0] += 1
            subs[o.edit.subtype][1] += o.hit
        missed_got: Counter[str] = Counter()
        for o in rows:
            if not o.hit:
                missed_got.update({g.split("/")[0] for g in o.got} or {"nothing"})
        hits = sum(o.hit for o in rows)
        out[t] = {
            "candidates": avail[t],
            "edits": len(rows),
            "found": hits,
            "recall": ratio(hits, len(rows)),
            "target": TARGETS.get(t),
            "found_within_one_article_only": sum(o.hit and not o.cross for o in rows),
            "pre_existing_contradiction": sum(o.pre for o in rows),
            "subtypes": {k: {"edits": v[0], "found": v[1]} for k, v in sorted(subs.items())},
            "misses_reported_as": dict(sorted(missed_got.items())),
        }
    return out


def unedited_figures(results: Sequence[StoryResult]) -> dict[str, Any]:
    """Contradictions on the unedited same-event stories, split by whether gold has them."""
    total = sum(1 for r in results for x in r.reported if x.kind == "contradiction")
    wrong = sum(
        1 for r in results for x, ok in zip(r.reported, r.matched, strict=True) if x.kind == "contradiction" and not ok
    )
    n = len(results)
    return {
        "stories": n,
        "contradictions": total,
        "matching_gold": total - wrong,
        "wrong": wrong,
        "wrong_per_20_stories": round(wrong * 20 / n, 2) if n else None,
        "stories_with_wrong": sum(
            1
            for r in results
            if any(x.kind == "contradiction" and not ok for x, ok in zip(r.reported, r.matched, strict=True))
        ),
    }


# ---------------------------------------------------------------------------------------------
# Markdown


def table_md(figs: dict[str, Any]) -> list[str]:
    lines = [
        "| type | candidates | edits | found | recall | target | found in one article only | misses reported as |",
        "|---|---|---|---|---|---|---|---|",
    ]
    tot_e = tot_f = 0
    for t, f in figs.items():
        tot_e += f["edits"]
        tot_f += f["found"]
        got = ", ".join(f"{k} {v}" for k, v in f["misses_reported_as"].items()) or "–"
        lines.append(
            f"| {t} | {f['candidates']} | {f['edits']} | {f['found']} | {fmt(f['recall'])} | "
            f"{fmt(f['target'])} | {f['found_within_one_article_only']} | {got} |"
        )
    lines.append(f"| **all** | | {tot_e} | {tot_f} | {fmt(ratio(tot_f, tot_e))} | | | |")
    return lines


def subtypes_md(figs: dict[str, Any]) -> list[str]:
    lines = ["| type | subtype: found/edits |", "|---|---|"]
    for t, f in figs.items():
        subs = ", ".join(f"{k}: {v['found']}/{v['edits']}" for k, v in f["subtypes"].items())
        lines.append(f"| {t} | {subs} |")
    return lines


def misses_md(outcomes: Sequence[Outcome]) -> list[str]:
    lines: list[str] = []
    for t in dict.fromkeys(o.edit.type for o in outcomes):
        rows = [o for o in outcomes if o.edit.type == t and not o.hit]
        lines += ["", f"### {t}: {len(rows)} missed", ""]
        if not rows:
            lines.append("_none_")
            continue
        lines += [
            "| story / article | subtype | before → after | sentence (edited) | reported there |",
            "|---|---|---|---|---|",
        ]
        for o in rows:
            e = o.edit
            change = f"«{short(e.before, 40)}» → «{short(e.after, 40)}»"
            art = e.article.rsplit("-", 1)[-1]
            lines.append(
                f"| {art} | {e.subtype} | {change} | {short(o.sentence, 230)} | {', '.join(o.got) or 'nothing'} |"
            )
    return lines


def unedited_md(results: Sequence[StoryResult], figs: dict[str, Any]) -> list[str]:
    lines = [
        f"{figs['contradictions']} contradictions on {figs['stories']} unedited same-event stories: "
        f"{figs['matching_gold']} match a gold contradiction, {figs['wrong']} do not "
        f"({fmt(figs['wrong_per_20_stories'])} per 20 stories; target ≤ 1).",
        "",
    ]
    for r in results:
        for x, ok in zip(r.reported, r.matched, strict=True):
            if x.kind == "contradiction":
                ev = "; ".join(f"`{e.article.rsplit('#', 1)[-1]}` «{short(e.text, 50)}»" for e in x.evidence)
                lines.append(f"- {r.story.id} {'(gold)' if ok else '(wrong)'} {x.rule}: {short(x.message, 140)} — {ev}")
    return lines


def markdown(figs: dict[str, Any], outcomes: Sequence[Outcome], results: Sequence[StoryResult], meta: dict) -> str:
    lines = [
        "# Edited real stories: one change in one article, found as a contradiction?",
        "",
        f"Generated by `python -m benchmarks.edits` (model: {meta['model']}; checker {meta['version']}; "
        f"PYTHONHASHSEED {meta['hash_seed']}; "
        f"at most {meta['limit']} edits per type; {meta['seconds']} s). Found = a contradiction (a name edit: "
        "also a variant) with evidence in the edited article overlapping the edited span (a dropped list member: "
        "its neighbours). The span is marked ⟦…⟧ in the sentences below.",
        "",
        *table_md(figs["types"]),
        "",
        *subtypes_md(figs["types"]),
        "",
        "## Contradictions on the unedited stories",
        "",
        *unedited_md(results, figs["unedited"]),
        "",
        "## Misses",
        *misses_md(outcomes),
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# main


def day_stories(data: Path) -> list[GoldStory]:
    """The SaudiNewsNet day's stories of two or more articles as the feed groups them, leaving out
    every story with an article of the gold stories: copy the tool was never tuned on. They have no
    gold findings, so only the edits (and the unedited stories' contradictions, all unmatched) count."""
    from benchmarks.datasets import load_saudi
    from benchmarks.feed import DAY, gold_labels, to_article
    from checker.feed.group import group

    day = load_saudi(data / "saudinewsnet" / DAY.name)
    labelled = gold_labels(day, data / GOLD_FILE)
    by_id = {a.id: a for a in day}
    out = []
    for n, g in enumerate(group([to_article(a) for a in day]), 1):
        if len(g) < 2 or any(a.id in labelled for a in g):
            continue
        arts = tuple(
            StoryArticle(a.id, by_id[a.id].source, by_id[a.id].title, by_id[a.id].content, by_id[a.id].date) for a in g
        )
        out.append(GoldStory(f"day-{n}", True, "", arts, ()))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.edits", description=__doc__.split("\n")[0])
    ap.add_argument(
        "--data", type=Path, default=None, help=f"dev data folder (default ${ENV_DATA}, ../shared/data/dev)"
    )
    ap.add_argument("--model", default=None, help="UDPipe model path, or 'none' (default: as checker)")
    ap.add_argument("--limit", type=int, default=40, help="at most N edits per type (default 40)")
    ap.add_argument("--types", default=",".join(TYPES), help="comma-separated edit types")
    ap.add_argument("--out", type=Path, default=HERE / "edits_report.md", help="Markdown report to write")
    ap.add_argument("--json", type=Path, default=None, help="also write figures and every edit as JSON")
    ap.add_argument(
        "--stories",
        choices=("gold", "day"),
        default="gold",
        help="gold: the same-event gold stories; day: the day's other stories of 2+ articles, as the feed groups them",
    )
    args = ap.parse_args(argv)
    types = [t.strip() for t in args.types.split(",") if t.strip()]
    if sorted(set(types) - set(TYPES)):
        ap.error(f"unknown types: {sorted(set(types) - set(TYPES))}; known: {','.join(TYPES)}")

    gold_stories = load_gold(resolve_data(args.data) / GOLD_FILE)
    if args.stories == "day":
        stories = day_stories(resolve_data(args.data))
    else:
        stories = [s for s in gold_stories if s.same_event]
    stories.sort(key=lambda s: story_key(s.id))
    by_id = {s.id: s for s in stories}
    t0 = time.perf_counter()
    edits = generate(stories, types, args.limit)
    avail = {t: available(stories, t) for t in types}
    run, model_name = checker_runner(args.model)
    results = [evaluate_story(s, run) for s in stories]
    baseline = {r.story.id: r.reported for r in results}
    outcomes = [run_edit(by_id[e.story], e, run, baseline[e.story]) for t in types for e in edits[t]]
    seconds = round(time.perf_counter() - t0, 2)
    figs = {"types": per_type(outcomes, avail), "unedited": unedited_figures(results)}
    meta = {
        "model": model_name,
        "version": checker_version(),
        "limit": args.limit,
        "seconds": seconds,
        "hash_seed": hash_seed(),
    }
    args.out.write_text(markdown(figs, outcomes, results, meta), encoding="utf-8")
    print("\n".join(table_md(figs["types"])))
    print("\n" + unedited_md(results, figs["unedited"])[0])
    print(f"\nmodel {model_name}; {len(outcomes)} edits; {seconds} s (model load included); wrote {args.out}")
    if args.json:
        doc = {
            "meta": meta,
            "figures": figs,
            "edits": [{**o.edit.to_dict(), "found": o.hit, "reported": o.got, "pre": o.pre} for o in outcomes],
        }
        args.json.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
