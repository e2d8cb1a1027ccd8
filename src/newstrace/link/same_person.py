"""The same-person decision: are two articles' mentions of a name one person?

    same_person(a, b) -> bool        on two ``PersonClaim``s (what each article says of the person)
    article_claims(analysis)         entity id -> the claim its article makes

Pure: no database. ``link.resolution`` asks it of the members of candidate profiles.

The name must agree first (``names.name_relation``); then context decides.
Two people one article names side by side (Yosef and Yosefa Abutbul, a Sr. and
a Jr.) are never one. A full name in the same story joins when ages disagree by
a few years: that is a conflict between sources, shown on the profile; ages
farther apart, or a spelling variant with another age, are two people. Outside a shared story, a
contradiction (age, nationality, role) keeps namesakes apart, and a different
story needs corroboration (a compatible age or a shared role). A bare surname
or given name joins only inside the same story, and only when one profile fits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ..lexicon.words import NOT_THE_OFFICE, OFFICE_GROUPS, ROLE_SYNONYM_GROUPS
from ..model import Analysis, PersonClaim
from ..store.profiles import CLAIM_FIELDS, Member
from . import names
from .names import FULL, GIVEN_ONLY, INITIAL, LOOSE, NONE, SURNAME_ONLY

# Ages from two articles agree when they differ by at most this many years once
# the time between the articles is added: birthdays fall between reports, and
# "31" one week is "32" the next (examples/: Tomas Varga 31 and 32).
AGE_TOLERANCE_YEARS = 1.0
# Sources on one story disagree on an age by a few years (Drozdova 53 and 50 in
# tests/test_people.py, the seed's Trufanova): a conflict to show on one profile, when the name is
# spelled alike. A wider gap is another person of that name (a parent, a child: the namesakes of the
# tune split are 20 years and more apart), and a spelling variant must agree within AGE_TOLERANCE_YEARS.
AGE_CONFLICT_MAX_YEARS = 5
# Other entities (people, places, organizations) two articles must share to be
# taken as one story when nothing links them; set on tests/fixtures/story: a
# follow-up shares the captives and the town, an unrelated story at most a country.
STORY_NEAR_SHARED = 2
# Co-mentioned people two articles must share to be one story on that alone;
# one shared person is enough when the rest of the articles' entities agree too.
STORY_SAME_PEOPLE = 2
# Relations that tie two full names (not a bare surname or given name to a full one).
FULL_NAME_RELATIONS = frozenset({FULL, INITIAL, LOOSE})
# A name relation's strength when several profiles fit one mention.
RELATION_RANK = {FULL: 4, INITIAL: 3, LOOSE: 2, SURNAME_ONLY: 1, GIVEN_ONLY: 1, NONE: 0}

# Words of a role that say nothing about which role it is.
_ROLE_FILLER = frozenset(
    "a an the of and for in at to senior junior former retired acting deputy chief head local "
    "independent longtime new old top his her their its".split()
)
# Where a role's own words end: "mayor of Kalvik", "engineer at Norvik Drilling", "nurse, 34".
_ROLE_QUALIFIER = re.compile(r"\s*(?:,|\b(?:of|at|for|in|with|from|on)\b)")
# -- the pairwise decision ------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """Whether two claims are one person, with the name relation and the story relation behind it."""

    same: bool
    relation: str
    story: str  # "same" | "near" | "different" | "unknown"


def same_person(a: PersonClaim, b: PersonClaim, linked: bool = False) -> bool:
    """True when two articles' mentions are one person. ``linked``: the linker related the two articles."""
    return verdict(a, b, linked).same


