"""The database: round trips, identity, one transaction per article, a plain schema."""

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from newstrace.errors import DatabaseError, NotFound
from newstrace.model import (
    Actor,
    Analysis,
    Article,
    Attribute,
    Count,
    Entity,
    Event,
    Evidence,
    Flag,
    Framework,
    NamedList,
    Paragraph,
    Quote,
    Status,
    TimeExpression,
    article_id,
)
from newstrace.store import SCHEMA_VERSION, Store
from newstrace.store.articles import FACTS
from newstrace.store.db import WAL_CHECKPOINT_PAGES

TEXT = "Dana Orlov, 44, said the Brigade freed her son, Piet Orlov, in Vestra."


def make_analysis(url="https://example.org/a", text=TEXT) -> Analysis:
    aid = article_id(url, text)
    ev = lambda start, end: Evidence(aid, 0, start, end)  # noqa: E731
    article = Article(
        id=aid,
        url=url,
        text=text,
        site="Example",
        title="Son freed",
        published="2031-11-02",
        dateline="Vestra, Norland",
        language="en",
        removed=("Top Stories",),
        paragraphs=(Paragraph(0, len(text)),),
        source="a.txt",
    )
    dana = Entity(
        "p1",
        "person",
        "Dana Orlov",
        aliases=("Orlov",),
        mentions=(ev(0, 10),),
        attributes=(Attribute("age", 44, ev(0, 14)),),
    )
    piet = Entity(
        "p2",
        "person",
        "Piet Orlov",
        mentions=(ev(56, 66),),
        attributes=(Attribute("relation", "son", ev(47, 66), of="p1"),),
    )
    brigade = Entity("o1", "organization", "Brigade", mentions=(ev(24, 31),))
    vestra = Entity("l1", "place", "Vestra", mentions=(ev(71, 77),))
    return Analysis(
        article=article,
        entities=(dana, brigade, piet, vestra),
        quotes=(
            Quote("the Brigade freed her son", "indirect", ev(20, 45), "p1", "Dana Orlov", "said",
                  medium="Telegram", group=1, time=TimeExpression("last Sunday", "2031-10-26", "day", evidence=ev(0, 9))),
        ),
        counts=(Count(44, "44", ev(12, 14), what="years"), Count(2.5, "about 2.5", ev(0, 9), qualifier="about")),
        times=(TimeExpression("Tuesday"), TimeExpression("last week", "2031-W44", "week", True, ev(0, 9))),
        events=(
            Event(
                "RETREAT",
                "freed",
                ev(32, 37),
                mode="release",
                agent=("o1",),
                target=("p2",),
                time=TimeExpression("Tuesday", "2031-11-01", "day", evidence=ev(0, 7)),
                place="l1",
                modality="reported",
                actors=(
                    Actor("agent", "Brigade", ev(24, 31), type="rebel", entity="o1"),
                    Actor("target", "Piet Orlov", ev(56, 66), type="civilians", country="Norland", entity="p2"),
                ),
                mediators=("l1",),
                channel="mediated",
                frameworks=(Framework("the truce", "during", ev(0, 9), negated=True),),
            ),
        ),
        statuses=(Status("p2", "released", ev(32, 37), TimeExpression("Tuesday", "2031-11-01", "day", False, ev(0, 7))),),
        flags=(Flag("inserted", "Let's get started.", "filler", ev(0, 5)),),
        lists=(NamedList(ev(0, 9), claimed_size=8, owner="o1", owner_name="Brigade", recipient_name="mediators",
                         members=("p2",)),),
    )


@pytest.fixture
def store(database):
    """An empty store on each backend (SQLite, PostgreSQL)."""
    return Store(database)


def test_round_trip_gives_back_the_same_facts(store):
    analysis = make_analysis()
    assert store.add(analysis) is True
    assert store.get(analysis.article.id).to_dict() == analysis.to_dict()


def _stored_and_counted(store: Store, count: int) -> tuple[list[Analysis], list[int]]:
    """``count`` analyses stored, and a list that gets an item per statement run from now on."""
    from sqlalchemy import event

    stored = [make_analysis(f"https://example.org/{n}", f"{TEXT} Report {n}.") for n in range(count)]
    for analysis in stored:
        store.add(analysis)
    statements: list[int] = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(1))
    return stored, statements


def test_many_analyses_read_together_are_the_same_in_a_fixed_number_of_statements(store):
    stored, statements = _stored_and_counted(store, 5)
    ids = [a.article.id for a in reversed(stored)] + ["not-stored"]
    found = store.analyses_of(ids)
    five = len(statements)
    statements.clear()
    store.analyses_of(ids[:1])
    # One statement per table (the article, mentions, attributes, entities, each fact table), however many articles.
    assert five == len(statements) == 4 + len(FACTS)
    assert list(found) == ids[:-1]
    assert [found[a.article.id].to_dict() for a in stored] == [a.to_dict() for a in stored]


