"""Linking copies to their sources: which article is the copy, what is stored (only
verified pairs, no chaining), which source a copy traces to, and the provenance tree.

Most tests store bare analyses (no spaCy) and verify pairs with a stub that answers
from a table, so they pin the linker's own logic; the last one runs the real
pipeline and verifier on examples/.
"""

import random
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from newstrace.link import index
from newstrace.link.copies import worth_verifying, copies, link_article, trace
from newstrace.link.fingerprint import SKELETON, fingerprint
from newstrace.link.settings import DEFAULT_SETTINGS, LinkSettings
from newstrace.link.published import published_order
from newstrace.model import Analysis, Article, Comparison, Evidence, Flag, Link, article_id
from newstrace.store import Store
from newstrace.store.schema import fingerprints, links

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Our own fictional story: a wire report, its reprint, a spun copy, an independent report.
WIRE = (
    "Fire crews from Osterby fought a blaze at the Hallan grain terminal for 11 hours on Monday, "
    "the harbour authority said. Chief officer Maren Dahl said 64 firefighters and 9 engines were sent "
    "to the quay. Two dock workers, Ivo Lund and Per Sandvik, were treated at Osterby General Hospital. "
    "The owner, Nordgrain, said shipments would resume within a week."
)
SPUN = (
    "Firemen out of Osterby battled a fire at the Hallan grain station for 11 hrs on Monday, "
    "the port authority stated. Principal policeman Maren Dahl stated 64 fire fighters as well as 9 motors "
    "were dispatched to the wharf. 2 dock employees, Ivo Lund as well as Per Sandvik, got care at Osterby "
    "General Hospital. The proprietor, Nordgrain, claimed deliveries would return within a week. "
    "Let's get started."
)
INDEPENDENT = (
    "Smoke still hung over the Hallan terminal in Osterby on Tuesday, a day after Monday's fire. "
    "Maren Dahl, who led the 64 firefighters, said the belt had been inspected in May. Ivo Lund and "
    "Per Sandvik went home from Osterby General Hospital, and Nordgrain said the quay would reopen."
)
UNRELATED_STORY = (
    "The town council of Brekkestad voted 7 to 2 on Tuesday to close the old swimming hall on Fjordgata "
    "next spring. Councillor Sigrid Holm said repairs would cost 18 million crowns, more than a new hall "
    "in the school district. Residents collected 1,300 signatures against the plan."
)


class Verifier:
    """A stand-in for link.compare: verdicts from a table keyed by (copy, source) site."""

    def __init__(self, table: dict[tuple[str, str], tuple[str, float]]):
        self.table = table
        self.calls: list[tuple[str, str]] = []

    def __call__(self, copy: Analysis, source: Analysis) -> Comparison:
        key = (site(copy), site(source))
        self.calls.append(key)
        verdict, score = self.table.get(key, ("unrelated", 0.1))
        return Comparison(copy.article.id, source.article.id, verdict, score)


def site(analysis: Analysis) -> str:
    return analysis.article.url.split("/")[2].removesuffix(".example")


def make(name: str, text: str, published: str | None = None, junk: str | None = None) -> Analysis:
    url = f"https://{name}.example/story"
    aid = article_id(url, text)
    flags = ()
    if junk:
        start = text.index(junk)
        flags = (Flag("inserted", junk, "no verb of news prose", Evidence(aid, 0, start, start + len(junk))),)
    return Analysis(article=Article(id=aid, url=url, text=text, published=published), flags=flags)


@pytest.fixture
def store(database):
    """An empty store on each backend (SQLite, PostgreSQL)."""
    return Store(database)


def ingest(store: Store, verifier: Verifier, *analyses: Analysis) -> list[Link]:
    """Store and link each analysis in turn, as the pipeline does."""
    found = []
    for analysis in analyses:
        store.add(analysis)
        found += link_article(store, analysis, compare=verifier)
    return found


