"""Who did what to whom: PLOVER 2021 events read from the dependency parse.

``extract_events(doc, article, entities)`` walks the parse once. A token is a
trigger when the event lexicon (``event_lexicon.py``, data only) knows it:

1. a verb + particle or preposition ("called for", "turned down");
2. a verb + the lemma of one of its objects ("gave ... a call", "claimed the life");
3. a verb lemma ("released", "visited");
4. an event noun ("the release of", "talks", "hunger strike").

Participants (``participants.py``; typed actors in ``actors.py``) are entity ids whose mentions overlap the dependent's noun phrase
(relative clauses, participle modifiers and clauses cut off; a possessive only
when nothing else names an entity):

* active verb: ``nsubj`` -> agent; ``dobj`` / dative / "with X", "against X",
  "to X"... -> target (for a verb + object trigger, the object's "of X"/"to X");
* passive verb: ``nsubjpass`` -> target, "by X" -> agent;
* a complement without a subject borrows it: "asked Hamas to release" ->
  agent Hamas, "agreed to release" -> the subject of "agreed"; a passive
  participle modifying a noun ("prisoners held by Israel", "the first man to be
  released") takes the noun (through "he was the first man") as its target;
* noun: possessive and "by X" -> agent, "of X" -> target; for person-directed
  modes ("release", "kill", ...) a possessive person is the target
  ("Krivoi's release").

"he"/"she"/"him"/"her" resolve to the nearest preceding person mention within
``PRONOUN_REACH`` sentences. Participle adjectives ("the abducted engineer")
are not events: they carry neither participants nor time.

Modality, first that applies: ``negated`` ("did not call", "failed to
release", "abstain from denouncing"), ``hypothetical`` (could/might/would,
"if"/"whether" clauses, complements of requests and of "possible"), ``future``
(will/shall, "going to", complements of agree/promise/plan, up the chain of
complements), ``reported`` (inside quotation marks, the clausal complement of
a speech verb, "according to ..."), else ``asserted``.

``time`` is a time expression of ``extract_times`` whose parse path first
reaches this trigger (a verb event whose subject is a timed event noun takes
its time: "The October 7 assault claimed the life of ..."). ``place`` is a
place entity after "in"/"at"/"near"/"inside" on the trigger.
"""

from __future__ import annotations


from ..limits import DEFAULT_LIMITS
from ..model import Article, Entity, Event, Evidence, TimeExpression
from . import cameo_verbs, doc_context
from . import event_lexicon as lx
from .actors import ActorFinder, entity_positions
from .channels import read_channel
from .dates import extract_times
from .participants import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Participants
from .tokens import DocView

# Participles used as adjectives ("the abducted engineer"): not events.
ADJECTIVAL_DEPS = frozenset({"amod", "acomp", "oprd"})
LIGHT_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "npadvmod", "acomp", "xcomp", "ccomp", "advmod"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "conj", "relcl", "acl"})
# Dependents a CAMEO object pattern is read on: objects, particles ("- * FORWARD"), and the
# subject of a passive ("a curfew was shortened").
CAMEO_OBJECT_DEPS = frozenset({"dobj", "prt", "attr", "oprd", "nsubjpass", "dative"})
# How far up the parse a time phrase looks for its trigger (date.py uses 4 for its verb).
TIME_HOPS = 5
# How far up a clause looks for the words that set its modality.
MODALITY_HOPS = 6
# Widest gap (tokens) between a verb and its object for the trigger text to be their span.
TRIGGER_GAP = 3


def extract_events(
    doc,
    article: Article,
    entities: tuple[Entity, ...] = (),
    times: tuple[TimeExpression, ...] | None = None,
    max_sentence_chars: int = DEFAULT_LIMITS.max_sentence_chars,
) -> tuple[Event, ...]:
    """Events of ``doc`` (the parse of ``article.text``), in text order; no reference to the Doc.

    ``times`` are the article's time expressions when the caller already has them. Sentences
    longer than ``max_sentence_chars`` are not read (their cost grows faster than their length).
    """
    if not len(doc) or not doc.has_annotation("DEP"):
        return ()
    reader = ParseReader(doc, article, entities, times, max_sentence_chars)
    return tuple(reader.read())


