"""The CAMEO verb dictionary as a fallback for event verbs our lexicon does not know: read at run
time when present (here a small one written for the test), never needed."""

import pytest

from newstrace.extract import cameo, cameo_verbs
from test_events import _events as events_of

# A dictionary in CAMEO.2.0.txt's format, with verbs event_lexicon.py does not know.
DICTIONARY = """# a test dictionary
####### SYNONYM SETS #######

&WEAPON
+ROCKET
+MORTAR
+HEAVY_GUN

####### VERB PATTERNS #######

---  SHORTEN   [0813]  ---
SHORTEN
CURTAIL {CURTAILS CURTAILED }
- * SENTENCE                       [0841]        # SHORTEN
- * OUT VIEWS                      [010]         # SHORTEN

---  LOB   [---]  ---
LOB {LOBS LOBBED LOBBING}
- * &WEAPON                        [195]         # LOB
- * (AT {BORDER POST})             [190]         # LOB
- * (TO)                           [042]         # LOB
- STANDOFF * SHELLS                [194]         # LOB

---  SCOLD   [111]  ---
SCOLD
+TICK_OFF {+TICKED_OFF} [111]
- * PROGRESS                       [:051]        # SCOLD
"""


@pytest.fixture
def dictionary(monkeypatch, tmp_path):
    (tmp_path / cameo_verbs.VERBS_FILE).write_text(DICTIONARY, encoding="utf-8")
    monkeypatch.setenv(cameo.ENVIRONMENT_VARIABLE, str(tmp_path))
    cameo_verbs.verb_entries.cache_clear()
    yield cameo_verbs.verb_entries()
    monkeypatch.delenv(cameo.ENVIRONMENT_VARIABLE)
    cameo_verbs.verb_entries.cache_clear()


def test_the_dictionary_is_read_block_by_block(dictionary):
    shorten, curtail = dictionary["shorten"], dictionary["curtail"]
    assert shorten.code == "0813"
    assert curtail.code is None  # a synonym under the head verb: an event only through a pattern
    assert [(p.preposition, p.words, p.code) for p in curtail.patterns] == [(None, (frozenset({"sentence"}),), "0841")]
    lob = dictionary["lob"]
    assert lob.code is None
    # The weapon set expands to its one-word members; a bare "(TO)" and a subject pattern are left out.
    assert [(p.preposition, p.words, p.code) for p in lob.patterns] == [
        (None, (frozenset({"rocket", "mortar"}),), "195"),
        ("at", (frozenset({"border"}), frozenset({"post"})), "190"),
    ]
    assert dictionary["tick"].particles == (("off", "111"),)
    assert dictionary["scold"].patterns == ()  # "[:051]" names no source-side code


def test_codes_map_to_plover_types():
    assert cameo_verbs.cameo_type("0841") == ("RETREAT", "release")
    assert cameo_verbs.cameo_type("0813") == ("RETREAT", "ease")
    assert cameo_verbs.cameo_type("195") == ("ASSAULT", "heavy-weapons")
    assert cameo_verbs.cameo_type("1123") == ("ACCUSE", "allege")
    assert cameo_verbs.cameo_type("010") is None  # a statement is no event
    assert cameo_verbs.cameo_type(None) is None


def _events(nlp, text):
    """(type, mode, trigger, agent names) of each event of ``text``."""
    return [row[:4] for row in events_of(nlp, text)[0]]


@pytest.mark.parametrize("text, expected", [
    # An object or phrase that fits a pattern says the event.
    ("Hamas lobbed rockets at Sderot on Monday.", ("ASSAULT", "heavy-weapons", "lobbed rockets", ["Hamas"])),
    ("Egypt curtailed the sentence of Omar Farouk.", ("RETREAT", "release", "curtailed the sentence", ["Egypt"])),
    # A bare verb with its own code is an event between two named actors.
    ("Egypt scolded Israel on Tuesday.", ("ACCUSE", None, "scolded", ["Egypt"])),
    ("Jordan ticked off Syria.", ("ACCUSE", None, "ticked off", ["Jordan"])),
])
def test_a_verb_our_lexicon_does_not_know_is_read_with_cameo(nlp, dictionary, text, expected):
    assert _events(nlp, text) == [expected]


@pytest.mark.parametrize("text", [
    "Egypt scolded loudly on Tuesday.",  # a bare verb without its target
    "The children lobbed a ball at the wall.",  # no pattern fits, no code of its own
    "Egypt curtailed its remarks.",
])
def test_no_event_without_actors_or_a_fitting_pattern(nlp, dictionary, text):
    assert _events(nlp, text) == []


def test_our_lexicon_comes_first(nlp, dictionary):
    # "release" is ours (RETREAT release); the test dictionary does not know it either way.
    assert _events(nlp, "Hamas released Omar Farouk.") == [("RETREAT", "release", "released", ["Hamas"])]


def test_without_the_dictionary_those_verbs_are_no_events(nlp, monkeypatch, tmp_path):
    monkeypatch.setenv(cameo.ENVIRONMENT_VARIABLE, str(tmp_path))
    cameo_verbs.verb_entries.cache_clear()
    try:
        assert cameo_verbs.verb_entries() == {}
        assert _events(nlp, "Egypt scolded Israel on Tuesday.") == []
        assert _events(nlp, "Hamas released Omar Farouk.") == [("RETREAT", "release", "released", ["Hamas"])]
    finally:
        monkeypatch.delenv(cameo.ENVIRONMENT_VARIABLE)
        cameo_verbs.verb_entries.cache_clear()
