"""The command line: each command parses its options, calls one library function and prints the
result, through ``render`` (a table) or ``print_result`` (``--json``).

Errors are turned into one line and an exit code in one place (``ReportingGroup``): domain
errors (``errors.py``) as they are, a bug as a saved traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text
from typer.core import TyperGroup

from . import __version__, pipeline, render
from .cli_options import (
    DbOption, JsonOption, PathsArgument, PageOption, SizeOption, AfterOption, UrlOption, SiteOption,
    PublishedOption, MaxSizeOption, FollowLinksOption, WorkersOption, IngestWorkersOption, IgnoreRobotsOption,
    AllowPrivateOption, SinceOption, UntilOption, LangOption, DomainOption,
)
from .errors import InputError, NewstraceError, NotFound
from .ingest import DEFAULT_MAX_BYTES
from .ingest.article import normalize_date
from .limits import DEFAULT_LIMITS
from .link import Linker, pending
from .link.named_lists import with_lists
from .model import Problem
from .render import plain, safe
from .inputs import warc_reader, web_fetcher
from .store import DEFAULT_DB, Store, browse
from .store.paging import PageRequest

EXIT_PROBLEMS = 1  # some inputs were skipped
EXIT_ERROR = 2  # the command could not run
# Where tracebacks of internal errors are saved (one file per run that has any); default: the temp folder.
LOG_DIR_VARIABLE = "NEWSTRACE_LOG_DIR"


class ReportingGroup(TyperGroup):
    """Every command runs inside one error hook: a domain error is one clear line on stderr and
    exit code 2; a bug is a line naming the saved traceback, and exit code 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NewstraceError as error:
            print_error(str(error))
            raise typer.Exit(EXIT_ERROR) from None
        except (typer.Exit, typer.Abort, click_exceptions(), KeyboardInterrupt):
            raise
        except BrokenPipeError:  # `newstrace people | head`: the reader left; not an error
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            raise typer.Exit(0) from None
        except Exception as error:  # a bug: say so, keep the traceback for the report
            log = ErrorLog().save(f"newstrace {ctx.invoked_subcommand}", traceback.format_exc())
            print_error(
                f"{error.__class__.__name__}: {error}. This is a bug in newstrace, not in your input; "
                f"the traceback is saved in {log}: please report it.",
                label="Internal error:",
            )
            raise typer.Exit(EXIT_ERROR) from None


def click_exceptions() -> type[Exception]:
    """Click's own usage errors (a bad option): click prints them itself."""
    import click

    return click.ClickException


