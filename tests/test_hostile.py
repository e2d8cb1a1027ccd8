"""Nothing a file can contain stops a batch (issue 15).

Each cause that once crashed, hung or silently dropped an input, then the whole
hostile corpus (tests/hostile_corpus.py, built in a temporary folder) ingested as
one folder: no traceback, every input stored or named, the database intact.
"""

import io
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hostile_corpus
from hostile_corpus import PROSE, SKIPPED, STORED
from newstrace import link as linker
from newstrace import pipeline
from newstrace.cli import app
from newstrace.errors import InputError
from newstrace.ingest import html, read_documents, sources, to_article
from newstrace.limits import Limits
from newstrace.model import Document, Problem
from newstrace.store import Store

DEEP = "[" * 5000 + "]" * 5000


def read(paths, **options) -> list:
    return list(read_documents(paths, **options))


def one_problem(paths, **options) -> Problem:
    (problem,) = [item for item in read(paths, **options) if isinstance(item, Problem)]
    return problem


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return path


# -- the causes that crashed a batch --------------------------------------------------------


def test_clean_text_over_the_limit_is_refused_with_the_limit_named():
    text = "Long report\n\n" + PROSE * (1_000_000 // len(PROSE) + 1)  # over spaCy's own limit too
    with pytest.raises(InputError) as refused:
        to_article(Document("long.txt", "text", text=text))
    assert str(refused.value) == (
        "clean text is 1,004,760 characters, over the limit of 300,000 (max_text_chars): split the article into parts"
    )
    assert to_article(Document("long.txt", "text", text=text), Limits(max_text_chars=2_000_000)).text


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_its_bytes_escaped(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as stream:
        stream.write(PROSE.encode())
    (document,) = read([tmp_path])
    article = to_article(document)
    assert article.source == f"{tmp_path}/caf\\xe9.txt"
    assert article.url.endswith("/caf%5Cxe9.txt")
    article.url.encode("utf-8"), article.source.encode("utf-8")  # no lone surrogates left


def test_lone_surrogates_in_jsonl_and_sidecar_fields_become_replacement_characters(tmp_path):
    line = json.dumps({"url": "https://x.example/\ud800", "title": "A \udfff", "text": PROSE + "\ud800"})
    (from_line,) = read([write(tmp_path / "feed.jsonl", line)])
    assert (from_line.url, from_line.title) == ("https://x.example/\ufffd", "A \ufffd")
    assert from_line.text.endswith("\ufffd")
    write(tmp_path / "story.txt", PROSE)
    write(tmp_path / "story.txt.meta.json", json.dumps({"site": "\udc80 Ledger"}))
    (from_sidecar,) = read([tmp_path / "story.txt"])
    assert from_sidecar.site == "\ufffd Ledger"


@pytest.mark.parametrize("graph", ['{"datePublished": "2024-03-05T10:30:00Z"}', '"none"', "null", "3"])
def test_a_json_ld_graph_that_is_not_a_list_is_read(graph):
    page = f'<script type="application/ld+json">{{"@graph": {graph}}}</script>'
    expected = "2024-03-05T10:30:00Z" if "datePublished" in graph else "2024-03-05"
    assert html.with_time_of_day(page, "2024-03-05") == expected


def test_deep_json_ld_only_loses_its_date():
    page = f'<script type="application/ld+json">{DEEP}</script>'
    assert html.with_time_of_day(page, "2024-03-05") == "2024-03-05"


def test_deeply_nested_json_is_a_problem_in_a_jsonl_line_a_sidecar_and_stdin(tmp_path, monkeypatch):
    limit = "JSON nested deeper than the limit of 64 levels (max_json_depth)"
    assert one_problem([write(tmp_path / "deep.jsonl", DEEP)]).reason == limit
    assert one_problem([write(tmp_path / "deep.jsonl", "[" * 100_000)]).reason == limit  # past Python's own limit
    write(tmp_path / "story.txt", PROSE)
    write(tmp_path / "story.txt.meta.json", DEEP)
    assert one_problem([tmp_path / "story.txt"]).reason == f"unreadable sidecar story.txt.meta.json: {limit}"
    record = json.dumps({"text": PROSE, "extra": json.loads("[" * 70 + "]" * 70)})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(record.encode())))
    assert one_problem(["-"]) == Problem("<stdin>:1", limit)


