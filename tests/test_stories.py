"""Stories: which articles report the same events over time (newstrace.link.stories), without the model.

Articles are stored by hand with their places and organizations; the links and
person profiles the earlier linking stages would write are inserted directly,
so each rule of ``assign_story`` is tested on its own evidence.
"""

import pytest
from sqlalchemy import func, insert, select

from newstrace.link.stories import (
    article_terms,
    assign_story,
    joins,
    joins_across_languages,
    stories,
    story_of,
    story_scores,
)
from newstrace.link.settings import DEFAULT_SETTINGS, LinkSettings
from newstrace.model import Analysis, Article, Entity, article_id
from newstrace.store import Store
from newstrace.store.schema import links, profile_members, profiles, story_articles, story_terms
from newstrace.store.schema import profile_stories, story_sizes


@pytest.fixture
def store(database):
    """An empty store on each backend (SQLite, PostgreSQL)."""
    return Store(database)


def stored(store, name, published=None, places=(), orgs=(), dateline=None, title=None, language=None) -> Analysis:
    """Store an article named ``name`` with the given places and organizations; returns its analysis."""
    url = f"https://news.example/{name}"
    text = f"Report {name}."
    found = [Entity(f"l{i}", "place", place) for i, place in enumerate(places, 1)]
    found += [Entity(f"o{i}", "organization", org) for i, org in enumerate(orgs, 1)]
    article = Article(
        id=article_id(url, text), url=url, text=text, title=title or name, published=published, dateline=dateline,
        language=language,
    )
    analysis = Analysis(article=article, entities=tuple(found))
    assert store.add(analysis)
    return analysis


def person(store, analysis, profile_id, name=None, entity_id=None) -> None:
    """What people.resolve_article writes: the article's person ``entity_id`` is profile ``profile_id``."""
    with store.engine.begin() as conn:
        if conn.execute(select(profiles.c.id).where(profiles.c.id == profile_id)).first() is None:
            conn.execute(insert(profiles).values(id=profile_id, name=name or profile_id))
        count = conn.execute(
            select(func.count()).select_from(profile_members).where(profile_members.c.article_id == analysis.article.id)
        ).scalar()
        conn.execute(
            insert(profile_members).values(
                article_id=analysis.article.id, entity_id=entity_id or f"p{count + 1}", profile_id=profile_id
            )
        )


def link(store, copy, source, verdict="same_story") -> None:
    """What copies.link_article writes for a verified pair."""
    with store.engine.begin() as conn:
        conn.execute(
            insert(links).values(copy_id=copy.article.id, source_id=source.article.id, verdict=verdict, score=0.5)
        )


def scores(store, analysis, settings: LinkSettings = DEFAULT_SETTINGS) -> dict[str, float]:
    with store.story_session() as session:
        return story_scores(
            session, analysis.article.id, article_terms(analysis), settings, analysis.article.published
        )


# -- the evidence an article brings -------------------------------------------------


def test_terms_are_folded_place_and_organization_names_and_the_dateline():
    article = Article(id="a1", url="u", text="t", dateline="Kálvik, Tarvania")
    analysis = Analysis(
        article=article,
        entities=(
            Entity("p1", "person", "Marek Hájek"),
            Entity("o1", "organization", "The Grey  Pine Movement", aliases=("GPM",)),
            Entity("l1", "place", "Valden"),
        ),
    )
    assert article_terms(analysis) == {"grey pine movement", "gpm", "valden", "kalvik", "tarvania"}


def test_the_join_rule():
    assert joins(3.0, own=100.0)  # enough evidence whatever the article's size
    assert not joins(2.9, own=100.0)
    assert joins(2.0, own=3.0)  # a short article the story explains two-thirds of
    assert not joins(2.0, own=4.5)  # 44%: the namesake article of tests/fixtures/story
    assert not joins(1.5, own=1.5)  # too little evidence even when all of it is shared


def test_the_join_rule_across_languages():
    # An article our English model cannot read brings only the known people spotted in it.
    assert joins_across_languages("hi", 1.0, people=1.0)  # its one person is named in this story only
    assert joins_across_languages("ru", 4 / 3, people=2.0)  # one person of the story's, one of three stories'
    assert not joins_across_languages("hi", 0.5, people=1.0)  # its person is in two stories
    assert not joins_across_languages("hi", 1.0, people=2.0)  # the story holds half of its people
    assert not joins_across_languages("en", 1.0, people=1.0)  # English has its places and names too
    assert not joins_across_languages(None, 1.0, people=1.0)  # undetected: read as English
    assert not joins_across_languages("hi", 0.0, people=0.0)


