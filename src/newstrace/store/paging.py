"""Pages of the lists: which page is asked (by number, or after a cursor), one page of rows, and
the cursors, opaque tokens naming a row by its place in its list's order (keyset pagination: the
page after a cursor starts where it points, so the hundredth page costs what the first does).
The queries of each list are in ``browse``, ``search`` and ``newstrace.cursor_pages``.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection

from ..errors import BadCursor

# Rows a page shows unless asked otherwise, and the most one request may ask for.
DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 200


@dataclass(frozen=True)
class PageRequest:
    """Which page of a list: 1-based number and rows per page; or, with ``after`` (a cursor a
    page gave as ``Page.after``), the rows that follow that page's last row, whatever its number
    (which then only labels the page). A page by number reads what lies before it; a page by
    cursor starts where the cursor points, so the hundredth costs what the first does."""

    number: int = 1
    size: int = DEFAULT_PAGE_SIZE
    after: str | None = None

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


@dataclass(frozen=True)
class Page:
    """One page of rows and whether another follows."""

    rows: list[dict[str, Any]]
    number: int
    has_next: bool
    after: str | None = None  # the cursor of the next page, where the list can be read by one


def cursor(key: Iterable[Any]) -> str:
    """The opaque cursor of a row: its place in its list's order (the values it is sorted by),
    as URL-safe text."""
    return base64.urlsafe_b64encode(json.dumps(list(key), separators=(",", ":")).encode()).decode().rstrip("=")


def cursor_key(token: str, length: int) -> tuple:
    """The place a cursor names: ``length`` values, each text, a number or null."""
    try:
        key = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, UnicodeDecodeError):
        key = None
    if not (isinstance(key, list) and len(key) == length and all(v is None or isinstance(v, (str, int)) for v in key)):
        raise BadCursor(f"The cursor {token[:80]!r} is not one this list gave: follow a page's next link, or ask by page number.")
    return tuple(key)


def window(page: int | None, size: int) -> tuple[int, int | None]:
    """(offset, limit) of page number ``page`` of ``size`` rows; (0, None), the whole list, when ``page`` is None."""
    return (PageRequest(page, size).offset, size) if page else (0, None)


def paged(read: Callable[[int, int], list[Any]], request: PageRequest) -> tuple[list[Any], bool]:
    """One page of a list a library function reads a page at a time (``copies``, ``stories``:
    ``read(offset, limit)``), asked for one row more to know whether another page follows:
    (the page's rows, whether another follows)."""
    rows = read(request.offset, request.size + 1)
    return rows[: request.size], len(rows) > request.size


Key = Callable[[dict[str, Any]], tuple]


def page_of(conn: Connection, query, request: PageRequest, key: Key | None = None) -> Page:
    """Page ``request.number`` of ``query`` (ordered); with ``key`` (a row's place in that order),
    the cursor of the next page too."""
    rows = [dict(r._mapping) for r in conn.execute(query.limit(request.size + 1).offset(request.offset))]
    return _cut(rows, request, key)


def page_after(conn: Connection, parts: list, request: PageRequest, key: Key) -> Page:
    """The page after a cursor: ``parts`` are the rows that follow it, in the list's order, as
    queries read in turn until the page is full (each an index range: one order of several
    directions, or with nulls, is no single range, but the rest of the cursor's group and then
    each group after it are)."""
    rows: list[dict[str, Any]] = []
    for part in parts:
        if len(rows) > request.size:
            break
        rows += [dict(r._mapping) for r in conn.execute(part.limit(request.size + 1 - len(rows)))]
    return _cut(rows, request, key)


def _cut(rows: list[dict[str, Any]], request: PageRequest, key: Key | None) -> Page:
    """A page of the first ``request.size`` of ``rows`` (one more was read to know whether another follows)."""
    shown, more = rows[: request.size], len(rows) > request.size
    return Page(shown, request.number, more, cursor(key(shown[-1])) if more and key else None)
