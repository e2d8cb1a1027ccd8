"""The command line: each command parses options, calls the library, formats the result."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
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
from rich.table import Table
from rich.text import Text

from . import __version__, pipeline, render
from . import link as linker
from .errors import InputError, NewstraceError, NotFound
from .ingest import DEFAULT_MAX_BYTES
from .ingest.article import normalize_date
from .limits import DEFAULT_LIMITS
from .model import Analysis, Problem
from .render import plain, safe, url_text
from .store import DEFAULT_DB, Store

app = typer.Typer(
    help="Turn news articles into a source-linked record of who did what to whom.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
# emoji=False: ":thumbs_up:" in an article must print as written, or spans would not match.
out = Console(highlight=False, soft_wrap=True, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

# Options shared by several commands: declared once.
DbOption = Annotated[
    str,
    typer.Option("--db", envvar="NEWSTRACE_DB", help="SQLite file or database URL (postgresql://...)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .htm, .gz, .jsonl, .warc.gz), directories, http(s) URLs, files listing URLs "
        "(one per line), or - for stdin."
    ),
]
UrlOption = Annotated[Optional[str], typer.Option("--url", help="URL of the article (a single file).")]
SiteOption = Annotated[Optional[str], typer.Option("--site", help="Site or outlet name.")]
PublishedOption = Annotated[Optional[str], typer.Option("--published", help="Publication date, ISO 8601.")]
MaxSizeOption = Annotated[
    int, typer.Option("--max-size", help="Refuse input files (and fetched pages) larger than this many bytes.", min=1)
]
FollowLinksOption = Annotated[
    bool,
    typer.Option("--follow-links", help="Read symbolic links that lead out of a folder given (skipped by default)."),
]

# Options of web and WARC inputs (ingest).
WorkersOption = Annotated[int, typer.Option("--workers", help="Fetch this many URLs at a time.", min=1, max=64)]
IgnoreRobotsOption = Annotated[bool, typer.Option("--ignore-robots", help="Fetch pages robots.txt disallows.")]
AllowPrivateOption = Annotated[
    bool,
    typer.Option("--allow-private", help="Fetch loopback, private and link-local addresses (refused by default)."),
]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="WARC: only records crawled on or after this date.")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="WARC: only records crawled up to this date.")]
LangOption = Annotated[
    Optional[str], typer.Option("--lang", help="WARC: only pages in this language (ISO 639-1, e.g. en).")
]
DomainOption = Annotated[
    Optional[list[str]],
    typer.Option("--domain", help="WARC: only pages of this domain or its subdomains (repeatable)."),
]

EXIT_PROBLEMS = 1  # some inputs were skipped
EXIT_ERROR = 2  # the command could not run
# Where tracebacks of internal errors are saved (one file per run that has any); default: the temp folder.
LOG_DIR_VARIABLE = "NEWSTRACE_LOG_DIR"


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


def reports_errors(command):
    """Turn domain errors into one clear line on stderr and exit code 2; a bug into a saved traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except NewstraceError as error:
            print_error(str(error))
            raise typer.Exit(EXIT_ERROR) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug: say so, keep the traceback for the report
            log = ErrorLog().save(f"newstrace {command.__name__}", traceback.format_exc())
            print_error(
                f"{error.__class__.__name__}: {error}. This is a bug in newstrace, not in your input; "
                f"the traceback is saved in {log}: please report it.",
                label="Internal error:",
            )
            raise typer.Exit(EXIT_ERROR) from None

    return wrapper


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


def web_fetcher(store: Store, workers: int = 1, ignore_robots: bool = False, allow_private: bool = False,
                max_bytes: int = DEFAULT_MAX_BYTES):
    """The fetcher of URL inputs, recording each fetch in the database."""
    from .ingest.fetch import Fetcher, FetchSettings
    from .store.fetches import record_fetch

    settings = FetchSettings(
        workers=workers, respect_robots=not ignore_robots, allow_private=allow_private, max_bytes=max_bytes
    )
    return Fetcher(settings, on_fetch=lambda fetch: record_fetch(store, fetch))


