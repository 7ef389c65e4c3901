"""Accuracy harness: how well ``checker`` extracts and compares facts on real Arabic text.

    python -m benchmarks.accuracy [--data PATH] [--model PATH|none] [--out benchmarks/accuracy.json]
                                  [--limit N] [--only wojood,ans,aqmar,saudi] [--check-baseline]
                                  [--write-baseline] [--show-errors N]

Sections (data read in place from ``--data``, default ``../shared/data/dev``):

1. Wojood: span precision/recall/F1 (exact and overlap) of numbers, ordinals, percents, money and
   dates against the nested gold, and value accuracy of the numbers.
2. ANS headline pairs: contradictions found for disagree pairs whose number/date/place changed, false
   alarms on agree pairs, and on pairs where the same value is written differently.
3. AQMAR: person/place/org span precision/recall/F1.
4. SaudiNewsNet: multi-outlet stories compared end to end (findings, speed, memory, crashes).

Everything is deterministic except the timings. ``--check-baseline`` exits 1 when a figure is
worse than ``benchmarks/baseline.json`` (for the same model) by more than 0.02.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import resource
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from benchmarks.datasets import (
    Doc,
    NewsArticle,
    Pair,
    is_date_token,
    load_ans,
    load_aqmar,
    load_saudi,
    load_wojood,
    normalize,
    number_runs,
    number_word,
    parse_number_span,
    parse_ordinal_span,
    strip_clitics,
    tokens,
)
from benchmarks.stories import Story, content_words, group_stories, jaccard

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = Path("../shared/data/dev")
BASELINE = HERE / "baseline.json"
TOLERANCE = 0.02
SECTIONS = ("wojood", "ans", "aqmar", "saudi")

# Engine callables (the real ones wrap checker.api; tests pass fakes):
#   extract(id, text) -> facts with .type .start .end .text .value .attrs
#   compare([(id, text, published, title, source), ...]) -> report with .findings
ExtractFn = Callable[[str, str], Sequence[Any]]
ArticleSpec = tuple[str, str, "dt.date | None", "str | None", "str | None"]
CompareFn = Callable[[list[ArticleSpec]], Any]


# ---------------------------------------------------------------------------------------------
# span metrics


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class SpanCounts:
    """Exact and overlap matching counts, accumulated over documents."""

    pred: int = 0
    gold: int = 0
    pred_exact: int = 0
    gold_exact: int = 0
    pred_overlap: int = 0
    gold_overlap: int = 0

    def add(self, pred: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> None:
        """Add one document's predicted and gold spans (duplicates count once)."""
        p = sorted(set(pred))
        g = sorted(set(gold))
        gs = set(g)
        self.pred += len(p)
        self.gold += len(g)
        hits = sum(1 for s in p if s in gs)
        self.pred_exact += hits
        self.gold_exact += hits
        self.pred_overlap += sum(1 for s in p if any(_overlaps(s, t) for t in g))
        self.gold_overlap += sum(1 for t in g if any(_overlaps(s, t) for s in p))

    def scores(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "pred": self.pred,
            "exact": prf(self.pred_exact, self.pred, self.gold_exact, self.gold),
            "overlap": prf(self.pred_overlap, self.pred, self.gold_overlap, self.gold),
        }


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def prf(pred_hits: int, pred: int, gold_hits: int, gold: int) -> dict[str, float | None]:
    """Precision (predicted spans that match), recall (gold spans matched), F1."""
    p = pred_hits / pred if pred else None
    r = gold_hits / gold if gold else None
    f1 = None
    if p is not None and r is not None:
        f1 = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return {k: (round(v, 4) if v is not None else None) for k, v in (("p", p), ("r", r), ("f1", f1))}


# ---------------------------------------------------------------------------------------------
# reading facts


def fact_attr(fact: Any, name: str, default: Any = None) -> Any:
    for k, v in getattr(fact, "attrs", ()) or ():
        if k == name:
            return v
    return default


