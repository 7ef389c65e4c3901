"""Arabic word frequencies from ``wordfreq``, kept as a table in the cache for a fast start.

``wordfreq`` is the source of truth: importing it and unpacking its Arabic list (620,000 words) costs
about 0.6 s of CPU at every start, more than the work of checking two articles. The first run
writes the list's plain-Arabic words as one binary table in the user cache (:func:`cache_dir`, named
by the list file's path, size and time and this format's version), with a hash table over them;
later runs map that file into memory and look a word up by its hash, reading a few entries. A word
with anything but the 36 base Arabic letters is still asked of ``wordfreq`` itself, so results are
the same ``zipf_frequency`` values either way (a test compares them word by word).
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import mmap
import os
import struct
import zlib
from array import array
from functools import cache
from pathlib import Path

from checker.text import recache
from checker.text.cache import cache_dir

#: bumped when the table's layout or content rule changes
FORMAT = 2
MAGIC = b"CKWF"
#: an empty slot of the hash table
EMPTY = 0xFFFFFFFF
Buffer = array | memoryview | bytes
#: a word the table answers for: base letters only (no tatweel, marks, digits or Latin), which
#: wordfreq's Arabic preprocessing and tokenizer leave as one unchanged token
PLAIN = recache.compile("[\u0621-\u063a\u0641-\u064a]+")
#: punctuation and symbols wordfreq's tokenizer drops around a word (each checked against wordfreq in
#: the tests; not @ _ or the Arabic decimal separator, which it keeps)
PUNCTUATION = (
    "!\"#$%&'()*+,-./:;<=>?[\\]^`{|}~"
    "\u00ab\u00bb\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00b7\u2022\u060c\u061b\u061f\u066a\u066c\u0640"
)
#: a number wordfreq reads as one token (ASCII or Arabic-Indic digits)
DIGITS = recache.compile("[0-9]+|[\u0660-\u0669]+")


class Table:
    """wordfreq's words (UTF-8) with their centibel bucket (frequency = 10 ** (-bucket / 100)), found
    through an open-addressing hash table over the words (CRC-32, linear probing): a lookup reads a
    few entries, so the file is mapped into memory rather than read."""

    def __init__(self, blob: Buffer, offsets: Buffer, buckets: Buffer, slots: Buffer) -> None:
        self.blob, self.offsets, self.buckets, self.slots = blob, offsets, buckets, slots
        self.size = len(buckets)
        self.mask = len(slots) - 1

    def _word(self, i: int) -> bytes:
        return bytes(self.blob[self.offsets[i] : self.offsets[i + 1]])

    def _index(self, key: bytes) -> int | None:
        slots, mask = self.slots, self.mask
        h = zlib.crc32(key) & mask
        while True:
            i = slots[h]
            if i == EMPTY:
                return None
            if self._word(i) == key:
                return int(i)
            h = (h + 1) & mask

    def freq(self, word: str) -> float | None:
        """The word's frequency, None when the list does not have it."""
        i = self._index(word.encode("utf-8"))
        return None if i is None else float(10 ** (-self.buckets[i] / 100))

    def dump(self) -> bytes:
        head = MAGIC + struct.pack("<III", FORMAT, self.size, len(self.slots))
        pad = b"\0\0" if self.size % 2 else b""
        return b"".join([head, bytes(self.offsets), bytes(self.buckets), pad, bytes(self.slots), bytes(self.blob)])

    @classmethod
    def parse(cls, data: bytes | mmap.mmap) -> Table:
        """The table in *data* (the file's bytes or a map of it), viewed in place."""
        if data[:4] != MAGIC or len(data) < 16 or struct.unpack_from("<I", data, 4)[0] != FORMAT:
            raise ValueError("not a word-frequency table of this format")
        n, nslots = struct.unpack_from("<II", data, 8)
        view, at = memoryview(data), 16
        ends = (at + 4 * (n + 1), at + 4 * (n + 1) + 2 * n + 2 * (n % 2))
        if nslots & (nslots - 1) or nslots <= n or len(data) < ends[1] + 4 * nslots:
            raise ValueError("truncated word-frequency table")
        offsets = view[at : ends[0]].cast("I")
        buckets = view[ends[0] : ends[0] + 2 * n].cast("H")
        slots = view[ends[1] : ends[1] + 4 * nslots].cast("I")
        blob = view[ends[1] + 4 * nslots :]
        if offsets[-1] != len(blob):
            raise ValueError("truncated word-frequency table")
        return cls(blob, offsets, buckets, slots)


