"""Sentence alignment between a copy and its source, tolerant of spinning.

    read_sentences(text) -> tuple[Sentence, ...]
    align(copy, source, view, floor) -> tuple[Match, ...]
    pair_closed_gaps(copy, source, matches, view, floor) -> tuple[Match, ...]
    fill_gaps(copy, source, matches) -> tuple[Match, ...]   (translations)
    transliterated(copy, source) -> tuple[Sentence, ...]    (translations into another script)

A sentence is read three ways: its folded words (identity up to case,
whitespace and quote style), its *units* (words through the synonym table of
``synonyms.py``, numbers by value, filler words dropped: what a spinner leaves
alone) and its *skeleton* (names and numbers: what a translator leaves alone).

``align`` is a monotone dynamic program over the two sentence lists, in the
spirit of Gale & Church's length-based aligner but scored by content: a copy
sentence may render one source sentence (1-1), two source sentences merged
(1-2) or one source sentence split in two (2-1); any sentence may be skipped
(inserted in the copy, dropped from the source). A pair earns its similarity
minus ``floor``, so only pairs above the floor are ever worth taking, and a
merge is taken only when it beats the 1-1 pair plus a skip (an inserted junk
sentence next to a kept one stays unaligned). Similarities are rapidfuzz's
Indel (longest common subsequence) ratio on the chosen view, so word order
counts. The two gap passes pair what the program left out next to pairs it
took: a sentence with a rewritten tail (``pair_closed_gaps``) and, in a
translation, sentences without names or numbers (``fill_gaps``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from ..model import Span
from . import synonyms as lexicon
from .names import spelling_key
from ..text import name_key, number_value
from .text import sentences, skeleton_positions, split_tokens, tokens


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, read for comparison."""

    span: Span
    words: tuple[str, ...]  # folded tokens: equal tuples = the same sentence
    units: tuple[str, ...]  # canonical words (synonyms merged, fillers dropped, numbers by value)
    # Where each unit is written (a phrase unit spans its words): start, end, ... as numbers, which
    # the garbage collector does not track (a Span per unit was 9 in 10 of a cached reading's objects).
    unit_bounds: tuple[int, ...]
    skeleton: tuple[str, ...]  # names and numbers, folded to ASCII
    anchors: tuple[str, ...]  # the skeleton cut to cognate stems (Brigade = Brigada)

    @property
    def unit_spans(self) -> tuple[Span, ...]:
        """Where each unit is written, as spans of the article's text."""
        text, offset, bounds = self.span.text, self.span.start, self.unit_bounds
        return tuple(Span(text[start - offset : end - offset], start, end) for start, end in zip(bounds[::2], bounds[1::2]))


@dataclass(frozen=True)
class Match:
    """Copy sentences ``copy[0]:copy[1]`` render source sentences ``source[0]:source[1]``."""

    copy: tuple[int, int]
    source: tuple[int, int]
    similarity: float


View = Callable[[Sentence], Sequence[str]]


def lexical(sentence: Sentence) -> tuple[str, ...]:
    return sentence.units


def names_and_numbers(sentence: Sentence) -> tuple[str, ...]:
    return sentence.anchors


# Names keep their first letters across languages (Brigade/Brigada,
# Dialogue/Diálogo, Centre/Centro, Estavia/Estavian): five letters tell
# cognates apart from other names in the examples and the fixtures.
ANCHOR_LETTERS = 5


def _anchor(key: str) -> str:
    return key if key[0].isdigit() else key[:ANCHOR_LETTERS]


# Across scripts a name is transliterated, not copied (Wojcik / Вуйцик, read
# back as vuitsik; Whitfield / Уитфилд, uitfild): names compare by their
# consonants after ``names.spelling_key`` (vowels, h, w, v and y dropped, z
# read as s: the letters transliterations trade), one a prefix of the other
# (a Russian case ending: Холлисфордом), with at least this many consonants
# (Heath / Хит keep one and stay apart).
TRANSLITERATION_MIN_CONSONANTS = 2
_SOFT_LETTERS = re.compile(r"[aeiouyhwv]")