def pairs(rows: list[Link]) -> list[tuple[str, str, str]]:
    return [(row.copy_url.split("/")[2], row.source_url.split("/")[2], row.verdict) for row in rows]


@pytest.mark.parametrize(
    ("a", "b", "order"),
    [
        ("2024-11-10T18:40:00+01:00", "2024-11-14", -1),  # other days: the dates decide
        ("2024-11-14", "2024-11-14T15:45:00+01:00", -1),  # a bare date is the start of its day (UTC) ...
        ("2024-11-14", "2024-11-14T00:30:00+01:00", 1),  # ... so 00:30 at UTC+1 (the 13th in UTC) comes first
        ("2024-11-14", "2024-11-14", 0),
        ("2024-11-15T02:14:00+01:00", "2024-11-14T15:45:00+01:00", 1),
        ("2024-11-14T23:30:00-05:00", "2024-11-15T02:00:00+01:00", 1),  # instants, not local clocks
        ("2024-11-14T08:30:00Z", "2024-11-14T08:30:00", 0),  # no zone: UTC
        (None, "2024-11-14", 0),
        ("last Tuesday", "2024-11-14", 0),
    ],
)
def test_published_order(a, b, order):
    assert published_order(a, b) == order


def test_the_later_published_article_is_the_copy_whatever_the_ingest_order(store):
    verifier = Verifier({("reprint", "wire"): ("verbatim", 1.0)})
    reprint, wire = make("reprint", WIRE, "2024-11-15"), make("wire", WIRE, "2024-11-14")
    found = ingest(store, verifier, reprint, wire)
    assert verifier.calls == [("reprint", "wire")]
    assert found == [Link(reprint.article.id, wire.article.id, "verbatim", 1.0, direction="published")]


def test_without_dates_the_article_with_copy_only_junk_is_the_copy(store):
    verifier = Verifier({("spun", "wire"): ("spun", 0.7)})
    found = ingest(store, verifier, make("spun", SPUN, junk="Let's get started."), make("wire", WIRE))
    assert verifier.calls == [("spun", "wire")]
    assert [link.direction for link in found] == ["junk"]


def test_without_dates_or_junk_the_later_ingested_article_is_the_copy_and_the_direction_is_undecided(store):
    verifier = Verifier({("reprint", "wire"): ("verbatim", 1.0)})
    ingest(store, verifier, make("wire", WIRE), make("reprint", WIRE))
    assert verifier.calls == [("reprint", "wire")]
    (row,) = copies(store)
    assert (row.verdict, row.direction, row.to_dict()["direction"]) == ("verbatim", "undecided", "undecided")


def test_unrelated_pairs_are_not_stored_but_the_fingerprint_is(store):
    verifier = Verifier({})  # every candidate is unrelated
    assert ingest(store, verifier, make("wire", WIRE, "2024-11-14"), make("other", WIRE, "2024-11-15")) == []
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(links)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(fingerprints)).scalar_one() == 2
    assert copies(store) == []


def test_no_chaining_a_copy_of_a_copy_traces_to_the_source_it_has_evidence_for(store):
    # B edits A; C spins B, and the verifier finds no evidence that C copies A.
    verifier = Verifier({("b", "a"): ("edited", 0.9), ("c", "b"): ("spun", 0.6)})
    ingest(store, verifier, make("a", WIRE, "2024-11-14"), make("b", WIRE, "2024-11-15"), make("c", SPUN, "2024-11-16"))
    assert ("c", "a") in verifier.calls
    assert pairs(copies(store)) == [("b.example", "a.example", "edited"), ("c.example", "b.example", "spun")]
    tree = trace(store, make("c", SPUN, "2024-11-16").article.id)
    assert tree.root.url == "https://a.example/story"
    (child,) = tree.root.children
    assert (child.url, child.verdict, child.asked) == ("https://b.example/story", "edited", False)
    (grandchild,) = child.children
    assert (grandchild.url, grandchild.verdict, grandchild.asked) == ("https://c.example/story", "spun", True)


