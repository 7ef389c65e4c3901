"""Dates: absolute, relative and Hijri expressions, resolved against the article's reference date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import lru_cache
from typing import Any

from checker import lexicons
from checker.extract.base import Context, extractor
from checker.grammar.dates import DateMatch, find_dates
from checker.grammar.dates.hijri import as_hijri_month
from checker.grammar.dates.lexicon import variants
from checker.model import WEEKDAYS

#: how a display marks the day a relative word gives when the weekday beside it names another
#: (the phrase ``by_day_word`` of the report strings)
BY_DAY_WORD = "by the day word"


def date_value(m: DateMatch) -> dict[str, str | None]:
    return {
        "first": m.first.isoformat() if m.first else None,
        "last": m.last.isoformat() if m.last else None,
        "granularity": m.granularity,
    }


def display_date(m: DateMatch) -> str:
    """``2016-01-20``, ``2016-02`` (a calendar month), ``2016`` (a calendar year, as a bare year is
    shown), ``2016-02-08..2016-02-14 (week)``, or the text marked ``(unresolved)``."""
    if m.first is None or m.last is None:
        return f"{' '.join(m.text.split())} (unresolved)"
    if m.first == m.last:
        return m.first.isoformat()
    first, last = m.first, m.last
    if m.granularity == "year" and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        if first.year == last.year:
            return str(first.year)
    if m.granularity == "month" and first.day == 1 and (last + dt.timedelta(days=1)).day == 1:
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.year}-{first.month:02d}"
    return f"{first.isoformat()}..{last.isoformat()} ({m.granularity})"


def weekday_fixed(m: DateMatch) -> DateMatch:
    """A relative day with a weekday written beside it (اليوم الاثنين، أمس الأول الجمعة) is the day
    of that weekday nearest to the one the relative word gives: the weekday is the precise
    statement, and the date the relative word is resolved against (a crawl date, an inferred date)
    may be a day off. Where the two disagree the fact keeps ``said_day`` and lint LN104 says so."""
    if not (m.relative and m.weekday is not None and m.first is not None and m.first == m.last):
        return m
    shift = (m.weekday - m.first.weekday() + 3) % 7 - 3
    if shift == 0:
        return m
    day = m.first + dt.timedelta(days=shift)
    return dataclasses.replace(m, first=day, last=day)


@extractor("dates")
def extract_dates(ctx: Context) -> None:
    calendar = "gregorian"  # of the last date written with its month (17/10/1436هـ, 2 أغسطس)
    for found in find_dates(ctx.text, ctx.ref):
        if found.month is not None and not found.relative:
            calendar = found.calendar
        elif calendar == "hijri" and _relative_month(found) and ctx.ref is not None:
            span = as_hijri_month(found.first, found.last, ctx.ref)  # type: ignore[arg-type]
            if span is not None:  # «17/10/1436هـ … نهاية الشهر الجاري»: the end of Shawwal
                found = dataclasses.replace(found, first=span[0], last=span[1], calendar="hijri")
        if _from_an_event(ctx.text, found):
            continue  # بعد يوم واحد من تأكيد وفاته: counted from an event, not from the publication date
        if _figurative(ctx.text, found):
            continue  # الذي كان يجمعهم بالأمس، لا تجد فيه اليوم: the past, the present, no day
        m = weekday_fixed(found)  # the written weekday decides the day
        attrs: list[tuple[str, object]] = [
            ("relative", m.relative),
            ("calendar", m.calendar),
            ("written", [m.day, m.month, m.year]),
        ]
        if m.weekday is not None:
            attrs.append(("weekday", WEEKDAYS[m.weekday]))
            if _bare_weekday(m):
                attrs.append(("bare_weekday", True))
        if m.year_inferred:
            attrs.append(("year_inferred", True))
        if m.relative and _anaphoric(m.text):
            attrs.append(("anaphoric", True))
        shown = display_date(m)
        if said_on(ctx.text, m.start):
            attrs.append(("speech", True))
        part = part_of_day(ctx.text, m.start, m.end) if m.first is not None and m.first == m.last else None
        if part:
            attrs.append(("part", part))
            shown = f"{shown} ({part})"
        if m.first != found.first and found.first is not None:
            attrs.append(("said_day", found.first.isoformat()))  # what the relative word alone gives
            shown = f"{shown} ({found.first.isoformat()} {BY_DAY_WORD})"
        offset = _day_offset(m, ctx.ref)
        if offset is not None:
            attrs.append(("day_offset", offset))  # اليوم 0، أمس -1، أول أمس -2، الغد 1
        ctx.add("date", "", date_value(m), shown, m.start, m.end, "dates", attrs)
    _date_by_weekdays(ctx)


def _relative_month(m: DateMatch) -> bool:
    """«الشهر الجاري / الماضي / المقبل» (and a part of it): a month counted from the publication date."""
    return m.relative and m.granularity == "month" and m.month is None and m.first is not None


#: the day words whose offset from the publication date is kept (أول أمس … بعد غد)
MAX_DAY_OFFSET = 2


def _day_offset(m: DateMatch, ref: dt.date | None) -> int | None:
    """How many days from the publication date a bare relative day word (no weekday) names."""
    if not (m.relative and ref and m.weekday is None and m.first is not None and m.first == m.last):
        return None
    if m.granularity != "day":
        return None
    offset = (m.first - ref).days
    return offset if abs(offset) <= MAX_DAY_OFFSET else None


def _date_by_weekdays(ctx: Context) -> None:
    """An article whose relative days with a weekday all name the day before the one their day
    word gives against its publication date («اليوم السبت»، «غدا الأحد» in an article stamped
    Sunday) was written the day before: the stamp is the day the copy was fetched. Its bare day
    words (اليوم، أمس، الغد) are then resolved against that day, and marked ``weekday_dated``."""
    lags = set()
    for f in ctx.facts:
        if f.type != "date" or not (f.attr("relative") and f.attr("weekday") and f.value["first"] and ctx.ref):
            continue
        said = dt.date.fromisoformat(f.attr("said_day") or f.value["first"])
        if abs((said - ctx.ref).days) <= MAX_DAY_OFFSET and not f.attr("bare_weekday"):  # a day word's weekday,
            lags.add((said - dt.date.fromisoformat(f.value["first"])).days)  # not «السبت المقبل»
    if lags != {1}:
        return  # no weekday beside a day word, or one that fits the stamp: the stamp is the day
    for i, f in enumerate(ctx.facts):
        if f.type != "date" or f.attr("day_offset") is None:
            continue
        day = (dt.date.fromisoformat(f.value["first"]) - dt.timedelta(days=1)).isoformat()
        value = {**f.value, "first": day, "last": day}
        shown = day + f.display[len(f.value["first"]) :] if f.display.startswith(f.value["first"]) else f.display
        ctx.facts[i] = dataclasses.replace(f, value=value, display=shown, attrs=(*f.attrs, ("weekday_dated", True)))


@lru_cache(maxsize=1)
def _anaphoric_words() -> frozenset[str]:
    return frozenset(k for w in lexicons.load("dates").get("anaphoric_relative", []) for k in variants(w))


def _anaphoric(text: str) -> bool:
    """Whether a relative date counts from a date named before (الشهر السابق), not from today."""
    words = _anaphoric_words()
    return any(k in words for w in text.split() for k in variants(w))


#: words before a verb that make it habitual or general (كان يجمعهم، لا تجد): a day word after them
#: names a time, not a day
_HABITUAL = frozenset({"كان", "كانت", "كانوا", "كنا", "كنت", "لا"})
#: how many words before a day word are read for a habitual verb
HABITUAL_WORDS = 3


def _figurative(text: str, m: DateMatch) -> bool:
    """A bare day word (اليوم، أمس; no weekday) after a habitual or negated present verb in its clause
    («الذي كان يجمعهم بالأمس»، «لا تجد فيه اليوم القصائد»): the old days, nowadays.

    >>> t = "سوق عكاظ الذي كان يجمعهم بالأمس، وعكاظ لا تجد فيه اليوم القصائد، وافتتح أمس"
    >>> [(x.text, _figurative(t, x)) for x in find_dates(t, dt.date(2015, 8, 2))]
    [('الأمس', True), ('اليوم', True), ('أمس', False)]
    """
    if not (m.relative and m.weekday is None and m.granularity == "day"):
        return False
    clause = re.split(r"[،,.؛:!؟?\n]", text[max(0, m.start - 60) : m.start])[-1]
    words = clause.split()[-HABITUAL_WORDS:]
    return any(
        w in _HABITUAL and k + 1 < len(words) and words[k + 1][:1] in "يتنأ" and len(words[k + 1]) >= 3
        for k, w in enumerate(words)
    )


_OFFSET_HEADS = ("بعد", "قبل")
_ONE = ("واحد", "واحدة", "فقط")


def _from_an_event(text: str, m: DateMatch) -> bool:
    """An offset (بعد يوم، قبل أسبوع) followed by «من» and an event (not a place: «وصل قبل يومين
    من الرياض»): its date counts from that event.

    >>> from checker.grammar.dates import find_dates
    >>> t = "وجاء ذلك بعد يوم واحد من تأكيد وفاته"
    >>> [_from_an_event(t, m) for m in find_dates(t, dt.date(2015, 8, 2))]
    [True]
    """
    if not m.text.startswith(_OFFSET_HEADS):
        return False
    rest = text[m.end : m.end + 40]
    after = [w.strip("،,.") for w in rest.split()[:3]]
    while after and after[0] in _ONE:
        after.pop(0)
    if not after or after[0] != "من":
        return False
    from checker.extract.entities import find_entities

    tail = rest[rest.find("من") + 2 :].lstrip()
    return not any(a == 0 for a, _b, _eid, _how in find_entities(tail))


@lru_cache(maxsize=1)
def _speech_verbs() -> dict[str, bool]:
    """The verbs of saying of ``rules/lexicons/titles.yaml`` (``speech_verbs``, shared with quotes)."""
    return {k: True for w in lexicons.load("titles").get("speech_verbs", []) for k in variants(w)}


#: how many words before a date a verb of saying may stand (its subject between them)
SPEECH_REACH = 4


def said_on(text: str, start: int) -> bool:
    """Whether the date at *start* follows a verb of saying in its clause (قالت الخارجية الروسية
    أمس): the day of the statement.

    >>> said_on("وقالت الخارجية الروسية أمس السبت: إن", 23), said_on("وصل الوزير أمس", 11)
    (True, False)
    """
    clause = text[max(0, start - 80) : start]
    cut = max(clause.rfind(c) for c in ".؛:!؟\n،,")
    return any(_lookup(w, _speech_verbs()) for w in clause[cut + 1 :].split()[-SPEECH_REACH:])


def _bare_weekday(m: DateMatch) -> bool:
    """A weekday alone (الثلاثاء، يوم الثلاثاء): no date and no word saying which week — the
    last one or the next (a report may announce what a minister does on Tuesday)."""
    words = m.text.split()
    return m.day is None and m.month is None and (len(words) == 1 or (len(words) == 2 and words[0] == "يوم"))


@lru_cache(maxsize=1)
def _parts() -> dict[str, str]:
    """Folded word -> part of the day (``parts_of_day`` in ``rules/lexicons/dates.yaml``)."""
    table = lexicons.load("dates").get("parts_of_day", {})
    return {k: part for part, words in table.items() for w in words for k in variants(w)}


def _lookup(word: str, table: dict[str, Any]) -> Any:
    """*table*'s entry for a written word (its letters only), also without a glued و or ف."""
    bare = "".join(ch for ch in word if ch.isalpha())
    for form in (bare, bare[1:] if bare[:1] in "وف" else ""):
        hit = next((table[k] for k in variants(form) if k in table), None) if form else None
        if hit:
            return hit
    return None


