"""Watching feeds: conditional GET, each entry's page fetched once across rounds and restarts."""

import pytest
from local_server import LocalServer, example_page, page, send

from newstrace.ingest.feeds import parse_interval, watch_round
from newstrace.ingest.fetch import Fetcher, FetchSettings
from newstrace.errors import InputError
from newstrace.store import Store
from newstrace.store.fetches import feed_state

LOCAL = FetchSettings(allowed_networks=("127.0.0.1/32",), read_seconds=2.0)


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Entry {p}</title><link>{base}{p}</link></item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>'
            f"<link>{base}/</link>{items}</channel></rss>").encode()


class Feed:
    """A feed answering 304 to the ETag of its current version."""

    def __init__(self, base: str, paths: list[str]) -> None:
        self.base, self.version, self.paths = base, 1, paths

    def __call__(self, handler) -> None:
        etag = f'"v{self.version}"'
        if handler.headers.get("If-None-Match") == etag:
            send(handler, 304, b"", None, {"ETag": etag})
        else:
            send(handler, 200, rss(self.base, self.paths), "application/rss+xml", {"ETag": etag})

    def publish(self, paths: list[str]) -> None:
        self.version, self.paths = self.version + 1, paths


@pytest.fixture
def server():
    with LocalServer({"/robots.txt": page(b"User-agent: *\nDisallow:\n", "text/plain")}) as local:
        local.routes["/original.html"] = page(example_page("01_original.html"))
        local.routes["/followup.html"] = page(example_page("05_followup.txt"))
        local.routes["/independent.html"] = page(example_page("04_independent.html"))
        # The same entry twice in one feed, as feeds that re-list an updated story do.
        local.routes["/feed.xml"] = Feed(local.base, ["/original.html", "/followup.html", "/original.html"])
        local.routes["/broken.xml"] = page(b"<html><p>not a feed</p></html>")
        yield local


def test_each_entry_is_fetched_once_across_rounds_and_restarts(server, tmp_path, nlp):
    db = str(tmp_path / "watch.db")
    feed = server.url("/feed.xml")
    with Fetcher(LOCAL) as fetcher:
        first = watch_round(Store(db), [feed], fetcher, 1, nlp=nlp)
        assert (first.feeds, first.unchanged, first.new_entries, first.stored, first.skipped) == (1, 0, 2, 2, 0)
        assert server.paths().count("/original.html") == 1
        second = watch_round(Store(db), [feed], fetcher, 2, nlp=nlp)  # unchanged: a 304, nothing fetched
        assert (second.unchanged, second.new_entries) == (1, 0)
        assert server.requests[-1][1]["If-None-Match"] == '"v1"'
        server.routes["/feed.xml"].publish(["/independent.html", "/followup.html", "/original.html"])
    with Fetcher(LOCAL) as fetcher:  # a restart: a new fetcher, the state read from the database
        third = watch_round(Store(db), [feed], fetcher, 3, nlp=nlp)
    assert (third.unchanged, third.new_entries, third.stored) == (0, 1, 1)
    assert [server.paths().count(p) for p in ("/original.html", "/followup.html", "/independent.html")] == [1, 1, 1]
    assert feed_state(Store(db), feed)["etag"] == '"v2"'
    assert third.summary().endswith("1 feed (0 unchanged), 1 new entry: 1 stored, 0 duplicates, 0 skipped")


def test_a_broken_feed_is_named_and_the_others_go_on(server, tmp_path, nlp):
    with Fetcher(LOCAL) as fetcher:
        result = watch_round(Store(str(tmp_path / "w.db")), [server.url("/broken.xml"), server.url("/gone.xml"),
                                                              server.url("/feed.xml")], fetcher, nlp=nlp)
    assert [(p.source, p.reason.split(" (")[0]) for p in result.problems] == [
        (server.url("/broken.xml"), "not an RSS or Atom feed"),
        (server.url("/gone.xml"), "feed answered HTTP 404"),
    ]
    assert (result.feeds, result.stored) == (3, 2)


def test_watch_once_prints_one_line_per_round(server, tmp_path):
    from typer.testing import CliRunner

    from newstrace.cli import app

    args = ["watch", server.url("/feed.xml"), "--db", str(tmp_path / "cli.db"), "--once", "--allow-private"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if line.startswith("Round")]
    assert line.endswith("1 feed (0 unchanged), 2 new entries: 2 stored, 0 duplicates, 0 skipped")
    again = CliRunner().invoke(app, args)
    assert again.output.strip().endswith("1 feed (1 unchanged), 0 new entries: 0 stored, 0 duplicates, 0 skipped")


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("1h30m", 5400), ("90s", 90), ("45", 45), ("1d", 86400)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0", "15 minutes", "-5m"])
def test_unreadable_intervals_are_refused(text):
    with pytest.raises(InputError):
        parse_interval(text)