def test_what_comparing_reads_is_the_article_its_flags_quotes_and_entity_names_in_three_statements_more(store):
    from dataclasses import replace

    from newstrace.store.articles import COMPARED_FIELDS

    stored, statements = _stored_and_counted(store, 3)
    ids = [a.article.id for a in stored] + ["not-stored"]
    found = store.compared_analyses(ids)
    assert len(statements) == 2 + len(COMPARED_FIELDS)  # the articles, the entities, quotes and flags
    assert list(found) == ids[:-1]
    for analysis in stored:
        expected = Analysis(
            article=analysis.article,
            entities=tuple(replace(e, mentions=(), attributes=()) for e in analysis.entities),
            quotes=analysis.quotes,
            flags=analysis.flags,
            notes=analysis.notes,
        )
        assert found[analysis.article.id].to_dict() == expected.to_dict()
    assert any(a.quotes for a in stored) and any(a.flags for a in stored) and any(e.mentions for a in stored for e in a.entities)


def test_same_url_and_text_again_adds_nothing(store):
    assert store.add(make_analysis())
    assert store.add(make_analysis()) is False
    assert store.count() == 1


def test_same_text_under_another_url_is_a_reprint(store):
    store.add(make_analysis("https://example.org/a"))
    store.add(make_analysis("https://mirror.example.net/a"))
    assert [row["url"] for row in store.articles()] == ["https://example.org/a", "https://mirror.example.net/a"]


def test_find_by_url_and_id_prefix(store):
    analysis = make_analysis()
    store.add(analysis)
    assert store.find("https://example.org/a") == analysis.article.id
    assert store.find(analysis.article.id[:6]) == analysis.article.id
    with pytest.raises(NotFound, match="No article"):
        store.find("nope-nothing")


def test_a_failed_write_leaves_nothing_behind(store):
    broken = make_analysis()
    twin = Entity("p1", "person", "Someone Else")  # duplicate entity id -> integrity error mid-write
    broken = Analysis(article=broken.article, entities=broken.entities + (twin,))
    with pytest.raises(IntegrityError):
        store.add(broken)
    assert store.count() == 0
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from mentions").scalar() == 0


def test_plain_sqlite_can_read_the_file(tmp_path):
    store = Store(tmp_path / "plain.db")
    store.add(make_analysis())
    conn = sqlite3.connect(store.engine.url.database)
    rows = conn.execute(
        "select e.name, a.value from entities e join attributes a "
        "on a.article_id = e.article_id and a.entity_id = e.entity_id where a.field = 'age'"
    ).fetchall()
    assert rows == [("Dana Orlov", "44")]
    assert conn.execute("select value from meta where key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)


def test_a_database_of_schema_4_gains_the_quote_medium_group_and_event_actors(tmp_path):
    path = tmp_path / "v4.db"
    Store(path)
    conn = sqlite3.connect(path)
    for table, column in (("quotes", "medium"), ("quotes", "group_id"), ("quotes", "time"), ("events", "actors"), ("events", "mediators"),
                          ("events", "channel"), ("events", "frameworks")):
        conn.execute(f"alter table {table} drop column {column}")
    conn.execute("update meta set value = '4' where key = 'schema_version'")
    conn.commit()
    Store(path)
    assert {"medium", "group_id"} <= {row[1] for row in conn.execute("pragma table_info(quotes)")}
    assert {"actors", "mediators", "channel", "frameworks"} <= {row[1] for row in conn.execute("pragma table_info(events)")}
    assert conn.execute("select value from meta where key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path)
    conn = sqlite3.connect(path)
    conn.execute("update meta set value = ? where key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    with pytest.raises(DatabaseError, match="schema version"):
        Store(path)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(DatabaseError, match="Cannot open database"):
        Store(path)


def test_a_database_without_its_driver_is_a_clear_error():
    with pytest.raises(DatabaseError, match="driver is not installed"):
        Store("mysql://user@localhost/news")


def test_a_file_store_writes_ahead_and_copies_its_log_back_in_large_steps(tmp_path):
    store = Store(tmp_path / "wal.db")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == WAL_CHECKPOINT_PAGES > 1000


def test_a_counter_upsert_is_compiled_once_per_shape_and_counts_as_before(store):
    # A dialect's INSERT ... ON CONFLICT is never in SQLAlchemy's compiled cache: the store keeps
    # it compiled per dialect, table and row shape (one row, several rows).
    from newstrace.store.compiled import _compiled
    from newstrace.store.counters import add_counts
    from newstrace.store.schema import story_terms

    with store.engine.begin() as conn:
        add_counts(conn, story_terms, [("s1", "kalvik")])  # may compile: the first of its shape here
        before = _compiled.cache_info()
        add_counts(conn, story_terms, [("s1", "kalvik"), ("s1", "kalvik"), ("s2", "vestra")])
        add_counts(conn, story_terms, [("s2", "vestra"), ("s1", "tarvania")], step=-1)
        add_counts(conn, story_terms, [("s1", "kalvik"), ("s1", "tarvania")], step=2)
        add_counts(conn, story_terms, [("s2", "vestra")])
        after = _compiled.cache_info()
        rows = sorted(conn.execute(story_terms.select()).all())
    assert rows == [("s1", "kalvik", 5), ("s1", "tarvania", 1), ("s2", "vestra", 1)]
    # Four upserts of two shapes already seen or met once: at most one new compilation.
    assert after.misses - before.misses <= 1 and after.hits - before.hits >= 3

