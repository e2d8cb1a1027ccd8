"""The synthetic copies generator (bench/synthetic.py): every change is recorded with exact spans.

The texts here are our own, fictional. A recorded change's ``copy`` span is
the changed piece of the copy's text and its ``source`` span the piece it
replaced in the source text.
"""

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import synthetic  # noqa: E402
import synthetic_words  # noqa: E402
from synthetic import Change, Draft, distort, furnish, make_copy, swap_words  # noqa: E402

from newstrace.ingest.article import join_paragraphs  # noqa: E402
from newstrace.ingest.text import FURNITURE, clean_text  # noqa: E402

HARBOUR = (
    "The Marlow Bay council has approved a new pier for the old harbour.\n\n"
    "Work will cost 31 million crowns. Helen Marsh, the harbour chairman, welcomed the vote.\n\n"
    '"We will rebuild the pier within two years," said Helen Marsh.\n\n'
    "The ferry did not sail on Monday. Kestrel Rovers beat Harbour United on Saturday."
)
HARBOUR_SENTENCES = [
    "The Marlow Bay council has approved a new pier for the old harbour.",
    "Work will cost 31 million crowns.",
    "Helen Marsh, the harbour chairman, welcomed the vote.",
    '"We will rebuild the pier within two years," said Helen Marsh.',
    "The ferry did not sail on Monday.",
    "Kestrel Rovers beat Harbour United on Saturday.",
]


def one_sentence_draft(sentence: str, context: str = "") -> Draft:
    """A draft whose only sentence is ``sentence`` (``context`` paragraphs after it are left untouched)."""
    text = sentence + ("\n\n" + context if context else "")
    draft = Draft.of(text)
    for paragraph in draft.paragraphs[1:]:
        for piece in paragraph:
            piece.source = None  # not a place a distortion may go
    return draft


def changed(source: str, kind: str, seed: int = 0, context: str = "") -> tuple[str, Change]:
    draft = one_sentence_draft(source, context)
    assert distort(draft, kind, random.Random(seed)), f"no place for {kind} in {source!r}"
    copy = draft.finish("edited")
    (change,) = copy.distortions
    return copy.text, change


def test_a_draft_without_changes_gives_back_the_text():
    draft = Draft.of(HARBOUR)
    assert [piece.text for piece in draft.pieces()] == HARBOUR_SENTENCES
    assert [len(p) for p in draft.paragraphs] == [1, 2, 1, 2]
    assert draft.finish("verbatim").text == HARBOUR


def test_a_verbatim_copy_is_the_text_with_no_changes():
    copy = make_copy(HARBOUR, "verbatim", list(synthetic.DISTORTION_TYPES), random.Random(1))
    assert (copy.text, copy.kind, copy.distortions, copy.edits) == (HARBOUR, "verbatim", (), ())



# One sentence, one place for the change: (source, type, copy text, copy span, source span, detail).
SINGLE_CHANGES = [
    ("Work will cost 31 million crowns.", "number", "Work will cost 13 million crowns.", (15, 17), (15, 17), "31 -> 13"),
    ("Helen Marsh, the harbour chairman, spoke.", "role", "Helen Marsh, the harbour treasurer, spoke.", (25, 34),
     (25, 33), "chairman -> treasurer"),
    ("Chief Executive Helen Marsh spoke.", "role", "Finance Director Helen Marsh spoke.", (0, 16), (0, 15),
     "Chief Executive -> Finance Director"),
    ("The council has approved a new pier.", "negation", "The council has not approved a new pier.", (12, 19),
     (12, 15), "negation added"),
    ("The ferry did not sail.", "negation", "The ferry did sail.", (10, 13), (10, 17), "negation removed"),
    ("The ferry wasn't late.", "negation", "The ferry was late.", (10, 13), (10, 16), "negation removed"),
    ("On Saturday Kestrel Rovers beat Harbour United at home.", "agent_swap",
     "On Saturday Harbour United beat Kestrel Rovers at home.", (12, 46), (12, 46), "Kestrel Rovers <-> Harbour United"),
    ("She said the pier would open in May.", "pronoun", "He said the pier would open in May.", (0, 2), (0, 3), "She -> He"),
]


