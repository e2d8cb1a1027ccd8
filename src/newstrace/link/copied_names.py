"""Names changed by a copy: a copy's misspelled name belongs to its source's person.

    recorder = Recorder(compare)                       the copy linker's compare, keeping each Comparison
    copied_name_joins(store, analysis, recorder.kept) -> {copy entity id: source's profile id}
    move_copied_names(store, analysis, recorder.kept) -> [(copy id, entity id, profile id)]

When the copy linker aligns a copy's sentence with its source's and reports a ``name``
distortion (the source's "Yelena Trufanova" written "Yelena Trofanova"), the two spellings
are one person by the alignment itself, whatever the spellings say: the copy's person joins
the profile of the source's person. ``resolve_article`` takes these joins before its own
decisions; the misspelling stays a spelling of the profile (``Profile.copy_spellings`` reads
it back as one only copies use).

A copy can arrive before its source: its misspelled person then starts a profile of its own.
When the source arrives and is resolved, ``move_copied_names`` moves that member into the
source's person's profile (the profile it leaves is deleted once empty), with the
misspelling kept there uncounted, as when the copy comes second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import COPY_VERDICTS, Analysis, Comparison, Entity, Span
from ..store import Store
from .copies import stored_analysis
from .memo import Caches
from .names import normalise
from .resolution import record_spellings, rename_by_spellings
from .same_person import article_claims

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
    for comparison in _copies(comparisons, copy=article_id):
        source = stored_analysis(store, comparison.source, caches)
        with store.profile_session() as session:
            resolved = session.assignment(comparison.source)
        for copy_person, source_person in _respelt(analysis, source, comparison):
            if source_person.id in resolved:
                joins.setdefault(copy_person.id, resolved[source_person.id])
    return joins


def move_copied_names(
    store: Store, analysis: Analysis, comparisons: Iterable[Comparison], caches: Caches | None = None
) -> list[tuple[str, str, str]]:
    """For each copy stored before ``analysis`` (its source, just resolved) that respelt one of its
    people, the copy's person moves into the source person's profile. Returns (copy article id,
    entity id, profile id) of each member moved."""
    article_id = analysis.article.id
    moved: list[tuple[str, str, str]] = []
    for comparison in _copies(comparisons, source=article_id):
        copy = stored_analysis(store, comparison.copy, caches)
        claims = article_claims(copy)
        with store.profile_session() as session:
            resolved, copied = session.assignment(article_id), session.assignment(comparison.copy)
            seen = session.ingested_at(comparison.copy)
            for copy_person, source_person in _respelt(copy, analysis, comparison):
                target = resolved.get(source_person.id)
                if target is None or copy_person.id not in copied:
                    continue
                left = session.move_member(comparison.copy, copy_person.id, target)
                if left is None:
                    continue
                record_spellings(session, target, claims[copy_person.id], seen, counted=False)
                for profile_id in (target, left):  # a profile left empty was deleted
                    rename_by_spellings(session, profile_id)
                moved.append((comparison.copy, copy_person.id, target))
    return moved


def _copies(comparisons: Iterable[Comparison], copy: str | None = None, source: str | None = None) -> list[Comparison]:
    """The copy verdicts with a ``name`` distortion, of this copy or of this source."""
    return [
        c
        for c in comparisons
        if c.verdict in COPY_VERDICTS
        and (copy is None or c.copy == copy)
        and (source is None or c.source == source)
        and any(d.type == "name" and d.copy and d.source for d in c.distortions)
    ]


def _respelt(copy: Analysis, source: Analysis, comparison: Comparison) -> list[tuple[Entity, Entity]]:
    """(copy's person, source's person) of each ``name`` distortion between two people, unless the
    source names the copy's person too (another person put in the place, not a respelling)."""
    source_names = {normalise(n) for p in source.of_kind("person") for n in (p.name, *p.aliases)}
    pairs = []
    for distortion in comparison.distortions:
        if distortion.type != "name" or not distortion.copy or not distortion.source:
            continue
        copy_person = _person_at(copy, distortion.copy)
        source_person = _person_at(source, distortion.source)
        if copy_person and source_person and normalise(copy_person.name) not in source_names:
            pairs.append((copy_person, source_person))
    return pairs


def _person_at(analysis: Analysis, span: Span) -> Entity | None:
    """The person with a mention overlapping ``span`` (the first, in the article's order)."""
    for person in analysis.of_kind("person"):
        if any(m.start < span.end and span.start < m.end for m in person.mentions):
            return person
    return None
