"""A second look at the people found after a title, for the rules that report a person only one
article names (GP102): a title is often followed by words that are no name.

A titled person is marked ``doubtful`` (with the reason) when

- ``named_after``: the title follows the head of a name given after someone
  (``rules/lexicons/heads.yaml``: eponym_heads), so the words name a building, park or prize
  (مركز الأمير …، جامعة الملك …), not a person in the story;
- ``name_model``: the trained name model (:mod:`checker.names`), reading the sentence, finds no
  person's name on those words (وزير العمل يبحث، الرئيس يصدر مرسومًا، الدكتور السويد تعازي).

A place or organisation right after a titled person's name or after an honorific (الدكتور،
الشيخ) is that person's family name (الدكتور عبدالله السويد، الدكتور السويد): it is marked
``doubtful`` = ``surname``.

The later mentions of a name the model denies at every titled mention are marked ``doubtful`` =
``denied``, and the name is not looked for in the other articles.

Nothing is dropped: the facts stay for roles, places and spellings; the gap rules pass over a
person whose every titled mention is doubtful and over a doubtful place, the spelling-variant rule
over the denied later mentions. Without the name model
the name-model test does not run.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
from functools import lru_cache
from pathlib import Path

from checker import lexicons
from checker.extract.base import Context, extractor
from checker.extract.name_ends import model_persons, name_model
from checker.extract.name_words import is_given_name
from checker.extract.titles import title_lexicon
from checker.model import Fact
from checker.text.chars import match_key
from checker.text.words import strip_proclitic

#: what ends the word before a title when punctuation stands between them
_PUNCT = "،,.:;؛!؟?()«»\"'-–"


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Honorifics before a name (الدكتور، الشيخ), folded: name prefixes and definite weak titles."""
    words = [*lexicons.load("names")["name_prefixes"], *lexicons.load("titles").get("weak_titles", [])]
    return frozenset(match_key(w) for w in words if w.startswith("ال"))


@extractor("person_checks")
def check_people(ctx: Context) -> None:
    for i, f in enumerate(ctx.facts):
        if f.type == "person" and not f.attr("role") and _eponym_before(ctx, f):
            # «مستشفى الملك فهد التخصصي»: a name in an institution's name; still spelled, never a gap
            ctx.facts[i] = dataclasses.replace(f, attrs=(*f.attrs, ("doubtful", "named_after")))
    titled = [i for i, f in enumerate(ctx.facts) if f.type == "person" and f.attr("role")]
    if not titled:
        return
    _surnames(ctx, [ctx.facts[i] for i in titled])
    for i in titled:
        f = ctx.facts[i]
        reason = "named_after" if _named_after(ctx, f) else None
        if reason is None and not _model_finds_person(ctx, f):
            reason = "name_model"
        if reason is not None:
            ctx.facts[i] = dataclasses.replace(f, attrs=(*f.attrs, ("doubtful", reason)))
    _denied_recurrences(ctx, titled)


def _denied_recurrences(ctx: Context, titled: list[int]) -> None:
    """A name the model denies at every titled mention (للائتلاف الوطني السوري اجتماعاتها) is
    looked for neither later in the article nor in the other articles: its recurrences are marked
    ``doubtful`` = ``denied``, and it leaves the article's introduced people."""
    keys: dict[str, bool] = {}
    for i in titled:
        f = ctx.facts[i]
        keys[f.key] = keys.get(f.key, True) and f.attr("doubtful") == "name_model"
    denied = {k for k, all_denied in keys.items() if all_denied}
    if not denied:
        return
    for i, f in enumerate(ctx.facts):
        if f.type == "person" and f.key in denied and f.extractor.startswith("recurrence") and not f.attr("doubtful"):
            ctx.facts[i] = dataclasses.replace(f, attrs=(*f.attrs, ("doubtful", "denied")))
    ctx.introduced = [p for p in ctx.introduced if p[0] not in denied]


