"""SARIF 2.1.0 (OASIS), for code-scanning dashboards: one run, the rules in ``tool.driver.rules``,
one result per finding (agreements left out) located at its first evidence span, the other spans
as related locations, and ``partialFingerprints`` from the finding id so a dashboard tracks a
finding across runs. Columns count Unicode code points (``columnKind``)."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from checker.model import Evidence, Finding, Report
from checker.report.base import Writer, failures, place, visible

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def uri(path: str) -> str:
    """A relative path as a relative URI reference; an absolute path as a file URI."""
    p = PurePath(path)
    encoded = quote(p.as_posix(), safe="/")
    return f"file://{encoded}" if p.is_absolute() else encoded


def _location(report: Report, e: Evidence, index: int | None = None) -> dict[str, Any]:
    at = place(report, e)
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(at.path)},
            "region": {
                "startLine": at.line,
                "startColumn": at.column,
                "endLine": at.end_line,
                "endColumn": at.end_column,
                "charOffset": at.offset,
                "charLength": at.length,
                "snippet": {"text": visible(e.text)},
            },
        }
    }
    if index is not None:
        loc["id"] = index
        loc["message"] = {"text": visible(f"{e.article}: «{e.text}»" + (f" = {e.value}" if e.value else ""))}
    return loc


def _rules(report: Report) -> list[dict[str, Any]]:
    out = []
    for r in sorted(report.rules, key=lambda r: r.code):
        out.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.help.split(". ")[0].rstrip(".") + "."},
                "fullDescription": {"text": r.help},
                "help": {
                    "text": f"{r.help} {r.why}".strip(),
                    "markdown": f"**{r.code} {r.name}**: {r.help}\n\n{r.why}",
                },
                "defaultConfiguration": {"level": LEVELS[r.severity]},
                "properties": {"kind": r.kind},
            }
        )
    return out


def _result(report: Report, f: Finding, index: dict[str, int]) -> dict[str, Any]:
    first, *rest = f.evidence
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": visible(f.message)},
        "locations": [_location(report, first)],
        "partialFingerprints": {"checkerFindingId/v1": f.id},
        "properties": {"kind": f.kind, "fact": f.fact},
    }
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    if rest:
        result["relatedLocations"] = [_location(report, e, i) for i, e in enumerate(rest, 1)]
    return result


def render(report: Report) -> str:
    rules = _rules(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    run = {
        "tool": {"driver": {"name": "checker", "version": report.version, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(report, f, index) for f in failures(report)],
        "properties": {"model": report.model, "notes": [visible(n) for n in report.notes]},
    }
    sarif = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


WRITER = Writer(name="sarif", render=render)
