"""Fingerprints and the candidate index: which copies each sketch survives, and an index
kept in the database that grows by inserts and answers with an indexed lookup."""

import pytest
from datasketch import MinHashLSH
from newstrace.link import index
from newstrace.link.fingerprint import SHINGLES, SKELETON, Fingerprint, fingerprint, indexed_names, shingles
from newstrace.model import Analysis, Article, article_id
from newstrace.store import Store
from newstrace.store.lsh import lookup_query, oversized_query
from newstrace.store.schema import lsh_bucket_sizes, lsh_buckets
from sqlalchemy import func, select

# Our own fictional texts: an original, a lightly edited reprint, a synonym-spun copy and
# an unrelated story.
ORIGINAL = (
    "Fire crews from Osterby fought a blaze at the Hallan grain terminal for 11 hours on Monday, "
    "the harbour authority said. Chief officer Maren Dahl said 64 firefighters and 9 engines were sent "
    "to the quay after a conveyor belt caught fire shortly after 6 a.m. Two dock workers, Ivo Lund and "
    "Per Sandvik, were treated for smoke inhalation at Osterby General Hospital. The terminal handles "
    "about 2.4 million tonnes of wheat a year, and its owner, Nordgrain, said shipments would resume "
    "within a week. Dahl said the cause of the fire was not yet known."
)
EDITED = (
    "Fire crews from Osterby fought a blaze at the Hallan grain terminal for 11 hours on Monday, "
    "the port authority said. Chief officer Maren Dahl said 64 firefighters and 9 engines were sent "
    "to the quay after a conveyor belt caught fire shortly after 6 a.m. Two dock workers, Ivo Lund and "
    "Per Sandvik, were treated for smoke inhalation at Osterby General Hospital. The terminal handles "
    "about 2.4 million tonnes of wheat a year, and its owner, Nordgrain, said shipments would restart "
    "within a week."
)
SPUN = (
    "Firemen out of Osterby battled a fire at the Hallan grain station for 11 hrs on Monday, "
    "the port authority stated. Principal policeman Maren Dahl stated 64 fire fighters as well as 9 motors "
    "were dispatched to the wharf after a conveyor belt ignited soon after 6 a.m. 2 dock employees, Ivo "
    "Lund as well as Per Sandvik, got care for smoke breathing at Osterby General Hospital. The station "
    "manages around 2.4 million tonnes of grain each year, as well as its proprietor, Nordgrain, claimed "
    "deliveries would return within a week. Dahl stated the reason for the fire was not yet understood."
)
UNRELATED = (
    "The town council of Brekkestad voted 7 to 2 on Tuesday to close the old swimming hall on Fjordgata "
    "next spring. Councillor Sigrid Holm said repairs would cost 18 million crowns, more than a new hall "
    "in the school district. Residents collected 1,300 signatures against the plan."
)


def article(text: str, url: str) -> Article:
    return Article(id=article_id(url, text), url=url, text=text)


def fp_of(text: str) -> Fingerprint:
    return fingerprint(article(text, "https://example.org/a"))


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "index.db")


def add(store: Store, aid: str, fp: Fingerprint, published: str | None = None) -> int:
    """Index ``fp`` as the article ``aid`` (stored first: the index reads its publication date)."""
    if not store.has(aid):
        store.add(Analysis(Article(id=aid, url=f"https://{aid}.example/", text=ORIGINAL, published=published)))
    return index.add(store, aid, fp)


def test_shingles_are_runs_of_three_folded_words():
    assert shingles("Wójcik met Ana in Vestra.") == {"wojcik met ana", "met ana in", "ana in vestra"}


def test_a_text_shorter_than_a_shingle_is_one_shingle_and_an_empty_one_none():
    assert shingles("Hello, Vestra") == {"hello vestra"}
    assert shingles(" .. ") == set()


def test_fingerprint_keeps_the_names_and_numbers_in_order():
    fp = fp_of(UNRELATED)
    # "The", "Councillor" and "Residents" only ever open a sentence: not names
    assert fp.skeleton == ("brekkestad", "7", "2", "tuesday", "fjordgata", "sigrid", "holm", "18", "1300")
    # the sketch leaves out the weekday and the numbers under 100
    assert fp.size(SKELETON) == len({"brekkestad", "fjordgata", "sigrid", "holm", "1300"})
    assert fp.size(SHINGLES) == len(shingles(UNRELATED))


def test_the_skeleton_sketch_leaves_out_tokens_every_kind_of_article_holds():
    names = (
        "mr", "varga", "varga's", "the", "i", "a", "monday", "nov", "december", "2024", "1987", "31", "0",
        "lord", "dr", "hollis", "1200", "2.5", "2150", "vestra", "o'neill",
    )
    # titles, function and calendar words, initials, years, numbers under 100 go; a possessive is its name
    assert indexed_names(names) == {"varga", "hollis", "1200", "2.5", "2150", "vestra", "o'neill"}


