"""WARC files (Common Crawl's CC-NEWS among them) -> Documents, streamed with warcio.

Each ``response`` record whose HTTP answer is a 200 HTML page becomes a
Document with ``WARC-Target-URI`` as its url and ``WARC-Date`` as the date
used when the page states none. The other records are counted, not listed: a
CC-NEWS file holds tens of thousands, and a line for each request record would
drown the lines that matter. Filters (dates, language, sites) are read before
the page is parsed, so a file can be narrowed cheaply.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html as lxml_html
from lxml.etree import ParserError
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document, Problem
from .language import LANGUAGE_SAMPLE_CHARS, detect_language
from .decode import SNIFF_BYTES
from .fetch import HTML_TYPES, decoded_by_charset

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
# The language a page declares: <html lang="en-GB"> (read from the first bytes only).
HTML_LANG = re.compile(rb"""<html[^>]{0,500}?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.IGNORECASE)


@dataclass(frozen=True)
class RecordFilter:
    """Which records to read: crawl dates (``since`` inclusive, ``until`` exclusive), language, sites."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    language: str | None = None  # ISO 639-1
    domains: tuple[str, ...] = ()  # a record's host is one of these or a subdomain of one

    def date_refusal(self, crawled: dt.datetime | None) -> bool:
        if crawled is None:
            return self.since is not None or self.until is not None
        return (self.since is not None and crawled < self.since) or (self.until is not None and crawled >= self.until)

    def keeps_site(self, url: str) -> bool:
        if not self.domains:
            return True
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        return any(host == domain or host.endswith("." + domain) for domain in self.domains)


def filter_bound(value: str, end: bool = False) -> dt.datetime:
    """A --since/--until value as a UTC datetime; a bare date as the start of that day (``end``:
    of the next one, so --until 2024-11-14 keeps that day). InputError when it is no date."""
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{value!r} is not a date; use ISO 8601, e.g. 2024-11-14 or 2024-11-14T06:00") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    if end and len(value.strip()) == 10:
        moment += dt.timedelta(days=1)
    return moment


@dataclass
class WarcCounts:
    """What reading WARC files found, for the summary line."""

    records: int = 0
    pages: int = 0  # HTML pages passed on to become articles
    not_html: int = 0  # responses of another content type (images, PDFs, robots.txt...)
    not_ok: int = 0  # responses whose HTTP status is not 200 (redirects, errors)
    other_records: int = 0  # request, metadata, warcinfo... records
    other_dates: int = 0
    other_languages: int = 0
    other_sites: int = 0

    def summary(self) -> str:
        skipped = [
            f"{count:,} {what}"
            for count, what in (
                (self.not_html, "not HTML"),
                (self.not_ok, "status other than 200"),
                (self.other_records, "not a response (request, metadata...)"),
                (self.other_dates, "outside --since/--until"),
                (self.other_languages, "not in --lang"),
                (self.other_sites, "not from --domain"),
            )
            if count
        ]
        read = f"WARC records: {self.records:,}, HTML pages read: {self.pages:,}"
        return read + (f"; skipped: {', '.join(skipped)}" if skipped else "")


@dataclass
class WarcReader:
    """Reads WARC files with one filter, adding up what it found in ``counts``."""

    filter: RecordFilter = field(default_factory=RecordFilter)
    counts: WarcCounts = field(default_factory=WarcCounts)

    def documents(self, path: Path, source: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | Problem]:
        """The pages of one WARC file (gzipped per record or not), in file order."""
        try:
            if not _starts_as_warc(path):
                yield Problem(source, "not a WARC file (it does not start with a WARC/1.x record)")
                return
            with open(path, "rb") as stream:
                records = ArchiveIterator(stream)
                iterator, read = iter(records), 0
                while True:
                    try:
                        record = next(iterator)
                    except StopIteration:
                        break
                    except ArchiveLoadFailed:
                        raise
                    except Exception as error:  # warcio fails in many ways on a cut or damaged file
                        yield Problem(source, f"WARC file is truncated or corrupt after {read:,} records "
                                              f"({error.__class__.__name__})")
                        return
                    read += 1
                    # warcio knows a record's offset only once it is read to its end: asked after.
                    item = self._page(record, lambda: f"{source}@{records.get_record_offset()}", limits)
                    if item is not None:
                        yield item
        except ArchiveLoadFailed as error:
            yield Problem(source, f"not a readable WARC file ({str(error).strip() or 'unknown format'})")
        except OSError as error:
            yield Problem(source, f"cannot read WARC file: {error.strerror or error}")

    def _page(self, record, source: Callable[[], str], limits: Limits) -> Document | Problem | None:
        counts, wanted = self.counts, self.filter
        counts.records += 1
        if record.rec_type != "response" or record.http_headers is None:
            counts.other_records += 1
            return None
        if record.http_headers.get_statuscode() != "200":
            counts.not_ok += 1
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
        if content_type.split(";", 1)[0].strip().lower() not in HTML_TYPES:
            counts.not_html += 1
            return None
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        if not wanted.keeps_site(url):
            counts.other_sites += 1
            return None
        crawled = record.rec_headers.get_header("WARC-Date")
        if wanted.date_refusal(_crawl_time(crawled)):
            counts.other_dates += 1
            return None
        try:
            body = record.content_stream().read(limits.max_bytes + 1)
        except (OSError, EOFError, zlib.error, ValueError) as error:
            return Problem(source(), f"record is truncated or corrupt ({error.__class__.__name__})")
        if len(body) > limits.max_bytes:
            return Problem(source(), f"record is larger than the limit of {limits.max_bytes:,} bytes")
        if wanted.language and page_language(body, record.http_headers.get_header("Content-Language")) != wanted.language:
            counts.other_languages += 1
            return None
        counts.pages += 1
        text = decoded_by_charset(body, content_type)
        content = {"text": text} if text is not None else {"content": body}
        return Document(source=source(), kind="html", url=url or None, crawled=crawled, **content)


def _starts_as_warc(path: Path) -> bool:
    """Does the file (gzipped or not) begin with a WARC record? warcio reads anything, noisily."""
    with open(path, "rb") as stream:
        head = stream.read(2)
        stream.seek(0)
        if head == GZIP_MAGIC:
            try:
                with gzip.open(stream) as unzipped:
                    return unzipped.read(len(WARC_MAGIC)) == WARC_MAGIC
            except (OSError, EOFError, zlib.error):
                return False
        return stream.read(len(WARC_MAGIC)) == WARC_MAGIC


def _crawl_time(value: str | None) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    return moment.replace(tzinfo=dt.timezone.utc) if moment and moment.tzinfo is None else moment


def page_language(body: bytes, content_language: str | None = None) -> str | None:
    """The language a page declares (<html lang>, else Content-Language), else the one its visible text reads as."""
    declared = HTML_LANG.search(body[:SNIFF_BYTES])
    if declared:
        return declared.group(1).decode("ascii").lower()[:2]
    if content_language and content_language.strip()[:2].isalpha():
        return content_language.strip()[:2].lower()
    try:
        text = lxml_html.document_fromstring(body).text_content()
    except (ParserError, ValueError):
        return None
    return detect_language(" ".join(text.split())[:LANGUAGE_SAMPLE_CHARS])