app = typer.Typer(
    cls=ReportingGroup,
    help="Turn news articles into a source-linked record of who did what to whom.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
# emoji=False: ":thumbs_up:" in an article must print as written, or spans would not match.
out = Console(highlight=False, soft_wrap=True, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

class ErrorLog:
    """The file that keeps the tracebacks of one run's internal errors, created at the first one."""

    def __init__(self) -> None:
        self.path: Path | None = None

    def save(self, where: str, trace: str) -> Path:
        if self.path is None:
            folder = Path(os.environ.get(LOG_DIR_VARIABLE) or tempfile.gettempdir())
            stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
            self.path = folder / f"newstrace-error-{stamp}-{os.getpid()}.log"
        with self.path.open("a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(f"--- {where}\n{trace}\n")
        return self.path


def print_error(message: str, label: str = "Error:") -> None:
    err.print(Text.assemble((label, "red"), " ", safe(message)))


def read_options(paths, url, site, published, max_size, follow_links=False) -> dict:
    """Options for reading inputs, checked here so a typo fails before any work is done."""
    if url and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise NewstraceError("--url names one article: give it with a single file, not several inputs or a folder.")
    try:
        date = normalize_date(published) if published else "none given"
    except InputError as error:
        raise NewstraceError(f"--published: {error}; use ISO 8601, e.g. 2024-11-14.") from None
    if date is None:
        raise NewstraceError(f"--published {published!r} is not a date; use ISO 8601, e.g. 2024-11-14.")
    return {"url": url, "site": site, "published": published, "max_bytes": max_size, "follow_links": follow_links}


def print_json(value, indent: int | None = None) -> None:
    # Plain stdout, not Rich: JSON must reach other tools byte for byte.
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=indent) + "\n")


def print_result(result, json_: bool, rendered=None, *, soft_wrap: bool = True) -> None:
    """``--json``: one object per line for a list (JSON Lines, as the contracts say), else the
    object; values print their ``to_dict()``. Otherwise the ``rendered`` form of the result."""
    if json_:
        for value in result if isinstance(result, list) else [result]:
            print_json(value.to_dict() if hasattr(value, "to_dict") else value)
    else:
        out.print(rendered(result) if rendered else result, soft_wrap=soft_wrap)


@contextlib.contextmanager
def progress_bar(description: str):
    """A progress bar on stderr when it is a terminal (nothing in pipes and logs)."""
    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        yield progress, progress.add_task(description, total=None)


def print_problem(problem: Problem, label: str, log: ErrorLog) -> None:
    """One line naming an input and what happened to it; a bug's traceback goes to the log file."""
    reason = problem.reason
    if problem.traceback:
        where = log.save(problem.source, problem.traceback)
        reason += f" - a bug in newstrace, not in this input; traceback saved in {where}"
    line = f"  {label} {problem.source}: {reason}".replace("\n", "\\n").replace("\t", "\\t")
    err.print(Text(safe(line)))  # one line even for a file name holding a newline


# How each kind of ingest event is labelled on its line (a stored article prints nothing).
EVENT_LABELS = {"skipped": "skipped", "note": "note:", "duplicate": "duplicate"}


def print_event(event: pipeline.IngestEvent, log: ErrorLog) -> None:
    if event.kind in EVENT_LABELS:
        print_problem(event.problem or Problem(event.source, event.detail), EVENT_LABELS[event.kind], log)


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    url: UrlOption = None,
    site: SiteOption = None,
    published: PublishedOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
    follow_links: FollowLinksOption = False,
    workers: IngestWorkersOption = 1,
    ignore_robots: IgnoreRobotsOption = False,
    allow_private: AllowPrivateOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    lang: LangOption = None,
    domain: DomainOption = None,
) -> None:
    """Read, clean and analyse articles, and store them in the database.

    Each input that cannot be stored is named on its own line as it happens, and the rest go
    on. Exit code 0: every input stored (or already there); 1: some inputs skipped; 2: the
    command could not run.
    """
    options = read_options(paths, url, site, published, max_size, follow_links)
    store = Store(db, create=True)
    options["fetcher"] = web_fetcher(store, workers, ignore_robots, allow_private, max_size)
    options["warc"] = warc = warc_reader(since, until, lang, domain)
    log = ErrorLog()

    def show_event(event: pipeline.IngestEvent) -> None:
        print_event(event, log)
        if event.kind != "note":
            progress.advance(task)

    with progress_bar("Ingesting") as (progress, task), options["fetcher"]:
        report = pipeline.ingest(paths, store, on_progress=show_event, workers=workers, **options)
    if warc.counts.records:
        err.print(Text(warc.counts.summary()))
    internal = len(report.internal_errors)
    summary = (
        f"Ingested {plural(len(report.ingested), 'article')}, "
        f"{plural(len(report.duplicates), 'duplicate')}, "
        f"{len(report.problems)} skipped"
        + (f" ({plural(internal, 'internal error')}, traceback in {log.path})" if internal else "")
        + f" into {db}"
    )
    err.print(Text(safe(summary)))
    if report.failed:
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    db: DbOption = DEFAULT_DB,
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 15m, 1h, 90s.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="One round, then exit.")] = False,
    workers: WorkersOption = 1,
    ignore_robots: IgnoreRobotsOption = False,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Watch feeds: each round fetches and ingests the entries never seen before, and prints one line.

    The feeds' state (ETag, Last-Modified, the entries seen) is kept in the database, so a
    restarted watch goes on where it stopped. Stop it with Ctrl-C.
    """
    from .ingest.feeds import parse_interval
    from .ingest.feeds import watch as watch_feeds

    try:
        seconds = parse_interval(every)
    except InputError as error:
        raise NewstraceError(f"--every: {error}.") from None
    store = Store(db, create=True)
    log = ErrorLog()

    def show_round(round_) -> None:
        for problem in round_.problems:
            print_problem(problem, "feed failed", log)
        err.print(Text(safe(round_.summary())))

    with web_fetcher(store, workers, ignore_robots, allow_private) as fetcher, contextlib.suppress(KeyboardInterrupt):
        last = watch_feeds(store, feeds, fetcher, seconds, once=once, on_round=show_round,
                           on_progress=lambda event: print_event(event, log))
        if last.problems or last.skipped:  # --once: a script learns that something failed
            raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def load(
    parquet: Annotated[str, typer.Argument(help="Parquet folder written by the Spark job (docs/spark.md).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Store and link the articles and facts the Spark job (newstrace.spark.job) wrote as Parquet."""
    from .spark.load import load_parquet

    store = Store(db, create=True)
    log = ErrorLog()

    report = load_parquet(parquet, store, on_progress=lambda event: print_event(event, log))
    err.print(Text(safe(
        f"Loaded {plural(len(report.ingested), 'article')}, {plural(len(report.duplicates), 'duplicate')}, "
        f"{len(report.problems)} skipped into {db}"
    )))
    if report.failed:
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def articles(db: DbOption = DEFAULT_DB, json_: JsonOption = False,
             page: PageOption = None, size: SizeOption = browse.DEFAULT_PAGE_SIZE) -> None:
    """List the articles in the database, oldest ingest first."""
    print_result(Store(db, create=False).articles(*browse.window(page, size)), json_, render.articles_table)


