"""WARC files: HTML response records become articles; the rest are counted; filters narrow a file."""

import datetime as dt

import pytest
from warc_files import SAMPLE_RESPONSES, write_warc

from newstrace.ingest import read_documents, to_article
from newstrace.ingest.warc import RecordFilter, WarcReader, filter_bound, page_language
from newstrace.model import Document, Problem


@pytest.fixture
def warc(tmp_path):
    return write_warc(tmp_path / "CC-NEWS-sample.warc.gz")


def read(warc, **wanted):
    reader = WarcReader(RecordFilter(**wanted))
    items = list(read_documents([warc], warc=reader))
    return items, reader.counts


def test_html_responses_become_documents_with_their_target_uri(warc):
    items, counts = read(warc)
    assert [item.url for item in items] == [uri for uri, _date, kind, _body in SAMPLE_RESPONSES if kind != "image/png"]
    assert all(isinstance(item, Document) and item.kind == "html" for item in items)
    assert items[0].source.startswith(f"{warc}@")  # the record's offset: warcio can seek to it
    assert (counts.records, counts.pages, counts.not_html, counts.not_ok, counts.other_records) == (12, 4, 1, 1, 6)
    assert counts.summary() == (
        "WARC records: 12, HTML pages read: 4; skipped: 1 not HTML, 1 status other than 200, "
        "6 not a response (request, metadata...)"
    )


def test_the_page_date_wins_and_the_crawl_date_fills_in(warc):
    items, _counts = read(warc)
    original, followup = to_article(items[0]), to_article(items[1])
    assert original.published == "2024-11-14T08:30:00+01:00"  # the page's own date
    assert followup.published == "2024-12-03T10:00:00+00:00"  # WARC-Date: the page states none
    assert original.url == "https://www.dailyledger.example/world/vestra-captives-freed"


def test_filters_by_crawl_date_language_and_site(warc):
    items, counts = read(warc, since=filter_bound("2024-11-15"), until=filter_bound("2024-11-20", end=True))
    assert [item.url for item in items] == ["https://noticias.example/mundo/vestra", "https://wire.example/vestra-report"]
    assert counts.other_dates == 2
    items, counts = read(warc, language="en")
    assert "https://noticias.example/mundo/vestra" not in [item.url for item in items]
    assert (counts.pages, counts.other_languages) == (3, 1)
    items, counts = read(warc, domains=("dailyledger.example",))
    assert [item.url for item in items] == [uri for uri, *_rest in SAMPLE_RESPONSES[:2]]
    assert counts.other_sites == 2


def test_until_a_date_keeps_that_whole_day():
    assert filter_bound("2024-11-20", end=True) == dt.datetime(2024, 11, 21, tzinfo=dt.timezone.utc)
    assert filter_bound("2024-11-20T06:00", end=True) == dt.datetime(2024, 11, 20, 6, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    "body, header, language",
    [
        (b"<html lang='en-GB'><p>Hallo Welt, wie geht es</p></html>", None, "en"),  # declared wins
        (b"<html><p>Hallo</p></html>", "de-DE", "de"),
        ("<html><body><p>Der Stadtrat hat am Montag beschlossen, die Brücke im Frühjahr wieder zu "
         "eröffnen, sagte die Bürgermeisterin.</p></body></html>".encode(), None, "de"),
    ],
)
def test_page_language_is_declared_or_read(body, header, language):
    assert page_language(body, header) == language


def test_a_file_that_is_no_warc_is_one_problem(tmp_path):
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(b"this is not a WARC file at all\n" * 10)
    items, _counts = read(broken)
    assert len(items) == 1 and isinstance(items[0], Problem)
    assert items[0].reason == "not a WARC file (it does not start with a WARC/1.x record)"


def test_ingest_of_a_warc_file_prints_what_it_skipped(warc, tmp_path):
    from typer.testing import CliRunner

    from newstrace.cli import app
    from newstrace.store import Store

    db = str(tmp_path / "warc.db")
    result = CliRunner().invoke(app, ["ingest", str(warc), "--db", db, "--lang", "en", "--domain", "dailyledger.example"])
    assert result.exit_code == 0, result.output
    assert ("WARC records: 12, HTML pages read: 2; skipped: 1 not HTML, 1 status other than 200, "
            "6 not a response (request, metadata...), 2 not from --domain") in result.output
    assert "Ingested 2 articles, 0 duplicates, 0 skipped" in result.output
    stored = Store(db, create=False).articles()
    assert sorted(row["url"] for row in stored) == sorted(uri for uri, *_rest in SAMPLE_RESPONSES[:2])


def test_a_truncated_warc_keeps_the_pages_before_the_cut(warc, tmp_path):
    cut = tmp_path / "cut.warc.gz"
    data = warc.read_bytes()
    cut.write_bytes(data[: len(data) * 2 // 3])
    items, _counts = read(cut)
    pages, (problem,) = items[:-1], items[-1:]
    assert [page.url for page in pages] == [uri for uri, *_rest in SAMPLE_RESPONSES[:3]]
    assert problem.reason.startswith("WARC file is truncated or corrupt after 7 records")


def test_a_remote_warc_is_read_from_a_local_copy_under_its_own_name(warc):
    from pathlib import Path

    from local_server import LocalServer, page

    from newstrace.spark.job import local_copy

    with LocalServer({"/cc-news.warc.gz": page(warc.read_bytes(), "application/warc")}) as server:
        url = server.url("/cc-news.warc.gz")
        with local_copy(url) as local:
            items = list(WarcReader().documents(Path(local), url))
        assert not Path(local).exists()  # the copy is gone once read
    assert len(items) == 4 and all(item.source.startswith(f"{url}@") for item in items)
    with local_copy(str(warc)) as local:
        assert local == str(warc)  # a local path is read where it is
