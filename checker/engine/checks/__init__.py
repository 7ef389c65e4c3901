"""The generic checks that rules extend, one module each.

A check module declares ``NAME``, the finding ``KINDS`` and fact types (``FACTS``) its rules may
use, the JSON Schema of its rules' ``PARAMS``, the message placeholders it offers (``FIELDS``),
and ``run(rule, facts) -> findings``. Rules only choose a check, fact types, parameters and a
message; they never hold logic. A new check kind is one module here plus one line in
:data:`CHECKS`.
"""

from __future__ import annotations

from types import ModuleType

from checker.engine.checks import alias, compare, coverage, identity, lint, person_form, self_conflict, set, variant

CHECKS: dict[str, ModuleType] = {
    m.NAME: m for m in (compare, set, identity, variant, person_form, alias, coverage, lint, self_conflict)
}
