"""Property tests: whatever bytes, names and JSON the reader and the cleaner get, each input
becomes a Document, an Article or a one-line Problem, never an exception or a silent drop."""

import json
import os
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstrace.errors import InputError
from newstrace.ingest import read_documents, to_article
from newstrace.model import Document, Problem

SUFFIXES = [".txt", ".html", ".jsonl", ".text", ".htm.gz", ".txt.gz"]
# File names as the system takes them: any bytes but "/" and NUL, at most 255 of them.
FILE_NAMES = st.binary(min_size=1, max_size=200).filter(lambda b: b"/" not in b and b"\0" not in b and b[:1] != b".")
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
# Any code point, lone surrogates, NUL and controls included.
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=400)
FIELDS = ("url", "site", "published", "title")


def check(item) -> None:
    """A Document becomes an Article or a one-line refusal; a Problem is one line; both print and store."""
    if isinstance(item, Problem):
        assert item.traceback is None, item.reason  # no internal error
        assert item.reason and "\n" not in item.reason
        item.source.encode("utf-8"), item.reason.encode("utf-8")
        return
    assert isinstance(item, Document)
    try:
        article = to_article(item)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
        return
    for value in (article.text, article.url, article.source, article.title or "", article.site or ""):
        value.encode("utf-8")  # no lone surrogate reaches the store, the id hash or the terminal
    assert "\x00" not in article.text
    assert [article.text[p.start : p.end] for p in article.paragraphs] == article.text.split("\n\n")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=FILE_NAMES, suffix=st.sampled_from(SUFFIXES), content=st.binary(max_size=1500))
def test_any_file_name_and_bytes_give_documents_or_named_problems(name, suffix, content):
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(os.fsencode(folder), name + suffix.encode()), "wb") as stream:
            stream.write(content)
        items = list(read_documents([folder]))
        assert items  # never a silent drop: a file of a known kind gives at least one item
        for item in items:
            check(item)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(
        JSON_VALUES
        | st.fixed_dictionaries({"text": ANY_TEXT}, optional={f: ANY_TEXT | JSON_VALUES for f in FIELDS})
        | st.fixed_dictionaries({"html": ANY_TEXT}, optional={f: ANY_TEXT for f in FIELDS}),
        min_size=1,
        max_size=5,
    ),
    ascii_only=st.booleans(),
)
def test_any_json_lines_give_one_item_per_line(lines, ascii_only):
    content = "\n".join(json.dumps(line, ensure_ascii=ascii_only) for line in lines).encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "feed.jsonl")
        with open(path, "wb") as stream:
            stream.write(content)
        items = list(read_documents([path]))
    # One item per line: raw U+2028, U+2029 and U+0085 inside strings do not split a record.
    assert [item.source for item in items] == [f"{path}:{n}" for n in range(1, len(lines) + 1)]
    for item in items:
        check(item)


@settings(max_examples=120, deadline=None)
@given(text=ANY_TEXT, kind=st.sampled_from(["text", "html"]), published=st.none() | ANY_TEXT)
def test_any_text_and_date_give_an_article_or_a_clear_refusal(text, kind, published):
    check(Document(source="fuzz", kind=kind, text=text, published=published))
