"""Values across articles: copies and their distortions, people's profiles, stories.
``to_dict`` methods give the JSON shapes of the output contract; field names there never change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .analysis import Evidence, TimeExpression

# -- across articles: copies and their distortions ---------------------------------

VERDICTS = ("verbatim", "edited", "spun", "summary", "translated", "same_story", "unrelated")
COPY_VERDICTS = ("verbatim", "edited", "spun", "summary", "translated")  # a copy has a source; same_story does not
DISTORTION_TYPES = (
    "number", "name", "role", "negation", "agent_swap", "attribution", "pronoun", "inserted", "dropped", "garbled",
)


@dataclass(frozen=True)
class Span:
    """A piece of one article's clean text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class AlignedPair:
    """A copy's sentence (or run of sentences) and the source sentence(s) it renders."""

    copy: Span
    source: Span
    similarity: float  # 0..1

    def to_dict(self) -> dict[str, Any]:
        return {"copy": self.copy.to_dict(), "source": self.source.to_dict(), "similarity": round(self.similarity, 3)}


@dataclass(frozen=True)
class Distortion:
    """Where a copy changed its source: one of ``DISTORTION_TYPES``, with both spans."""

    type: str
    copy: Span | None  # None for "dropped"
    source: Span | None  # None for "inserted"
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "copy": self.copy.to_dict() if self.copy else None,
            "source": self.source.to_dict() if self.source else None,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Comparison:
    """The verdict on one (copy, source) pair, with its evidence: the `diff` contract."""

    copy: str  # article id
    source: str  # article id
    verdict: str  # one of VERDICTS
    score: float  # 0..1, how strongly the pair is related
    pairs: tuple[AlignedPair, ...] = ()
    distortions: tuple[Distortion, ...] = ()
    # The part of the source the copy repeats word for word, first to last shared word
    # (a partial reprint covers the start of its source); None when nothing is.
    covered: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "score": round(self.score, 3),
            "copy": self.copy,
            "source": self.source,
            "covered": self.covered.to_dict() if self.covered else None,
            "pairs": [p.to_dict() for p in self.pairs],
            "distortions": [d.to_dict() for d in self.distortions],
        }


@dataclass(frozen=True)
class Link:
    """A related pair as the linker stored it: the `copies` contract (urls filled in by the store)."""

    copy: str  # article id (the later / derived article)
    source: str  # article id
    verdict: str
    score: float
    copy_url: str | None = None
    source_url: str | None = None
    # What decided which is the copy: "published" (publication dates), "junk" (only one has a
    # spinner's inserted or garbled sentences), or "undecided" (neither: the later ingested is
    # called the copy); None for pairs stored before newstrace recorded it.
    direction: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "copy": self.copy_url or self.copy,
            "source": self.source_url or self.source,
            "verdict": self.verdict,
            "score": round(self.score, 3),
            "direction": self.direction,
            "copy_id": self.copy,
            "source_id": self.source,
        }


# -- across articles: people ---------------------------------------------------------


@dataclass(frozen=True)
class PersonClaim:
    """What one article says about one person: the input of the cross-article match.

    Only ``name`` is required. ``with_`` are the other people the article
    names; ``story`` is a label when the caller knows which story the article
    belongs to; ``context`` the folded names of the article's other entities
    (people, places, organizations), from which a shared story is judged when
    no label is given.
    """

    name: str
    aliases: tuple[str, ...] = ()
    age: int | None = None
    roles: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    with_: tuple[str, ...] = ()
    story: str | None = None
    published: str | None = None  # ISO date of the article
    context: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Claim:
    """One value claimed about a person and the articles (urls) that claim it."""

    value: Any
    articles: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "articles": list(self.articles)}


@dataclass(frozen=True)
class Conflict:
    """Articles disagree on one field (age 53 in some, 50 in others): shown side by side, never resolved."""

    field: str  # "age" | "nationality" | "role" | "status"
    values: tuple[Claim, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "values": [v.to_dict() for v in self.values]}


@dataclass(frozen=True)
class TimelineEntry:
    """One state of a person as one article reports it."""

    state: str
    time: TimeExpression | None
    evidence: Evidence
    article: str  # url
    published: str | None = None
    group: str | None = None  # the article's copy group (its reprints share it); None: its own

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "time": self.time.to_dict() if self.time else None,
            "evidence": self.evidence.to_dict(),
            "article": self.article,
            "published": self.published,
        }

    @property
    def same_report(self) -> tuple[str, str]:
        """Entries with one key say one thing: the state at one resolved time, or, undated, in one copy group."""
        if self.time and self.time.value:
            return (self.state, self.time.value)
        return (self.state, "group:" + (self.group or self.article))


