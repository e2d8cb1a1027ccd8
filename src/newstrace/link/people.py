"""One person across articles: incremental resolution into profiles, and the profiles as read back.

    resolve_article(store, analysis) -> {entity id: profile id}   after store.add(analysis)
    profiles(store) -> [Profile]                                   one per person, most articles first
    find_profiles(store, "Krivoy") -> [Profile]                    best match first
    profile(store, profile_id) -> Profile

The decision between two mentions is ``same_person(a, b)`` on two
``PersonClaim``s; ``resolve_article`` asks it of the members of the few
profiles that share a blocking key with the new name (an indexed lookup in
``profile_keys``), so adding an article never rescans the store. The lookup is
bounded for common names: the MAX_CANDIDATE_PROFILES profiles whose spellings fit
best (``profile_names``) and of each their MAX_MEMBERS_COMPARED latest members,
and the display name comes from the spelling counts in ``profile_names``.

The name must agree first (``names.name_relation``); then context decides.
Two people one article names side by side (Yosef and Yosefa Abutbul, a Sr. and
a Jr.) are never one. A full name in the same story joins when ages disagree by
a few years: that is a conflict between sources, shown on the profile; ages
farther apart, or a spelling variant with another age, are two people. Outside a shared story, a
contradiction (age, nationality, role) keeps namesakes apart, and a different
story needs corroboration (a compatible age or a shared role). A bare surname
or given name joins only inside the same story, and only when one profile fits.

A profile shows what its sources disagree on (``conflicts``): ages the time
between articles does not explain, nationalities, roles of which none refines
the other (nurse / doctor, not engineer / drilling engineer), states after death.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import insert, literal_column, or_, select, union_all, update

from ..errors import NotFound
from ..extract.lexicon import ROLE_SYNONYM_GROUPS
from ..model import (
    COPY_VERDICTS,
    Analysis,
    Claim,
    Conflict,
    Evidence,
    PersonClaim,
    Profile,
    TimelineEntry,
)
from ..store import Store
from ..store.db import time_from_json
from ..store.schema import (
    articles,
    attributes,
    entities,
    links,
    profile_keys,
    profile_members,
    profile_names,
    profiles as profiles_table,
    statuses,
)
from . import names
from .memo import Memo
from .published import published_moment, time_key
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
# Articles reporting ages one apart conflict unless at least this many days
# separate them (examples/: Tomas Varga is 31 in one report and 32 the next day).
BIRTHDAY_SPAN_DAYS = 30
# Other entities (people, places, organizations) two articles must share to be
# taken as one story when nothing links them; set on tests/fixtures/story: a
# follow-up shares the captives and the town, an unrelated story at most a country.
STORY_NEAR_SHARED = 2
# Co-mentioned people two articles must share to be one story on that alone;
# one shared person is enough when the rest of the articles' entities agree too.
STORY_SAME_PEOPLE = 2
# Members of a candidate profile compared with a new mention, most recent first:
# enough to meet every spelling of a story, bounded for people named in thousands of articles.
MAX_MEMBERS_COMPARED = 50
# Candidate profiles compared with a new mention, those whose spellings fit the name best and
# that have most articles first. A common name (a Novak in every other story) gathers a
# profile per namesake; past this many the oldest single-article namesakes are not compared,
# so a mention costs the same at 100k articles as at 1k. Far above the profiles one name
# meets in examples/ (three Hollis); a mention compares with at most 40 x 50 members.
MAX_CANDIDATE_PROFILES = 40
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
# Words before a role's head that are not it ("the", "his").
_ROLE_DETERMINERS = frozenset("a an the his her their its".split())
# States no person can be in after being killed (a timeline with both is a conflict to show).
_AFTER_DEATH = frozenset({"released", "hospitalized", "arrested", "injured"})


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
        same = story in ("same", "near") and not contradiction
    else:  # GIVEN_ONLY: a first name alone is common; only the same story can tie it
        same = story == "same" and not contradiction
    return Verdict(same, relation, story)


def _names(claim: PersonClaim) -> tuple[str, ...]:
    return (claim.name, *claim.aliases)


def _closeness(a: str, b: str) -> tuple[int, bool]:
    """How well two names fit: the name relation's rank, then whether they are written alike."""
    return RELATION_RANK[names.name_relation(names.parse(a), names.parse(b))], names.normalise(a) == names.normalise(b)


