"""The real-pages people benchmark (bench/people.py --split real) and its gold file.

Scoring is checked on small pages we write ourselves, with hand-made predictions shaped like
``newstrace export`` rows. The gold file itself is checked against the shared texts when
``../shared/data`` is present.
"""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import people  # noqa: E402

PAGE_LINES = [
    "Harbour council approves new pier",  # headline: cleaning may move it to the title
    "Photo: Dana Holt",  # a credit
    "Helen Marsh, 52, the harbour chairman, welcomed the vote. Marsh said work starts in May.",
    "Read also: Tom Reed opens a bakery",  # an aside
]
RAW = "\n".join(PAGE_LINES) + "\n"
# what cleaning might leave: the headline and the credit line gone
CLEAN = RAW.split("\n", 2)[2]


def mention(text: str, person: str, kind: str = "person", nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = RAW.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text, "person": person, "kind": kind}


def gold_page(page_id: str = "H1") -> dict:
    return {
        "id": page_id,
        "mentions": [
            mention("Dana Holt", "dana-holt", "credit"),
            mention("Helen Marsh", "helen-marsh"),
            mention("Marsh", "helen-marsh", nth=1),
            mention("Tom Reed", "tom-reed", "aside"),
        ],
        "people": [
            {"person": "dana-holt", "name": "Dana Holt", "kind": "credit", "age": None, "roles": []},
            {"person": "helen-marsh", "name": "Helen Marsh", "kind": "person",
             "age": {"value": 52, "phrase": "Helen Marsh, 52"}, "roles": []},
            {"person": "tom-reed", "name": "Tom Reed", "kind": "aside", "age": None, "roles": []},
        ],
    }


