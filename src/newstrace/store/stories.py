"""Stories: ``story_articles`` (the story of each article), ``story_terms`` (its names' counts),
``story_sizes`` (its articles' count) and ``profile_stories`` (the stories each profile is named in).

Story assignment reads only counters and indexed rows: how big a story is and which stories
name a profile are kept as articles join (``join``) and as people join profiles
(``ProfileSession.add_member``), never counted from the growing membership tables.

``link.stories`` scores the evidence and decides; it reads and writes through a
``StorySession``, one transaction per article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Integer, bindparam, func, insert, or_, select, union_all, update
from sqlalchemy.engine import Connection, Engine

from .counters import add_counts
from .links import ArticleInfo, chunks, links_of
from .schema import (  # noqa: F401 (UNDATED_STORY: for link.stories, which reads no table)
    UNDATED_STORY,
    articles,
    profile_members,
    profile_stories,
    profiles,
    story_articles,
    story_order,
    story_sizes,
    story_terms,
)


@dataclass(frozen=True)
class StoryMember:
    """An article of a story, as the story list shows it."""

    story_id: str
    article: ArticleInfo


@dataclass(frozen=True)
class StoryMention:
    """A person profile named in an article of a story."""

    story_id: str
    article_id: str
    profile_id: str
    name: str


@dataclass(frozen=True)
class LinkedStory:
    """The story of an article linked to the one being assigned: the link's verdict and when the
    linked article was published (None when undated)."""

    story_id: str
    verdict: str
    published: str | None


@dataclass(frozen=True)
class Unfinished:
    """An article without a story yet, with its notes."""

    id: str
    notes: tuple[str, ...]


# The statements of one article's assignment, built once (``bindparam``): building one anew
# cost more than running it.
_STORY_OF = select(story_articles.c.story_id).where(story_articles.c.article_id == bindparam("article"))
_MEMBER_PROFILES = select(profile_members.c.profile_id).where(profile_members.c.article_id == bindparam("article"))
_STORY_SIZES = select(story_sizes.c.story_id, story_sizes.c.articles).where(
    story_sizes.c.story_id.in_(bindparam("stories", expanding=True))
)
_EARLIER_DAY = (
    update(story_sizes)
    .where(story_sizes.c.story_id == bindparam("story"))
    .where(or_(story_sizes.c.first_day.is_(None), story_sizes.c.first_day > bindparam("day")))
    .values(first_day=bindparam("day"))
)


def story_of_article(conn: Connection, article_id: str) -> str | None:
    return conn.execute(_STORY_OF, {"article": article_id}).scalar()


def _member_profiles(conn: Connection, article_id: str) -> list[str]:
    """The profile of each person of the article that joined one (a profile once per member)."""
    return list(conn.execute(_MEMBER_PROFILES, {"article": article_id}).scalars())


def count_member_story(conn: Connection, story_id: str | None, profile_id: str) -> None:
    """A person of an article in ``story_id`` (None: not assigned yet) joined a profile: count it
    for the profile (an article not assigned yet is counted when it joins its story)."""
    if story_id is not None:
        add_counts(conn, profile_stories, [(profile_id, story_id)])


@cache
def _few_each_query(key, story, values: int):
    """Of each value bound as ``value_0`` ... of column ``key``, the ``story`` column of at most
    ``limit`` rows (one LIMIT each), built once per count of values: building a union of a few
    dozen subqueries anew cost more than running it."""
    parts = [
        select(key, story).where(key == bindparam(f"value_{n}")).limit(bindparam("limit", type_=Integer)).subquery()
        for n in range(values)
    ]
    return union_all(*(select(part) for part in parts))


class StorySession:
    """Story assignment's reads and writes for one article, in one transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        # Article id -> the profile of each of its people: scoring and joining ask it three times,
        # and a story session writes no member.
        self._member_profiles: dict[str, list[str]] = {}

    def _members_of(self, article_id: str) -> list[str]:
        if article_id not in self._member_profiles:
            self._member_profiles[article_id] = _member_profiles(self._conn, article_id)
        return self._member_profiles[article_id]

    def story_of(self, article_id: str) -> str | None:
        return story_of_article(self._conn, article_id)

    def linked_stories(self, article_id: str) -> list[LinkedStory]:
        """The story of each article linked to this one that has a story, with the link's verdict
        and that article's publication date (one entry per linked article)."""
        verdicts: dict[str, str] = {}
        for link in links_of(self._conn, [article_id]):
            other = link.source if link.copy == article_id else link.copy
            if other != article_id:
                verdicts[other] = link.verdict
        if not verdicts:
            return []
        query = (
            select(story_articles.c.article_id, story_articles.c.story_id, articles.c.published)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(story_articles.c.article_id.in_(sorted(verdicts)))
            .order_by(story_articles.c.article_id)
        )
        return [LinkedStory(story_id, verdicts[other], published) for other, story_id, published in self._conn.execute(query)]

    def profiles_of(self, article_id: str) -> list[str]:
        """The person profiles the article's people joined."""
        return sorted(set(self._members_of(article_id)))

    def profile_stories(self, profile_ids: Iterable[str], most: int) -> dict[str, set[str]]:
        """Per profile, the stories of the articles naming it (the article being assigned has none
        yet); empty when more than ``most`` (at most one more is read). One statement."""
        return self._few_each(profile_stories.c.profile_id, profile_stories.c.story_id, profile_ids, most)

    def term_stories(self, terms: Iterable[str], most: int) -> dict[str, set[str]]:
        """Per name, the stories that have it; empty when more than ``most``. One statement."""
        return self._few_each(story_terms.c.term, story_terms.c.story_id, terms, most)

    def _few_each(self, key, story, values: Iterable[str], most: int) -> dict[str, set[str]]:
        """Per value of ``key``, its rows' ``story`` values, read up to ``most`` + 1 each (index order):
        the value's set, or an empty one when it has more than ``most``."""
        values = sorted(set(values))
        if not values:
            return {}
        bound = {f"value_{n}": value for n, value in enumerate(values)}
        found: dict[str, set[str]] = {value: set() for value in values}
        for value, story_id in self._conn.execute(_few_each_query(key, story, len(values)), {**bound, "limit": most + 1}):
            found[value].add(story_id)
        return {value: stories if len(stories) <= most else set() for value, stories in found.items()}

    def story_sizes(self, story_ids: Iterable[str]) -> dict[str, int]:
        """Story id -> how many articles it has (from ``story_sizes``)."""
        wanted = sorted(set(story_ids))
        if not wanted:
            return {}
        return dict(self._conn.execute(_STORY_SIZES, {"stories": wanted}).all())

    def join(self, article_id: str, story_id: str, terms: set[str], day: str | None = None) -> None:
        """Put the article in the story and count it: in the story's size (and its first day, when
        the article's publication ``day`` is earlier), for each profile its people joined, and for
        each of its names."""
        self._conn.execute(insert(story_articles), {"article_id": article_id, "story_id": story_id})
        add_counts(self._conn, story_sizes, [(story_id,)])
        if day:
            self._conn.execute(_EARLIER_DAY, {"story": story_id, "day": day})
        add_counts(self._conn, profile_stories, [(p, story_id) for p in self._members_of(article_id)])
        add_counts(self._conn, story_terms, [(story_id, term) for term in terms])