@pytest.mark.parametrize("charset", ["undefined", "punycode", "idna", "utf-7", "rot13", "x-unknown"])
def test_a_bogus_meta_charset_falls_back_to_detection(charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>{PROSE}</p><p>Señora Núñez agreed.</p></body></html>'
    article = to_article(Document("page.html", "html", content=page.encode("cp1252")))
    assert "Señora Núñez agreed." in article.text


@pytest.mark.parametrize("offset", ["+24:00", "-25:00", "+99:59"])
def test_a_given_date_with_an_impossible_offset_is_a_clear_skip(tmp_path, offset):
    published = f"2024-03-05T10:00:00{offset}"
    line = json.dumps({"text": PROSE, "published": published})
    (document,) = read([write(tmp_path / "feed.jsonl", line)])
    with pytest.raises(InputError, match="has a time-zone offset of 24 hours or more"):
        to_article(document)
    result = CliRunner().invoke(app, ["facts", str(write(tmp_path / "s.txt", PROSE)), "--published", published])
    assert result.exit_code == 2
    assert "--published: date" in result.stderr and "offset of 24 hours or more" in result.stderr


def test_an_impossible_date_the_page_states_is_dropped_not_a_skip():
    page = (
        '<html><head><meta property="article:published_time" content="2024-03-05T10:00:00+25:00"></head>'
        f"<body><article><p>{PROSE}</p></article></body></html>"
    )
    assert to_article(Document("page.html", "html", content=page.encode())).published in (None, "2024-03-05")


def test_a_file_name_too_long_to_have_a_sidecar_is_read(tmp_path):
    path = write(tmp_path / ("n" * 250 + ".txt"), PROSE)
    (document,) = read([tmp_path])
    assert document.source == str(path)


def test_folders_too_deep_or_paths_too_long_are_named_and_the_rest_read(tmp_path):
    write(tmp_path / "good.txt", PROSE)
    write(tmp_path / "tree" / "/".join(["d"] * 70) / "deep.txt", PROSE)
    too_long = hostile_corpus._deep_path(tmp_path / "long", "x" * 250, levels=17)
    items = read([tmp_path])
    assert [item.source for item in items if isinstance(item, Document)] == [str(tmp_path / "good.txt")]
    assert [(p.source, p.reason) for p in items if isinstance(p, Problem)] == [
        (too_long, "cannot read folder: file name or path longer than the system allows"),
        (str(tmp_path / "tree") + "/d" * 64, "folder nested deeper than the limit of 64 levels (max_folder_depth)"),
    ]


def test_a_named_file_in_a_folder_that_cannot_be_searched_is_a_problem(tmp_path, monkeypatch):
    path = write(tmp_path / "locked" / "story.txt", PROSE)

    def refuse(self, *args, **kwargs):  # what stat answers for a folder without search permission
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "stat", refuse)
    assert one_problem([path]) == Problem(str(path), "permission denied")


# -- safe reading ------------------------------------------------------------------------------


def test_symlinks_are_not_followed_out_of_the_folder_given(tmp_path):
    folder = tmp_path / "corpus"
    write(folder / "good.txt", PROSE)
    outside = write(tmp_path / "outside.txt", PROSE)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "outside.txt").symlink_to(outside)
    (folder / "elsewhere").symlink_to(tmp_path)
    (folder / "inside.txt").symlink_to("good.txt")
    items = read([folder])
    assert sorted(item.source for item in items if isinstance(item, Document)) == [
        str(folder / "good.txt"), str(folder / "inside.txt")
    ]
    refused = "symbolic link out of the folder given (use --follow-links to read it)"
    assert sorted(p.source for p in items if isinstance(p, Problem) and p.reason == refused) == [
        str(folder / "elsewhere"), str(folder / "outside.txt"), str(folder / "passwd.txt")
    ]
    followed = [item.source for item in read([folder], follow_links=True) if isinstance(item, Document)]
    assert str(folder / "outside.txt") in followed and str(folder / "elsewhere/outside.txt") in followed


