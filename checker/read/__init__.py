"""Read articles: one module per input format, chosen by the file's suffix (on standard input, ``-``,
by each reader's ``sniff``, else plain text). A folder is read recursively. Never writes to the
input files.

A format is one module that declares ``READER = Reader(...)`` (see :mod:`checker.read.base`) and
one line in ``BUILTIN`` below; :func:`register` adds one at run time.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import sys
from pathlib import Path

from checker.errors import InputError
from checker.model import Article
from checker.read import json, jsonl, ninjs, txt, xml
from checker.read.base import Limits, Reader, decode, parse_date

__all__ = [
    "READERS",
    "Limits",
    "Reader",
    "parse_date",
    "read_article",
    "read_articles",
    "read_file",
    "register",
    "unregister",
]

BUILTIN = (txt.READER, jsonl.READER, json.READER, ninjs.READER, xml.READER)  # jsonl sniffs before json
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


def _too_big(limits: Limits) -> str:
    return f"larger than the limit of {limits.article_chars:,} characters an article (--max-article-chars)"


def _read_stdin(default_id: str, limits: Limits) -> list[Article]:
    data = sys.stdin.buffer.read(limits.file_bytes + 1)
    if len(data) > limits.file_bytes:
        raise InputError(_too_big(limits), path="<stdin>")
    text = decode(data, "<stdin>")
    for reader in READERS.values():
        if reader.sniff is not None and reader.sniff(text):
            return reader.read(text, "<stdin>", default_id=default_id)
    return txt.READER.read(text, STDIN, default_id=default_id)


def _read_bytes(path: str, limits: Limits) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(limits.file_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not an article file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None
    if len(data) > limits.file_bytes:
        raise InputError(_too_big(limits), path=path)
    return data


def read_file(path: str, *, stdin_id: str = "stdin", limits: Limits | None = None) -> list[Article]:
    """The articles of one file (a file may hold several). ``-`` reads standard input."""
    limits = limits or Limits()
    if path == STDIN:
        articles = _read_stdin(stdin_id, limits)
    else:
        reader = reader_for(path)
        articles = reader.read(_read_bytes(path, limits), path, default_id=Path(path).stem)
    if not articles:
        raise InputError("no article in the file", path=path)
    for a in articles:
        if len(a.text) > limits.article_chars:
            raise InputError(f"article {a.id!r} is {_too_big(limits)}", path=path if path != STDIN else "<stdin>")
    return articles


def read_article(path: str, *, stdin_id: str = "stdin", limits: Limits | None = None) -> Article:
    """Read a file that holds one article. ``-`` reads standard input."""
    articles = read_file(path, stdin_id=stdin_id, limits=limits)
    if len(articles) > 1:
        raise InputError(f"the file holds {len(articles)} articles; give a file with one", path=path)
    return articles[0]


def _check_distinct(paths: list[str]) -> None:
    """The same file twice (also through a link: same device and inode) or standard input twice."""
    if paths.count(STDIN) > 1:
        raise InputError("standard input can be read only once; give '-' once", path="-")
    seen: dict[tuple[int, int], str] = {}
    for p in paths:
        if p == STDIN:
            continue
        try:
            st = os.stat(p)
        except OSError:
            continue  # read_file says what is wrong with it
        key = (st.st_dev, st.st_ino)
        if key in seen:
            same = "" if seen[key] == p else f" (it is {seen[key]})"
            raise InputError(f"the same file is given twice{same}", path=p)
        seen[key] = p


def _walk(folder: str, pattern: str | None) -> list[str]:
    """The article files below ``folder``, in sorted order, hidden files and folders left out:
    those whose suffix a reader claims and, with ``pattern``, whose name or path below the folder
    matches it."""

    def refuse(exc: OSError) -> None:
        raise InputError(f"cannot read the folder: {exc.strerror or exc}", path=exc.filename or folder)

    claimed = set(suffixes())
    found: list[str] = []
    for top, dirs, files in os.walk(folder, onerror=refuse):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            full = os.path.join(top, name)
            below = os.path.relpath(full, folder).replace(os.sep, "/")
            if name.startswith(".") or Path(name).suffix.lower() not in claimed:
                continue
            if pattern is None or fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(below, pattern):
                found.append(full)
    if not found:
        what = f"matching --glob {pattern!r}" if pattern else f"({', '.join(suffixes())})"
        raise InputError(f"the folder holds no article file {what}", path=folder)
    return found


def expand(paths: list[str], glob: str | None = None) -> list[str]:
    """The paths with each folder replaced by its article files (:func:`_walk`)."""
    out: list[str] = []
    for p in paths:
        out.extend(_walk(p, glob) if p != STDIN and os.path.isdir(p) else [p])
    return out


def read_articles(paths: list[str], limits: Limits | None = None, glob: str | None = None) -> list[Article]:
    """Read several files and folders (recursively; ``glob`` narrows what is read in them). The same
    file twice is an error; clashing ids get ``~2``, ``~3``…; the whole set is held to
    ``limits.total_chars``."""
    limits = limits or Limits()
    paths = expand(paths, glob)
    _check_distinct(paths)
    out: list[Article] = []
    issued: set[str] = set()
    total = 0
    for path in paths:
        for art in read_file(path, limits=limits):
            total += len(art.text)
            if total > limits.total_chars:
                raise InputError(
                    f"the articles given hold more than the limit of {limits.total_chars:,} characters a run "
                    "(--max-total-chars)",
                    path=path,
                )
            aid, n = art.id, 1
            while aid in issued:
                n += 1
                aid = f"{art.id}~{n}"
            issued.add(aid)
            out.append(art if aid == art.id else dataclasses.replace(art, id=aid))
    return out
