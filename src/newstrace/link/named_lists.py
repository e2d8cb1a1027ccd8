"""Named lists across articles: each article's list joins one record of its story.

    record_lists(store, analysis, most)  after the article has its story (Linker.update)
    record_unrecorded(store)             the lists stored before list records existed
    lists_of(store, profile_ids) -> {profile id: [ListRecord]}
    with_lists(store, profiles) -> [Profile]   each with the lists the person is on

Two articles of one story tell of one list when some person is named on both, or when
they agree on its claimed size, owner or recipient and contradict each other on neither
owner nor recipient ("Russia handed Hamas a list of eight" and "the Russian list given to
Hamas"). A claimed size is no contradiction: articles correct it (eight, then seven). Lists
of different stories are never one.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..lexicon.words import NATIONALITIES
from ..model import Analysis, Claim, ListMember, ListRecord, Profile
from ..store import Store
from ..store.named_lists import StoredList
from ..text import name_key
from .settings import DEFAULT_SETTINGS


def record_lists(store: Store, analysis: Analysis, most: int = DEFAULT_SETTINGS.max_story_lists) -> None:
    """Tie each list of the article to a record of its story (a new one when none fits), compared
    with the story's ``most`` latest recorded lists; idempotent."""
    if analysis.lists:
        _record_article(store, analysis.article.id, most)


def record_unrecorded(store: Store) -> int:
    """Record the lists of the linked articles that have none recorded (stored before schema 7)."""
    waiting = store.unrecorded_lists()
    for article_id in waiting:
        _record_article(store, article_id, DEFAULT_SETTINGS.max_story_lists)
    return len(waiting)


def _record_article(store: Store, article_id: str, most: int) -> None:
    with store.list_session() as session:
        story = session.story_of(article_id)
        if story is None:
            return
        known = [item for item in session.story_lists(story, most) if item.article_id != article_id]
        for item in session.article_lists(article_id):
            if item.record_id:
                continue
            record_id = _same_list(item, known)
            if record_id is None:
                record_id = _new_record_id(article_id, item.position)
                session.new_record(record_id, story)
            session.record(article_id, item.position, record_id)
            known.append(replace(item, record_id=record_id))


def _same_list(item: StoredList, known: list[StoredList]) -> str | None:
    """The record ``item`` belongs to: shared members first, then the most agreeing fields."""
    by_record: dict[str, list[StoredList]] = defaultdict(list)
    for other in known:
        by_record[other.record_id].append(other)
    best, best_score = None, 0
    for record_id, told in by_record.items():
        if _profiles(item) & {p for other in told for p in _profiles(other)}:
            return record_id
        if _contradicts(item.owner, [o.owner for o in told]) or _contradicts(item.recipient, [o.recipient for o in told]):
            continue
        score = (
            (item.claimed_size is not None and item.claimed_size in {o.claimed_size for o in told})
            + _agrees(item.owner, [o.owner for o in told])
            + _agrees(item.recipient, [o.recipient for o in told])
        )
        if score > best_score:
            best, best_score = record_id, score
    return best


def _profiles(item: StoredList) -> set[str]:
    return {m.profile_id for m in item.members if m.profile_id}


def _key(name: str) -> str:
    return " ".join(name_key(word) for word in name.split())


def _keys(name: str | None) -> set[str]:
    """How an actor is compared: its name, and the country a leading nationality word names
    ("Russian officials" -> russia), so "Russia" and "Russian officials" agree."""
    if not name:
        return set()
    words = name.split()
    country = NATIONALITIES.get(name_key(words[0]))
    return {_key(name)} | ({_key(country)} if country else set())


def _agrees(name: str | None, names: list[str | None]) -> bool:
    return bool(_keys(name) & {k for n in names for k in _keys(n)})


def _contradicts(name: str | None, names: list[str | None]) -> bool:
    """Both sides name the actor and no name matches ("Russia" vs "Qatar")."""
    given = {k for n in names for k in _keys(n)}
    return bool(_keys(name)) and bool(given) and not _keys(name) & given


def _new_record_id(article_id: str, position: int) -> str:
    return "list-" + hashlib.sha1(f"{article_id}:{position}".encode()).hexdigest()[:12]


# -- reading ------------------------------------------------------------------------


def lists_of(store: Store, profile_ids: Iterable[str]) -> dict[str, list[ListRecord]]:
    """Profile id -> the list records it is on, each built from every article that tells of it."""
    from .profiles import profile

    wanted = set(profile_ids)
    by_record = store.list_records_of(wanted)
    member_ids = {m.profile_id for told in by_record.values() for item in told for m in item.members if m.profile_id}
    latest = {profile_id: profile(store, profile_id).latest for profile_id in sorted(member_ids)}
    found: dict[str, list[ListRecord]] = defaultdict(list)
    for record_id, told in by_record.items():
        record = _record(record_id, told, latest)
        for member in record.members:
            if member.profile in wanted:
                found[member.profile].append(record)
    return found


def with_lists(store: Store, profiles: list[Profile]) -> list[Profile]:
    """The profiles, each with the named lists the person is on."""
    found = lists_of(store, [p.id for p in profiles])
    return [replace(p, lists=tuple(found.get(p.id, ()))) for p in profiles]


def _record(record_id: str, told: list[StoredList], latest: dict) -> ListRecord:
    members: dict[str, dict] = {}
    for item in told:
        for member in item.members:
            if not member.profile_id:
                continue
            entry = members.setdefault(member.profile_id, {"name": member.profile_name, "articles": [], "evidence": []})
            if item.url not in entry["articles"]:
                entry["articles"].append(item.url)
            if member.evidence:
                entry["evidence"].append(member.evidence)
    return ListRecord(
        id=record_id,
        claimed_sizes=_claims(told, lambda item: item.claimed_size),
        owners=_claims(told, lambda item: item.owner),
        recipients=_claims(told, lambda item: item.recipient),
        members=tuple(
            ListMember(
                profile=profile_id,
                name=entry["name"],
                articles=tuple(entry["articles"]),
                evidence=tuple(entry["evidence"]),
                state=latest[profile_id].state if latest.get(profile_id) else None,
                time=latest[profile_id].time if latest.get(profile_id) else None,
            )
            for profile_id, entry in members.items()
        ),
        articles=tuple(dict.fromkeys(item.url for item in told)),
        evidence=tuple(item.evidence for item in told),
    )


def _claims(told: list[StoredList], value_of) -> tuple[Claim, ...]:
    """The values the articles give (as written, first spelling kept), most articles first."""
    urls: dict[str, list[str]] = defaultdict(list)
    spelling: dict[str, object] = {}
    for item in told:
        value = value_of(item)
        if value is None:
            continue
        key = _key(value) if isinstance(value, str) else str(value)
        spelling.setdefault(key, value)
        if item.url not in urls[key]:
            urls[key].append(item.url)
    order = Counter({key: len(found) for key, found in urls.items()})
    return tuple(Claim(spelling[key], tuple(urls[key])) for key, _ in order.most_common())