@lru_cache(maxsize=65536)
def sound_key(key: str) -> str:
    """A name key's consonants as transliterations keep them (see TRANSLITERATION_MIN_CONSONANTS)."""
    # Nasals trade places too: Hindi writes the n of Gandhi as an anusvara (गांधी, read gamdhi).
    return _SOFT_LETTERS.sub("", spelling_key(key)).replace("z", "s").replace("m", "n")


def counterpart(key: str, candidates, exact: bool = False) -> str | None:
    """The name among ``candidates`` that ``key`` transliterates (the longest agreement), if one;
    ``exact``: the consonants must agree whole, not only as a prefix (a word of a script without
    capitals, which may be any word)."""
    sound = sound_key(key)
    best, agreed = None, TRANSLITERATION_MIN_CONSONANTS - 1
    # Sorted, so that of names agreeing equally far the same one wins in every process: a set's
    # order of strings changes with the hash seed, and with it a translated link's score.
    for other in sorted(candidates):
        other_sound = sound_key(other)
        if exact:
            if sound == other_sound and len(sound) > agreed:
                best, agreed = other, len(sound)
            continue
        shorter = min(len(sound), len(other_sound))
        if shorter > agreed and sound[:shorter] == other_sound[:shorter]:
            best, agreed = other, shorter
    return best


def _caseless(word: str) -> bool:
    return word.upper() == word.lower() and not word[0].isdigit()


def transliterated(copy: Sequence[Sentence], source: Sequence[Sentence]) -> tuple[Sentence, ...]:
    """``copy`` with each name that has no anchor in ``source`` anchored as the source name it
    transliterates. In a script without capitals (Devanagari, Arabic, Hebrew) any word may be a
    name: a word becomes an anchor when its consonants are those of a source name."""
    source_names = {key for s in source for key in s.skeleton if not key[0].isdigit()}
    source_anchors = {anchor for s in source for anchor in s.anchors}
    mapping: dict[str, str] = {}

    def mapped(key: str, exact: bool = False) -> str:
        if key[0].isdigit() or _anchor(key) in source_anchors:
            return key
        if key not in mapping:
            mapping[key] = counterpart(key, source_names, exact) or key
        return mapping[key]

    out = []
    for sentence in copy:
        words = tokens(sentence.span.text)
        if not any(_caseless(w.text) for w in words):
            out.append(replace(sentence, anchors=tuple(_anchor(mapped(key)) for key in sentence.skeleton)))
            continue
        keys: list[str] = []
        skeleton = iter(sentence.skeleton)
        pending = next(skeleton, None)
        for word in words:
            key = name_key(word.text) if not word.text[0].isdigit() else number_value(word.text)
            if pending is not None and key == pending:
                keys.append(mapped(key))
                pending = next(skeleton, None)
            elif _caseless(word.text) and mapped(key, exact=True) in source_names:
                keys.append(mapped(key, exact=True))
        out.append(replace(sentence, anchors=tuple(_anchor(key) for key in keys)))
    return tuple(out)


def _canonical_table() -> tuple[dict[tuple[str, ...], str], int]:
    table: dict[tuple[str, ...], str] = {}
    for group in lexicon.SYNONYM_GROUPS:
        forms = group.split()
        for form in forms:
            table[tuple(form.split("_"))] = forms[0]
    table.update({(word,): value for word, value in lexicon.NUMBER_WORDS.items()})
    return table, max(len(key) for key in table)


CANONICAL, _LONGEST_PHRASE = _canonical_table()
# The words a phrase of the table starts with: only at one of them is a phrase looked up.
_PHRASE_STARTS = frozenset(key[0] for key in CANONICAL if len(key) > 1)
_POSSESSIVE = "'s"


def _fold_token(text: str) -> str:
    # Accents go, and so do letters NFKD keeps whole (Łódź = Lodz): name_key transliterates
    # to ASCII; a scraper's doubled apostrophe ("don''t") is one.
    return name_key(text.replace("''", "'"))


