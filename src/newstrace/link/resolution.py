"""Resolution: each person of a new article joins an existing profile or starts one.

    resolve_article(store, analysis) -> {entity id: profile id}   after store.add(analysis)

The decision between two mentions is ``same_person.verdict`` on two
``PersonClaim``s; ``resolve_article`` asks it of the members of the few
profiles that share a blocking key with the new name (an indexed lookup in
``profile_keys``), so adding an article never rescans the store. The lookup is
bounded for common names (``LinkSettings``): at most ``max_profiles_per_key`` profiles per key
(the last to gain a member first) and those with a spelling as written (at most
``max_exact_spelling_profiles``), at most ``max_profiles_ranked`` in all (spellings as written
first); of those, the
``max_candidate_profiles`` whose spellings fit best (``profile_names``, at most
``max_spellings_ranked`` of each, the most used) and of each its
``max_members_compared`` latest members, whose claims were stored when they joined
(``member_claims``): no member article is read again. The display name comes from the
spelling counts in ``profile_names``.
"""

from __future__ import annotations

import hashlib

from ..model import Analysis, PersonClaim
from ..store import Store
from ..store.profiles import ProfileSession
from . import names
from .memo import Caches
from .names import INITIAL
from .same_person import (
    FULL_NAME_RELATIONS,
    RELATION_RANK,
    Mention,
    Verdict,
    _ages_agree,
    _names,
    _nationalities_agree,
    _roles_overlap,
    article_claims,
    best_rank,
    member_mention,
    verdict,
)
from .settings import DEFAULT_SETTINGS, LinkSettings



def resolve_article(
    store: Store,
    analysis: Analysis,
    settings: LinkSettings = DEFAULT_SETTINGS,
    caches: Caches | None = None,
    joins: dict[str, str] | None = None,
) -> dict[str, str]:
    """Assign each person of a stored article to an existing profile or a new one.

    Incremental (only profiles sharing a blocking key are read) and idempotent
    (an article already resolved keeps its assignment). Returns entity id -> profile id.
    ``caches``: a Linker's, where stored articles' claims are kept (none: read anew).
    ``joins``: entity id -> the profile it joins whatever the names say (``copied_names``: a
    copy's misspelled name is its source's person); its name is kept there uncounted.
    """
    joins = joins or {}
    article_id = analysis.article.id
    claims = article_claims(analysis)
    with store.profile_session() as session:
        done = session.assignment(article_id)
        if done:
            return done
        linked = session.linked(article_id)
        seen = session.ingested_at(article_id)
        assigned: dict[str, str] = {}
        started: set[str] = set()  # profiles this article starts: named after their one mention already
        # Full names first: a bare surname then sees which profiles its article already took.
        order = sorted(claims, key=lambda e: names.parse(claims[e].name).lone or not names.parse(claims[e].name).given)
        for entity_id in order:
            claim = claims[entity_id]
            chosen = joins.get(entity_id) or _choose(
                claim, _candidates(session, claim, article_id, settings, caches), linked, set(assigned.values())
            )
            if chosen is None:
                chosen = _new_profile_id(article_id, entity_id)
                session.new_profile(chosen, claim.name)
                started.add(chosen)
            session.add_member(article_id, entity_id, chosen)
            # A copy's misspelling is a spelling of the profile, never its display name.
            record_spellings(session, chosen, claim, seen, counted=entity_id not in joins)
            assigned[entity_id] = chosen
        for profile_id in set(assigned.values()) - started:
            rename_by_spellings(session, profile_id)
    return assigned


def record_spellings(session: ProfileSession, profile_id: str, claim: PersonClaim, seen: str, counted: bool) -> None:
    """A member's name and aliases as the profile's blocking keys and spellings. The name counts
    when ``counted``; aliases are recorded with no count (search and candidate spellings, never
    the display name)."""
    spellings = (claim.name, *claim.aliases)
    session.add_keys(profile_id, set().union(*(names.blocking_keys(n) for n in spellings)))
    session.count_spellings(profile_id, ((claim.name, int(counted)), *((alias, 0) for alias in claim.aliases)), seen)


def rename_by_spellings(session: ProfileSession, profile_id: str) -> None:
    """Name the profile after its most counted spelling; a profile with none (deleted) keeps its name."""
    counted = session.counted_spellings(profile_id)
    if counted:
        session.rename(profile_id, display_name(counted))


