"""``checker feed``, the store, ``checker ingest`` / ``checker check`` and the engines."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.api import compare, make_article, render
from checker.cli import main

KING = "خادم الحرمين الشريفين يصل إلى طنجة في المملكة المغربية في إجازة خاصة"
KING_BODY = (
    "وصل الملك سلمان بن عبدالعزيز اليوم إلى مطار طنجة واستقبله رئيس الحكومة عبدالإله بنكيران ووالي طنجة "
    "محمد يعقوبي. ويرافق الملك {n} وزراء."
)
OIL = "إيران تتوقع زيادة إنتاج النفط 500 ألف برميل يوميا بعد رفع العقوبات"
OIL_BODY = (
    "قال وزير النفط الإيراني بيجن زنغنه إن إيران تتوقع زيادة إنتاجها من النفط 500 ألف برميل يوميا فور رفع العقوبات."
)
RAIN = "أمطار غزيرة على منطقة عسير"
RAIN_BODY = "هطلت أمطار غزيرة على أبها والمرتفعات المجاورة مساء أمس."


def row(i: str, title: str, body: str, source: str) -> dict[str, str]:
    return {"id": i, "title": title, "text": f"{title}\n\n{body}", "source": source, "published": "2015-08-02"}


FEED = [
    row("k1", KING, KING_BODY.format(n=5), "sabq"),
    row("o1", OIL, OIL_BODY, "alyaum"),
    row("k2", KING, KING_BODY.format(n=7), "okaz"),
    row("o2", OIL, OIL_BODY, "aleqtisadiya"),
    row("r1", RAIN, RAIN_BODY, "alwatan"),
]


def write(path: Path, rows: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture()
def feed(tmp_path: Path) -> str:
    return write(tmp_path / "feed.jsonl", FEED)


def test_feed_groups_and_checks_each_story(feed: str) -> None:
    code, out = run("feed", feed, "--model", "none", "--no-store", "--jobs", "1", "-f", "json")
    body = json.loads(out)
    assert code == 1  # the 5 / 7 ministers contradiction is an error
    assert [s["articles"] for s in body["stories"]] == [["k1", "k2"], ["o1", "o2"]]
    assert body["singletons"] == ["r1"]
    assert body["stories"][0]["contradiction"] >= 1
    # each story's report is what compare gives for its articles
    day = dt.date(2015, 8, 2)
    arts = [make_article(r["id"], r["text"], day, r["title"], r["source"], feed) for r in FEED[:3:2]]
    expected = json.loads(render(compare(arts, model="none"), "json"))
    assert body["stories"][0]["report"] == expected


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "sarif", "junit", "github", "gitlab"])
def test_every_format(feed: str, fmt: str) -> None:
    code, out = run("feed", feed, "--model", "none", "--no-store", "--jobs", "1", "-f", fmt)
    assert code == 1 and out
    if fmt == "html":
        assert 'href="#story-001"' in out and "<iframe srcdoc=" in out


def test_jobs_give_byte_identical_output(feed: str, tmp_path: Path) -> None:
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.json"
        run("feed", feed, "--model", "none", "--no-store", "--jobs", jobs, "-f", "json", "-o", str(out))
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_store_caches_analyses(feed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = str(tmp_path / "s" / "store.sqlite")
    _, cold = run("feed", feed, "--model", "none", "--store", store, "--jobs", "1")
    from checker.feed import check

    def boom(job: object) -> object:
        raise AssertionError("re-extracted an article the store holds")

    monkeypatch.setattr(check, "extract_task", boom)
    _, warm = run("feed", feed, "--model", "none", "--store", store, "--jobs", "1")
    assert warm == cold
    with sqlite3.connect(store) as c:
        assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert c.execute("SELECT count(*) FROM analyses").fetchone()[0] == 4
        assert c.execute("PRAGMA user_version").fetchone()[0] == 2


def test_store_refuses_newer_and_foreign_files(tmp_path: Path) -> None:
    from checker.errors import InputError
    from checker.feed.store import open_store

    newer = tmp_path / "newer.sqlite"
    with open_store(str(newer)):
        pass
    with sqlite3.connect(newer) as c:
        c.execute("PRAGMA user_version = 99")
    before = newer.read_bytes()
    with pytest.raises(InputError, match="newer checker"), open_store(str(newer)):
        pass
    assert newer.read_bytes() == before
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as c:
        c.execute("CREATE TABLE t (x)")
    with pytest.raises(InputError, match="not a checker store"), open_store(str(foreign)):
        pass
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(InputError, match="not a usable checker store"), open_store(str(junk)):
        pass


def test_interrupted_write_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    from checker.feed.store import open_store

    path = str(tmp_path / "store.sqlite")
    a = make_article("a", "نص")
    with open_store(path) as store:
        with pytest.raises(KeyboardInterrupt), store.transaction() as c:
            c.execute("INSERT INTO stories VALUES ('a', 'a')")
            raise KeyboardInterrupt
        store.add_articles([a], {"a": {"نص": 1.0}})
        assert store.counts()["articles"] == 1
        assert store.conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 0


def test_ingest_then_check_gates_new_copy(tmp_path: Path) -> None:
    store = str(tmp_path / "store.sqlite")
    first = write(tmp_path / "first.jsonl", [FEED[0], FEED[1], FEED[4]])
    code, _ = run("ingest", first, "--store", store, "--model", "none")
    assert code == 0  # nothing to compare with yet
    new = write(tmp_path / "new.jsonl", [FEED[2]])
    code, out = run("check", new, "--store", store, "--model", "none", "-f", "json")
    body = json.loads(out)
    assert code == 1 and body["stories"][0]["articles"] == ["k1", "k2"]
    with sqlite3.connect(store) as c:  # check did not add it
        assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    clean = write(tmp_path / "clean.jsonl", [FEED[3]])
    code, _ = run("ingest", clean, "--store", store, "--model", "none")
    assert code == 0
    with sqlite3.connect(store) as c:
        assert c.execute("SELECT story FROM stories WHERE article = 'o2'").fetchone()[0] == "o1"


def test_dask_engine_gives_the_same_report(feed: str, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local.json"
    run("feed", feed, "--model", "none", "--no-store", "--jobs", "1", "-f", "json", "-o", str(local))
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        out = tmp_path / "dask.json"
        code, msg = run(
            "feed",
            feed,
            "--model",
            "none",
            "--no-store",
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
            "-f",
            "json",
            "-o",
            str(out),
        )
        assert code == 1, msg
    assert out.read_bytes() == local.read_bytes()


def test_store_caches_story_reports_and_knows_when_they_are_stale(
    feed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.feed import check

    store = str(tmp_path / "store.sqlite")
    calls: list[object] = []
    real = check.check_task

    def counted(job: object) -> object:
        calls.append(job)
        return real(job)  # type: ignore[arg-type]

    monkeypatch.setattr(check, "check_task", counted)
    _, cold = run("feed", feed, "--model", "none", "--store", store, "--jobs", "1", "-f", "json")
    assert len(calls) == 2  # two stories
    _, warm = run("feed", feed, "--model", "none", "--store", store, "--jobs", "1", "-f", "json")
    assert warm == cold and len(calls) == 2  # nothing aligned or checked again
    run("feed", feed, "--model", "none", "--store", store, "--jobs", "1", "--ignore", "CT101")
    assert len(calls) == 4  # other rules: other reports
    changed = [dict(r) for r in FEED]
    changed[2]["text"] = changed[2]["text"].replace("7 وزراء", "9 وزراء")
    run("feed", write(Path(feed), changed), "--model", "none", "--store", store, "--jobs", "1")
    assert len(calls) == 5  # only the story whose copy changed (reports name the file: same path)


def test_a_version_1_store_is_upgraded_and_its_terms_counted_again(feed: str, tmp_path: Path) -> None:
    from checker.feed import store as st

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path, isolation_level=None) as c:
        for statement in st.MIGRATIONS[0]:
            c.execute(statement)
        c.execute("PRAGMA user_version = 1")
        old = ("k1", "x", "sabq", None, "2015-08-02", 735812, None, "نص قديم", '{"@قديم": 1.0}')
        c.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", old)
    _, out = run("feed", feed, "--model", "none", "--store", str(path), "--jobs", "1", "-f", "json")
    _, fresh = run("feed", feed, "--model", "none", "--no-store", "--jobs", "1", "-f", "json")
    assert out == fresh
    with sqlite3.connect(path) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == len(st.MIGRATIONS)
        assert c.execute("SELECT count(*) FROM articles WHERE terms_key IS NULL").fetchone()[0] == 0


def test_feed_resolves_relative_days_against_the_publication_date_as_compare_does(tmp_path: Path) -> None:
    # «أمس» and «أمس الأول» in two papers of one date are two days: the feed extracts each article apart
    # (and caches it) for its date alone, yet must judge its relative days as exactly as compare does
    rows = [
        row("r1", RAIN, "هطلت أمطار غزيرة على أبها والمرتفعات المجاورة في منطقة عسير مساء أمس.", "alwatan"),
        row("r2", RAIN, "هطلت أمطار غزيرة على أبها والمرتفعات المجاورة في منطقة عسير مساء أمس الأول.", "alyaum"),
    ]
    path = write(tmp_path / "rain.jsonl", rows)
    code, out = run("feed", path, "--model", "none", "--no-store", "--jobs", "1", "-f", "json")
    body = json.loads(out)
    assert code == 1  # a contradiction is an error
    day = dt.date(2015, 8, 2)
    arts = [make_article(r["id"], r["text"], day, r["title"], r["source"], path) for r in rows]
    expected = json.loads(render(compare(arts, model="none"), "json"))
    assert [f["rule"] for f in expected["findings"] if f["kind"] == "contradiction"] == ["CT102"]
    assert body["stories"][0]["report"] == expected


def test_the_feed_consistency_benchmark_finds_no_difference(feed: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent))  # benchmarks/: not installed
    from benchmarks import feed_consistency

    out = tmp_path / "report.json"
    code, _ = run("feed", feed, "--model", "none", "--no-store", "--jobs", "1", "-f", "json", "-o", str(out))
    assert code == 1 and out.is_file()
    assert feed_consistency.main([str(out), feed]) == 0
