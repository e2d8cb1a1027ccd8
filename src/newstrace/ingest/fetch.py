"""URLs -> Documents: fetching web pages politely and safely (httpx).

One ``Fetcher`` per run holds the HTTP client, the robots.txt answers and the
settings. ``Fetcher.documents(urls)`` yields a ``Document`` per page (or a
``Problem`` naming the URL and why it failed) and goes on: one bad URL never
stops a batch. Every attempt, good or bad, is also reported as a ``Fetch``
(final URL, status, time) to ``on_fetch``, in the caller's thread, so the
database can keep it (``store.fetches``).

What a fetch refuses, and why:

* Addresses that are not public (loopback, private, link-local, multicast,
  reserved), checked on the address actually connected to, after DNS
  resolution, for every connection: the first request, each redirect (followed
  here, one hop at a time) and robots.txt. A URL list is often someone else's
  data, and a newstrace server would otherwise fetch its own cloud metadata
  (169.254.169.254) or admin pages. ``allow_private`` lifts the guard;
  ``allowed_networks`` lifts it for some networks only (the tests' server).
* Pages robots.txt disallows for our User-Agent (RFC 9309), unless
  ``respect_robots`` is off.
* Bodies over ``max_bytes``, counted while streaming, after decompression (a
  gzip bomb stops at the cap, not in memory); content types that are not HTML
  or text; servers that answer too slowly.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import threading
import time
import traceback
import urllib.robotparser
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from .. import __version__
from ..errors import InputError
from ..limits import DEFAULT_LIMITS, MEGABYTE
from ..model import Document, Problem
from .decode import SNIFF_BYTES

# The product token robots.txt rules name; the User-Agent says who we are and why.
ROBOTS_AGENT = "newstrace"
USER_AGENT = f"newstrace/{__version__} (news article research; respects robots.txt)"


def _setting(default, help: str):
    """A field of ``FetchSettings``: its default and the one line the docs show."""
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class FetchSettings:
    # Typical of crawlers (Scrapy: 180 s for the whole download; wget: 900 s read). A news
    # page on a working server starts within a second or two; a dead host should not hold
    # a batch for minutes.
    connect_seconds: float = _setting(10.0, "seconds to wait for a connection")
    read_seconds: float = _setting(20.0, "seconds to wait for the next bytes of an answer")
    # A server that drips one byte every few seconds never trips the read timeout.
    total_seconds: float = _setting(60.0, "seconds for a whole page, redirects and retries included")
    # 429 and 5xx are often momentary (a deploy, a rate limit): two more tries, 1 s then 2 s
    # apart (or what Retry-After asks, up to max_retry_after).
    retries: int = _setting(2, "more tries after a 429 or 5xx answer")
    backoff_seconds: float = _setting(1.0, "wait before the first retry; doubled for each next one")
    max_retry_after: float = _setting(20.0, "longest Retry-After wait honoured; longer gives up")
    # Browsers stop at 20; news sites chain at most 3-4 (http -> https -> www -> consent page).
    max_redirects: int = _setting(8, "redirects followed before giving up")
    max_bytes: int = _setting(DEFAULT_LIMITS.max_bytes, "bytes of a page (after decompression) before it is refused")
    # robots.txt files are small; Google reads the first 500 KiB.
    max_robots_bytes: int = _setting(MEGABYTE // 2, "bytes of robots.txt read")
    user_agent: str = _setting(USER_AGENT, "User-Agent header sent")
    respect_robots: bool = _setting(True, "obey robots.txt (--ignore-robots turns it off)")
    allow_private: bool = _setting(False, "fetch loopback, private, link-local... addresses too (--allow-private)")
    allowed_networks: tuple[str, ...] = _setting((), "networks fetched even though not public, e.g. '127.0.0.1/32'")
    workers: int = _setting(1, "pages fetched at the same time (threads)")


DEFAULT_FETCH_SETTINGS = FetchSettings()

# Statuses worth another try; any other error status is final.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
# We decode these ourselves, chunk by chunk, so that the size cap holds after decompression.
ACCEPT_ENCODING = "gzip, deflate"
# Pages fetched ahead of the caller, per worker (enough to keep every worker busy).
FETCH_AHEAD = 2
URL_SCHEMES = ("http", "https")


class FetchError(InputError):
    """A URL gave no page: the message says why in one line."""


class AddressRefused(FetchError):
    """A host resolved only to addresses the guard refuses."""


@dataclass(frozen=True)
class Fetch:
    """One URL asked for, and what came back: the row ``store.fetches`` keeps."""

    url: str  # as given
    fetched_at: str  # ISO 8601, UTC, when the answer (or the failure) came
    final_url: str | None = None  # after redirects
    status: int | None = None  # HTTP status of the final answer; None when none came
    content_type: str | None = None
    size: int = 0  # bytes of the body after decompression
    error: str | None = None  # why no page came of it; None when one did
    redirects: tuple[str, ...] = ()  # the URLs redirected through, in order


@dataclass(frozen=True)
class Response:
    """A complete answer: the final URL after redirects, its status, headers and body."""

    url: str
    final_url: str
    status: int
    headers: httpx.Headers
    body: bytes
    redirects: tuple[str, ...] = ()


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# -- the address guard ------------------------------------------------------------------


def address_refusal(address: str, settings: FetchSettings) -> str | None:
    """Why an IP address may not be fetched ("a loopback address"), or None when it may."""
    if settings.allow_private:
        return None
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # a scoped IPv6 address ends in %eth0
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in ipaddress.ip_network(network, strict=False) for network in settings.allowed_networks):
        return None
    for kind, test in (
        ("a loopback address", ip.is_loopback),
        ("a link-local address", ip.is_link_local),
        ("a multicast address", ip.is_multicast),
        ("an unspecified address", ip.is_unspecified),
        ("a reserved address", ip.is_reserved),
        ("a private address", ip.is_private),
    ):
        if test:
            return kind
    return None if ip.is_global else "not a public address"


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses the guard allows, resolving the name itself.

    The check happens on the very address the socket connects to, so a name that
    resolves differently the second time (DNS rebinding) gains nothing.
    """

    def __init__(self, settings: FetchSettings) -> None:
        self.settings = settings

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as error:
            raise FetchError(f"cannot resolve host {host}: {getattr(error, 'strerror', None) or error}") from None
        addresses = list(dict.fromkeys(info[4][0] for info in found))
        refusals = [(address, address_refusal(address, self.settings)) for address in addresses]
        allowed = [address for address, refusal in refusals if refusal is None]
        if not allowed:
            address, refusal = refusals[0]
            what = f"{host} is {refusal}" if host == address else f"{host} resolves to {address}, {refusal}"
            raise AddressRefused(f"refused: {what} (--allow-private fetches such addresses)")
        return super().connect_tcp(allowed[0], port, timeout, local_address, socket_options)


