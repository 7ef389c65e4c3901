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
* **Analyses** are keyed by ``sha256`` of (article id, text), the model's name, the checker version
  and the reference date: a re-run over the same copy re-tags nothing; a new model or a new
  checker version analyses again. They are pickled (zlib-compressed) ``Context`` objects: open only
  stores you wrote yourself, as with any pickle.
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
from checker.model import Article

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
)
DEFAULT_PATH = ".checker/store.sqlite"


def text_hash(article: Article) -> str:
    return hashlib.sha256(f"{article.id}\0{article.text}".encode()).hexdigest()


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
        from checker import __version__

        basis = json.dumps([text_hash(article), model, __version__, ref.isoformat() if ref else None])
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

    def add_article(self, article: Article, terms: dict[str, float]) -> None:
        when = article.published_at.date() if article.published_at else article.published
        row = (
            article.id,
            text_hash(article),
            article.source,
            article.title,
            when.isoformat() if when else None,
            when.toordinal() if when else None,
            article.path,
            article.text,
            json.dumps(terms, ensure_ascii=False, sort_keys=True),
        )
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)

    def window(self, day: int | None, days: int) -> list[tuple[Article, dict[str, float]]]:
        """The copy received within *days* of *day* (all of it when *day* is unknown), with its terms."""
        sql = "SELECT id, source, title, published, path, text, terms FROM articles"
        args: tuple[int, ...] = ()
        if day is not None:
            sql += " WHERE day IS NULL OR day BETWEEN ? AND ?"
            args = (day - days, day + days)
        out = []
        for aid, source, title, published, path, text, terms in self.conn.execute(sql + " ORDER BY id", args):
            pub = dt.date.fromisoformat(published) if published else None
            art = Article(id=aid, text=text, path=path, title=title, source=source, published=pub)
            out.append((art, json.loads(terms)))
        return out

    def assign(self, groups: Sequence[Sequence[Article]]) -> None:
        """Record each article's story (named by its first article's id), one article at a time."""
        for g in groups:
            for a in g:
                with self.transaction() as c:
                    c.execute("INSERT OR REPLACE INTO stories VALUES (?, ?)", (a.id, g[0].id))

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "analyses")}


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
    except sqlite3.DatabaseError as exc:
        raise InputError(f"not a usable checker store: {exc}", path=path) from None
    try:
        yield Store(conn, path)
    finally:
        conn.close()