class ParseReader(Participants):
    """One article's parse with its entities: triggers, participants, times, modality.

    ``status.py`` reuses ``phrase`` (entity ids of a noun phrase), ``attach_times``
    and ``modality``; a reader lives only while one article is extracted.
    """

    def __init__(
        self,
        doc,
        article: Article,
        entities: tuple[Entity, ...],
        times=None,
        max_sentence_chars: int = DEFAULT_LIMITS.max_sentence_chars,
    ):
        self.doc = doc
        self.article = article
        self.view = DocView(doc, article.id)
        self.max_sentence_chars = max_sentence_chars
        self.kind = {e.id: e.kind for e in entities}
        self.entity_at, firsts = entity_positions(doc, entities)
        self.person_mentions: list[tuple[int, str]] = sorted(
            (first, entity.id) for entity, first in firsts if entity.kind == "person"
        )
        self.quotes = [(q.start, q.end) for q in doc_context.of(doc).quote_spans(article)]
        self.times = extract_times(doc, article) if times is None else times
        self.actor_finder = ActorFinder(doc, self.view, entities, self.entity_at)

    # -- the walk --------------------------------------------------------------------

    def read(self) -> list[Event]:
        found = {}
        used: set[int] = set()
        cameo_triggers: set[int] = set()
        for token in self.view.tokens:
            if token.i in used or self.too_long(token.i):
                continue
            match = self._match(token)
            if match is None:
                continue
            entry, words, from_cameo = match
            used.update(w.i for w in words)
            found[token.i] = (entry, words)
            if from_cameo:
                cameo_triggers.add(token.i)
        times = self.attach_times(found)
        events = []
        for i, (entry, words) in sorted(found.items()):
            token = self.view.tokens[i]
            agent, target, actors = self._participants(token, entry, words)
            if i in cameo_triggers and not _between_actors(agent, target, actors, words):
                continue  # CAMEO codes acts between actors: "prices rose", "she died" are none
            time = times.get(i)
            if time is None:
                time = self._subject_event_time(token, found, times)
            channel = read_channel(self, token) if entry[0] == "RETREAT" else None
            mediators = tuple(m for m in channel.mediators if m not in agent + target) if channel else ()
            events.append(
                Event(
                    type=entry[0],
                    mode=entry[1],
                    trigger=self._trigger_text(words),
                    evidence=self._evidence(words),
                    agent=agent,
                    target=target,
                    time=time,
                    place=self._place(token),
                    modality=self.modality(token),
                    modal=_modal(token),
                    actors=actors,
                    mediators=mediators,
                    channel=("mediated" if mediators else "direct" if channel.channel == "direct" else None)
                    if channel else None,
                    frameworks=channel.frameworks if channel else (),
                    channel_evidence=channel.evidence if channel and (mediators or channel.channel == "direct")
                    else None,
                )
            )
        return events

    def too_long(self, i: int) -> bool:
        """Is token ``i`` in a sentence longer than ``max_sentence_chars`` (left unread)?"""
        return self.view.sentence_chars(i) > self.max_sentence_chars

    def _match(self, token):
        pos = token.pos_
        if pos not in ("VERB", "NOUN", "PROPN"):
            return None  # most tokens: no need for their lemma
        lemma = token.lemma_.lower()
        if pos == "VERB" and token.dep_ not in ADJECTIVAL_DEPS:
            children = doc_context.children(token)
            if any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in lx.STATE_AUXILIARIES for c in children):
                return None  # "remains incarcerated": a state (status.py), not an event
            for child in children:
                if child.dep_ in ("prt", "prep"):
                    entry = lx.PHRASAL.get((lemma, child.lower_))
                    if entry:
                        return entry, [token, child], False
            for child in self._object_candidates(token):
                entry = lx.VERB_OBJECTS.get((lemma, child.lemma_.lower()))
                if entry:
                    return entry, [token, child], False
            entry = lx.VERBS.get(lemma)
            if entry and lemma in lx.NEEDS_OBJECT and not any(
                c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"auxpass"} for c in children
            ):
                return None  # "starts to decline", "seeks to strengthen"
            if entry is None and lemma not in lx.NOT_EVENT_VERBS and token.dep_ != "prep":  # "according to"
                found = _cameo_match(token, lemma)
                return (*found, True) if found else None
            return (entry, [token], False) if entry else None
        if pos in ("NOUN", "PROPN") and token.tag_ not in ("NNP",):
            for child in doc_context.children(token):
                if child.dep_ in ("compound", "amod"):
                    entry = lx.NOUN_COMPOUNDS.get((child.lemma_.lower(), lemma))
                    if entry:
                        return entry, [child, token], False
            entry = lx.NOUNS.get(lemma)
            return (entry, [token], False) if entry else None
        return None

    def _object_candidates(self, verb):
        """The verb's object-like dependents, then nouns further down its own clause.

        The second pass finds a light verb's object the parser hung elsewhere
        ("did not give Netanyahu - who ... - a call").
        """
        near = [c for c in doc_context.children(verb) if c.dep_ in LIGHT_OBJECT_DEPS]
        yield from near
        for token in verb.subtree:
            if token.i > verb.i and token not in near and token.pos_ == "NOUN" and token.dep_ in ("appos", "dobj", "attr"):
                yield token

    # -- time ------------------------------------------------------------------------

    def attach_times(self, found) -> dict[int, TimeExpression]:
        return attach_times(self.doc, self.times, found)

    def _subject_event_time(self, token, found, times) -> TimeExpression | None:
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS and child.i in found and child.i in times:
                return times[child.i]
        return None

    # -- modality --------------------------------------------------------------------

    def modality(self, token) -> str:
        clause = _clause_of(token)
        if self._negated(clause):
            return "negated"
        if self._hypothetical(clause):
            return "hypothetical"
        if self._future(clause):
            return "future"
        if self._reported(token, clause):
            return "reported"
        return "asserted"

    def _negated(self, clause) -> bool:
        for child in clause.children:
            if child.dep_ == "neg" and not (child.i + 1 < len(self.doc) and self.doc[child.i + 1].lower_ == "only"):
                return True
        governor = _governor(clause)
        return governor is not None and clause.dep_ in ("xcomp", "pcomp") and governor.lemma_.lower() in lx.NEGATING_VERBS

    def _hypothetical(self, clause) -> bool:
        token = clause
        for _ in range(MODALITY_HOPS):
            for child in token.children:
                if child.dep_ == "aux" and child.lower_ in lx.HYPOTHETICAL_AUXILIARIES:
                    return True
                if child.dep_ == "mark" and child.lower_ in lx.HYPOTHETICAL_MARKERS:
                    return True
                if child.dep_ == "acomp" and child.lemma_.lower() in lx.HYPOTHETICAL_ADJECTIVES:
                    return True
            governor = _governor(token)
            if governor is None or token.dep_ not in ("xcomp", "pcomp", "ccomp", "advcl"):
                return False
            if token.dep_ in ("xcomp", "ccomp") and governor.lemma_.lower() in lx.REQUEST_VERBS:
                return True
            if token.dep_ == "advcl" and governor.lemma_.lower() in lx.REQUEST_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children
            ):
                return True  # "appealed to the rebels to let her son go": what is asked for
            if governor.pos_ == "ADJ" and governor.lemma_.lower() in lx.HYPOTHETICAL_ADJECTIVES:
                return True
            if token.dep_ == "advcl":
                return False
            token = governor
        return False

    def _future(self, clause) -> bool:
        token = clause
        for _ in range(MODALITY_HOPS):
            auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
            if any(c.lower_ in lx.FUTURE_AUXILIARIES for c in auxiliaries):
                return True
            if any(c.lower_ == "going" for c in auxiliaries) or (
                token.dep_ == "xcomp" and token.head.lower_ == "going"
            ):
                return True
            governor = _governor(token)
            if governor is None or token.dep_ not in ("xcomp", "pcomp"):
                return False
            if governor.lemma_.lower() in lx.INTENT_VERBS:
                return True
            token = governor
        return False

    def _reported(self, token, clause) -> bool:
        start = token.idx
        if any(a <= start < b for a, b in self.quotes):
            return True
        node = clause
        for _ in range(MODALITY_HOPS):
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ == "according":
                    return True
            governor = _governor(node)
            if governor is None:
                return False
            if node.dep_ == "ccomp" and governor.lemma_.lower() in lx.REPORT_VERBS:
                return True
            node = governor
        return False

    # -- output ----------------------------------------------------------------------

    def _trigger_text(self, words) -> str:
        words = sorted(words, key=lambda w: w.i)
        if words[-1].i - words[0].i <= TRIGGER_GAP:
            return self.view.char_span(words[0].i, words[-1].i + 1)
        return " ... ".join(w.text for w in words)

    def _evidence(self, words) -> Evidence:
        words = sorted(words, key=lambda w: w.i)
        if words[-1].i - words[0].i <= TRIGGER_GAP:
            return self.view.evidence(words[0].i, words[-1].i + 1)
        return self.view.evidence(words[0].i, words[0].i + 1)


