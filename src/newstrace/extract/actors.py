"""Who an event's participant phrase names, typed: a named entity or a nominal actor.

    finder = ActorFinder(doc, view, entities, entity_at)
    finder.actors(head, role) -> list[Actor]

A participant is a noun phrase the parse hands to ``events.py`` (a subject,
object, "by X"...). From its head:

1. a pronoun ("they", "it", "its") or a definite anaphoric noun ("the group",
   "the movement") points back to the last compatible actor named before it in
   this sentence or the one before (``RESOLVE_REACH``): people for he/she
   (``events.py`` resolves those), organizations and plural nominal actors for
   "they", organizations and places for "it", organizations and armed groups
   for "the group";
2. a relative pronoun ("who", "which") is the noun its clause describes;
3. a collective noun ("a group of", "thousands of", "members of") is the
   actor its "of" phrase names;
4. a named entity inside the phrase core is the actor (typed by its role words,
   a known movement, or, for a place acting, as a government);
5. otherwise a nominal actor: an agent noun of the CAMEO/Phoenix dictionaries
   (or our list, ``actor_lexicon.py``) heads or modifies the phrase ("Israeli
   army bulldozers"), named with its modifiers ("Russian officials"); failing
   that a nationality adjective alone, as CAMEO codes "Palestinian homes"
   (the actor "Palestinian"); failing that an unrecognised proper noun.

Coordinated heads ("Hamas and Islamic Jihad") give one actor each;
appositions ("the group's leader, Ismail Haniyeh") prefer the named entity.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model import Actor, Entity
from . import actor_lexicon as alx
from . import cameo
from . import doc_context
from ..lexicon.words import NATIONALITIES
from .tokens import DocView

# Sentences back (besides the pronoun's own) in which a pronoun or "the group"
# looks for its actor: news prose names the actor in the sentence before.
RESOLVE_REACH = 1
# Dependents that make up an actor's name ("Senior Hungarian officials", "army bulldozers").
NAME_DEPS = frozenset({"amod", "compound", "nmod", "poss", "case"})
# Modifier words that do not name the actor ("senior", "top", "some").
VAGUE_MODIFIERS = frozenset(
    "senior top former new other some many several few first last two three local young angry radical".split()
)
# Entity labels of the parse that never name an actor.
NOT_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
# Relative words that open a clause, never part of an actor's name ("whose representatives").
RELATIVE_WORDS = frozenset({"whose", "which", "who", "whom", "that"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


def entity_positions(doc, entities: tuple[Entity, ...]) -> tuple[list[str | None], list[tuple[Entity, int]]]:
    """Which entity each token belongs to (the first listed wins an overlap), and each
    mention's first token as (entity, token index)."""
    entity_at: list[str | None] = [None] * len(doc)
    starts = doc_context.of(doc).token_starts
    firsts = []
    for entity in entities:
        for mention in entity.mentions:
            first = max(bisect_right(starts, mention.start) - 1, 0)
            for i in range(first, bisect_right(starts, mention.end - 1)):
                if entity_at[i] is None:
                    entity_at[i] = entity.id
            firsts.append((entity, first))
    return entity_at, firsts


