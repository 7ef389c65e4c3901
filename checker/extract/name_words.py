"""Where a person's name starts and ends: given names (compounds written apart too: عبد الرحمن),
particles and forebears (بن), and the words that are no part of a name (common words, verbs,
nouns with their accusative ending, titles after the name). Shared by :mod:`.people` and the
checks that read names."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from checker import lexicons
from checker.extract.base import Context, Spans
from checker.extract.name_ends import pronoun_suffixed
from checker.extract.titles import Word, accusative_title, deputy_words, org_heads, title_word
from checker.text.chars import LETTERS, match_key
from checker.text.words import strip_proclitic, zipf

MAX_NAME_TOKENS = 5
#: a first name token this frequent must be tagged PROPN by the model to count as a name
COMMON_WORD_ZIPF = 5.0
#: a word rarer than this that the name model knows as a foreign name's spelling is that name,
#: whatever proclitic its first letter could be (فرومان)
RARE_WORD_ZIPF = 3.0
#: a word the press writes with the article this often (zipf) is an Arabic noun, not a foreign name
ARABIC_NOUN_ZIPF = 2.0
#: a later name word that is و/ل/ب glued before a hamza word this frequent (لإبراز) is that word, no name
GLUED_WORD_ZIPF = 3.0


@lru_cache(maxsize=1)
def name_lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names (compounds also written solid: عبدالله), particles, honorific prefixes."""
    data = lexicons.load("names")
    first = set()
    for n in data["first_names"]:
        # alef maqsura is kept apart here (علي the name, على the preposition)
        k = given_key(n)
        first.add(k)
        if k.startswith("عبد "):
            first.add(k.replace(" ", ""))
    return (
        frozenset(first),
        frozenset(match_key(p) for p in data["particles"]),
        frozenset(match_key(p) for p in data["name_prefixes"]),
    )


TANWIN_FATH = "\u064b"
#: the model's tag is trusted only for words at least this frequent: it tags unknown foreign
#: names (هيزنبرج) as verbs
TRUST_POS_ZIPF = 2.0
#: part-of-speech tags that end a name (hints from the model; absent without one)
NON_NAME_POS = frozenset({"VERB", "ADP", "ADV", "AUX", "CCONJ", "SCONJ", "PART", "PRON", "NUM", "PUNCT"})


def given_key(text: str) -> str:
    """Folded like :func:`match_key` but keeping alef maqsura, to look up given names.

    >>> given_key("على") == given_key("علي")
    False
    """
    return match_key(text, keep_maqsura=True)


def is_given_name(word: str) -> bool:
    """Whether *word* is a given name of ``rules/lexicons/names.yaml`` (alef maqsura kept)."""
    return given_key(word) in name_lexicon()[0]


def is_given(w: Word) -> bool:
    return is_given_name(w.text)


@lru_cache(maxsize=1)
def _titled_given() -> frozenset[str]:
    return frozenset(given_key(n) for n in lexicons.load("names").get("titled_given_names", []))


def titled_given(w: Word) -> bool:
    """A given name that is also a common word (سعيد، جميل; ``titled_given_names``): a name's first
    word only right after a title or honorific, with another name word after it."""
    return given_key(w.text) in _titled_given()


def given_at(ws: list[Word], i: int) -> bool:
    """Word *i* opens a given name: a given name itself, or عبد written apart before the rest of a
    compound one (عبد الرحمن), whatever a tagger calls عبد."""
    if is_given(ws[i]):
        return True
    return ws[i].norm == "عبد" and joined(ws, i) and given_key(f"{ws[i].text} {ws[i + 1].text}") in name_lexicon()[0]


def _foreign_spelling(norm: str) -> bool:
    """A folded word the name model knows as a spelling of a foreign person's name (أوباما), and
    that opens no title (خادم الحرمين الشريفين: «خادم» is a name's spelling too)."""
    from checker.extract.person_checks import known_foreign  # person_checks imports this module

    if not known_foreign(norm) or norm in _title_openers():
        return False
    return zipf("ال" + norm) < ARABIC_NOUN_ZIPF  # عيد، جميل، خادم: Arabic words (العيد) that names also spell


