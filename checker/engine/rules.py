"""A rule: a stable code, a finding kind, a generic check in code, its parameters and message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rule:
    """One rule file, validated. Its ``params`` are its own: no other rule changes them."""

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
    message_ar: str = ""

    def param(self, name: str, default: Any) -> Any:
        return self.params.get(name, default)

    def format(self, **fields: Any) -> str:
        return self.message.format_map(fields)

    def format_ar(self, **fields: Any) -> str:
        """The Arabic message (empty when the rule has none)."""
        return self.message_ar.format_map(fields) if self.message_ar else ""
