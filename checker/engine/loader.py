"""Load rule files: YAML, validated by a JSON Schema composed from the check registry.

The rule schema has one source of truth: its common part is written here, and each check
module contributes the kinds, fact types and parameter schema of its rules. The published copy,
``checker/schemas/rule.schema.json``, is generated from it (``checker rules schema``; a test
fails when it is stale).
"""

from __future__ import annotations

import json
import string
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.engine.checks import CHECKS
from checker.engine.rules import Rule
from checker.errors import ConfigError
from checker.lexicons import cached, load_yaml, rules_dir

if TYPE_CHECKING:
    import jsonschema

SEVERITIES = ("info", "warning", "error")
CODE_PREFIXES = ("AG", "CT", "VR", "AL", "GP", "LN")


def _ordered(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def rule_schema() -> dict[str, Any]:
    """The JSON Schema of a rule file, composed from :data:`CHECKS`."""
    kinds = _ordered([k for m in CHECKS.values() for k in m.KINDS])
    facts = _ordered([f for m in CHECKS.values() for f in m.FACTS])
    branches = [
        {
            "if": {"properties": {"check": {"const": name}}},
            "then": {
                **({"required": ["params"]} if m.PARAMS.get("required") else {}),
                "properties": {
                    "kind": {"enum": list(m.KINDS)} if len(m.KINDS) > 1 else {"const": m.KINDS[0]},
                    "params": m.PARAMS,
                    "facts": {"type": "array", "items": {"enum": list(m.FACTS)}},
                },
            },
        }
        for name, m in CHECKS.items()
    ]
    text = {"type": "string", "minLength": 1}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://checker.invalid/schemas/rule.schema.json",
        "title": "checker rule",
        "description": "One rule per YAML file under rules/: a stable code, a finding kind, a generic check in code "
        "and its parameters. Generated from checker/engine/checks/ by 'checker rules schema'; do not edit.",
        "type": "object",
        "additionalProperties": False,
        "required": ["code", "name", "kind", "check", "facts", "severity", "message", "message_ar", "doc"],
        "properties": {
            "code": {
                "type": "string",
                "pattern": f"^({'|'.join(CODE_PREFIXES)})[0-9]{{3}}$",
                "description": "Stable, never reused.",
            },
            "name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
            "kind": {"enum": kinds},
            "check": {"enum": list(CHECKS)},
            "facts": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": facts}},
            "severity": {"enum": list(SEVERITIES)},
            "message": text,
            "message_ar": {**text, "description": "The message in Arabic (--lang ar), with the same placeholders."},
            "enabled": {"type": "boolean"},
            "params": {"type": "object"},
            "doc": {
                "type": "object",
                "additionalProperties": False,
                "required": ["what", "why"],
                "properties": {"what": text, "why": text, "example": {"type": "string"}},
            },
            "metadata": {"type": "object"},
        },
        "allOf": branches,
    }


@cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema  # only when a rule file is validated, not on a warm start

    return jsonschema.Draft202012Validator(rule_schema())


@cache
def _schema_text() -> str:
    return json.dumps(rule_schema(), sort_keys=True)


def _validated(path: Path) -> Any:
    data = load_yaml(path)
    _validate(data, path)
    return data


def _validate(data: Any, path: Path) -> None:
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        json_path = "$" + "".join(f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in err.absolute_path)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ConfigError(f"{json_path}: {err.message}{more}", path=str(path))


def _check_message(rule: dict[str, Any], path: Path) -> None:
    allowed = CHECKS[rule["check"]].FIELDS
    for key in ("message", "message_ar"):
        if key not in rule:
            continue
        try:
            parsed = list(string.Formatter().parse(rule[key]))
        except ValueError as exc:
            raise ConfigError(f"$['{key}']: {exc}", path=str(path)) from None
        if any(f is not None and (spec or conv) for _, f, spec, conv in parsed):
            raise ConfigError(f"$['{key}']: placeholders take no format spec or conversion", path=str(path))
        names = {f for _, f, _, _ in parsed if f is not None}
        bad = sorted(n for n in names if n not in allowed)
        if bad:
            raise ConfigError(
                f"$['{key}']: unknown placeholder {{{bad[0]}}}; check '{rule['check']}' offers "
                + ", ".join("{" + f + "}" for f in sorted(allowed)),
                path=str(path),
            )


def load_rule(path: Path) -> Rule:
    """Load and validate one rule file (the validated file is cached: see :func:`checker.lexicons.cached`)."""
    data = cached(f"rule-{path.stem}", [path], lambda: _validated(path), key=_schema_text())
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
        message_ar=data.get("message_ar", ""),
    )


def rule_files(extra: list[str] | None = None) -> list[Path]:
    """The shipped rule files, then each extra file or folder's."""
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
    """The shipped rules plus any extra files or folders; codes must be unique (a user file may
    override a shipped code on purpose)."""
    return list(_load_rules(tuple(extra or ())))


@lru_cache(maxsize=8)
def _load_rules(extra_t: tuple[str, ...]) -> tuple[Rule, ...]:
    rules: dict[str, Rule] = {}
    shipped = {str(p) for p in rule_files(None)}
    for path in rule_files(list(extra_t)):
        rule = load_rule(path)
        if rule.code in rules and rules[rule.code].path != rule.path:
            if rules[rule.code].path in shipped and str(path) not in shipped:
                rules[rule.code] = rule  # a user file overrides a shipped rule of the same code
                continue
            raise ConfigError(f"rule code {rule.code} is already used by {rules[rule.code].path}", path=str(path))
        rules[rule.code] = rule
    return tuple(rules[c] for c in sorted(rules))
