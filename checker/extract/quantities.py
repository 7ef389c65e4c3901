"""Counts (number + counted noun), percentages, money and bare numbers."""

from __future__ import annotations

import bisect
import dataclasses
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from checker import lexicons
from checker.extract import figure_context as fc
from checker.extract.base import Context, counted_key, extractor, stem, stopwords
from checker.extract.entities import gazetteer
from checker.extract.figure_context import after_edition_head, measure_abbreviation, unit_sizes
from checker.grammar.numerals import NumberMatch, find_numbers, word_entry
from checker.grammar.numerals.vague import with_vague
from checker.text import recache
from checker.text.chars import LETTERS, fold_digits, map_span, match_key

#: figures at or beyond this are not compared (float precision ends long before)
MAX_FIGURE = 10**15
# Percent: a sign after (or, in RTL-typed copy, before) the number, or the words في المئة/بالمئة.
PERCENT_AFTER = recache.compile(r"\s*(?:%|٪|(?:\s*(?:في|ف|ب)\s*(?:ال)?(?:مئه|مائه|ميه|المئه|المائه)))")
PERCENT_BEFORE = recache.compile(r"(?:%|٪)\s*$")
_WORD = recache.compile(rf"[{LETTERS}]+")


@lru_cache(maxsize=1)
def _currency_re() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for row in lexicons.load("currencies")["currencies"]:
        for name in row["names"]:
            table[match_key(name)] = row["code"]
    alts = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(table, key=lambda s: (-len(s), s)))
    return recache.compile(rf"\s*(?:ال)?(?P<c>{alts})(?![{LETTERS}])"), table


#: a fraction word's value is shown as the fraction (ثلث: 1/3), its denominator at most this
MAX_DENOMINATOR = 12


def _fmt(v: float | int) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, float):
        return f"{v:,.4f}".rstrip("0").rstrip(".")
    return f"{v:,}" if abs(v) >= 10000 else str(v)


def display_number(m: NumberMatch) -> str:
    """A short human form: ``7``, ``5–7``, ``~100``, ``>1000``, ``~1/3`` (نحو ثلث)."""
    base = _fmt(m.value)
    if m.kind == "fraction" and m.high is None and 0 < float(m.value) < 1:
        base = str(Fraction(float(m.value)).limit_denominator(MAX_DENOMINATOR))
    if m.high is not None:
        base = f"{base}–{_fmt(m.high)}"
    marks = {"approx": "~", "more_than": ">", "less_than": "<", "at_least": "≥", "at_most": "≤"}
    prefix = marks.get(m.qualifier or "", "")
    return prefix + base


@lru_cache(maxsize=1)
def counted_nouns() -> frozenset[str]:
    """Stems of the nouns the lexicon knows as counted (plurals, their singulars, units, list nouns)."""
    data = lexicons.load("nouns")
    words = [*data["plurals"], *data["plurals"].values()]
    for unit in data["units"]:
        words += [unit["name"], *unit.get("forms", [])]
    words += list(gazetteer().list_nouns)
    return frozenset(stem(w) for w in words)


@lru_cache(maxsize=1)
def _measures() -> frozenset[str]:
    """Stems of the units of measure (``units`` in nouns.yaml), which may count fractions."""
    return frozenset(stem(w) for u in lexicons.load("nouns")["units"] for w in (u["name"], *u.get("forms", [])))


#: one dot before exactly three digits: 12.450 (a decimal or thousands, by what is counted)
_DOT_THOUSANDS = recache.compile(r"[0-9]{1,3}[.\u066b][0-9]{3}")


@lru_cache(maxsize=1)
def _anaphoric() -> frozenset[str]:
    return frozenset(stem(w) for w in lexicons.load("nouns").get("anaphoric", []))


@lru_cache(maxsize=1)
def _identifier_heads() -> frozenset[str]:
    return frozenset(match_key(w) for w in lexicons.load("nouns").get("identifier_heads", []))


