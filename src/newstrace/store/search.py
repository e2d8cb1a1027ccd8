"""Full-text search over articles, people and quotes, on SQLite and on PostgreSQL.

SQLite: three FTS5 external-content indexes (article title, text and site; quote text and
speaker; person spellings), built on first use (``ensure_search_index``) and from then on kept in
sync by triggers on every insert, update and delete, so an ingest after that needs no rebuild.
Words are folded (case, accents: "Novák" finds "Novak") and stemmed ("freed" finds "frees").

PostgreSQL: GIN indexes over ``to_tsvector`` expressions of the same columns, which the server
keeps up to date itself; words are stemmed by the ``english`` configuration (accents are not
folded: that needs the ``unaccent`` extension, which only a superuser can install).

Where neither is available, each word matches as a case-insensitive substring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, column, distinct, func, literal_column, or_, select, text

from .browse import _ARTICLE_COLUMNS, Filters, _filtered
from .paging import Page, PageRequest, page_of
from .db import Store
from .schema import articles, profile_names, profiles, quotes

# The SQLite full-text indexes: name -> (table, indexed columns). External content: the index
# stores only the terms, the text stays in the table.
FTS_INDEXES = {
    "articles_fts": ("articles", ("title", "text", "site")),
    "quotes_fts": ("quotes", ("text", "speaker_name")),
    "people_fts": ("profile_names", ("name",)),
}
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
# The same columns as PostgreSQL text-search vectors: GIN index name -> (table, vector expression).
# A query uses an index only when it repeats the expression exactly (``_vector``).
PG_CONFIG = "english"
PG_INDEXES = {
    "articles_fts_pg": ("articles", ("title", "text", "site")),
    "quotes_fts_pg": ("quotes", ("text", "speaker_name")),
    "people_fts_pg": ("profile_names", ("name",)),
}
# The indexes the pages' queries need, declared in schema.py; a database made before they were
# declared gets them here.
BROWSE_INDEXES = ("ix_articles_published", "ix_articles_site")
_WORD = re.compile(r"\w+", re.UNICODE)
# Marks around the matched words in a search snippet: characters no article text holds
# (C0 controls, removed by cleaning), replaced by <mark> after the snippet is escaped.
SNIPPET_START, SNIPPET_END = "\x02", "\x03"
# People and quotes shown beside the article hits (the article list pages on; these are a preview).
SEARCH_PREVIEW = 10
# Matches ranked by relevance at most; a query matching more (a word of nearly every article)
# lists its matches latest ingested first. Ranking costs about 5 ms per 1,000 matches on SQLite
# (bench/web.py: 520 ms for a word of all 100,000 articles), so this keeps a search near 100 ms.
RANKED_MATCHES_MAX = 20_000


@dataclass(frozen=True)
class SearchResults:
    articles: Page
    people: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


def ensure_search_index(store: Store) -> bool:
    """Create the browsing indexes and the full-text indexes when missing (on SQLite with their
    triggers, filled from the tables). Returns whether full-text search is available."""
    with store.engine.begin() as conn:
        for index in articles.indexes:
            if index.name in BROWSE_INDEXES:
                index.create(conn, checkfirst=True)
    dialect = store.engine.dialect.name
    if dialect == "postgresql":
        with store.engine.begin() as conn:
            for name, (table, columns) in PG_INDEXES.items():
                conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({_vector(columns)})"))
        return True
    if dialect != "sqlite":
        return False
    with store.engine.begin() as conn:
        have = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
        for name, (table, columns) in FTS_INDEXES.items():
            if name in have:
                continue
            listed = ", ".join(columns)
            new = ", ".join(f"new.{c}" for c in columns)
            old = ", ".join(f"old.{c}" for c in columns)
            remove = f"INSERT INTO {name}({name}, rowid, {listed}) VALUES ('delete', old.rowid, {old});"
            add = f"INSERT INTO {name}(rowid, {listed}) VALUES (new.rowid, {new});"
            conn.execute(text(
                f"CREATE VIRTUAL TABLE {name} USING fts5({listed}, content='{table}', content_rowid='rowid', "
                f"tokenize='{FTS_TOKENIZER}')"
            ))
            conn.execute(text(f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} BEGIN {add} END"))
            conn.execute(text(f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {remove} END"))
            conn.execute(text(f"CREATE TRIGGER {name}_update AFTER UPDATE ON {table} BEGIN {remove} {add} END"))
            conn.execute(text(f"INSERT INTO {name}({name}) VALUES ('rebuild')"))
    return True


def _vector(columns: tuple[str, ...], table: str | None = None) -> str:
    """The PostgreSQL text-search vector of ``columns`` (the indexed expression, written once;
    in a query the columns are qualified by ``table``, which is the same expression)."""
    joined = " || ' ' || ".join(f"coalesce({table + '.' if table else ''}{c}, '')" for c in columns)
    return f"to_tsvector('{PG_CONFIG}', {joined})"


def _index_vector(index: str):
    """The vector of a PostgreSQL index, as a query repeats it (columns qualified by their table)."""
    table, columns = PG_INDEXES[index]
    return literal_column(_vector(columns, table))


def _people_preview(match):
    """The first people (by name) one of whose spellings matches ``match``."""
    return (
        select(distinct(profile_names.c.profile_id).label("id"), profiles.c.name)
        .join(profiles, profiles.c.id == profile_names.c.profile_id)
        .where(match)
        .order_by(profiles.c.name)
        .limit(SEARCH_PREVIEW)
    )


def _quotes_preview(match):
    """Quotes matching ``match``, at most ``SEARCH_PREVIEW``."""
    return (
        select(quotes.c.article_id, quotes.c.text, quotes.c.speaker_name, quotes.c.char_start, quotes.c.char_end)
        .where(match)
        .limit(SEARCH_PREVIEW)
    )


def fts_query(query: str) -> str | None:
    """The words of a user's query as an FTS5 expression: each word a quoted term, all required
    (no prefix search: "hol*" would rank every word starting so). None when the query has no word."""
    words = _WORD.findall(query)
    return " ".join(f'"{w}"' for w in words) if words else None


def search(store: Store, query: str, filters: Filters, request: PageRequest) -> SearchResults:
    """Articles (a page of them, best match first), people and quotes matching ``query``."""
    expression = fts_query(query)
    if expression is None:
        return SearchResults(Page([], request.number, False), [], [])
    if ensure_search_index(store):
        if store.engine.dialect.name == "postgresql":
            return _pg_search(store, " ".join(_WORD.findall(query)), filters, request)
        return _fts_search(store, expression, filters, request)
    return _substring_search(store, query, filters, request)


def _fts_search(store: Store, expression: str, filters: Filters, request: PageRequest) -> SearchResults:
    with store.engine.connect() as conn:
        matches = conn.execute(
            text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :q"), {"q": expression}
        ).scalar_one()
    ranked = matches <= RANKED_MATCHES_MAX
    # Without filters the page is cut inside the full-text query (ranked in a bounded heap, or
    # read in rowid order); filters apply to the articles, so then every match is joined.
    bounded = filters == Filters()
    order = "rank" if ranked else "rowid DESC"
    cut = f" ORDER BY {order} LIMIT {request.size + 1} OFFSET {request.offset}" if bounded else ""
    hits = (
        text(f"SELECT rowid AS article_rowid, rank FROM articles_fts WHERE articles_fts MATCH :q{cut}")
        .columns(column("article_rowid"), column("rank"))
        .subquery("hits")
    )
    rowid = literal_column("articles.rowid")
    query = (
        _filtered(select(*_ARTICLE_COLUMNS, hits.c.article_rowid).select_from(articles), filters)
        .join(hits, hits.c.article_rowid == rowid)
        .order_by(*((hits.c.rank, articles.c.id) if ranked else (rowid.desc(),)))
        .params(q=expression)
    )
    # Snippets for the page's rows only, found by rowid (snippet() over every match, or a join the
    # planner drives from the matches, costs per match: 200 ms for a word of 100,000 articles).
    snippets = text(
        f"SELECT rowid, snippet(articles_fts, 1, '{SNIPPET_START}', '{SNIPPET_END}', '…', 16) "
        "FROM articles_fts WHERE articles_fts MATCH :q AND rowid IN :rowids"
    ).bindparams(bindparam("rowids", expanding=True))
    people_query = _people_preview(
        text("profile_names.rowid IN (SELECT rowid FROM people_fts WHERE people_fts MATCH :q)")
    ).params(q=expression)
    # The latest stored quotes with these words (no ranking: see RANKED_MATCHES_MAX).
    quotes_query = _quotes_preview(
        text("quotes.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :q ORDER BY rowid DESC LIMIT :n)")
    ).params(q=expression, n=SEARCH_PREVIEW)
    with store.engine.connect() as conn:
        page = page_of(conn, query, PageRequest(1, request.size) if bounded else request)
        page = Page(page.rows, request.number, page.has_next)
        found = dict(conn.execute(snippets, {"q": expression, "rowids": [row["article_rowid"] for row in page.rows]}).all())
        for row in page.rows:
            row["snippet"] = found.get(row.pop("article_rowid"))
        return SearchResults(
            page,
            [dict(r._mapping) for r in conn.execute(people_query)],
            [dict(r._mapping) for r in conn.execute(quotes_query)],
        )


def _pg_search(store: Store, words: str, filters: Filters, request: PageRequest) -> SearchResults:
    """The same search through PostgreSQL's text search: every word required, stemmed."""
    wanted = func.plainto_tsquery(PG_CONFIG, bindparam("q", words))
    article_vector = _index_vector("articles_fts_pg")
    matching = article_vector.op("@@")(wanted)
    with store.engine.connect() as conn:
        matches = conn.execute(select(func.count()).select_from(articles).where(matching)).scalar_one()
        ranked = matches <= RANKED_MATCHES_MAX
        order = (
            (func.ts_rank(article_vector, wanted).desc(), articles.c.id)
            if ranked
            else (articles.c.ingested_at.desc(), articles.c.id.desc())
        )
        headline = func.ts_headline(
            PG_CONFIG, articles.c.text, wanted,
            f'StartSel="{SNIPPET_START}", StopSel="{SNIPPET_END}", MaxWords=16, MinWords=8',
        )
        query = _filtered(select(*_ARTICLE_COLUMNS, headline.label("snippet")), filters).where(matching).order_by(*order)
        page = page_of(conn, query, request)
        people_query = _people_preview(_index_vector("people_fts_pg").op("@@")(wanted))
        quotes_query = _quotes_preview(_index_vector("quotes_fts_pg").op("@@")(wanted))
        return SearchResults(
            page,
            [dict(r._mapping) for r in conn.execute(people_query)],
            [dict(r._mapping) for r in conn.execute(quotes_query)],
        )


def _substring_search(store: Store, query: str, filters: Filters, request: PageRequest) -> SearchResults:
    words = _WORD.findall(query)
    matches = and_(*(or_(articles.c.title.ilike(f"%{w}%"), articles.c.text.ilike(f"%{w}%")) for w in words))
    found = _filtered(select(*_ARTICLE_COLUMNS, articles.c.title.label("snippet")), filters).where(matches)
    people_query = _people_preview(and_(*(profile_names.c.name.ilike(f"%{w}%") for w in words)))
    quotes_query = _quotes_preview(and_(*(quotes.c.text.ilike(f"%{w}%") for w in words)))
    with store.engine.connect() as conn:
        return SearchResults(
            page_of(conn, found.order_by(articles.c.id), request),
            [dict(r._mapping) for r in conn.execute(people_query)],
            [dict(r._mapping) for r in conn.execute(quotes_query)],
        )
