"""The scale benchmark's corpus (bench/scale.py): re-issued articles keep every span on its words."""

import json
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import scale  # noqa: E402

from helpers import make_article  # noqa: E402
from newstrace.link import Linker  # noqa: E402
from newstrace.model import COPY_VERDICTS, Analysis, Entity, Evidence  # noqa: E402
from newstrace.pipeline import analyze  # noqa: E402
from newstrace.store import Store  # noqa: E402

TEXT = (
    "Dana Orlov, 44, the harbour manager, said the pier would open in May. "
    "Orlov told reporters that the council had approved the budget on Tuesday. "
    "Tomas Brevik, a ferry mechanic, welcomed the decision."
)


def test_a_reissue_renames_people_everywhere_and_keeps_every_span_on_its_words(nlp):
    base = analyze(make_article(TEXT), nlp(TEXT))
    assert {p.name for p in base.people} == {"Dana Orlov", "Tomas Brevik"}
    corpus = scale.Corpus([base], size=50, seed=3)
    fresh = [corpus.article(k) for k in range(50)]
    for analysis in fresh:
        text = analysis.article.text
        assert analysis.article.id != base.article.id
        for person in analysis.people:
            given, surname = person.name.split()
            assert person.name not in ("Dana Orlov", "Tomas Brevik")
            for mention in person.mentions:
                assert text[mention.start : mention.end] in (person.name, surname)
                assert mention.article == analysis.article.id
        for old, new in zip(base.counts + base.times, analysis.counts + analysis.times):
            if old.evidence is None:
                continue
            assert text[new.evidence.start : new.evidence.end].split()[-1] == TEXT[old.evidence.start : old.evidence.end].split()[-1]
    # Swapped words are words the bases write: the corpus's vocabulary recurs as real news's does.
    assert set().union(*(scale._LOWER_WORD.findall(a.article.text) for a in fresh)) <= set(scale._LOWER_WORD.findall(TEXT))
    # Most re-issues are new texts; about one in ten copies an earlier one with at most five words changed.
    copies = [a for a in fresh if any(_same_but_few(a.article.text, b.article.text) for b in fresh if b is not a)]
    assert 0 < len(copies) < 20


STORY = (
    "Dana Orlov, the mayor of Harwick, said on Monday that the Harwick ferry to Brema would run again in May. "
    "The ferry was cut in 2023 when the Kestrel Line went out of business. "
    "Orlov said the council and the port of Brema will each pay half of the 4 million euros it will cost. "
    "It is the first time in ten years that the two towns have agreed on a plan for the port. "
    "Tomas Brevik, who runs the Brema port, said he was glad the line was back and that it was up to the two of them to make it work. "
    "The first boat is due to sail on 12 May, and tickets go on sale at the Harwick town hall next week."
)


def _same_but_few(first: str, second: str) -> bool:
    return len(first) == len(second) and sum(x != y for x, y in zip(first.split(), second.split())) <= 5


def test_two_reissues_of_one_article_are_never_verified_as_copies_but_a_planted_copy_is(nlp):
    """Re-issues keep places and numbers but none of the wording, as two reports of one event
    (before every lowercase word could be swapped, the short ones kept the sentences' shape and
    a third of BBC re-issue pairs came out spun)."""
    base = analyze(make_article(STORY), nlp(STORY))
    corpus = scale.Corpus([base], size=40, seed=5)
    articles = [corpus.article(k) for k in range(40)]
    reissues = [a for k, a in enumerate(articles) if not scale.is_copy(5, k)]
    linker = Linker(Store(":memory:"))
    verdicts = [linker.compare(a, b).verdict for i, a in enumerate(reissues[:8]) for b in reissues[:i]]
    assert len(verdicts) == 28 and not set(verdicts) & set(COPY_VERDICTS)
    planted = [k for k in range(40) if scale.is_copy(5, k)]
    assert planted
    for k in planted:
        assert any(linker.compare(articles[k], earlier).verdict in ("verbatim", "edited") for earlier in articles[:k])


def test_people_merges_count_pairs_of_mentions_against_the_pool_names(tmp_path):
    # Three mentions of Dana Orlov and one of Tomas Brevik: profile A holds two Danas and Tomas,
    # profile B the third Dana. Pairs in one profile: 3, of them one is one person (precision 1/3);
    # pairs of one person: 3, of them one in one profile (recall 1/3).
    store = Store(str(tmp_path / "merges.db"))
    placed = [("https://a.example/1", "Dana Orlov", "A"), ("https://a.example/2", "Dana Orlov", "A"),
              ("https://a.example/3", "Tomas Brevik", "A"), ("https://a.example/4", "Dana Orlov", "B")]
    with store.profile_session() as session:
        for profile_id in ("A", "B"):
            session.new_profile(profile_id, "")
    for url, name, profile_id in placed:
        art = make_article(f"{name} spoke at {url}.", url)
        store.add(Analysis(article=art, entities=(Entity("p1", "person", name, (), (Evidence(art.id, 0, 0, len(name)),)),)))
        with store.profile_session() as session:
            session.add_member(art.id, "p1", profile_id)
    assert scale.people_merges(store) == {"merge_precision": 0.3333, "merge_recall": 0.3333, "mentions": 4, "profiles": 2}


