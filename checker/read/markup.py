"""Markup read into a small tree whose text keeps its place in the file: XML (NITF, NewsML-G2),
parsed safely, and HTML fragments (ninjs bodies). Then the paragraphs of a body, the way an
editor reads them.

**XML safety.** XML is parsed by the standard library's expat with the policy of ``defusedxml``
applied by hand: an entity declaration of any kind (the billion laughs, quadratic blow-up and
external entities all need one) is refused as soon as it is read, an external entity reference
is refused, and an external DTD is never loaded (parameter entity parsing is off), so no file is
opened and no network is reached. A DOCTYPE that only names a DTD is allowed (NITF files often
carry one); an entity that only that DTD would define is an error, not silently dropped. The
nesting depth is capped. ``defusedxml`` itself is not used because its expat reader refuses every
DOCTYPE with a system id and reports positions only through SAX; expat here gives each piece of
text its line and column, which is how text maps back to the file exactly.

**Positions.** expat reports the line and column (in characters) at which each piece of
character data starts, and splits character data at every entity and line break, so each piece
is a :data:`~checker.read.wiretext.Chunk` with an exact file offset: text written as it is has
width 1, a character that an entity or character reference wrote (or the LF that a CR LF becomes)
has width 0 at the entity's ``&`` (or the CR). HTML positions come from ``html.parser`` the same
way, relative to the string they are parsed from; the caller maps them into the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from xml.parsers import expat

from checker.errors import InputError
from checker.read.wiretext import Block, Chunk

MAX_DEPTH = 200

#: elements that hold one paragraph each (HTML and NITF)
PARAGRAPHS = frozenset("p hl1 hl2 h1 h2 h3 h4 h5 h6 li dt dd td th pre caption summary".split())
#: elements that hold paragraphs (a container whose text is not in one of them is a paragraph)
CONTAINERS = frozenset(
    "body body.content block bq blockquote div section article main header footer aside "
    "ul ol dl table thead tbody tfoot tr fn".split()
)
#: elements whose text is not the article's: media and their captions, notes to editors, scripts
SKIP = frozenset("media figure figcaption img note head script style noscript template iframe object".split())
#: a line break inside a paragraph (read as white space)
BREAKS = frozenset({"br"})
HTML_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


@dataclass
class Node:
    """An element: its local name, namespace, attributes (by local name), file offset of its
    ``<`` and its content, text chunks and elements in document order."""

    tag: str
    ns: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    at: int = 0
    items: list[Node | Chunk] = field(default_factory=list)
    block: bool | None = field(default=None, repr=False)

    def children(self, tag: str | None = None) -> Iterator[Node]:
        for item in self.items:
            if isinstance(item, Node) and (tag is None or item.tag == tag):
                yield item

    def child(self, *path: str) -> Node | None:
        """The first element down a path of child names."""
        node: Node | None = self
        for name in path:
            node = next(node.children(name), None) if node is not None else None
        return node

    def find(self, tag: str) -> Node | None:
        """The first element of that name below this one, depth first."""
        for item in self.children():
            if item.tag == tag:
                return item
            found = item.find(tag)
            if found is not None:
                return found
        return None

    def chunks(self) -> list[Chunk]:
        """All the text below, in document order; a line break element is a white-space chunk."""
        out: list[Chunk] = []
        self._collect(out)
        return out

    def _collect(self, out: list[Chunk]) -> None:
        for item in self.items:
            if not isinstance(item, Node):
                out.append(item)
            elif item.tag in BREAKS:
                out.append(("\n", item.at, 0))
            elif item.tag not in SKIP:
                item._collect(out)

    def _is_block(self) -> bool:
        """A paragraph, a container, or an element that holds one (computed once)."""
        if self.block is None:
            inside = [c._is_block() for c in self.children() if c.tag not in SKIP]  # all: each caches
            self.block = self.tag in PARAGRAPHS or self.tag in CONTAINERS or any(inside)
        return self.block

    def paragraphs(self) -> list[Block]:
        """The paragraphs below this element (markup: white space is collapsed when they are
        written). Text outside any paragraph element forms paragraphs of its own between them."""
        if not any(c._is_block() for c in self.children() if c.tag not in SKIP):
            return [(self.chunks(), False)]
        out: list[Block] = []
        run: list[Chunk] = []
        for item in self.items:
            if not isinstance(item, Node):
                run.append(item)
            elif item.tag in SKIP:
                continue
            elif item._is_block():
                if run:
                    out.append((run, False))
                    run = []
                out.extend(item.paragraphs())
            elif item.tag in BREAKS:
                run.append(("\n", item.at, 0))
            else:
                item._collect(run)
        if run:
            out.append((run, False))
        return out


class _Refused(Exception):
    """XML this reader will not expand or fetch."""


def _refuse_entity(name: str, is_parameter: bool, *_: Any) -> None:
    kind = "a parameter entity" if is_parameter else "an entity"
    raise _Refused(f"the XML declares {kind} ({name!r}): entity declarations are refused (XML bomb and XXE guard)")


def _refuse_unparsed(name: str, *_: Any) -> None:
    raise _Refused(f"the XML declares an unparsed entity ({name!r}): entity declarations are refused")


def _refuse_external(_context: Any, _base: Any, system_id: Any, _public_id: Any) -> int:
    raise _Refused(f"the XML refers to an external entity ({system_id!r}): it is not read")


def _skipped(name: str, _is_parameter: bool) -> None:
    raise _Refused(f"the entity &{name}; is not defined in the file (an external DTD is not read)")


class _TreeBuilder:
    def __init__(self, raw: str, lines: tuple[int, ...], parser: Any) -> None:
        self.raw, self.lines, self.parser = raw, lines, parser
        self.root: Node | None = None
        self.stack: list[Node] = []

    def _here(self) -> int:
        return self.lines[self.parser.CurrentLineNumber - 1] + self.parser.CurrentColumnNumber

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(f"the XML is nested more than {MAX_DEPTH} elements deep")
        ns, _, tag = name.rpartition(" ")
        node = Node(tag, ns, {k.rpartition(" ")[2]: v for k, v in attrs.items()}, self._here())
        if self.stack:
            self.stack[-1].items.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, _name: str) -> None:
        self.stack.pop()

    def data(self, text: str) -> None:
        if self.stack:
            at = self._here()
            self.stack[-1].items.append((text, at, 1 if self.raw.startswith(text, at) else 0))


def parse_xml(raw: str, path: str, lines: tuple[int, ...]) -> Node:
    """The root element of an XML document, its text chunks at their file offsets. ``lines``
    holds the offsets at which the lines of ``raw`` start (``Origin.of(raw).lines``). The text is
    parsed as the UTF-8 it was decoded to, whatever the XML declaration says."""
    parser = expat.ParserCreate("UTF-8", " ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_unparsed
    parser.ExternalEntityRefHandler = _refuse_external
    parser.SkippedEntityHandler = _skipped
    tree = _TreeBuilder(raw, lines, parser)
    parser.StartElementHandler = tree.start
    parser.EndElementHandler = tree.end
    parser.CharacterDataHandler = tree.data
    try:
        parser.Parse(raw.encode("utf-8"), True)
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code)
        raise InputError(f"malformed XML at line {exc.lineno}, column {exc.offset + 1}: {reason}", path=path) from None
    except _Refused as exc:
        raise InputError(f"{exc} (line {parser.CurrentLineNumber})", path=path) from None
    if tree.root is None:  # expat reports a document without an element; kept for safety
        raise InputError("malformed XML: no element", path=path)
    return tree.root


class _HTMLTree(HTMLParser):
    """An HTML fragment as a :class:`Node` tree; ``to_file(start, end)`` maps a range of the
    fragment to file chunks."""

    def __init__(self, source: str, to_file: Callable[[int, int], list[Chunk]]) -> None:
        super().__init__(convert_charrefs=False)
        self.source, self.to_file = source, to_file
        self.lines = [0, *(m.end() for m in re.finditer("\n", source))]
        self.root = Node("body")
        self.stack = [self.root]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def _at(self, offset: int) -> int:
        pieces = self.to_file(offset, offset + 1)
        return pieces[0][1] if pieces else 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if (tag in PARAGRAPHS or tag in CONTAINERS) and self.stack[-1].tag == "p":
            self.stack.pop()  # a block closes an open <p>
        node = Node(tag, attrs={k: v or "" for k, v in attrs}, at=self._at(self._offset()))
        if len(self.stack) > MAX_DEPTH:
            raise _Refused(f"the HTML is nested more than {MAX_DEPTH} elements deep")
        self.stack[-1].items.append(node)
        if tag not in HTML_VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].items.append(Node(tag, attrs={k: v or "" for k, v in attrs}, at=self._at(self._offset())))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self.stack[-1].items.extend(self.to_file(start, start + len(data)))

    def _decoded(self, text: str, raw_end: int) -> None:
        start = self._offset()
        pieces = self.to_file(start, raw_end)
        self.stack[-1].items.append((text, pieces[0][1] if pieces else 0, 0))

    def handle_entityref(self, name: str) -> None:
        start = self._offset()
        end = start + 1 + len(name)
        end += self.source.startswith(";", end)
        text = html.unescape(self.source[start:end])
        if text == self.source[start:end]:  # not an entity HTML knows: the text as written
            self.stack[-1].items.extend(self.to_file(start, end))
        else:
            self._decoded(text, end)

    def handle_charref(self, name: str) -> None:
        start = self._offset()
        end = start + 2 + len(name)
        end += self.source.startswith(";", end)
        self._decoded(html.unescape(self.source[start:end]), end)


def parse_html(source: str, to_file: Callable[[int, int], list[Chunk]], path: str) -> Node:
    """An HTML fragment (a ninjs ``body_html``) as a tree under a ``body`` node. HTML is read
    leniently, like a browser: unclosed elements are closed by their parent, a block closes an
    open ``<p>``."""
    tree = _HTMLTree(source, to_file)
    try:
        tree.feed(source)
        tree.close()
    except _Refused as exc:
        raise InputError(str(exc), path=path) from None
    return tree.root
