"""Deterministic one-change edits of real multi-outlet stories (the generator of ``benchmarks.edits``).

Each finder looks for candidate spans in the real text of one article with regexes and the
project's lexicons (``rules/lexicons/*.yaml``, read only) and proposes a realistic change:

=========  =====================================================================================
figure     a number before a counted noun (digits, Arabic-Indic digits, number words)
scale      ألف / مليون / مليار (and plurals) after a number swapped for another scale
day        اليوم / أمس / أول أمس / الغد ... swapped for another day word
weekday    a weekday swapped for the next one
date       the day or month of a date («2 أغسطس», «17 شوال», «1436/10/17»), or a year (عام 2015, 1436هـ)
place      a city, region or country of the lexicon swapped for another of the same kind
name       one letter of a family name (ث→ت, ذ→ز, ظ→ض, غ↔ج, a long vowel dropped or ي inserted)
role       a title or role (وزير الداخلية→وزير الخارجية, ولي العهد→ولي ولي العهد, رئيس→نائب رئيس, ranks)
list       a member of a «، و» list (or a list of places) dropped or swapped
headline   a figure changed in the title only
=========  =====================================================================================

Only *supported* spans are edited: the fact must also be written in another article of the story
(the changed words with a neighbouring word, the name, the place...), so that a careful reader
comparing the articles would see the change. Edits other than ``headline`` change the body only.
Selection is seeded by SHA-1 of the type and story id, never by Python's hash seed.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from wordfreq import zipf_frequency

from benchmarks.gold import GoldStory, StoryArticle, story_key

LEXICONS = Path(__file__).resolve().parent.parent / "rules" / "lexicons"
TYPES = ("figure", "scale", "day", "weekday", "date", "place", "name", "role", "list", "headline")

# ---------------------------------------------------------------------------------------------
# text helpers (length-preserving, so offsets in folded text are offsets in the text)

_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)  # fmt: skip
LETTERS = "\u0621-\u063a\u0640-\u065f\u0670\u0671-\u06d3"
WORD_RE = re.compile(rf"[{LETTERS}]+|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b][0-9\u0660-\u0669]+)*")
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def fold(text: str) -> str:
    """Alef/hamza forms, alef maqsura, teh marbuta, hamza seats and digits folded; same length."""
    return text.translate(_FOLD)


def key(text: str) -> str:
    """Folded words of *text* (marks and tatweel dropped) joined by single spaces."""
    return " ".join(_MARKS.sub("", w) for w in WORD_RE.findall(fold(text)))


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    folded: str  # fold() of text, marks and tatweel dropped


def words(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(), _MARKS.sub("", fold(m.group()))) for m in WORD_RE.finditer(text)]


def word_index(ws: Sequence[Word], offset: int) -> int:
    """Index of the first word ending after *offset*."""
    lo, hi = 0, len(ws)
    while lo < hi:
        mid = (lo + hi) // 2
        if ws[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def only_space(text: str) -> bool:
    return not text.strip()


# ---------------------------------------------------------------------------------------------
# edits


@dataclass(frozen=True)
class Edit:
    """One change: ``text[start:end]`` (``before``) becomes ``after`` in article ``article``.

    ``target`` is the span of the edited text a finding must overlap to count (the new words; for a
    dropped list member, the neighbouring members)."""

    type: str
    subtype: str
    story: str
    article: str
    start: int
    end: int
    before: str
    after: str
    target: tuple[int, int]

    @property
    def id(self) -> str:
        return f"{self.type}:{self.article}:{self.start}"

    def apply(self, text: str) -> str:
        if text[self.start : self.end] != self.before:
            raise ValueError(f"{self.id}: the text does not hold {self.before!r} there")
        return text[: self.start] + self.after + text[self.end :]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "subtype": self.subtype, "story": self.story,
            "article": self.article, "start": self.start, "end": self.end, "before": self.before,
            "after": self.after, "target": list(self.target),
        }  # fmt: skip


def replace_edit(etype: str, sub: str, story: str, art: StoryArticle, start: int, end: int, after: str) -> Edit:
    """An edit replacing ``text[start:end]`` by *after*; the target is the new words."""
    text = art.text
    return Edit(etype, sub, story, art.id, start, end, text[start:end], after, (start, start + len(after)))


class Context:
    """A story being edited: texts, folded word keys of the other articles, and the seeded RNG."""

    def __init__(self, story: GoldStory) -> None:
        self.story = story
        self.keys = {a.id: " " + key(a.text) + " " for a in story.articles}
        self.all_folded = " ".join(fold(a.text) for a in story.articles)
        self.all_key = " " + " ".join(self.keys.values()) + " "

    def names(self, phrase: str) -> bool:
        """The folded words of *phrase* occur in some article of the story."""
        return " " + key(phrase) + " " in self.all_key

    def elsewhere(self, art: StoryArticle, phrase: str, own_body: bool = False) -> bool:
        """The folded words of *phrase* occur in another article (or, with *own_body*, in the body
        of *art* too)."""
        k = " " + key(phrase) + " "
        if k.strip() == "":
            return False
        if own_body and k in " " + key(art.content) + " ":
            return True
        return any(k in v for aid, v in self.keys.items() if aid != art.id)

    def supported(self, art: StoryArticle, start: int, end: int) -> bool:
        """``text[start:end]`` with its previous or next word (of 3+ letters) occurs elsewhere."""
        ws = words(art.text)
        i = word_index(ws, start)
        j = word_index(ws, end)  # first word ending after end
        phrases = []
        if i > 0 and len(ws[i - 1].folded) >= 3:
            phrases.append(art.text[ws[i - 1].start : end])
        nxt = j if j < len(ws) and ws[j].start >= end else j + 1
        if nxt < len(ws) and len(ws[nxt].folded) >= 3:
            phrases.append(art.text[start : ws[nxt].end])
        return any(self.elsewhere(art, p) for p in phrases)


def rng_for(*parts: str) -> random.Random:
    """A random generator seeded by SHA-1 of *parts* (stable across runs and Python versions)."""
    seed = int(hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12], 16)
    return random.Random(seed)


def in_body(art: StoryArticle, start: int) -> bool:
    return start >= art.body_start


# ---------------------------------------------------------------------------------------------
# lexicons (read only)


@cache
def lexicon(name: str) -> Any:
    return yaml.safe_load((LEXICONS / f"{name}.yaml").read_text(encoding="utf-8"))


_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})


def name_fold(text: str) -> str:
    """Only alef forms folded (and marks dropped): على is not علي, هادئ is not هادي."""
    return _MARKS.sub("", text.translate(_ALEFS))


@cache
def first_names() -> frozenset[str]:
    """Given names (:func:`name_fold`), compounds both spaced and solid (عبد الله, عبدالله)."""
    out: set[str] = set()
    for n in lexicon("names")["first_names"]:
        f = " ".join(name_fold(str(n)).split())
        out.add(f)
        out.add(f.replace(" ", ""))
    return frozenset(out)


def given_name(w: Word) -> int:
    """-1 if *w* is not a given name, else the length of its prefix و (0 or 1)."""
    f = name_fold(w.text)
    if f in first_names():
        return 0
    return 1 if f[:1] == "و" and f[1:] in first_names() else -1


@cache
def places() -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Folded place name -> entity (cities, regions, countries), and the entities."""
    ents = [e for e in lexicon("entities")["entities"] if e.get("type") in ("city", "region", "country")]
    by_name: dict[str, dict[str, Any]] = {}
    for e in ents:
        for n in e["names"]:
            by_name.setdefault(key(str(n)), e)
    return by_name, ents


