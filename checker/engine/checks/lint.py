"""``lint``: one article's own slips, decided here from what the extractors observed.

Word-level slips (glued words, typos, punctuation spacing) arrive as ``lint`` observations. The
others are decided from ordinary facts by this check and its rule's parameters: a weekday written
beside a date (``weekday_mismatch``, on ``date`` facts), a count announced for a list
(``list_count``, on ``list`` facts) and a relative date with nothing to resolve it against
(``unresolved_date``, on ``date`` facts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from checker import i18n
from checker.engine.evidence import ev, finding
from checker.engine.factbase import FactBase
from checker.engine.rules import Rule
from checker.facts.text import LINTS
from checker.model import WEEKDAYS, Evidence, Fact, Finding

NAME = "lint"
KINDS = ("lint",)
FACTS = ("lint", "date", "list")
FIELDS = frozenset({"fact", "text", "detail"})
PARAMS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["lint"],
    "properties": {
        "lint": {"enum": list(LINTS)},
        "relative_dates": {
            "type": "boolean",
            "description": "weekday_mismatch: also check a weekday beside a relative day (اليوم الخميس) "
            "when the publication date it resolves against was inferred (it is always checked against a "
            "known publication date); off by default, since an inferred date may be a day off",
        },
        "min_difference": {
            "type": "integer",
            "minimum": 1,
            "description": "list_count: how many members the list may miss or add before it is reported",
        },
    },
}


def run(rule: Rule, fb: FactBase) -> list[Finding]:
    decide = DECIDERS.get(rule.params["lint"], _observed)
    out = []
    for f in fb.facts:
        if f.type in rule.facts:
            found = decide(rule, f)
            if found is not None:
                out.append(found)
    return out


def _observed(rule: Rule, f: Fact) -> Finding | None:
    """A slip an extractor observed in the words themselves."""
    if f.type != "lint" or f.key != rule.params["lint"]:
        return None
    evidence = [ev(f)]
    span = f.attr("stated_span")
    if span:
        evidence.append(Evidence(f.article, span[0], span[1], span[2]))
    return finding(rule, evidence, "lint", text=f.text, detail=f.display)


def _lint(rule: Rule, f: Fact, detail: str, extra: list[Evidence] | None = None, detail_ar: str = "") -> Finding:
    return finding(
        rule, [ev(f, detail), *(extra or [])], "lint", text=f.text, detail=detail, detail_ar=detail_ar or detail
    )


def weekday_mismatch(rule: Rule, f: Fact) -> Finding | None:
    """A written weekday that is not the weekday of its date: of the written date, or of the day a
    relative word gives against a known publication date (أمس الأحد in a Sunday's paper)."""
    written = f.attr("weekday")
    first, last = (f.value.get("first"), f.value.get("last")) if f.type == "date" else (None, None)
    if not written or not first or first != last:
        return None
    if f.attr("relative"):
        said = f.attr("said_day")
        if not (rule.param("relative_dates", False) or f.attr("exact_ref")) or not said:
            return None  # a relative day against an inferred date may be a day off
        if said > first:
            # «اليوم السبت» in a Sunday's article: the weekday names an earlier day, which a
            # publication date that is the day the copy was fetched (a crawl date) explains
            return None
        first = said
    day = dt.date.fromisoformat(first).weekday()
    actual = WEEKDAYS[day]
    if actual == written:
        return None
    detail = i18n.phrase("en", "weekday", date=first, actual=actual, written=written)
    arabic = i18n.phrase(
        "ar", "weekday", date=first, actual=i18n.weekday("ar", day), written=i18n.weekday("ar", WEEKDAYS.index(written))
    )
    return _lint(rule, f, detail, detail_ar=arabic)


def list_count(rule: Rule, f: Fact) -> Finding | None:
    """A list that names more or fewer members than the count announced for it."""
    stated = f.attr("stated_count")
    if f.type != "list" or not isinstance(stated, int | float) or isinstance(stated, bool):
        return None
    named = len(set(f.value))
    if abs(stated - named) < rule.param("min_difference", 1):
        return None
    start, end, text = f.attr("stated_span")
    said = {"stated": text, "count": f.attr("stated_display") or stated, "named": named}
    detail, arabic = i18n.phrase("en", "announces", **said), i18n.phrase("ar", "announces", **said)
    return _lint(rule, f, detail, [Evidence(f.article, start, end, text)], detail_ar=arabic)


def unresolved_date(_rule: Rule, f: Fact) -> Finding | None:
    """A relative date with no publication date to resolve it against."""
    if f.type != "date" or not f.attr("relative") or f.value.get("first") is not None:
        return None
    return _lint(_rule, f, f.text)


DECIDERS: dict[str, Callable[[Rule, Fact], Finding | None]] = {
    "weekday_mismatch": weekday_mismatch,
    "list_count": list_count,
    "unresolved_date": unresolved_date,
}
