"""People on real web pages: credits, bylines, headline-case lines, outlets, glued names,
nicknames, patronymics, coreference inside one article. Articles written by us; fast tests on
``spacy.blank`` docs with hand-set entities (labels as the small model gives them on such
pages), and a few model-backed ones."""

import pytest

from newstrace.extract.entities import extract_entities
from newstrace.extract.glued import split_point
from newstrace.extract.page_lines import is_headline_case, read
from helpers import make_article, make_doc


def run_blank(text, ents):
    article = make_article(text)
    return article, extract_entities(make_doc(text, ents), article)


def people(entities):
    """name -> (aliases, number of mentions, age, nationalities, relations as (type, name))."""
    names = {e.id: e.name for e in entities}
    return {
        e.name: (
            e.aliases,
            len(e.mentions),
            e.age,
            e.values("nationality"),
            [(a.value, names[a.of]) for a in e.attributes if a.field == "relation"],
        )
        for e in entities
        if e.kind == "person"
    }


def person_names(entities):
    return sorted(e.name for e in entities if e.kind == "person")


def quoted(article, evidence):
    return article.text[evidence.start : evidence.end]


# --- credits, bylines, wire credits ---------------------------------------------------


CREDITS = [
    # a photo credit after a slash
    (
        "Families wait at the crossing. Omar SALEH / AFP\nDana Orlov waited there too.",
        [("Omar SALEH / AFP", "PERSON"), ("Dana Orlov", "PERSON")],
    ),
    # a labelled photo credit
    (
        "Dana Orlov at her home. | Photo Credit: Jan Novak\nDana Orlov said she slept.",
        [("Dana Orlov", "PERSON"), ("Jan Novak", "PERSON"), ("Dana Orlov", "PERSON")],
    ),
    # a byline, up to its colon
    (
        "By Anna Berg and Tom Hale: Dana Orlov was freed on Sunday.",
        [("Anna Berg", "PERSON"), ("Tom Hale", "PERSON"), ("Dana Orlov", "PERSON")],
    ),
    # the wire's staff credits
    (
        "Dana Orlov was freed on Sunday.\n(Reporting by Lena Fischer; Editing by Omar Haddad)",
        [("Dana Orlov", "PERSON"), ("Lena Fischer", "PERSON"), ("Omar Haddad", "PERSON")],
    ),
    # a wire credit on a line of its own
    (
        "Dana Orlov was freed on Sunday.\nLena Fischer and Omar Haddad, Associated Press",
        [("Dana Orlov", "PERSON"), ("Lena Fischer", "PERSON"), ("Omar Haddad", "PERSON")],
    ),
    # a byline run into the text, up to its agency
    (
        "Fire hits the old mill By Lena Fischer, Omar Haddad, Associated Press A fire hit the mill, Dana Orlov said.",
        [("Lena Fischer", "PERSON"), ("Omar Haddad", "PERSON"), ("Dana Orlov", "PERSON")],
    ),
    # "written by" in a sentence is no credit
    ("The column is written by Dana Orlov, a nurse.", [("Dana Orlov", "PERSON")]),
    # boards and hospitals are organizations
    (
        "After talks with Kelby Health Board, the Kelby County Hospital agreed, Dana Orlov said.",
        [("Kelby Health Board", "PERSON"), ("Kelby County Hospital", "PERSON"), ("Dana Orlov", "PERSON")],
    ),
]


@pytest.mark.parametrize(("text", "ents"), CREDITS)
def test_credits_and_bylines_name_no_one(text, ents):
    _, entities = run_blank(text, ents)
    assert person_names(entities) == ["Dana Orlov"]


def test_a_sentence_starting_with_by_is_no_byline():
    (span,) = read("Dana Orlov left.\nBy Friday, Dana Orlov was home.").skipped or [(0, 0)]
    assert span == (0, 0)


# --- headline-case lines --------------------------------------------------------------


def test_headline_case_is_told_from_prose():
    assert is_headline_case("Kremlin Hails Release As Hostage Freed In Gaza")
    assert not is_headline_case("\u2014 Dana Orlov (@DanaOrlov) November 3, 2019")  # a quoted post's author
    assert not is_headline_case("Dana Orlov and Piet Orlov were freed by Hamas.")
    assert not is_headline_case("Dana Orlov, Piet Orlov, Ilya Orlov, Omar Haddad")  # a list of names


