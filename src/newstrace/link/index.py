"""The candidate index: MinHash LSH kept in the database, incremental and sub-linear.

Banding (as in datasketch's ``MinHashLSH``): a sketch's hash values are cut
into ``bands`` runs of ``rows`` values; two articles whose sketches agree on
every value of at least one band become candidates. Two sets with Jaccard
similarity ``s`` collide with probability ``1 - (1 - s**rows)**bands``, so
(bands, rows) follow from a target similarity (``lsh_params``).

Each band is one row of ``lsh_buckets`` (kind, band, bucket, article_id),
where ``bucket`` is a 64-bit hash of the kind, the band number and the band's
values. This module computes the keys; the store writes and looks them up
(``store/lsh.py``): ``candidates`` reads the keys through the (kind, bucket)
index and ranks the articles by how many bands they share, ties to the
earliest published. Nothing is ever rebuilt.

A bucket that most of a large corpus shares carries no evidence and would make
each lookup read a fixed share of the whole index (work per article growing with
the corpus, linking time with its square). So lookups skip the skeleton buckets
holding more than a cap (``LinkSettings``): each bucket's size is a counter
(``lsh_bucket_sizes``) that indexing adds to, so which buckets are that full is
one indexed read of the keys' counters, and a lookup reads at most that many
rows per skeleton band, however large the index grows.

Across scripts (``translation.py``): a page in Latin letters and a page in a script without
capitals (Devanagari, Arabic, Hebrew) share no capitalised names to sketch. Each posts its
words' consonant keys and its numbers (``Fingerprint.words``), one row per item, under its
side's kind (``WORDS``); a lookup reads the other side's kind, so Latin pages never find each
other this way, and ranks what it finds by how specific the shared items are (``WORDS_LIMIT``).
The counter of a Latin-side item is how many pages write it: the evidence weight of
``translation.Frequency``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from .fingerprint import CASELESS, KINDS, LATIN, NUM_PERM, SHINGLES, SKELETON, Fingerprint
from .settings import DEFAULT_SETTINGS
from .translation import Frequency

if TYPE_CHECKING:
    from ..store import Store

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
# Lookups skip a skeleton bucket holding more than ``LinkSettings.skeleton_bucket_max_articles``
# articles (how that was set: link/settings.py). Skeleton bands are 2 hash values: a bucket is, most
# often, one name that happened to be the least under both permutations, and a name common across the
# corpus (a country, a party, a leader) fills its buckets in proportion to the corpus. Word-shingle
# buckets are never skipped: unrelated articles (Jaccard under 0.01) share a 3-row band with
# probability under 1e-6, so only copies fill them, and a story reprinted 500 times must still find
# its original.
# The word postings across scripts: each side's kind, and the side it looks up.
WORDS = {LATIN: "words_latin", CASELESS: "words_caseless"}
OTHER_SIDE = {LATIN: CASELESS, CASELESS: LATIN}
# A lookup across scripts reads the items held by at most this many pages (a word every page
# writes is no evidence, and reading its rows would grow with the corpus: the skeleton's cap,
# LinkSettings.skeleton_bucket_max_articles) ...
WORDS_BUCKET_MAX_ARTICLES = 100
# ... and of the pages it finds, verifies this many, the most specific shared items first
# (translation.Frequency.weight): each is one more verification of the page. With 5, every dev
# Hindi page of real-copies that links at all links to its labelled English page, in file order
# and shuffled (bench/real_copies.py: cross_language_labelled_*_linked).
WORDS_LIMIT = 5
# ... of the WORDS_SCAN pages sharing most items (a bound on the pages scored).
WORDS_SCAN = 100
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


def item_keys(kind: str, items) -> list[int]:
    """The bucket of each posted item (sorted): a 64-bit hash of the kind and the item, signed."""
    return [
        int.from_bytes(hashlib.blake2b(f"{kind}\x00{item}".encode(), digest_size=8).digest(), "big", signed=True)
        for item in sorted(items)
    ]


# Every page posts this item too: its counter is how many pages of its side there are, the whole
# a word's count is weighed against (``item_frequency``), and a lookup of a side no page is on yet
# stops there (a corpus without Hindi pages). It is never looked up as a word.
EVERY_PAGE = ""


def band_rows(fp: Fingerprint) -> list[tuple[str, int, int]]:
    """(kind, band, bucket) of every band of one fingerprint, and of its word postings: its rows in the index."""
    rows = [(kind, band, key) for kind in KINDS for band, key in enumerate(band_keys(kind, fp))]
    if fp.script in WORDS and fp.words:
        kind = WORDS[fp.script]
        rows += [(kind, number, key) for number, key in enumerate(item_keys(kind, {*fp.words, EVERY_PAGE}))]
    return rows


def item_frequency(store: Store, items) -> Frequency:
    """How many pages in Latin letters post each of ``items``, out of how many such pages are indexed."""
    items = sorted({*items, EVERY_PAGE})
    kind = WORDS[LATIN]
    keys = item_keys(kind, items)
    sizes = store.bucket_sizes(kind, keys)
    counts = {item: sizes.get(key, 0) for item, key in zip(items, keys)}
    return Frequency(counts.pop(EVERY_PAGE), counts)


def add(store: Store, article_id: str, fp: Fingerprint) -> int:
    """Index one article: insert its band rows. Returns how many rows were written."""
    return store.index_bands(article_id, band_rows(fp))


def lookup_keys(store: Store, fp: Fingerprint, most: Mapping[str, int] | None = None) -> dict[str, list[int]]:
    """Per kind, the buckets a lookup for ``fp`` reads: its band keys without those
    holding more than ``most[kind]`` articles (by default the settings' caps)."""
    most = DEFAULT_SETTINGS.bucket_max_articles() if most is None else most
    return store.lookup_keys({kind: band_keys(kind, fp) for kind in KINDS}, most)


def candidates(store: Store, fp: Fingerprint, limit: int, most: Mapping[str, int] | None = None) -> list[str]:
    """Indexed articles sharing a band with ``fp`` (buckets over ``most[kind]`` articles skipped,
    by default the settings' caps): most shared bands first, then the earliest published
    (undated last), then by id."""
    return [article_id for article_id, _shared in candidate_bands(store, fp, limit, most)]


def candidate_bands(
    store: Store, fp: Fingerprint, limit: int, most: Mapping[str, int] | None = None
) -> list[tuple[str, dict[str, int]]]:
    """``candidates``, each with how many bands of each kind it shares with ``fp``; the pages of the
    other script that share the most specific words come first (``across_scripts``)."""
    most = DEFAULT_SETTINGS.bucket_max_articles() if most is None else most
    found = store.candidate_bands({kind: band_keys(kind, fp) for kind in KINDS}, limit, most)
    across = across_scripts(store, fp)
    ids = {article_id for article_id, _shared in across}
    return [*across, *(row for row in found if row[0] not in ids)][:limit]


def single_band_sizes(store: Store, fp: Fingerprint, ranked: list[tuple[str, dict[str, int]]]) -> dict[str, int]:
    """Of the ``ranked`` candidates that share one skeleton band with ``fp`` and nothing else,
    how many articles that one bucket holds (its counter): a name shared with ten other articles
    is some evidence, one shared with a hundred is a topic. Two indexed reads, whatever the corpus."""
    weak = [article_id for article_id, shared in ranked if shared.get(SKELETON) == 1 and sum(shared.values()) == 1]
    if not weak:
        return {}
    keys = band_keys(SKELETON, fp)
    sizes = store.bucket_sizes(SKELETON, keys)
    return {
        article_id: max(sizes.get(key, 0) for key in buckets)
        for article_id, buckets in store.sharing(SKELETON, keys, weak).items()
    }


def across_scripts(store: Store, fp: Fingerprint) -> list[tuple[str, dict[str, int]]]:
    """Pages of the other side (Latin letters / a script without capitals) sharing items with ``fp``:
    at most WORDS_LIMIT, by the summed weight of the shared items (``translation.Frequency``)."""
    if fp.script not in OTHER_SIDE or not fp.words:
        return []
    kind = WORDS[OTHER_SIDE[fp.script]]
    if not any(store.bucket_sizes(kind, item_keys(kind, [EVERY_PAGE])).values()):
        return []
    items = sorted(fp.words)
    keys = item_keys(kind, items)
    rows = store.candidate_bands({kind: keys}, WORDS_SCAN, {kind: WORDS_BUCKET_MAX_ARTICLES})
    if not rows:
        return []
    # Which items each found page shares: the weights need them, the counts alone do not say.
    shared = store.sharing(kind, keys, [article_id for article_id, _ in rows])
    frequency = item_frequency(store, items)
    item_of = dict(zip(keys, items))
    scored = [
        (sum(frequency.weight(item_of[key]) for key in shared.get(article_id, ())), article_id, hits)
        for article_id, hits in rows
    ]
    scored.sort(key=lambda row: -row[0])
    return [(article_id, hits) for _weight, article_id, hits in scored[:WORDS_LIMIT]]


def remove(store: Store, article_id: str) -> None:
    """Take one article out of the index (before indexing it again)."""
    store.unindex(article_id)
