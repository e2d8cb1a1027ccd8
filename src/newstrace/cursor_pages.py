"""The `copies` list read by cursor: the rows that follow a given row.

``link.copies.copies_page`` reads page N by walking the copies up to it, so page 360 of a
100,000-article record costs a second. A cursor names the last row a page showed by its place in
the list's order, the ingest key ``(copy ingested_at, copy id, source ingested_at, source id)``
(``link.copies._ingest_key``): the next page starts at that copy (an index range of
``ix_articles_ingested``) and keeps the rows after the key, so it costs what the first page does.
"""

from __future__ import annotations

from .link.copies import COPIES_PER_STEP, copy_rows, copies
from .model import Link
from .store import Store, browse
from .store.paging import PageRequest, cursor, cursor_key

# A row's place in the `copies` order: (copy ingested_at, copy id, source ingested_at, source id).
CopyKey = tuple[str, str, str, str]
KEY_LENGTH = 4


def copies_after(store: Store, after: CopyKey | None, limit: int, step_size: int = COPIES_PER_STEP) -> list[tuple[CopyKey, Link]]:
    """Up to ``limit`` rows of ``copies(store)`` that follow the row whose key is ``after`` (from
    the first when None), in the list's order, each with its key (the cursor of the page it ends)."""
    rows: list[tuple[CopyKey, Link]] = []
    # The cursor's own copy first: it may have rows after the one the cursor names.
    start, inclusive = (after[:2], True) if after is not None else (None, False)
    while len(rows) < limit:
        step = browse.pair_copies(store, start, step_size, inclusive)
        if not step:
            break
        rows += [(key, link) for key, link in _keyed(store, copy_rows(store, [info.id for info in step])) if after is None or key > after]
        start, inclusive = (step[-1].ingested_at, step[-1].id), False
    return rows[:limit]


def _keyed(store: Store, found: list[Link]) -> list[tuple[CopyKey, Link]]:
    """Each row with its key (one read of its articles' ingest times)."""
    info = store.article_infos({end for link in found for end in (link.copy, link.source)})
    return [((info[link.copy].ingested_at, link.copy, info[link.source].ingested_at, link.source), link) for link in found]


def copies_page(store: Store, request: PageRequest) -> tuple[list[Link], bool, str | None]:
    """One page of `copies` (by number, or after ``request.after``): its rows, whether another
    follows, and the cursor of the next one."""
    if request.after:
        # A copy lists one row or more: one step of the cursor's own copy (its rows up to the cursor
        # are shown already) and one copy per row asked reads the page.
        found = copies_after(store, cursor_key(request.after, KEY_LENGTH), request.size + 1, request.size + 2)
        shown, more = found[: request.size], len(found) > request.size
        return [link for _, link in shown], more, cursor(shown[-1][0]) if more else None
    # By number: the copies up to the page are walked (``copies``), the last row shown gives the cursor.
    found = copies(store, request.offset, request.size + 1)
    shown, more = found[: request.size], len(found) > request.size
    return shown, more, cursor(_keyed(store, shown[-1:])[0][0]) if more else None
