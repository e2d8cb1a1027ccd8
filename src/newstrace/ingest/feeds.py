"""RSS and Atom feeds watched over time (feedparser): each entry's page fetched once, ever.

A round asks every feed for what changed (a conditional GET with the ETag and
Last-Modified the database kept from the last full answer), fetches and
ingests the links never seen before in any feed, then saves the feeds' new
validators. The state lives in the database (``feeds``, ``feed_entries``), so
a watch that is stopped and started again goes on where it was. A validator
is saved only after its entries were ingested: a round cut short asks again.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin

import feedparser

from .. import pipeline
from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Problem
from ..store import Store
from ..store.fetches import feed_state, mark_seen, new_links, save_feed_state
from .fetch import Fetcher, FetchError, now

# "15m", "1h", "90s", "2h30m" or a bare number of seconds.
INTERVAL_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")
INTERVAL_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# A feed answer whose link list is all the caller reads: feeds are small (a few hundred KB at most).
MAX_FEED_BYTES = 5 * 1024 * 1024


def parse_interval(text: str) -> float:
    """Seconds in an interval written "15m", "1h30m", "45s" or "900"; InputError when unreadable."""
    text = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        seconds = float(text)
    elif text and INTERVAL_PART.sub("", text) == "":
        seconds = sum(float(value) * INTERVAL_UNITS[unit] for value, unit in INTERVAL_PART.findall(text))
    else:
        raise InputError(f"{text!r} is not an interval; write e.g. 15m, 1h, 90s")
    if seconds <= 0:
        raise InputError(f"{text!r} is not a positive interval")
    return seconds


@dataclass(frozen=True)
class FeedCheck:
    """What one feed said this round: its entries' links (with titles), or why it said nothing."""

    url: str
    links: tuple[tuple[str, str | None], ...] = ()
    unchanged: bool = False
    problem: Problem | None = None
    validators: dict = field(default_factory=dict)  # etag, last_modified to save once the entries are in


def check_feed(store: Store, fetcher: Fetcher, url: str) -> FeedCheck:
    """Ask one feed for its entries, conditionally on what the database kept from last time."""
    state = feed_state(store, url) or {}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    try:
        response = fetcher.get(url, headers=headers, max_bytes=MAX_FEED_BYTES)
    except FetchError as error:
        save_feed_state(store, url, checked_at=now(), status=None, error=str(error))
        return FeedCheck(url, problem=Problem(url, str(error)))
    if response.status == 304:
        save_feed_state(store, url, checked_at=now(), status=304, error=None)
        return FeedCheck(url, unchanged=True)
    if not 200 <= response.status < 300:
        reason = f"feed answered HTTP {response.status}"
        save_feed_state(store, url, checked_at=now(), status=response.status, error=reason)
        return FeedCheck(url, problem=Problem(url, reason))
    parsed = feedparser.parse(
        io.BytesIO(response.body),  # bytes in a stream: feedparser never fetches anything itself
        response_headers={key: value for key, value in response.headers.items() if key in ("content-type",)},
    )
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = "not an RSS or Atom feed" + (f" ({parsed.bozo_exception})" if parsed.bozo else "")
        save_feed_state(store, url, checked_at=now(), status=response.status, error=reason)
        return FeedCheck(url, problem=Problem(url, reason))
    links = tuple(
        (urljoin(response.final_url, entry["link"].strip()), entry.get("title"))
        for entry in parsed.entries
        if entry.get("link")
    )
    validators = {"etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}
    return FeedCheck(url, links, validators=validators)


@dataclass
class Round:
    """What one round of watching did."""

    number: int
    started: str
    feeds: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)  # feeds that could not be read
    new_entries: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0

    def summary(self) -> str:
        failed = f", {len(self.problems)} failed" if self.problems else ""
        return (
            f"Round {self.number} at {self.started}: {self.feeds} feed{'s' * (self.feeds != 1)} "
            f"({self.unchanged} unchanged{failed}), {self.new_entries} new entr{'y' if self.new_entries == 1 else 'ies'}: "
            f"{self.stored} stored, {self.duplicates} duplicates, {self.skipped} skipped"
        )


def watch_round(
    store: Store,
    feed_urls: Iterable[str],
    fetcher: Fetcher,
    number: int = 1,
    *,
    nlp=None,
    on_progress: Callable | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Round:
    """Check every feed once and ingest the entries never seen before."""
    result = Round(number, now())
    checks = []
    for url in dict.fromkeys(feed_urls):
        check = check_feed(store, fetcher, url)
        checks.append(check)
        result.feeds += 1
        result.unchanged += check.unchanged
        if check.problem:
            result.problems.append(check.problem)
    listed: dict[str, tuple[str, str | None]] = {}  # link -> (feed, title): the first feed that lists it
    for check in checks:
        for link, title in check.links:
            listed.setdefault(link, (check.url, title))
    pending = {link: listed[link] for link in new_links(store, listed)}
    result.new_entries = len(pending)
    tell = on_progress or (lambda _event: None)

    def seen(event) -> None:
        if event.kind in ("stored", "duplicate", "skipped") and event.source in pending:
            feed_url, title = pending.pop(event.source)
            mark_seen(store, event.source, feed_url, title, now())
            result.stored += event.kind == "stored"
            result.duplicates += event.kind == "duplicate"
            result.skipped += event.kind == "skipped"
        tell(event)

    if pending:
        pipeline.ingest(list(pending), store, nlp=nlp, on_progress=seen, limits=limits, fetcher=fetcher)
    for check in checks:
        if check.links or check.validators:
            save_feed_state(store, check.url, checked_at=now(), status=200, error=None, **check.validators)
    return result


def watch(
    store: Store,
    feed_urls: list[str],
    fetcher: Fetcher,
    every: float,
    *,
    once: bool = False,
    on_round: Callable[[Round], None] = lambda _round: None,
    sleep: Callable[[float], None] = time.sleep,
    **round_options,
) -> Round:
    """Rounds every ``every`` seconds (from the start of one to the next); with ``once``, one
    round, returned."""
    number = 0
    while True:
        number += 1
        started = time.monotonic()
        result = watch_round(store, feed_urls, fetcher, number, **round_options)
        on_round(result)
        if once:
            return result
        sleep(max(0.0, every - (time.monotonic() - started)))