def verdict(a: PersonClaim, b: PersonClaim, linked: bool = False) -> Verdict:
    relation = _best_relation(a, b)
    if relation == NONE:
        return Verdict(False, relation, "unknown")
    story = story_relation(a, b, linked)
    if _named_apart(a, b):
        return Verdict(False, relation, story)
    contradiction = _contradicts(a, b)
    if relation in (FULL, INITIAL):
        if linked:
            same = True  # a copy's other age is a distortion of its source, not another person
        elif story == "same":
            # Disagreeing ages are a conflict between sources, not two people, while the gap is
            # small and the name spelled alike.
            gap = _age_gap(a, b)
            same = gap is None or gap <= (AGE_CONFLICT_MAX_YEARS if _spelled_alike(a, b) else AGE_TOLERANCE_YEARS)
        elif contradiction:
            same = False
        elif story == "different":
            same = _ages_agree(a, b) is True or _roles_overlap(a, b) is True
        else:
            same = True
    elif relation == LOOSE:  # Johnson / Johnston: a typo only where the story or the age says so
        same = (story in ("same", "near") or _ages_agree(a, b) is True) and not contradiction
    elif relation == SURNAME_ONLY:
        # A title and a surname ("PM Modi") name the office holder in any story; ``_choose`` still
        # refuses when two profiles of that surname fit.
        same = (story in ("same", "near") or _same_office(a, b)) and not contradiction
    else:  # GIVEN_ONLY: a first name alone is common; only the same story can tie it
        same = story == "same" and not contradiction
    return Verdict(same, relation, story)


def _names(claim: PersonClaim) -> tuple[str, ...]:
    return (claim.name, *claim.aliases)


# The best rank two names can have: ranking a profile's spellings stops at the first that reaches it.
TOP_RANK = max(RELATION_RANK.values())


# Resolution ranks each new mention against the spellings of its candidate profiles, which recur
# mention after mention; kept by the two strings, as many pairs as ``names.name_relation`` keeps.
@lru_cache(maxsize=names.RELATION_CACHE_SIZE)
def _closeness(a: str, b: str) -> tuple[int, bool]:
    """How well two names fit: the name relation's rank, then whether they are written alike."""
    return RELATION_RANK[names.name_relation(names.parse(a), names.parse(b))], names.normalise(a) == names.normalise(b)


def best_rank(ours: Iterable[str], theirs: Sequence[str]) -> int:
    """The highest ``RELATION_RANK`` of a name of ``ours`` to one of ``theirs``; 0 for none."""
    best = 0
    for name in ours:
        for other in theirs:
            rank = _closeness(name, other)[0]
            if rank > best:
                if rank == TOP_RANK:
                    return rank
                best = rank
    return best


def _full_name(name: str) -> bool:
    """A name of more than one word: only such names relate FULL, INITIAL or LOOSE; a lone word (or
    no name) is at most SURNAME_ONLY or GIVEN_ONLY to any (``names.name_relation``)."""
    parts = names.parse(name)
    return not (parts.lone or parts.empty)


def _named_apart(a: PersonClaim, b: PersonClaim) -> bool:
    """One article names, besides its own person, someone who fits the other claim's name at least
    as well: relatives or namesakes named together (Yosef and Yosefa Abutbul; Ivan Petrakov Sr. and
    Jr.; two Tatiana Orliks, mother and daughter) are two people. Only full names can fit this well
    (``_full_name``): a bare name and the bare names beside it are not compared."""
    for claim, other in ((a, b), (b, a)):
        if not _full_name(claim.name):
            continue
        fit = _closest_among(claim.name, _full_names(tuple(other.with_)))
        if fit[0] >= RELATION_RANK[INITIAL] and fit >= _closeness(claim.name, other.name):
            return True
    return False


# A member's co-mentioned names meet each new mention of its person (one name, mostly), and a new
# article's meet every member of the profiles its people fit (a profile's members share a name):
# the best fit of a name among an article's names is kept, for as many articles' people as a
# Linker keeps claims of (``LinkSettings.claims_cache_size``).
CO_MENTION_CACHE_SIZE = 16_384


@lru_cache(maxsize=CO_MENTION_CACHE_SIZE)
def _full_names(found: tuple[str, ...]) -> tuple[str, ...]:
    """One article's co-mentioned names that are full names (``_full_name``), in order."""
    return tuple(name for name in found if _full_name(name))


@lru_cache(maxsize=CO_MENTION_CACHE_SIZE)
def _closest_among(name: str, others: tuple[str, ...]) -> tuple[int, bool]:
    """``_closeness`` of ``name`` to the one of ``others`` it fits best; (0, False) for none."""
    return max((_closeness(name, other) for other in others), default=(0, False))


def _spelled_alike(a: PersonClaim, b: PersonClaim) -> bool:
    """Some spelling of each has one surname key (Trufanova / Troufanova; not Kaplan / Kaplun)."""
    for name_a in _names(a):
        for name_b in _names(b):
            surname_a, surname_b = names.parse(name_a).surname, names.parse(name_b).surname
            if surname_a and surname_b and names.surname_similarity(surname_a, surname_b) == names.SAME:
                return True
    return False


