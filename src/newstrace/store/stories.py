"""Stories: ``story_articles`` (the story of each article) and ``story_terms`` (its names' counts).

``link.stories`` scores the evidence and decides; it reads and writes through a
``StorySession``, one transaction per article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from .links import ArticleInfo, links_of
from .schema import articles, profile_members, profiles, story_articles, story_terms


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
class Unfinished:
    """An article without a story yet, with its notes."""

    id: str
    notes: tuple[str, ...]


def _story_of(conn: Connection, article_id: str) -> str | None:
    return conn.execute(select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)).scalar()


def _profiles_of(conn: Connection, article_id: str) -> list[str]:
    query = select(profile_members.c.profile_id).where(profile_members.c.article_id == article_id).distinct()
    return list(conn.execute(query).scalars())


class StorySession:
    """Story assignment's reads and writes for one article, in one transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def story_of(self, article_id: str) -> str | None:
        return _story_of(self._conn, article_id)

    def linked_stories(self, article_id: str) -> list[str]:
        """The story of each article linked to this one (one entry per linked article that has one)."""
        ends = ((link.copy, link.source) for link in links_of(self._conn, [article_id]))
        others = {aid for pair in ends for aid in pair} - {article_id}
        if not others:
            return []
        query = select(story_articles.c.story_id).where(story_articles.c.article_id.in_(sorted(others)))
        return list(self._conn.execute(query).scalars())

    def profiles_of(self, article_id: str) -> list[str]:
        """The person profiles the article's people joined."""
        return _profiles_of(self._conn, article_id)

    def profile_stories(self, profile_id: str, article_id: str, most: int) -> set[str]:
        """The stories of the other articles naming this profile; none when more than ``most``
        (at most one more is read)."""
        return self._few(
            select(story_articles.c.story_id)
            .join(profile_members, profile_members.c.article_id == story_articles.c.article_id)
            .where(profile_members.c.profile_id == profile_id)
            .where(profile_members.c.article_id != article_id)
            .distinct(),
            most,
        )

    def term_stories(self, term: str, most: int) -> set[str]:
        """The stories that have this name; none when more than ``most``."""
        return self._few(select(story_terms.c.story_id).where(story_terms.c.term == term), most)

    def _few(self, query, most: int) -> set[str]:
        found = set(self._conn.execute(query.limit(most + 1)).scalars())
        return found if len(found) <= most else set()

    def story_size(self, story_id: str) -> int:
        query = select(func.count()).select_from(story_articles).where(story_articles.c.story_id == story_id)
        return self._conn.execute(query).scalar_one()

    def join(self, article_id: str, story_id: str, terms: set[str]) -> None:
        """Put the article in the story and count its names for the story."""
        self._conn.execute(insert(story_articles).values(article_id=article_id, story_id=story_id))
        if not terms:
            return
        have = dict(
            self._conn.execute(
                select(story_terms.c.term, story_terms.c.articles)
                .where(story_terms.c.story_id == story_id)
                .where(story_terms.c.term.in_(sorted(terms)))
            ).all()
        )
        for term, count in have.items():
            self._conn.execute(
                update(story_terms)
                .where(story_terms.c.story_id == story_id, story_terms.c.term == term)
                .values(articles=count + 1)
            )
        new = sorted(terms - have.keys())
        if new:
            self._conn.execute(insert(story_terms), [{"story_id": story_id, "term": t, "articles": 1} for t in new])


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
            return _story_of(conn, article_id)

    def story_members(self) -> tuple[list[StoryMember], list[StoryMention]]:
        """Every article that has a story, and every (story, article, profile) naming."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    story_articles.c.story_id,
                    articles.c.id,
                    articles.c.url,
                    articles.c.title,
                    articles.c.published,
                    articles.c.ingested_at,
                ).join(articles, articles.c.id == story_articles.c.article_id)
            ).all()
            people = conn.execute(
                select(story_articles.c.story_id, profile_members.c.article_id, profiles.c.id, profiles.c.name)
                .join(profile_members, profile_members.c.article_id == story_articles.c.article_id)
                .join(profiles, profiles.c.id == profile_members.c.profile_id)
                .distinct()
            ).all()
        members = [StoryMember(story_id, ArticleInfo(*info)) for story_id, *info in rows]
        return members, [StoryMention(*row) for row in people]

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
