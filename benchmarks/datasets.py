"""Loaders for the development data sets, and the small Arabic text helpers used to read their gold.

Everything is read in place (the licences forbid copying the data into the repository). The helpers
here are deliberately independent of ``checker``: the benchmark must not grade the product with the
product's own normalization.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# data types


@dataclass(frozen=True)
class Span:
    """A gold span: ``text[start:end]`` of its document, with its label (``CARDINAL``, ``PER``...)."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class Doc:
    """A text rebuilt from tokens (joined by single spaces) with its gold spans."""

    id: str
    text: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Pair:
    """One ANS headline pair."""

    id: str
    s1: str
    s2: str
    stance: str


@dataclass(frozen=True)
class NewsArticle:
    """One SaudiNewsNet article."""

    id: str
    source: str
    url: str
    date: str
    title: str
    author: str
    content: str


# ---------------------------------------------------------------------------------------------
# CoNLL-like token files (Wojood, AQMAR)

TokenRow = tuple[str, tuple[str, ...]]  # token, its tags ("B-X" / "I-X"; "O" dropped)


def build_doc(doc_id: str, sentences: list[list[TokenRow]], sentence_sep: str = "\n") -> Doc:
    """Join tokens with single spaces (sentences with *sentence_sep*) and decode the BIO tags.

    Each label is decoded on its own, so nested annotations (a CARDINAL inside a MONEY, an ORG
    inside an OCC) give one span per layer. ``I-X`` without an open ``X`` starts a new span.
    """
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    for s_index, sentence in enumerate(sentences):
        if s_index:
            parts.append(sentence_sep)
            pos += len(sentence_sep)
        open_spans: dict[str, list[int]] = {}  # label -> [start, end]
        for t_index, (token, tags) in enumerate(sentence):
            if t_index:
                parts.append(" ")
                pos += 1
            start, end = pos, pos + len(token)
            parts.append(token)
            pos = end
            seen: dict[str, str] = {}
            for tag in tags:
                bio, _, label = tag.partition("-")
                if bio in ("B", "I") and label:
                    # B wins over I when one token carries both for one label
                    if seen.get(label) != "B":
                        seen[label] = bio
            for label in sorted(open_spans):
                if label not in seen or seen[label] == "B":
                    a, b = open_spans.pop(label)
                    spans.append(Span(a, b, label, ""))
            for label in sorted(seen):
                if label in open_spans:
                    open_spans[label][1] = end
                else:
                    open_spans[label] = [start, end]
        for label in sorted(open_spans):
            a, b = open_spans.pop(label)
            spans.append(Span(a, b, label, ""))
    text = "".join(parts)
    out = sorted((Span(s.start, s.end, s.label, text[s.start : s.end]) for s in spans), key=_span_key)
    return Doc(doc_id, text, tuple(out))


def _span_key(s: Span) -> tuple[int, int, str]:
    return (s.start, s.end, s.label)


def _read_conll(path: Path) -> Iterator[list[list[str]]]:
    """Blocks of whitespace-split non-empty lines, one block per sentence."""
    block: list[list[str]] = []
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            fields = line.split()
            if not fields:
                if block:
                    yield block
                block = []
            else:
                block.append(fields)
    if block:
        yield block


WOJOOD_SKIP = {"$#$"}  # Wojood's paragraph marker, not text


def load_wojood(path: Path | str, limit: int | None = None) -> list[Doc]:
    """One :class:`Doc` per Wojood sentence (``token TAG [TAG...]`` per line, nested tags)."""
    docs: list[Doc] = []
    for block in _read_conll(Path(path)):
        rows: list[TokenRow] = [(f[0], tuple(t for t in f[1:] if t != "O")) for f in block if f[0] not in WOJOOD_SKIP]
        if not rows:
            continue
        docs.append(build_doc(f"wojood-{len(docs):04d}", [rows]))
        if limit is not None and len(docs) >= limit:
            break
    return docs


_AQMAR_TAG = re.compile(r"^([BI])-+(PER|LOC|ORG)$")


def aqmar_tag(tag: str) -> tuple[str, ...]:
    """Map an AQMAR tag to our BIO tag: PER/LOC/ORG kept (typos like ``I--ORG`` repaired), the
    MISC family and stray tags dropped."""
    m = _AQMAR_TAG.match(tag)
    return (f"{m.group(1)}-{m.group(2)}",) if m else ()


