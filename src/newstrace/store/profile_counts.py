"""``profiles.article_count``: how many articles have a member of each profile, kept by triggers
on ``profile_members``, so that the people list is read a page at a time in its order (most
articles first: ``ix_profiles_order``) instead of counting every member for each page.

Triggers, not the writes of ``ProfileSession``: every statement that adds, removes or moves a
member (resolution, the copy-first move, a cascade from a deleted article, a migration, a test
inserting rows) keeps the count, whichever module runs it. An article counts once per profile
however many of its entities are members of it.
"""

from __future__ import annotations

from sqlalchemy import func, select, text, update
from sqlalchemy.engine import Connection

from .schema import profile_members, profiles

# A member that is the first of its profile in its article (``NEW``), or that leaves none behind (``OLD``).
_FIRST = ("NOT EXISTS (SELECT 1 FROM profile_members AS m WHERE m.article_id = NEW.article_id "
          "AND m.profile_id = NEW.profile_id AND m.entity_id <> NEW.entity_id)")
_LAST = ("NOT EXISTS (SELECT 1 FROM profile_members AS m WHERE m.article_id = OLD.article_id "
         "AND m.profile_id = OLD.profile_id)")
_ADD = "UPDATE profiles SET article_count = article_count + 1 WHERE id = NEW.profile_id"
_REMOVE = "UPDATE profiles SET article_count = article_count - 1 WHERE id = OLD.profile_id"

SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS profile_members_added AFTER INSERT ON profile_members "
    f"WHEN {_FIRST} BEGIN {_ADD}; END",
    f"CREATE TRIGGER IF NOT EXISTS profile_members_removed AFTER DELETE ON profile_members "
    f"WHEN {_LAST} BEGIN {_REMOVE}; END",
    f"CREATE TRIGGER IF NOT EXISTS profile_members_moved AFTER UPDATE OF profile_id ON profile_members "
    f"WHEN OLD.profile_id <> NEW.profile_id BEGIN {_REMOVE} AND {_LAST}; {_ADD} AND {_FIRST}; END",
)
POSTGRESQL_TRIGGERS = (
    f"""CREATE OR REPLACE FUNCTION newstrace_profile_article_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND OLD.profile_id = NEW.profile_id THEN
            RETURN NULL;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') AND {_LAST} THEN
            {_REMOVE};
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND {_FIRST} THEN
            {_ADD};
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE OR REPLACE TRIGGER profile_members_counted AFTER INSERT OR DELETE OR UPDATE OF profile_id "
    "ON profile_members FOR EACH ROW EXECUTE FUNCTION newstrace_profile_article_count()",
)
TRIGGERS = {"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRESQL_TRIGGERS}


def install(conn: Connection) -> None:
    """Create the triggers (again: each statement replaces or skips an existing one)."""
    for statement in TRIGGERS.get(conn.dialect.name, ()):
        conn.execute(text(statement))


def recount(conn: Connection) -> None:
    """Every profile's count from its members (a database made before the triggers)."""
    counted = (
        select(func.count(func.distinct(profile_members.c.article_id)))
        .where(profile_members.c.profile_id == profiles.c.id)
        .scalar_subquery()
    )
    conn.execute(update(profiles).values(article_count=counted))
