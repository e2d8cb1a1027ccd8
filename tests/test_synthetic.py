"""The synthetic copies generator (bench/synthetic.py): every change is recorded with exact spans.

The texts here are our own, fictional. A recorded change's ``copy`` span is
the changed piece of the copy's text and its ``source`` span the piece it
replaced in the source text. The spinner's thesaurus is Debian's mythes-en-us
(/usr/share/mythes): tests that spin skip when it is absent (``./dev setup``
installs it where apt-get is available).
"""

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import mythes  # noqa: E402
import synthetic  # noqa: E402
import synthetic_words  # noqa: E402
from synthetic import Change, Draft, distort, furnish, make_copy  # noqa: E402

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
    copy = draft.finish("edited", "edited")
    (change,) = copy.distortions
    return copy.text, change


def test_a_draft_without_changes_gives_back_the_text():
    draft = Draft.of(HARBOUR)
    assert [piece.text for piece in draft.pieces()] == HARBOUR_SENTENCES
    assert [len(p) for p in draft.paragraphs] == [1, 2, 1, 2]
    assert draft.finish("verbatim", "verbatim").text == HARBOUR


def test_a_verbatim_copy_is_the_text_with_no_changes():
    copy = make_copy(HARBOUR, "verbatim", list(synthetic.DISTORTION_TYPES), random.Random(1))
    assert (copy.text, copy.kind, copy.verdict, copy.distortions, copy.edits) == (HARBOUR, "verbatim", "verbatim", (), ())


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




@pytest.fixture(scope="module")
def needs_thesaurus():
    if mythes.english() is None:
        pytest.skip(f"the spinner's thesaurus {mythes.EN_US}.dat is absent: install Debian's mythes-en-us (./dev setup)")


# -- the MyThes reader, on a thesaurus file of our own -----------------------------------------


def test_the_mythes_reader_gives_senses_parts_of_speech_and_relations(tmp_path):
    entries = [
        ("harbour", ["(noun)|haven|port|seaport (generic term)", "(verb)|shelter|keep (generic term)|expel (antonym)"]),
        ("pier", ["(noun)|wharf|jetty|landing stage|platform (related term)"]),
    ]
    data, index = ["UTF-8"], []
    offset = len("UTF-8\n")
    for word, senses in entries:
        index.append(f"{word}|{offset}")
        block = [f"{word}|{len(senses)}", *senses]
        data += block
        offset += sum(len(line.encode()) + 1 for line in block)
    (tmp_path / "th_test.dat").write_text("\n".join(data) + "\n", encoding="utf-8")
    (tmp_path / "th_test.idx").write_text("\n".join(["UTF-8", str(len(index)), *index]) + "\n", encoding="utf-8")
    book = mythes.Thesaurus(tmp_path / "th_test")
    assert len(book) == 2 and "pier" in book and "quay" not in book and book.senses("quay") == ()
    noun, verb = book.senses("harbour")
    assert noun == mythes.Sense("noun", (mythes.Term("haven"), mythes.Term("port"), mythes.Term("seaport", "generic term")))
    assert verb.pos == "verb" and verb.terms[-1] == mythes.Term("expel", "antonym")
    assert [t.text for t in book.senses("pier")[0].terms] == ["wharf", "jetty", "landing stage", "platform"]


# -- the spinner's words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "inflection", "pos", "expected"),
    [
        ("take off", "ed", "verb", "took off"),
        ("stock market", "s", "noun", "stock markets"),
        ("carry", "ing", "verb", "carrying"),
        ("carry", "ed", "verb", "carried"),
        ("approve", "ed", "verb", "approved"),
        ("ferry", "s", "noun", "ferries"),
        ("church", "s", "noun", "churches"),
        ("pier", "", "noun", "pier"),
    ],
)
def test_a_thesaurus_term_takes_the_inflection_of_the_word_it_replaces(term, inflection, pos, expected):
    assert synthetic.inflect(term, inflection, pos) == expected


def test_a_word_is_read_as_its_dictionary_forms():
    assert ("plan", "ed") in synthetic.readings("planned")
    assert ("rise", "ed") in synthetic.readings("rose")
    assert ("ferry", "s") in synthetic.readings("ferries")
    assert ("approve", "ed") in synthetic.readings("approved")