def test_a_copy_of_two_related_articles_traces_to_the_original(store):
    # As examples/03: the spun copy is close to the original and to its reprint.
    verifier = Verifier(
        {("reprint", "wire"): ("verbatim", 1.0), ("spun", "wire"): ("spun", 0.7), ("spun", "reprint"): ("spun", 0.7)}
    )
    wire = make("wire", WIRE, "2024-11-14")
    reprint = make("reprint", WIRE, "2024-11-14T15:45:00+01:00")
    spun = make("spun", SPUN, "2024-11-15T02:14:00+01:00")
    found = ingest(store, verifier, wire, reprint, spun)
    assert len(found) == 3  # all three pairs are stored, each on its own evidence
    assert pairs(copies(store)) == [
        ("reprint.example", "wire.example", "verbatim"),
        ("spun.example", "wire.example", "spun"),
    ]


def test_same_story_pairs_of_a_copy_are_carried_by_its_source(store):
    verifier = Verifier(
        {
            ("reprint", "wire"): ("verbatim", 1.0),
            ("independent", "wire"): ("same_story", 0.4),
            ("independent", "reprint"): ("same_story", 0.4),
        }
    )
    wire, reprint = make("wire", WIRE, "2024-11-14"), make("reprint", WIRE, "2024-11-14T15:45:00+01:00")
    independent = make("independent", INDEPENDENT, "2024-11-15")
    ingest(store, verifier, wire, reprint, independent)
    rows = copies(store)
    assert pairs(rows) == [
        ("reprint.example", "wire.example", "verbatim"),
        ("independent.example", "wire.example", "same_story"),
    ]
    assert rows[1].to_dict() == {
        "copy": "https://independent.example/story",
        "source": "https://wire.example/story",
        "verdict": "same_story",
        "score": 0.4,
        "direction": "published",
        "copy_id": independent.article.id,
        "source_id": wire.article.id,
    }
    tree = trace(store, reprint.article.id).to_dict()
    assert tree["root"]["url"] == "https://wire.example/story" and tree["root"]["verdict"] is None
    assert [(c["url"], c["verdict"], c["asked"]) for c in tree["root"]["children"]] == [
        ("https://reprint.example/story", "verbatim", True)
    ]
    assert [(n["url"], n["verdict"], n["score"]) for n in tree["same_story"]] == [
        ("https://independent.example/story", "same_story", 0.4)
    ]


def test_an_article_related_to_nothing_is_a_tree_of_one(store):
    lone = make("lone", WIRE)
    ingest(store, Verifier({}), lone)
    tree = trace(store, lone.article.id)
    assert (tree.root.article, tree.root.asked, tree.root.children, tree.same_story) == (lone.article.id, True, (), ())


def test_linking_an_article_again_replaces_its_pairs(store):
    verifier = Verifier({("reprint", "wire"): ("verbatim", 1.0)})
    wire, reprint = make("wire", WIRE, "2024-11-14"), make("reprint", WIRE, "2024-11-15")
    ingest(store, verifier, wire, reprint)
    link_article(store, wire, compare=verifier)
    assert pairs(copies(store)) == [("reprint.example", "wire.example", "verbatim")]
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(fingerprints)).scalar_one() == 2


def test_direction_and_tracing_follow_one_rule_of_earlier(store):
    # A bare date is the start of its day: before an article of that day with a time,
    # both when linking decides which article of a pair is the copy and when tracing
    # chooses among a copy's sources.
    verifier = Verifier({("c", "timed"): ("spun", 0.6), ("c", "bare"): ("spun", 0.6)})
    timed, bare = make("timed", WIRE, "2024-11-14T09:00:00Z"), make("bare", WIRE, "2024-11-14")
    ingest(store, verifier, timed, bare, make("c", SPUN, "2024-11-15"))
    assert ("timed", "bare") in verifier.calls  # bare was ingested later, and is still the earlier
    assert pairs(copies(store)) == [("c.example", "bare.example", "spun")]