def _best_relation(a: PersonClaim, b: PersonClaim) -> str:
    best = NONE
    for name_a in _names(a):
        for name_b in _names(b):
            relation = names.name_relation(names.parse(name_a), names.parse(name_b))
            if RELATION_RANK[relation] > RELATION_RANK[best]:
                best = relation
    return best


def story_relation(a: PersonClaim, b: PersonClaim, linked: bool = False) -> str:
    """"same" (linked, one story label, or a co-mentioned person in common), "near" (enough
    shared entities), "different" (other labels, or too little shared) or "unknown" (no context)."""
    if linked:
        return "same"
    if a.story and b.story:
        return "same" if a.story == b.story else "different"
    near = None
    # Shared places and organisations speak only when both articles name some: an article our
    # English model cannot read has only the known people spotted in it (``link.spotting``).
    if _names_places(a.context) and _names_places(b.context):
        near = len(a.context & b.context) >= STORY_NEAR_SHARED
    shared_people = _shared_people(a.with_, b.with_)
    # One famous name in common (a president quoted in two stories) is not a story unless more is shared.
    if shared_people >= STORY_SAME_PEOPLE or (shared_people and near is not False):
        return "same"
    if near is None:
        return "unknown"
    return "near" if near else "different"


def _names_places(context: frozenset[str]) -> bool:
    """Whether a claim's context holds an organisation or a place (``_context_key``'s "e:" keys)."""
    return any(key.startswith("e:") for key in context)


def _shared_people(ours: Iterable[str], theirs: Iterable[str]) -> int:
    """How many of ``ours`` are (FULL or INITIAL) one of ``theirs``. Only names sharing a
    surname blocking key are compared: two articles of a big story name dozens of people
    each, and every surname that can match shares one (the premise of ``profile_keys``)."""
    by_key = _names_by_key(tuple(theirs))
    shared = 0
    for name in ours:
        if not _full_name(name):  # a bare name is never FULL or INITIAL to another
            continue
        near = {other for key in names.blocking_keys(name, lookup=True) for other in by_key.get(key, ())}
        shared += any(names.name_relation(names.parse(name), names.parse(other)) in (FULL, INITIAL) for other in near)
    return shared