class StoryQueries:
    """Stories (a part of ``Store``)."""

    engine: Engine

    @contextmanager
    def story_session(self) -> Iterator[StorySession]:
        with self.engine.begin() as conn:
            yield StorySession(conn)

    def story_of(self, article_id: str) -> str | None:
        """The story id of a stored article, or None when it has not been assigned one."""
        with self.engine.connect() as conn:
            return story_of_article(conn, article_id)

    def story_members(self, story_ids: Iterable[str] | None = None) -> tuple[list[StoryMember], list[StoryMention]]:
        """The articles of these stories (of every story when None), and every (story, article,
        profile) naming in them."""
        members_query = select(
            story_articles.c.story_id,
            articles.c.id,
            articles.c.url,
            articles.c.title,
            articles.c.published,
            articles.c.ingested_at,
        ).join(articles, articles.c.id == story_articles.c.article_id)
        people_query = (
            select(story_articles.c.story_id, profile_members.c.article_id, profiles.c.id, profiles.c.name)
            .join(profile_members, profile_members.c.article_id == story_articles.c.article_id)
            .join(profiles, profiles.c.id == profile_members.c.profile_id)
            .distinct()
        )
        queries = [(members_query, people_query)]
        if story_ids is not None:  # ix_story_articles_story: the rows of these stories only
            queries = [
                (members_query.where(story_articles.c.story_id.in_(chunk)), people_query.where(story_articles.c.story_id.in_(chunk)))
                for chunk in chunks(story_ids)
            ]
        rows, people = [], []
        with self.engine.connect() as conn:
            for members, named in queries:
                rows += conn.execute(members).all()
                people += conn.execute(named).all()
        found = [StoryMember(story_id, ArticleInfo(*info)) for story_id, *info in rows]
        return found, [StoryMention(*row) for row in people]

    def story_ids(self, offset: int, limit: int) -> list[str]:
        """Story ids in the stories list's order (most articles first, then the earliest first day,
        undated last, then the id): ``limit`` of them from ``offset``, one range of ix_story_sizes_order."""
        query = select(story_sizes.c.story_id).order_by(*story_order).offset(offset).limit(limit)
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def every_article_has_story(self) -> bool:
        """Whether every stored article is in a story (two counts of indexed tables), so that no
        article is waiting to be linked."""
        with self.engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            return stored == conn.execute(select(func.count()).select_from(story_articles)).scalar_one()

    def without_story(self) -> list[Unfinished]:
        """The articles not in a story yet, oldest ingest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(articles.c.id, articles.c.notes)
                .where(~articles.c.id.in_(select(story_articles.c.article_id)))
                .order_by(articles.c.ingested_at, articles.c.id)
            )
            return [Unfinished(row.id, tuple(row.notes or ())) for row in rows]

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Article id -> its story id, for those that have one."""
        query = select(story_articles.c.article_id, story_articles.c.story_id).where(
            story_articles.c.article_id.in_(sorted(set(article_ids)))
        )
        with self.engine.connect() as conn:
            return dict(conn.execute(query).all())
