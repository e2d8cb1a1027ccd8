"""One process links at a time: the lock ``Linker.link_one`` holds around one article's linking.

Two ingests of one database (or ``--workers`` runs, or an ingest beside ``newstrace link``)
each store their own articles; if both then linked at the same moment, neither would see the
other's new article in the candidate index, and the copy link between the two would be lost
(seen in tests/test_hostile.py on PostgreSQL). Linked one at a time, whichever of the two is
linked second finds the first. Storing and parsing still run in parallel.

- PostgreSQL: a transaction-scoped advisory lock on a connection held for the article.
- SQLite file: an exclusive ``flock`` on a file beside the database (``<file>-link.lock``).
  The database's own write lock cannot serve: linking writes through other connections, which
  would then wait on it. The database file itself must not be opened for the lock either:
  closing any descriptor of it drops SQLite's own POSIX locks held by this process.
- In-memory SQLite, or where the lock file cannot be made: no lock (one process only).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import text
from sqlalchemy.engine import Engine

try:
    import fcntl
except ImportError:  # not on this platform: SQLite files are linked without the lock
    fcntl = None  # type: ignore[assignment]

# Any fixed number other than migrate.SCHEMA_LOCK: the PostgreSQL advisory lock of linking.
LINK_LOCK = 7_262_012


@contextlib.contextmanager
def linking_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's linking lock for the block (waits for another process's)."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LINK_LOCK})
            yield
        return
    database = engine.url.database
    if fcntl is None or engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    try:
        handle = open(f"{database}-link.lock", "a")  # noqa: SIM115 — closed below, after the block
    except OSError:  # a read-only folder: nothing else can write here either
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
