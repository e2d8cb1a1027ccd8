"""Person profiles: ``profiles``, ``profile_members``, ``profile_keys``, ``profile_names``.

Resolution (``link.resolution``) decides which profile a mention joins; it reads
and writes through a ``ProfileSession``, one transaction per article. Reading a
profile back returns its stored rows (``ProfileRecord``); ``link.profiles``
builds the ``Profile`` from them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, insert, literal_column, select, union_all, update
from sqlalchemy.engine import Connection, Engine

from ..errors import NotFound
from ..model import COPY_VERDICTS, Evidence, Status
from .articles import time_from_json
from .links import links_of
from .schema import (
    articles,
    attributes,
    entities,
    profile_keys,
    profile_members,
    profile_names,
    profiles,
    statuses,
)

# Attribute fields a mention's claim is made of.
CLAIM_FIELDS = ("age", "role", "nationality")


@dataclass(frozen=True)
class Spelling:
    """One spelling of a profile and how many of its mentions use it."""

    profile_id: str
    name: str
    articles: int
    first_seen: str


@dataclass(frozen=True)
class Member:
    """A person entity of one stored article as a profile member (or candidate member)."""

    article_id: str
    entity_id: str
    published: str | None


@dataclass(frozen=True)
class StoredPerson:
    """A stored entity as resolution reads it: its row and the claim values of a person."""

    article_id: str
    entity_id: str
    kind: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class MemberRow:
    """A member of a profile with its article and its names."""

    article_id: str
    entity_id: str
    url: str
    published: str | None
    ingested_at: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class AttributeRow:
    article_id: str
    entity_id: str
    field: str
    value: str
    of_id: str | None
    position: int


@dataclass(frozen=True)
class Relative:
    """The other person of a kinship claim: their profile (None when not resolved) and name."""

    profile_id: str | None
    name: str | None


@dataclass(frozen=True)
class ProfileRecord:
    """What is stored of one profile: its members, their attributes, states and copy pairs."""

    id: str
    name: str
    members: tuple[MemberRow, ...]
    attributes: tuple[AttributeRow, ...]  # the members' own, in no particular order
    relatives: dict[tuple[str, str], Relative]  # (article id, of_id) of each relation attribute
    statuses: tuple[Status, ...]  # the members' states with evidence, by article id then position
    copy_pairs: tuple[tuple[str, str], ...]  # (copy, source) of copy links among the members' articles


def _spellings(conn: Connection, profile_ids: Sequence[str]) -> list[Spelling]:
    query = select(profile_names).where(profile_names.c.profile_id.in_(list(profile_ids)))
    return [Spelling(r.profile_id, r.name, r.articles, r.first_seen) for r in conn.execute(query)]


def _with_keys(conn: Connection, keys: Iterable[str]) -> list[str]:
    query = select(profile_keys.c.profile_id).where(profile_keys.c.key.in_(sorted(keys)))
    return sorted(set(conn.execute(query).scalars()))


class ProfileSession:
    """Resolution's reads and writes for one article, in one transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def assignment(self, article_id: str) -> dict[str, str]:
        """Entity id -> profile id of an article already resolved; empty when it is not."""
        rows = self._conn.execute(
            select(profile_members.c.entity_id, profile_members.c.profile_id).where(
                profile_members.c.article_id == article_id
            )
        )
        return {entity_id: profile_id for entity_id, profile_id in rows}

    def linked(self, article_id: str) -> set[str]:
        """The articles the linker related to this one (either side of a stored pair)."""
        ends = ((link.copy, link.source) for link in links_of(self._conn, [article_id]))
        return {aid for pair in ends for aid in pair} - {article_id}

    def ingested_at(self, article_id: str) -> str:
        return self._conn.execute(select(articles.c.ingested_at).where(articles.c.id == article_id)).scalar() or ""

    def with_keys(self, keys: Iterable[str]) -> list[str]:
        """Ids of the profiles holding one of these blocking keys, sorted."""
        return _with_keys(self._conn, keys)

    def spellings(self, profile_ids: Sequence[str]) -> list[Spelling]:
        return _spellings(self._conn, profile_ids)

    def recent_members(self, profile_ids: Sequence[str], exclude_article: str, most: int) -> dict[str, list[Member]]:
        """Each profile's ``most`` most recent members outside ``exclude_article``: one LIMIT per
        profile in SQL, so a person named in thousands of articles costs as much as one named in fifty."""
        if not profile_ids:
            return {}
        # SQLite reads a profile's members newest first straight from ix_profile_members_profile
        # (its entries are in rowid order, the order members were resolved); elsewhere the newest
        # are those of the most recently ingested articles, ties broken by id so that every run
        # compares the same members (the database sorts the profile's members to find them).
        newest = (
            (literal_column("profile_members.rowid").desc(),)
            if self._conn.dialect.name == "sqlite"
            else (articles.c.ingested_at.desc(), profile_members.c.article_id.desc(), profile_members.c.entity_id)
        )
        recent = [
            select(
                profile_members.c.profile_id,
                profile_members.c.article_id,
                profile_members.c.entity_id,
                articles.c.published,
            )
            .join(articles, articles.c.id == profile_members.c.article_id)
            .where(profile_members.c.profile_id == profile_id)
            .where(profile_members.c.article_id != exclude_article)
            .order_by(*newest)
            .limit(most)
            .subquery()
            for profile_id in profile_ids
        ]
        chosen: dict[str, list[Member]] = defaultdict(list)
        for row in self._conn.execute(union_all(*(select(part) for part in recent))):
            chosen[row.profile_id].append(Member(row.article_id, row.entity_id, row.published))
        return chosen

    def people_of(self, article_ids: Sequence[str]) -> tuple[dict[str, list[StoredPerson]], dict]:
        """The entities of these articles (by article, in order) and, per (article id, entity id),
        the values of each claim field (``CLAIM_FIELDS``) in order, without repeats."""
        found: dict[str, list[StoredPerson]] = defaultdict(list)
        query = select(entities).where(entities.c.article_id.in_(list(article_ids))).order_by(entities.c.position)
        for row in self._conn.execute(query):
            found[row.article_id].append(
                StoredPerson(row.article_id, row.entity_id, row.kind, row.name, tuple(row.aliases))
            )
        values: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for row in self._conn.execute(
            select(attributes)
            .where(attributes.c.article_id.in_(list(article_ids)))
            .where(attributes.c.field.in_(CLAIM_FIELDS))
            .order_by(attributes.c.position)
        ):
            bucket = values[(row.article_id, row.entity_id)][row.field]
            if row.value not in bucket:
                bucket.append(row.value)
        return found, values

    def new_profile(self, profile_id: str, name: str) -> None:
        self._conn.execute(insert(profiles).values(id=profile_id, name=name))

    def add_member(self, article_id: str, entity_id: str, profile_id: str) -> None:
        self._conn.execute(insert(profile_members).values(article_id=article_id, entity_id=entity_id, profile_id=profile_id))

    def add_keys(self, profile_id: str, keys: Iterable[str]) -> None:
        """Record the blocking keys the profile does not hold yet."""
        existing = set(
            self._conn.execute(select(profile_keys.c.key).where(profile_keys.c.profile_id == profile_id)).scalars()
        )
        new = sorted(set(keys) - existing)
        if new:
            self._conn.execute(insert(profile_keys), [{"key": key, "profile_id": profile_id} for key in new])

    def count_spellings(self, profile_id: str, counts: Iterable[tuple[str, int]], seen: str) -> None:
        """Add ``count`` to each spelling's articles (a new spelling first seen at ``seen``)."""
        for spelling, count in counts:
            done = self._conn.execute(
                update(profile_names)
                .where(profile_names.c.profile_id == profile_id, profile_names.c.name == spelling)
                .values(articles=profile_names.c.articles + count)
            )
            if not done.rowcount:
                self._conn.execute(
                    insert(profile_names).values(profile_id=profile_id, name=spelling, articles=count, first_seen=seen)
                )

    def counted_spellings(self, profile_id: str) -> list[Spelling]:
        """The profile's spellings that some mention uses (not only an alias)."""
        query = (
            select(profile_names)
            .where(profile_names.c.profile_id == profile_id)
            .where(profile_names.c.articles > 0)
        )
        return [Spelling(r.profile_id, r.name, r.articles, r.first_seen) for r in self._conn.execute(query)]

    def rename(self, profile_id: str, name: str) -> None:
        self._conn.execute(update(profiles).where(profiles.c.id == profile_id).values(name=name))


