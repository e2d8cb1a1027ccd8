"""Cross-article linking: copies and their sources, people across articles, stories.

``Linker(store, settings)`` is the one object that links: it owns its settings
(``settings.py``, declared once as data) and its caches (``memo.Caches``), so two
Linkers, on two databases in one process, share nothing. The work lives in one
module per concern (fingerprint, index, compare, distortions, copies, names,
resolution, profiles, stories); the Linker runs the stages in order. Imports are
deferred here and in the CLI so that commands that never link (``facts``) do not
pay for datasketch and scipy at start-up.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..budget import OverBudget, within
from ..collector import fewer_collections
from ..model import Problem
from .memo import Caches
from .settings import DEFAULT_SETTINGS, LinkSettings

if TYPE_CHECKING:
    from ..model import Analysis, Comparison, Link, Profile, Story
    from ..store import Store
    from .copies import ProvenanceTree
    from .fingerprint import Fingerprint

# Every note that gives up an article's linking starts so; `pending` leaves such articles out,
# so a later ingest does not run the same over-budget or failing linking again.
LINKING_STOPPED = "linking stopped"

__all__ = ["DEFAULT_SETTINGS", "LINKING_STOPPED", "LinkSettings", "Linker", "pending"]


def pending(store: Store) -> list[str]:
    """Ids of stored articles the linker has not finished, oldest ingest first.

    An article is finished once it has a story (the last stage); articles stored by
    a newstrace without linking, or by an interrupted run, have none.
    """
    return [
        article.id
        for article in store.without_story()
        if not any(note.startswith(LINKING_STOPPED) for note in article.notes)
    ]


class Linker:
    """Links the articles of one store, with its settings and its own caches."""

    def __init__(self, store: Store, settings: LinkSettings = DEFAULT_SETTINGS) -> None:
        self.store = store
        self.settings = settings
        self.caches = Caches(settings.analysis_cache_size, settings.claims_cache_size, settings.reading_cache_size)

    # -- linking ---------------------------------------------------------------

    def update(self, analysis: Analysis, sketched: Fingerprint | None = None) -> None:
        """Link one newly stored article to what the database already holds (``sketched``: its
        fingerprint, when an ingest worker made it already).

        The stages run in this order because each reads what the previous stored:
        copies (fingerprint, candidates, verified pairs), then people (profiles),
        then stories (which use both), then named lists (one record per list of a
        story, its members by profile). Each stage is idempotent.
        """
        from .copied_names import Recorder, copied_name_joins, move_copied_names
        from .copies import default_compare, link_article
        from .named_lists import record_lists
        from .resolution import resolve_article
        from .stories import assign_story

        # Stored as it is (``Store.add``; a stored analysis reads back equal): later articles
        # verified against this one find it here instead of reading it back from the database.
        self.caches.analyses.put(analysis.article.id, analysis)
        compared = Recorder(default_compare(self.caches, self.store))  # a copy's changed names join its source's people
        link_article(
            self.store, analysis, compare=compared, settings=self.settings, caches=self.caches, sketched=sketched
        )
        joins = copied_name_joins(self.store, analysis, compared.kept, self.caches)
        resolve_article(self.store, analysis, self.settings, self.caches, joins)
        move_copied_names(self.store, analysis, compared.kept, self.caches)  # copies stored before their source
        assign_story(self.store, analysis, self.settings)
        record_lists(self.store, analysis, self.settings.max_story_lists)

    def warm_up(self) -> None:
        """Import every linking stage now (about a second of CPU), so that the first article
        linked does not pay for it: ``pipeline.ingest`` calls this while its worker processes
        start on the first articles."""
        from . import compare, copied_names, copies, named_lists, resolution, stories  # noqa: F401

    def link_one(
        self, analysis: Analysis, seconds: float | None = None, sketched: Fingerprint | None = None
    ) -> Problem | None:
        """:meth:`update` within ``seconds``; None when it finished.

        When it runs over or fails, the article keeps the links that finished, gets a note
        (stored, so it is not linked again) and the note comes back as a Problem (with the
        traceback when the cause is a bug).
        """
        source = analysis.article.source or analysis.article.url
        try:
            # The lock is taken before the time budget starts: waiting for another process's
            # article is not this article's linking time.
            with self.store.linking_lock(), within(seconds):
                self.update(analysis, sketched)
            return None
        except OverBudget:
            problem = Problem(source, f"{LINKING_STOPPED} after {seconds:g} s (linking_seconds): the article is "
                                      "stored with the links found so far and will not be linked again")
        except Exception as error:  # a bug in one article's linking must not sink the batch
            problem = Problem.internal(source, error, traceback.format_exc())
            problem = Problem(source, f"{LINKING_STOPPED} by an {problem.reason}: the article is stored without "
                                      "its remaining links", problem.traceback)
        self.store.add_note(analysis.article.id, problem.reason)
        return problem

    def pending(self) -> list[str]:
        return pending(self.store)

    @fewer_collections()
    def link_pending(
        self,
        on_progress: Callable[[], None] | None = None,
        seconds: float | None = None,
        on_note: Callable[[Problem], None] | None = None,
    ) -> int:
        """Link every article :func:`pending` lists, in ingest order; returns how many ran.

        Each article gets at most ``seconds``; one that runs over or fails is reported to
        ``on_note`` and left with the links that finished (see :meth:`link_one`).

        First, when the stored sketches are of another version than this newstrace makes,
        every stored article is sketched again, so old and new articles still meet in the
        candidate index."""
        from .copies import refresh_fingerprints
        from .named_lists import record_unrecorded

        refresh_fingerprints(self.store)
        record_unrecorded(self.store)  # lists of articles linked before list records existed
        waiting = self.pending()
        for article_id in waiting:
            try:
                problem = self.link_one(self.store.get(article_id), seconds)
            except Exception as error:  # reading the article or noting its failure failed: report, go on
                problem = Problem.internal(article_id, error, traceback.format_exc())
            if problem and on_note:
                on_note(problem)
            if on_progress:
                on_progress()
        return len(waiting)

    # -- reading what was linked -------------------------------------------------

    def compare(self, copy: Analysis, source: Analysis) -> Comparison:
        from .compare import compare

        return compare(copy, source, self.caches.readings)

    def copies(self, offset: int = 0, limit: int | None = None) -> list[Link]:
        from .copies import copies

        return copies(self.store, offset, limit)

    def trace(self, article_id: str) -> ProvenanceTree:
        from .copies import trace

        return trace(self.store, article_id, self.settings)

    def profiles(self, offset: int = 0, limit: int | None = None) -> list[Profile]:
        """Every profile, most articles first; with ``limit``, that many from ``offset`` in that order."""
        from ..store import browse
        from .profiles import profile, profiles

        if limit is None:
            return profiles(self.store)
        return [profile(self.store, profile_id) for profile_id in browse.profile_ids(self.store, offset, limit)]

    def find_profiles(self, name: str) -> list[Profile]:
        from .profiles import find_profiles

        return find_profiles(self.store, name)

    def stories(self, offset: int = 0, limit: int | None = None) -> list[Story]:
        from .stories import stories

        return stories(self.store, offset, limit)
