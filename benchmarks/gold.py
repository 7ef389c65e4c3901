"""Gold-story harness: how many of a copy editor's findings does ``checker`` report, and what else?

    python -m benchmarks.gold [--data PATH] [--model PATH|none] [--out FILE.md] [--json FILE]

The gold file (``saudinewsnet/stories_gold_2015-08-02.jsonl``, read in place) holds 39 multi-outlet
stories, each read by an Arabic copy editor: ``same_event`` and findings of five kinds
(contradiction, variant, alias, gap, agreement) with exact evidence substrings.

Each gold article becomes one ``checker`` article whose text is ``title + "\\n\\n" + content`` (titles
count as part of the article); every gold evidence string is located (all its occurrences) in the
texts of the finding's articles. A gold finding of kind K is *found* when a reported finding of kind
K has an evidence span in one of the gold finding's articles that overlaps a located gold evidence
span. A reported finding is *matched* when it finds some gold finding of its own kind.

Outputs a Markdown report (figures, then the unmatched reported findings and the missed gold
findings, for hand-checking) and optionally a JSON of figures. Everything except timings is
deterministic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ENV_DATA = "CHECKER_DEV_DATA"  # override of the dev data folder
DEFAULT_DATA = Path("../shared/data/dev")
GOLD_FILE = Path("saudinewsnet/stories_gold_2015-08-02.jsonl")
TITLE_SEP = "\n\n"
KINDS = ("contradiction", "variant", "alias", "gap", "lint", "agreement")
GOLD_KINDS = ("contradiction", "variant", "alias", "gap", "agreement")
LISTED_KINDS = ("contradiction", "variant", "alias", "gap", "lint")  # unmatched ones are listed
CONFIDENCES = ("high", "moderate", "low-moderate", "low")
STRONG = ("high", "moderate")  # "contradictions rated moderate or high"

# ---------------------------------------------------------------------------------------------
# data


@dataclass(frozen=True)
class StoryArticle:
    """One article of a gold story. ``text`` is what the tool reads: title, blank line, body."""

    id: str
    source: str
    title: str
    content: str
    date_extracted: str

    @property
    def text(self) -> str:
        return self.title + TITLE_SEP + self.content if self.title else self.content

    @property
    def body_start(self) -> int:
        """Offset of the body in :attr:`text` (the title is ``text[:len(title)]``)."""
        return len(self.title) + len(TITLE_SEP) if self.title else 0

    @property
    def published(self) -> dt.date | None:
        """The crawl date (``checker`` articles take a date, not a time)."""
        try:
            return dt.date.fromisoformat(self.date_extracted[:10])
        except ValueError:
            return None


@dataclass(frozen=True)
class GoldFinding:
    story: str
    index: int  # position in the story's findings
    kind: str
    subtype: str
    fact_key: str
    articles: tuple[str, ...]
    evidence: tuple[str, ...]
    explanation: str

    @property
    def confidence(self) -> str | None:
        """For contradictions: high / moderate / low-moderate / low, read from the explanation."""
        return confidence_of(self.explanation) if self.kind == "contradiction" else None


@dataclass(frozen=True)
class GoldStory:
    id: str
    same_event: bool
    notes: str
    articles: tuple[StoryArticle, ...]
    findings: tuple[GoldFinding, ...]

    def texts(self) -> dict[str, str]:
        return {a.id: a.text for a in self.articles}


@dataclass(frozen=True)
class Ev:
    """A reported evidence span: ``text == article_text[start:end]``."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Reported:
    """A finding reported by the tool, reduced to what the harnesses need."""

    kind: str
    rule: str
    fact: str
    message: str
    evidence: tuple[Ev, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({e.article for e in self.evidence}))


# Runs the tool on a story: list of (article, text) -> reported findings.
RunFn = Callable[[Sequence[tuple[StoryArticle, str]]], list[Reported]]

_CONF_RE = re.compile(r"\b(high|moderate|low-moderate|low)\s+confidence\b", re.IGNORECASE)


def confidence_of(explanation: str) -> str | None:
    """``"Moderate confidence: ..."`` → ``"moderate"``; None when the explanation rates nothing."""
    m = _CONF_RE.search(explanation)
    return m.group(1).lower() if m else None


