"""People, organizations and places of one article, with evidence.

    extract_entities(doc, article) -> tuple[Entity, ...]

Steps, each a plain walk over ``doc.ents`` and a few tokens around them (no
extra model pass, no reference to the Doc kept):

1. ``mentions.collect``: trimmed, repaired name mentions.
2. ``attributes.find``: ages, roles, nationalities, kinship next to each mention;
   each finding is also a vote that the name is a person.
3. Grouping and voting: mentions with the same name form a group that takes one
   kind for the whole article. A surname ("Krivoi") or shorter form ("Abu
   Marzouq") joins the one full name it ends ("Roni Krivoi"); when two full
   names share it ("John Smith", "Mary Smith") it joins neither (``grouping``).
4. Surnames the model left unlabelled become mentions of the person
   (``grouping.add_unlabelled_surnames``).
5. Kinship pronouns ("her mother") resolve to a person (``relations``).

Works on a full parse and on a ``spacy.blank`` doc with hand-set ``doc.ents``
and sentence boundaries (see ``make_doc`` in tests/helpers.py).
"""

from __future__ import annotations

from collections import Counter

from ..model import Article, Attribute, Entity
from ..lexicon import words as lx
from . import grouping, relations
from .attributes import Found, find, sentence_opening_ages
from .grouping import Group
from .mentions import Mention, collect
from .tokens import DocView
from .voting import HINT_VOTE, ORGANIZATION, PERSON, PLACE, ROLE_VOTE

ID_PREFIXES = {PERSON: "p", ORGANIZATION: "o", PLACE: "l"}
FIELD_ORDER = {"age": 0, "role": 1, "nationality": 2, "relation": 3}


def extract_entities(doc, article: Article) -> tuple[Entity, ...]:
    """People, organizations and places named in ``doc`` (parsed from ``article.text``)."""
    view = DocView(doc, article.id)
    mentions = collect(view)
    ends = {m.end: m for m in mentions}
    findings: dict[int, list[Found]] = {}
    for mention in mentions:
        findings[id(mention)] = find(view, mention, ends)
        _cast_votes(view, mention, findings[id(mention)])
    groups = grouping.resolve(grouping.group(mentions))
    groups = [
        g
        for g in groups
        if not grouping.common_words_only(view, g, view.lowercase_words) and not grouping.played_by_an_actor(view, g)
    ]
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for mention in grouping.add_unlabelled_surnames(view, groups, covered):
        ends[mention.end] = mention
        findings[id(mention)] = find(view, mention, ends)
    for age in sentence_opening_ages(view):
        subject = _one_person_before(view, groups, age.start)
        if subject is not None:
            findings[id(subject)].append(age)
    return _build(view, groups, findings)


def _one_person_before(view: DocView, groups: list[Group], at: int) -> Mention | None:
    """The last mention in the sentence before token ``at``'s, when that sentence names exactly one
    person ("Kepa Arrizabalaga will undergo a medical. The 23-year-old flew to London."). A
    sentence the parser ran over line breaks counts from its last line."""
    last = view.sentence_start(at) - 1
    while last >= 0 and view.doc[last].is_space:
        last -= 1
    if last < 0:
        return None
    first = last
    while first > view.sentence_start(last) and not (view.doc[first - 1].is_space and "\n" in view.doc[first - 1].text):
        first -= 1
    named = [(m, g) for g in groups if g.kind == PERSON for m in g.members if first <= m.start <= last]
    if len({id(g) for _m, g in named}) != 1:
        return None
    return max((m for m, _g in named), key=lambda m: m.start)


def _cast_votes(view: DocView, mention: Mention, found: list[Found]) -> None:
    for finding in found:
        mention.votes[PERSON] += finding.vote
        if finding.field == "relation":
            mention.gender = mention.gender or lx.KINSHIP[finding.value]
        elif finding.field == "role":
            mention.gender = mention.gender or lx.ROLE_GENDER.get(str(finding.value).split()[-1].lower())
    if len(mention.words) > 1:
        if mention.words[0] in lx.GIVEN_NAMES:
            mention.votes[PERSON] += HINT_VOTE
        if view.lower(mention.end) in lx.SPEECH_VERBS or view.lower(mention.start - 1) in lx.SPEECH_VERBS:
            mention.votes[PERSON] += HINT_VOTE
        if _person_subject(view, mention):
            mention.votes[PERSON] += ROLE_VOTE


# Possessives that make a verb's subject a person ("Biplab Kumar Deb submitted his resignation").
PERSONAL_POSSESSIVES = frozenset({"his", "her"})


def _person_subject(view: DocView, mention: Mention) -> bool:
    """The name is the subject of a verb whose object is "his ..." / "her ...": a person's,
    whatever label the model gave it ("Halden Fisheries said" may be a company: speech alone
    is no such cue)."""
    if not view.has_tags:
        return False
    head = view.doc[mention.start : mention.end].root
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(
        child.dep_ in ("dobj", "obj") and any(t.lower_ in PERSONAL_POSSESSIVES and t.dep_ == "poss" for t in child.children)
        for child in head.head.children
    )


def _display_name(found: Group) -> str:
    if found.kind != PERSON:
        canonical = lx.NAME_ALIASES.get(found.key)
        if canonical:
            return canonical
    # The longest name, written as running text writes it ("Dana Orlov" over "DANA ORLOV").
    return max((m.name for m in found.members), key=lambda name: (len(name.split()), not name.isupper(), len(name)))


def _build(view: DocView, groups: list[Group], findings: dict[int, list[Found]]) -> tuple[Entity, ...]:
    groups = sorted(groups, key=lambda g: g.start)
    counters: Counter = Counter()
    ids: dict[int, str] = {}
    for found in groups:
        counters[found.kind] += 1
        ids[id(found)] = f"{ID_PREFIXES[found.kind]}{counters[found.kind]}"
    people = [g for g in groups if g.kind == PERSON]
    person_of = {id(m): ids[id(g)] for g in people for m in g.members}
    kinship = [
        (ids[id(g)], finding)
        for g in people
        for m in g.members
        for finding in findings[id(m)]
        if finding.field == "relation"
    ]
    others = relations.resolve(view, kinship, person_of, [m for g in people for m in g.members])
    entities = []
    for found in groups:
        members = sorted(found.members, key=lambda m: m.start)
        name = _display_name(found)
        aliases: list[str] = []
        for mention in members:
            for alias in (mention.name, mention.surface):
                if alias != name and alias not in aliases:
                    aliases.append(alias)
        attributes: list[Attribute] = []
        if found.kind == PERSON:
            for mention in members:
                for finding in findings[id(mention)]:
                    of = others.get(id(finding))
                    if finding.field == "relation" and of is None:
                        continue
                    evidence = view.evidence(finding.start, finding.end)
                    attribute = Attribute(finding.field, finding.value, evidence, of)
                    if attribute not in attributes:
                        attributes.append(attribute)
            attributes.sort(key=lambda a: (a.evidence.start, FIELD_ORDER[a.field]))
        entities.append(
            Entity(
                id=ids[id(found)],
                kind=found.kind,
                name=name,
                aliases=tuple(aliases),
                mentions=tuple(view.evidence(m.start, m.end) for m in members),
                attributes=tuple(attributes),
            )
        )
    return tuple(entities)


__all__ = ["extract_entities"]
