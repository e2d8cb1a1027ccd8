"""Articles and their facts: writing one analysis, reading analyses back.

``ArticleQueries`` is the part of ``Store`` that reads and writes the tables of one
article's analysis (articles, entities, mentions, attributes and the fact tables).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from ..errors import DatabaseError, NotFound
from ..model import (
    Actor,
    Analysis,
    Article,
    Attribute,
    Count,
    Entity,
    Event,
    Evidence,
    Flag,
    Framework,
    NamedList,
    Paragraph,
    Quote,
    Status,
    TimeExpression,
)
from . import schema
from .compiled import execute_once_compiled
from .schema import articles, attributes, entities, mentions

# Asked of every input an ingest reads: built once (building it anew cost more than running it).
_HAS = select(articles.c.id).where(articles.c.id == bindparam("article"))

# Articles read back per statement of each table: one IN of this many ids stays under SQLite's
# and PostgreSQL's limits on bound parameters, and keeps what one batch holds in memory small.
LOAD_BATCH = 100


class ArticleQueries:
    """Articles and their facts (a part of ``Store``)."""

    engine: Engine
    url: str

    def has(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(_HAS, {"article": article_id}).first() is not None

    def add(self, analysis: Analysis) -> bool:
        """Store one analysis in one transaction; False if the article was already there."""
        article = analysis.article
        with self.engine.begin() as conn:
            # One statement claims the id: of two runs storing the same article at once, the
            # second inserts nothing and returns False (a check then an insert would race).
            row = _article_row(article, analysis.notes)
            claimed = execute_once_compiled(conn, _claim_new, articles, row)
            if claimed.first() is None:  # RETURNING, not rowcount: psycopg reports -1 for this insert
                return False
            entity_rows, mention_rows, attribute_rows = [], [], []
            for position, entity in enumerate(analysis.entities):
                entity_rows.append(
                    {
                        "article_id": article.id,
                        "entity_id": entity.id,
                        "kind": entity.kind,
                        "name": entity.name,
                        "aliases": list(entity.aliases),
                        "position": position,
                    }
                )
                mention_rows.extend(
                    {"article_id": article.id, "entity_id": entity.id, **_span(m)} for m in entity.mentions
                )
                attribute_rows.extend(
                    {
                        "article_id": article.id,
                        "entity_id": entity.id,
                        "field": a.field,
                        "value": str(a.value),
                        "of_id": a.of,
                        **_span(a.evidence),
                        "position": position,
                    }
                    for position, a in enumerate(entity.attributes)
                )
            for table, rows in ((entities, entity_rows), (mentions, mention_rows), (attributes, attribute_rows)):
                if rows:
                    conn.execute(insert(table), rows)
            for fact in FACTS:
                rows = [
                    {"article_id": article.id, "position": position, **fact.to_row(item)}
                    for position, item in enumerate(getattr(analysis, fact.field))
                ]
                if rows:
                    conn.execute(insert(fact.table), rows)
        return True

    def add_note(self, article_id: str, note: str) -> None:
        """Append a note to a stored article (a stage cut short after it was stored)."""
        with self.engine.begin() as conn:
            notes = conn.execute(select(articles.c.notes).where(articles.c.id == article_id)).scalar_one()
            conn.execute(update(articles).where(articles.c.id == article_id).values(notes=[*notes, note]))

    # -- reading ---------------------------------------------------------

    def articles(self, offset: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
        """One summary row per article, oldest ingest first (``limit`` rows from ``offset``: one
        range of ix_articles_ingested)."""
        query = (
            select(
                articles.c.id,
                articles.c.url,
                articles.c.site,
                articles.c.title,
                articles.c.published,
                articles.c.language,
                func.length(articles.c.text).label("chars"),
            )
            .order_by(articles.c.ingested_at, articles.c.id)
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def find(self, ref: str) -> str:
        """The id of the article whose id, id prefix or URL is ``ref``."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(articles.c.id).where((articles.c.id == ref) | (articles.c.url == ref)).limit(2)
            ).all()
            if not rows and len(ref) >= 4:
                rows = conn.execute(select(articles.c.id).where(articles.c.id.startswith(ref)).limit(2)).all()
        if not rows:
            hint = " (an id prefix needs at least 4 characters)" if len(ref) < 4 else ""
            raise NotFound(f"No article with id or URL {ref!r} in {self.url}{hint}.")
        if len(rows) > 1:
            raise NotFound(f"{ref!r} matches several articles; give more of the id or the full URL.")
        return rows[0][0]

    def get(self, ref: str) -> Analysis:
        """The stored analysis of one article (by id, id prefix or URL)."""
        return next(self._load([self.find(ref)]))

    def analyses(self) -> Iterator[Analysis]:
        with self.engine.connect() as conn:
            ids = [row[0] for row in conn.execute(select(articles.c.id).order_by(articles.c.ingested_at, articles.c.id))]
        yield from self._load(ids)

    def analyses_of(self, article_ids: Sequence[str]) -> dict[str, Analysis]:
        """The stored analyses of these articles by id (ids not stored are left out), read in one
        statement per table for up to ``LOAD_BATCH`` articles: the linker reads a new article's
        candidates together, not each in a dozen statements."""
        ids = list(dict.fromkeys(article_ids))
        return {analysis.article.id: analysis for analysis in self._load(ids)} if ids else {}

    def compared_analyses(self, article_ids: Sequence[str]) -> dict[str, Analysis]:
        """What comparing two articles (``link.compare``) reads of these stored articles, by id:
        the article, its flags, its quotes and its entities' names (``COMPARED_FIELDS``); the
        other fields are empty and the entities have no mentions or attributes. A third of the
        cost of ``analyses_of``: the copy linker reads a new article's candidates this way."""
        ids = list(dict.fromkeys(article_ids))
        return {analysis.article.id: analysis for analysis in self._load(ids, COMPARED_FIELDS)} if ids else {}

    def _load(self, ids: list[str], fields: frozenset[str] | None = None) -> Iterator[Analysis]:
        with self.engine.connect() as conn:
            for start in range(0, len(ids), LOAD_BATCH):
                yield from _analyses(conn, ids[start : start + LOAD_BATCH], fields)

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar_one()



