"""Reading input: every bad file is one clear InputError naming the file; inputs are never changed."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.read import read_article, read_articles


def write(tmp_path: Path, name: str, data: bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


def test_txt_with_bom(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", "\ufeffقال الوزير".encode())
    art = read_article(p)
    assert art.id == "a" and art.text == "قال الوزير"


def test_utf16_with_bom(tmp_path: Path) -> None:
    p = write(tmp_path, "u.txt", "قال الوزير".encode("utf-16"))
    assert read_article(p).text == "قال الوزير"


def test_json_article(tmp_path: Path) -> None:
    body = {"id": "x1", "text": "نص", "title": "t", "published": "2016-01-20"}
    art = read_article(write(tmp_path, "a.json", json.dumps(body).encode()))
    assert art.id == "x1" and art.published is not None and art.published.isoformat() == "2016-01-20"


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t ", "empty"),
        ("cp1256.txt", "قال".encode("cp1256"), "not UTF-8"),
        ("a.pdf", b"%PDF", "unsupported"),
        ("bad.json", b"{not json", "invalid JSON"),
        ("list.json", b"[1, 2]", "object"),
        ("notext.json", b'{"id": "a"}', "text"),
        ("badid.json", b'{"id": 5, "text": "x"}', "'id'"),
        ("baddate.json", b'{"text": "x", "published": "yesterday"}', "YYYY-MM-DD"),
    ],
)
def test_bad_input(tmp_path: Path, name: str, data: bytes, needle: str) -> None:
    p = write(tmp_path, name, data)
    before = Path(p).read_bytes()
    with pytest.raises(InputError) as err:
        read_article(p)
    assert needle in str(err.value)
    assert name in str(err.value)  # the message names the file
    assert Path(p).read_bytes() == before


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(str(tmp_path / "nope.txt"))
    d = tmp_path / "d.txt"
    d.mkdir()
    with pytest.raises(InputError, match="directory"):
        read_article(str(d))


def test_duplicate_ids_get_suffix(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    a = write(tmp_path, "a.txt", "نص".encode())
    b = write(tmp_path / "x", "a.txt", "نص آخر".encode())
    ids = [x.id for x in read_articles([a, b])]
    assert ids == ["a", "a~2"]


def test_three_way_id_clash_and_same_file_twice(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    a = write(tmp_path, "a.txt", "نص".encode())
    b = write(tmp_path / "x", "a.txt", "نص آخر".encode())
    c = write(tmp_path, "c.json", b'{"id": "a~2", "text": "\\u0646\\u0635"}')
    ids = [x.id for x in read_articles([a, b, c])]
    assert len(set(ids)) == 3
    with pytest.raises(InputError, match="twice"):
        read_articles([a, a])


@pytest.mark.parametrize("value", ["20160120", "2016-01-20xyz", "9999-01-01", "0001-01-01"])
def test_strict_dates(value: str) -> None:
    from checker.read import parse_date

    with pytest.raises(InputError):
        parse_date(value)


def test_txt_positions_count_lines_after_the_bom(tmp_path: Path) -> None:
    art = read_article(write(tmp_path, "a.txt", "\ufeffسطر\r\nثان\rثالث".encode()))
    assert art.position(0) == (1, 1) and art.position(5) == (2, 1) and art.position(10) == (3, 2)


def _written_at(raw: str, at: int) -> str:
    """The character that the JSON string body in ``raw`` writes at offset ``at`` (plain or escaped)."""
    if raw[at] != "\\":
        return raw[at]
    for width in (12, 6, 2):  # a surrogate pair, \\uXXXX, \\n and the like
        try:
            piece = json.loads('"' + raw[at : at + width] + '"')
        except json.JSONDecodeError:
            continue
        if len(piece) == 1:
            return piece
    raise AssertionError(f"no escape at {at}")


@pytest.mark.parametrize("ascii_only", [True, False])
@pytest.mark.parametrize("indent", [None, 2])
def test_json_offsets_point_at_the_character_in_the_file(tmp_path: Path, ascii_only: bool, indent: int | None) -> None:
    text = 'قال "الوزير":\n\tقتل 5 أشخاص\\ 😀 في بغداد/ \u2028 é'
    body = {"id": "x", "meta": {"text": "inner"}, "title": "text", "text": text, "source": "s"}
    raw = json.dumps(body, ensure_ascii=ascii_only, indent=indent)
    art = read_article(write(tmp_path, "a.json", raw.encode()))
    assert art.text == text and art.origin is not None
    lines = re.split(r"\r\n|\r|\n", raw)
    for i, ch in enumerate(text):
        at = art.origin.offset(i)
        assert _written_at(raw, at) == ch, (i, ch)
        line, col = art.position(i)
        assert lines[line - 1][col - 1] == raw[at]
    assert raw[art.origin.offset(len(text))] == '"'  # an end offset points at the closing quote


def test_json_positions_across_lines(tmp_path: Path) -> None:
    raw = '{\n  "title": "old",\n  "id": "x",\n  "text": "سطر\\nثان\\/\\u0646"\n}\n'
    art = read_article(write(tmp_path, "a.json", raw.encode()))
    assert art.text == "سطر\nثان/ن"
    got = [art.position(i) for i in (0, 3, 4, 7, 8, 9)]
    assert got == [(4, 12), (4, 15), (4, 17), (4, 20), (4, 22), (4, 28)]


def test_json_repeated_key_is_refused(tmp_path: Path) -> None:
    raw = '{"text": "old", "text": "new"}'
    with pytest.raises(InputError, match="twice"):
        read_article(write(tmp_path, "a.json", raw.encode()))


@pytest.mark.parametrize(
    ("data", "path", "title"), [("قال الوزير", "-", None), ('{"text": "قال الوزير", "title": "t"}', "<stdin>", "t")]
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: str, path: str, title: str | None) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    art = read_article("-")
    assert (art.id, art.path, art.title, art.text) == ("stdin", path, title, "قال الوزير")
