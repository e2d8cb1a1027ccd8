"""Counter tables kept up to date as rows arrive: ``lsh_bucket_sizes``, ``story_sizes``,
``profile_stories``, ``story_terms`` and ``profile_names`` (counts of names).

The linker asks "how full is this bucket", "how big is this story", "which stories name this
profile"; counting the rows each time reads more the larger the corpus grows, so the writes
that add those rows add to a counter in the same transaction and the reads are one indexed
probe. Each add is one INSERT ... ON CONFLICT DO UPDATE per key (SQLite and PostgreSQL), with
the keys summed first and sorted, so two writers at once neither lose a count nor deadlock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from ..errors import DatabaseError
from .compiled import execute_once_compiled

# The counted column of every counter table.
COUNT = "articles"


def add_counts(conn: Connection, table: Table, keys: Iterable[tuple], step: int = 1, **first) -> None:
    """Add ``step`` to the count of each key (a tuple of the table's primary key values, in
    column order) once per time it is listed; a new key starts at ``step``, with the columns
    ``first`` (values a row keeps from its first count)."""
    totals = Counter(keys)
    if not totals:
        return
    names = [column.name for column in table.primary_key.columns]
    rows = [{**dict(zip(names, key)), COUNT: times * step, **first} for key, times in sorted(totals.items())]
    execute_once_compiled(conn, _upsert, table, rows)


@cache
def _upsert(dialect_name: str, table: Table):
    """INSERT ... ON CONFLICT DO UPDATE adding to the count, built once per table: building it
    anew cost more than running it."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(dialect_name)
    if dialect is None:
        raise DatabaseError(f"newstrace stores in SQLite or PostgreSQL, not {dialect_name}.")
    statement = dialect.insert(table)
    names = [column.name for column in table.primary_key.columns]
    return statement.on_conflict_do_update(index_elements=names, set_={COUNT: table.c[COUNT] + statement.excluded[COUNT]})
