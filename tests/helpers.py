"""Docs without the model, for fast tests of the extractors (test helpers: not part of the package).

    doc = make_doc("Roni Krivoi, 25, left. Krivoi said so.",
                   [("Roni Krivoi", "PERSON"), ("Krivoi", "ORG")])

``make_doc`` tokenises with ``spacy.blank("en")``, splits sentences with the
rule-based sentencizer and sets ``doc.ents`` from ``(text, label)`` pairs
matched in order: each pair is looked for after the end of the previous one,
so a repeated name is labelled once per pair. There are no tags and no
parse, so extractors fall back to their word lists.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from newstrace.model import Article, article_id


@functools.cache
def blank_nlp():
    import spacy

    from newstrace.extract.glued import install

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return install(nlp)


def make_doc(text: str, ents: Iterable[tuple[str, str]] = ()):
    """A blank-pipeline Doc of ``text`` with the given entities, in order of appearance."""
    doc = blank_nlp()(text)
    spans = []
    cursor = 0
    for surface, label in ents:
        start = text.index(surface, cursor)
        span = doc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
        if span is None:
            raise ValueError(f"{surface!r} at {start} does not align with tokens")
        spans.append(span)
        cursor = start + len(surface)
    doc.ents = spans
    return doc


def make_article(text: str, url: str = "https://example.org/test") -> Article:
    """An Article around ``text`` with a real id."""
    return Article(id=article_id(url, text), url=url, text=text)
