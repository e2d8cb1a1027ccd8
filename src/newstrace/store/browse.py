"""Read-only queries for browsing the record (the web pages, the CLI's pages): one page of rows at a time.

Every list takes a ``PageRequest`` (or an offset and a limit) and asks the database for that page
only (plus one row, to know whether there is a next one), in an order an index keeps: articles by
publication (``ix_articles_published``) or ingest (``ix_articles_ingested``), people by their
article counts (``ix_profiles_order``, counts kept by ``triggers``), stories by size and first
day (``store.stories``), sites from their counters (``site_counts``, kept by ``triggers``). The
articles and people also read the page after a cursor (``store.paging``; the copies' in
``newstrace.cursor_pages``). ``totals`` counts whole tables. Facts, profiles, provenance trees and
comparisons are read by the library functions the CLI uses (``Store.get``,
``link.people.profile``, ``link.copies.trace``, ``link.compare.compare``); these queries only find
what to show around them, and the pairs ``link.copies.copies`` traces a page of copies from.

Full-text search lives in ``store.search``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, distinct, exists, func, select, tuple_
from sqlalchemy.orm import aliased

from ..model import COPY_VERDICTS, Link
from .db import Store
from .links import ArticleInfo, _link, chunks
from .paging import (  # noqa: F401 (DEFAULT_PAGE_SIZE ... window: the pages' names, used from here by the web and CLI)
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    Page,
    PageRequest,
    cursor_key,
    page_after,
    page_of,
    paged,
    window,
)
from .schema import (
    articles,
    entities,
    links,
    pair_counts,
    profile_members,
    profiles,
    site_counts,
    story_articles,
    story_sizes,
)

# Articles of one story drawn on its chart at most (a story of thousands of copies still
# draws in a few milliseconds; the list below the chart pages through all of them).
CHART_LIMIT = 500

SITE_SORTS = ("articles", "copy_share", "spun", "flags_per_copy", "site")


@dataclass(frozen=True)
class Filters:
    """Search filters: publication dates (ISO, inclusive), site, copy verdict."""

    since: str | None = None
    until: str | None = None
    site: str | None = None
    verdict: str | None = None


# -- totals ---------------------------------------------------------------------------


def totals(store: Store) -> dict[str, int]:
    """How many articles, people, stories and copies (pairs with a copy verdict) the record holds:
    counts of tables (SQLite counts a table's pages) and of the counter of stories (``story_sizes``,
    one row per story); the copies from ``pair_counts`` (an index on links.verdict would lead
    SQLite's planner to read every copy pair where a pair's articles are asked for)."""
    with store.engine.connect() as conn:
        return {
            "articles": conn.execute(select(func.count()).select_from(articles)).scalar_one(),
            "people": conn.execute(select(func.count()).select_from(profiles)).scalar_one(),
            "stories": conn.execute(select(func.count()).select_from(story_sizes)).scalar_one(),
            "copies": conn.execute(
                select(func.coalesce(func.sum(pair_counts.c.pairs), 0)).where(pair_counts.c.verdict.in_(COPY_VERDICTS))
            ).scalar_one(),
        }


# -- articles -------------------------------------------------------------------------

_ARTICLE_COLUMNS = (articles.c.id, articles.c.url, articles.c.site, articles.c.title, articles.c.published)


def _filtered(query, filters: Filters):
    if filters.since:
        query = query.where(articles.c.published >= filters.since)
    if filters.until:
        # "2024-11-14" must include "2024-11-14T08:30:00+01:00": compare with the day's end.
        query = query.where(articles.c.published <= filters.until + "\uffff")
    if filters.site:
        query = query.where(articles.c.site == filters.site)
    if filters.verdict:
        query = query.where(
            exists().where(and_(links.c.copy_id == articles.c.id, links.c.verdict == filters.verdict))
        )
    return query


def _article_key(row: dict[str, Any]) -> tuple:
    return row["published"], row["id"]


def recent_articles(store: Store, filters: Filters, request: PageRequest) -> Page:
    """Articles, latest published first (undated last on SQLite, first on PostgreSQL): one index
    range; by cursor (``request.after``), from the article after the one it names."""
    listed = _filtered(select(*_ARTICLE_COLUMNS), filters)
    with store.engine.connect() as conn:
        if not request.after:
            return page_of(conn, listed.order_by(articles.c.published.desc(), articles.c.id.desc()), request, _article_key)
        published, article = cursor_key(request.after, 2)
        dated = listed.where(articles.c.published.is_not(None)).order_by(articles.c.published.desc(), articles.c.id.desc())
        undated = listed.where(articles.c.published.is_(None)).order_by(articles.c.id.desc())
        # The list is its dated articles, then the undated (SQLite sorts null lowest; PostgreSQL, highest: first).
        groups = [dated, undated] if conn.dialect.name == "sqlite" else [undated, dated]
        if published is None:
            own, rest = undated.where(articles.c.id < article), groups[groups.index(undated) + 1 :]
        else:
            own = dated.where(tuple_(articles.c.published, articles.c.id) < tuple_(published, article))
            rest = groups[groups.index(dated) + 1 :]
        return page_after(conn, [own, *rest], request, _article_key)


def article_links(store: Store, article_id: str) -> list[dict[str, Any]]:
    """Every stored pair of one article: the other article, the verdict, and which side this one is."""
    rows = []
    with store.engine.connect() as conn:
        for side, own, other in (("copy", links.c.copy_id, links.c.source_id), ("source", links.c.source_id, links.c.copy_id)):
            query = (
                select(links.c.verdict, links.c.score, *_ARTICLE_COLUMNS)
                .join(articles, articles.c.id == other)
                .where(own == article_id)
                .order_by(links.c.score.desc(), articles.c.id)
            )
            # side: what this article is in the pair ("copy": the other is its source).
            rows += [{"side": side, **dict(r._mapping)} for r in conn.execute(query)]
    return rows


def article_profiles(store: Store, article_id: str) -> dict[str, str]:
    """{entity id: person profile id} for the people of one article."""
    with store.engine.connect() as conn:
        query = select(profile_members.c.entity_id, profile_members.c.profile_id).where(
            profile_members.c.article_id == article_id
        )
        return {row.entity_id: row.profile_id for row in conn.execute(query)}


# -- copies (the pairs the linker stored, read a few copies at a time by link.copies.copies) ---


def pair_copies(store: Store, after: tuple[str, str] | None, limit: int, inclusive: bool = False) -> list[ArticleInfo]:
    """Up to ``limit`` articles that are the copy of a stored pair, in ingest order (ingested_at,
    id), after the article whose (ingested_at, id) is ``after`` (from it, when ``inclusive``): a
    range of ix_articles_ingested, each row checked by a probe of links' primary key."""
    query = (
        select(articles.c.id, articles.c.url, articles.c.title, articles.c.published, articles.c.ingested_at)
        .where(exists().where(links.c.copy_id == articles.c.id))
        .order_by(articles.c.ingested_at, articles.c.id)
        .limit(limit)
    )
    if after is not None:
        place = tuple_(articles.c.ingested_at, articles.c.id)
        query = query.where(place >= tuple_(*after) if inclusive else place > tuple_(*after))
    with store.engine.connect() as conn:
        return [ArticleInfo(**row._mapping) for row in conn.execute(query)]