def fact_number(value: Any) -> float | None:
    """The number in a fact value: a number, a numeric string, or a dict with amount/value."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", ""))
        except ValueError:
            return None
    if isinstance(value, dict):
        for key in ("amount", "value", "number", "low", "min"):
            if key in value:
                return fact_number(value[key])
    if isinstance(value, list | tuple) and value:
        return fact_number(value[0])
    return None


def same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


NUMERIC_CATEGORIES = ("number", "ordinal", "percent", "money")
WOJOOD_GOLD = {"number": "CARDINAL", "ordinal": "ORDINAL", "percent": "PERCENT", "money": "MONEY", "date": "DATE"}
# gold CARDINALs inside these are the number part of a bigger quantity, not numbers of their own
WOJOOD_CONTAINERS = ("MONEY", "PERCENT", "QUANTITY")


def wojood_category(fact: Any) -> str | None:
    """The Wojood category a fact is graded as."""
    if fact.type == "ordinal":
        return "ordinal"
    if fact.type in ("count", "number"):
        return "ordinal" if fact_attr(fact, "kind") == "ordinal" else "number"
    if fact.type in ("percent", "money", "date"):
        return str(fact.type)
    return None


@dataclass
class ValueCounts:
    checked: int = 0
    correct: int = 0
    skipped: int = 0  # gold span overlapped but its value could not be read

    def scores(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "correct": self.correct,
            "accuracy": ratio(self.correct, self.checked),
            "skipped_unreadable_gold": self.skipped,
        }


def gold_value(category: str, text: str) -> float | None:
    if category == "ordinal":
        v = parse_ordinal_span(text)
        return float(v) if v is not None else None
    return parse_number_span(text)


def value_matches(category: str, gold: float, predicted: Iterable[float | None]) -> bool:
    for p in predicted:
        if p is None:
            continue
        if same_number(p, gold) or (category == "percent" and same_number(p * 100, gold)):
            return True
    return False


@dataclass
class Errors:
    """A few examples per bucket, printed with --show-errors (never written to files)."""

    limit: int
    items: dict[str, list[str]] = field(default_factory=dict)

    def add(self, bucket: str, line: str) -> None:
        if self.limit > 0:
            lst = self.items.setdefault(bucket, [])
            if len(lst) < self.limit:
                lst.append(line)

    def print(self) -> None:
        for bucket in sorted(self.items):
            print(f"\n--- {bucket}")
            for line in self.items[bucket]:
                print("  " + line)


def _ctx(text: str, a: int, b: int, width: int = 30) -> str:
    return f"{text[max(0, a - width) : a]}[{text[a:b]}]{text[b : b + width]}".replace("\n", " ")


def check_offsets(text: str, facts: Sequence[Any]) -> int:
    """Facts whose offsets do not give back their text."""
    return sum(1 for f in facts if text[f.start : f.end] != f.text)


def merge_compound(spans: Sequence[tuple[int, int]], text: str) -> tuple[list[tuple[int, int]], int]:
    """Join gold spans of one compound number that Wojood tags as several (``بحوالي ستة`` +
    ``وثلاثين`` + ``مليون``; ``الخامس`` + ``والعشرين``): a span that follows another after only
    whitespace and starts with و + a number word, or with a scale word, continues it."""
    out: list[tuple[int, int]] = []
    merged = 0
    for a, b in sorted(set(spans)):
        if out and out[-1][1] < a and text[out[-1][1] : a].isspace():
            toks = tokens(text[a:b])
            first = toks[0] if toks else ""
            w = number_word(first)
            if w is not None and (w[0] == "scale" or (first.startswith("و") and number_word(first[1:]) is not None)):
                out[-1] = (out[-1][0], b)
                merged += 1
                continue
        out.append((a, b))
    return out, merged


def eval_wojood(docs: Sequence[Doc], extract: ExtractFn, errors: Errors | None = None) -> dict[str, Any]:
    spans = {c: SpanCounts() for c in WOJOOD_GOLD}
    values = {c: ValueCounts() for c in NUMERIC_CATEGORIES}
    nested_gold = nested_pred = offset_errors = merged = 0
    spurious: dict[str, Counter[str]] = {c: Counter() for c in WOJOOD_GOLD}
    for doc in docs:
        facts = list(extract(doc.id, doc.text))
        offset_errors += check_offsets(doc.text, facts)
        containers = [(s.start, s.end) for s in doc.spans if s.label in WOJOOD_CONTAINERS]

        def inside(span: tuple[int, int], containers: list[tuple[int, int]] = containers) -> bool:
            return any(c[0] <= span[0] and span[1] <= c[1] for c in containers)

        for cat, label in WOJOOD_GOLD.items():
            gold = [(s.start, s.end) for s in doc.spans if s.label == label]
            if cat in NUMERIC_CATEGORIES:
                gold, n = merge_compound(gold, doc.text)
                merged += n
            pred_facts = [f for f in facts if wojood_category(f) == cat]
            pred = [(f.start, f.end) for f in pred_facts]
            if cat == "number":
                n_g, n_p = len(gold), len(pred)
                gold = [g for g in gold if not inside(g)]
                pred = [p for p in pred if not inside(p)]
                nested_gold += n_g - len(gold)
                nested_pred += n_p - len(pred)
                pred_facts = [f for f in pred_facts if (f.start, f.end) in set(pred)]
            spans[cat].add(pred, gold)
            for p in sorted(set(pred)):
                if not any(_overlaps(g, p) for g in gold):
                    other = sorted({x.label for x in doc.spans if _overlaps((x.start, x.end), p)})
                    spurious[cat]["+".join(other) or "O"] += 1
            if errors is not None:
                for g in sorted(set(gold)):
                    if not any(_overlaps(g, p) for p in pred):
                        errors.add(f"wojood {cat} missed", _ctx(doc.text, *g))
                for p in sorted(set(pred)):
                    if not any(_overlaps(g, p) for g in gold):
                        errors.add(f"wojood {cat} spurious", _ctx(doc.text, *p))
            if cat not in values:
                continue
            for g in sorted(set(gold)):
                hits = [f for f in pred_facts if _overlaps(g, (f.start, f.end))]
                if not hits:
                    continue
                gv = gold_value(cat, doc.text[g[0] : g[1]])
                after = tokens(doc.text[g[1] : g[1] + 20])[:1]
                if after and after[0].startswith("و") and number_word(after[0][1:]) is not None:
                    gv = None  # the number goes on untagged (الخامس [والعشرين]): the gold value is cut
                if gv is None:
                    values[cat].skipped += 1
                    continue
                values[cat].checked += 1
                got = [fact_number(f.value) for f in hits]
                if value_matches(cat, gv, got):
                    values[cat].correct += 1
                elif errors is not None:
                    errors.add(f"wojood {cat} wrong value", f"{_ctx(doc.text, *g)}  gold={gv:g} got={got}")
    out: dict[str, Any] = {"sentences": len(docs), "fact_offset_errors": offset_errors, "types": {}}
    for cat in WOJOOD_GOLD:
        row = spans[cat].scores()
        if cat in values:
            row["value"] = values[cat].scores()
        row["spurious_by_gold_label"] = dict(sorted(spurious[cat].items(), key=lambda kv: (-kv[1], kv[0])))
        out["types"][cat] = row
    out["number_nested_in_quantity_excluded"] = {"gold": nested_gold, "pred": nested_pred}
    out["gold_compound_number_spans_merged"] = merged
    return out


AQMAR_TYPES = {"person": "PER", "place": "LOC", "org": "ORG"}


def eval_aqmar(docs: Sequence[Doc], extract: ExtractFn, errors: Errors | None = None) -> dict[str, Any]:
    counts = {t: SpanCounts() for t in AQMAR_TYPES}
    offset_errors = 0
    for doc in docs:
        facts = list(extract(doc.id, doc.text))
        offset_errors += check_offsets(doc.text, facts)
        for ftype, label in AQMAR_TYPES.items():
            gold = [(s.start, s.end) for s in doc.spans if s.label == label]
            pred = [(f.start, f.end) for f in facts if f.type == ftype]
            counts[ftype].add(pred, gold)
            if errors is not None:
                for p in sorted(set(pred)):
                    if not any(_overlaps(g, p) for g in gold):
                        errors.add(f"aqmar {ftype} spurious", _ctx(doc.text, *p))
                for g in sorted(set(gold)):
                    if not any(_overlaps(g, p) for p in pred):
                        errors.add(f"aqmar {ftype} missed", _ctx(doc.text, *g))
    return {
        "documents": len(docs),
        "fact_offset_errors": offset_errors,
        "types": {t: c.scores() for t, c in counts.items()},
    }


# ---------------------------------------------------------------------------------------------
# ANS pairs

FLAG_KINDS = ("contradiction", "variant", "gap")  # findings that point at a difference
SLOT_FACTS = {"number": {"count", "number", "percent", "money"}, "date": {"date"}, "place": {"place", "location"}}


def _is_year(run: str) -> bool:
    return run.isdigit() and is_date_token(run)


def number_values(text: str) -> set[float]:
    """Values of the numbers in *text* (years excluded: they are dates)."""
    return {v for surface, v in number_runs(text) if v is not None and not _is_year(surface)}


def date_tokens(text: str) -> set[str]:
    return {strip_clitics(t) for t in tokens(text) if is_date_token(t)}


def _stems(text: str) -> set[str]:
    return {strip_clitics(t) for t in tokens(text) if t[:1].isalpha()}


Mention = tuple[frozenset[str], str]  # word stems of a fact's text, its key (the entity id)
PlacesFn = Callable[[], tuple[list[Mention], list[Mention]]]


def fact_mentions(facts: Iterable[Any], ftype: str) -> list[Mention]:
    return [(frozenset(_stems(f.text)), str(f.key or normalize(f.text))) for f in facts if f.type == ftype]


def changed_slots(s1: str, s2: str, places: PlacesFn) -> set[str]:
    """Which slots changed between two headlines: ``number`` when each side has a number value the
    other lacks, ``date`` likewise for month/weekday names and years, ``place`` when each side has a
    differing word that the product recognises as a place whose id the other headline lacks (so
    أميركا vs الولايات المتحدة is no change). *places* is called only when needed and returns the
    place mentions of s1 and s2."""
    slots: set[str] = set()
    v1, v2 = number_values(s1), number_values(s2)
    if v1 - v2 and v2 - v1:
        slots.add("number")
    d1, d2 = date_tokens(s1), date_tokens(s2)
    if d1 - d2 and d2 - d1:
        slots.add("date")
    w1 = {w for w in _stems(s1) - _stems(s2) if not is_date_token(w) and not number_runs(w)}
    w2 = {w for w in _stems(s2) - _stems(s1) if not is_date_token(w) and not number_runs(w)}
    if w1 and w2:
        m1, m2 = places()
        k1, k2 = {k for _, k in m1}, {k for _, k in m2}
        if any(st & w1 and k not in k2 for st, k in m1) and any(st & w2 and k not in k1 for st, k in m2):
            slots.add("place")
    return slots


_INDIC = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")
WORD_FORMS = {
    1: "واحد", 2: "اثنين", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة",
    10: "عشرة", 20: "عشرين", 30: "ثلاثين", 40: "أربعين", 50: "خمسين", 60: "ستين", 70: "سبعين", 80: "ثمانين",
    90: "تسعين", 100: "مئة", 1000: "ألف",
}  # fmt: skip


def _first_ascii_number(text: str) -> tuple[int, int] | None:
    i = 0
    while i < len(text):
        if "0" <= text[i] <= "9":
            j = i
            while j < len(text) and ("0" <= text[j] <= "9" or (text[j] in ".," and text[j + 1 : j + 2].isdigit())):
                j += 1
            return i, j
        i += 1
    return None


def rewrite_number(text: str, form: str) -> str | None:
    """*text* with its first ASCII-digit number written another way, or None if not possible.

    ``indic``: Arabic-Indic digits; ``words``: a number word (1-10, tens, 100, 1000);
    ``percent``: ``N%`` → ``N بالمئة``.
    """
    span = _first_ascii_number(text)
    if span is None:
        return None
    a, b = span
    num = text[a:b]
    if form == "indic":
        return text[:a] + num.translate(_INDIC) + text[b:]
    if form == "words":
        if not num.isdigit() or int(num) not in WORD_FORMS:
            return None
        word = WORD_FORMS[int(num)]
        after = text[b:]
        if after[:1] and after[:1].isalpha():
            word += " "
        return text[:a] + word + after
    if form == "percent":
        rest = text[b:]
        stripped = rest.lstrip()
        if not stripped.startswith(("%", "٪")):
            return None
        return text[:b] + " بالمئة" + stripped[1:]
    raise ValueError(form)


def number_forms(text: str) -> tuple[tuple[str, ...], str, str]:
    """How the numbers of *text* are written: normalized surfaces (digits vs words), the digit
    script (ascii/indic/none) and the percent style (sign/word/none)."""
    surfaces = tuple(sorted(s for s, v in number_runs(text) if v is not None))
    indic = any("\u0660" <= c <= "\u0669" or "\u06f0" <= c <= "\u06f9" for c in text)
    ascii_ = any("0" <= c <= "9" for c in text)
    script = "+".join(n for n, on in (("ascii", ascii_), ("indic", indic)) if on) or "none"
    pct = "sign" if any(c in "%٪" for c in text) else ("word" if any(s.endswith("%") for s in surfaces) else "none")
    return surfaces, script, pct


def same_value_other_form(s1: str, s2: str) -> bool:
    """The same non-empty set of numbers, written differently (digits/words, scripts, %/بالمئة)."""
    v1, v2 = number_values(s1), number_values(s2)
    return bool(v1) and v1 == v2 and number_forms(s1) != number_forms(s2)


@dataclass
class RateCounts:
    n: int = 0
    hits: int = 0

    def add(self, hit: bool) -> None:
        self.n += 1
        self.hits += int(hit)

    def scores(self, name: str) -> dict[str, Any]:
        return {"pairs": self.n, "hits": self.hits, name: ratio(self.hits, self.n)}


def _contradiction_types(report: Any) -> set[str]:
    return {str(f.fact) for f in report.findings if f.kind == "contradiction"}


def eval_ans(
    pairs: Sequence[Pair], compare: CompareFn, extract: ExtractFn, errors: Errors | None = None
) -> dict[str, Any]:
    slots_rate = {s: RateCounts() for s in (*SLOT_FACTS, "any")}
    slots_flagged = {s: RateCounts() for s in (*SLOT_FACTS, "any")}  # any contradiction/variant/gap
    agree = RateCounts()
    other = RateCounts()
    disagree_any = RateCounts()
    natural = RateCounts()
    synth = {k: RateCounts() for k in ("indic", "words", "percent", "paraphrase_indic", "paraphrase_words")}

    flagged: set[str] = set()

    def run(pid: str, a: str, b: str) -> set[str]:
        report = compare([(f"{pid}-1", a, None, None, None), (f"{pid}-2", b, None, None, None)])
        flagged.clear()
        flagged.update(str(f.fact) for f in report.findings if f.kind in FLAG_KINDS)
        return _contradiction_types(report)

    for pair in pairs:
        found = run(pair.id, pair.s1, pair.s2)
        pair_flagged = set(flagged)
        if pair.stance == "agree":
            agree.add(bool(found))
            if found and errors is not None:
                errors.add("ans agree false alarm", f"{sorted(found)}: {pair.s1} || {pair.s2}")
            if same_value_other_form(pair.s1, pair.s2):
                natural.add(bool(found))
        elif pair.stance == "other":
            other.add(bool(found))
        elif pair.stance == "disagree":
            disagree_any.add(bool(found))

            def places(p: Pair = pair) -> tuple[list[Mention], list[Mention]]:
                return (
                    fact_mentions(extract(f"{p.id}-1", p.s1), "place"),
                    fact_mentions(extract(f"{p.id}-2", p.s2), "place"),
                )

            slots = changed_slots(pair.s1, pair.s2, places)
            for slot in sorted(slots):
                hit = bool(found & SLOT_FACTS[slot])
                slots_rate[slot].add(hit)
                slots_flagged[slot].add(bool(pair_flagged & SLOT_FACTS[slot]))
                if not hit and errors is not None:
                    errors.add(f"ans {slot} change missed", f"{sorted(found)}: {pair.s1} || {pair.s2}")
            if slots:
                wanted = set().union(*(SLOT_FACTS[s] for s in slots))
                slots_rate["any"].add(bool(found & wanted))
                slots_flagged["any"].add(bool(pair_flagged & wanted))
        # synthetic equal-value pairs
        if pair.stance in ("agree", "other"):
            for form in ("indic", "words", "percent"):
                s1b = rewrite_number(pair.s1, form)
                if s1b is not None and s1b != pair.s1:
                    hit = bool(run(f"{pair.id}-{form}", pair.s1, s1b))
                    synth[form].add(hit)
                    if hit and errors is not None:
                        errors.add(f"ans same value ({form}) false alarm", f"{pair.s1} || {s1b}")
            span = _first_ascii_number(pair.s1)
            if pair.stance == "agree" and span is not None:
                num = pair.s1[span[0] : span[1]]
                if _first_ascii_number(pair.s2) is not None and num in pair.s2:
                    s2_at = pair.s2.index(num)
                    for form in ("indic", "words"):
                        s2b = rewrite_number(pair.s2[s2_at:], form)
                        if s2b is None:
                            continue
                        s2b = pair.s2[:s2_at] + s2b
                        hit = bool(run(f"{pair.id}-p{form}", pair.s1, s2b))
                        synth[f"paraphrase_{form}"].add(hit)
                        if hit and errors is not None:
                            errors.add(f"ans same value (paraphrase {form}) false alarm", f"{pair.s1} || {s2b}")
    return {
        "pairs": len(pairs),
        "disagree_changed_slot": {s: c.scores("detection_rate") for s, c in slots_rate.items()},
        "disagree_changed_slot_any_flag": {s: c.scores("flag_rate") for s, c in slots_flagged.items()},
        "disagree_any_contradiction": disagree_any.scores("rate"),
        "agree": agree.scores("false_alarm_rate"),
        "other": other.scores("contradiction_rate"),
        "same_value_natural": natural.scores("contradiction_rate"),
        "same_value_synthetic": {k: c.scores("contradiction_rate") for k, c in synth.items()},
    }


# ---------------------------------------------------------------------------------------------
# SaudiNewsNet stories


def _published(article: NewsArticle) -> dt.date | None:
    try:
        return dt.date.fromisoformat(article.date[:10])
    except ValueError:
        return None


def near_duplicates(story: Story, threshold: float = 0.9) -> set[frozenset[str]]:
    """Pairs of articles of a story whose whole texts are near copies (wire copy)."""
    words = {a.id: frozenset(content_words(a.content)) for a in story.articles}
    return {
        frozenset((a.id, b.id))
        for a, b in combinations(story.articles, 2)
        if jaccard(words[a.id], words[b.id]) >= threshold
    }


def short_finding(f: Any, width: int = 50) -> str:
    ev = "; ".join(
        f"{e.article}:«{' '.join(e.text.split())[:width]}»"
        + (f" ({' '.join(str(e.value).split())[:width]})" if e.value else "")
        for e in f.evidence
    )
    return f"[{f.kind}/{f.rule}/{f.severity}] {f.fact}: {' '.join(str(f.message).split())[:160]} — {ev}"


def eval_saudi(
    stories: Sequence[Story], compare: CompareFn, n_articles: int, errors: Errors | None = None
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    by_kind: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    by_fact: Counter[str] = Counter()
    crashes: list[tuple[str, str]] = []
    evidence_errors = 0
    near_pairs = near_hit = 0
    seconds = 0.0
    compared = 0
    per_story: dict[str, list[str]] = {}
    for story in stories:
        specs: list[ArticleSpec] = [(a.id, a.content, _published(a), a.title, a.source) for a in story.articles]
        texts = {a.id: a.content for a in story.articles}
        t0 = time.perf_counter()
        try:
            report = compare(specs)
        except Exception:
            seconds += time.perf_counter() - t0
            crashes.append((story.id, traceback.format_exc()))
            per_story[story.id] = ["CRASH: " + traceback.format_exc().strip().splitlines()[-1]]
            continue
        seconds += time.perf_counter() - t0
        compared += len(specs)
        findings = list(report.findings)
        per_story[story.id] = [short_finding(f) for f in findings]
        dup = near_duplicates(story)
        near_pairs += len(dup)
        contradicted: set[frozenset[str]] = set()
        for f in findings:
            by_kind[f.kind] += 1
            by_rule[f.rule] += 1
            by_fact[f.fact] += 1
            for e in f.evidence:
                if texts.get(e.article, "")[e.start : e.end] != e.text:
                    evidence_errors += 1
                    if errors is not None:
                        errors.add(
                            "saudi evidence offset error", f"{story.id} {e.article} {e.start}:{e.end} {e.text!r}"
                        )
            arts = frozenset(e.article for e in f.evidence)
            if f.kind == "contradiction" and arts in dup:
                contradicted.add(arts)
                if errors is not None:
                    errors.add("saudi contradiction between near-copies", f"{story.id} {short_finding(f)}")
        near_hit += len(contradicted)
    out = {
        "articles_loaded": n_articles,
        "stories": len(stories),
        "articles_in_stories": sum(len(s.articles) for s in stories),
        "story_sizes": {str(k): v for k, v in sorted(Counter(len(s.articles) for s in stories).items())},
        "findings": sum(by_kind.values()),
        "findings_by_kind": dict(sorted(by_kind.items())),
        "findings_by_rule": dict(sorted(by_rule.items())),
        "findings_by_fact": dict(sorted(by_fact.items())),
        "stories_with_contradiction": sum(
            1 for lines in per_story.values() if any(x.startswith("[contradiction/") for x in lines)
        ),
        "near_duplicate_pairs": near_pairs,
        "near_duplicate_pairs_with_contradiction": near_hit,
        "near_duplicate_contradiction_rate": ratio(near_hit, near_pairs),
        "evidence_offset_errors": evidence_errors,
        "crashes": len(crashes),
        "compare_seconds": round(seconds, 2),
        "articles_per_second": round(compared / seconds, 2) if seconds else None,
    }
    for story_id, tb in crashes[:3]:
        print(f"\n!!! crash in {story_id}:\n{tb}", file=sys.stderr)
    return out, per_story


def write_stories_sample(path: Path, stories: Sequence[Story], per_story: dict[str, list[str]], n: int = 15) -> None:
    """A deterministic, evenly spaced sample of stories with their findings, for hand-checking."""
    if not stories:
        picks: list[Story] = []
    elif len(stories) <= n:
        picks = list(stories)
    else:
        picks = [stories[round(k * (len(stories) - 1) / (n - 1))] for k in range(n)]
    lines = [
        "# Sample of SaudiNewsNet stories (2015-08-02) and their findings",
        "",
        "Generated by `python -m benchmarks.accuracy`; stories evenly spaced over the list (largest first).",
        "Agreements are only counted; quotes and values are cut to 50 characters.",
        "Hand-check: is each contradiction real, is each variant/alias/gap right?",
        "",
    ]
    for s in picks:
        lines.append(f"## {s.id} — {len(s.articles)} articles, cohesion {s.cohesion}")
        lines.append("")
        for a in s.articles:
            lines.append(f"- `{a.id}` {a.source} — {a.title} — <{a.url}>")
        lines.append("")
        found = per_story.get(s.id, [])
        shown = [f for f in found if not f.startswith("[agreement/")]
        if not shown:
            lines.append("_no findings other than agreements_")
        for f in shown:
            lines.append(f"- {f}")
        if len(found) > len(shown):
            lines.append(f"- ({len(found) - len(shown)} agreement findings not listed)")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# figures, baseline, table

LOWER_IS_BETTER = ("false_alarm_rate", "contradiction_rate", "crashes", "offset_errors")


def lower_is_better(name: str) -> bool:
    return name.endswith(LOWER_IS_BETTER)


def figures(results: dict[str, Any]) -> dict[str, float]:
    """The checked figures, flat: ``section.path.metric`` → value (None values left out)."""
    out: dict[str, float] = {}

    def put(name: str, value: Any) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            out[name] = float(value)

    for section in ("wojood", "aqmar"):
        if section not in results:
            continue
        sec = results[section]
        put(f"{section}.fact_offset_errors", sec["fact_offset_errors"])
        for cat, row in sec["types"].items():
            for mode in ("exact", "overlap"):
                for m in ("p", "r", "f1"):
                    put(f"{section}.{cat}.{mode}.{m}", row[mode][m])
            if "value" in row:
                put(f"{section}.{cat}.value_accuracy", row["value"]["accuracy"])
    if "ans" in results:
        r = results["ans"]
        for slot, row in r["disagree_changed_slot"].items():
            put(f"ans.disagree.{slot}.detection_rate", row["detection_rate"])
            put(f"ans.disagree.{slot}.flag_rate", r["disagree_changed_slot_any_flag"][slot]["flag_rate"])
        put("ans.agree.false_alarm_rate", r["agree"]["false_alarm_rate"])
        put("ans.same_value.natural.contradiction_rate", r["same_value_natural"]["contradiction_rate"])
        for k, row in r["same_value_synthetic"].items():
            put(f"ans.same_value.{k}.contradiction_rate", row["contradiction_rate"])
    if "saudi" in results:
        s = results["saudi"]
        put("saudi.crashes", s["crashes"])
        put("saudi.evidence_offset_errors", s["evidence_offset_errors"])
        put("saudi.near_duplicate_contradiction_rate", s["near_duplicate_contradiction_rate"])
    return out


def regressions(current: dict[str, float], baseline: dict[str, float], tol: float = TOLERANCE) -> list[str]:
    """Figures worse than the baseline by more than *tol* (figures missing on either side are ignored)."""
    out = []
    for name in sorted(set(current) & set(baseline)):
        cur, base = current[name], baseline[name]
        worse = cur - base if lower_is_better(name) else base - cur
        if worse > tol + 1e-9:
            out.append(f"{name}: {base:g} -> {cur:g}")
    return out


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def table(results: dict[str, Any]) -> str:
    lines: list[str] = []
    if "wojood" in results:
        w = results["wojood"]
        lines.append(f"\nWojood ({w['sentences']} sentences; fact offset errors {w['fact_offset_errors']})")
        lines.append(
            f"{'type':9} {'gold':>5} {'pred':>5} | {'exact P':>7} {'R':>6} {'F1':>6} | {'ovl P':>6} {'R':>6} {'F1':>6}"
            f" | {'value acc':>9} {'n':>4} {'skip':>4}"
        )
        for cat, row in w["types"].items():
            e, o = row["exact"], row["overlap"]
            val = row.get("value")
            vtxt = f"{_fmt(val['accuracy']):>9} {val['checked']:>4} {val['skipped_unreadable_gold']:>4}" if val else ""
            lines.append(
                f"{cat:9} {row['gold']:>5} {row['pred']:>5} | {_fmt(e['p']):>7} {_fmt(e['r']):>6} {_fmt(e['f1']):>6}"
                f" | {_fmt(o['p']):>6} {_fmt(o['r']):>6} {_fmt(o['f1']):>6} | {vtxt}"
            )
        nx = w["number_nested_in_quantity_excluded"]
        lines.append(f"(numbers inside MONEY/PERCENT/QUANTITY excluded: gold {nx['gold']}, pred {nx['pred']};")
        lines.append(f" gold compound-number pieces merged: {w['gold_compound_number_spans_merged']})")
        for cat, row in w["types"].items():
            top = ", ".join(f"{k} {v}" for k, v in list(row["spurious_by_gold_label"].items())[:6])
            lines.append(f"  {cat} predictions off any {WOJOOD_GOLD[cat]} span, by gold label there: {top or '-'}")
    if "ans" in results:
        r = results["ans"]
        lines.append(f"\nANS headline pairs ({r['pairs']} pairs)")
        for slot, row in r["disagree_changed_slot"].items():
            fl = r["disagree_changed_slot_any_flag"][slot]
            lines.append(
                f"  disagree, {slot:6} changed: {row['hits']:>4}/{row['pairs']:<4} contradiction of that type"
                f" = {_fmt(row['detection_rate'])}   (any contradiction/variant/gap of that type:"
                f" {_fmt(fl['flag_rate'])})"
            )
        d = r["disagree_any_contradiction"]
        lines.append(f"  disagree, any contradiction:      {d['hits']:>4}/{d['pairs']:<4} = {_fmt(d['rate'])}")
        a = r["agree"]
        lines.append(
            f"  agree, any contradiction (false alarm): {a['hits']:>4}/{a['pairs']:<4} = {_fmt(a['false_alarm_rate'])}"
        )
        o = r["other"]
        lines.append(
            f"  other, any contradiction:         {o['hits']:>4}/{o['pairs']:<4} = {_fmt(o['contradiction_rate'])}"
        )
        n = r["same_value_natural"]
        lines.append(
            f"  same value other form, natural agree pairs: {n['hits']}/{n['pairs']} contradicted"
            f" = {_fmt(n['contradiction_rate'])}"
        )
        for k, row in r["same_value_synthetic"].items():
            lines.append(
                f"  same value other form, synthetic {k:17}: {row['hits']:>3}/{row['pairs']:<4} contradicted"
                f" = {_fmt(row['contradiction_rate'])}"
            )
    if "aqmar" in results:
        a = results["aqmar"]
        lines.append(f"\nAQMAR ({a['documents']} articles; fact offset errors {a['fact_offset_errors']})")
        lines.append(
            f"{'type':9} {'gold':>5} {'pred':>5} | {'exact P':>7} {'R':>6} {'F1':>6} | {'ovl P':>6} {'R':>6} {'F1':>6}"
        )
        for t, row in a["types"].items():
            e, o = row["exact"], row["overlap"]
            lines.append(
                f"{t:9} {row['gold']:>5} {row['pred']:>5} | {_fmt(e['p']):>7} {_fmt(e['r']):>6} {_fmt(e['f1']):>6}"
                f" | {_fmt(o['p']):>6} {_fmt(o['r']):>6} {_fmt(o['f1']):>6}"
            )
    if "saudi" in results:
        s = results["saudi"]
        lines.append(
            f"\nSaudiNewsNet: {s['stories']} stories ({s['articles_in_stories']} of {s['articles_loaded']} articles;"
            f" sizes {s['story_sizes']})"
        )
        lines.append(f"  findings {s['findings']}: {s['findings_by_kind']}")
        lines.append(f"  by rule: {s['findings_by_rule']}")
        lines.append(f"  by fact: {s['findings_by_fact']}")
        lines.append(f"  stories with a contradiction: {s['stories_with_contradiction']}")
        lines.append(
            f"  near-copy article pairs: {s['near_duplicate_pairs']}, with a contradiction between them:"
            f" {s['near_duplicate_pairs_with_contradiction']} (rate {_fmt(s['near_duplicate_contradiction_rate'])})"
        )
        lines.append(
            f"  crashes {s['crashes']}, evidence offset errors {s['evidence_offset_errors']},"
            f" {s['articles_per_second']} articles/s ({s['compare_seconds']} s in compare)"
        )
    if "runtime" in results:
        rt = results["runtime"]
        lines.append(f"\nRuntime: {rt['seconds']} s total; peak RSS {rt['peak_rss_mb']} MB")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# the real engine


def checker_engine(model: str | None) -> tuple[ExtractFn, CompareFn, str]:
    """extract/compare callables over ``checker.api`` with one shared analyzer."""
    from checker.api import compare, extract_facts, make_article
    from checker.text.tagger import load_analyzer

    analyzer = load_analyzer(model)

    def extract(aid: str, text: str) -> Sequence[Any]:
        return extract_facts(make_article(aid, text), analyzer)

    def compare_fn(specs: list[ArticleSpec]) -> Any:
        arts = [make_article(i, t, published=p, title=ti, source=so) for i, t, p, ti, so in specs]
        return compare(arts, analyzer)

    return extract, compare_fn, str(analyzer.name)


def resolve_data(path: Path) -> Path:
    if path.exists():
        return path
    alt = HERE.parent / path
    return alt if alt.exists() else path


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data folder (default ../shared/data/dev)")
    ap.add_argument("--model", default=None, help="UDPipe model path; 'none' for the fallback (default: as checker)")
    ap.add_argument("--out", type=Path, default=HERE / "accuracy.json", help="figures JSON to write")
    ap.add_argument("--limit", type=int, default=None, help="at most N items per data set (quick runs)")
    ap.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections to run")
    ap.add_argument("--stories-sample", type=Path, default=HERE / "stories_sample.md")
    ap.add_argument("--baseline", type=Path, default=BASELINE)
    ap.add_argument("--check-baseline", action="store_true", help="exit 1 if a figure regresses by > 0.02")
    ap.add_argument("--write-baseline", action="store_true", help="store these figures as the baseline")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N error examples per bucket")
    args = ap.parse_args(argv)

    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(only) - set(SECTIONS))
    if unknown:
        ap.error(f"unknown sections: {unknown}")
    data = resolve_data(args.data)
    errors = Errors(args.show_errors)
    t_start = time.perf_counter()
    extract, compare_fn, model_name = checker_engine(args.model)
    results: dict[str, Any] = {}
    seconds: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        print(f"[{name}] running...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        out = fn()
        seconds[name] = round(time.perf_counter() - t0, 2)
        print(f"[{name}] done in {seconds[name]} s", file=sys.stderr, flush=True)
        return out

    if "wojood" in only:
        docs = load_wojood(data / "wojood_sample" / "train.txt", args.limit)
        results["wojood"] = timed("wojood", lambda: eval_wojood(docs, extract, errors))
    if "ans" in only:
        pairs = load_ans(data / "ans" / "stance_train.csv", args.limit)
        results["ans"] = timed("ans", lambda: eval_ans(pairs, compare_fn, extract, errors))
    if "aqmar" in only:
        adocs = load_aqmar(data / "aqmar" / "articles", args.limit)
        results["aqmar"] = timed("aqmar", lambda: eval_aqmar(adocs, extract, errors))
    if "saudi" in only:
        arts = load_saudi(data / "saudinewsnet" / "2015-08-02.zip")
        stories = group_stories(arts)
        if args.limit is not None:
            stories = stories[: args.limit]
        saudi, per_story = timed("saudi", lambda: eval_saudi(stories, compare_fn, len(arts), errors))
        results["saudi"] = saudi
        write_stories_sample(args.stories_sample, stories, per_story)
    results["runtime"] = {
        "seconds": {**seconds, "total": round(time.perf_counter() - t_start, 2)},
        "peak_rss_mb": peak_rss_mb(),
    }
    figs = figures(results)
    doc = {
        "meta": {"model": model_name, "limit": args.limit, "sections": only, "tolerance": TOLERANCE},
        "results": results,
        "figures": figs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"model: {model_name}; limit: {args.limit}")
    print(table(results))
    errors.print()
    print(f"\nwrote {args.out}")

    status = 0
    base_doc: dict[str, Any] = {}
    if args.baseline.exists():
        base_doc = json.loads(args.baseline.read_text(encoding="utf-8"))
    if args.check_baseline:
        entry = base_doc.get(model_name)
        if entry is None:
            print(f"no baseline for model {model_name!r} in {args.baseline}", file=sys.stderr)
            return 2
        if entry.get("limit") != args.limit:
            print(f"warning: baseline was measured with limit {entry.get('limit')}, this run {args.limit}")
        bad = regressions(figs, entry["figures"])
        if bad:
            print(f"\nREGRESSIONS vs baseline (> {TOLERANCE}):")
            for line in bad:
                print("  " + line)
            status = 1
        else:
            print(f"\nno regression vs baseline ({len(set(figs) & set(entry['figures']))} figures checked)")
    if args.write_baseline:
        base_doc[model_name] = {"limit": args.limit, "sections": only, "figures": figs}
        args.baseline.write_text(
            json.dumps(base_doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"wrote baseline for {model_name!r} to {args.baseline}")
    return status


if __name__ == "__main__":
    sys.exit(main())
