"""A comma list of one article found in another that writes it with و alone: «وهي الحزام، وممشى
الضباب، والجبل الأخضر» against «وهي الحزام وممشى الضباب والجبل الأخضر». Without commas a list of
phrases cannot be cut into members on its own (و opens many words and joins much else), but the
other article's members show where they are: two or more of them, joined by و or commas, make
a list, and the phrases between them that the other article lacks (والأثرية) are its members too.
The list found is a list fact of this article (``lists.borrowed``), compared like any other.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract.base import Context
from checker.extract.lists import PHRASES, is_phrase, member_key
from checker.text import recache
from checker.text.chars import LETTERS, map_span

#: at most this many members one article writes between two members both write
MAX_EXTRA = 2
#: at most this many words in such a member (a rank and a full name: الجندي أول حسن ناصر بشيري)
MAX_EXTRA_WORDS = 6
#: a list has three members or more
MIN_MEMBERS = 3
#: members shorter than this (folded) are not looked for
MIN_KEY = 3
#: a comma, or a و opening a word: what separates two members
_SEPARATOR = recache.compile(r"[،,]|(?:^|(?<=\s))و")
#: what ends a clause: a list does not run past it
_CLAUSE_END = recache.compile(r"[.؛;:!؟?\n()«»\"]")


@dataclass
class _Chain:
    spans: list[tuple[int, int]]  # folded spans of the members, in text order
    keys: list[str]
    matched: set[int]  # indices of the source's members found
    closed: bool = False  # the run ends where the source's list ends (before the same words)
    cut: bool = False  # members written right before another of the source's end the run


def borrow_lists(contexts: list[Context]) -> None:
    """Add to each article the comma lists of the other articles that it writes with و alone."""
    sources = [
        f
        for ctx in contexts
        for f in ctx.facts
        if f.type == "list" and f.extractor == "lists.commas" and len(f.attr("members") or ()) >= MIN_MEMBERS
    ]
    for ctx in contexts:
        own = [f for f in ctx.facts if f.type == "list"]
        folded, index = ctx.folded()
        for src in sources:
            if src.article == ctx.article.id:
                continue
            members = [str(m) for m in src.attr("members") or ()]
            chain = _chain(folded, members, src.attr("first"), str(src.attr("next") or ""))
            if chain is None:
                continue
            spans = [map_span(index, a, b) for a, b in chain.spans]
            start, end = spans[0][0], spans[-1][1]
            if any(f.start < end and start < f.end and not f.attr("pair") for f in own):
                continue  # the article has a list there already
            for pair in [f for f in own if f.attr("pair") and f.start < end and start < f.end]:
                own.remove(pair)  # two of the members read as a list of their own: the longer list wins
                ctx.facts.remove(pair)
            display = "، ".join(" ".join(ctx.text[a:b].split()) for a, b in spans)
            # cut short where the source names members after the run; where both end alike, as the source
            cut = src.attr("cut") if chain.closed else chain.cut or max(chain.matched) < len(members) - 1
            attrs = [("members", chain.keys), ("entity_type", PHRASES), ("first", src.attr("first")), ("cut", cut)]
            keys = sorted(set(chain.keys))
            own.append(ctx.add("list", PHRASES, keys, display, start, end, "lists.borrowed", attrs, claim=False))


_LETTER = recache.compile(f"[{LETTERS}]")


def _is_letter(ch: str) -> bool:
    """Whether *ch* is an Arabic letter (:data:`checker.text.chars.LETTERS`)."""
    return _LETTER.match(ch) is not None


def _occurrences(folded: str, members: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, member index) of every member written in *folded* as a whole word (a glued و
    allowed before): what ``(?<![LETTERS])و?(member)(?![LETTERS])`` finds, by ``str.find`` (a regex
    per member and article made this the costliest step of a large story)."""
    out = []
    n = len(folded)
    for i, m in enumerate(members):
        if len(m) < MIN_KEY:
            continue
        at = folded.find(m)
        while at >= 0:
            end = at + len(m)
            before = at == 0 or not _is_letter(folded[at - 1])
            if not before and folded[at - 1] == "و":
                before = at == 1 or not _is_letter(folded[at - 2])
            if before and (end == n or not _is_letter(folded[end])):
                out.append((at, end, i))
                at = folded.find(m, end)
            else:
                at = folded.find(m, at + 1)
    return sorted(out)


def _chain(folded: str, members: list[str], first: object, after: str) -> _Chain | None:
    """The longest run of the *members* in *folded* joined as a list, if it names two or more of
    them, starts at the first or second, and the article writes none of the others where the run
    would have it (the run is then another wording, not the same list with a member more or less). The words *after* the
    source's list (its index: ``len(members)``) may close the run."""
    occ = _occurrences(folded, [*members, after])
    best: _Chain | None = None
    for k in range(len(occ)):
        if occ[k][2] == len(members):
            continue
        chain = _extend(folded, occ, k, members)
        if len(chain.matched) >= 2 and (best is None or len(chain.matched) > len(best.matched)):
            best = chain
    if best is None or min(best.matched) > 1:
        return None  # the run must start at the list's first or second member, or it is only part of it
    last = max(best.matched)
    for i, m in enumerate(members):
        if i in best.matched or m == first or i > last:
            continue  # after the run: the list may go on in a form not matched (a longer member)
        if any(j == i for _, _, j in occ):
            return None  # written elsewhere: another wording
    return best


def _extend(folded: str, occ: list[tuple[int, int, int]], k: int, members: list[str]) -> _Chain:
    """The run of members from occurrence *k*: each next member written after a separator, with
    at most :data:`MAX_EXTRA` members of this article's own between. Members written right before
    a member (or the words after the source's list) without a separator end the run: وقرية
    المفتاحة بالإضافة إلى ... ends the list before بالإضافة."""
    a, b, i = occ[k]
    chain = _Chain([(a, b)], [members[i]], {i})
    extra = 0
    while True:
        nxt = next(((s, e, j) for s, e, j in occ if s >= b and j not in chain.matched), None)
        found = _gap(folded, b, nxt[0]) if nxt is not None else None
        if nxt is None or found is None or extra + len(found[0]) > MAX_EXTRA:
            return chain
        pieces, joined = found
        extra += len(pieces)
        for ps, pe in pieces:
            chain.spans.append((ps, pe))
            chain.keys.append(member_key(folded[ps:pe], first=False))
        if nxt[2] == len(members) or not joined:
            chain.closed, chain.cut = nxt[2] == len(members), not joined
            return chain
        a, b, i = nxt
        chain.spans.append((a, b))
        chain.keys.append(members[i])
        chain.matched.add(i)


def _gap(folded: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool] | None:
    """The members written between two members (folded spans) and whether the second is joined to
    them (a separator right before it); None when the text between is not a list's: a comma or و
    before each member, no clause end, short phrases."""
    gap = folded[start:end]
    if _CLAUSE_END.search(gap):
        return None
    cuts = [m.span() for m in _SEPARATOR.finditer(gap)]
    if not cuts or gap[: cuts[0][0]].strip():
        return None  # a member follows its separator directly
    ends = [y for y, _ in cuts[1:]] + [len(gap)]
    pieces = []
    for (_, x), y in zip(cuts, ends, strict=True):
        words = gap[x:y].split()
        if not words:
            continue
        if len(words) > MAX_EXTRA_WORDS or not is_phrase(words):
            return None
        lead = len(gap[x:y]) - len(gap[x:y].lstrip())
        pieces.append((start + x + lead, start + x + lead + len(gap[x:y].strip())))
    joined = not gap[cuts[-1][1] :].strip()
    return (pieces, joined) if joined or pieces else None