def reprints(count: int) -> list[Analysis]:
    """Verbatim reprints of the wire story, each a minute later than the one before."""
    return [make(f"reprint{n:02d}", WIRE, f"2024-11-15T{10 + n // 60:02d}:{n % 60:02d}:00Z") for n in range(count)]


def verbatim_story(wire: Analysis, copies_of_it: list[Analysis]) -> Verifier:
    """Every later article of the story is a verbatim copy of every earlier one."""
    story = [wire, *copies_of_it]
    return Verifier({(site(a), site(b)): ("verbatim", 1.0) for i, a in enumerate(story) for b in story[:i]})


@pytest.mark.parametrize(
    ("count", "order"), [(30, "latest first"), (3 * DEFAULT_SETTINGS.candidate_limit, "latest first"), (30, "shuffled")]
)
def test_an_original_ingested_after_its_reprints_is_the_source_of_every_one(store, count, order):
    # The reprints tie in the index (they share every band), so the original's candidates
    # are only DEFAULT_SETTINGS.candidate_limit of them; the others are reached through their stored pairs.
    wire, copied = make("wire", WIRE, "2024-11-14"), reprints(count)
    verifier = verbatim_story(wire, copied)
    arrival = copied[::-1] if order == "latest first" else random.Random(4).sample(copied, count)
    ingest(store, verifier, *arrival)
    verifier.calls.clear()
    ingest(store, verifier, wire)
    # each pair verified once, on its own
    assert sorted(verifier.calls) == [(site(copy), "wire") for copy in copied]
    assert len(verifier.calls) <= DEFAULT_SETTINGS.candidate_limit + DEFAULT_SETTINGS.expansion_limit
    assert {(row.source_url, row.verdict) for row in copies(store)} == {("https://wire.example/story", "verbatim")}
    assert len(copies(store)) == count


def test_a_late_reprint_is_verified_against_the_original_first(store):
    wire, copied = make("wire", WIRE, "2024-11-14"), reprints(3 * DEFAULT_SETTINGS.candidate_limit)
    verifier = verbatim_story(wire, copied)
    ingest(store, verifier, *copied[:-1], wire)
    verifier.calls.clear()
    ingest(store, verifier, copied[-1])
    assert verifier.calls[0] == (site(copied[-1]), "wire")  # candidates that tie: earliest published first
    assert copies(store)[-1].source_url == "https://wire.example/story"


def snapshot(store: Store) -> list[tuple]:
    with store.engine.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(select(links)))


def test_linking_every_article_again_stores_the_same_pairs(store):
    wire, copied = make("wire", WIRE, "2024-11-14"), reprints(30)
    spun, independent = make("spun", SPUN, "2024-11-16"), make("independent", INDEPENDENT, "2024-11-16")
    verifier = verbatim_story(wire, copied)
    verifier.table |= {("spun", site(a)): ("spun", 0.6) for a in (wire, *copied)}
    verifier.table |= {("independent", site(a)): ("same_story", 0.4) for a in (wire, *copied)}
    ingest(store, verifier, *copied[::-1], wire, spun, independent)
    rows = {(row.copy_url.split("/")[2], row.source_url.split("/")[2], row.verdict) for row in copies(store)}
    assert rows == {
        *((f"{site(copy)}.example", "wire.example", "verbatim") for copy in copied),
        ("spun.example", "wire.example", "spun"),
        ("independent.example", "wire.example", "same_story"),
    }
    before = snapshot(store)
    for analysis in (wire, spun, *copied, independent):
        link_article(store, analysis, compare=verifier)
        assert snapshot(store) == before


def statements(store: Store) -> list[str]:
    """Every SQL statement the store runs from now on, with its parameters."""
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: seen.append(f"{args[2]} {args[3]}"))
    return seen


