"""An article's clean text as HTML pieces: paragraphs cut into segments, each with the marks over it.

Marks (people, quotes, flags, distortions...) may overlap and nest; the text is cut at every
mark's start and end, so each segment carries the set of marks covering it and the template
wraps it once. Nothing here escapes: segments are plain strings the template autoescapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..link.text import sentences
from ..model import Analysis, Evidence


@dataclass(frozen=True)
class Mark:
    """A highlighted span: ``kind`` names its CSS class; ``href`` makes it a link; ``anchor`` an id
    (set on the span's first segment) that a fact's "in the text" link jumps to; ``label`` a
    visible tag after the span (a distortion's type), so colour is never the only signal."""

    start: int
    end: int
    kind: str
    href: str | None = None
    anchor: str | None = None
    label: str | None = None


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    href: str | None = None
    anchors: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def evidence_anchor(evidence: Evidence | dict) -> str:
    """The id of a fact's span in the article text (the same span gives the same id)."""
    if isinstance(evidence, dict):
        return f"ev-{evidence['start']}-{evidence['end']}"
    return f"ev-{evidence.start}-{evidence.end}"


def segments(text: str, start: int, end: int, marks: list[Mark]) -> list[Segment]:
    """``text[start:end]`` cut at the marks' bounds, each piece with the marks covering it."""
    inside = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [m for m in inside if m.start <= left and m.end >= right]
        piece = Segment(text[left:right])
        for mark in covering:
            if mark.kind not in piece.kinds:
                piece.kinds.append(mark.kind)
            piece.href = piece.href or mark.href
            if mark.anchor and mark.start == left and mark.anchor not in piece.anchors:
                piece.anchors.append(mark.anchor)
            if mark.label and mark.end == right:
                piece.labels.append(mark.label)
        pieces.append(piece)
    return pieces


def paragraphs(text: str, bounds: list[tuple[int, int]], marks: list[Mark]) -> list[list[Segment]]:
    """The text's paragraphs (the whole text as one when none are known), each as segments."""
    return [segments(text, start, end, marks) for start, end in (bounds or [(0, len(text))])]


def article_marks(analysis: Analysis, person_pages: dict[str, str]) -> list[Mark]:
    """Every fact of an analysis as a mark on its text: people (linked to their pages), other
    entities, quotes, counts, times, event triggers and integrity flags."""
    marks: list[Mark] = []
    for entity in analysis.entities:
        for mention in entity.mentions:
            marks.append(Mark(mention.start, mention.end, entity.kind, href=person_pages.get(entity.id)))
        for attribute in entity.attributes:
            marks.append(_fact(attribute.evidence, "attribute"))
    for kind, facts in (("quote", analysis.quotes), ("count", analysis.counts), ("event", analysis.events),
                        ("status", analysis.statuses), ("flag", analysis.flags)):
        marks += [_fact(fact.evidence, kind) for fact in facts]
    marks += [_fact(time.evidence, "time") for time in analysis.times if time.evidence]
    return marks


def _fact(evidence: Evidence, kind: str) -> Mark:
    return Mark(evidence.start, evidence.end, kind, anchor=evidence_anchor(evidence))


@dataclass(frozen=True)
class Sentence:
    """The sentence a fact's evidence sits in, cut into before / the span / after."""

    before: str
    span: str
    after: str


class SentenceFinder:
    """The sentence(s) around a span of one text, split once by the linker's sentence splitter."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentences(text)

    def __call__(self, evidence: Evidence | dict) -> Sentence:
        if isinstance(evidence, dict):
            return evidence_sentence(self.text, self.spans, evidence["start"], evidence["end"])
        return evidence_sentence(self.text, self.spans, evidence.start, evidence.end)


def evidence_sentence(text: str, spans, start: int, end: int) -> Sentence:
    around = [s for s in spans if s.start < max(end, start + 1) and s.end > start]
    left = min([start, *(s.start for s in around)])
    right = max([end, *(s.end for s in around)])
    return Sentence(text[left:start], text[start:end], text[end:right])
