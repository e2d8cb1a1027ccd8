"""Attributions that are not direct quotes: reported speech, stance, "according to", headlines.

    indirect_attributions(reader) -> list[Quote]

Each is a ``Quote`` whose ``kind`` says what it is, so a caller can keep
quotes only (``kind in QUOTE_KINDS``):

* ``indirect``: a speech verb with a clause object ("Moscow emphasized that
  ...", "X told the agency (that) ..."); a headline or lead line "Source:
  content" ("Poll: Sanders leads Clinton");
* ``stance``: a verb of belief or finding with a clause object ("X believes
  that ...", "the poll shows that ..."), or a verb of wanting, backing or
  opposing with an object ("Trump wants a wall", "she opposed the deal");
* ``according_to``: "according to X, ...".

Speakers come from ``SpeakerReader`` (subjects, "according to" objects, the
words before a headline's colon).
"""

from __future__ import annotations

import re

from ..model import Quote
from . import speech as sp
from .medium import medium_of, statement_time
from .speakers import STANCE_FORMS, Speaker, SpeakerReader, verb_forms

# Indirect content shorter than this many words is not reported speech ("he said so").
MIN_INDIRECT_WORDS = 2
# A stance object shorter than this many words is no attribution ("wants it", "backs him").
MIN_STANCE_WORDS = 2
# A headline source ("Wash Post Fact-Check:", "Poll:") has at most this many words, its
# content at least ``MIN_HEADLINE_WORDS``. Set on the PolNeAR train split's titles.
MAX_HEADLINE_SOURCE_WORDS = 5
MIN_HEADLINE_WORDS = 3

_STANCE_OBJECT_FORMS = {form: lemma for lemma in sp.STANCE_OBJECT_VERBS for form in verb_forms(lemma)}
_SPEECH_OBJECT_FORMS = {form: lemma for lemma in sp.SPEECH_OBJECT_VERBS for form in verb_forms(lemma)}
_HEADLINE = re.compile(r"^\s*([A-Z][^:\n.!?\"“”]{0,60}?):\s+(\S[^\n]*?)\s*$")


def indirect_attributions(reader: SpeakerReader) -> list[Quote]:
    """Every attribution of the article that is not a direct quote (see the module docstring)."""
    quotes = _headlines(reader)
    if not reader.has_parse:
        return quotes
    for i in range(len(reader.starts)):
        if reader.quoted[i]:
            continue
        if reader.is_according(i):
            quote = _according(reader, i)
        elif reader.is_speech(i):
            quote = _verb_clause(reader, i, "indirect") or (
                _verb_object(reader, i, "indirect") if reader.is_verb(i, sp.SPEECH_OBJECT_VERBS, _SPEECH_OBJECT_FORMS)
                else None
            )
        elif reader.is_verb(i, sp.STANCE_VERBS, STANCE_FORMS):
            quote = _verb_clause(reader, i, "stance") or (
                _verb_object(reader, i) if reader.is_verb(i, sp.STANCE_OBJECT_VERBS, _STANCE_OBJECT_FORMS) else None
            )
        elif reader.is_verb(i, sp.STANCE_OBJECT_VERBS, _STANCE_OBJECT_FORMS):
            quote = _verb_object(reader, i)
        else:
            continue
        if quote is not None:
            quotes.append(quote)
    return quotes


def _verb_clause(reader: SpeakerReader, v: int, kind: str) -> Quote | None:
    verb = reader.doc[v]
    content = next((c for c in verb.children if c.dep_ in sp.CONTENT_DEPS), None) or _that_clause(verb)
    if content is not None:
        start, end = content.left_edge.i, content.right_edge.i + 1
        while start < end and (reader.doc[start].dep_ == "mark" or reader.doc[start].is_punct):
            start += 1
    elif verb.dep_ == "parataxis" and verb.head.i != v:
        start, end = _longest_outside(verb.head, verb)
    else:
        return None
    return _attribution(reader, start, end, verb.text, reader.speaker_of_verb(v), kind, v)


