"""The feed store: one SQLite file (the standard library's :mod:`sqlite3`) holding the copy received,
each article's analysis (cached per text, model and checker version) and its story.

* **Schema migrations** are numbered SQL scripts (:data:`MIGRATIONS`); the file's
  ``PRAGMA user_version`` says how many were applied. Opening a store applies the missing ones,
  each in one transaction; a store from a *newer* checker (a higher number), a SQLite file that is
  not a checker store and a file that is not SQLite at all are refused with an error (exit 2),
  never touched.
* **Writes are transactional per article**: an article, its analysis or its story assignment is
  written in one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), so an interrupted run leaves the
  store as it was before or after each article. The journal is SQLite's write-ahead log.
* **Analyses** are keyed by ``sha256`` of (article id, text), the model's name, the checker version,
  the lexicons in use (:func:`checker.lexicons.fingerprint`) and the reference date: a re-run over
  the same copy re-tags nothing; a new model, checker version or lexicon analyses again.
* **Story reports** are keyed by a hash of everything a story's report depends on (its articles
  and their metadata, reference dates, rules, house vocabulary, model, lexicons and version,
  :func:`checker.feed.check.report_key`): a re-run over an unchanged story neither aligns nor
  runs a rule.
* Analyses and reports are pickled (zlib-compressed): open only stores you wrote yourself, as with
  any pickle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pickle
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from checker.errors import InputError
from checker.extract.base import Context
from checker.feed.check import Cache
from checker.model import Article, Report

APPLICATION = "checker-store"

#: schema migrations: MIGRATIONS[k] takes a store from version k to version k + 1
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        f"INSERT INTO meta VALUES ('application', '{APPLICATION}')",
        "CREATE TABLE articles (id TEXT PRIMARY KEY, text_hash TEXT NOT NULL, source TEXT, title TEXT, "
        "published TEXT, day INTEGER, path TEXT, text TEXT NOT NULL, terms TEXT NOT NULL)",
        "CREATE INDEX articles_day ON articles (day)",
        "CREATE TABLE analyses (key TEXT PRIMARY KEY, article TEXT NOT NULL, model TEXT NOT NULL, "
        "version TEXT NOT NULL, data BLOB NOT NULL)",
        "CREATE TABLE stories (article TEXT PRIMARY KEY, story TEXT NOT NULL)",
    ),
    (
        "CREATE TABLE reports (key TEXT PRIMARY KEY, version TEXT NOT NULL, data BLOB NOT NULL)",
        # the checker version and lexicons the grouping terms were counted with
        "ALTER TABLE articles ADD COLUMN terms_key TEXT",
    ),
)
DEFAULT_PATH = ".checker/store.sqlite"


def text_hash(article: Article) -> str:
    return hashlib.sha256(f"{article.id}\0{article.text}".encode()).hexdigest()


def terms_key() -> str:
    """What an article's grouping terms depend on besides its text and title."""
    from checker import __version__, lexicons

    return f"{__version__}:{lexicons.fingerprint()}"


