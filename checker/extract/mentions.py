"""Later mentions of the people an article introduces: a known surname found again (with a
proclitic, or the article on a nisba: حمدي / الحمدي), or a rare word one letter off it (a
misspelling). Called by the people extractor and, across a story, by :mod:`checker.stages`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import OSA

from checker.extract.base import Context, stopwords
from checker.extract.name_words import name_lexicon
from checker.extract.titles import title_lexicon
from checker.text.chars import LETTERS, map_span, match_key
from checker.text.clitics import SINGLE_PROCLITIC_RE
from checker.text.words import MAX_WORD_LETTERS, strip_proclitic, zipf


def add_mentions(ctx: Context, names: dict[str, str]) -> None:
    """Mark later mentions of known surnames (folded, with a proclitic allowed) as person facts."""
    if not names:
        return
    folded, index = ctx.folded()
    stops = stopwords()
    # a surname that folds onto a function word (علي / على) cannot be searched for
    # a family name of the nisba kind is also written with the article (حمدي / الحمدي)
    titles, _ = title_lexicon()
    prefixes = name_lexicon()[2]
    # nor one that is also a title (آل الشيخ: «الشيخ» alone introduces another name)
    forms = {
        k: k
        for k in names
        if len(k) >= 3 and k not in stops and titles.get(k) != 1 and k not in prefixes and k != "الله"
    }  # «الله» ends compounds (عبد الله), never a surname to look for
    forms |= {"ال" + k: k for k in list(forms) if len(k) >= NISBA_MIN and k.endswith("ي") and not k.startswith("ال")}
    body = "|".join(re.escape(k) for k in sorted(forms, key=lambda s: (-len(s), s)))
    if not body:
        return
    pattern = re.compile(rf"(?<![{LETTERS}]){SINGLE_PROCLITIC_RE}(?P<n>{body})(?![{LETTERS}])")
    for m in pattern.finditer(folded):
        a, b = map_span(index, m.start("n"), m.end("n"))
        if ctx.overlaps_taken(a, b):
            continue
        key = forms[m.group("n")]
        ctx.add("person", key, match_key(names[key]), ctx.text[a:b], a, b, "recurrence")
    _add_misspelled_mentions(ctx, {k: v for k, v in names.items() if len(k) >= MIN_FUZZY_NAME and k not in stops})
    _add_short_forms(ctx, names, folded, index)


#: the particles of a patronymic (أحمد بن عيد الحربي)
_SON_OF = ("بن", "ابن", "بنت")
#: the word after a short name is one of these (or punctuation, or frequent): the name ends there
SHORT_END_ZIPF = 4.0


def _short_form(full: str) -> str | None:
    """A patronymic name's given name and father's name without the particle (أحمد بن عيد الحربي
    -> أحمد عيد), the way the press often writes a public figure; None for other names."""
    words = match_key(full).split()
    if len(words) < 4 or words[1] not in _SON_OF:
        return None
    father = words[2:4] if words[2] == "عبد" and len(words) >= 5 else words[2:3]
    return " ".join([words[0], *father])


def _add_short_forms(ctx: Context, names: dict[str, str], folded: str, index: Sequence[int]) -> None:
    """Mentions of a patronymic name by its short form (بأحمد عيد for أحمد بن عيد الحربي) where the
    name ends after it: a function word, punctuation or a frequent word follows, not a family name."""
    forms = {f: k for k, v in names.items() if (f := _short_form(v))}
    if not forms:
        return
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=lambda s: (-len(s), s)))
    pattern = re.compile(rf"(?<![{LETTERS}]){SINGLE_PROCLITIC_RE}(?P<n>{body})(?![{LETTERS}])")
    stops = stopwords()
    for m in pattern.finditer(folded):
        a, b = map_span(index, m.start("n"), m.end("n"))
        after = ctx.text[b : b + 40].split()[:1]
        word = after[0] if after else ""
        if word[:1].isalpha() and match_key(word) not in stops and zipf(strip_proclitic(word)[1]) < SHORT_END_ZIPF:
            continue  # «محمد عبدالله السالم»: another man whose name goes on
        if ctx.overlaps_taken(a, b):
            continue
        key = forms[" ".join(m.group("n").split())]
        ctx.add("person", key, match_key(names[key]), ctx.text[a:b], a, b, "recurrence.short")


#: a family name ending in ي and at least this long is also looked for with the article (الحمدي)
NISBA_MIN = 4
#: surnames at least this long are also looked for one letter off (بيربووك for بيربوك)
MIN_FUZZY_NAME = 4
#: a word this frequent is a word of its own, not a misspelled name
FUZZY_MAX_ZIPF = 4.0


def _add_misspelled_mentions(ctx: Context, names: dict[str, str]) -> None:
    """Rare words one edit away from a known surname (a letter added, dropped, changed, or two
    neighbours swapped: المرادسي for المرداسي), same first letter: the name misspelled."""
    if not names:
        return
    for tok in ctx.analysis.tokens:
        too_long = len(tok.norm) > MAX_WORD_LETTERS
        if not tok.is_word or too_long or len(tok.norm) < MIN_FUZZY_NAME or ctx.overlaps_taken(tok.start, tok.end):
            continue
        if zipf(tok.text) >= FUZZY_MAX_ZIPF:
            continue
        for key, full in names.items():
            if tok.norm != key and tok.norm[:1] == key[:1] and OSA.distance(tok.norm, key) == 1:
                ctx.add("person", key, match_key(full), tok.text, tok.start, tok.end, "recurrence.variant")
                break
