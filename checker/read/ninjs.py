"""IPTC ninjs (News in JSON) 1.x and 2.x articles.

How a ninjs file is recognised: ninjs files are named ``.json``, so the ``.json`` reader
(:mod:`checker.read.json`) reads as ninjs any object that has no ``text`` member (the project's
own JSON article needs one) and has a ninjs member (``uri``, ``headline``, ``headlines``,
``body_text``, ``body_html``, ``body_xhtml`` or ``bodies``). That is also how standard input and
JSON Lines are sniffed. The ``.ninjs`` suffix forces ninjs.

What becomes what:

- ``text``: the headline, a blank line, then the body. The headline is ``headline`` (1.x) or the
  ``headlines`` entry whose role is ``main`` (else the first; 2.x). The body is the plain-text one
  when there is one (``body_text``; a ``bodies`` entry of type ``text/plain``), kept as it is less
  the white space around it; else the HTML one (``body_html``, ``body_xhtml``; a ``bodies`` entry of
  type ``text/html`` or ``application/xhtml+xml``, or of no type whose value starts with ``<``), read
  paragraph by paragraph (:mod:`checker.read.markup`);
- ``title``: the headline; ``id``: ``uri`` (else ``guid``, else the file's stem);
- ``published`` and ``published_at``: ``versioncreated``, else ``firstcreated``, else
  ``contentcreated`` (the camelCase spellings are accepted too);
- ``place``: ``located``; ``source``: ``copyrightholder``.

An object whose ``type`` is not ``text`` (a picture, a video) is an error.

Positions are exact: each string is found in the file and its escapes walked
(:func:`checker.read.json.text_spans`); HTML positions are mapped through that.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from checker.errors import InputError
from checker.model import Article, Origin
from checker.read.base import Reader, as_text, check_text
from checker.read.json import parse, text_spans

if TYPE_CHECKING:
    from checker.read.wiretext import Block, Chunk

MARKERS = ("uri", "headline", "headlines", "body_text", "body_html", "body_xhtml", "bodies")
PLAIN = ("text/plain",)
HTML = ("text/html", "application/xhtml+xml")
TIMES = ("versioncreated", "firstcreated", "contentcreated")

_DECODER = json.JSONDecoder()  # steps over values already parsed strictly
_SPACE = re.compile(r"[ \t\n\r]*")
JsonPath = tuple[str | int, ...]


def looks_like(obj: dict[str, Any]) -> bool:
    """An object with a ninjs member and no ``text``."""
    return "text" not in obj and any(k in obj for k in MARKERS)


def _skip(raw: str, i: int) -> int:
    m = _SPACE.match(raw, i)
    return m.end() if m else i


def locate(raw: str, start: int, path: JsonPath) -> int:
    """The offset in ``raw`` of the value at ``path`` (member names, element indexes) in the valid
    JSON document that starts at ``raw[start]``."""
    i = _skip(raw, start)
    for step in path:
        i = _member(raw, i, step) if isinstance(step, str) else _element(raw, i, step)
    return i


def _next(raw: str, i: int) -> int:
    """Past the value at ``raw[i]`` and the comma after it."""
    _, i = _DECODER.raw_decode(raw, i)
    i = _skip(raw, i)
    return _skip(raw, i + 1) if raw[i] == "," else i


def _member(raw: str, i: int, name: str) -> int:
    i = _skip(raw, i + 1)
    while raw[i] != "}":
        key, i = _DECODER.raw_decode(raw, i)
        i = _skip(raw, _skip(raw, i) + 1)  # past the colon
        if key == name:
            return i
        i = _next(raw, i)
    raise KeyError(name)


def _element(raw: str, i: int, index: int) -> int:
    i = _skip(raw, i + 1)
    for _ in range(index):
        i = _next(raw, i)
    return i


class _String:
    """A JSON string of the file: its value and how its characters map into the file."""

    def __init__(self, raw: str, value: str, quote: int) -> None:
        self.value = value
        self.spans = text_spans(raw, quote)

    def chunks(self, start: int = 0, end: int | None = None) -> list[Chunk]:
        """The characters ``start:end`` of the value as file chunks."""
        end = len(self.value) if end is None else end
        out: list[Chunk] = []
        for k, (a, f, w) in enumerate(self.spans):
            b = self.spans[k + 1][0] if k + 1 < len(self.spans) else len(self.value)
            lo, hi = max(a, start), min(b, end)
            if lo < hi:
                out.append((self.value[lo:hi], f + (lo - a) * w, w))
        return out


def _text(obj: Any, name: str, path: str) -> str | None:
    value = obj.get(name) if isinstance(obj, dict) else None
    if value is not None and not isinstance(value, str):
        raise InputError(f"the ninjs field '{name}' must be a string", path=path)
    return check_text(value, path, f"the ninjs field '{name}'") if value else None


def _entries(obj: dict[str, Any], name: str, path: str) -> list[tuple[int, dict[str, Any]]]:
    """The entries of a 2.x array (``headlines``, ``bodies``) that have a string value."""
    value = obj.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
        raise InputError(f"the ninjs field '{name}' must be an array of objects", path=path)
    return [(i, e) for i, e in enumerate(value) if _text(e, "value", path)]


def _headline(obj: dict[str, Any], raw: str, path: str) -> list[Chunk] | None:
    if _text(obj, "headline", path):
        return _String(raw, obj["headline"], locate(raw, 0, ("headline",))).chunks()
    heads = _entries(obj, "headlines", path)
    chosen = next((h for h in heads if h[1].get("role") == "main"), heads[0] if heads else None)
    if chosen is None:
        return None
    i, entry = chosen
    return _String(raw, entry["value"], locate(raw, 0, ("headlines", i, "value"))).chunks()


def _bodies(obj: dict[str, Any], path: str) -> list[tuple[JsonPath, str, bool]]:
    """The candidate bodies: (JSON path, value, whether it is HTML), plain text first."""
    found: list[tuple[JsonPath, str, bool]] = []
    for name, html in (("body_text", False), ("body_html", True), ("body_xhtml", True)):
        if _text(obj, name, path):
            found.append(((name,), obj[name], html))
    for i, entry in _entries(obj, "bodies", path):
        kind = str(entry.get("contenttype") or "").split(";")[0].strip().lower()
        value = entry["value"]
        if kind in PLAIN or kind in HTML or not kind:
            html = kind in HTML or (not kind and value.lstrip().startswith("<"))
            found.append((("bodies", i, "value"), value, html))
    return sorted(found, key=lambda b: b[2])  # plain text first, stable


def _body(obj: dict[str, Any], raw: str, path: str) -> list[Block]:
    """The paragraphs of the first candidate body that holds text."""
    from checker.read.markup import parse_html  # the HTML parser: only when ninjs is read
    from checker.read.wiretext import has_text

    for where, value, html in _bodies(obj, path):
        string = _String(raw, value, locate(raw, 0, where))
        blocks: list[Block] = parse_html(value, string.chunks, path).paragraphs() if html else [(string.chunks(), True)]
        if any(has_text(chunks, plain) for chunks, plain in blocks):
            return blocks
    return []


def from_object(obj: dict[str, Any], raw: str, path: str, *, default_id: str) -> Article:
    """The article of a ninjs object parsed from ``raw`` (the whole file, or one JSON line)."""
    from checker.read.wiretext import build, first_time

    kind = obj.get("type")
    if kind is not None and kind != "text":
        raise InputError(f"the ninjs object is of type {kind!r}, not text", path=path)
    text, title, spans = build(_headline(obj, raw, path), _body(obj, raw, path))
    if not text:
        raise InputError("the ninjs object has no headline and no body (body_text, body_html or bodies)", path=path)
    times = [(name, _text(obj, name, path) or _text(obj, camel, path)) for name, camel in _camel(TIMES)]
    published, published_at = first_time(times, path)
    return Article(
        id=_text(obj, "uri", path) or _text(obj, "guid", path) or default_id,
        text=text,
        path=path,
        title=title,
        source=_text(obj, "copyrightholder", path),
        published=published,
        origin=Origin.of(raw, spans),
        published_at=published_at,
        place=_text(obj, "located", path),
    )


def _camel(names: tuple[str, ...]) -> list[tuple[str, str]]:
    """``versioncreated`` and ``versionCreated``."""
    return [(n, n.replace("created", "Created")) for n in names]


def read(data: bytes | str, path: str, *, default_id: str) -> list[Article]:
    raw = as_text(data, path)
    obj = parse(raw, path)
    if not isinstance(obj, dict):
        raise InputError("a ninjs file must hold one JSON object", path=path)
    return [from_object(obj, raw, path, default_id=default_id)]


READER = Reader(name="ninjs", suffixes=(".ninjs",), read=read)
