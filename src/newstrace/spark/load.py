"""The Spark job's Parquet -> the database: each analysis stored and linked as ``ingest`` does.

Rows are read with Spark itself (``toLocalIterator``, one partition in memory at a
time), in the job's order: partitions in WARC-list order, records in file order, so
that an ingest of the same WARC files in the same order stores and links the same.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator

from ..link import Linker
from .. import pipeline
from ..errors import NewstraceError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Analysis, Problem
from ..store import Store


def parquet_items(spark, path: str) -> Iterator[Analysis | Problem]:
    """The analyses (and the job's problems) of a Parquet folder the job wrote."""
    for row in spark.read.parquet(path).select("analysis", "source", "problem").toLocalIterator():
        yield Problem(row.source, row.problem) if row.problem is not None else pickle.loads(row.analysis)


def load(
    items: Iterator[Analysis | Problem],
    store: Store,
    on_progress: Callable[[pipeline.IngestEvent], None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> pipeline.IngestReport:
    """Store and link analyses made elsewhere; the same report and events as ``pipeline.ingest``."""
    report = pipeline.IngestReport()
    tell = on_progress or (lambda _event: None)
    linker = Linker(store)
    linker.link_pending(seconds=limits.linking_seconds)
    for item in items:
        if isinstance(item, Problem):
            report.problems.append(item)
            tell(pipeline.IngestEvent("skipped", item.source, item.reason, item))
            continue
        source = item.article.source or item.article.url
        if not pipeline.needs_english_nlp(item.article):
            spotted = pipeline.guarded(source, lambda analysis=item: pipeline.with_known_people(analysis, store))
            item = item if isinstance(spotted, Problem) else spotted
        added = pipeline.guarded(source, lambda analysis=item: store.add(analysis))
        if isinstance(added, Problem):
            report.problems.append(added)
            tell(pipeline.IngestEvent("skipped", source, added.reason, added))
            continue
        if not added:
            report.duplicates.append(source)
            tell(pipeline.IngestEvent("duplicate", source, f"already stored as {item.article.id}"))
            continue
        report.ingested.append(item.article.id)
        tell(pipeline.IngestEvent("stored", source, item.article.id))
        for text in item.notes:
            note = Problem(source, text)
            report.notes.append(note)
            tell(pipeline.IngestEvent("note", source, text, note))
        linking = pipeline.guarded(source, lambda analysis=item: linker.link_one(analysis, limits.linking_seconds))
        if linking:
            report.notes.append(linking)
            tell(pipeline.IngestEvent("note", linking.source, linking.reason, linking))
    return report


def load_parquet(path: str, store: Store, on_progress: Callable[[pipeline.IngestEvent], None] | None = None,
                 limits: Limits = DEFAULT_LIMITS) -> pipeline.IngestReport:
    """Read the job's Parquet with a local Spark session, then :func:`load` it."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise NewstraceError("Reading the Spark job's Parquet needs pyspark: pip install pyspark==4.3.0.") from None
    session = SparkSession.getActiveSession()  # a caller's session is used and left running
    own = session is None
    if own:
        # One local core is enough to read Parquet; the session says nothing unless it fails.
        builder = SparkSession.builder.master("local[1]").appName("newstrace-load")
        session = builder.config("spark.ui.enabled", "false").getOrCreate()
        session.sparkContext.setLogLevel("ERROR")
    try:
        return load(parquet_items(session, path), store, on_progress, limits)
    finally:
        if own:
            session.stop()
