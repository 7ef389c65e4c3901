"""What a fact type declares: its value (a typed class and the JSON Schema of its serialised
form) and how two of its values compare."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from checker.model import Fact


@dataclass(frozen=True)
class Tolerance:
    """How far apart two figures may be and still agree (a rule's ``*_tolerance`` parameters)."""

    absolute: float = 0.0
    relative: float = 0.0
    approx: float = 0.1


#: True: the same fact stated alike; False: stated differently; None: cannot tell (never paired)
Comparer = Callable[[Fact, Fact, Tolerance], "bool | None"]


def equal_values(a: Fact, b: Fact, _tol: Tolerance) -> bool | None:
    """The default comparison: equal values agree, others differ."""
    return bool(a.value == b.value)


@dataclass(frozen=True)
class FactType:
    """One kind of fact: its name, the Python type of its value, the JSON Schema of that value,
    the attributes extractors may attach, its comparison and a one-line description."""

    name: str
    value_class: Any
    schema: dict[str, Any]
    doc: str
    compare: Comparer = equal_values
    attrs: frozenset[str] = field(default_factory=frozenset)
