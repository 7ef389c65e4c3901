"""Counts (number + counted noun), percentages, money and bare numbers."""

from __future__ import annotations

import re
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context, extractor, stem, stopwords
from checker.extract.entities import gazetteer
from checker.normalize.chars import fold_with_map, map_span, match_key
from checker.normalize.numerals import NumberMatch, find_numbers

_LETTER = "\u0621-\u064a\u0671-\u06d3"
# Percent: a sign after (or, in RTL-typed copy, before) the number, or the words في المئة/بالمئة.
PERCENT_AFTER = re.compile(r"\s*(?:%|٪|(?:\s*(?:في|ف|ب)\s*(?:ال)?(?:مئه|مائه|ميه|المئه|المائه)))")
PERCENT_BEFORE = re.compile(r"(?:%|٪)\s*$")
_WORD = re.compile(rf"[{_LETTER}]+")


@lru_cache(maxsize=1)
def _currency_re() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for row in lexicons.load("currencies")["currencies"]:
        for name in row["names"]:
            table[match_key(name)] = row["code"]
    alts = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(table, key=lambda s: (-len(s), s)))
    return re.compile(rf"\s*(?:ال)?(?P<c>{alts})(?![{_LETTER}])"), table


def _fmt(v: float | int) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, float):
        return f"{v:,.4f}".rstrip("0").rstrip(".")
    return f"{v:,}" if abs(v) >= 10000 else str(v)


def display_number(m: NumberMatch) -> str:
    """A short human form: ``7``, ``5–7``, ``~100``, ``>1000``."""
    base = _fmt(m.value)
    if m.high is not None:
        base = f"{base}–{_fmt(m.high)}"
    prefix = {"approx": "~", "more_than": ">", "less_than": "<", "at_least": "≥"}.get(m.qualifier or "", "")
    return prefix + base


def _noun_after(folded: str, index: list[int], end_f: int) -> tuple[str, int, int] | None:
    m = _WORD.match(folded, end_f + (1 if end_f < len(folded) and folded[end_f] == " " else 0))
    if not m or m.start() - end_f > 2:
        return None
    word = m.group()
    if word in stopwords() or len(word) < 2:
        return None
    a, b = map_span(index, m.start(), m.end())
    return word, a, b


def _noun_before(folded: str, index: list[int], start_f: int) -> tuple[str, int, int] | None:
    """For definite numbers after their noun: الدول السبع، الدول الأعضاء الـ26."""
    head = folded[max(0, start_f - 40) : start_f]
    words = list(_WORD.finditer(head))[-2:]
    if not words:
        return None
    offset = max(0, start_f - 40)
    list_nouns = gazetteer().list_nouns
    pick = words[-1]
    for w in words:
        if w.group() in list_nouns:
            pick = w
    if pick.group() in stopwords():
        return None
    a, b = map_span(index, offset + pick.start(), offset + pick.end())
    return pick.group(), a, b


@extractor("quantities")
def extract_quantities(ctx: Context) -> None:
    text = ctx.text
    folded, index = fold_with_map(text, teh_marbuta=True)
    # folded offsets of each original offset (first folded char at or after it)
    back = [0] * (len(text) + 1)
    j = 0
    for i in range(len(text) + 1):
        while j < len(index) - 1 and index[j] < i:
            j += 1
        back[i] = j
    cur_re, cur_table = _currency_re()
    for m in find_numbers(text):
        if ctx.overlaps_taken(m.start, m.end):
            continue
        s_f, e_f = back[m.start], back[m.end]
        attrs: list[tuple[str, object]] = [("written", m.written)]
        if m.qualifier:
            attrs.append(("qualifier", m.qualifier))
        if m.high is not None:
            attrs.append(("high", m.high))
        value: object = m.value
        disp = display_number(m)
        pm = PERCENT_AFTER.match(folded, e_f)
        if pm or PERCENT_BEFORE.search(folded[max(0, s_f - 3) : s_f]):
            end = map_span(index, pm.start(), pm.end())[1] if pm else m.end
            ctx.add("percent", "", value, disp + "%", m.start, end, "numbers.percent", attrs)
            continue
        cm = cur_re.match(folded, e_f)
        if cm:
            code = cur_table[" ".join(cm.group("c").split())]
            end = map_span(index, cm.start("c"), cm.end("c"))[1]
            money = {"amount": m.value, "currency": code}
            if m.high is not None:
                money["high"] = m.high
            ctx.add("money", code, money, f"{disp} {code}", m.start, end, "numbers.money", attrs)
            continue
        if m.kind == "ordinal":
            noun = _noun_after(folded, index, e_f)
            key = stem(noun[0]) if noun else ""
            ctx.add("count", key, value, disp, m.start, m.end, "numbers.ordinal", [*attrs, ("kind", "ordinal")])
            continue
        noun = None if m.definite else _noun_after(folded, index, e_f)
        if noun is None and (m.definite or m.written == "words"):
            noun = _noun_before(folded, index, s_f)
        if noun is None:
            ctx.add("number", "", value, disp, m.start, m.end, "numbers.bare", attrs)
            continue
        _word, na, nb = noun
        attrs.append(("noun", text[na:nb]))
        ctx.add("count", stem(text[na:nb]), value, disp, m.start, m.end, "numbers.count", attrs)