def resolve_data(path: Path | None = None) -> Path:
    """The dev data folder: *path*, else ``$CHECKER_DEV_DATA``, else ``../shared/data/dev`` (from the
    current folder or, failing that, from the repository root)."""
    p = path or Path(os.environ.get(ENV_DATA) or DEFAULT_DATA)
    if p.exists() or p.is_absolute():
        return p
    alt = HERE.parent / p
    return alt if alt.exists() else p


def load_gold(path: Path | str) -> list[GoldStory]:
    """The gold stories of a jsonl file, in file order."""
    stories: list[GoldStory] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                stories.append(parse_story(json.loads(line)))
    return stories


def parse_story(row: dict[str, Any]) -> GoldStory:
    sid = str(row["cluster_id"])
    arts = tuple(
        StoryArticle(
            id=str(a["article_id"]),
            source=str(a.get("source") or ""),
            title=str(a.get("title") or "").strip(),
            content=str(a.get("content") or "").strip(),
            date_extracted=str(a.get("date_extracted") or ""),
        )
        for a in row["articles"]
    )
    finds = tuple(
        GoldFinding(
            story=sid,
            index=i,
            kind=str(f["kind"]),
            subtype=str(f.get("subtype") or ""),
            fact_key=str(f.get("fact_key") or ""),
            articles=tuple(f["articles"]),
            evidence=tuple(f["evidence"]),
            explanation=str(f.get("explanation") or ""),
        )
        for i, f in enumerate(row.get("findings", []))
    )
    return GoldStory(sid, bool(row.get("same_event", True)), str(row.get("notes") or ""), arts, finds)


# ---------------------------------------------------------------------------------------------
# locating gold evidence, matching

Spans = dict[str, list[tuple[int, int]]]  # article id -> spans


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (possibly overlapping) occurrence of *needle* in *text*."""
    out: list[tuple[int, int]] = []
    if not needle:
        return out
    i = text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def locate(finding: GoldFinding, texts: dict[str, str]) -> tuple[Spans, list[str]]:
    """Spans of the finding's evidence strings in its articles, and the strings found nowhere."""
    spans: Spans = {}
    missing: list[str] = []
    for ev in finding.evidence:
        hit = False
        for aid in finding.articles:
            occ = find_all(texts.get(aid, ""), ev)
            if occ:
                spans.setdefault(aid, []).extend(occ)
                hit = True
        if not hit:
            missing.append(ev)
    return {a: sorted(set(s)) for a, s in spans.items()}, missing


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Half-open spans share a character (an empty span overlaps nothing)."""
    return a[0] < b[1] and b[0] < a[1]


def touches(rep: Reported, spans: Spans) -> bool:
    """Some evidence of *rep* overlaps one of *spans* in the same article."""
    return any(overlaps((e.start, e.end), s) for e in rep.evidence for s in spans.get(e.article, ()))


# ---------------------------------------------------------------------------------------------
# the tool (the only place that imports checker)


class CachingAnalyzer:
    """Wraps a ``checker`` analyzer and memoises ``analyze(text)`` (its results are frozen), so a
    text tagged once is not tagged again when only another article of its story changes."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self._cache: dict[str, Any] = {}

    def analyze(self, text: str) -> Any:
        hit = self._cache.get(text)
        if hit is None:
            hit = self._cache[text] = self.inner.analyze(text)
        return hit


def _title(a: StoryArticle, text: str) -> str:
    """The title as *text* (perhaps edited) shows it: its first part, before the blank line."""
    return text.split(TITLE_SEP, 1)[0] if a.title else ""


def checker_runner(model: str | None, cache: bool = True) -> tuple[RunFn, str]:
    """A function running ``checker`` on (article, text) pairs, and the model's name.

    This is the one adapter between the benchmarks and the tool's public API."""
    from checker.api import compare, make_article
    from checker.text.tagger import load_analyzer

    analyzer = load_analyzer(model)
    an = CachingAnalyzer(analyzer) if cache else analyzer

    def run(items: Sequence[tuple[StoryArticle, str]]) -> list[Reported]:
        # an edited headline is the edited article's title too (its metadata names what its text shows)
        arts = [
            make_article(a.id, text, published=a.published, title=_title(a, text), source=a.source) for a, text in items
        ]
        report = compare(arts, an)  # type: ignore[arg-type]  # duck-typed analyzer
        return [
            Reported(
                f.kind,
                f.rule,
                f.fact,
                " ".join(str(f.message).split()),
                tuple(Ev(e.article, e.start, e.end, e.text) for e in f.evidence),
            )
            for f in report.findings
        ]

    return run, str(analyzer.name)


