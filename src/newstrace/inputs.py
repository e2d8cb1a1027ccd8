"""The web and WARC inputs of ``ingest`` and ``watch``, set up from their options: a fetcher that
records every fetch in the database, and a WARC reader with its record filters checked."""

from __future__ import annotations

from .errors import InputError, NewstraceError
from .ingest import DEFAULT_MAX_BYTES
from .store import Store


def web_fetcher(store: Store, workers: int = 1, ignore_robots: bool = False, allow_private: bool = False,
                max_bytes: int = DEFAULT_MAX_BYTES):
    """The fetcher of URL inputs, recording each fetch in the database."""
    from .ingest.fetch import Fetcher, FetchSettings
    from .store.fetches import record_fetch

    settings = FetchSettings(
        workers=workers, respect_robots=not ignore_robots, allow_private=allow_private, max_bytes=max_bytes
    )
    return Fetcher(settings, on_fetch=lambda fetch: record_fetch(store, fetch))


def warc_reader(since: str | None, until: str | None, lang: str | None, domains: list[str] | None):
    """The WARC reader with the record filters given, checked before any work is done."""
    from .ingest.warc import RecordFilter, WarcReader, filter_bound

    try:
        wanted = RecordFilter(
            since=filter_bound(since) if since else None,
            until=filter_bound(until, end=True) if until else None,
            language=lang.strip().lower() if lang else None,
            domains=tuple(d.strip().lower().strip(".") for d in domains or ()),
        )
    except InputError as error:
        raise NewstraceError(f"--since/--until: {error}.") from None
    return WarcReader(wanted)