def _named_apart(a: PersonClaim, b: PersonClaim) -> bool:
    """One article names, besides its own person, someone who fits the other claim's name at least
    as well: relatives or namesakes named together (Yosef and Yosefa Abutbul; Ivan Petrakov Sr. and
    Jr.; two Tatiana Orliks, mother and daughter) are two people."""
    for claim, other in ((a, b), (b, a)):
        own = _closeness(claim.name, other.name)
        for name in other.with_:
            fit = _closeness(claim.name, name)
            if fit[0] >= RELATION_RANK[INITIAL] and fit >= own:
                return True
    return False


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
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in theirs:
        for key in names.blocking_keys(name, lookup=True):
            by_key[key].append(name)
    shared = 0
    for name in ours:
        near = {other for key in names.blocking_keys(name, lookup=True) for other in by_key.get(key, ())}
        shared += any(names.name_relation(names.parse(name), names.parse(other)) in (FULL, INITIAL) for other in near)
    return shared


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
    """Indices of the synonym groups (``extract.lexicon.ROLE_SYNONYM_GROUPS``) a role ends in:
    "Polish truck driver" and "trucker" are both in the truck driver group."""
    text = " ".join(re.findall(r"[a-z]+", names.normalise(_ROLE_QUALIFIER.split(role.lower())[0])))
    return frozenset(
        i
        for i, group in enumerate(ROLE_SYNONYM_GROUPS)
        if any(text == phrase or text.endswith(" " + phrase) for phrase in group)
    )


def _roles_overlap(a: PersonClaim, b: PersonClaim) -> bool | None:
    if not a.roles or not b.roles:
        return None
    return bool(_role_words(a.roles) & _role_words(b.roles))


# -- claims from an analysis ----------------------------------------------------------


def _context_key(name: str, kind: str) -> str:
    """How an entity counts towards a shared story: a person by surname, others by name."""
    if kind == "person":
        parts = names.parse(name)
        return "p:" + names.spelling_key((parts.core or "").split()[-1] if parts.core else name)
    return "e:" + names.spelling_key(name)


@dataclass(frozen=True)
class _Mention:
    """A person entity of one stored article, as the resolver compares it."""

    article_id: str
    entity_id: str
    claim: PersonClaim


def _claims(rows: list[dict], claims_of: dict[tuple[str, str], dict[str, list]], published: str | None) -> list[_Mention]:
    """Claims for the person entities of one article from its entity rows and attribute values."""
    people = [r for r in rows if r["kind"] == "person"]
    keys = {(r["entity_id"]): _context_key(r["name"], r["kind"]) for r in rows}
    found = []
    for row in people:
        values = claims_of.get((row["article_id"], row["entity_id"]), {})
        ages = values.get("age", [])
        claim = PersonClaim(
            name=row["name"],
            aliases=tuple(row["aliases"]),
            age=int(ages[0]) if ages else None,
            roles=tuple(values.get("role", [])),
            nationalities=tuple(values.get("nationality", [])),
            with_=tuple(r["name"] for r in people if r["entity_id"] != row["entity_id"]),
            published=published,
            context=frozenset(k for e, k in keys.items() if e != row["entity_id"] and k != keys[row["entity_id"]]),
        )
        found.append(_Mention(row["article_id"], row["entity_id"], claim))
    return found


def article_claims(analysis: Analysis) -> dict[str, PersonClaim]:
    """Entity id -> the claim its article makes about that person."""
    article_id = analysis.article.id
    rows = [
        {"article_id": article_id, "entity_id": e.id, "kind": e.kind, "name": e.name, "aliases": list(e.aliases)}
        for e in analysis.entities
    ]
    values = {(article_id, e.id): {f: e.values(f) for f in ("age", "role", "nationality")} for e in analysis.people}
    return {m.entity_id: m.claim for m in _claims(rows, values, analysis.article.published)}


# -- resolving one article ------------------------------------------------------------


