"""One named list across the articles of a story, and the lists a person is on (`person`)."""

import json

import pytest
from typer.testing import CliRunner

from newstrace.cli import app
from newstrace.link.named_lists import _same_list
from newstrace.model import Evidence
from newstrace.store.named_lists import ListMemberRow, StoredList

# Two reports of one story: each names a different part of Russia's list of eight.
HANDED = """Russia hands Hamas a list of eight captives

MOSCOW, Russia — Russian officials handed Hamas a list of eight Russian-Israeli hostages on Monday, the Foreign Ministry said.

Dana Meir, 34, a nurse from Kibbutz Be'eri, was on the list, her brother told reporters.

Hamas said it would study the list carefully.
"""

RELEASED = """Hamas frees a Russian-Israeli hostage from Moscow's list

GAZA — Hamas released Lior Katz, 29, on Thursday, three days after Russia handed the group a list of eight hostages.

Lior Katz and Dana Meir were on the list, the Russian Foreign Ministry said. Dana Meir, 34, is still held in Gaza.

Russia thanked Hamas for the release.
"""

# Another story's list: never the same record.
OTHER_STORY = """Qatar sends Israel a list of prisoners

DOHA, Qatar — Qatar sent Israel a list of 30 Palestinian prisoners on Friday. Samir Awad, 19, was on the list.
"""


def ingest_texts(folder, texts: dict[str, str]) -> str:
    """A database of ``texts`` (file stem -> article text) ingested from ``folder``; its path."""
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = str(folder / "lists.db")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", path])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingest_texts(tmp_path_factory.mktemp("lists"), {"handed": HANDED, "released": RELEASED, "other": OTHER_STORY})


def person_json(db, name):
    result = CliRunner().invoke(app, ["person", name, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_two_reports_naming_different_members_tell_of_one_list(db):
    (named,) = person_json(db, "Lior Katz")["lists"]
    assert named["claimed_size"] == 8
    assert [c["value"] for c in named["claimed_sizes"]] == [8]
    assert len(named["claimed_sizes"][0]["articles"]) == 2
    assert named["recipient"] == "Hamas"
    assert {c["value"] for c in named["owners"]} == {"Russian officials", "Russia"}
    members = {m["name"]: (m["state"], [url.rsplit("/", 1)[1] for url in m["articles"]]) for m in named["members"]}
    # Each member with their latest state: Katz released, Meir still held.
    assert members == {
        "Dana Meir": ("captive", ["handed.txt", "released.txt"]),
        "Lior Katz": ("released", ["released.txt"]),
    }
    assert named["unnamed"] == 6
    assert len(named["evidence"]) == 2


def test_a_member_of_both_reports_sees_the_same_record(db):
    (meir,) = person_json(db, "Dana Meir")["lists"]
    (katz,) = person_json(db, "Lior Katz")["lists"]
    assert meir["id"] == katz["id"]


def test_a_list_of_another_story_stays_its_own(db):
    (named,) = person_json(db, "Samir Awad")["lists"]
    assert (named["claimed_size"], named["owner"], named["recipient"]) == (30, "Qatar", "Israel")
    assert [m["name"] for m in named["members"]] == ["Samir Awad"]
    assert named["id"] != person_json(db, "Lior Katz")["lists"][0]["id"]


def test_person_shows_the_lists_in_its_table(db):
    result = CliRunner().invoke(app, ["person", "Dana Meir", "--db", db])
    assert result.exit_code == 0, result.output
    assert "On a list:" in result.output
    assert "claimed size 8 (2 art.), 2 named, 6 unnamed" in result.output
    assert "Lior Katz" in result.output and "released" in result.output


def _told(record, size=None, owner=None, recipient=None, profiles=()):
    members = tuple(ListMemberRow(f"p{i}", p, p, None) for i, p in enumerate(profiles))
    return StoredList("a", 0, record, "u", None, "t", size, owner, recipient, members, Evidence("a", 0, 0, 1))


def test_which_record_a_list_joins():
    known = [_told("russia", 8, "Russia", "Hamas", ["meir"]), _told("qatar", 30, "Qatar", "Israel")]
    # A shared member decides, whatever the size says (articles correct it).
    assert _same_list(_told(None, 7, None, None, ["meir"]), known) == "russia"
    # Agreeing size and owner by country ("Russian officials" is Russia).
    assert _same_list(_told(None, 8, "Russian officials"), known) == "russia"
    # The same size from another owner is another list.
    assert _same_list(_told(None, 8, "Egypt", "Hamas"), known) is None
    # Nothing in common: a new list.
    assert _same_list(_told(None, None, None, "Jordan"), known) is None


def test_a_story_s_lists_are_read_latest_first_at_most_max_story_lists(db):
    from newstrace.store import Store

    store = Store(db)
    with store.list_session() as session:
        story = session.story_of(_article_id(store, "handed.txt"))
        every = session.story_lists(story, 10)
        latest = session.story_lists(story, 1)
    assert sorted(item.url.rsplit("/", 1)[1] for item in every) == ["handed.txt", "released.txt"]
    # The folder is ingested in name order: released.txt is the later of the two.
    assert [item.url.rsplit("/", 1)[1] for item in latest] == ["released.txt"]


def _article_id(store, file_name):
    return next(a for a, info in store.article_infos().items() if info.url.endswith("/" + file_name))