@pytest.mark.parametrize(("source", "kind", "text", "copy_span", "source_span", "detail"), SINGLE_CHANGES)
def test_one_change_with_exact_spans(source, kind, text, copy_span, source_span, detail):
    assert changed(source, kind) == (text, Change(kind, copy_span, source_span, detail))



@pytest.mark.parametrize(
    ("number", "expected"),
    [("31", "13"), ("11", "14"), ("7", "0"), ("2005", "2006"), ("1999", "1998"), ("1,200", "1,203"), ("4.5", "4.8")],
)
def test_a_changed_number_has_another_value_and_the_same_shape(number, expected):
    assert synthetic._changed_number(number) == expected


def test_name_changed_outside_a_quote():
    source = "Helen Marsh, the harbour master, welcomed the vote."
    text, change = changed(source, "name")
    assert change.type == "name" and change.source == (0, 11)
    assert source[slice(*change.source)] == "Helen Marsh"
    new = text[slice(*change.copy)]
    assert new.startswith("Helen ") and new != "Helen Marsh" and new.split()[1] in synthetic_words.SURNAMES
    assert text == new + source[11:]
    assert change.detail == f"Helen Marsh -> {new}"


def test_a_quote_speaker_is_an_attribution_change_not_a_name_change():
    source = '"We will rebuild the pier," said Helen Marsh.'
    assert not distort(one_sentence_draft(source), "name", random.Random(0))
    text, change = changed(source, "attribution")
    assert change.source == (33, 44) and source[33:44] == "Helen Marsh"
    assert text[: change.copy[0]] == source[:33] and text[change.copy[1] :] == "."
    assert text[slice(*change.copy)] != "Helen Marsh"


def test_the_speaker_of_reported_speech_is_an_attribution_change():
    source = "Helen Marsh said that the pier would open in May."
    assert not distort(one_sentence_draft(source), "name", random.Random(0))
    text, change = changed(source, "attribution")
    assert change.source == (0, 11) and text[change.copy[1] :] == source[11:]


def test_the_speaker_before_an_apposition_is_an_attribution_change():
    source = "Helen Marsh, the harbour master, told reporters the pier would open."
    assert not distort(one_sentence_draft(source), "name", random.Random(0))
    _text, change = changed(source, "attribution")
    assert change.source == (0, 11)


def test_a_first_name_before_an_organisation_word_is_no_person():
    assert not distort(one_sentence_draft("Shares in Patrick Corporation fell sharply."), "name", random.Random(0))


def test_a_title_and_surname_keep_the_title():
    source = '"It is a good day," said Mr Marsh.'
    text, change = changed(source, "attribution")
    assert source[slice(*change.source)] == "Mr Marsh"
    assert text[slice(*change.copy)].startswith("Mr ") and text[slice(*change.copy)] != "Mr Marsh"





def test_have_as_a_main_verb_takes_no_negation():
    assert not distort(one_sentence_draft("The harbour has a new pier."), "negation", random.Random(0))



def test_agent_of_a_passive_replaced_by_another_name_of_the_article():
    source = "The pier was bought by Marlow Holdings last year."
    context = "The loan came from Tidewater Bank in the end."
    text, change = changed(source, "agent_swap", context=context)
    assert text == "The pier was bought by Tidewater Bank last year.\n\n" + context
    assert change == Change("agent_swap", (23, 37), (23, 38), "by Marlow Holdings -> by Tidewater Bank")



def test_inserted_junk_has_no_source_span():
    draft = Draft.of(HARBOUR)
    assert distort(draft, "inserted", random.Random(3))
    copy = draft.finish("spun")
    (change,) = copy.distortions
    assert change.type == "inserted" and change.source is None
    assert copy.text[slice(*change.copy)] == change.detail and change.detail in synthetic_words.JUNK
    assert copy.text.replace(change.detail, "").split() == HARBOUR.split()


def test_dropped_sentence_has_no_copy_span_and_is_never_the_first():
    for seed in range(10):
        draft = Draft.of(HARBOUR)
        assert distort(draft, "dropped", random.Random(seed))
        copy = draft.finish("edited")
        (change,) = copy.distortions
        assert change.type == "dropped" and change.copy is None
        dropped = HARBOUR[slice(*change.source)]
        assert dropped in HARBOUR_SENTENCES[1:] and dropped == change.detail
        assert dropped not in copy.text


