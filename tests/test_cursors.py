"""The lists read by cursor (issue 16): each page names its last row, the next page starts
there (an index range from that row on), and walking every page by cursor gives exactly the
whole list, in order, on SQLite and on PostgreSQL, whatever the page size (and the copies' step):
the copies, the people, and the home page's articles (undated ones too, with filters).
"""

import pytest
from sqlalchemy import event
from test_paging import client, record, rows  # noqa: F401 (client: fixture)
from web_fixtures import example_db  # noqa: F401 (fixture)
from test_stories import link, person, stored

from newstrace.cursor_pages import copies_after, copies_page
from newstrace.errors import BadCursor
from newstrace.link.copies import copies
from newstrace.store import Store
from newstrace.store.browse import Filters, people, recent_articles
from newstrace.store.paging import PageRequest, cursor, cursor_key


@pytest.fixture
def store(database):
    return Store(database)


def by_cursor(store, size: int, step: int | None = None) -> tuple[list, int]:
    """Every page of ``size`` rows, each read after the cursor of the one before: (the rows, pages read)."""
    found, after, pages = [], None, 0
    while True:
        page = copies_after(store, after, size + 1, *([step] if step else []))
        pages += 1
        found += [row for _, row in page[:size]]
        if len(page) <= size:
            return found, pages
        after = page[size - 1][0]