def _verb_object(reader: SpeakerReader, v: int, kind: str = "stance") -> Quote | None:
    """A stance with an object ("backed the plan", "called for a ban"), or speech reported by
    its object ("announced his resignation", ``kind="indirect"``)."""
    verb = reader.doc[v]
    content = next((c for c in verb.children if c.dep_ in sp.STANCE_OBJECT_DEPS), None)
    if content is None:
        preposition = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in sp.STANCE_PREPOSITIONS), None)
        content = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None
    if content is None or content.pos_ == "PRON":
        return None
    start, end = content.left_edge.i, content.right_edge.i + 1
    if end - start < MIN_STANCE_WORDS:
        return None  # "backs it" says nothing; "supports Trump" does
    speaker = reader.speaker_of_verb(v)
    if speaker is None or speaker.name is None:
        return None  # a stance is someone's: "the wall wants repairs" names no one
    return _attribution(reader, start, end, verb.text, speaker, kind, v, min_words=1)


def _according(reader: SpeakerReader, to: int) -> Quote | None:
    according = reader.doc[to - 1]
    sentence_start = reader.doc[to].sent.start
    sentence_end = reader.doc[to].sent.end
    phrase_start, phrase_end = according.left_edge.i, according.right_edge.i + 1
    phrase_start = min(phrase_start, to - 1)
    before = (sentence_start, phrase_start)
    after = (phrase_end, sentence_end)
    start, end = max(before, after, key=lambda r: r[1] - r[0])
    cue = reader.according_cue(to)
    return _attribution(reader, start, end, cue.text, cue.speaker, "according_to", to)


def _headlines(reader: SpeakerReader) -> list[Quote]:
    """Lines "Source: content" (a title or lead): the source is a short capitalised name."""
    quotes = []
    for p_start, p_end in reader.paragraphs:
        match = _HEADLINE.match(reader.text, p_start, p_end)
        if not match:
            continue
        source, content = match.group(1), match.group(2)
        if len(source.split()) > MAX_HEADLINE_SOURCE_WORDS or len(content.split()) < MIN_HEADLINE_WORDS:
            continue
        s_start, c_start, c_end = match.start(1), match.start(2), match.end(2)
        found = reader.entity_over(s_start, match.end(1), s_start)
        speaker = Speaker(found.id, found.name) if found is not None and found.kind in ("person", "organization") \
            else Speaker(None, source.strip())
        quotes.append(Quote(
            text=reader.text[c_start:c_end],
            kind="indirect",
            evidence=reader.evidence(c_start, c_end),
            speaker=speaker.id,
            speaker_name=speaker.name,
            cue=":",
        ))
    return quotes


def _attribution(
    reader: SpeakerReader, start: int, end: int, cue: str, speaker: Speaker | None, kind: str, at: int,
    min_words: int = MIN_INDIRECT_WORDS,
) -> Quote | None:
    while start < end and (reader.doc[start].is_punct or reader.doc[start].is_space):
        start += 1
    while end > start and (reader.doc[end - 1].is_punct or reader.doc[end - 1].is_space):
        end -= 1
    if end - start < min_words:
        return None
    outside = sum(1 for i in range(start, end) if not reader.quoted[i] and not reader.doc[i].is_punct)
    if outside < min_words:
        return None  # the content is a direct quote already read ('X said: "..."')
    first, last = reader.doc[start], reader.doc[end - 1]
    c_start, c_end = first.idx, last.idx + len(last.text)
    return Quote(
        text=reader.text[c_start:c_end],
        kind=kind,
        evidence=reader.evidence(c_start, c_end),
        speaker=speaker.id if speaker else None,
        speaker_name=speaker.name if speaker else None,
        cue=cue,
        medium=medium_of(reader, at),
        time=statement_time(reader, at),
    )


def _that_clause(verb):
    """A that-clause hung on a phrase after the verb: 'said in a statement that ...'."""
    for child in verb.rights:
        if child.dep_ not in sp.CLAUSE_CARRIER_DEPS:
            continue
        for token in child.subtree:
            if token.dep_ in sp.THAT_CLAUSE_DEPS and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in token.children
            ):
                return token
    return None


def _longest_outside(head, inner) -> tuple[int, int]:
    """The longer token range of ``head``'s subtree on either side of ``inner``'s."""
    before = (head.left_edge.i, inner.left_edge.i)
    after = (inner.right_edge.i + 1, head.right_edge.i + 1)
    return max(before, after, key=lambda r: r[1] - r[0])


__all__ = ["indirect_attributions"]
