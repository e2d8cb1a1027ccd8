"""Parallel ingest (issue 16): work in processes, results in input order, the same database.

``workers.in_order`` is checked on small picklable functions (no model); then an ingest of the
bundled examples and our fixtures with ``workers=2`` must leave a database identical to a
one-process run: the same rows in every table (articles, facts, links, profiles, stories),
wall-clock columns aside.
"""

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from newstrace import nlp as nlp_module
from newstrace import pipeline, workers
from newstrace.ingest import read_documents
from newstrace.link import copies
from newstrace.link.fingerprint import fingerprint
from newstrace.model import Analysis
from newstrace.store import Store
from newstrace.store.schema import metadata

ROOT = Path(__file__).resolve().parents[1]
# Columns that hold the time a row was written: they differ between any two runs.
WALL_CLOCK_COLUMNS = frozenset({"ingested_at", "first_seen", "fetched_at", "checked_at", "seen_at"})


def squares(numbers: list[int]) -> list[int]:
    return [n * n for n in numbers]


def squares_failing_on_13(numbers: list[int]) -> list[int]:
    if 13 in numbers:
        raise ValueError("13 is bad input")
    return squares(numbers)


def squares_dying_on_13(numbers: list[int]) -> list[int]:
    if 13 in numbers:
        os._exit(3)  # the process dies as on a crash in native code: no exception to catch
    return squares(numbers)


def squares_dying_on_13_and_18(numbers: list[int]) -> list[int]:
    if 18 in numbers:
        os._exit(3)
    return squares_dying_on_13(numbers)


# The real chunk analysis, taken before a test patches ``pipeline.analyze_chunk``.
ANALYZE_CHUNK = pipeline.analyze_chunk
KILLER = "Zorbin Quell"  # a name no other test article holds


def analyze_dying_on_killer(documents, limits, db):
    """``pipeline.analyze_chunk``, but the process dies (no exception) when one document names KILLER."""
    if any(KILLER in document.content.decode() for document in documents):
        os._exit(3)
    return ANALYZE_CHUNK(documents, limits, db)


def failed(item: int, error: BaseException) -> str:
    return f"{item}: {error.__class__.__name__}"


def models_loaded(items: list[int]) -> list[int]:
    """For each item, how many models ``nlp.load`` holds in the worker."""
    return [nlp_module.load.cache_info().currsize for _ in items]


def test_workers_start_with_the_model_the_forkserver_loaded_once(nlp):
    # No initializer: a worker holds the model only because it forked from a server that loaded it.
    assert list(workers.in_order(models_loaded, range(6), 2, on_error=failed, chunk_size=2)) == [1] * 6


def test_results_come_back_in_input_order_across_chunks_and_processes():
    results = list(workers.in_order(squares, range(50), 2, on_error=failed, chunk_size=3))
    assert results == [n * n for n in range(50)]


def test_a_chunk_whose_work_raises_fails_alone_and_the_rest_come_back():
    results = list(workers.in_order(squares_failing_on_13, range(20), 2, on_error=failed, chunk_size=4))
    assert results == [n * n for n in range(12)] + [f"{n}: ValueError" for n in range(12, 16)] + [
        n * n for n in range(16, 20)
    ]


def test_only_the_item_that_kills_its_process_is_lost_and_every_other_comes_back():
    # 13 kills the process of its chunk (12-15) and takes the chunk in flight beside it along:
    # both run again alone, the dying one by halves down to 13.
    results = list(workers.in_order(squares_dying_on_13, range(30), 2, on_error=failed, chunk_size=4))
    assert results == [n * n for n in range(13)] + ["13: BrokenProcessPool"] + [n * n for n in range(14, 30)]


def test_two_items_that_kill_their_process_in_one_chunk_are_both_lost_and_only_they():
    results = list(workers.in_order(squares_dying_on_13_and_18, range(24), 2, on_error=failed, chunk_size=8))
    expected = [f"{n}: BrokenProcessPool" if n in (13, 18) else n * n for n in range(24)]
    assert results == expected


def test_nothing_is_read_ahead_beyond_the_chunks_in_flight():
    taken = []

    def numbers():
        for n in range(100):
            taken.append(n)
            yield n

    results = workers.in_order(squares, numbers(), 2, on_error=failed, chunk_size=5)
    assert next(results) == 0
    assert len(taken) <= 2 * (1 + workers.CHUNKS_AHEAD) * 5 + 1  # +1: the item that ends a chunk's islice
    results.close()


