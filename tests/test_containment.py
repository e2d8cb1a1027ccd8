"""Containment: how much of one text is written, word for word, in another."""

from __future__ import annotations

from newstrace.link.align import read_sentences
from newstrace.link.containment import Containment, containment, read_words
from newstrace.link.text import tokens
from newstrace.text import name_key

LEAD = (
    "Rescue crews pulled 14 fishermen from the sea off Orlen Bay on Monday after their trawler sank in a storm. "
    "The crew was found by a helicopter from the Northern Coast Guard about 20 kilometres offshore. "
    "Captain Rosa Feld, a former navy pilot, led the rescue of the whole crew that night. "
)
REST = (
    "The trawler was chartered by Halden Fisheries, which has not commented on the sinking so far. "
    "Two of the fishermen were taken to hospital in Orlen with hypothermia on Monday evening."
)


def _read(text: str):
    sentences = read_sentences(text)
    return read_words(text, sentences, [True] * len(sentences))


def _contain(copy: str, source: str):
    return containment(_read(copy), _read(source))


def test_a_copy_cut_short_is_contained_whole_and_covers_the_start_of_its_source():
    found = _contain(LEAD, LEAD + REST)
    assert (found.copy, found.source, found.changes) == (1.0, 1.0, 0)
    assert found.copy_cut and not found.source_cut
    assert found.covered.text.endswith("led the rescue of the whole crew that night")


def test_a_source_scraped_in_part_leaves_the_rest_of_its_copy_out_of_the_comparison():
    found = _contain(LEAD + REST, LEAD)
    assert (found.copy, found.source, found.changes) == (1.0, 1.0, 0)
    assert found.source_cut and not found.copy_cut


def test_a_changed_number_is_a_change_and_a_title_is_house_style():
    assert _contain(LEAD.replace("about 20 kilometres", "about 30 kilometres"), LEAD).changes == 2  # each side
    # Near the start a changed word leaves its neighbours in no shared run either: still a change.
    assert _contain(LEAD.replace("14 fishermen", "41 fishermen"), LEAD).changes > 0
    assert _contain(LEAD.replace("Captain Rosa Feld", "Captain Ms Rosa Feld"), LEAD).changes == 0


def test_a_shared_quote_is_no_evidence_of_copying():
    quote = '"We found them clinging to a life raft, and every one of them was alive after the night," '
    first = quote + "Feld told reporters at the harbour on Tuesday morning after the rescue."
    second = quote + "the captain said, describing how her helicopter crew spotted the raft."
    found = _contain(first, second)
    assert found.copy < 0.5 and found.source < 0.5


def test_related_stories_after_the_article_do_not_count():
    related = "\nMarkets rally as Velmar bank cuts interest rates for the third time this year.\n"
    found = _contain(LEAD + related, LEAD)
    assert found.copy == 1.0


def test_word_swaps_are_told_from_rewritten_sentences():
    swapped = LEAD.replace("pulled", "hauled").replace("sea", "ocean").replace("found", "spotted")
    rewritten = LEAD.replace(
        "The crew was found by a helicopter from the Northern Coast Guard about 20 kilometres offshore.",
        "A Northern Coast Guard aircraft on a routine patrol saw the orange raft drifting far out at dawn.",
    )
    assert _contain(swapped, LEAD).swapped == 1.0
    assert _contain(rewritten, LEAD).swapped == 0.0


def test_the_words_keys_are_the_tokens_name_keys_without_apostrophes():
    text = "Jiří’s team won’t say. “We don''t know,” the Mayor's aide said at 1,200 metres."
    words = _read(text)
    assert words.keys == tuple(name_key(span.text).replace("'", "").replace("’", "") for span in tokens(text))
    assert words.keys[:6] == ("jiris", "team", "wont", "say", "we", "dont")
    assert list(zip(words.starts, words.ends)) == [(span.start, span.end) for span in tokens(text)]


def test_texts_sharing_no_run_of_words_share_nothing_and_count_their_prose_words():
    found = _contain(LEAD, REST)
    assert found == Containment(0.0, 0.0, 0.0, 0.0, 0, 0.0, len(tokens(LEAD)), len(tokens(REST)), None)


def test_the_shared_words_are_the_runs_the_other_text_has_wherever_they_sit():
    moved = REST + " " + LEAD
    found = _contain(moved, LEAD + REST)
    assert (found.copy, found.source, found.changes) == (1.0, 1.0, 0)
    # A sentence of the lead: the source is compared as far as the copy goes ("Rescue" is not shared).
    once = _contain("Crews pulled 14 fishermen from the sea off Orlen Bay.", LEAD)
    assert (once.copy, once.source, once.copy_words, once.source_words) == (1.0, 10 / 11, 10, 11)
    assert once.covered.text == "crews pulled 14 fishermen from the sea off Orlen Bay" and once.copy_cut