# ---------------------------------------------------------------------------------------------
# figures


MONTHS_G = (
    "يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر"
).split()
MONTH_ORDER = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()
MONTHS_H = (
    "محرم|صفر|ربيع الأول|ربيع الآخر|ربيع الثاني|جمادى الأولى|جمادى الآخرة|جمادى الآخر|رجب|شعبان|رمضان|شوال|"
    "ذو القعدة|ذي القعدة|ذو الحجة|ذي الحجة"
).split("|")
HIJRI_ORDER = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
               "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]  # fmt: skip
MONTH_KEYS = {key(m) for m in MONTHS_G + MONTHS_H} | {key(m).split()[0] for m in MONTHS_H}
LEVANTINE = {key(m) for m in "كانون تشرين شباط آذار أذار نيسان أيار حزيران تموز آب أيلول".split()}
YEAR_WORDS = {key(w) for w in "عام العام سنة السنة لعام ولعام عامي الساعة رقم برقم المادة الفقرة البند".split()}
NOT_COUNTED = MONTH_KEYS | LEVANTINE | {key(w) for w in "هـ ه م من الى إلى او أو و في".split()}
SCALE_SWAP = {
    "ألف": "مليون", "آلاف": "ملايين", "ألفا": "مليونا", "مليون": "مليار", "ملايين": "مليارات",
    "مليونا": "مليارا", "مليار": "مليون", "مليارات": "ملايين", "مليارا": "مليونا",
}  # fmt: skip
SCALE_KEYS = {key(k): v for k, v in SCALE_SWAP.items()}
UNIT_WORDS = [
    "ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة".split(),
    "ثلاث أربع خمس ست سبع ثماني تسع عشر".split(),
    "عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين".split(),
    "عشرون ثلاثون أربعون خمسون ستون سبعون ثمانون تسعون".split(),
]
UNIT_NEXT = {key(w): row[(i + 1) % len(row)] for row in UNIT_WORDS for i, w in enumerate(row)}
NUM_RE = re.compile(r"(?<![\w.,٫/:])\d+(?:[.,٫]\d+)*(?![\w/:]|[.,٫]\d)")
PERCENT_RE = re.compile(r"\s*(%|٪)")


def bump_digit(num: str, which: str) -> str:
    """Change one digit of *num* (keeping its script): the first or the last non-zero one, +1
    (9 becomes 8)."""
    idx = [i for i, c in enumerate(num) if c.isdigit() and (which == "first-digit" or int(c))] or [0]
    i = idx[0] if which == "first-digit" else idx[-1]
    d = int(num[i])
    nd = d - 1 if d == 9 else d + 1
    zero = ord(num[i]) - d  # the script's zero
    return num[:i] + chr(zero + nd) + num[i + 1 :]


def is_year(num: str) -> bool:
    n = fold(num)
    return n.isdigit() and len(n) == 4 and (1300 <= int(n) <= 1500 or 1900 <= int(n) <= 2100)


def counted_next(text: str, end: int) -> bool:
    """After a number at *end*: a counted noun, a scale word or a percent sign (not a month, year
    suffix or preposition)."""
    if PERCENT_RE.match(text, end):
        return True
    m = re.match(r"[\s)\]»\"”'’]*", text[end:])
    rest = text[end + (m.end() if m else 0) :]
    w = words(rest[:40])
    if not w or w[0].start != 0:
        return False
    return w[0].folded[:1].isalpha() and w[0].folded not in NOT_COUNTED


def number_spans(art: StoryArticle, lo: int, hi: int) -> Iterable[tuple[int, int]]:
    """Digit numbers of ``text[lo:hi]`` before a counted noun, not years, times, dates or ids."""
    text = art.text
    ws = words(text)
    for m in NUM_RE.finditer(text, lo, hi):
        num = m.group()
        digits = re.sub(r"\D", "", num)
        if is_year(num) or (len(digits) >= 7 and num.isdigit()) or not counted_next(text, m.end()):
            continue
        i = word_index(ws, m.start())
        if i > 0 and ws[i - 1].folded in YEAR_WORDS:
            continue
        yield m.start(), m.end()


TEEN_HEADS = {key(w) for w in "أحد إحدى اثنا اثني اثنتا اثنتي".split()}


def _teen_head(folded: str) -> bool:
    """A unit word that opens a compound number (خمسة، الخمسة، اثني، الإثني)."""
    bare = folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded
    return bare in UNIT_NEXT or bare in TEEN_HEADS