def test_link_loops_dangling_links_fifos_and_devices_are_each_named(tmp_path):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "dangling.txt").symlink_to("nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    reasons = {Path(p.source).name: p.reason for p in read([tmp_path])}
    assert reasons == {
        "dangling.txt": "broken symbolic link (its target does not exist)",
        "loop.txt": "symbolic link loop",
        "pipe.txt": "not a regular file (a named pipe (FIFO))",
    }
    assert one_problem([Path("/dev/zero")]).reason == "not a regular file (a character device)"


@pytest.mark.parametrize("kind", ["fifo", "device", "large"])
def test_a_sidecar_that_is_not_a_small_regular_file_is_refused_unread(tmp_path, kind):
    path = write(tmp_path / "story.txt", PROSE)
    sidecar = tmp_path / "story.txt.meta.json"
    if kind == "fifo":
        os.mkfifo(sidecar)  # reading it would wait for a writer forever
    elif kind == "device":
        sidecar.symlink_to("/dev/zero")  # reading it would never end
    else:
        write(sidecar, json.dumps({"title": "x" * 70_000}))
    reason = {
        "fifo": "not a regular file (a named pipe (FIFO))",
        "device": "not a regular file (a character device)",
        "large": "sidecar is 68.4 KB, larger than the limit of 64.0 KB",
    }[kind]
    assert one_problem([path]).reason == f"unreadable sidecar story.txt.meta.json: {reason}"


def test_a_sidecar_with_a_byte_order_mark_is_read(tmp_path):
    path = write(tmp_path / "story.txt", PROSE)
    write(tmp_path / "story.txt.meta.json", "\ufeff" + json.dumps({"site": "Ledger"}))
    (document,) = read([path])
    assert document.site == "Ledger"


def test_jsonl_lines_end_at_newline_only(tmp_path):
    text = PROSE.replace("\n", " ") + "one\u2028two\u2029three\u0085four"
    path = write(tmp_path / "feed.jsonl", '{"text": "' + text + '"}\r\n')
    (document,) = read([path])
    assert document.text == text


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n  \n"])
def test_a_jsonl_file_without_records_is_named(tmp_path, content):
    path = write(tmp_path / "feed.jsonl", content)
    assert read([path]) == [Problem(str(path), "no records: the JSONL input is empty")]


def test_nul_characters_are_removed_from_the_clean_text_with_a_note():
    article = to_article(Document("x.jsonl:1", "text", text="Strike\x00 ends\n\n" + PROSE.replace("wages", "wa\x00ges")))
    assert "\x00" not in article.text and "raise wages" in article.text
    assert article.notes == ("2 NUL characters removed from the text",)


def test_nul_characters_are_removed_from_metadata_fields(tmp_path):
    line = json.dumps({"title": "Strike\u0000 ends", "site": "\u0000", "text": PROSE})
    (document,) = read([write(tmp_path / "feed.jsonl", line)])
    assert (document.title, document.site) == ("Strike ends", None)


# -- isolation: one input's failure is one line, the batch goes on ------------------------------


def test_a_bug_while_reading_one_input_is_an_internal_error_and_the_next_is_read(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", PROSE)
    write(tmp_path / "b.txt", PROSE)
    real = sources._sidecar

    def fragile(path, limits):
        if path.name == "a.txt":
            raise KeyError("boom")
        return real(path, limits)

    monkeypatch.setattr(sources, "_sidecar", fragile)
    first, second = read([tmp_path])
    assert first.source == str(tmp_path / "a.txt") and first.reason == "internal error (KeyError: 'boom')"
    assert "Traceback" in first.traceback
    assert isinstance(second, Document)


def test_a_parse_that_fails_costs_only_its_article(monkeypatch):
    from helpers import blank_nlp, make_article

    class Fragile:
        """A pipeline whose parser fails on one text, in a batch and alone."""

        def __init__(self):
            self.nlp = blank_nlp()

        def memory_zone(self):
            return self.nlp.memory_zone()

        def pipe(self, texts, batch_size):
            for text in texts:
                yield self(text)

        def __call__(self, text):
            if "poison" in text:
                raise ValueError("[E088] Text of length 1000001 exceeds maximum")
            return self.nlp(text)

    articles = [make_article(f"Story {n} poison" if n == 1 else f"Story {n} text", f"https://x.example/{n}")
                for n in range(3)]
    results = list(pipeline.analyze_articles(articles, nlp=Fragile()))
    assert [type(r).__name__ for r in results] == ["Analysis", "Problem", "Analysis"]
    assert results[1].reason == "internal error (ValueError: [E088] Text of length 1000001 exceeds maximum)"


def test_extraction_over_its_time_budget_stores_what_finished_with_a_note(monkeypatch):
    from helpers import blank_nlp, make_article

    def endless(doc, article):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(pipeline, "extract_counts", endless)
    article = make_article("Mayor Hanna Lindqvist said the bridge would open on Monday.")
    start = time.monotonic()
    (analysis,) = pipeline.analyze_articles([article], nlp=blank_nlp(), limits=Limits(extraction_seconds=0.3))
    assert time.monotonic() - start < 5
    assert analysis.counts == () and analysis.statuses == () and analysis.flags == () and analysis.lists == ()
    assert analysis.notes == (
        "fact extraction stopped after 0.3 s (extraction_seconds): counts, statuses, flags, lists not extracted",
    )


def test_linking_over_its_time_budget_is_noted_and_never_run_again(tmp_path, monkeypatch):
    from helpers import blank_nlp

    calls = []

    def endless(linker, analysis, sketched=None):
        calls.append(analysis.article.id)
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(linker.Linker, "update", endless)
    store = Store(tmp_path / "t.db")
    path = write(tmp_path / "story.txt", PROSE)
    report = pipeline.ingest([path], store, nlp=blank_nlp(), limits=Limits(linking_seconds=0.3))
    (stored,) = report.ingested
    (note,) = report.notes
    assert note.reason.startswith("linking stopped after 0.3 s (linking_seconds)")
    assert store.get(stored).notes == (note.reason,)
    assert linker.pending(store) == []
    pipeline.ingest([write(tmp_path / "other.txt", PROSE + "More.")], store, nlp=blank_nlp(),
                    limits=Limits(linking_seconds=0.3))
    assert calls.count(stored) == 1  # the later ingest did not link it again


def test_a_bug_in_linking_leaves_the_article_stored_with_a_note_and_its_traceback(tmp_path, monkeypatch):
    from helpers import blank_nlp

    def broken(linker, analysis, sketched=None):
        raise KeyError("profile")

    monkeypatch.setattr(linker.Linker, "update", broken)
    store = Store(tmp_path / "t.db")
    report = pipeline.ingest([write(tmp_path / "story.txt", PROSE)], store, nlp=blank_nlp())
    (stored,) = report.ingested
    (note,) = report.notes
    assert note.reason == (
        "linking stopped by an internal error (KeyError: 'profile'): the article is stored without its remaining links"
    )
    assert note.is_internal and "KeyError" in note.traceback
    assert store.get(stored).notes == (note.reason,) and linker.pending(store) == []


# -- the command line ------------------------------------------------------------------------------


@pytest.fixture
def runner():
    return CliRunner()


def skip_lines(stderr: str) -> list[str]:
    return [line.strip() for line in stderr.splitlines() if line.strip().startswith("skipped ")]


def test_exit_codes_tell_all_stored_some_skipped_and_could_not_run(runner, tmp_path):
    db = str(tmp_path / "t.db")
    good = write(tmp_path / "in" / "good.txt", PROSE)
    assert runner.invoke(app, ["ingest", str(good), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(good), "--db", db]).exit_code == 0  # a duplicate is not a failure
    empty = write(tmp_path / "in" / "empty.txt", "")
    assert runner.invoke(app, ["ingest", str(empty), "--db", db]).exit_code == 1
    not_a_db = write(tmp_path / "junk.db", b"not a database" * 100)
    assert runner.invoke(app, ["ingest", str(good), "--db", str(not_a_db)]).exit_code == 2


def test_a_skip_line_is_printed_when_it_happens_and_duplicates_are_named(runner, tmp_path):
    folder = tmp_path / "in"
    write(folder / "a-empty.txt", "")
    write(folder / "b.jsonl", json.dumps({"url": "https://x.example/1", "text": PROSE}) + "\n"
          + json.dumps({"url": "https://x.example/1", "text": PROSE}) + "\n")
    events = []
    pipeline.ingest([folder], Store(tmp_path / "t.db"), on_progress=events.append)
    assert [(e.kind, Path(e.source).name) for e in events] == [
        ("skipped", "a-empty.txt"), ("duplicate", "b.jsonl:2"), ("stored", "b.jsonl:1")
    ]
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "u.db")])
    lines = result.stderr.splitlines()
    assert lines[0] == f"  skipped {folder}/a-empty.txt: empty file"
    assert lines[1].startswith(f"  duplicate {folder}/b.jsonl:2: same article as an earlier input")
    assert lines[-1].startswith("Ingested 1 article, 1 duplicate, 1 skipped")


