"""Configuration the way linters do it: ``checker.toml`` or ``[tool.checker]`` in
``pyproject.toml``, found by walking up from the current folder (the nearest wins; in one folder
``checker.toml`` before ``pyproject.toml``). Command-line options override the file, the file
overrides the defaults, and :func:`effective` says where each value came from.

Keys (``checker config`` prints them): ``select`` and ``ignore`` (rule codes or prefixes, any case),
``severity`` (code → info|warning|error), ``fail-on``, ``lang``, ``rules`` and ``lexicons`` (extra
folders, relative to the file), ``max-article-chars``, ``max-total-chars``, ``model``, and
``house`` (``accepted``: the house's spellings; ``forbidden``: spelling → the house's). An unknown
key is an error naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import ConfigError

SEVERITY = {"enum": ["info", "warning", "error"]}
CODES = {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z]{1,2}[0-9]{0,3}$"}}
FOLDERS = {"type": "array", "items": {"type": "string", "minLength": 1}}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "select": CODES,
        "ignore": CODES,
        "severity": {
            "type": "object",
            "additionalProperties": SEVERITY,
            "propertyNames": {"pattern": "^[A-Za-z]{2}[0-9]{3}$"},
        },
        "fail-on": {"enum": ["info", "warning", "error", "none"]},
        "lang": {"enum": ["en", "ar"]},
        "rules": FOLDERS,
        "lexicons": FOLDERS,
        "model": {"type": "string"},
        "names-model": {"enum": ["crf", "crf-untitled", "none"]},
        "max-article-chars": {"type": "integer", "minimum": 1},
        "max-total-chars": {"type": "integer", "minimum": 1},
        "house": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "accepted": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "forbidden": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}},
            },
        },
    },
}
DEFAULTS: dict[str, Any] = {
    "select": [],
    "ignore": [],
    "severity": {},
    "fail-on": None,  # the command's own default (compare: error, ci: warning)
    "lang": None,  # from the locale
    "rules": [],
    "lexicons": [],
    "model": None,
    "names-model": "crf",
    "max-article-chars": 1_000_000,
    "max-total-chars": 20_000_000,
    "house": {},
}


@dataclass(frozen=True)
class Config:
    """The effective configuration: each key's value and where it came from."""

    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    sources: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def get(self, key: str) -> Any:
        return self.values[key]

    def source(self, key: str) -> str:
        return self.sources.get(key, "default")

    def with_option(self, key: str, value: Any, option: str) -> Config:
        """This configuration with a command-line option applied (``None`` leaves it alone)."""
        if value is None or value == () or value == []:
            return self
        return Config({**self.values, key: value}, {**self.sources, key: option}, self.path)


def find(start: Path | None = None) -> Path | None:
    """The nearest ``checker.toml``, or ``pyproject.toml`` with a ``[tool.checker]`` table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "checker.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "checker" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file to read

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from None


def load(path: Path | None) -> Config:
    """The configuration in *path* (validated), over the defaults; no path: the defaults."""
    if path is None:
        return Config()
    data = _read(path)
    table = data.get("tool", {}).get("checker", {}) if path.name == "pyproject.toml" else data
    where = f"{path} [tool.checker]" if path.name == "pyproject.toml" else str(path)
    import jsonschema  # only when there is a configuration file to validate

    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(table), key=lambda e: list(map(str, e.path)))
    if errors:
        err = errors[0]
        key = ".".join(map(str, err.absolute_path)) or "(top)"
        raise ConfigError(f"key {key}: {err.message}", path=where)
    values, sources = dict(DEFAULTS), {}
    for key, value in table.items():
        if key in ("rules", "lexicons"):
            value = [str((path.parent / v).resolve()) for v in value]
        values[key] = value
        sources[key] = where
    return Config(values, sources, path)


def matches(code: str, patterns: list[str]) -> bool:
    """Whether rule *code* is named by one of *patterns* (a code or a prefix, any case)."""
    return any(code.upper().startswith(p.upper()) for p in patterns)


def effective(config: Config) -> str:
    """The configuration as TOML-like lines, each with where its value came from."""
    import json

    lines = [f"# configuration file: {config.path or 'none found'}"]
    for key in DEFAULTS:
        value = config.get(key)
        shown = json.dumps(value, ensure_ascii=False) if value is not None else '"(default)"'
        lines.append(f"{key} = {shown}  # {config.source(key)}")
    return "\n".join(lines) + "\n"