# -- bodies ------------------------------------------------------------------------------


class _Decoder:
    """Content-Encoding undone chunk by chunk, never producing more than asked for."""

    def __init__(self, encoding: str) -> None:
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._inflate = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            self._inflate = zlib.decompressobj(32 + zlib.MAX_WBITS)  # 32: a gzip or zlib header
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r} (we ask for {ACCEPT_ENCODING})")

    @property
    def identity(self) -> bool:
        return self._inflate is None

    def feed(self, chunk: bytes, room: int) -> Iterator[bytes]:
        """The decoded bytes of ``chunk``, stopping once more than ``room`` bytes came out."""
        if self._inflate is None:
            yield chunk
            return
        try:
            data = chunk
            while data and room >= 0:
                out = self._inflate.decompress(data, room + 1)
                room -= len(out)
                yield out
                data = self._inflate.unconsumed_tail
        except zlib.error:
            raise FetchError("corrupt compressed body") from None


def _read_body(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    """The decoded body, refused once it passes ``max_bytes`` or the deadline."""
    decoder = _Decoder(response.headers.get("content-encoding", ""))
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes and decoder.identity:
        raise FetchError(f"page is {int(declared):,} bytes (Content-Length), over the limit of {max_bytes:,}")
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_raw():  # each network read as it comes: the deadline is checked per read
        for out in decoder.feed(chunk, max_bytes - size):
            size += len(out)
            parts.append(out)
            if size > max_bytes:
                raise FetchError(f"page is larger than the limit of {max_bytes:,} bytes (stopped reading)")
        if time.monotonic() > deadline:
            raise FetchError("page took too long to download (total_seconds)")
    return b"".join(parts)


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), None when absent or unreadable."""
    value = response.headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _network_reason(error: httpx.HTTPError, settings: FetchSettings) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return f"no connection within {settings.connect_seconds:g} s (connect timeout)"
    if isinstance(error, httpx.TimeoutException):
        return f"no answer within {settings.read_seconds:g} s (read timeout)"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect: {error}"
    return f"{error.__class__.__name__}: {error}"


# -- the fetcher -------------------------------------------------------------------------


class Fetcher:
    """Fetches pages for one run: one HTTP client, robots.txt answers cached per site."""

    def __init__(self, settings: FetchSettings = DEFAULT_FETCH_SETTINGS, on_fetch: Callable[[Fetch], None] | None = None):
        self.settings = settings
        self.on_fetch = on_fetch or (lambda _fetch: None)
        transport = httpx.HTTPTransport(trust_env=False)
        # The pool's connections go through the guard (httpx offers no public way to set this).
        transport._pool._network_backend = _GuardedBackend(settings)
        self.client = httpx.Client(
            transport=transport,
            trust_env=False,  # no proxy from the environment: the guard must see the real address
            follow_redirects=False,  # each hop is checked here
            timeout=httpx.Timeout(settings.read_seconds, connect=settings.connect_seconds),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._robots_lock = threading.Lock()
        self._site_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # -- one URL --

    def get(self, url: str, headers: dict[str, str] | None = None, max_bytes: int | None = None,
            robots: bool = True) -> Response:
        """The final answer for ``url`` after redirects (any status); FetchError when there is none."""
        settings = self.settings
        deadline = time.monotonic() + settings.total_seconds
        current, redirects = url, []
        for _hop in range(settings.max_redirects + 1):
            try:
                _check_url(current)
                if robots and settings.respect_robots:
                    self._check_robots(current)
                response = self._request(current, headers or {}, deadline)
            except FetchError as error:
                if not redirects:
                    raise
                raise type(error)(f"redirected to {current}: {error}") from None
            try:
                if response.status_code in REDIRECT_STATUSES and response.headers.get("location"):
                    redirects.append(current)
                    current = urljoin(current, response.headers["location"].strip())
                    continue
                body = b""
                if 200 <= response.status_code < 300:
                    body = _read_body(response, max_bytes or settings.max_bytes, deadline)
                return Response(url, current, response.status_code, response.headers, body, tuple(redirects))
            except httpx.HTTPError as error:
                raise FetchError(_network_reason(error, settings)) from None
            finally:
                response.close()
        raise FetchError(f"more than {settings.max_redirects} redirects (max_redirects)")

    def _request(self, url: str, headers: dict[str, str], deadline: float):
        """A streamed response to GET ``url``, retried on 429/5xx with backoff; the caller closes it."""
        settings = self.settings
        for attempt in range(settings.retries + 1):
            try:
                response = self.client.send(self.client.build_request("GET", url, headers=headers), stream=True)
            except httpx.HTTPError as error:
                raise FetchError(_network_reason(error, settings)) from None
            if response.status_code not in RETRY_STATUSES or attempt == settings.retries:
                return response
            wait = _retry_after(response)
            wait = settings.backoff_seconds * 2**attempt if wait is None else wait
            response.close()
            if wait > settings.max_retry_after or time.monotonic() + wait > deadline:
                raise FetchError(f"HTTP {response.status_code}; the next try would wait {wait:g} s, past the time limit")
            time.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns")

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._robots_lock:  # one lock per site: a slow robots.txt holds back only its own pages
            site_lock = self._site_locks.setdefault(origin, threading.Lock())
        with site_lock:
            rules = self._robots.get(origin)
            if rules is None:
                rules = self._robots[origin] = self._load_robots(origin)
        if isinstance(rules, str):
            raise FetchError(rules)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(f"robots.txt of {origin} disallows it (--ignore-robots fetches it anyway)")

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The site's robots.txt rules, or the reason every page of it is refused (RFC 9309)."""
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self.get(origin + "/robots.txt", max_bytes=self.settings.max_robots_bytes, robots=False)
        except AddressRefused:
            raise  # the site itself is refused: say that, not that its robots.txt is missing
        except FetchError as error:  # no answer at all: the site is down, or refuses us, for this run
            return f"cannot read robots.txt of {origin}: {error}"
        if response.status >= 500:
            return f"robots.txt of {origin} answered HTTP {response.status}, which forbids the site (RFC 9309)"
        # 4xx: no robots.txt, everything allowed (RFC 9309, 2.3.1.3, also for 401 and 403).
        text = response.body.decode("utf-8", errors="replace") if response.status < 300 else ""
        rules.parse(text.splitlines())
        return rules

    def fetch(self, url: str) -> tuple[Fetch, Document | Problem]:
        """One page as a Document (or a Problem saying why not), with the Fetch to record."""
        try:
            response = self.get(url)
        except FetchError as error:
            return Fetch(url, now(), error=str(error)), Problem(url, str(error))
        except httpx.InvalidURL as error:
            return Fetch(url, now(), error=f"invalid URL: {error}"), Problem(url, f"invalid URL: {error}")
        except Exception as error:  # a bug must cost one URL, not the batch
            problem = Problem.internal(url, error, traceback.format_exc())
            return Fetch(url, now(), error=problem.reason), problem
        content_type = response.headers.get("content-type")
        record = Fetch(url, now(), response.final_url, response.status, content_type, len(response.body),
                       redirects=response.redirects)
        try:
            document = page_document(response)
        except FetchError as error:
            return replace(record, error=str(error)), Problem(url, str(error))
        return record, document

    # -- many URLs --

    def documents(self, urls: Iterable[str]) -> Iterator[Document | Problem]:
        """The pages of ``urls`` in the order given, ``workers`` fetched at a time.

        At most ``workers * FETCH_AHEAD`` pages wait for the caller: analysis is slower than
        fetching, and a list of 100,000 URLs must not pile up in memory.
        """
        workers = max(1, self.settings.workers)
        urls = (url.strip() for url in urls)
        if workers == 1:
            for url in urls:
                yield self._recorded(self.fetch(url))
            return
        with ThreadPoolExecutor(workers, thread_name_prefix="newstrace-fetch") as pool:
            waiting: deque = deque()
            for url in urls:
                waiting.append(pool.submit(self.fetch, url))
                if len(waiting) >= workers * FETCH_AHEAD:
                    yield self._recorded(waiting.popleft().result())
            while waiting:
                yield self._recorded(waiting.popleft().result())

    def _recorded(self, result: tuple[Fetch, Document | Problem]) -> Document | Problem:
        record, item = result
        self.on_fetch(record)
        return item


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in URL_SCHEMES:
        raise FetchError(f"not an http(s) URL: {url}")
    if not parts.hostname:
        raise FetchError(f"no host in URL: {url}")


