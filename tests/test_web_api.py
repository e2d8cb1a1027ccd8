"""The JSON API and the pages over HTTP (no browser): the API returns the CLI's --json objects,
lists page, unknown ids are 404s, every response carries the security headers."""

from __future__ import annotations

import json
import warnings

import pytest
from typer.testing import CliRunner

from newstrace.cli import app as cli
from newstrace.model import Analysis, Article, Paragraph
from newstrace.store import Store
from newstrace.web.security import CONTENT_SECURITY_POLICY, safe_href

from web_fixtures import ORIGINAL_TITLE, ORIGINAL_URL, SPUN_URL, copy_db, example_db  # noqa: F401 (fixture)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note on httpx versions
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(example_db):
    from newstrace.web import create_app

    return TestClient(create_app(str(example_db)))


def cli_json(db, *args) -> list:
    """A command's --json output as a list of objects (one per line)."""
    done = CliRunner().invoke(cli, [*args, "--db", str(db), "--json"])
    assert done.exit_code == 0, done.output
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def ids(db) -> dict[str, str]:
    return {row["url"]: row["id"] for row in Store(db, create=False).articles()}


def test_api_twins_return_the_cli_json_objects(client, example_db):
    people = cli_json(example_db, "people")
    assert client.get("/api/people", params={"size": 200}).json() == people
    varga = next(p for p in people if p["name"] == "Tomas Varga")
    assert client.get(f"/api/people/{varga['id']}").json() == cli_json(example_db, "person", "Tomas Varga")[0]
    assert client.get("/api/copies", params={"size": 200}).json() == cli_json(example_db, "copies")
    assert client.get("/api/stories", params={"size": 200}).json() == cli_json(example_db, "stories")
    known = ids(example_db)
    copy, source = known[SPUN_URL], known[ORIGINAL_URL]
    diff = client.get("/api/diff", params={"copy": copy, "source": source}).json()
    assert diff == cli_json(example_db, "diff", copy, source)[0]
    assert diff["verdict"] == "spun" and diff["distortions"]
    exported = {row["article"]["id"]: row for row in cli_json_export(example_db)}
    article = client.get(f"/api/articles/{source}").json()
    assert article == exported[source]
    assert article["article"]["title"] == ORIGINAL_TITLE


def cli_json_export(db) -> list:
    done = CliRunner().invoke(cli, ["export", "--db", str(db)])
    assert done.exit_code == 0, done.output
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_lists_page_with_a_next_link(client, example_db):
    people = cli_json(example_db, "people")
    first = client.get("/api/people", params={"size": 2})
    assert first.json() == people[:2]
    # The next page by cursor (after the first page's last person), or by number.
    assert first.headers["link"].startswith('</api/people?size=2&page=2&after=') and first.headers["link"].endswith('>; rel="next"')
    following = client.get(first.headers["link"].removeprefix("<").split(">;")[0])
    second = client.get("/api/people", params={"size": 2, "page": 2})
    assert second.json() == following.json() == people[2:4]
    last = client.get("/api/copies", params={"size": 200})
    assert "link" not in last.headers
    assert client.get("/api/people", params={"size": 100_000}).status_code == 422


def test_unknown_ids_are_404_pages_not_tracebacks(client):
    for path in ("/articles/ffffffffffff", "/people/nobody", "/stories/none", "/no/such/page"):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "text/html" in page.headers["content-type"]
        assert "<h1>Not found</h1>" in page.text and "Traceback" not in page.text
    answer = client.get("/api/articles/ffffffffffff")
    assert answer.status_code == 404
    assert answer.json() == {"detail": f"No article with id or URL 'ffffffffffff' in {client.app.state.store.url}."}
    assert client.get("/api/people/nobody").status_code == 404
    assert client.get("/api/diff", params={"copy": "ffffffffffff", "source": "eeeeeeeeeeee"}).status_code == 404


def test_every_response_forbids_inline_scripts(client):
    for path in ("/", "/api/people", "/articles/ffffffffffff", "/docs", "/static/style.css"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY


def test_no_route_writes(client):
    methods = {m for route in client.app.routes for m in getattr(route, "methods", None) or ()}
    assert methods <= {"GET", "HEAD"}
    assert client.post("/api/people").status_code == 405


def test_pages_render_the_example_facts(client, example_db):
    known = ids(example_db)
    home = client.get("/")
    assert "<strong>9</strong> articles" in home.text
    article = client.get(f"/articles/{known[ORIGINAL_URL]}").text
    assert f"<h1>{ORIGINAL_TITLE}</h1>" in article
    for name in ("Tomas Varga", "Lena Hollis", "Ilse Marten", "Piotr Hollis", "Andrei Hollis", "Dana Orlov"):
        assert f">{name}</a>" in article
    docs = client.get("/docs").text
    for route in ("/api/articles/{article_id}", "/api/people", "/api/copies", "/api/diff", "/api/stories"):
        assert f"GET {route}</code>" in docs
    assert "<script" not in docs


def test_search_finds_articles_people_and_quotes_with_filters(client, example_db):
    found = client.get("/search", params={"q": "Lena Hollis"}).text
    assert ORIGINAL_TITLE in found and ">Lena Hollis</a>" in found
    quotes = client.get("/search", params={"q": "mother back"}).text
    assert "I have my mother back" in quotes
    spun_only = client.get("/search", params={"q": "Hollis", "verdict": "spun"}).text
    assert "Brigade Releases Three Vestra Hostages" in spun_only and ORIGINAL_TITLE not in spun_only
    by_site = client.get("/search", params={"q": "Hollis", "site": "Valley News Now", "until": "2024-11-14"}).text
    assert ORIGINAL_TITLE in by_site and "Kestrin Herald</td>" not in by_site
    assert client.get("/search", params={"q": "Hollis", "since": "not a date"}).status_code == 422


def test_the_search_index_follows_later_ingests(example_db, tmp_path):
    """The FTS5 index is built once, then its triggers index every article stored after it."""
    from newstrace.store import browse, search

    db = tmp_path / "copy.db"
    copy_db(example_db, db)
    store = Store(db, create=False)
    assert search.ensure_search_index(store)
    text = "The Quillmore lighthouse reopened on Friday."
    store.add(Analysis(Article("new0000000000001", "https://example.test/quillmore", text, title="Quillmore",
                               paragraphs=(Paragraph(0, len(text)),))))
    found = search.search(store, "quillmore", browse.Filters(), browse.PageRequest())
    assert [row["id"] for row in found.articles.rows] == ["new0000000000001"]


def test_safe_href_keeps_only_web_links():
    assert safe_href("https://example.test/a?b=1") == "https://example.test/a?b=1"
    for hostile in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "java\tscript:x", "file:///etc/passwd"):
        assert safe_href(hostile) is None, hostile