def word_number_spans(art: StoryArticle, lo: int, hi: int) -> Iterable[tuple[int, int, str]]:
    """Number words (ثلاثة, وخمس, عشرين...) before a counted noun, with their replacement."""
    ws = words(art.text)
    for k, w in enumerate(ws):
        if not lo <= w.start < hi or k + 1 >= len(ws):
            continue
        base, off = w.folded, 0
        if base not in UNIT_NEXT and base[:1] in "وب" and base[1:] in UNIT_NEXT:
            base, off = base[1:], 1
        if base not in UNIT_NEXT or _MARKS.search(w.text) or (k and _teen_head(ws[k - 1].folded)):
            continue  # «الخمسة عشر», «الإثني عشر»: the عشر of a compound is no number of its own
        nxt = ws[k + 1]
        if not only_space(art.text[w.end : nxt.start]) or nxt.folded in ("عشر", "عشره", *NOT_COUNTED):
            continue
        if nxt.folded[:1].isalpha():
            yield w.start + off, w.end, UNIT_NEXT[base]


def figure_edits(ctx: Context, etype: str = "figure") -> list[Edit]:
    """Figures changed: in the body (``figure``) or in the title only (``headline``)."""
    out: list[Edit] = []
    sid = ctx.story.id
    for art in ctx.story.articles:
        lo, hi = (art.body_start, len(art.text)) if etype == "figure" else (0, len(art.title))
        for a, b in number_spans(art, lo, hi):
            if not _figure_supported(ctx, art, a, b, etype):
                continue
            which = rng_for(etype, art.id, str(a)).choice(("first-digit", "last-digit"))
            new = bump_digit(art.text[a:b], which)
            out.append(replace_edit(etype, which, sid, art, a, b, new))
        for a, b, new in word_number_spans(art, lo, hi):
            if _figure_supported(ctx, art, a, b, etype):
                out.append(replace_edit(etype, "word", sid, art, a, b, new))
    return out


def _figure_supported(ctx: Context, art: StoryArticle, a: int, b: int, etype: str) -> bool:
    if etype == "figure":
        return ctx.supported(art, a, b)
    return ctx.elsewhere(art, art.text[a:b], own_body=True)  # the headline figure is in a body


def scale_edits(ctx: Context) -> list[Edit]:
    """ألف/مليون/مليار after a number (or a bare singular before a noun) swapped for another scale."""
    out: list[Edit] = []
    for art in ctx.story.articles:
        ws = words(art.text)
        for k, w in enumerate(ws):
            if not in_body(art, w.start) or w.folded not in SCALE_KEYS:
                continue
            prev = ws[k - 1] if k else None
            after_number = prev is not None and (prev.folded[:1].isdigit() or key(prev.text) in UNIT_NEXT)
            bare = w.folded in {key(s) for s in ("ألف", "مليون", "مليار")} and k + 1 < len(ws)
            if not (after_number or (bare and ws[k + 1].folded[:1].isalpha())):
                continue
            if ctx.supported(art, w.start, w.end):
                out.append(replace_edit("scale", w.folded, ctx.story.id, art, w.start, w.end, SCALE_KEYS[w.folded]))
    return out


# ---------------------------------------------------------------------------------------------
# days, weekdays, dates

DAY_SWAPS = [  # (folded words, replacement, subtype); longest first
    ("اول من امس", "أمس", "2→1"),
    ("امس الاول", "أمس", "2→1"),
    ("البارحه الاولي", "أمس", "2→1"),
    ("اول امس", "أمس", "2→1"),
    ("يوم امس الاول", "يوم أمس", "2→1"),
    ("يوم امس", "اليوم", "1→0"),
    ("امس", "اليوم", "1→0"),
    ("البارحه", "اليوم", "1→0"),
    ("اليوم", "أمس", "0→1"),
    ("الغد", "اليوم", "+1→0"),
    ("غدا", "اليوم", "+1→0"),
]
QUOTES = "«»\"“”'‘’"


def _today_blocked(text: str, ws: Sequence[Word], i: int, j: int) -> bool:
    """اليوم as a noun or a newspaper's name (صحيفة اليوم, اليوم الوطني, «اليوم»)."""
    dates = lexicon("dates")
    heads = {key(w) for w in [*dates["today_name_heads"], *dates["today_generic_heads"]]}
    heads |= {key(w) for w in "هذا ذلك نفس لـ ل".split()}
    blockers = {key(w) for w in dates["today_blockers"]}
    if i > 0 and ws[i - 1].folded in heads:
        return True
    if j < len(ws) and ws[j].folded in blockers:
        return True
    around = text[max(0, ws[i].start - 2) : ws[i].start] + text[ws[j - 1].end : ws[j - 1].end + 2]
    return any(q in around for q in QUOTES)


def _weekday_beside(text: str, ws: Sequence[Word], j: int) -> bool:
    """A weekday right after the day word (اليوم الأحد، أمس (السبت)): the weekday fixes the date, so
    another day word leaves it as it was and makes the article disagree with itself (LN104), not with
    the other articles."""
    return j < len(ws) and ws[j].folded in WEEKDAY_KEYS and set(text[ws[j - 1].end : ws[j].start]) <= set(" (،,")


def day_edits(ctx: Context) -> list[Edit]:
    """Day words swapped (أمس→اليوم, اليوم→أمس, أول أمس→أمس, الغد→اليوم)."""
    out: list[Edit] = []
    patterns = [(p.split(), r, s) for p, r, s in DAY_SWAPS]
    for art in ctx.story.articles:
        ws = words(art.text)
        i = 0
        while i < len(ws):
            hit = _match_words(art.text, ws, i, patterns)
            if hit is None:
                i += 1
                continue
            j, repl, sub = hit
            a, b = ws[i].start, ws[j - 1].end
            ok = in_body(art, a) and not (sub == "0→1" and _today_blocked(art.text, ws, i, j))
            ok = ok and not _weekday_beside(art.text, ws, j)
            if ok and ctx.supported(art, a, b):
                out.append(replace_edit("day", sub, ctx.story.id, art, a, b, repl))
            i = j
    return out