def warc_reader(since: str | None, until: str | None, lang: str | None, domains: list[str] | None):
    """The WARC reader with the record filters given, checked before any work is done."""
    from .ingest.warc import RecordFilter, WarcReader, filter_bound

    try:
        wanted = RecordFilter(
            since=filter_bound(since) if since else None,
            until=filter_bound(until, end=True) if until else None,
            language=lang.strip().lower() if lang else None,
            domains=tuple(d.strip().lower().strip(".") for d in domains or ()),
        )
    except InputError as error:
        raise NewstraceError(f"--since/--until: {error}.") from None
    return WarcReader(wanted)


def print_json(value, indent: int | None = None) -> None:
    # Plain stdout, not Rich: JSON must reach other tools byte for byte.
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=indent) + "\n")


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
@reports_errors
def ingest(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    url: UrlOption = None,
    site: SiteOption = None,
    published: PublishedOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
    follow_links: FollowLinksOption = False,
    workers: WorkersOption = 1,
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
        report = pipeline.ingest(paths, store, on_progress=show_event, **options)
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
@reports_errors
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
@reports_errors
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
@reports_errors
def articles(db: DbOption = DEFAULT_DB, json_: JsonOption = False) -> None:
    """List the articles in the database."""
    rows = Store(db, create=False).articles()
    if json_:
        for row in rows:
            print_json(row)
        return
    table = Table("id", "published", "site", "lang", "title")
    table.columns[0].no_wrap = table.columns[1].no_wrap = True
    for row in rows:
        # Ids print at 8 characters: any unique prefix works for `show`; --json has the full id.
        table.add_row(
            plain(row["id"][:8]), plain((row["published"] or "")[:10]), plain(row["site"]), plain(row["language"]),
            plain(row["title"]),
        )
    out.print(table)


@app.command()
@reports_errors
def show(ref: Annotated[str, typer.Argument(help="Article id, id prefix or URL.")], db: DbOption = DEFAULT_DB) -> None:
    """Show one stored article with its facts highlighted."""
    print_analysis(Store(db, create=False).get(ref))


@app.command()
@reports_errors
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
        elif json_:
            # One object per line: one article prints one object, several print JSONL.
            print_json(result.to_dict())
        else:
            print_analysis(result)
    if problems:
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
@reports_errors
def people(db: DbOption = DEFAULT_DB, json_: JsonOption = False) -> None:
    """List one profile per person across articles: spellings, ages, roles, latest state."""
    from .link.people import profiles

    found = profiles(linked_store(db))
    if json_:
        for profile in found:
            print_json(profile.to_dict())
        return
    out.print(render.profiles_table(found))


@app.command()
@reports_errors
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
        for analysis in store.analyses():
            stream.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if output:
            stream.close()


RefArgument = Annotated[str, typer.Argument(help="Article id, id prefix or URL in the database.")]


@app.command()
@reports_errors
def link(db: DbOption = DEFAULT_DB) -> None:
    """Link articles stored before linking existed (copies, people, stories); new ingests link themselves."""
    store = Store(db, create=False)
    with progress_bar("Linking") as (progress, task):
        log = ErrorLog()
        linked = linker.link_pending(
            store, on_progress=lambda: progress.advance(task), seconds=DEFAULT_LIMITS.linking_seconds,
            on_note=lambda problem: print_problem(problem, "note:", log),
        )
    err.print(plain(f"Linked {plural(linked, 'article')} in {db}"))


@app.command()
@reports_errors
def copies(db: DbOption = DEFAULT_DB, json_: JsonOption = False) -> None:
    """List copies with their traced sources, and independent reports of the same story."""
    from .link.copies import copies as related_pairs

    store = linked_store(db)
    rows = related_pairs(store)
    if json_:
        for row in rows:
            print_json(row.to_dict())
        return
    out.print(render.links_table(rows, {article["id"]: article for article in store.articles()}))


@app.command()
@reports_errors
def diff(
    copy: Annotated[str, typer.Argument(help="The copy: a file, or an article id, id prefix or URL in the database.")],
    source: Annotated[str, typer.Argument(help="Its source: a file, or an article id, id prefix or URL.")],
    db: DbOption = DEFAULT_DB,
    json_: JsonOption = False,
) -> None:
    """Compare a copy with its source: the verdict, the aligned sentences and every distortion."""
    store = None if Path(copy).is_file() and Path(source).is_file() else Store(db, create=False)
    copy_analysis, source_analysis = (load_one(ref, store) for ref in (copy, source))
    from .link.compare import compare

    result = compare(copy_analysis, source_analysis)
    if json_:
        print_json(result.to_dict())
        return
    out.print(render.comparison(result, copy_analysis.article.url, source_analysis.article.url))


@app.command()
@reports_errors
def trace(ref: RefArgument, db: DbOption = DEFAULT_DB, json_: JsonOption = False) -> None:
    """Show the provenance tree of an article's story: its earliest source and every copy of it."""
    from .link.copies import trace as provenance

    store = linked_store(db)
    tree = provenance(store, store.find(ref))
    if json_:
        print_json(tree.to_dict())
        return
    out.print(render.provenance(tree.to_dict()), soft_wrap=False)  # wrap long URLs inside the tree


@app.command()
@reports_errors
def person(
    name: Annotated[str, typer.Argument(help="A name or alias; spelling variants match too.")],
    db: DbOption = DEFAULT_DB,
    json_: JsonOption = False,
    all_: Annotated[bool, typer.Option("--all", help="Every matching profile, not only the best.")] = False,
) -> None:
    """Show one person across articles: spellings, ages, roles, conflicts and the timeline."""
    from .link.people import find_profiles

    found = find_profiles(linked_store(db), name)
    if not found:
        raise NotFound(f"No person matching {name!r} in {db}.")
    chosen = found if all_ else found[:1]
    if json_:
        print_json([p.to_dict() for p in chosen] if all_ else chosen[0].to_dict())
        return
    for profile in chosen:
        out.print(render.profile(profile.to_dict()))


@app.command()
@reports_errors
def stories(db: DbOption = DEFAULT_DB, json_: JsonOption = False) -> None:
    """List stories: articles about the same events over time."""
    from .link.stories import stories as story_list

    rows = story_list(linked_store(db))
    if json_:
        for row in rows:
            print_json(row.to_dict())
        return
    out.print(render.stories_table(rows))


def linked_store(db: str) -> Store:
    """The database for a command that reads links, warning when some articles are not linked yet."""
    store = Store(db, create=False)
    waiting = len(linker.pending(store))
    if waiting:
        err.print(
            f"note: {plural(waiting, 'article')} in {db} not linked yet (stored by an older newstrace "
            f"or an interrupted run): run `newstrace link --db {db}`",
            markup=False,
        )
    return store


def load_one(ref: str, store: Store | None) -> Analysis:
    """One analysis: a file analysed now if ``ref`` names a file, else a stored article."""
    if Path(ref).is_file():
        results = list(pipeline.analyze_paths([ref]))
        analyses = [r for r in results if isinstance(r, Analysis)]
        if len(results) != 1 or not analyses:
            reason = results[0].reason if results and not analyses else "it holds several articles"
            raise InputError(f"Cannot compare {ref}: {reason}.")
        return analyses[0]
    return store.get(ref)


@app.command()
@reports_errors
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


# -- formatting ---------------------------------------------------------------

KIND_STYLES = {"person": "bold cyan", "organization": "bold magenta", "place": "bold green"}


def print_analysis(analysis: Analysis) -> None:
    article = analysis.article
    out.print(plain(article.title or "(no title)", style="bold"))
    details = [article.site, article.published, article.dateline, article.language]
    out.print(Text(" | ").join([url_text(article.url), *(plain(d) for d in details if d)]), style="dim")
    for note in analysis.notes:
        out.print(plain(f"note: {note}", style="yellow"))
    text = Text(safe(article.text, keep_length=True))  # offsets of the highlights stay valid
    for quote in analysis.quotes:
        text.stylize("italic", quote.evidence.start, quote.evidence.end)
    for flag in analysis.flags:
        text.stylize("red", flag.evidence.start, flag.evidence.end)
    for entity in analysis.entities:
        for mention in entity.mentions:
            text.stylize(KIND_STYLES.get(entity.kind, "bold"), mention.start, mention.end)
    out.print(text)
    out.print(
        "Highlighted: [bold cyan]people[/] [bold magenta]organizations[/] [bold green]places[/] "
        "[italic]quotes[/] [red]flagged sentences[/]",
        style="dim",
    )
    names = {e.id: e.name for e in analysis.entities}
    if analysis.people:
        table = Table("person", "age", "roles", "nationalities", "relations", "status", title="People")
        for person in analysis.people:
            relations = [f"{a.value} of {names.get(a.of, a.of)}" for a in person.attributes if a.field == "relation"]
            table.add_row(
                plain(person.name),
                str(person.age or ""),
                plain("; ".join(person.values("role"))),
                plain(", ".join(person.values("nationality"))),
                plain(", ".join(dict.fromkeys(relations))),
                plain(", ".join(
                    s.state + (f" {s.time.value or s.time.text}" if s.time else "")
                    for s in analysis.statuses
                    if s.person == person.id
                )),
            )
        out.print(table)
    if analysis.quotes:
        table = Table("speaker", "quote", "cue", "kind", "medium", title="Quotes")
        for quote in analysis.quotes:
            speaker = names.get(quote.speaker) or (f"({quote.speaker_name}?)" if quote.speaker_name else "?")
            table.add_row(plain(speaker), plain(quote.text), plain(quote.cue), quote.kind, plain(quote.medium or ""))
        out.print(table)
    if analysis.events:
        table = Table("type", "trigger", "agent", "target", "time", "modality", "channel", title="Events")
        for column in table.columns:
            column.overflow = "fold"
        for event in analysis.events:
            table.add_row(
                f"{event.type}/{event.mode}" if event.mode else event.type,
                plain(event.trigger),
                plain(_participants(event, "agent", names)),
                plain(_participants(event, "target", names)),
                plain((event.time.value or event.time.text) if event.time else ""),
                event.modality,
                plain(_channel(event, names)),
            )
        out.print(table)
    if analysis.lists:
        table = Table("list", "claimed size", "owner", "recipient", "named members", title="Lists")
        for named in analysis.lists:
            table.add_row(
                plain(article.text[named.evidence.start : named.evidence.end]),
                str(named.claimed_size or ""),
                plain(names.get(named.owner) or named.owner_name or ""),
                plain(names.get(named.recipient) or named.recipient_name or ""),
                plain(", ".join(names.get(m, m) for m in named.members)),
            )
        out.print(table)
    for flag in analysis.flags:
        out.print(plain(f"flag {flag.kind}: {flag.text!r} ({flag.reason})", style="red"))
    for kind, title in (("organization", "Organizations"), ("place", "Places")):
        listed = [e.name for e in analysis.of_kind(kind)]
        if listed:
            out.print(plain(f"{title}: " + ", ".join(listed)))


def _participants(event, role: str, names: dict[str, str]) -> str:
    """An event's agents or targets: its typed actors ("Russian officials (government)"), else entity names."""
    actors = [a for a in event.actors if a.role == role]
    if actors:
        return ", ".join(f"{a.name} ({a.type})" if a.type else a.name for a in actors)
    return ", ".join(names.get(i, i) for i in (event.agent if role == "agent" else event.target))


def _channel(event, names: dict[str, str]) -> str:
    """How a release came about: "mediated by Qatar; not part_of the agreement; during the truce"."""
    parts = []
    if event.channel:
        via = ", ".join(names.get(m, m) for m in event.mediators)
        parts.append(f"{event.channel} by {via}" if via else event.channel)
    parts += [f"{'not ' if f.negated else ''}{f.relation} {f.text}" for f in event.frameworks]
    return "; ".join(parts)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def main() -> None:  # pragma: no cover - console entry point alias
    app()
