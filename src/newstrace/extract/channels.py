"""The channel of a release: direct or mediated, and inside or outside a named deal or truce.

    read_channel(reader, trigger) -> Channel

For a release (RETREAT events), from the trigger's sentence:

* ``mediators``: entities through whom it came about: "mediated / brokered by
  X", "through X", "via X", "with the help of X", "thanks to X", "X's
  mediation", and the subjects of "achieve / secure / facilitate ... the
  release" ("the United States, Qatar and Egypt acted to achieve Krivoi's
  release");
* ``channel``: ``mediated`` with mediators; ``direct`` when the text says so
  ("direct negotiations between Russian representatives and Hamas" credited
  for it, "released directly", "independent of US mediation");
* ``frameworks``: each deal or truce the sentence relates it to, with how:
  ``part_of`` ("under the deal", "as part of the truce"), ``during`` ("during
  the truce"), ``outside`` ("outside the agreement", "apart from the deal"),
  and ``negated`` when the text denies it ("they were not included in the
  agreement", "not part of the deal").

Each framework carries its evidence (the framework phrase); the mediators are
entity ids with their mentions as evidence. Nothing is inferred beyond the
sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Framework

FRAMEWORK_NOUNS = frozenset({"truce", "ceasefire", "deal", "agreement", "accord", "arrangement", "pause", "framework"})
# Prepositions (and two-word ones, by their first word) and how they relate an act to a framework.
FRAMEWORK_RELATIONS = {
    "during": "during", "amid": "during", "throughout": "during",
    "under": "part_of", "within": "part_of", "in": "part_of", "as": "part_of", "of": "part_of",
    "outside": "outside", "apart": "outside", "beyond": "outside", "independent": "outside",
    "independently": "outside", "separately": "outside", "separate": "outside", "besides": "outside",
}
MEDIATOR_PREPOSITIONS = frozenset({"through", "via"})
MEDIATING_VERBS = frozenset({"mediate", "broker", "facilitate", "secure", "achieve", "negotiate", "arrange", "help"})
MEDIATION_NOUNS = frozenset({"mediation", "help", "efforts", "effort", "intervention", "assistance"})
DIRECT_WORDS = frozenset({"direct", "directly"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# How many heads up from a framework noun its relation and negation are looked for.
FRAMEWORK_HOPS = 4


@dataclass(frozen=True)
class Channel:
    mediators: tuple[str, ...] = ()
    channel: str | None = None  # "direct" | "mediated" | None
    frameworks: tuple[Framework, ...] = ()


def read_channel(reader, trigger) -> Channel:
    """The channel of the release whose trigger token is ``trigger`` (see the module docstring)."""
    sentence = trigger.sent
    mediators: list[str] = []
    direct = False
    for token in sentence:
        low = token.lemma_.lower()
        if token.dep_ == "prep" and token.lower_ in MEDIATOR_PREPOSITIONS and _governs(token.head, trigger):
            mediators += [i for h in reader._objects(token) for i in reader.phrase(h)]
        elif token.dep_ == "agent" and token.head.lemma_.lower() in MEDIATING_VERBS:
            mediators += [i for h in reader._objects(token) for i in reader.phrase(h)]
        elif low in MEDIATING_VERBS and token.pos_ == "VERB" and _aims_at(token, trigger):
            mediators += [i for c in token.children if c.dep_ == "nsubj" for i in reader.phrase(c)]
            if not any(c.dep_ == "nsubj" for c in token.children):
                mediators += [i for i in _controller_ids(reader, token)]
        elif low in MEDIATION_NOUNS and token.pos_ == "NOUN":
            owners = [i for c in token.children if c.dep_ in ("poss", "compound", "amod") for i in reader.phrase(c)]
            owners += [i for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for h in reader._objects(c) for i in reader.phrase(h)]
            if _denied(token):
                direct = True  # "independent of US mediation", "without Qatari help"
            else:
                mediators += owners
        if token.lower_ in DIRECT_WORDS and (token.head == trigger or token.head.lemma_.lower() in ("negotiation", "talk")):
            direct = True
    mediators = list(dict.fromkeys(mediators))
    frameworks = tuple(_framework(reader, token, trigger) for token in sentence
                       if token.lemma_.lower() in FRAMEWORK_NOUNS and token.pos_ == "NOUN" and token.i != trigger.i)
    frameworks = tuple(f for f in frameworks if f is not None)
    channel = "mediated" if mediators else "direct" if direct else None
    return Channel(tuple(mediators), channel, frameworks)


def _framework(reader, noun, trigger) -> Framework | None:
    relation = None
    negated = False
    node = noun
    for _ in range(FRAMEWORK_HOPS):
        head = node.head
        if head.i == node.i:
            break
        word = head.lower_
        if head.dep_ in ("prep", "advmod", "amod", "acomp") or head.pos_ == "ADP":
            relation = relation or FRAMEWORK_RELATIONS.get(word)
            if word == "of" and head.head.lower_ == "part":
                relation = "part_of"
        if head.lemma_.lower() == "include":
            relation = relation or "part_of"
        if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in head.children):
            negated = True
        if head.pos_ in ("VERB", "AUX"):
            break
        node = head
    if relation is None:
        return None
    start, end = noun.left_edge.i, noun.i + 1
    return Framework(text=reader.view.char_span(start, end), relation=relation, negated=negated,
                     evidence=reader.view.evidence(start, end))


def _governs(head, trigger) -> bool:
    """Is ``head`` the trigger or a verb the trigger's clause hangs from (two steps at most)?"""
    node = trigger
    for _ in range(3):
        if node == head:
            return True
        node = node.head
    return False


def _aims_at(verb, trigger) -> bool:
    """Does the mediating verb have the release as its object ("achieve Krivoi's release")?"""
    return any(t == trigger for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp") for t in c.subtree)


def _controller_ids(reader, verb) -> list[str]:
    """The subject of the verb a to-clause depends on ("X acted separately to achieve ...")."""
    head = verb.head
    if verb.dep_ in ("xcomp", "advcl") and head.i != verb.i:
        return [i for c in head.children if c.dep_ == "nsubj" for i in reader.phrase(c)]
    return []


def _denied(noun) -> bool:
    """A mediation the text sets aside: "independent of US mediation", "without Qatari help"."""
    node = noun
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            return False
        if head.lower_ in ("without", "independent", "independently", "outside", "separately"):
            return True
        node = head
    return False