def _match_words(
    text: str, ws: Sequence[Word], i: int, patterns: Sequence[tuple[list[str], str, str]]
) -> tuple[int, str, str] | None:
    """The first pattern (folded word list) matching at word *i* with only spaces between words."""
    for pat, repl, sub in patterns:
        j = i + len(pat)
        if j > len(ws) or [w.folded for w in ws[i:j]] != pat:
            continue
        if all(only_space(text[ws[k].end : ws[k + 1].start]) for k in range(i, j - 1)):
            return j, repl, sub
    return None


WEEKDAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
WEEKDAY_KEYS = {key(d): i for i, d in enumerate(WEEKDAYS)} | {"الاثنين": 2, "الإثنين": 2}
WEEKDAY_KEYS = {key(k): v for k, v in WEEKDAY_KEYS.items()}
DAY_CUES = {key(w) for w in "يوم اليوم أمس مساء صباح ظهر عصر فجر ليلة منذ حتى".split()}
WEEKDAY_AFTER = {key(w) for w in "الماضي المقبل القادم المنصرم الموافق المقبلة".split()}
STRICT_WEEKDAYS = {key(w) for w in ("الأحد", "الاثنين", "الجمعة")}  # also a number, "the two", prayer


def weekday_edits(ctx: Context) -> list[Edit]:
    """A weekday (with a day cue for الأحد/الاثنين/الجمعة) swapped for the next weekday."""
    out: list[Edit] = []
    blockers = {key(w) for w in lexicon("dates")["weekday_blockers"]} | {key(w) for w in ("صلاة", "خطبة")}
    for art in ctx.story.articles:
        ws = words(art.text)
        for k, w in enumerate(ws):
            if w.folded not in WEEKDAY_KEYS or not in_body(art, w.start):
                continue
            prev = ws[k - 1].folded if k else ""
            nxt = ws[k + 1].folded if k + 1 < len(ws) else ""
            cue = prev in DAY_CUES or nxt in WEEKDAY_AFTER or nxt[:1].isdigit()
            if prev in blockers or (w.folded in STRICT_WEEKDAYS and not cue):
                continue
            near = {x.folded for x in ws[max(0, k - 3) : k + 4]} - {w.folded}
            if near & set(WEEKDAY_KEYS):  # a range (ليلة الجمعة - السبت)
                continue
            if ctx.supported(art, w.start, w.end):
                new = WEEKDAYS[(WEEKDAY_KEYS[w.folded] + 1) % 7]
                out.append(replace_edit("weekday", "next", ctx.story.id, art, w.start, w.end, new))
    return out


_MONTH_ALT = "|".join(
    re.escape(m).replace("\\ ", r"\s+") for m in sorted({key(m) for m in MONTHS_G + MONTHS_H}, key=len, reverse=True)
)
DATE_RE = re.compile(rf"(?<![\w/])(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({_MONTH_ALT})(?![{LETTERS}])")
NUMERIC_DATE_RE = re.compile(r"(?<![\w/])(\d{1,4})\s*/\s*(\d{1,2})\s*/\s*(\d{1,4})(?![\d/])")


def _other_month(name: str) -> str:
    """The month before *name* (Gregorian or Hijri), in its usual spelling."""
    k = key(name)
    for order in (MONTH_ORDER, HIJRI_ORDER):
        keys = [key(m) for m in order]
        alias = {key("ابريل"): key("أبريل"), key("إبريل"): key("أبريل"), key("يونيه"): key("يونيو"),
                 key("يوليه"): key("يوليو"), key("ربيع الثاني"): key("ربيع الآخر"),
                 key("جمادى الآخر"): key("جمادى الآخرة"), key("ذي القعدة"): key("ذو القعدة"),
                 key("ذي الحجة"): key("ذو الحجة")}.get(k, k)  # fmt: skip
        if alias in keys:
            return order[keys.index(alias) - 1]
    return name


def _bump_day(day: str) -> str:
    n = int(fold(day))
    new = str(n + 1 if n < 28 else n - 1)
    zero = ord(day[0]) - int(day[0])
    return "".join(chr(zero + int(c)) for c in new)


def date_edits(ctx: Context) -> list[Edit]:
    """The day number (or the month) of «2 أغسطس» / «17 شوال», or the day of «1436/10/17»."""
    out: list[Edit] = []
    for art in ctx.story.articles:
        folded = fold(art.text)
        for m in DATE_RE.finditer(folded, art.body_start):
            if not 1 <= int(m.group(1)) <= 31 or not ctx.elsewhere(art, art.text[m.start() : m.end()]):
                continue
            if rng_for("date", art.id, str(m.start())).random() < 0.7:
                a, b = m.span(1)
                new = _bump_day(art.text[a:b])
                out.append(replace_edit("date", "day", ctx.story.id, art, a, b, new))
            else:
                a, b = m.span(2)
                out.append(replace_edit("date", "month", ctx.story.id, art, a, b, _other_month(art.text[a:b])))
        for m in NUMERIC_DATE_RE.finditer(folded, art.body_start):
            g = 3 if len(m.group(1)) == 4 else 1 if len(m.group(3)) == 4 else 0
            if not g or not 1 <= int(m.group(g)) <= 31 or not ctx.elsewhere(art, art.text[m.start() : m.end()]):
                continue
            a, b = m.span(g)
            out.append(replace_edit("date", "numeric", ctx.story.id, art, a, b, _bump_day(art.text[a:b])))
        out.extend(year_edits(ctx, art))
    return out


YEAR_CUES = {key(w) for w in "عام العام لعام للعام وعام سنة السنة لسنة عامي".split()} | MONTH_KEYS | LEVANTINE
YEAR_RE = re.compile(r"(?<![\w/])(\d{4})(?=\s*(?:م|هـ|ه)?(?![\w/]))")


def year_edits(ctx: Context, art: StoryArticle) -> list[Edit]:
    """A year after عام/سنة or a month name, or written ``2015م`` / ``1436هـ``: one year later."""
    out: list[Edit] = []
    text = art.text
    ws = words(text)
    for m in YEAR_RE.finditer(fold(text), art.body_start):
        a, b = m.span(1)
        k = word_index(ws, a)
        suffix = text[b : b + 2].strip()[:1] in ("م", "ه")
        cue = k > 0 and ws[k - 1].folded in YEAR_CUES
        if not is_year(text[a:b]) or not (cue or suffix) or text[:a].rstrip().endswith("/"):
            continue
        if ctx.supported(art, a, b):
            out.append(replace_edit("date", "year", ctx.story.id, art, a, b, _bump_year(text[a:b])))
    return out