# ---------------------------------------------------------------------------------------------
# evaluation


@dataclass
class StoryResult:
    story: GoldStory
    reported: list[Reported]
    found: dict[int, bool]  # gold finding index -> found
    overlapping: dict[int, list[str]]  # gold index -> kinds of reported findings touching it
    matched: list[bool]  # per reported finding
    touched_gold: list[list[str]]  # per reported finding: kinds of gold findings it touches
    unlocated: list[tuple[GoldFinding, str]]
    seconds: float
    offset_errors: int = 0  # reported evidence whose text is not article_text[start:end]


def evaluate_story(story: GoldStory, run: RunFn) -> StoryResult:
    """Run the tool on *story* and match its findings with the gold."""
    texts = story.texts()
    t0 = time.perf_counter()
    reported = run([(a, a.text) for a in story.articles])
    seconds = time.perf_counter() - t0
    located: dict[int, Spans] = {}
    unlocated: list[tuple[GoldFinding, str]] = []
    for g in story.findings:
        located[g.index], missing = locate(g, texts)
        unlocated.extend((g, m) for m in missing)
    found: dict[int, bool] = {}
    overlapping: dict[int, list[str]] = {}
    matched = [False] * len(reported)
    touched: list[list[str]] = [[] for _ in reported]
    for g in story.findings:
        kinds = []
        for i, r in enumerate(reported):
            if not touches(r, located[g.index]):
                continue
            kinds.append(r.kind)
            touched[i].append(g.kind)
            if r.kind == g.kind:
                matched[i] = True
        found[g.index] = g.kind in kinds
        overlapping[g.index] = sorted(set(kinds), key=KINDS.index)
    bad = sum(1 for r in reported for e in r.evidence if texts.get(e.article, "")[e.start : e.end] != e.text)
    return StoryResult(story, reported, found, overlapping, matched, touched, unlocated, seconds, bad)


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def _recall(results: Iterable[StoryResult], keep: Callable[[GoldFinding], bool]) -> dict[str, Any]:
    gold = found = 0
    for r in results:
        for g in r.story.findings:
            if keep(g):
                gold += 1
                found += r.found[g.index]
    return {"gold": gold, "found": found, "recall": ratio(found, gold)}


def _is(kind: str, confidences: Sequence[str] | None = None) -> Callable[[GoldFinding], bool]:
    """A filter of gold findings by kind (and, for contradictions, confidence)."""

    def keep(g: GoldFinding) -> bool:
        return g.kind == kind and (confidences is None or g.confidence in confidences)

    return keep


def summarize(results: Sequence[StoryResult]) -> dict[str, Any]:
    """Figures of a run: recall per gold kind, reported and unmatched per reported kind."""
    recall = {k: _recall(results, _is(k)) for k in GOLD_KINDS}
    conf = {c: _recall(results, _is("contradiction", (c,))) for c in CONFIDENCES}
    strong = _recall(results, _is("contradiction", STRONG))
    reported: Counter[str] = Counter()
    unmatched: Counter[str] = Counter()
    for r in results:
        for rep, ok in zip(r.reported, r.matched, strict=True):
            reported[rep.kind] += 1
            unmatched[rep.kind] += not ok
    confusion: dict[str, Counter[str]] = {k: Counter() for k in GOLD_KINDS}
    for r in results:
        for g in r.story.findings:
            confusion[g.kind].update(r.overlapping[g.index] or ["none"])
    other = [r for r in results if not r.story.same_event]
    return {
        "stories": len(results),
        "articles": sum(len(r.story.articles) for r in results),
        "recall": recall,
        "contradiction_recall_by_confidence": conf,
        "contradiction_recall_moderate_high": strong,
        "reported": {k: reported[k] for k in KINDS},
        "unmatched": {k: unmatched[k] for k in KINDS},
        "gold_overlapped_by": {k: dict(sorted(c.items())) for k, c in confusion.items()},
        "not_same_event": {
            "stories": [r.story.id for r in other],
            "contradictions": sum(1 for r in other for x in r.reported if x.kind == "contradiction"),
        },
        "same_event_unmatched_contradictions": sum(
            1
            for r in results
            if r.story.same_event
            for x, ok in zip(r.reported, r.matched, strict=True)
            if x.kind == "contradiction" and not ok
        ),
        "same_event_stories": sum(1 for r in results if r.story.same_event),
        "unlocated_evidence": sum(len(r.unlocated) for r in results),
        "evidence_offset_errors": sum(r.offset_errors for r in results),
        "gold_evidence": sum(len(g.evidence) for r in results for g in r.story.findings),
    }


