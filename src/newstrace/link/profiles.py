"""Profiles read back: one person across articles, with what its sources disagree on.

    profiles(store) -> [Profile]                 one per person, most articles first
    find_profiles(store, "Krivoy") -> [Profile]  best match first
    profile(store, profile_id) -> Profile

The store gives a profile's rows (``Store.profile_record``); this module builds the
``Profile``: spellings, claims with the articles making them, the timeline, and the
conflicts (``conflicts``): ages the time between articles does not explain,
nationalities, roles of which none refines the other (nurse / doctor, not
engineer / drilling engineer), states after death.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..model import Claim, Conflict, Profile, TimelineEntry
from ..store import Store
from ..store.profiles import ProfileRecord
from . import names
from .names import FULL
from .published import published_moment, time_key
from .same_person import RELATION_RANK, _ROLE_QUALIFIER, _date, _nationality_parts, role_synonym_groups

# Articles reporting ages one apart conflict unless at least this many days
# separate them (examples/: Tomas Varga is 31 in one report and 32 the next day).
BIRTHDAY_SPAN_DAYS = 30
# Words before a role's head that are not it ("the", "his").
_ROLE_DETERMINERS = frozenset("a an the his her their its".split())
# States no person can be in after being killed (a timeline with both is a conflict to show).
_AFTER_DEATH = frozenset({"released", "hospitalized", "arrested", "injured"})


def profiles(store: Store) -> list[Profile]:
    """One profile per person, most articles first (then by name)."""
    found = [_profile(record) for record in store.profile_records(store.profile_ids())]
    return sorted(found, key=lambda p: (-len(p.articles), p.name.casefold(), p.id))


def profile(store: Store, profile_id: str) -> Profile:
    return _profile(store.profile_record(profile_id))


def find_profiles(store: Store, name: str) -> list[Profile]:
    """Profiles whose name or an alias matches ``name`` (accents, case and spelling variants ignored), best first.

    An empty list when none does (the CLI says so itself).
    """
    ids = store.profile_ids(names.blocking_keys(name))
    spellings: dict[str, list[str]] = defaultdict(list)
    for spelling in store.spellings(ids):
        spellings[spelling.profile_id].append(spelling.name)
    # The spellings decide without reading the profile.
    fitting = [profile_id for profile_id in ids if _query_rank(name, spellings[profile_id])]
    scored = []
    for found in map(_profile, store.profile_records(fitting)):
        rank = _query_rank(name, (found.name, *found.aliases))
        if rank:
            scored.append((rank, len(found.articles), found))
    scored.sort(key=lambda item: (-item[0], -item[1], item[2].name))
    return [found for _rank, _count, found in scored]


def _query_rank(query: str, spellings: Iterable[str]) -> int:
    """How well a searched name fits a profile's spellings: 5 same folded name, else the best name
    relation. A one-word query is a given name or a surname: 2 when it is one of the profile's (Ilse
    for Ilse Marten), 1 when a variant (Lena for Helena), so every Ilse is found, most covered first."""
    spellings = tuple(spellings)
    searched = names.parse(query)
    if searched.lone:
        return _part_rank(searched.surname or "", spellings)
    if any(names.normalise(s) == names.normalise(query) for s in spellings):
        return RELATION_RANK[FULL] + 1
    return max((RELATION_RANK[names.name_relation(searched, names.parse(s))] for s in spellings), default=0)


def _part_rank(word: str, spellings: Iterable[str]) -> int:
    best = 0
    for spelling in spellings:
        parts = names.parse(spelling)
        for part, match in ((parts.given, names.given_match), (parts.surname, names.surname_match)):
            if not part or len(part) < 2:
                continue
            if names.spelling_key(part) == names.spelling_key(word):
                return 2
            if match(word, part):
                best = 1
    return best


def _profile(record: ProfileRecord) -> Profile:
    display = record.name
    # Oldest first by the publication instant: "2024-11-15" and "2024-11-15T02:14:00+01:00" do not compare as text.
    members = sorted(record.members, key=lambda m: time_key(m.published, m.ingested_at, m.article_id))
    url_of = {m.article_id: m.url for m in members}
    published_of = {m.article_id: m.published for m in members}
    aliases: list[str] = []
    for m in members:
        for spelling in (m.name, *m.aliases):
            if spelling != display and spelling not in aliases:
                aliases.append(spelling)
    claims: dict[str, dict[object, list[str]]] = defaultdict(lambda: defaultdict(list))
    relations: list[dict] = []
    order = {article_id: i for i, article_id in enumerate(dict.fromkeys(m.article_id for m in members))}
    for row in sorted(record.attributes, key=lambda row: (order[row.article_id], row.position)):
        if row.field == "relation":
            # A kinship claim with its other person as a profile: {"type", "of": profile id | None, "name"}.
            other = record.relatives[row.article_id, row.of_id]
            relation = {"type": row.value, "of": other.profile_id, "name": other.name}
            if relation not in relations:
                relations.append(relation)
            continue
        value = int(row.value) if row.field == "age" else row.value
        urls = claims[row.field][value]
        if url_of[row.article_id] not in urls:
            urls.append(url_of[row.article_id])
    timeline = _timeline(record, url_of, published_of)
    copied = _copy_spellings(record)
    ages = tuple(Claim(v, tuple(u)) for v, u in claims["age"].items())
    nationalities = tuple(Claim(v, tuple(u)) for v, u in claims["nationality"].items())
    return Profile(
        id=record.id,
        name=display,
        aliases=tuple(aliases),
        ages=ages,
        roles=tuple(claims["role"]),
        nationalities=nationalities,
        relations=tuple(relations),
        timeline=timeline,
        conflicts=_conflicts(claims, timeline, published_of, url_of),
        articles=tuple(dict.fromkeys(m.url for m in members)),
        copy_spellings=tuple(a for a in aliases if a in copied),
    )


def _copy_spellings(record: ProfileRecord) -> set[str]:
    """Spellings only copies use: each member writing it is in a copy whose source, among the
    profile's articles, names the person otherwise (a copy's misspelling, "Trofanova" for "Trufanova")."""
    spelled: dict[str, set[str]] = defaultdict(set)  # article id -> the names its members use
    for m in record.members:
        spelled[m.article_id].add(m.name)
    sources: dict[str, set[str]] = defaultdict(set)  # copy article id -> its sources among the members'
    for copy_id, source_id in record.copy_pairs:
        sources[copy_id].add(source_id)
    uses: dict[str, list[bool]] = defaultdict(list)  # spelling -> for each article using it, whether copied
    for article_id, spellings in spelled.items():
        for spelling in spellings:
            own = sources[article_id]
            uses[spelling].append(bool(own) and not any(spelling in spelled[s] for s in own))
    return {spelling for spelling, copied in uses.items() if all(copied)}


def _timeline(record: ProfileRecord, url_of: dict[str, str], published_of: dict[str, str | None]) -> tuple[TimelineEntry, ...]:
    """Every article's states of the person, ordered by event time; undated ones by their article's date."""
    group_of = _copy_groups(sorted(url_of), record.copy_pairs)
    entries = [
        TimelineEntry(
            status.state,
            status.time,
            status.evidence,
            url_of[status.evidence.article],
            published_of[status.evidence.article],
            group_of[status.evidence.article],
        )
        for status in record.statuses
    ]

    def when(entry: TimelineEntry) -> tuple:
        # The event's date, else the date of the article (as written in its own time zone), then
        # the publication instant in UTC: text comparison would put "2024-11-15" before any time of that day.
        placed = (entry.time.value if entry.time and entry.time.value else None) or (entry.published or "")[:10] or "9999"
        moment = published_moment(entry.published)
        return (placed, moment is None, moment.timestamp() if moment else 0.0, entry.article, entry.evidence.start)

    return tuple(sorted(entries, key=when))


def _copy_groups(article_ids: list[str], copy_pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Article id -> its copy group among ``article_ids``: articles joined by copy links (reprints,
    edits, translations) share the smallest id of their group."""
    group = {article_id: article_id for article_id in article_ids}

    def root(article_id: str) -> str:
        while group[article_id] != article_id:
            article_id = group[article_id]
        return article_id

    for copy_id, source_id in copy_pairs:
        first, second = sorted((root(copy_id), root(source_id)))
        group[second] = first
    return {article_id: root(article_id) for article_id in article_ids}


