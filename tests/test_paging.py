"""The lists read one page at a time (issue 16): every page of `copies`, `stories`, `people` and
`articles` is the slice of the whole list at its place, in the same order, whatever the page size;
a page past the end is empty. The whole lists are computed as before (every pair, every story);
the pages are read from the database (an index range, the pairs of the copies up to the page).

The record is stored by hand, without the model, on each backend: articles, the pairs the linker
would have verified, stories joined through ``StorySession.join`` (as the linker joins them).
"""

import json

import pytest
from sqlalchemy import event
from test_stories import link, person, stored
from typer.testing import CliRunner

from newstrace.cli import app as cli
from newstrace.link import Linker
from newstrace.link.copies import copies, copies_page
from newstrace.link.published import published_day
from newstrace.link.stories import stories
from newstrace.store import Store
from newstrace.model import Analysis, Article, article_id
from newstrace.store.browse import PageRequest, people, site_names, totals
from newstrace.store.schema import links

from web_fixtures import example_db  # noqa: F401 (fixture)


@pytest.fixture
def store(database):
    return Store(database)


def record(store) -> dict[str, object]:
    """Eleven articles, in ingest order, with their pairs and stories (the rules each shows, beside it)."""
    dates = {
        "original": "2024-11-14", "reprint": "2024-11-14T12:00:00+00:00", "rewrite": "2024-11-15",
        "follow-up": "2024-11-16", "bees": "2024-11-10", "bees-copy": None, "dam": "2024-11-12",
        "dam-report": "2024-11-13", "undated": None, "storm": "2024-12-01", "flood": "2024-12-01",
    }
    found = {name: stored(store, name, published) for name, published in dates.items()}
    link(store, found["reprint"], found["original"], "verbatim")
    # The rewrite copies the original and its reprint: the original is its traced source.
    link(store, found["rewrite"], found["original"], "edited")
    link(store, found["rewrite"], found["reprint"], "verbatim")
    # A follow-up of the rewrite's story: listed against the original, which the rewrite is traced to.
    link(store, found["follow-up"], found["rewrite"])
    link(store, found["follow-up"], found["original"])
    link(store, found["bees-copy"], found["bees"], "spun")
    link(store, found["dam-report"], found["dam"])
    # The dam report is also a same_story report of the reprint, which is traced to the original:
    # listed, as nothing links the dam report to the original.
    link(store, found["dam-report"], found["reprint"])
    members = {
        "s-raid": ("original", "reprint", "rewrite", "follow-up"),
        "s-bees": ("bees", "bees-copy"),  # two articles, first day 11-10: before the dam's 11-12
        "s-dam": ("dam", "dam-report"),
        "s-undated": ("undated",),  # one article, undated: the last story
        "s-storm": ("storm",),
        "s-flood": ("flood",),  # same size and first day as the storm: by id, before it
    }
    with store.story_session() as session:
        for story_id, names in members.items():
            for name in names:
                session.join(found[name].article.id, story_id, set(), published_day(dates[name]))
    for name, profile_id in (("original", "pr-ana"), ("reprint", "pr-ana"), ("rewrite", "pr-ana"),
                             ("bees", "pr-bo"), ("dam", "pr-bo"), ("storm", "pr-cy"), ("flood", "pr-di")):
        person(store, found[name], profile_id, profile_id.removeprefix("pr-").capitalize())
    return found


def rows(found: list) -> list[tuple]:
    return [(link.copy_url.rsplit("/", 1)[1], link.source_url.rsplit("/", 1)[1], link.verdict) for link in found]


def every_page(read, size: int) -> list:
    """The pages of ``size`` rows read in turn until one comes back short, concatenated."""
    found, offset = [], 0
    while True:
        page = read(offset, size)
        assert len(page) <= size
        found += page
        if len(page) < size:
            return found
        offset += size


def test_the_copies_list_traces_each_copy_and_keeps_the_same_story_pairs_no_trace_carries(store):
    record(store)
    assert rows(copies(store)) == [
        ("reprint", "original", "verbatim"),
        ("rewrite", "original", "edited"),
        ("follow-up", "original", "same_story"),
        ("bees-copy", "bees", "spun"),
        ("dam-report", "reprint", "same_story"),  # a copy's rows: its sources in ingest order
        ("dam-report", "dam", "same_story"),
    ]


