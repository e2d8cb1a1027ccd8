"""One person across articles: the pairwise decision, incremental resolution, profiles and timelines."""

import re
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from newstrace.errors import NotFound
from newstrace.extract.entities import extract_entities
from helpers import make_article, make_doc
from newstrace.link.people import (
    find_profiles,
    profile,
    profiles,
    resolve_article,
    role_head,
    same_person,
    story_relation,
)
from newstrace.link import names
from newstrace.link.settings import DEFAULT_SETTINGS, LinkSettings
from newstrace.model import Analysis, Attribute, Entity, Evidence, PersonClaim, Status, TimeExpression
from newstrace.pipeline import ingest
from newstrace.store import Store
from newstrace.store.profiles import RankedSpellings
from newstrace.store.schema import links, profile_keys, profile_members, profile_names
from newstrace.store.schema import profiles as profiles_table

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


# -- the pairwise decision -------------------------------------------------------------


def test_a_spelling_variant_in_the_same_story_is_one_person():
    a = PersonClaim("Roni Krivoi", age=25, story="gaza-captives")
    b = PersonClaim("Ron Olegovich Krivoy", story="gaza-captives")
    assert same_person(a, b)


def test_disagreeing_ages_in_one_story_are_a_conflict_not_two_people():
    a = PersonClaim("Elena Trufanova", age=53, story="gaza-captives")
    b = PersonClaim("Yelena Trufanova", age=50, story="gaza-captives")
    assert same_person(a, b)


def test_ages_far_apart_are_two_people_even_in_one_story():
    # Alike names: a gap of a few years is a conflict between sources, a wider one another person.
    father = PersonClaim("Jan Horak", age=51, story="kalvik")
    assert same_person(father, PersonClaim("Jan Horák", age=48, story="kalvik"))
    assert not same_person(father, PersonClaim("Jan Horak", age=22, story="kalvik"))
    # A spelling variant must agree on the age: Dvorak / Dvorjak at 40 and 44 are two people.
    dvorak = PersonClaim("Lukas Dvorak", age=40, story="kalvik")
    assert same_person(dvorak, PersonClaim("Lukas Dvorjak", story="kalvik"))
    assert not same_person(
        PersonClaim("Lukas Dvorak", age=40, story="kalvik"), PersonClaim("Lukas Dvorjak", age=44, story="kalvik")
    )
    # A copy that changes the age (a distortion) still names its source's person.
    assert same_person(father, PersonClaim("Jan Horak", age=15, story="kalvik"), linked=True)


def test_relatives_named_together_in_one_article_are_two_people():
    mother = PersonClaim("Marta Lind", age=50, story="kalvik")
    daughter = PersonClaim("Marta Lind", roles=("student",), with_=("Marta Lind",), story="kalvik")
    assert not same_person(mother, daughter)
    assert not same_person(PersonClaim("Carl Brandt Sr.", story="kalvik"),
                           PersonClaim("Carl Brandt", with_=("Carl Brandt Sr.",), story="kalvik"))
    assert not same_person(PersonClaim("Yosef Amsalem", story="kalvik"),
                           PersonClaim("Yosefa Amsalem", with_=("Yosef Amsalem",), story="kalvik"))
    # A co-mentioned name that fits worse than the article's own person does not count.
    assert same_person(PersonClaim("Carl Brandt Sr.", story="kalvik"),
                       PersonClaim("Carl Brandt Sr.", with_=("Carl Brandt Jr.", "Anna Brandt"), story="kalvik"))


def test_namesakes_with_other_ages_or_roles_outside_the_story_stay_apart():
    engineer = PersonClaim("Marek Hajek", age=41, roles=("turbine engineer",))
    assert not same_person(engineer, PersonClaim("Marek Hájek", age=67))
    assert not same_person(engineer, PersonClaim("Marek Hajek", roles=("retired chemistry teacher",)))
    assert same_person(engineer, PersonClaim("Marek Hájek", age=41))


def test_ages_compare_after_the_time_between_the_articles():
    young = PersonClaim("Roni Krivoi", age=25, published="2023-11-27")
    assert same_person(young, PersonClaim("Roni Krivoy", age=26, published="2024-10-07"))
    assert not same_person(young, PersonClaim("Roni Krivoy", age=27, published="2023-12-04"))


def test_another_story_needs_an_agreeing_age_or_role():
    a = PersonClaim("Vladimir Putin", story="kremlin-briefing")
    assert not same_person(a, PersonClaim("Vladimir Putin", story="syria-talks"))
    with_role = replace(a, roles=("President",))
    assert same_person(with_role, PersonClaim("Vladimir Putin", roles=("Russian president",), story="syria-talks"))


def test_a_loose_surname_match_needs_the_story_or_the_age():
    assert not same_person(PersonClaim("Bill Johnson"), PersonClaim("Bill Johnston"))
    assert same_person(PersonClaim("Bill Johnson", story="ohio"), PersonClaim("Bill Johnston", story="ohio"))
    assert same_person(PersonClaim("Bill Johnson", age=40), PersonClaim("Bill Johnston", age=40))


