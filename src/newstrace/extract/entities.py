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
   names share it ("John Smith", "Mary Smith") it joins neither.
4. Kinship pronouns ("her mother") resolve to the nearest preceding person
   whose known gender does not contradict the pronoun.

Works on a full parse and on a ``spacy.blank`` doc with hand-set ``doc.ents``
and sentence boundaries (see ``newstrace.extract.testing.make_doc``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Article, Attribute, Entity, Evidence
from . import lexicon as lx
from .attributes import Found, find
from .mentions import Mention, collect
from .tokens import DocView
from .voting import HINT_VOTE, KINDS, ORGANIZATION, PERSON, PLACE, decide

ID_PREFIXES = {PERSON: "p", ORGANIZATION: "o", PLACE: "l"}
# How far back (in sentences) "her"/"his" may look for the person it stands for:
# the seed's "her husband" points to a name one sentence earlier.
ANTECEDENT_SENTENCES = 2
FIELD_ORDER = {"age": 0, "role": 1, "nationality": 2, "relation": 3}


@dataclass
class Group:
    """All mentions of one name (and, after merging, of its shorter forms)."""

    key: str
    words: tuple[str, ...]
    members: list[Mention] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    kind: str = PERSON

    @property
    def first_label(self) -> str:
        return next((m.label for m in self.members if m.label), "")

    @property
    def start(self) -> int:
        return min(m.start for m in self.members)


def extract_entities(doc, article: Article) -> tuple[Entity, ...]:
    """People, organizations and places named in ``doc`` (parsed from ``article.text``)."""
    view = DocView(doc, article.id)
    mentions = collect(view)
    ends = {m.end: m for m in mentions}
    findings: dict[int, list[Found]] = {}
    for mention in mentions:
        found = find(view, mention, ends)
        findings[id(mention)] = found
        _cast_votes(view, mention, found)
    groups = _resolve(_group(mentions))
    return _build(view, groups, findings)


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


def _key(mention: Mention) -> str:
    joined = " ".join(mention.words)
    canonical = lx.NAME_ALIASES.get(joined) or lx.NAME_ALIASES.get(mention.name.lower())
    return canonical.lower() if canonical else mention.name.casefold()


def _group(mentions: list[Mention]) -> list[Group]:
    groups: dict[str, Group] = {}
    for mention in mentions:
        key = _key(mention)
        group = groups.get(key)
        if group is None or len(mention.words) > len(group.words):
            words = mention.words
        else:
            words = group.words
        if group is None:
            group = groups[key] = Group(key, words)
        group.words = words
        group.members.append(mention)
        group.votes.update(mention.votes)
    for group in groups.values():
        group.kind = decide(group.votes, group.first_label)
    return list(groups.values())


def _person_shaped(group: Group) -> bool:
    """ "Moussa Abu Marzouq", "Bashar al-Assad": two or more name words, no org or place word."""
    words = group.words
    if len(words) < 2 or words[0] in lx.PLACE_LEADING_WORDS or words[-1] in lx.PLACE_TRAILING_WORDS:
        return False
    return not any(word in lx.ORG_WORDS for word in words) and all(
        word.isalpha() or word in lx.NAME_PARTICLES or "-" in word for word in words
    )


def _ends_with(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[-len(short) :] == short


def _resolve(groups: list[Group]) -> list[Group]:
    """Give surnames and short forms to the one full name they end; settle full names' kinds."""
    full = [g for g in groups if _person_shaped(g)]
    maximal = [g for g in full if not any(_ends_with(g.words, other.words) for other in full)]
    matches: dict[str, list[Group]] = {}
    for group in groups:
        if " ".join(group.words) in lx.KNOWN_PLACES:
            continue  # "Washington" stays the city next to "George Washington"
        candidates = [f for f in maximal if _ends_with(group.words, f.words)]
        if candidates:
            matches[group.key] = candidates
    # A full name the model mislabelled ("Irina Tati" ORG) counts its surname's votes too.
    for name in maximal:
        if name.kind == PERSON:
            continue
        pooled = Counter(name.votes)
        for group in groups:
            if matches.get(group.key) == [name]:
                pooled.update(group.votes)
        name.kind = decide(pooled, name.first_label)
    kept = []
    for group in groups:
        people = [f for f in matches.get(group.key, ()) if f.kind == PERSON]
        if len(people) == 1:
            people[0].members.extend(group.members)
            continue
        if len(people) > 1:
            continue  # "Smith" with John Smith and Mary Smith: don't guess
        kept.append(group)
    return kept


def _display_name(group: Group) -> str:
    if group.kind != PERSON:
        canonical = lx.NAME_ALIASES.get(group.key)
        if canonical:
            return canonical
    return max((m.name for m in group.members), key=lambda name: (len(name.split()), len(name)))


def _build(view: DocView, groups: list[Group], findings: dict[int, list[Found]]) -> tuple[Entity, ...]:
    groups = sorted(groups, key=lambda g: g.start)
    counters = Counter()
    ids: dict[int, str] = {}
    for group in groups:
        counters[group.kind] += 1
        ids[id(group)] = f"{ID_PREFIXES[group.kind]}{counters[group.kind]}"
    owner = {id(m): group for group in groups for m in group.members}
    person_mentions = sorted((m for g in groups if g.kind == PERSON for m in g.members), key=lambda m: m.start)
    genders = {id(g): _gender(g) for g in groups if g.kind == PERSON}

    def person_id_of(mention: Mention) -> str | None:
        group = owner.get(id(mention))
        return ids[id(group)] if group is not None and group.kind == PERSON else None

    def antecedent(finding: Found, own: str) -> str | None:
        if finding.possessor is not None:
            return person_id_of(finding.possessor)
        wanted = lx.POSSESSIVE_PRONOUNS.get(finding.pronoun or "")
        earliest = view.sentence_of(finding.anchor) - ANTECEDENT_SENTENCES
        for mention in reversed(person_mentions):
            if mention.start >= finding.anchor:
                continue
            if view.sentence_of(mention.start) < earliest:
                break
            group = owner[id(mention)]
            other = ids[id(group)]
            gender = genders[id(group)]
            if other != own and (wanted is None or gender is None or gender == wanted):
                return other
        return None

    entities = []
    for group in groups:
        entity_id = ids[id(group)]
        members = sorted(group.members, key=lambda m: m.start)
        name = _display_name(group)
        aliases = []
        for mention in members:
            for alias in (mention.name, mention.surface):
                if alias != name and alias not in aliases:
                    aliases.append(alias)
        attributes: list[Attribute] = []
        if group.kind == PERSON:
            for mention in members:
                for finding in findings[id(mention)]:
                    of = antecedent(finding, entity_id) if finding.field == "relation" else None
                    if finding.field == "relation" and (of is None or of == entity_id):
                        continue
                    attribute = Attribute(finding.field, finding.value, view.evidence(finding.start, finding.end), of)
                    if attribute not in attributes:
                        attributes.append(attribute)
            attributes.sort(key=lambda a: (a.evidence.start, FIELD_ORDER[a.field]))
        entities.append(
            Entity(
                id=entity_id,
                kind=group.kind,
                name=name,
                aliases=tuple(aliases),
                mentions=tuple(_mention_evidence(view, m) for m in members),
                attributes=tuple(attributes),
            )
        )
    return tuple(entities)


def _mention_evidence(view: DocView, mention: Mention) -> Evidence:
    return view.evidence(mention.start, mention.end)


def _gender(group: Group) -> str | None:
    genders = {m.gender for m in group.members if m.gender}
    return genders.pop() if len(genders) == 1 else None


__all__ = ["extract_entities", "KINDS"]