def test_an_internal_error_is_named_as_such_with_its_traceback_in_a_log_file(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSTRACE_LOG_DIR", str(tmp_path))
    real = pipeline.to_article

    def fragile(document, limits):
        if document.source.endswith("a.txt"):
            raise RuntimeError("unexpected")
        return real(document, limits)

    monkeypatch.setattr(pipeline, "to_article", fragile)
    write(tmp_path / "in" / "a.txt", PROSE)
    write(tmp_path / "in" / "b.txt", PROSE)
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    (line,) = skip_lines(result.stderr)
    (log,) = tmp_path.glob("newstrace-error-*.log")
    assert line == (f"skipped {tmp_path}/in/a.txt: internal error (RuntimeError: unexpected) - a bug in newstrace, "
                    f"not in this input; traceback saved in {log}")
    assert "Traceback" in log.read_text() and "RuntimeError: unexpected" in log.read_text()
    assert f"1 skipped (1 internal error, traceback in {log})" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bug_outside_any_input_exits_2_and_saves_the_traceback(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSTRACE_LOG_DIR", str(tmp_path))
    db = str(tmp_path / "t.db")
    Store(db)

    def broken(self, *page):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(Store, "articles", broken)
    result = runner.invoke(app, ["articles", "--db", db])
    (log,) = tmp_path.glob("newstrace-error-*.log")
    assert result.exit_code == 2
    assert result.stderr.startswith("Internal error: ZeroDivisionError: division by zero. This is a bug in newstrace")
    assert str(log) in result.stderr.replace("\n", "")
    assert "ZeroDivisionError" in log.read_text()


def test_stored_markup_and_escape_sequences_print_as_inert_text(runner, tmp_path):
    db = str(tmp_path / "t.db")
    title = "[/b] Fire at the [link=file:///etc/passwd]depot[/link] \x1b]0;pwned\x07\x1b[2J\x9b31m closes road"
    path = write(tmp_path / "fire.txt", title + "\n\n" + PROSE)
    assert runner.invoke(app, ["ingest", str(path), "--db", db]).exit_code == 0
    listing = runner.invoke(app, ["articles", "--db", db])
    shown = runner.invoke(app, ["show", Store(db).articles()[0]["id"], "--db", db])
    for result in (listing, shown):
        assert result.exit_code == 0, result.output
        assert not any(c in result.stdout for c in "\x1b\x07\x9b") and "pwned" not in result.stdout
    assert shown.stdout.splitlines()[0] == "[/b] Fire at the [link=file:///etc/passwd]depot[/link]  closes road"
    for command in ("stories", "copies", "people"):
        assert runner.invoke(app, [command, "--db", db]).exit_code == 0


def test_only_http_urls_become_terminal_links():
    from newstrace.render import safe, url_text

    assert url_text("https://x.example/a").spans[0].style.link == "https://x.example/a"
    assert url_text("file:///etc/passwd").spans == []
    assert url_text("https://x.example/\x1b]8;;file:///etc/passwd").spans == []
    assert safe("a\x1b[31mred\x1b[0m\u202eb\rc") == "aredbc"
    assert safe("a\x1b[2Jb", keep_length=True) == "a\ufffd[2Jb"


# -- the whole hostile corpus as one folder --------------------------------------------------------


@pytest.mark.parametrize("workers", ["1", "2"], ids=["one_process", "two_workers"])
def test_a_hostile_corpus_ingests_as_one_folder(runner, tmp_path, workers):
    folder = tmp_path / "corpus"
    expected = hostile_corpus.build(folder, clauses=120, sentences=30)
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--workers", workers])
    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr and "internal error" not in result.stderr
    lines = result.stderr.splitlines()
    stored = {row["id"]: row for row in Store(db).articles()}
    with sqlite3.connect(db) as conn:
        sources_stored = {row[0] for row in conn.execute("select source from articles")}
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    named = {label: [line for line in lines if line.startswith(f"  {label} ")] for label in ("skipped", "duplicate")}
    for name, outcome in expected.items():
        if outcome == STORED:
            assert name in sources_stored, name
        else:
            label = "skipped" if outcome == SKIPPED else "duplicate"
            assert any(line.startswith(f"  {label} {name}: ") for line in named[label]), name
    # Nothing else was skipped, and the summary counts what the lines say.
    assert len(named["skipped"]) == sum(outcome == SKIPPED for outcome in expected.values())
    assert len(stored) == sum(outcome == STORED for outcome in expected.values())
    assert lines[-1].startswith(f"Ingested {len(stored)} articles, {len(named['duplicate'])} duplicates, "
                                f"{len(named['skipped'])} skipped")
    for command in ("articles", "stories", "copies", "people"):
        output = runner.invoke(app, [command, "--db", db])
        assert output.exit_code == 0 and "\x1b" not in output.stdout, command


# -- concurrent writers ------------------------------------------------------------------------------


def _ingest_in_a_process(folder: str, db: str, barrier, results) -> None:
    """One of two ingests racing on the same files: the "already stored?" check is made to say no and
    both processes meet before each write, so both store every article at the same moment."""
    from helpers import blank_nlp

    store_at_once = Store.add

    def add(self, analysis):
        barrier.wait()
        return store_at_once(self, analysis)

    Store.has = lambda self, article_id: False
    Store.add = add
    store = Store(db)
    report = pipeline.ingest([folder], store, nlp=blank_nlp())
    results.put((len(report.ingested), len(report.duplicates), [p.reason for p in report.problems + report.notes]))


def test_two_ingests_of_the_same_files_at_once_both_finish_and_store_each_article_once(tmp_path, database):
    import multiprocessing

    folder = tmp_path / "in"
    for n in range(12):
        write(folder / f"story{n}.txt", f"Story {n}\n\n{PROSE}")
    db = database
    Store(db).engine.dispose()  # the schema, made once; no connection crosses the fork
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_ingest_in_a_process, args=(str(folder), db, barrier, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    assert [problems for _, _, problems in outcomes] == [[], []]
    assert sum(ingested for ingested, _, _ in outcomes) == 12
    assert sum(duplicates for _, duplicates, _ in outcomes) == 12
    assert Store(db).count() == 12


def test_the_insert_that_claims_an_article_is_one_statement_on_sqlite_and_postgresql():
    from sqlalchemy.dialects import postgresql, sqlite

    from newstrace.store.db import insert_new
    from newstrace.store.schema import articles

    for dialect in (sqlite, postgresql):
        statement = insert_new(articles, dialect.dialect.name).values(id="a", url="u")
        assert str(statement.compile(dialect=dialect.dialect())).endswith("ON CONFLICT (id) DO NOTHING")


# -- cost limits of the parse-heavy extractors ------------------------------------------------------


def test_sentences_over_the_limit_are_not_read_by_events_statuses_and_flags(nlp):
    from newstrace.extract.dates import extract_times
    from newstrace.extract.entities import extract_entities
    from newstrace.extract.events import extract_events
    from newstrace.extract.integrity import extract_flags
    from newstrace.extract.status import extract_statuses
    from helpers import make_article

    short = "Militants freed Anat Levi, 45, in Gaza on Monday."
    # One 3,400-character sentence, with a clause said twice back to back (a "garbled" flag).
    repeated = "unit 3 detained a man who had given the guards a list of names "
    run_on = hostile_corpus.run_on(40).replace("unit 3 detained", repeated + "unit 3 detained")
    article = make_article(f"{short}\n\n{run_on}")
    doc = nlp(article.text)
    entities, times = extract_entities(doc, article), extract_times(doc, article)

    def facts(cap: int):
        events = extract_events(doc, article, entities, times, max_sentence_chars=cap)
        statuses = extract_statuses(doc, article, entities, events, times, max_sentence_chars=cap)
        flags = extract_flags(doc, article, max_sentence_chars=cap)
        return events, statuses, flags

    events, statuses, flags = facts(3_000)
    assert [(e.trigger, e.evidence.sentence) for e in events] == [("freed", 0)]  # the short sentence only
    assert [s.state for s in statuses] == ["released"]
    assert flags == ()
    unlimited_events, _statuses, unlimited_flags = facts(10_000)
    # The run-on sentence holds events and a flag that the limit leaves unread.
    assert len(unlimited_events) > 1
    (flag,) = unlimited_flags
    assert flag.kind == "garbled" and flag.reason.startswith('repeats "unit 3 detained a man who had given')


# -- minor findings of the probe ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_not_refused_as_binary(encoding):
    article = to_article(Document("x.txt", "text", content=("Strike ends\n\n" + PROSE).encode(encoding)))
    assert article.text.startswith("Harbour workers in Marlow Bay")


def test_a_base_href_is_not_taken_for_the_articles_url():
    body = f"<body><article><p>{PROSE}</p></article></body></html>"
    only_base = f'<html><head><base href="https://cdn.example/assets/"><title>T</title></head>{body}'
    assert to_article(Document("/news/x.html", "html", content=only_base.encode())).url == "file:///news/x.html"
    also_canonical = (
        '<html><head><base href="https://x.example/a"><link rel="canonical" href="https://x.example/a">'
        f"<title>T</title></head>{body}"
    )
    assert to_article(Document("x.html", "html", content=also_canonical.encode())).url == "https://x.example/a"


def test_a_file_name_with_a_newline_and_an_escape_is_named_on_one_inert_line(runner, tmp_path):
    folder = tmp_path / "in"
    write(folder / "two\nlines\x1b[2J.txt", "")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "t.db")])
    assert result.stderr.splitlines()[0] == f"  skipped {folder}/two\\nlines.txt: empty file"


