"""What happened to each person: captive, released, killed, injured, missing, arrested, hospitalized.

``extract_statuses(doc, article, entities, events)`` reads two sources, never
guessing (a state needs a person entity named by the parse and words that say it):

1. events (``events.py``) whose target is a person and whose modality is
   ``asserted`` or ``reported`` (a future, hypothetical or negated event says
   nothing about the person yet): see ``EVENT_STATES``;
2. state phrases: a state participle or adjective held by "remain"/"stay" or
   "still" ("her son, Alexander, remains incarcerated", "is still held"),
   "held captive/hostage", "went missing", and a verb of moving someone to a
   hospital ("he was sent to a Tel Aviv hospital", "hospitalized").

Each state carries the time the parse attaches to its trigger (as for events)
and the trigger as evidence. One status per person and state: the first one
with a dated time, else the first with a time phrase, else the first one.
"""

from __future__ import annotations

import re

from ..limits import DEFAULT_LIMITS
from ..model import Article, Entity, Event, Status, TimeExpression
from . import doc_context
from .events import ParseReader

# (type, mode) of an event -> the state of its person targets.
EVENT_STATES: dict[tuple[str, str | None], str] = {
    ("RETREAT", "release"): "released",
    ("AID", "rescue"): "released",
    ("ASSAULT", "kill"): "killed",
    ("ASSAULT", "assassinate"): "killed",
    ("ASSAULT", "massacre"): "killed",
    ("ASSAULT", "abduct"): "captive",
    ("ASSAULT", "injure"): "injured",
    ("COERCE", "arrest"): "arrested",
}
FACT_MODALITIES = frozenset({"asserted", "reported"})
# Words that name a lasting state when "remain"/"stay"/"still" holds them.
STATE_WORDS: dict[str, str] = {
    "incarcerate": "captive", "incarcerated": "captive", "imprison": "captive", "imprisoned": "captive",
    "hold": "captive", "held": "captive", "detain": "captive", "detained": "captive", "jail": "captive",
    "jailed": "captive", "captive": "captive", "captivity": "captive", "hostage": "captive",
    "kidnap": "captive", "abduct": "captive",
    "missing": "missing", "unaccounted": "missing",
    "hospitalize": "hospitalized", "hospitalise": "hospitalized", "hospitalized": "hospitalized",
    "injured": "injured", "wounded": "injured",
}
STATE_HOLDERS = frozenset({"remain", "remains", "stay", "stays"})
STILL = frozenset({"still", "yet"})
# "held captive", "held hostage": the second word makes "hold" a state.
HOLD_COMPLEMENTS = frozenset({"captive", "hostage", "prisoner", "captivity"})
# Verbs that move a person to hospital, and the places that count as one.
HOSPITAL_VERBS = frozenset({"send", "take", "rush", "admit", "bring", "fly", "airlift", "transfer", "evacuate",
                            "carry", "move", "hospitalize", "hospitalise"})
HOSPITAL_NOUNS = frozenset({"hospital", "clinic", "infirmary"})
# "went missing", "disappeared": the subject is missing.
MISSING_VERBS = frozenset({"disappear", "vanish"})
# Every lemma ``_state_of`` can answer for ("be" with a hospital, a hospital verb, a missing
# verb, a state word): a token with another lemma is no state unless its form is a state word.
_STATE_LEMMAS = frozenset({"be", *HOSPITAL_VERBS, *MISSING_VERBS, *STATE_WORDS})


def extract_statuses(
    doc,
    article: Article,
    entities: tuple[Entity, ...],
    events: tuple[Event, ...] = (),
    times: tuple[TimeExpression, ...] | None = None,
    max_sentence_chars: int = DEFAULT_LIMITS.max_sentence_chars,
) -> tuple[Status, ...]:
    """Person states said by ``events`` and by state phrases in ``doc``; no reference to the Doc.

    State phrases in sentences longer than ``max_sentence_chars`` are not read.
    """
    people = {e.id for e in entities if e.kind == "person"}
    parsed = bool(len(doc)) and doc.has_annotation("DEP")
    reader = ParseReader(doc, article, entities, times, max_sentence_chars) if parsed else None
    found: list[Status] = []
    for event in events:
        state = EVENT_STATES.get((event.type, event.mode))
        if event.type == "ASSAULT" and _left_dead(article.text, event):  # "was shot dead", "beaten to death"
            state = "killed"
        if state and event.modality in FACT_MODALITIES:
            for person in event.target:
                if person in people and not (reader and _only_possessor(reader, person, event)):
                    found.append(Status(person, state, event.evidence, event.time))
    if reader:
        found += _state_phrases(reader, people)
    return _one_per_state(found)


# A result phrase after an ASSAULT trigger, before the clause ends, that says the target died:
# "was shot dead", "stabbed to death", "shot Peter Jones dead". Lowercase only ("near the Dead
# Sea" is a place), and not after a hedge ("beaten half to death", "nearly beaten to death").
DEATH_RESULT = re.compile(r"\b(?:dead|to death)\b")
CLAUSE_END = re.compile(r"[,.;:!?]|\b(?:and|but|who|which|after|before|when)\b")
RESULT_WINDOW = 60  # characters after the trigger: the target's name and the result phrase
HEDGE_WINDOW = 20  # characters before the trigger: "was nearly beaten", "almost shot"
HEDGE = re.compile(r"\b(?:nearly|almost|half|close to|all but)\b", re.IGNORECASE)


