"""One person across articles: the public face of person linking.

Three modules do the work, one job each:

    same_person.py   the pure decision: are two mentions (``PersonClaim``s) one person?
    resolution.py    incremental resolution: each person of a new article joins a profile or starts one
    profiles.py      profiles read back, with the conflicts between their sources

    resolve_article(store, analysis) -> {entity id: profile id}   after store.add(analysis)
    profiles(store) -> [Profile]                                   one per person, most articles first
    find_profiles(store, "Krivoy") -> [Profile]                    best match first
    profile(store, profile_id) -> Profile
"""

from __future__ import annotations

from .profiles import find_profiles, profile, profiles, role_head
from .resolution import resolve_article
from .same_person import article_claims, role_synonym_groups, same_person, story_relation, verdict

__all__ = [
    "article_claims",
    "find_profiles",
    "profile",
    "profiles",
    "resolve_article",
    "role_head",
    "role_synonym_groups",
    "same_person",
    "story_relation",
    "verdict",
]
