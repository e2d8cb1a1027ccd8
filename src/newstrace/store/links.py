"""Fingerprints and verified pairs: the ``fingerprints`` and ``links`` tables.

``link.copies`` computes (sketches, verification, tracing) and calls these
methods; one query reads "the pairs with these articles on either side", used by
copies, people and stories alike (``links_of``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.engine import Connection, Engine

from ..model import Link
from .lsh import BandRow, add_bands, remove_bands
from .schema import articles, fingerprints, links

_CHUNK = 500  # ids per IN list: far below SQLite's and PostgreSQL's bound-parameter limits


@dataclass(frozen=True)
class ArticleInfo:
    """What tracing needs to know of an article, without its text."""

    id: str
    url: str
    title: str | None
    published: str | None
    ingested_at: str


@dataclass(frozen=True)
class StoredText:
    """An article's id, url and clean text: what sketching it again needs."""

    id: str
    url: str
    text: str


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    """The ids sorted, deduplicated, in lists short enough for one IN."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


_INFO = select(articles.c.id, articles.c.url, articles.c.title, articles.c.published, articles.c.ingested_at)


def _link(row) -> Link:
    return Link(row.copy_id, row.source_id, row.verdict, row.score, direction=row.direction)


def links_of(conn: Connection, ids: Iterable[str], verdicts: Iterable[str] | None = None) -> list[Link]:
    """The stored pairs with one of ``ids`` on either side (of these verdicts; any when None):
    indexed lookups (the primary key leads with copy_id, ix_links_source), sorted."""
    found = {}
    for chunk in chunks(ids):
        for side in (links.c.copy_id, links.c.source_id):
            query = select(links).where(side.in_(chunk))
            if verdicts is not None:
                query = query.where(links.c.verdict.in_(list(verdicts)))
            for row in conn.execute(query):
                found[row.copy_id, row.source_id] = _link(row)
    return [found[key] for key in sorted(found)]


def save_sketch(conn: Connection, article_id: str, fingerprint_row: dict[str, Any], bands: Sequence[BandRow]) -> None:
    """An article's fingerprint and index rows in place of any it had."""
    conn.execute(delete(fingerprints).where(fingerprints.c.article_id == article_id))
    remove_bands(conn, article_id)
    conn.execute(insert(fingerprints).values(article_id=article_id, **fingerprint_row))
    add_bands(conn, article_id, bands)


class LinkQueries:
    """Fingerprints and the verified pairs (a part of ``Store``)."""

    engine: Engine

    def links_of(self, ids: Iterable[str], verdicts: Iterable[str] | None = None) -> list[Link]:
        """The stored pairs with one of ``ids`` on either side (of these verdicts; any when None), sorted."""
        with self.engine.connect() as conn:
            return links_of(conn, ids, verdicts)

    def all_links(self) -> list[Link]:
        with self.engine.connect() as conn:
            return [_link(row) for row in conn.execute(select(links))]

    def article_infos(self, ids: Iterable[str] | None = None) -> dict[str, ArticleInfo]:
        """What tracing needs of these articles (of every article when ``ids`` is None); never their texts."""
        queries = [_INFO] if ids is None else [_INFO.where(articles.c.id.in_(chunk)) for chunk in chunks(ids)]
        with self.engine.connect() as conn:
            return {row.id: ArticleInfo(**row._mapping) for query in queries for row in conn.execute(query)}

    def save_links(
        self, article_id: str, fingerprint_row: dict[str, Any], bands: Sequence[BandRow], related: Sequence[Link]
    ) -> None:
        """In one transaction: the article's pairs replaced by ``related``, its fingerprint and
        index rows by these."""
        with self.engine.begin() as conn:
            conn.execute(delete(links).where(or_(links.c.copy_id == article_id, links.c.source_id == article_id)))
            save_sketch(conn, article_id, fingerprint_row, bands)
            if related:
                conn.execute(
                    insert(links),
                    [
                        {"copy_id": l.copy, "source_id": l.source, "verdict": l.verdict, "score": l.score,
                         "direction": l.direction}
                        for l in related
                    ],
                )

    def fingerprinted(self) -> list[str]:
        """Ids of the articles with a fingerprint, sorted."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(fingerprints.c.article_id).order_by(fingerprints.c.article_id)).scalars())

    def fingerprint_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(fingerprints)).scalar_one()

    def stored_texts(self, ids: Iterable[str]) -> list[StoredText]:
        """Id, url and clean text of these articles."""
        query = select(articles.c.id, articles.c.url, articles.c.text).where(articles.c.id.in_(sorted(set(ids))))
        with self.engine.connect() as conn:
            return [StoredText(*row) for row in conn.execute(query)]

    def save_sketches(self, sketches: Iterable[tuple[str, dict[str, Any], Sequence[BandRow]]]) -> None:
        """(article id, fingerprint row, band rows) of several articles, in one transaction."""
        with self.engine.begin() as conn:
            for article_id, fingerprint_row, bands in sketches:
                save_sketch(conn, article_id, fingerprint_row, bands)