def test_headline_fragment_is_no_person_and_a_real_name_there_keeps_only_its_name_words():
    text = (
        "Orlov Thanks Mediators As Hostage Freed\n"
        "The Kremlin said on Sunday that Dana Orlov was freed. Relatives of Orlov waited."
    )
    ents = [("Orlov Thanks Mediators", "PERSON"), ("Hostage Freed", "PERSON"), ("Dana Orlov", "PERSON")]
    article, entities = run_blank(text, ents)
    (dana,) = [e for e in entities if e.kind == "person"]
    assert dana.name == "Dana Orlov"
    assert [quoted(article, m) for m in dana.mentions] == ["Orlov", "Dana Orlov", "Orlov"]


# --- outlets and agencies -------------------------------------------------------------


def test_outlet_is_an_organization_and_never_a_relative():
    text = "Dana Orlov spoke to Sputnik. Her husband, Piet Orlov, stayed at home."
    ents = [("Dana Orlov", "PERSON"), ("Sputnik", "PERSON"), ("Piet Orlov", "PERSON")]
    _, entities = run_blank(text, ents)
    assert people(entities)["Piet Orlov"][4] == [("husband", "Dana Orlov")]
    assert [(e.kind, e.name) for e in entities if e.name == "Sputnik"] == [("organization", "Sputnik")]


def test_agency_inside_a_person_span_makes_it_no_person():
    text = "The company cut 500 jobs, said Tom Hale. (With Reuters Inputs)"
    _, entities = run_blank(text, [("Tom Hale", "PERSON"), ("Reuters Inputs", "PERSON")])
    assert person_names(entities) == ["Tom Hale"]


# --- glued tokens, clipped and padded names -------------------------------------------


def test_glued_names_are_split_without_moving_any_character():
    text = "Irina Tati73 was freed. Vitaly Trupanov50 years old was killed. Bogdanov left; Bogdanovhe said no."
    doc = make_doc(text)
    assert doc.text == text
    words = [t.text for t in doc]
    assert words[:4] == ["Irina", "Tati", "73", "was"]
    assert words[6:10] == ["Vitaly", "Trupanov", "50", "years"]
    assert words[17:20] == ["Bogdanov", "he", "said"]
    assert [t.whitespace_ for t in doc[17:19]] == ["", " "]


def test_glue_split_points():
    standalone = frozenset({"Bogdanov", "Peter", "Notre", "Dame", "Mc"})
    assert split_point("Tati73", standalone) == 4
    assert split_point("Bogdanovhe", standalone) == 8
    assert split_point("Peterson", standalone) is None  # "son" ends surnames
    assert split_point("Dawson", standalone) is None
    assert split_point("NotreDame", standalone) == 5
    assert split_point("McDonald", standalone) is None
    assert split_point("S22", standalone) is None


def test_ages_of_glued_and_bracketed_names():
    text = "Irina Tati73 was freed. Vitaly Trupanov50 years old was killed. Elena Orlova (53 years old) was freed."
    ents = [("Irina Tati", "PERSON"), ("Vitaly Trupanov", "PERSON"), ("Elena Orlova", "PERSON")]
    article, entities = run_blank(text, ents)
    assert {name: facts[2] for name, facts in people(entities).items()} == {
        "Irina Tati": 73,
        "Vitaly Trupanov": 50,
        "Elena Orlova": 53,
    }
    tati = entities[0]
    assert quoted(article, tati.mentions[0]) == "Irina Tati"
    assert quoted(article, tati.attributes[0].evidence) == "Irina Tati73"


def test_age_after_a_comma():
    _, entities = run_blank("Ron Krivoi, 50, was freed.", [("Ron Krivoi", "PERSON")])
    assert people(entities)["Ron Krivoi"][2] == 50


def test_nationality_is_kept_out_of_the_name():
    text = "Russian Ron Krivoi was freed. Krivoi thanked his family."
    _, entities = run_blank(text, [("Russian Ron Krivoi", "PERSON"), ("Krivoi", "PERSON")])
    assert people(entities) == {"Ron Krivoi": (("Krivoi",), 2, None, ["Russian"], [])}


