"""Paths, directories, JSONL files and stdin -> Documents (or a Problem per bad input).

Nothing here raises for one bad input: a batch of thousands goes on, and each
failure is one line naming the input and the reason.
"""

from __future__ import annotations

import errno
import gzip
import itertools
import os
import stat
import sys
import traceback
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document, Problem
from .decode import sniff
from .jsondata import clean_string, load_json, metadata_fields

if TYPE_CHECKING:  # imported when a URL or a WARC file comes (httpx and warcio load slowly)
    from .fetch import Fetcher
    from .warc import WarcReader

# Inputs above this size are refused before they are read (override with --max-size).
DEFAULT_MAX_BYTES = DEFAULT_LIMITS.max_bytes

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}
META_SUFFIX = ".meta.json"
METADATA_FIELDS = ("url", "site", "published", "title")
# What a path that is not a regular file is, for the skip line.
FILE_TYPES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
BROKEN_LINK = "broken symbolic link (its target does not exist)"
# Why a path could not be read, by errno, in words a user can act on.
OS_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "symbolic link loop",
    errno.ENAMETOOLONG: "file name or path longer than the system allows",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "a part of the path is not a folder",
}


def read_documents(
    paths: Iterable[str | Path],
    *,
    url: str | None = None,
    site: str | None = None,
    published: str | None = None,
    max_bytes: int | None = None,
    follow_links: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    fetcher: Fetcher | None = None,
    warc: WarcReader | None = None,
) -> Iterator[Document | Problem]:
    """Documents from files, directories (recursive), JSONL files, WARC files, URLs and ``-`` (stdin).

    * ``.txt``/``.text`` are scraped text, ``.html``/``.htm``/``.xhtml`` HTML,
      ``.jsonl``/``.ndjson`` one article per line (``url``, ``site``, ``title``,
      ``published`` and ``text`` or ``html``; source ``FILE:LINE``); each may be
      gzipped (``.txt.gz``...). A named file of another extension is sniffed.
    * A directory is walked recursively in sorted order; hidden files and
      folders, ``*.meta.json`` sidecars and files of unknown extensions are
      skipped silently (a folder of articles often holds notes and images).
      Symbolic links that lead out of the folder given are skipped with a line
      unless ``follow_links``; folders deeper than ``limits.max_folder_depth``
      are skipped with a line.
    * ``-`` reads stdin and sniffs HTML, JSONL or text.
    * ``FILE.meta.json`` beside a file gives ``url``, ``site``, ``published``,
      ``title``; the ``url``/``site``/``published`` arguments override it (and
      apply to every input).
    * An ``http(s)://`` URL is fetched by ``fetcher`` (``ingest.fetch``: timeouts, size cap,
      robots.txt, no private addresses; consecutive URLs ``fetcher.settings.workers`` at a
      time), and so is each line of a text file whose lines are all URLs (a URL list).
    * ``.warc``/``.warc.gz`` files are streamed by ``warc`` (``ingest.warc``: its filters
      and counts), one Document per HTML response record.
    * Only regular files are read (a FIFO, a device or a socket is a Problem).
    * Nothing raises for one bad input: it is a ``Problem(source, reason)`` and
      the rest go on. Files over ``max_bytes`` are refused from their size on
      disk (a gzip from its decompressed size, reading at most ``max_bytes + 1``).
    """
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    overrides = {k: v for k, v in {"url": url, "site": site, "published": published}.items() if v}
    web = _WebSources(fetcher, warc, overrides)
    try:
        for is_address, group in itertools.groupby(paths, key=lambda given: _is_url(str(given))):
            if is_address:  # consecutive URLs: fetched together, so that workers overlap
                yield from web.pages([str(given) for given in group])
            else:
                for given in group:
                    yield from _read_path(given, overrides, limits, follow_links, web)
    finally:
        web.close()


def _read_path(given: str | Path, overrides: dict, limits: Limits, follow_links: bool,
               web: _WebSources) -> Iterator[Document | Problem]:
    if str(given) == "-":
        yield from _guarded("<stdin>", _read_stdin(overrides, limits, web))
        return
    path = Path(given)
    try:
        is_folder = path.is_dir()
    except OSError as error:
        yield Problem(display_name(path), _os_reason(error))
        return
    if not is_folder:
        yield from _guarded(display_name(path), _read_file(path, overrides, limits, web))
        return
    for child in _guarded(display_name(path), _walk(path, follow_links, limits.max_folder_depth)):
        if isinstance(child, Problem):
            yield child
        else:
            yield from _guarded(display_name(child), _read_file(child, overrides, limits, web))


def _is_url(text: str) -> bool:
    """An http(s) URL, not a path (a file named 'http:' is rare; a URL without '//' is none)."""
    return text.lower().startswith(("http://", "https://"))


def is_url_list(content: bytes) -> bool:
    """Is this text a list of URLs, one per line (blank lines and # comments allowed)?"""
    urls = _listed_urls(content)
    return bool(urls) and all(_is_url(line) and not any(c.isspace() for c in line) for line in urls)


