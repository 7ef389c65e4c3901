"""Arabic number grammar: find cardinals, ordinals and fractions written in digits, words or both.

The word lists live in ``rules/lexicons/numbers.yaml``; this module compiles them once (lazily) and
runs a small hand-written parser over the folded text (see :func:`checker.text.chars.fold_with_map`),
so spelling variants (أ/إ/ا, ى/ي, ة/ه, diacritics, tatweel, bidi marks, Arabic-Indic digits) all match,
and every span is mapped back to exact offsets in the original text.

>>> [(m.text, m.value) for m in find_numbers("قتل ستة وعشرون شخصا وجرح 1,300 آخرون")]
[('ستة وعشرون', 26), ('1,300', 1300)]
>>> m = find_numbers("بلغت الكلفة نحو 2.5 مليار دولار")[0]
>>> m.text, m.value, m.qualifier, m.written
('نحو 2.5 مليار', 2500000000, 'approx', 'mixed')
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from checker import lexicons
from checker.errors import ConfigError
from checker.text.chars import BIDI_MARKS, DIACRITICS, TATWEEL, fold, fold_digits, fold_with_map

__all__ = ["NumberMatch", "find_numbers", "parse_digits"]


@dataclass(frozen=True)
class NumberMatch:
    """One number found in a text; ``start``/``end`` are offsets into the original text."""

    start: int
    end: int
    text: str
    value: float | int
    kind: str  # "cardinal" | "ordinal" | "fraction"
    written: str  # "digits" | "words" | "mixed"
    qualifier: str | None  # "approx" | "more_than" | "less_than" | "at_least" | None
    high: float | int | None  # upper bound of a range, else None
    definite: bool


# --- digits -----------------------------------------------------------------------------------

_Num = int | Fraction  # exact values while parsing; Fraction only for decimals and fractions
_DEC_AR = "\u066b"  # Arabic decimal separator
_THOU_AR = "\u066c"  # Arabic thousands separator
_DIGITS_FULL_RE = re.compile(r"[0-9]+(?:[.,\u066b\u066c][0-9]+)*")
_SPLIT_RE = re.compile(r"[.,\u066b\u066c]")


def _thousands_ok(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _digits_value(s: str) -> _Num | None:
    """Value of a folded digit string (ASCII digits and separators only), or None if malformed."""
    groups = _SPLIT_RE.split(s)
    if len(groups) == 1:
        return int(s)
    seps = [c for c in s if c in ".,\u066b\u066c"]
    int_groups, dec = groups, ""
    if _DEC_AR in seps:
        if seps.count(_DEC_AR) != 1 or seps[-1] != _DEC_AR:
            return None
        int_groups, dec = groups[:-1], groups[-1]
        if len(int_groups) > 1 and not _thousands_ok(int_groups):
            return None
    else:
        kinds = set(seps) - {_THOU_AR}
        if not kinds:
            if not _thousands_ok(groups):
                return None
        elif len(kinds) == 1:
            sep = next(iter(kinds))
            if _thousands_ok(groups) and not (sep == "." and len(seps) == 1):
                pass  # 1,300 / 1.300.000 / 1,300,000: thousands
            elif len(seps) == 1:
                int_groups, dec = groups[:-1], groups[-1]  # 6,6 / 2.5 / 4.436
            else:
                return None
        else:
            # both "," and ".": the last one is the decimal separator, the other groups thousands
            last = seps[-1]
            if seps.count(last) != 1 or last == _THOU_AR:
                return None
            int_groups, dec = groups[:-1], groups[-1]
            if not _thousands_ok(int_groups):
                return None
    value: _Num = int("".join(int_groups))
    if dec:
        value += Fraction(int(dec), 10 ** len(dec))
    return value


def _to_number(value: _Num) -> float | int:
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
    (a single ``.`` is always a decimal point); ``٫`` is always a decimal point, and a single ``,``
    not followed by exactly three digits is a decimal comma. A bidi mark right after the decimal
    point means the number was typed right to left (``4.\u200f436`` is 436.4).

    >>> parse_digits("1,300"), parse_digits("1.300.000"), parse_digits("٣٬٥٠٠")
    (1300, 1300000, 3500)
    >>> parse_digits("6,6"), parse_digits("0٫2"), parse_digits("2.5"), parse_digits("4.\u200f436")
    (6.6, 0.2, 2.5, 436.4)
    >>> parse_digits("1,300.75"), parse_digits("-12"), parse_digits("۲۰۱۶")
    (1300.75, -12, 2016)
    >>> parse_digits("1.2.3") is None, parse_digits("12a") is None
    (True, True)
    """
    rev = _REVERSED_RE.fullmatch(fold_digits(s.strip()))
    if rev:  # typed right to left around a bidi mark
        s = f"{rev.group(2)}.{rev.group(1)}"
    t = "".join(c for c in fold_digits(s.strip()) if c not in BIDI_MARKS)
    sign = 1
    if t[:1] in ("-", "\u2212"):
        sign, t = -1, t[1:]
    if not _DIGITS_FULL_RE.fullmatch(t):
        return None
    value = _digits_value(t)
    return None if value is None else _to_number(sign * value)


