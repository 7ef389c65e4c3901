"""GitLab Code Quality (a JSON array of issues, Code Climate's format): one issue per finding
(agreements left out) at its first evidence span, with the finding id as its fingerprint."""

from __future__ import annotations

import json
from typing import Any

from checker.model import Finding, Report
from checker.report.base import Writer, failures, place, visible

SEVERITIES = {"error": "critical", "warning": "major", "info": "info"}
CATEGORIES = {"contradiction": "Bug Risk", "lint": "Style", "variant": "Style", "alias": "Clarity", "gap": "Clarity"}


def _issue(report: Report, f: Finding) -> dict[str, Any]:
    at = place(report, f.evidence[0])
    others = [place(report, e) for e in f.evidence[1:]]
    return {
        "type": "issue",
        "check_name": f.rule,
        "description": visible(f.message),
        "content": {"body": visible("\n".join(f"{o.path}:{o.line}:{o.column}" for o in others))},
        "categories": [CATEGORIES.get(f.kind, "Bug Risk")],
        "fingerprint": f.id,
        "severity": SEVERITIES[f.severity],
        "location": {
            "path": at.path,
            "positions": {
                "begin": {"line": at.line, "column": at.column},
                "end": {"line": at.end_line, "column": at.end_column},
            },
        },
    }


def render(report: Report) -> str:
    return json.dumps([_issue(report, f) for f in failures(report)], ensure_ascii=False, indent=2) + "\n"


WRITER = Writer(name="gitlab", render=render)
