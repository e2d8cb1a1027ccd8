"""Vote weights that decide whether a name is a person, organization or place.

Every mention of a name casts votes: the model's label, plus evidence the text
gives (an age next to the name, a kinship appositive, a role or title in front
of it, a place word inside it). A name takes one kind for the whole article:
the kind with the most votes over all its mentions. The weights were tuned by
hand on the seed and the fixtures under tests/fixtures/people/: one strong cue
must outweigh up to two contrary model labels, because the small model's
labels on surnames are noisy ("Krivoi" ORG) while an age appositive is not.
"""

from __future__ import annotations

from collections import Counter

PERSON, ORGANIZATION, PLACE = "person", "organization", "place"
KINDS = (PERSON, ORGANIZATION, PLACE)

# The model's label on one mention.
MODEL_LABEL_VOTE = 1.0
# "Roni Krivoi, 25", "her mother, Irina Tati", "Mrs Smith": only people have these.
ATTRIBUTE_VOTE = 3.0
# A role or title before the name or in apposition ("Hamas spokesperson Bassem Naim").
ROLE_VOTE = 2.0
# A given name our tables know, then one or two surname words, under a model label that is not
# PERSON ("the Narendra Modi government" as ORG): outweighs that one label.
GIVEN_NAME_SHAPE_VOTE = 2.0
# Weak hints: a common given name first, a speech verb next to a two-word name.
HINT_VOTE = 1.0
# A place word inside the name ("Kibbutz Nir Oz", "Gaza Strip"): beats any model label
# of a single mention plus a hint.
PLACE_WORD_VOTE = 5.0
# An organization word in a multi-word name ("Republican Party", "UN Security Council").
ORG_WORD_VOTE = 2.0
# A news outlet or agency named as data ("Sputnik", "Reuters"): outweighs any label the
# model gives one mention plus a hint, like a place word.
KNOWN_OUTLET_VOTE = 5.0
# A name in a list next to a place ("Punjab, Chhattisgarh, Rajasthan"): outweighs one
# contrary model label.
LISTED_WITH_PLACES_VOTE = 2.0
# A stock ticker in brackets after the name ("Lowe's (LOW)"): only listed companies have one;
# outweighs any label the model gives one mention plus a hint, like a known outlet.
TICKER_VOTE = 5.0
# A well-known place name ("Britain") or a preposition like "in" before the name.
KNOWN_PLACE_VOTE = 3.0
# A kind noun right before the name ("the bakery chain Crumbwell", "the town of Halden"):
# outweighs one contrary model label.
DESCRIPTOR_VOTE = 2.0


def decide(votes: Counter, first_label: str) -> str:
    """The kind with the most votes; ties go to the model's first label, then person."""
    if not votes:
        return first_label or PERSON
    best = max(votes.values())
    tied = [kind for kind in KINDS if votes.get(kind, 0) == best]
    if first_label in tied:
        return first_label
    return tied[0]
