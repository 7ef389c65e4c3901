"""Name spellings: does ``checker`` report two spellings of one name as a variant, and keep close
spellings of different names apart?

    python -m benchmarks.name_spellings [--data PATH] [--model none|PATH] [--negatives 600]
                                        [--frames person,coach,place] [--out FILE.md] [--json FILE]

Data: ``wikidata_names/name_spellings.tsv`` (``latin<TAB>arabic<TAB>count``, read in place; CC0).

- **Positives**: every Latin form with two or more Arabic spellings (448); its two most frequent
  spellings (ties by the spelling) are put into the same sentence frame, one per article, and the
  pair is *found* when a variant finding (``kind == "variant"``) has evidence on the name in both
  articles.
- **Negatives** (hard): two spellings one edit apart (Levenshtein 1 on the raw Arabic) that belong to
  different Latin forms, neither spelling shared by the two forms, and not equal once hamza/alef
  forms, teh marbuta and alef maqsura are folded (أحمد / احمد is one name whatever its Latin form).
  A deterministic sample (SHA-1 order) is run; ``--negative-set latin`` takes the issue's wording
  instead: spellings of two Latin forms one edit apart (martin / martina), within two edits of each
  other once folded but not equal; a pair is *merged* when a variant, alias or agreement
  finding has evidence on the name in both articles.

Frames are realistic wire sentences (a person with a title, a coach, a city); each pair is run in
each frame through the public API (``checker.api.compare``, two articles, one story). Everything
is deterministic (no timings in the JSON).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path(os.environ.get("CHECKER_DEV_DATA", "../shared/data/dev"))
TSV = "wikidata_names/name_spellings.tsv"

#: sentence frames: ``{}`` is the name; the text around it is identical in both articles
FRAMES: dict[str, str] = {
    "person": "قال وزير الخارجية {} في تصريح للصحفيين إن المحادثات كانت بناءة وإن الجانبين اتفقا على مواصلتها.",
    "coach": "وأعلن المدرب {} تشكيلة الفريق للمباراة المقبلة بعد حصة تدريبية مغلقة.",
    "place": "وصل الوفد إلى مدينة {} صباح أمس في زيارة رسمية تستغرق يومين.",
}
#: kinds that say "these two spellings are one name"
MERGING_KINDS = ("variant", "alias", "agreement")


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    latin: str  # the Latin form(s): "goldman" or "martin / martina"


# ---------------------------------------------------------------------------------------------
# data


def read_spellings(path: Path) -> dict[str, dict[str, int]]:
    """Latin form -> {Arabic spelling: count}."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    with path.open(encoding="utf-8") as fh:
        next(fh)  # header
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1]:
                out[parts[0]][parts[1]] = out[parts[0]].get(parts[1], 0) + int(parts[2])
    return out


def positives(spellings: dict[str, dict[str, int]]) -> list[Pair]:
    out = []
    for latin in sorted(spellings):
        forms = sorted(spellings[latin].items(), key=lambda x: (-x[1], x[0]))
        if len(forms) >= 2:
            out.append(Pair(forms[0][0], forms[1][0], latin))
    return out


def _one_edit(x: str, y: str) -> bool:
    """Levenshtein distance exactly 1."""
    if x == y or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    s, l_ = sorted((x, y), key=len)
    return any(l_[:i] + l_[i + 1 :] == s for i in range(len(l_)))