@lru_cache(maxsize=CO_MENTION_CACHE_SIZE)
def _names_by_key(found: tuple[str, ...]) -> Mapping[str, tuple[str, ...]]:
    """One article's co-mentioned full names (``_full_name``) by their lookup blocking keys (kept:
    a member's names meet every later mention of its person). Read only."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in _full_names(found):
        for key in names.blocking_keys(name, lookup=True):
            by_key[key].append(name)
    return MappingProxyType({key: tuple(keyed) for key, keyed in by_key.items()})


def _contradicts(a: PersonClaim, b: PersonClaim) -> bool:
    return _ages_agree(a, b) is False or _nationalities_agree(a, b) is False or _roles_overlap(a, b) is False


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _age_gap(a: PersonClaim, b: PersonClaim) -> float | None:
    """Years between two ages once the time between the articles is taken off; None without both."""
    if a.age is None or b.age is None:
        return None
    first, second = _date(a.published), _date(b.published)
    elapsed = (second - first).days / 365.25 if first and second else 0.0
    return abs(b.age - a.age - elapsed)


def _ages_agree(a: PersonClaim, b: PersonClaim) -> bool | None:
    gap = _age_gap(a, b)
    return None if gap is None else gap <= AGE_TOLERANCE_YEARS


def _nationality_parts(values: Iterable[str]) -> set[str]:
    return {part.lower() for value in values for part in re.split(r"[-/ ]+", value) if part}


def _nationalities_agree(a: PersonClaim, b: PersonClaim) -> bool | None:
    if not a.nationalities or not b.nationalities:
        return None
    return bool(_nationality_parts(a.nationalities) & _nationality_parts(b.nationalities))


def _role_words(roles: Iterable[str]) -> set[str]:
    """The words that say which role it is, plus a token per synonym group the role belongs to
    ("trucker" and "truck driver" share one)."""
    words = {w for role in roles for w in re.findall(r"[a-z]+", names.normalise(role))}
    found = {w.rstrip("s") if len(w) > 4 else w for w in words - _ROLE_FILLER if len(w) > 2}
    return found | {f"#{group}" for role in roles for group in role_synonym_groups(role)}


def role_synonym_groups(role: str) -> frozenset[int]:
    """Indices of the synonym groups (``lexicon.words.ROLE_SYNONYM_GROUPS``) a role ends in:
    "Polish truck driver" and "trucker" are both in the truck driver group."""
    text = " ".join(re.findall(r"[a-z]+", names.normalise(_ROLE_QUALIFIER.split(role.lower())[0])))
    return frozenset(
        i
        for i, group in enumerate(ROLE_SYNONYM_GROUPS)
        if any(text == phrase or text.endswith(" " + phrase) for phrase in group)
    )


def _roles_overlap(a: PersonClaim, b: PersonClaim) -> bool | None:
    """Whether the roles share a word or a synonym group; None when a side has no role, or only
    words too short to tell (an "MP" is no contradiction of anything)."""
    words_a, words_b = _role_words(a.roles), _role_words(b.roles)
    if not words_a or not words_b:
        return None
    return bool(words_a & words_b)


# A surname-only comparison across stories reads both claims' roles each time; roles repeat.
@lru_cache(maxsize=4096)
def role_offices(role: str) -> frozenset[int]:
    """Indices of the offices (``lexicon.words.OFFICE_GROUPS``) a role names by its last words,
    the longest phrase that fits; none when a word before it makes it another post ("Deputy
    Chief Minister", "former President")."""
    words = re.findall(r"[a-z]+", names.normalise(_ROLE_QUALIFIER.split(role.lower())[0]))
    for length in range(min(len(words), 3), 0, -1):
        phrase = " ".join(words[-length:])
        found = frozenset(i for i, group in enumerate(OFFICE_GROUPS) if phrase in group)
        if found:
            return frozenset() if NOT_THE_OFFICE & set(words[:-length]) else found
    return frozenset()


def _same_office(a: PersonClaim, b: PersonClaim) -> bool:
    """Both claims hold one office (PM / Prime Minister; Chief Minister / Tripura Chief Minister)."""
    offices_a = {i for role in a.roles for i in role_offices(role)}
    return bool(offices_a) and any(offices_a & role_offices(role) for role in b.roles)


# -- claims from an analysis ----------------------------------------------------------


def _context_key(name: str, kind: str) -> str:
    """How an entity counts towards a shared story: a person by surname, others by name."""
    if kind == "person":
        parts = names.parse(name)
        return "p:" + names.spelling_key((parts.core or "").split()[-1] if parts.core else name)
    return "e:" + names.spelling_key(name)


@dataclass(frozen=True)
class Mention:
    """A person entity of one stored article, as the resolver compares it."""

    article_id: str
    entity_id: str
    claim: PersonClaim


def claim_of(
    name: str,
    aliases: Sequence[str],
    values: Mapping[str, Sequence[str]],
    others: Iterable[tuple[str, str]],
    published: str | None,
) -> PersonClaim:
    """The claim an article makes about one person: its name and aliases, the values of its
    claim fields, and the (kind, name) of the article's other entities, in order."""
    others = list(others)
    own_key = _context_key(name, "person")
    ages = values.get("age", [])
    return PersonClaim(
        name=name,
        aliases=tuple(aliases),
        age=int(ages[0]) if ages else None,
        roles=tuple(values.get("role", [])),
        nationalities=tuple(values.get("nationality", [])),
        with_=tuple(other for kind, other in others if kind == "person"),
        published=published,
        context=frozenset(key for key in (_context_key(n, kind) for kind, n in others) if key != own_key),
    )


def member_mention(member: Member) -> Mention:
    """A stored profile member (``member_claims``) as the resolver compares it."""
    claim = claim_of(member.name, member.aliases, member.values, member.others, member.published)
    return Mention(member.article_id, member.entity_id, claim)


def article_claims(analysis: Analysis) -> dict[str, PersonClaim]:
    """Entity id -> the claim its article makes about that person."""
    entities = analysis.entities
    return {
        person.id: claim_of(
            person.name,
            person.aliases,
            {f: person.values(f) for f in CLAIM_FIELDS},
            ((e.kind, e.name) for e in entities if e.id != person.id),
            analysis.article.published,
        )
        for person in analysis.people
    }
