"""People with their roles: TITLE [qualifiers] NAME, then later mentions of the same name.

"وزيرة الخارجية الألمانية أنالينا بيربوك" gives a person fact with role "وزيرة الخارجية الألمانية" and
name "أنالينا بيربوك"; later "بيربوك" alone becomes a mention of the same person. Glued words are split
before matching, so "بوتينعن" still yields the name "بوتين".
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract.base import Context, Spans, extractor, stopwords
from checker.extract.heads import in_body_name
from checker.extract.honorifics import honorific
from checker.extract.mentions import add_mentions
from checker.extract.name_ends import model_name_end, model_persons
from checker.extract.name_words import (
    family_name,
    given_at,
    is_given,
    is_name_word,
    joined,
    name_lexicon,
    name_span,
    titled_given,
)
from checker.extract.titles import (
    WEAK_TITLE_ZIPF,
    Word,
    body_after,
    match_title,
    speech_verbs,
    title_lexicon,
    title_word,
    weak_titles,
    with_deputy,
    words,
)
from checker.model import Fact
from checker.text.chars import match_key
from checker.text.words import strip_proclitic, zipf

MAX_QUALIFIERS = 5


def _entity_spans(ctx: Context) -> Spans:
    return Spans((f.start, f.end) for f in ctx.facts if f.type in ("place", "org", "nationality"))


def _demonym_at(ctx: Context, w: Word) -> Fact | None:
    """The definite singular nationality fact starting at word *w* (الفرنسي, الألمانية), if any."""
    index = ctx.cache.get("demonyms")
    if index is None:
        index = {
            f.start: f
            for f in ctx.facts
            if f.type == "nationality" and f.text.startswith("ال") and not f.text.endswith(("ون", "ين", "ات"))
        }
        ctx.cache["demonyms"] = index
    return index.get(w.start)  # type: ignore[no-any-return]


def _add_person(
    ctx: Context, ws: list[Word], j: int, k: int, role: str | None, how: str, honored: int | None = None
) -> tuple[str, str, str]:
    k = model_name_end(ctx, ws, j, k, name_lexicon()[1], is_given)
    start, end = ws[j].start, ws[k - 1].end
    name = ctx.text[start:end]
    key = match_key(ws[k - 1].text)
    attrs: list[tuple[str, object]] = [("role", role)] if role else []
    h = honorific(ctx.text, honored, role or "") if honored is not None else None
    if h is not None:  # the honorific, and the mention from it: صاحب السمو الملكي الأمير عبدالله …
        attrs.append(("honorific", (h[0], h[1], ctx.text[h[1] : end])))
    ctx.add("person", key, match_key(name), name, start, end, how, attrs)
    return key, name, role or ""


def _add_role(ctx: Context, person: Person, role: tuple[str, int, int], how: str) -> None:
    """The role fact of *person*: the role's text and its ``(start, end)``."""
    text, start, end = role
    ctx.add("role", person[0], text, text, start, end, how, [("person", person[1])], claim=False)


@dataclass
class _Scan:
    """What the people scan reads at every word: the words, entity spans and lexicons."""

    ctx: Context
    ws: list[Word]
    ents: Spans
    stops: frozenset[str]
    titles: dict[str, int]
    quals: frozenset[str]


Person = tuple[str, str, str]


def make_scan(ctx: Context) -> _Scan:
    titles, quals = title_lexicon()
    return _Scan(ctx, words(ctx), _entity_spans(ctx), stopwords(), titles, quals)


@extractor("people")
def extract_people(ctx: Context) -> None:
    """People introduced by a title (وزير المالية الياباني تارو آسو), a nationality (الفرنسي
    إريك) or a known given name; then their later mentions by surname."""
    titles, _ = title_lexicon()
    _, _, prefixes = name_lexicon()
    scan = make_scan(ctx)
    i = 0
    found: list[Person] = []
    while i < len(scan.ws):
        n = match_title(scan.ws, i, titles)
        if not n and scan.ws[i].norm in prefixes:
            n = 1
        if n and in_body_name(scan.ws, i):
            n = 0  # «لمستشفى الأمير عبدالعزيز بن مساعد»: the title opens the hospital's name (person_checks)
        step = (
            _after_title(scan, i, n) if n else _after_nationality(scan, i) or _given_name(scan, i) or _speaker(scan, i)
        )
        if step is None:
            i += 1
            continue
        i, person = step
        if person is not None:
            found.append(person)
    ctx.introduced = found
    add_mentions(ctx, {key: name for key, name, _ in found})


