"""Who takes part in an event: agent and target phrases read from the parse.

``Participants`` is the half of ``events.ParseReader`` that finds, for a
trigger, the head tokens of its agent and target phrases (see the
``events.py`` docstring for the constructions) and reads them twice: as entity
ids (``phrase``) and as typed actors (``actors.ActorFinder``).
"""

from __future__ import annotations

from bisect import bisect_right

from ..model import Actor
from . import event_lexicon as lx

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
# Dependents cut from a participant's noun phrase: they describe it, they do not name it.
PHRASE_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "prep", "punct", "cc", "det", "poss"})
# Dependencies that carry a participant phrase further ("Trufanova and Tati", "her husband, Vitaly").
PHRASE_KEEP_DEPS = frozenset({"conj", "appos", "compound", "amod", "nmod", "nummod", "flat"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside"})
PRONOUNS = frozenset({"he", "she", "him", "her"})
# How many sentences back a pronoun looks for its person: the one before is the
# usual case in news prose ("Krivoi, the abducted engineer... He was").
PRONOUN_REACH = 1
# How many clauses down an act looks for whom it is aimed at ("threatened to ban voting
# in East Jerusalem" is one; two would reach clauses that are other acts).
COMPLEMENT_DEPTH = 1
# Possessives that make an object the agent's own ("its troops").
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
# How a purpose clause hangs from a noun act or the verb carrying it ("a strike to demand ...").
PURPOSE_DEPS = frozenset({"acl", "advcl", "xcomp"})
# How many modifier hops up ``_about`` follows from a noun to what it describes.
ABOUT_HOPS = 6


class Participants:
    """Agent and target readers over ``self.doc``; mixed into ``events.ParseReader``, which
    sets ``doc``, ``view``, ``kind``, ``entity_at``, ``person_mentions`` and ``actor_finder``."""

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
        if not any(self._names_someone(head) for head in target):  # "gave aid to Haiti": whom it reached
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
        if not any(self._names_someone(head) for head in target) or all(self._own(head) for head in target):
            # Also in a to-clause: "threatened to ban voting in East Jerusalem".
            target += self._place_heads(token, target)
        return agent, target

    def _place_heads(self, token, objects=()) -> list:
        """An act aimed at no one named is coded against the place it happens in or goes to
        (CAMEO's convention: "demonstrated in Serbia", "sought refuge in Germany"), read on the
        verb and on its ``objects`` (the agent's own people or posts, or objects naming no one:
        "evacuate all settlements in the Gaza Strip", "suspended aid deliveries in Baghdad")."""
        heads = []
        for child in [c for word in (token, *objects) for c in word.children]:
            if child.dep_ == "prep" and child.lower_ in lx.PLACE_TARGET_PREPOSITIONS:
                heads += [h for h in self._objects(child) if any(self.kind.get(i) == "place" for i in self.phrase(h))]
        return heads

    def _own(self, head) -> bool:
        """The agent's own people or things ("withdraw its troops", "their peacekeeping force",
        "deploy peacekeepers", unnamed): the act is aimed at the place, not at them."""
        if any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in head.children):
            return True
        return head.lemma_.lower() in lx.DEPLOYED_NOUNS and not self.phrase(head)

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
        if token.dep_ == "advcl" and head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ == "mark" for c in token.children
        ):
            # A participle or to-clause on a verb shares its subject: "police opened fire,
            # killing one person", "opened fire to disperse the crowd".
            subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
            return subjects[0] if subjects else None
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
        if not target and token.dep_ == "compound" and token.head.i > token.i:
            # "a mediation effort between the Emirates and Saudi Arabia": the phrase's head carries them.
            target += [h for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("between", "with")
                       for h in self._objects(c)]
        host = token.head
        if token.dep_ in ("dobj", "attr") and host.pos_ in ("VERB", "AUX") and host.i != token.i \
                and host.lemma_.lower() not in lx.NON_PERFORMING_VERBS:
            # The object of a verb that carries it: "the EC gave the Ivory Coast aid", "launched a
            # mediation effort between X and Y": the verb's subject acts, its dative receives
            # (not for verbs whose subject asks for, judges or brokers the act: "achieve a release").
            host_agent, host_target = self._verb_participant_heads(host, [host, token], COMPLEMENT_DEPTH)
            agent = agent or host_agent
            target = target or [h for h in host_target if h.i != token.i]
        under = token.head
        if not target and token.dep_ == "pobj" and under.lower_ == "under" and under.head.pos_ in ("VERB", "AUX"):
            # "was put under investigation", "came under attack": the subject undergoes the act.
            target += [c for c in under.head.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if not any(self._names_someone(head) for head in target):
            target += self._aim_of_noun(token)
        return agent, target

    def _aim_of_noun(self, token) -> list:
        """Whom a noun act is aimed at when its phrase names no one: the subject of its that-clause
        ("its demand that Israel ease restrictions"), or the target of the purpose clause on it or
        on the verb that carries it ("began a hunger strike to demand the resignation of X")."""
        host = token.head if token.dep_ in ("dobj", "attr") and token.head.i != token.i else None
        # The parse hangs "that ..." on the noun or on the verb carrying it.
        for child in [*token.children, *(host.children if host is not None else ())]:
            if child.dep_ in ("ccomp", "acl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                found = [c for c in child.children if c.dep_ in SUBJECT_DEPS and self._names_someone(c)]
                if found:
                    return found
        for child in [*token.children, *(host.children if host is not None else ())]:
            if child.dep_ in PURPOSE_DEPS and child.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                _, found = self._verb_participant_heads(child, [child], COMPLEMENT_DEPTH)
                found = [h for h in found if self._names_someone(h)]
                if found:
                    return found
        return []

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


def _about(noun):
    """Who a noun describes: "he was the first man with a passport to be released" -> "he"."""
    for _ in range(ABOUT_HOPS):
        if noun.dep_ in ("amod", "compound") or noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "ADJ"):
            noun = noun.head.head if noun.dep_ == "pobj" else noun.head
        else:
            break
    if noun.dep_ in ("attr", "acomp"):
        subjects = [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if subjects:
            return subjects[0]
    return noun



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

