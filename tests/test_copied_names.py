"""Names changed by a copy: the copy's misspelled person is its source's person, and the
misspelling stays a spelling of that profile, marked as one only copies use."""

from rich.console import Console

from newstrace import render
from newstrace.link.people import find_profiles, profiles, same_person
from newstrace.model import PersonClaim
from newstrace.pipeline import ingest
from newstrace.store import Store

REPORT = """Fishermen rescued after trawler sinks off Kalvik

KALVIK — Eleven fishermen were rescued on Tuesday after their trawler sank in a storm off the coast of Kalvik, the harbour authority said.

The crew was found by a helicopter from the Northern Coast Guard about 20 kilometres offshore. Captain Mirela Tasnadi, 47, said the vessel took on water within minutes.

"We had no time to launch the lifeboat," Tasnadi told reporters at the harbour. Two of the men, among them deckhand Roni Krivoi, were taken to hospital with hypothermia.

The trawler was owned by a local cooperative, which has not commented on the sinking. Investigators will examine the wreck next week.
"""

# A content farm's rewording of the report that respells the deckhand ("Kariboi" for "Krivoi").
SPUN = (
    REPORT.replace("rescued on Tuesday", "saved on Tuesday")
    .replace("rescued after", "saved after")
    .replace("sinks off", "goes down off")
    .replace("sank in a storm", "went down in a storm")
    .replace("was found by", "was located by")
    .replace("told reporters", "told journalists")
    .replace("Roni Krivoi", "Roni Kariboi")
)


def _ingest(tmp_path, nlp, texts: dict[str, str]) -> Store:
    paths = []
    for name, text in texts.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    store = Store(tmp_path / "copies.db")
    ingest(paths, store, nlp=nlp)  # in this order: the later ingested undated article is the copy
    return store


def test_the_names_alone_are_two_people():
    # What the hook is for: the spellings are too far apart for the name matcher, even between linked articles.
    assert not same_person(PersonClaim("Roni Krivoi"), PersonClaim("Roni Kariboi"), linked=True)


def test_a_name_a_copy_respelt_joins_the_source_persons_profile(nlp, tmp_path):
    store = _ingest(tmp_path, nlp, {"report.txt": REPORT, "spun.txt": SPUN})
    (krivoi,) = find_profiles(store, "Roni Krivoi")
    assert krivoi.name == "Roni Krivoi"  # the source's spelling names the profile
    assert len(krivoi.articles) == 2
    assert krivoi.aliases == ("Roni Kariboi",)
    assert krivoi.copy_spellings == ("Roni Kariboi",)
    assert krivoi.to_dict()["copy_spellings"] == ["Roni Kariboi"]
    assert find_profiles(store, "Roni Kariboi")[0].id == krivoi.id
    assert "Roni Kariboi" not in {p.name for p in profiles(store)}
    console = Console(width=120, record=True)
    console.print(render.profile(krivoi))
    assert "spelled so only by copies: Roni Kariboi" in console.export_text()


def test_a_copy_that_keeps_the_spelling_marks_none(nlp, tmp_path):
    reprint = REPORT.replace("Fishermen rescued after", "Eleven fishermen rescued after")
    store = _ingest(tmp_path, nlp, {"report.txt": REPORT, "reprint.txt": reprint})
    (krivoi,) = find_profiles(store, "Roni Krivoi")
    assert len(krivoi.articles) == 2
    assert krivoi.copy_spellings == ()


def test_a_name_the_source_gives_another_person_is_no_respelling(nlp, tmp_path):
    # The copy puts the captain, whom the source names, where the source has the deckhand.
    swapped = REPORT.replace("among them deckhand Roni Krivoi", "among them deckhand Mirela Tasnadi").replace(
        "rescued on Tuesday", "saved on Tuesday"
    )
    store = _ingest(tmp_path, nlp, {"report.txt": REPORT, "swapped.txt": swapped})
    (krivoi,) = find_profiles(store, "Roni Krivoi")
    assert len(krivoi.articles) == 1
    (tasnadi,) = find_profiles(store, "Mirela Tasnadi")
    assert (len(tasnadi.articles), tasnadi.copy_spellings) == (2, ())


