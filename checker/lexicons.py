"""Load the word lists under ``rules/lexicons/``; each is validated by a JSON Schema at load."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from checker.errors import CheckerError, ConfigError
from checker.text.freq import cache_dir

PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMA_DIR = PACKAGE_DIR / "schemas"


def rules_dir() -> Path:
    """The shipped ``rules/`` folder: beside the package in a checkout, ``checker/_rules`` when installed."""
    for candidate in (PACKAGE_DIR.parent / "rules", PACKAGE_DIR / "_rules"):
        if (candidate / "lexicons").is_dir():
            return candidate
    raise ConfigError("the rules folder is missing from the installation", path=str(PACKAGE_DIR))


def yaml_loader() -> Any:
    """libyaml's safe loader when PyYAML was built with it (about ten times faster), else the pure-Python one."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    """Read one YAML file, turning syntax errors into :class:`ConfigError` naming the file.

    PyYAML is imported here, not at start-up: a warm start reads only the compiled caches.
    """
    import yaml

    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=yaml_loader())
        if _too_deep(data):  # libyaml builds what the pure-Python loader hit the recursion limit on
            raise RecursionError
        return data
    except FileNotFoundError:
        raise ConfigError("file not found", path=str(path)) from None
    except IsADirectoryError:
        raise ConfigError("is a folder, not a YAML file", path=str(path)) from None
    except RecursionError:
        raise ConfigError("invalid YAML: nested too deeply", path=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"invalid YAML{where}: {problem}", path=str(path)) from None


#: deeper YAML is refused (no rule or lexicon nests more than a few levels)
MAX_YAML_DEPTH = 100


def _too_deep(data: Any) -> bool:
    """Whether lists and tables nest more than :data:`MAX_YAML_DEPTH` levels (checked without recursion)."""
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_YAML_DEPTH:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Load ``checker/schemas/<name>.schema.json``."""
    with (SCHEMA_DIR / f"{name}.schema.json").open(encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


def validate(data: Any, schema_name: str, path: Path | str) -> None:
    """Validate *data* against a shipped schema; the error names the file and the JSON path."""
    import jsonschema  # only when something is validated: a warm start reads the compiled caches

    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        json_path = "$" + "".join(f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in err.absolute_path)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ConfigError(f"{json_path}: {err.message}{more}", path=str(path))


#: extra lexicon folders (configuration ``lexicons``): a file there named like a shipped lexicon
#: adds to it (lists are extended, tables merged, other values replaced); set before first use
EXTRA_FOLDERS: list[Path] = []


def add_folders(folders: list[str]) -> None:
    """Use the lexicons in *folders* on top of the shipped ones (call before anything loads them)."""
    for f in folders:
        p = Path(f)
        if not p.is_dir():
            raise ConfigError("no such lexicon folder", path=f)
        EXTRA_FOLDERS.append(p)
    load.cache_clear()
    fingerprint.cache_clear()


def merge(base: Any, extra: Any) -> Any:
    """*extra* laid over *base*: lists extended (without repeats), tables merged key by key.

    >>> merge({"a": [1], "b": {"x": 1}}, {"a": [2, 1], "b": {"y": 2}})
    {'a': [1, 2], 'b': {'x': 1, 'y': 2}}
    """
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **{k: merge(base[k], v) if k in base else v for k, v in extra.items()}}
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


def package_stamp(*names: str) -> str:
    """Where each installed package lives and when it was installed (a cache key part, found
    without importing the package)."""
    import importlib.util

    parts = []
    for name in names:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        try:
            st = os.stat(origin) if origin else None
        except OSError:
            st = None
        parts.append(f"{name}:{origin}:{st.st_mtime_ns if st else 0}:{st.st_size if st else 0}")
    return "\0".join(parts)


