"""Numbers written in digits: separators, signs and the press conventions for decimals."""

from __future__ import annotations

from fractions import Fraction

from checker.text import recache
from checker.text.chars import ARABIC_DECIMAL_SEP, ARABIC_THOUSANDS_SEP, BIDI_MARKS, fold_digits

#: exact values while parsing; Fraction only for decimals and fractions
Num = int | Fraction

_SEPARATORS = ".," + ARABIC_DECIMAL_SEP + ARABIC_THOUSANDS_SEP
_DIGITS_FULL_RE = recache.compile(r"[0-9]+(?:[.,\u066b\u066c][0-9]+)*")
_SPLIT_RE = recache.compile(r"[.,\u066b\u066c]")

# Press conventions rewritten (same length) before parsing: a decimal typed right-to-left around
# a bidi mark ("3.\u200f1" is 1.3) or with ر as the separator ("9ر53" is 53.9), and the Arabic
# comma between digits used as a decimal comma ("157،7 مليون").
REVERSED_RE = recache.compile(r"(?<![0-9.,\u066b])([0-9]+)(?:[.\u066b][\u200e\u200f\u061c]|ر)([0-9]+)(?![0-9])")
_AR_COMMA_RE = recache.compile(r"(?<=[0-9])\u060c(?=[0-9])")


def _thousands_ok(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _split_one_kind(seps: list[str], groups: list[str]) -> tuple[list[str], str] | None:
    """Integer groups and decimals when no Arabic decimal separator is present, or None."""
    kinds = set(seps) - {ARABIC_THOUSANDS_SEP}
    if not kinds:
        return (groups, "") if _thousands_ok(groups) else None
    if len(kinds) == 1:
        sep = next(iter(kinds))
        if _thousands_ok(groups) and not (sep == "." and len(seps) == 1 and groups[-1] != "000"):
            return groups, ""  # 1,300 / 1.300.000 / 1,300,000 / 14.000 (no decimal ends in 000): thousands
        if len(seps) == 1:
            return groups[:-1], groups[-1]  # 6,6 / 2.5 / 4.436
        return None
    # both "," and ".": the last one is the decimal separator, the other groups thousands
    last = seps[-1]
    if seps.count(last) != 1 or last == ARABIC_THOUSANDS_SEP:
        return None
    if not _thousands_ok(groups[:-1]):
        return None
    return groups[:-1], groups[-1]


def digits_value(s: str) -> Num | None:
    """Value of a folded digit string (ASCII digits and separators only), or None if malformed."""
    groups = _SPLIT_RE.split(s)
    if len(groups) == 1:
        return int(s)
    seps = [c for c in s if c in _SEPARATORS]
    split: tuple[list[str], str] | None
    if ARABIC_DECIMAL_SEP in seps:
        if seps.count(ARABIC_DECIMAL_SEP) != 1 or seps[-1] != ARABIC_DECIMAL_SEP:
            return None
        split = groups[:-1], groups[-1]
        if len(split[0]) > 1 and not _thousands_ok(split[0]):
            return None
    else:
        split = _split_one_kind(seps, groups)
        if split is None:
            return None
    int_groups, dec = split
    value: Num = int("".join(int_groups))
    if dec:
        value += Fraction(int(dec), 10 ** len(dec))
    return value


def to_number(value: Num) -> float | int:
    """The exact value as an int, or a float (rounded to 4 places unless a finite decimal)."""
    if value.denominator == 1:
        return int(value)
    d = value.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    return float(value) if d == 1 else round(float(value), 4)


def parse_digits(s: str) -> float | int | None:
    """Parse one number written in digits, with optional thousands/decimal separators.

    ``,`` ``.`` and ``٬`` group thousands when every group after the first has exactly three digits
    (a single ``.`` is a decimal point, unless three zeros follow it: no decimal is written 14.000);
    ``٫`` is always a decimal point, and a single ``,``
    not followed by exactly three digits is a decimal comma. A bidi mark right after the decimal
    point means the number was typed right to left (``4.\u200f436`` is 436.4).

    >>> parse_digits("1,300"), parse_digits("1.300.000"), parse_digits("٣٬٥٠٠"), parse_digits("14.000")
    (1300, 1300000, 3500, 14000)
    >>> parse_digits("6,6"), parse_digits("0٫2"), parse_digits("2.5"), parse_digits("4.\u200f436")
    (6.6, 0.2, 2.5, 436.4)
    >>> parse_digits("1,300.75"), parse_digits("-12"), parse_digits("۲۰۱۶")
    (1300.75, -12, 2016)
    >>> parse_digits("1.2.3") is None, parse_digits("12a") is None
    (True, True)
    """
    rev = REVERSED_RE.fullmatch(fold_digits(s.strip()))
    if rev:  # typed right to left around a bidi mark
        s = f"{rev.group(2)}.{rev.group(1)}"
    t = "".join(c for c in fold_digits(s.strip()) if c not in BIDI_MARKS)
    sign = 1
    if t[:1] in ("-", "\u2212"):
        sign, t = -1, t[1:]
    if not _DIGITS_FULL_RE.fullmatch(t):
        return None
    value = digits_value(t)
    return None if value is None else to_number(sign * value)


def press_conventions(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Rewrite the press conventions above; returns the new text (same length) and the rewritten spans."""
    digits = fold_digits(text)
    spans: list[tuple[int, int]] = []
    out = list(text)
    for m in REVERSED_RE.finditer(digits):
        a, b = m.group(1), m.group(2)
        new = f"{b}.{a}"
        new = new + "\u200f" * (m.end() - m.start() - len(new))
        out[m.start() : m.end()] = list(new)
        spans.append((m.start(), m.end()))
    rewritten = _AR_COMMA_RE.sub(",", "".join(out))
    return rewritten, spans