def dump(db: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, without the wall-clock columns."""
    store = Store(db, create=False)
    tables = {}
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in WALL_CLOCK_COLUMNS]
            rows = conn.execute(select(*columns)).all()
            tables[table.name] = sorted((tuple(map(repr, row)) for row in rows))
    store.engine.dispose()
    return tables


@pytest.fixture
def inputs(tmp_path) -> list[str]:
    """The bundled examples, our story and compare fixtures, and two inputs that cannot be stored."""
    folder = tmp_path / "inputs"
    shutil.copytree(ROOT / "examples", folder / "examples")
    for name in ("story", "compare", "people"):
        shutil.copytree(ROOT / "tests" / "fixtures" / name, folder / name)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\xff" * 200)
    return [str(folder)]


def test_an_ingest_in_two_workers_leaves_the_same_database_as_one_process(inputs, tmp_path, nlp, monkeypatch):
    # The writer fingerprints an article only when no worker did (``pipeline.Sketched``).
    fingerprinted = []
    monkeypatch.setattr(copies, "fingerprint", lambda article: fingerprinted.append(article.id) or fingerprint(article))
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    alone = pipeline.ingest(inputs, Store(one), nlp=nlp)
    assert fingerprinted == alone.ingested
    fingerprinted.clear()
    parallel = pipeline.ingest(inputs, Store(two), workers=2)
    assert fingerprinted == []
    assert len(alone.ingested) > 20 and sorted(p.reason for p in alone.problems)
    assert parallel.ingested == alone.ingested
    assert parallel.duplicates == alone.duplicates
    assert sorted(parallel.problems, key=str) == sorted(alone.problems, key=str)
    assert [n.reason for n in parallel.notes] == [n.reason for n in alone.notes]
    first, second = dump(one), dump(two)
    assert {name for name, rows in first.items() if rows} >= {"articles", "links", "profiles", "story_articles"}
    for table in first:
        assert second[table] == first[table], table


def test_an_article_that_kills_its_worker_is_the_only_one_lost(tmp_path, monkeypatch):
    folder = tmp_path / "inputs"
    folder.mkdir()
    for number, town in enumerate(("Arden", "Belmor", "Corvel", "Dunmere", "Eastwick", "Fallow")):
        who = KILLER if town == "Dunmere" else f"Mayor Anna Tolve{number}"
        (folder / f"{number}-{town}.txt").write_text(
            f"{town} opens a new bridge\n\n{who} opened the new bridge in {town} on Monday. "
            f"The bridge cost {number + 2} million euros, the council said.\n"
        )
    # Spawned workers import this module and run its function; the real analysis inside it.
    monkeypatch.setattr(pipeline, "analyze_chunk", analyze_dying_on_killer)
    report = pipeline.ingest([str(folder)], Store(str(tmp_path / "two.db")), workers=2)
    assert [problem.source.rsplit("/", 1)[-1] for problem in report.problems] == ["3-Dunmere.txt"]
    assert report.problems[0].is_internal and "BrokenProcessPool" in report.problems[0].reason
    assert len(report.ingested) == 5
    stored = Store(str(tmp_path / "two.db"), create=False)
    assert sorted(row["title"] for row in stored.articles()) == [
        f"{town} opens a new bridge" for town in ("Arden", "Belmor", "Corvel", "Eastwick", "Fallow")
    ]


def test_with_workers_duplicates_are_found_before_analysis_and_told_as_in_one_process(tmp_path, nlp):
    # The examples twice in one run: the repeats fall in other chunks than their first reading.
    examples = str(ROOT / "examples")
    told: dict[int, list] = {1: [], 2: []}
    reports = {
        count: pipeline.ingest(
            [examples, examples], Store(str(tmp_path / f"{count}.db")), nlp=nlp, workers=count,
            on_progress=lambda event, count=count: told[count].append(event),
        )
        for count in (1, 2)
    }
    assert reports[2].ingested == reports[1].ingested
    assert len(reports[2].duplicates) == len(reports[1].ingested) > 8
    duplicates = {count: [(e.source, e.detail) for e in told[count] if e.kind == "duplicate"] for count in (1, 2)}
    assert duplicates[2] == duplicates[1]
    assert all(detail.startswith("same article as an earlier input") for _, detail in duplicates[2])
    again = pipeline.ingest([examples], Store(str(tmp_path / "2.db")), workers=2)
    assert again.ingested == [] and len(again.duplicates) == len(reports[1].ingested)
    assert not again.problems


def test_a_worker_analyses_only_the_articles_the_database_does_not_hold(tmp_path, nlp):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Bridge opens\n\nMayor Hanna Lindqvist, 52, opened the new bridge on Monday.\n")
    new.write_text("School closes\n\nThe school in Arden closed on Friday after 90 years, its head said.\n")
    db = str(tmp_path / "t.db")
    (stored,) = pipeline.ingest([old], Store(db), nlp=nlp).ingested
    documents = list(read_documents([old, new, new]))
    results = pipeline.analyze_chunk(documents, db=Store(db).url)
    assert results[0] == pipeline.Known(results[0].article, earlier=False) and results[0].article.id == stored
    assert isinstance(results[1].analysis, Analysis) and results[1].analysis.article.title == "School closes"
    assert results[1].fingerprint == fingerprint(results[1].analysis.article)  # made in the worker, for linking
    assert results[2] == pipeline.Known(results[1].analysis.article, earlier=True)