def _surnames(ctx: Context, titled: list[Fact]) -> None:
    """Mark places and organisations that follow a titled person's name or an honorific, lie
    inside a titled person's name, or are written alone elsewhere in the article as the family name
    of a titled person named in full (عبدالله بن محمد السويد … وقال السويد: the man, not Sweden)."""
    ends = {f.end for f in titled}
    surnames = {f.key for f in titled if len(f.text.split()) >= 2}
    marked: set[int] = set()
    for i, f in enumerate(ctx.facts):
        if f.type not in ("place", "org") or f.attr("doubtful"):
            continue
        if any(p.start < f.start and f.end <= p.end for p in titled):
            marked.add(i)
            surnames.add(match_key(f.text))
            continue
        gap = ctx.text[max(0, f.start - 30) : f.start]
        head = gap.rstrip()
        if len(gap) - len(head) != 1:
            continue  # one space between, no punctuation
        words = head.split()
        if f.start - 1 in ends or (words and match_key(words[-1]) in _honorifics()):
            marked.add(i)
    for i, f in enumerate(ctx.facts):
        if f.type in ("place", "org") and not f.attr("doubtful") and (i in marked or match_key(f.text) in surnames):
            ctx.facts[i] = dataclasses.replace(f, attrs=(*f.attrs, ("doubtful", "surname")))
        elif f.type == "nationality" and any(p.start < f.start and f.end <= p.end for p in titled):
            ctx.facts[i] = dataclasses.replace(f, attrs=(*f.attrs, ("doubtful", "surname")))  # «منصور التركي»


@lru_cache(maxsize=1)
def _eponym_heads() -> frozenset[str]:
    return frozenset(match_key(w) for w in lexicons.load("heads").get("eponym_heads", []))


def _named_after(ctx: Context, f: Fact) -> bool:
    """The word right before the title is the head of a name given after someone (مركز الأمير …,
    بمستشفى الملك …), without the article (بالجامعة الدكتور … is a person at the university)."""
    role = str(f.attr("role")).split()
    before = ctx.text[max(0, f.start - 40 * (len(role) + 1)) : f.start].split()
    if len(before) <= len(role) or before[-len(role) :] != role:
        return False
    prev = before[-len(role) - 1]
    if prev[-1:] in _PUNCT:
        return False
    return eponym_head(prev)


def _eponym_before(ctx: Context, f: Fact) -> bool:
    """The two words before an untitled name are an eponym head and a title (مستشفى الملك فهد …)."""
    before = ctx.text[max(0, f.start - 60) : f.start].split()
    titles, _ = title_lexicon()
    return len(before) >= 2 and titles.get(match_key(before[-1])) == 1 and eponym_head(before[-2])


def eponym_head(word: str) -> bool:
    """*word* is the head of a name given after someone (``eponym_heads``: مستشفى، متنزهات), without
    the article; a glued preposition or و is allowed (بمستشفى)."""
    clitic, bare = strip_proclitic(word)
    head = match_key(bare)
    if head[:1] in ("و", "ف") and head[1:] in _eponym_heads():
        return True  # ومتنزهات: the conjunction the frequency test left on a rare plural
    return not clitic.endswith("ال") and not head.startswith("ال") and head in _eponym_heads()


#: the shipped name model's lexicon, whose foreign-name spellings say which given names are known
MODEL_LEXICON = Path(__file__).resolve().parent.parent / "names" / "model" / "lexicon.json"


@lru_cache(maxsize=1)
def _foreign() -> list[str]:
    """The model's foreign-name spellings, sorted, kept in the cache as a plain list: read without
    the model, its package or the rest of its 900 KB lexicon."""

    def build() -> list[str]:
        try:
            data = json.loads(MODEL_LEXICON.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return sorted(set(data.get("foreign", [])))

    return list(lexicons.cached("name-foreign", [MODEL_LEXICON], build))


def known_foreign(key: str) -> bool:
    """Whether the folded word *key* is a known spelling of a foreign person-name word."""
    words = _foreign()
    i = bisect.bisect_left(words, key)
    return i < len(words) and words[i] == key


def known_name(text: str) -> bool:
    """A name that starts with a given name of the lexicon (فيصل، فهد), or of two words or more that
    starts with a known spelling of a foreign given name (آشتون كارتر، جان إيف لودريان): a name
    whatever the model says. A single foreign-looking word is left to the model (مات، بارك)."""
    words = text.split()
    if not words:
        return False
    first = strip_proclitic(words[0])[1] if len(words[0]) > 3 else words[0]
    return is_given_name(first) or (len(words) >= 2 and known_foreign(match_key(first)))


def _model_finds_person(ctx: Context, f: Fact) -> bool:
    """The name model tags a person's name over some of the words of its sentence (True when there
    is no model, or when the name starts with a known given name: :func:`known_name`)."""
    if known_name(f.text) or name_model() is None:
        return True
    return any(x < f.end and f.start < y for x, y in model_persons(ctx, f.start))
