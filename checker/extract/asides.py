"""Asides: the parts of an article that are not its story's event. A background sentence («يشار
إلى أن السلطات أعلنت الشهر الماضي ...») and the rest of an article after a topic shift («من جهة
ثانية، ...», «في سياق آخر») or a subhead («جبهة تعز»: a round-up's next item) are each an
``aside`` fact spanning that text; the gap rules leave
out what only an aside states (a second, appended item is no gap in the story). Phrases:
``aside_openers`` and ``topic_shifts`` in ``rules/lexicons/stopwords.yaml``. A dateline (the
byline or place the copy was filed from: «عين اليوم – الرياض», «واس- نجران:») is an aside too:
where the copy was filed is no fact of the story."""

from __future__ import annotations

from functools import lru_cache

import regex

from checker import lexicons
from checker.extract.base import Context, extractor
from checker.text.chars import fold, fold_with_map

#: what may stand before a phrase at the start of a sentence: spaces, quotes, brackets, dashes
_LEAD = " \n\t\"'«»()-–"
#: where a sentence may start: the text's start, a line break, or a full stop (and spaces, quotes)
_START = r"(?:^|(?<=[\n.!؟?]))[\s\"'«»()\-–]*"


def _phrases(words: list[str]) -> str:
    return "|".join(sorted({regex.escape(fold(w)).replace(r"\ ", r"\s+") for w in words}, key=lambda p: -len(p)))


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    lex = lexicons.load("stopwords")
    opener = regex.compile(rf"{_START}(?:و|ف)?(?:{_phrases(lex.get('aside_openers', []))})(?!\w)")
    shift = regex.compile(rf"{_START}(?:و)?(?:{_phrases(lex.get('topic_shifts', []))})(?!\w)")
    return opener, shift


def _sentence_end(text: str, start: int) -> int:
    ends = [i for i in (text.find(c, start) for c in ".!؟\n") if i >= 0]
    return min(ends) + 1 if ends else len(text)


@extractor("asides")
def extract_asides(ctx: Context) -> None:
    text = ctx.text
    folded, index = fold_with_map(text)
    opener, shift = _patterns()

    def at(i: int) -> int:  # the text offset of folded offset *i*
        return index[i] if i < len(index) else len(text)

    for m in shift.finditer(folded):
        start = at(m.end() - len(m.group().lstrip(_LEAD)))
        ctx.add("aside", "shift", text[start : at(m.end())], "topic shift", start, len(text), "asides", claim=False)
        break  # the rest of the article, from the first shift
    sub = _subhead(text)
    if sub is not None:  # «جبهة تعز», «معارك الجنوب»: a round-up's next item under its own subhead
        ctx.add("aside", "shift", text[sub[0] : sub[1]], "subhead", sub[0], len(text), "asides", claim=False)
    for m in opener.finditer(folded):
        start, end = at(m.end() - len(m.group().lstrip(_LEAD))), at(m.end())
        stop = _sentence_end(text, end)
        ctx.add("aside", "background", text[start:end], "background", start, stop, "asides", claim=False)
    _dateline(ctx)


#: a subhead: a line of at most this many words, with no sentence punctuation, between paragraphs
SUBHEAD_WORDS = 5
#: the paragraphs around a subhead have at least this many characters (a line of a list is none)
PARAGRAPH_CHARS = 80
_LINE = regex.compile(r"[^\n]+")
_SENTENCE_MARKS = '.!؟?:،,؛;«»"()'


def _subhead(text: str) -> tuple[int, int] | None:
    """The first subhead after the lead: a short line with no sentence punctuation, after a
    paragraph of the body and before another (a round-up's next item: «جبهة تعز»)."""
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text) if m.group().strip()]
    seen_body = False
    for n, (a, b, line) in enumerate(lines):
        if len(line) >= PARAGRAPH_CHARS:
            seen_body = True
            continue
        short = 1 <= len(line.split()) <= SUBHEAD_WORDS and not any(c in _SENTENCE_MARKS for c in line)
        if seen_body and short and n + 1 < len(lines) and len(lines[n + 1][2]) >= PARAGRAPH_CHARS:
            start = a + (len(text[a:b]) - len(text[a:b].lstrip()))
            return start, start + len(line)
    return None


#: a dateline: at the start of one of the article's first lines, at most :data:`DATELINE_WORDS`
#: words with a dash between two of them, ending the line or ending in a colon
_DATELINE = regex.compile(r"(?m)^[ \t]*(?P<d>[^\n.:؟!،,«»\"]{2,60}?[ \t]*[-–—ـ][^\n.:؟!،,«»\"]{1,60}?)[ \t]*(?::|$)")
DATELINE_WORDS = 6
#: only the first lines of an article (title, blank line, body) may hold its dateline
DATELINE_LINES = 4


def _dateline(ctx: Context) -> None:
    text = ctx.text
    limit = 0
    for _ in range(DATELINE_LINES):
        nl = text.find("\n", limit)
        limit = len(text) if nl < 0 else nl + 1
    for m in _DATELINE.finditer(text, 0, limit):
        words = regex.findall(r"\w+", m.group("d"))
        if 2 <= len(words) <= DATELINE_WORDS:
            a, b = m.span("d")
            ctx.add("aside", "dateline", text[a:b], "dateline", a, b, "asides", claim=False)
            break
