"""Fingerprints of an article that survive each kind of copying.

Two MinHash sketches (datasketch) per article:

* ``shingles``: the set of word shingles. Verbatim and lightly edited
  reprints keep most runs of words, so their shingle sets overlap strongly.
* ``skeleton``: the set of names and numbers (``link.text.skeleton``).
  Spinners swap the ordinary words and translators all of them, but both keep
  "Tomas Varga", "31", "Vestra"; independent reports of the same events share
  them too. The sketch is over the *set*: independent reports name the same
  people in another order (on the bundled examples the Jaccard similarity of
  skeleton bigrams between same-story reports is 0.05-0.21, of the skeleton
  sets 0.18-0.49), so the order is kept beside it, in ``Fingerprint.skeleton``,
  for verification. Tokens that every kind of article holds (titles, weekdays,
  months, years, small numbers, initials: ``indexed_names``) are left out of
  the sketch: they made unrelated articles collide in the candidate index and
  only diluted the names that identify a story.

Both are plain values: ``to_row``/``from_row`` give and read the row of the
``fingerprints`` table (LeanMinHash bytes plus the skeleton as JSON).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from datasketch import LeanMinHash, MinHash

from ..model import Article
from .distortion_lexicon import NOT_NAMES
from .text import mostly_latin, skeleton, telling_number, words
from .translation import caseless, sound_items

# Changing any of these changes every sketch: stored fingerprints would no
# longer match new ones (relink with `newstrace link` on a fresh database).
NUM_PERM = 128  # datasketch's default; the Jaccard estimate's standard error is about 0.04
SEED = 20241114
SCHEME = "affine32"  # datasketch 2.0's unbiased default; 4 bytes per hash value
# Word shingles of 3: on the examples a machine-spun copy keeps 0.54 of its
# source's 3-shingles (Jaccard) but only 0.38 of its 5-shingles, while two
# unrelated BBC News articles share under 0.01 of their 3-shingles.
SHINGLE_SIZE = 3

# Skeleton tokens that carry no evidence of a shared story, left out of the skeleton
# sketch (not out of ``Fingerprint.skeleton``, which verification reads). Set on
# 10,000 documents recombined from BBC News sentences, where they were the most
# common skeleton tokens (mr 43% of documents, i 42%, the 24%, 2004 19%, 2 16%,
# monday 7%): with them the names-and-numbers index matched 3% of all indexed
# articles per query, without them 1.2%. On the bundled examples leaving them out
# raises the skeleton Jaccard of every same-story pair or keeps it within 0.03 (04
# vs 01 0.45 -> 0.62, 05 vs 01 0.49 -> 0.63, the short feed items vs 01 0.28 -> 0.29
# and 0.30 -> 0.30, the Spanish 07 vs 01 0.45 -> 0.50) and lowers unrelated ones
# (06 vs 01 0.03 -> 0.00). Changing these (or NOT_NAMES) changes every sketch: bump SKETCH_VERSION.
TITLES = frozenset("dr prof sir lord lady dame rev st sr sra srta dona don herr frau mme mlle".split())

# Which sketches a database's index holds. Bump it with any change that makes new
# sketches incomparable with stored ones (shingle size, the skeleton's stop-lists,
# hashing, permutations): ``link_pending`` then sketches every stored article again
# (``copies.refresh_fingerprints``) before linking anything new.
SKETCH_VERSION = "3"  # 3: the word postings across scripts (``Fingerprint.words``, ``index.band_rows``)

SHINGLES = "shingles"
SKELETON = "skeleton"
KINDS = (SHINGLES, SKELETON)


def _hash32(value: bytes) -> int:
    # CRC-32 is about 3x faster than datasketch's SHA-1 default, and enough here:
    # the affine32 scheme mixes the input hash with the MurmurHash3 finalizer first.
    return zlib.crc32(value)


@cache
def _permutations():
    # Drawing the permutations is as costly as sketching a short article: do it once.
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def sketch(items: set[str]) -> LeanMinHash:
    """The MinHash of a set of strings (empty set: every hash value at its maximum)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_hash32, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch([item.encode("utf-8") for item in items])
    return LeanMinHash(minhash)


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """Runs of ``size`` folded words; a text shorter than that is one shingle."""
    tokens = words(text)
    return {" ".join(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1))} if tokens else set()


