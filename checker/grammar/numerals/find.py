"""Find the numbers of a text: :func:`find_numbers` and its result, :class:`NumberMatch`."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from checker.grammar.numerals.atoms import Reader
from checker.grammar.numerals.compose import Chain
from checker.grammar.numerals.digits import press_conventions, to_number
from checker.grammar.numerals.lexicon import fold_word, number_lexicon
from checker.grammar.numerals.phrases import SKIP, Parsed, parse_at
from checker.grammar.numerals.tokens import QUICK_RE, TRAILING_MARKS
from checker.text import recache
from checker.text.chars import fold_digits, fold_with_map

_SHADDA = "\u0651"


@dataclass(frozen=True)
class NumberMatch:
    """One number found in a text; ``start``/``end`` are offsets into the original text."""

    start: int
    end: int
    text: str
    value: float | int
    kind: str  # "cardinal" | "ordinal" | "fraction"
    written: str  # "digits" | "words" | "mixed"
    qualifier: str | None  # "approx" | "more_than" | "less_than" | "at_least" | "at_most" | None
    high: float | int | None  # upper bound of a range, else None
    definite: bool


def find_numbers(text: str) -> list[NumberMatch]:
    """All numbers in *text*, sorted by start, non-overlapping, longest match first.

    Right-to-left typed decimals read the right way round:

    >>> [(m.text, m.value) for m in find_numbers("لمدة 3.\u200f1 ساعة و9ر53 نقطة و157،7 مليون")]
    [('3.\u200f1', 1.3), ('9ر53', 53.9), ('157،7 مليون', 157700000)]

    >>> [(m.text, m.value, m.kind, m.definite) for m in find_numbers("الشركات الخمس والقرن الحادي والعشرين")]
    [('الخمس', 5, 'cardinal', True), ('الحادي والعشرين', 21, 'ordinal', True)]
    >>> [(m.text, m.value, m.high) for m in find_numbers("قتل بين 5 و7 ملايين شخص")]
    [('بين 5 و7 ملايين', 5000000, 7000000)]
    >>> [(m.text, m.value) for m in find_numbers("وألف وتسعمائة وخمسة وثمانين، والـ14")]
    [('ألف وتسعمائة وخمسة وثمانين', 1985), ('الـ14', 14)]
    >>> find_numbers("يوم الاثنين في كانون الثاني الساعة 10:30")
    []
    """
    if not text or QUICK_RE.search(fold_digits(text)) is None:
        return []
    rewritten, spans = press_conventions(text)
    rewritten, spans = _bracketed_before_scale(rewritten, spans)
    if rewritten != text:
        out = []
        for m in _find_numbers(rewritten):
            a, b = m.start, m.end
            for sa, sb in spans:
                if sa < b and a < sb:
                    a, b = min(a, sa), max(b, sb)
            out.append(dataclasses.replace(m, start=a, end=b, text=text[a:b]))
        return out
    return _find_numbers(text)


_BRACKETED_RE = recache.compile(r"\(([0-9\u0660-\u0669][0-9\u0660-\u0669.,\u066b\u066c]*)\)(?=\s*([^\W\d_]+))")


def _bracketed_before_scale(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Digits in brackets of their own before a scale word («بـ(30) مليون دولار») are one number
    with it: the brackets become spaces (same length), and the match is widened back over them.

    >>> [(m.text, m.value) for m in find_numbers("شراكة بـ(30) مليون دولار")]
    [('(30) مليون', 30000000)]
    """
    if "(" not in text:
        return text, spans
    out, spans = list(text), list(spans)
    for m in _BRACKETED_RE.finditer(text):
        reading = number_lexicon().analyze(fold_word(m.group(2)))
        if reading is None or reading[0] or reading[2].cls not in ("scale", "dscale"):
            continue  # a scale word, written without a proclitic
        out[m.start()] = out[m.end() - 1] = " "
        spans.append((m.start(), m.end()))
    return "".join(out), spans


def _find_numbers(text: str) -> list[NumberMatch]:
    folded, index = fold_with_map(text, teh_marbuta=True)
    r = Reader(folded, number_lexicon(), text, index)
    out: list[NumberMatch] = []
    kinds, texts, lex = r.kinds, r.texts, r.lex
    i = 0
    while i < r.n:
        # only digits, or an Arabic word that may open a number or a phrase before one (inline: hot loop)
        kind = kinds[i]
        if kind != "n" and (
            kind != "a"
            or (texts[i] not in lex.phrase_heads and texts[i] not in lex.digit_prefix and lex.analyze(texts[i]) is None)
        ):
            i += 1
            continue
        res = parse_at(r, i)
        if res is None:
            i += 1
            continue
        x, y, _, fs = res
        if fs == SKIP:
            i = x.skip_to
            continue
        m = _match(text, index, res, i)
        if m is None:
            i += 1
            continue
        out.append(m)
        i = max((y if y is not None else x).t_next, i + 1)
    return out


#: the closing mark of each bracket a qualified figure may stand in
_CLOSERS = {"(": ")", "«": "»", "[": "]"}


def _match(text: str, index: Sequence[int], res: Parsed, i: int) -> NumberMatch | None:
    """The match for the number parsed at token i, with offsets into *text*; None for the verb ألّف."""
    x, y, qtype, fs = res
    last = y if y is not None else x
    start = index[fs]
    if y is None and x.t_next - i == 1 and _SHADDA in text[start : index[x.fe - 1] + 1] and x.value == 1000:
        return None  # ألّف (with shadda) is the verb "authored"
    end = index[last.fe - 1] + 1
    while end < len(text) and text[end] in TRAILING_MARKS:
        end += 1
    opened = next((c for c in "(«[" if c in text[start:end]), None)
    if opened and end < len(text) and text[end] == _CLOSERS[opened]:
        end += 1  # قرابة (153): the bracket the qualifier stands outside of closes in the span
    return NumberMatch(
        start=start,
        end=end,
        text=text[start:end],
        value=to_number(x.value),
        kind=x.kind,
        written=_written(x, y),
        qualifier=qtype,
        high=to_number(y.value) if y is not None else None,
        definite=x.definite,
    )


def _written(x: Chain, y: Chain | None) -> str:
    digits = x.digits or (y is not None and y.digits)
    words = x.words or (y is not None and y.words)
    if digits and words:
        return "mixed"
    return "digits" if digits else "words"
