"""Fetching URLs: pages, redirects, the address guard, robots.txt, timeouts, size caps and retries.

Every request goes to a server the test starts on 127.0.0.1; the guard refuses the
other private addresses before connecting, so no outside host is ever contacted.
"""

import time

import pytest
from local_server import (
    LocalServer,
    drip,
    endless,
    example_page,
    flaky,
    gzip_bomb,
    page,
    redirect,
    slow,
)

from newstrace.ingest import read_documents, to_article
from newstrace.ingest.fetch import Fetcher, FetchSettings, address_refusal
from newstrace.model import Document, Problem

# The test server is on loopback: allowed, and only it (other private addresses stay refused).
LOCAL = FetchSettings(allowed_networks=("127.0.0.1/32",), read_seconds=1.0, backoff_seconds=0.01, max_bytes=1_000_000)
ROBOTS = b"User-agent: newstrace\nDisallow: /private/\n\nUser-agent: *\nDisallow:\n"
LATIN1_PAGE = (
    "<html><head><title>Señora Ortiz speaks</title></head><body><article><h1>Señora Ortiz speaks</h1>"
    "<p>Señora Ortiz, the mayor of Vestra, said on Monday that the bridge would reopen in spring.</p>"
    "<p>The council approved the repairs by seven votes to two after a long debate in the town hall.</p>"
    "</article></body></html>"
).encode("latin-1")


@pytest.fixture
def server():
    routes = {
        "/robots.txt": page(ROBOTS, "text/plain"),
        "/original.html": page(example_page("01_original.html")),
        "/followup.html": page(example_page("05_followup.txt")),
        "/latin1.html": page(LATIN1_PAGE, "text/html; charset=iso-8859-1"),
        "/moved": redirect("/original.html", 301),
        "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-ten": redirect("http://10.0.0.1/admin"),
        "/to-other-loopback": redirect("http://127.0.0.2/"),
        "/loop": redirect("/loop"),
        "/slow": slow(3.0),
        "/endless": endless,
        "/bomb": gzip_bomb(50_000_000),
        "/image.png": page(b"\x89PNG\r\n\x1a\n", "image/png"),
        "/private/secret.html": page(example_page("05_followup.txt")),
    }
    with LocalServer(routes) as local:
        yield local


def fetch_one(server, path, settings=LOCAL):
    records = []
    with Fetcher(settings, on_fetch=records.append) as fetcher:
        (item,) = fetcher.documents([server.url(path)])
    (record,) = records
    return item, record


def test_a_page_keeps_its_final_url_status_and_fetch_time(server):
    item, record = fetch_one(server, "/moved")
    assert isinstance(item, Document)
    assert (item.source, item.url, item.kind) == (server.url("/moved"), server.url("/original.html"), "html")
    assert (record.final_url, record.status, record.redirects) == (server.url("/original.html"), 200, (server.url("/moved"),))
    assert record.error is None and record.size == len(example_page("01_original.html"))
    assert record.fetched_at.startswith(time.strftime("%Y-%m-%d", time.gmtime()))
    article = to_article(item)
    assert article.url == server.url("/original.html")
    assert article.title.startswith("Brigade frees three Vestra captives")


def test_the_charset_comes_from_the_content_type_header(server):
    item, _record = fetch_one(server, "/latin1.html")
    assert "Señora Ortiz, the mayor of Vestra" in to_article(item).text


def test_requests_say_who_we_are_and_read_robots_txt_first(server):
    fetch_one(server, "/original.html")
    assert server.paths() == ["/robots.txt", "/original.html"]
    assert all(headers["User-Agent"].startswith("newstrace/") for _path, headers in server.requests)


