"""How much of one text is written, word for word, in another: containment, not resemblance.

    read_words(text, sentences, prose) -> Words         (once per article)
    containment(copy: Words, source: Words) -> Containment

Real reprints are rarely whole: a scrape or a feed keeps the first two
thousand characters, a tag page keeps the lead, a site repeats its lead as a
summary line, strips quote marks ("world's" -> "worlds") or glues two
sentences ("economies.His"). Resemblance (Jaccard) of the two texts falls with
every such difference; containment does not. A word counts as *shared* when it
sits inside a run of SHINGLE words that the other text also has, anywhere (a
moved paragraph stays shared). Then:

* words inside quotation marks are left out on both sides: independent
  reports of one speech share its quotes word for word, copies share their
  prose too;
* lines that are not prose (furniture: a byline, a credit, "Continue
  reading") are left out (the caller says which sentences are prose), and so
  are sentences before the first or after the last shared word that name
  nothing the other text names (a page's "related stories" headlines);
* a text that stops inside the shared run is taken as cut short there: the
  other text's words after the last shared word are out of the comparison
  (a partial reprint is still verbatim; a source scraped only in part does
  not make its full copy "edited").

``Containment.copy`` and ``.source`` are the shares of each side's remaining
prose words that are shared; ``covered`` says which part of the source the
copy covers (the first to the last shared source character).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import compress, count
from operator import and_

from ..model import Span
from .align import Sentence
from .text import split_tokens, tokens

# Words per shingle. Five words in a row are rarely shared by accident outside
# quotes (stock phrases run to four: "on the other hand", "said in a
# statement"), and one changed word unshares only itself, since its neighbours
# stay inside other shared shingles.
SHINGLE = 5
# A text "stops inside the shared run" when at most this many of its prose
# words follow its last shared word (a word cut in half, "Continue reading").
CUT_TAIL_WORDS = 3
# Words whose change is house style, not content: articles and titles (a
# pronoun or a "not" changed is a fact changed).
HOUSE_STYLE = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr", "shri", "smt", "sri"})
# Quotations: straight, curly and doubled-apostrophe quote marks around at
# least a few words; a curly apostrophe inside a word ("won’t") does not close one.
_QUOTATION = re.compile(
    r"“[^”\n]{12,}?”|\"[^\"\n]{12,}?\"|''[^'\n]{12,}?''|‘‘[^’\n]{12,}?’’|‘[^’\n]{12,}?’(?!\w)|«[^»\n]{12,}?»"
)


@dataclass(frozen=True)
class Containment:
    copy: float  # share of the copy's compared prose words shared with the source
    source: float  # share of the source's compared prose words shared with the copy
    whole: float  # share of the shared words in sentences copied whole (the larger side's)
    identical: float  # share of the copy's shared words in sentences copied without a change
    changes: int  # content words changed after the first shared word in the compared part, both sides together
    swapped: float  # share of the copy's changed words that stand alone or in pairs (word swaps, not rewrites)
    copy_words: int  # the copy's compared prose words
    source_words: int
    covered: Span | None  # the part of the source the copy covers (None: nothing shared)
    copy_cut: bool = False  # the copy stops inside the shared run: the source goes on past what it covers
    source_cut: bool = False  # the source stops inside the shared run: the copy goes on past it
    copy_end: int = 0  # where the copy's last shared word ends (a character offset into the copy)


@dataclass(frozen=True)
class Words:
    """A text read for containment, once per article (``compare.read`` keeps it)."""

    text: str
    sentences: tuple[Sentence, ...]
    keys: tuple[str, ...]  # every word, folded, apostrophes dropped
    starts: tuple[int, ...]  # where each word starts in the text (numbers, not Spans: see Sentence.unit_bounds)
    ends: tuple[int, ...]
    counted: tuple[bool, ...]  # prose and outside quotations
    sentence_of: tuple[int, ...]  # the sentence each word is in
    shingles: frozenset[tuple[str, ...]]  # every run of SHINGLE keys


def read_words(
    text: str, sentences: Sequence[Sentence], prose: Sequence[bool], words: Sequence[Span] | None = None
) -> Words:
    """The words of ``text``'s sentences (``align.read_sentences``); ``prose``: per sentence, whether
    it counts; ``words``: ``tokens(text)``, when the caller has them already."""
    quoted = [(m.start(), m.end()) for m in _QUOTATION.finditer(text)]
    keys, starts, ends, counted, sentence_of = [], [], [], [], []
    q = 0
    per_sentence = split_tokens(tokens(text) if words is None else words, [s.span for s in sentences])
    for index, (sentence, is_prose, found) in enumerate(zip(sentences, prose, per_sentence)):
        # A sentence's folded words are its tokens' name keys (a scraper's doubled apostrophe
        # read as one): without apostrophes, they are the keys.
        keys.extend(word.replace("'", "").replace("’", "") for word in sentence.words)
        for span in found:
            while q < len(quoted) and quoted[q][1] <= span.start:
                q += 1
            counted.append(is_prose and not (q < len(quoted) and quoted[q][0] <= span.start))
        starts.extend(span.start for span in found)
        ends.extend(span.end for span in found)
        sentence_of.extend([index] * len(found))
    return Words(
        text, tuple(sentences), tuple(keys), tuple(starts), tuple(ends), tuple(counted), tuple(sentence_of),
        _shingles(keys),
    )


def _names(sentences: Sequence[Sentence]) -> set[str]:
    return {key for s in sentences for key in s.skeleton if not key[0].isdigit()}


def _drop_unrelated_edges(words: Words, shared: list[bool], other: set[str]) -> Words:
    """``words`` without the sentences outside the shared run that name nothing of the other text."""
    positions = [i for i, s in enumerate(shared) if s]
    if not positions:
        return words
    first, last = words.sentence_of[positions[0]], words.sentence_of[positions[-1]]
    unrelated = {
        index
        for index, sentence in enumerate(words.sentences)
        if (index < first or index > last) and not (set(sentence.skeleton) & other)
    }
    counted = tuple(c and words.sentence_of[i] not in unrelated for i, c in enumerate(words.counted))
    return replace(words, counted=counted)


def _runs(keys: Sequence[str]) -> Iterator[tuple[str, ...]]:
    """Each run of SHINGLE keys, in order (the one starting at each word but the last few)."""
    return zip(*(keys[k:] for k in range(SHINGLE)))


def _shingles(keys: Sequence[str]) -> frozenset[tuple[str, ...]]:
    # A set, not where each run starts: built in C, it is a fifth of the cost and two thirds of the
    # memory of a map to the starts, and ``_shared`` walks the runs in order anyway.
    return frozenset(_runs(keys))


_SHARED_RUN = [True] * SHINGLE


def _shared(words: Words, other: frozenset[tuple[str, ...]]) -> list[bool]:
    """Per word of ``words``: whether it sits in a run of SHINGLE keys that ``other`` has."""
    shared = [False] * len(words.keys)
    for start in compress(count(), map(other.__contains__, _runs(words.keys))):  # the runs it has
        shared[start : start + SHINGLE] = _SHARED_RUN
    return shared


def _last_shared(shared: list[bool]) -> int:
    return max((i for i, s in enumerate(shared) if s), default=-1)


def _cut_short(words: Words, shared: list[bool]) -> bool:
    """Whether the text stops inside the shared run (at most CUT_TAIL_WORDS prose words after it)."""
    last = _last_shared(shared)
    if last < 0:
        return False
    return sum(words.counted[last + 1 :]) <= CUT_TAIL_WORDS


def _share(words: Words, shared: list[bool], stop: int) -> tuple[float, int]:
    total = sum(words.counted[:stop])
    hits = sum(map(and_, shared[:stop], words.counted[:stop]))
    return (hits / total if total else 0.0), total


def containment(copy: Words, source: Words) -> Containment:
    """How much of each text the other contains (see the module doc)."""
    copy_shared = _shared(copy, source.shingles)
    if not any(copy_shared):  # nothing copied (most pairs the linker verifies): no run on either side
        return Containment(0.0, 0.0, 0.0, 0.0, 0, 0.0, sum(copy.counted), sum(source.counted), None)
    source_shared = _shared(source, copy.shingles)
    copy_stop, source_stop = len(copy.keys), len(source.keys)
    copy_cut = source_cut = False
    # Only one side can be the one cut short: when both stop inside the shared run
    # they end together and nothing is left out.
    # The cut text's last words (a word cut in half) are no change either.
    if _cut_short(copy, copy_shared) and not _cut_short(source, source_shared):
        copy_stop, source_stop = _last_shared(copy_shared) + 1, _last_shared(source_shared) + 1
        copy_cut = True
    elif _cut_short(source, source_shared) and not _cut_short(copy, copy_shared):
        copy_stop, source_stop = _last_shared(copy_shared) + 1, _last_shared(source_shared) + 1
        source_cut = True
    copy = _drop_unrelated_edges(copy, copy_shared, _names(source.sentences))
    source = _drop_unrelated_edges(source, source_shared, _names(copy.sentences))
    copy_share, copy_words = _share(copy, copy_shared, copy_stop)
    source_share, source_words = _share(source, source_shared, source_stop)
    whole = max(_in_whole_sentences(copy, copy_shared), _in_whole_sentences(source, source_shared))
    identical = _in_whole_sentences(copy, copy_shared, 1.0)
    changes = _changes(copy, copy_shared, copy_stop) + _changes(source, source_shared, source_stop)
    heads = (_head_numbers(copy, copy_shared), _head_numbers(source, source_shared))
    if min(heads):  # a number on each side, before the shared run: one replaced by the other
        changes += sum(heads)
    swapped = _in_short_runs(copy, copy_shared, copy_stop)
    positions = [i for i, s in enumerate(source_shared) if s]
    covered = None
    if positions:
        start, end = source.starts[positions[0]], source.ends[positions[-1]]
        covered = Span(source.text[start:end], start, end)
    return Containment(
        copy_share, source_share, whole, identical, changes, swapped, copy_words, source_words, covered,
        copy_cut, source_cut, copy.ends[_last_shared(copy_shared)] if covered else 0,
    )


# A sentence is copied whole when nine in ten of its counted words are shared
# (one changed word in a short sentence, a house-style change in a long one).
WHOLE_SENTENCE = 0.9


def _in_whole_sentences(words: Words, shared: list[bool], least: float = WHOLE_SENTENCE) -> float:
    """Share of the shared counted words that sit in sentences with at least ``least`` of their words shared."""
    counted = Counter(compress(words.sentence_of, words.counted))  # per sentence: its counted words
    hits = Counter(compress(words.sentence_of, map(and_, shared, words.counted)))  # ... and of them, shared
    total = sum(hits.values())
    whole = sum(found for index, found in hits.items() if found >= least * counted[index])
    return whole / total if total else 0.0


def _changes(words: Words, shared: list[bool], stop: int) -> int:
    """The content words from the first shared sentence to ``stop`` (the compared part) that are
    not shared: 0 when that part is copied unchanged up to house style ("Mr. Gandhi")."""
    first = next((i for i, s in enumerate(shared) if s), stop)
    return sum(
        1 for i in range(first, stop) if words.counted[i] and not shared[i] and words.keys[i] not in HOUSE_STYLE
    )


def _head_numbers(words: Words, shared: list[bool]) -> int:
    """Numbers before the first shared word, in its sentence. The words there are as often a
    byline or a dateline glued to the lead ("Apr 15 ... By Lori Hinnant", "NEW DELHI:") as a
    change, but a number changed near the start leaves its neighbours unshared too."""
    first = next((i for i, s in enumerate(shared) if s), 0)
    return sum(1 for i in range(_sentence_start(words, first), first) if words.counted[i] and words.keys[i][0].isdigit())


def _sentence_start(words: Words, index: int) -> int:
    """The first word of the sentence of word ``index``."""
    while 0 < index < len(words.keys) and words.sentence_of[index - 1] == words.sentence_of[index]:
        index -= 1
    return index


# A run of at most this many changed words between shared ones is a word swap
# ("pulled" -> "hauled", "officials said" -> "authorities stated"); an editor's
# change is a clause or a sentence.
SWAP_RUN = 3


def _in_short_runs(words: Words, shared: list[bool], stop: int) -> float:
    """Share of the changed counted words (from the first shared word to ``stop``) in runs of
    at most SWAP_RUN changed words."""
    first = next((i for i, s in enumerate(shared) if s), stop)
    runs: list[int] = []
    length = 0
    for i in range(first, stop):
        if not words.counted[i]:
            continue
        if shared[i]:
            if length:
                runs.append(length)
            length = 0
        else:
            length += 1
    if length:
        runs.append(length)
    changed = sum(runs)
    return sum(r for r in runs if r <= SWAP_RUN) / changed if changed else 0.0