def _listed_urls(content: bytes) -> list[str]:
    lines = (line.strip() for line in content.decode("utf-8", errors="replace").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


class _WebSources:
    """The fetcher and WARC reader of one read: the caller's, or defaults made when first needed."""

    def __init__(self, fetcher: Fetcher | None, warc: WarcReader | None, overrides: dict) -> None:
        self.fetcher, self.warc = fetcher, warc
        self._own_fetcher = False
        # --site and --published apply to every input; --url names one file, not a fetched page.
        self.overrides = {k: v for k, v in overrides.items() if k != "url"}

    def pages(self, urls: list[str]) -> Iterator[Document | Problem]:
        if self.fetcher is None:
            from .fetch import Fetcher

            self.fetcher, self._own_fetcher = Fetcher(), True
        for item in self.fetcher.documents(urls):
            yield replace(item, **self.overrides) if isinstance(item, Document) and self.overrides else item

    def records(self, path: Path, limits: Limits) -> Iterator[Document | Problem]:
        if self.warc is None:
            from .warc import WarcReader

            self.warc = WarcReader()
        for item in self.warc.documents(path, display_name(path), limits):
            yield replace(item, **self.overrides) if isinstance(item, Document) and self.overrides else item

    def close(self) -> None:
        if self._own_fetcher and self.fetcher is not None:
            self.fetcher.close()


def display_name(path: str | Path) -> str:
    """A path as text that can be printed and stored: undecodable bytes of a file name as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _guarded(source: str, items: Iterator) -> Iterator:
    """The items of one input; an unexpected error ends that input only, as an internal-error Problem."""
    try:
        yield from items
    except Exception as error:  # a bug must cost one input, not the batch
        yield Problem.internal(source, error, traceback.format_exc())


def _walk(folder: Path, follow_links: bool, max_depth: int) -> Iterator[Path | Problem]:
    """Known article files below a folder in sorted path order, and a Problem per part not walked.

    Iterative (a tree 1,000 levels deep is no recursion); hidden files and sidecars skipped.
    Non-regular files of a known extension are yielded so that reading names them.
    """
    try:
        root = folder.resolve()
    except (OSError, RuntimeError) as error:
        yield Problem(display_name(folder), _os_reason(error))
        return
    found: list[tuple[str, Path | Problem]] = []
    visited: set[Path] = {root}
    stack: list[tuple[Path, int]] = [(folder, 0)]
    while stack:
        current, level = stack.pop()
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            found.append((str(current), Problem(display_name(current), f"cannot read folder: {_os_reason(error)}")))
            continue
        for entry in entries:
            path = current / entry.name
            if entry.name.startswith(".") or entry.name.endswith(META_SUFFIX):
                continue
            key = str(path)
            is_link = False
            try:
                is_link = entry.is_symlink()
                is_folder = entry.is_dir(follow_symlinks=False)
                if is_link:
                    target = path.resolve(strict=True)
                    is_folder = target.is_dir()
                    if not follow_links and not target.is_relative_to(root):
                        if is_folder or _kind(path) is not None:
                            found.append((key, Problem(display_name(path), "symbolic link out of the folder given "
                                                       "(use --follow-links to read it)")))
                        continue
                    if is_folder and target in visited:
                        continue  # a link back into a folder already walked
                    if is_folder:
                        visited.add(target)
            except (OSError, RuntimeError) as error:  # a dangling link or a link loop
                if _kind(path) is not None:
                    reason = BROKEN_LINK if is_link and isinstance(error, FileNotFoundError) else _os_reason(error)
                    found.append((key, Problem(display_name(path), reason)))
                continue
            if is_folder:
                if level + 1 > max_depth:
                    found.append((key, Problem(display_name(path), f"folder nested deeper than the limit of "
                                               f"{max_depth} levels (max_folder_depth)")))
                else:
                    stack.append((path, level + 1))
            elif _kind(path) is not None:
                found.append((key, path))
    for _key, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _kind(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _read_file(path: Path, overrides: dict, limits: Limits, web: _WebSources) -> Iterator[Document | Problem]:
    source = display_name(path)
    if _kind(path) == "warc":  # streamed record by record: CC-NEWS files are a gigabyte each
        yield from web.records(path, limits)
        return
    try:
        content = _read_regular(path, limits.max_bytes)
    except InputError as error:
        yield Problem(source, str(error))
        return
    kind = _kind(path) or sniff(content)
    if kind == "jsonl":
        yield from _read_jsonl(content, source, overrides, limits)
        return
    if kind == "text" and is_url_list(content):
        yield from web.pages(_listed_urls(content))
        return
    try:
        metadata = {**_sidecar(path, limits), **overrides}
    except InputError as error:
        yield Problem(source, str(error))
        return
    yield Document(source=source, kind=kind, content=content, **metadata)


def _read_regular(path: Path, max_bytes: int, too_large: str = "file") -> bytes:
    """The bytes of a regular file (gunzipped for .gz); InputError for anything else or too many bytes."""
    try:
        info = os.stat(path)
        kind = next((name for test, name in FILE_TYPES if test(info.st_mode)), None)
        if kind or not stat.S_ISREG(info.st_mode):
            raise InputError(f"not a regular file ({kind or 'special file'})")
        if info.st_size > max_bytes:
            raise InputError(f"{too_large} is {_size(info.st_size)}, larger than the limit of {_size(max_bytes)}")
        content = _read_bytes(path, max_bytes)
    except FileNotFoundError:
        broken = os.path.lexists(path)
        raise InputError(BROKEN_LINK if broken else "no such file or directory") from None
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(_os_reason(error)) from None
    if content is None:
        raise InputError(f"decompressed content is larger than the limit of {_size(max_bytes)}")
    return content


def _read_bytes(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes (gunzipped for .gz), or None when they exceed ``max_bytes``."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rb") as stream:
        content = stream.read(max_bytes + 1)
    return None if len(content) > max_bytes else content


def _sidecar(path: Path, limits: Limits) -> dict:
    """Metadata from ``FILE.meta.json``; {} when there is none; InputError when it cannot be used."""
    sidecar = path.with_name(path.name + META_SUFFIX)
    try:
        os.lstat(sidecar)
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENAMETOOLONG):  # none, or a name no sidecar can have
            return {}
        raise InputError(f"unreadable sidecar {display_name(sidecar.name)}: {_os_reason(error)}") from None
    try:
        content = _read_regular(sidecar, limits.max_sidecar_bytes, too_large="sidecar")
        data = load_json(content.decode("utf-8-sig"), limits.max_json_depth)
    except UnicodeDecodeError:
        raise InputError(f"unreadable sidecar {display_name(sidecar.name)}: not UTF-8") from None
    except InputError as error:
        raise InputError(f"unreadable sidecar {display_name(sidecar.name)}: {error}") from None
    if not isinstance(data, dict):
        raise InputError(f"sidecar {display_name(sidecar.name)} is not a JSON object")
    return metadata_fields(data, METADATA_FIELDS)


def _read_stdin(overrides: dict, limits: Limits, web: _WebSources) -> Iterator[Document | Problem]:
    content = sys.stdin.buffer.read(limits.max_bytes + 1)
    if len(content) > limits.max_bytes:
        yield Problem("<stdin>", f"input is larger than the limit of {_size(limits.max_bytes)}")
        return
    kind = sniff(content)
    if kind == "jsonl":
        yield from _read_jsonl(content, "<stdin>", overrides, limits)
    elif kind == "text" and is_url_list(content):
        yield from web.pages(_listed_urls(content))
    else:
        yield Document(source="<stdin>", kind=kind, content=content, **overrides)


def _read_jsonl(content: bytes, source: str, overrides: dict, limits: Limits) -> Iterator[Document | Problem]:
    """One Document per line. Lines end at \\n only: U+2028, U+2029 and U+0085 may stand inside a string."""
    records = 0
    for number, raw in enumerate(content.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        where = f"{source}:{number}"
        line = raw.decode("utf-8", errors="replace").rstrip("\r")
        if not line.strip():
            continue
        records += 1
        try:
            record = load_json(line, limits.max_json_depth)
        except InputError as error:
            yield Problem(where, str(error))
            continue
        if not isinstance(record, dict):
            yield Problem(where, "a JSONL line must be an object with 'text' or 'html'")
            continue
        metadata = metadata_fields(record, METADATA_FIELDS)
        metadata.update(overrides)
        if isinstance(record.get("html"), str) and record["html"].strip():
            yield Document(source=where, kind="html", text=clean_string(record["html"]), **metadata)
        elif isinstance(record.get("text"), str) and record["text"].strip():
            yield Document(source=where, kind="text", text=clean_string(record["text"]), **metadata)
        else:
            yield Problem(where, "no 'text' or 'html' field with content")
    if not records:
        yield Problem(source, "no records: the JSONL input is empty")


def default_url(source: str) -> str:
    """The URL of an input that gave none: file:// + absolute path (DESIGN.md)."""
    if source.startswith("<stdin>"):
        line = source.partition(":")[2]
        return f"stdin:#L{line}" if line else "stdin:"
    path, _, line = source.rpartition(":") if _is_jsonl_source(source) else (source, "", "")
    url = Path(path).resolve().as_uri()
    return f"{url}#L{line}" if line else url


def _is_jsonl_source(source: str) -> bool:
    path, _, line = source.rpartition(":")
    return bool(path) and line.isdigit() and _kind(Path(path)) == "jsonl"


def _size(size: int) -> str:
    """A byte count for people: "50.0 MB", "2.8 KB", "1000 bytes"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def _os_reason(error: BaseException) -> str:
    if isinstance(error, gzip.BadGzipFile) or isinstance(error, (EOFError, zlib.error)):
        return "corrupt gzip file"
    if isinstance(error, RuntimeError):  # Path.resolve on a symlink loop (Python 3.11)
        return "symbolic link loop"
    known = OS_REASONS.get(getattr(error, "errno", None))
    return known or getattr(error, "strerror", None) or str(error) or error.__class__.__name__