def _bump_year(year: str) -> str:
    zero = ord(year[0]) - int(year[0])
    return "".join(chr(zero + int(c)) for c in str(int(year) + 1))


# ---------------------------------------------------------------------------------------------
# places


@cache
def place_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(name with clitics و/ف + ب/ك/ل, name with لل for ال) over folded text."""
    by_name, _ = places()
    names = sorted(by_name, key=len, reverse=True)
    alt = "|".join(re.escape(n).replace("\\ ", r"\s+") for n in names)
    al = "|".join(re.escape(n[2:]).replace("\\ ", r"\s+") for n in names if n.startswith("ال") and len(n) > 3)
    plain = re.compile(rf"(?<![{LETTERS}])(?P<pre>[وف]?[بكل]?)(?P<name>{alt})(?![{LETTERS}])")
    lil = re.compile(rf"(?<![{LETTERS}])(?P<pre>[وف]?ل)(?P<name>ل(?:{al}))(?![{LETTERS}])")
    return plain, lil


@dataclass(frozen=True)
class PlaceHit:
    start: int  # of the name part (after the clitics; for لل, after the first ل)
    end: int
    pre: str
    entity: dict[str, Any]
    lil: bool  # written لل + name without ال


def place_hits(text: str) -> list[PlaceHit]:
    """Lexicon places in *text*, leftmost-longest, not as adjectives (الأسهم السعودية)."""
    by_name, _ = places()
    folded = fold(text)
    plain, lil = place_regexes()
    hits: dict[int, PlaceHit] = {}
    for rx, is_lil in ((plain, False), (lil, True)):
        for m in rx.finditer(folded):
            name = " ".join(m.group("name").split())
            ent = by_name.get("ا" + name if is_lil else name)
            if ent is None or _adjective(folded, m.start(), m.group("pre"), name) or _in_name(text, m.start()):
                continue
            if _other_sense(ent, folded, m.start(), m.end(), m.group("pre")):
                continue
            hits.setdefault(m.start("name"), PlaceHit(m.start("name"), m.end("name"), m.group("pre"), ent, is_lil))
    out: list[PlaceHit] = []
    for h in sorted(hits.values(), key=lambda h: (h.start, -h.end)):
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


PREPOSITIONS = {key(w) for w in "في إلى الى من عن على مع داخل خارج بين حتى نحو لدى".split()}


def _other_sense(ent: dict[str, Any], folded: str, start: int, end: int, pre: str) -> bool:
    """A place name the lexicon marks as also a word, used as that word: an adjective after an
    indefinite noun (``adjective``: تنظيم مالي, "financial") or a measure before a number
    (``measure``: الخط الرئيسي قطر (800) ملم, "diameter")."""
    if ent.get("measure") and re.match(r"\s*\(?\s*\d", folded[end:]):
        return True
    if ent.get("adjective") and not pre:
        prev = words(folded[max(0, start - 30) : start])
        return bool(prev) and prev[-1].folded not in PREPOSITIONS
    return False


def _adjective(folded: str, start: int, pre: str, name: str) -> bool:
    """A name that is also a nisba (السعودية) is a place only after a clitic or a preposition, not
    after a noun (السفارة السعودية, زين السعودية)."""
    if not name.endswith("يه") or pre:
        return False
    prev = words(folded[max(0, start - 30) : start])
    return bool(prev) and prev[-1].folded not in PREPOSITIONS


NAME_TITLES = {key(w) for w in "الدكتور الدكتورة المهندس الأستاذ الشيخ السيد بن بنت آل أبو".split()}


def _in_name(text: str, start: int) -> bool:
    """A place word right after a given name or a title is a family name (الدكتور السويد)."""
    prev = words(text[max(0, start - 30) : start])
    return bool(prev) and (prev[-1].folded in NAME_TITLES or given_name(prev[-1]) >= 0)


def attach(pre: str, lil: bool, name: str) -> str:
    """The new name to put after the clitics: الدمام after ب; لدمام after the ل of «للرياض»."""
    if lil and name.startswith("ال"):
        return name[1:]  # the text keeps its first ل: ل + لدمام
    return name


PLACE_HEADS = ("منطقة", "محافظة", "مدينة", "دولة", "جمهورية", "مملكة", "إمارة", "سلطنة")


def replacement_place(ctx: Context, ent: dict[str, Any], surface: str, salt: str) -> str | None:
    """Another place of the same kind (and country, for cities and regions) not named in the story,
    written with a head word (منطقة الجوف) only when *surface* has one."""
    _, ents = places()
    headed = surface.startswith(PLACE_HEADS)
    options: list[tuple[str, str]] = []
    for e in ents:
        if e["type"] != ent["type"] or e["id"] == ent["id"] or e.get("country") != ent.get("country"):
            continue
        if any(ctx.names(str(n)) for n in e["names"]):
            continue
        fitting = [str(n) for n in e["names"] if str(n).startswith(PLACE_HEADS) == headed]
        if fitting:
            options.append((e["id"], fitting[0]))
    if not options:
        return None
    return rng_for("place", salt).choice(sorted(options))[1]


@lru_cache(maxsize=1)
def _known_org_phrases() -> tuple[str, ...]:
    data = lexicon("known_orgs")
    return tuple(sorted({key(p) for k in ("companies", "clubs", "media") for p in data.get(k, []) if " " in p}))


def _in_known_org(text: str, start: int, end: int) -> bool:
    """The words at start..end are part of a well-known organisation's name written there."""
    window = key(text[max(0, start - 40) : end + 40])
    place = key(text[start:end])
    return any(place in p.split() and p in window for p in _known_org_phrases())


