"""Where a person's name ends: the model's PERS chunks mended with what the lexicons know.

A CRF tags word by word, and at a name's edges it slips the same few ways (ANERcorp's development
block): it stops before «آل» and the family name after it (محمد بن راشد | آل مكتوم), or at a particle
that must be followed by a name (بن، أبو، عبد); and it takes a particle of the sentence into the
name (فإن لوب). These are mended on the tags, before spans are made. (Two person chunks that
touch are left apart: ANERcorp itself tags نصر الله or سوزان مبارك as two.)
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.names.features import Word

#: flags of a word the lexicons know as a name particle (بن، أبو، آل، عبد)
PARTICLE = "PRT"
#: flags of a given name
GIVEN = "GIV"


def mend_persons(words: Sequence[Word], tags: list[str], function_words: frozenset[str]) -> list[str]:
    """*tags* (BIO) with PERS chunks extended over a trailing particle and the word after it, and a
    leading function word
    (*function_words*, as written: فإن, not the particle فان; not a given name) left out."""
    out = list(tags)
    n = len(out)
    i = 0
    while i < n:
        if out[i] != "B-PERS":
            i += 1
            continue
        j = i + 1
        while j < n and out[j] == "I-PERS":
            j += 1
        # [i, j) is a PERS chunk
        if words[i].text in function_words and GIVEN not in words[i].flags and j - i >= 2:
            out[i], out[i + 1] = "O", "B-PERS"  # فإن لوب: the particle is the sentence's
            i += 1
            continue
        if PARTICLE in words[j - 1].flags and j < n and _name_word(words[j]) and out[j] in ("O", "B-PERS"):
            out[j] = "I-PERS"  # محمد بن راشد آل | مكتوم
            continue
        if j + 1 < n and PARTICLE in words[j].flags and out[j] == "O" and _name_word(words[j + 1]):
            if out[j + 1] in ("O", "B-PERS") and words[j].text in ("آل", "ال"):
                out[j], out[j + 1] = "I-PERS", "I-PERS"  # محمد بن راشد | آل مكتوم
                continue
        i = j
    return out


#: word-frequency bands of a word rare enough to be a name (features.py: Z0 … Z7)
RARE = frozenset({"Z0", "Z1", "Z2", "Z3"})


def _name_word(w: Word) -> bool:
    """A word that may end a name: no article, and a given name, a foreign spelling or a rare word."""
    if not w.norm[:1].isalpha() or len(w.norm) < 2 or w.norm.startswith("ال"):
        return False
    return bool({GIVEN, "FRN"} & set(w.flags) or RARE & set(w.flags))
