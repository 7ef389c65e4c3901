"""The rules engine: YAML rule files (validated by JSON Schema) run generic checks over facts.

Layout: :mod:`.rules` (the Rule), :mod:`.loader` (files and the composed schema),
:mod:`.checks` (one module per check kind, and the registry), :mod:`.align` and
:mod:`.factbase` (alignment of one fact across articles, cached per parameter set),
:mod:`.names` (spellings and people; value comparison belongs to each fact type, in
:mod:`checker.facts`),
:mod:`.filters` (named cross-rule post-filters) and :mod:`.run`.
"""

from __future__ import annotations

from checker.engine.checks import CHECKS
from checker.engine.loader import load_rule, load_rules, rule_files, rule_schema
from checker.engine.rules import Rule
from checker.engine.run import run_rules

FIELDS = {name: m.FIELDS for name, m in CHECKS.items()}

__all__ = ["CHECKS", "FIELDS", "Rule", "load_rule", "load_rules", "rule_files", "rule_schema", "run_rules"]
