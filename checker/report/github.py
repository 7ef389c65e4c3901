"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding
(agreements left out), annotated at its first evidence span; the other spans are named in the
message. Values are escaped as the runner expects (``%``, CR, LF; also ``:`` and ``,`` in
properties), and control and bidi characters are made visible."""

from __future__ import annotations

from checker.model import Finding, Report
from checker.report.base import Writer, failures, place, visible

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return visible(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def _line(report: Report, f: Finding) -> str:
    at = place(report, f.evidence[0])
    others = [place(report, e) for e in f.evidence[1:]]
    also = "".join(f"\n  {o.path}:{o.line}:{o.column} «{e.text}»" for o, e in zip(others, f.evidence[1:], strict=True))
    props = (
        f"file={_prop(at.path)},line={at.line},col={at.column},endLine={at.end_line},endColumn={at.end_column},"
        f"title={_prop(f.rule)}"
    )
    return f"::{COMMANDS[f.severity]} {props}::{_data(f.message + also)}"


def render(report: Report) -> str:
    return "".join(_line(report, f) + "\n" for f in failures(report))


WRITER = Writer(name="github", render=render)