def test_spinning_replaces_content_words_from_the_thesaurus_and_keeps_names_numbers_and_speakers(needs_thesaurus):
    text = 'Harbour officials approved 31 new moorings for Kestrel Rovers, said Helen Marsh.'
    draft = Draft.of(text)
    assert synthetic.spin_words(draft, random.Random(2), rate=1.0) >= 3
    copy = draft.finish("spun", "spun")
    for name in ("31", "Kestrel Rovers", "said Helen Marsh"):
        assert name in copy.text
    assert all(edit.type == "spin" for edit in copy.edits)
    for edit in copy.edits:
        word, new = edit.detail.split(" -> ")
        assert (text[slice(*edit.source)], copy.text[slice(*edit.copy)]) == (word, new)
        offered = [term for sense in synthetic.replacements(word.lower()) for term in sense]
        assert new.lower() in offered
    assert "Harbour" not in copy.text  # a sentence's first word is spun too ("Harbour officials" is no name)


def test_the_spinner_never_puts_in_a_word_a_distortion_would_change():
    assert synthetic.replacements("he") == [] and synthetic.replacements("million") == []
    assert synthetic.replacements("chairman") == [] and synthetic.replacements("said") == []


def test_an_editor_takes_a_close_synonym(needs_thesaurus):
    draft = Draft.of("The ferry company bought a vessel.")
    assert synthetic.edit_wording(draft, random.Random(0), touches=1) == 1
    (edit,) = draft.finish("edited", "edited").edits
    word, new = edit.detail.split(" -> ")
    assert edit.type == "wording" and " " not in new
    assert new in synthetic.replacements(word, closest=True)[0]


# -- the spinner's sentences ------------------------------------------------------------------


def piece_of(text: str) -> synthetic._Piece:
    (piece,) = Draft.of(text).pieces()
    return piece


def test_a_fronted_clause_moves_to_the_end_and_carries_the_changes_in_it():
    piece = piece_of("In May, the council approved the pier.")
    assert synthetic._replace(piece, 20, 28, "sanctioned", "spin", "approved -> sanctioned")
    assert synthetic.move_clause(piece)
    assert piece.text == "The council sanctioned the pier in May."
    reorder, spin = sorted(piece.changes, key=lambda c: c.type)
    assert piece.text[slice(*spin.copy)] == "sanctioned" and spin.source == (20, 28)
    assert reorder == Change("reorder", (0, len(piece.text)), (0, 38), "fronted clause moved to the end")


def test_a_trailing_clause_moves_to_the_front():
    piece = piece_of("The ferry stayed in port, because the storm had not passed.")
    assert synthetic.move_clause(piece)
    assert piece.text == "Because the storm had not passed, the ferry stayed in port."


def test_an_easy_active_sentence_is_made_passive():
    piece = piece_of("The council approved the new pier on Monday.")
    assert synthetic.flip_voice(piece)
    assert piece.text == "The new pier was approved by the council on Monday."
    assert not synthetic.flip_voice(piece_of("The council added the new pier."))  # "added": no passive


def test_a_long_sentence_splits_at_a_join():
    piece = piece_of("The ferry sailed at noon from the pier, and the harbour closed an hour later.")
    assert synthetic.split_sentence(piece)
    assert piece.text == "The ferry sailed at noon from the pier. And the harbour closed an hour later."


def test_two_sentences_join_into_one_with_their_changes():
    draft = Draft.of("The pier opened. The ferry sailed at noon.")
    first, second = draft.pieces()
    assert synthetic._replace(second, 4, 9, "boat", "spin", "ferry -> boat")
    merged = synthetic.merge_sentences(first, second, random.Random(0))
    assert merged.source == (0, 42)
    joined = {merged.text.replace(joiner, "|") for joiner in (", and ", "; ", ", while ", " and ")}
    assert "The pier opened|the boat sailed at noon." in joined
    spin = next(c for c in merged.changes if c.type == "spin")
    assert merged.text[slice(*spin.copy)] == "boat" and spin.source == (21, 26)


def test_a_join_that_would_lower_a_changed_word_is_not_made():
    draft = Draft.of("The pier opened. The ferry sailed.")
    first, second = draft.pieces()
    assert synthetic._replace(second, 0, 3, "These", "spin", "The -> These")
    assert synthetic.merge_sentences(first, second, random.Random(0)) is None


@pytest.mark.parametrize("seed", range(8))
def test_a_garbled_sentence_keeps_its_words_out_of_order(seed):
    source = "Work on the new pier will begin in the spring after the vote."
    text, change = changed(source, "garbled", seed=seed)
    assert change.source == (0, len(source)) and change.copy == (0, len(text))
    assert text != source and text.endswith(".") and text[0].isupper()
    assert change.detail == ("words shuffled" if text.count(".") == 1 else "sentence broken")

    def bag(sentence):
        return sorted(word.strip(".,").lower() for word in sentence.split())

    assert bag(text) == bag(source)


