"""Event actors: who did what to whom in every construction, named or nominal, typed."""

import os

import pytest

from newstrace.extract import cameo
from newstrace.extract.entities import extract_entities
from newstrace.extract.events import extract_events
from helpers import make_article


def _release(nlp, text, mode="release"):
    """(agent names, target names) of the first event of ``mode``, from its typed actors."""
    article = make_article(text)
    doc = nlp(text)
    events = [e for e in extract_events(doc, article, extract_entities(doc, article)) if e.mode == mode]
    assert events, f"no {mode} event in {text!r}"
    event = events[0]
    return (
        [(a.name, a.type) for a in event.actors if a.role == "agent"],
        [(a.name, a.type) for a in event.actors if a.role == "target"],
    )


@pytest.mark.parametrize(
    "text, agents, targets",
    [
        # active, passive and nominal forms of one release
        ("Hamas released Roni Krivoi on Sunday.", [("Hamas", "rebel")], ["Roni Krivoi"]),
        ("Roni Krivoi was released by Hamas on Sunday.", [("Hamas", "rebel")], ["Roni Krivoi"]),
        ("The release of Roni Krivoi by Hamas came on Sunday.", [("Hamas", "rebel")], ["Roni Krivoi"]),
        # coordination on both sides
        ("Hamas and Islamic Jihad released Roni Krivoi and Elena Trufanova.",
         [("Hamas", "rebel"), ("Islamic Jihad", "rebel")], ["Roni Krivoi", "Elena Trufanova"]),
        # nominal actors, typed with their nationality kept in the name
        ("The militants released two Thai farm workers on Friday.", [("militants", "rebel")], ["Thai farm workers"]),
        ("The Israeli army freed three Palestinian prisoners.", [("Israeli army", "military")],
         ["Palestinian prisoners"]),
    ],
)
def test_release_actors_in_every_construction(nlp, text, agents, targets):
    found_agents, found_targets = _release(nlp, text)
    assert found_agents == agents
    assert [name for name, _ in found_targets] == targets


def test_the_group_and_they_point_back_to_the_last_compatible_actor(nlp):
    text = "Hamas took Roni Krivoi captive in October. On Sunday the group released him."
    agents, targets = _release(nlp, text)
    assert agents == [("Hamas", "rebel")]
    text = "Russian officials met the envoy in Doha. They released a statement and then freed Krivoi."
    agents, _ = _release(nlp, text)
    assert agents == [("Russian officials", "government")]


def test_actor_evidence_is_the_words_written(nlp):
    text = "Hamas took Roni Krivoi captive in October. On Sunday the group released him."
    article = make_article(text)
    doc = nlp(text)
    event = next(e for e in extract_events(doc, article, extract_entities(doc, article)) if e.mode == "release")
    agent = next(a for a in event.actors if a.role == "agent")
    assert text[agent.evidence.start : agent.evidence.end] == "the group"
    assert agent.entity is not None and agent.entity in event.agent


def test_a_demand_is_aimed_at_the_subject_of_its_clause(nlp):
    article = make_article("Washington demanded that Hamas renounce violence.")
    doc = nlp(article.text)
    (event,) = [e for e in extract_events(doc, article, extract_entities(doc, article)) if e.type == "REQUEST"]
    assert [(a.role, a.name) for a in event.actors] == [("agent", "Washington"), ("target", "Hamas")]


def test_dates_and_numbers_are_no_actors(nlp):
    article = make_article("The PRC on Tuesday demanded talks.")
    doc = nlp(article.text)
    events = extract_events(doc, article, extract_entities(doc, article))
    assert all(a.name != "Tuesday" for e in events for a in e.actors)


def test_without_the_dictionaries_our_own_word_list_types_the_actors(nlp, monkeypatch, tmp_path):
    monkeypatch.setenv(cameo.ENVIRONMENT_VARIABLE, str(tmp_path))
    cameo.agent_types.cache_clear()
    cameo.country_words.cache_clear()
    try:
        assert cameo.agent_types() == {} and cameo.country_words() == {}
        agents, targets = _release(nlp, "The Israeli army freed three Palestinian prisoners.")
        assert agents == [("Israeli army", "military")]
        assert targets == [("Palestinian prisoners", "civilians")]
    finally:
        monkeypatch.delenv(cameo.ENVIRONMENT_VARIABLE)
        cameo.agent_types.cache_clear()
        cameo.country_words.cache_clear()


@pytest.mark.skipif(
    not (cameo.folder() / cameo.AGENTS_FILE).is_file() and not os.environ.get(cameo.ENVIRONMENT_VARIABLE),
    reason="the Phoenix/CAMEO dictionaries are absent (../shared/data/cameo-dictionaries)",
)
def test_the_phoenix_dictionaries_are_read_at_run_time():
    agents = cameo.agent_types()
    assert agents["police officer"] == "police"
    assert agents["insurgent"] == "rebel"
    assert cameo.country_words()["fijian"] == "Fiji"