# --- lexicon ----------------------------------------------------------------------------------


def _f(word: str) -> str:
    return fold(word, teh_marbuta=True)


@dataclass(frozen=True)
class _Entry:
    cls: str  # unit | ten | hundred | scale | dscale | frac | fden | ord
    value: _Num
    scale: int = 0
    start_ok: bool = True
    compound_only: bool = False
    teen_head: bool = False
    teen_tail: bool = False
    hundred_word: bool = False
    addable: bool = False
    article: str = "optional"  # optional | never | required
    one_or_conj: bool = False  # واحد: folding also turns و + أحد into it
    final_maqsura: bool = False  # أولى: written with a final ي it is another word (الأولي "preliminary")


_Analysis = tuple[int, bool, _Entry, int]  # prefix length, definite, entry, suffix length


class _Lexicon:
    def __init__(self, data: dict[str, Any]) -> None:
        self.entries: dict[str, _Entry] = {}
        self.proclitics = sorted({_f(p) for p in data["proclitics"]}, key=len, reverse=True)
        self.blocked = {_f(w) for w in data["blocked_tokens"]}
        self.teen_tail = {_f(w) for w in data["teen_tail"]}
        hundred_words = [_f(w) for w in data["hundred_words"]]
        for u in data["units"]:
            for w in u["forms"]:
                fw = _f(w)
                self._add(
                    fw,
                    _Entry(
                        "unit",
                        u["value"],
                        compound_only=u["compound_only"],
                        teen_head=u["teen_head"],
                        teen_tail=fw in self.teen_tail,
                    ),
                )
        for t in data["tens"]:
            for w in t["forms"]:
                self._add(_f(w), _Entry("ten", t["value"]))
        for w in hundred_words:
            # never with the article: المئة is the percent sign (في المئة, بالمئة)
            self._add(w, _Entry("hundred", 100, hundred_word=True, article="never"))
        for h in data["hundreds"]:
            for w in h["forms"]:
                self._add(_f(w), _Entry("hundred", h["value"]))
        for h in data["hundred_heads"]:
            for w in h["forms"]:
                for hw in hundred_words:
                    self._add(_f(w) + hw, _Entry("hundred", h["value"] * 100))
        for s in data["scales"]:
            v = s["value"]
            for key, start in (("singular", True), ("accusative", False), ("plural", False)):
                for w in s[key]:
                    self._add(_f(w), _Entry("scale", v, scale=v, start_ok=start, article="never"))
            for w in s["dual"]:
                self._add(_f(w), _Entry("dscale", 2 * v, scale=v, article="never"))
        # the article + a singular scale word, repeated after a fraction (مليون ونصف المليون)
        self.definite_scales = {"ال" + _f(w) for s in data["scales"] for w in s["singular"]}
        self.definite_scales |= {"ال" + _f(w) for w in hundred_words}
        self.definite_scales |= {_f(w) for s in data["scales"] for w in s["singular"]}
        for den in data["fraction_denominators"]:
            for w in den["forms"]:
                self._add(_f(w), _Entry("fden", den["value"], start_ok=False, article="never"))
        addable = {_f(w) for w in data["addable_fractions"]}
        for fr in data["fractions"]:
            num, den = fr["value"].split("/")
            for w in fr["forms"]:
                fw = _f(w)
                self._add(fw, _Entry("frac", Fraction(int(num), int(den)), addable=fw in addable))
        for o in data["ordinals"]:
            for w in o["forms"]:
                self._add(_f(w), _Entry("ord", o["value"], compound_only=o["compound_only"], article="required"))
        self._flag(data["conjunction_lookalikes"], "one_or_conj")
        self._flag(data["final_alef_maqsura"], "final_maqsura")
        self.frac_suffixes = sorted({_f(w) for w in data["fraction_suffixes"]}, key=len, reverse=True)
        self.frac_blocked_next = {_f(w) for w in data["fraction_blocked_next"]}
        self.ordinal_tens_context = {_f(w) for w in data["ordinal_tens_context"]}
        self.ordinal_blocked_after = {_f(w) for w in data["ordinal_blocked_after"]}
        self.weekday_ambiguous = {_f(w) for w in data["weekdays"]["ambiguous"]}
        self.weekday_names = {_f(w) for w in data["weekdays"]["names"]}
        self.weekday_context = {_f(w) for w in data["weekdays"]["context_before"]}
        # qualifier and range phrases, indexed by their first word
        self.qualifiers: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for qtype, phrases in data["qualifiers"].items():
            for ph in phrases:
                words = tuple(_f(ph).split())
                self.qualifiers.setdefault(words[0], []).append((words, qtype))
        for lst in self.qualifiers.values():
            lst.sort(key=lambda x: len(x[0]), reverse=True)
        self.range_intro: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for rtype in ("between", "from"):
            for ph in data["ranges"][rtype]:
                words = tuple(_f(ph).split())
                self.range_intro.setdefault(words[0], []).append((words, rtype))
        for lst in self.range_intro.values():
            lst.sort(key=lambda x: len(x[0]), reverse=True)
        self.range_to = {_f(w) for w in data["ranges"]["to"]}
        # every token that can start a qualifier or range phrase, with and without a proclitic
        heads = set(self.qualifiers) | set(self.range_intro)
        self.phrase_heads = heads | {p + h for p in self.proclitics for h in heads}
        # Arabic tokens that may be glued to (or, ending in ال, stand before) digits
        self.digit_prefix: dict[str, tuple[int, bool]] = {"ال": (0, True)}
        for p in self.proclitics:
            self.digit_prefix[p] = (len(p), False)
            self.digit_prefix[p + "ال"] = (len(p), True)
            if p.endswith("ل"):
                self.digit_prefix[p + "ل"] = (len(p), True)
        self._memo: dict[str, _Analysis | None] = {}
        self._strip_memo: dict[str, list[tuple[int, str]]] = {}

    def _add(self, form: str, entry: _Entry) -> None:
        self.entries.setdefault(form, entry)

    def _flag(self, forms: list[str], flag: str) -> None:
        for form in forms:
            fw = _f(form)
            if fw not in self.entries:
                raise ConfigError(f"{form!r} is listed under {flag} but is not a number word", path="numbers.yaml")
            self.entries[fw] = dataclasses.replace(self.entries[fw], **{flag: True})  # type: ignore[arg-type]

    def strip_proclitic(self, tok: str) -> list[tuple[int, str]]:
        """``[(0, tok), (len(p), tok minus p), ...]`` for each proclitic p that *tok* starts with."""
        out = self._strip_memo.get(tok)
        if out is None:
            out = [(0, tok)]
            for p in self.proclitics:
                if tok.startswith(p) and len(tok) > len(p) + 1:
                    out.append((len(p), tok[len(p) :]))
            if len(self._strip_memo) < 100_000:
                self._strip_memo[tok] = out
        return out

    def analyze(self, tok: str) -> _Analysis | None:
        """(prefix length, definite, entry, suffix length) for a folded Arabic token, or None."""
        try:
            return self._memo[tok]
        except KeyError:
            pass
        result = None if tok in self.blocked else self._analyze(tok)
        if len(self._memo) < 100_000:
            self._memo[tok] = result
        return result

    def _analyze(self, tok: str) -> _Analysis | None:
        entries = self.entries
        for plen, rest in self.strip_proclitic(tok):
            e = entries.get(rest)
            if e is not None and e.article != "required":
                return plen, False, e, 0
            base = None
            if rest.startswith("ال"):
                base = rest[2:]
            elif plen and tok[plen - 1] == "ل" and rest.startswith("ل"):
                base = rest[1:]  # لل = ل + ال
            if base:
                e = entries.get(base)
                if e is not None and e.article != "never":
                    return plen, True, e, 0
            for suf in self.frac_suffixes:
                if rest.endswith(suf) and len(rest) > len(suf):
                    e = entries.get(rest[: -len(suf)])
                    if e is not None and e.cls == "frac":
                        return plen, False, e, len(suf)
        return None


