"""The cross-article commands (copies, diff, trace, person, people, stories, link) on the bundled examples."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace import pipeline
from newstrace.cli import app
from newstrace.store import Store

EXAMPLES = Path(__file__).parent.parent / "examples"
ORIGINAL = "https://www.dailyledger.example/world/2024/11/14/brigade-frees-three-vestra-captives"
REPRINT = "https://www.valleynewsnow.example/2024/11/brigade-frees-three-vestra-captives.html"
SPUN = "https://worldnewsdigest24.blogspot.example/2024/11/brigade-releases-three-vestra-hostages.html"
TRANSLATION = "https://www.observadorcontinental.example/internacional/2024/11/14/brigada-libera-tres-rehenes-vestra"
UNRELATED = "https://www.harbourgazette.example/city/2024/11/13/council-approves-budget"

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("links") / "examples.db"
    report = pipeline.ingest([EXAMPLES], Store(path), nlp=nlp)
    assert len(report.ingested) == 9
    return str(path)


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_copies_lists_each_copy_with_its_traced_source_and_never_the_unrelated_article(db):
    rows = json_lines(run("copies", "--db", db, "--json").stdout)
    traced = {(r["copy"], r["source"]): r["verdict"] for r in rows if r["verdict"] != "same_story"}
    assert traced == {(REPRINT, ORIGINAL): "verbatim", (SPUN, ORIGINAL): "spun", (TRANSLATION, ORIGINAL): "translated"}
    assert all(UNRELATED not in (r["copy"], r["source"]) for r in rows)
    assert all(set(r) >= {"copy", "source", "verdict", "score"} and 0 < r["score"] <= 1 for r in rows)


def test_diff_of_two_files_needs_no_database_and_lists_the_distortions(tmp_path):
    result = run(
        "diff", str(EXAMPLES / "03_spun.txt"), str(EXAMPLES / "01_original.html"), "--json",
        "--db", str(tmp_path / "never-made.db"),
    )
    assert result.exit_code == 0, result.output
    diff = json.loads(result.stdout)
    assert diff["verdict"] == "spun"
    number = next(d for d in diff["distortions"] if d["type"] == "number")
    assert (number["source"]["text"], number["copy"]["text"]) == ("31", "13")
    assert not (tmp_path / "never-made.db").exists()


def test_diff_of_a_reprint_cut_short_says_which_part_of_the_source_it_covers(tmp_path):
    source = Path(__file__).parent / "fixtures" / "compare" / "source.txt"
    lead = source.read_text(encoding="utf-8").split("\n\n")
    excerpt = tmp_path / "excerpt.txt"  # a feed's excerpt: the first two paragraphs of the story
    excerpt.write_text("\n\n".join(lead[1:3]) + "\n", encoding="utf-8")
    diff = json.loads(run("diff", str(excerpt), str(source), "--json").stdout)
    assert (diff["verdict"], diff["distortions"]) == ("verbatim", [])
    assert diff["covered"]["text"].endswith("a former navy pilot, led the rescue")
    human = run("diff", str(excerpt), str(source)).stdout
    assert f"word for word: source characters {diff['covered']['start']}-{diff['covered']['end']}" in human


def test_diff_reads_stored_articles_by_url_or_id_prefix(db):
    rows = json_lines(run("articles", "--db", db, "--json").stdout)
    reprint_id = next(r["id"] for r in rows if r["url"] == REPRINT)
    result = run("diff", reprint_id[:8], ORIGINAL, "--db", db, "--json")
    diff = json.loads(result.stdout)
    assert (diff["verdict"], diff["distortions"]) == ("verbatim", [])
    human = run("diff", reprint_id[:8], ORIGINAL, "--db", db)
    assert "verdict: verbatim" in human.stdout and "No distortions found." in human.stdout


def test_diff_of_an_unknown_article_is_a_one_line_error(db):
    result = run("diff", "no-such-article", ORIGINAL, "--db", db)
    assert result.exit_code == 2
    assert "No article with id or URL 'no-such-article'" in result.stderr


def test_trace_puts_the_original_at_the_root_and_marks_the_asked_article(db):
    tree = json.loads(run("trace", SPUN, "--db", db, "--json").stdout)
    assert tree["root"]["url"] == ORIGINAL
    children = {child["url"]: child for child in tree["root"]["children"]}
    assert children[SPUN]["asked"] is True and children[SPUN]["verdict"] == "spun"
    assert set(children) == {REPRINT, SPUN, TRANSLATION}
    assert UNRELATED not in json.dumps(tree)
    human = run("trace", SPUN, "--db", db).stdout
    assert human.startswith("https://www.dailyledger.example/") and "◀" in human


def test_person_finds_a_profile_by_a_variant_spelling(db):
    profile = json.loads(run("person", "ilse maarten", "--db", db, "--json").stdout)
    assert profile["name"] == "Ilse Marten" and "Ilse Maarten" in profile["aliases"]
    assert [age["value"] for age in profile["ages"]] == [68]
    assert set(profile) >= {"id", "name", "aliases", "ages", "roles", "timeline", "conflicts", "articles"}


def test_person_shows_conflicting_ages_side_by_side(db):
    profile = json.loads(run("person", "Tomas Varga", "--db", db, "--json").stdout)
    (age,) = [c for c in profile["conflicts"] if c["field"] == "age"]
    values = {v["value"]: v["articles"] for v in age["values"]}
    assert ORIGINAL in values[31] and any("kestrinherald" in url for url in values[32])
    assert "Sources disagree on age" in run("person", "Tomas Varga", "--db", db).stdout


def test_person_all_prints_a_list_and_an_unknown_name_is_an_error(db):
    listed = json.loads(run("person", "Hollis", "--all", "--db", db, "--json").stdout)
    assert isinstance(listed, list) and {"Lena Hollis", "Andrei Hollis"} <= {p["name"] for p in listed}
    missing = run("person", "Nobody Atall", "--db", db)
    assert missing.exit_code == 2 and "No person matching 'Nobody Atall'" in missing.stderr


def test_people_lists_one_profile_per_person(db):
    people = json_lines(run("people", "--db", db, "--json").stdout)
    names = [p["name"] for p in people]
    assert len(names) == len(set(names))
    assert names.count("Ilse Marten") == 1 and "Ilse Maarten" not in names


def test_stories_keep_the_unrelated_article_apart(db):
    stories = json_lines(run("stories", "--db", db, "--json").stdout)
    assert sorted(s["article_count"] for s in stories) == [1, 8]
    alone = next(s for s in stories if s["article_count"] == 1)
    assert [a["url"] for a in alone["articles"]] == [UNRELATED]


def test_link_links_articles_stored_without_linking(tmp_path, nlp):
    path = tmp_path / "old.db"
    store = Store(path)
    paths = [EXAMPLES / "01_original.html", EXAMPLES / "02_reprint.txt"]
    for analysis in pipeline.analyze_paths(paths, nlp=nlp):
        store.add(analysis)  # as a database made before linking existed
    unlinked = run("copies", "--db", str(path), "--json")
    assert json_lines(unlinked.stdout) == []
    assert f"note: 2 articles in {path} not linked yet" in unlinked.stderr
    result = run("link", "--db", str(path))
    assert result.exit_code == 0 and "Linked 2 articles" in result.stderr
    (row,) = json_lines(run("copies", "--db", str(path), "--json").stdout)
    assert (row["copy"], row["source"], row["verdict"]) == (REPRINT, ORIGINAL, "verbatim")
    assert "Linked 0 articles" in run("link", "--db", str(path)).stderr


def test_ingest_links_older_articles_before_new_ones(tmp_path, nlp):
    store = Store(tmp_path / "old.db")
    (original,) = pipeline.analyze_paths([EXAMPLES / "01_original.html"], nlp=nlp)
    store.add(original)  # stored without linking, as by an older newstrace
    pipeline.ingest([EXAMPLES / "02_reprint.txt"], store, nlp=nlp)
    (row,) = json_lines(run("copies", "--db", str(tmp_path / "old.db"), "--json").stdout)
    assert (row["copy"], row["source"], row["verdict"]) == (REPRINT, ORIGINAL, "verbatim")


def test_copies_marks_a_pair_whose_direction_nothing_decided(tmp_path):
    text = (Path(__file__).parent / "fixtures" / "compare" / "source.txt").read_text(encoding="utf-8")
    for name in ("first.txt", "second.txt"):  # no dates, no junk: which is the copy is a guess
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "undated.db")
    assert run("ingest", str(tmp_path / "first.txt"), str(tmp_path / "second.txt"), "--db", db).exit_code == 0
    (row,) = json_lines(run("copies", "--db", db, "--json").stdout)
    assert (row["verdict"], row["direction"]) == ("verbatim", "undecided")
    assert row["copy"].endswith("second.txt")
    human = run("copies", "--db", db).stdout
    assert "verbatim ?" in human and "undecided" in human
