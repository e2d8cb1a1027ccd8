"""The scale benchmark's corpus (bench/scale.py): re-issued articles keep every span on its words."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import scale  # noqa: E402

from helpers import make_article  # noqa: E402
from newstrace.pipeline import analyze  # noqa: E402

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
