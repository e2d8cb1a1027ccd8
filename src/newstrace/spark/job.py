"""The Spark job: a list of WARC paths -> Parquet of articles with their facts.

    spark-submit newstrace/spark/job.py WARC_LIST OUTPUT [--partitions N] [--lang en] [--since ...]

The conventions of Common Crawl's cc-pyspark: the input is a text file listing WARC
paths or URLs that every executor can open (one per line), split into partitions;
``mapPartitions`` reads each WARC with the same readers as ``newstrace ingest``
(``ingest.warc``), cleans each page (``ingest.to_article``) and extracts its facts
(``pipeline.analyze_articles``) with one spaCy pipeline per Python worker (``nlp.load``
caches it in the process, and Spark reuses its Python workers). The output is one
Parquet dataset, one row per article or per input that failed:

* the article's contract fields (``id``, ``url``, ``site``, ``title``, ``published``,
  ``dateline``, ``language``, ``author``, ``text``, ``removed``) as columns;
* ``facts``: the ``newstrace facts --json`` object of the article, as JSON text;
* ``analysis``: the same analysis pickled, which ``newstrace load`` stores and links
  (read it only from a job you ran: unpickling runs code);
* ``source`` and ``problem`` (null for an article): an input that failed, and why.

Linking (copies, people, stories) stays in the database: docs/spark.md says why.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import pickle
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..ingest.warc import RecordFilter, WarcReader, filter_bound
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Analysis, Problem

# Bytes per read when a remote WARC is copied to local disk.
COPY_CHUNK = 1024 * 1024
# The article fields of the facts contract, in the Parquet's column order.
ARTICLE_COLUMNS = ("id", "url", "site", "title", "published", "dateline", "language", "author", "text")


def schema():
    """The Parquet columns (pyspark imported here: the rest of newstrace runs without it)."""
    from pyspark.sql.types import ArrayType, BinaryType, StringType, StructField, StructType

    return StructType(
        [StructField(name, StringType(), nullable=name not in ("id", "url", "text")) for name in ARTICLE_COLUMNS]
        + [
            StructField("removed", ArrayType(StringType()), True),
            StructField("facts", StringType(), True),
            StructField("analysis", BinaryType(), True),
            StructField("source", StringType(), False),
            StructField("problem", StringType(), True),
        ]
    )


def row_of(item: Analysis | Problem) -> tuple:
    """One output row, in ``schema()``'s column order."""
    if isinstance(item, Problem):
        return (None,) * len(ARTICLE_COLUMNS) + (None, None, None, item.source, item.reason)
    article = item.article
    return (
        *(getattr(article, name) for name in ARTICLE_COLUMNS),
        list(article.removed),
        json.dumps(item.to_dict(), ensure_ascii=False),
        pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL),
        article.source or article.url,
        None,
    )


def analyze_warcs(paths: Iterable[str], wanted: RecordFilter = RecordFilter(), nlp=None,
                  limits: Limits = DEFAULT_LIMITS) -> Iterator[Analysis | Problem]:
    """The analyses of every page of some WARC files, as ``newstrace ingest`` makes them.

    A path with a scheme (``s3://``, ``hdfs://``, ``https://``) is copied to a local
    temporary file first (smart_open), as cc-pyspark does: warcio reads a local file.
    """
    from .. import pipeline
    from ..ingest import to_article

    reader = WarcReader(wanted)

    def articles() -> Iterator:
        for path in (path.strip() for path in paths):
            if not path:
                continue
            with local_copy(path) as local:
                for item in reader.documents(Path(local), path, limits):
                    yield item if isinstance(item, Problem) else pipeline.guarded(
                        item.source, lambda document=item: to_article(document, limits))

    problems: list[Problem] = []

    def good() -> Iterator:
        for item in articles():
            if isinstance(item, Problem):
                problems.append(item)
            else:
                yield item

    for result in pipeline.analyze_articles(good(), nlp=nlp, limits=limits):
        yield from problems
        problems.clear()
        yield result
    yield from problems


@contextlib.contextmanager
def local_copy(path: str):
    """A local file path for ``path``: itself, or a temporary copy of a remote file (deleted after)."""
    if "://" not in path or path.startswith("file://"):
        yield path.removeprefix("file://")
        return
    import smart_open

    with tempfile.NamedTemporaryFile(prefix="newstrace-", suffix=".warc.gz") as copy:
        with smart_open.open(path, "rb", compression="disable") as remote:
            shutil.copyfileobj(remote, copy, COPY_CHUNK)
        copy.flush()
        yield copy.name


def partition_rows(wanted: RecordFilter):
    """The function ``mapPartitions`` runs: WARC paths in, rows out."""

    def rows(paths: Iterable[str]) -> Iterator[tuple]:
        for item in analyze_warcs(paths, wanted):
            yield row_of(item)

    return rows


def run(spark, warc_list: str, output: str, partitions: int | None = None, wanted: RecordFilter = RecordFilter()) -> None:
    """Analyse the WARC files listed in ``warc_list`` and write the Parquet to ``output``."""
    context = spark.sparkContext
    paths = context.textFile(warc_list, minPartitions=partitions or context.defaultParallelism)
    if partitions:
        paths = paths.repartition(partitions)  # one WARC per task when there are as many partitions
    rows = paths.mapPartitions(partition_rows(wanted))
    spark.createDataFrame(rows, schema()).write.mode("overwrite").parquet(output)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="newstrace: WARC files -> Parquet of articles and facts")
    parser.add_argument("warc_list", help="text file listing WARC paths, one per line")
    parser.add_argument("output", help="Parquet folder to write")
    parser.add_argument("--partitions", type=int, help="tasks to split the WARC list into")
    parser.add_argument("--lang", help="only pages in this language (ISO 639-1)")
    parser.add_argument("--since", help="only records crawled on or after this date")
    parser.add_argument("--until", help="only records crawled up to this date")
    parser.add_argument("--domain", action="append", default=[], help="only pages of this domain (repeatable)")
    args = parser.parse_args(argv)
    wanted = RecordFilter(
        since=filter_bound(args.since) if args.since else None,
        until=filter_bound(args.until, end=True) if args.until else None,
        language=args.lang,
        domains=tuple(args.domain),
    )
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("newstrace").getOrCreate()
    try:
        run(spark, args.warc_list, args.output, args.partitions, wanted)
    finally:
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
