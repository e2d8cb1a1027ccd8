"""A person profile read back as stored (``ProfileRecord``): its members with their articles and
names, their attributes, relatives, states and the copy pairs among their articles.
``link.profiles`` builds the ``Profile`` from it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..errors import NotFound
from ..model import COPY_VERDICTS, Evidence, Status
from .articles import time_from_json
from .links import links_of
from .schema import articles, attributes, entities, profile_members, profiles, statuses


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


def read_profile_record(conn: Connection, profile_id: str, where: str) -> ProfileRecord:
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