def test_fingerprint_is_deterministic_and_round_trips_through_its_row():
    first, second = fp_of(ORIGINAL), fp_of(ORIGINAL)
    assert first == second
    row = first.to_row()
    assert isinstance(row["signature"], bytes) and isinstance(row["skeleton_signature"], bytes)
    assert Fingerprint.from_row(row) == first


def test_word_shingles_survive_editing_and_the_skeleton_survives_spinning():
    original = fp_of(ORIGINAL)
    edited, spun, unrelated = (original.similarity(fp_of(text)) for text in (EDITED, SPUN, UNRELATED))
    shingle_target, skeleton_target = index.THRESHOLDS[SHINGLES][0], index.THRESHOLDS[SKELETON][0]
    assert edited[SHINGLES] > 0.7
    assert spun[SHINGLES] < shingle_target  # the spinner broke most runs of words ...
    assert spun[SKELETON] > 0.8  # ... but kept the names and numbers
    assert unrelated[SHINGLES] < 0.05 and unrelated[SKELETON] < skeleton_target


def test_lsh_params_agree_with_datasketch():
    for threshold, miss_weight in ((0.5, 0.5), (0.3, 0.7), (0.8, 0.5)):
        reference = MinHashLSH(threshold=threshold, num_perm=128, weights=(1 - miss_weight, miss_weight))
        assert index.lsh_params(threshold, miss_weight) == (reference.b, reference.r)


def test_index_finds_edited_and_spun_copies_and_not_an_unrelated_article(store):
    add(store, "original", fp_of(ORIGINAL))
    add(store, "unrelated", fp_of(UNRELATED))
    assert index.candidates(store, fp_of(EDITED), limit=10) == ["original"]
    assert index.candidates(store, fp_of(SPUN), limit=10) == ["original"]


def test_candidates_rank_by_shared_bands_and_stop_at_the_limit(store):
    add(store, "spun", fp_of(SPUN))
    add(store, "edited", fp_of(EDITED))
    assert index.candidates(store, fp_of(ORIGINAL), limit=10) == ["edited", "spun"]
    assert index.candidates(store, fp_of(ORIGINAL), limit=1) == ["edited"]


def test_candidates_that_share_as_many_bands_come_earliest_published_first(store):
    # verbatim copies share every band: the one published first (the likely source) leads, undated ones last
    for aid, published in (("a-undated", None), ("b-later", "2024-11-15T09:00:00+01:00"), ("c-first", "2024-11-14")):
        add(store, aid, fp_of(ORIGINAL), published)
    add(store, "edited", fp_of(EDITED))
    assert index.candidates(store, fp_of(ORIGINAL), limit=10) == ["c-first", "b-later", "a-undated", "edited"]
    assert index.candidates(store, fp_of(ORIGINAL), limit=1) == ["c-first"]


def test_adding_an_article_only_inserts_its_own_rows(store):
    bands = sum(index.lsh_params(*index.THRESHOLDS[kind])[0] for kind in (SHINGLES, SKELETON))
    words = len(fp_of(ORIGINAL).words) + 1  # its word postings across scripts, and its side's page count's
    assert add(store, "original", fp_of(ORIGINAL)) == bands + words
    before = store.band_rows("original")
    assert index.candidates(store, fp_of(EDITED), limit=10) == ["original"]  # found before it is added
    add(store, "edited", fp_of(EDITED))
    assert store.band_rows("original") == before  # nothing rebuilt
    # a later query finds both; the article added second is found by a query for the first
    assert set(index.candidates(store, fp_of(SPUN), limit=10)) == {"edited", "original"}
    assert "edited" in index.candidates(store, fp_of(ORIGINAL), limit=10)


def test_sets_too_small_to_sketch_are_not_indexed(store):
    assert add(store, "tiny", fp_of("Oslo.")) == 0
    assert index.candidates(store, fp_of("Oslo."), limit=10) == []


def test_the_lookup_is_an_index_search_not_a_scan(store):
    with store.engine.connect() as conn:  # the plans SQLite makes for the store's lookups
        keys = {kind: index.band_keys(kind, fp_of(ORIGINAL)) for kind in (SHINGLES, SKELETON)}
        statement = lookup_query((SHINGLES, SKELETON)).params(**keys, limit=20).compile(
            conn, compile_kwargs={"literal_binds": True, "render_postcompile": True}
        )
        plan = " | ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}"))
        assert "SEARCH lsh_buckets USING COVERING INDEX ix_lsh_buckets_lookup (kind=? AND bucket=?)" in plan
        assert "SCAN lsh_buckets" not in plan