def place_edits(ctx: Context) -> list[Edit]:
    """A lexicon place that another article names with a word beside it, swapped for another of its
    kind (a place only one article's sentence names has nothing to contradict: a gap, not an edit)."""
    out: list[Edit] = []
    for art in ctx.story.articles:
        for h in place_hits(art.text):
            if not in_body(art, h.start) or not ctx.elsewhere(art, art.text[h.start : h.end]):
                continue
            if not ctx.supported(art, h.start, h.end):
                continue  # as for figures: the place with a word beside it is in another article
            if _in_known_org(art.text, h.start, h.end):
                continue  # a city in a club's name (مانشستر سيتي، باريس سان جيرمان) is no place
            new = replacement_place(ctx, h.entity, art.text[h.start : h.end], f"{art.id}:{h.start}")
            if new is None:
                continue
            new = attach(h.pre, h.lil, new)
            out.append(replace_edit("place", h.entity["type"], ctx.story.id, art, h.start, h.end, new))
    return out


# ---------------------------------------------------------------------------------------------
# person names and roles

PARTICLES = {key(w) for w in "بن بنت ابن أبو أبا آل ال عبد".split()}
NAME_STOP = {
    key(w)
    for w in (
        "في من على إلى الى عن مع أن إن أنه التي الذي كان كانت قد لم لن لا ما بعد قبل بين حتى أو ثم كما حيث "
        "عند منذ خلال كل غير هو هي وقال قال قالت وأضاف أكد أوضح اليوم أمس غدا الغد يوم مساء صباح رئيس وزير "
        "أمير الأمير الملك نائب ولي العهد رحمه الله حفظه يحفظه أيده رعاه سابقا سابقاً الأسبق أيضا"
    ).split()
}
CONSONANT_SWAPS = [("ث", "ت"), ("ذ", "ز"), ("ظ", "ض")]
FOREIGN_SWAPS = [("غ", "ج"), ("ج", "غ")]  # only for names that are not Arabic given names or ال-names
LONG_VOWELS = "يوا"


def person_names(art: StoryArticle) -> list[tuple[int, int, list[int]]]:
    """(start, end, indexes of its words, last first) of names: a given name, ``بن X`` / ``آل X``
    links, middle given names and a family name, separated by spaces only; at least two words."""
    ws = words(art.text)
    out: list[tuple[int, int, list[int]]] = []
    k = 0
    while k < len(ws):
        off = given_name(ws[k])
        if off < 0:
            k += 1
            continue
        j = _name_chain(art.text, ws, k + 1)
        if j - k >= 2:
            idx = [i for i in range(j - 1, k - 1, -1) if ws[i].folded not in PARTICLES]
            out.append((ws[k].start + off, ws[j - 1].end, idx))
        k = max(j, k + 1)
    return out


def _name_chain(text: str, ws: Sequence[Word], j: int) -> int:
    """End (exclusive word index) of the name continuing at word *j*."""

    def joined(a: int) -> bool:
        return a < len(ws) and only_space(text[ws[a - 1].end : ws[a].start])

    start = j
    while joined(j) and ws[j].folded in PARTICLES and joined(j + 1):
        j += 2
    if j > start and ws[j - 2].folded == "ال":  # آل سعود ends the name
        return j
    while joined(j) and given_name(ws[j]) == 0:  # middle names (نايف محمد الجهني)
        j += 1
    if joined(j) and _family_word(ws[j], linked=j > start):
        j += 1
    return j


_NOT_FAMILY = ("و", "بال", "لل", "كال", "فال", "با", "لا")  # folded: بأجمل → باجمل
COMMON_ZIPF = 4.2  # a word this frequent in Arabic (wordfreq) is a word, not a family name


def _family_word(word: Word, linked: bool) -> bool:
    """A family name, not a common word (نجمة الدورة, دور رسمي, الخيرية): after ``بن X`` links an
    ال-name (الشهراني), else an ال-name or another rare word (كبيش, بنكيران, كيري)."""
    w = word.folded
    if len(w) < 3 or not w[:1].isalpha() or w in NAME_STOP or w in PARTICLES or w in MONTH_KEYS:
        return False
    if zipf_frequency(word.text, "ar") >= COMMON_ZIPF:
        return False
    return w.startswith("ال") or (not linked and not w.startswith(_NOT_FAMILY))


def transliterate(word: str, rng: random.Random) -> tuple[str, str] | None:
    """One transliteration change of *word*, chosen by *rng* among those that apply: ث→ت, ذ→ز,
    ظ→ض; غ↔ج and ي inserted between the last two consonants (بابلك→بابليك) in names that are
    neither given names nor ال-names; an inner long vowel (ي, و, ا) dropped. None when nothing
    applies."""
    s0 = 2 if word.startswith("ال") else 0
    swaps = list(CONSONANT_SWAPS)
    given = name_fold(word) in first_names()
    if not s0 and not given:
        swaps += FOREIGN_SWAPS
    ops = [(i, i + 1, new, f"{old}→{new}") for old, new in swaps for i in range(s0, len(word)) if word[i] == old]
    ops += [(i, i + 1, "", f"-{word[i]}") for i in range(s0 + 1, len(word) - 1) if word[i] in LONG_VOWELS]
    if not given and not s0 and len(word) >= 4 and word[-1] not in LONG_VOWELS + "ىةه" and word[-2] not in LONG_VOWELS:
        ops.append((len(word) - 1, len(word) - 1, "ي", "+ي"))
    if not ops:
        return None
    a, b, new, label = rng.choice(ops)
    return word[:a] + new + word[b:], label


def name_edits(ctx: Context) -> list[Edit]:
    """The last word of a person's name (the family name) changed by one transliteration letter."""
    out: list[Edit] = []
    for art in ctx.story.articles:
        ws = words(art.text)
        for a, b, idx in person_names(art):
            if not in_body(art, a) or not ctx.elsewhere(art, art.text[a:b]):
                continue
            for i in idx:  # the family name first; given names and عبد-compounds are not edited
                w = ws[i]
                if _MARKS.search(w.text) or given_name(w) >= 0 or "عبد" in (w.folded[:3], ws[i - 1].folded):
                    continue
                changed = transliterate(w.text, rng_for("name", art.id, str(w.start)))
                if changed is not None:
                    new, label = changed
                    out.append(replace_edit("name", label, ctx.story.id, art, w.start, w.end, new))
                    break
    return out


