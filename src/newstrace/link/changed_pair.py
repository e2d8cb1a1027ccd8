"""One aligned pair in one language: what changed between a copy sentence and its source.

    changed_pair(copy, source, match) -> [Distortion]

The pair is diffed on its units; each changed block is read for numbers, pronouns,
roles, actors (``actors.py``), negations, a garbled sentence and a changed attribution.
See ``distortions.py`` for what each type means.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from . import distortion_lexicon as lx
from ..model import Distortion, Quote, Span
from .actors import changed_actors, order_swap, role_of, text_between
from .align import Match
from .pair_sides import (
    SALAD_MIN_BAG,
    SALAD_MIN_ORDER_GAP,
    Side,
    dice,
    flagged_garbled,
    overlaps,
    read_side,
    replaced_unit,
)
from ..text import name_key
from .text import words

if TYPE_CHECKING:
    from .reading import Reading


# An aligned copy sentence the integrity flags call garbled is reported as
# garbled only when it also strays this far from its source (03/01 pairs a
# flagged fragment with nothing; spun sentences that merely read oddly,
# "in the days that adhered to", score above 0.9).
GARBLED_MAX_SIMILARITY = 0.8
# Quotes are the same quote when their words agree this much (the spinner's
# "most vulnerable" -> "most susceptible" keeps 0.9).
QUOTE_MIN_SIMILARITY = 0.6
def changed_pair(copy: Reading, source: Reading, match: Match) -> list[Distortion]:
    """The distortions inside one aligned pair of a same-language copy."""
    left, right = read_side(copy, match.copy), read_side(source, match.source)
    garbled = _garbled(left, right, match)
    if garbled:
        return [garbled]
    out: list[Distortion] = []
    blocks = _blocks(right.units, left.units)
    negations = _negations(left, [(b[2], b[3]) for b in blocks if b[0] == b[1]]), _negations(
        right, [(b[0], b[1]) for b in blocks if b[2] == b[3]]
    )
    if negations[0] != negations[1]:
        change = "removed" if negations[0] < negations[1] else "added"
        out.append(Distortion("negation", left.run, right.run, f"negation {change}"))
    attribution = _attribution(left, right)
    if attribution:
        out.append(attribution)
    swapped = order_swap(left, right)
    if swapped:
        out.append(swapped[0])
    for block in blocks:
        out.extend(_numbers(left, right, block))
        if attribution and overlaps(left, block[2:], attribution.copy):
            continue  # the new speaker's name and role are the attribution change
        out.extend(_pronouns(left, right, block))
        out.extend(_roles(left, right, block))
        out.extend(changed_actors(left, right, block, swapped[1] if swapped else frozenset()))
    return sorted(out, key=lambda d: (d.copy.start if d.copy else -1, d.type))


def _blocks(source_units: list[str], copy_units: list[str]) -> list[tuple[int, int, int, int]]:
    """Changed stretches ``(source_start, source_end, copy_start, copy_end)`` between unchanged ones."""
    blocks: list[list[int]] = []
    last_equal = True
    for op in Indel.opcodes(source_units, copy_units):
        if op.tag == "equal":
            last_equal = True
            continue
        if last_equal:
            blocks.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
        else:
            blocks[-1][1], blocks[-1][3] = op.src_end, op.dest_end
        last_equal = False
    return [tuple(b) for b in blocks]


def _numbers(left: Side, right: Side, block) -> list[Distortion]:
    src = [k for k in range(block[0], block[1]) if right.units[k][0].isdigit()]
    dst = [k for k in range(block[2], block[3]) if left.units[k][0].isdigit()]
    return [replaced_unit("number", left, c, right, s) for s, c in zip(src, dst) if right.units[s] != left.units[c]]


def _gender(unit: str) -> str | None:
    return lx.PRONOUN_GENDER.get(unit.split("'")[0])  # "she's" is "she"


def _pronouns(left: Side, right: Side, block) -> list[Distortion]:
    src = [k for k in range(block[0], block[1]) if _gender(right.units[k])]
    dst = [k for k in range(block[2], block[3]) if _gender(left.units[k])]
    changed = [(s, c) for s, c in zip(src, dst) if _gender(right.units[s]) != _gender(left.units[c])]
    return [replaced_unit("pronoun", left, c, right, s) for s, c in changed]


def _roles(left: Side, right: Side, block) -> list[Distortion]:
    src = [k for k in range(block[0], block[1]) if role_of(right.units[k])]
    dst = [k for k in range(block[2], block[3]) if role_of(left.units[k])]
    if not src or not dst or role_of(right.units[src[0]]) == role_of(left.units[dst[0]]):
        return []
    return [replaced_unit("role", left, dst[0], right, src[0])]


# A clause cut from (or added to) a sentence is a trim, not a negation flip:
# ", but not in practice" dropped. A clause is this many units after a comma;
# a negation flipped in place ("has not commented") is one unit.
CLAUSE_MIN_UNITS = 3


def _negations(side: Side, one_sided: list[tuple[int, int]]) -> int:
    """Negations in the side's units, but for those of a whole clause only this side has (``one_sided`` blocks)."""
    trimmed = {
        k
        for start, end in one_sided
        if end - start >= CLAUSE_MIN_UNITS and start > 0 and "," in text_between(side, start)
        for k in range(start, end)
    }
    units = [unit for k, unit in enumerate(side.units) if k not in trimmed]
    return sum(1 for unit in units if unit in lx.NEGATIONS or unit.endswith(lx.NEGATION_SUFFIX))


