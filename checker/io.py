"""Read articles from .txt, .json or standard input. Never writes to the input files."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

from checker.errors import InputError
from checker.model import Article

SUPPORTED = (".txt", ".json")
#: a date, or the date part of an ISO timestamp (2016-01-20T10:00:00Z)
_ISO_DATE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ][0-9:.+\-Z]*)?$")
MIN_YEAR, MAX_YEAR = 1000, 2200
BOM = "\ufeff"


def parse_date(value: str, *, what: str = "date", path: str | None = None) -> dt.date:
    """Parse an ISO date ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date).

    >>> parse_date("2016-01-20")
    datetime.date(2016, 1, 20)
    """
    v = value.strip() if isinstance(value, str) else ""
    m = _ISO_DATE.match(v)
    try:
        if not m:
            raise ValueError(v)
        d = dt.date.fromisoformat(m.group(1))
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date of the form YYYY-MM-DD", path=path) from None
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise InputError(f"{what} {value!r} is outside the years {MIN_YEAR}-{MAX_YEAR}", path=path)
    return d


def _decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise InputError("the file is empty", path=path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. iconv -f CP1256 -t UTF-8",
            path=path,
        ) from None
    return text[1:] if text.startswith(BOM) else text


def _from_json(raw: str, path: str, stem: str) -> Article:
    try:
        obj: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", path=path) from None
    if not isinstance(obj, dict):
        raise InputError("a .json article must be an object with a 'text' field", path=path)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("the JSON object has no non-empty string 'text'", path=path)
    for name in ("id", "title", "source", "published"):
        if name in obj and obj[name] is not None and not isinstance(obj[name], str):
            raise InputError(f"the JSON field '{name}' must be a string", path=path)
    published = parse_date(obj["published"], what="'published'", path=path) if obj.get("published") else None
    return Article(
        id=obj.get("id") or stem,
        text=text,
        path=path,
        title=obj.get("title"),
        source=obj.get("source"),
        published=published,
    )


def read_article(path: str, *, stdin_id: str = "stdin") -> Article:
    """Read one article. ``-`` reads standard input as UTF-8 text."""
    if path == "-":
        data = sys.stdin.buffer.read()
        text = _decode(data, "<stdin>")
        if text.lstrip().startswith("{"):
            return _from_json(text, "<stdin>", stdin_id)
        return Article(id=stdin_id, text=text, path="-")
    p = Path(path)
    if p.suffix.lower() not in SUPPORTED:
        raise InputError(f"unsupported file type '{p.suffix or '(none)'}'; use .txt or .json", path=path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not an article file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    text = _decode(data, path)
    if p.suffix.lower() == ".json":
        return _from_json(text, path, p.stem)
    if not text.strip():
        raise InputError("the file is empty", path=path)
    return Article(id=p.stem, text=text, path=path)


def read_articles(paths: list[str]) -> list[Article]:
    """Read several articles. The same file twice is an error; clashing ids get ``~2``, ``~3``…"""
    seen_paths: dict[str, str] = {}
    for p in paths:
        if p == "-":
            continue
        key = str(Path(p).resolve())
        if key in seen_paths:
            raise InputError("the same file is given twice", path=p)
        seen_paths[key] = p
    out: list[Article] = []
    issued: set[str] = set()
    for i, path in enumerate(paths):
        art = read_article(path, stdin_id=f"stdin{i + 1}" if paths.count("-") > 1 else "stdin")
        aid, n = art.id, 1
        while aid in issued:
            n += 1
            aid = f"{art.id}~{n}"
        issued.add(aid)
        if aid != art.id:
            art = Article(aid, art.text, art.path, art.title, art.source, art.published)
        out.append(art)
    return out
