"""A small HTTP server on 127.0.0.1 for the fetch and feed tests: no outside host is ever contacted.

``LocalServer`` serves ``routes``: path -> a function of the request handler that
sends the answer. It records each request (path and headers) so tests can see
what the client sent.
"""

from __future__ import annotations

import functools
import gzip
import html
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A client that closes a kept-alive connection while the handler waits for its next
        # request line is what the size and time tests do: no traceback for it.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class LocalServer:
    def __init__(self, routes: dict[str, Callable] | None = None) -> None:
        self.routes: dict[str, Callable] = dict(routes or {})
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK wait

            def do_GET(self):  # noqa: N802 (http.server's name)
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    send(self, 404, b"not found", "text/plain")
                    return
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: what the size and time tests expect

            def log_message(self, *_args):
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _headers in self.requests]

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(handler, status: int, body: bytes, content_type: str | None = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def page(body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200, **headers) -> Callable:
    return lambda handler: send(handler, status, body, content_type, headers)


def redirect(location: str, status: int = 302) -> Callable:
    return lambda handler: send(handler, status, b"", None, {"Location": location})


def slow(seconds: float, body: bytes = b"<html><body><p>late</p></body></html>") -> Callable:
    def answer(handler):
        time.sleep(seconds)
        send(handler, 200, body)

    return answer


def endless(handler) -> None:
    """An answer without Content-Length that never ends (until the client hangs up)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"<p>" + b"more words " * 6000 + b"</p>\n"
    for _ in range(100_000):
        handler.wfile.write(chunk)


def drip(seconds_per_byte: float, size: int = 1000) -> Callable:
    """An answer that sends its body one byte at a time: every read is quick, the whole is slow."""

    def answer(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(size))
        handler.end_headers()
        for _ in range(size):
            handler.wfile.write(b" ")
            time.sleep(seconds_per_byte)

    return answer


@functools.cache
def _bomb(decompressed_bytes: int) -> bytes:
    return gzip.compress(b" " * decompressed_bytes, compresslevel=9)


def gzip_bomb(decompressed_bytes: int) -> Callable:
    """A small gzip body (about 1/1000 of it) that inflates to ``decompressed_bytes`` of spaces."""

    def answer(handler):
        send(handler, 200, _bomb(decompressed_bytes), "text/html", {"Content-Encoding": "gzip"})

    return answer


def flaky(failures: int, then: Callable, status: int = 503) -> Callable:
    """``status`` for the first ``failures`` requests, then ``then``."""
    seen = [0]

    def answer(handler):
        seen[0] += 1
        if seen[0] <= failures:
            send(handler, status, b"busy", "text/plain", {"Retry-After": "0"})
        else:
            then(handler)

    return answer


def example_page(name: str, title: str | None = None) -> bytes:
    """An examples/ article as an HTML page (the .html ones as they are, a .txt one wrapped in <p>s)."""
    path = EXAMPLES / name
    if path.suffix == ".html":
        return path.read_bytes()
    paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    heading = title or paragraphs.pop(0)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='en'><head><title>{html.escape(heading)}</title></head>"
            f"<body><article><h1>{html.escape(heading)}</h1>{body}</article></body></html>").encode("utf-8")
