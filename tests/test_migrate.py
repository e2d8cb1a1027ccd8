"""Opening a database of each older schema version: every migration runs, nothing stored is lost.

Each old file is built here from the layout of its version (the tables it had, the
columns they had), then filled with plain SQL as that newstrace would have left it.
"""

import json
import sqlite3

import pytest
from sqlalchemy import create_engine

from newstrace.link import pending
from newstrace.link.names import blocking_keys
from newstrace.link.people import profile, resolve_article
from newstrace.model import Analysis, Article, Attribute, Entity, Evidence
from newstrace.store import SCHEMA_VERSION, Store
from newstrace.store import schema
from newstrace.store.browse import PageRequest, people, sites, totals
from newstrace.store.migrate import MIGRATIONS

# The tables of schema 1: an article and its facts.
VERSION_1 = ("meta", "articles", "entities", "mentions", "attributes", "quotes", "counts", "times", "events",
             "statuses", "flags")
# What each later version added.
ADDED = {
    2: ("fingerprints", "lsh_buckets", "links", "profiles", "profile_members", "profile_keys", "story_articles",
        "story_terms"),
    3: ("profile_names",),
    6: ("lsh_bucket_sizes", "story_sizes", "profile_stories", "member_claims"),
    8: ("pair_counts",),
    10: ("site_counts",),
}


def old_database(path, version: int) -> sqlite3.Connection:
    """An empty file with the layout of ``version``."""
    names = [*VERSION_1, *(table for v, tables in ADDED.items() if v <= version for table in tables)]
    engine = create_engine(f"sqlite:///{path}")
    schema.metadata.create_all(engine, tables=[schema.metadata.tables[name] for name in names])
    engine.dispose()
    conn = sqlite3.connect(path)
    if version >= 2 and version < 4:
        conn.execute("alter table links drop column direction")  # 4 added it
    if version >= 2 and version < 6:  # 6 added profile_keys.touched and its index
        conn.execute("drop index ix_profile_keys_recent")
        conn.execute("alter table profile_keys drop column touched")
        conn.execute("create index ix_profile_keys_key on profile_keys (key)")
    if version < 8:  # 8 added story_sizes.first_day, profiles.article_count and the indexes that page the lists
        conn.execute("drop index ix_articles_ingested")
        if version >= 2:
            conn.execute("drop index ix_profiles_order")
            conn.execute("alter table profiles drop column article_count")
        if version >= 6:
            conn.execute("drop index ix_story_sizes_order")
            conn.execute("alter table story_sizes drop column first_day")
    if version >= 3 and version < 11:  # 11 ordered a spelling's profiles (ix_profile_names_spelling)
        conn.execute("drop index ix_profile_names_spelling")
        conn.execute("create index ix_profile_names_name on profile_names (name)")
    conn.execute("insert into meta (key, value) values ('schema_version', ?)", (str(version),))
    conn.execute(
        "insert into articles (id, url, text, removed, paragraphs, notes, ingested_at) "
        "values ('a1', 'https://old.example/1', 'Yelena Drozdova was freed.', '[]', '[]', '[]', '2024-01-01T00:00:00')"
    )
    conn.execute(
        "insert into entities (article_id, entity_id, kind, name, aliases, position) "
        "values ('a1', 'p1', 'person', 'Yelena Drozdova', '[\"Drozdova\"]', 0)"
    )
    conn.commit()
    return conn


def tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}