def _conflicts(claims, timeline, published_of, url_of) -> tuple[Conflict, ...]:
    found = []
    ages = claims["age"]
    if _ages_conflict(ages, published_of, url_of):
        found.append(Conflict("age", tuple(Claim(v, tuple(u)) for v, u in ages.items())))
    per_article: dict[str, set[str]] = defaultdict(set)
    for value, urls in claims["nationality"].items():
        for url in urls:
            per_article[url] |= _nationality_parts([value])
    sets = list(per_article.values())
    if any(not (x & y) for i, x in enumerate(sets) for y in sets[i + 1 :]):
        found.append(Conflict("nationality", tuple(Claim(v, tuple(u)) for v, u in claims["nationality"].items())))
    if _roles_conflict(claims["role"]):
        found.append(Conflict("role", tuple(Claim(v, tuple(u)) for v, u in claims["role"].items())))
    states: dict[str, list[str]] = defaultdict(list)
    for entry in timeline:
        if entry.article not in states[entry.state]:
            states[entry.state].append(entry.article)
    if "killed" in states and _AFTER_DEATH & set(states):
        found.append(
            Conflict("status", tuple(Claim(s, tuple(states[s])) for s in ("killed", *sorted(_AFTER_DEATH)) if s in states))
        )
    return tuple(found)


