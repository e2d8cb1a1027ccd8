"""Reading the record at two sizes: one page of each list costs the same at N and 10 N articles.

    .venv/bin/python bench/reading.py [--articles 2000] [--scale 10] [--size 25] [--repeat 5] [--no-cursor]

Builds two SQLite files (kept in --dir, reused when they already hold the articles) with the
synthetic rows of bench/web.py (stories of 10 articles: an original, its copies and same-story
reports; three people per article), N and ``scale`` x N articles. Then it times, on each, the
first page and a deep page of every list: the JSON API (``/api/copies``, ``/api/stories``,
``/api/people``, in process through the ASGI test client), the home page's article list, and the
CLI list commands with ``--page`` (``copies``, ``stories``, ``people``, ``articles``; in process
through Typer's runner, so the interpreter's start-up is not counted). The deep page is the
last full page of the smaller database, asked by the same number of both: a page costs what
lies before it (OFFSET), never what lies after. Prints one JSON line per list and page: the
median CPU milliseconds of ``--repeat`` runs at each size (this process's CPU time: the two
sizes timed in turn, so that the load of a shared machine weighs on both alike) and the ratio
large / small (target <= 1.5).

Then, for the API lists, the same deep page reached by following each page's ``Link: rel=next``
from the first (``page: cursor``; where a list's next link carries a cursor, ``after``, the deep
page is read from where the one before it ended) with its cost against the first page's
(``deep_vs_first``); the last page of the larger database read by its number, for the lists
without a cursor (``page: last``: does a page far down cost more?); and the sites page
(``/sites``) as it is first asked after the record changed (a flag added to a copy before each
request, all removed at the end; ``changed``) and asked again (``unchanged``). ``--no-cursor`` leaves out the walks
(a list without cursors walks every page up to the deep one by number).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from sqlalchemy import delete, func, insert, select
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


def median_ms(runs: list, repeat: int, prepare=None) -> list[float]:
    """The median CPU milliseconds of each of ``runs``, timed in turn ``repeat`` times (interleaved,
    so that the load of a shared machine weighs on each alike); ``prepare(i)`` before each run of
    the i-th, untimed."""
    for run in runs:
        run()  # warm-up: the first call pays for imports and the database's pages
    timings: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for number, (run, found) in enumerate(zip(runs, timings)):
            if prepare:
                prepare(number)
            started = time.process_time()
            run()
            found.append((time.process_time() - started) * 1000)
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

    read.client = client
    return read


def next_link(response) -> str:
    """Where a page's next link points: the API's ``Link`` header, or a web page's ``rel="next"`` anchor."""
    if "link" in response.headers:
        return response.headers["link"].removeprefix("<").split(">;")[0]
    return html.unescape(re.search(r'rel="next" href="([^"]+)"', response.text).group(1))


def follow(client, path: str, pages: int, size: int) -> tuple[str, bool]:
    """The URL of page ``pages`` of the API list ``path``, reached by following each page's next
    link from the first; and whether those links carried a cursor."""
    url, by_cursor = f"{path}?size={size}", False
    for _ in range(pages - 1):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        url = next_link(response)
        by_cursor = "after=" in url
    return url, by_cursor


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


API_LISTS = ("/api/copies", "/api/stories", "/api/people", "/")


class Changes:
    """Changes of the record, one before each request: a flag added to a copy (a new one each
    time, so that the record never returns to a state it had; all removed at the end)."""

    FIRST_POSITION = 10_000  # after any position an analysis gives its flags

    def __init__(self, path: Path) -> None:
        self.store = Store(path, create=False)
        with self.store.engine.connect() as conn:
            self.copy = conn.execute(select(schema.links.c.copy_id).where(schema.links.c.verdict == "spun").limit(1)).scalar_one()
        self.made = 0

    def make(self) -> None:
        with self.store.engine.begin() as conn:
            conn.execute(insert(schema.flags).values(
                article_id=self.copy, position=self.FIRST_POSITION + self.made, kind="inserted",
                text="Let's get started.", reason="bench/reading.py: a change of the record"))
        self.made += 1

    def undo_all(self) -> None:
        with self.store.engine.begin() as conn:
            conn.execute(delete(schema.flags).where(schema.flags.c.article_id == self.copy,
                                                    schema.flags.c.position >= self.FIRST_POSITION))
        self.store.engine.dispose()


def report(name: str, page: str, number: int, size: int, sizes: tuple[int, int], times: list[float], **more) -> float:
    """Print one line; the ratio large / small."""
    ratio = round(times[1] / times[0], 2) if times[0] else None
    print(json.dumps({
        "benchmark": "reading", "list": name, "page": page, "page_number": number, "size": size,
        f"ms_{sizes[0]}": times[0], f"ms_{sizes[1]}": times[1], "ratio": ratio, **more,
    }), flush=True)
    return ratio or 0.0


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
    parser.add_argument("--no-cursor", action="store_true", help="Leave out the deep pages reached by next links.")
    options = parser.parse_args()

    sizes = (options.articles, options.articles * options.scale)
    small, large = (database(options.dir, n) for n in sizes)
    held, held_large = rows_of(small), rows_of(large)
    readers = {path: {"api": api_reader(path), "cli": cli_reader(path)} for path in (small, large)}
    worst = 0.0
    first_ms: dict[str, list[float]] = {}
    for (kind, name), counted in LISTS.items():
        deep = max(1, held[counted] // options.size)
        for label, page in (("first", 1), ("deep", deep)):
            runs = [lambda path=path: readers[path][kind](name, page, options.size) for path in (small, large)]
            times = median_ms(runs, options.repeat)
            if label == "first" and kind == "api":
                first_ms[name] = times
            worst = max(worst, report(f"{kind} {name}", label, page, options.size, sizes, times))
    clients = [readers[path]["api"].client for path in (small, large)]
    for name in API_LISTS if not options.no_cursor else ():
        deep = max(1, held[LISTS["api", name]] // options.size)
        urls, by_cursor = zip(*(follow(client, name, deep, options.size) for client in clients))
        runs = [lambda client=client, url=url: client.get(url) for client, url in zip(clients, urls)]
        times = median_ms(runs, options.repeat)
        versus = [round(t / f, 2) for t, f in zip(times, first_ms[name])]
        worst = max(worst, report(f"api {name}", "cursor", deep, options.size, sizes, times,
                                  by_cursor=all(by_cursor), deep_vs_first=versus))
        if not all(by_cursor):  # a list paged by number only: how much does its last page cost?
            last = max(1, held_large[LISTS["api", name]] // options.size)
            (last_ms,) = median_ms([lambda: readers[large]["api"](name, last, options.size)], options.repeat)
            print(json.dumps({"benchmark": "reading", "list": f"api {name}", "page": "last", "page_number": last,
                              "size": options.size, f"ms_{sizes[1]}": last_ms,
                              "last_vs_first": round(last_ms / first_ms[name][1], 2)}), flush=True)
    changes = [Changes(path) for path in (small, large)]
    for label, sort in (("changed", "spun"), ("unchanged", "spun")):
        runs = [lambda client=client: client.get("/sites", params={"sort": sort}) for client in clients]
        times = median_ms(runs, options.repeat, (lambda i: changes[i].make()) if label == "changed" else None)
        worst = max(worst, report("web /sites", label, 1, options.size, sizes, times))
    for change in changes:
        change.undo_all()
    print(json.dumps({"benchmark": "reading", "metric": "worst_ratio", "value": worst, "target": TARGET_RATIO}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
