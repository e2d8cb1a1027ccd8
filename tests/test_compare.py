"""Comparing two articles: the verdict, the aligned pairs and the distortions.

The bundled examples give the verdicts and the exact distortion table of
examples/README.md; our own Orlen Bay story (tests/fixtures/compare) is copied
with one change at a time, translated into French, reported independently, and
set against an unrelated story.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newstrace.ingest import to_article
from newstrace.link import paraphrase, wordnet
from newstrace.link.compare import REWORDING_MIN_SHARED, compare, read
from newstrace.link.containment import containment
from newstrace.model import Analysis, Document, Entity, Evidence, Quote
from newstrace.pipeline import analyze_articles, analyze_paths

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "compare"
SOURCE_TEXT = (FIXTURES / "source.txt").read_text(encoding="utf-8")


def _article(text: str, name: str, **meta):
    return to_article(Document(source=name, kind="text", text=text, url=f"https://fixtures.example/{name}", **meta))


def _text_only(text: str, name: str, **meta) -> Analysis:
    """An analysis with no entities or quotes, as a non-English article has."""
    return Analysis(article=_article(text, name, **meta))


def _analyzed(nlp, text: str, name: str) -> Analysis:
    (analysis,) = analyze_articles([_article(text, name)], nlp=nlp)
    return analysis


def _edited(*changes: tuple[str, str]) -> str:
    text = SOURCE_TEXT
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return text


def _found(result) -> list[tuple[str, str | None, str | None]]:
    return [(d.type, d.copy.text if d.copy else None, d.source.text if d.source else None) for d in result.distortions]


def _spans_point_into_texts(result, copy: Analysis, source: Analysis) -> bool:
    spans = [(p.copy, copy) for p in result.pairs] + [(p.source, source) for p in result.pairs]
    spans += [(d.copy, copy) for d in result.distortions if d.copy]
    spans += [(d.source, source) for d in result.distortions if d.source]
    return all(analysis.article.text[span.start : span.end] == span.text for span, analysis in spans)


# -- the bundled examples --------------------------------------------------------


@pytest.fixture(scope="module")
def examples(nlp) -> dict[str, Analysis]:
    found = {}
    for analysis in analyze_paths([ROOT / "examples"], nlp=nlp):
        source = Path(analysis.article.source).name
        found[source] = analysis
    return found


@pytest.mark.parametrize(
    ("copy", "source", "verdict"),
    [
        ("02_reprint.txt", "01_original.html", "verbatim"),
        ("03_spun.txt", "01_original.html", "spun"),
        ("03_spun.txt", "02_reprint.txt", "spun"),
        ("07_original_es.txt", "01_original.html", "translated"),
        ("04_independent.html", "01_original.html", "same_story"),
        ("05_followup.txt", "01_original.html", "same_story"),
        ("05_followup.txt", "04_independent.html", "same_story"),
        ("01_original.html", "feed.jsonl:1", "same_story"),
        ("01_original.html", "feed.jsonl:2", "same_story"),
    ],
)
def test_example_verdicts(examples, copy, source, verdict):
    assert compare(examples[copy], examples[source]).verdict == verdict


def test_the_unrelated_example_is_unrelated_to_every_other(examples):
    others = [name for name in examples if name != "06_unrelated.txt"]
    verdicts = {compare(examples["06_unrelated.txt"], examples[name]).verdict for name in others}
    verdicts |= {compare(examples[name], examples["06_unrelated.txt"]).verdict for name in others}
    assert verdicts == {"unrelated"}


def test_a_verbatim_reprint_pairs_every_sentence_and_changes_nothing(examples):
    result = compare(examples["02_reprint.txt"], examples["01_original.html"])
    assert (result.score, len(result.pairs), result.distortions) == (1.0, 30, ())
    assert all(pair.copy.text == pair.source.text for pair in result.pairs)


def test_the_spun_example_has_exactly_the_distortions_of_the_readme(examples):
    copy, source = examples["03_spun.txt"], examples["01_original.html"]
    result = compare(copy, source)
    assert _found(result) == [
        ("inserted", "Let's get started.", None),
        ("number", "13", "31"),
        ("role", "doctor", "nurse"),
        ("agent_swap", "army", "Brigade"),
        ("inserted", "It is conceivable.", None),
        (
            "negation",
            "The government has negotiated directly with the Brigade, Orlov said.",
            "The government has not negotiated directly with the Brigade, Orlov said.",
        ),
        ("pronoun", "He", "She"),
        ("dropped", None, "The Brigade has demanded the release of 14 of its fighters held in prisons in Molvane."),
        ("inserted", "Since then, there was a stop.", None),
        ("garbled", "In mine and other hostages.", None),
        ("attribution", "Emil Drask", "Jiří Novák"),
    ]
    assert _spans_point_into_texts(result, copy, source)


def test_the_spun_example_pairs_reworded_sentences(examples):
    result = compare(examples["03_spun.txt"], examples["01_original.html"])
    pairs = {pair.source.text: pair.copy.text for pair in result.pairs}
    assert pairs["About 1,200 residents were evacuated to Sarn in the days that followed."] == (
        "About 1,200 locals were evacuated to Sarn in the days that adhered to."
    )
    assert len(result.pairs) == 29


def test_the_translated_example_keeps_its_facts_and_drops_the_untranslated_half(examples):
    copy, source = examples["07_original_es.txt"], examples["01_original.html"]
    result = compare(copy, source)
    kinds = [d.type for d in result.distortions]
    assert kinds == ["inserted"] * 2 + ["dropped"] * 16
    assert [d.copy.text for d in result.distortions[:2]] == [
        "Traducción de El Observador Continental.",
        "Artículo original publicado en inglés por el Daily Ledger.",
    ]
    first_dropped = result.distortions[2].source.text
    assert first_dropped == "The government has not negotiated directly with the Brigade, Orlov said."
    assert _spans_point_into_texts(result, copy, source)


def test_the_diff_contract(examples):
    out = compare(examples["03_spun.txt"], examples["01_original.html"]).to_dict()
    assert set(out) >= {"verdict", "score", "pairs", "distortions"}
    assert set(out["pairs"][0]) == {"copy", "source", "similarity"}
    assert set(out["pairs"][0]["copy"]) == {"text", "start", "end"}
    assert out["distortions"][0] == {
        "type": "inserted",
        "copy": {"text": "Let's get started.", "start": 251, "end": 269},
        "source": None,
        "detail": "copy sentence with no counterpart in the source",
    }


# -- our own story, one change at a time -----------------------------------------


@pytest.fixture(scope="module")
def source(nlp) -> Analysis:
    return _analyzed(nlp, SOURCE_TEXT, "source")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param([("Rosa Feld, 52", "Rosa Feld, 25")], ("number", "25", "52"), id="number"),
        pytest.param(
            [("Its chief executive, Marek Dunn", "Its chief executive, Leon Gratz")],
            ("name", "Leon Gratz", "Marek Dunn"),
            id="name",
        ),
        pytest.param([("a former navy pilot", "a former navy nurse")], ("role", "nurse", "pilot"), id="role"),
        pytest.param(
            [("which has not commented", "which has commented")],
            (
                "negation",
                "The trawler was chartered by Halden Fisheries, which has commented on the sinking.",
                "The trawler was chartered by Halden Fisheries, which has not commented on the sinking.",
            ),
            id="negation",
        ),
        pytest.param(
            [("chartered by Halden Fisheries", "chartered by the navy")],
            ("agent_swap", "navy", "Halden Fisheries"),
            id="agent-replaced",
        ),
        pytest.param(
            [("The Northern Coast Guard blamed Halden Fisheries", "Halden Fisheries blamed the Northern Coast Guard")],
            (
                "agent_swap",
                "Halden Fisheries blamed the Northern Coast Guard",
                "Northern Coast Guard blamed Halden Fisheries",
            ),
            id="agent-and-target-swapped",
        ),
        pytest.param(
            [("said Tomáš Říha, a deckhand who was on the trawler", "said Marek Dunn, head of Halden Fisheries")],
            ("attribution", "Marek Dunn", "Tomáš Říha"),
            id="attribution",
        ),
        pytest.param([("She said the sea", "He said the sea")], ("pronoun", "He", "She"), id="pronoun"),
        pytest.param(
            [("led the rescue.", "led the rescue. Here is what we know so far.")],
            ("inserted", "Here is what we know so far.", None),
            id="inserted",
        ),
        pytest.param(
            [("Two of the fishermen were taken to hospital in Orlen with hypothermia. ", "")],
            ("dropped", None, "Two of the fishermen were taken to hospital in Orlen with hypothermia."),
            id="dropped",
        ),
        pytest.param(
            [("The other 12 were released after checks.", "Checks the after 12 other were released the.")],
            ("garbled", "Checks the after 12 other were released the.", "The other 12 were released after checks."),
            id="garbled",
        ),
    ],
)
def test_one_change_is_one_distortion(nlp, source, changes, expected):
    copy = _analyzed(nlp, _edited(*changes), "copy")
    result = compare(copy, source)
    assert result.verdict == "edited"
    assert _found(result) == [expected]
    assert _spans_point_into_texts(result, copy, source)


def test_pure_rewording_is_spun_without_distortions(nlp, source):
    reworded = _edited(
        ("pulled", "hauled"),
        ("officials said", "authorities stated"),
        ('"We found', "“We found"),
        ('alive,"', "alive,”"),
        ("told reporters", "informed journalists"),
        ("was found by", "was spotted by"),
        ("has not commented", "has not actually commented"),
        ("was travelling abroad", "was traveling overseas"),
        ("blamed", "faulted"),
        ("1,200", "1200"),
        ("Two of the fishermen", "Two of the anglers"),
        ("were released", "were freed"),
        ("storm came faster", "storm arrived quicker"),
        ("Tomáš Říha", "Tomas Riha"),
    )
    result = compare(_analyzed(nlp, reworded, "reworded"), source)
    assert (result.verdict, result.distortions) == ("spun", ())
    assert len(result.pairs) == 12


def test_a_french_translation_is_translated_without_distortions(source):
    french = _text_only((FIXTURES / "translation_fr.txt").read_text(encoding="utf-8"), "fr")
    assert french.article.language == "fr"
    result = compare(french, source)
    assert (result.verdict, result.distortions, len(result.pairs)) == ("translated", (), 12)


def test_a_translation_that_changes_a_number_and_a_name(source):
    text = (FIXTURES / "translation_fr.txt").read_text(encoding="utf-8")
    text = text.replace("Rosa Feld, 52 ans", "Rosa Feld, 57 ans").replace("Marek Dunn", "Leon Gratz")
    result = compare(_text_only(text, "fr"), source)
    assert result.verdict == "translated"
    assert _found(result) == [("number", "57", "52"), ("name", "Leon Gratz", "Marek Dunn")]


def test_an_independent_report_is_the_same_story(nlp, source):
    independent = _analyzed(nlp, (FIXTURES / "independent.txt").read_text(encoding="utf-8"), "independent")
    assert compare(independent, source).verdict == "same_story"
    assert compare(source, independent).verdict == "same_story"
    assert compare(independent, source).distortions == ()


def test_an_unrelated_story_is_unrelated(nlp, source):
    unrelated = _analyzed(nlp, (FIXTURES / "unrelated.txt").read_text(encoding="utf-8"), "unrelated")
    result = compare(unrelated, source)
    assert (result.verdict, result.pairs, result.distortions) == ("unrelated", (), ())
    assert compare(source, unrelated).verdict == "unrelated"


# -- from text alone (no model) --------------------------------------------------


# Three reports from one town. The school opening is another event than the pier's closure, with
# the same town, mayor and council (4 shared names, 0.57 of the smaller report's); the repairs are
# a short follow-up of the closure naming nothing but its names. No five-word run is shared.
PIER = """Pier closed in Aldermoor

