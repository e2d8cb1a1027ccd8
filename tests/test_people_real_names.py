"""Person names the small model labels as something else, or not at all, on real pages: given
names from many languages, names as modifiers, names after a title, other names after "aka",
given names alone; and what looks like a name and is a shop, a street or an author box.
Articles written by us; fast tests on ``spacy.blank`` docs with hand-set entities (labels as the
small model gives them on such pages), and a few model-backed ones."""

from newstrace.extract.entities import extract_entities
from newstrace.link import wordnet
from helpers import make_article, make_doc

import pytest


def run_blank(text, ents):
    article = make_article(text)
    return article, extract_entities(make_doc(text, ents), article)


def people(text, ents):
    """Each person's name -> the texts of its mentions, in order."""
    article, entities = run_blank(text, ents)
    return {
        e.name: [article.text[m.start : m.end] for m in e.mentions] for e in entities if e.kind == "person"
    }


def sans_serif_italic(word):
    """``word`` in Unicode's mathematical sans-serif italic letters, as styled banners write it."""
    return "".join(chr((0x1D608 if c.isupper() else 0x1D622) + ord(c.lower()) - ord("a")) for c in word)


# (what it shows, text, entities as the small model labels them, each person -> its mentions)
CASES = [
    (
        "a name with a stock ticker in brackets is a company; a word list entry written in three tokens is none",
        "Shares of peer Lowe’s (LOW) fell 2%, said Dana Orlov. Wi-Fi 6 has hit the market.",
        [("Lowe", "PERSON"), ("Dana Orlov", "PERSON"), ("Wi-Fi", "PERSON")],
        {"Dana Orlov": ["Dana Orlov"]},
    ),
    (
        "two English words run together are a brand; a surname with a prefix is a person",
        "MagSafe is back, wrote Dana Orlov. Douglas MacArthur and Dick VanDyke never used AirPods.",
        [("MagSafe", "PERSON"), ("Dana Orlov", "PERSON"), ("Douglas MacArthur", "PERSON"),
         ("Dick VanDyke", "PERSON"), ("AirPods", "PERSON")],
        {"Dana Orlov": ["Dana Orlov"], "Douglas MacArthur": ["Douglas MacArthur"], "Dick VanDyke": ["Dick VanDyke"]},
    ),
    (
        "a South Asian full name the model calls an organization is a person",
        "During that rule, the Congress and Sharad Pawar's party backed the bill, said Anita Desai.",
        [("Congress", "ORG"), ("Sharad Pawar's", "ORG"), ("Anita Desai", "PERSON")],
        {"Sharad Pawar": ["Sharad Pawar"], "Anita Desai": ["Anita Desai"]},
    ),
    (
        "a name that qualifies a government is a person, without the government or '-led'",
        "He blamed the Narendra Modi government. Later the Narendra Modi-led alliance met.",
        [("Narendra Modi", "ORG"), ("the Narendra Modi-led", "FAC")],
        {"Narendra Modi": ["Narendra Modi", "Narendra Modi"]},
    ),
    (
        "names labelled product, work of art or event are people",
        "He went to meet Amit Shah and Biplab Kumar Deb on Thursday. The tower featured in Victor Hugo's novel.",
        [("Amit Shah", "PRODUCT"), ("Biplab Kumar Deb", "WORK_OF_ART"), ("Victor Hugo's", "EVENT")],
        {"Amit Shah": ["Amit Shah"], "Biplab Kumar Deb": ["Biplab Kumar Deb"], "Victor Hugo": ["Victor Hugo"]},
    ),
    (
        "a mislabelled span is cut where the name ends",
        "This freed the move of Thibaut Courtois to Real Madrid last summer.",
        [("Thibaut Courtois to Real Madrid", "ORG")],
        {"Thibaut Courtois": ["Thibaut Courtois"]},
    ),
    (
        "a given name first in a longer name, or before a word the page writes in lowercase, makes no person",
        "Fans filled the Narendra Modi Stadium. The leathers hung there; Lewis Leathers sold them. Dana Orlov watched.",
        [("the Narendra Modi Stadium", "FAC"), ("Lewis Leathers", "ORG"), ("Dana Orlov", "PERSON")],
        {"Dana Orlov": ["Dana Orlov"]},
    ),
    (
        "an unlabelled name after an organization's name, and its surname later",
        "Leader of Opposition in Rajya Sabha Mallikarjun Kharge said the hike hurt. Kharge added more.",
        [("Rajya Sabha", "ORG")],
        {"Mallikarjun Kharge": ["Mallikarjun Kharge", "Kharge"]},
    ),
    (
        "the given name the model cut off a surname it labelled",
        "Priyanka Gandhi said the poor would pay.",
        [("Gandhi", "PERSON")],
        {"Priyanka Gandhi": ["Priyanka Gandhi"]},
    ),
    (
        "a three-word name after a dateline the model calls a person",
        "Agartala: Biplab Kumar Deb on Saturday resigned as chief minister.",
        [("Agartala", "PERSON")],
        {"Biplab Kumar Deb": ["Biplab Kumar Deb"]},
    ),
    (
        "a given name alone joins the one full name it starts, not before a noun",
        "Rahul Gandhi spoke on Monday. Rahul said the country was watching. The Rahul camp cheered.",
        [("Rahul Gandhi", "PERSON")],
        {"Rahul Gandhi": ["Rahul Gandhi", "Rahul"]},
    ),
    (
        "a surname labelled as a product joins the full name",
        'Craig Menear led the call. "Demand was soft," Menear continued.',
        [("Craig Menear", "PERSON"), ("Menear", "PRODUCT")],
        {"Craig Menear": ["Craig Menear", "Menear"]},
    ),
    (
        "the name after 'aka' is the person's other name, everywhere in the article",
        "Minister KT Rama Rao aka KTR on Wednesday urged a review. KTR, meanwhile, wrote to him.",
        [("KT Rama Rao", "PERSON"), ("KTR", "PERSON"), ("KTR", "ORG")],
        {"KT Rama Rao": ["KT Rama Rao", "KTR", "KTR"]},
    ),
    (
        "a name that is a person only for its given name joins the organization its surname names",
        "Walt Disney Co. said it grew. Disney shares rose. Disney said more. Dana Orlov, 40, bought some.",
        [("Walt Disney", "ORG"), ("Disney", "ORG"), ("Disney", "ORG"), ("Dana Orlov", "PERSON")],
        {"Dana Orlov": ["Dana Orlov"]},
    ),
    (
        "an institution named after a person is not that person",
        "He made a trip to the Walter Reed hospital on Saturday, said Dana Orlov.",
        [("the Walter Reed", "FAC"), ("Dana Orlov", "PERSON")],
        {"Dana Orlov": ["Dana Orlov"]},
    ),
    (
        "a film character followed by the actor's name in brackets is no person; the actor is",
        "The film explored his bond with Sylvia (Kate Winslet) and her boys.",
        [("Sylvia", "PERSON"), ("Kate Winslet", "PERSON")],
        {"Kate Winslet": ["Kate Winslet"]},
    ),
    (
        "names only inside a quoted title are no people",
        'It began when the "Melvin and Howard" star woke up. Dana Orlov said so.',
        [("Melvin", "PERSON"), ("Howard", "PERSON"), ("Dana Orlov", "PERSON")],
        {"Dana Orlov": ["Dana Orlov"]},
    ),
    (
        "a brand first or a product-line word last names a product; a roster's position is no part of a name",
        "The Nintendo Switch and the MacBook Pro sold out, and DL Myles Garrett bought both.",
        [("Nintendo Switch", "PERSON"), ("MacBook Pro", "PERSON"), ("DL Myles Garrett", "PERSON")],
        {"Myles Garrett": ["Myles Garrett"]},
    ),
    (
        "a street, a waterfall town and a studio are no people",
        "He lived on Jolinda Drive near Cuyahoga Falls and worked for Balmond Studio with Dana Orlov.",
        [("Jolinda Drive", "PERSON"), ("Cuyahoga Falls", "PERSON"), ("Balmond Studio", "PERSON"),
         ("Dana Orlov", "PERSON")],
        {"Dana Orlov": ["Dana Orlov"]},
    ),
    (
        "a street in an address is no person",
        "Flos Showroom\n\ncorso Monforte, 15, Milan\n\nDana Orlov designed it.",
        [("Monforte", "PERSON"), ("Milan", "GPE"), ("Dana Orlov", "PERSON")],
        {"Dana Orlov": ["Dana Orlov"]},
    ),
    (
        "an author box (a name alone on its line, the job on the next, in styled letters) is no story person",
        f"Dana Orlov was freed on Sunday.\n\nPiet Van Dongen\n\n{sans_serif_italic('Editor')}, Harbour News",
        [("Dana Orlov", "PERSON"), ("Piet Van Dongen", "PERSON")],
        {"Dana Orlov": ["Dana Orlov"]},
    ),
]