def part_of_day(text: str, start: int, end: int) -> str | None:
    """The part of the day written just before a day (مساء اليوم، ومساء أمس) or just after it
    (أمس صباحا).

    >>> part_of_day("باشر مساء اليوم الأحد الحادث", 10, 21), part_of_day("وصل أمس صباحاً إلى", 4, 7)
    ('evening', 'morning')
    """
    before, after = text[max(0, start - 24) : start].split(), text[end : end + 24].split()
    words = [before[-1] if before and not text[start - 1 : start].isalpha() else ""]
    words.append(after[0] if after and not text[end : end + 1].isalpha() else "")
    return next((part for w in words if (part := _lookup(w, _parts()))), None)


@lru_cache(maxsize=64)
def _unanchored(text: str) -> tuple[DateMatch, ...]:
    return tuple(find_dates(text, None))


def mentioned_years(text: str) -> list[int]:
    """Years written in the text's absolute dates (not resolved from a reference)."""
    return [m.year for m in _unanchored(text) if m.year and not m.year_inferred and m.calendar == "gregorian"]


def infer_reference(text: str, floor_year: int | None = None) -> dt.date | None:
    """Guess an article's date from its own text when no publication date is given.

    A written weekday with day and month but no year ("الأربعاء 20 يناير") picks the first year,
    at or after the latest year the text mentions (articles report past years), in which that day
    is that weekday; a full date with a weekday is taken as is. ``None`` when nothing fits.
    """
    from checker.grammar.dates import candidate_years

    matches = _unanchored(text)
    lo = max([*mentioned_years(text), *([floor_year] if floor_year else [])], default=None)
    for m in matches:
        if m.weekday is not None and m.day and m.month and m.year and m.first is not None and m.first == m.last:
            return m.first  # a Hijri date is converted: 17/10/1436هـ is no day of the year 1436
    for m in matches:
        if m.weekday is not None and m.day and m.month and lo and m.calendar == "gregorian":
            ys = candidate_years(m.day, m.month, m.weekday, lo, lo + 7)
            if ys:
                try:
                    return dt.date(ys[0], m.month, m.day)
                except ValueError:
                    continue
    return None
