"""Sentence alignment: words read through synonyms, monotone pairs with merges, splits and skips."""

from __future__ import annotations

from newstrace.link.align import Match, align, lexical, names_and_numbers, pair_closed_gaps, read_sentences
from newstrace.link.text import skeleton, tokens

SOURCE = (
    "The Brigade freed three captives on Sunday, officials said. "
    "The mayor of Sarn thanked the mediators. "
    "About 1,200 residents were evacuated to Sarn. "
    "The mine has been closed since the raid."
)


def _units(text: str) -> tuple[str, ...]:
    (sentence,) = read_sentences(text)
    return sentence.units


def test_units_merge_synonyms_phrases_and_number_formats():
    assert _units("The Brigade has let go three hostages, authorities stated.") == (
        "the", "brigade", "has", "free", "3", "hostage", "official", "say",
    )
    assert _units("The Brigade has freed 3 captives, officials said.") == _units(
        "The Brigade has let go three hostages, authorities stated."
    )
    assert _units("About 1,200 residents left.") == _units("about 1200 locals left.")


def test_units_drop_fillers_but_keep_negations_pronouns_and_roles():
    assert _units("The mine has actually been closed.") == _units("The mine has been closed.")
    assert _units("She said the nurse was not hurt.") == ("she", "say", "the", "nurse", "was", "not", "injure")
    assert _units("He said the doctor was not hurt.") != _units("She said the nurse was not hurt.")


def test_words_ignore_case_quote_style_and_accents():
    curly = read_sentences("“Three are home,” said Jiří Novák.")
    straight = read_sentences('"three are home," said Jiri Novak.')
    assert curly[0].words == straight[0].words == ("three", "are", "home", "said", "jiri", "novak")


def test_sentences_hold_their_spans_names_and_numbers():
    text = "Fighters freed Tomas Varga, 31, on Sunday. He is home."
    first, second = read_sentences(text)
    assert (first.span.start, first.span.end, second.span.text) == (0, 42, "He is home.")
    assert first.skeleton == ("tomas", "varga", "31", "sunday")
    assert first.unit_spans[first.units.index("31")].text == "31"
    assert second.skeleton == ()


def test_tokens_and_skeleton_read_numbers_by_value():
    assert [t.text for t in tokens("About 1,200 and 1 200 people, 2.5 percent, didn't")] == [
        "About", "1,200", "and", "1 200", "people", "2.5", "percent", "didn't",
    ]
    assert skeleton("On Monday Jiří Novák met 1,200 people in Kraków.") == (
        "monday", "jiri", "novak", "1200", "krakow",
    )


def _align(copy: str, source: str = SOURCE, floor: float = 0.6) -> tuple[Match, ...]:
    return align(read_sentences(copy), read_sentences(source), lexical, floor)


def test_identical_texts_align_one_to_one():
    assert _align(SOURCE) == tuple(Match((i, i + 1), (i, i + 1), 1.0) for i in range(4))


def test_spun_sentences_align_with_full_similarity():
    spun = (
        "The Brigade released three hostages on Sunday, authorities stated. "
        "The mayor of Sarn thanked the go-betweens. "
        "About 1200 locals were evacuated to Sarn. "
        "The mine has actually been closed since the attack."
    )
    assert [m.similarity for m in _align(spun)] == [1.0, 1.0, 1.0, 1.0]


def test_an_inserted_sentence_stays_unaligned_next_to_its_neighbour():
    copy = (
        "The Brigade freed three captives on Sunday, officials said. Let's get started. "
        "The mayor of Sarn thanked the mediators. "
        "About 1,200 residents were evacuated to Sarn. "
        "The mine has been closed since the raid."
    )
    assert [(m.copy, m.source) for m in _align(copy)] == [
        ((0, 1), (0, 1)), ((2, 3), (1, 2)), ((3, 4), (2, 3)), ((4, 5), (3, 4)),
    ]


def test_a_dropped_sentence_leaves_its_source_unaligned():
    copy = "The Brigade freed three captives on Sunday, officials said. The mine has been closed since the raid."
    assert [(m.copy, m.source) for m in _align(copy)] == [((0, 1), (0, 1)), ((1, 2), (3, 4))]


def test_a_split_sentence_aligns_two_to_one():
    copy = "The Brigade freed three captives on Sunday. Officials said so. The mayor of Sarn thanked the mediators."
    source = "The Brigade freed three captives on Sunday, officials said so. The mayor of Sarn thanked the mediators."
    matches = _align(copy, source)
    assert [(m.copy, m.source) for m in matches] == [((0, 2), (0, 1)), ((2, 3), (1, 2))]
    assert matches[0].similarity == 1.0


def test_merged_sentences_align_one_to_two():
    copy = "The mayor of Sarn thanked the mediators and about 1,200 residents were evacuated to Sarn."
    source = "The mayor of Sarn thanked the mediators. About 1,200 residents were evacuated to Sarn."
    matches = _align(copy, source)
    assert [(m.copy, m.source) for m in matches] == [((0, 1), (0, 2))]
    assert matches[0].similarity > 0.95


def test_alignment_is_monotone():
    moved = (
        "The mine has been closed since the raid. "
        "The Brigade freed three captives on Sunday, officials said. "
        "The mayor of Sarn thanked the mediators. "
        "About 1,200 residents were evacuated to Sarn."
    )
    assert [(m.copy, m.source) for m in _align(moved)] == [((1, 2), (0, 1)), ((2, 3), (1, 2)), ((3, 4), (2, 3))]


def test_unrelated_sentences_do_not_align():
    assert _align("The council approved a budget of 412 million crowns. Bus fares will rise.") == ()


def test_a_translation_aligns_on_names_and_numbers():
    spanish = (
        "La Brigada liberó a tres cautivos el domingo, dijeron las autoridades. "
        "El alcalde de Sarn dio las gracias a los mediadores. "
        "Unos 1.200 vecinos fueron evacuados a Sarn."
    )
    matches = align(read_sentences(spanish), read_sentences(SOURCE), names_and_numbers, 0.5)
    assert [(m.copy, m.source) for m in matches] == [((0, 1), (0, 1)), ((1, 2), (1, 2)), ((2, 3), (2, 3))]


def test_a_gap_of_one_sentence_on_each_side_pairs_below_the_floor():
    copy = (
        "The Brigade freed three captives on Sunday, officials said. "
        "The mayor of Sarn, speaking from a balcony of the town hall, praised the go-betweens again. "
        "About 1,200 residents were evacuated to Sarn. "
        "The mine has been closed since the raid."
    )
    left, right = read_sentences(copy), read_sentences(SOURCE)
    matches = align(left, right, lexical, 0.6)
    assert [m.copy for m in matches] == [(0, 1), (2, 3), (3, 4)]
    filled = pair_closed_gaps(left, right, matches, lexical, 0.4)
    assert [(m.copy, m.source) for m in filled] == [((i, i + 1), (i, i + 1)) for i in range(4)]
    assert pair_closed_gaps(left, right, matches, lexical, 0.6) == matches