def test_robots_txt_is_obeyed_unless_told_otherwise(server):
    item, record = fetch_one(server, "/private/secret.html")
    assert item == Problem(
        server.url("/private/secret.html"), f"robots.txt of {server.base} disallows it (--ignore-robots fetches it anyway)"
    )
    assert record.status is None and record.error == item.reason
    assert "/private/secret.html" not in server.paths()
    ignoring = FetchSettings(**{**LOCAL.__dict__, "respect_robots": False})
    item, _record = fetch_one(server, "/private/secret.html", ignoring)
    assert isinstance(item, Document)


def test_loopback_is_refused_by_default_before_connecting(server):
    item, record = fetch_one(server, "/original.html", FetchSettings())
    assert item.reason == "refused: 127.0.0.1 is a loopback address (--allow-private fetches such addresses)"
    assert record.status is None
    assert server.requests == []


def test_allow_private_fetches_loopback(server):
    item, _record = fetch_one(server, "/original.html", FetchSettings(allow_private=True))
    assert isinstance(item, Document)


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/to-metadata", "redirected to http://169.254.169.254/latest/meta-data/: refused: 169.254.169.254 is a link-local address"),
        ("/to-ten", "redirected to http://10.0.0.1/admin: refused: 10.0.0.1 is a private address"),
        ("/to-other-loopback", "redirected to http://127.0.0.2/: refused: 127.0.0.2 is a loopback address"),
    ],
)
def test_a_redirect_to_a_private_address_is_refused(server, path, reason):
    item, record = fetch_one(server, path)
    assert item.reason == reason + " (--allow-private fetches such addresses)"
    assert record.error == item.reason
    assert server.paths() == ["/robots.txt", path]  # nothing else was asked of anyone


