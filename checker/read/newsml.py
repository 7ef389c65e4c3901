"""NewsML-G2 articles: a ``newsItem``, or a ``newsMessage`` whose ``itemSet`` holds several (read
by :mod:`checker.read.xml`). Each text ``newsItem`` is one article:

- ``text``: the headline (``contentMeta/headline``: the one without a ``role`` or whose role is
  ``main``, else the first; without one, the inline NITF's ``hl1``), a blank line, then the body's
  paragraphs separated by blank lines. The body is the first inline rendition in ``contentSet``
  that holds text: ``inlineXML`` with NITF (``body.content``), XHTML (``body``) or other markup
  (its paragraphs), or ``inlineData`` of type ``text/plain`` (kept as it is). ``remoteContent`` is
  never fetched. An item with a headline and no inline body is read as its headline alone (a flash
  is a headline); one with neither is skipped in a ``newsMessage`` and an error in a file of its
  own;
- ``title``: the headline; ``id``: the item's ``guid`` (else the file's stem, ``:N`` for the Nth
  item of a message);
- ``published`` and ``published_at``: ``itemMeta/versionCreated`` (when this version, the text
  being checked, was issued), else ``itemMeta/firstCreated``, else ``contentMeta/contentCreated``;
- ``place``: ``contentMeta/dateline``, else ``contentMeta/located/name``;
- ``source``: ``itemMeta/provider`` (its name, else its literal, qcode or uri).

Items that are not text (``itemClass`` other than ``ninat:text``), ``packageItem`` and other items
of a message are skipped; a file that is a ``packageItem`` alone holds no text and is an error.
Positions are exact (see :mod:`checker.read.markup`).
"""

from __future__ import annotations

from checker.errors import InputError
from checker.model import Article, Origin
from checker.read.markup import Node
from checker.read.nitf import attr, body_blocks
from checker.read.nitf import headline as nitf_headline
from checker.read.wiretext import Block, Chunk, build, collapse, first_time, has_text

ROOTS = ("newsItem", "newsMessage", "packageItem")


def _headline(meta: Node | None) -> list[Chunk] | None:
    """The headline without a role or whose role is main (``hdlrole:main``), else the first."""
    heads = list(meta.children("headline")) if meta is not None else []
    main = (h for h in heads if h.attrs.get("role", "main").replace("/", ":").rsplit(":", 1)[-1] == "main")
    chosen = next(main, heads[0] if heads else None)
    return chosen.chunks() if chosen is not None else None


def _rendition(node: Node) -> tuple[list[Block], list[Chunk] | None]:
    """The paragraphs of one ``contentSet`` child, and the headline it carries (NITF)."""
    if node.tag == "inlineXML":
        doc = node.find("nitf")
        if doc is not None:
            return body_blocks(doc), nitf_headline(doc)
        body = node.find("body")  # XHTML
        return (body or node).paragraphs(), None
    if node.tag == "inlineData":
        kind = node.attrs.get("contenttype", "text/plain").split(";")[0].strip().lower()
        if kind in ("", "text/plain"):
            return [(node.chunks(), True)], None
    return [], None


def _body(item: Node) -> tuple[list[Block], list[Chunk] | None]:
    content = item.child("contentSet")
    for node in content.children() if content is not None else ():
        blocks, hl = _rendition(node)
        if any(has_text(chunks, plain) for chunks, plain in blocks):
            return blocks, hl
    return [], None


def is_text(item: Node) -> bool:
    """An item whose ``itemClass`` says text (``ninat:text`` or its URI), or that says nothing."""
    cls = item.child("itemMeta", "itemClass")
    code = (attr(cls, "qcode") or attr(cls, "uri") or "text").rstrip("/")
    return code.replace("/", ":").rsplit(":", 1)[-1] == "text"


def _provider(meta: Node | None) -> str | None:
    provider = meta.child("provider") if meta is not None else None
    if provider is None:
        return None
    name = provider.child("name")
    return (collapse(name.chunks()) if name is not None else None) or next(
        (v for k in ("literal", "qcode", "uri") if (v := attr(provider, k))), None
    )


def _place(meta: Node | None) -> str | None:
    if meta is None:
        return None
    dateline, located = meta.child("dateline"), meta.child("located", "name")
    return next((collapse(n.chunks()) for n in (dateline, located) if n is not None and has_text(n.chunks())), None)


def item_article(item: Node, lines: tuple[int, ...], path: str, default_id: str) -> Article | None:
    """The article of one ``newsItem``; ``None`` when it has no headline and no inline text."""
    item_meta, content_meta = item.child("itemMeta"), item.child("contentMeta")
    blocks, inline_headline = _body(item)
    text, title, spans = build(_headline(content_meta) or inline_headline, blocks)
    if not text:
        return None

    def when(meta: Node | None, name: str) -> tuple[str, str | None]:
        node = meta.child(name) if meta is not None else None
        return name, collapse(node.chunks()) if node is not None else None

    published, published_at = first_time(
        [when(item_meta, "versionCreated"), when(item_meta, "firstCreated"), when(content_meta, "contentCreated")],
        path,
    )
    return Article(
        id=attr(item, "guid") or default_id,
        text=text,
        path=path,
        title=title,
        source=_provider(item_meta),
        published=published,
        origin=Origin(lines, spans),
        published_at=published_at,
        place=_place(content_meta),
    )


def articles(root: Node, lines: tuple[int, ...], path: str, default_id: str) -> list[Article]:
    """The articles of a ``newsItem`` or ``newsMessage`` document."""
    if root.tag == "packageItem":
        raise InputError("a packageItem only refers to other items; it holds no article text", path=path)
    if root.tag == "newsItem":
        if not is_text(root):
            raise InputError("the newsItem is not text (see its itemMeta/itemClass)", path=path)
        article = item_article(root, lines, path, default_id)
        if article is None:
            raise InputError(
                "the newsItem has no headline and no inline text (contentSet/inlineXML or inlineData; "
                "remoteContent is not fetched)",
                path=path,
            )
        return [article]
    item_set = root.child("itemSet")
    items = list(item_set.children("newsItem")) if item_set is not None else []
    out = [
        a
        for n, item in enumerate(items, 1)
        if is_text(item) and (a := item_article(item, lines, path, f"{default_id}:{n}")) is not None
    ]
    if not out:
        raise InputError(
            f"the newsMessage holds no article: {len(items)} newsItem(s), none of them text with a headline "
            "or an inline body",
            path=path,
        )
    return out
