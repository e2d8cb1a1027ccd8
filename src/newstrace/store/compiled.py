"""Statements SQLAlchemy cannot keep in its compiled cache, compiled once and kept here.

A dialect's ``INSERT ... ON CONFLICT`` (``sqlite.insert``, ``postgresql.insert``: the upserts of
the counter tables, the insert that claims a new article's id) sets ``inherit_cache = False``, so
``Connection.execute`` compiles it anew at every call: about 80 of the 100 us an upsert of a few
rows cost, several times per article stored and linked.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from sqlalchemy import Table
from sqlalchemy.engine import Connection, CursorResult, Dialect
from sqlalchemy.sql.compiler import Compiled

# Compiled statements kept: a few tables x row shapes per dialect; one dialect per engine, so a
# process that opens many databases (the tests) keeps only the latest engines' statements.
COMPILED_KEPT = 256


def execute_once_compiled(conn: Connection, build: Callable, table: Table, rows: dict | list[dict]) -> CursorResult:
    """``conn.execute(build(dialect name, table), rows)``, the statement compiled once per dialect,
    table and shape of ``rows`` (the keys of its first row, one row or several) instead of at
    every call. ``build`` must return the same statement for the same arguments."""
    many = isinstance(rows, list) and len(rows) > 1
    first = rows[0] if isinstance(rows, list) else rows
    return conn.execute(_compiled(conn.dialect, build, table, tuple(sorted(first)), many), rows)


@lru_cache(maxsize=COMPILED_KEPT)
def _compiled(dialect: Dialect, build: Callable, table: Table, keys: tuple[str, ...], many: bool) -> Compiled:
    # As Connection.execute compiles a statement: the columns of the parameters' keys, and the
    # form for several rows when there are several.
    return build(dialect.name, table).compile(dialect=dialect, column_keys=list(keys), for_executemany=many)
