"""Word knowledge from ``wordfreq`` (its Arabic frequency data ships inside the package).

Used to validate clitic stripping (strip only when the rest is a more frequent word), to split
glued words (two known words written without a space) and to tell unknown words from known ones.
"""

from __future__ import annotations

from functools import lru_cache

from checker.normalize.chars import fold

from wordfreq import zipf_frequency as _zipf

#: single-letter and paired proclitics, longest first
PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
#: zipf frequency of a word considered well known
KNOWN = 3.0
#: how much more frequent the rest must be than the whole word to strip a proclitic
CLITIC_MARGIN = 0.5


def _clean(word: str) -> str:
    # fold() would also fold hamza; wordfreq wants real spellings, so only drop marks here
    return "".join(ch for ch in word if fold(ch) or ch.isspace()) if word else word


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of *word* in Arabic (0.0 when unknown).

    >>> zipf("التحالف") > 4, zipf("التحالفنجحت")
    (True, 0.0)
    """
    if not word:
        return 0.0
    return float(_zipf(_clean(word), "ar"))


@lru_cache(maxsize=100_000)
def strip_proclitic(word: str) -> tuple[str, str]:
    """Split a glued proclitic off *word* when the rest is a more frequent word: ``(clitic, rest)``.

    >>> strip_proclitic("بباريس"), strip_proclitic("باريس"), strip_proclitic("وفرنسا")
    (('ب', 'باريس'), ('', 'باريس'), ('و', 'فرنسا'))
    """
    whole = zipf(word)
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            rest = word[len(p) :]
            if p.endswith("ل") and rest.startswith("ل"):
                rest_a = "ا" + rest  # للتحالف = ل + التحالف (the article's alef is dropped after ل)
                if zipf(rest_a) > whole:
                    return p, rest_a
            if zipf(rest) > max(whole + CLITIC_MARGIN, 2.0):
                return p, rest
    return "", word


@lru_cache(maxsize=100_000)
def split_glued(word: str, min_part: int = 2) -> tuple[str, str, float] | None:
    """Split a word that is two known words written without a space: ``(left, right, score)``.

    Only for words unknown to the frequency list; both parts must be known words (zipf >=
    :data:`KNOWN`, or a two-letter preposition); the split with the best weaker part wins.

    >>> split_glued("التحالفنجحت")[:2]
    ('التحالف', 'نجحت')
    >>> split_glued("المتحدة") is None
    True
    """
    if zipf(word) > 0 or len(word) < 5:
        return None
    # ال...ي is the shape of a family name or nisba (الخويلي، الغامدي): split it only where the
    # second part opens with the article (the usual glue: الثانيالماضي)
    nisba = word.startswith("ال") and word.endswith("ي")
    best: tuple[str, str, float] | None = None
    for i in range(min_part, len(word) - min_part + 1):
        left, right = word[:i], word[i:]
        zl, zr = zipf(left), zipf(right)
        if (len(left) < 3 and zl < 5.5) or (len(right) < 3 and zr < 5.5):
            continue  # a 2-letter part must be a very common word (في، من، عن)
        if zl < KNOWN or zr < KNOWN:
            continue
        if nisba and not right.startswith("ال"):
            continue
        # the article ال opens a word: a split just before it is the likelier one
        score = min(zl, zr) + (0.75 if right.startswith("ال") else 0.0)
        if best is None or score > best[2]:
            best = (left, right, score)
    return best


def is_known(word: str, threshold: float = KNOWN) -> bool:
    """A word (or the word after a validated proclitic) that the frequency list knows."""
    if zipf(word) >= threshold:
        return True
    _, rest = strip_proclitic(word)
    return rest != word and zipf(rest) >= threshold