def test_the_candidates_of_a_new_article_are_read_together(store):
    # Without a cache (or past it) each candidate's analysis is read from the store: in one
    # statement per table for all of them, not a dozen statements per candidate; and only the
    # tables comparing reads (Store.compared_analyses: quotes, not mentions).
    earlier = reprints(12)
    ingest(store, Verifier({}), *earlier)
    seen = statements(store)
    latest = make("latest", WIRE, "2024-11-16")
    store.add(latest)
    link_article(store, latest, compare=(verifier := Verifier({})))
    assert len(verifier.calls) == 12
    assert len([s for s in seen if "FROM quotes" in s]) == 1
    assert not [s for s in seen if "FROM mentions" in s or "FROM events" in s]


def test_candidates_read_for_comparing_are_kept_apart_from_whole_analyses(store):
    # A Linker's whole analyses (caches.analyses) serve people resolution too: what the copy
    # linker read of a candidate for comparing goes to caches.compared, and a whole analysis
    # kept already is compared as it is, not read again.
    from newstrace.link.memo import Caches

    earlier = reprints(3)
    ingest(store, Verifier({}), *earlier)
    caches = Caches(analyses=8, claims=8, readings=8)
    caches.analyses.put(earlier[0].article.id, earlier[0])
    seen = statements(store)
    latest = make("latest", WIRE, "2024-11-16")
    store.add(latest)
    link_article(store, latest, compare=(verifier := Verifier({})), caches=caches)
    assert len(verifier.calls) == 3
    assert caches.compared.get(earlier[0].article.id) is None
    assert [caches.compared.get(a.article.id) for a in earlier[1:]] == earlier[1:]
    assert [caches.analyses.get(a.article.id) for a in earlier[1:]] == [None, None]
    assert len([s for s in seen if "FROM quotes" in s]) == 1
    seen.clear()
    link_article(store, latest, compare=verifier, caches=caches)
    assert not [s for s in seen if "FROM quotes" in s]  # every candidate kept


def test_trace_reads_only_the_story_of_the_article_and_no_texts(store):
    verifier = Verifier(
        {("reprint", "wire"): ("verbatim", 1.0), ("independent", "wire"): ("same_story", 0.4),
         ("pool-copy", "pool"): ("edited", 0.9)}
    )
    wire, reprint = make("wire", WIRE, "2024-11-14"), make("reprint", WIRE, "2024-11-15")
    independent = make("independent", INDEPENDENT, "2024-11-16")
    pool, pool_copy = make("pool", UNRELATED_STORY, "2024-11-14"), make("pool-copy", UNRELATED_STORY, "2024-11-15")
    ingest(store, verifier, wire, pool, reprint, pool_copy, independent)
    seen = statements(store)
    tree = trace(store, reprint.article.id)
    assert (tree.root.url, [c.url for c in tree.root.children], [n.url for n in tree.same_story]) == (
        "https://wire.example/story", ["https://reprint.example/story"], ["https://independent.example/story"]
    )
    assert seen and all("WHERE" in sql and "articles.text" not in sql for sql in seen)
    assert not any(pool.article.id in sql or pool_copy.article.id in sql for sql in seen)
    seen.clear()
    assert len(copies(store)) == 3
    assert seen and not any("articles.text" in sql for sql in seen)


def test_trace_walks_at_most_trace_limit_articles(store):
    # a chain of edits, each verified only against the one before it
    chain = [make(f"e{n}", WIRE, f"2024-11-1{n}") for n in range(5)]
    verifier = Verifier({(site(b), site(a)): ("edited", 0.9) for a, b in zip(chain, chain[1:])})
    ingest(store, verifier, *chain)
    assert len(copies(store)) == 4
    tree, depth = trace(store, chain[0].article.id, LinkSettings(trace_limit=3)).root, 1
    while tree.children:
        (tree,), depth = tree.children, depth + 1
    assert (depth, tree.url) == (3, "https://e2.example/story")


