"""Names changed by a copy: a copy's misspelled name belongs to its source's person.

    recorder = Recorder(compare)                       the copy linker's compare, keeping each Comparison
    copied_name_joins(store, analysis, recorder.kept) -> {copy entity id: source's profile id}

When the copy linker aligns a copy's sentence with its source's and reports a ``name``
distortion (the source's "Yelena Trufanova" written "Yelena Trofanova"), the two spellings
are one person by the alignment itself, whatever the spellings say: the copy's person joins
the profile of the source's person. ``resolve_article`` takes these joins before its own
decisions; the misspelling stays a spelling of the profile (``Profile.copy_spellings`` reads
it back as one only copies use).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import COPY_VERDICTS, Analysis, Comparison, Entity, Span
from ..store import Store
from .copies import stored_analysis
from .memo import Caches
from .names import normalise

Compare = Callable[[Analysis, Analysis], Comparison]


class Recorder:
    """A compare function that keeps every Comparison it makes (the linker's own, unchanged)."""

    def __init__(self, compare: Compare) -> None:
        self._compare = compare
        self.kept: list[Comparison] = []

    def __call__(self, copy: Analysis, source: Analysis) -> Comparison:
        result = self._compare(copy, source)
        self.kept.append(result)
        return result


def copied_name_joins(
    store: Store, analysis: Analysis, comparisons: Iterable[Comparison], caches: Caches | None = None
) -> dict[str, str]:
    """Entity id of ``analysis`` -> the profile it joins, for each person whose name the article,
    as a copy, wrote differently from its already resolved source (a ``name`` distortion)."""
    article_id = analysis.article.id
    joins: dict[str, str] = {}
    for comparison in comparisons:
        if comparison.verdict not in COPY_VERDICTS or comparison.copy != article_id:
            continue
        changed = [d for d in comparison.distortions if d.type == "name" and d.copy and d.source]
        if not changed:
            continue
        source = stored_analysis(store, comparison.source, caches)
        with store.profile_session() as session:
            resolved = session.assignment(comparison.source)
        source_names = {normalise(n) for p in source.of_kind("person") for n in (p.name, *p.aliases)}
        for distortion in changed:
            copy_person = _person_at(analysis, distortion.copy)
            source_person = _person_at(source, distortion.source)
            if not copy_person or not source_person or source_person.id not in resolved:
                continue
            if normalise(copy_person.name) in source_names:
                continue  # the source names this person too: another person put in the place, not a respelling
            joins.setdefault(copy_person.id, resolved[source_person.id])
    return joins


def _person_at(analysis: Analysis, span: Span) -> Entity | None:
    """The person with a mention overlapping ``span`` (the first, in the article's order)."""
    for person in analysis.of_kind("person"):
        if any(m.start < span.end and span.start < m.end for m in person.mentions):
            return person
    return None
