"""Paths, directories, JSONL files and stdin -> Documents (or a Problem per bad input).

Nothing here raises for one bad input: a batch of thousands goes on, and each
failure is one line naming the input and the reason.
"""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Document, Problem

# Inputs above this size are refused before they are read (override with --max-size).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_SUFFIX = ".meta.json"
METADATA_FIELDS = ("url", "site", "published", "title")


def read_documents(
    paths: Iterable[str | Path],
    *,
    url: str | None = None,
    site: str | None = None,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | Problem]:
    """Documents from files, directories (recursive), JSONL files and ``-`` (stdin).

    * ``.txt``/``.text`` are scraped text, ``.html``/``.htm``/``.xhtml`` HTML,
      ``.jsonl``/``.ndjson`` one article per line (``url``, ``site``, ``title``,
      ``published`` and ``text`` or ``html``; source ``FILE:LINE``); each may be
      gzipped (``.txt.gz``...). A named file of another extension is sniffed.
    * A directory is walked recursively in sorted order; hidden files and
      folders, ``*.meta.json`` sidecars and files of unknown extensions are
      skipped silently (a folder of articles often holds notes and images).
    * ``-`` reads stdin and sniffs HTML, JSONL or text.
    * ``FILE.meta.json`` beside a file gives ``url``, ``site``, ``published``,
      ``title``; the ``url``/``site``/``published`` arguments override it (and
      apply to every input).
    * Nothing raises for one bad input: it is a ``Problem(source, reason)`` and
      the rest go on. Files over ``max_bytes`` are refused from their size on
      disk (a gzip from its decompressed size, reading at most ``max_bytes + 1``).
    """
    overrides = {k: v for k, v in {"url": url, "site": site, "published": published}.items() if v}
    for given in paths:
        if str(given) == "-":
            yield from _read_stdin(overrides, max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            for child in _walk(path):
                yield from _read_file(child, overrides, max_bytes)
        else:
            yield from _read_file(path, overrides, max_bytes)


def _walk(folder: Path) -> Iterator[Path]:
    """Known article files below a folder, sorted; hidden files and sidecars skipped."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.name.endswith(META_SUFFIX):
            continue
        if path.is_file() and _kind(path) is not None:
            yield path


def _kind(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _read_file(path: Path, overrides: dict, max_bytes: int) -> Iterator[Document | Problem]:
    source = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            yield Problem(source, "not a regular file")
            return
        if size > max_bytes:
            yield Problem(source, f"file is {_size(size)}, larger than the limit of {_size(max_bytes)}")
            return
        content = _read_bytes(path, max_bytes)
    except FileNotFoundError:
        yield Problem(source, "no such file or directory")
        return
    except PermissionError:
        yield Problem(source, "permission denied")
        return
    except IsADirectoryError:
        yield Problem(source, "is a directory")
        return
    except (OSError, EOFError, zlib.error) as error:
        yield Problem(source, _os_reason(error))
        return
    if content is None:
        yield Problem(source, f"decompressed content is larger than the limit of {_size(max_bytes)}")
        return
    kind = _kind(path) or sniff(content)
    if kind == "jsonl":
        yield from _read_jsonl(content, source, overrides)
        return
    metadata = {**_sidecar(path), **overrides}
    if isinstance(metadata.get("_problem"), str):
        yield Problem(source, metadata.pop("_problem"))
        return
    yield Document(source=source, kind=kind, content=content, **metadata)


def _read_bytes(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes (gunzipped for .gz), or None when they exceed ``max_bytes``."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rb") as stream:
        content = stream.read(max_bytes + 1)
    return None if len(content) > max_bytes else content


def _sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.name + META_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return {"_problem": f"unreadable sidecar {sidecar.name}: {error}"}
    if not isinstance(data, dict):
        return {"_problem": f"sidecar {sidecar.name} is not a JSON object"}
    return {k: str(data[k]) for k in METADATA_FIELDS if data.get(k)}


def _read_stdin(overrides: dict, max_bytes: int) -> Iterator[Document | Problem]:
    content = sys.stdin.buffer.read(max_bytes + 1)
    if len(content) > max_bytes:
        yield Problem("<stdin>", f"input is larger than the limit of {_size(max_bytes)}")
        return
    kind = sniff(content)
    if kind == "jsonl":
        yield from _read_jsonl(content, "<stdin>", overrides)
    else:
        yield Document(source="<stdin>", kind=kind, content=content, **overrides)


def _read_jsonl(content: bytes, source: str, overrides: dict) -> Iterator[Document | Problem]:
    for number, line in enumerate(content.decode("utf-8-sig", errors="replace").splitlines(), start=1):
        where = f"{source}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(where, f"invalid JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(record, dict):
            yield Problem(where, "a JSONL line must be an object with 'text' or 'html'")
            continue
        metadata = {k: str(record[k]) for k in METADATA_FIELDS if record.get(k)}
        metadata.update(overrides)
        if isinstance(record.get("html"), str) and record["html"].strip():
            yield Document(source=where, kind="html", text=record["html"], **metadata)
        elif isinstance(record.get("text"), str) and record["text"].strip():
            yield Document(source=where, kind="text", text=record["text"], **metadata)
        else:
            yield Problem(where, "no 'text' or 'html' field with content")


def sniff(content: bytes) -> str:
    """'html', 'jsonl' or 'text' from the first bytes of an input of unknown type."""
    head = content[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<p>" in head:
        return "html"
    if head.startswith(b"{"):
        first_line = content.lstrip().split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except ValueError:
            pass
    return "text"


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
    return getattr(error, "strerror", None) or str(error) or error.__class__.__name__
