"""Read articles: one module per input format, chosen by the file's suffix (on standard input, ``-``,
by each reader's ``sniff``, else plain text). Never writes to the input files.

A format is one module that declares ``READER = Reader(...)`` (see :mod:`checker.read.base`) and
one line in ``BUILTIN`` below; :func:`register` adds one at run time.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from checker.errors import InputError
from checker.model import Article
from checker.read import json, txt
from checker.read.base import Reader, decode, parse_date

__all__ = ["READERS", "Reader", "parse_date", "read_article", "read_articles", "read_file", "register", "unregister"]

BUILTIN = (txt.READER, json.READER)
READERS: dict[str, Reader] = {}
STDIN = "-"


def register(reader: Reader) -> Reader:
    """Add an input format; a name or a suffix already taken is an error."""
    if reader.name in READERS:
        raise ValueError(f"reader {reader.name!r} is already registered")
    claimed = {s: r.name for r in READERS.values() for s in r.suffixes}
    clash = [s for s in reader.suffixes if s in claimed]
    if clash:
        raise ValueError(f"reader {reader.name!r}: suffix {clash[0]} is already read by {claimed[clash[0]]!r}")
    READERS[reader.name] = reader
    return reader


def unregister(name: str) -> None:
    READERS.pop(name, None)


for _reader in BUILTIN:
    register(_reader)


def suffixes() -> list[str]:
    return [s for r in READERS.values() for s in r.suffixes]


def reader_for(path: str) -> Reader:
    """The reader that claims the file's suffix (case-insensitive)."""
    suffix = Path(path).suffix.lower()
    for reader in READERS.values():
        if suffix in reader.suffixes:
            return reader
    known = suffixes()
    choices = " or ".join([", ".join(known[:-1]), known[-1]] if len(known) > 1 else known)
    raise InputError(f"unsupported file type '{Path(path).suffix or '(none)'}'; use {choices}", path=path)


def _read_stdin(default_id: str) -> list[Article]:
    text = decode(sys.stdin.buffer.read(), "<stdin>")
    for reader in READERS.values():
        if reader.sniff is not None and reader.sniff(text):
            return reader.read(text, "<stdin>", default_id=default_id)
    return txt.READER.read(text, STDIN, default_id=default_id)


def read_file(path: str, *, stdin_id: str = "stdin") -> list[Article]:
    """The articles of one file (a file may hold several). ``-`` reads standard input."""
    if path == STDIN:
        articles = _read_stdin(stdin_id)
    else:
        reader = reader_for(path)
        p = Path(path)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError("no such file", path=path) from None
        except IsADirectoryError:
            raise InputError("is a directory, not an article file", path=path) from None
        except PermissionError:
            raise InputError("permission denied", path=path) from None
        articles = reader.read(data, path, default_id=p.stem)
    if not articles:
        raise InputError("no article in the file", path=path)
    return articles


def read_article(path: str, *, stdin_id: str = "stdin") -> Article:
    """Read a file that holds one article. ``-`` reads standard input."""
    articles = read_file(path, stdin_id=stdin_id)
    if len(articles) > 1:
        raise InputError(f"the file holds {len(articles)} articles; give a file with one", path=path)
    return articles[0]


def read_articles(paths: list[str]) -> list[Article]:
    """Read several files. The same file twice is an error; clashing ids get ``~2``, ``~3``…"""
    seen_paths: dict[str, str] = {}
    for p in paths:
        if p == STDIN:
            continue
        key = str(Path(p).resolve())
        if key in seen_paths:
            raise InputError("the same file is given twice", path=p)
        seen_paths[key] = p
    out: list[Article] = []
    issued: set[str] = set()
    for i, path in enumerate(paths):
        for art in read_file(path, stdin_id=f"stdin{i + 1}" if paths.count(STDIN) > 1 else "stdin"):
            aid, n = art.id, 1
            while aid in issued:
                n += 1
                aid = f"{art.id}~{n}"
            issued.add(aid)
            out.append(art if aid == art.id else dataclasses.replace(art, id=aid))
    return out