def test_one_famous_name_in_common_is_not_a_story():
    a = PersonClaim("Sergei Ivanov", age=45, with_=("Vladimir Putin",), context=frozenset({"e:ufa", "p:putin"}))
    b = PersonClaim("Sergei Ivanov", age=70, with_=("Vladimir Putin",), context=frozenset({"e:moskva", "p:putin"}))
    assert story_relation(a, b) == "different"
    assert not same_person(a, b)
    assert story_relation(
        replace(a, with_=("Vladimir Putin", "Maria Zakharova")), replace(b, with_=("Vladimir Putin", "Maria Zakharova"))
    ) == "same"


def test_a_bare_surname_joins_only_inside_the_story():
    full = PersonClaim("Roni Krivoi", story="gaza-captives")
    assert same_person(PersonClaim("Kriwoi", story="gaza-captives"), full)
    assert not same_person(PersonClaim("Kriwoi", story="idaho-fair"), full)
    assert not same_person(PersonClaim("Kriwoi"), full)
    # A co-mentioned person in common is the same story.
    assert same_person(
        PersonClaim("Krivoy", with_=("Elena Trufanova",)), PersonClaim("Roni Krivoi", with_=("Yelena Troufanova",))
    )


def test_a_bare_given_name_joins_only_inside_the_story():
    assert same_person(PersonClaim("Andrei", story="vestra"), PersonClaim("Andrei Hollis", story="vestra"))
    assert not same_person(PersonClaim("Andrei"), PersonClaim("Andrei Hollis"))


def test_relatives_are_never_one_person_even_in_one_story():
    mother = PersonClaim("Yelena Drozdova", story="kalvik")
    assert not same_person(mother, PersonClaim("Mikhail Drozdov", story="kalvik"))
    assert not same_person(PersonClaim("Drozdova", story="kalvik"), PersonClaim("Drozdov", story="kalvik"))
    assert not same_person(PersonClaim("Eitan Mizrahi", story="kalvik"), PersonClaim("Dana Mizrahi", story="kalvik"))


def test_a_title_and_a_surname_name_the_office_holder_in_any_story():
    leader = PersonClaim("Narendra Modi", roles=("Prime Minister",), story="budget")
    assert same_person(PersonClaim("Modi", roles=("PM",), story="tripura"), leader)
    assert same_person(PersonClaim("Saha", roles=("Chief Minister",), story="polls"),
                       PersonClaim("Manik Saha", roles=("Tripura Chief Minister",), story="resignation"))
    # Without the office, another post, or a former holder: only the story could tie them.
    assert not same_person(PersonClaim("Modi", story="tripura"), leader)
    assert not same_person(PersonClaim("Modi", roles=("Deputy Prime Minister",), story="tripura"), leader)
    assert not same_person(PersonClaim("Modi", roles=("former PM",), story="tripura"), leader)
    assert not same_person(PersonClaim("Modi", roles=("minister",), story="tripura"),
                           PersonClaim("Narendra Modi", roles=("minister",), story="budget"))


def test_roles_in_other_words_or_too_short_to_read_are_no_contradiction():
    # "PM" and "Prime Minister", "Rep." and "congresswoman" are one role; "MP" says too little to differ.
    assert same_person(PersonClaim("Modi", roles=("PM",), story="tripura"),
                       PersonClaim("Modi", roles=("PM",), story="tripura"))
    assert same_person(PersonClaim("Alexandria Ocasio-Cortez", roles=("Rep.",), story="threats"),
                       PersonClaim("Alexandria Ocasio-Cortez", roles=("congresswoman",), story="music-rights"))
    assert same_person(PersonClaim("Kiran Rao", roles=("MP",), story="kalvik"),
                       PersonClaim("Kiran Rao", roles=("teacher",), story="kalvik"))


# -- resolution over hand-written articles ----------------------------------------------


def _ev(article_id: str, start: int = 0) -> Evidence:
    return Evidence(article_id, 0, start, start + 1)


def article(url: str, published: str, people: list[tuple], places: tuple[str, ...] = ("Kalvik", "Tarvania"), statuses=()):
    """An analysis with the given people (name, aliases, {field: value}) and places.

    ``statuses`` are (person index, state, time value or None, time text).
    """
    text = f"Text of {url}."
    art = replace(make_article(text, url), published=published)
    entities = []
    for i, (name, aliases, facts) in enumerate(people, 1):
        attributes = tuple(Attribute(field, value, _ev(art.id)) for field, value in facts.items())
        entities.append(Entity(f"p{i}", "person", name, tuple(aliases), (_ev(art.id),), attributes))
    entities += [Entity(f"l{i}", "place", name, (), (_ev(art.id),)) for i, name in enumerate(places, 1)]
    found = tuple(
        Status(f"p{person}", state, _ev(art.id, 2), TimeExpression(text_, value, "day") if text_ else None)
        for person, state, value, text_ in statuses
    )
    return Analysis(article=art, entities=tuple(entities), statuses=found)


@pytest.fixture
def store(database) -> Store:
    """An empty store on each backend (SQLite, PostgreSQL)."""
    return Store(database)


def add(store: Store, *analyses: Analysis, settings: LinkSettings = DEFAULT_SETTINGS) -> list[dict[str, str]]:
    assigned = []
    for analysis in analyses:
        store.add(analysis)
        assigned.append(resolve_article(store, analysis, settings))
    return assigned