def resolve_article(store: Store, analysis: Analysis) -> dict[str, str]:
    """Assign each person of a stored article to an existing profile or a new one.

    Incremental (only profiles sharing a blocking key are read) and idempotent
    (an article already resolved keeps its assignment). Returns entity id -> profile id.
    """
    article_id = analysis.article.id
    claims = article_claims(analysis)
    with store.engine.begin() as conn:
        done = conn.execute(
            select(profile_members.c.entity_id, profile_members.c.profile_id).where(
                profile_members.c.article_id == article_id
            )
        ).all()
        if done:
            return {entity_id: profile_id for entity_id, profile_id in done}
        linked = _linked_articles(conn, article_id)
        seen = conn.execute(select(articles.c.ingested_at).where(articles.c.id == article_id)).scalar() or ""
        assigned: dict[str, str] = {}
        # Full names first: a bare surname then sees which profiles its article already took.
        order = sorted(claims, key=lambda e: names.parse(claims[e].name).lone or not names.parse(claims[e].name).given)
        for entity_id in order:
            claim = claims[entity_id]
            candidates = _candidates(conn, claim, exclude_article=article_id)
            taken = set(assigned.values())
            chosen = _choose(claim, candidates, linked, taken)
            if chosen is None:
                chosen = _new_profile(conn, article_id, entity_id, claim.name)
            elif not _has_spellings(conn, chosen):
                _count_old_spellings(conn, chosen)  # a profile from before profile_names (schema 2)
            conn.execute(
                insert(profile_members).values(article_id=article_id, entity_id=entity_id, profile_id=chosen)
            )
            _add_keys(conn, chosen, (claim.name, *claim.aliases))
            _add_spellings(conn, chosen, claim, seen)
            assigned[entity_id] = chosen
        for profile_id in set(assigned.values()):
            _refresh_name(conn, profile_id)
    return assigned


def _linked_articles(conn, article_id: str) -> set[str]:
    rows = conn.execute(
        select(links.c.copy_id, links.c.source_id).where(
            or_(links.c.copy_id == article_id, links.c.source_id == article_id)
        )
    ).all()
    return {a for row in rows for a in row} - {article_id}


def _candidates(conn, claim: PersonClaim, exclude_article: str) -> dict[str, list[_Mention]]:
    """Profiles sharing a blocking key with the claim's names and a spelling that fits one of them
    (at most MAX_CANDIDATE_PROFILES, best fitting and most covered first) -> their most recent
    members' claims."""
    keys = set().union(*(names.blocking_keys(n, lookup=True) for n in (claim.name, *claim.aliases)))
    if not keys:
        return {}
    profile_ids = sorted(
        set(conn.execute(select(profile_keys.c.profile_id).where(profile_keys.c.key.in_(sorted(keys)))).scalars())
    )
    if not profile_ids:
        return {}
    spellings: dict[str, list[tuple[str, int]]] = defaultdict(list)
    last_seen: dict[str, str] = {}
    for row in conn.execute(select(profile_names).where(profile_names.c.profile_id.in_(profile_ids))):
        spellings[row.profile_id].append((row.name, row.articles))
        last_seen[row.profile_id] = max(last_seen.get(row.profile_id, ""), row.first_seen)
    fits = []
    for profile_id in profile_ids:
        known = spellings.get(profile_id)
        # A profile from before profile_names has no spellings to judge by: its members decide.
        rank = max((_closeness(n, s)[0] for n in _names(claim) for s, _ in known), default=0) if known else 1
        if rank:
            count = sum(c for _, c in known or ())
            fits.append((rank, count, last_seen.get(profile_id, ""), profile_id))
    fits.sort(reverse=True)  # ties: the profile with the newest spelling first, the oldest dropped
    return _members(conn, [profile_id for *_, profile_id in fits[:MAX_CANDIDATE_PROFILES]], exclude_article)


# Claims of stored articles kept per process. The members of a common name's profiles are
# read for every new mention of it, the same articles again and again (on BBC News, the
# claims of some 2,000 member articles per mention); a stored article's entities and
# attributes are never rewritten, so its claims stay right.
CLAIMS_CACHE_SIZE = 4096
_stored: Memo[dict[str, _Mention]] = Memo(CLAIMS_CACHE_SIZE)