def load_aqmar_file(path: Path) -> Doc:
    sentences: list[list[TokenRow]] = []
    for block in _read_conll(path):
        sentences.append([(f[0], aqmar_tag(f[-1]) if len(f) > 1 else ()) for f in block])
    return build_doc(f"aqmar-{path.stem}", sentences)


def load_aqmar(path: Path | str, limit: int | None = None) -> list[Doc]:
    """One :class:`Doc` per AQMAR article (sentences joined by newlines)."""
    files = sorted(p for p in Path(path).iterdir() if p.is_file() and p.suffix == ".txt")
    if limit is not None:
        files = files[:limit]
    return [load_aqmar_file(p) for p in files]


# ---------------------------------------------------------------------------------------------
# ANS stance pairs


def load_ans(path: Path | str, limit: int | None = None) -> list[Pair]:
    out: list[Pair] = []
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            out.append(Pair(f"ans-{i:04d}", row["s1"].strip(), row["s2"].strip(), row["stance"].strip().lower()))
    if limit is not None:
        out = out[:limit]
    return out


# ---------------------------------------------------------------------------------------------
# SaudiNewsNet


def article_id(source: str, url: str) -> str:
    """A stable short id: ``<source>_<sha1(url)[:8]>``."""
    return f"{source}_{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"