KALVIK = [
    article(
        "https://courier.example/1",
        "2025-10-05",
        [("Yelena Drozdova", ["Drozdova"], {"age": 53, "role": "cook"}), ("Mikhail Drozdov", [], {"age": 29}),
         ("Sasha Vetrovoi", [], {"age": 27})],
        statuses=[(1, "captive", "2025-10-04", "on Saturday"), (2, "killed", "2025-10-04", "on Saturday")],
    ),
    article(
        "https://tribune.example/2",
        "2025-10-07",
        [("Elena Drozdova", [], {"age": 50}), ("Alexander Vetrovoy", [], {}), ("Mikhail Drozdov", [], {})],
        statuses=[(1, "captive", None, None)],
    ),
    article(
        "https://wire.example/3",
        "2025-10-27",
        [("Drozdova", [], {}), ("Alexander Wetrowoi", [], {}), ("Irina Wetrowaja", [], {"age": 56})],
        statuses=[(1, "released", "2025-10-26", "on Sunday")],
    ),
]


def test_variants_join_one_profile_and_relatives_stay_apart(store):
    first, second, third = add(store, *KALVIK)
    assert second["p1"] == first["p1"]  # Elena / Yelena Drozdova
    assert second["p2"] == first["p3"]  # Alexander Vetrovoy / Sasha Vetrovoi
    assert second["p3"] == first["p2"]  # Mikhail Drozdov
    assert third["p1"] == first["p1"]  # the bare surname, inside the story
    assert third["p2"] == first["p3"]  # German transliteration
    assert len({first["p1"], first["p2"], first["p3"], third["p3"]}) == 4  # mother, son, others
    # Most articles first, then by name.
    assert [(p.name, len(p.articles)) for p in profiles(store)] == [
        ("Sasha Vetrovoi", 3), ("Yelena Drozdova", 3), ("Mikhail Drozdov", 2), ("Irina Wetrowaja", 1),
    ]


def test_a_title_and_a_surname_join_the_one_office_holder_of_that_surname(store):
    leader = article("https://courier.example/pm", "2025-10-01",
                     [("Narendra Modi", [], {"role": "Prime Minister"}), ("Amit Shah", [], {})], places=("Delhi",))
    namesake = article("https://gazette.example/gem", "2025-10-02", [("Nirav Modi", [], {"role": "jeweller"})],
                       places=("London",))
    titled = [
        article(f"https://wire.example/{i}", "2025-10-03", [("Modi", [], {"role": "PM"}), (other, [], {})],
                places=("Agartala",))
        for i, other in enumerate(("Biplab Kumar Deb", "Manik Saha", "Jishnu Dev Varma"))
    ]
    first, second, *rest = add(store, leader, namesake, *titled)
    assert second["p1"] != first["p1"]
    assert [assigned["p1"] for assigned in rest] == [first["p1"]] * 3


def test_a_title_and_a_surname_join_neither_of_two_holders_of_the_office(store):
    elder = article("https://courier.example/n", "2025-10-01", [("Nawaz Sharif", [], {"role": "Prime Minister"})],
                    places=("Lahore",))
    younger = article("https://courier.example/s", "2025-10-02",
                      [("Shehbaz Sharif", [], {"role": "Prime Minister"})], places=("Islamabad",))
    titled = article("https://wire.example/t", "2025-10-03", [("Sharif", [], {"role": "PM"})], places=("Karachi",))
    first, second, third = add(store, elder, younger, titled)
    assert first["p1"] != second["p1"]
    assert third["p1"] not in (first["p1"], second["p1"])


def test_resolving_again_changes_nothing(store):
    (assigned,) = add(store, KALVIK[0])

    def rows():
        with store.engine.connect() as conn:
            return [conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in (profiles_table, profile_members, profile_keys)]

    before = rows()
    assert resolve_article(store, KALVIK[0]) == assigned
    assert rows() == before == [3, 3, before[2]]


def test_profile_shows_conflicting_ages_side_by_side_with_their_sources(store):
    first, *_ = add(store, *KALVIK)
    drozdova = profile(store, first["p1"]).to_dict()
    assert drozdova["name"] == "Yelena Drozdova"
    assert drozdova["aliases"] == ["Drozdova", "Elena Drozdova"]
    assert drozdova["ages"] == [
        {"value": 53, "articles": ["https://courier.example/1"]},
        {"value": 50, "articles": ["https://tribune.example/2"]},
    ]
    assert drozdova["conflicts"] == [{"field": "age", "values": drozdova["ages"]}]
    assert drozdova["roles"] == ["cook"]
    assert drozdova["articles"] == ["https://courier.example/1", "https://tribune.example/2", "https://wire.example/3"]


def test_timeline_orders_states_by_event_time_and_keeps_undated_ones_by_publication(store):
    first, *_ = add(store, KALVIK[2], KALVIK[1], KALVIK[0])  # ingested in reverse
    timeline = find_profiles(store, "Drozdova")[0].to_dict()["timeline"]
    assert [(t["state"], t["time"]["value"] if t["time"] else None, t["article"]) for t in timeline] == [
        ("captive", "2025-10-04", "https://courier.example/1"),
        ("captive", None, "https://tribune.example/2"),
        ("released", "2025-10-26", "https://wire.example/3"),
    ]
    assert timeline[0]["evidence"] == {"article": KALVIK[0].article.id, "sentence": 0, "start": 2, "end": 3}