def _cameo_match(verb, lemma: str):
    """A verb our lexicon does not know, read with the CAMEO verb dictionary when it is on disk
    (``cameo_verbs.py``): its particle, then the first object or prepositional pattern its
    dependents fit, then its own code. A pattern coded as a mere statement (CAMEO 01) settles it:
    no event ("expected violence")."""
    known = cameo_verbs.verb_entries().get(lemma)
    if known is None or _object_is_event_noun(verb):
        return None  # "launched a mediation effort": the noun says the event (CONSULT), not "launch"
    for child in doc_context.children(verb):
        if child.dep_ in ("prt", "prep"):
            for particle, code in known.particles:
                entry = cameo_verbs.cameo_type(code)
                if entry and child.lower_ == particle:
                    return entry, [verb, child]
    for pattern in known.patterns:
        word = _fitting_dependent(verb, pattern)
        if word is not None:
            entry = cameo_verbs.cameo_type(pattern.code)
            return (entry, [verb, word]) if entry else None
    entry = cameo_verbs.cameo_type(known.code)
    return (entry, [verb]) if entry else None


def _between_actors(agent, target, actors, words) -> bool:
    """Does an event read with CAMEO name its actors (entities or typed actors)? Its agent always;
    its target too when the verb alone is the trigger: an object or phrase that fits a CAMEO
    pattern ("opened fire", "must allocate resources") says the act, a bare verb ("considered",
    "died", "boosted") is an event between actors only when both are named."""
    roles = {actor.role for actor in actors}
    has_agent, has_target = bool(agent or "agent" in roles), bool(target or "target" in roles)
    return has_agent and (has_target or len(words) > 1)


