"""Queries of the web sources' tables: fetches, feeds and feed entries.

``record_fetch`` keeps every URL asked for (final URL, status, time, error);
``feed_state``/``save_feed_state`` the conditional-GET validators of a watched
feed; ``new_links``/``mark_seen`` make each feed entry fetched once across runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select

from .db import Store, insert_new
from .schema import feed_entries, feeds, fetches

if TYPE_CHECKING:
    from ..ingest.fetch import Fetch

# SQLite allows 32,766 bound parameters per statement (999 before 3.32); lookups go in chunks.
LOOKUP_CHUNK = 500


def record_fetch(store: Store, fetch: Fetch) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            insert(fetches).values(
                url=fetch.url, fetched_at=fetch.fetched_at, final_url=fetch.final_url, status=fetch.status,
                content_type=fetch.content_type, size=fetch.size, redirects=list(fetch.redirects), error=fetch.error,
            )
        )


def fetch_rows(store: Store, url: str | None = None) -> list[dict[str, Any]]:
    """Recorded fetches, oldest first; of one URL (as given or final) when ``url`` is set."""
    query = select(fetches).order_by(fetches.c.fetched_at)
    if url is not None:
        query = query.where((fetches.c.url == url) | (fetches.c.final_url == url))
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def feed_state(store: Store, url: str) -> dict[str, Any] | None:
    """The stored state of one feed (etag, last_modified, checked_at, status, error), None if never checked."""
    with store.engine.connect() as conn:
        row = conn.execute(select(feeds).where(feeds.c.url == url)).first()
    return dict(row._mapping) if row else None


def save_feed_state(store: Store, url: str, **state: Any) -> None:
    """Replace the state of one feed; validators not given are kept from before."""
    with store.engine.begin() as conn:
        old = conn.execute(select(feeds).where(feeds.c.url == url)).first()
        row = {**(dict(old._mapping) if old else {}), **state, "url": url}
        conn.execute(delete(feeds).where(feeds.c.url == url))
        conn.execute(insert(feeds).values(**row))


def new_links(store: Store, links: Iterable[str]) -> list[str]:
    """The links never seen in any feed before, in the order given, each once."""
    links = list(dict.fromkeys(links))
    seen: set[str] = set()
    with store.engine.connect() as conn:
        for start in range(0, len(links), LOOKUP_CHUNK):
            chunk = links[start : start + LOOKUP_CHUNK]
            seen.update(conn.execute(select(feed_entries.c.link).where(feed_entries.c.link.in_(chunk))).scalars())
    return [link for link in links if link not in seen]


def mark_seen(store: Store, link: str, feed_url: str, title: str | None, seen_at: str) -> None:
    """Remember a feed entry's link (a second mark of the same link changes nothing)."""
    row = {"link": link, "feed_url": feed_url, "title": title, "seen_at": seen_at}
    with store.engine.begin() as conn:
        conn.execute(insert_new(feed_entries, store.engine.dialect.name).values(**row))
