"""Cross-article linking: copies and their sources, people across articles, stories.

The work lives in one module per concern (fingerprint, index, align, compare,
distortions, copies, names, people, stories); this package only runs the
stages in order. Imports are deferred here and in the CLI so that commands that
never link (``facts``) do not pay for datasketch and scipy at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Analysis
    from ..store import Store


def update(store: Store, analysis: Analysis) -> None:
    """Link one newly stored article to what the database already holds.

    The stages run in this order because each reads what the previous stored:
    copies (fingerprint, candidates, verified pairs), then people (profiles),
    then stories (which use both). Each stage is idempotent.
    """
    from .copies import link_article
    from .people import resolve_article
    from .stories import assign_story

    link_article(store, analysis)
    resolve_article(store, analysis)
    assign_story(store, analysis)


def pending(store: Store) -> list[str]:
    """Ids of stored articles the linker has not finished, oldest ingest first.

    An article is finished once it has a story (the last stage); articles stored by
    a newstrace without linking, or by an interrupted run, have none.
    """
    from sqlalchemy import select

    from ..store.schema import articles, story_articles

    with store.engine.connect() as conn:
        return list(
            conn.execute(
                select(articles.c.id)
                .where(~articles.c.id.in_(select(story_articles.c.article_id)))
                .order_by(articles.c.ingested_at, articles.c.id)
            ).scalars()
        )


def link_pending(store: Store, on_progress: Callable[[], None] | None = None) -> int:
    """Link every article :func:`pending` lists, in ingest order; returns how many ran.

    First, when the stored sketches are of another version than this newstrace makes,
    every stored article is sketched again, so old and new articles still meet in the
    candidate index."""
    from .copies import refresh_fingerprints

    refresh_fingerprints(store)
    waiting = pending(store)
    for article_id in waiting:
        update(store, store.get(article_id))
        if on_progress:
            on_progress()
    return len(waiting)