def test_name_stops_at_a_link_a_bracket_or_a_suffix():
    text = "It was a Narendra Modi-led rally.\nModi Ji spoke. Narendra Modi (PTI/file)"
    ents = [("Narendra Modi-led", "PERSON"), ("Modi Ji", "PERSON"), ("Narendra Modi (PTI/", "PERSON")]
    _, entities = run_blank(text, ents)
    assert people(entities) == {"Narendra Modi": (("Modi",), 3, None, [], [])}


def test_acronyms_and_product_codes_are_no_people():
    text = "It has 8 GB of memory and a G2 Tensor chip."
    _, entities = run_blank(text, [("GB", "PERSON"), ("G2 Tensor", "PERSON")])
    assert person_names(entities) == []


def test_patronymic_full_name_stays_whole():
    text = "Yelena Yulianovna Trufanova was freed. Trufanova thanked the mediators."
    _, entities = run_blank(text, [("Yelena Yulianovna", "PERSON"), ("Trufanova", "ORG")])
    assert people(entities) == {"Yelena Yulianovna Trufanova": (("Trufanova",), 2, None, [], [])}


def test_quoted_nickname_is_an_alias_not_a_name_word():
    text = 'Alexander "Sasha" Trupanov, 28, is still held. Sasha was seized at his home.'
    _, entities = run_blank(text, [('Alexander "Sasha"', "PERSON"), ("Sasha", "PERSON")])
    (sasha,) = entities
    assert sasha.name == "Alexander Trupanov" and sasha.age == 28 and len(sasha.mentions) == 2
    assert "Sasha" in sasha.aliases


# --- coreference inside one article ---------------------------------------------------


def test_given_name_and_its_short_form_join_the_full_name():
    text = "Elena Trufanova was freed on Friday. Elena said she was tired. Later Lena slept."
    ents = [("Elena Trufanova", "PERSON"), ("Elena", "ORG"), ("Lena", "PERSON")]
    _, entities = run_blank(text, ents)
    assert people(entities) == {"Elena Trufanova": (("Elena", "Lena"), 3, None, [], [])}


MENTION_COUNTS = [
    # the bare surname of two people stays unresolved
    (
        "Vitaly Trufanov and Alexander Trufanov were taken. Trufanov was later killed.",
        [("Vitaly Trufanov", "PERSON"), ("Alexander Trufanov", "PERSON"), ("Trufanov", "PERSON")],
        {"Vitaly Trufanov": 1, "Alexander Trufanov": 1},
    ),
    # the text decides: only Vitaly was introduced before the bare surname
    (
        "Vitaly Trufanov was killed. Trufanov was 50. His son, Alexander Trufanov, is held.",
        [("Vitaly Trufanov", "PERSON"), ("Trufanov", "PERSON"), ("Alexander Trufanov", "PERSON")],
        {"Vitaly Trufanov": 2, "Alexander Trufanov": 1},
    ),
    # a given name shared by two people stays unresolved
    (
        "Alexander Trufanov and Alexander Petrov were taken. Alexander was later freed.",
        [("Alexander Trufanov", "PERSON"), ("Alexander Petrov", "PERSON"), ("Alexander", "PERSON")],
        {"Alexander Trufanov": 1, "Alexander Petrov": 1},
    ),
]


@pytest.mark.parametrize(("text", "ents", "counts"), MENTION_COUNTS)
def test_short_forms_join_only_the_one_person_the_text_allows(text, ents, counts):
    _, entities = run_blank(text, ents)
    assert {name: facts[1] for name, facts in people(entities).items()} == counts


def test_her_goes_to_the_person_a_relative_was_introduced_with():
    text = "Elena Orlova and her mother, Irina Tati, were freed. Her husband, Vitaly Orlov, was killed."
    ents = [("Elena Orlova", "PERSON"), ("Irina Tati", "PERSON"), ("Vitaly Orlov", "PERSON")]
    _, entities = run_blank(text, ents)
    assert {name: facts[4] for name, facts in people(entities).items()} == {
        "Elena Orlova": [],
        "Irina Tati": [("mother", "Elena Orlova")],
        "Vitaly Orlov": [("husband", "Elena Orlova")],
    }


# --- model-backed: one page as scraped ------------------------------------------------

PAGE = """Kremlin Hails Release As Russian Hostage Freed In Gaza

By Anna Berg and Tom Hale: Russian Ron Krivoi, 25, was freed on Sunday, the ministry told Sputnik.

Families wait at the crossing. Omar SALEH / AFP

Yelena Yulianovna Trufanova (53 years old) and her mother Irina Tati73 were freed later. \
Alexander "Sasha" Trupanov, 28, is still held. Sasha was seized at his home."""


