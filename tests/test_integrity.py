"""Integrity flags: junk in the seed and in our own articles; clean prose stays clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.extract.integrity import extract_flags
from newstrace.extract.quote_spans import find_quote_spans, paragraph_bounds
from newstrace.ingest import to_article
from newstrace.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "integrity"
SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "seed" / "000_b11f0812c5b1d870.txt"


def _flags(path: Path):
    from newstrace import nlp

    article = to_article(Document(source=str(path), kind="text", content=path.read_bytes()))
    flags = extract_flags(nlp.load()(article.text), article)
    for flag in flags:
        assert article.text[flag.evidence.start : flag.evidence.end] == flag.text
        assert flag.evidence.article == article.id and flag.reason
    return article, flags


def test_clean_article_has_no_flags():
    _, flags = _flags(FIXTURES / "clean.txt")
    assert flags == ()


def test_inserted_junk_is_flagged():
    _, flags = _flags(FIXTURES / "junk.txt")
    assert [(f.kind, f.text) for f in flags] == [
        ("inserted", "Let's dive in."),
        ("garbled", "which made the deck safer."),
        ("inserted", "I have always loved this bridge."),
        ("truncated", "Buses will return to the route next week and"),
    ]


SEED_FLAGS = [
    ("inserted", "Let's get started."),
    ("truncated", "Hamas has fulfilled its promise ever since"),
    ("garbled", "In conflict and other releases."),
    ("inserted", "I have carefully altered my position in light of this."),
    ("garbled", "a provider of missiles and drones for Moscow's conflict in Ukraine."),
    ("inserted", "It is conceivable."),
    ("garbled", "Middle East, said during a conversation."),
    ("garbled", "Detest it."),
    ("inserted", "Who has been let free now that the violence has stopped thanks to a truce negotiated by the United States?"),
    ("garbled", "have fulfilled."),
    ("garbled", "may occur quickly."),
    ("garbled", 'Is not."'),
]


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_flags():
    article, flags = _flags(SEED)
    assert [(f.kind, f.text) for f in flags] == SEED_FLAGS
    # No flag lies inside a quotation: quotes keep their speaker's grammar.
    spans = find_quote_spans(article.text, paragraph_bounds(article))
    for flag in flags:
        assert not any(q.start < flag.evidence.end and flag.evidence.start < q.end for q in spans), flag.text
