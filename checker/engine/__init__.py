"""The rules engine: YAML rule files (validated by JSON Schema) run generic checks over facts."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import ConfigError
from checker.lexicons import load_yaml, rules_dir, validate

#: the placeholders each check offers to its rules' messages
FIELDS: dict[str, frozenset[str]] = {
    "compare": frozenset({"fact", "key", "values", "noun"}),
    "set": frozenset({"fact", "values", "missing", "extra", "members"}),
    "variant": frozenset({"fact", "forms", "entity", "how"}),
    "alias": frozenset({"fact", "forms", "entity"}),
    "coverage": frozenset({"fact", "article", "value", "others"}),
    "lint": frozenset({"fact", "text", "detail"}),
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    check: str
    facts: tuple[str, ...]
    severity: str
    message: str
    params: dict[str, Any]
    doc: dict[str, str]
    path: str
    enabled: bool = True

    def param(self, name: str, default: Any) -> Any:
        return self.params.get(name, default)

    def format(self, **fields: Any) -> str:
        return self.message.format_map(fields)


def _check_message(rule: dict[str, Any], path: Path) -> None:
    allowed = FIELDS[rule["check"]]
    try:
        parsed = list(string.Formatter().parse(rule["message"]))
    except ValueError as exc:
        raise ConfigError(f"$['message']: {exc}", path=str(path)) from None
    if any(f is not None and (spec or conv) for _, f, spec, conv in parsed):
        raise ConfigError("$['message']: placeholders take no format spec or conversion", path=str(path))
    names = {f for _, f, _, _ in parsed if f is not None}
    bad = sorted(n for n in names if n not in allowed)
    if bad:
        raise ConfigError(
            f"$['message']: unknown placeholder {{{bad[0]}}}; check '{rule['check']}' offers "
            + ", ".join("{" + f + "}" for f in sorted(allowed)),
            path=str(path),
        )


def load_rule(path: Path) -> Rule:
    """Load and validate one rule file."""
    data = load_yaml(path)
    validate(data, "rule", path)
    _check_message(data, path)
    return Rule(
        code=data["code"],
        name=data["name"],
        kind=data["kind"],
        check=data["check"],
        facts=tuple(data["facts"]),
        severity=data["severity"],
        message=data["message"],
        params=dict(data.get("params") or {}),
        doc=dict(data["doc"]),
        path=str(path),
        enabled=data.get("enabled", True),
    )


def rule_files(extra: list[str] | None = None) -> list[Path]:
    files = sorted((rules_dir() / "core").glob("*.yaml"))
    for item in extra or []:
        p = Path(item)
        if p.is_dir():
            files.extend(sorted(p.glob("*.yaml")))
        elif p.is_file():
            files.append(p)
        else:
            raise ConfigError("no such rule file or folder", path=item)
    return files


def load_rules(extra: list[str] | None = None) -> list[Rule]:
    """The shipped rules plus any extra files or folders; codes must be unique."""
    return list(_load_rules(tuple(extra or ())))


@lru_cache(maxsize=8)
def _load_rules(extra_t: tuple[str, ...]) -> tuple[Rule, ...]:
    extra = list(extra_t)
    rules: dict[str, Rule] = {}
    shipped = {str(p) for p in rule_files(None)}
    for path in rule_files(extra):
        rule = load_rule(path)
        if rule.code in rules and rules[rule.code].path != rule.path:
            if rules[rule.code].path in shipped and str(path) not in shipped:
                rules[rule.code] = rule  # a user file overrides a shipped rule of the same code
                continue
            raise ConfigError(f"rule code {rule.code} is already used by {rules[rule.code].path}", path=str(path))
        rules[rule.code] = rule
    return tuple(rules[c] for c in sorted(rules))