def test_a_namesake_in_another_story_gets_their_own_profile(store):
    engineer = article("https://courier.example/h", "2025-10-05", [("Marek Hájek", [], {"age": 41, "role": "turbine engineer"})])
    beekeeper = article(
        "https://gazette.example/b",
        "2025-10-12",
        [("Marek Hajek", ["Hajek"], {"age": 67, "role": "retired chemistry teacher"}), ("Agnes Kolb", [], {})],
        places=("Lindvale",),
    )
    first, second = add(store, engineer, beekeeper)
    assert first["p1"] != second["p1"]
    assert [p.name for p in find_profiles(store, "Marek Hajek")] == ["Marek Hajek", "Marek Hájek"]


def test_a_bare_surname_that_fits_two_profiles_joins_neither(store):
    family = article("https://a.example/1", "2025-10-05", [("Lena Hollis", [], {}), ("Piotr Hollis", [], {})])
    bare = article("https://a.example/2", "2025-10-06", [("Hollis", [], {})])
    first, second = add(store, family, bare)
    assert second["p1"] not in first.values()


def test_find_profiles_ignores_case_accents_script_and_spelling(store):
    add(store, *KALVIK)
    for query in ("sasha vetrovoi", "Vetrovoj", "ВЕТРОВОЙ", "Alexander Wetrowoi"):
        assert find_profiles(store, query)[0].name == "Sasha Vetrovoi"
    # The gendered form finds the mother only.
    assert [p.name for p in find_profiles(store, "Vetrovaya")] == ["Irina Wetrowaja"]
    assert find_profiles(store, "Hollis") == []
    with pytest.raises(NotFound):
        profile(store, "nope")


def test_relations_point_at_the_other_persons_profile(store):
    mother = article(
        "https://post.example/m",
        "2025-10-15",
        [("Irina Vetrovaya", [], {"relation": "mother"}), ("Alexander Vetrovoy", [], {})],
    )
    mother = replace(
        mother,
        entities=(replace(mother.entities[0], attributes=(Attribute("relation", "mother", _ev(mother.article.id), of="p2"),)),
                  *mother.entities[1:]),
    )
    (assigned,) = add(store, mother)
    assert profile(store, assigned["p1"]).to_dict()["relations"] == [
        {"type": "mother", "of": assigned["p2"], "name": "Alexander Vetrovoy"}
    ]


def test_entities_from_a_blank_doc_resolve(store):
    texts = [
        (
            "Roni Krivoi, 25, was freed in Gaza. Krivoi thanked Elena Trufanova.",
            [("Roni Krivoi", "PERSON"), ("Gaza", "GPE"), ("Krivoi", "PERSON"), ("Elena Trufanova", "PERSON")],
        ),
        (
            "Ron Krivoy, 25, spoke. Yelena Troufanova was still held in Gaza.",
            [("Ron Krivoy", "PERSON"), ("Yelena Troufanova", "PERSON"), ("Gaza", "GPE")],
        ),
    ]
    assigned = []
    for i, (text, ents) in enumerate(texts):
        art = replace(make_article(text, f"https://blank.example/{i}"), published="2023-11-2" + str(7 + i))
        analysis = Analysis(article=art, entities=extract_entities(make_doc(text, ents), art))
        assigned.append(add(store, analysis)[0])
    names = {p.name: len(p.articles) for p in profiles(store)}
    assert names == {"Roni Krivoi": 2, "Elena Trufanova": 2}


# -- model-backed: the bundled examples and the seed ------------------------------------


def test_examples_one_profile_per_person(nlp, tmp_path):
    store = Store(tmp_path / "x.db")
    ingest([EXAMPLES], store, nlp=nlp)
    for analysis in store.analyses():
        resolve_article(store, analysis)
    varga = find_profiles(store, "Tomas Varga")
    assert len(varga) == 1
    # In publication order: 01 says 31, the spun copy 13 (02:14+01:00), 04 32 (07:00+01:00 the same day).
    assert [a["value"] for a in varga[0].to_dict()["ages"]] == [31, 13, 32]
    # "Estavian drilling engineer" refines "drilling engineer": no role conflict.
    assert [c.field for c in varga[0].conflicts] == ["age"]
    # The spun copy makes the nurse a doctor.
    (lena,) = [p for p in find_profiles(store, "Lena Hollis") if p.name == "Lena Hollis"]
    assert [(c.field, [v.value for v in c.values]) for c in lena.conflicts] == [("role", ["nurse", "doctor"])]
    assert [u.split("/")[2] for u in lena.conflicts[0].values[1].articles] == ["worldnewsdigest24.blogspot.example"]
    for given, full in (("Ilse", "Ilse Marten"), ("Dana", "Dana Orlov"), ("Emil", "Emil Drask"), ("Lena", "Lena Hollis")):
        assert find_profiles(store, given)[0].name == full
    assert find_profiles(store, "Ilse Maarten")[0].name == "Ilse Marten"
    assert "Jiri Novak" in find_profiles(store, "Jiří Novák")[0].aliases
    hollis = {p.name for p in find_profiles(store, "Hollis")}
    assert {"Lena Hollis", "Piotr Hollis", "Andrei Hollis"} <= hollis
    andrei = find_profiles(store, "Andrei Hollis")[0].to_dict()
    assert [(t["state"], t["time"] and t["time"]["value"]) for t in andrei["timeline"]][-1] == ("released", "2024-12-01")
    assert andrei["latest"] == andrei["timeline"][-1]