_LEX: _Lexicon | None = None


def _lex() -> _Lexicon:
    global _LEX
    if _LEX is None:
        _LEX = _Lexicon(lexicons.load("numbers"))
    return _LEX


# --- tokens -----------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"(?P<n>[0-9]+(?:[.,\u066b\u066c][0-9]+)*)"
    r"|(?P<a>[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]+)"
    r"|(?P<l>[A-Za-z_]+)"
    r"|(?P<p>\S)"
)
_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:\+|00)[0-9][0-9 ()\-]{6,}[0-9]"
    r"|(?<![0-9A-Za-z.,])\(?0[0-9]{1,3}\)?[ \-][0-9]{3,4}[ \-]?[0-9]{3,4}(?![0-9])"
    r"|(?<![0-9A-Za-z.,])0[0-9]{8,11}(?![0-9])"
)
_QUICK_RE = re.compile(r"[0-9\u0621-\u064a]")
_DASHES = frozenset("-\u2013\u2014\u2212")
_MINUS = frozenset("-\u2212")
_NEVER_NEXT_TO = frozenset("@#_\\")
_SKIP_IF_DIGIT_BEYOND = frozenset(":/")
_TRAILING_MARKS = DIACRITICS | {TATWEEL}


@dataclass
class _Atom:
    cls: str
    value: _Num
    entry: _Entry | None
    t_next: int
    fs: int
    fe: int
    definite: bool
    prefix: str
    last_tok: int