# -- assigning ------------------------------------------------------------------------


def test_the_first_article_starts_a_story_named_after_it(store):
    first = stored(store, "raid", "2025-10-05", places=["Kalvik"])
    story = assign_story(store, first)
    assert story == "s" + first.article.id
    assert story_of(store, first.article.id) == story


def test_assigning_again_changes_nothing(store):
    first = stored(store, "raid", "2025-10-05", places=["Kalvik"])
    story = assign_story(store, first)
    assert assign_story(store, first) == story
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(story_articles)).scalar() == 1
        assert conn.execute(select(story_terms.c.term, story_terms.c.articles)).all() == [("kalvik", 1)]


def test_one_verified_link_is_enough_on_its_own(store):
    first = stored(store, "raid", "2025-10-05", places=["Kalvik"])
    story = assign_story(store, first)
    translation = stored(store, "raid-es", "2025-10-06")  # no entities: no English parse
    link(store, translation, first, verdict="translated")
    assert scores(store, translation) == {story: 3.0}
    assert assign_story(store, translation) == story


def test_three_shared_people_join_without_a_link(store):
    first = stored(store, "raid", "2025-10-05")
    for profile_id in ("vetrovoi", "drozdova", "hajek"):
        person(store, first, profile_id)
    story = assign_story(store, first)
    follow_up = stored(store, "freed", "2025-11-27")
    for profile_id in ("vetrovoi", "drozdova", "hajek", "calder"):
        person(store, follow_up, profile_id)
    assert scores(store, follow_up) == {story: 3.0}
    assert assign_story(store, follow_up) == story


def test_a_namesake_with_the_capital_and_the_country_starts_its_own_story(store):
    raid = stored(store, "raid", "2025-10-05", places=["Kalvik", "Valden"], dateline="Kalvik, Tarvania")
    for profile_id in ("vetrovoi", "drozdova", "hajek"):
        person(store, raid, profile_id)
    kalvik = assign_story(store, raid)
    # Even if the resolver merged the beekeeper with the engineer, one person and two common names are not enough.
    bees = stored(store, "bees", "2025-10-12", places=["Lindvale", "Valden"], dateline="Lindvale, Tarvania")
    for profile_id in ("hajek", "kolb", "ostrander"):
        person(store, bees, profile_id)
    assert scores(store, bees) == {kalvik: 2.0}
    assert assign_story(store, bees) == "s" + bees.article.id


def test_a_name_counts_less_the_more_stories_have_it(store):
    a = stored(store, "a", "2025-10-01", places=["Valden", "Kalvik"])
    b = stored(store, "b", "2025-10-02", places=["Valden", "Lindvale"])
    story_a, story_b = assign_story(store, a), assign_story(store, b)
    assert story_a != story_b  # only the capital in common: 0.5
    new = stored(store, "c", "2025-10-03", places=["Valden", "Kalvik"])
    # Valden is in both stories: 0.5 / 2 each; Kalvik only in the first: 0.5.
    assert scores(store, new) == {story_a: 0.75, story_b: 0.25}


def test_a_person_counts_less_the_more_stories_name_them(store):
    a = stored(store, "a", "2025-10-01")
    b = stored(store, "b", "2025-10-02")
    person(store, a, "minister")
    person(store, b, "minister")
    person(store, b, "mayor")
    story_a, story_b = assign_story(store, a), assign_story(store, b)
    assert story_a != story_b
    new = stored(store, "c", "2025-10-03")
    person(store, new, "minister")
    person(store, new, "mayor")
    assert scores(store, new) == {story_a: 0.5, story_b: 1.5}


def test_an_article_in_another_language_joins_the_story_of_its_people(store):
    raid = stored(store, "raid", "2025-10-05", places=["Kalvik"])
    person(store, raid, "vetrovoi")
    person(store, raid, "drozdova")
    kalvik = assign_story(store, raid)
    translation = stored(store, "raid-hi", "2025-10-06", language="hi")  # no places: no English parse
    person(store, translation, "vetrovoi")  # spotted by name (link.spotting)
    assert scores(store, translation) == {kalvik: 1.0}
    assert assign_story(store, translation) == kalvik
    english = stored(store, "vetrovoi-interview", "2025-10-07")
    person(store, english, "vetrovoi")  # one shared person is not enough for an article we read
    assert assign_story(store, english) == "s" + english.article.id