def _after_nationality(scan: _Scan, i: int) -> tuple[int, Person | None] | None:
    """ "الفرنسي إريك", "العالم الألماني هيزنبرج": a nationality then a rare word or given name."""
    ctx, ws, stops = scan.ctx, scan.ws, scan.stops
    nat = _demonym_at(ctx, ws[i])
    if nat is None:
        return None
    j = i
    while j < len(ws) and ws[j].end <= nat.end:
        j += 1
    k = name_span(ws, j, ctx, scan.ents, stops)
    if not (k > j and (given_at(ws, j) or ws[j].pos == "PROPN" or zipf(ws[j].text) < WEAK_TITLE_ZIPF)):
        return None
    if "\n" in ctx.text[nat.end : ws[j].start]:
        return None  # a headline ending «السوبر الفرنسي» over a byline «عمر إبراهيم – عين اليوم»
    lead = ws[i - 1] if i > 0 and ws[i - 1].norm not in stops and ws[i - 1].is_word else None
    if lead is not None and not _role_lead(ws, i - 1):
        lead = None  # «أمثال الألماني»، «زميله السويدي»، «تشيلسي البرتغالي»: the nationality alone
    role_start = lead.start if lead is not None and lead.end >= nat.start - 1 else nat.start
    role = " ".join(ctx.text[role_start : nat.end].split())
    return k, _add_person(ctx, ws, j, k, role, "pattern.nationality")


#: how many words before a title that carries ل may be the head it completes
GENITIVE_HEAD_WORDS = 3


def _genitive_head(scan: _Scan, c: int) -> int | None:
    """Where the role starts when its first title carries ل (لخادم الحرمين الشريفين): the title before
    it, through definite words, with no punctuation between (نائب السكرتير الخاص), up to
    :data:`GENITIVE_HEAD_WORDS` words and through a word with و; None when there is none (اتصل لرئيس،
    الحساسية لرئيس الوزراء)."""
    ws, titles = scan.ws, title_lexicon()[0]
    take = None
    for k in range(c - 1, max(-1, c - 1 - GENITIVE_HEAD_WORDS), -1):
        w = ws[k]
        if not w.is_word or scan.ctx.text[w.end : ws[k + 1].start].strip():
            break
        title = bool(match_title(ws, k, titles))
        if not (title or _role_lead(ws, k)):
            break
        take = k if title else take
        if w.text[:1] == "و":
            break
    return take  # the leftmost title: «الحساسية لرئيس الوزراء» has none


def _role_lead(ws: list[Word], i: int) -> bool:
    """The word before a nationality is part of the person's role: a title (لاعب، المدرب) or a
    definite noun (العالم الألماني), not a name, a verb or a noun with a pronoun (زميله، نفذها)."""
    if match_title(ws, i, title_lexicon()[0]):
        return True
    bare = strip_proclitic(ws[i].text)[1]
    return match_key(bare).startswith("ال") or match_key(ws[i].text).startswith(("ال", "وال"))


def _given_name(scan: _Scan, i: int) -> tuple[int, Person | None] | None:
    """No title: a given name from the lexicon followed by one or more name words."""
    ctx, ws = scan.ctx, scan.ws
    if not (
        given_at(ws, i)
        and (ws[i].norm not in scan.stops or ws[i].pos == "PROPN")  # علي written for على
        and not ctx.overlaps_taken(ws[i].start, ws[i].end)
    ):
        return None
    k = name_span(ws, i, ctx, scan.ents, scan.stops)
    if k - i >= 2 or (k - i == 1 and ws[i].pos == "PROPN"):
        role = _role_after(scan, k) if k - i >= 2 else None  # «خالد الفيصل أمير منطقة مكة»
        person = _add_person(ctx, ws, i, k, role[0] if role else None, "lexicon.given_name")
        if role is not None and person[1] == ctx.text[ws[i].start : ws[k - 1].end]:
            _add_role(ctx, person, role, "pattern.apposition")
        return k, person
    return None