@app.command()
def show(ref: Annotated[str, typer.Argument(help="Article id, id prefix or URL.")], db: DbOption = DEFAULT_DB) -> None:
    """Show one stored article with its facts highlighted."""
    out.print(render.analysis(Store(db, create=False).get(ref)))


@app.command()
def facts(
    paths: PathsArgument,
    json_: JsonOption = False,
    url: UrlOption = None,
    site: SiteOption = None,
    published: PublishedOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
    follow_links: FollowLinksOption = False,
) -> None:
    """Extract the facts of articles without a database (one JSON object per article)."""
    problems = []
    log = ErrorLog()
    for result in pipeline.analyze_paths(paths, **read_options(paths, url, site, published, max_size, follow_links)):
        if isinstance(result, Problem):
            problems.append(result)
            print_problem(result, "skipped", log)
        else:  # one object per line: one article prints one object, several print JSONL
            print_result(result, json_, render.analysis)
    if problems:
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def people(db: DbOption = DEFAULT_DB, json_: JsonOption = False,
           page: PageOption = None, size: SizeOption = browse.DEFAULT_PAGE_SIZE) -> None:
    """List one profile per person across articles: spellings, ages, roles, latest state."""
    print_result(linked(db).profiles(*browse.window(page, size)), json_, render.profiles_table)


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="Output format (jsonl).")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file, not stdout.")] = None,
) -> None:
    """Export every stored article with its facts, one JSON object per line."""
    if format != "jsonl":
        raise NewstraceError(f"Unknown export format {format!r}; supported: jsonl.")
    store = Store(db, create=False)
    try:
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as error:
        raise NewstraceError(f"Cannot write {output}: {error.strerror}.") from None
    try:
        pipeline.export_jsonl(store, stream)
    finally:
        if output:
            stream.close()


RefArgument = Annotated[str, typer.Argument(help="Article id, id prefix or URL in the database.")]


@app.command()
def link(db: DbOption = DEFAULT_DB) -> None:
    """Link articles stored before linking existed (copies, people, stories); new ingests link themselves."""
    store = Store(db, create=False)
    with progress_bar("Linking") as (progress, task):
        log = ErrorLog()
        linked = Linker(store).link_pending(
            on_progress=lambda: progress.advance(task), seconds=DEFAULT_LIMITS.linking_seconds,
            on_note=lambda problem: print_problem(problem, "note:", log),
        )
    err.print(plain(f"Linked {plural(linked, 'article')} in {db}"))


