"""Events: the seed's releases, killing, request, visit and modalities; one short sentence per type."""

import dataclasses
from pathlib import Path

import pytest

from newstrace.extract.entities import extract_entities
from newstrace.extract.events import extract_events
from helpers import make_article, make_doc
from newstrace.ingest import to_article
from newstrace.model import Document

SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "000_b11f0812c5b1d870.txt"


def _events(nlp, text):
    article = make_article(text)
    doc = nlp(text)
    entities = extract_entities(doc, article)
    names = {e.id: e.name for e in entities}
    return [
        (e.type, e.mode, e.trigger, [names[i] for i in e.agent], [names[i] for i in e.target], e.modality)
        for e in extract_events(doc, article, entities)
    ], extract_events(doc, article, entities), names


@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip("seed article not available (../shared/data is absent)")
    article = to_article(Document(source=str(SEED), kind="text", content=SEED.read_bytes()))
    article = dataclasses.replace(article, published="2023-12-01")
    doc = nlp(article.text)
    entities = extract_entities(doc, article)
    names = {e.id: e.name for e in entities}
    return article, extract_events(doc, article, entities), names


def _find(events, names, trigger, **fields):
    for event in events:
        if event.trigger != trigger:
            continue
        row = {
            "type": event.type,
            "mode": event.mode,
            "agent": [names[i] for i in event.agent],
            "target": [names[i] for i in event.target],
            "modality": event.modality,
            "time": event.time.value if event.time else None,
            "time_text": event.time.text if event.time else None,
            "place": names.get(event.place),
        }
        if all(row[k] == v for k, v in fields.items()):
            return event
    raise AssertionError(f"no {trigger!r} event with {fields}")


def test_seed_releases(seed):
    article, events, names = seed
    krivoi = _find(events, names, "released", type="RETREAT", mode="release", target=["Roni Krivoi"])
    assert (krivoi.time.text, krivoi.time.value, krivoi.modality) == ("last Sunday", "2023-11-26", "asserted")
    freed = _find(events, names, "freed", target=["Elena Trufanova", "Irina Tati"], modality="asserted")
    assert freed.time.text == "a few days later" and freed.time.value is None
    assert article.text[freed.evidence.start : freed.evidence.end] == "freed"


def test_seed_killing(seed):
    _, events, names = seed
    _find(events, names, "claimed the life", type="ASSAULT", mode="kill", target=["Vitaly Trufanov"], time="2023-10-07")


def test_seed_request_and_visit(seed):
    _, events, names = seed
    _find(events, names, "asked", type="REQUEST", agent=["Russia"], modality="asserted")
    _find(events, names, "paid them a visit", type="CONSULT", mode="visit", time="2023-10", time_text="late October")


def test_seed_modalities(seed):
    _, events, names = seed
    _find(events, names, "give ... call", type="CONSULT", mode="phone", agent=["Vladimir Putin"],
          target=["Benjamin Netanyahu"], modality="negated")
    _find(events, names, "release", type="RETREAT", modality="future")  # "We will release anybody"
    _find(events, names, "ceasefire", type="RETREAT", mode="ceasefire", modality="hypothetical")
    _find(events, names, "expressed gratitude", type="SUPPORT", mode="thank", agent=["Maria Zakharova"],
          target=["Hamas"], time="2023-11-30")


SENTENCES = [
    ("Israel and Egypt agreed on a new border deal.", ("AGREE", None, "agreed", ["Israel", "Egypt"], [], "asserted")),
    ("Antony Blinken visited Cairo on Monday.", ("CONSULT", "visit", "visited", ["Antony Blinken"], ["Cairo"], "asserted")),
    ("Germany praised Kenya for its elections.", ("SUPPORT", "praise", "praised", ["Germany"], ["Kenya"], "asserted")),
    ("France will cooperate with Italy on migration.", ("COOPERATE", None, "cooperate", ["France"], ["Italy"], "future")),
    ("Japan donated rice to Haiti.", ("AID", None, "donated", ["Japan"], ["Haiti"], "asserted")),
    ("The hostages were freed by Hamas.", ("RETREAT", "release", "freed", ["Hamas"], [], "asserted")),
    ("Chile accused Peru of spying.", ("ACCUSE", "allege", "accused", ["Chile"], ["Peru"], "asserted")),
    ("Spain rejected the proposal from Morocco.", ("REJECT", None, "rejected", ["Spain"], ["Morocco"], "asserted")),
    ("India threatened Pakistan with retaliation.", ("THREATEN", None, "threatened", ["India"], ["Pakistan"], "asserted")),
    ("Canada imposed sanctions on Iran.", ("SANCTION", None, "imposed sanctions", ["Canada"], ["Iran"], "asserted")),
    ("Kenya accepted demands from Uganda on Monday.", ("CONCEDE", None, "accepted demands", ["Kenya"], ["Uganda"], "asserted")),
    ("Police arrested John Smith in London.", ("COERCE", "arrest", "arrested", [], ["John Smith"], "asserted")),
    ("Gunmen killed Peter Jones.", ("ASSAULT", "kill", "killed", [], ["Peter Jones"], "asserted")),
    ("Russia did not call Israel.", None),
    ("Hamas might release Mark Levin.", ("RETREAT", "release", "release", ["Hamas"], ["Mark Levin"], "hypothetical")),
    ('"Hamas freed Mark Levin," Anna Petrova said.', ("RETREAT", "release", "freed", ["Hamas"], ["Mark Levin"], "reported")),
]


