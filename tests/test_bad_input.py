"""Bad input: one Problem or InputError with a one-line reason, never a crash.

``read_documents`` reports a bad file as a ``Problem`` and goes on; ``to_article``
raises ``InputError`` when a document holds no article.
"""

import gzip
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.errors import InputError
from newstrace.ingest import read_documents, sources, to_article
from newstrace.model import Document, Problem

PROSE = "The council met on Monday and agreed a new budget for the harbour district after a long debate.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
MEGABYTE = 1024 * 1024


def problems(paths, **options) -> list[Problem]:
    return [item for item in read_documents(paths, **options) if isinstance(item, Problem)]


def refusal(content: bytes, kind: str = "text") -> str:
    with pytest.raises(InputError) as caught:
        to_article(Document(source="x", kind=kind, content=content))
    return str(caught.value)


# -- read_documents: Problems, and the batch goes on ---------------------------------------


def test_a_missing_path_is_a_problem_and_the_rest_go_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PROSE)
    items = list(read_documents([tmp_path / "nowhere.txt", good]))
    assert items[0] == Problem(str(tmp_path / "nowhere.txt"), "no such file or directory")
    assert isinstance(items[1], Document)


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: 50 MB on paper, nothing on disk
        stream.truncate(50 * MEGABYTE)
    read = []
    monkeypatch.setattr(sources, "_read_bytes", lambda *args: read.append(args))
    (problem,) = problems([path])
    assert problem.reason == "file is 50.0 MB, larger than the limit of 20.0 MB"
    assert read == []  # decided from the size on disk, nothing read


def test_the_limit_can_be_lowered(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(PROSE * 30)
    (problem,) = problems([path], max_bytes=1000)
    assert problem.reason == "file is 2.8 KB, larger than the limit of 1000 bytes"


def test_a_gzip_bomb_is_refused_without_decompressing_it_all(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * (2 * MEGABYTE)))
    (problem,) = problems([path], max_bytes=MEGABYTE)
    assert problem.reason == "decompressed content is larger than the limit of 1.0 MB"


def test_a_corrupt_gzip_is_a_problem(tmp_path):
    path = tmp_path / "broken.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (problem,) = problems([path])
    assert problem.reason == "corrupt gzip file"


def test_a_truncated_gzip_is_a_problem(tmp_path):
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(PROSE.encode() * 50)[:40])
    (problem,) = problems([path])
    assert problem.reason == "corrupt gzip file"


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: root reads files whatever their mode")
def test_an_unreadable_file_is_a_problem(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(PROSE)
    path.chmod(0)
    (problem,) = problems([path])
    assert problem.reason == "permission denied"


def test_a_file_the_system_will_not_open_is_a_problem(tmp_path, monkeypatch):
    # The same path as above, for runs as root: the open itself is refused.
    from newstrace.ingest import sources

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "secret.txt"
    path.write_text(PROSE)
    monkeypatch.setattr(sources, "open", refuse, raising=False)
    (problem,) = problems([path])
    assert problem.reason == "permission denied"


# -- to_article: InputError with a clear reason ---------------------------------------------


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"  \n\n \t\n", "empty file"),
        (PNG, "binary file (NUL bytes), not text or HTML"),
        (bytes(range(1, 32)) * 50, "binary file (control characters), not text or HTML"),
    ],
)
def test_empty_and_binary_inputs_are_refused(content, reason):
    assert refusal(content) == reason


def test_a_binary_file_on_disk_is_refused_at_to_article(tmp_path):
    path = tmp_path / "picture.html"
    path.write_bytes(PNG)
    (document,) = read_documents([path])
    assert refusal(document.content, kind=document.kind) == "binary file (NUL bytes), not text or HTML"


def test_a_text_of_only_furniture_is_refused():
    assert refusal(b"Top Stories\nShare this\nNo comments:\nNewer Post Older Post Home") == (
        "no article text left after cleaning (0 words)"
    )


def test_invalid_utf8_is_decoded_not_refused():
    content = "The café reopened on Monday after a long closure, the owner said.".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")
    article = to_article(Document(source="x.txt", kind="text", content=content))
    assert article.text == "The café reopened on Monday after a long closure, the owner said."


def test_broken_html_with_real_prose_is_still_an_article():
    page = b"<html><body><div><p>The council met on Monday and agreed a new budget for the harbour district <b>after"
    page += b" a long debate.<p>Councillors said the plan would create jobs for young people in the town.<div"
    article = to_article(Document(source="x.html", kind="html", content=page))
    assert article.text == (
        "The council met on Monday and agreed a new budget for the harbour district after a long debate.\n\n"
        "Councillors said the plan would create jobs for young people in the town."
    )


def test_a_page_with_no_article_is_refused():
    page = b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav></body></html>"
    assert refusal(page, kind="html") == "no article text found in the HTML page (3 words)"


def test_html_of_only_markup_is_refused():
    assert refusal(b"<html><head><title></title></head><body></body></html>", kind="html") == (
        "no article text found in the HTML page (0 words)"
    )


# -- anything at all -----------------------------------------------------------------------


def check_article_or_refusal(document: Document) -> None:
    try:
        article = to_article(document)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert article.text.strip()
    assert [article.text[p.start : p.end] for p in article.paragraphs] == article.text.split("\n\n")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=800), st.sampled_from(["text", "html"]))
def test_any_bytes_give_an_article_or_a_clear_refusal(content, kind):
    check_article_or_refusal(Document(source="fuzz", kind=kind, content=content))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600), st.sampled_from(["text", "html"]))
def test_any_text_gives_an_article_or_a_clear_refusal(text, kind):
    check_article_or_refusal(Document(source="fuzz", kind=kind, text=text))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Top Stories", "RIGA, Latvia — ", "Latvia's RIGA ", "By Jane Doe", "Share this", "\n", " ", "."])
        | st.text(alphabet="aA .,—-:'\n", max_size=30),
        max_size=30,
    )
)
def test_scrape_like_text_gives_an_article_or_a_clear_refusal(pieces):
    check_article_or_refusal(Document(source="fuzz", kind="text", content="".join(pieces).encode("utf-8")))