def test_an_article_in_another_language_naming_a_person_of_two_stories_starts_its_own(store):
    a, b = stored(store, "a", "2025-10-01", places=["Kalvik"]), stored(store, "b", "2025-10-02", places=["Lindvale"])
    person(store, a, "minister")
    person(store, b, "minister")
    assign_story(store, a), assign_story(store, b)
    other = stored(store, "c", "2025-10-03", language="hi")
    person(store, other, "minister")
    assert assign_story(store, other) == "s" + other.article.id


def test_a_name_or_person_in_too_many_stories_is_no_evidence(store):
    settings = LinkSettings(max_evidence_stories=2)
    found = []
    for name in "abc":
        article = stored(store, name, "2025-10-01", places=["Valden", f"Town {name}"])
        person(store, article, "president")
        found.append(assign_story(store, article, settings))
    assert len(set(found)) == 3
    new = stored(store, "d", "2025-10-02", places=["Valden", "Town a"])
    person(store, new, "president")
    # Valden and the president are in three stories, one more than counts: only Town a is evidence.
    assert scores(store, new, settings) == {found[0]: 0.5}


def two_stories(store):
    """Two articles that share nothing, each starting its own story: (a, b, story of a, story of b)."""
    a = stored(store, "a", "2025-10-01")
    b = stored(store, "b", "2025-10-02")
    return a, b, assign_story(store, a), assign_story(store, b)


def test_the_best_story_wins(store):
    a, b, story_a, story_b = two_stories(store)
    new = stored(store, "c", "2025-10-03")
    link(store, new, a, verdict="edited")
    link(store, new, b, verdict="spun")
    other = stored(store, "a2", "2025-10-02")
    link(store, other, a, verdict="verbatim")
    assert assign_story(store, other) == story_a
    link(store, new, other, verdict="edited")
    assert scores(store, new) == {story_a: 6.0, story_b: 3.0}
    assert assign_story(store, new) == story_a


def test_same_story_links_count_by_the_share_of_the_story_they_reach(store):
    # A same_story link says two reports share three names; a new report sharing them with one
    # article of a big story is not yet of that story, as one sharing them with all of it is.
    first = stored(store, "fuel-1", "2025-10-01")
    story = assign_story(store, first)
    reprints = [stored(store, f"fuel-{n}", "2025-10-01") for n in range(2, 5)]
    for reprint in reprints:
        link(store, reprint, first, verdict="verbatim")
        assert assign_story(store, reprint) == story
    new = stored(store, "gst", "2025-10-02")
    link(store, new, first)
    assert scores(store, new) == {story: 0.75}  # 1 of 4 articles: LINK_WEIGHT x 1/4
    assert assign_story(store, new) == "s" + new.article.id
    everyone = stored(store, "fuel-report", "2025-10-02")
    for article in (first, *reprints):
        link(store, everyone, article)
    assert scores(store, everyone) == {story: 3.0}  # 4 of 4: as one copy link
    assert assign_story(store, everyone) == story


def test_same_story_links_count_only_between_reports_days_apart(store):
    may = stored(store, "fuel-prices", "2022-05-02")
    story = assign_story(store, may)
    july = stored(store, "gst-hike", "2022-07-20")
    link(store, july, may)  # the same politicians, named again eleven weeks later
    assert scores(store, july) == {}
    assert assign_story(store, july) == "s" + july.article.id
    next_day = stored(store, "fuel-prices-reaction", "2022-05-03T18:00:00+05:30")
    undated = stored(store, "fuel-prices-blog", None)
    for report in (next_day, undated):
        link(store, report, may)
        assert scores(store, report) == {story: 3.0}
    # A copy is a copy whenever it appeared: the window binds only same_story links.
    reprint = stored(store, "fuel-prices-reprint", "2023-01-10")
    link(store, reprint, may, verdict="verbatim")
    assert scores(store, reprint) == {story: 3.0}


def test_a_hyphen_or_a_space_folds_to_one_name():
    article = Article(id="a1", url="u", text="t")
    entities = (Entity("l1", "place", "Notre-Dame Cathedral"), Entity("l2", "place", "Notre Dame  cathedral"))
    assert article_terms(Analysis(article=article, entities=entities)) == {"notre dame cathedral"}


def test_stories_are_never_regrouped(store):
    a, b, story_a, story_b = two_stories(store)
    bridge = stored(store, "bridge", "2025-10-03")
    link(store, bridge, a)
    link(store, bridge, b)
    assign_story(store, bridge)
    assert {story_of(store, a.article.id), story_of(store, b.article.id)} == {story_a, story_b}