def test_serve_listens_on_this_machine_only_by_default(example_db, monkeypatch):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: seen.update(options))
    done = CliRunner().invoke(cli, ["serve", "--db", str(example_db)])
    assert done.exit_code == 0, done.output
    assert seen == {"host": "127.0.0.1", "port": 8000, "log_level": "warning"}


def test_search_without_a_full_text_index_matches_substrings(example_db, monkeypatch):
    """Where FTS5 is not available (PostgreSQL), the same search matches each word as a substring."""
    from newstrace.store import browse, search

    store = Store(example_db, create=False)
    with_index = search.search(store, "Lena Hollis", browse.Filters(verdict="spun"), browse.PageRequest())
    monkeypatch.setattr(search, "ensure_search_index", lambda _store: False)
    without = search.search(store, "Lena Hollis", browse.Filters(verdict="spun"), browse.PageRequest())
    assert [r["url"] for r in without.articles.rows] == [r["url"] for r in with_index.articles.rows] == [SPUN_URL]
    assert [p["name"] for p in without.people] == ["Lena Hollis"]



def test_a_word_matching_too_many_articles_lists_them_latest_first(example_db, monkeypatch):
    from newstrace.store import browse, search

    store = Store(example_db, create=False)
    ingested = [row["id"] for row in store.articles()]  # oldest ingest first
    monkeypatch.setattr(search, "RANKED_MATCHES_MAX", 0)
    for filters in (browse.Filters(), browse.Filters(since="2024-01-01")):
        found = search.search(store, "Brigade", filters, browse.PageRequest(1, 3))
        rows = [row["id"] for row in found.articles.rows]
        assert rows == sorted(rows, key=ingested.index, reverse=True) and len(rows) == 3 and found.articles.has_next


def test_search_on_postgresql_uses_its_full_text_index(postgres_database, nlp):
    """PostgreSQL: GIN indexes over text-search vectors, stemmed words, marked snippets."""
    from newstrace.store import search
    from web_fixtures import EXAMPLES

    done = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", postgres_database])
    assert done.exit_code == 0, done.output
    store = Store(postgres_database, create=False)
    assert search.ensure_search_index(store)
    found = search.search(store, "Lena Hollis", search.Filters(verdict="spun"), search.PageRequest())
    assert [r["url"] for r in found.articles.rows] == [SPUN_URL]
    assert search.SNIPPET_START + "Hollis" + search.SNIPPET_END in found.articles.rows[0]["snippet"]
    assert [p["name"] for p in found.people] == ["Lena Hollis"]
    stemmed = search.search(store, "mothers", search.Filters(), search.PageRequest())
    assert any("I have my mother back" in q["text"] for q in stemmed.quotes)
    # The query's expression is the index's: with table scans priced out (nine rows would
    # rather be scanned), the planner reads the index.
    with store.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        plan = "\n".join(conn.exec_driver_sql(
            "EXPLAIN SELECT id FROM articles WHERE " + search._vector(("title", "text", "site"), "articles")
            + " @@ plainto_tsquery('english', 'Hollis')"
        ).scalars())
    assert "articles_fts_pg" in plan


def test_every_page_renders_on_postgresql(postgres_database, nlp):
    from newstrace.web import create_app
    from web_fixtures import EXAMPLES

    done = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", postgres_database])
    assert done.exit_code == 0, done.output
    client = TestClient(create_app(postgres_database))
    known = ids(postgres_database)
    person = client.get("/api/people").json()[0]
    story = client.get("/api/stories").json()[0]
    routes = ["/", "/search?q=Hollis", "/sites", f"/articles/{known[ORIGINAL_URL]}", f"/people/{person['id']}",
              f"/stories/{story['id']}", f"/api/articles/{known[ORIGINAL_URL]}", "/api/copies",
              f"/api/diff?copy={known[SPUN_URL]}&source={known[ORIGINAL_URL]}"]
    for route in routes:
        response = client.get(route)
        assert response.status_code == 200, route
    assert ORIGINAL_TITLE in client.get("/search?q=Hollis").text