def evidence(text: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = CLEAN.index(text, start + 1)
    return {"article": "a1", "sentence": 0, "start": start, "end": start + len(text)}


def facts(url: str, people_: list[dict]) -> dict:
    return {"article": {"url": url, "text": CLEAN}, "people": people_}


def test_clean_span_follows_removed_lines_and_refuses_removed_mentions():
    blocks = people.matching_blocks(RAW, CLEAN)
    helen = mention("Helen Marsh", "helen-marsh")
    start, end = people.clean_span(RAW, CLEAN, blocks, helen["start"], helen["end"])
    assert CLEAN[start:end] == "Helen Marsh"
    credit = mention("Dana Holt", "dana-holt", "credit")
    assert people.clean_span(RAW, CLEAN, blocks, credit["start"], credit["end"]) is None


def test_clean_span_does_not_borrow_another_occurrence_of_the_name():
    raw = "Marsh wins\nHelen Marsh spoke.\n"
    clean = "Helen Marsh spoke.\n"
    blocks = people.matching_blocks(raw, clean)
    assert people.clean_span(raw, clean, blocks, 0, 5) is None


def test_a_page_scores_mentions_junk_credits_ages_and_asides():
    predicted = [
        {"id": "p1", "name": "Helen Marsh", "aliases": ["Marsh"], "age": 52,
         "mentions": [evidence("Helen Marsh"), evidence("Marsh", 1)]},
        {"id": "p2", "name": "Tom Reed", "aliases": [], "age": None, "mentions": [evidence("Tom Reed")]},
        {"id": "p3", "name": "May", "aliases": [], "age": None, "mentions": [evidence("May")]},
    ]
    gold = gold_page()
    page = people.score_page(gold, RAW, facts("u1", predicted), [])
    messages = []
    figures = people.score_real_half([(gold, page)], True, messages.append)
    assert figures["mention_precision"] == 0.6667  # Helen Marsh, Marsh right; May wrong; Tom Reed (aside) left out
    assert figures["mention_recall"] == 1.0
    assert figures["removed_by_cleaning"] == 0
    assert figures["junk_per_50_pages"] == 50.0  # one junk person ('May') on one page
    assert figures["ages_found"] == 1.0
    assert figures["gold_mentions"] == 2 and figures["gold_people"] == 1
    assert figures["non_english_pages"] == 0 and figures["non_english_mention_recall"] is None
    assert messages == ["junk person: H1 'May'"]


def test_a_credit_reported_as_a_person_is_junk():
    raw_credit = {"id": "p9", "name": "Dana Holt", "aliases": [], "age": None,
                  "mentions": [{"article": "a1", "sentence": 0, "start": RAW.index("Dana Holt"),
                                "end": RAW.index("Dana Holt") + 9}]}
    gold = gold_page()
    page = people.score_page(gold, RAW, {"article": {"url": "u1", "text": RAW}, "people": [raw_credit]}, [], "hi")
    messages = []
    figures = people.score_real_half([(gold, page)], True, messages.append)
    assert figures["mention_precision"] == 0.0
    assert figures["mention_recall"] == 0.0
    assert "junk person: H1 'Dana Holt' (a credit)" in messages
    assert figures["non_english_pages"] == 1 and figures["non_english_mention_recall"] == 0.0


def test_merges_count_pairs_of_mentions_across_articles():
    def helen(person_id: str, name: str) -> dict:
        return {"id": person_id, "name": name, "aliases": [], "age": None,
                "mentions": [evidence("Helen Marsh"), evidence("Marsh", 1)]}

    one = people.score_page(gold_page("H1"), RAW, facts("u1", [helen("p1", "Helen Marsh")]),
                            [{"id": "A", "name": "Helen Marsh", "aliases": [], "articles": ["u1", "u2"]}])
    two = people.score_page(gold_page("H2"), RAW, facts("u2", [helen("p1", "Helen Marsh")]),
                            [{"id": "A", "name": "Helen Marsh", "aliases": [], "articles": ["u1", "u2"]}])
    figures = people.score_real_half([(gold_page("H1"), one), (gold_page("H2"), two)], False, print)
    assert figures["merge_gold_pairs"] == 4  # 2 mentions x 2 mentions across the two pages
    assert figures["merge_precision"] == 1.0 and figures["merge_recall"] == 1.0
    split = people.score_page(gold_page("H2"), RAW, facts("u2", [helen("p1", "Helen Marsh")]),
                              [{"id": "B", "name": "Helen Marsh", "aliases": [], "articles": ["u2"]}])
    figures = people.score_real_half([(gold_page("H1"), one), (gold_page("H2"), split)], False, print)
    assert figures["merge_recall"] == 0.0 and figures["merge_precision"] is None


def test_a_removed_headline_mention_takes_the_profile_of_its_person_on_that_page():
    # page H1's headline names Helen Marsh too; cleaning moved the headline to the title
    merge_mentions = [("H1", "helen", None), ("H1", "helen", "A"), ("H2", "helen", "A"), ("H2", "tom", None)]
    moved = people.removed_take_page_profile(merge_mentions, {0, 3})
    assert moved == [("H1", "helen", "A"), ("H1", "helen", "A"), ("H2", "helen", "A"), ("H2", "tom", None)]
    assert people.pair_counts(merge_mentions) == {"gold": 2, "predicted": 1, "correct": 1}
    assert people.pair_counts(moved) == {"gold": 2, "predicted": 2, "correct": 2}


GOLD_ROWS = [json.loads(line) for line in people.REAL_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_rows_are_well_formed_and_clusters_stay_in_one_half():
    for row in GOLD_ROWS:
        assert row["split"] in ("dev", "test") and row["set"] in people.REAL_SOURCES
        on_page = {person["person"] for person in row["people"]}
        assert {m["person"] for m in row["mentions"]} <= on_page
        for m in row["mentions"]:
            assert m["kind"] in ("person", "credit", "aside")
    cluster_split = {}
    for row in GOLD_ROWS:
        if row["set"] == "real-copies":
            assert cluster_split.setdefault(row["id"].split("-")[0], row["split"]) == row["split"]


@pytest.mark.skipif(not all(path.exists() for path in people.REAL_SOURCES.values()),
                    reason="../shared/data (real-copies, zyte-article-extraction) absent")
def test_gold_spans_index_the_shared_texts():
    texts = {source: people.read_source_pages(source) for source in people.REAL_SOURCES}
    for row in GOLD_ROWS:
        page = texts[row["set"]][row["id"]]
        assert people.text_sha1(page["text"]) == row["text_sha1"], row["id"]
        assert page["url"] == row["url"]
        for m in row["mentions"]:
            assert page["text"][m["start"]:m["end"]] == m["text"], (row["id"], m)
        for person in row["people"]:
            for role in person["roles"]:
                assert role["phrase"] in page["text"], (row["id"], role)
            if person["age"]:
                assert person["age"]["phrase"] in page["text"], (row["id"], person["age"])
