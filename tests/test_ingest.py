"""Reading inputs and cleaning them into articles: a specification on texts we wrote."""

import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.errors import InputError
from newstrace.ingest import read_documents, to_article
from newstrace.ingest.text import clean_text, find_dateline
from newstrace.model import Document, Problem

SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "000_b11f0812c5b1d870.txt"
SEED_TITLE = "Putin's new Middle East strategy is highlighted by Hamas' release of Russian captives"

SCRAPE = """Top Stories
Weather: Vestra 14°C Cloudy

Miners rescued after two days underground

Miners rescued after two days underground
Share this: Facebook Twitter WhatsApp

VESTRA, Norland — Rescuers freed 14 miners on Tuesday after a tunnel collapsed at the Kalden pit.

The youngest, Aron Feld, 19, was taken to hospital in Vestra.
Posted by Editor at 10:31

Related articles
Pit owner fined over safety lapses
Union calls for inquiry

No comments:
"""

ARTICLE = Document(source="scrape.txt", kind="text", content=SCRAPE.encode("utf-8"), url="https://ledger.example/miners")


def article_of(text: str, **metadata):
    return to_article(Document(source="x.txt", kind="text", content=text.encode("utf-8"), **metadata))


# -- cleaning ---------------------------------------------------------------


def test_a_scrape_keeps_the_headline_once_as_the_title():
    article = to_article(ARTICLE)
    assert article.title == "Miners rescued after two days underground"
    assert "Miners rescued" not in article.text


def test_site_furniture_is_removed_and_listed():
    article = to_article(ARTICLE)
    assert article.text == (
        "Rescuers freed 14 miners on Tuesday after a tunnel collapsed at the Kalden pit.\n\n"
        "The youngest, Aron Feld, 19, was taken to hospital in Vestra."
    )
    assert article.removed == (
        "Top Stories",
        "Weather: Vestra 14°C Cloudy",
        "Miners rescued after two days underground",
        "Miners rescued after two days underground",
        "Share this: Facebook Twitter WhatsApp",
        "VESTRA, Norland —",
        "Posted by Editor at 10:31",
        "Related articles",
        "Pit owner fined over safety lapses",
        "Union calls for inquiry",
        "No comments:",
    )


def test_paragraph_offsets_slice_the_text():
    article = to_article(ARTICLE)
    assert [article.text[p.start : p.end] for p in article.paragraphs] == article.text.split("\n\n")


@pytest.mark.parametrize(
    "paragraph, dateline, rest",
    [
        ("RIGA, Latvia — Officials met on Monday.", "Riga, Latvia", "Officials met on Monday."),
        ("LONDON (Reuters) - Shares fell.", "London", "Shares fell."),
        ("LONDON, Jan 5 (AP) — Shares fell.", "London", "Shares fell."),
        ("MARLOW BAY, Norland -- Water rose.", "Marlow Bay, Norland", "Water rose."),
        ("Latvia's RIGA Russian officials sent a list.", "Riga, Latvia", "Russian officials sent a list."),
        ("Norland's VESTRA The army said so.", "Vestra, Norland", "The army said so."),
    ],
)
def test_datelines_are_found_and_normalised(paragraph, dateline, rest):
    found, prefix = find_dateline(paragraph)
    assert found == dateline
    assert paragraph[len(prefix) :].lstrip() == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "Russia's president met Hamas leaders in Moscow.",
        "NATO said on Monday it would send more troops.",
        "The UN - which has 193 members - voted.",
        "Officials met on Monday - and agreed nothing.",
    ],
)
def test_ordinary_sentences_are_not_datelines(paragraph):
    assert find_dateline(paragraph) == (None, "")


