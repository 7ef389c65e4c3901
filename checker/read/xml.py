"""Wire XML (``.xml``, ``.nitf``, ``.newsml``): the root element says the format, whatever the
suffix: ``nitf`` is NITF 3.x (:mod:`checker.read.nitf`); ``newsItem``, ``newsMessage`` and
``packageItem`` are NewsML-G2 (:mod:`checker.read.newsml`). Any other root is an error naming it.
Elements are recognised by their local names, in any namespace (or none, as in DTD-based NITF).

The XML is parsed safely (no entity declarations, no external entities or DTDs: see
:mod:`checker.read.markup`); malformed XML is an error naming the line and column.
"""

from __future__ import annotations

from checker.errors import InputError
from checker.model import Article, Origin
from checker.read.base import Reader, as_text


def read(data: bytes | str, path: str, *, default_id: str) -> list[Article]:
    from checker.read.markup import parse_xml  # the XML formats' modules: only when XML is read
    from checker.read.newsml import ROOTS as NEWSML_ROOTS
    from checker.read.newsml import articles as newsml_articles
    from checker.read.nitf import ROOT as NITF_ROOT
    from checker.read.nitf import articles as nitf_articles

    raw = as_text(data, path)
    lines = Origin.of(raw).lines
    root = parse_xml(raw, path, lines)
    if root.tag == NITF_ROOT:
        return nitf_articles(root, lines, path, default_id)
    if root.tag in NEWSML_ROOTS:
        return newsml_articles(root, lines, path, default_id)
    known = ", ".join(f"<{name}>" for name in (NITF_ROOT, *NEWSML_ROOTS))
    raise InputError(f"unknown root element <{root.tag}>: expected NITF or NewsML-G2 ({known})", path=path)


def sniff(text: str) -> bool:
    """Standard input that starts with ``<`` is XML."""
    return text.lstrip().startswith("<")


READER = Reader(name="xml", suffixes=(".xml", ".nitf", ".newsml"), read=read, sniff=sniff)
