"""Single-article copy problems: glued words, likely typos, missing space after punctuation."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from checker import lexicons
from checker.extract.base import Context, Spans, extractor
from checker.text import recache
from checker.text.chars import ALPHABET_LETTERS, LETTERS, match_key
from checker.text.clitics import HAMZA_LEADS, STRIPPABLE, SUFFIXES
from checker.text.words import MAX_WORD_LETTERS, is_inflected, is_known, split_glued, zipf

PUNCT_NO_SPACE = recache.compile(rf"(?<=[{LETTERS}])[,\u060c.\u061b:](?=[{LETTERS}])")
#: a dotted abbreviation: letters or transliterated letter names of up to three letters joined by
#: dots (د.ب.أ، ص.ب، أ.ف.ب، إتش.إس.بي.سي for HSBC، ام.اتش. 370 for MH370)
ABBREVIATION = recache.compile(
    rf"(?<![{LETTERS}\u064b-\u065f\u0670])[{LETTERS}]{{1,3}}(?:\.[{LETTERS}]{{1,3}}(?![{LETTERS}\u064b-\u065f]))+\.?"
)
MIN_TYPO_LEN = 5
#: a correction must be at least this frequent to be suggested
TYPO_TARGET_ZIPF = 4.0


ALEF_FORMS = ("\u0627", "\u0623", "\u0625", "\u0622")
#: a spelling variant must be this much more frequent (zipf) to be suggested
ORTHO_MARGIN = 0.9
#: only words rarer than this are checked for a hamza/alef misspelling
ORTHO_MAX_ZIPF = 4.0


def orthographic_candidates(word: str) -> list[str]:
    """The word with a bare alef for a hamza at its start (after و/ف/ب/ل/ال), or ىء written ئ.
    A bare alef is left alone: writing it for أ/إ is accepted press practice (الاعضاء).

    >>> "اتحاد" in orthographic_candidates("إتحاد"), "الطوارئ" in orthographic_candidates("الطوارىء")
    (True, True)
    """
    out = []
    for lead in HAMZA_LEADS:
        i = len(lead)
        if word.startswith(lead) and len(word) > i + 2 and word[i] in ALEF_FORMS[1:]:
            # a hamza written on an alef that takes none (إتحاد for اتحاد), or madda for hamza;
            # أ and إ are never swapped: أقامته and إقامته are both words
            alts = ("\u0627",) if word[i] != "\u0622" else ("\u0623", "\u0627")
            out += [word[:i] + a + word[i + 1 :] for a in alts]
    if "ىء" in word:
        out.append(word.replace("ىء", "ئ"))
    return out


_OTHER_HAMZA = str.maketrans({"\u0623": "\u0625", "\u0625": "\u0623"})


def orthographic_fix(word: str) -> str | None:
    """A much more frequent spelling of *word* differing only in hamza/alef, or None."""
    z = zipf(word)
    if z == 0 or z >= ORTHO_MAX_ZIPF:
        return None
    best = max(((zipf(c), c) for c in orthographic_candidates(word)), default=(0.0, ""))
    if best[0] < z + ORTHO_MARGIN:
        return None
    # the same word with the other hamza, where it is the dictionary form the bare alef stands for
    # (الإبطال: not «الابطال» but «الأبطال»)
    other = word.translate(_OTHER_HAMZA)
    return other if other != word and zipf(other) >= best[0] else best[1]


def typo_candidates(word: str) -> list[tuple[float, str]]:
    """Known words one edit away (deletion, transposition, substitution), most frequent first.

    >>> typo_candidates("انتخاببات")[0][1]
    'انتخابات'
    """
    cands: set[str] = set()
    for i in range(len(word)):
        cands.add(word[:i] + word[i + 1 :])
        if i + 1 < len(word):
            cands.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        for ch in ALPHABET_LETTERS:
            if ch != word[i]:
                cands.add(word[:i] + ch + word[i + 1 :])
    # a slip rarely hits the first letter: keep it (نحالا is not a typo of حالا)
    scored = [(zipf(c), c) for c in cands if len(c) >= 3 and c[:1] == word[:1]]
    return sorted((z, c) for z, c in scored if z >= TYPO_TARGET_ZIPF)[::-1]


@extractor("lint")
def extract_lint(ctx: Context) -> None:
    """Word-level slips (over-long tokens, hamza and other typos, glued words) and punctuation."""
    _word_slips(ctx)
    _punctuation(ctx)


def _word_slips(ctx: Context) -> None:
    names = Spans((f.start, f.end) for f in ctx.facts if f.type in ("person", "place", "org", "nationality"))
    people = Spans((f.start, f.end) for f in ctx.facts if f.type == "person")
    known = frozenset(w for f in ctx.facts if f.type == "person" for w in f.text.split())
    counts = Counter(t.text for t in ctx.analysis.tokens if t.is_word)
    for tok in ctx.analysis.tokens:
        if not tok.is_word or len(tok.text) < MIN_TYPO_LEN:
            continue
        a, b = tok.start, tok.end
        if len(tok.text) > MAX_WORD_LETTERS:  # no word is this long: say so once, analyse no further
            ctx.add(
                "lint",
                "overlong_token",
                tok.text[:20] + "…",
                f"{len(tok.text)} letters",
                a,
                b,
                "words.overlong",
                claim=False,
            )
            continue
        if counts[tok.text] > 1 or people.inside(a, b):
            continue  # a word written the same way twice, or a person's name, is not a slip
        fix = orthographic_fix(tok.text)
        if fix:  # إتحاد for اتحاد, also inside an organisation's name
            ctx.add("lint", "typo", fix, fix, a, b, "words.hamza", [("repeatable", True)], claim=False)
            continue
        if names.inside(a, b):
            continue
        split = split_glued(tok.text, known)
        if split:
            both = f"{split[0]} {split[1]}"
            ctx.add("lint", "glued", both, both, a, b, "words.glued", [("split_at", a + len(split[0]))], claim=False)
            continue
        if zipf(tok.text) > 0 or is_known(tok.text, 0.01) or is_inflected(tok.text) or _rare_known_form(tok.text):
            continue
        if _ELATIVE.fullmatch(match_key(tok.text, keep_maqsura=True)):
            continue  # «الأوعى», «الأجدى»: the elative of a root with a weak last letter, a form, not a slip
        cands = typo_candidates(tok.text)
        if cands and not _foreign_name(tok.text):
            ctx.add("lint", "typo", cands[0][1], cands[0][1], a, b, "words.typo", claim=False)


#: the elative أفعل of a root whose last letter is weak, with the article and a proclitic allowed
#: (الأعلى، الأوعى، بالأجدى): a regular form the frequency list may not hold
_ELATIVE = re.compile(r"(?:[وفبلك]|وب|ول|فب|فل)?(?:ال)?ا[^\W\d_]{2}ى")


def _foreign_name(word: str) -> bool:
    """A known spelling of a foreign person-name word (أكبوم: the player Akpom), with or without a
    proclitic: a name the frequency list does not know, not a slip (the name model's spellings,
    :func:`checker.extract.person_checks.known_foreign`)."""
    from checker.extract.person_checks import known_foreign

    key = match_key(word)
    return known_foreign(key) or any(
        key.startswith(p) and known_foreign(key[len(p) :]) for p in ("و", "ل", "ب", "ال", "وال")
    )


LONG_SUFFIXES = tuple(s for s in SUFFIXES if len(s) >= 2)


def _rare_known_form(word: str) -> bool:
    """A word the frequency list knows, however rarely, once a proclitic and/or a regular ending
    of two letters or more is off (والثمد: a place; يخولون: يخول with its plural ending): a rare
    word, not a slip. (A one-letter ending is left out: an extra letter is a common slip.)"""
    for p in ("", *STRIPPABLE):
        if p and not word.startswith(p):
            continue
        rest = word[len(p) :]
        for s in ("", *LONG_SUFFIXES):
            if (p or s) and rest.endswith(s) and len(rest) - len(s) >= 3 and zipf(rest[: len(rest) - len(s)]) > 0:
                return True
    return False


def _abbreviation(run: str) -> bool:
    """Single letters joined by dots (ص.ب), letter names with two dots or more (إتش.إس.بي.سي،
    ام.اتش.), or Latin letters' names joined by one dot (بي.سي): two other short words and one dot
    (له.في) are a sentence end with no space."""
    parts = run.rstrip(".").split(".")
    return run.count(".") >= 2 or all(len(p) <= 1 for p in parts) or all(p in _letter_names() for p in parts)


@lru_cache(maxsize=1)
def _letter_names() -> frozenset[str]:
    """``latin_letter_names`` (stopwords.yaml): بي.سي is an acronym of two letters' names."""
    return frozenset(lexicons.load("stopwords").get("latin_letter_names", []))


def _punctuation(ctx: Context) -> None:
    text = ctx.text
    abbreviated = {
        i for m in ABBREVIATION.finditer(text) if _abbreviation(m.group()) for i in range(m.start(), m.end())
    }
    for m in PUNCT_NO_SPACE.finditer(text):
        if m.start() not in abbreviated:
            detail = f"{m.group()} followed by a space"
            ctx.add("lint", "punctuation_spacing", m.group(), detail, m.start(), m.end(), "punctuation", claim=False)