@lru_cache(maxsize=1)
def _title_openers() -> frozenset[str]:
    """The first words of the titles (folded): خادم، رئيس، وزير ..."""
    from checker.extract.titles import title_lexicon

    return frozenset(t.split()[0] for t in title_lexicon()[0] if t)


#: a word written with a hamza on its first alef before lam (ألفرد، إلينا، ألكسندر) opens with no article
HAMZA_AL = ("أل", "إل")


def is_name_word(w: Word, first: bool, stops: frozenset[str]) -> bool:
    _, particles, _ = name_lexicon()
    if not w.norm[:1].isalpha() or len(w.norm) < 2:
        return False
    if not re.fullmatch(f"[{LETTERS}]+", w.norm) or TANWIN_FATH in w.text:
        return False  # قرارًا: a noun with its accusative ending written is no name
    if is_given(w) or (not first and w.norm in particles):
        return True
    if w.norm in stops or (w.pos in NON_NAME_POS and zipf(w.text) >= TRUST_POS_ZIPF):
        return False
    if first:
        if w.norm in org_heads() or (w.norm.startswith("ال") and w.norm[2:] in org_heads()):
            return False  # حزب العدالة والتنمية, «نائب رئيس الجمعية», tagged PROPN: an organisation
        if w.norm.startswith("ال") and w.pos != "PROPN" and not w.text.startswith(HAMZA_AL):
            return False  # the article opens no name; «ألفرد»، «إلينا» (a hamza on the alef) are no article
        if strip_proclitic(w.text)[0]:
            return False  # بالمجمع: a preposition glued to a known word does not open a name
        if zipf(w.text) >= COMMON_WORD_ZIPF and w.pos != "PROPN":
            return False
    elif pronoun_suffixed(w, is_given):
        return False  # فهد اتصالاته، سيرغي لافروف مسيرته: a common word with a pronoun, not a name
    elif w.pos != "PROPN":
        # a later word with a glued proclitic (بتكثيف) or a common word ends the name, unless it is a
        # known spelling of a foreign name the press writes often (باراك أوباما، جون كيري)
        clitic, _ = strip_proclitic(w.text)
        common = zipf(w.text) >= COMMON_WORD_ZIPF - 0.5 and not w.norm.startswith("ال")
        foreign = _foreign_spelling(w.norm)  # فرومان: a surname, not ف + رومان
        kept = foreign or _kaf_surname(w.text, clitic)
        if (clitic and not (kept and zipf(w.text) < RARE_WORD_ZIPF)) or (common and not foreign):
            return False
        if w.text[:2] in ("لإ", "لأ", "بإ", "بأ", "وإ", "وأ") and zipf(w.text[1:]) >= GLUED_WORD_ZIPF:
            return False  # «محمد بن سلمان لإبراز دور …»: ل before a word with hamza, not a name
        if w.norm.startswith("وال") and len(w.norm) >= 6 and not _foreign_spelling(w.norm):
            return False  # «أحمد عيد والمتحدث الرسمي»: و and the article open the next phrase
        if w.norm.startswith("ال") and zipf(w.text) >= COMMON_WORD_ZIPF:
            return False  # الأولمبي، الجديد: a common adjective, not a family name
        if accusative(w):
            return False  # عبدالعزيز جباري مستشارا: an indefinite noun in the accusative
        if imperfect_verb(w):
            return False  # «بكر يلقي اللوم»: a verb after the name
    return True


#: an imperfect verb after a name is at least this common a word (يلقي، تقول; not يلتسين)
VERB_ZIPF = 3.0


def imperfect_verb(w: Word) -> bool:
    """A word shaped like an imperfect verb (ي or ت before three to five letters, no nominal
    ending) that is a common Arabic word never written with the article, not a given name or a
    foreign name's known spelling."""
    n = w.norm
    if n[:1] not in ("ي", "ت") or not 4 <= len(n) <= 6 or n.endswith(("ه", "ات", "ية", "يه")):
        return False
    if zipf(w.text) < VERB_ZIPF or zipf("ال" + n) >= ARABIC_NOUN_ZIPF:
        return False  # a verb never takes the article: «التشيك» makes «بيتر تشيك» a name
    return not is_given(w) and not _foreign_spelling(n)