def _candidates(
    session: ProfileSession, claim: PersonClaim, exclude_article: str, settings: LinkSettings, caches: Caches | None
) -> dict[str, list[Mention]]:
    """Profiles sharing a blocking key with the claim's names (at most ``settings.max_profiles_per_key``
    per key, the last to gain a member first) or one of its spellings as written (at most
    ``settings.max_exact_spelling_profiles``), at most ``settings.max_profiles_ranked`` in all, with a spelling that
    fits one of them (at most ``settings.max_candidate_profiles``, best fitting and most covered first)
    -> their most recent members' claims."""
    keys = set().union(*(names.blocking_keys(n, lookup=True) for n in _names(claim)))
    if not keys:
        return {}
    profile_ids = session.candidate_profiles(
        keys, _names(claim), settings.max_profiles_per_key, settings.max_exact_spelling_profiles, settings.max_profiles_ranked
    )
    if not profile_ids:
        return {}
    spellings = session.ranked_spellings(profile_ids, settings.max_spellings_ranked)
    fits = []
    for profile_id in profile_ids:
        known = spellings.get(profile_id)
        rank = best_rank(_names(claim), known.names) if known else 0
        if rank:
            fits.append((rank, known.articles, known.last_seen, profile_id))
    fits.sort(reverse=True)  # ties: the profile with the newest spelling first, the oldest dropped
    chosen = [profile_id for *_, profile_id in fits[: settings.max_candidate_profiles]]
    return _members(session, chosen, exclude_article, settings.max_members_compared, caches)


def _members(
    session: ProfileSession, profile_ids: list[str], exclude_article: str, most: int, caches: Caches | None
) -> dict[str, list[Mention]]:
    """Each profile's ``most`` most recent members (outside ``exclude_article``), as claims.

    A stored member's claim is never rewritten, so the claims built from it are kept (``caches``)."""
    kept = caches.claims if caches is not None else None
    chosen = session.recent_members(profile_ids, exclude_article, most)
    known = {key: mention for rows in chosen.values() for key in rows if kept is not None and (mention := kept.get(key))}
    missing = {key for rows in chosen.values() for key in rows} - known.keys()
    for key, member in session.members(missing).items():
        known[key] = member_mention(member)
        if kept is not None:
            kept.put(key, known[key])
    return {profile_id: [known[key] for key in rows if key in known] for profile_id, rows in chosen.items()}


def _choose(claim: PersonClaim, candidates: dict[str, list[Mention]], linked: set[str], taken: set[str]) -> str | None:
    """The profile the claim joins, or None for a new one."""
    fits: list[tuple[int, int, int, str]] = []
    for profile_id, members in candidates.items():
        if profile_id in taken:  # another person of this article already holds it
            continue
        verdicts = [verdict(claim, m.claim, m.article_id in linked) for m in members]
        agreeing = [v for v in verdicts if v.same]
        if not agreeing or _named_otherwise(claim, members, verdicts):
            continue
        strong = any(v.story == "same" for v in agreeing)
        # Outside a shared story, a claim that fits none of the profile's ages (or roles, or
        # nationalities) outweighs members that say nothing: a namesake's profile stays closed.
        if not strong and _contradicts_profile(claim, [m.claim for m in members]):
            continue
        rank = max(RELATION_RANK[v.relation] for v in agreeing)
        fits.append((rank, strong, len(agreeing), profile_id))
    if not fits:
        return None
    fits.sort(reverse=True)
    partial = fits[0][0] < RELATION_RANK[INITIAL]
    if partial and len(fits) > 1:  # a bare surname that fits two profiles joins neither
        return None
    return fits[0][-1]


def _named_otherwise(claim: PersonClaim, members: list[Mention], verdicts: list[Verdict]) -> bool:
    """A full name that agrees only with a profile's bare surnames while its full names are
    another person's: "Sonia Gandhi" does not join Rahul Gandhi's profile through "Gandhi"."""
    if not _has_given_name(claim.name):
        return False
    full = [v for m, v in zip(members, verdicts) if _has_given_name(m.claim.name)]
    return bool(full) and not any(v.same and v.relation in FULL_NAME_RELATIONS for v in full)


def _has_given_name(name: str) -> bool:
    parts = names.parse(name)
    return bool(parts.given) and not parts.lone


def _contradicts_profile(claim: PersonClaim, members: list[PersonClaim]) -> bool:
    """The claim's age, roles or nationalities fit no member that states them."""
    for agrees in (_ages_agree, _roles_overlap, _nationalities_agree):
        outcomes = [agrees(claim, member) for member in members]
        if False in outcomes and True not in outcomes:
            return True
    return False


def _new_profile_id(article_id: str, entity_id: str) -> str:
    """A profile is named after the mention that started it: stable across runs and databases."""
    return hashlib.sha256(f"{article_id}\n{entity_id}".encode()).hexdigest()[:12]


def display_name(spellings) -> str:
    """The display name: among spellings with a given name and a surname (else all), the most
    frequent, then the one with most words, then the earliest. Reads the profile's spelling
    counts, not its members: the same cost for a person named in one article or in thousands."""
    full = [s for s in spellings if (parts := names.parse(s.name)).given and parts.surname and len(parts.given) > 1]
    best = min(full or spellings, key=lambda s: (-s.articles, -len(s.name.split()), s.first_seen, s.name))
    return best.name
