"""The fact-type registry: one :class:`~checker.facts.base.FactType` per kind of fact.

Each module here declares the fact types of one family in ``TYPES``; a new fact type is an entry
in one of them (or a new module listed in :data:`MODULES`). The rule schema's fact enum and the
report schema's ``fact`` enum are checked against :data:`FACT_TYPES`; the engine compares two
values with :func:`compare`.
"""

from __future__ import annotations

from checker.facts import dates, entities, figures, roles, text
from checker.facts.base import FactType, Tolerance
from checker.model import Fact

MODULES = (figures, dates, entities, roles, text)
FACT_TYPES: dict[str, FactType] = {t.name: t for m in MODULES for t in m.TYPES}


def register(fact_type: FactType) -> None:
    """Add a fact type (an extension's); a name is registered once."""
    if fact_type.name in FACT_TYPES:
        raise ValueError(f"fact type {fact_type.name!r} is already registered")
    FACT_TYPES[fact_type.name] = fact_type


def compare(a: Fact, b: Fact, tol: Tolerance) -> bool | None:
    """Compare two facts with their type's comparison; different types cannot be told apart."""
    if a.type != b.type:
        return None
    return FACT_TYPES[a.type].compare(a, b, tol)


__all__ = ["FACT_TYPES", "FactType", "Tolerance", "compare", "register"]
