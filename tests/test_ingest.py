"""Reading inputs into documents and articles: sources, metadata, identity, encodings, languages.

Cleaning is specified in test_clean.py, refusals in test_bad_input.py.
"""

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newstrace.ingest import DEFAULT_MAX_BYTES, html, read_documents, to_article
from newstrace.model import Document, Problem, article_id

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SCRAPE = (FIXTURES / "miners.txt").read_text(encoding="utf-8")
HARBOUR = (FIXTURES / "harbour.html").read_bytes()
TITLE = "Miners rescued after two days underground"


def article_of(text: str, **metadata):
    return to_article(Document(source="x.txt", kind="text", content=text.encode("utf-8"), **metadata))


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_the_size_limit_is_20_megabytes():
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


# -- identity and metadata --------------------------------------------------------------


def test_a_file_without_url_gets_its_file_url(tmp_path):
    path = write(tmp_path / "story.txt", SCRAPE)
    (document,) = read_documents([path])
    article = to_article(document)
    assert article.url == "file://" + str(path.resolve())
    assert article.id == article_id(article.url, article.text)
    assert article.source == str(path)


def test_same_text_under_another_url_has_another_id():
    first = article_of(SCRAPE, url="https://a.example/1")
    second = article_of(SCRAPE, url="https://b.example/1")
    assert first.text == second.text and first.id != second.id
    assert article_of(SCRAPE, url="https://a.example/1").id == first.id


def test_sidecar_metadata(tmp_path):
    path = write(tmp_path / "story.txt", SCRAPE)
    sidecar = {"url": "https://ledger.example/m", "site": "Ledger", "published": "2031-11-04T09:30:00Z", "title": "Rescue"}
    write(tmp_path / "story.txt.meta.json", json.dumps(sidecar))
    (document,) = read_documents([path])
    article = to_article(document)
    assert (article.url, article.site, article.published, article.title) == (
        "https://ledger.example/m",
        "Ledger",
        "2031-11-04T09:30:00+00:00",
        "Rescue",
    )


def test_command_line_metadata_overrides_the_sidecar(tmp_path):
    path = write(tmp_path / "story.txt", SCRAPE)
    write(tmp_path / "story.txt.meta.json", json.dumps({"url": "https://ledger.example/m", "site": "Ledger"}))
    (document,) = read_documents([path], site="Mirror", published="2031-11-05")
    assert (document.url, document.site, document.published) == ("https://ledger.example/m", "Mirror", "2031-11-05")
    (document,) = read_documents([path], url="https://mirror.example/1")
    assert document.url == "https://mirror.example/1"


def test_a_broken_sidecar_is_a_problem(tmp_path):
    path = write(tmp_path / "story.txt", SCRAPE)
    write(tmp_path / "story.txt.meta.json", "{not json")
    (problem,) = read_documents([path])
    assert isinstance(problem, Problem) and problem.reason.startswith("unreadable sidecar story.txt.meta.json")


@pytest.mark.parametrize(
    "given, iso",
    [
        ("March 3, 2031", "2031-03-03"),
        ("2031-03-03", "2031-03-03"),
        ("2031-03-03T10:31:00+02:00", "2031-03-03T10:31:00+02:00"),
        ("Tue, 04 Mar 2031 10:31:00 GMT", "2031-03-04T10:31:00+00:00"),
        ("sometime last week", None),
        ("March 3", None),  # no year: never guessed
    ],
)
def test_published_is_iso_8601_or_none(given, iso):
    assert article_of(SCRAPE, published=given).published == iso


# -- HTML -----------------------------------------------------------------------------


def test_an_html_page_gives_its_article_and_metadata():
    article = to_article(Document(source="harbour.html", kind="html", content=HARBOUR))
    assert article.url == "https://ledger.example/news/harbour-ferry"  # the canonical link
    assert (article.title, article.site, article.author) == ("Harbour council backs new ferry line", "Norland Ledger", "Hanna Lind")
    assert article.published == "2024-03-04T08:15:00+01:00"  # the time of day too: it orders same-day copies
    assert article.dateline == "Marlow Bay, Norland"
    assert article.text.startswith("The harbour council voted on Monday")
    assert article.text.endswith("the rest will come from the port's own reserves.")
    assert "Sport" not in article.text and "©" not in article.text
    assert len(article.paragraphs) == 4
    assert article.removed == ("Harbour council backs new ferry line", "MARLOW BAY, Norland —")


def test_an_explicit_url_beats_the_canonical_link():
    article = to_article(Document(source="h.html", kind="html", content=HARBOUR, url="https://mirror.example/ferry"))
    assert article.url == "https://mirror.example/ferry"


def test_a_json_ld_timestamp_gives_the_time_of_day():
    page = HARBOUR.replace(
        b'<meta property="article:published_time" content="2024-03-04T08:15:00+01:00">',
        b'<meta name="date" content="2024-03-04"><script type="application/ld+json">'
        b'{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", "datePublished": "2024-03-04T06:05:00Z"}]}'
        b"</script>",
    )
    assert to_article(Document(source="h.html", kind="html", content=page)).published == "2024-03-04T06:05:00+00:00"


def test_a_year_in_the_prose_is_not_taken_for_the_date():
    page = HARBOUR.replace(b'<meta property="article:published_time" content="2024-03-04T08:15:00+01:00">', b"")
    assert to_article(Document(source="h.html", kind="html", content=page)).published is None


