"""Report writers: one module per output format, registered here by name. All deterministic.

A format is one module that declares ``WRITER = Writer(name, render)`` (see
:mod:`checker.report.base`) and one line in ``BUILTIN`` below; :func:`register` adds one at run
time. Writers read only the :class:`~checker.model.Report` (rules' names, help and severities
are on ``Report.rules``), never the engine.
"""

from __future__ import annotations

from collections.abc import KeysView

from checker.model import Report
from checker.report import github, gitlab, html, json, junit, markdown, sarif, text
from checker.report.base import Writer

__all__ = ["FORMATS", "WRITERS", "Writer", "register", "render", "unregister"]

BUILTIN = (
    text.WRITER,
    markdown.WRITER,
    json.WRITER,
    html.WRITER,
    sarif.WRITER,
    junit.WRITER,
    github.WRITER,
    gitlab.WRITER,
)
WRITERS: dict[str, Writer] = {}
#: the names of the registered formats, in registration order (a live view: ``--format``'s choices)
FORMATS: KeysView[str] = WRITERS.keys()


def register(writer: Writer) -> Writer:
    """Add an output format (a name already taken is an error)."""
    if writer.name in WRITERS:
        raise ValueError(f"report format {writer.name!r} is already registered")
    WRITERS[writer.name] = writer
    return writer


def unregister(name: str) -> None:
    WRITERS.pop(name, None)


for _writer in BUILTIN:
    register(_writer)


def render(report: Report, fmt: str) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    return WRITERS[fmt].render(report)
