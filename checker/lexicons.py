"""Load the word lists under ``rules/lexicons/``; each is validated by a JSON Schema at load."""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from checker.errors import CheckerError, ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMA_DIR = PACKAGE_DIR / "schemas"


def rules_dir() -> Path:
    """The shipped ``rules/`` folder: beside the package in a checkout, ``checker/_rules`` when installed."""
    for candidate in (PACKAGE_DIR.parent / "rules", PACKAGE_DIR / "_rules"):
        if (candidate / "lexicons").is_dir():
            return candidate
    raise ConfigError("the rules folder is missing from the installation", path=str(PACKAGE_DIR))


#: libyaml's loader when PyYAML was built with it (about ten times faster), else the pure-Python one
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    """Read one YAML file, turning syntax errors into :class:`ConfigError` naming the file."""
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=SAFE_LOADER)
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


def cache_dir() -> Path | None:
    """Where compiled lexicons are kept: ``$CHECKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/checker``, else
    ``~/.cache/checker``; ``CHECKER_CACHE_DIR=''`` (empty) turns the cache off."""
    env = os.environ.get("CHECKER_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "checker"


def _sources(name: str) -> list[Path]:
    """The files a lexicon is built from: its schema, the shipped file, the extra folders' files."""
    paths = [SCHEMA_DIR / "lexicons" / f"{name}.schema.json", rules_dir() / "lexicons" / f"{name}.yaml"]
    return paths + [f / f"{name}.yaml" for f in EXTRA_FOLDERS if (f / f"{name}.yaml").is_file()]


def _cache_file(name: str) -> Path | None:
    """The compiled lexicon's file, named by a hash of every source's path and bytes and the version."""
    folder = cache_dir()
    if folder is None:
        return None
    from checker import __version__

    h = hashlib.sha256(__version__.encode())
    try:
        for p in _sources(name):
            h.update(str(p).encode() + b"\0" + p.read_bytes() + b"\0")
    except OSError:
        return None  # load() says what is wrong with the file
    return folder / f"lexicon-{name}-{h.hexdigest()[:32]}.json"


@cache
def load(name: str) -> Any:
    """Load and validate ``rules/lexicons/<name>.yaml`` against ``schemas/lexicons/<name>.schema.json``,
    with any extra folder's file of the same name laid over it (validated as a whole).

    The validated result is kept as JSON in :func:`cache_dir`, named by a hash of the source files
    (and the checker version): the next start reads that instead of parsing and validating again.
    """
    compiled = _cache_file(name)
    if compiled is not None and compiled.is_file():
        try:
            return json.loads(compiled.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass  # a damaged cache file is rebuilt
    text = json.dumps(_load_validated(name), ensure_ascii=False)
    if compiled is not None:
        _write_cache(compiled, text)
    return json.loads(text)  # the same values whether read from the cache or not


def _write_cache(path: Path, text: str) -> None:
    from checker.outfile import write_text

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(text, str(path))
    except (OSError, CheckerError):
        pass  # a read-only cache: every start validates again


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
