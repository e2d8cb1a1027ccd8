"""The same record on SQLite and PostgreSQL: the bundled examples ingested into each, and every
listing the CLI prints from the database (articles, export, copies, people, one person, stories,
a diff) is the same on both."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def read_all(db: str) -> dict:
    runner = CliRunner()

    def lines(*args):
        result = runner.invoke(app, [*args, "--db", db, "--json"])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    record = {name: lines(name) for name in ("articles", "copies", "people", "stories")}
    result = runner.invoke(app, ["export", "--db", db])
    assert result.exit_code == 0, result.output
    record["export"] = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    person = record["people"][0]
    record["person"] = lines("person", person["name"])
    for row in record["copies"]:
        record["diff", row["copy_id"], row["source_id"]] = lines("diff", row["copy_id"], row["source_id"])
    return record


@pytest.mark.usefixtures("nlp")
def test_sqlite_and_postgres_hold_the_same_record_of_the_examples(tmp_path, postgres_database):
    runner = CliRunner()
    sqlite_db = str(tmp_path / "examples.db")
    for db in (sqlite_db, postgres_database):
        result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
        assert result.exit_code == 0, result.output
    on_sqlite, on_postgres = read_all(sqlite_db), read_all(postgres_database)
    assert len(on_sqlite["articles"]) == 9 and len(on_sqlite["copies"]) >= 3
    for name in on_sqlite:
        assert on_postgres[name] == on_sqlite[name], name