def test_a_filler_line_has_no_source_span():
    draft = Draft.of(HARBOUR)
    assert distort(draft, "inserted", random.Random(3))
    copy = draft.finish("spun", "spun")
    (change,) = copy.distortions
    assert change.type == "inserted" and change.source is None
    assert copy.text[slice(*change.copy)] == change.detail and change.detail in synthetic_words.FILLERS
    assert copy.text.replace(change.detail, "").split() == HARBOUR.split()


def test_dropped_sentence_has_no_copy_span_and_is_never_the_first():
    for seed in range(10):
        draft = Draft.of(HARBOUR)
        assert distort(draft, "dropped", random.Random(seed))
        copy = draft.finish("edited", "edited")
        (change,) = copy.distortions
        assert change.type == "dropped" and change.copy is None
        dropped = HARBOUR[slice(*change.source)]
        assert dropped in HARBOUR_SENTENCES[1:] and dropped == change.detail
        assert dropped not in copy.text


def test_a_trimmed_clause_is_an_edit_with_an_empty_copy_span():
    text = "The pier was sold to a bank, which paid 4 million crowns."
    draft = Draft.of(text)
    assert synthetic.trim_clause(draft, random.Random(0))
    copy = draft.finish("edited", "edited")
    assert copy.text == "The pier was sold to a bank."
    assert copy.edits == (Change("trim", (27, 27), (27, 56), ", which paid 4 million crowns"),)


# -- whole copies --------------------------------------------------------------------------------


def assert_changes_match_the_texts(copy: synthetic.Copy, source: str) -> None:
    """Every recorded change says what the two texts hold at its spans."""
    for change in copy.distortions + copy.edits:
        copied = copy.text[slice(*change.copy)] if change.copy else None
        original = source[slice(*change.source)] if change.source else None
        if " -> " in change.detail and change.type != "agent_swap":
            assert (original, copied) == tuple(change.detail.split(" -> ")), change
        elif change.type in ("dropped", "omitted"):
            assert (copied, original) == (None, change.detail)
        elif change.type == "inserted":
            assert (copied, original) == (change.detail, None)
        elif change.type == "trim":
            assert (copied, original) == ("", change.detail)
        elif change.type == "cut":
            assert copied is None and change.source[1] == len(source)
        else:
            assert copied and original and copied != original, change
    # One distortion per sentence at most, so no two distortions share a copy span.
    spans = sorted(c.copy for c in copy.distortions if c.copy)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("kind", ["edited", "spun", "partial", "summary"])
def test_every_change_of_a_copy_has_exact_spans(kind, seed, needs_thesaurus):
    copy = make_copy(HARBOUR, kind, list(synthetic.DISTORTION_TYPES), random.Random(seed), count=4)
    assert copy.kind == kind and copy.verdict in ("verbatim", "edited", "spun", "summary")
    assert copy.distortions or copy.verdict == "verbatim", "a copy that is not verbatim is distorted"
    assert_changes_match_the_texts(copy, HARBOUR)


def test_a_copy_is_the_same_for_the_same_seed(needs_thesaurus):
    for kind in synthetic.KINDS:
        made = [make_copy(HARBOUR, kind, list(synthetic.DISTORTION_TYPES), random.Random(5), count=3) for _ in "ab"]
        assert made[0] == made[1]


def test_a_spun_copy_changes_most_words_and_keeps_names_and_numbers(needs_thesaurus):
    copy = make_copy(HARBOUR, "spun", [], random.Random(4), count=0)
    assert copy.verdict == "spun" and all(c.type == "inserted" for c in copy.distortions)  # only a filler line
    for kept in ("Marlow Bay", "31", "Helen Marsh", "Kestrel Rovers", "Harbour United"):
        assert kept in copy.text
    spun = [e for e in copy.edits if e.type == "spin"]
    content = [w for w in HARBOUR.split() if synthetic.replacements(w.strip('.,"').lower())]
    assert len(spun) > len(content) / 2


@pytest.mark.parametrize("seed", range(6))
def test_a_partial_copy_is_the_first_part_of_its_source(seed, needs_thesaurus):
    copy = make_copy(HARBOUR, "partial", list(synthetic.DISTORTION_TYPES), random.Random(seed), count=2)
    (cut,) = [e for e in copy.edits if e.type == "cut"]
    assert 0 < cut.source[0] < len(HARBOUR) and cut.source[1] == len(HARBOUR)
    if copy.verdict == "verbatim":
        assert copy.text == HARBOUR[: cut.source[0]] and copy.distortions == ()
    else:
        assert copy.verdict == "edited" and copy.distortions
        assert all(c.source is None or c.source[1] <= cut.source[0] for c in copy.distortions)