def test_garbled_sentence_is_its_source_sentence_shuffled():
    source = "Work on the new pier will begin in the spring."
    text, change = changed(source, "garbled")
    assert change.source == (0, len(source)) and change.copy == (0, len(text))
    assert text != source and text.endswith(".") and text[0].isupper()
    assert sorted(text.rstrip(".").lower().split()) == sorted(source.rstrip(".").lower().split())


def test_spinning_swaps_lower_case_words_and_leaves_names_alone():
    text = "The New Company said profits rose at the company."
    draft = Draft.of(text)
    assert swap_words(draft, synthetic_words.SPIN, random.Random(0), rate=1.0) == 4
    copy = draft.finish("spun")
    assert copy.text == "The New Company stated earnings climbed at the business."
    assert [(e.type, copy.text[slice(*e.copy)], text[slice(*e.source)]) for e in copy.edits] == [
        ("spin", "stated", "said"),
        ("spin", "earnings", "profits"),
        ("spin", "climbed", "rose"),
        ("spin", "business", "company"),
    ]


def test_a_trimmed_clause_is_an_edit_with_an_empty_copy_span():
    text = "The pier was sold to a bank, which paid 4 million crowns."
    draft = Draft.of(text)
    assert synthetic.trim_clause(draft, random.Random(0))
    copy = draft.finish("edited")
    assert copy.text == "The pier was sold to a bank."
    assert copy.edits == (Change("trim", (27, 27), (27, 56), ", which paid 4 million crowns"),)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("kind", ["edited", "spun"])
def test_every_change_of_a_distorted_copy_has_exact_spans(kind, seed):
    copy = make_copy(HARBOUR, kind, list(synthetic.DISTORTION_TYPES), random.Random(seed), count=4)
    assert copy.distortions, "a distorted copy has distortions"
    for change in copy.distortions + copy.edits:
        copied = copy.text[slice(*change.copy)] if change.copy else None
        original = HARBOUR[slice(*change.source)] if change.source else None
        if " -> " in change.detail and change.type != "agent_swap":
            assert (original, copied) == tuple(change.detail.split(" -> "))
        elif change.type == "dropped":
            assert (copied, original) == (None, change.detail)
        elif change.type == "inserted":
            assert (copied, original) == (change.detail, None)
        elif change.type == "trim":
            assert (copied, original) == ("", change.detail)
        else:
            assert copied != original
    # One distortion per sentence at most, so no two distortions share a copy span.
    spans = sorted(c.copy for c in copy.distortions if c.copy)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def test_furniture_lines_are_all_removed_by_the_ingest_cleaner():
    for line in synthetic_words.FURNITURE_TOP + synthetic_words.FURNITURE_BOTTOM:
        assert FURNITURE.fullmatch(line), line


def test_a_furnished_page_cleans_back_to_the_copy_text():
    related = ["Ferry timetable changes for winter", "Harbour fish market reopens"]
    for kind in synthetic.KINDS:
        page = furnish("Marlow Bay approves new pier", HARBOUR, kind, related, random.Random(5))
        assert page.count("Marlow Bay approves new pier") >= 1 and "Related articles" in page
        cleaned = clean_text(page, title="Marlow Bay approves new pier")
        assert join_paragraphs(cleaned.paragraphs)[0] == HARBOUR


@pytest.fixture(scope="module")
def originals():
    if not synthetic.DATA.is_dir():
        pytest.skip("../shared/data/bbc-news is absent: the corpus test needs the BBC articles")
    return synthetic.read_originals()


def test_a_bbc_corpus_has_one_copy_of_each_kind_per_source_and_clean_pages(originals):
    records = synthetic.build_corpus(originals, sources=6, distractors=4, seed=7)
    roles = [r.role for r in records]
    assert {role: roles.count(role) for role in set(roles)} == {
        "original": 6, "verbatim": 6, "edited": 6, "spun": 6, "distractor": 4
    }
    by_url = {r.url: r for r in records}
    for record in records:
        cleaned = clean_text(record.page, title=record.title)
        assert join_paragraphs(cleaned.paragraphs)[0] == record.text
        if record.source_url:
            source = by_url[record.source_url]
            assert source.role == "original" and source.published < record.published
            for change in record.distortions:
                if change.source:
                    assert source.text[slice(*change.source)]
    assert len({r.url for r in records}) == len(records)
