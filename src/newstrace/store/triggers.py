"""Counts kept by triggers, for the lists and totals that are read a page at a time:

    profiles.article_count   how many articles have a member of each profile (the people list's
                             order: ``ix_profiles_order``), from ``profile_members``
    pair_counts              how many stored pairs each verdict has (the home page's copies), from ``links``
    site_counts              per site: linked articles (in a story), copies (articles that are the
                             copy of a pair with a copy verdict), spun copies, and the integrity flags
                             of copies (the sites page), from ``story_articles``, ``links``, ``flags``

Triggers, not the writes of ``ProfileSession`` or ``LinkQueries``: every statement that adds,
removes or moves a row (resolution, the copy-first move, relinking, a cascade from a deleted
article, a migration, a test inserting rows) keeps the count, whichever module runs it. An article
counts once per profile however many of its entities are members of it. Pairs are written by the
linker only, one process at a time (``store.link_lock``), so the counter rows are no contended lock.
"""

from __future__ import annotations

from sqlalchemy import and_, case, exists, func, insert, select, text, update
from sqlalchemy.engine import Connection

from ..model import COPY_VERDICTS
from .schema import articles, flags, links, pair_counts, profile_members, profiles, site_counts, story_articles

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

# -- site_counts: an article counts once linked (in a story: ``story_articles`` rows are written by
# the linker, one process at a time, so two ingests storing articles of one site at once never wait
# on its counter row); it counts as a copy (and as spun) while one of its pairs as the copy has such
# a verdict, and its flags count while it is a copy. An article's site never changes.
_COPY = "(" + ", ".join(f"'{verdict}'" for verdict in COPY_VERDICTS) + ")"
_SPUN = "('spun')"


def _site_add(article: str, counted: str, copies: str, spun: str, copy_flags: str) -> str:
    """Add these to the counts of the site of ``article`` (nothing when the article is gone: the
    cascade from its deletion, which counted it off before)."""
    return ("INSERT INTO site_counts (site, articles, copies, spun, copy_flags) "
            f"SELECT coalesce(a.site, ''), {counted}, {copies}, {spun}, {copy_flags} FROM articles AS a WHERE a.id = {article} "
            "ON CONFLICT (site) DO UPDATE SET articles = site_counts.articles + excluded.articles, "
            "copies = site_counts.copies + excluded.copies, spun = site_counts.spun + excluded.spun, "
            "copy_flags = site_counts.copy_flags + excluded.copy_flags")


def _flags_of(article: str) -> str:
    return f"(SELECT count(*) FROM flags AS f WHERE f.article_id = {article})"


def _is(article: str, verdicts: str, besides: str | None = None) -> str:
    """Whether ``article`` is the copy of a pair of ``verdicts`` (other than the pair with ``besides``)."""
    other = f" AND l.source_id <> {besides}" if besides else ""
    return f"EXISTS (SELECT 1 FROM links AS l WHERE l.copy_id = {article} AND l.verdict IN {verdicts}{other})"


def _one_if(condition: str) -> str:
    return f"(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def _pair_changed(row: str, before: str | None, after: str | None) -> str:
    """The counts of the copy's site when its pair ``row`` had the verdict of ``before`` and has
    the verdict of ``after`` (None: no pair): what changes is whether the copy has a pair of a
    copy verdict (and a spun one), unless another of its pairs keeps it so."""

    def change(verdicts: str) -> str:
        had = _one_if(f"{before}.verdict IN {verdicts}") if before else "0"
        has = _one_if(f"{after}.verdict IN {verdicts}") if after else "0"
        return f"(CASE WHEN {_is(f'{row}.copy_id', verdicts, f'{row}.source_id')} THEN 0 ELSE {has} - {had} END)"

    copies = change(_COPY)
    return _site_add(f"{row}.copy_id", "0", copies, change(_SPUN), f"{copies} * {_flags_of(f'{row}.copy_id')}")