@dataclass
class _Chain:
    t_next: int
    fs: int
    fe: int
    value: _Num
    kind: str
    digits: bool
    words: bool
    definite: bool
    prefix: str
    mult: _Num | None  # value == mult * scale, for ranges sharing a scale ("بين 5 و7 ملايين")
    scale: int | None
    skip_to: int = 0  # set when the tokens up to skip_to must be ignored (a date like 10-12-2016)


class _Parser:
    def __init__(self, folded: str, lex: _Lexicon, original: str, index: list[int]) -> None:
        self.s = folded
        self.lex = lex
        self.original = original
        self.index = index
        kinds: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        texts: list[str] = []
        gaps: list[int] = []  # 0: glued to the previous token, 1: spaces, 2: newline / start
        prev_end = -1
        for m in _TOKEN_RE.finditer(folded):
            a, b = m.span()
            kinds.append(m.lastgroup or "p")
            starts.append(a)
            ends.append(b)
            texts.append(m.group())
            if prev_end < 0:
                gaps.append(2)
            elif prev_end == a:
                gaps.append(0)
            else:
                gaps.append(2 if "\n" in folded[prev_end:a] else 1)
            prev_end = b
        self.kinds, self.starts, self.ends, self.texts, self.gaps = kinds, starts, ends, texts, gaps
        self.n = len(kinds)
        self.phones = [m.span() for m in _PHONE_RE.finditer(folded)] if "0" in folded or "+" in folded else []

    # -- helpers --
    def conj_ahad(self, t: int) -> bool:
        """True if the token at t, folded to واحد, is really و + أحد ("and one of")."""
        o = self.index[self.starts[t] + 1]
        if self.original[o] in "\u0623\u0625":  # وأحد: the hamza shows the alef starts أحد
            return True
        nxt = self.ar(t + 1)  # واحد before a definite noun can only be و + أحد (واحد follows its noun)
        return bool(self.near(t + 1) and nxt and nxt.startswith("ال") and nxt not in self.lex.weekday_names)

    def near(self, t: int) -> bool:
        """Token t follows the previous one on the same line (glued or separated by spaces)."""
        return t < self.n and self.gaps[t] < 2

    def ar(self, t: int) -> str | None:
        return self.texts[t] if 0 <= t < self.n and self.kinds[t] == "a" else None

    def digits_ok(self, t: int) -> bool:
        s, a, b = self.s, self.starts[t], self.ends[t]
        before = s[a - 1] if a > 0 else " "
        after = s[b] if b < len(s) else " "
        if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
            return False
        if before in _NEVER_NEXT_TO or after in _NEVER_NEXT_TO:
            return False
        if before in _SKIP_IF_DIGIT_BEYOND and a > 1 and s[a - 2].isdigit():
            return False
        if after in _SKIP_IF_DIGIT_BEYOND and b + 1 < len(s) and s[b + 1].isdigit():
            return False
        if before in _DASHES and a > 1 and s[a - 2].isascii() and s[a - 2].isalpha():
            return False  # F-16, COVID-19
        if after in _DASHES and b + 1 < len(s) and s[b + 1].isascii() and s[b + 1].isalpha():
            return False
        for pa, pb in self.phones:
            if pa <= a < pb:
                return False
        return True

    def read_atom(self, t: int) -> _Atom | None:
        if t >= self.n:
            return None
        kind = self.kinds[t]
        lex = self.lex
        if kind == "a":
            tok = self.texts[t]
            dp = lex.digit_prefix.get(tok)
            if (
                dp is not None
                and t + 1 < self.n
                and self.kinds[t + 1] == "n"
                and (self.gaps[t + 1] == 0 or (self.gaps[t + 1] == 1 and tok.endswith("ال")))
            ):
                num = self.read_atom(t + 1)
                if num is None:
                    return None
                plen, definite = dp
                num.fs = self.starts[t] + plen
                num.definite = definite
                num.prefix = tok[:plen]
                return num
            an = lex.analyze(tok)
            if an is None:
                return None
            plen, definite, e, slen = an
            if e.one_or_conj and plen == 0 and not definite and self.conj_ahad(t):
                return None
            if e.final_maqsura and self.original[self.index[self.ends[t] - 1]] == "\u064a":
                return None
            return _Atom(e.cls, e.value, e, t + 1, self.starts[t] + plen, self.ends[t] - slen, definite, tok[:plen], t)
        if kind == "n":
            if not self.digits_ok(t):
                return None
            value = _digits_value(self.texts[t])
            if value is None:
                return None
            fs = self.starts[t]
            # a minus directly before the digits, not itself glued to something before it
            if (
                t > 0
                and self.texts[t - 1] in _MINUS
                and self.gaps[t] == 0
                and (t == 1 or self.gaps[t - 1] > 0 or self.texts[t - 2] in ("(", "["))
            ):
                value, fs = -value, self.starts[t - 1]
            return _Atom("digits", value, None, t + 1, fs, self.ends[t], False, "", t)
        return None

    def next_atom(self, t: int) -> tuple[bool, _Atom] | None:
        """The atom continuing a chain at token t: (joined by و?, atom)."""
        if not self.near(t):
            return None
        if self.texts[t] == "و" and self.kinds[t] == "a" and t + 1 < self.n and self.gaps[t + 1] == 1:
            b = self.read_atom(t + 1)
            if b is None or b.prefix:
                return None
            return True, b
        b = self.read_atom(t)
        if b is None:
            return None
        if b.prefix == "و":
            return True, b
        if b.prefix:
            return None
        return False, b

    # -- numbers --
    def chain(self, t0: int) -> _Chain | None:
        a = self.read_atom(t0)
        if a is None:
            return None
        if a.cls == "ord":
            return self.ordinal(a)
        if a.cls == "frac":
            return self.fraction(a)
        e = a.entry
        if a.cls in ("scale", "fden") and e is not None and not e.start_ok:
            return None
        total: _Num = 0
        group: _Num = 0
        last = a.cls
        top_scale: _Num | None = None
        last_unit: _Entry | None = e if a.cls == "unit" else None
        if a.cls in ("scale", "dscale"):
            assert e is not None
            total, top_scale = a.value, e.scale
            last = "scale"
        else:
            group = a.value
        has_digits = a.cls == "digits"
        has_words = not has_digits
        definite = a.definite
        fe = a.fe
        t = a.t_next
        atoms = 1
        pending_compound = bool(e is not None and e.compound_only)
        snapshot: tuple[Any, ...] | None = None
        mult: _Num | None = None
        scale_v: int | None = None
        while True:
            nxt = self.next_atom(t)
            if nxt is None:
                break
            joined, b = nxt
            if b.definite and not definite:
                break
            be = b.entry
            state = (total, group, last, top_scale, last_unit, has_digits, has_words, fe, t, atoms, mult, scale_v)
            ok = False
            if not joined:
                if b.cls == "fden" and last == "unit" and atoms == 1 and not pending_compound and group < b.value:
                    # ثلاثة أرباع = 3/4
                    return _Chain(
                        b.t_next,
                        a.fs,
                        b.fe,
                        Fraction(group) / b.value,
                        "fraction",
                        False,
                        True,
                        definite,
                        a.prefix,
                        None,
                        None,
                    )
                if (
                    b.cls == "unit"
                    and be is not None
                    and be.teen_tail
                    and last == "unit"
                    and last_unit is not None
                    and last_unit.teen_head
                    and last_unit.value <= 9
                    and not b.definite
                ):
                    group += 10
                    last, pending_compound, ok = "teen", False, True
                elif (
                    b.cls == "hundred"
                    and be is not None
                    and be.hundred_word
                    and last == "unit"
                    and last_unit is not None
                    and not last_unit.compound_only
                    and 3 <= last_unit.value <= 9
                ):
                    group += last_unit.value * 99
                    last, ok = "hundred", True
                elif (
                    b.cls == "scale"
                    and last in ("unit", "teen", "ten", "hundred", "digits")
                    and group > 0
                    and not pending_compound
                    and (top_scale is None or b.value < top_scale)
                    and (last == "digits" or group < 1000)
                ):
                    mult, scale_v = (group, int(b.value)) if total == 0 else (None, None)
                    total += group * b.value
                    group, top_scale, last, ok = 0, b.value, "scale", True
                elif (
                    b.cls == "scale"
                    and be is not None
                    and be.start_ok
                    and last == "scale"
                    and group == 0
                    and top_scale is not None
                    and b.value > top_scale
                ):
                    total *= b.value
                    top_scale, ok = total, True
                    mult, scale_v = None, None
            else:
                if b.cls == "frac" and be is not None and be.addable and last != "frac":
                    total += b.value * (top_scale if last == "scale" and top_scale else 1)
                    last, ok = "frac", True
                    mult, scale_v = None, None
                elif last == "scale" and top_scale is not None:
                    if b.cls in ("unit", "ten", "hundred", "digits") and b.value < top_scale and b.value > 0:
                        group = b.value
                        last, ok = b.cls, True
                    elif b.cls in ("scale", "dscale") and be is not None and be.start_ok and be.scale < top_scale:
                        total += b.value
                        top_scale, last, ok = be.scale, "scale", True
                elif last == "hundred":
                    small_int = b.cls == "digits" and 0 < b.value < 100 and b.value.denominator == 1
                    if b.cls in ("unit", "ten") or small_int:
                        group += b.value
                        last, ok = b.cls, True
                elif last == "unit" and last_unit is not None and last_unit.value <= 9 and b.cls == "ten":
                    group += b.value
                    last, pending_compound, ok = "ten", False, True
                if ok:
                    mult, scale_v = (None, None) if b.cls != "frac" else (mult, scale_v)
            if not ok:
                break
            if b.cls == "unit":
                last_unit = be
                if be is not None and be.compound_only and not pending_compound:
                    pending_compound, snapshot = True, state
            if b.cls == "digits":
                has_digits = True
            else:
                has_words = True
            fe = b.fe
            t = b.t_next
            atoms += 1
            if last == "frac":
                if self.near(t) and self.ar(t) in self.lex.definite_scales:
                    fe, t = self.ends[t], t + 1
                break
        if pending_compound:
            if snapshot is None:
                return None
            (total, group, last, top_scale, last_unit, has_digits, has_words, fe, t, atoms, mult, scale_v) = snapshot
        value = total + group
        if atoms == 1 and a.cls == "unit" and value == 2 and e is not None:
            # الاثنين is Monday unless it follows a definite dual noun (الطرفين الاثنين)
            tok = self.texts[a.last_tok][len(a.prefix) :]
            if tok in self.lex.weekday_ambiguous:
                prev = self.ar(t0 - 1)
                if not (prev and prev.startswith("ال") and prev.endswith(("ين", "ان")) and len(prev) > 5):
                    return None
            elif not a.definite and self.ar(t0 - 1) in self.lex.weekday_context:
                return None
        if atoms == 1 and a.cls == "scale" and not a.prefix and self.near(t) and (self.ar(t) or "").startswith("ال"):
            return None  # ألّف الكاتب: the verb "authored", not ألف + a definite noun
        kind = "cardinal"
        if (
            atoms == 1
            and a.cls == "ten"
            and a.definite
            and self.near(a.last_tok)
            and any(
                w in self.lex.ordinal_tens_context for _, w in self.lex.strip_proclitic(self.ar(a.last_tok - 1) or "")
            )
        ):
            kind = "ordinal"
        if mult is not None and total + group != mult * (scale_v or 1):
            mult, scale_v = None, None
        return _Chain(t, a.fs, fe, value, kind, has_digits, has_words, definite, a.prefix, mult, scale_v)

    def ordinal(self, a: _Atom) -> _Chain | None:
        e = a.entry
        assert e is not None
        value = a.value
        fe, t = a.fe, a.t_next
        nxt = self.next_atom(t)
        done = False
        if nxt is not None and value <= 9 and not (value == 1 and not e.compound_only):
            joined, b = nxt
            if not joined and b.entry is not None and b.entry.teen_tail and not b.definite:
                value, fe, t, done = value + 10, b.fe, b.t_next, True
            elif joined and b.cls == "ten" and b.definite:
                value, fe, t, done = value + b.value, b.fe, b.t_next, True
        if not done:
            if e.compound_only:
                return None
            prev = self.ar(a.last_tok - 1)
            if prev is not None and self.gaps[a.last_tok] == 1:
                for _, word in self.lex.strip_proclitic(prev):
                    if word in self.lex.ordinal_blocked_after:
                        return None
        return _Chain(t, a.fs, fe, value, "ordinal", False, True, True, a.prefix, None, None)

    def fraction(self, a: _Atom) -> _Chain | None:
        if a.prefix.startswith("و"):
            return None  # ساعتين ونصف: the add-on of something we do not count
        nxt = self.next_atom(a.t_next)
        if nxt is not None and a.fe == self.ends[a.last_tok]:
            joined, b = nxt
            if not joined and b.cls == "scale" and b.entry is not None and b.entry.start_ok:
                return _Chain(
                    b.t_next,
                    a.fs,
                    b.fe,
                    a.value * b.value,
                    "cardinal",
                    False,
                    True,
                    a.definite,
                    a.prefix,
                    a.value,
                    int(b.value),
                )
        nxt_word = self.ar(a.t_next)
        if nxt_word in self.lex.frac_blocked_next and self.near(a.t_next):
            return None
        return _Chain(a.t_next, a.fs, a.fe, a.value, "fraction", False, True, a.definite, a.prefix, None, None)

    def phrase(self, t: int, index: dict[str, list[tuple[tuple[str, ...], str]]]) -> tuple[str, int, int] | None:
        """A qualifier/range phrase starting at token t: (type, next token, folded start)."""
        tok = self.ar(t)
        if tok is None or tok not in self.lex.phrase_heads:
            return None
        for plen, word in self.lex.strip_proclitic(tok):
            for words, ptype in index.get(word, ()):
                k = t + 1
                for w in words[1:]:
                    if not self.near(k) or self.ar(k) != w:
                        break
                    k += 1
                else:
                    if self.near(k):
                        return ptype, k, self.starts[t] + plen
        return None

    def second(self, t: int, joined: bool) -> _Chain | None:
        """The second number of a range at token t (after و when *joined*)."""
        if not self.near(t):
            return None
        if joined:
            if self.texts[t] == "و" and self.kinds[t] == "a" and t + 1 < self.n and self.gaps[t + 1] == 1:
                y = self.chain(t + 1)
                return y if y is not None and not y.prefix else None
            y = self.chain(t)
            return y if y is not None and y.prefix == "و" else None
        y = self.chain(t)
        return y if y is not None and not y.prefix else None

    def parse_at(self, i: int) -> tuple[_Chain, _Chain | None, str | None, int] | None:
        """(first number, range end, qualifier, folded start) for a number starting at token i."""
        q = self.phrase(i, self.lex.qualifiers)
        qtype, j, qstart = (q[0], q[1], q[2]) if q else (None, i, -1)
        r = self.phrase(j, self.lex.range_intro)
        if r is not None:
            x = self.chain(r[1])
            if x is not None and x.kind == "cardinal" and not x.prefix:
                y = None
                if r[0] == "between":
                    y = self.second(x.t_next, True)
                elif self.near(x.t_next) and self.ar(x.t_next) in self.lex.range_to:
                    y = self.second(x.t_next + 1, False)
                if y is not None and y.kind == "cardinal":
                    x = _share_scale(x, y)
                    if y.value > x.value:
                        return x, y, qtype, qstart if q else r[2]
        x = self.chain(j)
        if x is None:
            return None
        if q is not None and x.prefix:
            return None
        if x.digits and not x.words and x.t_next - j == 1 and self.near(x.t_next):
            d = x.t_next
            if self.texts[d] in _DASHES and d + 1 < self.n and self.kinds[d + 1] == "n" and self.gaps[d + 1] < 2:
                y = self.chain(d + 1)
                if y is not None and y.fs < self.starts[d + 1]:  # the dash is not a minus sign
                    y.value, y.fs = -y.value, self.starts[d + 1]
                if y is not None and y.digits:
                    d2 = d + 2
                    if (
                        d2 < self.n
                        and self.texts[d2] in _DASHES
                        and self.gaps[d2] < 2
                        and d2 + 1 < self.n
                        and self.kinds[d2 + 1] == "n"
                        and self.gaps[d2 + 1] < 2
                    ):
                        x.skip_to = d2 + 2  # 10-12-2016: a date, not numbers
                        return x, None, None, -2
                    x = _share_scale(x, y)
                    if y.value > x.value:
                        return x, y, qtype, qstart if q else x.fs
        return x, None, qtype, qstart if q else x.fs