def test_a_copy_stored_before_its_source_moves_to_the_source_persons_profile(nlp, tmp_path):
    # The spun copy appeared a day after the report but is ingested first: its deckhand starts a
    # profile of his own; when the report arrives, he moves into the report's Krivoi.
    paths = {}
    for name, text, published in (("spun.txt", SPUN, "2025-03-05"), ("report.txt", REPORT, "2025-03-04")):
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(f'{{"published": "{published}"}}', encoding="utf-8")
    store = Store(tmp_path / "copies.db")
    ingest([paths["spun.txt"]], store, nlp=nlp)
    (alone,) = find_profiles(store, "Roni Kariboi")
    assert (alone.name, len(alone.articles)) == ("Roni Kariboi", 1)

    ingest([paths["report.txt"]], store, nlp=nlp)
    (krivoi,) = find_profiles(store, "Roni Krivoi")
    assert krivoi.name == "Roni Krivoi"
    assert len(krivoi.articles) == 2
    assert krivoi.copy_spellings == ("Roni Kariboi",)
    assert find_profiles(store, "Roni Kariboi")[0].id == krivoi.id
    assert "Roni Kariboi" not in {p.name for p in profiles(store)}
    assert alone.id not in {p.id for p in profiles(store)}  # the profile it left is gone
    (tasnadi,) = find_profiles(store, "Mirela Tasnadi")  # the captain, spelled alike, was one person all along
    assert len(tasnadi.articles) == 2


def _two_members_apart(tmp_path, sizes=(None, None)):
    """Without the model: a report and its copy stored in one story, the report's person in profile
    'krivoi', the copy's alone in 'kariboi'; with ``sizes``, each article puts its person on a list
    of that claimed size, recorded. Returns (store, report id, copy id, story id)."""
    from newstrace.link.named_lists import record_lists
    from newstrace.link.stories import assign_story
    from newstrace.model import Analysis, Article, Entity, Evidence, NamedList, article_id

    store = Store(tmp_path / "move.db")
    stored = []
    for name, size in zip(("report", "copy"), sizes):
        url, text = f"https://news.example/{name}", f"Deckhand {name} was on the list."
        article = Article(id=article_id(url, text), url=url, text=text)
        told = (NamedList(Evidence(article.id, 0, 0, len(text)), claimed_size=size, members=("p1",)),) if size else ()
        analysis = Analysis(article=article, entities=(Entity("p1", "person", name.title()),), lists=told)
        assert store.add(analysis)
        stored.append(analysis)
    report, copy = (a.article.id for a in stored)
    with store.profile_session() as session:
        for article, profile_id in ((report, "krivoi"), (copy, "kariboi")):
            session.new_profile(profile_id, profile_id.title())
            session.add_member(article, "p1", profile_id)
            session.add_keys(profile_id, [f"k:{profile_id}"])
            session.count_spellings(profile_id, [(profile_id.title(), 1)], "2025-03-04")
    story = assign_story(store, stored[0])
    with store.story_session() as session:
        session.join(copy, story, set())
    for analysis in stored:
        record_lists(store, analysis)
    return store, report, copy, story


def test_moving_a_member_keeps_the_counters_equal_to_the_rows(tmp_path):
    from sqlalchemy import select

    from newstrace.store.schema import profile_keys, profile_names, profile_stories, profiles as profile_rows

    store, report, copy, story = _two_members_apart(tmp_path)
    with store.engine.begin() as conn:
        conn.execute(profile_rows.insert().values(id="unused", name="Unused"))  # untouched by the move
    with store.profile_session() as session:
        assert session.move_member(copy, "p1", "krivoi") == "kariboi"
        assert session.move_member(copy, "p1", "krivoi") is None  # already there
        assert session.assignment(copy) == {"p1": "krivoi"}
    with store.engine.connect() as conn:
        assert conn.execute(select(profile_stories)).all() == [("krivoi", story, 2)]
        assert sorted(conn.execute(select(profile_rows.c.id)).scalars()) == ["krivoi", "unused"]
        assert conn.execute(select(profile_keys.c.profile_id).where(profile_keys.c.profile_id == "kariboi")).all() == []
        assert conn.execute(select(profile_names.c.profile_id).where(profile_names.c.profile_id == "kariboi")).all() == []


def test_a_list_recorded_apart_joins_the_record_of_the_profile_it_moves_into(tmp_path):
    from sqlalchemy import select

    from newstrace.link.named_lists import lists_of
    from newstrace.store.schema import list_articles, list_records

    # Sizes 8 and 7 and two profiles: nothing tied the copy's list to the report's when recorded.
    store, report, copy, story = _two_members_apart(tmp_path, sizes=(8, 7))
    with store.engine.connect() as conn:
        before = dict(conn.execute(select(list_articles.c.article_id, list_articles.c.record_id)).all())
    assert before[report] != before[copy]
    with store.profile_session() as session:
        session.move_member(copy, "p1", "krivoi")
    with store.engine.connect() as conn:
        after = dict(conn.execute(select(list_articles.c.article_id, list_articles.c.record_id)).all())
        records = conn.execute(select(list_records.c.id, list_records.c.story_id)).all()
    assert after == {report: before[report], copy: before[report]}  # the report's, recorded first, is kept
    assert records == [(before[report], story)]
    (record,) = lists_of(store, ["krivoi"])["krivoi"]
    assert [c.value for c in record.claimed_sizes] == [8, 7]
    assert [(m.profile, len(m.articles)) for m in record.members] == [("krivoi", 2)]
