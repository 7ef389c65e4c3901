"""Measure the name model (issue 9): ANERcorp held-out, AQMAR, Wojood, speed.

    python -m benchmarks.names_eval [--model DIR] [--data ../shared/data/dev] [--rules] [--json FILE]

* ANERcorp held-out (the last 12 % of the training part, never trained on): per-type precision,
  recall and F1 with EXACT span match, whole words (``spans(text, clitics=True)``), against the gold
  spans laid on the project's tokens (the corpus's trailing right-to-left marks are not words).
* AQMAR (28 Wikipedia articles) and Wojood (sample): OVERLAP match per type with
  :class:`benchmarks.accuracy.SpanCounts`, the metric of ``benchmarks.accuracy`` for the rule-based
  extraction, on ``spans(text)`` as extraction would use them (proclitic left out). Wojood's GPE and
  LOC count as places. With ``--rules`` the rule-based facts (person/place/org of
  :mod:`checker.api`) are scored on the same data, alone and merged with the model's spans.
* Speed: model load (fresh process, and ``load()`` alone) and ``spans()`` per SaudiNewsNet article.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.accuracy import SpanCounts, prf
from benchmarks.datasets import load_aqmar, load_saudi, load_wojood
from benchmarks.train_names import DEFAULT_DATA, anercorp_splits, resolve_data
from checker.names import LABELS, NameModel, load
from checker.names.train import bio_spans

#: our label -> the gold label of each corpus (AQMAR: PER/LOC/ORG; Wojood: PERS, GPE+LOC, ORG)
AQMAR: dict[str, tuple[str, ...]] = {"PERS": ("PER",), "LOC": ("LOC",), "ORG": ("ORG",)}
WOJOOD: dict[str, tuple[str, ...]] = {"PERS": ("PERS",), "LOC": ("GPE", "LOC"), "ORG": ("ORG",)}
FACT_TYPES = {"PERS": "person", "LOC": "place", "ORG": "org"}
SpansFn = Callable[[str, str], dict[str, list[tuple[int, int]]]]


def exact_prf(pred: Sequence[set[tuple[int, int, str]]], gold: Sequence[set[tuple[int, int, str]]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for label in (*LABELS, "all"):
        tp = fp = fn = 0
        for p, g in zip(pred, gold, strict=True):
            ps = {s for s in p if label == "all" or s[2] == label}
            gs = {s for s in g if label == "all" or s[2] == label}
            tp += len(ps & gs)
            fp += len(ps - gs)
            fn += len(gs - ps)
        out[label] = {"gold": tp + fn, **prf(tp, tp + fp, tp, tp + fn)}
    return out


def eval_anercorp(model: NameModel, data: Path) -> dict[str, Any]:
    """Exact figures on the held-out block read in corpus order as one running text (the model's
    document flags see the neighbouring sentences, as they see the rest of an article), and with
    each sentence read alone."""
    _, _, test = anercorp_splits(data)
    gold = [set(bio_spans(e.words, e.tags)) for e in test]
    pred = [set(p) for p in model.spans_in_document([e.text for e in test], clitics=True)]
    alone = [set(model.spans(e.text, clitics=True)) for e in test]
    return {"sentences": len(test), "exact": exact_prf(pred, gold), "exact_sentence_alone": exact_prf(alone, gold)}


def eval_overlap(docs: Sequence[Any], gold_map: dict[str, tuple[str, ...]], fns: dict[str, SpansFn]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, fn in fns.items():
        counts = {label: SpanCounts() for label in gold_map}
        for doc in docs:
            pred = fn(doc.id, doc.text)
            for label, golds in gold_map.items():
                gold = [(s.start, s.end) for s in doc.spans if s.label in golds]
                counts[label].add(pred.get(label, []), gold)
        out[name] = {label: c.scores() for label, c in counts.items()}
    return out


def model_fn(model: NameModel) -> SpansFn:
    def fn(_id: str, text: str) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        for a, b, label in model.spans(text):
            out.setdefault(label, []).append((a, b))
        return out

    return fn


#: rule-based person facts that are kept in the "model+rules (no recurrence)" merge: later mentions
#: found by recurrence repeat the rules' own first finds, and are mostly wrong where the model
#: disagrees (see benchmarks/README.md)
FIRST_FINDS = {"lexicon.given_name", "pattern.title", "pattern.nationality"}


def rules_fns(model: NameModel, udpipe: str | None) -> dict[str, SpansFn]:
    """The rule-based extraction alone, and merged with the model: a rule fact overlapping no model
    span of its type is added to the model's spans (all rule facts, or the people found by title,
    given name or nationality only)."""
    from benchmarks.accuracy import checker_engine

    extract, _, _ = checker_engine(udpipe)
    cache: dict[str, list[Any]] = {}

    def facts(doc_id: str, text: str) -> list[Any]:
        if doc_id not in cache:
            cache[doc_id] = [f for f in extract(doc_id, text) if f.type in FACT_TYPES.values()]
        return cache[doc_id]

    def rules(doc_id: str, text: str) -> dict[str, list[tuple[int, int]]]:
        fs = facts(doc_id, text)
        return {lab: [(f.start, f.end) for f in fs if f.type == t] for lab, t in FACT_TYPES.items()}

    mfn = model_fn(model)

    def merge(first_finds_only: bool) -> SpansFn:
        def fn(doc_id: str, text: str) -> dict[str, list[tuple[int, int]]]:
            m = mfn(doc_id, text)
            out = {}
            for lab, ftype in FACT_TYPES.items():
                got = list(m.get(lab, []))
                for f in facts(doc_id, text):
                    if f.type != ftype or (first_finds_only and ftype == "person" and f.extractor not in FIRST_FINDS):
                        continue
                    if not any(a < f.end and f.start < b for a, b in got):
                        got.append((f.start, f.end))
                out[lab] = got
            return out

        return fn

    return {"rules": rules, "model+rules": merge(False), "model+rules (no recurrence)": merge(True)}


_FRESH = """
import sys, time
t0 = time.perf_counter()
from checker.names import load
t1 = time.perf_counter()
m = load(sys.argv[1])
t2 = time.perf_counter()
m.spans("وقال الرئيس في بيروت إن الأمم المتحدة ستجتمع")
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def timing(model_dir: Path, data: Path, model: NameModel, n: int = 200, udpipe: str | None = None) -> dict[str, Any]:
    """Load times in fresh processes (median of 3) and spans() per SaudiNewsNet article (wall and
    CPU time: the machine is shared, CPU time is the steadier figure); with *udpipe*, the UDPipe
    tagger's time on the same articles, for comparison."""
    runs = []
    for _ in range(3):
        r = subprocess.run([sys.executable, "-c", _FRESH, str(model_dir)], capture_output=True, text=True, check=True)
        runs.append([float(x) for x in r.stdout.split()])
    imp, ld, first = (statistics.median(col) for col in zip(*runs, strict=True))
    arts = load_saudi(resolve_data(data) / "saudinewsnet" / "2015-08-02.zip")[:n]
    texts = [f"{a.title}\n{a.content}" for a in arts]
    model.spans(texts[0])
    wall = cpu = 0.0
    for text in texts:
        t, c = time.perf_counter(), time.process_time()
        model.spans(text)
        wall += time.perf_counter() - t
        cpu += time.process_time() - c
    udpipe_ms = None
    if udpipe and udpipe.lower() != "none":
        from checker.text.tagger import load_analyzer

        analyzer = load_analyzer(udpipe)
        analyzer.tags(texts[0])
        c = time.process_time()
        for text in texts:
            analyzer.tags(text)
        udpipe_ms = round(1000 * (time.process_time() - c) / len(texts), 1)
    return {
        "udpipe_tags_cpu_ms_per_article": udpipe_ms,
        "import_s": round(imp, 3),
        "load_s": round(ld, 3),
        "first_spans_s": round(first, 3),
        "articles": len(texts),
        "mean_chars": round(sum(map(len, texts)) / len(texts)),
        "spans_ms_per_article": round(1000 * wall / len(texts), 1),
        "spans_cpu_ms_per_article": round(1000 * cpu / len(texts), 1),
        "articles_per_s": round(len(texts) / wall, 1),
        "load_average": round(os.getloadavg()[0], 2),
    }