def pairs_from(store: Store, copy_ids: Iterable[str], verdicts: Iterable[str] | None = None) -> list[Link]:
    """The stored pairs whose copy is one of ``copy_ids`` (of these verdicts; any when None), sorted."""
    found = []
    with store.engine.connect() as conn:
        for chunk in chunks(copy_ids):
            query = select(links).where(links.c.copy_id.in_(chunk))
            if verdicts is not None:
                query = query.where(links.c.verdict.in_(list(verdicts)))
            found += [_link(row) for row in conn.execute(query)]
    return sorted(found, key=lambda link: (link.copy, link.source))


def linked_pairs(store: Store, pairs: Iterable[tuple[str, str]]) -> set[frozenset[str]]:
    """Which of these pairs of articles the linker stored a pair for, either way round: the pairs
    of their first articles as copies (the primary key's range of each), kept when asked."""
    wanted = {frozenset(pair) for pair in pairs}
    ends = {end for pair in wanted for end in pair}
    return {frozenset((link.copy, link.source)) for link in pairs_from(store, ends)} & wanted


# -- people ---------------------------------------------------------------------------


_FOLDED_NAME = func.lower(profiles.c.name)


def _profile_order():
    """Profile ids with their article counts, most articles first, then by name (as ``link.people.profiles``):
    a range of ix_profiles_order (the counts are kept by store/triggers.py)."""
    return select(profiles.c.id, profiles.c.name, profiles.c.article_count, _FOLDED_NAME.label("folded_name")).order_by(
        profiles.c.article_count.desc(), _FOLDED_NAME, profiles.c.id
    )


def _profile_key(row: dict[str, Any]) -> tuple:
    return row["article_count"], row["folded_name"], row["id"]  # the database's lower(), not Python's