def _stored_claims(conn, published: dict[str, str | None]) -> dict[str, dict[str, _Mention]]:
    """Article id -> {entity id: its claim} for these stored articles (``published`` by id)."""
    database = str(conn.engine.url)
    found = {aid: claims for aid in published if (claims := _stored.get((database, aid))) is not None}
    missing = sorted(set(published) - set(found))
    if not missing:
        return found
    entity_rows: dict[str, list[dict]] = defaultdict(list)
    for row in conn.execute(select(entities).where(entities.c.article_id.in_(missing)).order_by(entities.c.position)):
        entity_rows[row.article_id].append(dict(row._mapping))
    values: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in conn.execute(
        select(attributes)
        .where(attributes.c.article_id.in_(missing))
        .where(attributes.c.field.in_(("age", "role", "nationality")))
        .order_by(attributes.c.position)
    ):
        bucket = values[(row.article_id, row.entity_id)][row.field]
        if row.value not in bucket:
            bucket.append(row.value)
    for article_id in missing:
        claims = {m.entity_id: m for m in _claims(entity_rows.get(article_id, []), values, published[article_id])}
        found[article_id] = _stored.put((database, article_id), claims)
    return found


def _members(conn, profile_ids: list[str], exclude_article: str | None = None) -> dict[str, list[_Mention]]:
    """Each profile's MAX_MEMBERS_COMPARED most recent members: one LIMIT per profile in SQL, so a
    person named in thousands of articles costs as much as one named in fifty."""
    if not profile_ids:
        return {}
    # SQLite reads a profile's members newest first straight from ix_profile_members_profile
    # (its entries are in rowid order, the order members were resolved); elsewhere the newest
    # are those of the most recently ingested articles, ties broken by id so that every run
    # compares the same members (the database sorts the profile's members to find them).
    newest = (
        (literal_column("profile_members.rowid").desc(),)
        if conn.dialect.name == "sqlite"
        else (articles.c.ingested_at.desc(), profile_members.c.article_id.desc(), profile_members.c.entity_id)
    )
    recent = [
        select(
            profile_members.c.profile_id, profile_members.c.article_id, profile_members.c.entity_id, articles.c.published
        )
        .join(articles, articles.c.id == profile_members.c.article_id)
        .where(profile_members.c.profile_id == profile_id)
        .where(profile_members.c.article_id != (exclude_article or ""))
        .order_by(*newest)
        .limit(MAX_MEMBERS_COMPARED)
        .subquery()
        for profile_id in profile_ids
    ]
    chosen: dict[str, list] = defaultdict(list)
    for row in conn.execute(union_all(*(select(part) for part in recent))):
        chosen[row.profile_id].append(row)
    published = {row.article_id: row.published for rows in chosen.values() for row in rows}
    by_article = _stored_claims(conn, published)
    return {
        profile_id: [by_article[r.article_id][r.entity_id] for r in rows if r.entity_id in by_article.get(r.article_id, {})]
        for profile_id, rows in chosen.items()
    }


def _choose(claim: PersonClaim, candidates: dict[str, list[_Mention]], linked: set[str], taken: set[str]) -> str | None:
    """The profile the claim joins, or None for a new one."""
    fits: list[tuple[int, int, int, str]] = []
    for profile_id, members in candidates.items():
        if profile_id in taken:  # another person of this article already holds it
            continue
        verdicts = [verdict(claim, m.claim, m.article_id in linked) for m in members]
        agreeing = [v for v in verdicts if v.same]
        if not agreeing or _named_otherwise(claim, members, verdicts):
            continue
        strong = any(v.story == "same" for v in agreeing)
        # Outside a shared story, a claim that fits none of the profile's ages (or roles, or
        # nationalities) outweighs members that say nothing: a namesake's profile stays closed.
        if not strong and _contradicts_profile(claim, [m.claim for m in members]):
            continue
        rank = max(RELATION_RANK[v.relation] for v in agreeing)
        fits.append((rank, strong, len(agreeing), profile_id))
    if not fits:
        return None
    fits.sort(reverse=True)
    partial = fits[0][0] < RELATION_RANK[INITIAL]
    if partial and len(fits) > 1:  # a bare surname that fits two profiles joins neither
        return None
    return fits[0][-1]