def fmt(v: Any) -> str:
    return "–" if v is None else f"{v:.3f}"


def report(res: dict[str, Any]) -> str:
    lines = [f"model: {res['model']}"]
    a = res["anercorp"]["exact"]
    lines.append(f"\nANERcorp held-out ({res['anercorp']['sentences']} sentences), exact span match, whole words")
    alone = res["anercorp"]["exact_sentence_alone"]
    lines[-1] += " (last column: F1 with each sentence read alone)"
    lines.append("| type | gold | P | R | F1 | F1 alone |\n|---|---|---|---|---|---|")
    for lab in (*LABELS, "all"):
        r = a[lab]
        lines.append(
            f"| {lab} | {r['gold']} | {fmt(r['p'])} | {fmt(r['r'])} | {fmt(r['f1'])} | {fmt(alone[lab]['f1'])} |"
        )
    for corpus in ("aqmar", "wojood"):
        if corpus not in res:
            continue
        lines.append(f"\n{corpus} (overlap match; exact F1 in the last column)")
        lines.append("| system | type | gold | pred | P | R | F1 | exact F1 |\n|---|---|---|---|---|---|---|---|")
        for system, rows in res[corpus].items():
            for lab, row in rows.items():
                o = row["overlap"]
                lines.append(
                    f"| {system} | {lab} | {row['gold']} | {row['pred']} | {fmt(o['p'])} | {fmt(o['r'])} "
                    f"| {fmt(o['f1'])} | {fmt(row['exact']['f1'])} |"
                )
    if "speed" in res:
        s = res["speed"]
        lines.append(
            f"\nfresh process: import checker.names {s['import_s']} s, load() {s['load_s']} s, first spans() "
            f"{s['first_spans_s']} s (word-frequency list and caches); spans(): {s['spans_ms_per_article']} ms "
            f"per article ({s['spans_cpu_ms_per_article']} ms CPU; {s['articles_per_s']} articles/s; "
            f"{s['articles']} SaudiNewsNet articles of {s['mean_chars']} chars; load average {s['load_average']})"
        )
        if s.get("udpipe_tags_cpu_ms_per_article") is not None:
            lines.append(
                f"UDPipe tagging of the same articles: {s['udpipe_tags_cpu_ms_per_article']} ms CPU per article"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.names_eval", description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rules", action="store_true", help="also score the rule-based extraction and the merge")
    ap.add_argument(
        "--udpipe", default=None, help="UDPipe model for --rules and the speed comparison ('none' for the fallback)"
    )
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = ap.parse_args(argv)

    model = load(args.model)
    if model is None:
        print(f"no name model at {args.model or 'checker/names/model'}", file=sys.stderr)
        return 2
    data = resolve_data(args.data)
    res: dict[str, Any] = {"model": str(model.path.name) + f" ({model.backend})"}
    res["anercorp"] = eval_anercorp(model, data)
    fns: dict[str, SpansFn] = {"model": model_fn(model)}
    if args.rules:
        fns.update(rules_fns(model, args.udpipe))
    res["aqmar"] = eval_overlap(load_aqmar(data / "aqmar" / "articles"), AQMAR, fns)
    res["wojood"] = eval_overlap(load_wojood(data / "wojood_sample" / "train.txt"), WOJOOD, fns)
    if not args.no_speed:
        res["speed"] = timing(model.path, data, model, udpipe=args.udpipe)
    print(report(res))
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