def _share_scale(x: _Chain, y: _Chain) -> _Chain:
    """بين 5 و7 ملايين: the first number takes the scale of the second."""
    if y.scale and y.mult is not None and x.scale is None and 0 < x.value < y.mult:
        x.mult, x.scale = x.value, y.scale
        x.value = x.value * y.scale
    return x


# Press conventions rewritten (same length) before parsing: a decimal typed right-to-left around
# a bidi mark ("3.\u200f1" is 1.3) or with ر as the separator ("9ر53" is 53.9), and the Arabic
# comma between digits used as a decimal comma ("157،7 مليون").
_REVERSED_RE = re.compile(r"(?<![0-9.,\u066b])([0-9]+)(?:[.\u066b][\u200e\u200f\u061c]|ر)([0-9]+)(?![0-9])")
_AR_COMMA_RE = re.compile(r"(?<=[0-9])\u060c(?=[0-9])")


def _press_conventions(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Rewrite the conventions above; returns the new text (same length) and the rewritten spans."""
    digits = fold_digits(text)
    spans: list[tuple[int, int]] = []
    out = list(text)
    for m in _REVERSED_RE.finditer(digits):
        a, b = m.group(1), m.group(2)
        new = f"{b}.{a}"
        new = new + "\u200f" * (m.end() - m.start() - len(new))
        out[m.start() : m.end()] = list(new)
        spans.append((m.start(), m.end()))
    rewritten = _AR_COMMA_RE.sub(",", "".join(out))
    return rewritten, spans


def find_numbers(text: str) -> list[NumberMatch]:
    """All numbers in *text*, sorted by start, non-overlapping, longest match first.

    Right-to-left typed decimals read the right way round:

    >>> [(m.text, m.value) for m in find_numbers("لمدة 3.\u200f1 ساعة و9ر53 نقطة و157،7 مليون")]
    [('3.\u200f1', 1.3), ('9ر53', 53.9), ('157،7 مليون', 157700000)]

    >>> [(m.text, m.value, m.kind, m.definite) for m in find_numbers("الدول السبع والقرن الحادي والعشرين")]
    [('السبع', 7, 'cardinal', True), ('الحادي والعشرين', 21, 'ordinal', True)]
    >>> [(m.text, m.value, m.high) for m in find_numbers("قتل بين 5 و7 ملايين شخص")]
    [('بين 5 و7 ملايين', 5000000, 7000000)]
    >>> [(m.text, m.value) for m in find_numbers("وألف وتسعمائة وخمسة وثمانين، والـ26")]
    [('ألف وتسعمائة وخمسة وثمانين', 1985), ('الـ26', 26)]
    >>> find_numbers("يوم الاثنين في كانون الثاني الساعة 10:30")
    []
    """
    if not text or _QUICK_RE.search(fold_digits(text)) is None:
        return []
    rewritten, spans = _press_conventions(text)
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


def _find_numbers(text: str) -> list[NumberMatch]:
    folded, index = fold_with_map(text, teh_marbuta=True)
    parser = _Parser(folded, _lex(), text, index)
    out: list[NumberMatch] = []
    i, n = 0, parser.n
    kinds, texts, lex = parser.kinds, parser.texts, parser.lex
    while i < n:
        kind = kinds[i]
        if kind != "n" and (
            kind != "a"
            or (texts[i] not in lex.phrase_heads and texts[i] not in lex.digit_prefix and lex.analyze(texts[i]) is None)
        ):
            i += 1
            continue
        res = parser.parse_at(i)
        if res is None:
            i += 1
            continue
        x, y, qtype, fs = res
        if fs == -2:
            i = x.skip_to
            continue
        last = y if y is not None else x
        start = index[fs]
        if y is None and x.t_next - i == 1 and "\u0651" in text[start : index[x.fe - 1] + 1] and x.value == 1000:
            i += 1  # ألّف (with shadda) is the verb "authored"
            continue
        end = index[last.fe - 1] + 1
        while end < len(text) and text[end] in _TRAILING_MARKS:
            end += 1
        if y is not None:
            written = _written(x.digits or y.digits, x.words or y.words)
        else:
            written = _written(x.digits, x.words)
        out.append(
            NumberMatch(
                start=start,
                end=end,
                text=text[start:end],
                value=_to_number(x.value),
                kind=x.kind,
                written=written,
                qualifier=qtype,
                high=_to_number(y.value) if y is not None else None,
                definite=x.definite,
            )
        )
        i = max(last.t_next, i + 1)
    return out


def _written(digits: bool, words: bool) -> str:
    if digits and words:
        return "mixed"
    return "digits" if digits else "words"