@pytest.mark.parametrize("text, ents, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_people_on_blank_docs(text, ents, expected):
    assert people(text, ents) == expected


def model_people(nlp, text):
    article = make_article(text)
    return {
        e.name: [article.text[m.start : m.end] for m in e.mentions]
        for e in extract_entities(nlp(text), article)
        if e.kind == "person"
    }


@pytest.mark.skipif(not wordnet.available(), reason="WordNet data (wordnet-base) not installed")
def test_model_one_name_word_after_a_title_is_a_name_when_it_is_no_english_word(nlp):
    text = "The party grew under the direction of PM Modi. I have tried to do justice to it."
    assert model_people(nlp, text) == {"Modi": ["Modi"]}


def test_model_a_surname_before_a_noun_that_is_the_person(nlp):
    text = "Rahul Gandhi spoke on Monday. The Gandhi scion, unlike the Gandhi family, stayed home."
    assert model_people(nlp, text) == {"Rahul Gandhi": ["Rahul Gandhi", "Gandhi"]}


def test_model_a_shop_named_with_a_possessive_is_no_person(nlp):
    text = "Shares of Home Depot fell. Rival Lowe's was also lower. Dana Orlov, 40, sold her shares."
    assert model_people(nlp, text) == {"Dana Orlov": ["Dana Orlov"]}


def test_model_a_verb_opening_the_sentence_is_no_part_of_the_name(nlp):
    text = "Tim Cook spoke at the launch on Monday.\n\nHosting Cook at the event, the mayor thanked him."
    assert model_people(nlp, text) == {"Tim Cook": ["Tim Cook", "Cook"]}


def test_model_a_name_after_the_that_does_something_is_a_team_not_a_person(nlp):
    text = (
        "The Steelers spent Monday trying to move on. Coach Mike Tomlin said the Steelers had learned "
        "from it. Cam Heyward agreed with Tomlin."
    )
    assert model_people(nlp, text) == {"Mike Tomlin": ["Mike Tomlin", "Tomlin"], "Cam Heyward": ["Cam Heyward"]}


def test_model_a_title_of_the_other_gender_keeps_a_surname_from_the_full_name(nlp):
    text = "Hillary Clinton spoke in Iowa. Mr. Clinton campaigned for her, and Mrs. Clinton thanked him."
    assert model_people(nlp, text) == {"Hillary Clinton": ["Hillary Clinton", "Clinton"], "Clinton": ["Clinton"]}
    # A given name of either gender ("Jan"), or a role's ("chairman"), tells nothing against "Ms".
    text = "Police Federation chairman Jan Berry said the law was wrong. Ms Berry said so twice."
    assert model_people(nlp, text) == {"Jan Berry": ["Jan Berry", "Berry"]}


def test_model_a_name_ending_as_a_company_does_is_no_person(nlp):
    text = "The house was drawn by Peter Koros Design. Gaston Zahr said the design won."
    assert model_people(nlp, text) == {"Gaston Zahr": ["Gaston Zahr"]}


def test_model_reads_indian_politicians_on_a_page_we_wrote(nlp):
    text = (
        "Leader of Opposition in Rajya Sabha Mallikarjun Kharge said the hike hurt families. "
        "Kharge added that the matter was raised in Parliament.\n\n"
        "BJP leader Sambit Patra on June 16 had slammed the Congress. Addressing a press conference, "
        "Sambit Patra had told reporters that the Narendra Modi government would not bend."
    )
    article = make_article(text)
    entities = extract_entities(nlp(text), article)
    found = {e.name: len(e.mentions) for e in entities if e.kind == "person"}
    assert found == {"Mallikarjun Kharge": 2, "Sambit Patra": 2, "Narendra Modi": 1}


# --- ages -----------------------------------------------------------------------------


def ages(text, ents):
    article, entities = run_blank(text, ents)
    return {e.name: e.age for e in entities if e.kind == "person"}


def test_an_age_opening_the_next_sentence_is_the_one_person_of_the_sentence_before():
    # the first two lines carry no full stop: one sentence to the parser, two lines to a reader
    text = (
        "Chelsea paid the fee for Dana Orlov\n\nIt freed the move of Piet Hollis\n\n"
        "Dana Orlov will have a medical today. The 23-year-old keeper flew to London last night."
    )
    ents = [("Chelsea", "ORG"), ("Dana Orlov", "PERSON"), ("Piet Hollis", "PERSON"), ("Dana Orlov", "PERSON")]
    assert ages(text, ents) == {"Dana Orlov": 23, "Piet Hollis": None}


def test_an_age_opening_a_sentence_after_two_people_belongs_to_neither():
    text = "Dana Orlov met Piet Hollis on Monday. The 23-year-old flew to London."
    assert ages(text, [("Dana Orlov", "PERSON"), ("Piet Hollis", "PERSON")]) == {"Dana Orlov": None, "Piet Hollis": None}


def test_ages_in_brackets_and_commas_as_real_pages_write_them():
    text = "Vitaly Trufanov (50 years old) was freed with Elena Trufanova, 53, and Irina Tati (73)."
    ents = [("Vitaly Trufanov", "PERSON"), ("Elena Trufanova", "PERSON"), ("Irina Tati", "PERSON")]
    assert ages(text, ents) == {"Vitaly Trufanov": 50, "Elena Trufanova": 53, "Irina Tati": 73}