ROLE_SWAPS = [
    ("ولي ولي العهد", "ولي العهد", "crown"),
    ("ولي العهد", "ولي ولي العهد", "crown"),
    ("وزير الداخلية", "وزير الخارجية", "minister"),
    ("وزير الخارجية", "وزير الداخلية", "minister"),
    ("وزير المالية", "وزير الاقتصاد والتخطيط", "minister"),
    ("وزير الدفاع", "وزير الداخلية", "minister"),
    ("وزير العمل", "وزير التجارة", "minister"),
    ("وزير التجارة", "وزير العمل", "minister"),
    ("وزير الإسكان", "وزير العمل", "minister"),
    ("وزير الصحة", "وزير التعليم", "minister"),
    ("وزير التعليم", "وزير الصحة", "minister"),
    ("وزير العدل", "وزير الداخلية", "minister"),
    ("وزير الثقافة والإعلام", "وزير الشؤون الإسلامية", "minister"),
    ("وزير الشؤون البلدية والقروية", "وزير الإسكان", "minister"),
    ("وزير الشئون البلدية والقروية", "وزير الإسكان", "minister"),
    ("نائب رئيس", "رئيس", "deputy"),
    ("نائب الرئيس", "الرئيس", "deputy"),
    ("رئيس", "نائب رئيس", "deputy"),
    ("الرئيس", "نائب الرئيس", "deputy"),
    ("أمين عام", "رئيس", "post"),
    ("الأمين العام", "الرئيس", "post"),
    ("المدير العام", "نائب المدير العام", "deputy"),
    ("مدير عام", "نائب مدير عام", "deputy"),
    ("مدير", "نائب مدير", "deputy"),
    ("نائب المتحدث الرسمي", "المتحدث الرسمي", "deputy"),
    ("المتحدث الرسمي", "نائب المتحدث الرسمي", "deputy"),
    ("الناطق الرسمي", "نائب الناطق الرسمي", "deputy"),
    ("نائب الناطق الإعلامي", "الناطق الإعلامي", "deputy"),
    ("الناطق الإعلامي", "نائب الناطق الإعلامي", "deputy"),
    ("نائب أمير منطقة", "أمير منطقة", "deputy"),
    ("أمير منطقة", "نائب أمير منطقة", "deputy"),
    ("القنصل العام", "السفير", "post"),
    ("السفير", "القنصل العام", "post"),
    ("الفريق أول", "الفريق", "rank"),
    ("الفريق", "اللواء", "rank"),
    ("اللواء", "العميد", "rank"),
    ("العميد", "العقيد", "rank"),
    ("العقيد", "المقدم", "rank"),
    ("المقدم", "الرائد", "rank"),
    ("الرائد", "النقيب", "rank"),
    ("النقيب", "الملازم أول", "rank"),
    ("الملازم أول", "النقيب", "rank"),
    ("الجندي أول", "العريف", "rank"),
    ("العريف", "الجندي أول", "rank"),
    ("الرقيب", "العريف", "rank"),
]
_ROLE_KEYS = {key(p): (r, s) for p, r, s in ROLE_SWAPS}
_ROLE_ALT = "|".join(re.escape(k).replace("\\ ", r"\s+") for k in sorted(_ROLE_KEYS, key=len, reverse=True))
ROLE_RE = re.compile(rf"(?<![{LETTERS}])(?P<pre>[وف]?)(?P<role>{_ROLE_ALT})(?![{LETTERS}])")


def _role_of_person(following: Sequence[Word], rank: bool) -> bool:
    """A given name follows: right after a rank (or after ركن), within six words after a role."""
    if rank:
        ws = [w for w in following[:3] if w.folded not in ("ركن", "الركن")]
        return bool(ws) and given_name(ws[0]) >= 0
    return any(given_name(w) >= 0 for w in following)


def role_edits(ctx: Context) -> list[Edit]:
    """A role or rank followed (within six words) by a given name, swapped (see ``ROLE_SWAPS``)."""
    out: list[Edit] = []
    for art in ctx.story.articles:
        ws = words(art.text)
        for m in ROLE_RE.finditer(fold(art.text), art.body_start):
            a, b = m.span("role")
            k = word_index(ws, b)
            swap = _ROLE_KEYS.get(" ".join(m.group("role").split()))
            if swap is None or not _role_of_person(ws[k : k + 6], swap[1] == "rank"):
                continue
            if not ctx.supported(art, a, b):
                continue
            new, sub = swap
            out.append(replace_edit("role", sub, ctx.story.id, art, a, b, new))
    return out


# ---------------------------------------------------------------------------------------------
# lists

SWAP_NAMES = ["فيصل", "تركي", "سلطان", "ناصر", "سعد", "بندر", "ماجد", "خالد", "فهد", "عبدالرحمن"]
LIST_CLAUSE = re.compile(r"[^.؛:\n!؟]+")


@dataclass(frozen=True)
class Member:
    start: int
    end: int  # trimmed member text; for members after the first, starting at their و
    sep_start: int  # where the separator before it starts (the comma), = start for the first


def comma_lists(text: str, lo: int) -> list[list[Member]]:
    """Runs of at least three members separated by «، و» in the clauses of ``text[lo:]``; members
    are short (≤ 4 words, ≤ 10 when they hold a given name). The first member is its last 3 words."""
    out: list[list[Member]] = []
    for clause in LIST_CLAUSE.finditer(text, lo):
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^،,]+", clause.group())]
        run: list[Member] = []
        for p_start, p_end in parts:
            a, b = clause.start() + p_start, clause.start() + p_end
            seg = text[a:b]
            ws = words(seg)
            s, e = (a + ws[0].start, a + ws[-1].end) if ws else (a, a)
            ok = s < e and _short_member(text[s:e])
            if run and ok and text[s] == "و" and re.fullmatch(r"[،,]?\s*", text[a - 1 : s]):
                run.append(Member(s, e, a - 1))
                continue
            if len(run) >= 3:
                out.append(run)
            run = [_first_member(text, s, e)] if s < e else []
        if len(run) >= 3:
            out.append(run)
    return out