def test_real_short_prose_lines_are_kept():
    cleaned = clean_text("Prisoners freed in Gaza\n\nHamas has fulfilled its promise ever since\n\nThree were freed.")
    assert cleaned.paragraphs == ("Hamas has fulfilled its promise ever since", "Three were freed.")


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available (../shared/data is absent)")
def test_the_seed_is_cleaned():
    (document,) = read_documents([SEED])
    article = to_article(document)
    assert article.title == SEED_TITLE
    assert SEED_TITLE not in article.text
    assert "Top Stories" not in article.text and "No comments" not in article.text
    assert article.dateline == "Riga, Latvia"
    assert article.text.startswith("Russian officials sent a list of eight Russian-Israeli individuals")
    assert "Hamas has fulfilled its promise ever since" in article.text
    assert article.language == "en"
    assert article.url == SEED.resolve().as_uri()


# -- identity and metadata ------------------------------------------------------


def test_a_file_without_url_gets_its_file_url(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(SCRAPE, encoding="utf-8")
    (document,) = read_documents([path])
    article = to_article(document)
    assert article.url == path.resolve().as_uri()
    assert len(article.id) == 16


def test_same_text_under_another_url_has_another_id():
    first = article_of(SCRAPE, url="https://a.example/1")
    second = article_of(SCRAPE, url="https://b.example/1")
    assert first.text == second.text and first.id != second.id
    assert article_of(SCRAPE, url="https://a.example/1").id == first.id


def test_sidecar_metadata_and_command_line_overrides(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(SCRAPE, encoding="utf-8")
    (tmp_path / "story.txt.meta.json").write_text(
        json.dumps({"url": "https://ledger.example/m", "site": "Ledger", "published": "2031-11-04T09:30:00Z"})
    )
    (document,) = read_documents([path])
    article = to_article(document)
    assert (article.url, article.site, article.published) == (
        "https://ledger.example/m",
        "Ledger",
        "2031-11-04T09:30:00+00:00",
    )
    (document,) = read_documents([path], site="Mirror", published="2031-11-05")
    assert (document.site, document.published, document.url) == ("Mirror", "2031-11-05", "https://ledger.example/m")


def test_an_unparseable_date_is_dropped_not_guessed():
    assert article_of(SCRAPE, published="sometime last week").published is None
    assert article_of(SCRAPE, published="March 3, 2031").published == "2031-03-03"


# -- sources --------------------------------------------------------------------


def test_a_directory_is_read_recursively_skipping_sidecars_and_hidden_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(SCRAPE)
    (tmp_path / "a" / "one.txt.meta.json").write_text("{}")
    (tmp_path / "two.html").write_text("<html><body><article><p>" + "Words in a page. " * 20 + "</p></article></body></html>")
    (tmp_path / ".hidden.txt").write_text(SCRAPE)
    (tmp_path / "notes.md").write_text("not an article format")
    sources = [Path(d.source).name for d in read_documents([tmp_path])]
    assert sources == ["one.txt", "two.html"]


def test_jsonl_gives_one_document_per_line_and_a_problem_per_bad_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"url": "https://w.example/1", "site": "Wire", "title": "One", "text": "First story text here."}),
        "{not json",
        json.dumps({"url": "https://w.example/2", "html": "<p>Second story in HTML, long enough to keep.</p>"}),
        json.dumps({"url": "https://w.example/3"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_documents([path]))
    assert [type(i).__name__ for i in items] == ["Document", "Problem", "Document", "Problem"]
    assert items[0].kind == "text" and items[0].url == "https://w.example/1" and items[0].title == "One"
    assert items[1].source.endswith("feed.jsonl:2") and items[1].reason.startswith("invalid JSON")
    assert items[2].kind == "html"
    assert items[3].reason == "no 'text' or 'html' field with content"


def test_gzipped_files_are_read(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(SCRAPE.encode("utf-8")))
    (document,) = read_documents([path])
    assert to_article(document).title == "Miners rescued after two days underground"


def test_stdin_is_read_with_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SCRAPE.encode("utf-8"))))
    (document,) = read_documents(["-"], url="https://ledger.example/stdin")
    assert document.source == "<stdin>" and document.kind == "text"
    assert to_article(document).url == "https://ledger.example/stdin"