#: a word ending in alef whose stem without it is at least this common is an accusative noun
ACCUSATIVE_STEM_ZIPF = 4.0


def accusative(w: Word) -> bool:
    """An indefinite noun with its accusative alef (مستشارا، قرارا): the stem is a common word and
    more common than the whole; never a given name or a word with the article."""
    if not w.norm.endswith("ا") or w.norm.startswith("ال") or len(w.norm) < 4 or is_given(w):
        return False
    stem = w.text[:-1]
    return zipf(stem) >= ACCUSATIVE_STEM_ZIPF and zipf(stem) > zipf(w.text)


def name_span(ws: list[Word], j: int, ctx: Context, ents: Spans, stops: frozenset[str], titled: bool = False) -> int:
    """End (exclusive word index) of the name starting at word *j*; *j* if there is none. *titled*:
    a title or honorific stands before *j*, so a given name that is also a common word (سعيد) may
    open a name of two words or more."""
    _, particles, _ = name_lexicon()
    opens = titled and titled_given(ws[j]) if j < len(ws) else False
    k = j
    halves = 0  # particles, and words after a compound's عبد (عبد العزيز counts as one word of the limit)
    while (
        k < len(ws)
        and (k - j - halves < MAX_NAME_TOKENS or abd_rest(ws, k, j))
        and (
            forebear(ws, k, j)
            or (k == j and (given_at(ws, k) or opens))
            or (k == j + 1 and given_at(ws, j) and titled_given(ws[k]) and (titled or _family_next(ws, k + 1)))
            or (titled and k == j and family_name(ctx, ws[k]))  # … بن محمد السويد … الدكتور السويد
            or abd_rest(ws, k, j)
            or allah_rest(ws, k, j, particles)
            or is_name_word(ws[k], k == j, stops)
            or _model_keeps(ctx, ws, j, k, stops)
        )
    ):
        taken = _taken(ws, j, k, ctx, ents, titled)
        if taken and not forebear(ws, k, j):
            # a place, organisation or nationality (also glued to و: والتشيلي) ends a name, but
            # not a father's name after بن (عبد العزيز بن تركي: تركي is also "Turkish")
            break
        if k > j and ((_title_after(ws[k]) and not forebear(ws, k, j)) or accusative_title(ws[k])):
            break  # فينجر المدير الفني: a title after the name; عين جباري مستشارا: a post he is given
        if k > j and ws[k].start - ws[k - 1].end > 2:
            break  # punctuation between
        if k == j + 1 and titled and family_name(ctx, ws[j]):
            break  # «الدكتور السويد تعازي …»: a family name alone after the title ends the name
        family = _family_before(ws, k, j, particles)
        if family and given_at(ws, k) and not forebear(ws, k, j):
            break  # «مؤسسة سالم بن محفوظ الخيرية بدر الشهري»: a given name after a family name opens the next name
        compound = abd_rest(ws, k - 1, j) or (k >= j + 2 and ws[k - 2].norm in particles)  # صلاح الدين، أبو الحسن
        if family and not compound and k >= j + 2 and not ws[k].norm.startswith("ال") and ws[k].norm not in particles:
            break  # «الأمير خالد الفيصل عثرات طريق»: after a family name with ال only another ال… goes on
        if k >= j + 2 and ws[k - 2].norm in clans() and not ws[k].norm.startswith("ال"):
            break  # «… آل الشيخ ترسية»: after a clan's name only a family name (ال…) goes on
        halves += abd_rest(ws, k, j) or ws[k].norm in particles  # بن، أبو: no word of the limit
        k += 1
        if ws[k - 1].glued and k < len(ws) and ws[k].start == ws[k - 1].end:
            break  # the glued half ends the name
    if k < len(ws) and k - j - halves == MAX_NAME_TOKENS and ws[k - 1].norm in particles:
        # بن at the limit: a chain like فيصل بن خالد بن عبد العزيز takes one more word
        if forebear(ws, k, j) or is_name_word(ws[k], False, stops):
            k += 1
            if k < len(ws) and abd_rest(ws, k, j):
                k += 1  # ... بن عبد العزيز
    while k > j and ws[k - 1].norm in particles:
        k -= 1  # never end on بن / أبو
    if opens and k - j < 2 and not is_name_word(ws[j], True, stops):
        return j  # «الدكتور سعيد بالنتائج»: the common word alone is no name
    return k


