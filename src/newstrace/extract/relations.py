"""Who "her" is in "her mother, Irina Tati".

Kinship findings are resolved in text order. A possessor name ("Trufanova's
husband") is taken as written. A pronoun goes, in this cascade:

1. to the nearest person mentioned before it, at most ``ANTECEDENT_SENTENCES``
   back, whose known gender does not contradict the pronoun (an unknown gender
   is compatible: "Elena Trufanova, 53, and her mother");
2. else to the nearest earlier person whose known gender matches the pronoun.

Each resolution teaches a gender: the person named by "mother" is female, and
the person "her" stood for is female, which later pronouns use.
"""

from __future__ import annotations

from .attributes import Found
from ..lexicon.words import GIVEN_NAMES, KINSHIP, POSSESSIVE_PRONOUNS
from .mentions import Mention
from .tokens import DocView

# How far back (in sentences) "her"/"his" may look for any compatible person:
# the seed's "her husband" points to a name one sentence earlier.
ANTECEDENT_SENTENCES = 2


class Genders:
    """Known gender per person id: from kinship words, titles, role words, given names."""

    def __init__(self):
        self.known: dict[str, str] = {}

    def learn(self, person: str, gender: str | None) -> None:
        if gender and person not in self.known:
            self.known[person] = gender

    def fits(self, person: str, wanted: str | None) -> bool:
        return wanted is None or self.known.get(person) in (None, wanted)

    def matches(self, person: str, wanted: str | None) -> bool:
        return wanted is not None and self.known.get(person) == wanted


def resolve(
    view: DocView,
    relations: list[tuple[str, Found]],
    person_of: dict[int, str],
    mentions: list[Mention],
) -> dict[int, str]:
    """Map ``id(finding)`` -> id of the person its pronoun or possessor names.

    ``relations`` pairs each kinship finding with the id of the person it is
    about; ``person_of`` maps ``id(mention)`` -> person id for every person
    mention; ``mentions`` are those person mentions.
    """
    genders = Genders()
    for mention in mentions:
        genders.learn(person_of[id(mention)], mention.gender)
    for mention in mentions:  # given names last: they are the weakest hint
        if len(mention.words) > 1:
            genders.learn(person_of[id(mention)], GIVEN_NAMES.get(mention.words[0]))
    ordered = sorted(mentions, key=lambda m: m.start)
    resolved: dict[int, str] = {}
    relatives: dict[str, str] = {}  # person id -> the person it was introduced as a relative of
    for subject, finding in sorted(relations, key=lambda pair: pair[1].start):
        genders.learn(subject, KINSHIP.get(str(finding.value)))
        if finding.possessor is not None:
            other = person_of.get(id(finding.possessor))
        else:
            other = _antecedent(view, finding, subject, ordered, person_of, genders, relatives)
        if other is not None and other != subject:
            resolved[id(finding)] = other
            relatives[subject] = other
            genders.learn(other, POSSESSIVE_PRONOUNS.get(finding.pronoun or ""))
    return resolved


def _antecedent(
    view, finding: Found, subject: str, ordered, person_of, genders: Genders, relatives: dict[str, str]
) -> str | None:
    """The person "her"/"his" stands for. Within the window, a person the text introduced
    as someone's relative ("and her mother Irina") yields to that someone when both fit:
    "Elena Trufanova and her mother Irina Tati were freed. Her husband ..." is Elena's."""
    wanted = POSSESSIVE_PRONOUNS.get(finding.pronoun or "")
    earliest = view.sentence_of(finding.anchor) - ANTECEDENT_SENTENCES
    earlier = [m for m in reversed(ordered) if m.start < finding.anchor and person_of[id(m)] != subject]
    window = [
        person_of[id(m)]
        for m in earlier
        if view.sentence_of(m.start) >= earliest and genders.fits(person_of[id(m)], wanted)
    ]
    for person in window:
        anchor = relatives.get(person)
        if anchor is not None and anchor in window and anchor != subject:
            return anchor
        return person
    for mention in earlier:
        if genders.matches(person_of[id(mention)], wanted):
            return person_of[id(mention)]
    return None