def test_there_is_one_migration_per_version():
    assert sorted(MIGRATIONS) == list(range(2, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_database_of_each_older_version_opens_at_the_current_one_with_its_articles(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    conn = old_database(path, version)
    assert ("profile_names" in tables(conn)) is (version >= 3)
    store = Store(path)
    assert tables(conn) == set(schema.metadata.tables)
    assert conn.execute("select value from meta where key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert "direction" in [row[1] for row in conn.execute("pragma table_info(links)")]
    assert store.get("a1").entities[0].aliases == ("Drozdova",)
    assert pending(store) == ["a1"]  # not in a story yet: `newstrace link` links it


def test_a_link_stored_before_version_4_has_no_direction(tmp_path):
    conn = old_database(tmp_path / "v3.db", 3)
    conn.execute("insert into articles (id, url, text, removed, paragraphs, notes, ingested_at) "
                 "values ('a2', 'https://old.example/2', 'x', '[]', '[]', '[]', '2024-01-02T00:00:00')")
    conn.execute("insert into links (copy_id, source_id, verdict, score) values ('a2', 'a1', 'verbatim', 1.0)")
    conn.commit()
    (link,) = Store(tmp_path / "v3.db").links_of(["a1"])
    assert (link.copy, link.source, link.direction) == ("a2", "a1", None)


def test_the_profiles_of_version_2_get_their_spelling_counts(tmp_path):
    path = tmp_path / "v2.db"
    conn = old_database(path, 2)
    conn.execute("insert into profiles (id, name) values ('pr1', 'Yelena Drozdova')")
    conn.execute("insert into profile_members (article_id, entity_id, profile_id) values ('a1', 'p1', 'pr1')")
    for key in blocking_keys("Yelena Drozdova") | blocking_keys("Drozdova"):
        conn.execute("insert into profile_keys (key, profile_id) values (?, 'pr1')", (key,))
    conn.commit()
    store = Store(path)
    counts = sorted(conn.execute("select name, articles, first_seen from profile_names").fetchall())
    assert counts == [("Drozdova", 0, "2024-01-01T00:00:00"), ("Yelena Drozdova", 1, "2024-01-01T00:00:00")]
    # The profile grows as one resolved today would: its counts decide the display name.
    text = "Elena Drozdova was freed."
    later = Article(id="a2", url="https://old.example/2", text=text, published="2024-01-02")
    mention = Entity("p1", "person", "Elena Drozdova", mentions=(Evidence("a2", 0, 0, 14),))
    analysis = Analysis(article=later, entities=(mention,))
    store.add(analysis)
    assert resolve_article(store, analysis) == {"p1": "pr1"}
    assert profile(store, "pr1").name == "Yelena Drozdova"  # the earliest of two equal counts


def test_the_linking_of_version_5_gets_its_counters_and_member_claims(tmp_path):
    path = tmp_path / "v5.db"
    conn = old_database(path, 5)
    conn.execute("insert into entities (article_id, entity_id, kind, name, aliases, position) "
                 "values ('a1', 'o1', 'organization', 'Kalvik Council', '[]', 1)")
    conn.execute("insert into attributes (article_id, entity_id, field, value, sentence, char_start, char_end, position) "
                 "values ('a1', 'p1', 'age', '53', 0, 0, 15, 0)")
    conn.execute("insert into profiles (id, name) values ('pr1', 'Yelena Drozdova')")
    conn.execute("insert into profile_members (article_id, entity_id, profile_id) values ('a1', 'p1', 'pr1')")
    conn.execute("insert into profile_names (profile_id, name, articles, first_seen) "
                 "values ('pr1', 'Yelena Drozdova', 1, '2024-01-01T00:00:00')")
    for key in blocking_keys("Yelena Drozdova") | blocking_keys("Drozdova"):
        conn.execute("insert into profile_keys (key, profile_id) values (?, 'pr1')", (key,))
    conn.execute("insert into story_articles (article_id, story_id) values ('a1', 'sa1')")
    for band, bucket in ((0, 11), (1, 12)):
        conn.execute("insert into lsh_buckets (kind, band, bucket, article_id) values ('skeleton', ?, ?, 'a1')",
                     (band, bucket))
    conn.commit()
    store = Store(path)
    assert sorted(conn.execute("select kind, bucket, articles from lsh_bucket_sizes")) == [
        ("skeleton", 11, 1), ("skeleton", 12, 1)]
    assert conn.execute("select story_id, articles from story_sizes").fetchall() == [("sa1", 1)]
    assert conn.execute("select profile_id, story_id, articles from profile_stories").fetchall() == [("pr1", "sa1", 1)]
    (member,) = conn.execute("select article_id, entity_id, profile_id, seq, claim from member_claims").fetchall()
    assert member[:4] == ("a1", "p1", "pr1", 1)
    assert json.loads(member[4]) == {"name": "Yelena Drozdova", "aliases": ["Drozdova"], "values": {"age": ["53"]},
                                     "others": [["organization", "Kalvik Council"]]}
    assert {row[0] for row in conn.execute("select touched from profile_keys")} == {1}
    # A later mention is compared with the stored claim: the same age a year on joins the profile.
    text = "Yelena Drozdova, 54, was freed."
    later = Article(id="a2", url="https://old.example/2", text=text, published="2025-01-02")
    age = Attribute("age", "54", Evidence("a2", 0, 17, 19))
    mention = Entity("p1", "person", "Yelena Drozdova", mentions=(Evidence("a2", 0, 0, 15),), attributes=(age,))
    analysis = Analysis(article=later, entities=(mention,))
    store.add(analysis)
    assert resolve_article(store, analysis) == {"p1": "pr1"}
    assert conn.execute("select seq from member_claims where article_id = 'a2'").fetchone() == (2,)


def test_the_stories_of_version_7_get_their_first_day_and_list_by_page(tmp_path):
    path = tmp_path / "v7.db"
    conn = old_database(path, 7)
    published = {"a2": "2024-03-05T23:30:00-02:00", "a3": "2024-03-06", "a4": "not a date"}
    for article, date in published.items():
        conn.execute("insert into articles (id, url, text, removed, paragraphs, notes, ingested_at, published) "
                     "values (?, ?, 'x', '[]', '[]', '[]', '2024-01-02T00:00:00', ?)",
                     (article, f"https://old.example/{article}", date))
    for article, story in (("a1", "s-undated"), ("a2", "s-march"), ("a3", "s-march"), ("a4", "s-nodate")):
        conn.execute("insert into story_articles (article_id, story_id) values (?, ?)", (article, story))
    conn.executemany("insert into story_sizes (story_id, articles) values (?, ?)",
                     [("s-undated", 1), ("s-march", 2), ("s-nodate", 1)])
    conn.executemany("insert into profiles (id, name) values (?, ?)", [("pr-ana", "Ana"), ("pr-bo", "Bo")])
    conn.executemany("insert into profile_members (article_id, entity_id, profile_id) values (?, ?, ?)",
                     [("a2", "p1", "pr-bo"), ("a2", "p2", "pr-bo"), ("a3", "p1", "pr-bo"), ("a4", "p1", "pr-ana")])
    conn.executemany("insert into links (copy_id, source_id, verdict, score) values (?, ?, ?, 1.0)",
                     [("a3", "a2", "verbatim"), ("a4", "a2", "same_story")])
    conn.commit()
    store = Store(path)
    assert totals(store)["copies"] == 1 and sorted(conn.execute("select * from pair_counts")) == [
        ("same_story", 1), ("verbatim", 1)]
    # Each profile counts its articles (a2 once for its two members), and the triggers go on counting.
    assert sorted(conn.execute("select id, article_count from profiles")) == [("pr-ana", 1), ("pr-bo", 2)]
    conn.execute("insert into profile_members (article_id, entity_id, profile_id) values ('a1', 'p1', 'pr-ana')")
    conn.commit()
    assert [row["id"] for row in people(store, PageRequest(1, 5)).rows] == ["pr-ana", "pr-bo"]  # 2 each: by name
    # The day as written in the article's own zone (a2's is 2024-03-06 in UTC); none for no date.
    assert sorted(conn.execute("select story_id, first_day from story_sizes")) == [
        ("s-march", "2024-03-05"), ("s-nodate", None), ("s-undated", None)]
    assert store.story_ids(0, 2) == ["s-march", "s-nodate"] and store.story_ids(2, 2) == ["s-undated"]
    indexes = {row[0] for row in conn.execute("select name from sqlite_master where type = 'index'")}
    assert {"ix_story_sizes_order", "ix_articles_ingested", "ix_profiles_order"} <= indexes


def test_the_sites_of_version_8_get_their_counts_and_keep_counting(tmp_path):
    path = tmp_path / "v8.db"
    conn = old_database(path, 8)
    conn.execute("update articles set site = 'Tribune' where id = 'a1'")
    for article, site in (("a2", "Farm"), ("a3", "Farm"), ("a4", None)):
        conn.execute("insert into articles (id, url, site, text, removed, paragraphs, notes, ingested_at) "
                     "values (?, ?, ?, 'x', '[]', '[]', '[]', '2024-01-02T00:00:00')",
                     (article, f"https://old.example/{article}", site))
    for article in ("a1", "a2", "a3"):  # a4 is not linked yet: not counted
        conn.execute("insert into story_articles (article_id, story_id) values (?, 's1')", (article,))
    conn.executemany("insert into links (copy_id, source_id, verdict, score) values (?, ?, ?, 1.0)",
                     [("a2", "a1", "spun"), ("a3", "a1", "same_story")])
    conn.executemany("insert into flags (article_id, position, kind, text, reason) values (?, ?, 'inserted', 'x', 'y')",
                     [("a2", 0), ("a2", 1), ("a3", 0)])
    conn.commit()
    store = Store(path)
    assert sorted(conn.execute("select * from site_counts")) == [("", 0, 0, 0, 0), ("Farm", 2, 1, 1, 2), ("Tribune", 1, 0, 0, 0)]
    conn.execute("update links set verdict = 'edited' where copy_id = 'a3'")  # the triggers go on counting
    conn.execute("insert into story_articles (article_id, story_id) values ('a4', 's1')")
    conn.commit()
    assert [(r["site"], r["copies"], r["spun"], r["flags_per_copy"]) for r in sites(store, "site", PageRequest()).rows] == [
        ("", 0, 0, None), ("Farm", 2, 1, 1.5), ("Tribune", 0, 0, None)]


def test_the_spellings_of_version_10_are_indexed_in_resolution_order(tmp_path):
    path = tmp_path / "v10.db"
    conn = old_database(path, 10)
    Store(path)
    indexes = {row[0] for row in conn.execute("select name from sqlite_master where type = 'index'")}
    assert "ix_profile_names_spelling" in indexes and "ix_profile_names_name" not in indexes
