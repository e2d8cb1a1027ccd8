"""Reading the record at two sizes: one page of each list costs the same at N and 10 N articles.

    .venv/bin/python bench/reading.py [--articles 2000] [--scale 10] [--size 25] [--repeat 5]

Builds two SQLite files (kept in --dir, reused when they already hold the articles) with the
synthetic rows of bench/web.py (stories of 10 articles: an original, its copies and same-story
reports; three people per article), N and ``scale`` x N articles. Then it times, on each, the
first page and a deep page of every list: the JSON API (``/api/copies``, ``/api/stories``,
``/api/people``, in process through the ASGI test client), the home page's article list, and the
CLI list commands with ``--page`` (``copies``, ``stories``, ``people``, ``articles``; in process
through Typer's runner, so the interpreter's start-up is not counted). The deep page is the
last full page of the smaller database, asked by the same number of both: a page costs what
lies before it (OFFSET), never what lies after. Prints one JSON line per list and page: the
median milliseconds of ``--repeat`` runs at each size (the two sizes timed in turn, so that the
load of a shared machine weighs on both alike) and the ratio large / small (target <= 1.5).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner
from web import Filler  # bench/web.py: the synthetic rows

from newstrace.cli import app as cli
from newstrace.store import Store, schema
from newstrace.store.browse import totals

# The growth a page may show from N to scale x N articles (issue 16: "costs the same").
TARGET_RATIO = 1.5


def database(folder: Path, articles: int) -> Path:
    """An SQLite file of ``articles`` synthetic articles, made once."""
    path = folder / f"newstrace-bench-reading-{articles}.db"
    store = Store(path, create=True)
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
    if have not in (0, articles):
        sys.exit(f"{path} holds {have} articles, not {articles}: delete it first.")
    if not have:
        started = time.perf_counter()
        Filler(store, articles).fill()
        print(json.dumps({"benchmark": "reading", "articles": articles,
                          "fill_seconds": round(time.perf_counter() - started, 1)}), flush=True)
    store.engine.dispose()
    return path


def median_ms(runs: list, repeat: int) -> list[float]:
    """The median milliseconds of each of ``runs``, timed in turn ``repeat`` times (interleaved, so
    that the load of a shared machine weighs on each alike)."""
    for run in runs:
        run()  # warm-up: the first call pays for imports and the database's pages
    timings: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, found in zip(runs, timings):
            started = time.perf_counter()
            run()
            found.append((time.perf_counter() - started) * 1000)
    return [round(statistics.median(found), 1) for found in timings]


def api_reader(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    from newstrace.web import create_app

    client = TestClient(create_app(str(path)))

    def read(url: str, page: int, size: int) -> None:
        response = client.get(url, params={"page": page, "size": size})
        assert response.status_code == 200, (url, page, response.status_code)

    return read


def cli_reader(path: Path):
    runner = CliRunner()

    def read(command: str, page: int, size: int) -> None:
        done = runner.invoke(cli, [command, "--db", str(path), "--json", "--page", str(page), "--size", str(size)])
        assert done.exit_code == 0, done.output

    return read


# What each list holds, from the smaller database's totals: where its last full page is.
LISTS = {
    ("api", "/api/copies"): "links",
    ("api", "/api/stories"): "stories",
    ("api", "/api/people"): "people",
    ("api", "/"): "articles",
    ("cli", "copies"): "links",
    ("cli", "stories"): "stories",
    ("cli", "people"): "people",
    ("cli", "articles"): "articles",
}


def rows_of(path: Path) -> dict[str, int]:
    store = Store(path, create=False)
    found = totals(store)
    with store.engine.connect() as conn:
        found["links"] = conn.execute(select(func.count()).select_from(schema.links)).scalar_one()
    store.engine.dispose()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000, help="N, the smaller database's articles.")
    parser.add_argument("--scale", type=int, default=10, help="The larger database holds this many times N.")
    parser.add_argument("--size", type=int, default=25, help="Rows per page.")
    parser.add_argument("--repeat", type=int, default=5, help="Timed runs per page (the median is printed).")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    options = parser.parse_args()

    small, large = (database(options.dir, n) for n in (options.articles, options.articles * options.scale))
    held = rows_of(small)
    readers = {path: {"api": api_reader(path), "cli": cli_reader(path)} for path in (small, large)}
    worst = 0.0
    for (kind, name), counted in LISTS.items():
        deep = max(1, held[counted] // options.size)
        for label, page in (("first", 1), ("deep", deep)):
            runs = [lambda path=path: readers[path][kind](name, page, options.size) for path in (small, large)]
            times = median_ms(runs, options.repeat)
            ratio = round(times[1] / times[0], 2) if times[0] else None
            worst = max(worst, ratio or 0.0)
            print(json.dumps({
                "benchmark": "reading", "list": f"{kind} {name}", "page": label, "page_number": page,
                "size": options.size, f"ms_{options.articles}": times[0],
                f"ms_{options.articles * options.scale}": times[1], "ratio": ratio,
            }), flush=True)
    print(json.dumps({"benchmark": "reading", "metric": "worst_ratio", "value": worst, "target": TARGET_RATIO}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
