"""One source of truth: the schemas' enums agree with the registries, and every fact extracted
from real text fits its type's declaration."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker.api import extract_facts
from checker.engine import CHECKS, rule_schema
from checker.facts import FACT_TYPES, FactType, Tolerance, compare, register
from checker.facts.text import LINTS
from checker.lexicons import SCHEMA_DIR
from checker.model import Fact
from checker.read import read_article

ROOT = Path(__file__).resolve().parent.parent
REPORT_SCHEMA = json.loads((SCHEMA_DIR / "report.schema.json").read_text(encoding="utf-8"))
FINDING = REPORT_SCHEMA["properties"]["findings"]["items"]["properties"]


def test_report_schema_fact_enum_is_the_registry() -> None:
    assert FINDING["fact"]["enum"] == list(FACT_TYPES)


def test_report_schema_kinds_are_the_checks_kinds() -> None:
    kinds = {k for m in CHECKS.values() for k in m.KINDS}
    assert set(FINDING["kind"]["enum"]) == kinds
    assert set(REPORT_SCHEMA["properties"]["summary"]["properties"]) == kinds


def test_checks_use_registered_fact_types() -> None:
    for name, m in CHECKS.items():
        assert set(m.FACTS) <= set(FACT_TYPES), name
    assert set(rule_schema()["properties"]["facts"]["items"]["enum"]) <= set(FACT_TYPES)


def test_lint_rules_cover_every_lint_observation() -> None:
    assert list(CHECKS["lint"].PARAMS["properties"]["lint"]["enum"]) == list(LINTS)


@pytest.fixture(scope="module")
def seed_facts(fallback) -> list[Fact]:
    return [f for p in sorted((ROOT / "seeds").glob("*.txt")) for f in extract_facts(read_article(str(p)), fallback)]


def test_every_fact_fits_its_type(seed_facts: list[Fact]) -> None:
    assert {f.type for f in seed_facts} >= {"count", "date", "person", "place", "list", "quote", "lint"}
    for f in seed_facts:
        t = FACT_TYPES[f.type]
        jsonschema.validate(f.value, t.schema)
        assert {k for k, _ in f.attrs} <= t.attrs, (f.type, f.attrs)


def fact(type_: str, value: object, **attrs: object) -> Fact:
    return Fact("a", type_, "", value, str(value), 0, 1, "x", 0, "test", frozenset(), tuple(attrs.items()))


def test_comparisons_per_type() -> None:
    tol = Tolerance()
    assert compare(fact("count", 7), fact("count", 7), tol) is True
    assert compare(fact("count", 7), fact("count", 9), tol) is False
    assert compare(fact("count", 7), fact("count", 900), tol) is None  # 50x apart: other facts
    assert compare(fact("count", 100, qualifier="approx"), fact("count", 105), tol) is True
    assert compare(fact("count", 7), fact("percent", 7), tol) is None
    day = {"first": "2016-01-20", "last": "2016-01-20", "granularity": "day"}
    month = {"first": "2016-01-01", "last": "2016-01-31", "granularity": "month"}
    other = {"first": "2016-02-03", "last": "2016-02-03", "granularity": "day"}
    assert compare(fact("date", day), fact("date", month), tol) is None  # fits, but not one date
    assert compare(fact("date", day), fact("date", other), tol) is False
    assert (
        compare(fact("location", "FR", entity_type="country"), fact("location", "BE", entity_type="country"), tol)
        is False
    )


def test_a_new_fact_type_is_one_registration() -> None:
    """The recipe in CONTRIBUTING.md: declare a FactType and register it."""
    speed = FactType(
        "speed",
        float,
        {"type": "number"},
        "A speed in km/h.",
        lambda a, b, tol: abs(a.value - b.value) <= max(tol.absolute, 1.0),
    )
    register(speed)
    try:
        assert compare(fact("speed", 100.0), fact("speed", 100.5), Tolerance()) is True
        assert compare(fact("speed", 100.0), fact("speed", 120.0), Tolerance()) is False
        with pytest.raises(ValueError, match="already registered"):
            register(speed)
    finally:
        del FACT_TYPES["speed"]


def test_an_agreement_never_shows_two_different_days() -> None:
    tol = Tolerance()
    d1 = {"first": "2015-08-01", "last": "2015-08-01", "granularity": "day"}
    d2 = {"first": "2015-08-02", "last": "2015-08-02", "granularity": "day"}
    d4 = {"first": "2015-08-04", "last": "2015-08-04", "granularity": "day"}
    # أمس (a loose relative day) against the next day: cannot tell, neither agreement nor contradiction
    assert compare(fact("date", d1, relative=True), fact("date", d2), tol) is None
    # with a weekday written beside it the day is exact: different days contradict
    assert compare(fact("date", d1, relative=True, weekday="Saturday"), fact("date", d2), tol) is False
    assert compare(fact("date", d1, relative=True), fact("date", d4), tol) is False
    assert compare(fact("date", d2, relative=True), fact("date", d2), tol) is True
