"""Person states on the seed (exact) and in short sentences."""

import dataclasses
from pathlib import Path

import pytest

from newstrace.extract.entities import extract_entities
from newstrace.extract.events import extract_events
from newstrace.extract.status import extract_statuses
from helpers import make_article
from newstrace.ingest import to_article
from newstrace.model import Document

SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "000_b11f0812c5b1d870.txt"


def _statuses(nlp, article):
    doc = nlp(article.text)
    entities = extract_entities(doc, article)
    names = {e.id: e.name for e in entities}
    statuses = extract_statuses(doc, article, entities, extract_events(doc, article, entities))
    return [
        (names[s.person], s.state, s.time.text if s.time else None, s.time.value if s.time else None,
         article.text[s.evidence.start : s.evidence.end])
        for s in statuses
    ]


def test_seed_statuses(nlp):
    if not SEED.exists():
        pytest.skip("seed article not available (../shared/data is absent)")
    article = to_article(Document(source=str(SEED), kind="text", content=SEED.read_bytes()))
    article = dataclasses.replace(article, published="2023-12-01")
    assert _statuses(nlp, article) == [
        ("Roni Krivoi", "released", "last Sunday", "2023-11-26", "released"),
        ("Roni Krivoi", "hospitalized", None, None, "sent"),
        ("Elena Trufanova", "released", "a few days later", None, "freed"),
        ("Irina Tati", "released", "a few days later", None, "freed"),
        ("Vitaly Trufanov", "killed", "October 7", "2023-10-07", "claimed the life"),
        ("Alexander", "captive", None, None, "incarcerated"),
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gunmen kidnapped Peter Jones.", ("Peter Jones", "captive")),
        ("Peter Jones is still held by the group.", ("Peter Jones", "captive")),
        ("Police arrested John Smith on Friday.", ("John Smith", "arrested")),
        ("Peter Jones was wounded in the attack.", ("Peter Jones", "injured")),
        ("Peter Jones was taken to a hospital in Haifa.", ("Peter Jones", "hospitalized")),
        ("Peter Jones went missing in Gaza.", ("Peter Jones", "missing")),
        ("Peter Jones has been in Sarn Regional Hospital since Nov. 20.", ("Peter Jones", "hospitalized")),
        ("Her husband, Peter Jones, 47, was shot dead during the raid.", ("Peter Jones", "killed")),
        ("Gunmen beat Peter Jones to death on Friday.", ("Peter Jones", "killed")),
        ("Gunmen shot Peter Jones dead on Friday.", ("Peter Jones", "killed")),
        ("Peter Jones was released on Sunday along with Mary Lane, 36.", ("Mary Lane", "released")),
        ("The group freed Peter Jones together with Mary Lane on Monday.", ("Mary Lane", "released")),
    ],
)
def test_sentences(nlp, text, expected):
    rows = _statuses(nlp, make_article(text))
    assert expected in [(name, state) for name, state, *_ in rows]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen nearly beat Peter Jones to death on Friday.",
        "Peter Jones was beaten half to death by the guards.",
        "Gunmen attacked Peter Jones near the Dead Sea on Friday.",
        "Peter Jones was almost shot dead at the checkpoint.",
    ],
)
def test_a_hedged_or_place_dead_is_no_killing(nlp, text):
    assert "killed" not in [state for _, state, *_ in _statuses(nlp, make_article(text))]


@pytest.mark.parametrize(
    "text",
    ["Hamas will release Mark Levin.", "Hamas did not release Mark Levin.", "Hamas could free Mark Levin."],
)
def test_no_status_from_unrealised_events(nlp, text):
    assert _statuses(nlp, make_article(text)) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Lena Hollis, 44, was driven to Sarn. Hollis's husband was killed in the raid.", []),
        ("Lena Hollis, 44, was driven to Sarn. Peter Jones and Hollis's husband were killed in the raid.",
         [("Peter Jones", "killed")]),
    ],
)
def test_the_owner_of_a_victim_is_not_the_victim(nlp, text, expected):
    assert [(name, state) for name, state, *_ in _statuses(nlp, make_article(text))] == expected