def _ingest_files(paths: list[str], db: str, nlp, workers: int, results) -> None:
    report = pipeline.ingest(paths, Store(db), nlp=nlp, workers=workers)
    results.put(("writer", len(report.ingested), [p.reason for p in report.problems]))


def _read_until_told(db: str, stop, results) -> None:
    """A reader beside the writers: the listings a user (or a web page) asks for, again and again."""
    runner = CliRunner()
    reads, failures = 0, []
    while not stop.is_set() or reads == 0:
        for command in ("articles", "copies", "people", "stories"):
            result = runner.invoke(app, [command, "--db", db, "--json"])
            reads += 1
            if result.exit_code != 0:
                failures.append(f"{command}: {result.output.strip()[:200]}")
    results.put(("reader", reads, failures))


@pytest.mark.parametrize("workers", [1, 2], ids=["one_process", "two_workers"])
def test_two_writers_of_different_files_and_a_reader_at_once_lose_nothing(database, nlp, workers):
    import multiprocessing

    examples = Path(__file__).resolve().parents[1] / "examples"
    files = sorted(str(p) for p in examples.iterdir() if p.suffix in (".txt", ".html"))
    Store(database).engine.dispose()  # the schema, made once; no connection crosses the fork
    context = multiprocessing.get_context("fork")
    stop, results = context.Event(), context.Queue()
    writers = [context.Process(target=_ingest_files, args=(files[k::2], database, nlp, workers, results))
               for k in (0, 1)]
    reader = context.Process(target=_read_until_told, args=(database, stop, results))
    reader.start()
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=300)
        assert writer.exitcode == 0
    stop.set()
    reader.join(timeout=120)
    outcomes = sorted(results.get(timeout=10) for _ in range(3))
    (_, reads, read_failures), *written = outcomes
    assert read_failures == [] and reads > 0
    assert [problems for _, _, problems in written] == [[], []]
    assert sum(count for _, count, _ in written) == len(files) == Store(database).count()
    listing = CliRunner().invoke(app, ["copies", "--db", database, "--json"]).stdout
    assert {json.loads(line)["verdict"] for line in listing.splitlines()} >= {"verbatim", "spun"}