@dataclass(frozen=True)
class Fingerprint:
    """The sketches of one article: what the candidate index is built from."""

    shingles: LeanMinHash  # MinHash of the word shingles
    names: LeanMinHash  # MinHash of the skeleton's distinct names and numbers
    skeleton: tuple[str, ...]  # names and numbers in text order
    shingle_count: int  # distinct shingles (0: nothing to index)
    # The words' consonant keys and the numbers (``translation.sound_items``) the index posts so that
    # a page in a script without capitals and a page in Latin letters find each other, and which
    # side the page is on: LATIN, CASELESS or None (another script: its capitals find its names).
    # Not stored (the index rows are): read from the text when sketched, left out of equality so a
    # fingerprint read back from its row equals the one sketched.
    words: frozenset[str] = field(default=frozenset(), compare=False)
    script: str | None = field(default=None, compare=False)

    def sketch(self, kind: str) -> LeanMinHash:
        return self.shingles if kind == SHINGLES else self.names

    def size(self, kind: str) -> int:
        """How many distinct items the sketch of ``kind`` summarises."""
        return self.shingle_count if kind == SHINGLES else len(indexed_names(self.skeleton))

    def similarity(self, other: Fingerprint) -> dict[str, float]:
        """Estimated Jaccard similarity per kind (0 when either side is empty)."""
        return {
            kind: self.sketch(kind).jaccard(other.sketch(kind)) if self.size(kind) and other.size(kind) else 0.0
            for kind in KINDS
        }

    def to_row(self) -> dict[str, Any]:
        """The columns of the ``fingerprints`` table (without ``article_id``)."""
        return {
            "signature": _serialize(self.shingles),
            "skeleton_signature": _serialize(self.names),
            "skeleton": list(self.skeleton),
            "shingle_count": self.shingle_count,
        }

    @classmethod
    def from_row(cls, row: Any) -> Fingerprint:
        """A fingerprint back from a ``fingerprints`` row (a mapping or a Row)."""
        values = row if isinstance(row, dict) else row._mapping
        return cls(
            shingles=LeanMinHash.deserialize(values["signature"]),
            names=LeanMinHash.deserialize(values["skeleton_signature"]),
            skeleton=tuple(values["skeleton"]),
            shingle_count=values["shingle_count"],
        )


def _serialize(minhash: LeanMinHash) -> bytes:
    buffer = bytearray(minhash.bytesize())
    minhash.serialize(buffer)
    return bytes(buffer)


def indexed_names(names: tuple[str, ...]) -> set[str]:
    """The skeleton tokens the skeleton sketch is made of: the distinct names and numbers
    without titles, calendar and function words, initials, years and numbers under
    ``text.SMALL_NUMBER_LIMIT`` (``text.telling_number``); a possessive counts as its name ("varga's" -> "varga")."""
    kept = set()
    for token in names:
        if token.isdigit():
            if not telling_number(int(token), token):
                continue
        elif len(token) == 1 or token in NOT_NAMES or token in TITLES:
            continue
        kept.add(token.removesuffix("'s"))
    return kept


LATIN = "latin"
CASELESS = "caseless"


def script_of(text: str) -> str | None:
    """LATIN, CASELESS (a script without capitals) or None (another script with capitals)."""
    if mostly_latin(text):
        return LATIN
    return CASELESS if caseless(text) else None


def fingerprint(article: Article) -> Fingerprint:
    """Both sketches of an article's clean text, and its word postings across scripts."""
    word_shingles = shingles(article.text)
    names = skeleton(article.text)
    script = script_of(article.text)
    return Fingerprint(
        shingles=sketch(word_shingles),
        names=sketch(indexed_names(names)),
        skeleton=names,
        shingle_count=len(word_shingles),
        words=sound_items(article.text) if script else frozenset(),
        script=script,
    )