def _family_before(ws: list[Word], k: int, j: int, particles: frozenset[str]) -> bool:
    """The word before *k*, inside the name started at *j*, is a family name with the article (not
    a particle, «الله», a title word, or the second half of عبد الرحيم)."""
    prev = ws[k - 1].norm if k > j + 1 else ""
    return (
        prev.startswith("ال")
        and prev not in particles
        and prev != "الله"
        and not title_word(ws[k - 1])
        and not abd_rest(ws, k - 1, j)
    )


def _kaf_surname(word: str, clitic: str) -> bool:
    """A rare word whose ك could be «like, as» before a word that is no common noun: a surname
    (محمد كنون), not «كمستشار» ("as an adviser")."""
    return clitic == "ك" and zipf(word) < KAF_SURNAME_ZIPF and zipf(word[1:]) < COMMON_REST_ZIPF


#: a word with ك glued this rare may be a surname, when the rest is rarer than COMMON_REST_ZIPF
KAF_SURNAME_ZIPF = 2.5
COMMON_REST_ZIPF = 4.0


def _family_next(ws: list[Word], k: int) -> bool:
    """Word *k* reads as a family name: a definite nisba (الحربي) or a rare word (كبيش), so the
    common-word given name before it is a father's name (أحمد عيد الحربي، سالم سعيد كبيش)."""
    if k >= len(ws) or not ws[k].is_word or ws[k].start - ws[k - 1].end > 1:
        return False
    return _definite_nisba(ws[k].norm) or (zipf(ws[k].text) < RARE_WORD_ZIPF and not ws[k].norm.startswith("ال"))


def _taken(ws: list[Word], j: int, k: int, ctx: Context, ents: Spans, titled: bool) -> bool:
    """Word *k* of the name started at *j* is claimed by a place, organisation or nationality, and
    is not a family name that happens to spell one."""
    taken = ents.overlaps(ws[k].start, ws[k].end) or ctx.overlaps_taken(ws[k].start, ws[k].end)
    if not taken:
        return False
    if k >= j + 2 and ws[k - 2].norm in patronymics() and _titled_elsewhere(ctx, ws[k]):
        return False  # «عبدالله بن محمد السويد … نقل الدكتور السويد»: a family name, not Sweden
    if titled and k == j + 1 and given_at(ws, j) and _definite_nisba(ws[k].norm):
        return False  # «اللواء منصور التركي»: after a titled given name, a nisba is the family name
    if titled and k == j + 1 and given_at(ws, j) and _titled_elsewhere(ctx, ws[k]):
        return False  # «الدكتور عبدالله السويد … نقل الدكتور السويد»: the family name, not Sweden
    return not (titled and k == j and family_name(ctx, ws[k]))  # «… بن محمد السويد … الدكتور السويد»


def _definite_nisba(word: str) -> bool:
    """A definite nisba (التركي، المصري): the shape of a demonym and of many family names."""
    return word.startswith("ال") and word.endswith("ي") and len(word) >= 5


def _titled_elsewhere(ctx: Context, w: Word) -> bool:
    """The article writes the word *w* elsewhere right after a title (الدكتور السويد): a family
    name there, whatever else it names."""
    from checker.extract.titles import title_lexicon, weak_titles

    titled = ctx.cache.get("titled_words")
    if titled is None:
        titles, _ = title_lexicon()
        weak = weak_titles()
        titled = ctx.cache["titled_words"] = {
            match_key(b) for a, b in pairwise(ctx.text.split()) if titles.get(match_key(a)) == 1 or match_key(a) in weak
        }
    return w.norm in titled