def people(store: Store, request: PageRequest) -> Page:
    """One page of person profiles: id, display name, article count (and the name as the order
    folds it); by cursor (``request.after``), from the profile after the one it names."""
    order = _profile_order()
    with store.engine.connect() as conn:
        if not request.after:
            return page_of(conn, order, request, _profile_key)
        count, name, profile_id = cursor_key(request.after, 3)
        # "name >= ?" as well: SQLite ranges an index over an expression by a plain comparison, not a row value.
        rest_of_count = order.where(
            profiles.c.article_count == count, _FOLDED_NAME >= name,
            tuple_(_FOLDED_NAME, profiles.c.id) > tuple_(name, profile_id),
        )
        return page_after(conn, [rest_of_count, order.where(profiles.c.article_count < count)], request, _profile_key)


def profile_ids(store: Store, offset: int, limit: int) -> list[str]:
    """``limit`` profile ids from ``offset``, in the order of ``people``."""
    with store.engine.connect() as conn:
        return [row.id for row in conn.execute(_profile_order().offset(offset).limit(limit))]


def spellings(store: Store, profile_id: str) -> list[dict[str, Any]]:
    """Each spelling of one person with the articles that write it: [{"name", "articles": [row]}]."""
    query = (
        select(entities.c.name.label("spelling"), *_ARTICLE_COLUMNS)
        .join(
            profile_members,
            and_(profile_members.c.article_id == entities.c.article_id, profile_members.c.entity_id == entities.c.entity_id),
        )
        .join(articles, articles.c.id == entities.c.article_id)
        .where(profile_members.c.profile_id == profile_id)
        .order_by(entities.c.name, articles.c.published, articles.c.id)
    )
    found: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            data = dict(row._mapping)
            found.setdefault(data.pop("spelling"), []).append(data)
    return [{"name": name, "articles": rows} for name, rows in found.items()]


def articles_by_url(store: Store, urls: list[str]) -> dict[str, dict[str, Any]]:
    """Summary rows of the articles with these urls (a profile lists its articles by url)."""
    return _summaries(store, articles.c.url, urls)


def pair_articles(store: Store, pairs: Iterable[Link]) -> dict[str, dict[str, Any]]:
    """Summary rows of both articles of each of these pairs, by id (a page of `copies`)."""
    return _summaries(store, articles.c.id, {end for pair in pairs for end in (pair.copy, pair.source)})


