"""When an article appeared: the one rule of "earlier" that copies, people and stories follow.

A bare date counts as the start of its day in UTC: it comes after every article of the
days before and before every article published at a time of that day. A time without a
zone is UTC; offsets are compared in UTC.
"""

from __future__ import annotations

import datetime as dt


def published_moment(published: str | None) -> dt.datetime | None:
    """The publication instant in UTC; None when the value is missing or not a date."""
    if not published:
        return None
    try:
        moment = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment.astimezone(dt.timezone.utc)


def published_order(a: str | None, b: str | None) -> int:
    """-1 when ``a`` was published before ``b``, 1 after, 0 when the dates cannot tell
    (one is missing, or both give the same moment)."""
    at_a, at_b = published_moment(a), published_moment(b)
    if at_a is None or at_b is None:
        return 0
    return (at_a > at_b) - (at_a < at_b)


def time_key(published: str | None, ingested_at: str, article_id: str) -> tuple:
    """Sorts articles by publication instant; undated articles last, in the order they were ingested."""
    moment = published_moment(published)
    return (moment is None, moment.timestamp() if moment else 0.0, ingested_at, article_id)


def published_day(published: str | None) -> str | None:
    """The date as written in the article's own time zone (2025-10-05T09:00+02:00 -> 2025-10-05);
    None when undated or not a date."""
    return published[:10] if published and published_moment(published) else None
