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
    weight: float  # the words' weights summed, in order


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
    return _bag_of(tuple(content))


def _bag_of(words: tuple[Word, ...]) -> Bag:
    return Bag(
        words=words,
        stems=frozenset(w.stem for w in words),
        senses=frozenset().union(*(w.senses for w in words)),
        names=tuple(w.text for w in words if w.name),
        weight=sum(w.weight for w in words),
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
    # Only the senses ``mine`` has can credit a word: the others are not indexed.
    wanted = frozenset().union(*(b.senses for b in mine))
    by_stem: dict[str, set[int]] = defaultdict(set)
    by_sense: dict[str, set[int]] = defaultdict(set)
    by_name: dict[str, list[int]] = defaultdict(list)
    for j, b in enumerate(theirs):
        for stem in b.stems:
            by_stem[stem].add(j)
        for sense in b.senses & wanted:
            by_sense[sense].add(j)
        for name in b.names:
            by_name[name].append(j)
    names = sorted(by_name)
    respelt: dict[str, list[str]] = {}  # a name of ``mine`` -> the names of ``theirs`` respelling it
    out = np.zeros((len(mine), len(theirs)))
    for i, b in enumerate(mine):
        total = b.weight
        if not total:
            continue
        row = [0.0] * len(theirs)  # summed in word order, as floats: the same sums as in the array
        for word in b.words:
            credit: dict[int, float] = {}
            if word.name:
                if word.text not in respelt:
                    respelt[word.text] = [other for other in names if _respelling(word.text, other)]
                for other in respelt[word.text]:
                    for j in by_name[other]:
                        credit[j] = SYNONYM_CREDIT
            for sense in word.senses:
                for j in by_sense.get(sense, ()):
                    credit[j] = SYNONYM_CREDIT
            for j in by_stem.get(word.stem, ()):
                credit[j] = 1.0
            for j, value in credit.items():
                row[j] += word.weight * value
        out[i] = row
        out[i] /= total
    return out


def _found_share(mine: Bag, theirs: Bag) -> float:
    """``_found_matrix([mine], [theirs])[0, 0]``, without indexes: a word is looked up in the one bag."""
    total = mine.weight
    if not total:
        return 0.0
    found = 0.0
    for word in mine.words:
        if word.stem in theirs.stems:
            found += word.weight * 1.0
        elif not word.senses.isdisjoint(theirs.senses) or (
            word.name and any(_respelling(word.text, other) for other in theirs.names)
        ):
            found += word.weight * SYNONYM_CREDIT
    return found / total


def _scores(mine: Sequence[Bag], theirs: Sequence[Bag]) -> np.ndarray:
    """The similarity of every pair: the mean of the two directions' found shares."""
    return (_found_matrix(mine, theirs) + _found_matrix(theirs, mine).T) / 2


def similarity_matrix(copy: Sequence[Sentence], source: Sequence[Sentence]) -> np.ndarray:
    """``similarity([copy[i]], [source[j]])`` for every i, j, in one pass."""
    return _scores([bag(s) for s in copy], [bag(s) for s in source])


def _merged(sentences: Sequence[Sentence]) -> Bag:
    """One bag for a run of sentences (a split or joined sentence is scored as one)."""
    if len(sentences) == 1:
        return bag(sentences[0])
    return _merged_bag(tuple((s.words, s.skeleton) for s in sentences))


# Runs of sentences merged: ``align`` scores each run of two against every sentence it may pair.
@lru_cache(maxsize=4096)
def _merged_bag(sentences: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> Bag:
    return _bag_of(tuple(word for words, skeleton in sentences for word in _bag(words, skeleton).words))


def similarity(copy: Sequence[Sentence], source: Sequence[Sentence]) -> float:
    """How closely the run ``copy`` rewords the run ``source`` (see the module doc)."""
    copy_bag, source_bag = _merged(copy), _merged(source)
    return (_found_share(copy_bag, source_bag) + _found_share(source_bag, copy_bag)) / 2
