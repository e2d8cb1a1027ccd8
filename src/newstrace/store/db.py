"""The database: one ``Store`` object that owns every query, over SQLAlchemy Core.

``Store("newstrace.db")`` opens (and creates) an SQLite file;
``Store("postgresql://...")`` a PostgreSQL database. Every query is portable
Core, so both run the same code. The queries live in one module per concern,
each a part of ``Store``:

    articles.py   articles and their facts (write one analysis, read analyses back)
    lsh.py        the candidate index's band rows
    links.py      fingerprints and the verified pairs (copies, same_story)
    profiles.py   person profiles: resolution's reads and writes, profiles read back
    stories.py    which story each article belongs to, and the stories read back
    named_lists.py  one named list across a story's articles, and the lists a person is on
    link_lock.py  one process links at a time (the copy link between two parallel ingests)
    triggers.py   counts the lists are ordered and totalled by, kept by triggers on the rows they count
    migrate.py    opening a file of an older schema version
"""

from __future__ import annotations

import sqlite3
import time

from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import DatabaseError
from . import schema
from .articles import ArticleQueries, insert_new
from .link_lock import linking_lock
from .links import LinkQueries
from .lsh import LshQueries
from .migrate import prepare
from .named_lists import ListQueries
from .profiles import ProfileQueries
from .stories import StoryQueries

DEFAULT_DB = "newstrace.db"

__all__ = ["DEFAULT_DB", "Store", "database_url", "insert_new"]


def database_url(db: str | Path) -> str:
    """An SQLAlchemy URL from a file path or a URL."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


# Tries and the pause between them when the journal mode cannot be set yet (about 5 s in all).
WAL_ATTEMPTS, WAL_RETRY_SECONDS = 50, 0.1
# Seconds a connection waits for another's write lock before "database is locked".
SQLITE_BUSY_SECONDS = 30
# WAL pages between checkpoints (see _sqlite_pragmas).
WAL_CHECKPOINT_PAGES = 20_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL + NORMAL: a commit per article stays cheap, and readers never block the writer.
    # Setting WAL on a new file needs it to itself: a second process opening the same new
    # file at that moment is told "locked" at once (no busy wait), so it tries again.
    for attempt in range(WAL_ATTEMPTS):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(WAL_RETRY_SECONDS)
    cursor.execute("PRAGMA synchronous=NORMAL")
    # 64 MiB page cache (default 2 MiB): the LSH candidate index stays in memory, so linking
    # time per article stays flat from 10k to 100k articles (measured in bench/provenance.py --scale).
    cursor.execute("PRAGMA cache_size=-65536")
    # The WAL is copied back into the database file (and synced) once it holds this many pages
    # (default 1,000: every ten or so linked articles). Linking rewrites the same index and counter
    # pages article after article, so a longer WAL copies each of them back once for many articles:
    # linking the 200 bench/scale.py articles after 2,002 took 229 wall ms per article at 1,000
    # (CPU 129-131), 147-158 at 20,000 (CPU 109-115), on the shared machine. The WAL file grows to
    # about 80 MB between checkpoints and goes when the last connection closes.
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    cursor.close()


class Store(ArticleQueries, LshQueries, LinkQueries, ProfileQueries, StoryQueries, ListQueries):
    """Articles, their facts and every linking table in one database."""

    def __init__(self, db: str | Path = DEFAULT_DB, create: bool = True) -> None:
        self.url = database_url(db)
        if not create and "://" not in str(db) and not Path(db).expanduser().exists():
            raise DatabaseError(f"No database at {db}: ingest articles first (newstrace ingest PATH --db {db}).")
        try:
            sqlite_file = self.url.startswith("sqlite")
            self.engine: Engine = create_engine(
                self.url, connect_args={"timeout": SQLITE_BUSY_SECONDS} if sqlite_file else {}
            )
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            prepare(self.engine)
        except SQLAlchemyError as error:
            raise DatabaseError(f"Cannot open database {db}: {error.__class__.__name__}: {error.args[0]}") from None
        except ImportError as error:  # the URL names a database whose driver is not installed
            raise DatabaseError(f"Cannot open database {db}: its driver is not installed ({error.name}).") from None

    @property
    def shared_url(self) -> str | None:
        """The URL another process opens this database by; None for an in-memory SQLite
        database, which only this process sees."""
        return None if self.engine.url.database in (None, "", ":memory:") and self.url.startswith("sqlite") else self.url

    def linking_lock(self):
        """One process at a time links an article (see link_lock.py)."""
        return linking_lock(self.engine)

    def meta_value(self, key: str) -> str | None:
        """A value of the ``meta`` table (``schema_version``, ``sketch_version``), None when unset."""
        with self.engine.connect() as conn:
            return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()

    def set_meta_value(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            upsert = insert_new(schema.meta, self.engine.dialect.name, replace={"value": value})
            conn.execute(upsert.values(key=key, value=value))