def units_of(
    text: str, spans: Sequence[Span], folded: Sequence[str] | None = None
) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    """The canonical units of the tokens ``spans`` of ``text``, and where each is written.

    ``folded``: the tokens' folded forms, when the caller has them already.
    """
    folded = [_fold_token(span.text) for span in spans] if folded is None else folded
    units: list[str] = []
    unit_spans: list[Span] = []
    i = 0
    while i < len(folded):
        word = folded[i]
        if word[0].isdigit():
            units.append(number_value(word))
            unit_spans.append(spans[i])
            i += 1
            continue
        for size in range(min(_LONGEST_PHRASE, len(folded) - i) if word in _PHRASE_STARTS else 1, 1, -1):
            phrase = CANONICAL.get(tuple(folded[i : i + size]))
            if phrase is not None:
                units.append(phrase)
                start, end = spans[i].start, spans[i + size - 1].end
                unit_spans.append(Span(text[start:end], start, end))
                i += size
                break
        else:
            if word not in lexicon.FILLER_WORDS:
                stem, possessive = (word[:-2], _POSSESSIVE) if word.endswith(_POSSESSIVE) else (word, "")
                units.append(CANONICAL.get((stem,), stem) + possessive)
                unit_spans.append(spans[i])
            i += 1
    return tuple(units), tuple(unit_spans)


def read_sentences(text: str, words: Sequence[Span] | None = None) -> tuple[Sentence, ...]:
    """The sentences of ``text`` that hold at least one word or number; ``words``: ``tokens(text)``,
    when the caller has them already (``reading.read``: the text is tokenized once)."""
    spans = sentences(text)
    skeleton = skeleton_positions(text, spans)
    out: list[Sentence] = []
    cursor = 0
    for span, words in zip(spans, split_tokens(tokens(text) if words is None else words, spans)):
        if not words:
            continue
        while cursor < len(skeleton) and skeleton[cursor][0] < span.start:
            cursor += 1
        names: list[str] = []
        while cursor < len(skeleton) and skeleton[cursor][0] < span.end:
            names.append(skeleton[cursor][1])
            cursor += 1
        folded = tuple(_fold_token(w.text) for w in words)
        units, unit_spans = units_of(text, words, folded)
        bounds = tuple(bound for unit in unit_spans for bound in (unit.start, unit.end))
        out.append(
            Sentence(
                span=span,
                words=folded,
                units=units,
                unit_bounds=bounds,
                skeleton=tuple(names),
                anchors=tuple(_anchor(name) for name in names),
            )
        )
    return tuple(out)


def similarity_matrix(copy: Sequence[Sentence], source: Sequence[Sentence], view: View) -> np.ndarray:
    """Indel similarity of every (copy, source) sentence pair on ``view``; 0 where a side is empty."""
    left = [view(s) for s in copy]
    right = [view(s) for s in source]
    if not left or not right:
        return np.zeros((len(left), len(right)))
    matrix = cdist(left, right, scorer=Indel.normalized_similarity, dtype=np.float32)
    empty_left = np.array([not v for v in left])
    empty_right = np.array([not v for v in right])
    matrix[empty_left, :] = 0.0
    matrix[:, empty_right] = 0.0
    return matrix


def _joined(sentences_: Sequence[Sentence], start: int, end: int, view: View) -> list[str]:
    out: list[str] = []
    for sentence in sentences_[start:end]:
        out.extend(view(sentence))
    return out


# A merge (1-2 or 2-1) is only scored where one of its 1-1 parts already
# reaches this similarity: a real split keeps at least a third of the words
# of its sentence in each half; scoring every cell would triple the cost.
MERGE_SEED = 0.3
# A merge must beat the 1-1 pair plus a skip by this much: on a tie (the extra
# sentence adds nothing, e.g. a sentence without names in a translation) the
# extra sentence stays free to pair with its own counterpart.
MERGE_COST = 0.02


# Scores a run of copy sentences against a run of source sentences (paraphrase.similarity).
Scorer = Callable[[Sequence[Sentence], Sequence[Sentence]], float]


