"""The reference document end to end: `newstrace facts SEED --json` as a user runs it."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli import app

SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "000_b11f0812c5b1d870.txt"
TITLE = "Putin's new Middle East strategy is highlighted by Hamas' release of Russian captives"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed article not available (../shared/data is absent)")

# name -> (age, roles, relations as (type, of-name)): the "Done when" list.
EXPECTED_PEOPLE = {
    "Roni Krivoi": (25, ["sound engineer"], []),
    "Elena Trufanova": (53, [], []),
    "Irina Tati": (73, ["southern Russian doctor"], [("mother", "Elena Trufanova")]),
    "Maria Zakharova": (None, ["Russian Foreign Ministry spokeswoman"], []),
    "Moussa Abu Marzouq": (None, ["senior Hamas member"], []),
    "Ruslan Suleimanov": (None, ["independent Russian researcher"], []),
    "Bassem Naim": (None, ["Hamas spokesperson"], []),
    "Abbas Galyamov": (None, ["longtime speechwriter", "political advisor"], []),
    "Vitaly Trufanov": (None, [], [("husband", "Elena Trufanova")]),
    "Alexander": (None, [], [("son", "Elena Trufanova")]),
    "Vladimir Putin": (None, ["President"], []),
    "Benjamin Netanyahu": (None, ["Prime Minister"], []),
    "Donald Trump": (None, [], []),
    "Bashar al-Assad": (None, [], []),
}


@pytest.fixture(scope="module")
def facts():
    result = CliRunner().invoke(app, ["facts", str(SEED), "--json"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, "one article prints one JSON object"
    return json.loads(lines[0])


def test_the_headline_is_the_title_once_and_furniture_is_gone(facts):
    article = facts["article"]
    assert article["title"] == TITLE
    assert TITLE not in article["text"]
    assert "Top Stories" not in article["text"] and "No comments:" not in article["text"]
    assert article["removed"].count(TITLE) == 4


def test_the_dateline_is_normalised(facts):
    assert facts["article"]["dateline"] == "Riga, Latvia"
    assert not facts["article"]["text"].startswith("Latvia's RIGA")


def test_each_person_once_with_their_attributes(facts):
    ids = {p["id"]: p["name"] for p in facts["people"]}
    found = {
        p["name"]: (p["age"], p["roles"], [(r["type"], ids[r["of"]]) for r in p["relations"]])
        for p in facts["people"]
    }
    assert len(facts["people"]) == len(found), "a person is listed twice"
    assert found == EXPECTED_PEOPLE


def test_nothing_else_is_a_person(facts):
    names = {p["name"] for p in facts["people"]} | {a for p in facts["people"] for a in p["aliases"]}
    for not_a_person in ("Kibbutz Nir", "Kibbutz Nir Oz", "Ayatollah", "The Ayatollah", "Hamas", "Telegram", "Kremlin"):
        assert not_a_person not in names
    assert "Kibbutz Nir Oz" in {p["name"] for p in facts["places"]}
    assert {"Hamas", "Kremlin", "RIA Novosti"} <= {o["name"] for o in facts["organizations"]}


def test_every_mention_and_attribute_points_at_its_text(facts):
    article = facts["article"]
    text = article["text"]
    for person in facts["people"]:
        for mention in person["mentions"]:
            assert mention["article"] == article["id"]
            assert text[mention["start"] : mention["end"]] in [person["name"], *person["aliases"]]
        for attribute in person["attributes"]:
            evidence = attribute["evidence"]
            assert str(attribute["value"]).split()[-1].lower() in text[evidence["start"] : evidence["end"]].lower()


def test_krivoi_is_one_person_not_an_organization(facts):
    krivoi = next(p for p in facts["people"] if p["name"] == "Roni Krivoi")
    assert krivoi["aliases"] == ["Krivoi"]
    assert len(krivoi["mentions"]) == 4
    assert not any("Krivoi" in o["name"] for o in facts["organizations"])


def test_the_three_freed_people_are_released_and_the_others_are_not(facts):
    states = {p["name"]: {s["state"] for s in p["status"]} for p in facts["people"]}
    for freed in ("Roni Krivoi", "Elena Trufanova", "Irina Tati"):
        assert "released" in states[freed]
    assert states["Vitaly Trufanov"] == {"killed"}
    assert states["Alexander"] == {"captive"}
    assert "hospitalized" in states["Roni Krivoi"]


def test_the_claimed_numbers_are_found(facts):
    counts = {(c["value"], c["qualifier"]) for c in facts["counts"]}
    assert {(1200, "about"), (200, "over"), (8, None)} <= counts


def test_every_named_speaker_is_credited(facts):
    speakers = {q["speaker_name"] for q in facts["quotes"] if q["speaker"]}
    assert {"Moussa Abu Marzouq", "Maria Zakharova", "Ruslan Suleimanov", "Bassem Naim", "Abbas Galyamov"} <= speakers
    for quote in facts["quotes"]:
        evidence = quote["evidence"]
        assert facts["article"]["text"][evidence["start"] : evidence["end"]] == quote["text"]


def test_inserted_junk_is_flagged_and_quotes_are_not(facts):
    flagged = {f["text"] for f in facts["flags"]}
    assert "Let's get started." in flagged
    quoted = [q["text"] for q in facts["quotes"] if q["kind"] == "direct"]
    assert not any(text in quote for text in flagged for quote in quoted if len(text) > 20)
