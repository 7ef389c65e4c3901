"""Where a person's name ends, beyond the word tests of :mod:`checker.extract.people`: a common word
with a pronoun glued to it (اتصالاته، حرصه) is no name word, and the trained name model
(:mod:`checker.names`), reading the sentence, ends a name the rules ran on into a verb or a
noun (نايف هزازي يتابع، سوزان رايس الصحافيين). The people extractor passes its own given-name test
and particles (بن، أبو)."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from checker.extract.base import Context
from checker.extract.titles import Word
from checker.text.words import zipf

#: pronouns glued to the end of a noun or verb (his, her, their, their two), longest first
PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")
#: a word whose stem without its pronoun is at least this common is that word with a pronoun
SUFFIXED_STEM_ZIPF = 3.0


def pronoun_suffixed(w: Word, is_given: Callable[[Word], bool]) -> bool:
    """A word written with a pronoun glued to its end (اتصالاته، مسيرته، أبلغه، رحمهما، وهيأها): the stem,
    with its teh marbuta restored before the pronoun (مسيرت -> مسيرة), is a common word, more common
    than the whole. Never a given name (عبده is one)."""
    text = w.text
    if text[:1] in ("و", "ف") and len(text) > 5 and not is_given(w):
        text = text[1:]  # وهيأها: the conjunction too (a word never both opens and ends a name so)
    for suffix in PRONOUN_SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 3:
            stem = text[: -len(suffix)]
            whole = zipf(text)
            for cand in (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,):
                z = zipf(cand)
                if z >= SUFFIXED_STEM_ZIPF and z > whole:
                    return not is_given(w)
            return False
    return False


#: a word the name model leaves out of a name is cut off only when it is at least this common (a
#: verb or noun: يتابع، الصحافيين), never a rare word (a family name the model does not know)
TRIM_MIN_ZIPF = 3.0


def name_model() -> Any:
    """The shipped name model (:mod:`checker.names`), or None (missing, or ``names-model none``)."""
    from checker.extract import model_names

    return _loaded() if model_names.JUDGE else None


@lru_cache(maxsize=1)
def _loaded() -> Any:
    from checker.names import load

    return load()


def model_persons(ctx: Context, start: int) -> list[tuple[int, int]]:
    """The people the trained name model (:mod:`checker.names`) finds in the sentence around
    character *start*, read once per sentence (``[]`` without the model). Only the sentences with a
    name to judge are tagged, each on its own: the whole article's two passes cost a two-article
    compare a third of its set-up. Shared with :mod:`checker.extract.person_checks`."""
    model = name_model()
    if model is None:
        return []
    an = ctx.analysis
    starts = ctx.cache.get("sentence_starts")
    if starts is None:
        starts = ctx.cache["sentence_starts"] = [an.tokens[lo].start for lo, _ in an.sentences]
    s = bisect.bisect_right(starts, start) - 1
    done = ctx.cache.setdefault("model_persons", {})
    if s not in done:
        lo, hi = an.sentences[s]
        a, b = an.tokens[lo].start, an.tokens[hi - 1].end
        spans = model.spans(ctx.text[a:b], propagate=False)
        done[s] = [(a + x, a + y) for x, y, label in spans if label == "PERS"]
    return done[s]  # type: ignore[no-any-return]


def model_name_end(
    ctx: Context, ws: list[Word], j: int, k: int, particles: frozenset[str], is_given: Callable[[Word], bool]
) -> int:
    """Where the name of words *j*..*k* ends when the name model, reading the article, ends it
    earlier: the words after its last name word are a verb or a noun that the rules took for part of
    the name (نايف هزازي يتابع، سوزان رايس الصحافيين، رادامل فالكاو خيارات). Cut only before a
    common word that is neither a given name, a particle nor a family name of the ال…ي kind
    (صالح الحازمي stays whole), and never to a name that ends on بن or that the model reaches
    into from before (a span over the words before the name)."""

    def may_cut(i: int) -> bool:
        w = ws[i]
        return not (
            ws[i - 1].norm in particles
            or w.norm in particles
            or is_given(w)
            or (w.norm.startswith("ال") and w.norm.endswith("ي"))  # a family name (nisba): الحازمي
            or zipf(w.text) < TRIM_MIN_ZIPF
        )

    if k - j < 2 or not any(may_cut(i) for i in range(j + 1, k)):
        return k  # nothing the model could cut: it is not even loaded
    a, b = ws[j].start, ws[k - 1].end
    over = [(x, y) for x, y in model_persons(ctx, a) if x < b and a < y]
    if not over:
        return k  # no person at all: person_checks' doubt, not a shorter name
    end = max(y for _, y in over)
    if end >= b or min(x for x, _ in over) > ws[j].end:
        return k
    m = next((i for i in range(j, k) if ws[i].start >= end), k)
    if m in (j, k) or (min(x for x, _ in over) < a and m < j + 2):
        return k
    return m if may_cut(m) else k