# ---------------------------------------------------------------------------------------------
# Markdown


def short(text: str, width: int = 90) -> str:
    """One line, at most *width* characters, pipes escaped for Markdown tables."""
    t = " ".join(text.split()).replace("|", "\\|")
    return t if len(t) <= width else t[: width - 1] + "…"


def fmt(v: Any) -> str:
    return "–" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def figures_md(s: dict[str, Any]) -> list[str]:
    """The summary tables."""
    lines = [
        "| gold kind | gold | found | recall | reported findings overlapping the gold evidence |",
        "|---|---|---|---|---|",
    ]
    for k in GOLD_KINDS:
        r = s["recall"][k]
        over = ", ".join(f"{kk} {n}" for kk, n in s["gold_overlapped_by"][k].items())
        lines.append(f"| {k} | {r['gold']} | {r['found']} | {fmt(r['recall'])} | {over} |")
    st = s["contradiction_recall_moderate_high"]
    lines += [
        "",
        f"Contradictions rated moderate or high: {st['found']}/{st['gold']} found (recall {fmt(st['recall'])}).",
        "",
    ]
    lines += ["| contradiction confidence | gold | found |", "|---|---|---|"]
    for c in CONFIDENCES:
        r = s["contradiction_recall_by_confidence"][c]
        lines.append(f"| {c} | {r['gold']} | {r['found']} |")
    lines += ["", "| reported kind | reported | matching no gold finding of that kind |", "|---|---|---|"]
    for k in KINDS:
        lines.append(f"| {k} | {s['reported'][k]} | {s['unmatched'][k]} |")
    ne = s["not_same_event"]
    lines += [
        "",
        f"Stories with `same_event` false: {', '.join(ne['stories']) or 'none'}; contradictions reported there: "
        f"{ne['contradictions']} (all wrong by definition).",
        f"Unmatched contradictions on the {s['same_event_stories']} same-event stories: "
        f"{s['same_event_unmatched_contradictions']}.",
        f"Gold evidence strings not found in their articles: {s['unlocated_evidence']} of {s['gold_evidence']}; "
        f"reported evidence spans whose text is not the article's text there: {s['evidence_offset_errors']}.",
    ]
    return lines


def evidence_md(evs: Iterable[Ev]) -> str:
    return "; ".join(f"`{e.article.rsplit('#', 1)[-1]}` «{short(e.text, 60)}»" for e in evs)


def unmatched_md(results: Sequence[StoryResult]) -> list[str]:
    """Unmatched reported findings, by kind then story, with the gold kinds they overlap."""
    lines: list[str] = []
    for kind in LISTED_KINDS:
        rows = [
            (r.story, rep, touched)
            for r in results
            for rep, ok, touched in zip(r.reported, r.matched, r.touched_gold, strict=True)
            if rep.kind == kind and not ok
        ]
        lines += ["", f"### Unmatched reported {kind} ({len(rows)})", ""]
        if not rows:
            lines.append("_none_")
            continue
        lines += ["| story | rule | message | evidence | overlaps gold |", "|---|---|---|---|---|"]
        for story, rep, touched in rows:
            tag = story.id + ("" if story.same_event else " (not same event)")
            over = ", ".join(sorted(set(touched))) or "–"
            lines.append(f"| {tag} | {rep.rule} | {short(rep.message, 110)} | {evidence_md(rep.evidence)} | {over} |")
    return lines


