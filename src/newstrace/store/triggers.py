"""Counts kept by triggers, for the lists and totals that are read a page at a time:

    profiles.article_count   how many articles have a member of each profile (the people list's
                             order: ``ix_profiles_order``), from ``profile_members``
    pair_counts              how many stored pairs each verdict has (the home page's copies), from ``links``

Triggers, not the writes of ``ProfileSession`` or ``LinkQueries``: every statement that adds,
removes or moves a row (resolution, the copy-first move, relinking, a cascade from a deleted
article, a migration, a test inserting rows) keeps the count, whichever module runs it. An article
counts once per profile however many of its entities are members of it. Pairs are written by the
linker only, one process at a time (``store.link_lock``), so the counter rows are no contended lock.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Connection

from .schema import links, pair_counts, profile_members, profiles

# A member that is the first of its profile in its article (``NEW``), or that leaves none behind (``OLD``).
_FIRST = ("NOT EXISTS (SELECT 1 FROM profile_members AS m WHERE m.article_id = NEW.article_id "
          "AND m.profile_id = NEW.profile_id AND m.entity_id <> NEW.entity_id)")
_LAST = ("NOT EXISTS (SELECT 1 FROM profile_members AS m WHERE m.article_id = OLD.article_id "
         "AND m.profile_id = OLD.profile_id)")
_ADD = "UPDATE profiles SET article_count = article_count + 1 WHERE id = NEW.profile_id"
_REMOVE = "UPDATE profiles SET article_count = article_count - 1 WHERE id = OLD.profile_id"
_PAIR_ADD = ("INSERT INTO pair_counts (verdict, pairs) VALUES (NEW.verdict, 1) "
             "ON CONFLICT (verdict) DO UPDATE SET pairs = pair_counts.pairs + 1")
_PAIR_REMOVE = "UPDATE pair_counts SET pairs = pairs - 1 WHERE verdict = OLD.verdict"

SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS profile_members_added AFTER INSERT ON profile_members "
    f"WHEN {_FIRST} BEGIN {_ADD}; END",
    f"CREATE TRIGGER IF NOT EXISTS profile_members_removed AFTER DELETE ON profile_members "
    f"WHEN {_LAST} BEGIN {_REMOVE}; END",
    f"CREATE TRIGGER IF NOT EXISTS profile_members_moved AFTER UPDATE OF profile_id ON profile_members "
    f"WHEN OLD.profile_id <> NEW.profile_id BEGIN {_REMOVE} AND {_LAST}; {_ADD} AND {_FIRST}; END",
    f"CREATE TRIGGER IF NOT EXISTS links_added AFTER INSERT ON links BEGIN {_PAIR_ADD}; END",
    f"CREATE TRIGGER IF NOT EXISTS links_removed AFTER DELETE ON links BEGIN {_PAIR_REMOVE}; END",
    f"CREATE TRIGGER IF NOT EXISTS links_changed AFTER UPDATE OF verdict ON links "
    f"WHEN OLD.verdict <> NEW.verdict BEGIN {_PAIR_REMOVE}; {_PAIR_ADD}; END",
)


def _plpgsql(name: str, body: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {body}
        RETURN NULL;
    END $$"""


POSTGRESQL_TRIGGERS = (
    _plpgsql("newstrace_profile_article_count", f"""
        IF TG_OP = 'UPDATE' AND OLD.profile_id = NEW.profile_id THEN
            RETURN NULL;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') AND {_LAST} THEN
            {_REMOVE};
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND {_FIRST} THEN
            {_ADD};
        END IF;"""),
    "CREATE OR REPLACE TRIGGER profile_members_counted AFTER INSERT OR DELETE OR UPDATE OF profile_id "
    "ON profile_members FOR EACH ROW EXECUTE FUNCTION newstrace_profile_article_count()",
    _plpgsql("newstrace_pair_count", f"""
        IF TG_OP = 'UPDATE' AND OLD.verdict = NEW.verdict THEN
            RETURN NULL;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            {_PAIR_REMOVE};
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            {_PAIR_ADD};
        END IF;"""),
    "CREATE OR REPLACE TRIGGER links_counted AFTER INSERT OR DELETE OR UPDATE OF verdict "
    "ON links FOR EACH ROW EXECUTE FUNCTION newstrace_pair_count()",
)
TRIGGERS = {"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRESQL_TRIGGERS}


def install(conn: Connection) -> None:
    """Create the triggers (again: each statement replaces or skips an existing one)."""
    for statement in TRIGGERS.get(conn.dialect.name, ()):
        conn.execute(text(statement))


def recount(conn: Connection) -> None:
    """Every count from the rows it counts (a database made before the triggers)."""
    counted = (
        select(func.count(func.distinct(profile_members.c.article_id)))
        .where(profile_members.c.profile_id == profiles.c.id)
        .scalar_subquery()
    )
    conn.execute(update(profiles).values(article_count=counted))
    conn.execute(pair_counts.delete())
    per_verdict = select(links.c.verdict, func.count()).group_by(links.c.verdict)
    conn.execute(insert(pair_counts).from_select(["verdict", "pairs"], per_verdict))