@cache
def fingerprint() -> str:
    """A hash of every lexicon file in use (the shipped ones and the extra folders'): what an
    analysis kept between runs depends on besides the text, the model and the checker version."""
    h = hashlib.sha256()
    for folder in (rules_dir() / "lexicons", *EXTRA_FOLDERS):
        for p in sorted(folder.glob("*.yaml")):
            h.update(str(p).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def sources(name: str) -> list[Path]:
    """The files a lexicon is built from: its schema, the shipped file, the extra folders' files."""
    paths = [SCHEMA_DIR / "lexicons" / f"{name}.schema.json", rules_dir() / "lexicons" / f"{name}.yaml"]
    return paths + [f / f"{name}.yaml" for f in EXTRA_FOLDERS if (f / f"{name}.yaml").is_file()]


#: cache files of one kind and name older than this, beside a fresh one, are removed
STALE_SECONDS = 7 * 24 * 3600


def cached(kind: str, sources: Iterable[Path], build: Callable[[], Any], key: str = "") -> Any:
    """``build()`` (a JSON value), kept in :func:`cache_dir` as ``<kind>-<hash>.json``: the hash is of
    the checker version and every source's path and bytes, so editing a source (a lexicon, a rule
    file, the module that builds the value) makes a new entry. Read from there when present; a
    damaged or unwritable cache only costs a rebuild. The value is the same either way (it goes
    through JSON both times). *key* is any further text the value depends on."""
    path = _cache_file(kind, sources, key)
    if path is not None and path.is_file():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass  # a damaged cache file is rebuilt
    text = json.dumps(build(), ensure_ascii=False)
    if path is not None:
        _write_cache(path, text)
    return json.loads(text)


def compiled_regexes(kind: str, patterns: list[str]) -> list[Any]:
    """``regex.compile`` of each pattern, the compiled programs kept in the cache: the `regex`
    module parses and compiles in Python, and the date grammar's dozen patterns cost about 0.05 s
    of every start. The program is what ``regex`` itself pickles (``Pattern._pickled_data``: the
    pattern, its flags, the compiled code and group tables); it is kept as JSON, keyed by the
    patterns and the installed `regex`, and read back through ``regex._regex.compile``, as
    unpickling does. Anything unexpected (another `regex` version, a damaged entry) compiles anew."""
    import regex

    fresh: list[Any] = []

    def build() -> list[Any]:
        fresh.extend(regex.compile(p) for p in patterns)
        return [_frozen(c) for c in fresh]

    try:
        data = cached(kind, [], build, key=package_stamp("regex") + "\0" + "\0".join(patterns))
        if fresh:
            return fresh
        out = [_thawed(d) for d in data]
        if [q.pattern for q in out] == patterns:
            return out
    except Exception:  # a private interface: any surprise means compiling again
        pass
    return fresh or [regex.compile(p) for p in patterns]


def _frozen(pattern: Any) -> list[Any]:
    (text, flags, code, groupindex, indexgroup, named_lists, nl_indexes, req_offset, req_chars, req_flags, groups) = (
        pattern._pickled_data
    )
    if named_lists or nl_indexes:
        raise ValueError("named lists are not kept")
    return [text, flags, code.hex(), groupindex, indexgroup, req_offset, list(req_chars), req_flags, groups]


def _thawed(data: list[Any]) -> Any:
    from regex import _regex

    text, flags, code, groupindex, indexgroup, req_offset, req_chars, req_flags, groups = data
    index = {int(k): v for k, v in indexgroup.items()}
    return _regex.compile(
        text, flags, bytes.fromhex(code), groupindex, index, {}, [], req_offset, tuple(req_chars), req_flags, groups
    )


def _cache_file(kind: str, sources: Iterable[Path], key: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    from checker import __version__

    h = hashlib.sha256(f"{__version__}\0{key}\0".encode())
    try:
        for p in sources:
            h.update(str(p).encode() + b"\0" + p.read_bytes() + b"\0")
    except OSError:
        return None  # the builder says what is wrong with the file
    return folder / f"{kind}-{h.hexdigest()[:32]}.json"


@cache
def load(name: str) -> Any:
    """Load and validate ``rules/lexicons/<name>.yaml`` against ``schemas/lexicons/<name>.schema.json``,
    with any extra folder's file of the same name laid over it (validated as a whole).

    The validated result is kept by :func:`cached` (named by a hash of the source files and the
    checker version): the next start reads that instead of parsing and validating again.
    """
    return cached(f"lexicon-{name}", sources(name), lambda: _load_validated(name))


def _write_cache(path: Path, text: str) -> None:
    from checker.outfile import write_text

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(text, str(path))
    except (OSError, CheckerError):
        return  # a read-only cache: every start validates again
    _prune(path)


def _prune(fresh: Path) -> None:
    """Remove week-old entries of the same kind as *fresh* (left by edited sources or old versions)."""
    stem = fresh.name.rsplit("-", 1)[0] + "-"
    try:
        old = [p for p in fresh.parent.glob(f"{stem}*.json") if p != fresh and p.name.rsplit("-", 1)[0] + "-" == stem]
        limit = fresh.stat().st_mtime - STALE_SECONDS
        for p in old:
            if p.stat().st_mtime < limit:
                p.unlink(missing_ok=True)
    except OSError:
        pass


def _load_validated(name: str) -> Any:
    path = rules_dir() / "lexicons" / f"{name}.yaml"
    data = load_yaml(path)
    for folder in EXTRA_FOLDERS:
        extra = folder / f"{name}.yaml"
        if extra.is_file():
            data = merge(data, load_yaml(extra))
            path = extra
    validate(data, f"lexicons/{name}", path)
    return data
