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

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
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
class Word:
    text: str  # folded
    weight: float  # NAME_WEIGHT for names and numbers
    stem: str
    senses: frozenset[str]  # WordNet senses (ordinary words only)
    name: bool  # a name (not a number): may be respelt


@dataclass(frozen=True)
class Bag:
    """One sentence's content words, read for paraphrase matching."""

    words: tuple[Word, ...]
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
        is_name = word in names and not word[0].isdigit()
        weighty = is_name or word[0].isdigit()
        senses = frozenset() if weighty else wordnet.synsets(word)
        content.append(Word(word, NAME_WEIGHT if weighty else 1.0, _stem(word), senses, is_name))
    return Bag(
        words=tuple(content),
        stems=frozenset(w.stem for w in content),
        senses=frozenset().union(*(w.senses for w in content)),
        names=tuple(w.text for w in content if w.name),
    )


def bag(sentence: Sentence) -> Bag:
    return _bag(sentence.words, sentence.skeleton)


@lru_cache(maxsize=65536)
def _respelling(name: str, other: str) -> bool:
    return (
        name != other
        and min(len(name), len(other)) >= RESPELLING_MIN_LETTERS
        and Indel.normalized_similarity(name, other) >= RESPELLING_SIMILARITY
    )


def _found_matrix(mine: Sequence[Bag], theirs: Sequence[Bag]) -> np.ndarray:
    """For every i, j: the weighted share of ``mine[i]``'s words that ``theirs[j]`` has (the
    same stem, a WordNet synonym, a respelt name), through inverted indexes of ``theirs``
    (a word is looked up once, not once per sentence pair)."""
    by_stem: dict[str, set[int]] = defaultdict(set)
    by_sense: dict[str, set[int]] = defaultdict(set)
    by_name: list[tuple[str, int]] = []
    for j, b in enumerate(theirs):
        for stem in b.stems:
            by_stem[stem].add(j)
        for sense in b.senses:
            by_sense[sense].add(j)
        by_name.extend((name, j) for name in b.names)
    names = sorted({name for name, _ in by_name})
    out = np.zeros((len(mine), len(theirs)))
    for i, b in enumerate(mine):
        total = sum(w.weight for w in b.words)
        if not total:
            continue
        row = out[i]
        for word in b.words:
            credit: dict[int, float] = {}
            if word.name:
                respelt = {other for other in names if _respelling(word.text, other)}
                for name, j in by_name:
                    if name in respelt:
                        credit[j] = SYNONYM_CREDIT
            for sense in word.senses:
                for j in by_sense.get(sense, ()):
                    credit[j] = SYNONYM_CREDIT
            for j in by_stem.get(word.stem, ()):
                credit[j] = 1.0
            for j, value in credit.items():
                row[j] += word.weight * value
        row /= total
    return out


def _scores(mine: Sequence[Bag], theirs: Sequence[Bag]) -> np.ndarray:
    """The similarity of every pair: the mean of the two directions' found shares."""
    return (_found_matrix(mine, theirs) + _found_matrix(theirs, mine).T) / 2


def similarity_matrix(copy: Sequence[Sentence], source: Sequence[Sentence]) -> np.ndarray:
    """``similarity([copy[i]], [source[j]])`` for every i, j, in one pass."""
    return _scores([bag(s) for s in copy], [bag(s) for s in source])


def _merged(sentences: Sequence[Sentence]) -> Bag:
    """One bag for a run of sentences (a split or joined sentence is scored as one)."""
    bags = [bag(s) for s in sentences]
    return Bag(
        words=tuple(w for b in bags for w in b.words),
        stems=frozenset().union(*(b.stems for b in bags)),
        senses=frozenset().union(*(b.senses for b in bags)),
        names=tuple(name for b in bags for name in b.names),
    )


def similarity(copy: Sequence[Sentence], source: Sequence[Sentence]) -> float:
    """How closely the run ``copy`` rewords the run ``source`` (see the module doc)."""
    return float(_scores([_merged(copy)], [_merged(source)])[0, 0])