@lru_cache(maxsize=1)
def _brands() -> frozenset[str]:
    """One-word companies and brands of ``known_orgs.yaml`` (بوينغ، إيرباص), folded: a number right
    after one is a model (بوينغ 777), not a count."""
    return frozenset(k for w in lexicons.load("known_orgs").get("companies", []) if " " not in (k := match_key(w)))


def _identifier_head(folded: str, start_f: int, year: bool = False) -> str | None:
    """The noun right before a number when it marks an identifier (رقم، المادة) or a model (بوينغ
    777; not a year: أرامكو 2015), else None."""
    head = folded[max(0, start_f - 30) : start_f].rstrip(" (")
    words = _WORD.findall(head[-20:])
    if (
        words
        and head.endswith(words[-1])
        and (words[-1] in _identifier_heads() or (words[-1] in _brands() and not year))
    ):
        return words[-1]
    return None


_ITEM_RE = recache.compile(r"\s*[-–).]\s")


def _is_item_number(text: str, m: NumberMatch) -> bool:
    """A digit number opening a line and followed by "-", ")" or "." then a space: a list item."""
    if m.written != "digits":
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start : m.start].strip() and bool(_ITEM_RE.match(text, m.end))


def _is_bare_year(m: NumberMatch) -> bool:
    """A plain four-digit number from 1900 to 2100 with no counted noun reads as a year."""
    return (
        m.written == "digits"
        and isinstance(m.value, int)
        and 1900 <= m.value <= 2100
        and len(m.text.strip()) == 4
        and m.qualifier is None
        and m.high is None
        and not m.definite
    )


#: digits joined by a plus (5+1): a name (مجموعة 5+1), not a figure
_NAME_SUM = recache.compile(r"\d\s?\+\s?\d")
_MANTISSA = recache.compile(r"\d+(?:[.\u066b]\d+)?")
_GROUPED = recache.compile(r"(?<![\d.,])\d{1,3}(?:([.,\u066c])\d{3})(?:\1\d{3})+(?![\d.,])")


def _smallest_scale(text: str) -> int | None:
    """The smallest scale word (ألف، مليون…) of a number written in words, per the numeral lexicon."""
    entries = [word_entry(w) for w in text.split()]
    scales = [e.scale for e in entries if e is not None and e.cls in ("scale", "dscale")]
    return min(scales) if scales else None


def _half_unit(m: NumberMatch) -> float:
    """Half a unit of the last written digit: "945 مليون" is 944.5 to 945.5 million. A sum in words down
    to a scale word stands for its whole last unit with three figures or more, half of it otherwise."""
    if m.written == "words":
        unit = _smallest_scale(m.text)
        if not unit or not m.value:
            return 0.0
        return float(unit) if abs(float(m.value)) / unit >= 100 else unit / 2
    if _GROUPED.search(fold_digits(m.text)):
        return 0.5  # 1.059.593.121: grouped thousands, exact to the unit
    digits = _MANTISSA.search(fold_digits(m.text).replace(",", ""))
    if not digits:
        return 0.0
    mantissa = float(digits.group().replace("\u066b", "."))
    if not mantissa:
        return 0.0
    frac = digits.group().split(".")[1] if "." in digits.group() else ""
    scale = float(m.value) / mantissa if m.value else 1.0
    return 0.5 * 10 ** -len(frac) * abs(scale)


def _noun_after(folded: str, index: Sequence[int], end_f: int, genitive: bool = False) -> tuple[str, int, int] | None:
    """The word after a number, if it can be what it counts; after hundreds (*genitive*) a counted
    singular that is also a verb is the noun (100 طالب)."""
    m = _WORD.match(folded, end_f + (1 if end_f < len(folded) and folded[end_f] == " " else 0))
    if not m or m.start() - end_f > 2 or len(m.group()) < 2:
        return None
    word = m.group()
    bare = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    noun = genitive and len(word) > 2 and not word.startswith("ال") and stem(word) in counted_nouns()
    if (word in stopwords() or bare in stopwords()) and not noun:
        return None
    a, b = map_span(index, m.start(), m.end())
    return word, a, b