def _link_when_free(db: str, order: list[str]) -> None:
    with Store(db).linking_lock():
        order.append("second linker")


def test_a_second_linker_waits_until_the_first_is_done(database):
    """Two processes linking at once would each miss the other's new article, and the copy link
    between them (two-writers test above): one article is linked at a time, on both backends."""
    import threading

    order: list[str] = []
    with Store(database).linking_lock():
        second = threading.Thread(target=_link_when_free, args=(database, order))
        second.start()
        second.join(timeout=1.0)
        assert second.is_alive()  # still waiting for the lock
        order.append("first linker done")
    second.join(timeout=30)
    assert order == ["first linker done", "second linker"]


def _open_new_database(db: str, barrier, results) -> None:
    barrier.wait()
    try:
        Store(db).engine.dispose()
        results.put("opened")
    except Exception as error:  # reported to the test, which shows it
        results.put(f"{error.__class__.__name__}: {error}")


def test_two_processes_creating_one_new_database_at_once_both_open_it(database):
    import multiprocessing

    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(3), context.Queue()
    openers = [context.Process(target=_open_new_database, args=(database, barrier, results)) for _ in range(3)]
    for opener in openers:
        opener.start()
    outcomes = [results.get(timeout=120) for _ in openers]
    for opener in openers:
        opener.join(timeout=30)
    assert outcomes == ["opened"] * 3
    assert Store(database).meta_value("schema_version") is not None