class Store(Cache):
    """An open store (use :func:`open_store`)."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn, self.path = conn, path

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @staticmethod
    def _key(article: Article, ref: dt.date | None, model: str) -> str:
        from checker import __version__, lexicons

        when = ref.isoformat() if ref else None
        basis = json.dumps([text_hash(article), model, __version__, lexicons.fingerprint(), when])
        return hashlib.sha256(basis.encode()).hexdigest()

    def get(self, article: Article, ref: dt.date | None, model: str) -> Context | None:
        row = self.conn.execute("SELECT data FROM analyses WHERE key = ?", (self._key(article, ref, model),)).fetchone()
        if row is None:
            return None
        ctx: Context = pickle.loads(zlib.decompress(row[0]))
        return ctx

    def put(self, article: Article, ref: dt.date | None, model: str, ctx: Context) -> None:
        from checker import __version__

        data = zlib.compress(pickle.dumps(ctx, protocol=pickle.HIGHEST_PROTOCOL), 6)
        with self.transaction() as c:
            c.execute(
                "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?)",
                (self._key(article, ref, model), article.id, model, __version__, data),
            )

    def get_report(self, key: str) -> Report | None:
        row = self.conn.execute("SELECT data FROM reports WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        report: Report = pickle.loads(zlib.decompress(row[0]))
        return report

    def put_report(self, key: str, report: Report) -> None:
        from checker import __version__

        data = zlib.compress(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL), 6)
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?)", (key, __version__, data))

    def known_terms(self, articles: Sequence[Article]) -> dict[str, dict[str, float]]:
        """The grouping terms kept for each article whose stored text is the same."""
        out: dict[str, dict[str, float]] = {}
        want = {a.id: (text_hash(a), a.title, terms_key()) for a in articles}
        ids = sorted(want)
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id, text_hash, title, terms_key, terms FROM articles WHERE id IN ({marks})"
            for aid, h, title, tk, terms in self.conn.execute(sql, chunk):
                if want[aid] == (h, title, tk):
                    out[aid] = json.loads(terms)
        return out

    def add_articles(self, articles: Sequence[Article], terms: dict[str, dict[str, float]]) -> None:
        """Add or update each article (one transaction each); an unchanged one is not written again."""
        ids = sorted({a.id for a in articles})
        stored: dict[str, tuple[object, ...]] = {}
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            sql = f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            stored.update({row[0]: tuple(row) for row in self.conn.execute(sql, chunk)})
        for a in articles:
            row = self._row(a, terms[a.id])
            if stored.get(a.id) != row:
                with self.transaction() as c:
                    c.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)

    def add_article(self, article: Article, terms: dict[str, float]) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self._row(article, terms)
            )

    @staticmethod
    def _row(article: Article, terms: dict[str, float]) -> tuple[object, ...]:
        when = article.published_at.date() if article.published_at else article.published
        return (
            article.id,
            text_hash(article),
            article.source,
            article.title,
            when.isoformat() if when else None,
            when.toordinal() if when else None,
            article.path,
            article.text,
            json.dumps(terms, ensure_ascii=False, sort_keys=True),
            terms_key(),
        )

    def window(self, day: int | None, days: int) -> list[tuple[Article, dict[str, float]]]:
        """The copy received within *days* of *day* (all of it when *day* is unknown), with its terms
        (counted again when they were counted by another checker version or other lexicons)."""
        from checker.feed.group import counts

        sql = "SELECT id, source, title, published, path, text, terms, terms_key FROM articles"
        args: tuple[int, ...] = ()
        if day is not None:
            sql += " WHERE day IS NULL OR day BETWEEN ? AND ?"
            args = (day - days, day + days)
        out = []
        current = terms_key()
        stale = []
        for aid, source, title, published, path, text, terms, tk in self.conn.execute(sql + " ORDER BY id", args):
            pub = dt.date.fromisoformat(published) if published else None
            art = Article(id=aid, text=text, path=path, title=title, source=source, published=pub)
            out.append((art, json.loads(terms) if tk == current else counts(art)))
            if tk != current:
                stale.append((json.dumps(out[-1][1], ensure_ascii=False, sort_keys=True), current, aid))
        if stale:  # counted again: kept, so the next check does not count them again
            with self.transaction() as c:
                c.executemany("UPDATE articles SET terms = ?, terms_key = ? WHERE id = ?", stale)
        return out

    def stories(self) -> dict[str, str]:
        """Each stored article's story (named by an article id)."""
        return dict(self.conn.execute("SELECT article, story FROM stories").fetchall())

    def assign(self, groups: Sequence[Sequence[Article]]) -> None:
        """Record each article's story (named by its first article's id), in one transaction (the
        story map is never half of one run and half of another); unchanged rows are not rewritten."""
        current = dict(self.conn.execute("SELECT article, story FROM stories").fetchall())
        rows = [(a.id, g[0].id) for g in groups for a in g if current.get(a.id) != g[0].id]
        if rows:
            with self.transaction() as c:
                c.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?)", rows)

    def counts(self) -> dict[str, int]:
        tables = ("articles", "analyses", "reports")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _migrate(conn: sqlite3.Connection, path: str) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version == 0 and tables:
        raise InputError("a SQLite file that is not a checker store; give another --store", path=path)
    if version > 0:
        app = conn.execute("SELECT value FROM meta WHERE key = 'application'").fetchone() if "meta" in tables else None
        if not app or app[0] != APPLICATION:
            raise InputError("a SQLite file that is not a checker store; give another --store", path=path)
    if version > len(MIGRATIONS):
        raise InputError(
            f"the store has schema version {version}, written by a newer checker; this one knows up to "
            f"{len(MIGRATIONS)}: upgrade checker or give another --store (the store was not changed)",
            path=path,
        )
    for k in range(version, len(MIGRATIONS)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[k]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {k + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


@contextmanager
def open_store(path: str) -> Iterator[Store]:
    """Open (creating it and its folder on first use) and migrate the store at *path*."""
    p = Path(path)
    if p.is_dir():
        raise InputError("the store is a folder; give a file path", path=path)
    p.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(p), isolation_level=None, timeout=30)
        _migrate(conn, path)  # refuses a foreign file before anything is written to it
        conn.execute("PRAGMA journal_mode = WAL")
        # with the write-ahead log, NORMAL never corrupts the file; a power cut may lose the last
        # transactions (each whole), not half of one, and it saves an fsync per article
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise InputError(f"not a usable checker store: {exc}", path=path) from None
    try:
        yield Store(conn, path)
    finally:
        conn.close()