def _after_title(scan: _Scan, i: int, n: int) -> tuple[int, Person | None]:
    """A title of *n* words at *i*, its qualifiers (الأميركي، الدفاع), then the name."""
    ctx, ws = scan.ctx, scan.ws
    c = _chain_start(scan, i)
    first = ws[c]
    clitic = strip_proclitic(first.text)[0]
    # a glued conjunction or preposition (ووزير المالية، بالرئيس محمد مرسي) is not part of the role
    lead = clitic[:-2] if clitic.endswith("ال") else clitic
    glued = len(lead) <= 2 and all(ch in "وفبكل" for ch in lead) and not first.text[len(lead) :].startswith("ل")
    glued = glued and match_key(first.text) not in scan.titles  # «والي»: a title, not و + الي
    title_start = first.start + (len(lead) if glued else 0)  # «للرئيس» stays: no «ال» to show
    head = _genitive_head(scan, c) if glued and "ل" in lead else None
    if head is not None:  # «نائب السكرتير الخاص لخادم الحرمين الشريفين»: the title is a complement
        title_start = ws[head].start + (ws[head].text[:1] == "و" and not match_title(ws, head, title_lexicon()[0]))
    j = role_words_end(scan, i + n)
    bodied = j == i + n and j + 1 < len(ws) and ws[j].is_word and ws[j - 1].norm in body_after()
    j += bodied  # «المتحدث باسم فينيفست»: the word after باسم is the body, not the name
    role_end = ws[j - 1].end
    k = name_span(ws, j, ctx, scan.ents, scan.stops, titled=True)
    if bodied and k - j < 2:
        k = j  # «المتحدث باسم فينيفست رويترز»: one word after the body is the agency told, not a name
    weak = n <= 2 and " ".join(w.norm for w in ws[i : i + n]) in weak_titles()
    if (
        weak
        and k > j
        and not (given_at(ws, j) or titled_given(ws[j]) or ws[j].pos == "PROPN" or zipf(ws[j].text) < WEAK_TITLE_ZIPF)
        and not family_name(ctx, ws[j])
    ):
        k = j  # "لاعب محترف", "المدير الفني": an occupation followed by a common word
    if weak and k > j and not is_given(ws[j]) and ws[j].text[:1] == "و" and zipf(ws[j].text[1:]) > 0:
        k = j  # «الشهيد وذووه»: a word joined by a conjunction opens no name
    if k == j and j + 1 < len(ws) and ws[j].text in QUOTE_PAIRS:
        q = name_span(ws, j + 1, ctx, scan.ents, scan.stops, titled=True)
        if q > j + 1 and q < len(ws) and ws[q].text == QUOTE_PAIRS[ws[j].text]:
            j, k = j + 1, q  # «مدير فرع مكتب العمل بخيبر "فهد الرشيدي"»: the name in quotes
    comma = _apposition(scan, j) if k == j and not _after_name(scan, c) else None
    if comma is not None:
        k = name_span(ws, comma + 1, ctx, scan.ents, scan.stops)
        if _role_follows(scan, comma + 1, k):
            k = j  # عبد الإله الخطيب وزير الخارجية، عمرو موسى الأمين العام: names each with a role after
        else:
            role_end, j = ws[comma - 1].end, comma + 1
    elif k == j:
        after = _complement_name(scan, j)
        if after is not None:  # رئيس غرفة نجران مسعود بن مهدي: the title's body, then the name
            last = after[0] - 1 - (ws[after[0] - 1].text in QUOTE_PAIRS)
            role_end, j, k = ws[last].end, after[0], after[1]
    if k == j or (j < len(ws) and "\n" in ctx.text[role_end : ws[j].start]):
        return j, None  # no name, or a name on the next line (a byline under a headline)
    if c > 0 and joined(ws, c - 1) and _in_person(scan, c - 1):
        # «خالد الفيصل أمير منطقة مكة وزير الخارجية عادل الجبير»: the first title is the earlier
        # name's; this name's role starts at the last title before it, if the first title's own
        # words stand between (not «خادم الحرمين الشريفين الملك»: one chain of titles)
        inner = [x for x in range(i + n + 1, j) if match_title(ws, x, scan.titles)]
        if inner:
            title_start = ws[with_deputy(ws, inner[-1])].start
    role = " ".join(ctx.text[title_start:role_end].split())
    person = _add_person(ctx, ws, j, k, role, "pattern.title", honored=title_start)
    _add_role(ctx, person, (role, title_start, role_end), "pattern.title")
    return k, person