@pytest.mark.parametrize("seed", range(6))
def test_a_summary_keeps_the_lead_and_a_few_sentences_reworded(seed, needs_thesaurus):
    copy = make_copy(HARBOUR, "summary", list(synthetic.DISTORTION_TYPES), random.Random(seed), count=2)
    omitted = [e for e in copy.edits if e.type == "omitted"]
    kept = len(HARBOUR_SENTENCES) - len(omitted)
    assert copy.verdict == "summary" and 3 <= kept <= 5 and HARBOUR_SENTENCES[0] not in [e.detail for e in omitted]
    assert {d.type for d in copy.distortions} <= set(synthetic.SUMMARY_DISTORTION_TYPES) and copy.distortions
    assert len(copy.text) < len(HARBOUR)


@pytest.mark.parametrize("seed", range(6))
def test_distortions_stay_in_the_part_of_the_source_a_comparer_sees(seed, needs_thesaurus):
    covered = HARBOUR.index("The ferry")  # the source was scraped up to its last paragraph
    copy = make_copy(HARBOUR, "spun", list(synthetic.DISTORTION_TYPES), random.Random(seed), count=4, covered=covered)
    assert "Harbour United" in copy.text  # the copy runs on past the scraped part
    assert all(c.source is None or c.source[1] <= covered for c in copy.distortions)
    last = copy.text.index("Harbour United")
    assert all(c.copy is None or c.copy[1] <= last for c in copy.distortions)


def test_furniture_lines_are_all_removed_by_the_ingest_cleaner():
    for line in synthetic_words.FURNITURE_TOP + synthetic_words.FURNITURE_BOTTOM:
        assert FURNITURE.fullmatch(line), line


def test_filler_lines_are_prose_the_ingest_cleaner_keeps():
    for line in synthetic_words.FILLERS:
        assert not FURNITURE.fullmatch(line), line


def test_a_furnished_page_cleans_back_to_the_copy_text():
    related = ["Ferry timetable changes for winter", "Harbour fish market reopens"]
    for verdict in ("verbatim", "edited", "spun", "summary"):
        page = furnish("Marlow Bay approves new pier", HARBOUR, verdict, related, random.Random(5))
        assert page.count("Marlow Bay approves new pier") >= 1 and "Related articles" in page
        cleaned = clean_text(page, title="Marlow Bay approves new pier")
        assert join_paragraphs(cleaned.paragraphs)[0] == HARBOUR


@pytest.fixture(scope="module")
def originals():
    if not synthetic.DATA.is_dir():
        pytest.skip("../shared/data/bbc-news is absent: the corpus test needs the BBC articles")
    return synthetic.read_originals()


def test_a_bbc_corpus_has_one_copy_of_each_kind_per_source_and_clean_pages(originals, needs_thesaurus):
    records = synthetic.build_corpus(originals, sources=6, distractors=4, seed=7)
    assert [r.gold() for r in records] == [r.gold() for r in synthetic.build_corpus(originals, 6, 4, seed=7)]
    roles = [r.role for r in records]
    assert {role: roles.count(role) for role in set(roles)} == {
        "original": 6, "verbatim": 6, "edited": 6, "spun": 6, "partial": 6, "summary": 6, "distractor": 4
    }
    by_url = {r.url: r for r in records}
    full = {f"https://news.bbc.example/{o.key}": o.text for o in originals}
    for record in records:
        cleaned = clean_text(record.page, title=record.title)
        assert join_paragraphs(cleaned.paragraphs)[0] == record.text
        if record.role == "original":
            assert full[record.url].startswith(record.text) and record.scraped_in_part == (record.text != full[record.url])
        if record.source_url:
            source = by_url[record.source_url]
            assert source.role == "original" and source.published < record.published
            assert record.verdict == (record.role if record.role != "partial" else record.verdict)
            assert record.verdict in ("verbatim", "edited", "spun", "summary")
            assert_changes_match_the_texts(
                synthetic.Copy(record.text, record.role, record.verdict, record.distortions, record.edits),
                full[record.source_url],
            )
            for change in record.distortions:  # the stored source holds every distortion's source span
                assert change.source is None or change.source[1] <= len(source.text)
    assert len({r.url for r in records}) == len(records)
