"""Document-level flags for the name model: what the other mentions of a word in nearby sentences say.

A name recurs in a news story, and one of its mentions often carries the evidence the others lack: a
title or given name before it (``المدرب فينغر`` ... ``فينغر``), a place or organisation lexicon phrase
around it, an organisation head noun before it. Each word (its clitic-free folded stem, if it is not
a common word) gets a flag for each kind of evidence found at its OTHER mentions within
:data:`WINDOW` sentences either side, and a flag for how often it occurs there. Training sees
ANERcorp's sentences in corpus order (the corpus runs article by article); tagging sees the sentences
of the text it is given, so the two see the same kind of context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from checker.names.features import Word

#: sentences either side whose mentions count
WINDOW = 10
#: flags of a word that make it "common" (zipf 5 and above): no document flags
COMMON = frozenset({"Z5", "Z6"})
#: a word flag of the previous word that marks a person context
PERSON_BEFORE = frozenset({"GIV", "HON", "PRT", "BTTL", "ITTL"})


def _evidence(words: Sequence[Word], i: int) -> set[str]:
    """What one mention (the *i*-th word of a sentence) shows."""
    w = words[i]
    ev: set[str] = set()
    prev = words[i - 1].flags if i > 0 else ()
    if PERSON_BEFORE.intersection(prev) and not {"BTTL", "ITTL"}.intersection(w.flags):
        ev.add("P")
    if "HORG" in prev:
        ev.add("H")
    if "HLOC" in prev:
        ev.add("C")
    for f in w.flags:
        if f[1:] in ("LOC", "ORG", "NAT", "CMP", "CLB", "MED") and f[0] in "BI":
            ev.add(f[1:])
    ev.add("A" if w.prefix.endswith("ال") or w.norm.startswith("ال") else "N")
    return ev


def _key(w: Word) -> str | None:
    if len(w.stem) < 2 or COMMON.intersection(w.flags) or "a" not in w.flags:
        return None
    return w.stem


def with_document_flags(sentences: Sequence[Sequence[Word]], window: int = WINDOW) -> list[list[Word]]:
    """*sentences* with ``D...`` flags added to each word from its other mentions nearby: ``DP``
    (a person context: given name, honorific, particle or title before it), ``DH`` / ``DC`` (an
    organisation / place head noun before it), ``DLOC`` ``DORG`` ``DNAT`` (inside a lexicon phrase),
    ``DCMP`` ``DCLB`` ``DMED`` (inside a known company, club or news medium: ``known_orgs.yaml``),
    ``DA`` / ``DN`` (written with / without the article), ``DK1`` ``DK2`` ``DK3`` (1, 2, 3+ other
    mentions)."""
    mentions: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
    for s, words in enumerate(sentences):
        for i, w in enumerate(words):
            k = _key(w)
            if k is not None:
                mentions.setdefault(k, []).append((s, i, frozenset(_evidence(words, i))))
    out = [list(ws) for ws in sentences]
    for occ in mentions.values():
        if len(occ) < 2:
            continue
        for s, i, _ in occ:
            ev: set[str] = set()
            n = 0
            for s2, i2, e2 in occ:
                if abs(s2 - s) <= window and (s2, i2) != (s, i):
                    ev |= e2
                    n += 1
            if n:
                w = out[s][i]
                extra = (*(f"D{e}" for e in sorted(ev)), f"DK{min(n, 3)}")
                out[s][i] = replace(w, flags=(*w.flags, *extra))
    return out


def with_label_flags(
    sentences: Sequence[Sequence[Word]], tags: Sequence[Sequence[str]], window: int = WINDOW
) -> list[list[Word]]:
    """*sentences* with the labels a first tagging pass gave (*tags*, BIO per word) as flags for a
    second pass: ``S<label>`` the word's own label, ``L<label>`` a label given to another mention of
    its stem within *window* sentences either side (``LO`` when one was left out of every name)."""
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for s, (words, ts) in enumerate(zip(sentences, tags, strict=True)):
        for i, (w, t) in enumerate(zip(words, ts, strict=True)):
            k = _key(w)
            if k is not None:
                mentions.setdefault(k, []).append((s, i, t.partition("-")[2] or "O"))
    out = [
        [replace(w, flags=(*w.flags, "S" + (t.partition("-")[2] or "O"))) for w, t in zip(words, ts, strict=True)]
        for words, ts in zip(sentences, tags, strict=True)
    ]
    for occ in mentions.values():
        if len(occ) < 2:
            continue
        for s, i, _ in occ:
            seen = {lab for s2, i2, lab in occ if abs(s2 - s) <= window and (s2, i2) != (s, i)}
            if seen:
                w = out[s][i]
                out[s][i] = replace(w, flags=(*w.flags, *(f"L{lab}" for lab in sorted(seen))))
    return out