def test_when_trafilatura_finds_nothing_the_paragraphs_of_the_page_are_the_fallback(monkeypatch):
    monkeypatch.setattr(html.trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    article = to_article(Document(source="h.html", kind="html", content=HARBOUR))
    assert article.text.startswith("The harbour council voted on Monday")
    assert article.text.endswith("the rest will come from the port's own reserves.")
    assert article.removed == ("MARLOW BAY, Norland —", "© 2031 Norland Ledger. All rights reserved.")


# -- sources -------------------------------------------------------------------------


def test_a_directory_is_read_recursively_sorted_skipping_sidecars_hidden_and_unknown_files(tmp_path):
    write(tmp_path / "b" / "one.txt", SCRAPE)
    write(tmp_path / "b" / "one.txt.meta.json", "{}")
    write(tmp_path / "a.html", HARBOUR)
    write(tmp_path / "c" / "three.htm.gz", gzip.compress(HARBOUR))
    write(tmp_path / ".hidden.txt", SCRAPE)
    write(tmp_path / ".git" / "inside.txt", SCRAPE)
    write(tmp_path / "notes.md", "not an article format")
    sources = [Path(d.source).relative_to(tmp_path).as_posix() for d in read_documents([tmp_path])]
    assert sources == ["a.html", "b/one.txt", "c/three.htm.gz"]


def test_jsonl_gives_one_document_per_line_and_a_problem_per_bad_line(tmp_path):
    lines = [
        json.dumps({"url": "https://w.example/1", "site": "Wire", "title": "One", "published": "2031-01-02", "text": SCRAPE}),
        "{not json",
        json.dumps({"url": "https://w.example/2", "html": HARBOUR.decode("utf-8")}),
        "",
        json.dumps({"url": "https://w.example/3"}),
        json.dumps(["a list"]),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = list(read_documents([path]))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Document", f"{path}:1"),
        ("Problem", f"{path}:2"),
        ("Document", f"{path}:3"),
        ("Problem", f"{path}:5"),
        ("Problem", f"{path}:6"),
    ]
    first = to_article(items[0])
    assert (first.url, first.site, first.title, first.published) == ("https://w.example/1", "Wire", "One", "2031-01-02")
    assert items[1].reason == "invalid JSON (Expecting property name enclosed in double quotes at column 2)"
    assert to_article(items[2]).title == "Harbour council backs new ferry line"
    assert items[3].reason == "no 'text' or 'html' field with content"
    assert items[4].reason == "a JSONL line must be an object with 'text' or 'html'"


@pytest.mark.parametrize("name", ["story.txt.gz", "story.html.gz", "story.htm.gz"])
def test_gzipped_files_are_read(tmp_path, name):
    content = SCRAPE.encode("utf-8") if name.startswith("story.txt") else HARBOUR
    (document,) = read_documents([write(tmp_path / name, gzip.compress(content))])
    assert to_article(document).text.startswith(("Rescuers freed", "The harbour council"))


def test_stdin_is_read_with_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SCRAPE.encode("utf-8"))))
    (document,) = read_documents(["-"], url="https://ledger.example/stdin")
    assert (document.source, document.kind) == ("<stdin>", "text")
    assert to_article(document).url == "https://ledger.example/stdin"


def test_stdin_html_is_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HARBOUR)))
    (document,) = read_documents(["-"])
    assert document.kind == "html"
    assert to_article(document).title == "Harbour council backs new ferry line"


# -- encodings and languages ------------------------------------------------------------

ACCENTED = "Jiří Novák, 52, a café owner in Plzeň, said the façade was repaired. " * 3
WESTERN = "René Müller, the café owner in Zürich, said the façade would reopen. Señora Núñez agreed. " * 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings_are_detected(encoding):
    document = Document(source="x.txt", kind="text", content=ACCENTED.encode(encoding))
    assert to_article(document).text.startswith("Jiří Novák, 52, a café owner in Plzeň")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_detected(encoding):
    document = Document(source="x.txt", kind="text", content=WESTERN.encode(encoding))
    assert to_article(document).text.startswith("René Müller, the café owner in Zürich")


def test_a_legacy_encoded_file_is_read_from_disk(tmp_path):
    (document,) = read_documents([write(tmp_path / "cafe.txt", WESTERN.encode("cp1252"))])
    assert "Señora Núñez agreed." in to_article(document).text


def test_latin1_html_with_a_declared_charset():
    page = '<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><article><p>'
    page += "Le caf\xe9 de la place a rouvert ses portes apr\xe8s trois mois de travaux. " * 5 + "</p></article></body></html>"
    article = to_article(Document(source="x.html", kind="html", content=page.encode("latin-1")))
    assert "Le café de la place a rouvert ses portes après trois mois" in article.text
    assert article.language == "fr"


def test_a_wrong_charset_declaration_falls_back_to_detection():
    page = '<html><head><meta charset="utf-8"></head><body><article><p>'
    page += "Der Bürgermeister der Stadt hat am Dienstag erklärt, dass die neue Brücke im Frühjahr öffnet. " * 4
    article = to_article(Document(source="x.html", kind="html", content=(page + "</p></article></body></html>").encode("cp1252")))
    assert "Der Bürgermeister der Stadt hat am Dienstag erklärt" in article.text


@pytest.mark.parametrize(
    "text, language",
    [
        ("El alcalde de la ciudad anunció el martes que el puente nuevo abrirá en primavera, según el ayuntamiento.", "es"),
        ("Der Bürgermeister der Stadt hat am Dienstag angekündigt, dass die neue Brücke im Frühjahr eröffnet wird.", "de"),
        ("The mayor said on Tuesday that the new bridge would open in the spring, according to the council.", "en"),
    ],
)
def test_the_language_is_detected(text, language):
    assert article_of(text).language == language
