"""The database tables (SQLAlchemy Core).

Plain tables that `sqlite3` and Datasette open as they are, and that run
unchanged on PostgreSQL. Column names avoid SQL keywords (``char_start``, not
``start``/``end``) so hand-written SQL needs no quoting. Lists are JSON columns.

    articles    one row per article (id = hash of url + clean text)
    entities    people, organizations and places of one article
    mentions    every mention of an entity: sentence index and character span
    attributes  claims about an entity (age, role, nationality, relation) with their span
    quotes      who said what (direct and reported speech) with the content span
    counts      numbers claimed and what they count
    times       time expressions with their resolved dates
    events      who did what to whom (PLOVER types) with the trigger span
    statuses    what happened to each person (captive, released, killed...)
    flags       garbled, inserted or truncated sentences
    lists       named lists of people: claimed size, owner, recipient, named members
    list_records  one named list across the articles of a story; list_articles ties each article's list to it
    fingerprints  per article: MinHash of word shingles and the names-and-numbers skeleton
    lsh_buckets   LSH band keys of the fingerprints: the candidate index (an indexed lookup, no rebuild)
    links         related pairs: copy -> source with verdict and score, and same_story pairs
    profiles      one person across articles; profile_members ties each article's person to one
    profile_keys  blocking keys (phonetic / transliterated name keys) that find candidate profiles
    profile_names  per profile: each spelling with how many of its articles use it (the display name's counts)
    story_articles  which story (articles about the same events over time) each article belongs to
    story_terms   per story: the folded names of its places and organizations, with how many articles name each
    lsh_bucket_sizes  per index bucket: how many band rows it holds (lookups skip the full ones without counting)
    story_sizes   per story: how many articles it has and the day of its earliest
    pair_counts   per verdict: how many pairs links holds (kept by triggers, store/triggers.py)
    site_counts   per site: articles, copies, spun copies, flags of copies (kept by triggers, the sites page)
    profile_stories  per profile and story: how many of the profile's members are in the story's articles
    member_claims  per profile member: what its article says of the person (name, ages, roles, co-mentioned
                  names...), written once when the member joins, so resolution never re-reads member articles
    meta        key/value pairs; ``schema_version`` says which layout this file has
    fetches       every URL fetched (or refused): final URL, HTTP status, time, the error if any
    feeds         per watched feed: ETag and Last-Modified for conditional GET, the last check
    feed_entries  every entry link a watched feed listed, fetched once (store/fetches.py)
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    func,
    literal_column,
)

# Bump when a table or column changes; store.db refuses files with a newer version.
SCHEMA_VERSION = 11  # 2: linking tables (fingerprints ... story_articles); 3: profile_names; 4: links.direction
# 5: quotes.medium, quotes.group_id, quotes.time, events.actors/mediators/channel/frameworks (older files gain
#    the columns, NULL); lists
# 6: lsh_bucket_sizes, story_sizes, profile_stories, member_claims (counters and summaries kept as articles
#    arrive, filled from the existing rows by the migration)
# 7: lists.member_evidence, events.channel_evidence, events.modal (NULL before); list_records, list_articles
# 8: story_sizes.first_day, profiles.article_count and pair_counts (kept by triggers) and the indexes that page
#     the stories, people and copies lists at the database
# 9: ix_profile_keys_profile (a profile's keys without scanning every profile's); 10: site_counts (kept by triggers)
# 11: ix_profile_names_spelling in place of ix_profile_names_name (a spelling's profiles read in order, bounded)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True, comment="hash of url + clean text"),
    Column("url", Text, nullable=False),
    Column("site", Text),
    Column("title", Text),
    Column("published", Text, comment="ISO 8601 or null"),
    Column("dateline", Text),
    Column("language", Text, comment="ISO 639-1"),
    Column("author", Text),
    Column("text", Text, nullable=False, comment="clean text; all spans index into it"),
    Column("removed", JSON, nullable=False, comment="lines cleaning removed"),
    Column("paragraphs", JSON, nullable=False, comment="[[start, end], ...]"),
    Column("notes", JSON, nullable=False, comment="why a stage was skipped"),
    Column("source", Text, comment="where it was read from"),
    Column("ingested_at", Text, nullable=False),
)
Index("ix_articles_url", articles.c.url)
# The web pages' lists: latest articles first, articles of one site (store/browse.py creates
# them in databases made before they were declared).
Index("ix_articles_published", articles.c.published, articles.c.id)
Index("ix_articles_site", articles.c.site)
# The copies list walks the articles in ingest order (link/copies.py, ``copies_page``).
Index("ix_articles_ingested", articles.c.ingested_at, articles.c.id)

entities = Table(
    "entities",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("entity_id", Text, primary_key=True, comment="p1, o1, l1: unique within the article"),
    Column("kind", Text, nullable=False, comment="person | organization | place"),
    Column("name", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("position", Integer, nullable=False, comment="order in the article's analysis"),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)
Index("ix_entities_name", entities.c.name)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)
Index("ix_mentions_entity", mentions.c.article_id, mentions.c.entity_id)

attributes = Table(
    "attributes",
    metadata,
    Column("article_id", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("field", Text, nullable=False, comment="age | role | nationality | relation"),
    Column("value", Text, nullable=False),
    Column("of_id", Text, comment="relation target: this entity is <value> of <of_id>"),
    Column("sentence", Integer, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("position", Integer, nullable=False, comment="order in the article's analysis"),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)
Index("ix_attributes_entity", attributes.c.article_id, attributes.c.entity_id)


def _fact_table(name: str, *columns: Column) -> Table:
    """A table of facts of one article, each with its evidence span and its order."""
    table = Table(
        name,
        metadata,
        Column("article_id", Text, nullable=False),
        Column("position", Integer, nullable=False, comment="order in the article's analysis"),
        *columns,
        Column("sentence", Integer),
        Column("char_start", Integer),
        Column("char_end", Integer),
        ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    Index(f"ix_{name}_article", table.c.article_id, table.c.position)
    return table


quotes = _fact_table(
    "quotes",
    Column("speaker_id", Text, comment="entity id of the speaker, or null when unclear"),
    Column("speaker_name", Text),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False, comment="direct | indirect | stance | according_to"),
    Column("cue", Text),
    Column("medium", Text, comment="where it was said: Telegram, RIA Novosti, press conference"),
    Column("group_id", Integer, comment="the statement it belongs to: split quotes share it"),
    Column("time", JSON, comment="when the statement was made: {text, value, granularity, approximate} or null"),
)

counts = _fact_table(
    "counts",
    Column("value", Float, nullable=False),
    Column("qualifier", Text, comment="about | over | under | at least | at most"),
    Column("what", Text),
    Column("text", Text, nullable=False),
)

times = _fact_table(
    "times",
    Column("text", Text, nullable=False),
    Column("value", Text, comment="ISO date, month or year; null when the text does not fix it"),
    Column("granularity", Text),
    Column("approximate", Boolean, nullable=False),
)

events = _fact_table(
    "events",
    Column("type", Text, nullable=False, comment="PLOVER 2021 event type"),
    Column("mode", Text),
    Column("trigger", Text, nullable=False),
    Column("agent", JSON, nullable=False, comment="entity ids"),
    Column("target", JSON, nullable=False, comment="entity ids"),
    Column("time", JSON, comment="{text, value, granularity, approximate} or null"),
    Column("place", Text, comment="entity id"),
    Column("modality", Text, nullable=False, comment="asserted | negated | future | hypothetical | reported"),
    Column("actors", JSON, comment="[{role, name, type, country, entity, evidence}]: agents and targets as written"),
    Column("mediators", JSON, comment="entity ids through whom a release came about"),
    Column("channel", Text, comment="direct | mediated | null"),
    Column("frameworks", JSON, comment="[{text, relation: part_of|during|outside, negated, evidence}]"),
    Column("channel_evidence", JSON, comment="{sentence, start, end} of the words that say the channel, or null"),
    Column("modal", Text, comment="the modal verb of the act's clause: must, could, will; or null"),
)

statuses = _fact_table(
    "statuses",
    Column("person_id", Text, nullable=False),
    Column("state", Text, nullable=False, comment="captive | released | killed | injured | missing | arrested | hospitalized"),
    Column("time", JSON, comment="{text, value, granularity, approximate} or null"),
)

flags = _fact_table(
    "flags",
    Column("kind", Text, nullable=False, comment="garbled | inserted | truncated"),
    Column("text", Text, nullable=False),
    Column("reason", Text, nullable=False),
)


# -- cross-article linking (newstrace.link) ---------------------------------------

lists = _fact_table(
    "lists",
    Column("claimed_size", Integer, comment="the size the text claims, or null"),
    Column("owner", Text, comment="entity id of who compiled or handed it over"),
    Column("owner_name", Text),
    Column("recipient", Text, comment="entity id of who received it"),
    Column("recipient_name", Text),
    Column("members", JSON, nullable=False, comment="person ids the text places on it"),
    Column("member_evidence", JSON, comment="per member: {sentence, start, end} of the words that put it on"),
)

# One named list across articles (store/named_lists.py; link/named_lists.py decides which).
list_records = Table(
    "list_records",
    metadata,
    Column("id", Text, primary_key=True),
    Column("story_id", Text, nullable=False, comment="the story whose articles tell of it"),
)
Index("ix_list_records_story", list_records.c.story_id)

list_articles = Table(
    "list_articles",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("position", Integer, primary_key=True, comment="the list's position in lists"),
    Column("record_id", Text, nullable=False),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    ForeignKeyConstraint(["record_id"], ["list_records.id"], ondelete="CASCADE"),
)
Index("ix_list_articles_record", list_articles.c.record_id)

fingerprints = Table(
    "fingerprints",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("signature", LargeBinary, nullable=False, comment="MinHash of word shingles (LeanMinHash bytes)"),
    Column("skeleton_signature", LargeBinary, nullable=False, comment="MinHash of the skeleton's names and numbers"),
    Column("skeleton", JSON, nullable=False, comment="names and numbers in text order"),
    Column("shingle_count", Integer, nullable=False, comment="distinct word shingles"),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)

lsh_buckets = Table(
    "lsh_buckets",
    metadata,
    Column("kind", Text, nullable=False, comment="shingles | skeleton"),
    Column("band", Integer, nullable=False),
    Column("bucket", BigInteger, nullable=False, comment="64-bit hash of kind, band and the band's values"),
    Column("article_id", Text, nullable=False),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)
# The bucket hash includes the band, so a lookup is `kind = ? AND bucket IN (...)`: one
# index range per key. (SQLite cannot use an index on (kind, band, bucket) for a list of
# (band, bucket) pairs; it scans every row of the kind.) article_id makes it covering.
Index("ix_lsh_buckets_lookup", lsh_buckets.c.kind, lsh_buckets.c.bucket, lsh_buckets.c.article_id)
Index("ix_lsh_buckets_article", lsh_buckets.c.article_id)

links = Table(
    "links",
    metadata,
    Column("copy_id", Text, primary_key=True, comment="the later / derived article"),
    Column("source_id", Text, primary_key=True),
    Column("verdict", Text, nullable=False, comment="verbatim | edited | spun | summary | translated | same_story"),
    Column("score", Float, nullable=False),
    Column("direction", Text, comment="published | junk | undecided: what decided which is the copy"),
    ForeignKeyConstraint(["copy_id"], ["articles.id"], ondelete="CASCADE"),
    ForeignKeyConstraint(["source_id"], ["articles.id"], ondelete="CASCADE"),
)
Index("ix_links_source", links.c.source_id)

profiles = Table(
    "profiles",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False, comment="the display name: the fullest, most frequent spelling"),
    Column("article_count", Integer, nullable=False, server_default="0",
           comment="articles with a member of it, kept by triggers on profile_members (store/triggers.py)"),
)
# The people list's order (``link.profiles.profiles``): most articles first, then by name, then id.
Index("ix_profiles_order", profiles.c.article_count.desc(), func.lower(profiles.c.name), profiles.c.id)

profile_members = Table(
    "profile_members",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("entity_id", Text, primary_key=True),
    Column("profile_id", Text, nullable=False),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
)
Index("ix_profile_members_profile", profile_members.c.profile_id)

profile_keys = Table(
    "profile_keys",
    metadata,
    Column("key", Text, nullable=False),
    Column("profile_id", Text, nullable=False),
    Column("touched", Integer, nullable=False, server_default="0", comment="member_claims.seq of its profile's latest member"),
    ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
)
# A key's profiles, the last to gain a member first: resolution reads a bounded number per key
# from the index alone (profile_id makes it covering).
Index("ix_profile_keys_recent", profile_keys.c.key, profile_keys.c.touched, profile_keys.c.profile_id)
# A profile's own keys: read and marked touched each time it gains a member (without it, both scanned
# every profile's keys, a cost per member growing with the corpus).
Index("ix_profile_keys_profile", profile_keys.c.profile_id, profile_keys.c.key)

profile_names = Table(
    "profile_names",
    metadata,
    Column("profile_id", Text, primary_key=True),
    Column("name", Text, primary_key=True, comment="one spelling as an article wrote it"),
    Column("articles", Integer, nullable=False, comment="how many of the profile's mentions use it"),
    Column("first_seen", Text, nullable=False, comment="ingested_at of the first article using it"),
    ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
)
# The profiles of a name as written: a person whose profile no blocking key reaches any more (too
# many namesakes of the key touched since) is still found by an exact spelling. Ordered within a
# spelling by how many of each profile's mentions use it, so resolution reads the few that use it
# most without sorting every namesake's (a bare surname is a spelling of a new profile each time
# it fits two: bench/scale.py, 3,726 articles: "Baski" of 347 profiles).
Index(
    "ix_profile_names_spelling",
    profile_names.c.name,
    profile_names.c.articles,
    profile_names.c.first_seen,
    profile_names.c.profile_id,
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("story_id", Text, nullable=False),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)
Index("ix_story_articles_story", story_articles.c.story_id)

story_terms = Table(
    "story_terms",
    metadata,
    Column("story_id", Text, primary_key=True),
    Column("term", Text, primary_key=True, comment="a folded place or organization name, or the dateline's"),
    Column("articles", Integer, nullable=False, comment="how many of the story's articles name it"),
)
Index("ix_story_terms_term", story_terms.c.term)

# Counters and summaries the linker reads instead of counting or re-reading rows that grow with
# the corpus (store/counters.py writes them; each is kept up to date by the writes it summarises).


def _counter_table(name: str, keys: tuple[Column, ...], counts: str, *more: Column) -> Table:
    """A counter table: its key columns and ``articles``, how many rows of ``counts`` it counts
    (and ``more`` columns kept with the count)."""
    return Table(name, metadata, *keys, Column("articles", Integer, nullable=False, comment=counts), *more)


lsh_bucket_sizes = _counter_table(
    "lsh_bucket_sizes",
    (Column("kind", Text, primary_key=True), Column("bucket", BigInteger, primary_key=True)),
    "band rows of lsh_buckets in this bucket",
)
story_sizes = _counter_table(
    "story_sizes",
    (Column("story_id", Text, primary_key=True),),
    "rows of story_articles in this story",
    Column("first_day", Text, comment="publication day (ISO) of its earliest dated article; null when none is dated"),
)
# The stories list's order (``link.stories.stories``): most articles first, then the earliest
# first day (undated last), then the id; a page of it is one index range.
UNDATED_STORY = "9999"  # sorts after every day, as the stories list puts undated stories last
# Written into the SQL, not bound: a query uses an index on an expression only when it repeats the
# expression exactly, and "coalesce(first_day, ?)" is not "coalesce(first_day, '9999')".
story_order = (
    story_sizes.c.articles.desc(),
    func.coalesce(story_sizes.c.first_day, literal_column(f"'{UNDATED_STORY}'")),
    story_sizes.c.story_id,
)
Index("ix_story_sizes_order", *story_order)
profile_stories = _counter_table(
    "profile_stories",
    (Column("profile_id", Text, primary_key=True), Column("story_id", Text, primary_key=True)),
    "members of the profile whose article is in the story",
)

member_claims = Table(
    "member_claims",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("entity_id", Text, primary_key=True),
    Column("profile_id", Text, nullable=False),
    Column("seq", Integer, nullable=False, comment="order of joining: a profile's latest members have the highest"),
    Column("published", Text),
    Column("claim", JSON, nullable=False, comment="the person's name, aliases, claim values, co-mentioned entities"),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
)
# A profile's latest members from the index alone (article_id and entity_id make it covering).
Index(
    "ix_member_claims_recent",
    member_claims.c.profile_id,
    member_claims.c.seq,
    member_claims.c.article_id,
    member_claims.c.entity_id,
)
Index("ix_member_claims_seq", member_claims.c.seq)


# How many stored pairs each verdict has, kept by triggers on links (store/triggers.py): the home
# page counts the copies without reading every pair.
pair_counts = Table(
    "pair_counts",
    metadata,
    Column("verdict", Text, primary_key=True),
    Column("pairs", Integer, nullable=False, comment="rows of links with this verdict"),
)

# Per site (of ``articles.site``; "" for articles without one), what the sites page shows, kept by
# triggers on story_articles (an article counts once linked into a story), articles, links and flags
# (store/triggers.py): the page reads one row per site, not every article.
site_counts = Table(
    "site_counts",
    metadata,
    Column("site", Text, primary_key=True),
    Column("articles", Integer, nullable=False, comment="articles of the site"),
    Column("copies", Integer, nullable=False, comment="of them, the copy of at least one pair with a copy verdict"),
    Column("spun", Integer, nullable=False, comment="of them, the copy of at least one spun pair"),
    Column("copy_flags", Integer, nullable=False, comment="integrity flags of its copies"),
)


# -- web sources (newstrace.ingest.fetch and .feeds; queries in store/fetches.py) ---------

fetches = Table(
    "fetches",
    metadata,
    Column("url", Text, nullable=False, comment="the URL as given (an article's source)"),
    Column("fetched_at", Text, nullable=False, comment="ISO 8601, UTC"),
    Column("final_url", Text, comment="after redirects (the article's url); null when nothing answered"),
    Column("status", Integer, comment="HTTP status of the final answer; null when none came"),
    Column("content_type", Text),
    Column("size", Integer, nullable=False, comment="bytes of the body after decompression"),
    Column("redirects", JSON, nullable=False, comment="URLs redirected through, in order"),
    Column("error", Text, comment="why no page came of it; null when one did"),
)
Index("ix_fetches_url", fetches.c.url)
Index("ix_fetches_final_url", fetches.c.final_url)

feeds = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text, comment="ETag of the last full answer, sent as If-None-Match"),
    Column("last_modified", Text, comment="Last-Modified of the last full answer, sent as If-Modified-Since"),
    Column("checked_at", Text, comment="ISO 8601, UTC"),
    Column("status", Integer, comment="HTTP status of the last check (304: unchanged)"),
    Column("error", Text, comment="why the last check failed; null when it did not"),
)

feed_entries = Table(
    "feed_entries",
    metadata,
    Column("link", Text, primary_key=True, comment="an entry's link: fetched once, whichever feed lists it"),
    Column("feed_url", Text, nullable=False, comment="the feed that listed it first"),
    Column("title", Text),
    Column("seen_at", Text, nullable=False, comment="ISO 8601, UTC"),
)
