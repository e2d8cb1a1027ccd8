"""Fixtures shared by the tests: the spaCy pipeline (loaded once) and the seed article."""

import itertools
import os
from dataclasses import replace
from pathlib import Path

import pytest

from newstrace.errors import ModelNotFound
from newstrace.ingest import read_documents, to_article
from newstrace.model import Article

SEED_PATH = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "000_b11f0812c5b1d870.txt"
# The seed page gives no date; its story ran on this day (a Friday), which fixes "last Sunday" etc.
SEED_PUBLISHED = "2023-12-01"


@pytest.fixture(scope="session")
def nlp():
    from newstrace.nlp import load

    try:
        return load()
    except ModelNotFound as error:
        pytest.skip(str(error))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED_PATH.exists():
        pytest.skip("seed article not available (../shared/data is absent)")
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_clean(seed_path) -> Article:
    """The seed as the cleaning stage leaves it, with its publication date."""
    (document,) = read_documents([seed_path])
    return replace(to_article(document), published=SEED_PUBLISHED)


# A PostgreSQL server to use instead of a throwaway one, e.g.
# postgresql+psycopg://postgres@/postgres?host=/tmp (each test gets a database of its own there).
POSTGRES_VARIABLE = "NEWSTRACE_TEST_POSTGRES"
_database_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server's maintenance database: the one named by
    NEWSTRACE_TEST_POSTGRES, else a throwaway cluster started for this test session."""
    named = os.environ.get(POSTGRES_VARIABLE)
    if named:
        yield named
        return
    import postgres_server

    try:
        server = postgres_server.start()
    except RuntimeError as error:
        pytest.skip(f"no PostgreSQL server ({error}); set {POSTGRES_VARIABLE} to use one")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def postgres_database(postgres_server):
    """The URL of a new, empty PostgreSQL schema (a namespace of its own in the server's
    database: much faster to make than a database), dropped after the test."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"newstrace_test_{os.getpid()}_{next(_database_numbers)}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {name}"))
    url = make_url(postgres_server)
    yield url.set(query={**url.query, "options": f"-csearch_path={name}"}).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """A fresh database of each backend: an SQLite file path, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    return request.getfixturevalue("postgres_database")