_ORTHO = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def _ortho(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFC", s) if not unicodedata.combining(ch)).translate(_ORTHO)


def _owners(spellings: dict[str, dict[str, int]]) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for latin, forms in spellings.items():
        for form in forms:
            owners[form].add(latin)
    return owners


def _sample(pairs: set[tuple[str, str]], owners: dict[str, set[str]], limit: int) -> list[Pair]:
    ranked = sorted(pairs, key=lambda p: hashlib.sha1(f"{p[0]}|{p[1]}".encode()).hexdigest())[:limit]
    return [Pair(x, y, f"{min(owners[x])} / {min(owners[y])}") for x, y in ranked]


def _within_one(items: Sequence[str]) -> set[tuple[str, str]]:
    """Pairs of *items* at most one edit apart (deletion neighbourhoods, no all-pairs scan)."""
    by_deletion: dict[str, set[str]] = defaultdict(set)
    for item in items:
        by_deletion[item].add(item)
        for i in range(len(item)):
            by_deletion[item[:i] + item[i + 1 :]].add(item)
    out = set()
    for group in by_deletion.values():
        ordered = sorted(group)
        for i, x in enumerate(ordered):
            out.update((x, y) for y in ordered[i + 1 :] if _one_edit(x, y))
    return out


def latin_negatives(spellings: dict[str, dict[str, int]], limit: int) -> list[Pair]:
    """The issue's wording: spellings of two different Latin forms one edit apart (martin /
    martina), the Arabic spellings close (at most two edits once hamza/alef, teh marbuta and alef
    maqsura are folded) but not equal, neither spelling shared by the two forms."""
    owners = _owners(spellings)
    pairs: set[tuple[str, str]] = set()
    for la, lb in _within_one(sorted(spellings)):
        for x in spellings[la]:
            for y in spellings[lb]:
                fx, fy = _ortho(x), _ortho(y)
                if owners[x] & owners[y] or fx == fy or _distance(fx, fy) > 2:
                    continue
                pairs.add((min(x, y), max(x, y)))
    return _sample(pairs, owners, limit)


def _distance(x: str, y: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(x, y))


def negatives(spellings: dict[str, dict[str, int]], limit: int) -> list[Pair]:
    """Close spellings of different Latin forms (see the module docstring), a deterministic sample."""
    owners = _owners(spellings)
    by_deletion: dict[str, set[str]] = defaultdict(set)
    for form in owners:
        by_deletion[form].add(form)
        for i in range(len(form)):
            by_deletion[form[:i] + form[i + 1 :]].add(form)
    pairs: set[tuple[str, str]] = set()
    for group in by_deletion.values():
        ordered = sorted(group)
        for i, x in enumerate(ordered):
            for y in ordered[i + 1 :]:
                if owners[x] & owners[y] or _ortho(x) == _ortho(y) or not _one_edit(x, y):
                    continue
                pairs.add((x, y))
    return _sample(pairs, owners, limit)


# ---------------------------------------------------------------------------------------------
# running the tool

RunFn = Callable[[str, str], list[tuple[str, str, list[tuple[str, int, int]]]]]


def checker_runner(model: str) -> tuple[RunFn, str]:
    """The adapter to the public API: (text a, text b) -> findings as (kind, rule, evidence)."""
    from checker.api import compare, make_article
    from checker.text.tagger import load_analyzer

    analyzer = load_analyzer(model)

    def run(a: str, b: str) -> list[tuple[str, str, list[tuple[str, int, int]]]]:
        report = compare([make_article("a", a), make_article("b", b)], analyzer)
        return [(f.kind, f.rule, [(e.article, e.start, e.end) for e in f.evidence]) for f in report.findings]

    return run, str(analyzer.name)


def run_pair(run: RunFn, frame: str, pair: Pair) -> dict[str, str]:
    """Findings on the name in both articles (the name starts at the same offset in both)."""
    start = frame.index("{}")
    fa, fb = frame.format(pair.a), frame.format(pair.b)
    found: dict[str, str] = {}
    for kind, rule, evidence in run(fa, fb):
        hit = set()
        for art, s, e in evidence:
            end = start + len(pair.a if art == "a" else pair.b)
            if s < end and e > start:
                hit.add(art)
        if {"a", "b"} <= hit:
            found.setdefault(kind, rule)
    return found


# ---------------------------------------------------------------------------------------------
# evaluation and report


@dataclass
class Outcome:
    pair: Pair
    frame: str
    kinds: dict[str, str]  # kind -> first rule with evidence on the name in both articles


def evaluate(run: RunFn, pairs: Sequence[Pair], frames: Sequence[str]) -> list[Outcome]:
    return [Outcome(p, name, run_pair(run, FRAMES[name], p)) for p in pairs for name in frames]


def figures(pos: list[Outcome], neg: list[Outcome], frames: Sequence[str]) -> dict[str, object]:
    """Recall of variants on the positives and the merged share of the negatives, per frame."""
    out: dict[str, object] = {"frames": {}}
    for name in [*frames, "all"]:
        p = [o for o in pos if name in ("all", o.frame)]
        n = [o for o in neg if name in ("all", o.frame)]
        found = sum("variant" in o.kinds for o in p)
        merged = sum(any(k in o.kinds for k in MERGING_KINDS) for o in n)
        row = {
            "positives": len(p),
            "variant_found": found,
            "recall": round(found / len(p), 3) if p else None,
            "negatives": len(n),
            "merged": merged,
            "merged_share": round(merged / len(n), 3) if n else None,
        }
        if name == "all":
            out.update(row)
        else:
            out["frames"][name] = row  # type: ignore[index]
    names = defaultdict(list)
    for o in pos:
        names[o.pair.latin].append("variant" in o.kinds)
    out["names_found_in_every_frame"] = sum(all(v) for v in names.values())
    out["names"] = len(names)
    return out


def render(fig: dict[str, object], pos: list[Outcome], neg: list[Outcome], model: str, show: int) -> str:
    lines = [
        "# Name spellings: variants found and different names merged",
        "",
        f"Generated by `python -m benchmarks.name_spellings` (model: {model}). Positives: two Wikidata "
        "spellings of one Latin name; negatives: spellings one edit apart of different Latin names.",
        "",
        "| frame | positives | variant found | recall (target ≥ 0.8) | negatives | merged | merged share "
        "(target ≤ 0.02) |",
        "|---|---|---|---|---|---|---|",
    ]
    rows = {**fig["frames"], "all": fig}  # type: ignore[dict-item]
    for name, r in rows.items():
        lines.append(
            f"| {name} | {r['positives']} | {r['variant_found']} | {r['recall']} | {r['negatives']} | "
            f"{r['merged']} | {r['merged_share']} |"
        )
    lines += ["", f"Names found in every frame: {fig['names_found_in_every_frame']} of {fig['names']}.", ""]
    missed = [o for o in pos if "variant" not in o.kinds and o.frame == next(iter(FRAMES))]
    merged = [o for o in neg if any(k in o.kinds for k in MERGING_KINDS)]
    lines += [f"## Missed positives (first frame, {len(missed)}; first {show})", ""]
    lines += [f"- {o.pair.latin}: {o.pair.a} / {o.pair.b}" for o in missed[:show]]
    lines += ["", f"## Merged negatives ({len(merged)}; first {show})", ""]
    lines += [
        f"- {o.pair.latin}: {o.pair.a} / {o.pair.b} ({o.frame}: {', '.join(o.kinds.values())})" for o in merged[:show]
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", default="none")
    ap.add_argument("--negatives", type=int, default=600, help="how many negative pairs to run (SHA-1 sample)")
    ap.add_argument(
        "--negative-set",
        choices=("arabic", "latin"),
        default="arabic",
        help="arabic: spellings one Arabic edit apart (the harder set); latin: Latin forms one edit apart, "
        "spellings within two Arabic edits (the issue's wording)",
    )
    ap.add_argument("--frames", default=",".join(FRAMES), help="comma-separated: " + ", ".join(FRAMES))
    ap.add_argument("--show", type=int, default=60, help="misses and merges listed in the report")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    frames = [f for f in args.frames.split(",") if f]
    unknown = [f for f in frames if f not in FRAMES]
    if unknown:
        ap.error(f"unknown frames: {unknown}")
    spellings = read_spellings(args.data / TSV)
    run, model = checker_runner(args.model)
    t0 = time.time()
    pos = evaluate(run, positives(spellings), frames)
    pick = latin_negatives if args.negative_set == "latin" else negatives
    neg = evaluate(run, pick(spellings, args.negatives), frames)
    fig = figures(pos, neg, frames)
    text = render(fig, pos, neg, model, args.show)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(fig, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(text.split("\n## ")[0])
    print(f"{time.time() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
