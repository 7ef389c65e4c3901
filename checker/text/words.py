"""Word knowledge from ``wordfreq`` (its Arabic frequency data ships inside the package).

Used to validate clitic stripping (strip only when the rest is a more frequent word), to split
glued words (two known words written without a space) and to tell unknown words from known ones.
"""

from __future__ import annotations

from functools import lru_cache

from checker.text import recache
from checker.text.chars import fold
from checker.text.clitics import INFLECTION_PREFIXES, STRIPPABLE, SUFFIXES
from checker.text.freq import zipf as _zipf

#: zipf frequency of a word considered well known
#: no Arabic word is longer: a longer token (a run of letters without spaces) gets one lint and no
#: per-token analysis (glued words, typos and clitics cost time with the square of its length)
MAX_WORD_LETTERS = 40
KNOWN = 3.0
#: each part of a glued word must be at least this frequent (unless it opens with ال or is a name)
GLUE_KNOWN = 4.3
#: a two-letter part of a glued word must be a function word at least this frequent
FUNCTION_WORD = 5.5
#: a part of a glued word that has three letters or fewer must be at least this frequent (عن، من،
#: عبر، سوى): function words, not short nouns (يد in المعيبيد، a family name, is 5.13)
SHORT_PART = 5.2
#: how much more frequent the rest must be than the whole word to strip a proclitic
CLITIC_MARGIN = 0.5


def _clean(word: str) -> str:
    # fold() would also fold hamza; wordfreq wants real spellings, so only drop marks here
    return "".join(ch for ch in word if fold(ch) or ch.isspace()) if word else word


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of *word* in Arabic (0.0 when unknown).

    >>> zipf("التحالف") > 4, zipf("الحكومةقررت")
    (True, 0.0)
    """
    if not word:
        return 0.0
    return _zipf(_clean(word))


@lru_cache(maxsize=100_000)
def strip_proclitic(word: str) -> tuple[str, str]:
    """Split a glued proclitic off *word* when the rest is a more frequent word: ``(clitic, rest)``.

    >>> strip_proclitic("بباريس"), strip_proclitic("باريس"), strip_proclitic("وفرنسا")
    (('ب', 'باريس'), ('', 'باريس'), ('و', 'فرنسا'))
    """
    whole = zipf(word)
    for p in STRIPPABLE:
        if word.startswith(p) and len(word) - len(p) >= 3:
            rest = word[len(p) :]
            if p.endswith("ل") and rest.startswith("ل"):
                rest_a = "ا" + rest  # للتحالف = ل + التحالف (the article's alef is dropped after ل)
                if zipf(rest_a) > whole:
                    return p, rest_a
            if zipf(rest) > max(whole + CLITIC_MARGIN, 2.0):
                return p, rest
    return "", word


def is_inflected(word: str) -> bool:
    """A known word with a regular prefix and/or ending (انتقادان، وستتركز): not glue."""
    for p in ("", *INFLECTION_PREFIXES):
        if p and not word.startswith(p):
            continue
        stem = word[len(p) :]
        for s in ("", *SUFFIXES):
            if s and not stem.endswith(s):
                continue
            core = stem[: len(stem) - len(s)] if s else stem
            if (p or s) and len(core) >= 3 and zipf(core) >= KNOWN:
                return True
    return False


#: function words that only stand before the word they govern (the vocative): never a glued word's end
LEADING_ONLY = frozenset({"يا"})


@lru_cache(maxsize=100_000)
def split_glued(word: str, known: frozenset[str] = frozenset()) -> tuple[str, str, float] | None:
    """Split a word that is two known words written without a space: ``(left, right, score)``.

    Only for words unknown to the frequency list and not a known word with a regular prefix or
    ending. Each part must be a well known word (zipf >= :data:`GLUE_KNOWN`, or >= :data:`KNOWN`
    when either part opens with the article or the part is in *known*, e.g. a name from the
    articles); a
    two-letter part must be a very common function word (في، من، عن). The split with the best
    weaker part wins.

    >>> split_glued("الحكومةقررت")[:2]
    ('الحكومة', 'قررت')
    >>> split_glued("المتحدة") is None, split_glued("انتقادان") is None, split_glued("زاركلي") is None
    (True, True, True)
    """
    if zipf(word) > 0 or len(word) < 5 or is_inflected(word):
        return None
    # ال...ي is the shape of a family name or nisba (الخويلي، الغامدي): split it only where the
    # second part opens with the article (the usual glue: الثانيالماضي)
    nisba = word.startswith("ال") and word.endswith("ي")
    best: tuple[str, str, float] | None = None
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        zl, zr = zipf(left), zipf(right)
        # a part of three letters or fewer must be a function word: البطيان is a name, not البط + يان
        if (len(left) <= 3 and left not in known and zl < SHORT_PART) or (
            len(right) <= 3 and right not in known and zr < SHORT_PART
        ):
            continue
        if nisba and not right.startswith("ال"):
            continue
        if right in LEADING_ONLY:
            continue  # جداريا، سنويا: a nisba adverb, not جدار + the vocative يا (which precedes its noun)
        definite = left.startswith("ال") or right.startswith("ال")
        need_l = KNOWN if definite or left in known else GLUE_KNOWN
        need_r = KNOWN if definite or right in known else GLUE_KNOWN
        if zl < need_l or zr < need_r:
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


_G_SOUND = str.maketrans(
    {"غ": "ج", "ق": "ج", "ك": "ج", "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ذ": "ز", "ئ": "ي", "ؤ": "و"}
)  # hamza on a seat: the seat (عائشة / عايشة)


def translit_key(norm: str) -> str:
    """The folded word with transliteration letters merged and long vowels dropped.

    >>> translit_key("فينجر") == translit_key("فينغر"), translit_key("ستيت") == translit_key("ستايت")
    (True, True)
    >>> translit_key("عائشه") == translit_key("عايشه")
    True
    """
    k = norm.translate(_G_SOUND)
    return k[0] + "".join(ch for ch in k[1:] if ch not in "اوي") if k else k


_PLAIN_WORD = recache.compile(r"[^\W_]+")


def plain_words(folded: str) -> list[str]:
    """The words of folded text, punctuation left out and a glued و / ف taken off (وسنواصل and
    سنواصل are one word, written after a comma or not).

    >>> plain_words("قال: احرزنا تقدما, وسنواصل")
    ['قال', 'احرزنا', 'تقدما', 'سنواصل']
    """
    return [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in _PLAIN_WORD.findall(folded)]


#: suffixes :func:`light_stem` takes off (the first that fits)
_LIGHT_SUFFIXES = ("هما", "ات", "ون", "ين", "ها", "هم", "ه", "ا", "ي")


def light_stem(word: str) -> str:
    """A crude stem of a folded content word, for comparing two wordings of one statement: a glued
    preposition or conjunction, the article, the future prefix with the person prefix, one common
    suffix and the long vowels inside taken off ("" when under three letters are left).

    >>> light_stem("ستجعل") == light_stem("سيجعل"), light_stem("أمنا") == light_stem("أمانا")
    (True, True)
    """
    w = strip_proclitic(word)[1] or word
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    elif len(w) >= 5 and w[0] == "س" and w[1] in "يتنا":
        w = w[2:]  # سيجعل / ستجعل
    for suffix in _LIGHT_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) < 3:
        return ""
    return w[0] + "".join(ch for ch in w[1:] if ch not in "اويأإآ")