class ActorFinder:
    """Actor lookups over one parse and its entities; lives while one article is read."""

    def __init__(self, doc, view: DocView, entities: tuple[Entity, ...], entity_at: list[str | None]):
        self.doc = doc
        self.view = view
        self.entities = {e.id: e for e in entities}
        self.entity_at = entity_at
        self.agent_types = {**cameo.agent_types(), **alx.AGENT_NOUNS}
        self.countries = {**cameo.country_words(), **NATIONALITIES}
        self.candidates = self._candidates()
        self.candidate_starts = [i for i, _ in self.candidates]

    # -- one phrase -------------------------------------------------------------------

    def actors(self, head, role: str) -> list[Actor]:
        """The actors a participant phrase headed by ``head`` names (coordinated heads each)."""
        found = []
        for token in [head, *_conjuncts(head)]:
            actor = self._one(token, role)
            if actor is not None and actor.name not in {a.name for a in found}:
                found.append(actor)
        return found

    def _one(self, head, role: str) -> Actor | None:
        low = head.lower_
        if head.lemma_.lower() in alx.COLLECTIVE_NOUNS or low in alx.COLLECTIVE_NOUNS:
            inner = self._of_object(head)
            if inner is not None:
                return self._one(inner, role)  # "thousands of Iraqi Kurds", "a group of leaders"
        if head.ent_type_ in NOT_ACTOR_LABELS or head.like_num:
            return None  # "on Tuesday", "two of its nationals"
        if low in PERSON_PRONOUNS:
            return None  # events.py resolves people by gender
        if low in alx.PLURAL_PRONOUNS or low in alx.NEUTER_PRONOUNS:
            return self._resolved(head, role, "they" if low in alx.PLURAL_PRONOUNS else "it")
        if low in ("who", "which", "that") and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            return self._one(head.head.head, role)
        if self._anaphoric(head):
            resolved = self._resolved(head, role, alx.ANAPHORIC_NOUNS[low])
            if resolved is not None:
                return resolved
        core = self._core(head)
        for token in core:
            if self.entity_at[token.i]:
                return self._entity_actor(self.entity_at[token.i], head, core, role)
        for child in head.children:
            if child.dep_ == "appos" and self.entity_at[child.i]:
                return self._entity_actor(self.entity_at[child.i], child, [child], role)
        return self._nominal(head, core, role)

    def _core(self, head) -> list:
        """The head and its naming modifiers, in text order (no determiners, numbers, clauses)."""
        words = [head]
        stack = [head]
        while stack:
            token = stack.pop()
            for child in token.children:
                if child.dep_ in NAME_DEPS and child.i < head.i and child.lower_ not in RELATIVE_WORDS:
                    words.append(child)
                    stack.append(child)
        return sorted(words, key=lambda t: t.i)

    def _of_object(self, head):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    def _anaphoric(self, head) -> bool:
        if head.lower_ not in alx.ANAPHORIC_NOUNS:
            return False
        others = [c for c in head.children if c.dep_ not in ("det", "punct")]
        return not others and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)

    # -- typing -----------------------------------------------------------------------

    def agent_type(self, words: list[str]) -> str | None:
        """Type of the longest agent phrase ending a word list ("security forces" before "forces")."""
        lemmas = [_singular(w) for w in words]
        for start in range(len(lemmas)):
            phrase = " ".join(lemmas[start:])
            if phrase in self.agent_types:
                return self.agent_types[phrase]
            raw = " ".join(words[start:])
            if raw in self.agent_types:
                return self.agent_types[raw]
        return None

    def entity_type(self, entity: Entity, role: str) -> str | None:
        name = entity.name.lower()
        for known, kind in alx.KNOWN_GROUPS.items():
            if name == known or name.startswith(known + " ") or name.endswith(" " + known):
                return kind
        if entity.kind == "place":
            return "government" if role == "agent" else None
        if entity.kind == "person":
            for role_text in entity.values("role"):
                kind = self.agent_type(str(role_text).lower().split())
                if kind:
                    return kind
            return None
        words = name.split()
        for end in range(len(words), 0, -1):
            kind = self.agent_type(words[:end])
            if kind:
                return kind
        return None

    def country_of(self, tokens) -> str | None:
        for token in tokens:
            country = self.countries.get(token.lower_)
            if country and token.lower_ not in self.agent_types:
                return country
        return None

    # -- building actors --------------------------------------------------------------

    def _entity_actor(self, entity_id: str, head, core, role: str) -> Actor:
        entity = self.entities[entity_id]
        country = None
        if entity.kind == "place":
            country = entity.name
        else:
            country = self.country_of([t for t in core if self.entity_at[t.i] != entity_id])
        return Actor(
            role=role,
            name=entity.name,
            evidence=self._evidence(core),
            type=self.entity_type(entity, role),
            country=country,
            entity=entity_id,
        )

    def _nominal(self, head, core, role: str) -> Actor | None:
        words = [t for t in core if not (t.dep_ == "case" or t.is_punct)]
        named = [t for t in words if t.lower_ not in VAGUE_MODIFIERS]
        country = self.country_of(words)
        kind = None
        for end in range(len(named), 0, -1):
            # A modifier names the actor only as a noun ("army bulldozers"), not as an
            # adjective ("military aid" is no military actor).
            if named[end - 1] is not head and named[end - 1].pos_ == "ADJ":
                continue
            kind = self.agent_type([t.lower_ for t in named[:end]])
            if kind:
                break
        if kind is None and country is not None:
            adjective = next(t for t in words if self.countries.get(t.lower_) == country)
            return Actor(role=role, name=adjective.text, evidence=self._evidence([adjective]), country=country)
        if kind is None and not (head.pos_ == "PROPN" and head.text[:1].isupper()):
            return None
        text = self.view.char_span(named[0].i, named[-1].i + 1) if named else head.text
        return Actor(role=role, name=text, evidence=self._evidence(named or [head]), type=kind, country=country)

    def _evidence(self, tokens):
        tokens = sorted(tokens, key=lambda t: t.i)
        return self.view.evidence(tokens[0].i, tokens[-1].i + 1)

    # -- resolution -------------------------------------------------------------------

    def _candidates(self) -> list[tuple[int, str]]:
        """Token positions of actors a pronoun may point back to: each entity mention's first
        token, and plural agent nouns outside entities ("the militants", "rebels")."""
        found = []
        for token in self.view.tokens:
            ident = self.entity_at[token.i]
            if ident:
                if token.i == 0 or self.entity_at[token.i - 1] != ident:
                    found.append((token.i, ident))
            elif token.pos_ == "NOUN" and token.tag_ == "NNS" and self.agent_type([token.lower_]):
                found.append((token.i, ""))
        return found

    def _resolved(self, head, role: str, wants: str) -> Actor | None:
        """The last actor before ``head`` that a pronoun or "the group" can mean. "They" means
        a plural nominal actor ("the captives ... they") before an organization."""
        passes = ("nominal", "named") if wants == "they" else ("any",)
        for wanted in passes:
            actor = self._last_compatible(head, role, wants, wanted)
            if actor is not None:
                written = [head] if not self._anaphoric(head) else self._core(head) + [
                    c for c in head.children if c.dep_ == "det"]
                return Actor(role=role, name=actor.name, evidence=self._evidence(written),
                             type=actor.type, country=actor.country, entity=actor.entity)
        return None

    def _last_compatible(self, head, role: str, wants: str, wanted: str) -> Actor | None:
        sentence = self.view.sentence_of(head.i)
        k = bisect_left(self.candidate_starts, head.left_edge.i) - 1
        while k >= 0:
            i, ident = self.candidates[k]
            k -= 1
            if sentence - self.view.sentence_of(i) > RESOLVE_REACH:
                return None
            token = self.doc[i]
            if ident and wanted != "nominal":
                if _compatible(self.entities[ident].kind, wants, token):
                    return self._entity_actor(ident, token, [token], role)
            elif not ident and wanted != "named" and wants in ("they", "organization"):
                actor = self._nominal(token, self._core(token), role)
                if actor is not None and (wants == "they" or actor.type in ("rebel", "opposition", "party")):
                    return actor
        return None


def _compatible(kind: str, wants: str, token) -> bool:
    if wants == "they":
        return kind == "organization" or kind == "place" and token.tag_ == "NNPS"
    if wants == "it":
        return kind in ("organization", "place")
    if wants == "place":
        return kind == "place"
    return kind == "organization"


def _conjuncts(head) -> list:
    out = []
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        token = stack.pop(0)
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ == "conj")
    return out


def _singular(word: str) -> str:
    """A plural noun's singular, for the dictionaries' lemmas ("militias" -> "militia")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