_PARTITIVE = recache.compile(r" ?من (?=\w)")


def _partitive_noun(folded: str, index: Sequence[int], end_f: int) -> tuple[str, int, int] | None:
    """The noun after «من» right after a number with none of its own (خمسة من ناشطيها، تسعة من قوات النظام)."""
    m = _PARTITIVE.match(folded, end_f)
    if not m:
        return None
    start = m.end() - 1
    elative = _ELATIVE_AFTER.match(folded, m.end())
    if elative and stem(elative.group().strip()) not in _NOT_PARTITIVE:  # not «من أصل»
        # «ثلاثة من أبرز اللاعبين»، «عشرة من أكثر المشجعين»: the noun after the elative
        start = elative.end() - 1
    noun = _noun_after(folded, index, start)
    if noun is None or stem(noun[0]) in _NOT_PARTITIVE:
        return None
    return noun


#: an elative (أفعل: أبرز، أكثر، أهم) after من, then a space: the noun comes after it
_ELATIVE_AFTER = recache.compile(r"ا[^\W\d_]{2,3} (?=\w)")

#: «من أصل 26», «من بين»: no counted noun after من
_NOT_PARTITIVE = frozenset({"اصل", "بين", "جديد", "قبل", "بعد", "خلال", "جانب", "جهه"})


_AND_FRACTION = recache.compile(r"\s+و(\w+)")


def _fraction_after(text: str, noun_end: int) -> tuple[int, float] | None:
    """«ونصف / وربع» right after the counted noun: (where it ends, the fraction)."""
    m = _AND_FRACTION.match(text, noun_end)
    if not m:
        return None
    entry = word_entry(m.group(1))
    return (m.end(), float(entry.value)) if entry is not None and entry.cls == "frac" and entry.addable else None


def _others_after(folded: str, index: Sequence[int], end: int) -> bool:
    """Whether «آخرين / آخرون / أخرى» follows the counted noun (ستة مسؤولين آخرين: six others)."""
    end_f = bisect.bisect_left(index, end) if index else end
    nxt = _noun_after(folded, index, end_f)
    return nxt is not None and stem(nxt[0]) in _anaphoric()


def _noun_before(folded: str, index: Sequence[int], start_f: int) -> tuple[str, int, int] | None:
    """For definite numbers after their noun: الشركات الخمس، الفرق المشاركة الـ14."""
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


#: words after a number that make it a time of day
CLOCK_AFTER = recache.compile(r"\s*(?:بتوقيت|صباحا|مساء|ظهرا|فجرا|عصرا|ليلا)(?![^\W\d_])")
#: a day of a month named by where it stands (الثلاثاء 26 من الشهر الجاري): a date, not a figure
MONTH_DAY_AFTER = recache.compile(
    r"\s*(?:(?:من\s+)?(?:ال)?شهر\s+(?:الجاري|الحالي|المقبل|القادم|الماضي)|من\s+الشهر)(?![^\W\d_])"
)


def _after_a_day(ctx: Context, start: int) -> bool:
    """A weekday with no day word or modifier (يوم الأربعاء, not أمس or الأحد الماضي) ends right
    before *start*, with nothing or the article (الـ) between."""
    for f in ctx.facts:
        if f.type == "date" and f.end <= start <= f.end + 5 and ctx.text[f.end : start].strip(" \u0640") in ("", "ال"):
            if f.attr("bare_weekday"):
                return True
    return False


def _nothing_counted(ctx: Context, end: int) -> bool:
    """No noun follows the number at *end*: the text ends, punctuation, a function word or a verb
    comes («الأربعاء 27 تنظم»)."""
    rest = ctx.text[end : end + 40].split()
    return not rest or not rest[0][:1].isalpha() or match_key(rest[0]) in stopwords() or _verb_like(rest[0])


