"""Token patterns of the number grammar: one atom is one number word or one run of digits.

An atom is read from one token (a proclitic and the article may be glued to it: وبالخمسة, والـ26)
and carries its class (``unit``, ``ten``, ``hundred``, ``scale``, ``dscale``, ``frac``, ``fden``,
``ord`` or ``digits``), its value and its span in the folded text. :meth:`Reader.next_atom` reads
the atom that may continue a number after another, joined by و or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.grammar.numerals.digits import Num, digits_value
from checker.grammar.numerals.lexicon import Entry, NumberLexicon
from checker.grammar.numerals.tokens import MINUS, TokenStream
from checker.text.chars import ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, YEH
from checker.text.clitics import ARTICLE


@dataclass
class Atom:
    cls: str
    value: Num
    entry: Entry | None  # None for digits
    t_next: int  # the token after the atom
    fs: int  # folded start (after a proclitic)
    fe: int  # folded end (before a fraction suffix)
    definite: bool
    prefix: str  # the glued proclitic, "" for none
    last_tok: int  # the atom's (last) token


class Reader(TokenStream):
    """A :class:`TokenStream` that reads atoms with a :class:`NumberLexicon`."""

    def __init__(self, folded: str, lex: NumberLexicon, original: str, index: Sequence[int]) -> None:
        super().__init__(folded, original, index)
        self.lex = lex

    def conj_ahad(self, t: int) -> bool:
        """True if the token at t, folded to واحد, is really و + أحد ("and one of")."""
        o = self.index[self.starts[t] + 1]
        if self.original[o] in (ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW):  # وأحد: the hamza shows the alef starts أحد
            return True
        nxt = self.ar(t + 1)  # واحد before a definite noun can only be و + أحد (واحد follows its noun)
        return bool(self.near(t + 1) and nxt and nxt.startswith(ARTICLE) and nxt not in self.lex.weekday_names)

    def read_atom(self, t: int) -> Atom | None:
        """The atom at token t, or None."""
        if t >= self.n:
            return None
        kind = self.kinds[t]
        if kind == "a":
            dp = self.lex.digit_prefix.get(self.texts[t])
            if dp is not None and self._digits_follow(t):
                return self._prefixed_digits(t, dp)
            return self._word_atom(t)
        if kind == "n":
            return self._digit_atom(t)
        return None

    def _digits_follow(self, t: int) -> bool:
        """Digits glued to the prefix token t (والـ26), or after it when it ends in ال (الـ 26)."""
        return (
            t + 1 < self.n
            and self.kinds[t + 1] == "n"
            and (self.gaps[t + 1] == 0 or (self.gaps[t + 1] == 1 and self.texts[t].endswith(ARTICLE)))
        )

    def _prefixed_digits(self, t: int, dp: tuple[int, bool]) -> Atom | None:
        num = self.read_atom(t + 1)
        if num is None:
            return None
        plen, definite = dp
        num.fs = self.starts[t] + plen
        num.definite = definite
        num.prefix = self.texts[t][:plen]
        return num

    def _word_atom(self, t: int) -> Atom | None:
        tok = self.texts[t]
        an = self.lex.analyze(tok)
        if an is None:
            return None
        plen, definite, e, slen = an
        if e.one_or_conj and plen == 0 and not definite and self.conj_ahad(t):
            return None
        if e.final_maqsura and self.original[self.index[self.ends[t] - 1]] == YEH:
            return None
        return Atom(e.cls, e.value, e, t + 1, self.starts[t] + plen, self.ends[t] - slen, definite, tok[:plen], t)

    def _digit_atom(self, t: int) -> Atom | None:
        if not self.digits_ok(t):
            return None
        value = digits_value(self.texts[t])
        if value is None:
            return None
        fs = self.starts[t]
        # a minus directly before the digits, not itself glued to something before it
        if (
            t > 0
            and self.texts[t - 1] in MINUS
            and self.gaps[t] == 0
            and (t == 1 or self.gaps[t - 1] > 0 or self.texts[t - 2] in ("(", "["))
        ):
            value, fs = -value, self.starts[t - 1]
        return Atom("digits", value, None, t + 1, fs, self.ends[t], False, "", t)

    def joined_by_waw(self, t: int) -> bool:
        """Token t is a lone و followed, after a space, by another token."""
        return self.texts[t] == "و" and self.kinds[t] == "a" and t + 1 < self.n and self.gaps[t + 1] == 1

    def next_atom(self, t: int) -> tuple[bool, Atom] | None:
        """The atom continuing a chain at token t: (joined by و?, atom)."""
        if not self.near(t):
            return None
        if self.joined_by_waw(t):
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