def test_seed_krivoi_is_one_profile(nlp, tmp_path, seed_clean):
    from newstrace.pipeline import analyze_articles

    store = Store(tmp_path / "x.db")
    (analysis,) = analyze_articles([seed_clean], nlp=nlp)
    store.add(analysis)
    resolve_article(store, analysis)
    (krivoi,) = find_profiles(store, "Krivoy")
    data = krivoi.to_dict()
    assert (data["name"], data["aliases"], data["ages"][0]["value"]) == ("Roni Krivoi", ["Krivoi"], 25)
    assert ("released", "2023-11-26") in [(t["state"], t["time"] and t["time"]["value"]) for t in data["timeline"]]


def test_timeline_lists_one_report_once_with_every_source(store):
    """Two articles giving one dated state, and a reprint of an undated one, are one entry each."""
    named = [("Yelena Drozdova", [], {})]
    first, second, reprinted, reprint, other = (
        article("https://courier.example/1", "2025-10-05", named, statuses=[(1, "captive", "2025-10-04", "on Saturday")]),
        article("https://tribune.example/2", "2025-10-06", named, statuses=[(1, "captive", "2025-10-04", "Saturday")]),
        article("https://wire.example/3", "2025-10-27", named, statuses=[(1, "released", None, None)]),
        article("https://mirror.example/3", "2025-10-28", named, statuses=[(1, "released", None, None)]),
        article("https://gazette.example/4", "2025-10-29", named, statuses=[(1, "released", None, None)]),
    )
    add(store, first, second, reprinted, reprint, other)
    with store.engine.begin() as conn:
        conn.execute(links.insert().values(copy_id=reprint.article.id, source_id=reprinted.article.id,
                                           verdict="verbatim", score=1.0))
    (drozdova,) = find_profiles(store, "Drozdova")
    timeline = drozdova.to_dict()["timeline"]
    assert [(t["state"], t["time"]["value"] if t["time"] else None, t["articles"]) for t in timeline] == [
        ("captive", "2025-10-04", ["https://courier.example/1", "https://tribune.example/2"]),
        ("released", None, ["https://wire.example/3", "https://mirror.example/3"]),
        ("released", None, ["https://gazette.example/4"]),
    ]
    assert timeline[0]["evidence"] == {"article": first.article.id, "sentence": 0, "start": 2, "end": 3}
    assert timeline[0]["time"]["text"] == "on Saturday"  # the first report's evidence is kept
    assert len(drozdova.timeline) == 5


def test_roles_that_disagree_between_articles_are_a_conflict_and_refinements_are_not(store):
    # A co-mentioned captive makes them one story, where a contradiction is a conflict, not a namesake.
    named = lambda url, role: article(url, "2025-10-05", [("Lena Hollis", [], {"role": role}), ("Piotr Hollis", [], {})])  # noqa: E731
    first, _, _, _ = add(
        store,
        named("https://courier.example/1", "drilling engineer"),
        named("https://tribune.example/2", "Estavian drilling engineer"),
        named("https://wire.example/3", "engineer at Norvik Drilling"),
        named("https://spin.example/4", "pastry chef"),
    )
    (conflict,) = profile(store, first["p1"]).to_dict()["conflicts"]
    assert conflict == {
        "field": "role",
        "values": [
            {"value": "drilling engineer", "articles": ["https://courier.example/1"]},
            {"value": "Estavian drilling engineer", "articles": ["https://tribune.example/2"]},
            {"value": "engineer at Norvik Drilling", "articles": ["https://wire.example/3"]},
            {"value": "pastry chef", "articles": ["https://spin.example/4"]},
        ],
    }


def test_two_roles_one_article_gives_together_do_not_conflict(store):
    both = article("https://courier.example/1", "2025-10-05", [("Lena Hollis", [], {})])
    both = replace(both, entities=(replace(both.entities[0], attributes=(
        Attribute("role", "lawyer", _ev(both.article.id)), Attribute("role", "activist", _ev(both.article.id)))),
        *both.entities[1:]))
    first, _, _ = add(
        store,
        both,
        article("https://tribune.example/2", "2025-10-06", [("Lena Hollis", [], {"role": "activist"})]),
        article("https://wire.example/3", "2025-10-07", [("Lena Hollis", [], {"role": "lawyer"})]),
    )
    data = profile(store, first["p1"]).to_dict()
    assert (data["roles"], data["conflicts"]) == (["lawyer", "activist"], [])


def test_a_bare_given_name_or_surname_finds_every_such_profile_most_covered_first(store):
    add(
        store,
        article("https://a.example/1", "2025-10-05", [("Ilse Marten", [], {}), ("Ilse Brandt", [], {})]),
        article("https://a.example/2", "2025-10-06", [("Ilse Brandt", [], {})]),
        article("https://a.example/3", "2025-10-07", [("Helena Marten", [], {})], places=("Orsk",)),
    )
    assert [p.name for p in find_profiles(store, "Ilse")] == ["Ilse Brandt", "Ilse Marten"]
    # An exact surname first, then by articles; Marten is no Martens' given name.
    assert [p.name for p in find_profiles(store, "Marten")] == ["Helena Marten", "Ilse Marten"]
    # A short form finds the full given name (Lena, Helena).
    assert [p.name for p in find_profiles(store, "Lena")] == ["Helena Marten"]