def _named_otherwise(claim: PersonClaim, members: list[_Mention], verdicts: list[Verdict]) -> bool:
    """A full name that agrees only with a profile's bare surnames while its full names are
    another person's: "Sonia Gandhi" does not join Rahul Gandhi's profile through "Gandhi"."""
    if not _has_given_name(claim.name):
        return False
    full = [v for m, v in zip(members, verdicts) if _has_given_name(m.claim.name)]
    return bool(full) and not any(v.same and v.relation in FULL_NAME_RELATIONS for v in full)


def _has_given_name(name: str) -> bool:
    parts = names.parse(name)
    return bool(parts.given) and not parts.lone


def _contradicts_profile(claim: PersonClaim, members: list[PersonClaim]) -> bool:
    """The claim's age, roles or nationalities fit no member that states them."""
    for agrees in (_ages_agree, _roles_overlap, _nationalities_agree):
        outcomes = [agrees(claim, member) for member in members]
        if False in outcomes and True not in outcomes:
            return True
    return False


def _new_profile(conn, article_id: str, entity_id: str, name: str) -> str:
    profile_id = hashlib.sha256(f"{article_id}\n{entity_id}".encode()).hexdigest()[:12]
    conn.execute(insert(profiles_table).values(id=profile_id, name=name))
    return profile_id


def _add_keys(conn, profile_id: str, all_names: Iterable[str]) -> None:
    keys = set().union(*(names.blocking_keys(n) for n in all_names))
    existing = set(conn.execute(select(profile_keys.c.key).where(profile_keys.c.profile_id == profile_id)).scalars())
    new = sorted(keys - existing)
    if new:
        conn.execute(insert(profile_keys), [{"key": key, "profile_id": profile_id} for key in new])


def _has_spellings(conn, profile_id: str) -> bool:
    return conn.execute(select(profile_names.c.name).where(profile_names.c.profile_id == profile_id).limit(1)).first() is not None


def _add_spellings(conn, profile_id: str, claim: PersonClaim, seen: str) -> None:
    """Count the mention's name for the profile; its aliases are recorded with no count (search
    and candidate spellings, never the display name)."""
    for spelling, count in ((claim.name, 1), *((alias, 0) for alias in claim.aliases)):
        done = conn.execute(
            update(profile_names)
            .where(profile_names.c.profile_id == profile_id, profile_names.c.name == spelling)
            .values(articles=profile_names.c.articles + count)
        )
        if not done.rowcount:
            conn.execute(
                insert(profile_names).values(profile_id=profile_id, name=spelling, articles=count, first_seen=seen)
            )


def _count_old_spellings(conn, profile_id: str) -> None:
    """Fill profile_names once for a profile resolved before the table existed."""
    rows = conn.execute(
        select(entities.c.name, entities.c.aliases, articles.c.ingested_at)
        .join(
            profile_members,
            (profile_members.c.article_id == entities.c.article_id)
            & (profile_members.c.entity_id == entities.c.entity_id),
        )
        .join(articles, articles.c.id == entities.c.article_id)
        .where(profile_members.c.profile_id == profile_id)
        .order_by(articles.c.ingested_at)
    ).all()
    for row in rows:
        _add_spellings(conn, profile_id, PersonClaim(name=row.name, aliases=tuple(row.aliases)), row.ingested_at)


def _refresh_name(conn, profile_id: str) -> None:
    """The display name: among spellings with a given name and a surname (else all), the most
    frequent, then the one with most words, then the earliest. Reads the profile's spelling
    counts, not its members: the same cost for a person named in one article or in thousands."""
    rows = conn.execute(
        select(profile_names.c.name, profile_names.c.articles, profile_names.c.first_seen)
        .where(profile_names.c.profile_id == profile_id)
        .where(profile_names.c.articles > 0)
    ).all()
    full = [row for row in rows if (parts := names.parse(row.name)).given and parts.surname and len(parts.given) > 1]
    best = min(full or rows, key=lambda row: (-row.articles, -len(row.name.split()), row.first_seen, row.name))
    conn.execute(update(profiles_table).where(profiles_table.c.id == profile_id).values(name=best.name))


# -- reading profiles -----------------------------------------------------------------


