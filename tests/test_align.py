"""Sentence alignment: words read through synonyms, monotone pairs with merges, splits and skips."""

from __future__ import annotations

from newstrace.link.align import (
    Match,
    align,
    counterpart,
    lexical,
    names_and_numbers,
    pair_closed_gaps,
    read_sentences,
    sound_key,
    units_of,
    transliterated,
)
from newstrace.link.text import mostly_latin, sentences, skeleton, split_tokens, tokens
from newstrace.text import name_key

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


def test_a_sentence_cut_short_pairs_with_its_source_in_a_gap_of_any_size():
    copy = (
        "The Brigade freed three captives on Sunday, officials said. "
        "The mayor of Sarn thanked the mediators. "
        "About 1,200 residents were evacuated. "
        "The mine has been closed since the raid."
    )
    source = SOURCE.replace("evacuated to Sarn.", "evacuated to Sarn, where the school hall and the church were opened for them.")
    left, right = read_sentences(copy), read_sentences(source)
    matches = align(left, right, lexical, 0.6)
    assert [m.copy for m in matches] == [(0, 1), (1, 2), (3, 4)]
    filled = pair_closed_gaps(left, right, matches, lexical, 0.4)
    assert [(m.copy, m.source) for m in filled] == [((i, i + 1), (i, i + 1)) for i in range(4)]
    # Words a sentence does not have are no cut: an unrelated sentence stays unpaired.
    other = read_sentences(copy.replace("About 1,200 residents were evacuated.", "Fishing boats stayed in port all week."))
    assert len(pair_closed_gaps(other, right, align(other, right, lexical, 0.6), lexical, 0.4)) == 3


def test_a_lowercase_letter_before_a_full_stop_ends_a_sentence_but_an_initial_does_not():
    text = "He was running with a. The race was over. John A. Smith won it."
    assert [s.text for s in sentences(text)] == ["He was running with a.", "The race was over.", "John A. Smith won it."]


def test_names_across_scripts_meet_by_their_transliterated_consonants():
    assert sound_key(name_key("Wojcik")) == sound_key(name_key("Вуйцик")) == "ck"
    assert counterpart(name_key("Холлисфордом"), {"hollisford", "whitfield"}) == "hollisford"
    assert counterpart(name_key("Хит"), {"heath"}) is None  # one consonant says too little
    assert counterpart(name_key("Голубева"), {"wojcik", "marten"}) is None
    assert (mostly_latin("Marta Wójcik, Łódź"), mostly_latin("Марта Вуйцик из Halvard")) == (True, False)


def test_of_two_names_that_agree_equally_the_same_one_wins_whatever_their_order():
    # Trufanov and Trufanova keep the same consonants: the pick must not follow a set's hash order.
    picks = {counterpart(name_key("Труфанов"), names) for names in (["trufanova", "trufanov"], ["trufanov", "trufanova"])}
    assert picks == {"trufanov"}


def test_a_cyrillic_translation_is_anchored_on_the_names_it_transliterates():
    english = read_sentences("Engineer Marta Wojcik led the works at Whitfield. Wojcik thanked Hollisford.")
    russian = read_sentences("Инженер Марта Вуйцик руководила работами в Уитфилде. Вуйцик поблагодарила Холлисфорд.")
    assert align(russian, english, names_and_numbers, 0.5) == ()
    anchored = transliterated(russian, english)
    assert [s.anchors for s in anchored] == [s.anchors for s in english]
    assert [(m.copy, m.source) for m in align(anchored, english, names_and_numbers, 0.5)] == [((0, 1), (0, 1)), ((1, 2), (1, 2))]


def test_indic_words_keep_their_vowel_signs():
    assert [t.text for t in tokens("राहुल गांधी ने 20 जुलाई को ट्वीट किया")] == [
        "राहुल", "गांधी", "ने", "20", "जुलाई", "को", "ट्वीट", "किया",
    ]


def test_a_translation_into_a_script_without_capitals_anchors_the_words_that_are_source_names():
    # Hindi has no capitals, so any word may be a name: those whose consonants are a
    # source name's become anchors (गांधी, read "gamdhi", is Gandhi), the others do not.
    source = read_sentences("On Wednesday Rahul Gandhi attacked the government over the GST. PM Modi did not reply.")
    copy = read_sentences("राहुल गांधी ने बुधवार को सरकार पर हमला किया। मोदी ने कोई जवाब नहीं दिया।")
    anchors = [s.anchors for s in transliterated(copy, source)]
    assert anchors[0][:2] == ("rahul", "gandh")
    assert "modi" in anchors[-1]
    assert all(anchor in {"rahul", "gandh", "modi"} for sentence in anchors for anchor in sentence)


# Sentences that end next to what a token may hold: a number written with spaces, an
# abbreviation, a Devanagari danda, quote marks, a line break without a full stop.
CUT_TEXT = (
    "About 1 200 people left Sarn on Monday. Dr. Feld said: “We don''t know.” 2,500 stayed.\n"
    "Gandhi's rally\nराहुल गांधी ने बुधवार को सरकार पर हमला किया। मोदी ने कोई जवाब नहीं दिया। It ended at 9.30 p.m. on "
    "Tuesday."
)


def test_tokens_of_the_whole_text_cut_at_the_sentences_are_the_tokens_of_each_sentence():
    bounds = sentences(CUT_TEXT)
    assert len(bounds) == 8
    assert split_tokens(tokens(CUT_TEXT), bounds) == [tokens(CUT_TEXT, s.start, s.end) for s in bounds]


def test_sentences_read_from_the_text_s_tokens_equal_those_read_from_the_text():
    assert read_sentences(CUT_TEXT, tokens(CUT_TEXT)) == read_sentences(CUT_TEXT)


def test_mostly_latin_counts_letters_not_characters():
    assert mostly_latin("") and mostly_latin("1,200 — 3.5%")  # no letters at all
    assert mostly_latin("Abc Вуй") and not mostly_latin("Ab Вуй")  # 3 Latin letters of 6; 2 of 5
    assert mostly_latin("Łódź Вуйц")  # accented Latin letters count as Latin: 4 of 8
    assert not mostly_latin("राहुल गांधी ने GST")  # 3 of 9: vowel signs are no letters


def test_a_sentence_gives_back_where_each_unit_is_written_phrases_whole():
    text = "Crowds gathered. Officials said the Brigade has let go 1,200 hostages in Sarn."
    first, second = read_sentences(text)
    assert second.units == ("official", "say", "the", "brigade", "has", "free", "1200", "hostage", "in", "sarn")
    assert [span.text for span in second.unit_spans] == [
        "Officials", "said", "the", "Brigade", "has", "let go", "1,200", "hostages", "in", "Sarn",
    ]
    assert all(text[span.start : span.end] == span.text for span in first.unit_spans + second.unit_spans)
    assert second.unit_spans == units_of(text, tokens(text, second.span.start, second.span.end))[1]
