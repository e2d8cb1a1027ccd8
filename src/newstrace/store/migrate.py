"""Opening a database of any earlier layout: numbered migrations up to ``SCHEMA_VERSION``.

Each migration brings a file from the version before it to its own number, so a file
of version 1 runs 2, 3 and 4 in order. ``create_all`` first adds every table a file
lacks (empty); the migrations then change what ``create_all`` cannot (a column added
to an existing table, rows derived from older tables).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import bindparam, func, inspect, insert, literal_column, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import CreateIndex

from ..errors import DatabaseError
from ..link.published import published_day
from . import schema, triggers
from .profiles import EMPTY_CLAIM, article_summaries
from .schema import SCHEMA_VERSION, articles, entities, lsh_buckets, profile_members, profile_names, story_articles


def _linking_tables(conn: Connection) -> None:
    """2: the linking tables (fingerprints ... story_articles), created empty: the articles
    already stored are linked by `newstrace link`, which links every article not in a story yet."""


def _spelling_counts(conn: Connection) -> None:
    """3: profile_names, filled from the members of the profiles resolved before it existed:
    each member's name counts once, its aliases are recorded with no count."""
    rows = conn.execute(
        select(profile_members.c.profile_id, entities.c.name, entities.c.aliases, articles.c.ingested_at)
        .join(
            entities,
            (entities.c.article_id == profile_members.c.article_id)
            & (entities.c.entity_id == profile_members.c.entity_id),
        )
        .join(articles, articles.c.id == profile_members.c.article_id)
        .order_by(articles.c.ingested_at, profile_members.c.article_id, profile_members.c.entity_id)
    ).all()
    counts: dict[tuple[str, str], dict] = {}
    for row in rows:
        for spelling, count in ((row.name, 1), *((alias, 0) for alias in row.aliases)):
            found = counts.setdefault(
                (row.profile_id, spelling),
                {"profile_id": row.profile_id, "name": spelling, "articles": 0, "first_seen": row.ingested_at},
            )
            found["articles"] += count
    if counts:  # the display names stay as they were until a profile next grows
        conn.execute(insert(profile_names), list(counts.values()))


def _link_direction(conn: Connection) -> None:
    """4: links.direction (NULL for the links stored before: not recorded)."""
    if "direction" not in {column["name"] for column in inspect(conn).get_columns("links")}:
        conn.execute(text("ALTER TABLE links ADD COLUMN direction TEXT"))


# Columns added to the fact tables after they were first created: (table, column, SQL type).
ADDED_FACT_COLUMNS = (
    ("quotes", "medium", "TEXT"), ("quotes", "group_id", "INTEGER"), ("quotes", "time", "JSON"),
    ("events", "actors", "JSON"),
    ("events", "mediators", "JSON"), ("events", "channel", "TEXT"), ("events", "frameworks", "JSON"),
)


def _fact_columns(conn: Connection) -> None:
    """5: quotes' medium, group and time; events' typed actors, mediators, channel and
    frameworks (NULL for the facts stored before: not read); the lists table is new (empty)."""
    _add_columns(conn, ADDED_FACT_COLUMNS)


# Columns added in schema 7 (table, column, SQL type).
ADDED_LIST_COLUMNS = (
    ("lists", "member_evidence", "JSON"), ("events", "channel_evidence", "JSON"), ("events", "modal", "TEXT"),
)


def _add_columns(conn: Connection, added) -> None:
    for table, column, sql_type in added:
        if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))