def profiles(store: Store) -> list[Profile]:
    """One profile per person, most articles first (then by name)."""
    with store.engine.connect() as conn:
        ids = conn.execute(select(profiles_table.c.id)).scalars().all()
        found = [_profile(conn, profile_id) for profile_id in ids]
    return sorted(found, key=lambda p: (-len(p.articles), p.name.casefold(), p.id))


def profile(store: Store, profile_id: str) -> Profile:
    with store.engine.connect() as conn:
        if conn.execute(select(profiles_table.c.id).where(profiles_table.c.id == profile_id)).first() is None:
            raise NotFound(f"No person profile {profile_id!r} in {store.url}.")
        return _profile(conn, profile_id)


def find_profiles(store: Store, name: str) -> list[Profile]:
    """Profiles whose name or an alias matches ``name`` (accents, case and spelling variants ignored), best first.

    An empty list when none does (the CLI says so itself).
    """
    with store.engine.connect() as conn:
        keys = names.blocking_keys(name)
        ids = sorted(
            set(conn.execute(select(profile_keys.c.profile_id).where(profile_keys.c.key.in_(sorted(keys)))).scalars())
        )
        spellings: dict[str, list[str]] = defaultdict(list)
        for profile_id, spelling in conn.execute(
            select(profile_names.c.profile_id, profile_names.c.name).where(profile_names.c.profile_id.in_(ids))
        ):
            spellings[profile_id].append(spelling)
        scored = []
        for profile_id in ids:
            # The spellings decide without reading the profile (a profile from before
            # profile_names is read first).
            if profile_id in spellings and not _query_rank(name, spellings[profile_id]):
                continue
            found = _profile(conn, profile_id)
            rank = _query_rank(name, (found.name, *found.aliases))
            if rank:
                scored.append((rank, len(found.articles), found))
    scored.sort(key=lambda item: (-item[0], -item[1], item[2].name))
    return [found for _rank, _count, found in scored]


def _query_rank(query: str, spellings: Iterable[str]) -> int:
    """How well a searched name fits a profile's spellings: 5 same folded name, else the best name
    relation. A one-word query is a given name or a surname: 2 when it is one of the profile's (Ilse
    for Ilse Marten), 1 when a variant (Lena for Helena), so every Ilse is found, most covered first."""
    spellings = tuple(spellings)
    searched = names.parse(query)
    if searched.lone:
        return _part_rank(searched.surname or "", spellings)
    if any(names.normalise(s) == names.normalise(query) for s in spellings):
        return RELATION_RANK[FULL] + 1
    return max((RELATION_RANK[names.name_relation(searched, names.parse(s))] for s in spellings), default=0)


def _part_rank(word: str, spellings: Iterable[str]) -> int:
    best = 0
    for spelling in spellings:
        parts = names.parse(spelling)
        for part, match in ((parts.given, names.given_match), (parts.surname, names.surname_match)):
            if not part or len(part) < 2:
                continue
            if names.spelling_key(part) == names.spelling_key(word):
                return 2
            if match(word, part):
                best = 1
    return best