def _summaries(store: Store, column, values: Iterable[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for chunk in chunks(values):
            for row in conn.execute(select(*_ARTICLE_COLUMNS).where(column.in_(chunk)).order_by(articles.c.id)):
                found.setdefault(row._mapping[column.name], dict(row._mapping))
    return found


# -- stories --------------------------------------------------------------------------


def _story_title(story_id):
    """The headline of a story's earliest published article (as the CLI's `stories` titles it)."""
    earliest = aliased(articles)
    members = aliased(story_articles)
    return (
        select(earliest.c.title)
        .join(members, members.c.article_id == earliest.c.id)
        .where(members.c.story_id == story_id)
        .order_by(earliest.c.published.is_(None), earliest.c.published, earliest.c.id)
        .limit(1)
        .scalar_subquery()
    )


def _story_rows():
    """Stories with their article count, first and last publication and title, most articles first
    (the stories the caller picks, by a WHERE on story_articles.story_id: never the whole table)."""
    size = func.count().label("article_count")
    return (
        select(
            story_articles.c.story_id.label("id"),
            size,
            func.min(articles.c.published).label("first"),
            func.max(articles.c.published).label("last"),
            _story_title(story_articles.c.story_id).label("title"),
        )
        .join(articles, articles.c.id == story_articles.c.article_id)
        .group_by(story_articles.c.story_id)
        .order_by(size.desc(), story_articles.c.story_id)
    )


def stories_of(store: Store, article_ids: list[str]) -> list[dict[str, Any]]:
    """The stories these articles belong to (as ``stories`` lists them), most articles first."""
    ids = select(story_articles.c.story_id).where(story_articles.c.article_id.in_(article_ids))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(_story_rows().where(story_articles.c.story_id.in_(ids)))]


def people_of(store: Store, article_ids: list[str]) -> list[dict[str, Any]]:
    """The person profiles these articles name: id, name, and how many of these articles name them."""
    count = func.count(distinct(profile_members.c.article_id)).label("article_count")
    query = (
        select(profiles.c.id, profiles.c.name, count)
        .join(profile_members, profile_members.c.profile_id == profiles.c.id)
        .where(profile_members.c.article_id.in_(article_ids))
        .group_by(profiles.c.id, profiles.c.name)
        .order_by(count.desc(), func.lower(profiles.c.name), profiles.c.id)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story's summary row (as ``stories`` lists it), None when there is no such story."""
    with store.engine.connect() as conn:
        row = conn.execute(_story_rows().where(story_articles.c.story_id == story_id)).first()
    return dict(row._mapping) if row else None


def story_articles_page(store: Store, story_id: str, request: PageRequest, limit_to_chart: bool = False) -> Page:
    """One page of a story's articles in publication order (undated last), with each one's copy verdict."""
    verdict = (
        select(links.c.verdict)
        .where(links.c.copy_id == articles.c.id, links.c.verdict.in_(COPY_VERDICTS))
        .order_by(links.c.score.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(*_ARTICLE_COLUMNS, verdict.label("verdict"))
        .join(story_articles, story_articles.c.article_id == articles.c.id)
        .where(story_articles.c.story_id == story_id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.id)
    )
    with store.engine.connect() as conn:
        return page_of(conn, query, PageRequest(1, CHART_LIMIT) if limit_to_chart else request)


# -- sites ----------------------------------------------------------------------------


def sites(store: Store, sort: str, request: PageRequest) -> Page:
    """One page of the sites table: per site its articles, copies (articles with a copy verdict),
    the share of copies, spun copies, and integrity flags (inserted, garbled, truncated sentences)
    per copy: the content-farm signal. Sorted by ``sort`` (one of SITE_SORTS): by name, or that
    column's largest first, then by name. Read from ``site_counts`` (one row per site, kept by
    triggers), never from the articles; the articles counted are the linked ones (in a story),
    whose copies are known."""
    counts = site_counts.c
    share = (1.0 * counts.copies / counts.articles).label("copy_share")
    flags_per_copy = 1.0 * counts.copy_flags / func.nullif(counts.copies, 0)
    largest_first = {"articles": counts.articles, "copy_share": share, "spun": counts.spun,
                     "flags_per_copy": func.coalesce(flags_per_copy, 0)}
    order = (counts.site,) if sort == "site" else (largest_first[sort].desc(), counts.site)
    query = (
        select(counts.site, counts.articles, counts.copies, share, counts.spun, flags_per_copy.label("flags_per_copy"))
        .where(counts.articles > 0)
        .order_by(*order)
    )
    with store.engine.connect() as conn:
        return page_of(conn, query, request)


def site_names(store: Store) -> list[str]:
    """Every site named by an article, in order (the search form's choices): a recursive query
    that steps from each site to the next in ix_articles_site, one index probe per site instead of
    a read of every article's entry (at 100,000 articles of 400 sites: 3.4 ms, not 9.4)."""
    step = aliased(articles)
    named = select(func.min(articles.c.site).label("site")).cte("named", recursive=True)
    following = select(step.c.site).where(step.c.site > named.c.site).order_by(step.c.site).limit(1).scalar_subquery()
    named = named.union_all(select(following).where(named.c.site.is_not(None)))
    with store.engine.connect() as conn:
        return list(conn.execute(select(named.c.site).where(named.c.site.is_not(None))).scalars())


# Main people a story page lists.
STORY_PEOPLE = 12


def story_people(store: Store, story_id: str) -> list[dict[str, Any]]:
    """The people a story names most: profile id, name and how many of its articles name them."""
    count = func.count(distinct(profile_members.c.article_id)).label("articles")
    query = (
        select(profiles.c.id, profiles.c.name, count)
        .join(profile_members, profile_members.c.profile_id == profiles.c.id)
        .join(story_articles, story_articles.c.article_id == profile_members.c.article_id)
        .where(story_articles.c.story_id == story_id)
        .group_by(profiles.c.id, profiles.c.name)
        .order_by(count.desc(), profiles.c.name)
        .limit(STORY_PEOPLE)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def story_main_source(store: Store, story_id: str) -> str | None:
    """The article of a story with the most copies traced to it (the root its provenance tree is
    drawn from), the earliest published on a tie; None when no article of the story was copied."""
    copies = func.count().label("copies")
    query = (
        select(links.c.source_id, copies)
        .join(story_articles, story_articles.c.article_id == links.c.source_id)
        .join(articles, articles.c.id == links.c.source_id)
        .where(story_articles.c.story_id == story_id, links.c.verdict.in_(COPY_VERDICTS))
        .group_by(links.c.source_id, articles.c.published)
        .order_by(copies.desc(), articles.c.published.is_(None), articles.c.published, links.c.source_id)
        .limit(1)
    )
    with store.engine.connect() as conn:
        return conn.execute(query).scalar()