@cache
def _claim_new(dialect_name: str, table: Table):
    """INSERT of a new row RETURNING its id, nothing when the id is taken (``insert_new``)."""
    return insert_new(table, dialect_name).returning(table.c.id)


def insert_new(table: Table, dialect_name: str, replace: dict | None = None):
    """INSERT ... ON CONFLICT on the table's primary key, in SQLite's or PostgreSQL's SQL: DO
    NOTHING, or DO UPDATE SET ``replace`` (one statement, so two writers at once cannot both insert)."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(dialect_name)
    if dialect is None:
        raise DatabaseError(f"newstrace stores in SQLite or PostgreSQL, not {dialect_name}.")
    key = list(table.primary_key.columns)
    if replace:
        return dialect.insert(table).on_conflict_do_update(index_elements=key, set_=replace)
    return dialect.insert(table).on_conflict_do_nothing(index_elements=key)


def _span(evidence: Evidence | None) -> dict[str, int | None]:
    if evidence is None:
        return {"sentence": None, "char_start": None, "char_end": None}
    return {"sentence": evidence.sentence, "char_start": evidence.start, "char_end": evidence.end}


def _evidence(article_id: str, row) -> Evidence | None:
    if row.char_start is None:
        return None
    return Evidence(article=article_id, sentence=row.sentence, start=row.char_start, end=row.char_end)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True)
class FactTable:
    """How one kind of fact (an ``Analysis`` field) maps to rows of its table."""

    field: str
    table: Table
    to_row: Callable[[Any], dict[str, Any]]
    from_row: Callable[[str, Any], Any]


def time_from_json(data: dict | None) -> TimeExpression | None:
    """A stored time expression (its JSON dict) read back; None for none."""
    if not data:
        return None
    evidence = Evidence(**data["evidence"]) if data.get("evidence") else None
    return TimeExpression(
        data["text"], data.get("value"), data.get("granularity"), bool(data.get("approximate")), evidence
    )


def _actor(data: dict) -> Actor:
    """A stored event actor (its JSON dict) read back."""
    return Actor(
        role=data["role"], name=data["name"], evidence=Evidence(**data["evidence"]), type=data.get("type"),
        country=data.get("country"), entity=data.get("entity"),
    )


def _framework(data: dict) -> Framework:
    """A stored framework (its JSON dict) read back."""
    return Framework(data["text"], data["relation"], Evidence(**data["evidence"]), bool(data.get("negated")))


def _time_json(time: TimeExpression | None) -> dict | None:
    return time.to_dict() if time else None


FACTS = (
    FactTable(
        "quotes",
        schema.quotes,
        lambda q: {
            "speaker_id": q.speaker,
            "speaker_name": q.speaker_name,
            "text": q.text,
            "kind": q.kind,
            "cue": q.cue,
            "medium": q.medium,
            "group_id": q.group,
            "time": _time_json(q.time),
            **_span(q.evidence),
        },
        lambda aid, r: Quote(
            text=r.text,
            kind=r.kind,
            evidence=_evidence(aid, r),
            speaker=r.speaker_id,
            speaker_name=r.speaker_name,
            cue=r.cue,
            medium=r.medium,
            group=r.group_id,
            time=time_from_json(r.time),
        ),
    ),
    FactTable(
        "counts",
        schema.counts,
        lambda c: {"value": c.value, "qualifier": c.qualifier, "what": c.what, "text": c.text, **_span(c.evidence)},
        lambda aid, r: Count(
            value=_number(r.value), text=r.text, evidence=_evidence(aid, r), qualifier=r.qualifier, what=r.what
        ),
    ),
    FactTable(
        "times",
        schema.times,
        lambda t: {
            "text": t.text,
            "value": t.value,
            "granularity": t.granularity,
            "approximate": t.approximate,
            **_span(t.evidence),
        },
        lambda aid, r: TimeExpression(
            text=r.text,
            value=r.value,
            granularity=r.granularity,
            approximate=bool(r.approximate),
            evidence=_evidence(aid, r),
        ),
    ),
    FactTable(
        "events",
        schema.events,
        lambda e: {
            "type": e.type,
            "mode": e.mode,
            "trigger": e.trigger,
            "agent": list(e.agent),
            "target": list(e.target),
            "time": _time_json(e.time),
            "place": e.place,
            "modality": e.modality,
            "actors": [a.to_dict() for a in e.actors],
            "mediators": list(e.mediators),
            "channel": e.channel,
            "frameworks": [f.to_dict() for f in e.frameworks],
            "channel_evidence": e.channel_evidence.to_dict() if e.channel_evidence else None,
            "modal": e.modal,
            **_span(e.evidence),
        },
        lambda aid, r: Event(
            type=r.type,
            trigger=r.trigger,
            evidence=_evidence(aid, r),
            mode=r.mode,
            agent=tuple(r.agent),
            target=tuple(r.target),
            time=time_from_json(r.time),
            place=r.place,
            modality=r.modality,
            actors=tuple(_actor(a) for a in r.actors or ()),
            mediators=tuple(r.mediators or ()),
            channel=r.channel,
            frameworks=tuple(_framework(f) for f in r.frameworks or ()),
            channel_evidence=Evidence(**r.channel_evidence) if r.channel_evidence else None,
            modal=r.modal,
        ),
    ),
    FactTable(
        "statuses",
        schema.statuses,
        lambda s: {"person_id": s.person, "state": s.state, "time": _time_json(s.time), **_span(s.evidence)},
        lambda aid, r: Status(person=r.person_id, state=r.state, evidence=_evidence(aid, r), time=time_from_json(r.time)),
    ),
    FactTable(
        "lists",
        schema.lists,
        lambda n: {
            "claimed_size": n.claimed_size,
            "owner": n.owner,
            "owner_name": n.owner_name,
            "recipient": n.recipient,
            "recipient_name": n.recipient_name,
            "members": list(n.members),
            "member_evidence": [e.to_dict() for e in n.member_evidence],
            **_span(n.evidence),
        },
        lambda aid, r: NamedList(
            evidence=_evidence(aid, r),
            claimed_size=r.claimed_size,
            owner=r.owner,
            owner_name=r.owner_name,
            recipient=r.recipient,
            recipient_name=r.recipient_name,
            members=tuple(r.members),
            member_evidence=tuple(Evidence(**e) for e in r.member_evidence or ()),
        ),
    ),
    FactTable(
        "flags",
        schema.flags,
        lambda f: {"kind": f.kind, "text": f.text, "reason": f.reason, **_span(f.evidence)},
        lambda aid, r: Flag(kind=r.kind, text=r.text, reason=r.reason, evidence=_evidence(aid, r)),
    ),
)


def _article_row(article: Article, notes: tuple[str, ...]) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "site": article.site,
        "title": article.title,
        "published": article.published,
        "dateline": article.dateline,
        "language": article.language,
        "author": article.author,
        "text": article.text,
        "removed": list(article.removed),
        "paragraphs": [[p.start, p.end] for p in article.paragraphs],
        "notes": list(notes),
        "source": article.source,
        "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
    }


def _by_article(conn, table: Table, ids: list[str], *order) -> dict[str, list]:
    """The rows of ``table`` of these articles, grouped by article, each group in ``order``."""
    grouped: dict[str, list] = {article_id: [] for article_id in ids}
    for row in conn.execute(select(table).where(table.c.article_id.in_(ids)).order_by(table.c.article_id, *order)):
        grouped[row.article_id].append(row)
    return grouped


# The fact fields ``link.compare`` reads of an analysis (the distortions of a copy: the speakers
# of its quotes, the junk its flags mark), besides the article and its entities' names.
COMPARED_FIELDS = frozenset({"quotes", "flags"})


def _analyses(conn, ids: list[str], fields: frozenset[str] | None = None) -> Iterator[Analysis]:
    """The analyses of these stored articles, in ``ids``' order (an id not stored: left out).
    ``fields``: only these fact fields, and entities without mentions or attributes (all: None)."""
    rows = {row.id: row._mapping for row in conn.execute(select(articles).where(articles.c.id.in_(ids)))}
    whole = fields is None
    nothing: dict[str, list] = {article_id: [] for article_id in ids}
    mention_rows = _by_article(conn, mentions, ids, mentions.c.char_start) if whole else nothing
    attribute_rows = _by_article(conn, attributes, ids, attributes.c.position) if whole else nothing
    entity_rows = _by_article(conn, entities, ids, entities.c.position)
    fact_rows = {
        fact.field: _by_article(conn, fact.table, ids, fact.table.c.position) if whole or fact.field in fields else nothing
        for fact in FACTS
    }
    for article_id in ids:
        if article_id in rows:
            facts = {field: found[article_id] for field, found in fact_rows.items()}
            yield _analysis(rows[article_id], mention_rows[article_id], attribute_rows[article_id], entity_rows[article_id], facts)


def _analysis(row, mention_rows: list, attribute_rows: list, entity_rows: list, fact_rows: dict[str, list]) -> Analysis:
    article = Article(
        id=row["id"],
        url=row["url"],
        text=row["text"],
        site=row["site"],
        title=row["title"],
        published=row["published"],
        dateline=row["dateline"],
        language=row["language"],
        author=row["author"],
        removed=tuple(row["removed"]),
        paragraphs=tuple(Paragraph(start, end) for start, end in row["paragraphs"]),
        source=row["source"],
    )
    mentions_of: dict[str, list[Evidence]] = {}
    for m in mention_rows:
        mentions_of.setdefault(m.entity_id, []).append(_evidence(article.id, m))
    attributes_of: dict[str, list[Attribute]] = {}
    for a in attribute_rows:
        value: Any = int(a.value) if a.field == "age" else a.value
        attributes_of.setdefault(a.entity_id, []).append(
            Attribute(field=a.field, value=value, evidence=_evidence(article.id, a), of=a.of_id)
        )
    found = [
        Entity(
            id=e.entity_id,
            kind=e.kind,
            name=e.name,
            aliases=tuple(e.aliases),
            mentions=tuple(mentions_of.get(e.entity_id, ())),
            attributes=tuple(attributes_of.get(e.entity_id, ())),
        )
        for e in entity_rows
    ]
    facts = {fact.field: tuple(fact.from_row(article.id, r) for r in fact_rows[fact.field]) for fact in FACTS}
    return Analysis(article=article, entities=tuple(found), notes=tuple(row["notes"]), **facts)