def _profile(conn, profile_id: str) -> Profile:
    display = conn.execute(select(profiles_table.c.name).where(profiles_table.c.id == profile_id)).scalar_one()
    members = conn.execute(
        select(
            profile_members.c.article_id,
            profile_members.c.entity_id,
            articles.c.url,
            articles.c.published,
            articles.c.ingested_at,
            entities.c.name,
            entities.c.aliases,
        )
        .join(articles, articles.c.id == profile_members.c.article_id)
        .join(
            entities,
            (entities.c.article_id == profile_members.c.article_id) & (entities.c.entity_id == profile_members.c.entity_id),
        )
        .where(profile_members.c.profile_id == profile_id)
    ).all()
    # Oldest first by the publication instant: "2024-11-15" and "2024-11-15T02:14:00+01:00" do not compare as text.
    members = sorted(members, key=lambda m: time_key(m.published, m.ingested_at, m.article_id))
    url_of = {m.article_id: m.url for m in members}
    published_of = {m.article_id: m.published for m in members}
    member_keys = {(m.article_id, m.entity_id) for m in members}
    article_ids = sorted(url_of)
    aliases: list[str] = []
    for m in members:
        for spelling in (m.name, *m.aliases):
            if spelling != display and spelling not in aliases:
                aliases.append(spelling)
    claims: dict[str, dict[object, list[str]]] = defaultdict(lambda: defaultdict(list))
    relations: list[dict] = []
    order = {article_id: i for i, article_id in enumerate(dict.fromkeys(m.article_id for m in members))}
    attribute_rows = sorted(
        conn.execute(select(attributes).where(attributes.c.article_id.in_(article_ids))).all(),
        key=lambda row: (order[row.article_id], row.position),
    )
    for row in attribute_rows:
        if (row.article_id, row.entity_id) not in member_keys:
            continue
        if row.field == "relation":
            relation = _relation(conn, row)
            if relation not in relations:
                relations.append(relation)
            continue
        value = int(row.value) if row.field == "age" else row.value
        urls = claims[row.field][value]
        if url_of[row.article_id] not in urls:
            urls.append(url_of[row.article_id])
    timeline = _timeline(conn, member_keys, article_ids, url_of, published_of)
    ages = tuple(Claim(v, tuple(u)) for v, u in claims["age"].items())
    nationalities = tuple(Claim(v, tuple(u)) for v, u in claims["nationality"].items())
    return Profile(
        id=profile_id,
        name=display,
        aliases=tuple(aliases),
        ages=ages,
        roles=tuple(claims["role"]),
        nationalities=nationalities,
        relations=tuple(relations),
        timeline=timeline,
        conflicts=_conflicts(claims, timeline, published_of, url_of),
        articles=tuple(dict.fromkeys(m.url for m in members)),
    )


def _relation(conn, row) -> dict:
    """A kinship claim with its other person as a profile: {"type", "of": profile id | None, "name"}."""
    other = conn.execute(
        select(profile_members.c.profile_id, profiles_table.c.name)
        .join(profiles_table, profiles_table.c.id == profile_members.c.profile_id)
        .where(profile_members.c.article_id == row.article_id)
        .where(profile_members.c.entity_id == row.of_id)
    ).first()
    if other is not None:
        return {"type": row.value, "of": other.profile_id, "name": other.name}
    name = conn.execute(
        select(entities.c.name).where(entities.c.article_id == row.article_id).where(entities.c.entity_id == row.of_id)
    ).scalar()
    return {"type": row.value, "of": None, "name": name}


def _timeline(conn, member_keys, article_ids, url_of, published_of) -> tuple[TimelineEntry, ...]:
    """Every article's states of the person, ordered by event time; undated ones by their article's date."""
    entries = []
    group_of = _copy_groups(conn, article_ids)
    for row in conn.execute(
        select(statuses).where(statuses.c.article_id.in_(article_ids)).order_by(statuses.c.article_id, statuses.c.position)
    ):
        if (row.article_id, row.person_id) not in member_keys or row.char_start is None:
            continue
        time = time_from_json(row.time)
        evidence = Evidence(article=row.article_id, sentence=row.sentence, start=row.char_start, end=row.char_end)
        entries.append(
            TimelineEntry(
                row.state, time, evidence, url_of[row.article_id], published_of[row.article_id], group_of[row.article_id]
            )
        )

    def when(entry: TimelineEntry) -> tuple:
        # The event's date, else the date of the article (as written in its own time zone), then
        # the publication instant in UTC: text comparison would put "2024-11-15" before any time of that day.
        placed = (entry.time.value if entry.time and entry.time.value else None) or (entry.published or "")[:10] or "9999"
        moment = published_moment(entry.published)
        return (placed, moment is None, moment.timestamp() if moment else 0.0, entry.article, entry.evidence.start)

    return tuple(sorted(entries, key=when))


def _copy_groups(conn, article_ids: list[str]) -> dict[str, str]:
    """Article id -> its copy group among ``article_ids``: articles joined by copy links (reprints,
    edits, translations) share the smallest id of their group."""
    group = {article_id: article_id for article_id in article_ids}

    def root(article_id: str) -> str:
        while group[article_id] != article_id:
            article_id = group[article_id]
        return article_id

    rows = conn.execute(
        select(links.c.copy_id, links.c.source_id)
        .where(links.c.copy_id.in_(article_ids))
        .where(links.c.source_id.in_(article_ids))
        .where(links.c.verdict.in_(COPY_VERDICTS))
    ).all()
    for copy_id, source_id in rows:
        first, second = sorted((root(copy_id), root(source_id)))
        group[second] = first
    return {article_id: root(article_id) for article_id in article_ids}


