"""One article's values: the raw document, the clean article and its analysis with every fact
and its evidence (DESIGN.md: Document -> Article -> Analysis). ``to_dict`` methods give the JSON
shapes of the output contract; field names there never change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """Raw input before cleaning: bytes plus where they came from.

    ``kind`` says how to read ``content``: ``"text"`` (a scraped plain-text
    page) or ``"html"``. ``text`` is set instead of ``content`` when the input
    already was a string (a JSONL ``text`` field).
    """

    source: str  # file path, "<stdin>", or "FILE:LINE" for JSONL records
    kind: str  # "text" | "html"
    content: bytes = b""
    text: str | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None
    # When a crawler saw the page (WARC-Date): the published date when the page states none.
    crawled: str | None = None


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """Clean article text with its metadata; all spans index into ``text``."""

    id: str
    url: str
    text: str
    site: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    dateline: str | None = None  # normalised, e.g. "Riga, Latvia"
    language: str | None = None  # ISO 639-1, e.g. "en"
    author: str | None = None
    removed: tuple[str, ...] = ()  # lines (or line parts) cleaning dropped
    paragraphs: tuple[Paragraph, ...] = ()
    source: str | None = None  # where it was read from
    notes: tuple[str, ...] = ()  # what reading and cleaning changed beyond ``removed`` (NUL characters)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "site": self.site,
            "title": self.title,
            "published": self.published,
            "dateline": self.dateline,
            "language": self.language,
            "author": self.author,
            "text": self.text,
            "removed": list(self.removed),
            "paragraphs": [[p.start, p.end] for p in self.paragraphs],
        }


def article_id(url: str, text: str) -> str:
    """Short stable id from the URL and the clean text (DESIGN.md: Article identity)."""
    digest = hashlib.sha256(f"{url}\n{text}".encode("utf-8")).hexdigest()
    return digest[:16]


@dataclass(frozen=True)
class Evidence:
    """Where a fact is said: sentence index and character span in ``article.text``."""

    article: str
    sentence: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Attribute:
    """One claim about an entity, with the text that makes it.

    ``field`` is one of ``age``, ``role``, ``nationality``, ``relation``.
    For ``relation``, ``value`` is the relation type ("mother") and ``of`` the
    id of the other person: "this person is the mother of ``of``".
    """

    field: str
    value: Any
    evidence: Evidence
    of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"field": self.field, "value": self.value, "evidence": self.evidence.to_dict()}
        if self.of is not None:
            out["of"] = self.of
        return out


@dataclass(frozen=True)
class Entity:
    """A named person, organization or place in one article."""

    id: str  # unique across the article's people, organizations and places
    kind: str  # "person" | "organization" | "place"
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Evidence, ...] = ()
    attributes: tuple[Attribute, ...] = ()

    def values(self, field_name: str) -> list[Any]:
        """Distinct values of one attribute field, in order of first mention."""
        seen: list[Any] = []
        for attribute in self.attributes:
            if attribute.field == field_name and attribute.value not in seen:
                seen.append(attribute.value)
        return seen

    @property
    def age(self) -> int | None:
        ages = self.values("age")
        return ages[0] if ages else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "aliases": list(self.aliases)}
        if self.kind == "person":
            relations = []
            for attribute in self.attributes:
                if attribute.field == "relation":
                    relation = {"type": attribute.value, "of": attribute.of}
                    if relation not in relations:
                        relations.append(relation)
            out.update(
                age=self.age,
                roles=self.values("role"),
                nationalities=self.values("nationality"),
                relations=relations,
                status=[],
            )
        out["mentions"] = [m.to_dict() for m in self.mentions]
        out["attributes"] = [a.to_dict() for a in self.attributes]
        return out


@dataclass(frozen=True)
class Quote:
    """Who said what: ``evidence`` spans the quoted or reported content."""

    text: str
    kind: str  # "direct" | "indirect" | "stance" | "according_to" (QUOTE_KINDS are speech)
    evidence: Evidence
    speaker: str | None = None  # entity id of a person or organization; None when unclear
    speaker_name: str | None = None  # as written at the cue ("he" resolved to the name)
    cue: str | None = None  # "said", "according to", "told"
    medium: str | None = None  # where it was said: "Telegram", "RIA Novosti", "press conference"
    group: int | None = None  # the statement it belongs to: pieces of one split quote share it
    time: TimeExpression | None = None  # when the statement was made, when the text says ("last Sunday")

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue,
            "medium": self.medium,
            "group": self.group,
            "time": self.time.to_dict() if self.time else None,
            "evidence": self.evidence.to_dict(),
        }


# The kinds of attribution that are speech (quotes proper): a caller wanting quotes only keeps these.
QUOTE_KINDS = frozenset({"direct", "indirect"})


@dataclass(frozen=True)
class TimeExpression:
    """A time as written and, when the text allows it, as a date."""

    text: str
    value: str | None = None  # ISO date ("2023-11-26", "2023-10", "2023") or None
    granularity: str | None = None  # "day" | "week" | "month" | "year" | ...
    approximate: bool = False
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "value": self.value, "granularity": self.granularity, "approximate": self.approximate}
        if self.evidence is not None:
            out["evidence"] = self.evidence.to_dict()
        return out


@dataclass(frozen=True)
class Count:
    """A number claimed in the text and what it counts."""

    value: int | float
    text: str  # "about 1,200"
    evidence: Evidence
    qualifier: str | None = None  # "about" | "over" | "under" | "at least" | "at most"
    what: str | None = None  # "people killed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "qualifier": self.qualifier,
            "what": self.what,
            "text": self.text,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Actor:
    """One participant of an event as the text names it: a named entity or a nominal actor.

    ``name`` is the actor ("Russian officials", "Hamas"; a pronoun or "the group" resolved
    to the actor it points back to); ``evidence`` the words written in the event's sentence
    ("they", "the group", "Russian officials"). ``type`` is a PLOVER-style actor type
    (government, military, police, judiciary, intelligence, rebel, opposition, party, media,
    business, criminal, civilians, ngo, international, religious) or None when unknown.
    """

    role: str  # "agent" | "target"
    name: str
    evidence: Evidence
    type: str | None = None
    country: str | None = None  # the actor's country when the text gives it ("Israeli army" -> Israel)
    entity: str | None = None  # entity id when the actor is a named entity of the article

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "entity": self.entity,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Framework:
    """A deal or truce an act is related to: ``part_of`` it, ``during`` it or ``outside`` it;
    ``negated`` when the text denies the relation ("they were not included in the agreement")."""

    text: str  # "the agreement", "the truce"
    relation: str  # "part_of" | "during" | "outside"
    evidence: Evidence
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "relation": self.relation, "negated": self.negated,
                "evidence": self.evidence.to_dict()}


@dataclass(frozen=True)
class Event:
    """Who did what to whom: a PLOVER 2021 event type with its participants."""

    type: str  # one of PLOVER 2021's 16 types, e.g. "RETREAT"
    trigger: str  # the word(s) that say it, e.g. "released"
    evidence: Evidence  # span of the trigger (the sentence is evidence.sentence)
    mode: str | None = None  # e.g. "release", "kill", "abduct", "visit"
    agent: tuple[str, ...] = ()  # entity ids
    target: tuple[str, ...] = ()  # entity ids
    time: TimeExpression | None = None
    place: str | None = None  # entity id
    modality: str = "asserted"  # asserted | negated | future | hypothetical | reported
    # Agents and targets as the text names them, named or nominal, typed ("the militants").
    actors: tuple[Actor, ...] = ()
    # How a release came about: through whom (entity ids), "direct" | "mediated" | None, and the
    # deals or truces the text relates it to.
    mediators: tuple[str, ...] = ()
    channel: str | None = None
    frameworks: tuple[Framework, ...] = ()
    # The words that say the channel ("direct negotiations between Russian representatives and
    # Hamas", "mediated by Qatar"); None without a channel.
    channel_evidence: Evidence | None = None
    # The modal verb of the act's clause as written ("must", "could", "will"), None without one:
    # "Sudan must return the helicopter" is asked of Sudan, "Sudan could return it" only possible.
    modal: str | None = None

    @property
    def framework(self) -> Framework | None:
        """The deal or truce the act was part of (or, negated, was not): membership first, then "during"."""
        ranked = sorted(self.frameworks, key=lambda f: f.relation == "during")
        return ranked[0] if ranked else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "trigger": self.trigger,
            "agent": list(self.agent),
            "target": list(self.target),
            "time": self.time.to_dict() if self.time else None,
            "place": self.place,
            "modality": self.modality,
            "evidence": self.evidence.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "mediators": list(self.mediators),
            "channel": self.channel,
            "channel_evidence": self.channel_evidence.to_dict() if self.channel_evidence else None,
            "modal": self.modal,
            "framework": self.framework.to_dict() if self.framework else None,
            "frameworks": [f.to_dict() for f in self.frameworks],
        }


@dataclass(frozen=True)
class NamedList:
    """A list of people one actor handed another ("a list of eight names"), as one article tells it.

    ``claimed_size`` is the size the text claims (None when it gives none); ``members`` the
    people the text places on it by name. ``owner`` / ``recipient`` are entity ids when the
    actor is a named entity (or its country is: "Russian officials" -> Russia); the ``_name``
    fields keep the actor as written.
    """

    evidence: Evidence  # the list's first mention ("a list of eight Russian-Israeli individuals")
    claimed_size: int | None = None
    owner: str | None = None
    owner_name: str | None = None
    recipient: str | None = None
    recipient_name: str | None = None
    members: tuple[str, ...] = ()  # person ids
    # Per member (same order): the words that put it on the list ("Krivoi was on the list",
    # "the other captives on Russia's list" for the captives released before).
    member_evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "claimed_size": self.claimed_size,
            "owner": self.owner,
            "owner_name": self.owner_name,
            "recipient": self.recipient,
            "recipient_name": self.recipient_name,
            "members": list(self.members),
            "member_evidence": [e.to_dict() for e in self.member_evidence],
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Status:
    """What happened to a person: captive, released, killed, injured, missing, arrested, hospitalized."""

    person: str  # entity id
    state: str
    evidence: Evidence
    time: TimeExpression | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "time": self.time.to_dict() if self.time else None, "evidence": self.evidence.to_dict()}


@dataclass(frozen=True)
class Flag:
    """A sentence that does not read as news prose: garbled, inserted junk, or truncated."""

    kind: str  # "garbled" | "inserted" | "truncated"
    text: str
    reason: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "reason": self.reason, "evidence": self.evidence.to_dict()}


@dataclass(frozen=True)
class Analysis:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    counts: tuple[Count, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    statuses: tuple[Status, ...] = ()
    flags: tuple[Flag, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. why the English NLP was skipped
    lists: tuple[NamedList, ...] = ()

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]

    @property
    def people(self) -> list[Entity]:
        return self.of_kind("person")

    def _person_dict(self, person: Entity) -> dict[str, Any]:
        out = person.to_dict()
        out["status"] = [s.to_dict() for s in self.statuses if s.person == person.id]
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "people": [self._person_dict(e) for e in self.of_kind("person")],
            "organizations": [e.to_dict() for e in self.of_kind("organization")],
            "places": [e.to_dict() for e in self.of_kind("place")],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "counts": [c.to_dict() for c in self.counts],
            "flags": [f.to_dict() for f in self.flags],
            "times": [t.to_dict() for t in self.times],
            "notes": list(self.notes),
            "lists": [named.to_dict() for named in self.lists],
        }


@dataclass(frozen=True)
class Problem:
    """An input that could not be turned into an article, and why (one line).

    ``traceback`` is set only for an unexpected error (a bug in newstrace, not in the
    input): the CLI saves it to a log file and says so.
    """

    source: str
    reason: str
    traceback: str | None = field(default=None, compare=False)

    @classmethod
    def internal(cls, source: str, error: BaseException, traceback: str) -> Problem:
        message = str(error).strip().partition("\n")[0]  # one line; the traceback has the rest
        return cls(source, f"internal error ({error.__class__.__name__}: {message})", traceback)

    @property
    def is_internal(self) -> bool:
        return self.traceback is not None


__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "Attribute",
    "Count",
    "Document",
    "Entity",
    "Event",
    "Flag",
    "Evidence",
    "Framework",
    "NamedList",
    "Paragraph",
    "Problem",
    "Quote",
    "QUOTE_KINDS",
    "Status",
    "TimeExpression",
    "article_id",
]
