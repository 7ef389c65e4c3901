"""What the wire readers (NITF, NewsML-G2, ninjs, JSON Lines) share: an article text built piece by
piece from the file, with the map of where each piece sits in it, and wire timestamps.

A piece of text read from a file is a :data:`Chunk` ``(text, at, width)``: character ``i`` of
``text`` was written at file offset ``at + i * width``. ``width`` is 1 for text written as it
is, 2, 6 or 12 for JSON escapes, and 0 for a character that an entity wrote (``&amp;``,
``&#1576;``, a CR LF that XML reads as one line feed): it points at the entity's first character.

The article text is the headline, a blank line, then the body's paragraphs separated by blank
lines. Markup paragraphs (XML, HTML) have their white space collapsed the way a browser or an
editor shows them: a run of spaces, tabs and line breaks is one space, mapped to the run's first
character; none at a paragraph's ends. Plain-text bodies are kept as they are, less the white space
around them. The blank lines between pieces are not in the file: they map (width 0) to the place
just after the piece before them, so an end offset points just past its last character.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from checker.errors import InputError
from checker.read.base import MAX_YEAR, MIN_YEAR

#: a piece of text, the file offset of its first character and each character's width there
Chunk = tuple[str, int, int]
#: a paragraph of the body: its chunks, and whether it is plain text (kept) or markup (collapsed)
Block = tuple[Sequence[Chunk], bool]
Span = tuple[int, int, int]

XML_SPACE = " \t\r\n"
_TOKENS = re.compile(r"[ \t\r\n]+|[^ \t\r\n]+")
_DATE_ONLY = re.compile(r"[0-9]{4}-?[0-9]{2}-?[0-9]{2}")
_ISO_START = re.compile(r"[0-9]{4}-?[0-9]{2}-?[0-9]{2}(?:[T ]|$)")
PARAGRAPH_BREAK = "\n\n"


class TextMap:
    """An article text being built, and its spans ``(article offset, file offset, width)`` for
    :class:`checker.model.Origin`."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.size = 0
        self._after = 0  # the file offset just after the last character added

    def add(self, text: str, at: int, width: int) -> None:
        """Append ``text``, whose character ``i`` sits at file offset ``at + i * width``."""
        if not text:
            return
        last = self.spans[-1] if self.spans else None
        if not (last and width and last[2] == width and last[1] + (self.size - last[0]) * width == at):
            self.spans.append((self.size, at, width))
        self.parts.append(text)
        self.size += len(text)
        self._after = at + len(text) * width if width else at

    def gap(self, text: str) -> None:
        """Append text that is not in the file (a paragraph break): it maps to just after the last piece."""
        self.spans.append((self.size, self._after, 0))
        self.parts.append(text)
        self.size += len(text)

    def text(self) -> str:
        return "".join(self.parts)

    def add_chunk(self, chunk: Chunk, start: int = 0, end: int | None = None) -> None:
        text, at, width = chunk
        self.add(text[start:end], at + start * width, width)


def _is_space(text: str, plain: bool) -> bool:
    return text.isspace() if plain else not text.strip(XML_SPACE)


def has_text(chunks: Iterable[Chunk], plain: bool = False) -> bool:
    """Whether the chunks hold more than white space (XML white space for markup)."""
    return any(text and not _is_space(text, plain) for text, _, _ in chunks)


def add_collapsed(tm: TextMap, chunks: Iterable[Chunk]) -> None:
    """Append a markup paragraph: each run of XML white space becomes one space (mapped to the
    run's first character), none at either end."""
    pending: int | None = None  # the file offset of a run of white space not yet written
    started = False
    for text, at, width in chunks:
        for m in _TOKENS.finditer(text):
            where = at + m.start() * width
            if m.group()[0] in XML_SPACE:
                if started and pending is None:
                    pending = where
                continue
            if pending is not None:
                tm.add(" ", pending, 1)
                pending = None
            tm.add(m.group(), where, width)
            started = True


def add_plain(tm: TextMap, chunks: Sequence[Chunk]) -> None:
    """Append plain text as it is, less the white space around it."""
    whole = "".join(text for text, _, _ in chunks)
    lead, end = len(whole) - len(whole.lstrip()), len(whole.rstrip())
    pos = 0
    for chunk in chunks:
        n = len(chunk[0])
        lo, hi = max(lead - pos, 0), min(end - pos, n)
        if lo < hi:
            tm.add_chunk(chunk, lo, hi)
        pos += n


def collapse(chunks: Iterable[Chunk]) -> str:
    """The text of markup chunks with white space collapsed (a place name, a headline)."""
    tm = TextMap()
    add_collapsed(tm, chunks)
    return tm.text()


def build(headline: Sequence[Chunk] | None, blocks: Iterable[Block]) -> tuple[str, str | None, tuple[Span, ...]]:
    """The article text (headline, then the body's paragraphs, blank lines between), the title
    (the headline as it stands in the text) and the spans that map the text into the file."""
    tm = TextMap()
    title = None
    if headline and has_text(headline):
        add_collapsed(tm, headline)
        title = tm.text()
    for chunks, plain in blocks:
        if not has_text(chunks, plain):
            continue
        if tm.size:
            tm.gap(PARAGRAPH_BREAK)
        if plain:
            add_plain(tm, chunks)
        else:
            add_collapsed(tm, chunks)
    return tm.text(), title, tuple(tm.spans)


def parse_time(value: str, *, what: str, path: str) -> tuple[dt.date, dt.datetime | None]:
    """An ISO 8601 date or timestamp (extended ``2016-01-20T10:00:00+03:00`` or basic
    ``20160120T100000+0300``, as NewsML-G2, ninjs and NITF write them): its date as written, and
    the timestamp (``None`` for a date alone).

    >>> parse_time("20160120T100000+0300", what="date.issue", path="a.nitf")[0]
    datetime.date(2016, 1, 20)
    """
    v = value.strip()
    try:
        if not _ISO_START.match(v):
            raise ValueError(v)
        stamp = dt.datetime.fromisoformat(v)
    except ValueError:
        raise InputError(f"{what} {value!r} is not an ISO 8601 date or timestamp", path=path) from None
    if not MIN_YEAR <= stamp.year <= MAX_YEAR:
        raise InputError(f"{what} {value!r} is outside the years {MIN_YEAR}-{MAX_YEAR}", path=path)
    return stamp.date(), None if _DATE_ONLY.fullmatch(v) else stamp


def first_time(candidates: Iterable[tuple[str, str | None]], path: str) -> tuple[dt.date | None, dt.datetime | None]:
    """The first ``(name, value)`` that has a value, parsed (:func:`parse_time`); none: ``(None, None)``."""
    for what, value in candidates:
        if value and value.strip():
            return parse_time(value, what=what, path=path)
    return None, None