@app.command()
def copies(db: DbOption = DEFAULT_DB, json_: JsonOption = False,
           page: PageOption = None, size: SizeOption = browse.DEFAULT_PAGE_SIZE, after: AfterOption = None) -> None:
    """List copies with their traced sources, and independent reports of the same story."""
    linker = linked(db)
    if page is None and after is None:
        found, next_page = linker.copies(), None
    else:  # a page says where the next starts: a deep page followed by cursor costs what the first does
        from .cursor_pages import copies_page  # on use: it loads the copy linker

        found, _, next_page = copies_page(linker.store, PageRequest(page or 1, size, after))
    articles = browse.pair_articles(linker.store, found) if not json_ else {}
    print_result(found, json_, lambda rows: render.links_table(rows, articles))
    if next_page:
        err.print(plain(f"Next page: --after {next_page}"))


@app.command()
def diff(
    copy: Annotated[str, typer.Argument(help="The copy: a file, or an article id, id prefix or URL in the database.")],
    source: Annotated[str, typer.Argument(help="Its source: a file, or an article id, id prefix or URL.")],
    db: DbOption = DEFAULT_DB,
    json_: JsonOption = False,
) -> None:
    """Compare a copy with its source: the verdict, the aligned sentences and every distortion."""
    found = pipeline.diff(copy, source, db)
    print_result(found.comparison, json_, lambda result: render.comparison(result, found.copy_url, found.source_url))


@app.command()
def trace(ref: RefArgument, db: DbOption = DEFAULT_DB, json_: JsonOption = False) -> None:
    """Show the provenance tree of an article's story: its earliest source and every copy of it."""
    linker = linked(db)
    tree = linker.trace(linker.store.find(ref))
    print_result(tree, json_, render.provenance, soft_wrap=False)  # wrap long URLs inside the tree


@app.command()
def person(
    name: Annotated[str, typer.Argument(help="A name or alias; spelling variants match too.")],
    db: DbOption = DEFAULT_DB,
    json_: JsonOption = False,
    all_: Annotated[bool, typer.Option("--all", help="Every matching profile, not only the best.")] = False,
) -> None:
    """Show one person across articles: spellings, ages, roles, conflicts, the timeline and the lists they are on."""
    linker = linked(db)
    found = with_lists(linker.store, linker.find_profiles(name))
    if not found:
        raise NotFound(f"No person matching {name!r} in {db}.")
    if json_ and all_:  # the contract: --all prints every match as one list
        print_json([profile.to_dict() for profile in found])
        return
    for profile in found if all_ else found[:1]:
        print_result(profile, json_, render.profile)


@app.command()
def stories(db: DbOption = DEFAULT_DB, json_: JsonOption = False,
            page: PageOption = None, size: SizeOption = browse.DEFAULT_PAGE_SIZE) -> None:
    """List stories: articles about the same events over time."""
    print_result(linked(db).stories(*browse.window(page, size)), json_, render.stories_table)


def linked(db: str) -> Linker:
    """The Linker of the database for a command that reads links, warning when some articles
    are not linked yet."""
    store = Store(db, create=False)
    waiting = 0 if store.every_article_has_story() else len(pending(store))  # two counts, before reading articles
    if waiting:
        err.print(
            f"note: {plural(waiting, 'article')} in {db} not linked yet (stored by an older newstrace "
            f"or an interrupted run): run `newstrace link --db {db}`",
            markup=False,
        )
    return Linker(store)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (this machine only by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Browse the database in a web browser (pages and a JSON API, read-only) at http://HOST:PORT/."""
    import uvicorn

    from .web import create_app

    application = create_app(db)
    err.print(plain(f"Serving {db} at http://{host}:{port}/ (Ctrl+C to stop)"))
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def version() -> None:
    """Print the newstrace version."""
    out.print(f"newstrace {__version__}")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
