"""Facts made of text: quotations, participant lists, and the lint observations of one article."""

from __future__ import annotations

from difflib import SequenceMatcher

from rapidfuzz.fuzz import token_set_ratio

from checker.facts.base import FactType, Tolerance
from checker.model import Fact
from checker.text.words import plain_words

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
    """One quotation (one may contain the other): True when the shorter one is the other's words
    in order, perhaps cut short at either end; False when they are one quotation by their words
    but a word differs or was added inside (الزيارات / السياحة، حتة (مكان): a quotation is not
    worded two ways); None (cannot tell: two quotations) otherwise."""
    if token_set_ratio(a.value, b.value) < QUOTE_MATCH:
        return None
    wa, wb = plain_words(a.value), plain_words(b.value)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    ops = SequenceMatcher(a=short, b=long_, autojunk=False).get_opcodes()
    inner = ops[1:-1]
    ends = [op for op in (ops[0], ops[-1]) if op[0] != "equal"]
    return all(op[0] == "equal" for op in inner) and all(op[0] == "insert" for op in ends)


TYPES = (
    FactType(
        "aside",
        str,
        {"type": "string", "minLength": 1},
        "A part of an article that is not its story's event, keyed background or shift: a background "
        "sentence (يشار إلى أن ...) or the rest of the article after a topic shift (في سياق آخر); the value "
        "is the phrase that opens it. What only an aside states makes no gap.",
    ),
    FactType(
        "quote",
        str,
        {"type": "string", "minLength": 1},
        "A quotation introduced by a reporting verb, folded; keyed by its speaker.",
        compare_quotes,
        frozenset({"speaker", "echoed"}),
    ),
    FactType(
        "word",
        str,
        {"type": "string", "minLength": 1},
        "A word written two or more ways in the story, keyed by its folded spelling (for VR103).",
    ),
    FactType(
        "notation",
        str,
        {"type": "string", "minLength": 1},
        "How a figure is written (its digits, decimal mark, percent, unit), keyed by the notation; the "
        "value is the style (for VR104; only notations a story writes in two or more styles).",
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