#: endings of nouns and adjectives (a plural, a feminine, an accusative), never of «تنظم، يقام»
_NOMINAL_ENDINGS = ("ة", "ه", "ات", "ين", "ون", "ا", "اء", "ي")


def _verb_like(word: str) -> bool:
    """An imperfect verb, as far as the letters tell: ت or ي before three to five letters, no
    nominal ending, and no noun the lexicon knows as counted (تنظم، يقام، تنطلق)."""
    w = match_key(word)
    return (
        w[:1] in ("ت", "ي")
        and 4 <= len(w) <= 6
        and not w.endswith(_NOMINAL_ENDINGS)
        and stem(word) not in counted_nouns()
    )


@dataclass
class _Figure:
    """One number found in the text, with what the handlers below need to classify it."""

    m: NumberMatch
    s_f: int  # folded start
    e_f: int  # folded end: where what the figure is of is read (past a closing bracket)
    attrs: list[tuple[str, object]]
    disp: str


@extractor("quantities")
def extract_quantities(ctx: Context) -> None:
    """Percentages, money, identifiers, ordinals, counts with their noun, bare years and numbers."""
    folded, index = ctx.folded()
    back = _folded_offsets(len(ctx.text), index)
    found = with_vague(find_numbers(ctx.text), ctx.text, ctx.folded())  # and «عشرات الأشخاص»: a range
    scores = fc.scores(ctx.text, found)
    for m in found:
        if m.start in scores:
            continue  # «التفوق 5-4 بركلات الترجيح»: a score, not two figures
        if ctx.overlaps_taken(m.start, m.end) or abs(m.value) >= MAX_FIGURE:
            continue  # a 400-digit run is an identifier or noise, not a figure
        fig = _Figure(
            m,
            back[m.start],
            _past_bracket(folded, back[m.start], back[m.end]),
            _figure_attrs(ctx, m),
            display_number(m),
        )
        if CLOCK_AFTER.match(folded, fig.e_f) or (m.value <= 31 and MONTH_DAY_AFTER.match(folded, fig.e_f)):
            continue  # 0213 بتوقيت غرينتش، 9 صباحا: a time of day; 26 الشهر الجاري: a day; not figures
        if m.value <= 31 and m.value == int(m.value) and _nothing_counted(ctx, m.end) and _after_a_day(ctx, m.start):
            continue  # «يوم الأربعاء 27 على ملعب»: the day of the month (not «الخميس 12 إصابة»)
        if _NAME_SUM.search(ctx.text[max(0, m.start - 2) : m.end + 2]):
            continue  # مجموعة 5+1، صيغة 4+4: a name written with a plus, not two figures
        for handler in (_percent, _money, _identifier, _ordinal, _count_or_bare):
            if handler(ctx, fig, folded, index):
                break


def _past_bracket(folded: str, start_f: int, end_f: int) -> int:
    """Where the words after a figure start: past its own brackets or quotation marks (لـ(14) مدينة)."""
    pair = folded[max(0, start_f - 1) : start_f] + folded[end_f : end_f + 1]
    return end_f + 1 if pair in _OWN_MARKS else end_f


#: brackets and quotation marks that may hold a figure on its own
_OWN_MARKS = frozenset({"()", '""', "«»", "“”"})


def _folded_offsets(length: int, index: Sequence[int]) -> Sequence[int]:
    """Folded offset of each original offset (the first folded character at or after it)."""
    back = array("q", bytes(8 * (length + 1)))
    j = 0
    for i in range(length + 1):
        while j < len(index) - 1 and index[j] < i:
            j += 1
        back[i] = j
    return back


@lru_cache(maxsize=1)
def _periods() -> list[tuple[str, str]]:
    """(folded phrase, period id) of ``reporting_periods`` in dates.yaml, longest first."""
    table = lexicons.load("dates").get("reporting_periods", {})
    pairs = [(match_key(w), pid) for pid, words in table.items() for w in words]
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


