"""Paraphrase similarity and WordNet synonyms: what a real spinner leaves behind."""

from __future__ import annotations

import pytest

from newstrace.link import paraphrase, wordnet
from newstrace.link.align import read_sentences
from newstrace.link.compare import PARAPHRASE_FLOOR

needs_wordnet = pytest.mark.skipif(not wordnet.available(), reason="WordNet data files absent (Debian wordnet-base)")

SOURCE = "Rescue crews pulled 14 fishermen from the sea off Orlen Bay on Monday after their trawler sank, officials said."
SPUN = "On Monday rescue teams hauled 14 anglers out of the ocean near Orlen Bay once their trawler went under, authorities stated."
SAME_STORY = "Fourteen people survived the sinking of a trawler near Orlen Bay, where the weather had turned on Monday."


def _similarity(first: str, second: str) -> float:
    return paraphrase.similarity(read_sentences(first), read_sentences(second))


@needs_wordnet
def test_wordnet_knows_synonyms_and_not_other_jobs():
    assert wordnet.synonymous("released", "freed")
    assert wordnet.synonymous("attempts", "efforts")
    assert not wordnet.synonymous("nurse", "doctor")


def test_without_wordnet_every_lookup_is_empty(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSTRACE_WORDNET", str(tmp_path))
    wordnet._index.cache_clear()
    wordnet.synsets.cache_clear()
    try:
        assert not wordnet.available()
        assert wordnet.synsets("released") == frozenset()
    finally:
        monkeypatch.undo()
        wordnet._index.cache_clear()
        wordnet.synsets.cache_clear()


@needs_wordnet
def test_a_spun_sentence_renders_its_source_and_a_report_of_the_same_event_does_not():
    assert _similarity(SPUN, SOURCE) >= PARAPHRASE_FLOOR
    assert _similarity(SAME_STORY, SOURCE) < PARAPHRASE_FLOOR


def test_a_respelt_name_still_counts():
    assert _similarity("Captain Rosa Troufanova led the rescue.", "Captain Rosa Trufanova led the rescue.") > 0.9


def test_the_matrix_holds_the_pairwise_scores():
    copy, source = read_sentences(SPUN + " " + SAME_STORY), read_sentences(SOURCE)
    matrix = paraphrase.similarity_matrix(copy, source)
    assert matrix.shape == (2, 1)
    assert matrix[0, 0] == pytest.approx(paraphrase.similarity(copy[:1], source))
    assert matrix[1, 0] == pytest.approx(paraphrase.similarity(copy[1:], source))


RESPELT = "Captain Rosa Feldmann led the rescue of the whole crew that night, the coastguard said."
RESPELT_SOURCE = "Captain Rosa Feldman led the rescue of the entire crew on that night."


@needs_wordnet
def test_one_pair_scores_as_its_cell_of_the_matrix():
    # similarity looks each word up in the one other sentence, similarity_matrix through
    # indexes of all of them: the same scores, to the last bit.
    copy = read_sentences(" ".join((SPUN, SAME_STORY, RESPELT)))
    source = read_sentences(" ".join((SOURCE, RESPELT_SOURCE, "Stocks fell in Velmar.")))
    matrix = paraphrase.similarity_matrix(copy, source)
    assert matrix.shape == (3, 3)
    for i, c in enumerate(copy):
        for j, s in enumerate(source):
            assert paraphrase.similarity([c], [s]) == matrix[i, j]
    assert matrix[0, 0] >= PARAPHRASE_FLOOR and matrix[2, 1] >= PARAPHRASE_FLOOR  # synonyms; Feldmann = Feldman
    assert matrix[0, 2] == matrix[2, 2] == 0.0


@needs_wordnet
def test_a_run_of_sentences_scores_as_one_bag_of_their_words():
    first, second = read_sentences("Rescue crews pulled 14 fishermen from the sea. They were off Orlen Bay on Monday.")
    (source,) = read_sentences(SOURCE)
    merged = paraphrase.similarity([first, second], [source])
    assert merged > max(paraphrase.similarity([first], [source]), paraphrase.similarity([second], [source]))
    assert paraphrase.similarity([first, second], [source]) == merged  # read again from the cache of runs
