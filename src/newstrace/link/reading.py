"""An article read once for comparison: its sentences, which of them are prose, its names, its words.

    read(analysis) -> Reading

``compare`` verifies a pair on two Readings and ``distortions`` reports on them. A
``Linker`` keeps the Readings in its own small LRU cache by article id, so, comparing a
new article with up to 20 candidates, it reads each candidate once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Analysis
from .align import Sentence, read_sentences
from .containment import Words, read_words
from .distortion_lexicon import NOT_NAMES
from .memo import Memo
from ..text import fold
from .text import mostly_latin, tokens, words

@dataclass(frozen=True)
class Reading:
    """An analysis read once for comparison."""

    analysis: Analysis
    sentences: tuple[Sentence, ...]
    content: tuple[bool, ...]  # per sentence: article prose (not furniture, see _is_prose)
    names: frozenset[str]  # name keys written mid-sentence (calendar words excluded)
    latin: bool  # written mostly in Latin letters (text.mostly_latin)
    words: Words  # the prose words read for containment


# A line that does not end like a sentence and is this short is furniture left
# by cleaning (a site name, "Share this", a repeated headline, a caption), not
# prose: it never counts as inserted or dropped. Headlines run to 15 words,
# but a long one is rare and a prose sentence cut by a line break is not.
FURNITURE_MAX_WORDS = 8
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*$""")


def _is_prose(sentence: Sentence) -> bool:
    return len(sentence.words) > FURNITURE_MAX_WORDS or bool(_SENTENCE_END.search(sentence.span.text))


def read(analysis: Analysis, cache: Memo[Reading] | None = None) -> Reading:
    """The article's sentences and names; kept in ``cache`` (a Linker's) by article id (same id, same text)."""
    # The id fixes url and text; the counts tell a text-only analysis from a parsed one.
    key = (analysis.article.id, len(analysis.entities), len(analysis.quotes), len(analysis.flags))
    reading = cache.get(key) if cache is not None else None
    if reading is not None:
        return reading
    text = analysis.article.text
    written = tokens(text)  # once: the sentences and the containment words are cut from them
    sentences = read_sentences(text, written)
    furniture = {tuple(words(line)) for line in (analysis.article.title, analysis.article.site) if line}
    # A capitalised word the article also writes in lowercase is a common word
    # ("New figures" next to "a new plan"), not a name.
    lowercase = {fold(token.text) for token in written if token.text[0].islower()}
    names = frozenset(
        key
        for s in sentences
        for key in s.skeleton
        if not key[0].isdigit() and key not in NOT_NAMES and key not in lowercase
    )
    content = tuple(s.words not in furniture and _is_prose(s) for s in sentences)
    reading = Reading(
        analysis=analysis,
        sentences=sentences,
        content=content,
        names=names,
        latin=mostly_latin(text),
        words=read_words(text, sentences, content, written),
    )
    return cache.put(key, reading) if cache is not None else reading