@pytest.mark.parametrize("text,expected", [s for s in SENTENCES if s[1]])
def test_sentences(nlp, text, expected):
    rows, _, _ = _events(nlp, text)
    assert expected in rows


def test_negated(nlp):
    rows, _, _ = _events(nlp, "Russia did not condemn Hamas.")
    assert rows == [("ACCUSE", None, "condemn", ["Russia"], ["Hamas"], "negated")]


def test_place(nlp):
    _, events, names = _events(nlp, "Israeli troops attacked Hamas in Gaza.")
    assert names[events[0].place] == "Gaza"


def test_no_parse_no_events():
    text = "Hamas released Roni Krivoi."
    doc = make_doc(text, [("Hamas", "ORG"), ("Roni Krivoi", "PERSON")])
    assert extract_events(doc, make_article(text), ()) == ()


def test_people_named_as_the_object_stay_the_target_without_their_place(nlp):
    rows, _, _ = _events(nlp, "Hamas released Roni Krivoi in Gaza.")
    assert ("RETREAT", "release", "released", ["Hamas"], ["Roni Krivoi"], "asserted") in rows


@pytest.mark.parametrize("text, trigger, target", [
    # The agent's own people or posts: the act is aimed at their place.
    ("Norway will deploy peacekeepers in Sudan next month.", "deploy", "Sudan"),
    ("Israel will evacuate all settlements in the Gaza Strip.", "evacuate", "Gaza Strip"),
    ("Canada withdrew its inspectors from Iraq.", "withdrew", "Iraq"),
    # The place of the act in a to-clause: "threatened to ban voting in East Jerusalem".
    ("Israel threatened to ban voting in East Jerusalem.", "threatened", "East Jerusalem"),
    # An object naming no one: the place it was done in.
    ("The Red Cross suspended aid deliveries in Baghdad on Wednesday.", "suspended", "Baghdad"),
    # An object naming no one: whom the act reached.
    ("Japan sent emergency food aid to Haiti.", "sent", "Haiti"),
    # A noun act's phrase head carries its parties: "a mediation effort between X and Y".
    ("Qatar launched a mediation effort between Egypt and Jordan on Saturday.", "mediation", "Jordan"),
    # A noun act aimed through its that-clause or its purpose clause.
    ("The labour office repeated its demand that Israel ease the restrictions.", "demand", "Israel"),
    ("Farmers began a hunger strike to demand the resignation of Omar Haddad.", "hunger strike", "Omar Haddad"),
    # "came under attack": the subject undergoes the act.
    ("Omar Haddad came under investigation in Italy.", "investigation", "Omar Haddad"),
])
def test_an_act_whose_object_names_no_one_is_aimed_at_whom_or_where_it_reaches(nlp, text, trigger, target):
    _, events, names = _events(nlp, text)
    (event,) = [e for e in events if e.trigger.startswith(trigger)]
    assert target in [names[i] for i in event.target]


def test_an_object_naming_no_one_is_aimed_at_whose_it_is(nlp):
    _, events, _ = _events(nlp, "Israeli tanks shelled positions of the Palestinian security forces.")
    (event,) = [e for e in events if e.trigger == "shelled"]
    assert [a.name for a in event.actors if a.role == "target"] == ["Palestinian security forces"]


@pytest.mark.parametrize("text, modal", [
    ("Russia said that Sudan must return the helicopter.", "must"),
    ("Sudan could return the helicopter.", "could"),
    ("Sudan returned the helicopter.", None),
])
def test_the_modal_verb_of_an_act(nlp, text, modal):
    _, events, _ = _events(nlp, text)
    (event,) = [e for e in events if e.trigger.startswith("return")]
    assert event.modal == modal
