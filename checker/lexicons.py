"""Load the word lists under ``rules/lexicons/``; each is validated by a JSON Schema at load."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from checker.errors import ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMA_DIR = PACKAGE_DIR / "schemas"


def rules_dir() -> Path:
    """The shipped ``rules/`` folder: beside the package in a checkout, ``checker/_rules`` when installed."""
    for candidate in (PACKAGE_DIR.parent / "rules", PACKAGE_DIR / "_rules"):
        if (candidate / "lexicons").is_dir():
            return candidate
    raise ConfigError("the rules folder is missing from the installation", path=str(PACKAGE_DIR))


def load_yaml(path: Path) -> Any:
    """Read one YAML file, turning syntax errors into :class:`ConfigError` naming the file."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
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


@cache
def load(name: str) -> Any:
    """Load and validate ``rules/lexicons/<name>.yaml`` against ``schemas/lexicons/<name>.schema.json``,
    with any extra folder's file of the same name laid over it (validated as a whole)."""
    path = rules_dir() / "lexicons" / f"{name}.yaml"
    data = load_yaml(path)
    for folder in EXTRA_FOLDERS:
        extra = folder / f"{name}.yaml"
        if extra.is_file():
            data = merge(data, load_yaml(extra))
            path = extra
    validate(data, f"lexicons/{name}", path)
    return data