def _short_member(seg: str) -> bool:
    ws = words(seg)
    limit = 10 if any(given_name(w) >= 0 for w in ws) else 4
    return 1 <= len(ws) <= limit and len(ws) == len(seg.split())


def _first_member(text: str, s: int, e: int) -> Member:
    ws = words(text[s:e])
    start = s + ws[-3].start if len(ws) >= 3 else s
    return Member(start, e, start)


def place_lists(text: str, lo: int) -> list[list[Member]]:
    """Runs of three or more lexicon places joined by « و» or «، و»."""
    out: list[list[Member]] = []
    run: list[Member] = []
    for h in place_hits(text):
        if h.start < lo:
            continue
        s = h.start - len(h.pre)
        if run and h.pre.startswith("و") and re.fullmatch(r"\s*[،,]?\s*", text[run[-1].end : s]):
            run.append(Member(s, h.end, run[-1].end))
            continue
        if len(run) >= 3:
            out.append(run)
        run = [Member(s, h.end, s)]
    if len(run) >= 3:
        out.append(run)
    return out


def list_edits(ctx: Context) -> list[Edit]:
    """A member (not the first) of a list dropped, or swapped (places, given names)."""
    out: list[Edit] = []
    for art in ctx.story.articles:
        runs = comma_lists(art.text, art.body_start) + place_lists(art.text, art.body_start)
        seen: set[int] = set()
        for run in runs:
            for k in range(1, len(run)):
                m = run[k]
                if m.start in seen or not _list_supported(ctx, art, run, k):
                    continue
                seen.add(m.start)
                out.extend(_member_edits(ctx, art, run, k))
    return out


def _list_supported(ctx: Context, art: StoryArticle, run: Sequence[Member], k: int) -> bool:
    """The member and the one before it are both named in one other article."""
    prev, cur = run[k - 1], run[k]
    a, b = " " + key(art.text[prev.start : prev.end]) + " ", " " + key(art.text[cur.start : cur.end]) + " "
    return any(a in v and b in v for aid, v in ctx.keys.items() if aid != art.id)


def _member_edits(ctx: Context, art: StoryArticle, run: Sequence[Member], k: int) -> list[Edit]:
    """Drop member *k*; and swap it when it is a place or holds a given name."""
    text, m, prev = art.text, run[k], run[k - 1]
    nxt = run[k + 1] if k + 1 < len(run) else None
    cut = m.end - m.sep_start
    target = (prev.start, (nxt.end - cut) if nxt else prev.end)
    out = [Edit("list", "drop", ctx.story.id, art.id, m.sep_start, m.end, text[m.sep_start : m.end], "", target)]
    swap = _swap_member(ctx, art, m)
    if swap is not None:
        a, b, new = swap
        out.append(replace_edit("list", "swap", ctx.story.id, art, a, b, new))
    return out


def _swap_member(ctx: Context, art: StoryArticle, m: Member) -> tuple[int, int, str] | None:
    hits = [h for h in place_hits(art.text[: m.end]) if h.start >= m.start]
    if hits:
        h = hits[0]
        new = replacement_place(ctx, h.entity, art.text[h.start : h.end], f"list:{art.id}:{h.start}")
        return (h.start, h.end, attach(h.pre, h.lil, new)) if new else None
    for w in words(art.text[m.start : m.end]):
        off = given_name(w)
        if off >= 0:
            a = m.start + w.start + off
            options = [n for n in SWAP_NAMES if not ctx.names(n)]
            if options:
                return a, m.start + w.end, rng_for("list", art.id, str(a)).choice(options)
    return None


# ---------------------------------------------------------------------------------------------
# selection

FINDERS: dict[str, Callable[[Context], list[Edit]]] = {
    "figure": figure_edits,
    "scale": scale_edits,
    "day": day_edits,
    "weekday": weekday_edits,
    "date": date_edits,
    "place": place_edits,
    "name": name_edits,
    "role": role_edits,
    "list": list_edits,
    "headline": lambda ctx: figure_edits(ctx, "headline"),
}


def candidates(stories: Sequence[GoldStory], etype: str) -> dict[str, list[Edit]]:
    """All candidate edits of one type, per story (same-event stories only), deduplicated."""
    out: dict[str, list[Edit]] = {}
    for story in stories:
        if not story.same_event:
            continue
        ctx = Context(story)
        uniq = {(e.article, e.start, e.end, e.after): e for e in FINDERS[etype](ctx) if e.before != e.after}
        if uniq:
            out[story.id] = sorted(uniq.values(), key=lambda e: (e.article, e.start, e.end, e.after))
    return out


def interleave(items: Sequence[Edit], rng: random.Random) -> list[Edit]:
    """*items* shuffled within each subtype, then the subtypes taken in turn (so that a story's
    first picks are of different subtypes)."""
    groups: dict[str, list[Edit]] = {}
    for e in items:
        groups.setdefault(e.subtype, []).append(e)
    for sub in sorted(groups):
        rng.shuffle(groups[sub])
    out: list[Edit] = []
    while any(groups.values()):
        for sub in sorted(groups):
            if groups[sub]:
                out.append(groups[sub].pop(0))
    return out


def select(per_story: dict[str, list[Edit]], etype: str, cap: int) -> list[Edit]:
    """Round-robin over stories (in id order), each story's candidates interleaved by subtype in a
    seeded order, up to *cap*."""
    queues = {}
    for sid in sorted(per_story, key=story_key):
        queues[sid] = interleave(per_story[sid], rng_for("select", etype, sid))
    picked: list[Edit] = []
    while len(picked) < cap and any(queues.values()):
        for sid in list(queues):
            if queues[sid] and len(picked) < cap:
                picked.append(queues[sid].pop(0))
    return sorted(picked, key=lambda e: (story_key(e.story), e.article, e.start))


def generate(stories: Sequence[GoldStory], types: Sequence[str] = TYPES, cap: int = 40) -> dict[str, list[Edit]]:
    """The selected edits per type (and, through ``available``, how many candidates there were)."""
    return {t: select(candidates(stories, t), t, cap) for t in types}


def available(stories: Sequence[GoldStory], etype: str) -> int:
    return sum(len(v) for v in candidates(stories, etype).values())