#: a quotation mark that may enclose the name after a title, and the mark that closes it
QUOTE_PAIRS = {'"': '"', "«": "»", "“": "”"}

#: at most this many words in the name of a speaker with no title before it (جرازيانو ديل ريو)
MAX_SPEAKER_WORDS = 4
#: each word of such a name is rarer than this (never a common word: مصدر، مسؤول، المتحدث)
SPEAKER_MAX_ZIPF = 4.5


def _speaker(scan: _Scan, i: int) -> tuple[int, Person | None] | None:
    """A verb of saying, a name with no title or given name before a title with no name of its
    own: «وقال لوري والاش مدير منظمة بابليك سيتيزن»، «قال جيوفاني مالاجو رئيس اللجنة الأولمبية».
    The trained name model (:mod:`checker.names`) must read a person from the name's first word;
    the title after the name is his role."""
    ctx, ws = scan.ctx, scan.ws
    verb = ws[i - 1].norm if i > 0 else ""
    if not (verb in speech_verbs() or (verb[:1] in ("و", "ف") and verb[1:] in speech_verbs())) or not joined(ws, i - 1):
        return None  # run at every word: the folded word and a glued و / ف, no frequency test
    t = i
    while t < len(ws) and t - i <= MAX_SPEAKER_WORDS and not match_title(ws, t, scan.titles):
        w = ws[t]
        if (
            (t > i and not joined(ws, t - 1))
            or not is_name_word(w, t == i, scan.stops)
            or zipf(w.text) >= SPEAKER_MAX_ZIPF
            or scan.ents.overlaps(w.start, w.end)
            or ctx.overlaps_taken(w.start, w.end)
        ):
            return None
        t += 1
    if t == i or t - i > MAX_SPEAKER_WORDS or t == len(ws) or not joined(ws, t - 1):
        return None
    if not any(a <= ws[i].start < b for a, b in model_persons(ctx, ws[i].start)):
        return None
    role = _role_after(scan, t)
    if role is None:
        return None
    person = _add_person(ctx, ws, i, t, role[0], "pattern.speaker")
    _add_role(ctx, person, role, "pattern.speaker")
    return t, person


def _role_after(scan: _Scan, t: int) -> tuple[str, int, int] | None:
    """The title at word *t*, right after a name, with its qualifiers and complement, when it
    introduces no name of its own (then it is the next person's: «وقال X وزير الخارجية عادل
    الجبير»): ``(role, start, end)``."""
    ws = scan.ws
    n = match_title(ws, t, scan.titles) if t < len(ws) and joined(ws, t - 1) else 0
    if not n:
        return None
    j = role_words_end(scan, t + n)
    if name_span(ws, j, scan.ctx, scan.ents, scan.stops, titled=True) > j or _apposition(scan, j) is not None:
        return None
    if _complement_name(scan, j) is not None:
        return None  # «… رئيس غرفة نجران مسعود بن مهدي»: the title's body, then its name
    if joined(ws, j - 1):
        j = complement_end(scan, j)  # مدير المعرض، نائب رئيس الجمعية السعودية للإدارة
    return " ".join(scan.ctx.text[ws[t].start : ws[j - 1].end].split()), ws[t].start, ws[j - 1].end


