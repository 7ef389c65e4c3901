"""The rule schema is code: check it, and test it with valid and invalid rules."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from checker.engine import FIELDS, load_rule, load_rules
from checker.errors import ConfigError
from checker.lexicons import SCHEMA_DIR, rules_dir

VALID = {
    "code": "CT901",
    "name": "demo",
    "kind": "contradiction",
    "check": "compare",
    "facts": ["count"],
    "severity": "error",
    "message": "{values}",
    "message_ar": "{values}",
    "params": {"min_agree": 0.1, "min_conflict": 0.3},
    "doc": {"what": "w", "why": "y"},
}


def schema() -> dict:
    return json.loads((SCHEMA_DIR / "rule.schema.json").read_text(encoding="utf-8"))


def test_schema_is_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.Draft202012Validator.check_schema(json.loads((SCHEMA_DIR / "report.schema.json").read_text()))


def test_valid_example() -> None:
    jsonschema.Draft202012Validator(schema()).validate(VALID)


@pytest.mark.parametrize(
    "patch",
    [
        {"code": "X1"},
        {"kind": "opinion"},
        {"check": "magic"},
        {"facts": []},
        {"facts": ["weather"]},
        {"severity": "fatal"},
        {"params": {"min_agree": 2, "min_conflict": 0.3}},
        {"params": {"min_agree": 0.1}},  # a compare rule states both thresholds of its alignment
        {"params": {"min_similarity": 0.3}},
        {"params": {"min_agree": 0.1, "min_conflict": 0.3, "anchors": [{"facts": ["date"]}]}},
        {"params": {"unknown": 1}},
        {"kind": "variant"},  # compare rules report agreement or contradiction only
        {"extra": True},
        {"doc": {"what": "w"}},
        {"message_ar": ""},  # a rule without an Arabic message fails validation
        {"check": "lint", "kind": "lint", "facts": ["lint"], "params": {"lint": "nonsense"}},
        {"check": "lint", "kind": "lint", "facts": ["lint"], "params": {}},
    ],
)
def test_invalid_examples(patch: dict) -> None:
    rule = {**VALID, **patch}
    assert list(jsonschema.Draft202012Validator(schema()).iter_errors(rule))


def test_every_shipped_rule_loads_and_codes_are_unique() -> None:
    rules = load_rules()
    assert len(rules) >= 15
    assert len({r.code for r in rules}) == len(rules)
    for r in rules:
        assert Path(r.path).name.startswith(r.code)
        assert r.doc["what"] and r.doc["why"]


def test_error_names_file_and_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({**VALID, "severity": "fatal"}), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rule(bad)
    assert "bad.yaml" in str(err.value) and "severity" in str(err.value)


def test_yaml_syntax_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("code: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken.yaml.*invalid YAML at line"):
        load_rule(bad)


def test_unknown_placeholder(tmp_path: Path) -> None:
    bad = tmp_path / "ph.yaml"
    bad.write_text(yaml.safe_dump({**VALID, "message": "{nonsense}"}), encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown placeholder"):
        load_rule(bad)


def test_messages_use_offered_fields() -> None:
    for path in sorted((rules_dir() / "core").glob("*.yaml")):
        rule = load_rule(path)
        assert rule.check in FIELDS


def test_duplicate_code_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(VALID), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(VALID), encoding="utf-8")
    with pytest.raises(ConfigError, match="already used"):
        load_rules([str(tmp_path)])


def test_schema_file_is_generated_from_the_checks() -> None:
    from checker.engine import rule_schema

    assert schema() == rule_schema(), "regenerate: checker rules schema > checker/schemas/rule.schema.json"


def test_rule_docs_are_fresh() -> None:
    from checker.cli import rules_markdown

    docs = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == rules_markdown(), "regenerate: checker rules docs > docs/rules.md"
