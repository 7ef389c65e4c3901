"""Composition: atoms joined into one number (ستة وعشرون, ثلاثة آلاف وخمسمائة, 2.5 مليار, ثلاثة أرباع).

:func:`chain` reads atoms left to right over a :class:`ChainState`: the completed scale groups
(``total``), the group being built below the next scale word (``group``), the class of the last
atom and the smallest scale used so far. Each step either extends the state or ends the number.
A word that needs a partner (أحد, اثنا) opens a *pending compound*; if the partner never comes,
the number ends where it stood before that word. Ordinals and fractions have their own readers.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from fractions import Fraction

from checker.grammar.numerals.atoms import Atom, Reader
from checker.grammar.numerals.digits import Num
from checker.grammar.numerals.lexicon import Entry
from checker.text.clitics import ARTICLE, DUAL_PLURAL_SUFFIXES

#: atom classes that may stand before a scale word (ثلاثة آلاف, 2.5 مليار)
_SCALABLE = ("unit", "teen", "ten", "hundred", "digits")
#: atom classes that may follow a scale word after و (ألف وخمسمائة)
_AFTER_SCALE = ("unit", "ten", "hundred", "digits")


@dataclass
class Chain:
    """A number read from consecutive tokens; ``fs``/``fe`` are offsets into the folded text."""

    t_next: int
    fs: int
    fe: int
    value: Num
    kind: str
    digits: bool
    words: bool
    definite: bool
    prefix: str
    mult: Num | None  # value == mult * scale, for ranges sharing a scale ("بين 5 و7 ملايين")
    scale: int | None
    skip_to: int = 0  # set when the tokens up to skip_to must be ignored (a date like 10-12-2016)


@dataclass
class ChainState:
    """How far :func:`chain` has read (the value so far is ``total + group``)."""

    total: Num  # the completed scale groups
    group: Num  # the group being built, below the next scale word
    last: str  # class of the last atom read (``teen`` for a unit + عشر)
    top_scale: Num | None  # the smallest scale word so far
    last_unit: Entry | None  # the last unit word read
    has_digits: bool
    has_words: bool
    fe: int  # folded end of the number so far
    t: int  # the next token
    atoms: int  # how many atoms were read
    mult: Num | None  # the multiplier of a single scale word (5 of 5 ملايين), for ranges
    scale_v: int | None  # that scale word's value
    pending: bool = False  # a word needing a partner (أحد, اثنا) waits for it
    snapshot: ChainState | None = None  # the state before that word


def chain(r: Reader, t0: int) -> Chain | None:
    """The number starting at token t0, or None."""
    a = r.read_atom(t0)
    if a is None:
        return None
    if a.cls == "ord":
        return ordinal(r, a)
    if a.cls == "frac":
        return fraction(r, a)
    if a.cls in ("scale", "fden") and a.entry is not None and not a.entry.start_ok and not _opens_sum(r, a):
        return None
    st = _start(a)
    while True:
        nxt = r.next_atom(st.t)
        if nxt is None:
            break
        joined, b = nxt
        if b.definite and not a.definite:
            break
        before = copy.copy(st)
        if not joined:
            if _is_fraction_of(st, b):  # ثلاثة أرباع = 3/4
                return _fraction_chain(a, b, Fraction(st.group) / b.value)
            ok = _extend_unjoined(st, b)
        else:
            ok = _extend_joined(st, b)
        if not ok:
            break
        _took(st, b, before)
        if st.last == "frac":
            if r.near(st.t) and r.ar(st.t) in r.lex.definite_scales:  # مليون ونصف المليون
                st.fe, st.t = r.ends[st.t], st.t + 1
            break
    return _finish(r, a, st, t0)


def _opens_sum(r: Reader, a: Atom) -> bool:
    """An accusative scale word that opens a sum (مليارا وتسعة وخمسين مليون ريال = 1,059,000,000)."""
    nxt = r.next_atom(a.t_next) if a.cls == "scale" else None
    return nxt is not None and nxt[0] and nxt[1].cls in _AFTER_SCALE


def _start(a: Atom) -> ChainState:
    e = a.entry
    st = ChainState(
        total=0,
        group=0,
        last=a.cls,
        top_scale=None,
        last_unit=e if a.cls == "unit" else None,
        has_digits=a.cls == "digits",
        has_words=a.cls != "digits",
        fe=a.fe,
        t=a.t_next,
        atoms=1,
        mult=None,
        scale_v=None,
        pending=bool(e is not None and e.compound_only),
    )
    if a.cls in ("scale", "dscale"):
        assert e is not None
        st.total, st.top_scale, st.last = a.value, e.scale, "scale"
    else:
        st.group = a.value
    return st


def _took(st: ChainState, b: Atom, before: ChainState) -> None:
    """Book-keeping after atom *b* extended the number."""
    be = b.entry
    if b.cls == "unit":
        st.last_unit = be
        if be is not None and be.compound_only and not st.pending:
            st.pending, st.snapshot = True, before
    if b.cls == "digits":
        st.has_digits = True
    else:
        st.has_words = True
    st.fe = b.fe
    st.t = b.t_next
    st.atoms += 1


# --- steps without و: a teen, hundreds, a scale word ---------------------------------------------


def _is_fraction_of(st: ChainState, b: Atom) -> bool:
    return b.cls == "fden" and st.last == "unit" and st.atoms == 1 and not st.pending and st.group < b.value


def _extend_unjoined(st: ChainState, b: Atom) -> bool:
    return _teen(st, b) or _hundreds(st, b) or _times_scale(st, b) or _bigger_scale(st, b)


def _teen(st: ChainState, b: Atom) -> bool:
    """خمسة عشر: a unit 1-9 then عشر/عشرة."""
    be, lu = b.entry, st.last_unit
    if not (
        b.cls == "unit"
        and be is not None
        and be.teen_tail
        and st.last == "unit"
        and lu is not None
        and lu.teen_head
        and lu.value <= 9
        and not b.definite
    ):
        return False
    st.group += 10
    st.last, st.pending = "teen", False
    return True


def _hundreds(st: ChainState, b: Atom) -> bool:
    """ثلاث مئة: a unit 3-9 then the word hundred."""
    be, lu = b.entry, st.last_unit
    if not (
        b.cls == "hundred"
        and be is not None
        and be.hundred_word
        and st.last == "unit"
        and lu is not None
        and not lu.compound_only
        and 3 <= lu.value <= 9
    ):
        return False
    st.group += lu.value * 99
    st.last = "hundred"
    return True


def _times_scale(st: ChainState, b: Atom) -> bool:
    """ثلاثة آلاف, 2.5 مليار: the group so far times a scale word smaller than any before."""
    if not (
        b.cls == "scale"
        and st.last in _SCALABLE
        and st.group > 0
        and not st.pending
        and (st.top_scale is None or b.value < st.top_scale)
        and (st.last == "digits" or st.group < 1000)
    ):
        return False
    st.mult, st.scale_v = (st.group, int(b.value)) if st.total == 0 else (None, None)
    st.total += st.group * b.value
    st.group, st.top_scale, st.last = 0, b.value, "scale"
    return True


def _bigger_scale(st: ChainState, b: Atom) -> bool:
    """ألف مليون: a scale word times a bigger one."""
    be = b.entry
    if not (
        b.cls == "scale"
        and be is not None
        and be.start_ok
        and st.last == "scale"
        and st.group == 0
        and st.top_scale is not None
        and b.value > st.top_scale
    ):
        return False
    st.total *= b.value
    st.top_scale = st.total
    st.mult, st.scale_v = None, None
    return True


# --- steps after و: a fraction, the part below a scale, units and tens ----------------------------


def _extend_joined(st: ChainState, b: Atom) -> bool:
    be = b.entry
    ok = False
    if b.cls == "frac" and be is not None and be.addable and st.last != "frac":
        # ونصف: half of the last scale word (مليون ونصف), or a half
        st.total += b.value * (st.top_scale if st.last == "scale" and st.top_scale else 1)
        st.last, ok = "frac", True
    elif st.last == "scale" and st.top_scale is not None:
        ok = _below_scale(st, b)
    elif st.last == "hundred":
        small_int = b.cls == "digits" and 0 < b.value < 100 and b.value.denominator == 1
        if b.cls in ("unit", "ten") or small_int:
            st.group += b.value
            st.last, ok = b.cls, True
    elif st.last == "unit" and st.last_unit is not None and st.last_unit.value <= 9 and b.cls == "ten":
        st.group += b.value  # خمسة وعشرون
        st.last, st.pending, ok = "ten", False, True
    if ok:
        st.mult, st.scale_v = None, None
    return ok


def _below_scale(st: ChainState, b: Atom) -> bool:
    """ألف وخمسمائة, مليون ومئتا ألف: a smaller number or scale word after a scale word."""
    assert st.top_scale is not None
    be = b.entry
    if b.cls in _AFTER_SCALE and b.value < st.top_scale and b.value > 0:
        st.group = b.value
        st.last = b.cls
        return True
    if b.cls in ("scale", "dscale") and be is not None and be.start_ok and be.scale < st.top_scale:
        st.total += b.value
        st.top_scale, st.last = be.scale, "scale"
        return True
    return False


# --- the end of a number ------------------------------------------------------------------------


def _finish(r: Reader, a: Atom, st: ChainState, t0: int) -> Chain | None:
    """The number read, or None when it is not one after all."""
    if st.pending:
        if st.snapshot is None:
            return None
        st = st.snapshot
    value = st.total + st.group
    if st.atoms == 1 and _lone_word_is_not_a_number(r, a, st, t0, value):
        return None
    kind = "ordinal" if st.atoms == 1 and _definite_ten_is_ordinal(r, a) else "cardinal"
    mult, scale_v = st.mult, st.scale_v
    if mult is not None and st.total + st.group != mult * (scale_v or 1):
        mult, scale_v = None, None
    return Chain(st.t, a.fs, st.fe, value, kind, st.has_digits, st.has_words, a.definite, a.prefix, mult, scale_v)


def _lone_word_is_not_a_number(r: Reader, a: Atom, st: ChainState, t0: int, value: Num) -> bool:
    """الاثنين (Monday), يوم الاثنين; ألف + a definite noun (the verb ألّف, "authored")."""
    if a.cls == "unit" and value == 2 and a.entry is not None:
        # الاثنين is Monday unless it follows a definite dual noun (الطرفين الاثنين)
        tok = r.texts[a.last_tok][len(a.prefix) :]
        if tok in r.lex.weekday_ambiguous:
            prev = r.ar(t0 - 1)
            if not (prev and prev.startswith(ARTICLE) and prev.endswith(DUAL_PLURAL_SUFFIXES) and len(prev) > 5):
                return True
        elif not a.definite and r.ar(t0 - 1) in r.lex.weekday_context:
            return True
    return a.cls == "scale" and not a.prefix and r.near(st.t) and (r.ar(st.t) or "").startswith(ARTICLE)


def _definite_ten_is_ordinal(r: Reader, a: Atom) -> bool:
    """العشرين after a word like القرن or الذكرى is the twentieth."""
    if not (a.cls == "ten" and a.definite and r.near(a.last_tok)):
        return False
    return any(w in r.lex.ordinal_tens_context for _, w in r.lex.strip_proclitic(r.ar(a.last_tok - 1) or ""))


def _fraction_chain(a: Atom, b: Atom, value: Num) -> Chain:
    return Chain(b.t_next, a.fs, b.fe, value, "fraction", False, True, a.definite, a.prefix, None, None)


# --- ordinals and fractions -----------------------------------------------------------------------


def ordinal(r: Reader, a: Atom) -> Chain | None:
    """An ordinal (الخامس, الحادي عشر, الحادي والعشرين) starting with atom *a*."""
    e = a.entry
    assert e is not None
    value = a.value
    fe, t = a.fe, a.t_next
    nxt = r.next_atom(t)
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
        prev = r.ar(a.last_tok - 1)
        if prev is not None and r.gaps[a.last_tok] == 1:
            for _, word in r.lex.strip_proclitic(prev):
                if word in r.lex.ordinal_blocked_after:
                    return None
    return Chain(t, a.fs, fe, value, "ordinal", False, True, True, a.prefix, None, None)


def fraction(r: Reader, a: Atom) -> Chain | None:
    """A fraction (نصف, ربع, ثلثي) starting with atom *a*, or a fraction of a scale (نصف مليون)."""
    if a.prefix.startswith("و"):
        return None  # ساعتين ونصف: the add-on of something we do not count
    nxt = r.next_atom(a.t_next)
    if nxt is not None and a.fe == r.ends[a.last_tok]:
        joined, b = nxt
        if not joined and b.cls == "scale" and b.entry is not None and b.entry.start_ok:
            value = a.value * b.value
            return Chain(
                b.t_next, a.fs, b.fe, value, "cardinal", False, True, a.definite, a.prefix, a.value, int(b.value)
            )
    nxt_word = r.ar(a.t_next)
    if nxt_word in r.lex.frac_blocked_next and r.near(a.t_next):
        return None
    return Chain(a.t_next, a.fs, a.fe, a.value, "fraction", False, True, a.definite, a.prefix, None, None)
