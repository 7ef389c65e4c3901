"""Wire formats in: NITF, NewsML-G2, ninjs, JSON Lines and folders. The real IPTC samples are read in
place from the shared data folder (skipped when it is absent; ``CHECKER_WIRE_SAMPLES`` points
elsewhere); the Arabic fixtures under ``tests/fixtures/wire/`` wrap one story in each structure."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import os
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import InputError
from checker.model import Article
from checker.read import read_article, read_articles, read_file

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "tests" / "fixtures" / "wire"
SAMPLES = Path(os.environ.get("CHECKER_WIRE_SAMPLES", ROOT.parent / "shared" / "data" / "wire" / "iptc"))
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="the IPTC samples are not here")
LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
TZ3 = dt.timezone(dt.timedelta(hours=3))
HEADLINE = "انفجار سيارة مفخخة يستهدف سوقا في بغداد"
P1 = (
    "بغداد (رويترز) - قتل {n} شخصا وأصيب 30 آخرون في انفجار سيارة مفخخة استهدف سوقا شعبية في حي الكرادة "
    "وسط بغداد صباح الثلاثاء."
)
P2 = (
    'وقال المتحدث باسم وزارة الداخلية العميد سعد معن إن "الانفجار وقع قرب مدخل السوق في ساعة الذروة"، '
    "مضيفا أن فرق الدفاع المدني نقلت المصابين إلى مستشفى ابن النفيس."
)
P3 = "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن."


def story(n: int) -> str:
    return "\n\n".join([HEADLINE, P1.format(n=n), P2, P3])


def written_at(raw: str, at: int) -> str:
    """The character that the file writes at ``at``: itself, or what the entity, JSON escape or CR LF
    that starts there stands for."""
    if raw[at] == "&" and (m := re.compile(r"&#?\w+;").match(raw, at)) and html.unescape(m.group()) != m.group():
        return html.unescape(m.group())
    if raw[at] == "\\":
        for width in (12, 6, 2):
            try:
                piece = json.loads('"' + raw[at : at + width] + '"')
            except json.JSONDecodeError:
                continue
            if len(piece) == 1:
                return piece
    return "\n" if raw[at] == "\r" else raw[at]


def assert_maps_into(art: Article, raw: str | None = None) -> None:
    """Every character of the text points at itself in the file (or at the entity or escape that
    wrote it; a collapsed run of white space at its first character), by offset and by line:column."""
    raw = raw if raw is not None else Path(art.path or "").read_text(encoding="utf-8")
    lines = LINES.findall(raw)  # with their ends: a paragraph break may point at one
    assert art.origin is not None
    for i, ch in enumerate(art.text):
        at = art.origin.offset(i)
        line, col = art.position(i)
        assert lines[line - 1][col - 1] == raw[at], (i, ch)
        if not ch.isspace():
            assert written_at(raw, at) == ch, (i, ch, raw[at : at + 12])
        elif not ("\n\n" in art.text[max(i - 1, 0) : i + 2] or raw[at] == "<"):  # a paragraph break, a <br>
            assert written_at(raw, at).isspace(), (i, raw[at : at + 12])


def cli(*args: str, stdin: str | None = None) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args), input=stdin)
    return r.exit_code, r.output.strip()


# -- the real IPTC samples ----------------------------------------------------------------------
@needs_samples
def test_iptc_newsitem_with_nitf_body() -> None:
    art = read_article(str(SAMPLES / "LISTING_2_NewsML-G2_Text_Document.xml"))
    assert art.id == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED"
    assert art.title == 'Fed to halt QE to avert "bubble"' and art.place == "New York, NY"
    assert art.text.startswith(
        art.title + "\n\n(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet"
    )
    assert art.text.endswith("tpatinis exer sequatueros adit verit am nonse exerili quismodion esto cons dolutpat, si.")
    assert art.text.count("\n\n") == 2  # headline, two paragraphs; the byline is not text
    assert art.published == dt.date(2018, 11, 21)  # versionCreated
    assert art.published_at == dt.datetime(2018, 11, 21, 16, 25, 32, tzinfo=dt.timezone(-dt.timedelta(hours=5)))
    assert_maps_into(art)


@needs_samples
def test_iptc_sports_story() -> None:
    art = read_article(str(SAMPLES / "LISTING_22_Sports_story_in_NewsML-G2NITF.xml"))
    assert art.id == "tag:xmlteam.com,2016:xt.5932656-preview"
    assert art.title == "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) == 7 and paragraphs[1].startswith("(Sports Network) - A pair of teams")  # not the abstract
    assert paragraphs[-1].endswith("Garcia has gone 0-2 over his last six starts.")
    assert (art.published, art.source) == (dt.date(2018, 10, 19), "web:www.xmlteam.com")
    assert_maps_into(art)


@needs_samples
def test_iptc_newsitem_without_body_is_its_headline() -> None:
    art = read_article(str(SAMPLES / "LISTING_1_A_NewsML-G2_News_Item.xml"))
    assert (art.id, art.text, art.title) == (
        "urn:newsml:acmenews.com:20161018:US-FINANCE-FED",
        'Fed to halt QE to avert "bubble"',
        'Fed to halt QE to avert "bubble"',
    )
    assert (art.published, art.place, art.source) == (dt.date(2018, 10, 21), "Berlin", "nprov:REUTERS")
    assert_maps_into(art)


@needs_samples
@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("LISTING_24_News_Message_conveying_a_complete_News_Package.xml", "newsMessage holds no article: 4 newsItem"),
        ("LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml", "unknown root element <contentSet>"),
        ("LISTING_28_Illustrating_Located_Subject_and_Dateline.xml", "unknown root element <contentMeta>"),
    ],
)
def test_iptc_samples_without_an_article(name: str, needle: str) -> None:
    code, out = cli("compare", str(SAMPLES / name), str(WIRE / "ar_baghdad.nitf"), "--model", "none")
    assert code == 2 and "\n" not in out and needle in out and name in out and "[E100]" in out, out


@needs_samples
def test_iptc_samples_compare_through_the_cli() -> None:
    files = [
        str(SAMPLES / n)
        for n in ("LISTING_2_NewsML-G2_Text_Document.xml", "LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    ]
    code, out = cli("compare", *files, "--model", "none", "--format", "json", "--fail-on", "none")
    assert code == 0, out
    assert [a["published_source"] for a in json.loads(out)["articles"]] == ["metadata", "metadata"]


# -- Arabic fixtures ------------------------------------------------------------------------------
def test_arabic_nitf() -> None:
    art = read_article(str(WIRE / "ar_baghdad.nitf"))
    assert art.text == story(12) and art.title == HEADLINE  # abstract, byline and dateline are not text
    assert (art.id, art.place, art.source) == ("ar-20160119-baghdad-nitf", "بغداد", "وكالة الأنباء التجريبية")
    assert art.published == dt.date(2016, 1, 19) and art.published_at == dt.datetime(2016, 1, 19, 10, 30, tzinfo=TZ3)
    assert_maps_into(art)
    raw = Path(art.path or "").read_text(encoding="utf-8")
    assert raw[art.origin.offset(len(HEADLINE)) :].startswith("</hl1>")  # type: ignore[union-attr]
    quote = art.text.index('"')
    assert raw[art.origin.offset(quote) :].startswith("&quot;الانفجار")  # type: ignore[union-attr]


def test_arabic_ninjs_2() -> None:
    art = read_article(str(WIRE / "ar_baghdad_ninjs2.json"))
    assert art.text == story(15) and art.title == HEADLINE  # the main headline, not the short one
    assert (art.id, art.place) == ("urn:newsml:example.org:20160119:ar-baghdad-ninjs", "بغداد")
    assert art.published_at == dt.datetime(2016, 1, 19, 11, 5, tzinfo=TZ3)  # versioncreated
    assert_maps_into(art)


def test_arabic_ninjs_1_plain_body_first_and_escapes() -> None:
    art = read_article(str(WIRE / "ar_baghdad_ninjs1.json"))
    body = "بغداد (أ ف ب) - قتل 12 شخصا في انفجار استهدف سوقا في بغداد.\n\nوأصيب 30 آخرون بجروح."
    assert art.text == "مقتل 12 شخصا في بغداد\n\n" + body  # body_text, not body_html
    assert (art.id, art.place, art.published) == (
        "http://example.org/ninjs/ar-baghdad-1x",
        "بغداد، العراق",
        dt.date(2016, 1, 19),
    )
    assert art.published_at == dt.datetime(2016, 1, 19, 12, 15, tzinfo=dt.UTC)
    assert_maps_into(art)


def test_arabic_newsitem() -> None:
    art = read_article(str(WIRE / "ar_newsitem.xml"))
    assert art.title == HEADLINE  # the headline without a role, not the NITF hl1
    assert art.text == HEADLINE + "\n\n" + (
        "قتل 12 شخصا وأصيب 30 آخرون في انفجار سيارة مفخخة استهدف سوقا شعبية في حي الكرادة.\n\n"
        "وقالت الشرطة إن الانفجار وقع عند الساعة 8:30 صباحا."
    )
    assert (art.id, art.place, art.source) == (
        "urn:newsml:example.org:20160119:ar-baghdad-g2",
        "بغداد، 19 يناير (رويترز)",
        "وكالة الأنباء التجريبية",
    )
    assert art.published_at == dt.datetime(2016, 1, 19, 12, 0, tzinfo=TZ3)  # versionCreated before firstCreated
    assert_maps_into(art)


def test_arabic_newsmessage_holds_several_articles() -> None:
    arts = read_file(str(WIRE / "ar_newsmessage.xml"))
    assert [a.id for a in arts] == ["urn:newsml:example.org:20160119:ar-plain", "ar_newsmessage:3"]  # no picture
    plain, xhtml = arts
    assert plain.text == (
        "حصيلة انفجار بغداد ترتفع إلى 14 قتيلا\n\n"
        "ارتفعت حصيلة انفجار الكرادة إلى 14 قتيلا & 33 جريحا.\nقالت مصادر طبية إن بين المصابين أطفالا."
    )
    assert xhtml.text == "ردود فعل على الانفجار\n\nإدانات\n\nدان رئيس الوزراء الهجوم.\n\nوأعلن الحداد ثلاثة أيام."
    assert xhtml.published_at == dt.datetime(2016, 1, 19, 12, 20, tzinfo=dt.UTC)
    for art in arts:
        assert_maps_into(art)
    with pytest.raises(InputError, match="holds 2 articles"):
        read_article(str(WIRE / "ar_newsmessage.xml"))


def test_arabic_json_lines() -> None:
    arts = read_file(str(WIRE / "ar_feed.jsonl"))
    assert [a.id for a in arts] == ["feed-1", "urn:example:feed-2", "ar_feed:line5"]
    assert arts[0].text == "قتل 12 شخصا في انفجار ببغداد.\nوأصيب 30 آخرون." and arts[0].title == "انفجار في بغداد"
    assert arts[1].text == "مقتل 13 شخصا في بغداد\n\nقتل 13 شخصا في انفجار استهدف سوقا." and arts[1].published_at
    assert arts[2].text == "قتل 12 شخصا." and arts[2].position(0) == (5, 11)  # the escape \u0642 on line 5
    for art in arts:
        assert_maps_into(art)


def test_compare_nitf_and_ninjs_finds_the_changed_figure() -> None:
    from checker.api import compare
    from checker.text.tagger import load_analyzer

    paths = [str(WIRE / "ar_baghdad.nitf"), str(WIRE / "ar_baghdad_ninjs2.json")]
    arts = read_articles(paths)
    rep = compare(arts, analyzer=load_analyzer("none"))
    [finding] = [f for f in rep.findings if f.kind == "contradiction"]
    assert finding.rule == "CT101" and sorted(e.text for e in finding.evidence) == ["12", "15"]
    by_id = {a.id: a for a in arts}
    for ev in finding.evidence:
        art = by_id[ev.article]
        assert art.text[ev.start : ev.end] == ev.text
        raw = Path(art.path or "").read_text(encoding="utf-8")
        line, col = art.position(ev.start)
        assert re.split(r"\r\n|\r|\n", raw)[line - 1][col - 1 :].startswith(ev.text)
    nitf = by_id["ar-20160119-baghdad-nitf"]
    assert nitf.position(nitf.text.index("12")) == (22, 31)
    code, out = cli("compare", *paths, "--model", "none")
    assert code == 1 and "CT101" in out


# -- positions through entities, CR LF, CDATA and HTML ----------------------------------------------
def test_xml_positions_through_entities_crlf_and_cdata(tmp_path: Path) -> None:
    raw = (
        '<?xml version="1.0" encoding="UTF-8"?>\r\n<nitf><head/><body><body.head><hedline><hl1>عنوان &amp;\r\n'
        "  ثان</hl1></hedline></body.head>\r\n<body.content>\r\n<p>قتل&#32;5 &#x0623;شخاص<br/>في\t\r\n\t"
        "<![CDATA[بغداد <أمس>]]>.</p>\r\n<p>   </p><block><p>ثم</p>نص حر</block></body.content></body></nitf>\r\n"
    )
    p = tmp_path / "crlf.xml"
    p.write_bytes(raw.encode("utf-8"))
    art = read_article(str(p))
    assert art.text == "عنوان & ثان\n\nقتل 5 أشخاص في بغداد <أمس>.\n\nثم\n\nنص حر"
    assert_maps_into(art, raw)


def test_ninjs_html_body(tmp_path: Path) -> None:
    body = (
        '<section><p class="x">قتل <b>5</b> &amp; جرح&nbsp;7<br>أمس</p><p>ثم &#1576;عد <p>قال &unknown; "نعم"</section>'
    )
    obj = {"uri": "u:1", "headlines": [{"value": "عنوان"}], "bodies": [{"contenttype": "text/html", "value": body}]}
    for ascii_only in (True, False):
        raw = json.dumps(obj, ensure_ascii=ascii_only, indent=1)
        p = tmp_path / "h.json"
        p.write_text(raw, encoding="utf-8")
        art = read_article(str(p))
        assert art.text == 'عنوان\n\nقتل 5 & جرح\xa07 أمس\n\nثم بعد\n\nقال &unknown; "نعم"'
        assert_maps_into(art, raw)
    p.write_text('{"uri": "u:2", "headline": "ع", "body_text": " ", "body_html": "<p>قتل 5</p>"}', encoding="utf-8")
    assert read_article(str(p)).text == "ع\n\nقتل 5"  # a blank plain body gives way to the HTML one


# -- bad input: exit 2, E100, one line naming the file -------------------------------------------------
BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10))
    + "]>\n<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>\n"
)
BAD_XML = {
    "malformed.xml": ("<nitf><body><p>x</body></nitf>", "malformed XML at line 1, column 19: mismatched tag"),
    "truncated.nitf": ("<nitf><body>", "malformed XML at line 1"),
    "rss.xml": ("<rss><channel/></rss>", "unknown root element <rss>"),
    "bomb.xml": (BOMB, "declares an entity ('lol')"),
    "deep.xml": ("<nitf>" + "<b>" * 300 + "</b>" * 300 + "</nitf>", "nested more than 200"),
    "undefined.xml": ("<nitf><body><body.content><p>&nbsp;</p></body.content></body></nitf>", "undefined entity"),
    "package.xml": ("<packageItem guid='p'/>", "packageItem only refers to other items"),
    "empty-item.xml": ("<newsItem guid='g'><contentSet/></newsItem>", "no headline and no inline text"),
    "picture.xml": (
        "<newsItem guid='g'><itemMeta><itemClass qcode='ninat:picture'/></itemMeta></newsItem>",
        "not text",
    ),
    "bad-date.nitf": (
        "<nitf><head><docdata><date.issue norm='yesterday'/></docdata></head><body><body.head><hedline><hl1>x</hl1>"
        "</hedline></body.head></body></nitf>",
        "date.issue 'yesterday' is not an ISO 8601 date",
    ),
    "bad.jsonl": ('{"text": "قتل 5."}\n\n{"text": "x", \n', "line 3: invalid JSON at column 15"),
    "no-text.jsonl": ('{"text": "قتل 5."}\n{"id": "x"}\n', "line 2: the JSON object has no non-empty string 'text'"),
    "blank.jsonl": ("\n  \n", "the file is empty"),
    "photo.json": ('{"uri": "p:1", "type": "picture", "headline": "صورة"}', "of type 'picture', not text"),
    "bare.json": ('{"uri": "p:1"}', "no headline and no body"),
}


@pytest.mark.parametrize("name", sorted(BAD_XML))
def test_bad_wire_input(tmp_path: Path, name: str) -> None:
    content, needle = BAD_XML[name]
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    started = time.monotonic()
    code, out = cli("compare", str(p), str(WIRE / "ar_baghdad.nitf"), "--model", "none")
    assert code == 2 and "\n" not in out and needle in out and f"{p}:" in out and "[E100]" in out, out
    assert time.monotonic() - started < 20


def test_external_entities_and_dtds_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER", encoding="utf-8")
    dtd = tmp_path / "ext.dtd"
    dtd.write_text('<!ENTITY secret "SECRET-MARKER">', encoding="utf-8")
    body = "<nitf><body><body.head><hedline><hl1>a {ref} b</hl1></hedline></body.head></body></nitf>"
    cases = {
        "xxe.xml": (
            f'<!DOCTYPE nitf [<!ENTITY x SYSTEM "{secret.as_uri()}">]>' + body.format(ref="&x;"),
            "declares an entity ('x')",
        ),
        "xxe-passwd.xml": (
            '<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + body.format(ref="&x;"),
            "declares",
        ),
        "param.xml": (
            f'<!DOCTYPE nitf [<!ENTITY % p SYSTEM "{dtd.as_uri()}"> %p;]>' + body.format(ref=""),
            "parameter entity",
        ),
        "dtd.xml": (
            f'<!DOCTYPE nitf SYSTEM "{dtd.as_uri()}">' + body.format(ref="&secret;"),
            "&secret; is not defined",
        ),
    }
    for name, (content, needle) in cases.items():
        p = tmp_path / name
        p.write_text(content, encoding="utf-8")
        with pytest.raises(InputError, match=re.escape(needle)) as err:
            read_article(str(p))
        assert "SECRET" not in str(err.value) and "root:" not in str(err.value)
    p = tmp_path / "doctype.xml"  # a DOCTYPE that names a DTD is fine as long as nothing needs it
    p.write_text(f'<!DOCTYPE nitf SYSTEM "{dtd.as_uri()}">' + body.format(ref="&amp;"), encoding="utf-8")
    assert read_article(str(p)).text == "a & b"


# -- folders, --glob and standard input --------------------------------------------------------------
def test_folders_are_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel, src in [
        ("a.nitf", "ar_baghdad.nitf"),
        ("b/deep/c.json", "ar_baghdad_ninjs2.json"),
        ("b/m.xml", "ar_newsmessage.xml"),
        (".hidden/x.json", "ar_baghdad_ninjs1.json"),
        (".dot.json", "ar_baghdad_ninjs1.json"),
    ]:
        (tmp_path / rel).write_bytes((WIRE / src).read_bytes())
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    arts = read_articles([str(tmp_path)])
    assert [Path(a.path or "").relative_to(tmp_path).as_posix() for a in arts] == [
        "a.nitf",
        "b/m.xml",
        "b/m.xml",
        "b/deep/c.json",
    ]
    assert [Path(a.path or "").name for a in read_articles([str(tmp_path)], glob="*.xml")] == ["m.xml", "m.xml"]
    assert len(read_articles([str(tmp_path)], glob="b/deep/*")) == 1
    with pytest.raises(InputError, match=re.escape("no article file matching --glob '*.txt'")):
        read_articles([str(tmp_path)], glob="*.txt")
    with pytest.raises(InputError, match="same file is given twice"):
        read_articles([str(tmp_path), str(tmp_path / "a.nitf")])
    code, out = cli("compare", str(tmp_path), "--model", "none", "--glob", "*.nitf")
    assert code == 2 and "at least two articles" in out
    code, out = cli("compare", str(tmp_path), "--model", "none", "--format", "json", "--fail-on", "none")
    assert code == 0 and len(json.loads(out)["articles"]) == 4


@pytest.mark.parametrize(
    ("fixture", "ids"),
    [
        ("ar_baghdad.nitf", ["ar-20160119-baghdad-nitf"]),
        ("ar_feed.jsonl", ["feed-1", "urn:example:feed-2", "stdin:line5"]),
    ],
)
def test_standard_input_is_sniffed(monkeypatch: pytest.MonkeyPatch, fixture: str, ids: list[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((WIRE / fixture).read_bytes())))
    arts = read_file("-")
    assert [a.id for a in arts] == ids and all(a.path == "<stdin>" for a in arts)