def align(
    copy: Sequence[Sentence],
    source: Sequence[Sentence],
    view: View,
    floor: float,
    scorer: Scorer | None = None,
    matrix: np.ndarray | None = None,
) -> tuple[Match, ...]:
    """The best monotone alignment of ``copy`` to ``source`` on ``view`` (pairs above ``floor`` only).

    With ``scorer``, pairs and merges are scored by it instead of the Indel ratio on ``view``;
    ``matrix``, when given, holds its pair scores already (computed in one pass)."""
    if scorer is None:
        matrix = similarity_matrix(copy, source, view)

        def merged(copy_run: Sequence[Sentence], source_run: Sequence[Sentence]) -> float:
            return Indel.normalized_similarity(_joined(copy_run, 0, len(copy_run), view), _joined(source_run, 0, len(source_run), view))
    else:
        if matrix is None:
            matrix = np.array([[scorer([c], [s]) for s in source] for c in copy]).reshape(len(copy), len(source))
        merged = scorer
    n, m = matrix.shape
    if n == 0 or m == 0 or float(matrix.max()) < floor:
        return ()
    sim = matrix.tolist()
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        row, prev = score[i], score[i - 1] if i else None
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, step = -1.0, None
            if i and prev[j] > best:
                best, step = prev[j], (1, 0, 0.0)
            if j and row[j - 1] > best:
                best, step = row[j - 1], (0, 1, 0.0)
            if i and j:
                s = sim[i - 1][j - 1]
                if s >= floor and prev[j - 1] + s - floor > best:
                    best, step = prev[j - 1] + s - floor, (1, 1, s)
                if i >= 2 and max(s, sim[i - 2][j - 1]) >= MERGE_SEED:
                    s2 = merged(copy[i - 2 : i], source[j - 1 : j])
                    gain = s2 - floor - MERGE_COST
                    if s2 >= floor and score[i - 2][j - 1] + gain > best:
                        best, step = score[i - 2][j - 1] + gain, (2, 1, s2)
                if j >= 2 and max(s, sim[i - 1][j - 2]) >= MERGE_SEED:
                    s2 = merged(copy[i - 1 : i], source[j - 2 : j])
                    gain = s2 - floor - MERGE_COST
                    if s2 >= floor and prev[j - 2] + gain > best:
                        best, step = prev[j - 2] + gain, (1, 2, s2)
            row[j], back[i][j] = best, step
    matches: list[Match] = []
    i, j = n, m
    while i or j:
        di, dj, s = back[i][j]
        if di and dj:
            matches.append(Match((i - di, i), (j - dj, j), s))
        i, j = i - di, j - dj
    return tuple(reversed(matches))


def run_span(text: str, sentences: Sequence[Sentence], bounds: tuple[int, int]) -> Span:
    """The text from the first to the last sentence of ``sentences[bounds[0]:bounds[1]]``."""
    start, end = sentences[bounds[0]].span.start, sentences[bounds[1] - 1].span.end
    return Span(text[start:end], start, end)


# Gap filling for translations: sentences without names or numbers ("Three
# are home.") cannot align on the skeleton, so next to aligned pairs they are
# paired in order while their lengths stay comparable (Spanish and French run
# about 1.2 times English) and they share a name or neither has one.
GAP_MAX_LENGTH_RATIO = 2.5


def _comparable_length(copy: Sentence, source: Sentence) -> bool:
    short, long = sorted((len(copy.span.text), len(source.span.text)))
    return long <= short * GAP_MAX_LENGTH_RATIO


def _share_anchors(copy: Sentence, source: Sentence) -> bool:
    if copy.anchors and source.anchors:
        return bool(set(copy.anchors) & set(source.anchors))
    return not copy.anchors and not source.anchors


def fill_gaps(
    copy: Sequence[Sentence], source: Sequence[Sentence], matches: tuple[Match, ...]
) -> tuple[Match, ...]:
    """``matches`` plus in-order pairs of the unaligned sentences around them (see GAP_*)."""
    out: list[Match] = []
    copy_at = source_at = 0
    for index, match in enumerate((*matches, None)):
        copy_end = match.copy[0] if match else len(copy)
        source_end = match.source[0] if match else len(source)
        copy_gap, source_gap = range(copy_at, copy_end), range(source_at, source_end)
        if index == 0:  # before the first pair: walk back from it
            out.extend(reversed(_pair_in_order(copy, source, reversed(copy_gap), reversed(source_gap))))
        else:
            # Between two pairs, as many sentences on each side render each
            # other even when a name changed (then no anchor is shared).
            closed = match is not None and len(copy_gap) == len(source_gap)
            out.extend(_pair_in_order(copy, source, copy_gap, source_gap, closed))
        if match:
            out.append(match)
            copy_at, source_at = match.copy[1], match.source[1]
    return tuple(out)


