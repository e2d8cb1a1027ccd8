"""The database tables (SQLAlchemy Core).

Plain tables that `sqlite3` and Datasette open as they are, and that run
unchanged on PostgreSQL. Column names avoid SQL keywords (``char_start``, not
``start``/``end``) so hand-written SQL needs no quoting. Lists are JSON columns.

    articles    one row per article (id = hash of url + clean text)
    entities    people, organizations and places of one article
    mentions    every mention of an entity: sentence index and character span
    attributes  claims about an entity (age, role, nationality, relation) with their span
    meta        key/value pairs; ``schema_version`` says which layout this file has
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKeyConstraint, Index, Integer, MetaData, Table, Text

# Bump when a table or column changes; store.db refuses files with a newer version.
SCHEMA_VERSION = 1

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True, comment="hash of url + clean text"),
    Column("url", Text, nullable=False),
    Column("site", Text),
    Column("title", Text),
    Column("published", Text, comment="ISO 8601 or null"),
    Column("dateline", Text),
    Column("language", Text, comment="ISO 639-1"),
    Column("author", Text),
    Column("text", Text, nullable=False, comment="clean text; all spans index into it"),
    Column("removed", JSON, nullable=False, comment="lines cleaning removed"),
    Column("paragraphs", JSON, nullable=False, comment="[[start, end], ...]"),
    Column("notes", JSON, nullable=False, comment="why a stage was skipped"),
    Column("source", Text, comment="where it was read from"),
    Column("ingested_at", Text, nullable=False),
)
Index("ix_articles_url", articles.c.url)

entities = Table(
    "entities",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("entity_id", Text, primary_key=True, comment="p1, o1, l1: unique within the article"),
    Column("kind", Text, nullable=False, comment="person | organization | place"),
    Column("name", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("position", Integer, nullable=False, comment="order in the article's analysis"),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)
Index("ix_entities_name", entities.c.name)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)
Index("ix_mentions_entity", mentions.c.article_id, mentions.c.entity_id)

attributes = Table(
    "attributes",
    metadata,
    Column("article_id", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("field", Text, nullable=False, comment="age | role | nationality | relation"),
    Column("value", Text, nullable=False),
    Column("of_id", Text, comment="relation target: this entity is <value> of <of_id>"),
    Column("sentence", Integer, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("position", Integer, nullable=False, comment="order in the article's analysis"),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)
Index("ix_attributes_entity", attributes.c.article_id, attributes.c.entity_id)
