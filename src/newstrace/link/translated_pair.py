"""One aligned pair across languages: only numbers written in digits and person names are
compared (the words differ by design); across scripts a transliterated name is no change.

    translated_pair(copy, source, match, across) -> [Distortion]
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from . import names
from ..model import Distortion
from .align import ANCHOR_LETTERS, Match, counterpart
from .pair_sides import Side, people_keys, read_side, replaced_unit
from ..text import name_key

if TYPE_CHECKING:
    from .reading import Reading


def translated_pair(copy: Reading, source: Reading, match: Match, across: bool = False) -> list[Distortion]:
    """Numbers written in digits and person names that differ between a translation and its source.

    ``across``: the two articles are written in different scripts, so a name
    is the same when it transliterates its counterpart (``align.counterpart``).
    """
    left, right = read_side(copy, match.copy), read_side(source, match.source)
    out: list[Distortion] = []
    src_numbers = [k for k, span in enumerate(right.spans) if span.text[0].isdigit()]
    dst_numbers = [k for k, span in enumerate(left.spans) if span.text[0].isdigit()]
    common = Counter(right.units[k] for k in src_numbers) & Counter(left.units[k] for k in dst_numbers)
    lost = _unmatched(right, src_numbers, common)
    new = _unmatched(left, dst_numbers, common)
    for s, c in zip(lost, new):
        out.append(replaced_unit("number", left, c, right, s))
    for s, c in _renamed(left, right, across):
        copy_piece, source_piece = left.piece(c), right.piece(s)
        out.append(Distortion("name", copy_piece, source_piece, f"{source_piece.text} -> {copy_piece.text}"))
    return out


# A lost name and a name of the copy run that spells it this closely (Indel
# ratio of the ASCII keys) are the changed name and its counterpart: Marten /
# Martens 0.91; a word of the other language (Marten / Interior) scores 0.29.
RENAMED_MIN_SIMILARITY = 0.6


def _renamed(left: Side, right: Side, across: bool) -> list[tuple[list[int], list[int]]]:
    """(source units, copy units) of each person's name the translation changed.

    A lost name pairs with the copy run's unaccounted name closest in spelling
    (a respelt name); a name replaced outright pairs with the one new name
    when exactly one lost and one new name are left, so a word that merely has
    no counterpart in the other language ("Interior") is never a name.
    """
    source_keys = {right.key(k) for k in range(len(right.units)) if right.is_name(k)}

    def accounted(k: int) -> bool:
        key = left.key(k)
        return key in source_keys or (across and counterpart(key, source_keys) is not None)

    lost = _runs(_lost_names(right, left, across))
    unaccounted = _runs([k for k in range(len(left.units)) if left.is_name(k) and not accounted(k)])
    pairs: list[tuple[list[int], list[int]]] = []
    for run in list(lost):
        spelt = " ".join(right.key(k) for k in run)
        scored = [(Indel.normalized_similarity(spelt, " ".join(left.key(k) for k in c)), c) for c in unaccounted]
        best = max(scored, default=None, key=lambda pair: pair[0])
        if best and best[0] >= RENAMED_MIN_SIMILARITY:
            pairs.append((run, best[1]))
            lost.remove(run)
            unaccounted.remove(best[1])
    never_written = set(_new_names(left, right.reading))
    new = [run for run in unaccounted if never_written.issuperset(run)]
    if len(lost) == 1 and len(new) == 1:
        pairs.append((lost[0], new[0]))
    return sorted(pairs, key=lambda pair: pair[1][0])


def _lost_names(right: Side, left: Side, across: bool = False) -> list[int]:
    """Units of people's names in the source run that the copy run does not write (or transliterate)."""
    people = people_keys(right.reading)
    written = {name_key(span.text) for k, span in enumerate(left.spans) if left.is_name(k)}

    def kept(key: str) -> bool:
        return key in written or (across and counterpart(key, written) is not None)

    return [k for k in range(len(right.units)) if right.is_name(k) and right.key(k) in people and not kept(right.key(k))]


def _new_names(left: Side, source: Reading) -> list[int]:
    """Units of names in the copy run that the source never writes, not even as a cognate (Brigada)."""
    stems = {key[:ANCHOR_LETTERS] for key in source.names}
    return [
        k
        for k in range(len(left.units))
        if left.is_name(k) and left.key(k) not in source.names and left.key(k)[:ANCHOR_LETTERS] not in stems
    ]


def _runs(indices: list[int]) -> list[list[int]]:
    """Adjacent indices grouped: a first and last name are one name."""
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _unmatched(side: Side, indices: list[int], common: Counter) -> list[int]:
    budget = Counter(common)
    out = []
    for k in indices:
        if budget[side.units[k]]:
            budget[side.units[k]] -= 1
        else:
            out.append(k)
    return out