# Long enough for its planted copies to be verified as copies.
LONGER = TEXT + (
    " The new pier will be 240 metres long and will take larger ferries from the northern islands. "
    "Construction is expected to take eighteen months and to cost about 14 million euros. "
    "Local fishermen had asked for a separate berth, which the plan does not include. "
    "Orlov said the harbour would stay open to fishing boats while the work goes on. "
    "Brevik said the older ferries needed repairs that the operator had postponed for years."
)


def test_a_run_stopped_midway_and_resumed_links_as_one_uninterrupted_run(nlp, tmp_path, monkeypatch, capsys):
    base = analyze(make_article(LONGER), nlp(LONGER))
    corpus = scale.Corpus([base], size=24, seed=7)  # copies planted at 5, 6 and 12
    whole = tmp_path / "whole.db"
    scale.run(corpus, str(whole), progress_file=scale.progress_path(str(whole), None))

    halves = tmp_path / "halves.db"
    progress = scale.progress_path(str(halves), None)
    assert progress == tmp_path / "halves.db.progress.json"  # beside its database, not in a cache
    original, calls = Linker.link_one, []

    def stops_at_the_fourteenth(self, analysis):
        calls.append(analysis.article.id)
        if len(calls) == 14:  # stored, not linked: what a process killed mid-article leaves
            raise KeyboardInterrupt
        return original(self, analysis)

    monkeypatch.setattr(Linker, "link_one", stops_at_the_fourteenth)
    try:
        scale.run(corpus, str(halves), progress_file=progress)
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(Linker, "link_one", original)
    assert Store(str(halves)).count() == 14
    capsys.readouterr()
    scale.run(corpus, str(halves), progress_file=progress)
    assert "resuming after 14 articles" in capsys.readouterr().err

    def pairs(db):
        return sorted((link.copy, link.source, link.verdict) for link in Linker(Store(str(db))).copies())

    assert pairs(halves) == pairs(whole) and pairs(whole)
    assert scale.people_merges(Store(str(halves))) == scale.people_merges(Store(str(whole)))


def test_the_next_articles_are_linked_into_a_copy_and_the_run_database_is_left_alone(nlp, tmp_path, capsys):
    base = analyze(make_article(LONGER), nlp(LONGER))
    corpus = scale.Corpus([base], size=12, seed=7)
    db = tmp_path / "run.db"
    scale.run(_cut(corpus, 8), str(db), progress_file=scale.progress_path(str(db), None))
    capsys.readouterr()
    scale.link_next(corpus, db, 3)
    (line,) = [json.loads(line) for line in capsys.readouterr().out.splitlines() if "next_linking" in line]
    assert (line["after"], line["articles"]) == (8, 3) and line["value"] > 0
    assert Store(str(db)).count() == 8
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("tmp")] == []  # the copy is gone


def _cut(corpus: scale.Corpus, size: int) -> scale.Corpus:
    """The same corpus cut to its first ``size`` articles (same dates: article k is the same)."""
    short = scale.Corpus(corpus.bases, size, corpus.seed)
    short.days = corpus.days[:size]
    return short


def test_a_database_holding_articles_of_no_known_run_is_refused(nlp, tmp_path):
    base = analyze(make_article(TEXT), nlp(TEXT))
    db = tmp_path / "other.db"
    Store(str(db)).add(base)
    try:
        scale.run(scale.Corpus([base], size=5, seed=1), str(db), progress_file=scale.progress_path(str(db), None))
    except SystemExit as refused:
        assert "holds 1 articles and no run's timings" in str(refused)
    else:
        raise AssertionError("a run into a filled database without its timings went on")


def test_a_resumable_run_keeps_its_timings_beside_its_database():
    assert scale.progress_path("/data/run.db", None) == Path("/data/run.db.progress.json")
    assert scale.progress_path(None, Path("/data/cluster")) == Path("/data/cluster/scale-progress.json")
    assert scale.progress_path(None, None) is None  # a temporary database: nothing to resume
    url = scale.progress_path("postgresql+psycopg://u@host/db", None)
    assert url.parent == scale.CACHE and url.name.startswith("scale-run-")


def test_a_kept_postgres_cluster_starts_again_with_its_data():
    import postgres_server  # tests/ is on the path (conftest.py)

    if postgres_server.find_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    # Not pytest's tmp_path: the server's own user must be able to reach the folder.
    folder = Path(tempfile.mkdtemp(prefix="newstrace-kept-pg-"))
    try:
        server = postgres_server.start(folder)
        assert postgres_server.start(folder) == server  # already running: used as it is
        engine = create_engine(server.url)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE kept (n integer)"))
            conn.execute(text("INSERT INTO kept VALUES (7)"))
        engine.dispose()
        server.stop()
        assert (folder / "data" / "PG_VERSION").exists()  # stopped, not deleted
        again = postgres_server.start(folder)
        engine = create_engine(again.url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT n FROM kept")).scalar_one() == 7
        engine.dispose()
        again.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