def _pair_in_order(
    copy: Sequence[Sentence], source: Sequence[Sentence], copy_indices, source_indices, closed: bool = False
) -> list[Match]:
    pairs: list[Match] = []
    for i, j in zip(copy_indices, source_indices):
        left, right = copy[i], source[j]
        if not (_comparable_length(left, right) and (closed or _share_anchors(left, right))):
            break
        pairs.append(Match((i, i + 1), (j, j + 1), _anchor_similarity(left, right)))
    return pairs


def _anchor_similarity(copy: Sentence, source: Sentence) -> float:
    if not copy.anchors or not source.anchors:
        return 0.0
    return Indel.normalized_similarity(copy.anchors, source.anchors)


# A sentence cut short ("Greene crossed the line 0.02 seconds behind Gatlin,
# who won in 9.87 seconds ...") keeps this share of its words as a
# subsequence of its source, and at least this many: its similarity falls
# with the length of the cut tail, not with a change.
TRIM_MIN_CONTAINED = 0.8
TRIM_MIN_UNITS = 4


def _trimmed(copy: Sequence[str], source: Sequence[str]) -> bool:
    """``copy`` is ``source`` with words (a clause) left out."""
    if len(copy) < TRIM_MIN_UNITS or len(copy) >= len(source):
        return False
    common = (len(copy) + len(source) - Indel.distance(copy, source)) / 2  # longest common subsequence
    return common >= TRIM_MIN_CONTAINED * len(copy)


def _trimmed_pairs(
    copy: Sequence[Sentence], source: Sequence[Sentence], copy_gap: range, source_gap: range, view: View
) -> list[Match]:
    """In-order pairs of the sentences of a gap that are their partner cut short."""
    out: list[Match] = []
    start = source_gap.start
    for i in copy_gap:
        for j in range(start, source_gap.stop):
            if _trimmed(view(copy[i]), view(source[j])):
                out.append(Match((i, i + 1), (j, j + 1), Indel.normalized_similarity(view(copy[i]), view(source[j]))))
                start = j + 1
                break
    return out


def pair_closed_gaps(
    copy: Sequence[Sentence],
    source: Sequence[Sentence],
    matches: tuple[Match, ...],
    view: View,
    floor: float,
    scorer: Scorer | None = None,
) -> tuple[Match, ...]:
    """``matches`` plus in-order pairs inside gaps of as many sentences on both sides, above ``floor``.

    A sentence whose tail was rewritten ("said X, an analyst" -> "said Y, a
    commander of the Brigade") can fall below the alignment floor; next to
    aligned pairs, with as many sentences on each side, it still renders its
    partner; so does a sentence cut short (see TRIM_*). Gaps before the first
    and after the last pair count too.
    """
    if not matches:
        return matches

    def similarity(copy_run: Sequence[Sentence], source_run: Sequence[Sentence]) -> float:
        if scorer is not None:
            return scorer(copy_run, source_run)
        return Indel.normalized_similarity(_joined(copy_run, 0, len(copy_run), view), _joined(source_run, 0, len(source_run), view))

    out: list[Match] = []
    copy_at = source_at = 0
    for match in (*matches, None):
        copy_gap = range(copy_at, match.copy[0] if match else len(copy))
        source_gap = range(source_at, match.source[0] if match else len(source))
        if len(copy_gap) == len(source_gap):
            for i, j in zip(copy_gap, source_gap):
                score = similarity(copy[i : i + 1], source[j : j + 1])
                if score >= floor or _trimmed(view(copy[i]), view(source[j])):
                    out.append(Match((i, i + 1), (j, j + 1), score))
        elif scorer is not None and sorted((len(copy_gap), len(source_gap))) == [1, 2]:
            # A reworded copy splits and joins sentences: two on one side render one on the other.
            score = similarity(copy[copy_gap.start : copy_gap.stop], source[source_gap.start : source_gap.stop])
            if score >= floor:
                out.append(Match((copy_gap.start, copy_gap.stop), (source_gap.start, source_gap.stop), score))
        else:
            out.extend(_trimmed_pairs(copy, source, copy_gap, source_gap, view))
        if match:
            out.append(match)
            copy_at, source_at = match.copy[1], match.source[1]
    return tuple(out)