# -- encodings and languages ----------------------------------------------------

ACCENTED = "Jiří Novák, 52, a café owner in Plzeň, said the façade was repaired. " * 3
WESTERN = "René Müller, the café owner in Zürich, said the façade would reopen. Señora Núñez agreed. " * 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings_are_detected(encoding):
    document = Document(source="x.txt", kind="text", content=ACCENTED.encode(encoding))
    assert "Jiří Novák" in to_article(document).text


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_detected(encoding):
    document = Document(source="x.txt", kind="text", content=WESTERN.encode(encoding))
    assert "René Müller, the café owner in Zürich" in to_article(document).text


def test_latin1_html_with_a_declared_charset():
    page = '<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><article><p>'
    page += "Le caf\xe9 de la place a rouvert ses portes apr\xe8s trois mois de travaux. " * 5 + "</p></article></body></html>"
    article = to_article(Document(source="x.html", kind="html", content=page.encode("latin-1")))
    assert "Le café de la place a rouvert" in article.text
    assert article.language == "fr"


def test_non_english_articles_are_marked():
    spanish = "El alcalde de la ciudad anunció el martes que el puente nuevo abrirá en primavera, según el ayuntamiento."
    assert article_of(spanish).language == "es"


# -- bad input ------------------------------------------------------------------


def problems(paths, **options):
    return [item for item in read_documents(paths, **options) if isinstance(item, Problem)]


def test_a_missing_path_is_a_problem_not_an_exception(tmp_path):
    (problem,) = problems([tmp_path / "nowhere.txt"])
    assert problem.reason == "no such file or directory"


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: 50 MB on paper, nothing on disk
        stream.truncate(50 * 1024 * 1024)
    (problem,) = problems([path], max_bytes=20 * 1024 * 1024)
    assert problem.reason == "file is 50.0 MB, larger than the limit of 20.0 MB"


def test_a_gzip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * (2 * 1024 * 1024)))
    (problem,) = problems([path], max_bytes=1024 * 1024)
    assert "decompressed content is larger than the limit" in problem.reason


def test_a_corrupt_gzip_is_a_problem(tmp_path):
    path = tmp_path / "broken.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (problem,) = problems([path])
    assert problem.reason == "corrupt gzip file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_a_problem(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SCRAPE)
    path.chmod(0)
    (problem,) = problems([path])
    assert problem.reason == "permission denied"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"  \n\n \t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary file"),
        (bytes(range(1, 32)) * 50, "binary file"),
    ],
)
def test_empty_and_binary_inputs_are_refused(content, reason):
    with pytest.raises(InputError, match=reason):
        to_article(Document(source="x.txt", kind="text", content=content))


def test_broken_html_with_real_prose_is_still_an_article():
    page = b"<html><body><div><p>The council met on Monday and agreed a new budget for the harbour district <b>after"
    page += b" a long debate.<p>Councillors said the plan would create jobs for young people in the town.<div"
    article = to_article(Document(source="x.html", kind="html", content=page))
    assert "agreed a new budget" in article.text


def test_a_page_with_no_article_is_refused():
    page = b"<html><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav></body></html>"
    with pytest.raises(InputError, match="no article text"):
        to_article(Document(source="x.html", kind="html", content=page))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["text", "html"]))
def test_any_bytes_give_an_article_or_a_clear_refusal(content, kind):
    try:
        article = to_article(Document(source="fuzz", kind=kind, content=content))
    except InputError as error:
        assert str(error)
        return
    assert article.text.strip()
    for paragraph in article.paragraphs:
        assert 0 <= paragraph.start < paragraph.end <= len(article.text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_an_article_or_a_clear_refusal(text):
    try:
        article = article_of(text)
    except InputError:
        return
    assert [article.text[p.start : p.end] for p in article.paragraphs] == article.text.split("\n\n")