def test_articles_and_timeline_compare_publication_instants_not_text(store):
    """A bare date is its midnight UTC; "2025-10-05T01:00:00+02:00" is the 4th at 23:00 UTC."""
    named = [("Yelena Drozdova", [], {})]
    first, *_ = add(
        store,
        article("https://late.example/1", "2025-10-05T09:00:00+02:00", named, statuses=[(1, "captive", None, None)]),
        article("https://day.example/2", "2025-10-05", named, statuses=[(1, "released", None, None)]),
        article("https://early.example/3", "2025-10-05T01:00:00+02:00", named, statuses=[(1, "injured", None, None)]),
    )
    data = profile(store, first["p1"]).to_dict()
    assert data["articles"] == ["https://early.example/3", "https://day.example/2", "https://late.example/1"]
    assert [t["state"] for t in data["timeline"]] == ["injured", "released", "captive"]


def test_latest_is_the_last_state_with_its_date_when_one_report_dates_it(store):
    named = [("Yelena Drozdova", [], {})]
    first, _ = add(
        store,
        article("https://a.example/1", "2025-10-05", named, statuses=[(1, "captive", None, None)]),
        article("https://a.example/2", "2025-10-06", named, statuses=[(1, "released", None, None)]),
    )
    assert profile(store, first["p1"]).to_dict()["latest"]["state"] == "released"
    (third,) = add(store, article("https://a.example/3", "2025-10-07", named,
                                  statuses=[(1, "hospitalized", "2025-10-01", "on Oct. 1")]))
    drozdova = profile(store, first["p1"])
    assert [t.state for t in drozdova.timeline] == ["hospitalized", "captive", "released"]
    assert drozdova.latest.state == "released"  # a dated earlier state does not hide later reports
    assert drozdova.to_dict()["latest"]["articles"] == ["https://a.example/2"]
    add(store, article("https://a.example/4", "2025-10-09", named,
                        statuses=[(1, "released", "2025-10-06", "on Oct. 6")]))
    add(store, article("https://a.example/5", "2025-10-10", named, statuses=[(1, "released", None, None)]))
    drozdova = profile(store, first["p1"])
    assert drozdova.timeline[-1].time is None  # the recap of 10-10 comes last
    assert drozdova.latest.time.value == "2025-10-06"  # shown with the date another report gives it
    assert replace(drozdova, timeline=()).to_dict()["latest"] is None


def test_the_display_name_counts_spellings_without_reading_every_member(store):
    first, _, _ = add(
        store,
        article("https://a.example/1", "2025-10-05", [("Elena Drozdova", ["Drozdova"], {})]),
        article("https://a.example/2", "2025-10-06", [("Yelena Drozdova", [], {})]),
        article("https://a.example/3", "2025-10-07", [("Yelena Drozdova", [], {})]),
    )
    with store.engine.connect() as conn:
        counts = sorted(conn.execute(select(profile_names.c.name, profile_names.c.articles)).all())
    assert counts == [("Drozdova", 0), ("Elena Drozdova", 1), ("Yelena Drozdova", 2)]
    assert profile(store, first["p1"]).name == "Yelena Drozdova"


@pytest.mark.parametrize("compared, joins", [(1, False), (2, True)])
def test_a_mention_is_compared_with_a_profiles_most_recent_members_only(store, compared, joins):
    # A mention in another story needs an agreeing age. With one member compared, the profile's
    # latest article, which gives none, speaks for it: the age 41 of the first goes unseen.
    first, second, third = add(
        store,
        article("https://a.example/1", "2025-10-05", [("Marek Hajek", [], {"age": 41})]),
        article("https://a.example/2", "2025-10-06", [("Marek Hajek", [], {})]),
        article("https://a.example/3", "2025-10-07", [("Marek Hajek", [], {"age": 41})], places=("Lindvale",)),
        settings=LinkSettings(max_members_compared=compared),
    )
    assert second["p1"] == first["p1"]
    assert (third["p1"] == first["p1"]) is joins


@pytest.mark.parametrize("compared, joins", [(1, True), (2, False)])
def test_only_the_best_fitting_most_covered_profiles_are_candidates(store, compared, joins):
    # A bare surname that fits two profiles joins neither; when only one profile is compared,
    # it is the one with more articles, and the surname joins it.
    first, second, bare = add(
        store,
        article("https://a.example/1", "2025-10-05", [("Lena Hollis", [], {}), ("Piotr Hollis", [], {})]),
        article("https://a.example/2", "2025-10-06", [("Lena Hollis", [], {})]),
        article("https://a.example/3", "2025-10-07", [("Hollis", [], {})]),
        settings=LinkSettings(max_candidate_profiles=compared),
    )
    assert second["p1"] == first["p1"]
    assert (bare["p1"] == first["p1"]) is joins


def test_a_mention_ranks_a_bounded_number_of_profiles_in_all_its_keys(store):
    # Eight Hajeks fill the surname's keys (two or three per name): with no bound on the total,
    # "Marek Hajek" would rank the spellings of all eight; with three, its own profile (its spelling
    # as written) and the two last active Hajeks, in the order resolution ranks them.
    given = ["Marek", "Tomas", "Ivana", "Pavel", "Jana", "Milos", "Karel", "Zdena"]
    assigned = add(
        store,
        *(article(f"https://a.example/{n}", f"2025-10-0{n + 1}", [(f"{name} Hajek", [], {})]) for n, name in enumerate(given)),
    )
    ids = [found["p1"] for found in assigned]
    keys = names.blocking_keys("Marek Hajek", lookup=True)
    assert len(keys) > 1
    with store.profile_session() as session:
        unbounded = session.candidate_profiles(keys, ["Marek Hajek"], most=30, most_written=200)
        bounded = session.candidate_profiles(keys, ["Marek Hajek"], most=30, most_written=200, most_total=3)
    assert sorted(unbounded) == sorted(ids)
    assert bounded == [ids[0], ids[-1], ids[-2]]