def _conflicts(claims, timeline, published_of, url_of) -> tuple[Conflict, ...]:
    found = []
    ages = claims["age"]
    if _ages_conflict(ages, published_of, url_of):
        found.append(Conflict("age", tuple(Claim(v, tuple(u)) for v, u in ages.items())))
    per_article: dict[str, set[str]] = defaultdict(set)
    for value, urls in claims["nationality"].items():
        for url in urls:
            per_article[url] |= _nationality_parts([value])
    sets = list(per_article.values())
    if any(not (x & y) for i, x in enumerate(sets) for y in sets[i + 1 :]):
        found.append(Conflict("nationality", tuple(Claim(v, tuple(u)) for v, u in claims["nationality"].items())))
    if _roles_conflict(claims["role"]):
        found.append(Conflict("role", tuple(Claim(v, tuple(u)) for v, u in claims["role"].items())))
    states: dict[str, list[str]] = defaultdict(list)
    for entry in timeline:
        if entry.article not in states[entry.state]:
            states[entry.state].append(entry.article)
    if "killed" in states and _AFTER_DEATH & set(states):
        found.append(
            Conflict("status", tuple(Claim(s, tuple(states[s])) for s in ("killed", *sorted(_AFTER_DEATH)) if s in states))
        )
    return tuple(found)


def role_head(role: str) -> str | None:
    """The word that says what a role is: "Estavian drilling engineer" -> "engineer",
    "head of the brigade" -> "head"; plurals singular. None for a role with no word."""
    # Split before normalising: normalise drops the comma of "nurse, mother of two".
    main = names.normalise(_ROLE_QUALIFIER.split(role.lower())[0])
    words = [w for w in re.findall(r"[a-z]+", main) if w not in _ROLE_DETERMINERS]
    if not words:
        return None
    head = words[-1]
    return head[:-1] if len(head) > 4 and head.endswith("s") and not head.endswith("ss") else head


def _heads_agree(a: str, b: str) -> bool:
    """One role refines the other (engineer / drilling engineer, teacher / schoolteacher)."""
    return a.endswith(b) or b.endswith(a)


def _roles_conflict(roles: dict[str, list[str]]) -> bool:
    """Two articles give roles of which none refines the other (nurse / doctor): one source is
    wrong or a spun copy changed it. Roles one article gives together (lawyer and activist) are
    one person's and never conflict."""
    heads: dict[str, set[str]] = defaultdict(set)  # article url -> role heads and synonym groups
    for role, urls in roles.items():
        head = role_head(role)
        if head:
            for url in urls:
                heads[url].add(head)
                heads[url].update(f"#{group}" for group in role_synonym_groups(role))
    together = {(x, y) for found in heads.values() for x in found for y in found}

    def agree(x: str, y: str) -> bool:
        return _heads_agree(x, y) or (x, y) in together

    sets = list(heads.values())
    return any(
        not any(agree(x, y) for x in first for y in second) for i, first in enumerate(sets) for second in sets[i + 1 :]
    )


def _ages_conflict(ages: dict[int, list[str]], published_of: dict[str, str | None], url_of: dict[str, str]) -> bool:
    """Two ages conflict when the years between their articles do not explain the difference."""
    published_by_url = {url: _date(published_of[a]) for a, url in url_of.items()}
    dated = [(published_by_url.get(url), age) for age, urls in ages.items() for url in urls]
    for i, (day_a, age_a) in enumerate(dated):
        for day_b, age_b in dated[i + 1 :]:
            if day_a and day_b and day_b < day_a:
                day_a, age_a, day_b, age_b = day_b, age_b, day_a, age_a
            days = (day_b - day_a).days if day_a and day_b else 0
            allowed = {int(days // 365.25)}
            if days % 365.25 >= BIRTHDAY_SPAN_DAYS:  # a birthday may have passed in between
                allowed.add(int(days // 365.25) + 1)
            if age_b - age_a not in allowed:
                return True
    return False
