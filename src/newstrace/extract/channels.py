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
  for it, "released directly", "independent of US mediation"). A sentence
  without a verb at its root goes on with the one before it, so a direct claim
  there counts: the seed's spun text splits "credited direct negotiations ...
  for the release" in two;
* ``evidence``: the words that say the channel (the mediator phrase, the
  "direct negotiations ..." phrase).
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

from ..model import Evidence, Framework

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
# Nouns a "direct" before them makes a direct channel: "direct negotiations between X and Y".
DIRECT_TALK_NOUNS = frozenset({"negotiation", "talk", "contact", "channel", "dialogue", "line"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# How many heads up from a framework noun its relation and negation are looked for.
FRAMEWORK_HOPS = 4


@dataclass(frozen=True)
class Channel:
    mediators: tuple[str, ...] = ()
    channel: str | None = None  # "direct" | "mediated" | None
    frameworks: tuple[Framework, ...] = ()
    evidence: Evidence | None = None  # the words that say the channel


def read_channel(reader, trigger) -> Channel:
    """The channel of the release whose trigger token is ``trigger`` (see the module docstring)."""
    sentence = trigger.sent
    mediators: list[str] = []
    said: list[tuple[int, int]] = []  # token ranges that name a mediator
    direct = None  # token range of the words that say it was direct
    for token in sentence:
        low = token.lemma_.lower()
        found: list[str] = []
        if token.dep_ == "prep" and token.lower_ in MEDIATOR_PREPOSITIONS and _governs(token.head, trigger):
            found = [i for h in reader._objects(token) for i in reader.phrase(h)]
            span = (token.i, _end(token))
        elif token.dep_ == "agent" and token.head.lemma_.lower() in MEDIATING_VERBS:
            found = [i for h in reader._objects(token) for i in reader.phrase(h)]
            span = (token.head.i, _end(token))
        elif low in MEDIATING_VERBS and token.pos_ == "VERB" and _aims_at(token, trigger):
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            found = [i for c in subjects for i in reader.phrase(c)]
            if not subjects:
                found = _controller_ids(reader, token)
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"] if found else []
            span = (min([token.i] + [c.left_edge.i for c in subjects]), token.i + 1)
        elif low in MEDIATION_NOUNS and token.pos_ == "NOUN":
            owners = [i for c in token.children if c.dep_ in ("poss", "compound", "amod") for i in reader.phrase(c)]
            owners += [i for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for h in reader._objects(c) for i in reader.phrase(h)]
            span = (token.left_edge.i, _end(token))
            if _denied(token):
                direct = direct or (token.head.i if token.head.i < token.i else token.i, span[1])
            else:
                found = owners
        if found:
            mediators += found
            said.append(span)
        direct = direct or _says_direct(token, trigger)
    if direct is None and _continues(sentence):
        # "Zakharova credited "direct negotiations between ... Hamas." Agreement," ... for "the
        # release ...": a verbless sentence goes on with the one before it, which says the channel.
        before = trigger.doc[sentence.start - 1].sent if sentence.start else None
        for token in before or ():
            direct = direct or _says_direct(token, None)
    mediators = list(dict.fromkeys(mediators))
    frameworks = tuple(_framework(reader, token, trigger) for token in sentence
                       if token.lemma_.lower() in FRAMEWORK_NOUNS and token.pos_ == "NOUN" and token.i != trigger.i)
    frameworks = tuple(f for f in frameworks if f is not None)
    if mediators:
        start, end = said[0][0], max(e for _, e in said)
        return Channel(tuple(mediators), "mediated", frameworks, reader.view.evidence(start, end))
    if direct is not None:
        return Channel((), "direct", frameworks, reader.view.evidence(*direct))
    return Channel((), None, frameworks)


def _says_direct(token, trigger) -> tuple[int, int] | None:
    """The words of a direct channel: "released directly" (on the trigger), "direct
    negotiations / talks / contacts between X and Y"; None when ``token`` says none."""
    if token.lower_ not in DIRECT_WORDS:
        return None
    head = token.head
    if trigger is not None and head == trigger:
        return (min(token.i, trigger.i), max(token.i, trigger.i) + 1)
    if head.lemma_.lower() in DIRECT_TALK_NOUNS:
        return (token.i, _end(head))
    return None


def _end(head) -> int:
    """The end of ``head``'s phrase, trailing punctuation left out."""
    last = head.right_edge
    while last.i > head.i and (last.is_punct or last.is_space):
        last = last.nbor(-1)
    return last.i + 1


def _continues(sentence) -> bool:
    """Does the sentence go on with the one before it: no verb at its root ("Agreement," which
    he identified in Moscow, for "the release of ...")?"""
    return sentence.start > 0 and sentence.root.pos_ not in ("VERB", "AUX")


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
