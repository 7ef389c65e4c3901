"""JSON articles (``.json``): one object with a non-empty string ``text`` and optional string ``id``,
``title``, ``source`` and ``published`` (``YYYY-MM-DD``, or an ISO timestamp cut to its date).
An object without ``text`` that has IPTC ninjs members is a ninjs article (:mod:`checker.read.ninjs`).

Line and column: the text sits in the file as an escaped JSON string. The map is exact: the
``text`` value's string token is found in the file and its escapes walked, so an article offset
points at its character, or at the backslash of the escape that wrote it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from checker.errors import InputError
from checker.model import Article, Origin
from checker.read.base import Reader, as_text, check_text, parse_date

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
#: one piece of a JSON string's body and the width of each of its characters in the file
_PIECES = (
    (re.compile(r'[^"\\]+'), 1),
    (re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"), 12),
    (re.compile(r"\\u[0-9a-fA-F]{4}"), 6),
    (re.compile(r"\\."), 2),
)


def _skip(raw: str, i: int) -> int:
    m = _SPACE.match(raw, i)
    return m.end() if m else i


def _text_token(raw: str) -> int:
    """Offset of the opening quote of the top-level object's (last) ``text`` value; ``raw`` is valid JSON."""
    i, found = _skip(raw, 0) + 1, -1
    while True:
        i = _skip(raw, i)
        if raw[i] == "}":
            return found
        key, i = _DECODER.raw_decode(raw, i)
        i = _skip(raw, _skip(raw, i) + 1)  # past the colon
        if key == "text":
            found = i
        _, i = _DECODER.raw_decode(raw, i)
        i = _skip(raw, i)
        if raw[i] == ",":
            i += 1


def _piece(raw: str, r: int) -> tuple[int, int]:
    """The end of the piece of a JSON string body that starts at ``raw[r]``, and its characters' width."""
    for pattern, width in _PIECES:
        m = pattern.match(raw, r)
        if m:
            return m.end(), width
    raise ValueError(f"not a JSON string body at offset {r}")


def text_spans(raw: str, quote: int) -> tuple[tuple[int, int, int], ...]:
    """The spans (article offset, file offset, width) of the JSON string starting at ``raw[quote]``.

    >>> text_spans('{"text": "a\\\\nb"}', 9)
    ((0, 10, 1), (1, 11, 2), (2, 13, 1))
    """
    spans: list[tuple[int, int, int]] = []
    at, r = 0, quote + 1
    while raw[r] != '"':
        end, width = _piece(raw, r)
        if not spans or spans[-1][2] != width:
            spans.append((at, r, width))
        at, r = at + (end - r) // width, end
    return tuple(spans) or ((0, quote + 1, 1),)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} appears twice in one object")
        seen[key] = value
    return seen


def parse(raw: str, path: str) -> Any:
    """Strict JSON: no NaN or Infinity, no key twice in an object; every failure is an InputError."""
    try:
        return json.loads(raw, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", path=path) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply", path=path) from None
    except ValueError as exc:  # NaN, a duplicate key, an integer of more than 4,300 digits
        raise InputError(f"invalid JSON: {exc}", path=path) from None


def read(data: bytes | str, path: str, *, default_id: str) -> list[Article]:
    raw = as_text(data, path)
    obj: Any = parse(raw, path)
    if not isinstance(obj, dict):
        raise InputError("a .json article must be an object with a 'text' field", path=path)
    if "text" not in obj:
        from checker.read.ninjs import from_object, looks_like  # ninjs builds on this module

        if looks_like(obj):
            return [from_object(obj, raw, path, default_id=default_id)]
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("the JSON object has no non-empty string 'text'", path=path)
    for name in ("id", "title", "source", "published"):
        if name in obj and obj[name] is not None and not isinstance(obj[name], str):
            raise InputError(f"the JSON field '{name}' must be a string", path=path)
    for name in ("text", "id", "title", "source"):
        if isinstance(obj.get(name), str):
            check_text(obj[name], path, f"the JSON field '{name}'")
    published = parse_date(obj["published"], what="'published'", path=path) if obj.get("published") else None
    article = Article(
        id=obj.get("id") or default_id,
        text=text,
        path=path,
        title=obj.get("title"),
        source=obj.get("source"),
        published=published,
        origin=Origin.of(raw, text_spans(raw, _text_token(raw))),
    )
    return [article]


def sniff(text: str) -> bool:
    """Standard input that starts with ``{`` is a JSON article."""
    return text.lstrip().startswith("{")


READER = Reader(name="json", suffixes=(".json",), read=read, sniff=sniff)
