"""People, organizations and places: the seed, our own articles, and fast rule tests without the model."""

import re
from pathlib import Path

import pytest

from newstrace.extract.entities import extract_entities
from helpers import make_article, make_doc
from newstrace.model import Article, Entity, Evidence, article_id

FIXTURES = Path(__file__).parent / "fixtures" / "people"
SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "000_b11f0812c5b1d870.txt"


def run_blank(text, ents):
    article = make_article(text)
    return article, extract_entities(make_doc(text, ents), article)


def kind(entities, wanted):
    return [e for e in entities if e.kind == wanted]


def people(entities):
    """name -> (age, roles, nationalities, relations as (type, other person's name))."""
    names = {e.id: e.name for e in entities}
    return {
        e.name: (
            e.age,
            e.values("role"),
            e.values("nationality"),
            [(a.value, names[a.of]) for a in e.attributes if a.field == "relation"],
        )
        for e in kind(entities, "person")
    }


def quoted(article: Article, evidence: Evidence) -> str:
    return article.text[evidence.start : evidence.end]


# --- model-backed: the seed -------------------------------------------------------


def seed_article() -> Article:
    raw = SEED.read_bytes()
    try:
        from newstrace.ingest import to_article
        from newstrace.model import Document
    except ImportError:
        return _seed_fallback(raw.decode("utf-8"))
    return to_article(Document(source=str(SEED), kind="text", content=raw))


def _seed_fallback(raw: str) -> Article:
    """Until ingest lands: drop the page furniture by hand."""
    headline = "Putin's new Middle East strategy is highlighted by Hamas' release of Russian captives"
    furniture = (headline, "Top Stories", "No comments:")
    lines = [line for line in raw.splitlines() if line.strip() not in furniture]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines).strip()).replace("Latvia's RIGA ", "", 1)
    url = SEED.as_uri()
    return Article(id=article_id(url, text), url=url, text=text, title=headline)