_SITE_LINKED = _site_add("NEW.article_id", "1", "0", "0", "0")
_SITE_UNLINKED = _site_add("OLD.article_id", "-1", "0", "0", "0")
# Before an article goes (its pairs, flags and story row go after it, by cascade, when its row is
# gone and their own triggers find no site): the whole of what it counted.
_SITE_ARTICLE_REMOVED = _site_add(
    "OLD.id",
    f"-{_one_if('EXISTS (SELECT 1 FROM story_articles AS s WHERE s.article_id = OLD.id)')}",
    f"-{_one_if(_is('OLD.id', _COPY))}",
    f"-{_one_if(_is('OLD.id', _SPUN))}",
    f"-(CASE WHEN {_is('OLD.id', _COPY)} THEN {_flags_of('OLD.id')} ELSE 0 END)",
)
_FLAG_ADDED = _site_add("NEW.article_id", "0", "0", "0", "1")
_FLAG_REMOVED = _site_add("OLD.article_id", "0", "0", "0", "-1")


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
    f"CREATE TRIGGER IF NOT EXISTS story_articles_sited AFTER INSERT ON story_articles BEGIN {_SITE_LINKED}; END",
    f"CREATE TRIGGER IF NOT EXISTS story_articles_unsited AFTER DELETE ON story_articles BEGIN {_SITE_UNLINKED}; END",
    f"CREATE TRIGGER IF NOT EXISTS articles_unsited BEFORE DELETE ON articles BEGIN {_SITE_ARTICLE_REMOVED}; END",
    f"CREATE TRIGGER IF NOT EXISTS links_sited AFTER INSERT ON links BEGIN {_pair_changed('NEW', None, 'NEW')}; END",
    f"CREATE TRIGGER IF NOT EXISTS links_unsited AFTER DELETE ON links BEGIN {_pair_changed('OLD', 'OLD', None)}; END",
    f"CREATE TRIGGER IF NOT EXISTS links_resited AFTER UPDATE OF verdict ON links "
    f"WHEN OLD.verdict <> NEW.verdict BEGIN {_pair_changed('NEW', 'OLD', 'NEW')}; END",
    f"CREATE TRIGGER IF NOT EXISTS flags_sited AFTER INSERT ON flags WHEN {_is('NEW.article_id', _COPY)} "
    f"BEGIN {_FLAG_ADDED}; END",
    f"CREATE TRIGGER IF NOT EXISTS flags_unsited AFTER DELETE ON flags WHEN {_is('OLD.article_id', _COPY)} "
    f"BEGIN {_FLAG_REMOVED}; END",
)


def _plpgsql(name: str, body: str, returned: str = "NULL") -> str:
    return f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {body}
        RETURN {returned};
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
    _plpgsql("newstrace_site_linked", f"""
        IF TG_OP = 'INSERT' THEN
            {_SITE_LINKED};
        ELSE
            {_SITE_UNLINKED};
        END IF;"""),
    "CREATE OR REPLACE TRIGGER story_articles_sited AFTER INSERT OR DELETE ON story_articles "
    "FOR EACH ROW EXECUTE FUNCTION newstrace_site_linked()",
    _plpgsql("newstrace_site_article_removed", f"{_SITE_ARTICLE_REMOVED};", returned="OLD"),  # OLD: the delete goes on
    "CREATE OR REPLACE TRIGGER articles_unsited BEFORE DELETE ON articles "
    "FOR EACH ROW EXECUTE FUNCTION newstrace_site_article_removed()",
    _plpgsql("newstrace_site_pairs", f"""
        IF TG_OP = 'INSERT' THEN
            {_pair_changed('NEW', None, 'NEW')};
        ELSIF TG_OP = 'DELETE' THEN
            {_pair_changed('OLD', 'OLD', None)};
        ELSIF OLD.verdict <> NEW.verdict THEN
            {_pair_changed('NEW', 'OLD', 'NEW')};
        END IF;"""),
    "CREATE OR REPLACE TRIGGER links_sited AFTER INSERT OR DELETE OR UPDATE OF verdict "
    "ON links FOR EACH ROW EXECUTE FUNCTION newstrace_site_pairs()",
    _plpgsql("newstrace_site_flags", f"""
        IF TG_OP = 'INSERT' AND {_is('NEW.article_id', _COPY)} THEN
            {_FLAG_ADDED};
        ELSIF TG_OP = 'DELETE' AND {_is('OLD.article_id', _COPY)} THEN
            {_FLAG_REMOVED};
        END IF;"""),
    "CREATE OR REPLACE TRIGGER flags_sited AFTER INSERT OR DELETE ON flags "
    "FOR EACH ROW EXECUTE FUNCTION newstrace_site_flags()",
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


def recount_sites(conn: Connection) -> None:
    """The counts of every site from its articles, their stories, pairs and flags (a database made
    before site_counts): one read of every article."""
    is_copy = exists().where(and_(links.c.copy_id == articles.c.id, links.c.verdict.in_(COPY_VERDICTS)))
    is_spun = exists().where(and_(links.c.copy_id == articles.c.id, links.c.verdict == "spun"))
    flagged = select(func.count()).select_from(flags).where(flags.c.article_id == articles.c.id).scalar_subquery()
    linked = exists().where(story_articles.c.article_id == articles.c.id)
    per_article = select(
        func.coalesce(articles.c.site, "").label("site"),
        case((linked, 1), else_=0).label("linked"),
        case((is_copy, 1), else_=0).label("copy"),
        case((is_spun, 1), else_=0).label("spun"),
        case((is_copy, flagged), else_=0).label("copy_flags"),
    ).subquery()
    per_site = select(
        per_article.c.site, func.sum(per_article.c.linked), func.sum(per_article.c.copy), func.sum(per_article.c.spun),
        func.sum(per_article.c.copy_flags),
    ).group_by(per_article.c.site)
    conn.execute(site_counts.delete())
    conn.execute(insert(site_counts).from_select(["site", "articles", "copies", "spun", "copy_flags"], per_site))