def _linking_summaries(conn: Connection) -> None:
    """6: the counters and member claims linking reads instead of rows that grow with the corpus
    (lsh_bucket_sizes, story_sizes, profile_stories, member_claims; profile_keys.touched), filled
    from the rows stored before: the members numbered in the order they joined (SQLite's row
    order; elsewhere their articles' ingest order), as resolution would have written them."""
    if "touched" not in {c["name"] for c in inspect(conn).get_columns("profile_keys")}:
        conn.execute(text("ALTER TABLE profile_keys ADD COLUMN touched INTEGER NOT NULL DEFAULT 0"))
    for index in (*schema.profile_keys.indexes, *schema.profile_names.indexes):
        index.create(conn, checkfirst=True)
    count = func.count().label("articles")
    buckets = select(lsh_buckets.c.kind, lsh_buckets.c.bucket, count).group_by(lsh_buckets.c.kind, lsh_buckets.c.bucket)
    conn.execute(insert(schema.lsh_bucket_sizes).from_select(["kind", "bucket", "articles"], buckets))
    sizes = select(story_articles.c.story_id, count).group_by(story_articles.c.story_id)
    conn.execute(insert(schema.story_sizes).from_select(["story_id", "articles"], sizes))
    named = (
        select(profile_members.c.profile_id, story_articles.c.story_id, count)
        .join(story_articles, story_articles.c.article_id == profile_members.c.article_id)
        .group_by(profile_members.c.profile_id, story_articles.c.story_id)
    )
    conn.execute(insert(schema.profile_stories).from_select(["profile_id", "story_id", "articles"], named))
    joined = (
        (literal_column("profile_members.rowid"),)
        if conn.dialect.name == "sqlite"
        else (articles.c.ingested_at, profile_members.c.article_id, profile_members.c.entity_id)
    )
    members = conn.execute(
        select(profile_members.c.article_id, profile_members.c.entity_id, profile_members.c.profile_id)
        .join(articles, articles.c.id == profile_members.c.article_id)
        .order_by(*joined)
    ).all()
    seq = 0
    for start in range(0, len(members), MIGRATION_CHUNK):
        chunk = members[start : start + MIGRATION_CHUNK]
        summaries = article_summaries(conn, sorted({m.article_id for m in chunk}))
        rows = []
        for member in chunk:
            seq += 1
            published, claims = summaries[member.article_id]
            claim = claims.get(member.entity_id, EMPTY_CLAIM)
            rows.append({**member._asdict(), "seq": seq, "published": published, "claim": claim})
        conn.execute(insert(schema.member_claims), rows)
    latest = (
        select(func.max(schema.member_claims.c.seq))
        .where(schema.member_claims.c.profile_id == schema.profile_keys.c.profile_id)
        .scalar_subquery()
    )
    conn.execute(update(schema.profile_keys).values(touched=func.coalesce(latest, 0)))


# Members summarised per batch by migration 6.
MIGRATION_CHUNK = 500

def _list_records(conn: Connection) -> None:
    """7: lists.member_evidence, events.channel_evidence and events.modal (NULL for the facts stored before);
    list_records and list_articles created empty: `newstrace link` records the lists of the
    articles already linked (link/named_lists.py)."""
    _add_columns(conn, ADDED_LIST_COLUMNS)


def _story_order(conn: Connection) -> None:
    """8: story_sizes.first_day, filled from the stored articles (the day of each story's earliest
    dated article, as the stories list computes it); profiles.article_count and pair_counts,
    counted from the members and the pairs, and their triggers; the indexes that let the stories, people and copies lists read one
    page at a time (ix_story_sizes_order, ix_profiles_order, ix_articles_ingested)."""
    if "first_day" not in {c["name"] for c in inspect(conn).get_columns("story_sizes")}:
        conn.execute(text("ALTER TABLE story_sizes ADD COLUMN first_day TEXT"))
    if "article_count" not in {c["name"] for c in inspect(conn).get_columns("profiles")}:
        conn.execute(text("ALTER TABLE profiles ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0"))
    triggers.recount(conn)
    triggers.install(conn)
    for index in (*schema.story_sizes.indexes, *schema.articles.indexes, *schema.profiles.indexes):
        # IF NOT EXISTS: SQLAlchemy does not reflect an index on an expression, so checkfirst cannot tell.
        conn.execute(CreateIndex(index, if_not_exists=True))
    first: dict[str, str] = {}
    members = select(story_articles.c.story_id, articles.c.published).join(
        articles, articles.c.id == story_articles.c.article_id
    )
    for story_id, published in conn.execute(members):
        day = published_day(published)
        if day and (story_id not in first or day < first[story_id]):
            first[story_id] = day
    days = [{"story": story_id, "day": day} for story_id, day in sorted(first.items())]
    story_sizes = schema.story_sizes
    for start in range(0, len(days), MIGRATION_CHUNK):
        conn.execute(
            update(story_sizes).where(story_sizes.c.story_id == bindparam("story")).values(first_day=bindparam("day")),
            days[start : start + MIGRATION_CHUNK],
        )


