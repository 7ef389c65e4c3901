"""Plain-text articles (``.txt``): the whole file is the text; its id is the file's stem.

Line and column: the text is the file's decoded text without a BOM, so offsets map directly.
"""

from __future__ import annotations

from checker.errors import InputError
from checker.model import Article, Origin
from checker.read.base import Reader, as_text


def read(data: bytes | str, path: str, *, default_id: str) -> list[Article]:
    text = as_text(data, path)
    # decoded bytes can still be blank (UTF-16 spaces); standard input arrives decoded and checked
    if isinstance(data, bytes) and not text.strip():
        raise InputError("the file is empty", path=path)
    return [Article(id=default_id, text=text, path=path, origin=Origin.of(text))]


READER = Reader(name="txt", suffixes=(".txt",), read=read)
