"""The candidate index: MinHash LSH kept in the database, incremental and sub-linear.

Banding (as in datasketch's ``MinHashLSH``): a sketch's hash values are cut
into ``bands`` runs of ``rows`` values; two articles whose sketches agree on
every value of at least one band become candidates. Two sets with Jaccard
similarity ``s`` collide with probability ``1 - (1 - s**rows)**bands``, so
(bands, rows) follow from a target similarity (``lsh_params``).

Each band is one row of ``lsh_buckets`` (kind, band, bucket, article_id),
where ``bucket`` is a 64-bit hash of the kind, the band number and the band's
values. ``add`` inserts an article's rows; ``candidates`` looks its keys up
through the (kind, bucket) index and ranks the articles by how many bands they
share, ties to the earliest published. Nothing is ever rebuilt, and both take a
Connection, so a caller can index many articles in one transaction. Portable
SQLAlchemy Core (SQLite, PostgreSQL).

A bucket that most of a large corpus shares carries no evidence and would make
each lookup read a fixed share of the whole index (work per article growing with
the corpus, linking time with its square). So lookups skip the skeleton buckets
holding more than ``BUCKET_MAX_ARTICLES``: whether a bucket is that full is one
index probe that stops after that many rows (``LIMIT 1 OFFSET n``), so a lookup
reads at most about twice that many rows per band, however large the index
grows, and indexing writes nothing more than the band rows.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from sqlalchemy import BigInteger, Integer, and_, bindparam, delete, func, insert, literal, or_, select, union_all
from sqlalchemy.engine import Connection

from ..store.schema import articles, lsh_buckets
from .fingerprint import KINDS, NUM_PERM, SHINGLES, SKELETON, Fingerprint

# Target Jaccard similarity of each kind, and how much a missed pair weighs
# against a spurious one when choosing (bands, rows); a spurious candidate only
# costs one verification, a missed one is a lost copy.
THRESHOLDS = {
    # A machine-spun copy keeps 0.54 of its source's word 3-shingles, edited
    # reprints more; two unrelated BBC News articles share under 0.01 (bbc-news,
    # 900 articles, 404,550 pairs: 0.006% at 0.3 or more, and those are the
    # corpus's own duplicates). Gives 37 bands x 3 rows: P(0.3) = 0.64, P(0.5) = 0.99.
    SHINGLES: (0.3, 0.5),
    # Same-story reports on the examples share 0.19-0.63 of their sketched names
    # and numbers (``fingerprint.indexed_names``), copies 0.50-1.0, unrelated
    # stories 0.00; 0.19% of BBC News pairs reach 0.15 (900 articles, 0.15%
    # before the stop-list: same-topic articles, verification rejects them).
    # Gives 64 bands x 2 rows: P(0.15) = 0.77, P(0.2) = 0.93, P(0.05) = 0.15.
    SKELETON: (0.15, 0.7),
}
# Lookups skip a bucket of these kinds once it holds more than this many articles.
# Skeleton bands are 2 hash values: a bucket is, most often, one name that happened to
# be the least under both permutations, and a name common across the corpus (a
# country, a party, a leader) fills its buckets in proportion to the corpus. On the
# documents of `bench/provenance.py --scale` (BBC News sentences recombined; counted
# in memory, the skeleton stop-list applied) the skeleton lookup matched 122 indexed
# articles per query at 10,000 documents and 553 at 40,000; skipping buckets over 100
# articles, 69 and 170 (over 50: 54 and 123), candidate recall unchanged (1.0 and
# 0.999). 100 leaves room for a big story's own buckets: its first 100 reports are
# linked through them as they arrive. Word-shingle buckets are never skipped:
# unrelated articles (Jaccard under 0.01) share a 3-row band with probability under
# 1e-6, so only copies fill them, and a story reprinted 500 times must still find
# its original.
BUCKET_MAX_ARTICLES = {SKELETON: 100}
# Sets smaller than this are not indexed: the sketch of a two-item set
# collides with every other article holding those items.
MIN_ITEMS = 3


@cache
def lsh_params(threshold: float, miss_weight: float = 0.5, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows) minimising the weighted area of false positives below ``threshold``
    and of false negatives above it (the criterion of datasketch's MinHashLSH)."""
    below = np.linspace(0.0, threshold, 201)
    above = np.linspace(threshold, 1.0, 201)
    best: tuple[float, int, int] | None = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            false_positive = np.trapezoid(1 - (1 - below**rows) ** bands, below)
            false_negative = np.trapezoid((1 - above**rows) ** bands, above)
            error = (1 - miss_weight) * false_positive + miss_weight * false_negative
            if best is None or error < best[0]:
                best = (error, bands, rows)
    assert best is not None
    return best[1], best[2]