@pytest.mark.parametrize(
    "address, refusal",
    [
        ("8.8.8.8", None),
        ("2001:4860:4860::8888", None),
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("192.168.1.10", "a private address"),
        ("172.16.0.1", "a private address"),
        ("fd00::1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1%eth0", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("100.64.0.1", "not a public address"),  # carrier-grade NAT
        ("240.0.0.1", "a reserved address"),
    ],
)
def test_which_addresses_the_guard_refuses(address, refusal):
    assert address_refusal(address, FetchSettings()) == refusal
    assert address_refusal(address, FetchSettings(allow_private=True)) is None


def test_a_slow_server_times_out(server):
    started = time.monotonic()
    item, _record = fetch_one(server, "/slow")
    assert item.reason == "no answer within 1 s (read timeout)"
    assert time.monotonic() - started < 2.5


def test_a_server_that_drips_its_answer_stops_at_the_time_limit(server):
    server.routes["/drip"] = drip(0.1)
    started = time.monotonic()
    item, _record = fetch_one(server, "/drip", FetchSettings(**{**LOCAL.__dict__, "total_seconds": 1.0}))
    assert item.reason == "page took too long to download (total_seconds)"
    assert time.monotonic() - started < 2.5


def test_an_endless_body_stops_at_the_size_cap(server):
    item, _record = fetch_one(server, "/endless")
    assert item.reason == "page is larger than the limit of 1,000,000 bytes (stopped reading)"


def test_a_gzip_bomb_stops_at_the_cap_on_its_decompressed_size(server):
    item, record = fetch_one(server, "/bomb")
    assert item.reason == "page is larger than the limit of 1,000,000 bytes (stopped reading)"
    assert record.status is None


def test_a_redirect_loop_stops(server):
    item, _record = fetch_one(server, "/loop")
    assert item.reason == "more than 8 redirects (max_redirects)"


def test_a_missing_page_and_a_wrong_type_are_problems_with_their_status(server):
    item, record = fetch_one(server, "/gone.html")
    assert (item.reason, record.status, record.final_url) == ("HTTP 404 Not Found", 404, server.url("/gone.html"))
    item, record = fetch_one(server, "/image.png")
    assert (item.reason, record.status) == ("content type image/png is not HTML or text", 200)


def test_a_busy_server_is_retried_with_backoff(server):
    server.routes["/busy"] = flaky(2, page(example_page("05_followup.txt")))
    item, record = fetch_one(server, "/busy")
    assert isinstance(item, Document) and record.status == 200
    assert server.paths().count("/busy") == 3


def test_retries_are_bounded(server):
    server.routes["/down"] = flaky(10, page(b"<p>never</p>"))
    item, record = fetch_one(server, "/down")
    assert (item.reason, record.status) == ("HTTP 503 Service Unavailable", 503)
    assert server.paths().count("/down") == 1 + LOCAL.retries


def test_one_bad_url_never_stops_a_batch_and_workers_keep_the_order(server):
    paths = ["/original.html", "/gone.html", "/to-ten", "/followup.html", "/slow", "/latin1.html"]
    settings = FetchSettings(**{**LOCAL.__dict__, "workers": 3})
    with Fetcher(settings) as fetcher:
        items = list(fetcher.documents([server.url(p) for p in paths]))
    assert [item.source for item in items] == [server.url(p) for p in paths]
    assert [type(item).__name__ for item in items] == ["Document", "Problem", "Problem", "Document", "Problem", "Document"]


def test_a_file_listing_urls_is_fetched_line_by_line(server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's pages\n{server.url('/original.html')}\n\n{server.url('/gone.html')}\n")
    with Fetcher(LOCAL) as fetcher:
        items = list(read_documents([listing, server.url("/followup.html")], fetcher=fetcher, site="Ledger"))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Document", server.url("/original.html")),
        ("Problem", server.url("/gone.html")),
        ("Document", server.url("/followup.html")),
    ]
    assert items[0].site == "Ledger"  # --site applies to fetched pages as to files


def test_ingest_fetches_urls_and_keeps_each_fetch_in_the_database(server, tmp_path):
    from typer.testing import CliRunner

    from newstrace.cli import app
    from newstrace.store import Store
    from newstrace.store.fetches import fetch_rows

    listing = tmp_path / "urls.txt"
    listing.write_text(f"{server.url('/followup.html')}\n{server.url('/gone.html')}\n")
    db = str(tmp_path / "web.db")
    result = CliRunner().invoke(app, ["ingest", server.url("/moved"), str(listing), "--db", db, "--allow-private"])
    assert result.exit_code == 1, result.output  # the 404 is skipped, the rest stored
    assert f"skipped {server.url('/gone.html')}: HTTP 404 Not Found" in result.output
    assert "Ingested 2 articles, 0 duplicates, 1 skipped" in result.output
    store = Store(db, create=False)
    assert sorted(row["url"] for row in store.articles()) == [server.url("/followup.html"), server.url("/original.html")]
    rows = {row["url"]: row for row in fetch_rows(store)}
    assert set(rows) == {server.url("/moved"), server.url("/followup.html"), server.url("/gone.html")}
    moved = rows[server.url("/moved")]
    assert (moved["final_url"], moved["status"], moved["redirects"], moved["error"]) == (
        server.url("/original.html"), 200, [server.url("/moved")], None
    )
    assert (rows[server.url("/gone.html")]["status"], rows[server.url("/gone.html")]["error"]) == (404, "HTTP 404 Not Found")
    # Without --allow-private the same command refuses the loopback server.
    result = CliRunner().invoke(app, ["ingest", server.url("/followup.html"), "--db", str(tmp_path / "other.db")])
    assert "refused: 127.0.0.1 is a loopback address" in result.output and result.exit_code == 1


def test_no_robots_txt_allows_everything_and_a_failing_one_forbids_the_site():
    article = page(example_page("05_followup.txt"))
    with LocalServer({"/page.html": article}) as bare:  # /robots.txt answers 404
        item, _record = fetch_one(bare, "/page.html")
        assert isinstance(item, Document)
    with LocalServer({"/page.html": article, "/robots.txt": page(b"oops", "text/plain", status=500)}) as failing:
        item, _record = fetch_one(failing, "/page.html")
        assert item.reason == f"robots.txt of {failing.base} answered HTTP 500, which forbids the site (RFC 9309)"
        assert "/page.html" not in failing.paths()