def role_words_end(scan: _Scan, j: int) -> int:
    """Index after the qualifiers (الأميركي، الدفاع), entities and inner titles (نائب رئيس بلدية)
    that follow a title ending before word *j*."""
    ws, q = scan.ws, 0
    while j < len(ws) and q < MAX_QUALIFIERS:
        span = scan.ents.inside(ws[j].start, ws[j].end)
        inner = match_title(ws, j, scan.titles)  # نائب رئيس بلدية: a title inside the role
        if not (ws[j].norm in scan.quals or span or inner or _qualifier_with_pronoun(ws[j].norm, scan.quals)):
            break
        if span and family_name(scan.ctx, ws[j]):
            break  # «… بن محمد السويد … نقل الدكتور السويد»: the family name, not Sweden
        j += max(1, inner)
        q += 1
        while span and j < len(ws) and ws[j].end <= span[1]:
            j += 1
    return j


#: possessive pronouns a qualifier may carry (وزير خارجيته خالد العطية: "his foreign minister")
_PRONOUNS = ("هم", "ها", "ه")


def _qualifier_with_pronoun(word: str, quals: frozenset[str]) -> bool:
    """A qualifier with a possessive pronoun (خارجيته، داخليتها): in the role, not the name."""
    for p in _PRONOUNS:
        if word.endswith(p) and len(word) > len(p) + 2:
            base = word[: -len(p)]
            base = base[:-1] + "ه" if base.endswith("ت") else base  # خارجيت -> خارجيه (teh marbuta)
            return base in quals or "ال" + base in quals or base + "ه" in quals
    return False


#: punctuation between a title and the name it introduces (أمين عام الحزب، عبدالعزيز جباري)
APPOSITION_MARKS = frozenset({"،", ","})
#: at most this many words of the title's complement before an apposition's comma
MAX_COMPLEMENT = 6


def _apposition(scan: _Scan, j: int) -> int | None:
    """The comma after a title (and its complement, ending before word *j* or a few words later:
    أمين عام حزب العدالة والتنمية، عبدالعزيز جباري) when a given name follows it: the name the
    title introduces. A list member after the comma carries و and is no given name."""
    ws, k = scan.ws, complement_end(scan, j)
    if k + 1 < len(ws) and ws[k].text in APPOSITION_MARKS and joined(ws, k) and given_at(ws, k + 1):
        return k
    return None


def _complement_name(scan: _Scan, j: int) -> tuple[int, int] | None:
    """A title's complement from word *j* (غرفة نجران, التدريب بغرفة نجران) followed, with no
    punctuation, by a name of two words or more that opens with a given name: ``(start, end)`` of
    the name's words."""
    ws = scan.ws
    c = complement_end(scan, j)
    while c < len(ws) and ws[c].norm == "في" and joined(ws, c) and (after := complement_end(scan, c + 1)) > c + 1:
        c = after  # المتحدث الرسمي في أمانة الأحساء خالد بووشل
    quoted = c + 1 < len(ws) and ws[c].text in QUOTE_PAIRS and given_at(ws, c + 1)  # مدير فرع … "فهد الرشيدي"
    if not (j < c < len(ws) and (quoted or (joined(ws, c - 1) and given_at(ws, c)))):
        return None
    if not all(_body_word(scan, w) or w.norm == "في" for w in ws[j:c]):
        return None  # المسؤول المحلي نهرو عبد الله: a rare word before the given name is a name
    if any(w.norm in name_lexicon()[1] for w in ws[j:c]):
        return None  # «الدكتور عقيل بن سالم الشمري»: a particle makes the words before it a name
    if any(match_title(ws, x, scan.titles) or title_word(ws[x]) for x in range(j, c)):
        return None  # رئيسة اللجنة الدكتورة عهود ...: the inner title introduces the name
    start = c + quoted
    k = name_span(ws, start, scan.ctx, scan.ents, scan.stops, titled=True)
    if quoted and not (k < len(ws) and ws[k].text == QUOTE_PAIRS[ws[c].text]):
        return None
    return (start, k) if k - start >= 2 else None


#: a complement word without the article or a clitic must be at least this common
BODY_WORD_ZIPF = 3.0