_MIX = np.uint64(0x9E3779B97F4A7C15)  # golden-ratio multiplier: spreads band numbers and values over 64 bits
_KIND_SALT = {kind: np.uint64((number + 1) * int(_MIX) % 2**64) for number, kind in enumerate(KINDS)}


def _fmix64(h: np.ndarray) -> np.ndarray:
    # MurmurHash3's 64-bit finalizer: every input bit reaches every output bit.
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(33)
    return h


def band_keys(kind: str, fp: Fingerprint) -> list[int]:
    """The bucket of each band of one sketch; none for a set under ``MIN_ITEMS``.

    A bucket is a 64-bit hash of (kind, band number, the band's hash values),
    computed for all bands at once, as a signed integer (BIGINT on every database).
    """
    if fp.size(kind) < MIN_ITEMS:
        return []
    bands, rows = lsh_params(*THRESHOLDS[kind])
    values = np.asarray(fp.sketch(kind).hashvalues[: bands * rows], dtype=np.uint64).reshape(bands, rows)
    keys = _KIND_SALT[kind] + np.arange(1, bands + 1, dtype=np.uint64) * _MIX
    for row in range(rows):
        keys = _fmix64(keys ^ values[:, row])
    return keys.view(np.int64).tolist()


def add(conn: Connection, article_id: str, fp: Fingerprint) -> int:
    """Index one article: insert its band rows. Returns how many rows were written."""
    rows = [
        {"kind": kind, "band": band, "bucket": key, "article_id": article_id}
        for kind in KINDS
        for band, key in enumerate(band_keys(kind, fp))
    ]
    if rows:
        conn.execute(insert(lsh_buckets), rows)
    return len(rows)


_HITS = func.count().label("hits")
_SHARED = (
    select(lsh_buckets.c.article_id, _HITS)
    .where(
        or_(
            *(
                and_(lsh_buckets.c.kind == kind, lsh_buckets.c.bucket.in_(bindparam(kind, expanding=True)))
                for kind in KINDS
            )
        )
    )
    .group_by(lsh_buckets.c.article_id)
    .subquery()
)
# Built once: only the keys change between calls, so SQLAlchemy's compiled cache serves every lookup.
# Ties (every verbatim copy of a story shares all bands) go to the earliest published,
# so that a story's original is among the first candidates of each new copy however
# many copies came before. ISO 8601 strings sort by date; their time zones make the
# order within a day approximate, which is enough to choose whom to verify (the
# direction of a pair is decided by `published.published_order`).
_LOOKUP = (
    select(_SHARED.c.article_id)
    .outerjoin(articles, articles.c.id == _SHARED.c.article_id)
    .order_by(_SHARED.c.hits.desc(), articles.c.published.asc().nulls_last(), _SHARED.c.article_id)
    .limit(bindparam("limit", type_=Integer))
)


@cache
def _oversized(count: int):
    # Of ``count`` keys (bound as k0, k1, ...), those whose bucket holds a row past the
    # first ``most``: each probe walks the index range of one bucket and stops there.
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


def lookup_keys(conn: Connection, fp: Fingerprint) -> dict[str, list[int]]:
    """Per kind, the buckets a lookup for ``fp`` reads: its band keys without those
    holding more than ``BUCKET_MAX_ARTICLES``."""
    keys = {kind: band_keys(kind, fp) for kind in KINDS}
    for kind, most in BUCKET_MAX_ARTICLES.items():
        if keys[kind]:
            values = {f"k{number}": key for number, key in enumerate(keys[kind])}
            oversized = set(conn.execute(_oversized(len(values)), {**values, "kind": kind, "most": most}).scalars())
            keys[kind] = [key for key in keys[kind] if key not in oversized]
    return keys


def candidates(conn: Connection, fp: Fingerprint, limit: int) -> list[str]:
    """Indexed articles sharing a band with ``fp`` (oversized buckets skipped): most
    shared bands first, then the earliest published (undated last), then by id."""
    keys = lookup_keys(conn, fp)
    if not any(keys.values()):
        return []
    return list(conn.execute(_LOOKUP, {**keys, "limit": limit}).scalars())


def remove(conn: Connection, article_id: str) -> None:
    """Take one article out of the index (before indexing it again)."""
    conn.execute(delete(lsh_buckets).where(lsh_buckets.c.article_id == article_id))
