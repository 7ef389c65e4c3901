"""Facts made of text: quotations, participant lists, and the lint observations of one article."""

from __future__ import annotations

from rapidfuzz.fuzz import token_set_ratio

from checker.facts.base import FactType, Tolerance
from checker.model import Fact

#: token-set similarity (0-100) above which two quotations are one (one may contain the other)
QUOTE_MATCH = 80
#: what lint observations are about; the lint rules choose among these
LINTS = (
    "glued",
    "typo",
    "punctuation_spacing",
    "weekday_mismatch",
    "list_count",
    "unresolved_date",
    "house_forbidden",
    "overlong_token",
)


def compare_quotes(a: Fact, b: Fact, _tol: Tolerance) -> bool | None:
    """One quotation (one may contain the other), or cannot tell."""
    return True if token_set_ratio(a.value, b.value) >= QUOTE_MATCH else None


TYPES = (
    FactType(
        "quote",
        str,
        {"type": "string", "minLength": 1},
        "A quotation introduced by a reporting verb, folded; keyed by its speaker.",
        compare_quotes,
        frozenset({"speaker"}),
    ),
    FactType(
        "word",
        str,
        {"type": "string", "minLength": 1},
        "A word written two or more ways in the story, keyed by its folded spelling (for VR103).",
    ),
    FactType(
        "list",
        list,
        {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "A participant list: the sorted ids of its members (a list of phrases: their folded words).",
        attrs=frozenset(
            {"members", "entity_type", "stated_count", "stated_span", "stated_display", "first", "cut", "next"}
        ),
    ),
    FactType(
        "lint",
        str,
        {"type": "string"},
        "An observation about one article's own copy (the key says which: " + ", ".join(LINTS) + ").",
        attrs=frozenset({"split_at", "repeatable", "stated_span"}),
    ),
)