def test_a_spelling_as_written_ranks_its_profiles_with_most_articles_first(store):
    # Three namesakes kept apart by their ages; the one named in two articles comes first.
    first, second, again, third = add(
        store,
        article("https://a.example/1", "2025-10-05", [("Marek Hajek", [], {"age": 30})]),
        article("https://a.example/2", "2025-10-06", [("Marek Hajek", [], {"age": 60})]),
        article("https://a.example/3", "2025-10-07", [("Marek Hajek", [], {"age": 60})]),
        article("https://a.example/4", "2025-10-08", [("Marek Hajek", [], {"age": 85})]),
    )
    assert len({first["p1"], second["p1"], third["p1"]}) == 3 and again["p1"] == second["p1"]
    with store.profile_session() as session:
        found = session.candidate_profiles(set(), ["Marek Hajek"], most=30, most_written=200, most_total=2)
    assert found == [second["p1"], third["p1"]]


def query_plans(store: Store, wanted) -> list[str]:
    """The SQLite query plan steps of the statements ``wanted(statement)`` picks, as the store runs them."""
    plans: list[str] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def explain(conn, cursor, statement, parameters, context, executemany):
        if wanted(statement) and not executemany:
            plans.extend(row[-1] for row in cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters))

    return plans


@pytest.mark.parametrize("ranked, joins", [(1, False), (2, True)])
def test_a_profile_is_ranked_by_its_most_used_spellings_only(store, ranked, joins):
    # Marek Hajek's profile holds his name, used twice, and an alias given once. With one spelling
    # ranked per profile, a mention of the alias meets only "Marek Hajek", which it does not fit,
    # and starts a profile of its own: a profile's rare old spellings stop costing each new mention.
    named = [("Marek Hajek", ["Mirek Dvorak"]), ("Marek Hajek", []), ("Mirek Dvorak", [])]
    assigned = add(
        store,
        *(article(f"https://a.example/{n}", f"2025-10-0{n}", [(name, aliases, {})]) for n, (name, aliases) in enumerate(named, 1)),
        settings=LinkSettings(max_spellings_ranked=ranked),
    )
    profiles_started = [found["p1"] for found in assigned]
    assert profiles_started[1] == profiles_started[0]
    assert len(set(profiles_started)) == (1 if joins else 2)


def test_ranked_spellings_count_every_spelling_of_a_profile(store):
    with store.profile_session() as session:
        session.new_profile("p-hajek", "Marek Hajek")
        session.count_spellings("p-hajek", [("Marek Hajek", 3), ("Hajek", 1)], "2025-01-01")
        session.count_spellings("p-hajek", [("M. Hajek", 1)], "2025-01-02")
        found = session.ranked_spellings(["p-hajek", "p-none"], most=2)
    assert found == {"p-hajek": RankedSpellings(("Marek Hajek", "M. Hajek"), 5, "2025-01-02")}


def test_a_spelling_held_by_more_profiles_than_the_bound_is_read_for_those_using_it_most(store):
    # Three profiles spell "Hajek": the first to take it up uses it three times, the others once.
    # Read at most two by that spelling, they are the one using it most and the latest to take it up
    # (then ordered as resolution ranks them: most articles, then latest spelling first), not the two
    # latest: a spelling of thousands of namesakes is read for as few.
    with store.profile_session() as session:
        for profile_id, count, seen in (("p-most", 3, "2025-01-01"), ("p-older", 1, "2025-01-02"), ("p-latest", 1, "2025-01-03")):
            session.new_profile(profile_id, "Hajek")
            session.count_spellings(profile_id, [("Hajek", count)], seen)
        found = session.candidate_profiles(set(), ["Hajek"], most=30, most_written=2)
    assert found == ["p-latest", "p-most"]


def test_a_spellings_profiles_are_read_in_index_order_never_sorted(tmp_path):
    # Sorting every profile of a spelling to keep the first max_exact_spelling_profiles made a bare
    # surname cost more with each namesake (a new one each time it fits two profiles).
    store = Store(tmp_path / "plans.db")
    plans = query_plans(store, lambda statement: "profile_names" in statement and "LIMIT" in statement)
    add(
        store,
        article("https://a.example/1", "2025-10-05", [("Marek Hajek", ["Hajek"], {}), ("Tomas Hajek", [], {})]),
        article("https://a.example/2", "2025-10-06", [("Hajek", [], {})]),
    )
    assert any("ix_profile_names_spelling" in step for step in plans)
    assert [step for step in plans if "TEMP B-TREE" in step] == []


def test_resolution_reads_the_profile_tables_by_index_never_by_a_scan(tmp_path):
    # A profile gaining a member reads and touches its own keys: scanning every profile's keys made
    # each member cost more as the corpus grew.
    store = Store(tmp_path / "plans.db")
    plans = query_plans(store, lambda statement: any(t in statement for t in ("profile_keys", "profile_names", "member_claims")))
    add(
        store,
        article("https://a.example/1", "2025-10-05", [("Marek Hajek", ["Hajek"], {}), ("Tomas Hajek", [], {})]),
        article("https://a.example/2", "2025-10-06", [("Marek Hajek", [], {})]),
    )
    assert any("ix_profile_keys_profile" in step for step in plans)
    scans = [step for step in plans if re.match(r"SCAN (profile_keys|profile_names|member_claims)\b", step)]
    assert scans == []


