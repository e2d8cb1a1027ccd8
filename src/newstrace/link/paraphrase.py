"""How closely one run of sentences rewords another: what a real spinner leaves behind.

    similarity(copy_sentences, source_sentences) -> float in [0, 1]

Real content-farm spinners change most content words, reorder clauses and
garble grammar, but keep names, numbers, most rare words and the order of
sentences. A sentence is read as a bag of content words (stop words out):
each copy word counts as found in the source run when the source has the
same stem, a WordNet synonym of it (``wordnet.py``, a resource nobody here
wrote) or, for names, a respelling (Trufanov / Troufanov). Names and numbers
weigh double: they are what spinning keeps and what independent reports of the
same event also share, so they alone do not make a pair (see compare.py's
floors). The score is the mean of the two directions' weighted found shares,
so a copy sentence that adds or drops a clause scores lower, not zero. Word
order inside the sentence does not count: spinners move clauses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel
from spacy.lang.en.stop_words import STOP_WORDS

from . import wordnet
from .align import Sentence

# Stems: a word cut to this many letters (prepares / preparing / prepared,
# economy / economies). Cruder than a stemmer, and language-blind.
STEM_LETTERS = 6
NAME_WEIGHT = 2.0
SYNONYM_CREDIT = 0.8  # a synonym is weaker evidence than the same word
# A name respelt by a copy (Trufanov / Troufanov, Marzouk / Marzouq) keeps this
# Indel similarity, and at least RESPELLING_MIN_LETTERS letters.
RESPELLING_SIMILARITY = 0.8
RESPELLING_MIN_LETTERS = 5
_STOP = frozenset(STOP_WORDS) | {"s", "t", "ll", "ve", "d", "m"}


@dataclass(frozen=True)
class Bag:
    """One sentence's content words, read for paraphrase matching."""

    words: tuple[tuple[str, float], ...]  # (folded word, weight)
    stems: frozenset[str]
    senses: frozenset[str]
    names: tuple[str, ...]


def _stem(word: str) -> str:
    return word[:STEM_LETTERS]


@lru_cache(maxsize=65536)
def _bag(words: tuple[str, ...], skeleton: tuple[str, ...]) -> Bag:
    names = set(skeleton)
    content = []
    for word in words:
        word = word.replace("’", "'").removesuffix("'s")
        if word in _STOP or len(word) < 2 and not word.isdigit():
            continue
        content.append((word, NAME_WEIGHT if word in names or word[0].isdigit() else 1.0))
    senses: set[str] = set()
    for word, weight in content:
        if weight == 1.0:
            senses |= wordnet.synsets(word)
    return Bag(
        words=tuple(content),
        stems=frozenset(_stem(word) for word, _ in content),
        senses=frozenset(senses),
        names=tuple(word for word, weight in content if weight > 1.0 and not word[0].isdigit()),
    )


def bag(sentence: Sentence) -> Bag:
    return _bag(sentence.words, sentence.skeleton)


def _respelt(name: str, others: Sequence[str]) -> bool:
    return len(name) >= RESPELLING_MIN_LETTERS and any(
        Indel.normalized_similarity(name, other) >= RESPELLING_SIMILARITY for other in others
    )


def _found(mine: Sequence[Bag], theirs: Sequence[Bag]) -> float:
    """Weighted share of ``mine``'s words that ``theirs`` has (same stem, synonym, respelt name)."""
    stems = frozenset().union(*(b.stems for b in theirs))
    senses = frozenset().union(*(b.senses for b in theirs))
    names = [name for b in theirs for name in b.names]
    total = found = 0.0
    for b in mine:
        for word, weight in b.words:
            total += weight
            if _stem(word) in stems:
                found += weight
            elif weight == 1.0 and senses and wordnet.synsets(word) & senses:
                found += weight * SYNONYM_CREDIT
            elif weight > 1.0 and not word[0].isdigit() and _respelt(word, names):
                found += weight * SYNONYM_CREDIT
    return found / total if total else 0.0


def similarity(copy: Sequence[Sentence], source: Sequence[Sentence]) -> float:
    """How closely ``copy`` rewords ``source`` (see the module doc)."""
    mine, theirs = [bag(s) for s in copy], [bag(s) for s in source]
    if not any(b.words for b in mine) or not any(b.words for b in theirs):
        return 0.0
    return (_found(mine, theirs) + _found(theirs, mine)) / 2