def missed_md(results: Sequence[StoryResult]) -> list[str]:
    """Missed gold findings (all kinds but agreements), with what the tool reported there instead."""
    lines: list[str] = []
    for kind in ("contradiction", "variant", "alias", "gap"):
        rows = [(r, g) for r in results for g in r.story.findings if g.kind == kind and not r.found[g.index]]
        lines += ["", f"### Missed gold {kind} ({len(rows)})", ""]
        if not rows:
            lines.append("_none_")
            continue
        lines += ["| story | subtype | fact | evidence | conf. | reported there |", "|---|---|---|---|---|---|"]
        for r, g in rows:
            ev = "; ".join(f"«{short(e, 50)}»" for e in g.evidence)
            got = ", ".join(r.overlapping[g.index]) or "nothing"
            lines.append(f"| {g.story} | {g.subtype} | {short(g.fact_key, 60)} | {ev} | {g.confidence or ''} | {got} |")
    return lines


def markdown(results: Sequence[StoryResult], summary: dict[str, Any], meta: dict[str, Any]) -> str:
    head = [
        "# Gold stories: recall of the copy editor's findings, and unmatched reported findings",
        "",
        f"Generated by `python -m benchmarks.gold` (model: {meta['model']}; checker {meta.get('version', '?')}; "
        f"PYTHONHASHSEED {meta.get('hash_seed', '?')}). "
        "A gold finding is found when a reported finding of the same kind has evidence overlapping the gold "
        "evidence in one of the gold finding's articles; article text = title, blank line, body.",
        "",
    ]
    body = figures_md(summary)
    body += ["", "## Reported findings matching no gold finding of their kind"]
    body += unmatched_md(results)
    body += ["", "## Missed gold findings"]
    body += missed_md(results)
    return "\n".join(head + body) + "\n"


# ---------------------------------------------------------------------------------------------
# main


def run_all(stories: Sequence[GoldStory], run: RunFn) -> list[StoryResult]:
    """Evaluate every story (sorted by story id, numerically)."""
    return [evaluate_story(s, run) for s in sorted(stories, key=lambda s: story_key(s.id))]


def story_key(sid: str) -> tuple[str, int]:
    head, _, tail = sid.rpartition("-")
    return (head, int(tail)) if tail.isdigit() else (sid, 0)


def checker_version() -> str:
    from checker import __version__

    return str(__version__)


def hash_seed() -> str:
    """``$PYTHONHASHSEED`` (``unset`` if not set), with a warning when unset: checker 1.0 sums
    float weights over sets in ``checker/align.py``, so a few alignments depend on the hash seed."""
    seed = os.environ.get("PYTHONHASHSEED")
    if seed is None:
        print("warning: PYTHONHASHSEED is not set; checker's output varies slightly with it", file=sys.stderr)
    return seed if seed is not None else "unset"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.gold", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None, help=f"dev data folder (default ${ENV_DATA} or {DEFAULT_DATA})")
    ap.add_argument("--model", default=None, help="UDPipe model path, or 'none' (default: as checker)")
    ap.add_argument("--out", type=Path, default=HERE / "gold_report.md", help="Markdown report to write")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument(
        "--gold",
        type=Path,
        default=None,
        help="another annotated file in the gold's format (default: the SaudiNewsNet gold stories)",
    )
    args = ap.parse_args(argv)

    path = args.gold or resolve_data(args.data) / GOLD_FILE
    stories = load_gold(path)
    t0 = time.perf_counter()
    run, model_name = checker_runner(args.model)
    results = run_all(stories, run)
    seconds = round(time.perf_counter() - t0, 2)
    summary = summarize(results)
    gold_name = str(args.gold.name if args.gold else GOLD_FILE)
    meta = {"model": model_name, "version": checker_version(), "gold": gold_name, "hash_seed": hash_seed()}
    args.out.write_text(markdown(results, summary, meta), encoding="utf-8")
    print("\n".join(figures_md(summary)))
    print(f"\nmodel {model_name}; {seconds} s (model load included); wrote {args.out}")
    if args.json:
        doc = {"meta": meta, "figures": summary, "seconds": seconds}
        args.json.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
