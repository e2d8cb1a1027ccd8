"""The candidate index's rows: ``lsh_buckets`` (kind, band, bucket, article_id).

The keys come from ``link.index`` (MinHash bands hashed to 64 bits); this module
only writes and looks them up. A lookup reads each key through the (kind, bucket)
index and ranks the articles by how many bands they share, ties to the earliest
published. Buckets holding more articles than a kind's cap are skipped: each bucket's
size is kept in ``lsh_bucket_sizes`` as its rows are written, so which buckets are that
full is one indexed read of the keys' counters, however large the index grows. Portable
SQLAlchemy Core (SQLite, PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from sqlalchemy import (
    Integer,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.engine import Connection, Engine

from .counters import add_counts
from .schema import articles, lsh_bucket_sizes, lsh_buckets

# (kind, band, bucket) of one article's bands.
BandRow = tuple[str, int, int]


@cache
def lookup_query(kinds: tuple[str, ...]):
    """Articles sharing a bucket of one of these kinds (keys bound by kind name), most shared
    first, then the earliest published (undated last), then by id; at most ``limit``. Each row:
    the article id, then how many of its buckets of each kind were shared (in ``kinds``' order).

    Built once per set of kinds: only the keys change between calls, so SQLAlchemy's compiled
    cache serves every lookup. Ties (every verbatim copy of a story shares all bands) go to the
    earliest published, so that a story's original is among the first candidates of each new
    copy however many copies came before. ISO 8601 strings sort by date; their time zones make
    the order within a day approximate, which is enough to choose whom to verify."""
    hits = func.count().label("hits")
    per_kind = [func.sum(case((lsh_buckets.c.kind == kind, 1), else_=0)).label(f"hits_{n}") for n, kind in enumerate(kinds)]
    shared = (
        select(lsh_buckets.c.article_id, hits, *per_kind)
        .where(
            or_(
                *(
                    and_(lsh_buckets.c.kind == kind, lsh_buckets.c.bucket.in_(bindparam(kind, expanding=True)))
                    for kind in kinds
                )
            )
        )
        .group_by(lsh_buckets.c.article_id)
        .subquery()
    )
    return (
        select(shared.c.article_id, *(shared.c[f"hits_{n}"] for n in range(len(kinds))))
        .outerjoin(articles, articles.c.id == shared.c.article_id)
        .order_by(shared.c.hits.desc(), articles.c.published.asc().nulls_last(), shared.c.article_id)
        .limit(bindparam("limit", type_=Integer))
    )


def add_bands(conn: Connection, article_id: str, bands: Sequence[BandRow]) -> int:
    rows = [{"kind": kind, "band": band, "bucket": key, "article_id": article_id} for kind, band, key in bands]
    if rows:
        conn.execute(insert(lsh_buckets), rows)
        add_counts(conn, lsh_bucket_sizes, [(kind, key) for kind, _band, key in bands])
    return len(rows)


def remove_bands(conn: Connection, article_id: str) -> None:
    where = lsh_buckets.c.article_id == article_id
    gone = conn.execute(select(lsh_buckets.c.kind, lsh_buckets.c.bucket).where(where)).all()
    conn.execute(delete(lsh_buckets).where(where))
    add_counts(conn, lsh_bucket_sizes, [tuple(row) for row in gone], step=-1)


def readable_keys(
    conn: Connection, keys: Mapping[str, list[int]], most: Mapping[str, int]
) -> dict[str, list[int]]:
    """Per kind, the keys without the buckets holding more than ``most[kind]`` articles."""
    found = {kind: list(values) for kind, values in keys.items()}
    for kind, cap in most.items():
        if found.get(kind):
            oversized = set(conn.execute(oversized_query(), {"kind": kind, "keys": found[kind], "most": cap}).scalars())
            found[kind] = [key for key in found[kind] if key not in oversized]
    return found


@cache
def oversized_query():
    """Of the ``keys`` of one ``kind``, those whose bucket holds more than ``most`` rows (its counter)."""
    sizes = lsh_bucket_sizes.c
    return select(sizes.bucket).where(
        sizes.kind == bindparam("kind"),
        sizes.bucket.in_(bindparam("keys", expanding=True)),
        sizes.articles > bindparam("most", type_=Integer),
    )


class LshQueries:
    """The candidate index (a part of ``Store``)."""

    engine: Engine

    def index_bands(self, article_id: str, bands: Sequence[BandRow]) -> int:
        """Add one article's band rows; how many were written."""
        with self.engine.begin() as conn:
            return add_bands(conn, article_id, bands)

    def unindex(self, article_id: str) -> None:
        """Take one article out of the index."""
        with self.engine.begin() as conn:
            remove_bands(conn, article_id)

    def band_rows(self, article_id: str) -> list[BandRow]:
        """One article's band rows, by kind and band."""
        with self.engine.connect() as conn:
            query = (
                select(lsh_buckets.c.kind, lsh_buckets.c.band, lsh_buckets.c.bucket)
                .where(lsh_buckets.c.article_id == article_id)
                .order_by(lsh_buckets.c.kind, lsh_buckets.c.band)
            )
            return [tuple(row) for row in conn.execute(query)]

    def lookup_keys(self, keys: Mapping[str, list[int]], most: Mapping[str, int]) -> dict[str, list[int]]:
        """Per kind, the keys a lookup reads: ``keys`` without the buckets over ``most[kind]`` articles."""
        with self.engine.connect() as conn:
            return readable_keys(conn, keys, most)

    def bucket_articles(self, keys: Mapping[str, list[int]]) -> dict[str, int]:
        """Per kind, how many distinct articles the buckets of ``keys`` hold."""
        found = {}
        with self.engine.connect() as conn:
            for kind, values in keys.items():
                where = and_(lsh_buckets.c.kind == kind, lsh_buckets.c.bucket.in_(values))
                count = func.count(func.distinct(lsh_buckets.c.article_id))
                found[kind] = conn.execute(select(count).where(where)).scalar_one() if values else 0
        return found

    def bucket_sizes(self, kind: str, keys: Sequence[int]) -> dict[int, int]:
        """How many rows each of ``keys`` (buckets of ``kind``) holds, by its counter; absent: none."""
        if not keys:
            return {}
        sizes = lsh_bucket_sizes.c
        query = select(sizes.bucket, sizes.articles).where(sizes.kind == kind, sizes.bucket.in_(list(keys)))
        with self.engine.connect() as conn:
            return {bucket: count for bucket, count in conn.execute(query)}

    def sharing(self, kind: str, keys: Sequence[int], article_ids: Sequence[str]) -> dict[str, list[int]]:
        """Which of ``keys`` (buckets of ``kind``) each of ``article_ids`` is in."""
        if not keys or not article_ids:
            return {}
        rows = lsh_buckets.c
        query = select(rows.article_id, rows.bucket).where(
            rows.kind == kind, rows.bucket.in_(list(keys)), rows.article_id.in_(list(article_ids))
        )
        found: dict[str, list[int]] = {}
        with self.engine.connect() as conn:
            for article_id, bucket in conn.execute(query):
                found.setdefault(article_id, []).append(bucket)
        return found

    def candidates(self, keys: Mapping[str, list[int]], limit: int, most: Mapping[str, int]) -> list[str]:
        """Indexed articles sharing a bucket with ``keys`` (buckets over ``most[kind]`` articles
        skipped): most shared bands first, then the earliest published, then by id."""
        return [article_id for article_id, _shared in self.candidate_bands(keys, limit, most)]

    def candidate_bands(
        self, keys: Mapping[str, list[int]], limit: int, most: Mapping[str, int]
    ) -> list[tuple[str, dict[str, int]]]:
        """``candidates``, each with how many buckets of each kind it shares."""
        with self.engine.connect() as conn:
            readable = readable_keys(conn, keys, most)
            if not any(readable.values()):
                return []
            kinds = tuple(readable)
            rows = conn.execute(lookup_query(kinds), {**readable, "limit": limit})
            return [(row[0], dict(zip(kinds, map(int, row[1:])))) for row in rows]