def test_scraped_page_end_to_end(nlp):
    article = make_article(PAGE)
    entities = extract_entities(nlp(PAGE), article)
    found = people(entities)
    assert set(found) == {"Ron Krivoi", "Yelena Yulianovna Trufanova", "Irina Tati", "Alexander Trupanov"}
    assert found["Ron Krivoi"][2:4] == (25, ["Russian"])
    assert found["Yelena Yulianovna Trufanova"][2] == 53
    assert found["Irina Tati"][2] == 73
    assert found["Irina Tati"][4] == [("mother", "Yelena Yulianovna Trufanova")]
    assert found["Alexander Trupanov"][1:3] == (2, 28)
    for entity in entities:
        for mention in entity.mentions:
            assert quoted(article, mention) in (entity.name, *entity.aliases)


# --- products, places and institutions the model calls people -------------------------


def test_name_before_a_model_number_is_a_product():
    text = "The Pixel 7 beats the Galaxy S22. Dana Orlov, 40, bought one."
    ents = [("Pixel", "PERSON"), ("Galaxy", "PERSON"), ("Dana Orlov", "PERSON")]
    _, entities = run_blank(text, ents)
    assert person_names(entities) == ["Dana Orlov"]


def test_places_listed_with_a_known_place_and_known_places_are_no_people():
    text = "States such as Punjab, Mizoram and Sri Lanka's neighbour Tamil Nadu objected, said Dana Orlov."
    ents = [("Punjab", "GPE"), ("Mizoram", "PERSON"), ("Sri Lanka", "PERSON"), ("Tamil Nadu", "PERSON"),
            ("Dana Orlov", "PERSON")]
    _, entities = run_blank(text, ents)
    assert person_names(entities) == ["Dana Orlov"]
    assert {e.name for e in entities if e.kind == "place"} == {"Punjab", "Mizoram", "Sri Lanka", "Tamil Nadu"}


def test_a_person_listed_with_a_mislabelled_person_stays_a_person():
    text = "Police detained Dana Orlov, Piet Orlov and Ilya Petrov."
    ents = [("Dana Orlov", "PERSON"), ("Piet Orlov", "GPE"), ("Ilya Petrov", "PERSON")]
    _, entities = run_blank(text, ents)
    assert {"Dana Orlov", "Ilya Petrov"} <= set(person_names(entities))


def test_institutions_diseases_and_styled_banners_are_no_people():
    text = "The Lok Sabha met during Covid. 𝘕𝘦𝘸𝘴 𝘕𝘢𝘵𝘪𝘰𝘯 reported it. Amid Vedic chants, Dana Orlov spoke."
    ents = [("Lok Sabha", "PERSON"), ("Covid", "PERSON"), ("𝘕𝘦𝘸𝘴 𝘕𝘢𝘵𝘪𝘰𝘯", "PERSON"), ("Amid Vedic", "PERSON"),
            ("Dana Orlov", "PERSON")]
    _, entities = run_blank(text, ents)
    names = person_names(entities)
    assert "Dana Orlov" in names and not {"Lok Sabha", "Covid", "𝘕𝘦𝘸𝘴 𝘕𝘢𝘵𝘪𝘰𝘯", "Amid Vedic"} & set(names)
    assert [e.name for e in entities if e.kind == "organization"] == ["Lok Sabha"]



def test_given_name_and_the_surname_the_model_left_out():
    text = (
        "Israeli-Russian Roni Krivoi, 25, was freed. Among them was Vitaly Trufanov, 50. They met at Victoria "
        "Station. I promised Vitaly I would come."
    )
    ents = [("Israeli-Russian", "NORP"), ("Vitaly", "PERSON"), ("Victoria Station", "FAC")]
    _, entities = run_blank(text, ents)
    assert {name: facts[2] for name, facts in people(entities).items()} == {"Roni Krivoi": 25, "Vitaly Trufanov": 50}



def test_an_age_before_the_next_name_is_that_names():
    text = "After hitting Omar Haddad, the 58-year-old Orlov drove away. Dana Petrova, a 40-year-old nurse, watched."
    ents = [("Omar Haddad", "PERSON"), ("Orlov", "PERSON"), ("Dana Petrova", "PERSON")]
    _, entities = run_blank(text, ents)
    ages = {name: facts[2] for name, facts in people(entities).items()}
    assert ages == {"Omar Haddad": None, "Orlov": 58, "Dana Petrova": 40}