The mayor of Aldermoor, Petra Vessik, said on Monday that the Harbour Council would close the old ferry pier after inspectors from Brenton Marine found cracks in its supports. Vessik said repairs would take a year.
"""
SCHOOL = """School opens in Aldermoor

A new primary school opened on Friday in Aldermoor, where Mayor Vessik cut the ribbon beside the head teacher, Ola Marsh. The Harbour Council paid for the building with a gift from the Greyfield Trust, Vessik told parents.
"""
REPAIRS = """Repairs begin on Aldermoor pier

Work on the old ferry pier of Aldermoor began on Tuesday, eight weeks after it was closed. Vessik said the Harbour Council had hired Brenton Marine to replace the cracked supports.
"""


@pytest.mark.parametrize(
    "later, later_published, verdict",
    [
        (SCHOOL, "2025-03-07", "same_story"),  # a few shared names are enough in the same week
        (SCHOOL, "2025-05-09", "unrelated"),  # two months apart: the same town, another event
        (SCHOOL, None, "same_story"),  # undated: the names alone decide, as in the same week
        (REPAIRS, "2025-04-28", "same_story"),  # eight weeks apart, but it names only the story's names
    ],
)
def test_reports_weeks_apart_are_one_story_only_as_a_follow_up(later, later_published, verdict):
    pier = _text_only(PIER, "pier", published="2025-03-03")
    report = _text_only(later, "later", published=later_published)
    assert compare(report, pier).verdict == verdict
    assert compare(pier, report).verdict == verdict


def test_a_pair_sharing_no_copied_text_is_judged_without_the_paraphrase_alignment(monkeypatch):
    # The paraphrase alignment (step 3) is the costly step; a pair sharing no five-word run is no copy.
    def never(*args, **kwargs):
        raise AssertionError("the paraphrase alignment ran")

    monkeypatch.setattr(paraphrase, "similarity_matrix", never)
    pier, school = _text_only(PIER, "pier"), _text_only(SCHOOL, "school")
    assert compare(school, pier).verdict == "same_story"
    assert compare(pier, school).verdict == "same_story"


# Two reports of the pier's closure, a day apart, sharing one run of words by chance ("would close
# the old ferry pier": the council's words, retold by both) and their names.
CLOSURE = """Aldermoor pier to close

