"""Roles written after the name: «كما عين هادي عبدالعزيز جباري مستشارا له، وهو أحد القيادات
المستقلة الشمالية ورئيس حزب العدالة والتنمية». A pronoun (وهو، وهي) a few words after a person's
name opens a clause describing that person; a title right after the pronoun, or joined by و to a
description opened by أحد / من, is the person's role, as a title before the name is
(:mod:`checker.extract.people`). Vocabulary: ``after_name`` in ``rules/lexicons/titles.yaml``.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context, extractor
from checker.extract.name_words import joined
from checker.extract.people import _Scan, complement_end, make_scan, role_words_end
from checker.extract.titles import Word, deputy_words, match_title
from checker.model import Fact
from checker.text.chars import match_key
from checker.text.words import strip_proclitic

#: at most this many words between the name and the pronoun (مستشارا له)
MAX_BETWEEN = 3
#: at most this many words of the description before the title joined to it by و
MAX_DESCRIPTION = 6


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    data = lexicons.load("titles").get("after_name", {})
    return (
        frozenset(match_key(w) for w in data.get("pronouns", [])),
        frozenset(match_key(w) for w in data.get("openers", [])),
    )


@extractor("roles_after")
def extract_roles_after(ctx: Context) -> None:
    pronouns, _ = _vocabulary()
    scan = make_scan(ctx)
    ws = scan.ws
    people = sorted((f for f in ctx.facts if f.type == "person"), key=lambda f: f.end)
    for p, w in enumerate(ws):
        if w.norm not in pronouns:
            continue
        person = _named_before(ctx, ws, p, people)
        start = _title_after(ws, p + 1, scan.titles) if person is not None else None
        if person is None or start is None:
            continue
        end = complement_end(scan, role_words_end(scan, start + match_title(ws, start, scan.titles)))
        clitic = strip_proclitic(ws[start].text)[0]
        a, b = ws[start].start + (len(clitic) if clitic == "و" else 0), ws[end - 1].end
        role = " ".join(ctx.text[a:b].split())
        ctx.add("role", person.key, role, role, a, b, "pattern.after_name", [("person", person.text)], claim=False)
    _appointments(ctx, scan)


def _appointments(ctx: Context, scan: _Scan) -> None:
    """The post a person is given, written after the name in the accusative: «تعيين الدكتور فيصل
    الحمدان نائباً لوزير الاقتصاد والتخطيط», «… خلفاً له مديراً عاماً للجوازات». The role is kept
    in its plain form (نائب وزير الاقتصاد والتخطيط) to compare with the other articles' posts."""
    ws = scan.ws
    starts = [w.start for w in ws]
    for person in (f for f in ctx.facts if f.type == "person"):
        k = bisect.bisect_left(starts, person.end)  # the first word after the name
        if k + 2 < len(ws) and ws[k].norm == "خلفا" and ws[k + 1].norm in ("له", "لها"):
            k += 2  # خلفاً له: in his predecessor's place
        if k + 1 >= len(ws) or not joined(ws, k) or not _accusative_post(ws[k].norm, scan.titles):
            continue
        end = complement_end(scan, role_words_end(scan, k + 1 + bool(match_title(ws, k + 1, scan.titles))))
        if end <= k + 1:
            continue
        words = [ws[k].norm[:-1], *(w.text for w in ws[k + 1 : end])]
        words[1] = "ال" + words[1][2:] if words[1].startswith("لل") else words[1].removeprefix("ل")
        role = " ".join(words)
        a, b = ws[k].start, ws[end - 1].end
        ctx.add("role", person.key, role, role, a, b, "pattern.appointment", [("person", person.text)], claim=False)


def _accusative_post(norm: str, titles: dict[str, int]) -> bool:
    """نائبا، مديرا، رئيسا، مستشارا: a deputy word or one-word title with the accusative alef."""
    base = norm[:-1] if norm.endswith("ا") and len(norm) > 3 else ""
    return bool(base) and (base in deputy_words() or titles.get(base) == 1)


def _named_before(ctx: Context, ws: list[Word], p: int, people: list[Fact]) -> Fact | None:
    """The person named at most :data:`MAX_BETWEEN` words before the pronoun at word *p*, in its
    sentence, with no other name between."""
    at = ws[p].start
    before = [f for f in people if f.end <= at]
    if not before:
        return None
    person = before[-1]
    between = [w for w in ws[:p] if w.start >= person.end and w.is_word]
    if len(between) > MAX_BETWEEN or ctx.sentence_at(person.start) != ctx.sentence_at(at):
        return None
    return person


def _title_after(ws: list[Word], q: int, titles: dict[str, int]) -> int | None:
    """Index of the title that opens the clause at word *q* (وهو رئيس ...), or that follows a
    description opened there, joined to it by و (وهو أحد القيادات ... ورئيس ...)."""
    _, openers = _vocabulary()
    if q >= len(ws):
        return None
    if match_title(ws, q, titles) and not strip_proclitic(ws[q].text)[0]:
        return q
    if ws[q].norm not in openers:
        return None
    for r in range(q + 1, min(len(ws), q + 1 + MAX_DESCRIPTION)):
        if not ws[r].is_word:
            return None  # the clause ends before a title
        if ws[r].norm == "و" and r + 1 < len(ws) and match_title(ws, r + 1, titles):
            return r + 1
        if strip_proclitic(ws[r].text)[0] == "و" and match_title(ws, r, titles):
            return r
    return None
