"""Web sources: pages/s fetched from a local server, WARC records/s read (issue 13).

    .venv/bin/python bench/sources.py [--pages 300] [--workers 1,4,8] [--latency 0,0.05] [--records 3000]

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--workers", default="1,4,8")
    parser.add_argument("--latency", default="0,0.05", help="seconds each answer is held back, comma-separated")
    parser.add_argument("--records", type=int, default=3000)
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


if __name__ == "__main__":
    main()
