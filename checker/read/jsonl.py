"""JSON Lines (``.jsonl``, ``.ndjson``): one article a line, each a JSON object read as a ``.json``
file is (:mod:`checker.read.json`): the project's ``{"text", "id"?, …}`` article or an IPTC ninjs
object. Blank lines are skipped; an error names the file and the line (``line 3: …``). An article
that gives no id is ``STEM:lineN`` (``feed:line3``).

Lines end at LF, CR LF or CR, as line numbers count everywhere in checker. Positions are exact:
each line is read like a ``.json`` file and its map moved to the line's place in the file.
"""

from __future__ import annotations

import dataclasses
import json
import re

from checker.errors import InputError
from checker.model import Article, Origin
from checker.read.base import Reader, as_text
from checker.read.json import read as read_json

_LINE = re.compile(r"[^\r\n]*")


def read(data: bytes | str, path: str, *, default_id: str) -> list[Article]:
    raw = as_text(data, path)
    lines = Origin.of(raw).lines
    out: list[Article] = []
    for n, start in enumerate(lines, 1):
        m = _LINE.match(raw, start)
        line = raw[start : m.end() if m else start]
        if not line.strip():
            continue
        try:
            articles = read_json(line, path, default_id=f"{default_id}:line{n}")
        except InputError as exc:
            message = exc.message.replace(" at line 1, column ", " at column ")
            raise InputError(f"line {n}: {message}", path=path) from None
        for a in articles:
            spans = tuple((at, f + start, w) for at, f, w in (a.origin or Origin()).spans)
            out.append(dataclasses.replace(a, origin=Origin(lines, spans)))
    if not out:
        raise InputError("the file holds no article: every line is blank", path=path)
    return out


def sniff(text: str) -> bool:
    """Standard input whose first non-blank line is a whole JSON object and whose next one starts
    another (one object alone is a ``.json`` article)."""
    rows = (m.group() for m in _LINE.finditer(text) if m.group().strip())
    first, second = next(rows, ""), next(rows, "")
    if not second.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


READER = Reader(name="jsonl", suffixes=(".jsonl", ".ndjson"), read=read, sniff=sniff)