def page_document(response: Response) -> Document:
    """The Document of a fetched page: HTML or text by Content-Type, decoded by its charset."""
    if not 200 <= response.status < 300:
        raise FetchError(f"HTTP {response.status} {httpx.codes.get_reason_phrase(response.status)}".rstrip())
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type in HTML_TYPES:
        kind = "html"
    elif media_type in TEXT_TYPES:
        kind = "text"
    elif not media_type:
        from .decode import sniff  # a server that names no type: read the page like a file

        kind = "html" if sniff(response.body) == "html" else "text"
    else:
        raise FetchError(f"content type {media_type} is not HTML or text")
    text = decoded_by_charset(response.body, content_type)
    source = response.url
    if text is not None:
        return Document(source=source, kind=kind, text=text, url=response.final_url)
    return Document(source=source, kind=kind, content=response.body, url=response.final_url)


def decoded_by_charset(body: bytes, content_type: str) -> str | None:
    """The body decoded by the charset its Content-Type names; None to let ``decode`` detect it.

    A byte order mark outranks the header (as in browsers), and a body the named charset
    cannot decode is left to detection, like a wrong <meta charset>.
    """
    header = Message()
    header["content-type"] = content_type
    charset = header.get_content_charset()
    if not charset or body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        text = body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None
    return None if "\x00" in text[:SNIFF_BYTES] else text  # binary: let ``decode`` refuse it
