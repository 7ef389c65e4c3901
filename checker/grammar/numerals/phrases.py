"""Qualifier and range phrases around a number: نحو 300, أكثر من ألف, بين 5 و7 ملايين, من 10 إلى 20,
and ranges written with a dash (10-12)."""

from __future__ import annotations

from checker.grammar.numerals.atoms import Reader
from checker.grammar.numerals.compose import Chain, chain
from checker.grammar.numerals.lexicon import PhraseIndex
from checker.grammar.numerals.tokens import DASHES

#: what :func:`parse_at` returns: (first number, range end, qualifier, folded start)
Parsed = tuple[Chain, Chain | None, str | None, int]
#: brackets and quotes a figure may stand in after its qualifier (قرابة (153)، نحو «20»)
OPENERS = frozenset('(«"[')
#: the folded start :func:`parse_at` gives for a dashed date (10-12-2016): skip to ``x.skip_to``
SKIP = -2


def phrase(r: Reader, t: int, index: PhraseIndex) -> tuple[str, int, int] | None:
    """A qualifier/range phrase starting at token t: (type, next token, folded start)."""
    tok = r.ar(t)
    if tok is None or tok not in r.lex.phrase_heads:
        return None
    for plen, word in r.lex.strip_proclitic(tok):
        for words, ptype in index.get(word, ()):
            k = t + 1
            for w in words[1:]:
                if not r.near(k) or r.ar(k) != w:
                    break
                k += 1
            else:
                if r.near(k):
                    return ptype, k, r.starts[t] + plen
    return None


def second(r: Reader, t: int, joined: bool) -> Chain | None:
    """The second number of a range at token t (after و when *joined*)."""
    if not r.near(t):
        return None
    if joined:
        if r.joined_by_waw(t):
            y = chain(r, t + 1)
            return y if y is not None and not y.prefix else None
        y = chain(r, t)
        return y if y is not None and y.prefix == "و" else None
    y = chain(r, t)
    return y if y is not None and not y.prefix else None


def share_scale(x: Chain, y: Chain) -> Chain:
    """بين 5 و7 ملايين: the first number takes the scale of the second."""
    if y.scale and y.mult is not None and x.scale is None and 0 < x.value < y.mult:
        x.mult, x.scale = x.value, y.scale
        x.value = x.value * y.scale
    return x


def parse_at(r: Reader, i: int) -> Parsed | None:
    """(first number, range end, qualifier, folded start) for a number starting at token i."""
    q = phrase(r, i, r.lex.qualifiers)
    qtype, j, qstart = (q[0], q[1], q[2]) if q else (None, i, -1)
    rng = _worded_range(r, j)
    if rng is not None:
        low, high, rstart = rng
        return low, high, qtype, qstart if q else rstart
    x = chain(r, j)
    if x is None and q is not None and j + 1 < r.n and r.texts[j] in OPENERS and r.near(j) and r.near(j + 1):
        x = chain(r, j + 1)  # قرابة (153): the qualifier before a bracketed figure
    if x is None:
        return None
    if q is not None and x.prefix:
        return None
    if x.digits and not x.words and x.t_next - j == 1 and r.near(x.t_next):
        d = x.t_next
        if r.texts[d] in DASHES and d + 1 < r.n and r.kinds[d + 1] == "n" and r.gaps[d + 1] < 2:
            dashed = _dashed_range(r, x, d)
            if dashed is not None:
                low, y = dashed
                if y is None:
                    return low, None, None, SKIP
                return low, y, qtype, qstart if q else low.fs
    return x, None, qtype, qstart if q else x.fs


def _worded_range(r: Reader, j: int) -> tuple[Chain, Chain, int] | None:
    """بين 5 و7, من 10 إلى 20, ما بين 18 إلى 21 at token j: (low, high, folded start of the phrase)."""
    p = phrase(r, j, r.lex.range_intro)
    if p is None:
        return None
    x = chain(r, p[1])
    if x is None or x.kind != "cardinal" or x.prefix:
        return None
    y = None
    if p[0] == "between":
        y = second(r, x.t_next, True)
    if y is None and r.near(x.t_next) and r.ar(x.t_next) in r.lex.range_to:
        y = second(r, x.t_next + 1, False)  # من 10 إلى 20; also ما بين 18 إلى 21
    if y is not None and y.kind == "cardinal":
        x = share_scale(x, y)
        if y.value > x.value:
            return x, y, p[2]
    return None


def _dashed_range(r: Reader, x: Chain, d: int) -> tuple[Chain, Chain | None] | None:
    """Digits, a dash at token d, digits: a range (10-12) as (low, high); a dashed date
    (10-12-2016) as (x with ``skip_to`` set, None); None when neither."""
    y = chain(r, d + 1)
    if y is not None and y.fs < r.starts[d + 1]:  # the dash is not a minus sign
        y.value, y.fs = -y.value, r.starts[d + 1]
    if y is None or not y.digits:
        return None
    d2 = d + 2
    if (
        d2 < r.n
        and r.texts[d2] in DASHES
        and r.gaps[d2] < 2
        and d2 + 1 < r.n
        and r.kinds[d2 + 1] == "n"
        and r.gaps[d2 + 1] < 2
    ):
        x.skip_to = d2 + 2  # 10-12-2016: a date, not numbers
        return x, None
    x = share_scale(x, y)
    if y.value > x.value:
        return x, y
    return None