def _garbled(left: Side, right: Side, match: Match) -> Distortion | None:
    # Word order read on the units themselves, whichever alignment paired the sentences
    # (a paraphrase pair's similarity ignores order).
    order = Indel.normalized_similarity(left.units, right.units)
    flagged = flagged_garbled(left.reading, left.run) and order < GARBLED_MAX_SIMILARITY
    bag = dice(Counter(left.units), Counter(right.units))
    salad = bag >= SALAD_MIN_BAG and bag - order >= SALAD_MIN_ORDER_GAP
    if not (flagged or salad):
        return None
    reason = "reads as garbage" if flagged else "has the source's words out of order"
    return Distortion("garbled", left.run, right.run, f"copy sentence {reason}")


def _attribution(left: Side, right: Side) -> Distortion | None:
    """A quote in both runs whose named speaker changed (the copy's speaker written in its run)."""
    for quote in _quotes_in(left):
        copy_speaker = _speaker_keys(quote)
        where = _written(left, quote.speaker_name)
        if not copy_speaker or where is None:
            continue
        best = max(_quotes_in(right), key=lambda q: _quote_similarity(quote, q), default=None)
        if best is None or _quote_similarity(quote, best) < QUOTE_MIN_SIMILARITY:
            continue
        source_speaker = _speaker_keys(best)
        # The new speaker's name must be new to the sentence and the old one
        # gone from it: if one side writes both, only the two parses disagree
        # on who speaks ("X and Y, who observed, ...").
        new_speaker = _written(right, quote.speaker_name) is None and _written(left, best.speaker_name) is None
        if source_speaker and not copy_speaker & source_speaker and new_speaker:
            # The source may name its speaker by the surname alone ("Orlov told").
            surname = (best.speaker_name or "").split()[-1:]
            source_where = _written(right, best.speaker_name) or _written(right, " ".join(surname)) or right.run
            detail = f"{best.speaker_name} -> {quote.speaker_name}"
            return Distortion("attribution", where, source_where, detail)
    return None


def _quotes_in(side: Side) -> list[Quote]:
    return [
        q
        for q in side.reading.analysis.quotes
        if q.speaker_name and side.run.start <= q.evidence.start < side.run.end
    ]


def _speaker_keys(quote: Quote) -> frozenset[str]:
    parts = (quote.speaker_name or "").split()
    return frozenset(name_key(p) for p in parts if p[:1].isupper()) - lx.NOT_NAMES


def _quote_similarity(first: Quote, second: Quote) -> float:
    return Indel.normalized_similarity(words(first.text), words(second.text))


def _written(side: Side, name: str | None) -> Span | None:
    """Where ``name`` is written in the run (accents and case ignored), if it is."""
    if not name:
        return None
    wanted = [name_key(w) for w in name.split()]
    for k in range(len(side.spans) - len(wanted) + 1):
        if [name_key(side.spans[k + n].text) for n in range(len(wanted))] == wanted:
            return side.piece(list(range(k, k + len(wanted))))
    return None


# -- one aligned pair, translated ------------------------------------------------
