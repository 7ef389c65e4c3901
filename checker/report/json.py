"""The JSON report: :meth:`checker.model.Report.to_dict`; schema ``checker/schemas/report.schema.json``."""

from __future__ import annotations

import json

from checker.model import Report
from checker.report.base import Writer


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


WRITER = Writer(name="json", render=render)
