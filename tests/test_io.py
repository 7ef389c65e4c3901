"""Reading input: every bad file is one clear InputError naming the file; inputs are never changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.io import read_article, read_articles


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
    from checker.io import parse_date

    with pytest.raises(InputError):
        parse_date(value)