def test_finding_the_oversized_buckets_is_an_index_search_not_a_scan(store):
    with store.engine.connect() as conn:  # the plans SQLite makes for the store's lookups
        keys = index.band_keys(SKELETON, fp_of(ORIGINAL))
        statement = oversized_query().params(keys=keys, kind=SKELETON, most=100).compile(
            conn, compile_kwargs={"literal_binds": True, "render_postcompile": True}
        )
        steps = [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}")]
        assert [step for step in steps if "lsh_bucket_sizes" in step] == [
            "SEARCH lsh_bucket_sizes USING INDEX sqlite_autoindex_lsh_bucket_sizes_1 (kind=? AND bucket=?)"
        ]
        assert not any("lsh_buckets " in f"{step} " for step in steps)  # the band rows are not read


def test_bucket_sizes_count_the_band_rows_as_articles_come_and_go(store):
    add(store, "original", fp_of(ORIGINAL))
    add(store, "edited", fp_of(EDITED))
    index.remove(store, "original")
    with store.engine.connect() as conn:
        counted = dict(conn.execute(select(lsh_buckets.c.bucket, func.count()).group_by(lsh_buckets.c.bucket)).all())
        kept = dict(conn.execute(select(lsh_bucket_sizes.c.bucket, lsh_bucket_sizes.c.articles)).all())
    assert counted and {bucket: n for bucket, n in kept.items() if n} == counted


def test_remove_takes_an_article_out_of_the_index(store):
    add(store, "original", fp_of(ORIGINAL))
    index.remove(store, "original")
    assert index.candidates(store, fp_of(EDITED), limit=10) == []


def _names_only(lead: str) -> str:
    # The same names and numbers between words no other text shares: only skeleton bands can match.
    names = ("Varga", "Hollis", "Vestra", "Kestrin", "Brennick", "Orlov", "1200")
    return lead + " " + " ".join(f"{name} {lead}{n}" for n, name in enumerate(names)) + "."


def test_a_skeleton_bucket_holding_too_many_articles_is_skipped(store):
    most = {SKELETON: 2}
    query = fp_of(_names_only("zulu"))
    add(store, "alpha", fp_of(_names_only("alpha")))
    add(store, "bravo", fp_of(_names_only("bravo")))
    assert sorted(index.candidates(store, query, limit=10, most=most)) == ["alpha", "bravo"]
    # a third article in the same buckets: they now hold more than 2, no evidence of a story
    add(store, "charlie", fp_of(_names_only("charlie")))
    assert index.lookup_keys(store, query, most)[SKELETON] == []
    assert index.candidates(store, query, limit=10, most=most) == []
    # removing an article makes the buckets small enough again
    index.remove(store, "charlie")
    assert sorted(index.candidates(store, query, limit=10, most=most)) == ["alpha", "bravo"]


def test_word_shingle_buckets_are_never_skipped(store):
    # a story reprinted more often than the skeleton cap still finds its reprints
    most = {SKELETON: 2}
    for aid in ("r1", "r2", "r3", "r4"):
        add(store, aid, fp_of(ORIGINAL))
    assert index.lookup_keys(store, fp_of(ORIGINAL), most)[SKELETON] == []
    assert sorted(index.candidates(store, fp_of(ORIGINAL), limit=10, most=most)) == ["r1", "r2", "r3", "r4"]


def _index_rows(store: Store, aid: str, rows: list[tuple[str, int, int]]) -> None:
    """Index the article ``aid`` under exactly these (kind, band, bucket) rows."""
    if not store.has(aid):
        store.add(Analysis(Article(id=aid, url=f"https://{aid}.example/", text=ORIGINAL)))
    store.index_bands(aid, rows)


def test_a_candidate_sharing_one_names_bucket_is_weighed_by_how_many_articles_that_bucket_holds(store):
    query = fp_of(_names_only("zulu"))
    keys = index.band_keys(SKELETON, query)
    for n in range(5):  # five articles name what the query's first band holds: a topic
        _index_rows(store, f"topic{n}", [(SKELETON, 0, keys[0])])
    _index_rows(store, "rare", [(SKELETON, 7, keys[7])])  # one other article shares its eighth
    _index_rows(store, "story", [(SKELETON, 0, keys[0]), (SKELETON, 3, keys[3])])  # two bands: not single
    ranked = index.candidate_bands(store, query, limit=10)
    assert index.single_band_sizes(store, query, ranked) == {**{f"topic{n}": 6 for n in range(5)}, "rare": 1}
    assert ranked[0][0] == "story" and ranked[0][1][SKELETON] == 2