@pytest.mark.parametrize("size", [1, 2, 4])
@pytest.mark.parametrize("step", [1, 2, 100])
def test_every_page_of_copies_is_the_slice_of_the_whole_list(store, size, step):
    record(store)
    whole = copies(store)
    assert every_page(lambda offset, limit: copies_page(store, offset, limit, step), size) == whole
    assert copies(store, 2, 3) == whole[2:5]


def test_stories_come_by_size_then_first_day_then_id_with_undated_last(store):
    record(store)
    assert [(s.id, s.first) for s in stories(store)] == [
        ("s-raid", "2024-11-14"), ("s-bees", "2024-11-10"), ("s-dam", "2024-11-12"),
        ("s-flood", "2024-12-01"), ("s-storm", "2024-12-01"), ("s-undated", None),
    ]


@pytest.mark.parametrize("size", [1, 2, 4])
def test_every_page_of_stories_is_the_slice_of_the_whole_list(store, size):
    record(store)
    whole = [s.to_dict() for s in stories(store)]
    assert [s.to_dict() for s in every_page(lambda offset, limit: stories(store, offset, limit), size)] == whole


def test_a_story_keeps_its_first_day_when_a_later_article_joins(store):
    record(store)
    late = stored(store, "raid-anniversary", "2025-11-14")
    early = stored(store, "raid-eve", "2024-11-13T23:00:00+00:00")
    with store.story_session() as session:
        session.join(late.article.id, "s-raid", set(), published_day(late.article.published))
        session.join(early.article.id, "s-raid", set(), published_day(early.article.published))
    (raid,) = stories(store, 0, 1)
    assert (raid.first, raid.last, len(raid.articles)) == ("2024-11-13", "2025-11-14", 6)


@pytest.mark.parametrize("size", [1, 3])
def test_every_page_of_people_and_articles_is_the_slice_of_the_whole_list(store, size):
    record(store)
    linker = Linker(store)
    whole = [p.to_dict() for p in linker.profiles()]
    assert [p["name"] for p in whole] == ["Ana", "Bo", "Cy", "Di"]  # most articles, then by name
    assert [p.to_dict() for p in every_page(linker.profiles, size)] == whole
    assert every_page(store.articles, size) == store.articles()
    assert [row["id"] for row in people(store, PageRequest(2, size)).rows] == [p["id"] for p in whole[size : 2 * size]]


def test_a_profile_counts_each_of_its_articles_once_as_members_join_move_and_leave(store):
    one, two = stored(store, "one"), stored(store, "two")
    person(store, one, "pr-x", "X", "p1")
    person(store, one, "pr-x", "X", "p2")  # two people of one article in one profile: one article
    person(store, two, "pr-x", "X", "p1")
    person(store, two, "pr-y", "Y", "p2")

    def counts() -> dict[str, int]:
        return {row["id"]: row["article_count"] for row in people(store, PageRequest(1, 10)).rows}

    assert counts() == {"pr-x": 2, "pr-y": 1}
    with store.profile_session() as session:
        session.move_member(two.article.id, "p1", "pr-y")  # both people of "two" in pr-y now
    assert counts() == {"pr-x": 1, "pr-y": 1}
    with store.profile_session() as session:
        session.move_member(one.article.id, "p1", "pr-y")  # "one" keeps p2 in pr-x
    assert counts() == {"pr-y": 2, "pr-x": 1}
    with store.profile_session() as session:
        session.move_member(one.article.id, "p2", "pr-y")  # pr-x is left without members: deleted
    assert counts() == {"pr-y": 2}


def test_the_count_of_copies_follows_every_pair_written_changed_or_removed(store):
    found = record(store)
    assert totals(store)["copies"] == 4  # reprint, rewrite (twice), bees-copy; same_story pairs are no copies
    rewrite, bees = found["rewrite"].article.id, found["bees-copy"].article.id
    with store.engine.begin() as conn:
        conn.execute(links.delete().where(links.c.copy_id == rewrite))
        conn.execute(links.update().where(links.c.copy_id == bees).values(verdict="same_story"))
    assert totals(store)["copies"] == 1
    with store.engine.begin() as conn:
        conn.execute(links.update().where(links.c.copy_id == bees).values(verdict="summary"))
    assert totals(store)["copies"] == 2


