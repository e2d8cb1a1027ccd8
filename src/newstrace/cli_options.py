"""The command line's options shared by several commands, each declared once (``cli.py``)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .store import browse

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
PageOption = Annotated[Optional[int], typer.Option("--page", min=1, help="Print only this page (from 1) of --size rows.")]
SizeOption = Annotated[int, typer.Option("--size", min=1, max=browse.MAX_PAGE_SIZE, help="Rows per page with --page.")]
AfterOption = Annotated[
    Optional[str],
    typer.Option("--after", help="Print the --size rows after this cursor (the one the page before printed as "
                                 "its next page), reading none of the rows before it."),
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
IngestWorkersOption = Annotated[int, typer.Option("--workers", min=1, max=64, help=(
    "Parse and extract in this many processes (each loads the model once) while one process stores and links "
    "in input order; also fetch this many URLs at a time."))]
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

