"""What every reader shares: the :class:`Reader` a format module declares, decoding, dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from checker.errors import InputError
from checker.model import Article

#: a date, or the date part of an ISO timestamp (2016-01-20T10:00:00Z)
_ISO_DATE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ][0-9:.+\-Z]*)?$")
MIN_YEAR, MAX_YEAR = 1000, 2200
BOM = "\ufeff"


class ReadFn(Protocol):
    def __call__(self, data: bytes | str, path: str, *, default_id: str) -> list[Article]:
        """The articles of one file (at least one).

        ``data`` is the file's bytes, or the text of standard input already decoded; ``path`` names
        the input in errors and in each article's ``path``; ``default_id`` is the id of an article
        whose file gives it none (the file's stem, ``stdin``). Raise :class:`InputError` on bad input.
        """
        ...


@dataclass(frozen=True)
class Reader:
    """An input format: its name, the file suffixes it claims (lower case, with the dot), its read
    function and, optionally, a test that recognises it on standard input (decoded text)."""

    name: str
    suffixes: tuple[str, ...]
    read: ReadFn
    sniff: Callable[[str], bool] | None = None


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


def decode(data: bytes, path: str) -> str:
    """UTF-8 (or UTF-16 with its BOM) text without a BOM; empty or undecodable input is an InputError."""
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


def as_text(data: bytes | str, path: str) -> str:
    """The text of ``data``: bytes are decoded (:func:`decode`), text is taken as it is."""
    return data if isinstance(data, str) else decode(data, path)