The mayor of Aldermoor, Petra Vessik, said on Monday that the Harbour Council would close the old ferry pier for a year. Inspectors from Brenton Marine found cracks in three of its wooden supports during a survey in February. Vessik said the ferry to Greyfield would sail from the fishing quay until the repairs were done. Traders on the seafront in Aldermoor told the council they feared losing summer visitors.
"""
FERRY_MOVES = """Ferry moves to fishing quay in Aldermoor

Passengers for Greyfield boarded at the fishing quay of Aldermoor on Tuesday, a day after the Harbour Council said it would close the old ferry pier. Vessik, the town's mayor, watched the first crossing leave at nine. Brenton Marine will begin replacing the cracked supports in April, a council spokesman said. Some travellers in Aldermoor complained about the longer walk from the station to the quay. The operator in Greyfield said tickets bought for the pier would be honoured at the quay in Aldermoor.
"""


def test_a_pair_sharing_a_chance_run_of_words_is_judged_without_the_paraphrase_alignment(monkeypatch):
    # One six-word run in common is under REWORDING_MIN_SHARED of either report: chance, not copying.
    closure = _text_only(CLOSURE, "closure", published="2025-03-03")
    ferry = _text_only(FERRY_MOVES, "ferry", published="2025-03-04")
    shared = containment(read(ferry).words, read(closure).words)
    assert shared.covered.text == "would close the old ferry pier"
    assert 0 < max(shared.copy, shared.source) < REWORDING_MIN_SHARED

    def never(*args, **kwargs):
        raise AssertionError("the paraphrase alignment ran")

    monkeypatch.setattr(paraphrase, "similarity_matrix", never)
    assert compare(ferry, closure).verdict == "same_story"
    assert compare(closure, ferry).verdict == "same_story"


@pytest.mark.skipif(not wordnet.available(), reason="WordNet data files absent (Debian wordnet-base; ./dev installs it)")
def test_a_reworded_copy_sharing_a_few_runs_is_still_read_by_the_paraphrase_alignment(monkeypatch):
    read_by_paraphrase = []
    similarity_matrix = paraphrase.similarity_matrix
    monkeypatch.setattr(
        paraphrase, "similarity_matrix", lambda *args: read_by_paraphrase.append(1) or similarity_matrix(*args)
    )
    source = _text_only(SOURCE_TEXT, "source")
    spun = _text_only((FIXTURES / "spun_heavy.txt").read_text(encoding="utf-8"), "spun")
    assert compare(spun, source).verdict == "spun"
    assert read_by_paraphrase


def test_a_reprint_with_its_site_name_left_in_the_text_is_verbatim():
    source = _text_only(SOURCE_TEXT, "source")
    text = "Harbour Wire Daily\n\n" + source.article.text
    article = replace(source.article, id="reprint", site="Harbour Wire Daily", text=text)
    result = compare(Analysis(article=article), source)
    assert (result.verdict, result.distortions) == ("verbatim", ())


def test_a_reprint_cut_short_is_a_verbatim_copy_of_the_part_it_covers():
    # Scrapes and feeds keep the first part of a page: what is left is still a reprint.
    source = _text_only(SOURCE_TEXT, "source")
    last = (
        '"The storm came faster than any forecast said it would," '
        'said Tomáš Říha, a deckhand who was on the trawler.'
    )
    cut = _text_only(_edited((last, "")), "cut")
    result = compare(cut, source)
    assert (result.verdict, result.distortions) == ("verbatim", ())
    assert result.covered.text.endswith("with hypothermia. The other 12 were released after checks")


def test_number_formats_and_accents_are_no_change():
    source = _text_only(SOURCE_TEXT, "source")
    copy = _text_only(_edited(("1,200", "1200"), ("Tomáš Říha", "Tomas Riha")), "copy")
    assert compare(copy, source).distortions == ()


def test_a_named_speaker_replaced_is_an_attribution_even_without_quotes():
    source = _text_only(SOURCE_TEXT, "source")
    copy = _text_only(_edited(("said Tomáš Říha", "said Leon Gratz")), "copy")
    assert _found(compare(copy, source)) == [("attribution", "Leon Gratz", "Tomáš Říha")]


def test_a_person_replaced_elsewhere_is_a_name_change_without_entities():
    source = _text_only(SOURCE_TEXT, "source")
    copy = _text_only(_edited(("Its chief executive, Marek Dunn", "Its chief executive, Leon Gratz")), "copy")
    assert _found(compare(copy, source)) == [("name", "Leon Gratz", "Marek Dunn")]


def test_an_honorific_of_the_other_gender_is_a_pronoun_change():
    source = _text_only(SOURCE_TEXT.replace("Feld told reporters", "Ms Feld told reporters"), "source")
    copy = _text_only(SOURCE_TEXT.replace("Feld told reporters", "Mr Feld told reporters"), "copy")
    assert _found(compare(copy, source)) == [("pronoun", "Mr", "Ms")]


def test_a_speaker_keeping_part_of_the_name_has_a_name_change():
    source = _text_only(SOURCE_TEXT, "source")
    copy = _text_only(_edited(("said Tomáš Říha", "said Pavel Říha")), "copy")
    assert _found(compare(copy, source)) == [("name", "Pavel", "Tomáš")]


def test_a_reprint_that_drops_accents_and_special_letters_is_verbatim():
    source = _text_only(SOURCE_TEXT.replace("hospital in Orlen", "hospital in Łódź"), "source")
    plain = SOURCE_TEXT.replace("hospital in Orlen", "hospital in Lodz").replace("Tomáš Říha", "Tomas Riha")
    copy = _text_only(plain, "copy")
    result = compare(copy, source)
    assert (result.verdict, result.distortions) == ("verbatim", ())


# -- what kind of change a replaced word is (text alone) -------------------------


def _text_only_changes(*changes: tuple[str, str], source_text: str = SOURCE_TEXT) -> list:
    source = _text_only(source_text, "source")
    copy_text = source_text
    for old, new in changes:
        assert old in copy_text, old
        copy_text = copy_text.replace(old, new)
    return _found(compare(_text_only(copy_text, "copy"), source))


def test_a_speakers_surname_replaced_is_an_attribution():
    assert _text_only_changes(("said Tomáš Říha", "said Tomáš Horak")) == [("attribution", "Horak", "Říha")]


def test_a_speaker_named_before_an_apposition_is_an_attribution():
    source_text = SOURCE_TEXT.replace("Feld told reporters", "Feld, who flew the helicopter, told reporters")
    found = _text_only_changes(("Feld, who flew", "Kessler, who flew"), source_text=source_text)
    assert found == [("attribution", "Kessler", "Feld")]


def test_a_name_after_by_is_the_agent_of_a_passive():
    assert _text_only_changes(("chartered by Halden Fisheries", "chartered by Rosa Feld")) == [
        ("agent_swap", "Rosa Feld", "Halden Fisheries")
    ]


def test_a_name_respelt_in_place_is_a_name_change_even_as_an_agent():
    source_text = SOURCE_TEXT.replace("chartered by Halden Fisheries", "chartered by Marek Dunn of Halden Fisheries")
    found = _text_only_changes(("by Marek Dunn of", "by Marek Dunne of"), source_text=source_text)
    assert found == [("name", "Dunne", "Dunn")]


def test_capitalised_and_hyphenated_roles_are_role_changes():
    assert _text_only_changes(("Captain Rosa Feld", "Commander Rosa Feld")) == [("role", "Commander", "Captain")]
    assert _text_only_changes(("a former navy pilot", "a former navy co-pilot")) == [("role", "co-pilot", "pilot")]


def test_a_sentence_cut_short_at_a_clause_is_no_distortion():
    cut = (
        ("Halden Fisheries, which has not commented on the sinking.", "Halden Fisheries."),
        ("litres of diesel, and a thin slick was seen near the wreck.", "litres of diesel."),
    )
    assert _text_only_changes(*cut) == []


# -- translations: names across spellings and scripts ----------------------------


def test_a_respelt_name_in_a_translation_pairs_with_its_counterpart_not_with_a_foreign_word(nlp):
    source = _analyzed(nlp, SOURCE_TEXT.replace("Marek Dunn", "Marek Dunnerman"), "source-dunnerman")
    french = (FIXTURES / "translation_fr.txt").read_text(encoding="utf-8")
    french = french.replace("Marek Dunn", "Marek Dunnermann").replace("Son directeur général", "Son Directeur Général")
    result = compare(_text_only(french, "fr"), source)
    assert result.verdict == "translated"
    assert _found(result) == [("name", "Dunnermann", "Dunnerman")]


@pytest.fixture(scope="module")
def bridge(nlp) -> Analysis:
    return _analyzed(nlp, (FIXTURES / "bridge_en.txt").read_text(encoding="utf-8"), "bridge")


def test_a_russian_translation_matches_transliterated_names(bridge):
    russian = _text_only((FIXTURES / "bridge_ru.txt").read_text(encoding="utf-8"), "ru")
    assert russian.article.language == "ru"
    result = compare(russian, bridge)
    assert (result.verdict, result.distortions, len(result.pairs)) == ("translated", (), 7)


def test_a_russian_translation_that_replaces_a_name(bridge):
    text = (FIXTURES / "bridge_ru.txt").read_text(encoding="utf-8").replace("Инженер Марта Вуйцик", "Инженер Анна Голубева")
    result = compare(_text_only(text, "ru"), bridge)
    assert result.verdict == "translated"
    assert _found(result) == [("name", "Анна Голубева", "Marta Wojcik")]


def test_a_surname_changed_in_place_is_a_name_change_or_an_attribution(nlp):
    source_text = SOURCE_TEXT.replace("Captain Rosa Feld, 52", "Captain Dana Orlov, 52").replace("Feld told", "Orlov told")
    source = _analyzed(nlp, source_text, "source-orlov")
    respelt = _analyzed(nlp, source_text.replace("Dana Orlov, 52", "Dana Orlova, 52"), "copy-orlova")
    assert _found(compare(respelt, source)) == [("name", "Orlova", "Orlov")]
    speaker = _analyzed(nlp, source_text.replace("Orlov told", "Orlova told"), "copy-orlova-speaks")
    assert _found(compare(speaker, source)) == [("attribution", "Orlova", "Orlov")]


def test_a_shuffled_sentence_that_runs_on_into_the_next_is_one_garbled_sentence():
    # Ending in "A." the shuffled sentence reads as running on ("John A. Smith").
    shuffled = "Offshore the crew kilometres 20 about Guard Coast Northern from helicopter was found by The A."
    original = "The crew was found by a helicopter from the Northern Coast Guard about 20 kilometres offshore."
    source_run = original + " Captain Rosa Feld, 52, a former navy pilot, led the rescue."
    copy_run = shuffled + " Captain Rosa Feld, 52, a former navy pilot, led the rescue."
    assert _text_only_changes((original, shuffled)) == [("garbled", copy_run, source_run)]


def _with_quote(analysis: Analysis, quoted: str, speaker: str) -> Analysis:
    start = analysis.article.text.index(quoted)
    evidence = Evidence(analysis.article.id, 0, start, start + len(quoted))
    return replace(analysis, quotes=(Quote(quoted, "direct", evidence, speaker_name=speaker),))


def test_two_parses_naming_different_speakers_of_one_quote_are_no_attribution():
    # The copy renames the first of two deckhands; its parse gives the quote to
    # the renamed one, the source's to the other, who is still in the sentence.
    line = 'Deckhands Ivo Sarek and Jan Pohl, who watched, said: "We lost everything on board."'
    source_text = SOURCE_TEXT.replace("The other 12 were released after checks.", line)
    copy_text = source_text.replace("Ivo Sarek", "Lena Brandt")
    quoted = "We lost everything on board."
    source = _with_quote(_text_only(source_text, "source-deckhands"), quoted, "Jan Pohl")
    copy = _with_quote(_text_only(copy_text, "copy-deckhands"), quoted, "Lena Brandt")
    assert _found(compare(copy, source)) == [("name", "Lena Brandt", "Ivo Sarek")]


def test_a_person_a_parse_calls_an_organization_is_still_a_person_after_an_honorific():
    source = _text_only(SOURCE_TEXT.replace("Marek Dunn, was", "Mr Dunn, was"), "source-mr-dunn")
    gates = Entity(id="o1", kind="organization", name="Gates")

    def copy(title: str) -> Analysis:
        text = SOURCE_TEXT.replace("Marek Dunn, was", f"{title}Gates, was")
        return replace(_text_only(text, f"copy-{title}gates"), entities=(gates,))

    assert _found(compare(copy("Mr "), source)) == [("name", "Gates", "Dunn")]
    # Without the honorific the parse's word stands: an organization replaced the person.
    source = _text_only(SOURCE_TEXT.replace("Marek Dunn, was", "Dunn, was"), "source-dunn")
    assert _found(compare(copy(""), source)) == [("agent_swap", "Gates", "Dunn")]


# -- real-world kinds of copy, in our own words ------------------------------------


@pytest.mark.skipif(not wordnet.available(), reason="WordNet data files absent (Debian wordnet-base; ./dev installs it)")
def test_a_content_farm_rewrite_is_spun_and_only_its_filler_is_reported(nlp, source):
    # Most content words replaced (WordNet synonyms or not), clauses moved, a filler line.
    spun = _analyzed(nlp, (FIXTURES / "spun_heavy.txt").read_text(encoding="utf-8"), "spun_heavy")
    result = compare(spun, source)
    assert result.verdict == "spun"
    assert len(result.pairs) >= 10
    found = _found(result)
    assert ("inserted", "Let's get started.", None) in found
    assert not [d for d in found if d[0] in ("number", "name", "negation", "pronoun", "agent_swap", "dropped")]
    assert _spans_point_into_texts(result, spun, source)


def test_a_short_rewrite_of_a_few_sentences_is_a_summary_that_drops_nothing(nlp, source):
    summary = _analyzed(nlp, (FIXTURES / "summary.txt").read_text(encoding="utf-8"), "summary")
    result = compare(summary, source)
    assert result.verdict == "summary"
    assert len(result.pairs) == 3
    assert result.distortions == ()


def test_a_copy_that_runs_on_past_a_source_scraped_in_part_is_verbatim():
    whole = _text_only(SOURCE_TEXT, "whole")
    scraped = _text_only(SOURCE_TEXT[: SOURCE_TEXT.index("The Northern Coast Guard blamed")], "scraped")
    result = compare(whole, scraped)
    assert (result.verdict, result.distortions) == ("verbatim", ())


def test_the_diff_says_which_part_of_the_source_a_partial_copy_covers():
    source = _text_only(SOURCE_TEXT, "source")
    lead = _text_only(SOURCE_TEXT[: SOURCE_TEXT.index("The crew was found")], "lead")
    result = compare(lead, source)
    assert result.verdict == "verbatim"
    assert result.covered.text.startswith("Rescue crews pulled 14 fishermen")
    assert result.covered.text.endswith("sank in a storm, officials said")
    assert result.to_dict()["covered"]["start"] == result.covered.start


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param("from the Northern Coast Guard about", "from the NCG about", id="acronym"),
        pytest.param("Halden Fisheries, which", "Halden Fisheries’ charterers, which", id="possessive-context"),
        pytest.param("blamed Halden Fisheries for", "blamed Halden Fisheries''s owners for", id="doubled-apostrophe"),
    ],
)
def test_house_style_and_spelt_out_names_are_no_actor_change(old, new):
    source = _text_only(SOURCE_TEXT, "source")
    copy = _text_only(_edited((old, new)), "copy")
    result = compare(copy, source)
    assert result.verdict == "edited"
    assert not [d for d in result.distortions if d.type in ("name", "agent_swap", "attribution")]


def test_a_reworded_sentence_that_moves_its_clauses_swaps_no_agents():
    source = _text_only(
        "The Northern Coast Guard blamed Halden Fisheries for a distress beacon that had failed, officials said. "
        "Rescue crews pulled 14 fishermen from the sea off Orlen Bay on Monday. "
        "Two of the fishermen were taken to hospital in Orlen with hypothermia.",
        "source",
    )
    copy = _text_only(
        "Halden Fisheries was faulted by the Northern Coast Guard for a warning beacon that had broken, authorities stated. "
        "Rescue teams hauled 14 anglers out of the ocean near Orlen Bay on Monday. "
        "Two of the anglers were brought to hospital in Orlen with hypothermia.",
        "copy",
    )
    result = compare(copy, source)
    assert result.verdict in ("spun", "edited")
    assert not [d for d in result.distortions if d.type == "agent_swap"]


def test_what_the_linker_reads_of_a_stored_candidate_compares_as_the_whole_analysis(examples, tmp_path):
    # The copy linker reads its candidates with Store.compared_analyses (the article, its flags,
    # quotes and entities' names): every verdict, pair and distortion is the same as on the
    # whole analyses, the attribution and the junk among them.
    from newstrace.store import Store

    store = Store(str(tmp_path / "compared.db"))
    names = ("01_original.html", "02_reprint.txt", "03_spun.txt", "04_independent.html", "07_original_es.txt")
    for name in names:
        store.add(examples[name])
    compared = store.compared_analyses([examples[name].article.id for name in names])
    spun = compared[examples["03_spun.txt"].article.id]
    assert spun.flags == examples["03_spun.txt"].flags and spun.quotes == examples["03_spun.txt"].quotes
    assert spun.events == () and all(entity.mentions == () for entity in spun.entities)
    for copy in names:
        for source in names:
            if copy != source:
                light = compare(compared[examples[copy].article.id], compared[examples[source].article.id])
                assert light == compare(examples[copy], examples[source]), (copy, source)
    assert ("attribution", "Emil Drask", "Jiří Novák") in _found(compare(spun, compared[examples["01_original.html"].article.id]))