def _left_dead(text: str, event: Event) -> bool:
    following = text[event.evidence.end : event.evidence.end + RESULT_WINDOW]
    end = CLAUSE_END.search(following)
    clause = following[: end.start()] if end else following
    result = DEATH_RESULT.search(clause)
    if not result:
        return False
    before = text[max(0, event.evidence.start - HEDGE_WINDOW) : event.evidence.start]
    return not (HEDGE.search(clause[: result.start()]) or HEDGE.search(before))


def _only_possessor(reader: ParseReader, person: str, event: Event) -> bool:
    """True when every mention of ``person`` in the event's sentence owns another noun ("Hollis's
    husband was killed"): the owned noun is the target, not the owner. Owning the trigger itself
    ("Krivoi's release") still makes the owner the target."""
    doc = reader.doc
    # The trigger's tokens by its character span (evidence spans start and end on tokens); a walk
    # over the whole doc per event made statuses quadratic: 0.76 s for 400 sentences naming 800
    # people, 0.07 s now, with the same statuses.
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    trigger = {t.i for t in span} if span is not None else set()
    sentence = doc[min(trigger)].sent if trigger else None
    if sentence is None:
        return False
    mentions = [t for t in sentence if reader.entity_at[t.i] == person]
    heads = [t for t in mentions if reader.entity_at[t.head.i] != person or t.head == t]  # a mention's last word
    return bool(heads) and all(t.dep_ == "poss" and t.head.i not in trigger for t in heads)


def _state_phrases(reader: ParseReader, people: set[str]) -> list[Status]:
    hits: dict[int, tuple[str, list]] = {}
    for token in reader.view.tokens:
        match = None if reader.too_long(token.i) else _state_of(token)
        if match:
            hits[token.i] = match
    times = reader.attach_times(hits)
    statuses = []
    for i, (state, holders) in sorted(hits.items()):
        token = reader.view.tokens[i]
        if reader.modality(token) not in FACT_MODALITIES:
            continue
        evidence = reader.view.evidence(i, i + 1)
        for holder in holders:
            for person in reader.phrase(holder):
                if person in people:
                    statuses.append(Status(person, state, evidence, times.get(i)))
    return statuses


def _state_of(token) -> tuple[str, list] | None:
    """(state, the tokens naming who is in it) when ``token`` says a state."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    if lemma not in _STATE_LEMMAS and lower not in STATE_WORDS:  # "missing" is a state word
        return None  # no branch below can match: most tokens end here, before their children are read
    children = doc_context.children(token)
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    for auxiliary in children:  # the parser may hang the subject on "remains"
        if auxiliary.dep_ in ("aux", "auxpass"):
            subjects += [c for c in auxiliary.children if c.dep_ in ("nsubj", "nsubjpass")]
    passive = any(c.dep_ == "auxpass" for c in children)
    objects = [c for c in children if c.dep_ == "dobj"]
    if lemma == "be" and subjects and any(_to_hospital(c) for c in children):  # "has been in Sarn Hospital"
        return "hospitalized", subjects
    if lemma in HOSPITAL_VERBS and token.pos_ == "VERB":
        if lemma.startswith("hospital") or any(_to_hospital(c) for c in children):
            return "hospitalized", (subjects if passive else objects)
    if lemma in MISSING_VERBS or (lower == "missing" and token.head.lemma_.lower() in ("go", "be", "remain")):
        holders = subjects or [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return ("missing", holders) if holders else None
    state = STATE_WORDS.get(lemma) or STATE_WORDS.get(lower)
    if state is None:
        return None
    if lemma == "hold" and token.pos_ == "VERB":
        complement = any(c.lower_ in HOLD_COMPLEMENTS for c in token.subtree if c.i > token.i and c.i - token.i <= 3)
        still = any(c.lower_ in STILL for c in children)
        if passive and (complement or still):
            return "captive", subjects
        if complement and objects:
            return "captive", objects
        return None
    held = any(c.dep_ in ("aux", "auxpass") and c.lower_ in STATE_HOLDERS for c in children) or any(
        c.lower_ in STILL for c in children
    )
    if held and subjects:
        return state, subjects
    head = token.head
    if token.dep_ in ("acomp", "oprd", "attr") and (head.lemma_.lower() in STATE_HOLDERS or any(c.lower_ in STILL for c in head.children)):
        holders = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return (state, holders) if holders else None
    return None


def _to_hospital(child) -> bool:
    if child.dep_ != "prep" or child.lower_ not in ("to", "into", "in"):
        return False
    return any(t.lemma_.lower() in HOSPITAL_NOUNS for t in child.subtree)


def _one_per_state(found: list[Status]) -> tuple[Status, ...]:
    chosen: dict[tuple[str, str], Status] = {}
    for status in sorted(found, key=lambda s: s.evidence.start):
        key = (status.person, status.state)
        if key not in chosen or _time_rank(status) > _time_rank(chosen[key]):
            chosen[key] = status
    return tuple(sorted(chosen.values(), key=lambda s: (s.evidence.start, s.person)))


def _time_rank(status: Status) -> int:
    """2 for a dated time, 1 for a time phrase without a date ("a few days later"), 0 for none."""
    if status.time is None:
        return 0
    return 2 if status.time.value else 1
