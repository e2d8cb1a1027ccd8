"""Named lists across articles: ``list_records`` (one list of a story) and ``list_articles``
(which record each article's list belongs to).

``link.named_lists`` decides which lists are one; it reads and writes through a
``ListSession``, one transaction per article. Reads give each record's article lists
with their members' profiles, and the records a profile is on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from ..model import Evidence
from .schema import articles, entities, list_articles, list_records, lists, profile_members, profiles, story_articles


@dataclass(frozen=True)
class ListMemberRow:
    """A person one article puts on a list, with the profile they joined (None: not resolved)."""

    entity_id: str
    profile_id: str | None
    profile_name: str | None
    evidence: Evidence | None


@dataclass(frozen=True)
class StoredList:
    """One article's list as stored, with the record it belongs to (None: not recorded yet)."""

    article_id: str
    position: int
    record_id: str | None
    url: str
    published: str | None
    ingested_at: str
    claimed_size: int | None
    owner: str | None  # the owner as the article names it: its entity's name, else as written
    recipient: str | None
    members: tuple[ListMemberRow, ...]
    evidence: Evidence


def _stored_lists(conn: Connection, condition) -> list[StoredList]:
    """The lists matching ``condition`` (on ``lists`` / ``list_articles``), oldest article first."""
    rows = conn.execute(
        select(lists, list_articles.c.record_id, articles.c.url, articles.c.published, articles.c.ingested_at)
        .join(articles, articles.c.id == lists.c.article_id)
        .outerjoin(
            list_articles,
            and_(list_articles.c.article_id == lists.c.article_id, list_articles.c.position == lists.c.position),
        )
        .where(condition)
        .order_by(articles.c.ingested_at, lists.c.article_id, lists.c.position)
    ).all()
    article_ids = sorted({row.article_id for row in rows})
    names = dict(
        ((r.article_id, r.entity_id), r.name)
        for r in conn.execute(
            select(entities.c.article_id, entities.c.entity_id, entities.c.name).where(
                entities.c.article_id.in_(article_ids)
            )
        )
    )
    joined = {
        (r.article_id, r.entity_id): (r.profile_id, r.name)
        for r in conn.execute(
            select(profile_members.c.article_id, profile_members.c.entity_id, profiles.c.id.label("profile_id"),
                   profiles.c.name)
            .join(profiles, profiles.c.id == profile_members.c.profile_id)
            .where(profile_members.c.article_id.in_(article_ids))
        )
    }
    found = []
    for row in rows:
        said = list(row.member_evidence or ())
        members = tuple(
            ListMemberRow(
                entity_id,
                *joined.get((row.article_id, entity_id), (None, None)),
                Evidence(**said[i]) if i < len(said) else None,
            )
            for i, entity_id in enumerate(row.members or ())
        )
        found.append(StoredList(
            article_id=row.article_id,
            position=row.position,
            record_id=row.record_id,
            url=row.url,
            published=row.published,
            ingested_at=row.ingested_at,
            claimed_size=row.claimed_size,
            owner=names.get((row.article_id, row.owner)) or row.owner_name,
            recipient=names.get((row.article_id, row.recipient)) or row.recipient_name,
            members=members,
            evidence=Evidence(row.article_id, row.sentence, row.char_start, row.char_end),
        ))
    return found


