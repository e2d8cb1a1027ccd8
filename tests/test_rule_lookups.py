"""The model's rule components as lookups (``rule_lookups``): exactly the stock annotations.

First the lookup's reading of a ruler, on a blank pipeline with a ruler of our own (which
pattern wins, multi-token patterns, regexes, tokens no pattern names); then the whole model,
stock against ours, token by token on our fixtures, the examples and the seed.
"""

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

from newstrace import nlp as nlp_module
from newstrace import rule_lookups
from newstrace.extract.glued import install as install_glue_splitter

ROOT = Path(__file__).resolve().parents[1]
EVERY_ATTRIBUTE = [ORTH, NORM, LOWER, IS_SPACE, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
# Words that the en_core_web_sm ruler's multi-token and regex patterns are about.
RULE_CORNERS = (
    "Y'all ain't seen nothin' yet, there is no doubt.  It's 5 o'clock and I'd say you did.\n\n"
    "There are two of them; we didn't. Whether he will or won't, that is it."
)

RULER_PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "bank"}]], "attrs": {"POS": "PROPN"}},  # wins over the one before
    {"patterns": [[{"LOWER": {"REGEX": "^gr[eo]w"}}]], "attrs": {"LEMMA": "grow"}},
    {"patterns": [[{"LOWER": {"IN": ["the", "a"]}, "DEP": {"NOT_IN": ["nsubj"]}}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "AUX", "MORPH": "Tense=Pres"}},  # after the pair: wins
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
]


def blank_doc(nlp, words, tags, deps):
    doc = Doc(nlp.vocab, words=words, spaces=[True] * len(words))
    for token, tag, dep in zip(doc, tags, deps):
        token.tag_, token.dep_ = tag, dep
    return doc


def annotations(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(RULER_PATTERNS)
    return nlp


def test_the_lookup_sets_what_the_ruler_sets_later_patterns_winning(blank):
    words = ["There", "is", "a", "bank", "that", "grew", "and", "grows", "the", "loan", " "]
    tags = ["EX", "VBZ", "DT", "NN", "WDT", "VBD", "CC", "VBZ", "DT", "NN", "_SP"]
    deps = ["expl", "ROOT", "det", "attr", "nsubj", "relcl", "cc", "conj", "nsubj", "dobj", "dep"]
    expected = blank_doc(blank, words, tags, deps)
    blank.get_pipe("attribute_ruler")(expected)
    lookup = rule_lookups.AttributeLookup(blank.get_pipe("attribute_ruler"))
    doc = lookup(blank_doc(blank, words, tags, deps))
    assert annotations(doc) == annotations(expected)
    assert annotations(doc) == [
        ("There", "", "", ""),
        ("is", "AUX", "Tense=Pres", ""),  # the pair's VERB, then the VBZ pattern after it
        ("a", "DET", "", ""),
        ("bank", "PROPN", "Number=Sing", ""),
        ("that", "", "", ""),
        ("grew", "", "", "grow"),
        ("and", "", "", ""),
        ("grows", "AUX", "Tense=Pres", "grow"),
        ("the", "", "", ""),  # a subject: NOT_IN keeps it out
        ("loan", "NOUN", "Number=Sing", ""),
        (" ", "SPACE", "", ""),
    ]


def test_a_pattern_the_lookup_cannot_read_keeps_the_stock_ruler(blank):
    blank.get_pipe("attribute_ruler").add([[{"TAG": "NN", "OP": "+"}]], {"POS": "NOUN"})
    assert type(rule_lookups.install(blank).get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def texts() -> list[str]:
    paths = sorted((ROOT / "tests" / "fixtures").rglob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    seed = ROOT.parent / "shared" / "data" / "seed"
    paths += sorted(seed.glob("*.txt")) if seed.is_dir() else []
    return [path.read_text(encoding="utf-8") for path in paths] + [RULE_CORNERS, "", " \n "]


def test_our_pipeline_annotates_every_token_as_the_stock_model_does(nlp):
    assert nlp.pipe_names == nlp_module.stock().pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), rule_lookups.AttributeLookup)
    assert isinstance(nlp.get_pipe("lemmatizer"), rule_lookups.LemmaLookup)
    stock = install_glue_splitter(nlp_module.stock())  # the same tokens: only the rule components differ
    corpus = texts()
    assert len(corpus) > 25
    for text, ours, theirs in zip(corpus, nlp.pipe(corpus), stock.pipe(corpus)):
        assert (ours.to_array(EVERY_ATTRIBUTE) == theirs.to_array(EVERY_ATTRIBUTE)).all(), text[:60]
        assert [(t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours] == [
            (t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs
        ], text[:60]
        for attribute in ("TAG", "POS", "MORPH", "LEMMA", "DEP", "SENT_START", "ENT_IOB"):
            assert ours.has_annotation(attribute) == theirs.has_annotation(attribute)
    # The ruler's pair patterns and regexes did fire: "ai" + "n't" is be, "there" + "is" a VERB.
    read = [(t.text, t.lemma_, t.pos_) for t in nlp(RULE_CORNERS)]
    assert read[1:5] == [("ai", "be", "AUX"), ("n't", "not", "PART"), ("seen", "see", "VERB"), ("nothin'", "nothing", "NOUN")]
    assert read[7:9] == [("there", "there", "PRON"), ("is", "be", "VERB")]
