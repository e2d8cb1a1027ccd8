"""When an article appeared: the one rule of "earlier" that copies, people and stories follow.

A bare date counts as the start of its day in UTC: it comes after every article of the
days before and before every article published at a time of that day. A time without a
zone is UTC; offsets are compared in UTC.
"""

from __future__ import annotations

import datetime as dt

# Independent reports of one event appear within days; two months apart, shared names say
# "same topic" (Rahul Gandhi on fuel prices in May, on the GST in July). Between reports
# published further apart compare asks for more of their names shared (a follow-up: see
# compare.SAME_STORY_APART_*), and stories count no same_story link. Set on
# real-copies' dev half (bench/real_copies.py): every labelled same_story pair with both dates
# is at most 1 day apart; of the 290 same_story links with both dates between pages of
# different labelled stories, 265 are more than 7 days apart (up to 895). 2, 7 and 14 days gave
# the same stories there (story pair precision 0.81), 30 days 0.64.
SAME_STORY_WINDOW_DAYS = 7


def published_moment(published: str | None) -> dt.datetime | None:
    """The publication instant in UTC; None when the value is missing or not a date."""
    if not published:
        return None
    try:
        moment = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment.astimezone(dt.timezone.utc)


def days_apart(a: str | None, b: str | None) -> float | None:
    """How many days apart two articles were published; None when either is undated."""
    at_a, at_b = published_moment(a), published_moment(b)
    if at_a is None or at_b is None:
        return None
    return abs(at_a - at_b) / dt.timedelta(days=1)


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