class ProfileQueries:
    """Person profiles (a part of ``Store``)."""

    engine: Engine
    url: str

    @contextmanager
    def profile_session(self) -> Iterator[ProfileSession]:
        """One transaction of resolution's reads and writes."""
        with self.engine.begin() as conn:
            yield ProfileSession(conn)

    def known_people(self, limit: int = 5000) -> list[str]:
        """The display names of person profiles with a full name, the most recently seen first
        (at most ``limit``): what an article in another language may name again."""
        seen = func.max(profile_names.c.first_seen)
        query = (
            select(profiles.c.name)
            .join(profile_names, profile_names.c.profile_id == profiles.c.id)
            .where(profiles.c.name.contains(" "))
            .group_by(profiles.c.id, profiles.c.name)
            .order_by(seen.desc(), profiles.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def profile_ids(self, keys: Iterable[str] | None = None) -> list[str]:
        """Ids of every profile, or of those holding one of these blocking keys; sorted."""
        with self.engine.connect() as conn:
            if keys is not None:
                return _with_keys(conn, keys)
            return sorted(conn.execute(select(profiles.c.id)).scalars())

    def spellings(self, profile_ids: Sequence[str]) -> list[Spelling]:
        with self.engine.connect() as conn:
            return _spellings(conn, profile_ids)

    def profile_records(self, profile_ids: Iterable[str]) -> Iterator[ProfileRecord]:
        """The stored rows of each profile, in one connection."""
        with self.engine.connect() as conn:
            for profile_id in profile_ids:
                yield _record(conn, profile_id, self.url)

    def profile_record(self, profile_id: str) -> ProfileRecord:
        return next(self.profile_records([profile_id]))


def _record(conn: Connection, profile_id: str, where: str) -> ProfileRecord:
    display = conn.execute(select(profiles.c.name).where(profiles.c.id == profile_id)).scalar()
    if display is None:
        raise NotFound(f"No person profile {profile_id!r} in {where}.")
    members = tuple(
        MemberRow(r.article_id, r.entity_id, r.url, r.published, r.ingested_at, r.name, tuple(r.aliases))
        for r in conn.execute(
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
                (entities.c.article_id == profile_members.c.article_id)
                & (entities.c.entity_id == profile_members.c.entity_id),
            )
            .where(profile_members.c.profile_id == profile_id)
        )
    )
    member_keys = {(m.article_id, m.entity_id) for m in members}
    article_ids = sorted({m.article_id for m in members})
    own = tuple(
        AttributeRow(r.article_id, r.entity_id, r.field, r.value, r.of_id, r.position)
        for r in conn.execute(select(attributes).where(attributes.c.article_id.in_(article_ids)))
        if (r.article_id, r.entity_id) in member_keys
    )
    relatives = {
        (row.article_id, row.of_id): _relative(conn, row.article_id, row.of_id)
        for row in own
        if row.field == "relation"
    }
    states = tuple(
        Status(
            person=r.person_id,
            state=r.state,
            evidence=Evidence(article=r.article_id, sentence=r.sentence, start=r.char_start, end=r.char_end),
            time=time_from_json(r.time),
        )
        for r in conn.execute(
            select(statuses)
            .where(statuses.c.article_id.in_(article_ids))
            .order_by(statuses.c.article_id, statuses.c.position)
        )
        if (r.article_id, r.person_id) in member_keys and r.char_start is not None
    )
    among = set(article_ids)
    copy_pairs = tuple(
        (link.copy, link.source)
        for link in links_of(conn, article_ids, COPY_VERDICTS)
        if link.copy in among and link.source in among
    )
    return ProfileRecord(profile_id, display, members, own, relatives, states, copy_pairs)


def _relative(conn: Connection, article_id: str, of_id: str | None) -> Relative:
    other = conn.execute(
        select(profile_members.c.profile_id, profiles.c.name)
        .join(profiles, profiles.c.id == profile_members.c.profile_id)
        .where(profile_members.c.article_id == article_id)
        .where(profile_members.c.entity_id == of_id)
    ).first()
    if other is not None:
        return Relative(other.profile_id, other.name)
    name = conn.execute(
        select(entities.c.name).where(entities.c.article_id == article_id).where(entities.c.entity_id == of_id)
    ).scalar()
    return Relative(None, name)

