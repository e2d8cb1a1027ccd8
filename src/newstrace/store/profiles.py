"""Person profiles: ``profiles``, ``profile_members``, ``profile_keys``, ``profile_names``.

Resolution (``link.resolution``) decides which profile a mention joins; it reads
and writes through a ``ProfileSession``, one transaction per article. Reading a
profile back returns its stored rows (``ProfileRecord``); ``link.profiles``
builds the ``Profile`` from them.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from dataclasses import dataclass

from sqlalchemy import Integer, bindparam, delete, func, insert, literal, select, union_all, update
from sqlalchemy.engine import Connection, Engine

from .counters import add_counts
from .named_lists import carry_list_records
from .stories import count_member_story, story_of_article
from .links import links_of
from .profile_records import ProfileRecord, read_profile_record
from .schema import (
    articles,
    attributes,
    entities,
    member_claims,
    profile_keys,
    profile_members,
    profile_names,
    profile_stories,
    profiles,
)

# Attribute fields a mention's claim is made of.
CLAIM_FIELDS = ("age", "role", "nationality")
# The stored claim of a member whose entity its article does not hold (none is written so).
EMPTY_CLAIM = {"name": "", "aliases": [], "values": {}, "others": []}


@dataclass(frozen=True)
class Spelling:
    """One spelling of a profile and how many of its mentions use it."""

    profile_id: str
    name: str
    articles: int
    first_seen: str


@dataclass(frozen=True)
class Member:
    """A profile member as resolution compares it: what its article says of the person
    (``member_claims``, written once when it joined)."""

    article_id: str
    entity_id: str
    published: str | None
    name: str
    aliases: tuple[str, ...]
    values: dict[str, list[str]]  # claim field (``CLAIM_FIELDS``) -> its values in order, without repeats
    others: tuple[tuple[str, str], ...]  # (kind, name) of the article's other entities, in order


def _spellings(conn: Connection, profile_ids: Sequence[str]) -> list[Spelling]:
    query = select(profile_names).where(profile_names.c.profile_id.in_(list(profile_ids)))
    return [Spelling(r.profile_id, r.name, r.articles, r.first_seen) for r in conn.execute(query)]


@dataclass(frozen=True)
class RankedSpellings:
    """What resolution ranks of a candidate profile: its most used spellings (then the latest
    taken up), the articles all its spellings count and when its latest spelling was first seen."""

    names: tuple[str, ...]
    articles: int
    last_seen: str


def _with_keys(conn: Connection, keys: Iterable[str]) -> list[str]:
    query = select(profile_keys.c.profile_id).where(profile_keys.c.key.in_(sorted(keys)))
    return sorted(set(conn.execute(query).scalars()))


# Statements whose shape depends only on how many profiles or keys they read, built once per
# count: building and compiling a union of forty subqueries anew cost more than running it.


@cache
def _recent_members_query(profiles: int):
    """The ``most`` latest members outside the article ``exclude`` of each profile bound as
    ``profile_0`` ... (one LIMIT per profile)."""
    recent = [
        select(member_claims.c.profile_id, member_claims.c.article_id, member_claims.c.entity_id)
        .where(member_claims.c.profile_id == bindparam(f"profile_{n}"))
        .where(member_claims.c.article_id != bindparam("exclude"))
        .order_by(member_claims.c.seq.desc(), member_claims.c.article_id, member_claims.c.entity_id)
        .limit(bindparam("most", type_=Integer))
        .subquery()
        for n in range(profiles)
    ]
    return union_all(*(select(part) for part in recent))


@cache
def _candidate_profiles_query(keys: int, written: int):
    """The profiles of the blocking keys bound as ``key_0`` ... (at most ``most`` each, the last
    touched first) and of the spellings bound as ``written_0`` ... (at most ``most_written`` each,
    those using the spelling most first, then the latest to take it up: read in that order from
    ``ix_profile_names_spelling``, so a spelling of thousands of namesakes costs as much as one of
    ten), each row with what orders ``candidate_profiles``: (profile id, found by a spelling as
    written, the profile's articles, the spelling's first_seen, touched)."""
    parts = [
        select(
            profile_keys.c.profile_id,
            literal(False).label("written"),
            literal(0).label("articles"),
            literal("").label("first_seen"),
            profile_keys.c.touched,
        )
        .where(profile_keys.c.key == bindparam(f"key_{n}"))
        .order_by(profile_keys.c.touched.desc(), profile_keys.c.profile_id.desc())
        .limit(bindparam("most", type_=Integer))
        .subquery()
        for n in range(keys)
    ]
    parts += [
        select(
            profile_names.c.profile_id,
            literal(True).label("written"),
            profiles.c.article_count.label("articles"),
            profile_names.c.first_seen,
            literal(0).label("touched"),
        )
        .join(profiles, profiles.c.id == profile_names.c.profile_id)
        .where(profile_names.c.name == bindparam(f"written_{n}"))
        .order_by(profile_names.c.articles.desc(), profile_names.c.first_seen.desc(), profile_names.c.profile_id.desc())
        .limit(bindparam("most_written", type_=Integer))
        .subquery()
        for n in range(written)
    ]
    return union_all(*(select(part) for part in parts))


@cache
def _ranked_spellings_query():
    """Of the profiles bound as ``profiles``, each one's ``most`` most used spellings (then the latest
    first seen, then by name), each row with the articles and latest first_seen of all its spellings."""
    names = profile_names.c
    per_profile = {"partition_by": names.profile_id}
    order = (names.articles.desc(), names.first_seen.desc(), names.name)
    placed = (
        select(
            names.profile_id,
            names.name,
            func.row_number().over(**per_profile, order_by=order).label("place"),
            func.sum(names.articles).over(**per_profile).label("total"),
            func.max(names.first_seen).over(**per_profile).label("last_seen"),
        )
        .where(names.profile_id.in_(bindparam("profiles", expanding=True)))
        .subquery()
    )
    most = bindparam("most", type_=Integer)
    return select(placed).where(placed.c.place <= most).order_by(placed.c.profile_id, placed.c.place)


def _member(row) -> Member:
    claim = row.claim
    return Member(
        row.article_id,
        row.entity_id,
        row.published,
        claim["name"],
        tuple(claim["aliases"]),
        claim["values"],
        tuple((kind, name) for kind, name in claim["others"]),
    )


# The statements resolution runs for each person of each article, built once (``bindparam``):
# building one anew cost more than running it.
_ARTICLES = bindparam("articles", expanding=True)
_PUBLISHED = select(articles.c.id, articles.c.published).where(articles.c.id.in_(_ARTICLES))
_ENTITIES_OF = select(entities).where(entities.c.article_id.in_(_ARTICLES)).order_by(entities.c.article_id, entities.c.position)
_CLAIM_ATTRIBUTES_OF = (
    select(attributes)
    .where(attributes.c.article_id.in_(_ARTICLES))
    .where(attributes.c.field.in_(CLAIM_FIELDS))
    .order_by(attributes.c.article_id, attributes.c.position)
)
_ASSIGNMENT = select(profile_members.c.entity_id, profile_members.c.profile_id).where(
    profile_members.c.article_id == bindparam("article")
)
_INGESTED_AT = select(articles.c.ingested_at).where(articles.c.id == bindparam("article"))
_LATEST_SEQ = select(func.max(member_claims.c.seq))
_TOUCH_KEYS = update(profile_keys).where(profile_keys.c.profile_id == bindparam("profile")).values(touched=bindparam("seq"))
_KEYS_OF = select(profile_keys.c.key).where(profile_keys.c.profile_id == bindparam("profile"))
_LATEST_SEQ_OF = select(func.max(member_claims.c.seq)).where(member_claims.c.profile_id == bindparam("profile"))
_COUNTED_SPELLINGS = (
    select(profile_names).where(profile_names.c.profile_id == bindparam("profile")).where(profile_names.c.articles > 0)
)
_RENAME = update(profiles).where(profiles.c.id == bindparam("profile")).values(name=bindparam("new_name"))


def article_summaries(conn: Connection, article_ids: Sequence[str]) -> dict[str, tuple[str | None, dict[str, dict]]]:
    """Per article: its published date and, per person entity, the claim ``member_claims`` keeps
    (name, aliases, the values of each claim field in order without repeats, the (kind, name) of
    the article's other entities in order)."""
    ids = list(article_ids)
    published = dict(conn.execute(_PUBLISHED, {"articles": ids}).all())
    rows: dict[str, list] = defaultdict(list)
    for row in conn.execute(_ENTITIES_OF, {"articles": ids}):
        rows[row.article_id].append(row)
    values: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(dict)
    for row in conn.execute(_CLAIM_ATTRIBUTES_OF, {"articles": ids}):
        bucket = values[(row.article_id, row.entity_id)].setdefault(row.field, [])
        if row.value not in bucket:
            bucket.append(row.value)
    found = {}
    for article_id in ids:
        entity_rows = rows.get(article_id, [])
        found[article_id] = (
            published.get(article_id),
            {
                row.entity_id: {
                    "name": row.name,
                    "aliases": list(row.aliases),
                    "values": values.get((article_id, row.entity_id), {}),
                    "others": [[other.kind, other.name] for other in entity_rows if other.entity_id != row.entity_id],
                }
                for row in entity_rows
                if row.kind == "person"
            },
        )
    return found


class ProfileSession:
    """Resolution's reads and writes for one article, in one transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        # Article id -> what article_summaries read of it: several of one article's people join.
        self._articles: dict[str, tuple[str | None, dict[str, dict]]] = {}
        self._stories: dict[str, str | None] = {}  # article id -> its story (None before it has one)
        self._seq: int | None = None  # the latest member_claims.seq, read once per session
        self._touched: dict[str, int] = {}  # profile id -> the seq of the member it gained in this session
        # Profile id -> the keys written for it, of the profiles this session started: what the
        # database holds of them, known without asking.
        self._started: dict[str, set[str]] = {}

    def assignment(self, article_id: str) -> dict[str, str]:
        """Entity id -> profile id of an article already resolved; empty when it is not."""
        rows = self._conn.execute(_ASSIGNMENT, {"article": article_id})
        return {entity_id: profile_id for entity_id, profile_id in rows}

    def linked(self, article_id: str) -> set[str]:
        """The articles the linker related to this one (either side of a stored pair)."""
        ends = ((link.copy, link.source) for link in links_of(self._conn, [article_id]))
        return {aid for pair in ends for aid in pair} - {article_id}

    def ingested_at(self, article_id: str) -> str:
        return self._conn.execute(_INGESTED_AT, {"article": article_id}).scalar() or ""

    def with_keys(self, keys: Iterable[str]) -> list[str]:
        """Ids of the profiles holding one of these blocking keys, sorted."""
        return _with_keys(self._conn, keys)

    def ranked_spellings(self, profile_ids: Sequence[str], most: int) -> dict[str, RankedSpellings]:
        """Per profile, its ``most`` most used spellings (then the latest first seen, then by name)
        with the articles and latest first_seen of all its spellings: the database picks them, so a
        profile with hundreds of spellings hands resolution as many as one with ``most``."""
        if not profile_ids:
            return {}
        rows = self._conn.execute(_ranked_spellings_query(), {"profiles": list(profile_ids), "most": most})
        found: dict[str, RankedSpellings] = {}
        for profile_id, kept in groupby(rows, key=lambda row: row.profile_id):
            kept = list(kept)
            found[profile_id] = RankedSpellings(tuple(row.name for row in kept), int(kept[0].total), kept[0].last_seen)
        return found

    def recent_members(self, profile_ids: Sequence[str], exclude_article: str, most: int) -> dict[str, list[tuple[str, str]]]:
        """Each profile's ``most`` latest members outside ``exclude_article`` (the last to join
        first), as (article id, entity id): one LIMIT per profile read from the covering
        ``ix_member_claims_recent``, so a person named in thousands of articles costs as much as
        one named in fifty."""
        if not profile_ids:
            return {}
        bound = {f"profile_{n}": profile_id for n, profile_id in enumerate(profile_ids)}
        rows = self._conn.execute(_recent_members_query(len(profile_ids)), {**bound, "exclude": exclude_article, "most": most})
        chosen: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for profile_id, article_id, entity_id in rows:
            chosen[profile_id].append((article_id, entity_id))
        return chosen

    def members(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Member]:
        """The stored claims of these members, by (article id, entity id)."""
        wanted = set(keys)
        if not wanted:
            return {}
        query = select(member_claims).where(member_claims.c.article_id.in_(sorted({a for a, _ in wanted})))
        rows = (row for row in self._conn.execute(query) if (row.article_id, row.entity_id) in wanted)
        return {(row.article_id, row.entity_id): _member(row) for row in rows}

    def candidate_profiles(
        self, keys: Iterable[str], spellings: Iterable[str], most: int, most_written: int, most_total: int | None = None
    ) -> list[str]:
        """Ids of the profiles holding one of these blocking keys, at most ``most`` per key (those
        that last gained a member first), and of at most ``most_written`` with one of these spellings
        as written (those with most articles first), in one statement: a key every tenth name shares
        reads no more. In the order resolution scores them, at most ``most_total`` in all: those with
        a spelling as written first (most articles, then the spelling first seen last), then the keys'
        (the last to gain a member first), so a name with several full keys costs no more than one.
        A spelling held by more than ``most_written`` profiles is read for the ``most_written`` that
        use it most (``_candidate_profiles_query``): its namesakes' count costs nothing."""
        keys, written = sorted(set(keys)), sorted(set(spellings))
        if not keys and not written:
            return []
        bound = {f"key_{n}": key for n, key in enumerate(keys)}
        bound.update({f"written_{n}": spelling for n, spelling in enumerate(written)})
        query = _candidate_profiles_query(len(keys), len(written))
        found = self._conn.execute(query, {**bound, "most": most, "most_written": most_written})
        # A union keeps no order: newest first (first seen, touched, then id, as each part's LIMIT
        # reads them), then, stable, spellings as written first, the profiles with most articles first.
        rows = sorted(found, key=lambda row: (row.first_seen, row.touched, row.profile_id), reverse=True)
        rows.sort(key=lambda row: (not row.written, -row.articles))
        by_spelling = sum(row.written for row in rows)
        rows = rows[: min(by_spelling, most_written)] + rows[by_spelling:]  # at most most_written in all, as one LIMIT
        ordered = list(dict.fromkeys(row.profile_id for row in rows))
        return ordered[:most_total]

    def new_profile(self, profile_id: str, name: str) -> None:
        self._conn.execute(insert(profiles), {"id": profile_id, "name": name})
        self._started[profile_id] = set()

    def add_member(self, article_id: str, entity_id: str, profile_id: str) -> None:
        """The article's person joins the profile: its member row, its claim (read once from the
        article, never again), the profile's keys marked as just touched, and, when the article
        already has a story, the profile counted in it."""
        member = {"article_id": article_id, "entity_id": entity_id, "profile_id": profile_id}
        self._conn.execute(insert(profile_members), member)
        if self._seq is None:
            self._seq = self._conn.execute(_LATEST_SEQ).scalar() or 0
        self._seq += 1
        if article_id not in self._articles:
            self._articles[article_id] = article_summaries(self._conn, [article_id]).get(article_id, (None, {}))
        published, claims = self._articles[article_id]
        self._conn.execute(
            insert(member_claims),
            {**member, "seq": self._seq, "published": published, "claim": claims.get(entity_id, EMPTY_CLAIM)},
        )
        if self._started.get(profile_id) != set():  # a profile started here holds no key yet
            self._conn.execute(_TOUCH_KEYS, {"profile": profile_id, "seq": self._seq})
        self._touched[profile_id] = self._seq
        if article_id not in self._stories:
            self._stories[article_id] = story_of_article(self._conn, article_id)
        count_member_story(self._conn, self._stories[article_id], profile_id)

    def add_keys(self, profile_id: str, keys: Iterable[str]) -> None:
        """Record the blocking keys the profile does not hold yet (touched when it last gained a member)."""
        existing = self._started.get(profile_id)
        if existing is None:
            existing = set(self._conn.execute(_KEYS_OF, {"profile": profile_id}).scalars())
        new = sorted(set(keys) - existing)
        if new:
            touched = self._touched.get(profile_id)
            if touched is None:
                touched = self._conn.execute(_LATEST_SEQ_OF, {"profile": profile_id}).scalar() or 0
            self._conn.execute(
                insert(profile_keys), [{"key": key, "profile_id": profile_id, "touched": touched} for key in new]
            )
            if profile_id in self._started:
                self._started[profile_id].update(new)

    def count_spellings(self, profile_id: str, counts: Iterable[tuple[str, int]], seen: str) -> None:
        """Add ``count`` to each spelling's articles (a new spelling first seen at ``seen``)."""
        for count, spellings in groupby(sorted(counts, key=lambda item: item[1]), key=lambda item: item[1]):
            keys = [(profile_id, spelling) for spelling, _ in spellings]
            add_counts(self._conn, profile_names, keys, step=count, first_seen=seen)

    def counted_spellings(self, profile_id: str) -> list[Spelling]:
        """The profile's spellings that some mention uses (not only an alias)."""
        rows = self._conn.execute(_COUNTED_SPELLINGS, {"profile": profile_id})
        return [Spelling(r.profile_id, r.name, r.articles, r.first_seen) for r in rows]

    def rename(self, profile_id: str, name: str) -> None:
        self._conn.execute(_RENAME, {"profile": profile_id, "new_name": name})

    def move_member(self, article_id: str, entity_id: str, profile_id: str) -> str | None:
        """Move an article's person from its profile to ``profile_id``; returns the profile it left,
        None when it was already there (or is no member).

        The member row, its claim (now the target's latest member), the story counts and its named
        lists follow it (a list recorded apart only because the person had another profile joins the
        story's record naming the target: ``carry_list_records``).
        The profile it left loses the count of the member's spelling; a profile left without
        members is deleted with its keys, spellings and story counts. The target's spellings,
        keys and display name are the caller's (``count_spellings``, ``add_keys``, ``rename``),
        as for a member that joins."""
        member = (profile_members.c.article_id == article_id) & (profile_members.c.entity_id == entity_id)
        left = self._conn.execute(select(profile_members.c.profile_id).where(member)).scalar()
        if left is None or left == profile_id:
            return None
        claimed = (member_claims.c.article_id == article_id) & (member_claims.c.entity_id == entity_id)
        claim = self._conn.execute(select(member_claims.c.claim).where(claimed)).scalar() or EMPTY_CLAIM
        self._conn.execute(update(profile_members).where(member).values(profile_id=profile_id))
        if self._seq is None:
            self._seq = self._conn.execute(_LATEST_SEQ).scalar() or 0
        self._seq += 1
        self._conn.execute(update(member_claims).where(claimed).values(profile_id=profile_id, seq=self._seq))
        self._touched[profile_id] = self._seq
        story = story_of_article(self._conn, article_id)
        if story is not None:
            add_counts(self._conn, profile_stories, [(left, story)], step=-1)
            self._conn.execute(
                delete(profile_stories).where((profile_stories.c.profile_id == left) & (profile_stories.c.articles <= 0))
            )
            count_member_story(self._conn, story, profile_id)
        carry_list_records(self._conn, article_id, entity_id, profile_id)
        remaining = select(func.count()).select_from(profile_members).where(profile_members.c.profile_id == left)
        if self._conn.execute(remaining).scalar():
            if claim.get("name"):
                add_counts(self._conn, profile_names, [(left, claim["name"])], step=-1, first_seen="")
        else:
            for table in (profile_keys, profile_names, profile_stories):
                self._conn.execute(delete(table).where(table.c.profile_id == left))
            self._conn.execute(delete(profiles).where(profiles.c.id == left))
        return left


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
                yield read_profile_record(conn, profile_id, self.url)

    def profile_record(self, profile_id: str) -> ProfileRecord:
        return next(self.profile_records([profile_id]))