@dataclass(frozen=True)
class Profile:
    """One person across articles: the `person` contract of DESIGN.md."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    ages: tuple[Claim, ...] = ()
    roles: tuple[str, ...] = ()
    nationalities: tuple[Claim, ...] = ()
    relations: tuple[dict[str, Any], ...] = ()  # {"type", "of": profile id, "name"}
    timeline: tuple[TimelineEntry, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    articles: tuple[str, ...] = ()  # urls, oldest first
    lists: tuple[ListRecord, ...] = ()  # the named lists the person is on (filled by link.named_lists)
    # Aliases only copies write, their source naming the person otherwise (a copy's misspelling).
    copy_spellings: tuple[str, ...] = ()

    @property
    def latest(self) -> TimelineEntry | None:
        """The person's latest known state: the timeline's last entry (undated entries sit at
        their article's publication), shown by its latest dated report when the same state has
        one ("released" in a recap is the release dated in an earlier article)."""
        if not self.timeline:
            return None
        last = self.timeline[-1]
        dated = [e for e in self.timeline if e.state == last.state and e.time and e.time.value]
        return last if last.time and last.time.value else (dated or [last])[-1]

    def to_dict(self) -> dict[str, Any]:
        reports = _collapsed_timeline(self.timeline)
        latest = self.latest
        return {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "ages": [a.to_dict() for a in self.ages],
            "roles": list(self.roles),
            "nationalities": [n.to_dict() for n in self.nationalities],
            "relations": [dict(r) for r in self.relations],
            "timeline": list(reports.values()),
            # The timeline entry (as listed above) that reports the latest state; None without one.
            "latest": reports[latest.same_report] if latest else None,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "articles": list(self.articles),
            "copy_spellings": list(self.copy_spellings),
            "article_count": len(self.articles),
            "lists": [named.to_dict() for named in self.lists],
        }


def _collapsed_timeline(timeline: tuple[TimelineEntry, ...]) -> dict[tuple[str, str], dict[str, Any]]:
    """One entry per report, by ``same_report``, in timeline order: entries several articles make
    identically (same state and resolved time, or undated within one copy group) become the first
    one, listing every source."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in timeline:
        found = merged.get(entry.same_report)
        if found is None:
            merged[entry.same_report] = {**entry.to_dict(), "articles": [entry.article]}
        elif entry.article not in found["articles"]:
            found["articles"].append(entry.article)
    return merged


# -- across articles: stories ---------------------------------------------------------


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story, as the story lists it."""

    id: str
    url: str
    title: str | None
    published: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "title": self.title, "published": self.published}


@dataclass(frozen=True)
class StoryPerson:
    """A person profile the story keeps coming back to, with how many of its articles name them."""

    id: str  # profile id
    name: str
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "articles": self.articles}


@dataclass(frozen=True)
class Story:
    """Articles about the same events over time (copies and independent reports alike)."""

    id: str
    title: str | None  # the headline of its earliest article
    articles: tuple[StoryArticle, ...]  # in time order
    people: tuple[StoryPerson, ...] = ()  # the main people, most covered first
    first: str | None = None  # publication date (ISO) of the earliest article
    last: str | None = None  # ... and of the latest

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "first": self.first,
            "last": self.last,
            "article_count": len(self.articles),
            "articles": [a.to_dict() for a in self.articles],
            "people": [p.to_dict() for p in self.people],
        }


# -- across articles: named lists ----------------------------------------------------


@dataclass(frozen=True)
class ListMember:
    """A person some article puts on a named list, with their latest known state."""

    profile: str  # profile id
    name: str
    articles: tuple[str, ...]  # urls of the articles that put them on it
    evidence: tuple[Evidence, ...]  # the words that do
    state: str | None = None  # the latest state of their profile's timeline ("released"), None unknown
    time: TimeExpression | None = None  # ... and its time when the text gives one

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile,
            "name": self.name,
            "state": self.state,
            "time": self.time.to_dict() if self.time else None,
            "articles": list(self.articles),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class ListRecord:
    """One named list across the articles of a story: each article's claimed size, owner and
    recipient as claims (they may differ by article), and every member any article names."""

    id: str
    claimed_sizes: tuple[Claim, ...] = ()  # {value, articles}, most articles first
    owners: tuple[Claim, ...] = ()  # names as the articles give them
    recipients: tuple[Claim, ...] = ()
    members: tuple[ListMember, ...] = ()
    articles: tuple[str, ...] = ()  # urls, oldest first
    evidence: tuple[Evidence, ...] = ()  # each article's first mention of it

    @property
    def claimed_size(self) -> int | None:
        return self.claimed_sizes[0].value if self.claimed_sizes else None

    def to_dict(self) -> dict[str, Any]:
        size = self.claimed_size
        return {
            "id": self.id,
            "claimed_size": size,
            "claimed_sizes": [c.to_dict() for c in self.claimed_sizes],
            "owner": self.owners[0].value if self.owners else None,
            "owners": [c.to_dict() for c in self.owners],
            "recipient": self.recipients[0].value if self.recipients else None,
            "recipients": [c.to_dict() for c in self.recipients],
            "members": [m.to_dict() for m in self.members],
            # Claimed but named by no article: "8 claimed, 3 named, the rest unaccounted".
            "unnamed": max(size - len(self.members), 0) if size is not None else None,
            "articles": list(self.articles),
            "evidence": [e.to_dict() for e in self.evidence],
        }