# examples/README.md: the story told seven ways (the feed holds two wire items).
EXAMPLE_URLS = {
    "01": "https://www.dailyledger.example/world/2024/11/14/brigade-frees-three-vestra-captives",
    "02": "https://www.valleynewsnow.example/2024/11/brigade-frees-three-vestra-captives.html",
    "03": "https://worldnewsdigest24.blogspot.example/2024/11/brigade-releases-three-vestra-hostages.html",
    "04": "https://www.kestrinherald.example/news/2024/11/15/freed-engineer-recalls-brigade-cellar",
    "05": "https://www.dailyledger.example/world/2024/12/03/vestra-teenager-freed",
    "06": "https://www.harbourgazette.example/city/2024/11/13/council-approves-budget",
    "07": "https://www.observadorcontinental.example/internacional/2024/11/14/brigada-libera-tres-rehenes-vestra",
    "feed1": "https://www.continentalwire.example/2024/11/10/brigade-frees-estavian-engineer",
    "feed2": "https://www.continentalwire.example/2024/11/12/brigade-frees-nurse-and-mother",
}


def test_examples_end_to_end(nlp, tmp_path):
    from newstrace.pipeline import ingest as ingest_paths

    store = Store(tmp_path / "x.db")
    ingest_paths([EXAMPLES], store, nlp=nlp)
    key = {url: name for name, url in EXAMPLE_URLS.items()}
    found = {(key[row.copy_url], key[row.source_url]): row.verdict for row in copies(store)}
    assert found == {
        ("02", "01"): "verbatim",
        ("03", "01"): "spun",  # 03 is close to 02 and 07 too, but both copy 01
        ("07", "01"): "translated",
        # same_story: the later article is the copy; the feed items came first
        ("01", "feed1"): "same_story",
        ("01", "feed2"): "same_story",
        ("feed2", "feed1"): "same_story",
        ("04", "01"): "same_story",
        ("04", "feed1"): "same_story",
        ("04", "feed2"): "same_story",
        ("05", "01"): "same_story",
        ("05", "04"): "same_story",
        ("05", "feed1"): "same_story",
        ("05", "feed2"): "same_story",
    }
    tree = trace(store, store.find(EXAMPLE_URLS["03"]))
    assert key[tree.root.url] == "01"
    assert [(key[c.url], c.verdict, c.asked) for c in tree.root.children] == [
        ("02", "verbatim", False),
        ("07", "translated", False),
        ("03", "spun", True),
    ]
    assert [key[n.url] for n in tree.same_story] == ["feed1", "feed2", "04", "05"]


def test_sketches_of_another_version_are_made_again_before_linking(store):
    from newstrace.link import Linker
    from newstrace.link.copies import refresh_fingerprints
    from newstrace.link.fingerprint import SKETCH_VERSION
    from newstrace.store.schema import lsh_buckets

    verifier = Verifier({("spun", "wire"): ("spun", 0.8)})
    ingest(store, verifier, make("wire", WIRE, "2024-11-10"))
    store.set_meta_value("sketch_version", "0")  # as if an older newstrace had sketched it
    with store.engine.begin() as conn:
        conn.execute(lsh_buckets.delete())  # ... into buckets this version never looks up
    Linker(store).link_pending()
    assert store.meta_value("sketch_version") == SKETCH_VERSION
    found = ingest(store, verifier, make("spun", SPUN, "2024-11-12"))
    assert pairs(copies(store)) == [("spun.example", "wire.example", "spun")] and found
    assert refresh_fingerprints(store) == 0  # once the version matches, nothing is redone


def test_two_linkers_on_two_stores_share_no_cache(tmp_path):
    from newstrace.link import Linker

    first, second = Store(tmp_path / "one.db"), Store(tmp_path / "two.db")
    wire, reprint = make("wire", WIRE, "2024-11-14"), make("reprint", WIRE, "2024-11-15")
    for store in (first, second):
        store.add(wire)
    first.add(reprint)
    one, two = Linker(first), Linker(second)
    one.update(wire)
    one.update(reprint)
    assert one.caches.analyses.get(wire.article.id) == wire  # verified against it: kept by its Linker
    assert two.caches.analyses.get(wire.article.id) is None
    assert [(link.copy, link.source) for link in one.copies()] == [(reprint.article.id, wire.article.id)]
    assert two.copies() == []