def _period(ctx: Context, start: int) -> str | None:
    """The reporting period (الربع الثاني، النصف الأول) named last before *start* in its sentence."""
    an = ctx.analysis
    if not an.tokens:
        return None
    lo, _hi = an.sentences[ctx.sentence_at(start)]
    before = match_key(ctx.text[an.tokens[lo].start : start])
    found = [(before.rfind(phrase), pid) for phrase, pid in _periods() if phrase in before]
    return max(found)[1] if found else None


def _figure_attrs(ctx: Context, m: NumberMatch) -> list[tuple[str, object]]:
    attrs: list[tuple[str, object]] = [("written", m.written), ("lead", list(ctx.lead_words(m.start)))]
    period = _period(ctx, m.start)
    if period:
        attrs.append(("period", period))
    half = _half_unit(m)
    if half:
        attrs.append(("rounding", half))
    if m.qualifier:
        attrs.append(("qualifier", m.qualifier))
    if m.high is not None:
        attrs.append(("high", m.high))
    return attrs


def _percent(ctx: Context, fig: _Figure, folded: str, index: Sequence[int]) -> bool:
    m = fig.m
    pm = PERCENT_AFTER.match(folded, fig.e_f)
    if not (pm or PERCENT_BEFORE.search(folded[max(0, fig.s_f - 3) : fig.s_f])):
        return False
    end = map_span(index, pm.start(), pm.end())[1] if pm else m.end
    if "(" in ctx.text[m.start : end] and ctx.text[end : end + 1] == ")":
        end += 1  # نحو (38 %): the bracket the qualifier stands outside of
    ctx.add("percent", "", m.value, fig.disp + "%", m.start, end, "numbers.percent", fig.attrs)
    return True


def _money(ctx: Context, fig: _Figure, folded: str, index: Sequence[int]) -> bool:
    m = fig.m
    cur_re, cur_table = _currency_re()
    cm = cur_re.match(folded, fig.e_f)
    if not cm:
        return False
    code = cur_table[" ".join(cm.group("c").split())]
    end = map_span(index, cm.start("c"), cm.end("c"))[1]
    money = {"amount": m.value, "currency": code}
    if m.high is not None:
        money["high"] = m.high
    # an amount in brackets of its own is quoted with both brackets: (87.390.000) ريال
    start = m.start - 1 if fig.e_f > fig.s_f and folded[fig.e_f - 1] == ")" else m.start
    ctx.add("money", "", money, f"{fig.disp} {code}", start, end, "numbers.money", fig.attrs)
    return True


def _identifier(ctx: Context, fig: _Figure, folded: str, index: Sequence[int]) -> bool:
    """المادة 103، رقم 5، "2 - ..." at the start of a line: a number that names, not counts."""
    m = fig.m
    head = _identifier_head(folded, fig.s_f, _is_bare_year(m))
    if head is None and not _is_item_number(ctx.text, m):
        return False
    key = stem(head) if head else "item"
    attrs = [*fig.attrs, ("kind", "ordinal"), ("identifier", True)]
    ctx.add("ordinal", key, m.value, fig.disp, m.start, m.end, "numbers.identifier", attrs)
    return True


def _ordinal(ctx: Context, fig: _Figure, folded: str, index: Sequence[int]) -> bool:
    """An ordinal is an adjective after its noun: المشهد الثالث، الدورة الخامسة والعشرين."""
    m = fig.m
    if m.kind != "ordinal":
        return False
    noun = _noun_before(folded, index, fig.s_f)
    key = stem(ctx.text[noun[1] : noun[2]]) if noun else ""
    ctx.add("ordinal", key, m.value, fig.disp, m.start, m.end, "numbers.ordinal", [*fig.attrs, ("kind", "ordinal")])
    return True


