"""The commands, run on a temporary SQLite file and small articles we wrote."""

import json

import pytest
from typer.testing import CliRunner

from newstrace.cli import app

ARTICLE = """Top Stories

Flood waters force evacuation in Marlow Bay

Flood waters force evacuation in Marlow Bay

MARLOW BAY, Norland — About 1,200 residents were evacuated on Tuesday after the Kest River burst its banks, officials said.

Mayor Hanna Lindqvist, 52, said the town hall in Marlow Bay would stay open overnight. "We will not leave anyone behind," she said.

Jonas Berg, a paramedic with the Norland Red Cross, carried an elderly man to safety.

No comments:
"""

SECOND = """Council approves new bridge for Kestwick

The Kestwick town council voted 7-2 on Monday to build a footbridge over the Kest River.

Councillor Mirela Dobos, 61, said the bridge would open next spring.
"""


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "flood.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "bridge.txt").write_text(SECOND, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "test.db")


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_ingest_reports_what_it_did_and_is_idempotent(runner, corpus, db):
    first = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert first.exit_code == 0, first.output
    assert "Ingested 2 articles, 0 duplicates, 0 skipped" in first.stderr
    again = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert again.exit_code == 0
    assert "Ingested 0 articles, 2 duplicates, 0 skipped" in again.stderr


def test_ingest_names_each_bad_file_and_goes_on(runner, corpus, db):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 1
    assert "Ingested 2 articles, 0 duplicates, 2 skipped" in result.stderr
    problem_lines = [line for line in result.stderr.splitlines() if line.strip().startswith("skipped")]
    assert len(problem_lines) == 2
    assert any("empty.txt" in line and "empty" in line.split(":", 1)[1] for line in problem_lines)
    assert any("image.html" in line and "binary" in line for line in problem_lines)


def test_ingest_of_a_missing_path_fails_clearly(runner, tmp_path, db):
    result = runner.invoke(app, ["ingest", str(tmp_path / "nowhere.txt"), "--db", db])
    assert result.exit_code == 1
    assert "nowhere.txt" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_articles_lists_stored_articles(runner, corpus, db):
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    rows = json_lines(runner.invoke(app, ["articles", "--db", db, "--json"]).stdout)
    assert sorted(row["title"] for row in rows) == [
        "Council approves new bridge for Kestwick",
        "Flood waters force evacuation in Marlow Bay",
    ]


def test_facts_prints_the_contract_for_one_article(runner, corpus):
    result = runner.invoke(app, ["facts", str(corpus / "flood.txt"), "--json"])
    assert result.exit_code == 0, result.stderr
    (facts,) = json_lines(result.stdout)
    assert set(facts) >= {"article", "people", "organizations", "places", "quotes", "events", "counts", "flags"}
    article = facts["article"]
    assert article["title"] == "Flood waters force evacuation in Marlow Bay"
    assert article["dateline"] == "Marlow Bay, Norland"
    assert "Top Stories" not in article["text"] and "No comments" not in article["text"]
    assert article["url"].startswith("file://") and article["url"].endswith("flood.txt")
    people = {p["name"]: p for p in facts["people"]}
    assert set(people) == {"Hanna Lindqvist", "Jonas Berg"}
    assert people["Hanna Lindqvist"]["age"] == 52
    for person in facts["people"]:
        for mention in person["mentions"]:
            assert mention["article"] == article["id"]
            assert article["text"][mention["start"] : mention["end"]] in (person["name"], *person["aliases"])


def test_facts_prints_one_line_per_article_for_a_directory(runner, corpus):
    result = runner.invoke(app, ["facts", str(corpus), "--json"])
    assert result.exit_code == 0
    assert len(json_lines(result.stdout)) == 2


def test_facts_takes_metadata_from_the_command_line(runner, corpus):
    result = runner.invoke(
        app,
        ["facts", str(corpus / "bridge.txt"), "--json", "--url", "https://kestwick.example/bridge",
         "--site", "Kestwick Courier", "--published", "2031-05-06"],
    )
    article = json_lines(result.stdout)[0]["article"]
    assert (article["url"], article["site"], article["published"]) == (
        "https://kestwick.example/bridge",
        "Kestwick Courier",
        "2031-05-06",
    )


def test_people_lists_each_person_with_age_and_articles(runner, corpus, db):
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    people = json_lines(runner.invoke(app, ["people", "--db", db, "--json"]).stdout)
    by_name = {p["name"]: p for p in people}
    assert [age["value"] for age in by_name["Mirela Dobos"]["ages"]] == [61]
    assert len(by_name["Hanna Lindqvist"]["articles"]) == 1


def test_show_highlights_an_article_by_id_prefix(runner, corpus, db):
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    rows = json_lines(runner.invoke(app, ["articles", "--db", db, "--json"]).stdout)
    flood = next(row for row in rows if row["title"].startswith("Flood"))
    result = runner.invoke(app, ["show", flood["id"][:8], "--db", db])
    assert result.exit_code == 0
    assert "Flood waters force evacuation in Marlow Bay" in result.stdout
    assert "Hanna Lindqvist" in result.stdout


def test_show_of_an_unknown_article_is_one_clear_line(runner, corpus, db):
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    result = runner.invoke(app, ["show", "deadbeef", "--db", db])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("Error: No article with id or URL 'deadbeef'")


def test_export_writes_one_object_per_article(runner, corpus, db, tmp_path):
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    target = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "--output", str(target)])
    assert result.exit_code == 0
    exported = json_lines(target.read_text(encoding="utf-8"))
    assert len(exported) == 2 and all("people" in item for item in exported)


def test_a_file_that_is_not_a_database_is_refused_in_one_line(runner, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("not a database\n" * 200)
    result = runner.invoke(app, ["articles", "--db", str(bogus)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Cannot open database")


def test_json_output_is_the_text_as_written_so_spans_slice_it(runner, tmp_path):
    path = tmp_path / "emoji.txt"
    path.write_text(
        "Repairs done\n\nThe mayor, Hanna Lindqvist, posted :thumbs_up: after the repairs were finished.\n"
    )
    facts = json_lines(runner.invoke(app, ["facts", str(path), "--json"]).stdout)[0]
    text = facts["article"]["text"]
    assert ":thumbs_up:" in text
    (mention,) = facts["people"][0]["mentions"]
    assert text[mention["start"] : mention["end"]] == "Hanna Lindqvist"


def test_a_bad_published_date_on_the_command_line_is_refused(runner, corpus):
    result = runner.invoke(app, ["facts", str(corpus / "bridge.txt"), "--published", "garbage"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --published 'garbage' is not a date")


def test_url_is_refused_for_several_inputs(runner, corpus, db):
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--url", "https://same.example/x"])
    assert result.exit_code == 2
    assert "--url names one article" in result.stderr


def test_export_to_an_unwritable_place_is_one_clear_line(runner, corpus, db, tmp_path):
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    result = runner.invoke(app, ["export", "--db", db, "--output", str(tmp_path / "no" / "such" / "dir.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Cannot write")


def test_reading_a_database_that_does_not_exist_says_so(runner, tmp_path):
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, ["people", "--db", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: No database at")
    assert not missing.exists()