def _slots(offsets: array, blob: bytes) -> array:
    """The hash table over the words: the smallest power of two at least 1.5 times their number."""
    n = len(offsets) - 1
    size = 1 << max(4, (n + n // 2).bit_length())
    slots, mask = array("I", [EMPTY]) * size, size - 1
    for i in range(n):
        h = zlib.crc32(blob[offsets[i] : offsets[i + 1]]) & mask
        while slots[h] != EMPTY:
            h = (h + 1) & mask
        slots[h] = i
    return slots


def build() -> Table:
    """The table from wordfreq's Arabic list: its plain-Arabic words and its digit strings."""
    from wordfreq import get_frequency_list

    rows = sorted(
        (word.encode("utf-8"), index)
        for index, bucket in enumerate(get_frequency_list("ar", "best"))
        for word in bucket
        if PLAIN.fullmatch(word) or DIGITS.fullmatch(word)
    )
    offsets, buckets = array("I", [0]), array("H")
    for word, index in rows:
        offsets.append(offsets[-1] + len(word))
        buckets.append(index)
    blob = b"".join(w for w, _ in rows)
    return Table(blob, offsets, buckets, _slots(offsets, blob))


def _source() -> Path | None:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / "large_ar.msgpack.gz"
    return path if path.is_file() else None


def _cache_file() -> Path | None:
    folder, source = cache_dir(), _source()
    if folder is None or source is None:
        return None
    st = source.stat()
    key = f"{FORMAT}\0{source}\0{st.st_size}\0{st.st_mtime_ns}".encode()
    return folder / f"wordfreq-ar-{hashlib.sha256(key).hexdigest()[:32]}.bin"


@cache
def table() -> Table | None:
    """The cached table, built and written on first use; None when the cache is off."""
    path = _cache_file()
    if path is None:
        return None
    try:
        with path.open("rb") as fh:
            return Table.parse(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):
        pass  # missing or damaged: rebuilt
    built = build()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(built.dump())
        os.replace(tmp, path)  # another process may write the same bytes at the same time
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only cache: built again at the next start
    return built


# wordfreq's estimate of how likely a digit string is (wordfreq/numbers.py, Apache-2.0, Robyn Speer):
# Benford's law for the leading digit, and a curve over years for four digits
_BENFORD = (0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045)


def _benford(text: str) -> float:
    return _BENFORD[int(text[0])] / 10 ** (len(text) - 1)


def _year(text: str) -> float:
    year, peak = int(text), -1.9185
    if year <= 2019:
        log_freq = peak - 0.0083 * (2019 - year)
    elif year <= 2039:
        log_freq = peak
    else:
        log_freq = peak - 0.2 * (year - 2039)
    return float(10.0**log_freq + 0.1 * _benford(text))


def _number_freq(table: Table, digits: str) -> float | None:
    if len(digits) == 1:
        return table.freq(digits)
    base = table.freq("0" * len(digits))
    if base is None:
        return None
    return base * (_year(digits) if len(digits) == 4 else _benford(digits))


#: wordfreq's floor for zipf_frequency's default minimum of 0 (one in a billion words)
_MINIMUM = 10 ** (0.0 - 9)


def _to_zipf(freq: float | None) -> float:
    """wordfreq's rounding of one token's frequency to a zipf value, step by step."""
    if freq is not None:
        freq = max(1.0 / (0.0 + 1.0 / freq), _MINIMUM)
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(_MINIMUM if freq is None else freq, 10) + 9, 2)


def zipf(word: str) -> float:
    """wordfreq's ``zipf_frequency(word, "ar")``, from the cached table when it can answer: a plain
    Arabic word or a number, bare or between punctuation marks (which wordfreq does not count)."""
    core = word.strip(PUNCTUATION)
    t = table() if core or word else None
    if t is not None:
        if not core:
            return 0.0
        if PLAIN.fullmatch(core):
            return _to_zipf(t.freq(core))
        if DIGITS.fullmatch(core):
            return _to_zipf(_number_freq(t, core))
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "ar"))