def load_saudi(path: Path | str) -> list[NewsArticle]:
    """Articles of a SaudiNewsNet day file (a zip holding one JSON array), read without extracting."""
    with zipfile.ZipFile(path) as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".json"))
        if not names:
            raise ValueError(f"{path}: no .json member")
        rows = json.loads(zf.read(names[0]).decode("utf-8"))
    out: list[NewsArticle] = []
    used: set[str] = set()
    for row in rows:
        source = str(row.get("source") or "unknown")
        url = str(row.get("url") or "")
        aid = article_id(source, url)
        n = 2
        while aid in used:  # the same url twice: keep both, distinctly named
            aid = f"{article_id(source, url)}-{n}"
            n += 1
        used.add(aid)
        out.append(
            NewsArticle(
                id=aid,
                source=source,
                url=url,
                date=str(row.get("date_extracted") or ""),
                title=str(row.get("title") or "").strip(),
                author=str(row.get("author") or "").strip(),
                content=str(row.get("content") or "").strip(),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Arabic text helpers (for reading gold values and diffing headlines)

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_CHAR_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "٫": ".",
        "٬": ",",
        "٪": "%",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|%", re.UNICODE)


def normalize(text: str) -> str:
    """Fold the usual orthographic variants; Arabic-Indic digits become ASCII."""
    return _BIDI.sub("", _DIACRITICS.sub("", text)).translate(_CHAR_MAP)


def tokens(text: str) -> list[str]:
    """Normalized word, number and % tokens."""
    return TOKEN_RE.findall(normalize(text))


_PROCLITICS = ("و", "ف")
_PREPS = ("ب", "ل", "ك")


def strip_clitics(token: str, lexicon: Iterable[str] | None = None) -> str:
    """Remove و/ف, then ب/ل/ك, then ال (``وبالمغرب`` → ``مغرب``) while at least 3 letters stay.

    With a *lexicon*, return the first candidate (from the longest) found in it, else the token.
    """
    cands = [token]
    t = token
    if t[:1] in _PROCLITICS and len(t) > 3:
        t = t[1:]
        cands.append(t)
    if t[:1] in _PREPS and len(t) > 3:
        t = "ا" + t[1:] if t.startswith("لل") else t[1:]  # لل → ال
        cands.append(t)
    if t.startswith("ال") and len(t) > 4:
        t = t[2:]
        cands.append(t)
    if lexicon is not None:
        lex = set(lexicon)
        for c in cands:
            if c in lex:
                return c
        return token
    return cands[-1]


# number words, normalized (ة→ه, ى→ي, أ/إ/آ→ا)
UNITS = {
    "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثنتا": 2, "اثني": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}  # fmt: skip
TENS = {
    stem + suffix: value
    for stem, value in (
        ("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60), ("سبع", 70), ("ثمان", 80), ("تسع", 90),
    )
    for suffix in ("ون", "ين")
}  # fmt: skip
HUNDREDS = {
    "مئه": 100, "مائه": 100, "ميه": 100,
    "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200, "مئتي": 200, "مائتي": 200,
}  # fmt: skip
for _stem, _v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9)):
    HUNDREDS[_stem + "مئه"] = _v * 100
    HUNDREDS[_stem + "مائه"] = _v * 100
SCALES = {
    "الف": 1_000, "الاف": 1_000, "الفا": 1_000, "الفان": 2_000, "الفين": 2_000,
    "مليون": 1_000_000, "ملايين": 1_000_000, "مليونا": 1_000_000, "مليونان": 2_000_000, "مليونين": 2_000_000,
    "مليار": 1_000_000_000, "مليارات": 1_000_000_000, "مليارا": 1_000_000_000,
    "مليارين": 2_000_000_000, "ملياران": 2_000_000_000,
    "الفي": 2_000, "مليوني": 2_000_000, "ملياري": 2_000_000_000,
}  # fmt: skip
VAGUE_SCALES = {"الاف", "الالاف", "ملايين", "الملايين", "مليارات", "المليارات"}  # "thousands of": no number
ONE_WORDS = {"واحد", "واحده", "احد", "احدي", "الواحد", "الواحده"}  # "one of", "a single": rarely a count
ORDINALS = {
    "اول": 1, "اولي": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3, "رابع": 4, "رابعه": 4,
    "خامس": 5, "خامسه": 5, "سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7, "ثامن": 8, "ثامنه": 8,
    "تاسع": 9, "تاسعه": 9, "عاشر": 10, "عاشره": 10, "حادي": 1, "حاديه": 1,
}  # fmt: skip
HEDGES = {"حوالي", "نحو", "قرابه", "زهاء", "اكثر", "اقل", "من", "ما", "يقارب", "تقريبا", "فقط", "و", "ال", "ـ"}
PERCENT_WORDS = {"%", "بالمئه", "بالمائه", "المئه", "المائه", "بالميه"}  # في المئة: في + المئة
# the tables are written by hand; fold them like the text they are matched against (مائة → مايه)
UNITS, TENS, HUNDREDS, SCALES, ORDINALS = (
    {normalize(k): v for k, v in table.items()} for table in (UNITS, TENS, HUNDREDS, SCALES, ORDINALS)
)
HEDGES = {normalize(w) for w in HEDGES}
VAGUE_SCALES = {normalize(w) for w in VAGUE_SCALES}
ONE_WORDS = {normalize(w) for w in ONE_WORDS}
PERCENT_WORDS = {normalize(w) for w in PERCENT_WORDS}
NUMBER_WORDS: dict[str, int] = {**UNITS, **TENS, **HUNDREDS}
_ALL_NUMBER_WORDS = set(NUMBER_WORDS) | set(SCALES)


def is_hedge(token: str) -> bool:
    """حوالي, بنحو, وأكثر... (words that may precede or join a number without changing it)."""
    return token in HEDGES or strip_clitics(token, HEDGES) in HEDGES


def number_word(token: str) -> tuple[str, int] | None:
    """``("unit"|"scale", value)`` for a (normalized) number word, clitics allowed (وأربعمائة)."""
    if token in PERCENT_WORDS or is_date_token(token):  # بالمئة is not 100; الاثنين is Monday
        return None
    base = strip_clitics(token, _ALL_NUMBER_WORDS)
    if base in SCALES:
        return "scale", SCALES[base]
    if base in NUMBER_WORDS:
        return "unit", NUMBER_WORDS[base]
    return None


def digit_value(token: str) -> float | None:
    """``1,500`` → 1500, ``6,6`` → 6.6, ``8.2`` → 8.2; None when ambiguous (``1,2,3``)."""
    if not token[:1].isdigit():
        return None
    groups = re.split(r"([.,])", token)
    if len(groups) == 1:
        return float(token)
    seps = groups[1::2]
    nums = groups[0::2]
    if all(s == "," for s in seps) and all(len(g) == 3 for g in nums[1:]):
        return float("".join(nums))
    if len(seps) == 1:
        return float(nums[0] + "." + nums[1])
    if seps[-1] == "." and all(s == "," for s in seps[:-1]) and all(len(g) == 3 for g in nums[1:-1]):
        return float("".join(nums[:-1]) + "." + nums[-1])
    return None


def _is_number_token(tok: str) -> bool:
    return tok[:1].isdigit() or number_word(tok) is not None


def number_runs(text: str) -> list[tuple[str, float | None]]:
    """Numbers written in *text*: ``(normalized surface, value)`` per run of number tokens.

    A run is digits and number words with the connectors و/من between them, so ``مليون و800 ألف``
    is one run worth 1,800,000; ``20%`` and ``20 بالمئة`` give the same value 20. The value is None
    when the run cannot be read.
    """
    toks = tokens(text)
    out: list[tuple[str, float | None]] = []
    i = 0
    while i < len(toks):
        if not _is_number_token(toks[i]):
            i += 1
            continue
        j = i
        run: list[str] = []
        while j < len(toks) and (
            _is_number_token(toks[j]) or (toks[j] == "و" and j + 1 < len(toks) and _is_number_token(toks[j + 1]))
        ):
            run.append(toks[j])
            j += 1
        i = j
        if all(strip_clitics(t, VAGUE_SCALES) in VAGUE_SCALES for t in run) or (
            len(run) == 1 and strip_clitics(run[0], ONE_WORDS) in ONE_WORDS
        ):
            continue
        value = parse_number_tokens(run)
        surface = " ".join(run)
        if j < len(toks) and (
            toks[j] in PERCENT_WORDS or (toks[j] == "في" and bool(set(toks[j + 1 : j + 2]) & PERCENT_WORDS))
        ):
            surface += " %"
        out.append((surface, value))
    return out


def parse_number_tokens(toks: list[str]) -> float | None:
    """The value of a run of number tokens (digits, words, scale words); None if unreadable."""
    total = 0.0
    current = 0.0
    seen = False
    last_digit = False
    for tok in toks:
        if is_hedge(tok):
            continue
        if tok[:1].isdigit():
            v = digit_value(tok)
            if v is None or last_digit:
                return None
            current += v
            seen = last_digit = True
            continue
        last_digit = False
        w = number_word(tok)
        if w is None:
            return None
        kind, v = w
        seen = True
        if kind == "scale":
            current = (current or 1.0) * v
            total += current
            current = 0.0
        elif v == 100 and 0 < current < 10:
            current *= 100
        else:
            current += v
    return round(total + current, 6) if seen else None


def parse_number_span(text: str) -> float | None:
    """The number written in a gold span (CARDINAL, PERCENT, MONEY): the first run of number tokens,
    after optional hedges (حوالي, نحو...). None when there is no number, something else precedes it,
    two numbers appear (``2 , 0``), or a word in the run is unknown (``عشرات``)."""
    toks = tokens(text)
    i = 0
    while i < len(toks) and is_hedge(toks[i]):
        i += 1
    run: list[str] = []
    while i < len(toks) and (_is_number_token(toks[i]) or toks[i] in ("و", "من")):
        run.append(toks[i])
        i += 1
    while run and run[-1] in ("و", "من"):
        run.pop()
    if not run:
        return None
    rest = toks[i:]
    if any(_is_number_token(t) for t in rest):
        return None
    return parse_number_tokens(run)


def parse_ordinal_span(text: str) -> int | None:
    """``الثاني`` → 2, ``الحادي عشر`` → 11, ``2`` → 2, ``الـ5`` → 5; None if unreadable."""
    toks = [t for t in tokens(text) if t not in ("ال", "ـ")]
    if not toks:
        return None
    if len(toks) == 1 and toks[0].isdigit():
        return int(toks[0])
    base = strip_clitics(toks[0], ORDINALS)
    if base not in ORDINALS:
        return None
    value = ORDINALS[base]
    if len(toks) >= 2 and toks[1] in ("عشر", "عشره"):
        value += 10
    elif base in ("حادي", "حاديه"):
        return None
    return value


MONTHS = {
    normalize(m)
    for m in (
        "يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس "
        "سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر "
        "كانون تشرين شباط آذار نيسان أيار حزيران تموز آب أيلول "
        "محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة"
    ).split()
}
WEEKDAYS = {normalize(d) for d in "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة".split()}
WEEKDAYS |= {"سبت", "ثلاثاء", "اربعاء", "خميس", "جمعه"}  # not احد/اثنين: those are also numbers
_DATE_WORDS = MONTHS | WEEKDAYS


def is_date_token(tok: str) -> bool:
    """A month or weekday name (any clitics), or a year 1900-2099."""
    if tok.isdigit():
        return len(tok) == 4 and 1900 <= int(tok) <= 2099
    return strip_clitics(tok, _DATE_WORDS) in _DATE_WORDS or tok in _DATE_WORDS
