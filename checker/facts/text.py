"""Facts made of text: quotations, participant lists, and the lint observations of one article."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import token_set_ratio

from checker.facts.base import FactType, Tolerance
from checker.model import Fact
from checker.text.words import light_stem, plain_words, zipf

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
    in order, perhaps cut short at either end, whatever its spelling, glosses in brackets and little
    words; False when they are one quotation by their words but a word of substance differs or was
    added inside (الزيارات / السياحة، أحلى مكان / أحلى حتة: a quotation is not worded two ways);
    None (cannot tell: two quotations) otherwise."""
    if token_set_ratio(a.value, b.value) < QUOTE_MATCH:
        return None
    wa, wb = (plain_words(_PERCENT.sub(" % ", _GLOSS.sub(" ", str(f.value)))) for f in (a, b))
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    ops = SequenceMatcher(a=short, b=long_, autojunk=False).get_opcodes()
    inner = [op for op in ops[1:-1] if op[0] != "equal"]
    ends = [op for op in (ops[0], ops[-1]) if op[0] not in ("equal", "insert")]
    changed = [(short[i1:i2], long_[j1:j2]) for _, i1, i2, j1, j2 in [*inner, *ends]]
    changed = [(x, y) for x, y in changed if not _same_words(x, y)]
    if not changed:
        return True
    if len(changed) <= MAX_CHANGES and all(len(x) + len(y) <= MAX_CHANGED_WORDS for x, y in changed):
        return False  # a word or two changed in an otherwise verbatim quotation
    return None  # reworded throughout: two renderings (another agency's), not one quotation misquoted


#: a gloss in brackets inside a quotation (النواشر (راوترز)): the reporter's, not the speaker's words
_GLOSS = re.compile(r"\([^()]{0,40}\)")
#: «في المائة», «بالمئة»: the per cent sign in words
_PERCENT = re.compile(r"(?:\bفي\s+|\bب)ال(?:مئه|مائه|مئة|مائة)\b")
#: a quotation misquoted changes a word or two in a few places; more is another rendering
MAX_CHANGES = 2
MAX_CHANGED_WORDS = 3
#: words this common are the little words of the language (من، في، أن): no change of substance
LITTLE_WORD_ZIPF = 6.0


def _same_words(x: list[str], y: list[str]) -> bool:
    """Two runs of a quotation's words that say the same: one word joined or split (لاينسى / لا
    ينسى), figures only, little words only, or one word spelled or inflected another way (بوينغ /
    بوينج، الألمنيوم / الالومنيوم، حدودا / حدود)."""
    jx, jy = ("".join(_HAMZA.sub("", w) for w in z).lstrip("وف") for z in (x, y))
    if jx == jy or all(any(c.isdigit() for c in w) for w in x + y):
        return True
    if all(_little(w) for w in x + y):
        return True
    if len(x) == len(y) == 1:
        if light_stem(x[0]) and light_stem(x[0]) == light_stem(y[0]):
            return True  # مشاريع / مشروعات: one word, two plurals
        if jx.startswith(jy) or jy.startswith(jx) or jx.endswith(jy) or jy.endswith(jx):
            return abs(len(jx) - len(jy)) <= 2
        return OSA.distance(jx, jy) <= max(1, min(len(jx), len(jy)) // 5)
    return False


def _little(word: str) -> bool:
    """A little word of the language, with its و / ف if plain_words took it off (فيها -> يها)."""
    return max(zipf(word), zipf("ف" + word), zipf("و" + word)) >= LITTLE_WORD_ZIPF


#: hamza letters, left out when two spellings of a word are compared (الهادئ / الهاديء)
_HAMZA = re.compile("[ءئؤ]")


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
            {"members", "entity_type", "stated_count", "stated_span", "stated_display", "first", "cut", "next", "pair"}
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
