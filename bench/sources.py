"""Web sources: pages/s fetched from a local server, WARC records/s read (issue 13).

    .venv/bin/python bench/sources.py [--pages 300] [--workers 1,4,8] [--latency 0,0.05] [--records 3000]
                                      [--spark 200]

1. Serves the bundled example pages from a server on 127.0.0.1 (tests/local_server.py),
   ``--pages`` distinct URLs, each answer held back ``--latency`` seconds (0: loopback
   as it is; 0.05: a server 50 ms away), and fetches them all with ``Fetcher.documents``
   (robots.txt, the address guard, streaming and the size cap included) at each
   ``--workers``: pages/s.
2. Writes a gzipped WARC of ``--records`` HTML responses (the example pages under
   distinct URIs, each with its request record, as CC-NEWS files have) and reads it:
   records/s through ``read_documents`` (warcio, filters, decoding), then pages/s through
   ``to_article`` too (trafilatura's extraction and the cleaning: what ingest does
   before the NLP).
3. With ``--spark N`` (pyspark and Java needed): N pages in two WARC files, through
   ``newstrace ingest`` (pipeline.ingest into a fresh database: facts, storing and
   linking), through the facts alone in this process (pipeline.analyze_paths, what the job
   does per partition), and through the Spark job in ``local[2]`` mode (two Python workers,
   one task per WARC file; the session's start-up timed apart): articles/s of each.

Prints JSON lines: {"benchmark": "sources", "metric": ..., "value": ...}. Nothing leaves
this machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from local_server import LocalServer, example_page, page, send  # noqa: E402  (test helpers)
from report import emitter, note  # noqa: E402
from warc_files import write_warc  # noqa: E402

from newstrace.ingest import read_documents, to_article  # noqa: E402
from newstrace.ingest.fetch import Fetcher, FetchSettings  # noqa: E402
from newstrace.ingest.warc import WarcReader  # noqa: E402
from newstrace.model import Document  # noqa: E402

emit = emitter("sources")
PAGES = [example_page(name) for name in ("01_original.html", "04_independent.html", "05_followup.txt", "06_unrelated.txt")]


def delayed(body: bytes, latency: float):
    def answer(handler):
        if latency:
            time.sleep(latency)
        send(handler, 200, body)

    return answer


def fetch_rate(pages: int, workers: int, latency: float) -> float:
    routes = {"/robots.txt": page(b"User-agent: *\nDisallow:\n", "text/plain")}
    routes.update({f"/news/{n}.html": delayed(PAGES[n % len(PAGES)], latency) for n in range(pages)})
    with LocalServer(routes) as server:
        settings = FetchSettings(allowed_networks=("127.0.0.1/32",), workers=workers)
        with Fetcher(settings) as fetcher:
            started = time.perf_counter()
            items = list(fetcher.documents(server.url(f"/news/{n}.html") for n in range(pages)))
            elapsed = time.perf_counter() - started
    fetched = sum(isinstance(item, Document) for item in items)
    if fetched != pages:
        raise SystemExit(f"only {fetched} of {pages} pages fetched")
    return pages / elapsed


def warc_rates(records: int) -> tuple[float, float, int]:
    responses = [
        (f"https://news{n % 50}.example/story/{n}", f"2024-11-{1 + n % 28:02d}T08:00:00Z", "text/html; charset=utf-8",
         PAGES[n % len(PAGES)])
        for n in range(records)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = write_warc(Path(folder) / "bench.warc.gz", responses)
        size = path.stat().st_size
        started = time.perf_counter()
        documents = [item for item in read_documents([path], warc=WarcReader()) if isinstance(item, Document)]
        read_seconds = time.perf_counter() - started
    if len(documents) != records:
        raise SystemExit(f"only {len(documents)} of {records} records read")
    started = time.perf_counter()
    for document in documents:
        to_article(document)
    clean_seconds = time.perf_counter() - started
    return records / read_seconds, records / clean_seconds, size


def spark_rates(pages: int) -> None:
    import os

    from pyspark.sql import SparkSession

    from newstrace import nlp as nlp_module
    from newstrace import pipeline
    from newstrace.spark.job import run
    from newstrace.store import Store

    responses = [
        (f"https://news{n % 50}.example/story/{n}", f"2024-11-{1 + n % 28:02d}T08:00:00Z", "text/html; charset=utf-8",
         PAGES[n % len(PAGES)])
        for n in range(pages)
    ]
    with tempfile.TemporaryDirectory() as folder:
        half = pages // 2
        warcs = [write_warc(Path(folder) / "one.warc.gz", responses[:half]),
                 write_warc(Path(folder) / "two.warc.gz", responses[half:])]
        listing = Path(folder) / "warcs.txt"
        listing.write_text("".join(f"{path}\n" for path in warcs))
        nlp = nlp_module.load()
        started = time.perf_counter()
        report = pipeline.ingest(warcs, Store(Path(folder) / "ingest.db"), nlp=nlp)
        ingest_seconds = time.perf_counter() - started
        started = time.perf_counter()
        analysed = sum(1 for item in pipeline.analyze_paths(warcs, nlp=nlp) if not hasattr(item, "reason"))
        facts_seconds = time.perf_counter() - started
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        started = time.perf_counter()
        spark = (SparkSession.builder.master("local[2]").appName("newstrace-bench")
                 .config("spark.ui.enabled", "false").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        startup_seconds = time.perf_counter() - started
        try:
            started = time.perf_counter()
            run(spark, str(listing), str(Path(folder) / "out.parquet"), partitions=2)
            job_seconds = time.perf_counter() - started
            written = spark.read.parquet(str(Path(folder) / "out.parquet")).where("problem is null").count()
        finally:
            spark.stop()
    note(f"{pages} pages: ingest {len(report.ingested) / ingest_seconds:.2f} articles/s "
         f"({len(report.ingested)} stored), facts alone {analysed / facts_seconds:.2f}/s, "
         f"Spark local[2] job {written / job_seconds:.2f}/s ({written} written; session start-up {startup_seconds:.1f} s)")
    emit("ingest_articles_per_second", len(report.ingested) / ingest_seconds, articles=len(report.ingested))
    emit("facts_articles_per_second", analysed / facts_seconds, articles=analysed)
    emit("spark_local2_articles_per_second", written / job_seconds, articles=written)
    emit("spark_session_startup_seconds", startup_seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--workers", default="1,4,8")
    parser.add_argument("--latency", default="0,0.05", help="seconds each answer is held back, comma-separated")
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--spark", type=int, default=0, help="pages for the Spark comparison (0: skip it)")
    args = parser.parse_args()
    for latency in (float(value) for value in args.latency.split(",")):
        for workers in (int(value) for value in args.workers.split(",")):
            rate = fetch_rate(args.pages, workers, latency)
            note(f"fetch: {args.pages} pages, {workers} workers, {latency * 1000:g} ms latency: {rate:.1f} pages/s")
            emit("pages_per_second", rate, pages=args.pages, workers=workers, latency_ms=latency * 1000)
    read_rate, clean_rate, size = warc_rates(args.records)
    note(f"WARC: {args.records} responses ({size / 1e6:.1f} MB gzipped): {read_rate:.0f} records/s read, "
         f"{clean_rate:.1f} pages/s to clean articles")
    emit("warc_records_per_second", read_rate, records=args.records, warc_bytes=size)
    emit("warc_pages_to_articles_per_second", clean_rate, records=args.records)
    if args.spark:
        spark_rates(args.spark)


if __name__ == "__main__":
    main()
