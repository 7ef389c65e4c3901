"""The number words of ``rules/lexicons/numbers.yaml``, folded and indexed once (lazily).

Every word is folded exactly as the text is (:func:`checker.text.chars.fold`, teh marbuta to
heh), and :meth:`NumberLexicon.analyze` reads a folded token as proclitic + article + number word
+ fraction suffix. The proclitics are the shared table, :data:`checker.text.clitics.PROCLITICS`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from checker import lexicons
from checker.errors import ConfigError
from checker.grammar.numerals.digits import Num
from checker.text.chars import fold
from checker.text.clitics import ARTICLE, PROCLITICS

#: qualifier / range phrases indexed by their first word: [(words, type)], longest first
PhraseIndex = dict[str, list[tuple[tuple[str, ...], str]]]

_MEMO_LIMIT = 100_000


def fold_word(word: str) -> str:
    """A lexicon word folded the way the text is."""
    return fold(word, teh_marbuta=True)


@dataclass(frozen=True)
class Entry:
    cls: str  # unit | ten | hundred | scale | dscale | frac | fden | ord
    value: Num
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


#: a number word read from a token: (prefix length, definite, entry, suffix length)
WordReading = tuple[int, bool, Entry, int]


def _folded(words: list[str]) -> set[str]:
    return {fold_word(w) for w in words}


def _phrase_index(groups: list[tuple[str, list[str]]]) -> PhraseIndex:
    index: PhraseIndex = {}
    for ptype, phrases in groups:
        for ph in phrases:
            words = tuple(fold_word(ph).split())
            index.setdefault(words[0], []).append((words, ptype))
    for lst in index.values():
        lst.sort(key=lambda x: len(x[0]), reverse=True)
    return index


class NumberLexicon:
    """Folded number words (:class:`Entry` by form) and the context word lists of the grammar."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.entries: dict[str, Entry] = {}
        self.proclitics = sorted({fold_word(p) for p in PROCLITICS}, key=len, reverse=True)
        self.blocked = _folded(data["blocked_tokens"])
        self.teen_tail = _folded(data["teen_tail"])
        hundred_words = [fold_word(w) for w in data["hundred_words"]]
        self._add_units_tens_hundreds(data, hundred_words)
        self._add_scales(data, hundred_words)
        self._add_fractions(data)
        for o in data["ordinals"]:
            for w in o["forms"]:
                self._add(fold_word(w), Entry("ord", o["value"], compound_only=o["compound_only"], article="required"))
        self._flag(data["conjunction_lookalikes"], "one_or_conj")
        self._flag(data["final_alef_maqsura"], "final_maqsura")
        self._add_context_words(data)
        self._add_phrases(data)
        self._add_digit_prefixes()
        self._memo: dict[str, WordReading | None] = {}
        self._strip_memo: dict[str, list[tuple[int, str]]] = {}

    # -- building --
    def _add_units_tens_hundreds(self, data: dict[str, Any], hundred_words: list[str]) -> None:
        for u in data["units"]:
            for w in u["forms"]:
                fw = fold_word(w)
                entry = Entry(
                    "unit",
                    u["value"],
                    compound_only=u["compound_only"],
                    teen_head=u["teen_head"],
                    teen_tail=fw in self.teen_tail,
                )
                self._add(fw, entry)
        for t in data["tens"]:
            for w in t["forms"]:
                self._add(fold_word(w), Entry("ten", t["value"]))
        for w in hundred_words:
            # never with the article: المئة is the percent sign (في المئة, بالمئة)
            self._add(w, Entry("hundred", 100, hundred_word=True, article="never"))
        for h in data["hundreds"]:
            for w in h["forms"]:
                self._add(fold_word(w), Entry("hundred", h["value"]))
        for h in data["hundred_heads"]:
            for w in h["forms"]:
                for hw in hundred_words:
                    self._add(fold_word(w) + hw, Entry("hundred", h["value"] * 100))

    def _add_scales(self, data: dict[str, Any], hundred_words: list[str]) -> None:
        for s in data["scales"]:
            v = s["value"]
            for key, start in (("singular", True), ("accusative", False), ("plural", False)):
                for w in s[key]:
                    self._add(fold_word(w), Entry("scale", v, scale=v, start_ok=start, article="never"))
            for w in s["dual"]:
                self._add(fold_word(w), Entry("dscale", 2 * v, scale=v, article="never"))
        # the article + a singular scale word, repeated after a fraction (مليون ونصف المليون)
        singular = {fold_word(w) for s in data["scales"] for w in s["singular"]}
        self.definite_scales = {ARTICLE + w for w in singular}
        self.definite_scales |= {ARTICLE + w for w in hundred_words}
        self.definite_scales |= singular

    def _add_fractions(self, data: dict[str, Any]) -> None:
        for den in data["fraction_denominators"]:
            for w in den["forms"]:
                self._add(fold_word(w), Entry("fden", den["value"], start_ok=False, article="never"))
        addable = _folded(data["addable_fractions"])
        for fr in data["fractions"]:
            num, den = fr["value"].split("/")
            for w in fr["forms"]:
                fw = fold_word(w)
                self._add(fw, Entry("frac", Fraction(int(num), int(den)), addable=fw in addable))

    def _add_context_words(self, data: dict[str, Any]) -> None:
        self.frac_suffixes = sorted(_folded(data["fraction_suffixes"]), key=len, reverse=True)
        self.frac_blocked_next = _folded(data["fraction_blocked_next"])
        self.ordinal_tens_context = _folded(data["ordinal_tens_context"])
        self.ordinal_blocked_after = _folded(data["ordinal_blocked_after"])
        self.weekday_ambiguous = _folded(data["weekdays"]["ambiguous"])
        self.weekday_names = _folded(data["weekdays"]["names"])
        self.weekday_context = _folded(data["weekdays"]["context_before"])

    def _add_phrases(self, data: dict[str, Any]) -> None:
        self.qualifiers = _phrase_index(list(data["qualifiers"].items()))
        self.range_intro = _phrase_index([(rtype, data["ranges"][rtype]) for rtype in ("between", "from")])
        self.range_to = _folded(data["ranges"]["to"])
        # every token that can start a qualifier or range phrase, with and without a proclitic
        heads = set(self.qualifiers) | set(self.range_intro)
        self.phrase_heads = heads | {p + h for p in self.proclitics for h in heads}

    def _add_digit_prefixes(self) -> None:
        # Arabic tokens that may be glued to (or, ending in ال, stand before) digits
        self.digit_prefix: dict[str, tuple[int, bool]] = {ARTICLE: (0, True)}
        for p in self.proclitics:
            self.digit_prefix[p] = (len(p), False)
            self.digit_prefix[p + ARTICLE] = (len(p), True)
            if p.endswith("ل"):
                self.digit_prefix[p + "ل"] = (len(p), True)

    def _add(self, form: str, entry: Entry) -> None:
        self.entries.setdefault(form, entry)

    def _flag(self, forms: list[str], flag: str) -> None:
        for form in forms:
            fw = fold_word(form)
            if fw not in self.entries:
                raise ConfigError(f"{form!r} is listed under {flag} but is not a number word", path="numbers.yaml")
            self.entries[fw] = dataclasses.replace(self.entries[fw], **{flag: True})  # type: ignore[arg-type]

    # -- lookups --
    def strip_proclitic(self, tok: str) -> list[tuple[int, str]]:
        """``[(0, tok), (len(p), tok minus p), ...]`` for each proclitic p that *tok* starts with."""
        out = self._strip_memo.get(tok)
        if out is None:
            out = [(0, tok)]
            for p in self.proclitics:
                if tok.startswith(p) and len(tok) > len(p) + 1:
                    out.append((len(p), tok[len(p) :]))
            if len(self._strip_memo) < _MEMO_LIMIT:
                self._strip_memo[tok] = out
        return out

    def analyze(self, tok: str) -> WordReading | None:
        """(prefix length, definite, entry, suffix length) for a folded Arabic token, or None."""
        try:
            return self._memo[tok]
        except KeyError:
            pass
        result = None if tok in self.blocked else self._analyze(tok)
        if len(self._memo) < _MEMO_LIMIT:
            self._memo[tok] = result
        return result

    def _analyze(self, tok: str) -> WordReading | None:
        entries = self.entries
        for plen, rest in self.strip_proclitic(tok):
            e = entries.get(rest)
            if e is not None and e.article != "required":
                return plen, False, e, 0
            base = None
            if rest.startswith(ARTICLE):
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


_LEX: NumberLexicon | None = None


def number_lexicon() -> NumberLexicon:
    """The lexicon, built on first use."""
    global _LEX
    if _LEX is None:
        _LEX = NumberLexicon(lexicons.load("numbers"))
    return _LEX


def word_entry(word: str) -> Entry | None:
    """The numeral lexicon's entry for one written word, a proclitic allowed (وخمسين, بمليون) but no
    attached pronoun (نصفهم is "half of them"), or None: what a scale word (مليون) or an addable
    fraction (نصف) is worth, outside the grammar."""
    reading = number_lexicon().analyze(fold_word(word))
    return None if reading is None or reading[3] else reading[2]
