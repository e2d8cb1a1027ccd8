"""Attributions beyond speech: their kind, where they were made, and quotes-only output."""

from newstrace.extract.entities import extract_entities
from newstrace.extract.quotes import extract_quotes, group_attributions
from helpers import make_article
from newstrace.model import QUOTE_KINDS


def _attributions(nlp, text):
    article = make_article(text)
    doc = nlp(text)
    return extract_quotes(doc, article, extract_entities(doc, article))


def test_each_attribution_says_its_kind(nlp):
    text = (
        "Senator Ada Hale believes that the tariff will fail. "
        "According to the port authority, two cranes are still working. "
        "Mayor Tom Reyes criticized the new steel tariff. "
        'Hale said, "We will vote against it."'
    )
    found = [(q.kind, q.speaker_name, q.text) for q in _attributions(nlp, text)]
    assert ("stance", "Ada Hale", "the tariff will fail") in found
    assert ("according_to", "the port authority", "two cranes are still working") in found
    assert ("stance", "Tom Reyes", "the new steel tariff") in found
    assert ("direct", "Ada Hale", "We will vote against it.") in found


def test_quotes_only_are_the_speech_kinds(nlp):
    text = 'Senator Ada Hale believes that the tariff will fail. Hale said, "We will vote against it."'
    quotes = [q.text for q in _attributions(nlp, text) if q.kind in QUOTE_KINDS]
    assert quotes == ["We will vote against it."]


def test_a_headline_names_its_source_before_the_colon(nlp):
    text = "Poll: Voters favour the new harbour plan\n\nThe survey of 900 adults ran last week."
    (headline,) = [q for q in _attributions(nlp, text) if q.cue == ":"]
    assert (headline.speaker_name, headline.text, headline.kind) == ("Poll", "Voters favour the new harbour plan", "indirect")


def test_where_a_statement_was_made(nlp):
    text = (
        "Mayor Tom Reyes told Reuters that the port would reopen. "
        "Speaking at a press conference, Senator Ada Hale said that talks had failed. "
        'Writing in a Telegram post, Anna Berg said, "We are safe."'
    )
    media = {q.speaker_name: q.medium for q in _attributions(nlp, text)}
    assert media == {"Tom Reyes": "Reuters", "Ada Hale": "press conference", "Anna Berg": "Telegram"}


def test_an_attribution_inside_another_ones_content_is_part_of_that_statement(nlp):
    text = "Governor Jeb Bush told reporters that he would support Democrat Hillary Clinton over Donald Trump."
    found = _attributions(nlp, text)
    kinds = {(q.kind, q.text) for q in found}
    # Both facts stay, each with its kind ...
    assert ("indirect", "he would support Democrat Hillary Clinton over Donald Trump") in kinds
    assert ("stance", "Democrat Hillary Clinton") in kinds
    # ... as one statement: the enclosing report's.
    assert len({q.group for q in found}) == 1
    (statement,) = group_attributions(found)
    assert statement[0].kind == "indirect"


def test_attributions_side_by_side_stay_two_statements(nlp):
    text = "Senator Ada Hale believes that the tariff will fail. Mayor Tom Reyes criticized the new steel tariff."
    assert len(group_attributions(_attributions(nlp, text))) == 2


def test_the_seed_report_of_hamas_words_according_to_state_media_is_one_statement(nlp, seed_clean):
    doc = nlp(seed_clean.text)
    found = extract_quotes(doc, seed_clean, extract_entities(doc, seed_clean))
    outer = next(q for q in found if q.kind == "according_to" and q.speaker_name == "state media")
    inner = next(q for q in found if q.kind == "indirect" and q.speaker_name == "Hamas")
    assert inner.text == "the list was going to receive extra consideration"
    assert inner.group == outer.group
