"""The channel of a release: mediators, direct or mediated, and the deal or truce it was (not) part of."""

import pytest

from newstrace.extract.entities import extract_entities
from newstrace.extract.events import extract_events
from helpers import make_article


def _channels(nlp, article):
    doc = nlp(article.text)
    entities = extract_entities(doc, article)
    names = {e.id: e.name for e in entities}
    return [
        (e.trigger, [names[m] for m in e.mediators], e.channel, [(f.text, f.relation, f.negated) for f in e.frameworks])
        for e in extract_events(doc, article, entities)
        if e.mode == "release"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hamas released the two women on Friday as part of the truce.",
         ("released", [], None, [("the truce", "part_of", False)])),
        ("The hostages were freed through Qatar, outside the agreement.",
         ("freed", ["Qatar"], "mediated", [("the agreement", "outside", False)])),
        ("Hamas released Roni Krivoi independent of US mediation.", ("released", [], "direct", [])),
        ("The women were released in a deal brokered by Egypt.",
         ("released", ["Egypt"], "mediated", [("a deal", "part_of", False)])),
    ],
)
def test_release_channels(nlp, text, expected):
    assert _channels(nlp, make_article(text))[0] == expected


def test_the_seed_releases_during_the_truce_but_not_in_its_agreement_and_the_mediators_moscow_names(nlp, seed_clean):
    found = _channels(nlp, seed_clean)
    # Naim: "The captives were freed during the truce, but they were not included in the agreement"
    assert ("freed", [], None, [("the truce", "during", False), ("the agreement", "part_of", True)]) in found
    # The spun copy's Moscow: "the United States, Qatar, and Egypt acted separately to achieve Krivoi's release"
    assert ("release", ["United States", "Qatar", "Egypt"], "mediated", []) in found


def _released(nlp, text):
    article = make_article(text)
    doc = nlp(article.text)
    events = [e for e in extract_events(doc, article, extract_entities(doc, article)) if e.mode == "release"]
    return [(e.channel, article.text[e.channel_evidence.start : e.channel_evidence.end] if e.channel_evidence else None)
            for e in events]


def test_a_direct_channel_said_in_the_sentence_a_verbless_one_goes_on_with(nlp):
    # The credit and its object split in two sentences: the second has no verb at its root.
    text = ("Officials in Moscow credited direct talks between Russian envoys and Hamas. "
            "A breakthrough, which they announced in Doha, for the release of Dan Levi.")
    assert _released(nlp, text) == [("direct", "direct talks between Russian envoys and Hamas")]


def test_a_direct_channel_in_the_sentence_before_a_full_one_is_not_its_channel(nlp):
    text = ("Officials in Moscow praised direct talks between Russian envoys and Hamas. "
            "Hamas released Dan Levi on Monday.")
    assert _released(nlp, text) == [(None, None)]


def test_a_mediated_release_carries_the_words_naming_the_mediator(nlp):
    assert _released(nlp, "The hostages were freed through Qatar, outside the agreement.") == [
        ("mediated", "through Qatar")]


def _quote_around(analysis, evidence):
    """The quote whose content holds ``evidence``: who claims it."""
    return next(q for q in analysis.quotes
                if q.evidence.start <= evidence.start and evidence.end <= q.evidence.end)


def test_the_seed_claims_of_each_release_channel_with_their_own_speaker(nlp, seed_clean):
    from newstrace.pipeline import analyze

    found = analyze(seed_clean, nlp(seed_clean.text))
    text = seed_clean.text
    (direct,) = [e for e in found.events if e.channel == "direct"]
    # Zakharova, on Telegram: "direct negotiations between Russian representatives ... Hamas" for "the release".
    assert text[direct.evidence.start : direct.evidence.end] == "release"
    assert text[direct.channel_evidence.start : direct.channel_evidence.end] == (
        "direct negotiations between Russian representatives as well as Hamas")
    claim = _quote_around(found, direct.channel_evidence)
    assert (claim.speaker_name, claim.medium) == ("Maria Zakharova", "Telegram")
    # Naim: freed during the truce, but not in its agreement.
    (outside,) = [e for e in found.events if e.mode == "release" and any(f.negated for f in e.frameworks)]
    assert [(f.text, f.relation, f.negated) for f in outside.frameworks] == [
        ("the truce", "during", False), ("the agreement", "part_of", True)]
    for framework in outside.frameworks:
        assert _quote_around(found, framework.evidence).speaker_name == "Bassem Naim"
    # Where each statement was made: the Telegram post and the RIA Novosti interview.
    media = {(q.speaker_name, q.medium) for q in found.quotes if q.medium}
    assert media == {("Maria Zakharova", "Telegram"), ("Moussa Abu Marzouq", "RIA Novosti")}
