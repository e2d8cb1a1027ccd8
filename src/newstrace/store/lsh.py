"""The candidate index's rows: ``lsh_buckets`` (kind, band, bucket, article_id).

The keys come from ``link.index`` (MinHash bands hashed to 64 bits); this module
only writes and looks them up. A lookup reads each key through the (kind, bucket)
index and ranks the articles by how many bands they share, ties to the earliest
published. Buckets holding more articles than a kind's cap are skipped: whether a
bucket is that full is one index probe that stops after that many rows
(``LIMIT 1 OFFSET n``), so a lookup reads a bounded number of rows however large
the index grows. Portable SQLAlchemy Core (SQLite, PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from sqlalchemy import (
    BigInteger,
    Integer,
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.engine import Connection, Engine

from .schema import articles, lsh_buckets

# (kind, band, bucket) of one article's bands.
BandRow = tuple[str, int, int]


@cache
def lookup_query(kinds: tuple[str, ...]):
    """Articles sharing a bucket of one of these kinds (keys bound by kind name), most shared
    first, then the earliest published (undated last), then by id; at most ``limit``.

    Built once per set of kinds: only the keys change between calls, so SQLAlchemy's compiled
    cache serves every lookup. Ties (every verbatim copy of a story shares all bands) go to the
    earliest published, so that a story's original is among the first candidates of each new
    copy however many copies came before. ISO 8601 strings sort by date; their time zones make
    the order within a day approximate, which is enough to choose whom to verify."""
    hits = func.count().label("hits")
    shared = (
        select(lsh_buckets.c.article_id, hits)
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
        select(shared.c.article_id)
        .outerjoin(articles, articles.c.id == shared.c.article_id)
        .order_by(shared.c.hits.desc(), articles.c.published.asc().nulls_last(), shared.c.article_id)
        .limit(bindparam("limit", type_=Integer))
    )


@cache
def oversized_query(count: int):
    """Of ``count`` keys (bound as k0, k1, ...), those whose bucket holds a row past the first
    ``most``: each probe walks the index range of one bucket and stops there."""

    def probe(number: int):
        key = bindparam(f"k{number}", type_=BigInteger)
        beyond = (
            select(literal(1))
            .where(lsh_buckets.c.kind == bindparam("kind"), lsh_buckets.c.bucket == key)
            .limit(1)
            .offset(bindparam("most", type_=Integer))
        )
        return select(key.label("bucket")).where(beyond.exists())

    return union_all(*(probe(number) for number in range(count)))


def add_bands(conn: Connection, article_id: str, bands: Sequence[BandRow]) -> int:
    rows = [{"kind": kind, "band": band, "bucket": key, "article_id": article_id} for kind, band, key in bands]
    if rows:
        conn.execute(insert(lsh_buckets), rows)
    return len(rows)


def remove_bands(conn: Connection, article_id: str) -> None:
    conn.execute(delete(lsh_buckets).where(lsh_buckets.c.article_id == article_id))


def readable_keys(
    conn: Connection, keys: Mapping[str, list[int]], most: Mapping[str, int]
) -> dict[str, list[int]]:
    """Per kind, the keys without the buckets holding more than ``most[kind]`` articles."""
    found = {kind: list(values) for kind, values in keys.items()}
    for kind, cap in most.items():
        if found.get(kind):
            values = {f"k{number}": key for number, key in enumerate(found[kind])}
            oversized = set(conn.execute(oversized_query(len(values)), {**values, "kind": kind, "most": cap}).scalars())
            found[kind] = [key for key in found[kind] if key not in oversized]
    return found


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

    def candidates(self, keys: Mapping[str, list[int]], limit: int, most: Mapping[str, int]) -> list[str]:
        """Indexed articles sharing a bucket with ``keys`` (buckets over ``most[kind]`` articles
        skipped): most shared bands first, then the earliest published, then by id."""
        with self.engine.connect() as conn:
            readable = readable_keys(conn, keys, most)
            if not any(readable.values()):
                return []
            return list(conn.execute(lookup_query(tuple(readable)), {**readable, "limit": limit}).scalars())
