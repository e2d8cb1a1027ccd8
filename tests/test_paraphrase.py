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
