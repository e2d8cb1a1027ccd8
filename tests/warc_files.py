"""WARC files written by the tests with warcio, from the bundled examples (nothing downloaded)."""

from __future__ import annotations

import io
from pathlib import Path

from local_server import example_page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# (target URI, WARC-Date, content type, body) of each response record of the sample file.
SAMPLE_RESPONSES = (
    ("https://www.dailyledger.example/world/vestra-captives-freed", "2024-11-14T09:12:00Z",
     "text/html; charset=utf-8", example_page("01_original.html")),
    ("https://www.dailyledger.example/world/vestra-teenager-freed", "2024-12-03T10:00:00Z",
     "text/html; charset=utf-8", example_page("05_followup.txt")),
    ("https://noticias.example/mundo/vestra", "2024-11-15T07:00:00Z",
     "text/html; charset=utf-8", example_page("07_original_es.txt").replace(b"lang='en'", b"lang='es'")),
    ("https://wire.example/vestra-report", "2024-11-20T12:00:00Z",
     "text/html", example_page("04_independent.html")),
    ("https://www.dailyledger.example/logo.png", "2024-11-14T09:12:01Z", "image/png", b"\x89PNG\r\n\x1a\n"),
)


def write_warc(path: Path, responses=SAMPLE_RESPONSES, extra_records: bool = True) -> Path:
    """A gzipped WARC of ``responses`` (a warcinfo, request and 404 record too with ``extra_records``)."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        if extra_records:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newstrace tests"}))
        for uri, date, content_type, body in responses:
            if extra_records:
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True)
                writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                              http_headers=request, warc_headers_dict={"WARC-Date": date}))
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers, warc_headers_dict={"WARC-Date": date}))
        if extra_records:
            missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://wire.example/gone", "response",
                                                          payload=io.BytesIO(b"<p>gone</p>"), http_headers=missing,
                                                          warc_headers_dict={"WARC-Date": "2024-11-20T12:00:00Z"}))
    return path