def _profile_keys_index(conn: Connection) -> None:
    """9: ix_profile_keys_profile, so a profile gaining a member reads and touches its own keys only."""
    for index in schema.profile_keys.indexes:
        index.create(conn, checkfirst=True)


def _site_counts(conn: Connection) -> None:
    """10: site_counts, counted from the stored articles, pairs and flags, and its triggers."""
    triggers.recount_sites(conn)
    triggers.install(conn)


def _profile_spelling_index(conn: Connection) -> None:
    """11: ix_profile_names_spelling (a spelling's profiles, those using it most first) in place of
    ix_profile_names_name, which it covers."""
    for index in schema.profile_names.indexes:
        index.create(conn, checkfirst=True)
    conn.execute(text("DROP INDEX IF EXISTS ix_profile_names_name"))


# Version -> the migration that brings a file of the version before up to it.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _linking_tables,
    3: _spelling_counts,
    4: _link_direction,
    5: _fact_columns,
    6: _linking_summaries,
    7: _list_records,
    8: _story_order,
    9: _profile_keys_index,
    10: _site_counts,
    11: _profile_spelling_index,
}
# One per version from 2 to SCHEMA_VERSION (tests/test_migrate.py checks it): a change of layout
# bumps SCHEMA_VERSION in schema.py and adds its migration here.


def stored_version(conn: Connection) -> int | None:
    """The file's schema version; None for an empty database; 0 when ``meta`` has none."""
    existing = set(inspect(conn).get_table_names())
    if "meta" not in existing:
        if existing & set(schema.metadata.tables):
            raise DatabaseError(f"Database {conn.engine.url} has newstrace-like tables but no schema version.")
        return None
    value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
    return int(value) if value else 0


# Any fixed number: the PostgreSQL advisory lock that one opening process holds while it
# creates or migrates the tables.
SCHEMA_LOCK = 7_262_011


def _lock_schema(conn: Connection) -> None:
    """Let one process at a time create or migrate the tables: two ingests opening one new
    database at once would otherwise both create ``meta`` and one would fail. SQLite: the
    write lock from the first statement on (others wait up to the busy timeout); PostgreSQL:
    an advisory lock held until this transaction ends."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})


def prepare(engine: Engine) -> None:
    """Create the tables of a new database, or bring an older one up to ``SCHEMA_VERSION``;
    refuse a newer one."""
    with engine.connect() as conn:
        if stored_version(conn) == SCHEMA_VERSION and set(schema.metadata.tables) <= set(inspect(conn).get_table_names()):
            return  # up to date: nothing to create or migrate, so no lock (readers never wait here)
    with engine.begin() as conn:
        _lock_schema(conn)
        version = stored_version(conn)
        if version is not None and version > SCHEMA_VERSION:
            raise DatabaseError(
                f"Database {engine.url} has schema version {version}; this newstrace knows up to "
                f"{SCHEMA_VERSION}. Upgrade newstrace."
            )
        schema.metadata.create_all(conn)
        if version is None:
            triggers.install(conn)
            conn.execute(insert(schema.meta).values(key="schema_version", value=str(SCHEMA_VERSION)))
            return
        for number in range(max(version, 1) + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[number](conn)
        if version < SCHEMA_VERSION:
            conn.execute(
                update(schema.meta).where(schema.meta.c.key == "schema_version").values(value=str(SCHEMA_VERSION))
            )