def role_head(role: str) -> str | None:
    """The word that says what a role is: "Estavian drilling engineer" -> "engineer",
    "head of the brigade" -> "head"; plurals singular. None for a role with no word."""
    # Split before normalising: normalise drops the comma of "nurse, mother of two".
    main = names.normalise(_ROLE_QUALIFIER.split(role.lower())[0])
    words = [w for w in re.findall(r"[a-z]+", main) if w not in _ROLE_DETERMINERS]
    if not words:
        return None
    head = words[-1]
    return head[:-1] if len(head) > 4 and head.endswith("s") and not head.endswith("ss") else head


def _heads_agree(a: str, b: str) -> bool:
    """One role refines the other (engineer / drilling engineer, teacher / schoolteacher)."""
    return a.endswith(b) or b.endswith(a)


def _roles_conflict(roles: dict[str, list[str]]) -> bool:
    """Two articles give roles of which none refines the other (nurse / doctor): one source is
    wrong or a spun copy changed it. Roles one article gives together (lawyer and activist) are
    one person's and never conflict."""
    heads: dict[str, set[str]] = defaultdict(set)  # article url -> role heads and synonym groups
    for role, urls in roles.items():
        head = role_head(role)
        if head:
            for url in urls:
                heads[url].add(head)
                heads[url].update(f"#{group}" for group in role_synonym_groups(role))
    together = {(x, y) for found in heads.values() for x in found for y in found}

    def agree(x: str, y: str) -> bool:
        return _heads_agree(x, y) or (x, y) in together

    sets = list(heads.values())
    return any(
        not any(agree(x, y) for x in first for y in second) for i, first in enumerate(sets) for second in sets[i + 1 :]
    )


def _ages_conflict(ages: dict[int, list[str]], published_of: dict[str, str | None], url_of: dict[str, str]) -> bool:
    """Two ages conflict when the years between their articles do not explain the difference."""
    published_by_url = {url: _date(published_of[a]) for a, url in url_of.items()}
    dated = [(published_by_url.get(url), age) for age, urls in ages.items() for url in urls]
    for i, (day_a, age_a) in enumerate(dated):
        for day_b, age_b in dated[i + 1 :]:
            if day_a and day_b and day_b < day_a:
                day_a, age_a, day_b, age_b = day_b, age_b, day_a, age_a
            days = (day_b - day_a).days if day_a and day_b else 0
            allowed = {int(days // 365.25)}
            if days % 365.25 >= BIRTHDAY_SPAN_DAYS:  # a birthday may have passed in between
                allowed.add(int(days // 365.25) + 1)
            if age_b - age_a not in allowed:
                return True
    return False
