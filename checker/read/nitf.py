"""NITF 3.x articles (an ``<nitf>`` root, read by :mod:`checker.read.xml`; also NITF inside a
NewsML-G2 ``inlineXML``, read through :func:`body_blocks` and :func:`headline`).

What becomes what:

- ``text``: the headline (``body.head/hedline/hl1``), a blank line, then the paragraphs of
  ``body.content`` (``p``, ``hl2``, list items, table cells…) separated by blank lines. A dateline
  written in the first paragraph stays there. The abstract, byline, ``body.end``, media and their
  captions and notes are not part of the text;
- ``title``: the headline (``head/title`` when there is no ``hl1``);
- ``id``: ``head/docdata/doc-id/@id-string``, else the file's stem;
- ``published`` and ``published_at``: ``head/docdata/date.issue/@norm``, else
  ``head/pubdata/@date.publication`` (ISO 8601, basic ``20160120T100000+0300`` or extended);
- ``place``: ``body.head/dateline/location`` (or the whole dateline);
- ``source``: ``head/docdata/doc.copyright/@holder``.

Positions are exact (see :mod:`checker.read.markup` and :mod:`checker.read.wiretext`).
"""

from __future__ import annotations

from checker.errors import InputError
from checker.model import Article, Origin
from checker.read.markup import Node
from checker.read.wiretext import Block, Chunk, build, collapse, first_time

ROOT = "nitf"


def headline(nitf: Node) -> list[Chunk] | None:
    """The chunks of the NITF headline (``hl1``), if it has one."""
    hl1 = nitf.child("body", "body.head", "hedline", "hl1")
    return hl1.chunks() if hl1 is not None else None


def body_blocks(nitf: Node) -> list[Block]:
    """The paragraphs of ``body.content`` (there may be several; all are read in order)."""
    body = nitf.child("body")
    if body is None:
        return []
    return [block for content in body.children("body.content") for block in content.paragraphs()]


def _place(nitf: Node) -> str | None:
    dateline = nitf.child("body", "body.head", "dateline")
    if dateline is None:
        return None
    location = dateline.find("location")
    return collapse((location or dateline).chunks()) or None


def attr(node: Node | None, name: str) -> str | None:
    """An attribute's value, stripped; ``None`` when the element or the value is missing or blank."""
    value = node.attrs.get(name, "").strip() if node is not None else ""
    return value or None


def articles(root: Node, lines: tuple[int, ...], path: str, default_id: str) -> list[Article]:
    """The article of an ``<nitf>`` document."""
    head = root.child("head") or Node("head")
    docdata = head.child("docdata") or Node("docdata")
    title_node = head.child("title")
    hl = headline(root) or (title_node.chunks() if title_node is not None else None)
    text, title, spans = build(hl, body_blocks(root))
    if not text:
        raise InputError("the NITF document has no headline and no text in body.content", path=path)
    published, published_at = first_time(
        [
            ("date.issue", attr(docdata.child("date.issue"), "norm")),
            ("date.publication", attr(head.child("pubdata"), "date.publication")),
        ],
        path,
    )
    article = Article(
        id=attr(docdata.child("doc-id"), "id-string") or default_id,
        text=text,
        path=path,
        title=title,
        source=attr(docdata.child("doc.copyright"), "holder"),
        published=published,
        origin=Origin(lines, spans),
        published_at=published_at,
        place=_place(root),
    )
    return [article]