def carry_list_records(conn: Connection, article_id: str, entity_id: str, profile_id: str) -> list[str]:
    """The article's person has just moved into ``profile_id`` (``ProfileSession.move_member``): each
    record of a list the article puts the person on joins the story's record that already names
    the profile, the record the list would have joined had the person been in that profile when it
    was recorded (shared members decide first, ``link.named_lists``). The record whose first list
    was ingested first is kept; the other's lists move into it and it is deleted. Members read their
    profiles through ``profile_members``, so the lists themselves follow the move unchanged.
    Returns the ids of the records merged away."""
    own = [
        item for item in _stored_lists(conn, lists.c.article_id == article_id)
        if item.record_id and any(m.entity_id == entity_id for m in item.members)
    ]
    merged: list[str] = []
    for record_id in sorted({item.record_id for item in own}):
        if record_id in merged:
            continue
        story = conn.execute(select(list_records.c.story_id).where(list_records.c.id == record_id)).scalar()
        in_story = select(list_records.c.id).where(list_records.c.story_id == story)
        told = _stored_lists(conn, list_articles.c.record_id.in_(in_story))  # oldest article first
        naming = [item.record_id for item in told if any(m.profile_id == profile_id for m in item.members)]
        order = list(dict.fromkeys(item.record_id for item in told))
        for other in dict.fromkeys(naming):
            if other == record_id or other in merged:
                continue
            kept, gone = sorted((record_id, other), key=order.index)
            conn.execute(update(list_articles).where(list_articles.c.record_id == gone).values(record_id=kept))
            conn.execute(delete(list_records).where(list_records.c.id == gone))
            merged.append(gone)
            record_id = kept
    return merged


class ListSession:
    """List recording's reads and writes for one article, in one transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def story_of(self, article_id: str) -> str | None:
        query = select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)
        return self._conn.execute(query).scalar()

    def article_lists(self, article_id: str) -> list[StoredList]:
        return _stored_lists(self._conn, lists.c.article_id == article_id)

    def story_lists(self, story_id: str, most: int) -> list[StoredList]:
        """The recorded lists of the story's articles, of its ``most`` latest ingested ones."""
        recorded = select(list_records.c.id).where(list_records.c.story_id == story_id)
        latest = (
            select(list_articles.c.article_id)
            .join(articles, articles.c.id == list_articles.c.article_id)
            .where(list_articles.c.record_id.in_(recorded))
            .order_by(articles.c.ingested_at.desc(), list_articles.c.article_id.desc())
            .limit(most)
        )
        condition = and_(list_articles.c.record_id.in_(recorded), lists.c.article_id.in_(latest))
        return _stored_lists(self._conn, condition)

    def new_record(self, record_id: str, story_id: str) -> None:
        self._conn.execute(insert(list_records).values(id=record_id, story_id=story_id))

    def record(self, article_id: str, position: int, record_id: str) -> None:
        """Tie the article's list at ``position`` to the record."""
        self._conn.execute(
            insert(list_articles).values(article_id=article_id, position=position, record_id=record_id)
        )


class ListQueries:
    """Named lists across articles (a part of ``Store``)."""

    engine: Engine

    @contextmanager
    def list_session(self) -> Iterator[ListSession]:
        with self.engine.begin() as conn:
            yield ListSession(conn)

    def unrecorded_lists(self) -> list[str]:
        """Articles with a story whose lists have no record yet (stored before schema 7), oldest first."""
        recorded = select(list_articles.c.article_id)
        query = (
            select(lists.c.article_id)
            .join(story_articles, story_articles.c.article_id == lists.c.article_id)
            .join(articles, articles.c.id == lists.c.article_id)
            .where(~lists.c.article_id.in_(recorded))
            .group_by(lists.c.article_id, articles.c.ingested_at)
            .order_by(articles.c.ingested_at, lists.c.article_id)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def list_records_of(self, profile_ids: Iterable[str]) -> dict[str, list[StoredList]]:
        """Record id -> the article lists recorded in it, for every record one of the
        profiles is on (named as a member by some article)."""
        wanted = sorted(set(profile_ids))
        with self.engine.connect() as conn:
            keys = {
                (r.article_id, r.entity_id)
                for r in conn.execute(
                    select(profile_members.c.article_id, profile_members.c.entity_id).where(
                        profile_members.c.profile_id.in_(wanted)
                    )
                )
            }
            candidates = sorted({article_id for article_id, _ in keys})
            touched = {
                item.record_id
                for item in _stored_lists(conn, lists.c.article_id.in_(candidates))
                if item.record_id and any((item.article_id, m.entity_id) in keys for m in item.members)
            }
            by_record: dict[str, list[StoredList]] = {record_id: [] for record_id in sorted(touched)}
            for item in _stored_lists(conn, list_articles.c.record_id.in_(sorted(touched))):
                by_record[item.record_id].append(item)
        return by_record