def _body_word(scan: _Scan, w: Word) -> bool:
    """A word that may stand in a title's complement: a place or body (نجران), a word with the
    article or a glued preposition (التدريب، بغرفة), or a common word (غرفة)."""
    return (
        scan.ents.overlaps(w.start, w.end)
        or w.norm.startswith("ال")
        or bool(strip_proclitic(w.text)[0])
        or zipf(w.text) >= BODY_WORD_ZIPF
    )


def _after_name(scan: _Scan, c: int) -> bool:
    """The role starting at word *c* follows a name (عبد الإله الخطيب وزير الخارجية، عمرو موسى:
    a list of names each with its role after it; فيصل السلطان، طلال: a family name)."""
    ws = scan.ws
    return c > 0 and joined(ws, c - 1) and (is_given(ws[c - 1]) or _in_person(scan, c - 1))


def _role_follows(scan: _Scan, j: int, k: int) -> bool:
    """A title starts inside the name at words *j*..*k* or one word after it: the name opens a
    list member «NAME TITLE»."""
    ws = scan.ws
    after = range(j + 1, min(len(ws), k + 2))
    return any(ws[x].is_word and (match_title(ws, x, scan.titles) or title_word(ws[x])) for x in after)


def complement_end(scan: _Scan, j: int) -> int:
    """End of the run of content words from word *j* that completes a title (حزب العدالة
    والتنمية): no function word, verb, given name or punctuation, at most :data:`MAX_COMPLEMENT`
    words; a word with a glued و only as the clause's last (والتنمية، but not وانتقل إلى)."""
    ws, k = scan.ws, j
    while k < len(ws) and k - j < MAX_COMPLEMENT and ws[k].is_word:
        w = ws[k]
        if w.norm in scan.stops or given_at(ws, k) or w.pos in CHAIN_BREAK_POS:
            break
        last = not (joined(ws, k) and ws[k + 1].is_word)
        if not last and (strip_proclitic(w.text)[0].startswith("و") or w.norm.startswith("وال")):
            break
        k += 1
        if last:
            break
    return k


#: at most this many words between two titles of one role chain (رئيس الإدارة الإعلامية بوزارة الخارجية السفير)
MAX_CHAIN_WORDS = 7


def _chain_start(scan: _Scan, i: int) -> int:
    """Index of the first word of the role whose last title is at word *i*: a deputy word right
    before a title (نائب رئيس الإدارة), and earlier titles joined to it by their complement alone
    (مدير عام الهيئة العامة للسياحة رئيس مجلس التنمية المهندس): no punctuation, function word or
    given name between, at most :data:`MAX_CHAIN_WORDS` words apart. A title with a glued و
    (ووزير) opens a list member: the chain starts there."""
    ws = scan.ws
    start = with_deputy(ws, i)
    k, gap = start - 1, 0
    while k >= 0 and gap < MAX_CHAIN_WORDS and joined(ws, k) and ws[k].is_word:
        # مدير مستشفى الملك فهد التخصصي الدكتور: the hospital's name (a title inside it) is the complement
        if any(match_title(ws, j, scan.titles) == 1 and in_body_name(ws, j) for j in range(max(1, k - 3), k + 1)):
            k, gap = k - 1, gap + 1
            continue
        if ws[k].norm in scan.stops or is_given(ws[k]) or ws[k].pos in CHAIN_BREAK_POS or _in_person(scan, k):
            break
        if match_title(ws, k, scan.titles) or title_word(ws[k]):
            start, gap = with_deputy(ws, k), 0
            if strip_proclitic(ws[k].text)[0]:
                break
            k = start - 1
            continue
        k -= 1
        gap += 1
    return start


#: tags of words that cannot stand inside a role chain (a verb: قال وزير ...)
CHAIN_BREAK_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ", "CCONJ", "PART", "NUM", "PUNCT"})


def _in_person(scan: _Scan, k: int) -> bool:
    """Word *k* is part of a person's name found already."""
    w = scan.ws[k]
    return any(f.type == "person" and f.start <= w.start < f.end for f in reversed(scan.ctx.facts))
