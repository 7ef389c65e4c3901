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


@dataclass(frozen=True)
class Limits:
    """How much text one run takes: per article and in all (characters). Beyond them the input is
    refused with a clear error instead of running for minutes and gigabytes."""

    article_chars: int = 1_000_000
    total_chars: int = 20_000_000

    @property
    def file_bytes(self) -> int:
        """A file larger than this cannot hold an article within the limit (JSON escapes take up
        to 6 bytes a character, UTF-8 up to 4): refused before it is read."""
        return self.article_chars * 6 + 65536


#: characters that never belong in an article: NUL (a binary file, or UTF-16 read as bytes) and
#: lone surrogates (possible through JSON escapes only)
_FORBIDDEN = re.compile("[\x00\ud800-\udfff]")


def check_text(text: str, path: str, what: str = "the text") -> str:
    """*text* unless it holds a NUL or a lone surrogate (then an InputError naming where)."""
    m = _FORBIDDEN.search(text)
    if m:
        name = "a NUL character (a binary file?)" if m.group() == "\x00" else f"a lone surrogate U+{ord(m.group()):04X}"
        raise InputError(f"{what} contains {name} at character {m.start()}", path=path)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text that carries no BOM, recognised by its high bytes (0x00 for Latin, 0x06 for
    Arabic) filling every other byte; None when the data does not look like it."""
    if len(data) < 8 or len(data) % 2 or b"\x00" not in data:
        return None
    for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high.count(0x00) + high.count(0x06) >= 0.9 * len(high) and 0x00 in high:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes, path: str) -> str:
    """UTF-8, or UTF-16 with or without its BOM, as text without a BOM; empty, binary or
    undecodable input is an InputError."""
    if not data.strip():
        raise InputError("the file is empty", path=path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if len(data) % 2:
            raise InputError("UTF-16 text (it starts with a BOM) of odd length: the file is cut short", path=path)
        try:
            return check_text(data.decode("utf-16"), path)
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 text ({exc.reason} at byte {exc.start})", path=path) from None
    guessed = _utf16_without_bom(data)
    if guessed is not None:
        return check_text(guessed, path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. iconv -f CP1256 -t UTF-8",
            path=path,
        ) from None
    return check_text(text[1:] if text.startswith(BOM) else text, path)


def as_text(data: bytes | str, path: str) -> str:
    """The text of ``data``: bytes are decoded (:func:`decode`), text is taken as it is."""
    return data if isinstance(data, str) else decode(data, path)