def _count_or_bare(ctx: Context, fig: _Figure, folded: str, index: Sequence[int]) -> bool:
    """A count with the noun it counts; else a bare year (a date) or a bare number."""
    m, text = fig.m, ctx.text
    lone_one = m.written == "words" and m.value == 1  # «يوم واحد من الإعلان»: "a single", no share of a whole
    glued = text[m.end : m.end + 1].isalpha()  # «ال90عاما»: a definite number glued to its noun counts it
    noun = (
        None
        if m.definite and not glued
        else _noun_after(folded, index, fig.e_f, fc.takes_genitive(m) and not _is_bare_year(m))
    )
    if noun is None and not m.definite and not lone_one:
        noun = _partitive_noun(folded, index, fig.e_f)
    if noun is not None and _is_bare_year(m) and stem(text[noun[1] : noun[2]]) not in counted_nouns():
        noun = None  # الانتفاضة الأولى 1987 صادر: a year followed by a word it does not count
    if noun is None and m.written == "vague":
        return True  # «أصيب العشرات»: with nothing counted after it, a vague amount says nothing to compare
    if noun is None and (m.definite or m.written == "words"):
        noun = _noun_before(folded, index, fig.s_f)
    measure = measure_abbreviation(folded, fig.s_f, fig.e_f) if noun is None else None
    if measure is not None:  # بعمق 20م: metres
        noun = (measure[0], *map_span(index, measure[1], measure[2]))
    if noun is None:
        if m.kind == "fraction" or (m.written == "words" and m.value == 1):
            return True  # a bare النصف / ثلث is "half of ...", a bare واحد "one, single": not figures
        if _is_bare_year(m):
            year = int(m.value)
            value_d = {"first": f"{year}-01-01", "last": f"{year}-12-31", "granularity": "year"}
            key = "edition" if after_edition_head(folded, fig.s_f) else ""  # كأس شرق آسيا 2015
            ctx.add("date", key, value_d, str(year), m.start, m.end, "numbers.year", [("relative", False)])
            return True
        ctx.add("number", "", m.value, fig.disp, m.start, m.end, "numbers.bare", fig.attrs)
        return True
    _word, na, nb = noun
    named = measure[0] if measure is not None else text[na:nb]
    key = (stem if m.definite and not glued else counted_key)(named)  # «للعام الـ84» ranks: no synonym
    if _DOT_THOUSANDS.fullmatch(fold_digits(m.text)) and key not in _measures():
        # 12.450 زائرا: a dot before three digits groups thousands when what is counted comes whole
        m = dataclasses.replace(m, value=round(float(m.value) * 1000))
        fig.disp, fig.attrs = display_number(m), [(k, 0.5 if k == "rounding" else v) for k, v in fig.attrs]
    others = key not in _anaphoric() and _others_after(folded, index, nb)  # «10 آخرون» takes the noun before
    if key in _anaphoric():
        # "وأصيب 10 آخرون": what the word before says it counts, else the noun of the count before
        prev = [f for f in ctx.facts if f.type == "count" and f.sentence == ctx.sentence_at(m.start)]
        if event := fc.event_before(folded, bisect.bisect_left(index, m.start)) or (prev and prev[-1].key):
            key = event
    window = fc.time_window(folded, bisect.bisect_left(index, max(nb, m.end)), key)  # خلال 24 ساعة الماضية
    attrs = [*fig.attrs, ("noun", text[na:nb])] + [
        (k, True) for k, on in (("others", others), ("window", window)) if on
    ]
    if key in unit_sizes():
        attrs.append(("unit", unit_sizes()[key]))  # ثلث الساعة: 1/3 of 3,600 seconds
    end, value, disp = m.end, m.value, fig.disp
    half = _fraction_after(text, nb) if m.high is None and not m.definite else None
    if half is not None:  # أربع ساعات ونصف: four and a half hours
        end, value = half[0], float(m.value) + half[1]
        disp = display_number(dataclasses.replace(m, value=value))
    ctx.add("count", key, value, disp, m.start, end, "numbers.count", attrs)
    return True
