"""The sites table reads one row per site (``site_counts``), kept by triggers as articles are
linked, pairs are written, changed or removed, flags are stored and articles deleted: after each
change its rows are what counting every article again gives (``triggers.recount_sites``), on
SQLite and on PostgreSQL.
"""

import pytest
from sqlalchemy import delete, select, update
from test_stories import link

from newstrace.model import Analysis, Article, Evidence, Flag, article_id
from newstrace.store import Store
from newstrace.store.browse import PageRequest, sites
from newstrace.store.schema import articles, flags, links, site_counts
from newstrace.store.triggers import recount_sites


@pytest.fixture
def store(database):
    return Store(database)


def article(store, name: str, site: str | None, junk: int = 0) -> Analysis:
    """An article of ``site`` with ``junk`` inserted sentences flagged, stored and put in a story of its own."""
    url, text = f"https://{site or 'nowhere'}.example/{name}", f"Report {name}. Let's get started."
    aid = article_id(url, text)
    junk_flags = tuple(
        Flag("inserted", "Let's get started.", "a spinner's filler", Evidence(aid, 1, 15, 33)) for _ in range(junk)
    )
    analysis = Analysis(article=Article(id=aid, url=url, text=text, site=site), flags=junk_flags)
    assert store.add(analysis)
    with store.story_session() as session:
        session.join(aid, f"s-{name}", set(), None)
    return analysis


def counted(store) -> dict[str, tuple[int, int, int, int]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(site_counts)).all()
    return {row.site: (row.articles, row.copies, row.spun, row.copy_flags) for row in rows if row.articles}


def recounted(store) -> dict[str, tuple[int, int, int, int]]:
    with store.engine.begin() as conn:
        recount_sites(conn)
    return counted(store)


def test_the_counts_of_each_site_follow_every_article_pair_and_flag(store):
    tribune = article(store, "tribune-raid", "Tribune")
    farm = article(store, "farm-raid", "Farm", junk=2)  # a spun copy with two inserted sentences
    farm_again = article(store, "farm-raid-again", "Farm", junk=1)  # copies two articles
    bare = article(store, "bare-raid", None)
    assert counted(store) == {"Tribune": (1, 0, 0, 0), "Farm": (2, 0, 0, 0), "": (1, 0, 0, 0)}
    link(store, farm, tribune, "spun")
    link(store, farm_again, tribune, "verbatim")
    link(store, farm_again, farm, "edited")  # a second copy pair: counted once, with its one flag
    link(store, bare, tribune, "same_story")  # no copy
    assert counted(store) == {"Tribune": (1, 0, 0, 0), "Farm": (2, 2, 1, 3), "": (1, 0, 0, 0)}
    with store.engine.begin() as conn:  # relinked: the spun pair is now a same-story report
        conn.execute(update(links).where(links.c.copy_id == farm.article.id).values(verdict="same_story"))
    assert counted(store) == {"Tribune": (1, 0, 0, 0), "Farm": (2, 1, 0, 1), "": (1, 0, 0, 0)}
    with store.engine.begin() as conn:  # one of two copy pairs removed: still a copy
        conn.execute(delete(links).where(links.c.copy_id == farm_again.article.id, links.c.source_id == tribune.article.id))
    assert counted(store) == {"Tribune": (1, 0, 0, 0), "Farm": (2, 1, 0, 1), "": (1, 0, 0, 0)}
    with store.engine.begin() as conn:  # a flag of a copy removed, then the copy's source deleted
        conn.execute(delete(flags).where(flags.c.article_id == farm_again.article.id))
        conn.execute(delete(articles).where(articles.c.id == farm.article.id))
    assert counted(store) == {"Tribune": (1, 0, 0, 0), "Farm": (1, 0, 0, 0), "": (1, 0, 0, 0)}
    assert counted(store) == recounted(store)


def test_deleting_a_copy_counts_off_its_pairs_and_flags_once(store):
    tribune = article(store, "tribune-raid", "Tribune")
    farm = article(store, "farm-raid", "Farm", junk=2)
    link(store, farm, tribune, "spun")
    with store.engine.begin() as conn:
        conn.execute(delete(articles).where(articles.c.id == farm.article.id))
    assert counted(store) == {"Tribune": (1, 0, 0, 0)} == recounted(store)


def test_an_article_counts_once_linked_into_a_story(store):
    url, text = "https://tribune.example/waiting", "Report waiting."
    assert store.add(Analysis(article=Article(id=article_id(url, text), url=url, text=text, site="Tribune")))
    assert counted(store) == {} == recounted(store)


def test_the_sites_page_sorts_the_counters(store):
    tribune = article(store, "tribune-raid", "Tribune")
    article(store, "tribune-dam", "Tribune")
    farm = article(store, "farm-raid", "Farm", junk=2)
    link(store, farm, tribune, "spun")
    by_share = sites(store, "copy_share", PageRequest(1, 10))
    assert [(r["site"], r["articles"], r["copies"], r["copy_share"], r["spun"], r["flags_per_copy"]) for r in by_share.rows] == [
        ("Farm", 1, 1, 1.0, 1, 2.0), ("Tribune", 2, 0, 0.0, 0, None),
    ]
    assert [r["site"] for r in sites(store, "site", PageRequest(1, 10)).rows] == ["Farm", "Tribune"]
    assert [r["site"] for r in sites(store, "articles", PageRequest(1, 1)).rows] == ["Tribune"]
    second = sites(store, "articles", PageRequest(2, 1))
    assert [r["site"] for r in second.rows] == ["Farm"] and not second.has_next