def family_name(ctx: Context, w: Word) -> bool:
    """The article writes word *w* last in a chain of names (عبدالله بن محمد السويد: two words after
    a patronymic particle): a family name, whatever else it names."""
    found = ctx.cache.get("family_names")
    if found is None:
        words = [match_key(x) for x in re.findall(r"[^\W\d_]+", ctx.text)]
        found = ctx.cache["family_names"] = frozenset(
            c for a, _, c in zip(words, words[1:], words[2:], strict=False) if a in patronymics() and c.startswith("ال")
        )
    return w.norm in found


def _model_keeps(ctx: Context, ws: list[Word], j: int, k: int, stops: frozenset[str]) -> bool:
    """Word *k* after a name's first word fails the word test only for its part-of-speech tag
    (the UDPipe model tags unknown names as numbers, verbs, adpositions: عبدالعزيز جباري), and the
    trained name model reads the name on through it."""
    w = ws[k]
    if k == j or w.pos not in NON_NAME_POS or not is_name_word(replace(w, pos=""), False, stops):
        return False
    from checker.extract.name_ends import model_persons

    return any(a <= ws[j].start and w.end <= b for a, b in model_persons(ctx, ws[j].start))


def _title_after(w: Word) -> bool:
    """A title word, or a deputy word (وكيل، نائب، مساعد) opening the title after a name."""
    return title_word(w) or w.norm in deputy_words()


def abd_rest(ws: list[Word], k: int, j: int) -> bool:
    """Word *k* completes a compound given name written apart inside the name started at *j*
    (عبد الرحمن، صلاح الدين، نور الدين: الرحمن and الدين are no name words on their own)."""
    if not k > j:
        return False
    if ws[k - 1].norm == "عبد":
        return given_at(ws, k - 1)
    return joined(ws, k - 1) and given_key(f"{ws[k - 1].text} {ws[k].text}") in name_lexicon()[0]


def allah_rest(ws: list[Word], k: int, j: int, particles: frozenset[str]) -> bool:
    """Word *k* is «الله» completing a compound name inside the name started at *j* (بن رجاء الله
    السلمي، عطا الله), right after a name word, not after a particle."""
    return (
        k > j
        and ws[k].norm == "الله"
        and ws[k - 1].norm not in particles
        and ws[k].start - ws[k - 1].end <= 1
        and not pronoun_suffixed(ws[k - 1], is_given)
        and k + 1 < len(ws)
        and ws[k + 1].start - ws[k].end <= 1
        and ws[k + 1].norm.startswith("ال")  # a family name follows: the compound is inside the name
        and ws[k + 1].norm != "الله"
    )


@lru_cache(maxsize=1)
def clans() -> frozenset[str]:
    """Particles before a clan's name (آل), folded: ``clan_particles`` of names.yaml."""
    return frozenset(match_key(p) for p in lexicons.load("names").get("clan_particles", []))


@lru_cache(maxsize=1)
def patronymics() -> frozenset[str]:
    return frozenset(match_key(p) for p in lexicons.load("names").get("patronymic_particles", []))


def forebear(ws: list[Word], k: int, j: int) -> bool:
    """Word *k* follows بن / بنت inside the name started at *j*: a father's name, whatever else the
    word means (عبدالله بن مساعد: مساعد is also a title word)."""
    w = ws[k]
    return (
        k > j
        and ws[k - 1].norm in patronymics()
        and ws[k].start - ws[k - 1].end <= 1
        and re.fullmatch(f"[{LETTERS}]+", w.norm) is not None
        and len(w.norm) >= 2
        and not strip_proclitic(w.text)[0]
    )


def joined(ws: list[Word], k: int) -> bool:
    """Words *k* and *k* + 1 are separated by spaces only."""
    return k + 1 < len(ws) and ws[k + 1].start - ws[k].end <= 1
