"""One side of an aligned sentence pair as the distortion readers see it: its units, the spans
they come from, its names and its quotes (``distortions``, ``changed_pair``, ``actors``,
``translated_pair`` read it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import distortion_lexicon as lx
from . import names
from ..model import Distortion, Span
from .align import run_span
from ..text import name_key
from .text import words

if TYPE_CHECKING:
    from .reading import Reading


# Word salad: the pair shares this much of its vocabulary (bag-of-words Dice)...
SALAD_MIN_BAG = 0.8
# ... but its word order agrees this much less (Indel ratio): shuffled words.
# Spun and edited pairs of the examples differ by at most 0.05.
SALAD_MIN_ORDER_GAP = 0.25
_POSSESSIVES = ("'s", "’s")


def flagged_garbled(reading: Reading, span: Span) -> bool:
    return any(
        flag.kind == "garbled" and flag.evidence.start < span.end and span.start < flag.evidence.end
        for flag in reading.analysis.flags
    )


@dataclass(frozen=True)
class Side:
    """One side of an aligned pair: its units with their spans, and its article's names."""

    reading: Reading
    units: tuple[str, ...]
    spans: tuple[Span, ...]
    run: Span  # the pair's sentences on this side

    def is_name(self, k: int) -> bool:
        written = self.spans[k].text
        return written[:1].isupper() and name_key(written) in self.reading.names  # names holds no NOT_NAMES

    def is_actor(self, k: int) -> bool:
        return self.is_name(k) or self.units[k] in lx.AGENT_NOUNS

    def key(self, k: int) -> str:
        """A name's key (a lowercase tail dropped: York-based is York), else the unit."""
        if not self.is_name(k):
            return self.units[k]
        head, _, tail = self.spans[k].text.partition("-")
        return name_key(head if tail[:1].islower() else self.spans[k].text)

    def piece(self, indices: list[int]) -> Span:
        """The text from the first to the last of ``indices`` (a possessive 's left out)."""
        start, end = self.spans[indices[0]].start, self.spans[indices[-1]].end
        text = self.reading.analysis.article.text
        if end - start > 2 and text[end - 2 : end] in _POSSESSIVES:
            end -= 2
        return Span(text[start:end], start, end)


def read_side(reading: Reading, bounds: tuple[int, int]) -> Side:
    sentences = reading.sentences[bounds[0] : bounds[1]]
    return Side(
        reading=reading,
        units=tuple(unit for s in sentences for unit in s.units),
        spans=tuple(span for s in sentences for span in s.unit_spans),
        run=run_span(reading.analysis.article.text, reading.sentences, bounds),
    )


def overlaps(side: Side, bounds: tuple[int, int], span: Span | None) -> bool:
    if span is None or bounds[0] == bounds[1]:
        return False
    piece = side.piece(list(range(bounds[0], bounds[1])))
    return piece.start < span.end and span.start < piece.end


def replaced_unit(kind: str, left: Side, copy_unit: int, right: Side, source_unit: int) -> Distortion:
    """One unit of the source replaced by one of the copy."""
    copy, source = left.spans[copy_unit], right.spans[source_unit]
    return Distortion(kind, copy, source, f"{source.text} -> {copy.text}")


def _name_keys(reading: Reading, kinds: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        name_key(part)
        for entity in reading.analysis.entities
        if entity.kind in kinds
        for name in (entity.name, *entity.aliases)
        for part in name.split()
    )


def people_keys(reading: Reading) -> frozenset[str]:
    return _name_keys(reading, ("person",))


def group_keys(*readings: Reading) -> frozenset[str]:
    """Name words of organizations that are no person's or place's in any of ``readings``.

    A place changed is a name change; a person one parse calls an organization
    ("Walliams" alone) while the other names the person stays a person.
    """
    organizations = frozenset().union(*(_name_keys(r, ("organization",)) for r in readings))
    return organizations - frozenset().union(*(_name_keys(r, ("person", "place")) for r in readings))


def dice(first: Counter, second: Counter) -> float:
    total = sum(first.values()) + sum(second.values())
    return 2 * sum((first & second).values()) / total if total else 0.0


# -- attribution -----------------------------------------------------------------
