"""Known people spotted in text of other languages and scripts (articles written by us)."""

from newstrace.link.spotting import spot_known_names

KNOWN = ["Dana Orlova", "Pavel Orlov", "Ilya Orlov", "Omar Haddad", "Marek Novak"]


def spotted(text):
    return [(s.name, s.text) for s in spot_known_names(text, KNOWN)]


def test_russian_names_in_any_case_with_their_given_names():
    text = (
        "Полиция допросила Омара Хаддада. Дана Орлова дала показания, а с Ильёй Орловым "
        "поговорили позже. Хаддад ничего не сказал."
    )
    assert spotted(text) == [
        ("Omar Haddad", "Омара Хаддада"),
        ("Dana Orlova", "Дана Орлова"),
        ("Ilya Orlov", "Ильёй Орловым"),
        ("Omar Haddad", "Хаддад"),
    ]


def test_greek_and_german_spellings():
    assert spotted("Η αστυνομία ανέκρινε τον Ομάρ Χαντάντ και τον Μάρεκ Νόβακ.") == [
        ("Omar Haddad", "Ομάρ Χαντάντ"),
        ("Marek Novak", "Μάρεκ Νόβακ"),
    ]
    assert spotted("Die Polizei befragte Marek Nowak.") == [("Marek Novak", "Marek Nowak")]


def test_a_surname_two_people_share_needs_a_given_name_that_decides():
    # "Орлов" alone is Pavel or Ilya: no guess. The feminine "Орлова" as written is Dana.
    assert spotted("Орлов молчал. Павел Орлов ушёл. Орлова осталась.") == [
        ("Pavel Orlov", "Павел Орлов"),
        ("Dana Orlova", "Орлова"),
    ]


def test_words_that_are_no_known_name_are_not_spotted():
    assert spotted("Москва и Афины. Die Regierung in Berlin. Nova Scotia.") == []


def test_spans_index_the_text_as_given():
    text = "Утром Дана Орлова вернулась."
    (found,) = spot_known_names(text, KNOWN)
    assert text[found.start : found.end] == "Дана Орлова"