@pytest.mark.parametrize(
    "role,head",
    [
        ("Estavian drilling engineer", "engineer"),
        ("head of the brigade", "head"),
        ("nurse, mother of two", "nurse"),
        ("spokeswoman, who spoke on Monday", "spokeswoman"),
        ("the Brigade's commanders", "commander"),
        ("the", None),
    ],
)
def test_role_head_is_the_last_word_before_a_qualifier(role, head):
    assert role_head(role) == head


def test_role_synonyms_are_one_role_for_matching_and_no_conflict(store):
    # Outside a shared story a shared role corroborates the name: "trucker" is "truck driver".
    assert same_person(
        PersonClaim("Jonas Berg", roles=("long-haul truck driver",), story="border-blockade"),
        PersonClaim("Jonas Berg", roles=("trucker",), story="border-blockade-ends"),
    )
    assert not same_person(
        PersonClaim("Jonas Berg", roles=("truck driver",), story="border-blockade"),
        PersonClaim("Jonas Berg", roles=("pastry chef",), story="bakery-opening"),
    )
    named = lambda url, role: article(url, "2025-10-05", [("Lena Hollis", [], {"role": role}), ("Piotr Hollis", [], {})])  # noqa: E731
    first, _, _ = add(
        store,
        named("https://courier.example/1", "truck driver"),
        named("https://tribune.example/2", "trucker"),
        named("https://wire.example/3", "lorry driver"),
    )
    assert profile(store, first["p1"]).to_dict()["conflicts"] == []


def test_a_full_name_does_not_join_another_full_name_through_a_bare_surname(store):
    # Ravi Mehta's profile holds a bare "Mehta" (same story: the co-mentioned places); Sunita
    # Mehta fits that surname but not Ravi, so she gets her own profile.
    first, second, third = add(
        store,
        article("https://courier.example/1", "2025-10-05", [("Ravi Mehta", [], {})]),
        article("https://tribune.example/2", "2025-10-06", [("Mehta", [], {})]),
        article("https://wire.example/3", "2025-10-07", [("Sunita Mehta", [], {})]),
    )
    assert second["p1"] == first["p1"]
    assert third["p1"] != first["p1"]


@pytest.mark.parametrize(
    "bound, variant_joins",
    [
        ({"max_profiles_per_key": 1}, False),
        ({"max_profiles_per_key": 2}, True),
        ({"max_profiles_ranked": 1}, False),
        ({"max_profiles_ranked": 2}, True),
    ],
)
def test_a_key_yields_its_latest_active_profiles_only(store, bound, variant_joins):
    # Tomas Hajek's profile gained a member after Marek Hajek's: with one profile read per key, or
    # one ranked in all, a variant spelling of Marek's name (no profile holds it as written) meets
    # only Tomas's and starts a profile of its own.
    marek, tomas, variant = add(
        store,
        article("https://a.example/1", "2025-10-05", [("Marek Hajek", [], {})]),
        article("https://a.example/2", "2025-10-06", [("Tomas Hajek", [], {})]),
        article("https://a.example/3", "2025-10-07", [("Marek Hajeck", [], {})]),
        settings=LinkSettings(**bound),
    )
    assert tomas["p1"] != marek["p1"]
    assert (variant["p1"] == marek["p1"]) is variant_joins


def test_a_name_as_written_finds_its_profile_past_the_keys_bound(store):
    marek, tomas, again = add(
        store,
        article("https://a.example/1", "2025-10-05", [("Marek Hajek", [], {})]),
        article("https://a.example/2", "2025-10-06", [("Tomas Hajek", [], {})]),
        article("https://a.example/3", "2025-10-07", [("Marek Hajek", [], {})]),
        settings=LinkSettings(max_profiles_per_key=1),
    )
    assert tomas["p1"] != marek["p1"]
    assert again["p1"] == marek["p1"]


def test_a_mention_scores_a_bounded_number_of_profiles_however_full_its_keys(store):
    # Six Hajeks, each named in an article of their own, fill the surname's keys. With two profiles
    # read per key, "Marek Hajek" meets the two last active Hajeks and, by its spelling as written,
    # its own profile, the least recently active: never all six.
    given = ["Marek", "Tomas", "Ivana", "Pavel", "Jana", "Milos"]
    first, *others = add(
        store,
        *(article(f"https://a.example/{n}", f"2025-10-0{n + 1}", [(f"{name} Hajek", [], {})]) for n, name in enumerate(given)),
    )
    keys = names.blocking_keys("Marek Hajek", lookup=True)
    with store.profile_session() as session:
        found = session.candidate_profiles(keys, ["Marek Hajek"], most=2, most_written=5)
        spelled_only = session.candidate_profiles(set(), ["Marek Hajek"], most=2, most_written=5)
    assert set(found) == {first["p1"], others[-1]["p1"], others[-2]["p1"]}
    assert spelled_only == [first["p1"]]
    again = add(
        store,
        article("https://a.example/again", "2025-10-09", [("Marek Hajek", [], {})]),
        settings=LinkSettings(max_profiles_per_key=2),
    )
    assert again[0]["p1"] == first["p1"]
