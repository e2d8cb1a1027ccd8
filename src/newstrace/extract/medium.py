"""Where a statement was made: the medium of an attribution, from its cue verb.

    medium_of(reader, verb_index) -> str | None
    statement_time(reader, verb_index) -> TimeExpression | None

Read from the cue verb and a "speaking on ..." / "writing in ..." clause hung
on it:

* "told RIA Novosti", "informed the RIA Novosti news agency": the outlet told
  (an organization, or a noun phrase with an outlet word);
* "in a Telegram post", "on Telegram", "at a press conference", "in an
  interview with Izvestia": the platform or outlet named in the phrase
  ("Telegram", "Izvestia") when there is one, else the medium as written
  without its article ("press conference", "statement").

``statement_time`` is the time expression whose parse path reaches the cue
verb or its speaking clause ("Speaking on Telegram last Sunday, X credited").
None when the text does not say. Word lists live in ``speech.py``.
"""

from __future__ import annotations

from ..model import TimeExpression
from . import speech as sp
from .events import attach_times
from ..lexicon.words import NEWS_OUTLETS

# Dependents of a cue verb that carry a speaking clause ("Speaking on Telegram, X said").
SPEAKING_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "conj"})


def medium_of(reader, at: int | None) -> str | None:
    """The medium the cue verb at token ``at`` names, if any (see the module docstring)."""
    if at is None or not reader.has_parse:
        return None
    verb = reader.doc[at]
    found = _from_verb(reader, verb)
    if found:
        return found
    for child in verb.children:
        if child.dep_ in SPEAKING_CLAUSE_DEPS and child.lemma_.lower() in sp.SPEAKING_VERBS:
            found = _from_verb(reader, child)
            if found:
                return found
    if verb.dep_ in SPEAKING_CLAUSE_DEPS and verb.head.i != verb.i:
        return _from_prepositions(reader, verb.head)
    return None


def _from_verb(reader, verb) -> str | None:
    if verb.lemma_.lower() in sp.TELLING_VERBS:
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and _is_outlet(reader, child):
                return _named(reader, child) or _written(reader, child)
    return _from_prepositions(reader, verb)


def _from_prepositions(reader, verb) -> str | None:
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in sp.MEDIUM_PREPOSITIONS:
            continue
        for noun in child.children:
            if noun.dep_ != "pobj":
                continue
            if noun.lower_ in sp.PLATFORMS:
                return noun.text
            if noun.lemma_.lower() in sp.MEDIUM_NOUNS:
                return _named(reader, noun) or _written(reader, noun)
            if child.lower_ != "to" and _is_outlet(reader, noun):
                return _named(reader, noun) or _written(reader, noun)
    return None


def _is_outlet(reader, noun) -> bool:
    words = {t.lower_ for t in noun.subtree}
    if words & sp.OUTLET_WORDS:
        return True
    entity = reader.entity_over(noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text), noun.idx)
    return entity is not None and entity.kind == "organization" and entity.name.lower() in NEWS_OUTLETS


def _named(reader, noun) -> str | None:
    """A platform or outlet named inside the phrase ("a Telegram post", "an interview with Izvestia")."""
    for token in noun.subtree:
        if token.lower_ in sp.PLATFORMS and token.text[:1].isupper():
            return token.text
    entity = reader.entity_over(noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text), noun.idx)
    if entity is not None and entity.kind == "organization":
        return entity.name
    return None


def _written(reader, noun) -> str:
    """The phrase up to its head, without its article ("a press conference" -> "press conference")."""
    start = noun.left_edge.i
    while start < noun.i and reader.doc[start].dep_ in ("det", "poss"):
        start += 1
    first = reader.doc[start]
    return reader.text[first.idx : noun.idx + len(noun.text)]


def statement_time(reader, at: int | None) -> TimeExpression | None:
    """When the statement whose cue verb is token ``at`` was made, if the text says."""
    if at is None or not reader.has_parse or not reader.times:
        return None
    verb = reader.doc[at]
    cues = {at} | {c.i for c in verb.children if c.dep_ in SPEAKING_CLAUSE_DEPS and c.lemma_.lower() in sp.SPEAKING_VERBS}
    attached = attach_times(reader.doc, reader.times, cues)
    return next((attached[i] for i in sorted(cues) if i in attached), None)