def _object_is_event_noun(verb) -> bool:
    """Is the verb's object, or a compound word of it, an event noun of our lexicon?"""
    return any(
        word.lemma_.lower() in lx.NOUNS
        for child in verb.children if child.dep_ == "dobj"
        for word in (child, *(c for c in child.children if c.dep_ == "compound"))
    )


def _fitting_dependent(verb, pattern):
    """The verb's object or preposition that fits a CAMEO pattern, else None."""
    children = doc_context.children(verb)
    if pattern.preposition is not None:
        for child in children:
            if child.dep_ == "prep" and child.lower_ == pattern.preposition:
                if not pattern.words or any(_fits(o, pattern.words) for o in child.children if o.dep_ == "pobj"):
                    return child
        return None
    for child in children:
        if child.dep_ in CAMEO_OBJECT_DEPS and _fits(child, pattern.words):
            return child
    return None


def _fits(noun, words) -> bool:
    """Is ``noun`` the pattern's last word, with each of its other words among its modifiers?"""
    *modifiers, head = words
    if noun.lemma_.lower() not in head and noun.lower_ not in head:
        return False
    near = {w for c in noun.children if c.dep_ in ("compound", "amod", "nmod") for w in (c.lemma_.lower(), c.lower_)}
    return all(near & alternatives for alternatives in modifiers)


def _modal(token) -> str | None:
    """The modal auxiliary of the trigger's clause ("must", "could"), lower-cased; None without one."""
    clause = _clause_of(token)
    return next((c.lower_ for c in clause.children if c.dep_ == "aux" and c.tag_ == "MD"), None)


def _clause_of(token):
    """The verb whose clause sets a trigger's modality (a noun's governing verb)."""
    node = token
    for _ in range(MODALITY_HOPS):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _governor(token):
    """The word a clause depends on, through a preposition ("abstain from denouncing")."""
    head = token.head
    if head.i == token.i:
        return None
    if head.dep_ == "prep" and head.head.i != head.i:
        return head.head
    return head


def attach_times(doc, times, found) -> dict[int, TimeExpression]:
    """Each time expression attached to the first token of ``found`` its parse path reaches."""
    attached: dict[int, TimeExpression] = {}
    for time in times:
        if time.evidence is None:
            continue
        span = doc.char_span(time.evidence.start, time.evidence.end, alignment_mode="expand")
        if span is None:
            continue
        token = span.root
        for _ in range(TIME_HOPS):
            if token.head.i == token.i:
                break
            token = token.head
            if token.i in found:
                attached.setdefault(token.i, time)
                break
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                break
    return attached