def test_hyphenated_given_names_stay_whole_and_roster_numbers_are_no_model_numbers():
    text = "Tsai Ing-wen met Kim Jong-un. Scorers: Megan Cook 4, Jessica Newton 2."
    ents = [("Tsai Ing-wen", "PERSON"), ("Kim Jong-un", "PERSON"), ("Megan Cook", "PERSON"), ("Jessica Newton", "PERSON")]
    _, entities = run_blank(text, ents)
    assert person_names(entities) == ["Jessica Newton", "Kim Jong-un", "Megan Cook", "Tsai Ing-wen"]


def test_an_appositive_country_or_a_place_before_a_comma_makes_no_place_of_a_person():
    text = "He met Liu He, China's top negotiator. In Moscow, Putin said no. Michael Bloomberg said no."
    ents = [("Liu He", "PERSON"), ("China", "GPE"), ("Moscow", "GPE"), ("Putin", "PERSON"), ("Michael Bloomberg", "PERSON")]
    _, entities = run_blank(text, ents)
    assert person_names(entities) == ["Liu He", "Michael Bloomberg", "Putin"]



def test_a_given_name_of_the_same_family_but_another_name_is_another_person():
    text = "Ellen Kushner wrote the novel. My friend Helen gave it to me. Dmitry Orlov came; Dima stayed."
    ents = [("Ellen Kushner", "PERSON"), ("Helen", "PERSON"), ("Dmitry Orlov", "PERSON"), ("Dima", "PERSON")]
    _, entities = run_blank(text, ents)
    assert {name: facts[1] for name, facts in people(entities).items()} == {
        "Ellen Kushner": 1,
        "Helen": 1,
        "Dmitry Orlov": 2,
    }


EXACT_PEOPLE = [
    # a name without its middle name joins the full name
    (
        "Chief Minister Biplab Kumar Deb resigned on Saturday. Biplab Deb met the Governor later.",
        [("Biplab Kumar Deb", "PERSON"), ("Biplab Deb", "PERSON")],
        {"Biplab Kumar Deb": (("Biplab Deb",), 2, None, [], [])},
    ),
    # a surname in -ovich after a title is no patronymic; a place that is also a given name starts no name
    (
        "Jose Leibovich spoke. Mr Leibovich said more. Watch Asia Remembered tonight.",
        [("Jose Leibovich", "PERSON"), ("Leibovich", "PERSON")],
        {"Jose Leibovich": (("Leibovich",), 2, None, [], [])},
    ),
    # a name in capitals counts only when the page names it in running text
    (
        "FOUNDER OF HOME SAYS\nCHIEF 'PROUD' OF TEAM\nThe founder, DANA ORLOV, spoke. Dana Orlov, 40, said sales rose.",
        [("FOUNDER OF HOME", "PERSON"), ("DANA ORLOV", "PERSON"), ("Dana Orlov", "PERSON")],
        {"Dana Orlov": (("DANA ORLOV",), 2, 40, [], [])},
    ),
]


@pytest.mark.parametrize(("text", "ents", "expected"), EXACT_PEOPLE)
def test_exact_people_of_small_pages(text, ents, expected):
    _, entities = run_blank(text, ents)
    assert people(entities) == expected


def test_a_full_name_written_again_without_a_label_is_a_mention():
    text = "Chelsea signed keeper Kepa Arrizabalaga on Tuesday.\n\nKepa Arrizabalaga will undergo a medical today."
    article, entities = run_blank(text, [("Kepa Arrizabalaga", "PERSON")])
    person = next(e for e in entities if e.kind == "person")
    assert [quoted(article, m) for m in person.mentions] == ["Kepa Arrizabalaga", "Kepa Arrizabalaga"]
    assert person.mentions[1].start == text.rindex("Kepa")


def test_a_hashtag_is_no_person():
    text = "Crowds gathered. #DanaOrlov: the roof fell. Dana Orlov, 40, watched."
    _, entities = run_blank(text, [("DanaOrlov", "PERSON"), ("Dana Orlov", "PERSON")])
    assert [(e.name, len(e.mentions)) for e in entities if e.kind == "person"] == [("Dana Orlov", 1)]
