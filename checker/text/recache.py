"""Standard-library ``re`` patterns whose compiled programs are kept in the cache between runs.

``re.compile`` parses and compiles in Python: a character class over Arabic letters costs about a
millisecond (the 64K-entry charset map it builds), an alternation of a lexicon's names ten, and a
start of the checker compiles about a hundred patterns. :func:`compile` gives the same pattern
object, built from the program a previous run compiled: the opcode list and group tables that
``re._compiler.compile`` hands to ``_sre.compile``, kept with :mod:`marshal` in one file of
:func:`checker.text.freq.cache_dir` named by the Python build and ``_sre``'s magic number, and
looked up by the exact pattern text and flags. A program is a function of those alone, so an entry
is never stale; a pattern not yet kept is compiled as usual and the file rewritten at exit.
Anything unexpected (a damaged file, another ``re`` internals layout) compiles anew.

Use it for patterns written in the code or built from the lexicons, not from article text (every
distinct pattern adds an entry).
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

from checker.text.cache import cache_dir

#: bumped when what an entry holds changes
FORMAT = 1
#: entries kept at most; beyond it the file keeps only what the last run used
MAX_ENTRIES = 4000

Program = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
_programs: dict[tuple[str, int], Program] | None = None
_used: dict[tuple[str, int], Program] = {}
_fresh = False


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its program read from the cache when an earlier run kept it."""
    key = (pattern, int(flags))
    kept = _load().get(key)
    if kept is not None:
        try:
            out = _build(pattern, kept)
            _used[key] = kept
            return out
        except Exception:
            pass
    try:
        program = _program(pattern, int(flags))
        out = _build(pattern, program)
    except Exception:
        return re.compile(pattern, flags)
    _remember(key, program)
    return out


def _build(pattern: str, program: Program) -> re.Pattern[str]:
    import _sre

    flags, code, groups, groupindex, indexgroup = program
    out: re.Pattern[str] = _sre.compile(pattern, flags, list(code), groups, dict(groupindex), tuple(indexgroup))
    return out


def _program(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for *pattern* (Python 3.11-3.13)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    opcodes = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    code = [int(c) for c in opcodes]  # opcodes are int subclasses, which marshal does not take
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _remember(key: tuple[str, int], program: Program) -> None:
    global _fresh
    _used[key] = program
    if not _fresh and _file() is not None:
        _fresh = True
        atexit.register(_save)


def _file() -> Path | None:
    import _sre

    folder = cache_dir()
    if folder is None:
        return None
    stamp = f"{FORMAT}\0{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}\0{_sre.CODESIZE}"
    return folder / f"re-programs-{hashlib.sha256(stamp.encode()).hexdigest()[:32]}.marshal"


def _load() -> dict[tuple[str, int], Program]:
    global _programs
    if _programs is None:
        _programs = {}
        path = _file()
        if path is not None:
            try:
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _programs = data
            except (OSError, ValueError, EOFError, TypeError):
                pass  # missing or damaged: rebuilt as patterns are compiled
    return _programs


def _save() -> None:
    """Write the kept programs with this run's new ones (only this run's when there are too many)."""
    path = _file()
    if path is None:
        return
    kept = {**_load(), **_used}
    if len(kept) > MAX_ENTRIES:
        kept = dict(_used)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(kept))
        os.replace(tmp, path)  # another process may write at the same time: either file is whole
    except (OSError, ValueError):
        tmp.unlink(missing_ok=True)  # a read-only cache: compiled again at the next start
