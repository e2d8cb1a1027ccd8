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