def test_each_page_is_a_range_of_an_index_not_a_sort_of_the_table(tmp_path):
    # An index on an expression serves only a query that repeats it as written: a bound "?" in
    # place of the literal sorted every story for each page (8 ms at 100,000 articles, not 0.4).
    store = Store(tmp_path / "plans.db")
    record(store)
    plans = {}

    @event.listens_for(store.engine, "before_cursor_execute")
    def explain(conn, cursor, statement, parameters, context, executemany):
        for table in ("story_sizes", "profiles", "articles"):
            if f"FROM {table} " in statement and "ORDER BY" in statement and "LIMIT" in statement:
                plan = cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
                plans[table] = " / ".join(row[-1] for row in plan)

    stories(store, 1, 2), Linker(store).profiles(1, 2), copies(store, 1, 2), store.articles(1, 2)
    assert set(plans) == {"story_sizes", "profiles", "articles"}
    for table, plan in plans.items():
        assert "TEMP B-TREE" not in plan and "USING" in plan, (table, plan)


def test_the_sites_to_pick_from_are_every_site_once_in_order(store):
    for number, site in enumerate(("Tribune", "Abc News", None, "Tribune", "Ledger")):
        url, text = f"https://news.example/{number}", f"Report {number}."
        assert store.add(Analysis(article=Article(id=article_id(url, text), url=url, text=text, site=site)))
    assert site_names(store) == ["Abc News", "Ledger", "Tribune"]


def test_a_page_past_the_end_is_empty(store):
    record(store)
    assert copies(store, 6, 25) == [] and copies(store, 500, 1) == []
    assert stories(store, 6, 25) == [] and stories(store, 500, 1) == []
    assert store.articles(11, 25) == [] and Linker(store).profiles(4, 25) == []


def test_an_empty_database_has_empty_pages(store):
    assert copies(store, 0, 25) == [] and stories(store, 0, 25) == [] and store.articles(0, 25) == []


# -- the CLI and the API over the examples (the model ingests them) ---------------------------


def cli_json(db, *args) -> list:
    done = CliRunner().invoke(cli, [*args, "--db", str(db), "--json"])
    assert done.exit_code == 0, done.output
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("command", ["copies", "stories", "people", "articles"])
def test_cli_pages_are_slices_of_the_whole_list(example_db, command):
    whole = cli_json(example_db, command)
    assert len(whole) >= 2
    for number in range(1, len(whole) + 1):
        assert cli_json(example_db, command, "--page", str(number), "--size", "1") == whole[number - 1 : number]
    assert cli_json(example_db, command, "--page", "1", "--size", "2") == whole[:2]
    assert cli_json(example_db, command, "--page", str(len(whole) + 1), "--size", "1") == []


def test_cli_copies_walked_by_the_next_page_cursor_give_the_whole_list_once(example_db):
    whole = cli_json(example_db, "copies")
    assert len(whole) > 4  # three pages at least
    found, args, pages = [], ["--page", "1", "--size", "2"], 0
    while True:
        done = CliRunner().invoke(cli, ["copies", *args, "--db", str(example_db), "--json"])
        assert done.exit_code == 0, done.output
        found += [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        pages += 1
        told = [line for line in done.stderr.splitlines() if line.startswith("Next page: --after ")]
        if not told:
            break
        args = ["--after", told[0].removeprefix("Next page: --after "), "--size", "2"]
    assert found == whole and pages == -(-len(whole) // 2)


def test_cli_copies_after_a_cursor_no_page_gave_is_one_clear_error(example_db):
    done = CliRunner().invoke(cli, ["copies", "--db", str(example_db), "--after", "not-a-cursor"])
    assert done.exit_code == 2
    assert "is not one this list gave" in done.stderr and "Traceback" not in done.output


def test_cli_page_prints_a_table_of_the_page(example_db):
    done = CliRunner().invoke(cli, ["copies", "--db", str(example_db), "--page", "1", "--size", "1"])
    assert done.exit_code == 0, done.output
    assert "Related articles" in done.stdout and done.stdout.count("\n") < 12


@pytest.fixture(scope="module")
def client(example_db):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    from newstrace.web import create_app

    return TestClient(create_app(str(example_db)))


@pytest.mark.parametrize("path,command", [("/api/copies", "copies"), ("/api/stories", "stories"), ("/api/people", "people")])
def test_api_pages_followed_by_their_next_links_give_the_whole_list_once(client, example_db, path, command):
    whole = cli_json(example_db, command)
    found, url, pages = [], f"{path}?size=2", 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        found += response.json()
        pages += 1
        url = response.headers.get("link", "").removeprefix("<").split(">;")[0] or None
    assert found == whole and pages == -(-len(whole) // 2)
    beyond = client.get(path, params={"size": 2, "page": pages + 1})
    assert beyond.status_code == 200 and beyond.json() == [] and "link" not in beyond.headers
