"""Who did what to whom: PLOVER 2021 events read from the dependency parse.

``extract_events(doc, article, entities)`` walks the parse once. A token is a
trigger when the event lexicon (``event_lexicon.py``, data only) knows it:

1. a verb + particle or preposition ("called for", "turned down");
2. a verb + the lemma of one of its objects ("gave ... a call", "claimed the life");
3. a verb lemma ("released", "visited");
4. an event noun ("the release of", "talks", "hunger strike").

Participants are entity ids whose mentions overlap the dependent's noun phrase
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

from bisect import bisect_right

from ..limits import DEFAULT_LIMITS
from ..model import Actor, Article, Entity, Event, Evidence, TimeExpression
from . import event_lexicon as lx
from .actors import ActorFinder
from .dates import extract_times
from .quote_spans import find_quote_spans, paragraph_bounds
from .tokens import DocView

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
# Dependents cut from a participant's noun phrase: they describe it, they do not name it.
PHRASE_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "prep", "punct", "cc", "det", "poss"})
# Dependencies that carry a participant phrase further ("Trufanova and Tati", "her husband, Vitaly").
PHRASE_KEEP_DEPS = frozenset({"conj", "appos", "compound", "amod", "nmod", "nummod", "flat"})
# Participles used as adjectives ("the abducted engineer"): not events.
ADJECTIVAL_DEPS = frozenset({"amod", "acomp", "oprd"})
LIGHT_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "npadvmod", "acomp", "xcomp", "ccomp", "advmod"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "conj", "relcl", "acl"})
PRONOUNS = frozenset({"he", "she", "him", "her"})
# How many sentences back a pronoun looks for its person: the one before is the
# usual case in news prose ("Krivoi, the abducted engineer... He was").
PRONOUN_REACH = 1
# How far up the parse a time phrase looks for its trigger (date.py uses 4 for its verb).
TIME_HOPS = 5
# How far up a clause looks for the words that set its modality.
MODALITY_HOPS = 6
# How many clauses down an act looks for whom it is aimed at ("threatened to ban voting
# in East Jerusalem" is one; two would reach clauses that are other acts).
COMPLEMENT_DEPTH = 1
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


class ParseReader:
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
        self.entity_at: list[str | None] = [None] * len(doc)
        starts = [t.idx for t in doc]
        self.person_mentions: list[tuple[int, str]] = []
        for entity in entities:
            for mention in entity.mentions:
                first = max(bisect_right(starts, mention.start) - 1, 0)
                last = bisect_right(starts, mention.end - 1)
                for i in range(first, last):
                    if self.entity_at[i] is None:
                        self.entity_at[i] = entity.id
                if entity.kind == "person":
                    self.person_mentions.append((first, entity.id))
        self.person_mentions.sort()
        self.quotes = [(q.start, q.end) for q in find_quote_spans(article.text, paragraph_bounds(article))]
        self.times = extract_times(doc, article) if times is None else times
        self.actor_finder = ActorFinder(doc, self.view, entities, self.entity_at)

    # -- the walk --------------------------------------------------------------------

    def read(self) -> list[Event]:
        found = {}
        used: set[int] = set()
        for token in self.doc:
            if token.i in used or self.too_long(token.i):
                continue
            match = self._match(token)
            if match is None:
                continue
            entry, words = match
            used.update(w.i for w in words)
            found[token.i] = (entry, words)
        times = self.attach_times(found)
        events = []
        for i, (entry, words) in sorted(found.items()):
            token = self.doc[i]
            agent, target, actors = self._participants(token, entry, words)
            time = times.get(i)
            if time is None:
                time = self._subject_event_time(token, found, times)
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
                    actors=actors,
                )
            )
        return events

    def too_long(self, i: int) -> bool:
        """Is token ``i`` in a sentence longer than ``max_sentence_chars`` (left unread)?"""
        return self.view.sentence_chars(i) > self.max_sentence_chars

    def _match(self, token):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and token.dep_ not in ADJECTIVAL_DEPS:
            if any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in lx.STATE_AUXILIARIES for c in token.children):
                return None  # "remains incarcerated": a state (status.py), not an event
            for child in token.children:
                if child.dep_ in ("prt", "prep"):
                    entry = lx.PHRASAL.get((lemma, child.lower_))
                    if entry:
                        return entry, [token, child]
            for child in self._object_candidates(token):
                entry = lx.VERB_OBJECTS.get((lemma, child.lemma_.lower()))
                if entry:
                    return entry, [token, child]
            entry = lx.VERBS.get(lemma)
            if entry and lemma in lx.NEEDS_OBJECT and not any(
                c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"auxpass"} for c in token.children
            ):
                return None  # "starts to decline", "seeks to strengthen"
            return (entry, [token]) if entry else None
        if token.pos_ in ("NOUN", "PROPN") and token.tag_ not in ("NNP",):
            for child in token.children:
                if child.dep_ in ("compound", "amod"):
                    entry = lx.NOUN_COMPOUNDS.get((child.lemma_.lower(), lemma))
                    if entry:
                        return entry, [child, token]
            entry = lx.NOUNS.get(lemma)
            return (entry, [token]) if entry else None
        return None

    def _object_candidates(self, verb):
        """The verb's object-like dependents, then nouns further down its own clause.

        The second pass finds a light verb's object the parser hung elsewhere
        ("did not give Netanyahu - who ... - a call").
        """
        near = [c for c in verb.children if c.dep_ in LIGHT_OBJECT_DEPS]
        yield from near
        for token in verb.subtree:
            if token.i > verb.i and token not in near and token.pos_ == "NOUN" and token.dep_ in ("appos", "dobj", "attr"):
                yield token

    # -- participants ----------------------------------------------------------------

    def _participants(self, token, entry, words):
        """Agent and target: entity ids (``Event.agent`` / ``target``) and typed actors."""
        agent_heads, target_heads = self._participant_heads(token, entry, words)
        agent = [i for head in agent_heads for i in self.phrase(head)]
        target = [i for head in target_heads for i in self.phrase(head)]
        actors = [a for head in agent_heads for a in self.actor_finder.actors(head, "agent")]
        target_actors = [a for head in target_heads for a in self.actor_finder.actors(head, "target")]
        agent_names = {a.name for a in actors}
        actors += [a for a in target_actors if a.name not in agent_names]
        # A pronoun or "the group" resolved to a named entity names it: the entity takes part.
        for actor in actors:
            ids = agent if actor.role == "agent" else target
            if actor.entity and actor.entity not in ids:
                ids.append(actor.entity)
        agent_ids = _unique(agent)
        return agent_ids, _unique([t for t in target if t not in agent_ids]), tuple(_unique_actors(actors))

    def _participant_heads(self, token, entry, words) -> tuple[list, list]:
        """The head tokens of the agent and target phrases (see the module docstring)."""
        if token.pos_ in ("NOUN", "PROPN"):
            return self._noun_participants(token, entry)
        return self._verb_participant_heads(token, words, 0)

    def _verb_participant_heads(self, token, words, depth: int) -> tuple[list, list]:
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in token.children)
        agent: list = []
        target: list = []
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS:
                (target if passive else agent).append(child)
            elif child.dep_ in PASSIVE_SUBJECT_DEPS:
                target.append(child)
            elif child.dep_ == "agent":
                agent += self._objects(child)
            elif child.dep_ in OBJECT_DEPS and child not in words:
                target.append(child)
        if not target:
            for word in words:
                for child in word.children:
                    if child.dep_ == "prep" and child.lower_ in lx.TARGET_PREPOSITIONS | {"of"} and child not in words:
                        if word == token and child.lower_ == "of":
                            continue
                        target += self._objects(child)
        if not subjects:
            borrowed = self._borrowed_subject(token)
            if borrowed is not None:
                (target if passive else agent).append(borrowed)
        # "was released along with Y", "freed X together with Y": Y shares the role of the
        # one it accompanies: the target when there is one, else the agent.
        companions = self._companions(token) + [c for t in token.children if t.dep_ in OBJECT_DEPS
                                                for c in self._companions(t)]
        (target if target or passive else agent).extend(companions)
        if not any(self._names_someone(head) for head in target):
            target += self._indirect_targets(token, target, depth)
        if depth == 0 and not any(self._names_someone(head) for head in target):
            target += self._place_heads(token)
        return agent, target

    def _place_heads(self, token) -> list:
        """An act aimed at no one named is coded against the place it happens in or goes to
        (CAMEO's convention: "demonstrated in Serbia", "sought refuge in Germany")."""
        heads = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in lx.PLACE_TARGET_PREPOSITIONS:
                heads += [h for h in self._objects(child) if any(self.kind.get(i) == "place" for i in self.phrase(h))]
        return heads

    def _names_someone(self, head) -> bool:
        return bool(self.phrase(head) or self.actor_finder.actors(head, "target"))

    def _indirect_targets(self, token, objects, depth: int) -> list:
        """Whom an act is aimed at when its own object names no one, as event coders read it:
        the object's "against/on/with/by ... X" ("threatened further action against Russia",
        "lifted a blockade on Palestinian lorries"), then the subject of a that-clause
        ("demanded that Hamas renounce ..."), then the target of a to-clause ("threatened to
        ban voting in East Jerusalem"), at most ``COMPLEMENT_DEPTH`` clauses down."""
        for head in objects:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in lx.OBJECT_TARGET_PREPOSITIONS:
                    found = [h for h in self._objects(child) if self._names_someone(h)]
                    if found:
                        return found
        if depth >= COMPLEMENT_DEPTH:
            return []
        for child in token.children:
            if child.dep_ == "ccomp":
                found = [c for c in child.children if c.dep_ in SUBJECT_DEPS and self._names_someone(c)]
                if found:
                    return found
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                _, found = self._verb_participant_heads(child, [child], depth + 1)
                found = [h for h in found if self._names_someone(h)]
                if found:
                    return found
        return []

    def _companions(self, token) -> list:
        """Heads of "along with X" / "together with X" attached to ``token``."""
        heads: list = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "along":
                heads += [h for grand in child.children if grand.dep_ == "prep" and grand.lower_ == "with"
                          for h in self._objects(grand)]
            elif child.dep_ == "prep" and child.lower_ == "with" and any(
                c.lower_ in ("together", "along") for c in child.children
            ):
                heads += self._objects(child)
        return heads

    def _borrowed_subject(self, token):
        """The noun a subjectless clause is about: its controller, relative head or conjunct's subject."""
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ == "xcomp":
            objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objects and head.lemma_.lower() in lx.REQUEST_VERBS:
                return objects[0]
            subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
            if subjects:
                return subjects[0]
            return self._borrowed_subject(head) if head.pos_ in ("VERB", "AUX") else _about(head)
        if token.dep_ in ("relcl", "acl"):
            return _about(head)
        if token.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
            return subjects[0] if subjects else None
        return None

    def _noun_participants(self, token, entry) -> tuple[list, list]:
        agent: list = []
        target: list = []
        for child in token.children:
            if child.dep_ == "poss":
                ids = self.phrase(child)
                person_target = entry[1] in lx.PERSON_TARGET_MODES and bool(ids) and all(
                    self.kind.get(i) == "person" for i in ids)
                (target if person_target else agent).append(child)
            elif child.dep_ in ("compound", "amod") and child.i < token.i and child not in (token,):
                if self.entity_at[child.i] or self.actor_finder.country_of([child]):
                    agent.append(child)
            elif child.dep_ == "prep" and child.lower_ == "by":
                agent += self._objects(child)
            elif child.dep_ == "prep" and child.lower_ in lx.TARGET_PREPOSITIONS | {"of", "between"}:
                target += self._objects(child)
        host = token.head
        if token.dep_ in ("dobj", "attr") and host.pos_ in ("VERB", "AUX") and host.i != token.i:
            # The object of a light verb: "the EC gave the Ivory Coast aid", "launched a
            # mediation effort between X and Y": the verb's subject acts, its dative receives.
            host_agent, host_target = self._verb_participant_heads(host, [host, token], COMPLEMENT_DEPTH)
            agent = agent or host_agent
            target = target or [h for h in host_target if h.i != token.i]
        return agent, target

    def _objects(self, preposition) -> list:
        """The heads of a preposition's objects."""
        return [child for child in preposition.children if child.dep_ in ("pobj", "pcomp")]

    def phrase(self, head) -> list[str]:
        """Entity ids named by the noun phrase headed by ``head``."""
        if head.lower_ in PRONOUNS:
            found = self._antecedent(head.i)
            return [found] if found else []
        if head.lower_ in ("who", "that", "which") and head.head.dep_ == "relcl":
            return self.phrase(head.head.head)
        ids: list[str] = []
        possessives = []
        stack = [head]
        while stack:
            token = stack.pop()
            if self.entity_at[token.i] and self.entity_at[token.i] not in ids:
                ids.append(self.entity_at[token.i])
            for child in token.children:
                if child.dep_ == "poss":
                    possessives.append(child)
                elif child.dep_ == "prep" and child.lower_ == "of" and token == head and not ids:
                    stack.append(child)
                elif child.dep_ in ("pobj",) and token.dep_ == "prep":
                    stack.append(child)
                elif child.dep_ in PHRASE_KEEP_DEPS or child.dep_ not in PHRASE_CUT_DEPS and child.pos_ in ("PROPN", "NOUN"):
                    stack.append(child)
        if not ids:
            for possessive in possessives:
                ids += self.phrase(possessive)
        return ids

    def _antecedent(self, i: int) -> str | None:
        sentence = self.view.sentence_of(i)
        k = bisect_right(self.person_mentions, (i, "")) - 1
        if k < 0:
            return None
        start, person = self.person_mentions[k]
        if sentence - self.view.sentence_of(start) > PRONOUN_REACH:
            return None
        return person

    def _place(self, token) -> str | None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
                for head in self._objects(child):
                    for ident in self.phrase(head):
                        if self.kind.get(ident) == "place":
                            return ident
        return None

    # -- time ------------------------------------------------------------------------

    def attach_times(self, found) -> dict[int, TimeExpression]:
        attached: dict[int, TimeExpression] = {}
        for time in self.times:
            if time.evidence is None:
                continue
            span = self.doc.char_span(time.evidence.start, time.evidence.end, alignment_mode="expand")
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


def _about(noun):
    """Who a noun describes: "he was the first man with a passport to be released" -> "he"."""
    for _ in range(MODALITY_HOPS):
        if noun.dep_ in ("amod", "compound") or noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "ADJ"):
            noun = noun.head.head if noun.dep_ == "pobj" else noun.head
        else:
            break
    if noun.dep_ in ("attr", "acomp"):
        subjects = [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if subjects:
            return subjects[0]
    return noun


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


def _unique(ids: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in ids if i))


def _unique_actors(actors: list[Actor]) -> list[Actor]:
    """One actor per role and name (the first, in parse order)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for actor in actors:
        if (actor.role, actor.name) not in seen:
            seen.add((actor.role, actor.name))
            out.append(actor)
    return out