def test_an_article_without_a_story_has_none(store):
    a = stored(store, "a")
    assert story_of(store, a.article.id) is None


# -- reading --------------------------------------------------------------------------


def test_a_story_lists_its_articles_in_time_order_with_its_main_people(store):
    # Ingested out of order: the follow-up first, an undated piece, then the first report.
    later = stored(store, "freed", "2025-11-27T09:20:00+01:00", title="Electrician freed")
    undated = stored(store, "profile", None, title="Who is Vetrovoi")
    first = stored(store, "raid", "2025-10-05T09:00:00+02:00", title="Gunmen raid Kalvik dam camp")
    for analysis in (later, undated, first):
        person(store, analysis, "vetrovoi", "Alexander Vetrovoi")
    person(store, later, "calder", "Ruth Calder")
    person(store, first, "drozdova", "Yelena Drozdova")
    person(store, later, "drozdova", "Yelena Drozdova")
    story = assign_story(store, later)
    link(store, undated, later)
    link(store, first, later)
    assert assign_story(store, undated) == assign_story(store, first) == story

    (found,) = stories(store)
    assert found.to_dict() == {
        "id": story,
        "title": "Gunmen raid Kalvik dam camp",
        "first": "2025-10-05",
        "last": "2025-11-27",
        "article_count": 3,
        "articles": [
            {"id": first.article.id, "url": "https://news.example/raid", "title": "Gunmen raid Kalvik dam camp",
             "published": "2025-10-05T09:00:00+02:00"},
            {"id": later.article.id, "url": "https://news.example/freed", "title": "Electrician freed",
             "published": "2025-11-27T09:20:00+01:00"},
            {"id": undated.article.id, "url": "https://news.example/profile", "title": "Who is Vetrovoi",
             "published": None},
        ],
        # Ruth Calder is named in one article of three: not a main person.
        "people": [
            {"id": "vetrovoi", "name": "Alexander Vetrovoi", "articles": 3},
            {"id": "drozdova", "name": "Yelena Drozdova", "articles": 2},
        ],
    }


def test_the_story_with_most_articles_comes_first(store):
    small = stored(store, "bees", "2025-10-01")
    assign_story(store, small)
    big = [stored(store, f"raid{i}", f"2025-10-0{i + 2}") for i in range(2)]
    assign_story(store, big[0])
    link(store, big[1], big[0])
    assign_story(store, big[1])
    assert [len(s.articles) for s in stories(store)] == [2, 1]
    assert [s.id for s in stories(store)] == ["s" + big[0].article.id, "s" + small.article.id]


def test_story_counters_equal_the_rows_they_count(store):
    # Story sizes and the stories each profile is named in are counters kept as articles join
    # stories and people join profiles (a person may join after its article has a story).
    first = stored(store, "first", places=("Kalvik", "Tarvania"))
    second = stored(store, "second", places=("Kalvik", "Tarvania"))
    other = stored(store, "other", places=("Lindvale",))
    for analysis in (first, second):
        person(store, analysis, "pr-mayor")
        person(store, analysis, "pr-nurse")
    link(store, second, first)
    for analysis in (first, second, other):
        assign_story(store, analysis)
    with store.profile_session() as session:
        session.new_profile("pr-late", "Ana Late")
        session.add_member(other.article.id, "p1", "pr-late")
    with store.engine.connect() as conn:
        sizes = dict(conn.execute(select(story_sizes.c.story_id, story_sizes.c.articles)).all())
        named = sorted(conn.execute(select(profile_stories)).all())
    story = story_of(store, first.article.id)
    assert sizes == {story: 2, story_of(store, other.article.id): 1}
    assert named == sorted([("pr-mayor", story, 2), ("pr-nurse", story, 2), ("pr-late", f"s{other.article.id}", 1)])


def test_assigning_reads_the_articles_people_once_and_no_size_of_no_story(store):
    # Scoring and joining ask for the article's people three times: one statement. A first
    # article has no link and no story to score: no story size is read.
    from sqlalchemy import event

    first = stored(store, "first", places=("Kalvik",))
    person(store, first, "pr-mayor")
    person(store, first, "pr-nurse")
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda _c, _k, sql, *_a: statements.append(sql))
    story = assign_story(store, first)
    assert sum("FROM profile_members" in sql for sql in statements) == 1
    assert not any("FROM story_sizes" in sql for sql in statements)
    with store.engine.connect() as conn:
        named = sorted(conn.execute(select(profile_stories)).all())
    assert named == [("pr-mayor", story, 1), ("pr-nurse", story, 1)]