@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip("shared seed data not available")
    article = seed_article()
    doc = nlp(article.text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return article, extract_entities(doc, article), sentences


SEED_PEOPLE = {
    "Moussa Abu Marzouq": (None, ["senior Hamas member"], [], []),
    "Roni Krivoi": (25, ["sound engineer"], [], []),
    "Elena Trufanova": (53, [], [], []),
    "Irina Tati": (73, ["southern Russian doctor"], ["Russian"], [("mother", "Elena Trufanova")]),
    "Maria Zakharova": (None, ["Russian Foreign Ministry spokeswoman"], [], []),
    "Vladimir Putin": (None, ["President"], [], []),
    "Ruslan Suleimanov": (None, ["independent Russian researcher"], ["Russian"], []),
    "Vitaly Trufanov": (None, [], [], [("husband", "Elena Trufanova")]),
    "Alexander": (None, [], [], [("son", "Elena Trufanova")]),
    "Bassem Naim": (None, ["Hamas spokesperson"], [], []),
    "Benjamin Netanyahu": (None, ["Prime Minister"], ["Israeli"], []),
    "Abbas Galyamov": (None, ["longtime speechwriter", "political advisor"], [], []),
    "Bashar al-Assad": (None, [], [], []),
    "Donald Trump": (None, [], [], []),
}


def test_seed_people_exactly(seed):
    _, entities, _ = seed
    assert people(entities) == SEED_PEOPLE


def test_seed_aliases_and_mentions(seed):
    _, entities, _ = seed
    by_name = {e.name: e for e in kind(entities, "person")}
    assert by_name["Vladimir Putin"].aliases == ("Putin",)
    assert len(by_name["Vladimir Putin"].mentions) == 11
    assert by_name["Roni Krivoi"].aliases == ("Krivoi",)
    assert len(by_name["Roni Krivoi"].mentions) == 4  # three "Krivoi" the model called ORG
    assert len(by_name["Elena Trufanova"].mentions) == 3  # incl. "Trufanova's"
    assert len(by_name["Ruslan Suleimanov"].mentions) == 3  # incl. "Suleimanov" the model called GPE


def test_seed_organizations_and_places(seed):
    _, entities, _ = seed
    organizations = {e.name for e in kind(entities, "organization")}
    places = {e.name for e in kind(entities, "place")}
    assert {"Hamas", "Kremlin", "RIA Novosti", "Russian Foreign Ministry", "UN Security Council",
            "Republican Party"} <= organizations
    assert {"Gaza", "Israel", "Russia", "Moscow", "Tel Aviv", "Kibbutz Nir Oz", "Ukraine", "Qatar", "Egypt",
            "United States", "Middle East"} <= places
    assert not {"Middle Eastern", "the Middle East", "US", "Kibbutz Nir"} & (organizations | places)
    united_states = next(e for e in entities if e.name == "United States")
    assert set(united_states.aliases) == {"US"} and len(united_states.mentions) == 6


def test_seed_attribute_evidence(seed):
    article, entities, _ = seed
    said = {(e.name, a.field, a.value): quoted(article, a.evidence) for e in entities for a in e.attributes}
    assert said["Roni Krivoi", "age", 25] == "25-year-old Roni Krivoi"
    assert said["Elena Trufanova", "age", 53] == "Elena Trufanova, 53"
    assert said["Irina Tati", "age", 73] == "Irina Tati, 73"
    assert said["Irina Tati", "relation", "mother"] == "her mother, Irina Tati"
    assert said["Vitaly Trufanov", "relation", "husband"] == "her husband, Vitaly Trufanov"
    assert said["Bassem Naim", "role", "Hamas spokesperson"] == "Hamas spokesperson Bassem Naim"


def test_seed_evidence_points_into_its_sentence(seed):
    article, entities, sentences = seed
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
    for entity in entities:
        names = {entity.name, *entity.aliases}
        for mention in entity.mentions:
            assert quoted(article, mention) in names
        for evidence in entity.mentions + tuple(a.evidence for a in entity.attributes):
            start, end = sentences[evidence.sentence]
            assert start <= evidence.start < evidence.end <= end
            assert evidence.article == article.id


# --- model-backed: our own articles --------------------------------------------------

FIXTURE_PEOPLE = {
    "flood_rescue.txt": {
        "Tomas Brevik": (34, ["ferry mechanic"], [], []),
        "Ingrid": (9, [], [], [("daughter", "Tomas Brevik")]),
        "Anna Lindqvist": (None, ["Regional Governor"], [], []),
        "Sofie Brevik": (None, [], [], [("wife", "Tomas Brevik")]),
    },
    "bakery_trial.txt": {
        "Marta Okafor": (41, [], [], []),
        "Daniel Okafor": (38, [], [], [("brother", "Marta Okafor")]),
        "Helen Castellano": (None, ["Judge"], [], []),
        "Peter Vance": (None, ["company spokesman"], [], []),
    },
    "mountain_search.txt": {
        "Yael Mizrahi": (29, ["geologist"], [], []),
        "Avi Mizrahi": (None, [], [], [("husband", "Yael Mizrahi")]),
        "Daniel Ronen": (None, ["senior police officer"], [], []),
        "Shlomo Peretz": (63, [], [], [("father", "Yael Mizrahi")]),
    },
    "trade_talks.txt": {
        "Olivia Sandberg": (57, ["Prime Minister"], [], []),
        "Kaarel Tamm": (None, ["Foreign Minister", "former economist"], ["Estonian"], []),
        "Markus Vahter": (None, ["chief executive"], [], []),
        "Liisa": (None, [], [], [("daughter", "Kaarel Tamm")]),
    },
}


def analyse_fixture(nlp, name):
    article = make_article((FIXTURES / name).read_text(encoding="utf-8").strip())
    return article, extract_entities(nlp(article.text), article)


@pytest.mark.parametrize("name", sorted(FIXTURE_PEOPLE))
def test_fixture_people_exactly(nlp, name):
    _, entities = analyse_fixture(nlp, name)
    assert people(entities) == FIXTURE_PEOPLE[name]


def test_fixture_places_with_person_looking_words(nlp):
    _, entities = analyse_fixture(nlp, "mountain_search.txt")
    places = {e.name: len(e.mentions) for e in kind(entities, "place")}
    assert places["Kibbutz Ein Harod"] == 2 and "Mount Hallam" in places
    _, entities = analyse_fixture(nlp, "flood_rescue.txt")
    assert {e.name: len(e.mentions) for e in kind(entities, "place")}["Lake Ostmar"] == 2


def test_fixture_shared_surname_is_not_guessed(nlp):
    # "Okafor told reporters" comes after both Marta and Daniel Okafor: it joins neither.
    _, entities = analyse_fixture(nlp, "bakery_trial.txt")
    okafors = [e for e in kind(entities, "person") if e.name.endswith("Okafor")]
    assert [len(e.mentions) for e in okafors] == [1, 1]
    assert "Crumbwell" in {e.name for e in kind(entities, "organization")}  # "the bakery chain Crumbwell"


def test_fixture_surname_joins_the_person_introduced_before(nlp):
    # "Brevik, a ferry mechanic" comes before Sofie Brevik is named: it is Tomas.
    _, entities = analyse_fixture(nlp, "flood_rescue.txt")
    tomas = next(e for e in entities if e.name == "Tomas Brevik")
    assert len(tomas.mentions) == 3


def test_a_name_qualifying_a_noun_or_after_a_place_noun_is_no_person(nlp):
    text = (
        "Jiri Novak, the Molvane security analyst, said the timing pointed to pressure. "
        "Dana Orlov told reporters in the capital, Molvane. The Brigade is showing Molvane that it decides."
    )
    article = make_article(text)
    entities = extract_entities(nlp(text), article)
    assert {"Jiri Novak", "Dana Orlov"} <= set(people(entities))
    assert "Molvane" not in people(entities)


# --- fast: blank pipeline with hand-set entities ---------------------------------------


def test_one_label_per_name_surname_follows_full_name():
    text = "Roni Krivoi, 25, was freed. Krivoi was tired. Later Krivoi slept."
    _, entities = run_blank(text, [("Roni Krivoi", "PERSON"), ("Krivoi", "ORG"), ("Krivoi", "ORG")])
    assert [e.kind for e in entities] == ["person"]
    assert entities[0].name == "Roni Krivoi" and entities[0].age == 25 and len(entities[0].mentions) == 3


def test_mislabelled_full_name_becomes_person_by_evidence():
    text = "Elena Trufanova, 53, and her mother, Irina Tati, 73, were freed."
    _, entities = run_blank(text, [("Elena Trufanova", "PERSON"), ("Irina Tati", "ORG")])
    assert people(entities) == {
        "Elena Trufanova": (53, [], [], []),
        "Irina Tati": (73, [], [], [("mother", "Elena Trufanova")]),
    }


def test_majority_vote_without_person_evidence():
    text = "Crumb opened. Crumb grew. Crumb hired. Crumb sold."
    ents = [("Crumb", "ORG"), ("Crumb", "ORG"), ("Crumb", "PERSON"), ("Crumb", "ORG")]
    _, entities = run_blank(text, ents)
    assert [(e.kind, len(e.mentions)) for e in entities] == [("organization", 4)]


def test_titles_and_possessives_are_stripped_and_aliases_merged():
    text = "President Vladimir Putin spoke. Putin's aides left. Later Vladimir Putin returned."
    ents = [("President Vladimir Putin", "PERSON"), ("Putin", "PERSON"), ("Vladimir Putin", "PERSON")]
    _, entities = run_blank(text, ents)
    (putin,) = entities
    assert (putin.name, putin.aliases, putin.values("role")) == ("Vladimir Putin", ("Putin",), ["President"])
    assert len(putin.mentions) == 3


def test_bare_titles_and_lowercase_are_not_people():
    text = "The Ayatollah probably said no. The President agreed. Then mum came."
    _, entities = run_blank(text, [("Ayatollah", "PERSON"), ("President", "PERSON"), ("mum", "PERSON")])
    assert entities == ()


def test_place_word_fixes_kind_and_span():
    text = "They were taken from Trufanova's Kibbutz Nir Oz residence."
    _, entities = run_blank(text, [("Trufanova", "ORG"), ("Kibbutz Nir", "PERSON")])
    assert [(e.kind, e.name) for e in entities] == [
        ("organization", "Trufanova"),
        ("place", "Kibbutz Nir Oz"),
    ]


def test_shared_surname_attaches_to_neither():
    text = "John Smith and Mary Smith arrived. Smith said it was cold."
    _, entities = run_blank(text, [("John Smith", "PERSON"), ("Mary Smith", "PERSON"), ("Smith", "PERSON")])
    assert [(e.name, len(e.mentions)) for e in entities] == [("John Smith", 1), ("Mary Smith", 1)]


def test_surname_attaches_to_person_introduced_before_it():
    text = "Tomas Brevik left. Brevik was tired. Sofie Brevik stayed."
    ents = [("Tomas Brevik", "PERSON"), ("Brevik", "ORG"), ("Sofie Brevik", "PERSON")]
    _, entities = run_blank(text, ents)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Tomas Brevik", 2), ("Sofie Brevik", 1)]


def test_unlabelled_surname_of_a_known_person_is_a_mention():
    text = "Marta Okafor opened a shop. Okafor said business was good."
    article, entities = run_blank(text, [("Marta Okafor", "PERSON")])
    (okafor,) = entities
    assert [quoted(article, m) for m in okafor.mentions] == ["Marta Okafor", "Okafor"]


def test_organization_and_place_aliases():
    text = "The United States acted. The US agreed. U.S. troops left the UN Security Council meeting."
    ents = [("The United States", "GPE"), ("US", "GPE"), ("U.S.", "GPE"), ("the UN Security Council", "ORG")]
    _, entities = run_blank(text, ents)
    assert [(e.id, e.name, e.aliases) for e in entities] == [
        ("l1", "United States", ("US", "U.S.")),
        ("o1", "UN Security Council", ()),
    ]


def test_nationality_words_are_not_entities():
    _, entities = run_blank("Russian officials met.", [("Russian", "NORP")])
    assert entities == ()


def test_role_before_name_with_organization_and_nationality():
    text = "Hamas spokesperson Bassem Naim spoke. Israeli Prime Minister Benjamin Netanyahu did not."
    ents = [("Hamas", "ORG"), ("Bassem Naim", "GPE"), ("Israeli", "NORP"), ("Benjamin Netanyahu", "PERSON")]
    article, entities = run_blank(text, ents)
    assert people(entities) == {
        "Bassem Naim": (None, ["Hamas spokesperson"], [], []),
        "Benjamin Netanyahu": (None, ["Prime Minister"], ["Israeli"], []),
    }
    naim = next(e for e in entities if e.name == "Bassem Naim")
    assert quoted(article, naim.attributes[0].evidence) == "Hamas spokesperson Bassem Naim"


def test_role_in_apposition_and_comma_before_name():
    text = "Ruth Adler, a lawyer, spoke. Its chief executive, Tom Hale, said no."
    _, entities = run_blank(text, [("Ruth Adler", "PERSON"), ("Tom Hale", "PERSON")])
    assert people(entities) == {
        "Ruth Adler": (None, ["lawyer"], [], []),
        "Tom Hale": (None, ["chief executive"], [], []),
    }


def test_ages_in_three_forms():
    text = "Ana Roth (31) met 40-year-old Ben Kahn and Eli Dor, aged 12."
    ents = [("Ana Roth", "PERSON"), ("Ben Kahn", "PERSON"), ("Eli Dor", "PERSON")]
    _, entities = run_blank(text, ents)
    assert [e.age for e in entities] == [31, 40, 12]


def test_kinship_names_the_model_missed_and_pronoun_gender():
    text = "Dana Orlov was freed. Her husband, Piet Orlov, died, and her son, Alexander, is held."
    article, entities = run_blank(text, [("Dana Orlov", "PERSON"), ("Piet Orlov", "PERSON")])
    assert people(entities) == {
        "Dana Orlov": (None, [], [], []),
        "Piet Orlov": (None, [], [], [("husband", "Dana Orlov")]),
        "Alexander": (None, [], [], [("son", "Dana Orlov")]),  # not Piet: "her" is not a husband
    }
    alexander = entities[-1]
    assert quoted(article, alexander.attributes[0].evidence) == "her son, Alexander"


def test_kinship_name_after_honorific():
    _, entities = run_blank("Tom Hale came with his wife, Mrs Ada Hale.", [("Tom Hale", "PERSON")])
    assert people(entities) == {
        "Tom Hale": (None, [], [], []),
        "Ada Hale": (None, [], [], [("wife", "Tom Hale")]),
    }


def test_possessor_name_in_kinship():
    text = "Tomas Brevik left. Brevik's wife, Sofie Brevik, stayed."
    ents = [("Tomas Brevik", "PERSON"), ("Brevik", "ORG"), ("Sofie Brevik", "PERSON")]
    _, entities = run_blank(text, ents)
    assert people(entities)["Sofie Brevik"][3] == [("wife", "Tomas Brevik")]


def test_ids_evidence_and_plain_values():
    text = "Ada Lind flew to Oslo.\nShe met Nordbank staff."
    article, entities = run_blank(text, [("Ada Lind", "PERSON"), ("Oslo", "GPE"), ("Nordbank", "ORG")])
    assert [(e.id, e.kind) for e in entities] == [("p1", "person"), ("l1", "place"), ("o1", "organization")]
    assert entities[2].mentions == (Evidence(article.id, 1, 31, 39),)
    for entity in entities:  # nothing refers back into the Doc
        assert isinstance(entity, Entity) and all(isinstance(a, str) for a in entity.aliases)


def test_clipped_given_name_and_middle_initial_are_one_person_with_the_surname():
    text = (
        "Patrick W. Carlineo was charged in April. Pat Carlineo told the FBI he was a patriot. "
        "Carlineo was sentenced on Monday, and Patrick Carlineo apologised."
    )
    ents = [("Patrick W. Carlineo", "PERSON"), ("Pat Carlineo", "PERSON"), ("Carlineo", "PERSON"), ("Patrick Carlineo", "PERSON")]
    _, entities = run_blank(text, ents)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Patrick W. Carlineo", 4)]


def test_brands_and_models_are_no_people():
    text = "Two crashes of the 737 Max grounded it. SpaceX and NotreDame said nothing, and Ralph McDonald left."
    ents = [("Max", "PERSON"), ("SpaceX", "PERSON"), ("NotreDame", "PERSON"), ("Ralph McDonald", "PERSON")]
    _, entities = run_blank(text, ents)
    assert list(people(entities)) == ["Ralph McDonald"]


def test_a_name_before_a_place_noun_is_a_place():
    text = "Esper paid a visit to the Hoa Lo prison, where Jones had been held."
    _, entities = run_blank(text, [("Hoa Lo", "PERSON"), ("Jones", "PERSON")])
    assert [(e.name, e.kind) for e in entities] == [("Hoa Lo", "place"), ("Jones", "person")]


def test_age_after_a_generation_suffix():
    text = "Patrick Carlineo Jr., 55, could face up to 10 years in prison."
    _, entities = run_blank(text, [("Patrick Carlineo", "PERSON")])
    assert [(e.name, e.age) for e in entities] == [("Patrick Carlineo", 55)]


# -- a "person" only the model's label makes one, named by common words ----------------


def test_a_word_the_page_writes_in_lowercase_is_no_person_without_a_cue():
    text = "The new Flinder folds in half. Every flinder ships with a case."
    _, entities = run_blank(text, [("Flinder", "PERSON")])
    assert kind(entities, "person") == []


def test_a_cue_keeps_a_common_word_a_person():
    text = "Flinder, 34, folds paper for a living. Every flinder ships with a case."
    _, entities = run_blank(text, [("Flinder", "PERSON")])
    assert [e.name for e in kind(entities, "person")] == ["Flinder"]
    spoken = "The deal was signed, Flinder said. Every flinder ships with a case."
    _, entities = run_blank(spoken, [("Flinder", "PERSON")])
    assert [e.name for e in kind(entities, "person")] == ["Flinder"]


@pytest.mark.skipif(not __import__("newstrace.link.wordnet", fromlist=["available"]).available(),
                    reason="WordNet's data files (Debian wordnet-base) are not installed")
def test_english_words_that_name_no_one_are_no_person_and_known_names_stay():
    text = "The phone has Gorilla Glass and a Telephoto lens. Carlyle was there. Mirela was there."
    ents = [("Gorilla Glass", "PERSON"), ("Telephoto", "PERSON"), ("Carlyle", "PERSON"), ("Mirela", "PERSON")]
    _, entities = run_blank(text, ents)
    # "Carlyle" is a person's name in WordNet; "Mirela" no English word.
    assert [e.name for e in kind(entities, "person")] == ["Carlyle", "Mirela"]


def test_a_name_after_a_title_that_the_model_missed_is_a_person(nlp):
    text = "Biplab Kumar Deb submitted his resignation to Governor Satyadeo Narain Arya on Saturday."
    article = make_article(text)
    found = {e.name: e.kind for e in extract_entities(nlp(text), article)}
    # The subject of "submitted his resignation" is a person whatever the model labels it.
    assert found["Biplab Kumar Deb"] == "person"
    assert found["Satyadeo Narain Arya"] == "person"


def test_one_word_the_model_alone_calls_a_person_and_no_verb_has_as_subject_is_none(nlp):
    text = "Farmers joined the Mahapanchayat at the stadium. Police watched the crowd at the Mahapanchayat."
    assert kind(extract_entities(nlp(text), make_article(text)), "person") == []
    # The subject of a verb stays a person: "Okafor tweeted".
    text = "Buses were full on Sunday. Later Okafor tweeted that the buses were late."
    assert [e.name for e in kind(extract_entities(nlp(text), make_article(text)), "person")] == ["Okafor"]


def test_a_name_without_its_last_surname_joins_the_full_name():
    text = "Priyanka Gandhi Vadra spoke on Monday. Priyanka Gandhi said the law had failed. Gandhi left."
    ents = [("Priyanka Gandhi Vadra", "PERSON"), ("Priyanka Gandhi", "PERSON"), ("Gandhi", "PERSON")]
    _, entities = run_blank(text, ents)
    (person,) = kind(entities, "person")
    assert (person.name, len(person.mentions)) == ("Priyanka Gandhi Vadra", 3)
    # With a second Gandhi introduced before, the bare surname joins neither.
    text = "Rahul Gandhi spoke first. Priyanka Gandhi Vadra spoke on Monday. Priyanka Gandhi said no. Gandhi left."
    ents = [("Rahul Gandhi", "PERSON"), ("Priyanka Gandhi Vadra", "PERSON"), ("Priyanka Gandhi", "PERSON"), ("Gandhi", "PERSON")]
    _, entities = run_blank(text, ents)
    assert {p.name: len(p.mentions) for p in kind(entities, "person")} == {"Rahul Gandhi": 1, "Priyanka Gandhi Vadra": 2}


def test_a_known_surname_after_a_title_the_model_left_unlabelled_is_the_person():
    text = "Narendra Modi spoke on Monday. The plan was drawn up under PM Modi last year."
    _, entities = run_blank(text, [("Narendra Modi", "PERSON")])
    (person,) = kind(entities, "person")
    assert [text[m.start : m.end] for m in person.mentions] == ["Narendra Modi", "Modi"]


@pytest.mark.skipif(not __import__("newstrace.link.wordnet", fromlist=["available"]).available(),
                    reason="WordNet's data files (Debian wordnet-base) are not installed")
def test_places_colours_and_quoted_terms_are_no_person_without_a_cue():
    text = ("Wichita North won at state. Astronomers on Mauna Kea watched. The Space Black model sold out. "
            "She spoke about 'Dhara Vani' at the rally. Carlyle was there.")
    ents = [("Wichita North", "PERSON"), ("Mauna Kea", "PERSON"), ("Space Black", "PERSON"),
            ("Dhara Vani", "PERSON"), ("Carlyle", "PERSON")]
    _, entities = run_blank(text, ents)
    assert [e.name for e in kind(entities, "person")] == ["Carlyle"]


@pytest.mark.skipif(not __import__("newstrace.link.wordnet", fromlist=["available"]).available(),
                    reason="WordNet's data files (Debian wordnet-base) are not installed")
def test_a_common_word_the_page_writes_after_a_given_name_is_a_surname():
    text = "The Donald Trump Foundation paid. Later the crowd cheered for Trump. Every trump card was played."
    ents = [("Donald Trump Foundation", "ORG"), ("Trump", "PERSON")]
    _, entities = run_blank(text, ents)
    assert [e.name for e in kind(entities, "person")] == ["Trump"]
    alone = "The crowd cheered for Trump. Every trump card was played."
    _, entities = run_blank(alone, [("Trump", "PERSON")])
    assert kind(entities, "person") == []


def test_a_name_the_page_writes_after_in_or_at_is_a_place_without_a_cue():
    text = "Belvaro Heights cheered the team. The final was held in Belvaro Heights on Friday."
    _, entities = run_blank(text, [("Belvaro Heights", "PERSON"), ("Belvaro Heights", "GPE")])
    assert kind(entities, "person") == []
    # A possessive or a longer name after the preposition is no location.
    kept = "Okafor cheered the team. A letter from Okafor's office came, and one from Okafor Sanni."
    _, entities = run_blank(kept, [("Okafor", "PERSON")])
    assert [e.name for e in kind(entities, "person")] == ["Okafor"]


def test_one_word_opening_a_line_before_a_colon_once_is_a_dateline():
    text = "Governor named.\n\nBelvaro: Dana Orlov on Saturday resigned."
    _, entities = run_blank(text, [("Belvaro", "PERSON"), ("Dana Orlov", "PERSON")])
    assert [e.name for e in kind(entities, "person")] == ["Dana Orlov"]
    transcript = "Okafor: We will win.\nHost: Why?\nOkafor: Because we train."
    _, entities = run_blank(transcript, [("Okafor", "PERSON"), ("Okafor", "PERSON")])
    assert [e.name for e in kind(entities, "person")] == ["Okafor"]
