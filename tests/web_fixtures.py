"""Databases for the web tests: the bundled examples ingested once per session, and a hostile
article (markup, event handlers and javascript: URLs in every field a page shows) stored by hand."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

import pytest

from newstrace import link, pipeline
from newstrace.model import Analysis, Article, Attribute, Entity, Evidence, Paragraph, Quote, Status
from newstrace.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# examples/01_original.html: its id and what examples/EXPECTED.md says of it.
ORIGINAL_URL = "https://www.dailyledger.example/world/2024/11/14/brigade-frees-three-vestra-captives"
ORIGINAL_TITLE = "Brigade frees three Vestra captives, but teenager whose father was killed is still held"
SPUN_URL = "https://worldnewsdigest24.blogspot.example/2024/11/brigade-releases-three-vestra-hostages.html"

# What an attacker puts in an article: each payload sets a flag or opens a dialog if it ever runs.
SCRIPT = "<script>window.pwned=1;alert('script')</script>"
HANDLER = '"><img src=x onerror="window.pwned=2;alert(2)">'
TEXTAREA = "</textarea><svg onload=alert(3)>"
JS_URL = "javascript:alert(document.domain)//"
HOSTILE_NAME = f"Mallory{HANDLER}"
HOSTILE_TITLE = f"Breaking {SCRIPT} news {TEXTAREA}"
HOSTILE_SITE = f"Evil{HANDLER} Times"


def hostile_analysis() -> Analysis:
    """A stored article whose title, text, url, site, names and quote carry script payloads."""
    sentence = f"{HOSTILE_NAME} said {SCRIPT} and {TEXTAREA} were freed on Tuesday."
    text = f"{sentence}\n\nSee {JS_URL} for more {HANDLER}."
    name_end = len(HOSTILE_NAME)
    said = Evidence("", 0, name_end + 1, name_end + 5)
    freed = text.index("freed")
    article = Article(
        id="hostile0000000001",
        url=JS_URL,
        text=text,
        site=HOSTILE_SITE,
        title=HOSTILE_TITLE,
        published="2024-11-20",
        dateline=TEXTAREA,
        language="en",
        removed=(SCRIPT,),
        paragraphs=(Paragraph(0, len(sentence)), Paragraph(len(sentence) + 2, len(text))),
    )
    evidence = lambda start, end: Evidence(article.id, 0, start, end)  # noqa: E731
    person = Entity(
        id="p1",
        kind="person",
        name=HOSTILE_NAME,
        aliases=(f"Mal{SCRIPT}",),
        mentions=(evidence(0, name_end),),
        attributes=(Attribute("role", f"spokesman {TEXTAREA}", evidence(0, name_end)),),
    )
    return Analysis(
        article=article,
        entities=(person,),
        quotes=(Quote(f"{SCRIPT} and {TEXTAREA}", "indirect", evidence(said.end + 1, freed - 10), "p1", HOSTILE_NAME, "said"),),
        statuses=(Status("p1", "released", evidence(freed, freed + 5)),),
    )


def store_hostile(db: Path) -> Analysis:
    store = Store(db, create=True)
    analysis = hostile_analysis()
    store.add(analysis)
    link.Linker(store).update(analysis)
    return analysis


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, nlp) -> Path:
    """examples/ ingested as `./dev example` does (needs the spaCy model: skips without it)."""
    db = tmp_path_factory.mktemp("web") / "example.db"
    report = pipeline.ingest([str(EXAMPLES)], Store(db, create=True), nlp=nlp)
    assert len(report.ingested) == 9, report
    return db


@contextlib.contextmanager
def running_server(db: Path):
    """The app served by uvicorn on a free local port in a thread; yields its base URL."""
    import uvicorn

    from newstrace.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def copy_db(source: Path, target: Path) -> Path:
    """A copy of an SQLite database with what its WAL holds (a file copy would miss it)."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(source)) as old, contextlib.closing(sqlite3.connect(target)) as new:
        old.backup(new)
    return target