@pytest.mark.parametrize("story_verifications, verified", [(0, [("reprint", "wire")]), (1, [("reprint", "wire"), ("reprint", "independent")])])
def test_a_copy_is_verified_against_its_source_whatever_the_budget_for_other_reports(store, story_verifications, verified):
    # The reprint shares runs of words (shingle bands) with the wire only; the independent report
    # shares its names and numbers. Other reports are verified within max_story_verifications.
    verifier = Verifier({("reprint", "wire"): ("verbatim", 1.0), ("independent", "wire"): ("same_story", 0.4)})
    wire, independent = make("wire", WIRE, "2024-11-14"), make("independent", INDEPENDENT, "2024-11-15")
    reprint = make("reprint", WIRE + " Nordgrain declined to comment.", "2024-11-16")
    ingest(store, verifier, wire, independent)
    verifier.calls.clear()
    store.add(reprint)
    link_article(store, reprint, compare=verifier, settings=LinkSettings(max_story_verifications=story_verifications))
    assert verifier.calls == verified
    assert ("reprint.example", "wire.example", "verbatim") in pairs(copies(store))


def test_the_verification_budget_keeps_the_best_ranked_reports_and_every_shared_text():
    ranked = [
        ("reprint", {"shingles": 30, "skeleton": 60}),
        ("report-a", {"shingles": 0, "skeleton": 40}),
        ("report-b", {"skeleton": 20}),
        ("late-copy", {"shingles": 2, "skeleton": 5}),
        ("report-c", {"shingles": 0, "skeleton": 3}),
    ]
    assert worth_verifying(ranked, 1) == ["reprint", "report-a", "late-copy"]
    assert worth_verifying(ranked, 0) == ["reprint", "late-copy"]
    assert worth_verifying(ranked, 5) == [article_id for article_id, _shared in ranked]


@pytest.mark.parametrize("most, verified", [(3, ["rare"]), (4, ["topic0", "topic1", "topic2", "topic3", "rare"])])
def test_a_candidate_whose_only_evidence_is_a_full_names_bucket_is_not_verified(store, most, verified):
    # Four stored articles share one names-and-numbers bucket with the new one (a name of the
    # topic), one other article another bucket. Only buckets holding at most `most` count alone.
    new = make("new", WIRE, "2024-11-16")
    keys = index.band_keys(SKELETON, fingerprint(new.article))
    for n, name in enumerate(["topic0", "topic1", "topic2", "topic3"]):
        other = make(name, f"{UNRELATED_STORY} Item {n}.", f"2024-11-1{n}")
        store.add(other)
        store.index_bands(other.article.id, [(SKELETON, 0, keys[0])])
    rare = make("rare", UNRELATED_STORY, "2024-11-15")
    store.add(rare)
    store.index_bands(rare.article.id, [(SKELETON, 5, keys[5])])
    store.add(new)
    verifier = Verifier({})
    link_article(store, new, compare=verifier, settings=LinkSettings(single_band_max_articles=most))
    assert verifier.calls == [("new", name) for name in verified]


@pytest.mark.parametrize("published, verified", [("2024-11-10", True), ("2024-03-01", True), ("2023-10-01", False), (None, True)])
def test_a_candidate_sharing_one_names_bucket_is_verified_only_within_a_year(store, published, verified):
    # Days or months apart it may be another report or a follow-up of the story; over a year apart,
    # sharing one name, it is the same topic (single_band_max_days). Undated: it is verified.
    new = make("new", WIRE, "2024-11-16")
    keys = index.band_keys(SKELETON, fingerprint(new.article))
    other = make("other", UNRELATED_STORY, published)
    store.add(other)
    store.index_bands(other.article.id, [(SKELETON, 2, keys[2])])
    store.add(new)
    verifier = Verifier({})
    link_article(store, new, compare=verifier)
    assert [sorted(call) for call in verifier.calls] == ([["new", "other"]] if verified else [])  # undated: either may be the copy