@pytest.mark.parametrize("size", [1, 2, 4])
@pytest.mark.parametrize("step", [1, 2, 100])
def test_walking_every_page_by_cursor_gives_the_whole_list_once(store, size, step):
    record(store)
    whole = copies(store)
    assert len(whole) == 6
    found, pages = by_cursor(store, size, step)
    assert found == whole and pages == -(-len(whole) // size)


def every_page_by_cursor(read, size: int) -> list:
    """The rows of every page of ``read(PageRequest)``, each asked after the cursor of the one before."""
    found, request = [], PageRequest(1, size)
    while True:
        page = read(request)
        assert len(page.rows) <= size and (page.after is not None) is page.has_next
        found += page.rows
        if not page.has_next:
            return found
        request = PageRequest(request.number + 1, size, page.after)


@pytest.mark.parametrize("size", [1, 2, 3])
def test_walking_people_and_articles_by_cursor_gives_the_whole_lists_once(store, size):
    found = record(store)
    for name in ("bees-copy", "flood"):  # more people with one article each: ties broken by name, then id
        person(store, found[name], f"pr-{name}", "Ana" if name == "flood" else "bo")
    whole_people = people(store, PageRequest(1, 100)).rows
    assert [(p["name"], p["article_count"]) for p in whole_people] == [
        ("Ana", 3), ("Bo", 2), ("Ana", 1), ("bo", 1), ("Cy", 1), ("Di", 1)]
    assert every_page_by_cursor(lambda request: people(store, request), size) == whole_people
    for filters in (Filters(), Filters(since="2024-11-13"), Filters(verdict="same_story")):
        whole = recent_articles(store, filters, PageRequest(1, 100)).rows
        assert every_page_by_cursor(lambda request: recent_articles(store, filters, request), size) == whole
    undated = [row["title"] for row in recent_articles(store, Filters(), PageRequest(1, 100)).rows if not row["published"]]
    assert sorted(undated) == ["bees-copy", "undated"]


def test_a_cursor_inside_a_copys_rows_goes_on_with_its_next_row(store):
    record(store)  # the dam report has two rows (two same_story sources): a page may end between them
    keys = [key for key, _ in copies_after(store, None, 10)]
    assert rows([link for _, link in copies_after(store, keys[4], 5)]) == [("dam-report", "dam", "same_story")]
    assert copies_after(store, keys[5], 5) == []


def test_a_page_by_cursor_sees_the_copies_stored_after_it_was_given(store):
    found = record(store)
    keys = [key for key, _ in copies_after(store, None, 10)]
    late = stored(store, "late-copy", "2024-12-02")
    link(store, late, found["storm"], "verbatim")
    assert rows([row for _, row in copies_after(store, keys[-1], 5)]) == [("late-copy", "storm", "verbatim")]


def test_a_page_by_number_is_the_page_the_cursors_reach(store):
    record(store)
    whole = copies(store)
    rows_1, more_1, after_1 = copies_page(store, PageRequest(1, 4))
    rows_2, more_2, after_2 = copies_page(store, PageRequest(2, 4))
    by_after, more, after = copies_page(store, PageRequest(2, 4, after_1))
    assert (rows_1, more_1) == (whole[:4], True) and after_1 is not None
    assert rows_2 == by_after == whole[4:] and not more_2 and not more and after_2 is None and after is None


def test_a_cursor_round_trips_and_a_forged_one_is_refused():
    key = ("2024-11-14T00:00:00", "a1", "2024-11-13T00:00:00", "a0")
    assert cursor_key(cursor(key), 4) == key
    for forged in ("not-a-cursor", cursor(key)[:-3], cursor(["a", {"b": 1}, "c", "d"]), cursor(key[:3])):
        with pytest.raises(BadCursor):
            cursor_key(forged, 4)


def planned(store, wanted) -> list[str]:
    """The SQLite query plans of the statements ``wanted(statement)`` picks, as they run (a list that grows)."""
    plans = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def explain(conn, cursor_, statement, parameters, context, executemany):
        if wanted(statement):
            plan = cursor_.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            plans.append(" / ".join(row[-1] for row in plan))

    return plans


def test_a_page_after_a_cursor_is_a_range_of_the_ingest_index(tmp_path):
    store = Store(tmp_path / "plans.db")
    record(store)
    plans = planned(store, lambda statement: "FROM articles" in statement and "ORDER BY articles.ingested_at" in statement)
    (key, _), *_ = copies_after(store, None, 1)
    copies_after(store, key, 2)
    assert len(plans) >= 2
    for plan in plans:
        assert "USING INDEX ix_articles_ingested" in plan and "TEMP B-TREE" not in plan, plan
    # The page after a cursor starts at the cursor's copy: a search of the index from there (SQLite
    # writes ">" for ">=" too), as each later step does.
    first, *after_cursor = plans
    assert first.startswith("SCAN articles USING INDEX ix_articles_ingested"), first
    for plan in after_cursor:
        assert plan.startswith("SEARCH articles USING INDEX ix_articles_ingested ((ingested_at,id)>(?,?))"), plan


def test_the_api_refuses_a_forged_cursor(client):
    response = client.get("/api/copies", params={"after": "forged"})
    assert response.status_code == 400 and "cursor" in response.json()["detail"]


def test_the_api_next_link_of_copies_carries_a_cursor_and_page_numbers_still_work(client):
    first = client.get("/api/copies", params={"size": 1})
    assert "after=" in first.headers["link"] and "page=2" in first.headers["link"]
    following = client.get(first.headers["link"].removeprefix("<").split(">;")[0])
    assert following.json() == client.get("/api/copies", params={"size": 1, "page": 2}).json()


def test_the_people_and_articles_after_a_cursor_are_searches_of_their_indexes(tmp_path):
    store = Store(tmp_path / "plans.db")
    record(store)
    plans = planned(store, lambda statement: statement.lstrip().startswith("SELECT") and "LIMIT" in statement)
    after_people = people(store, PageRequest(1, 1)).after
    after_article = recent_articles(store, Filters(), PageRequest(1, 1)).after
    plans.clear()
    people(store, PageRequest(2, 1, after_people))
    recent_articles(store, Filters(), PageRequest(2, 1, after_article))
    # The rest of the first profile's count (one row: "Ana" has 3 articles), then the fewer counts;
    # the dated articles before the first one's date.
    assert plans == [
        "SEARCH profiles USING INDEX ix_profiles_order (article_count=? AND <expr>>?)",
        "SEARCH profiles USING INDEX ix_profiles_order (article_count<?)",
        "SEARCH articles USING INDEX ix_articles_published (published>? AND (published,id)<(?,?))",  # >: not null
    ]


def test_the_home_pages_next_link_carries_a_cursor_and_reaches_what_page_numbers_do(client):
    import html
    import re

    def articles_of(page: str) -> list[str]:
        return re.findall(r'href="(/articles/[^"#]+)"', page)

    first = client.get("/", params={"size": 2}).text
    following = html.unescape(re.search(r'rel="next" href="([^"]+)"', first).group(1))
    assert "after=" in following and "page=2" in following
    by_cursor = client.get(following).text
    shown = articles_of(by_cursor)
    assert len(set(shown)) == 2 and not set(shown) & set(articles_of(first))
    assert shown == articles_of(client.get("/", params={"size": 2, "page": 2}).text)
    assert 'rel="prev" href="/?size=2&amp;page=1"' in by_cursor  # back by number
