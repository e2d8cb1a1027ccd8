"""The scale benchmark's corpus (bench/scale.py): re-issued articles keep every span on its words."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import scale  # noqa: E402

from helpers import make_article  # noqa: E402
from newstrace.model import Analysis, Entity, Evidence  # noqa: E402
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
    # Most re-issues are new texts; about one in ten copies an earlier one with at most five words changed.
    copies = [a for a in fresh if any(_same_but_few(a.article.text, b.article.text) for b in fresh if b is not a)]
    assert 0 < len(copies) < 20


def _same_but_few(first: str, second: str) -> bool:
    return len(first) == len(second) and sum(x != y for x, y in zip(first.split(), second.split())) <= 5


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
