"""Named lists: a list of people one actor hands another, its claimed size and its named members.

    extract_lists(doc, article, entities) -> tuple[NamedList, ...]

A list is a noun of ``LIST_NOUNS`` that the parse shows to be a list of
people ("a list of eight Russian-Israeli individuals", "a list of names") or
that the text places a person on ("Krivoi was on the list"). From it:

* ``claimed_size``: the number counting its "of" object ("of eight names");
* ``owner``: who hands it over (the subject of a transfer verb whose object the
  list is: "Russian officials sent a list ...") or whose it is ("Russia's
  list"); ``recipient``: the verb's dative or "to" object ("... to the Hamas
  delegation");
* ``members``: people the text places on it ("X was on the list", "a list
  including X and Y"), and the people whose release the text reported before
  "the other captives on the list" / "other people on Russia's list": "other"
  says the released ones were on it too. Each member keeps the words that put
  it there (``member_evidence``).

Later definite mentions ("the list", "this list", "Russia's list") are the
same list within one article: they add an owner or members the first mention
lacked. Nothing is inferred that the text does not say: a person released
"among the captives" is no member unless a sentence puts them on the list.

    extract_lists(doc, article, entities, statuses)

``statuses`` (the article's person states) are what "the other captives on the
list" points back to; without them that reading is skipped.
"""

from __future__ import annotations

from ..model import Article, Entity, Evidence, NamedList, Status
from .actors import ActorFinder, entity_positions
from .counts import parse_number
from .tokens import DocView

LIST_NOUNS = frozenset({"list", "roster", "register"})
# Nouns of an "of" object that make a list a list of people.
PEOPLE_NOUNS = frozenset(
    """
    name individual person people hostage captive prisoner national citizen detainee abductee
    kidnappee soldier civilian woman man child worker
    """.split()
)
# Verbs that hand a list from one actor to another ("sent", "handed", "gave", "submitted").
TRANSFER_VERBS = frozenset(
    "send hand give deliver submit pass present provide forward transmit share compile prepare draw".split()
)
# Determiners of a mention that points back to a list already named.
DEFINITE = frozenset({"the", "this", "that", "these", "its", "their"})
# Words that put a person on a list: "on the list", "a list including X".
INCLUDING = frozenset({"including", "includes", "include", "containing", "with"})
# "the other captives on the list": the people already released were on it too.
OTHER = frozenset({"other", "remaining", "rest"})
# The person state that "the other ... on the list" sets apart (those already dealt with).
SET_APART_STATE = "released"


def extract_lists(
    doc, article: Article, entities: tuple[Entity, ...] = (), statuses: tuple[Status, ...] = ()
) -> tuple[NamedList, ...]:
    """The named lists of ``doc`` (the parse of ``article.text``), in order of first mention."""
    if not len(doc) or not doc.has_annotation("DEP"):
        return ()
    reader = _ListReader(doc, article, entities, statuses)
    return tuple(reader.read())


class _ListReader:
    def __init__(self, doc, article: Article, entities: tuple[Entity, ...], statuses: tuple[Status, ...]):
        self.doc = doc
        self.statuses = statuses
        self.view = DocView(doc, article.id)
        self.entities = entities
        self.kind = {e.id: e.kind for e in entities}
        self.entity_at, _ = entity_positions(doc, entities)
        self.actors = ActorFinder(doc, self.view, entities, self.entity_at)
        self.by_name = {e.name.lower(): e.id for e in entities}

    def read(self) -> list[NamedList]:
        found: list[dict] = []
        for token in self.view.tokens:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in LIST_NOUNS:
                continue
            size, of_people = self._size(token)
            members = self._members(token)
            owner, recipient = self._handed(token)
            definite = any(c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE or c.dep_ == "poss")
                           for c in token.children)
            if found and definite:
                earlier = found[-1]
                earlier["members"].update((m, e) for m, e in members.items() if m not in earlier["members"])
                earlier["owner"] = earlier["owner"] or owner
                earlier["recipient"] = earlier["recipient"] or recipient
                continue
            if not (of_people or members):
                continue  # a list of demands, of options: not a list of people
            found.append({"token": token, "size": size, "owner": owner, "recipient": recipient, "members": members})
        return [
            NamedList(
                evidence=self._evidence(item["token"]),
                claimed_size=item["size"],
                owner=self._entity_of(item["owner"]),
                owner_name=item["owner"].name if item["owner"] else None,
                recipient=self._entity_of(item["recipient"]),
                recipient_name=item["recipient"].name if item["recipient"] else None,
                members=tuple(item["members"]),
                member_evidence=tuple(item["members"].values()),
            )
            for item in found
        ]

    def _evidence(self, token):
        """The list phrase up to its "of" object's noun ("a list of eight Russian-Israeli individuals")."""
        end = token.i
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                end = max([end] + [c.i for c in child.children if c.dep_ == "pobj"])
        return self.view.evidence(token.left_edge.i, end + 1)

    def _size(self, token) -> tuple[int | None, bool]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for noun in child.children:
                    if noun.dep_ != "pobj":
                        continue
                    people = noun.lemma_.lower() in PEOPLE_NOUNS or any(
                        self.kind.get(self.entity_at[t.i]) == "person" for t in noun.subtree)
                    numbers = [c.text for c in noun.children if c.dep_ == "nummod"]
                    value = parse_number(numbers) if numbers else None
                    return (int(value) if isinstance(value, (int, float)) else None), people
        return None, False

    def _handed(self, token):
        """(owner actor, recipient actor) of a list: the transfer verb's subject and receiver."""
        owner = recipient = None
        for child in token.children:
            if child.dep_ == "poss":
                owner = next(iter(self.actors.actors(child, "agent")), None)
        verb = token.head
        if token.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in TRANSFER_VERBS:
            for child in verb.children:
                if child.dep_ in ("nsubj", "agent"):
                    head = child if child.dep_ == "nsubj" else next((c for c in child.children if c.dep_ == "pobj"), None)
                    if head is not None:
                        owner = owner or next(iter(self.actors.actors(head, "agent")), None)
                elif child.dep_ == "dative" or child.dep_ == "prep" and child.lower_ == "to":
                    head = child if child.dep_ == "dative" else next((c for c in child.children if c.dep_ == "pobj"), None)
                    if head is not None:
                        recipient = next(iter(self.actors.actors(head, "target")), None)
        if recipient is None and owner is not None:
            recipient = self._stray_recipient(token)
        return owner, recipient

    def _stray_recipient(self, token):
        """A "to X" the parse hung inside the list's own relative clause ("sent a list of
        individuals who were held in Gaza to the Hamas delegation"): the transfer's receiver."""
        for inner in token.subtree:
            if inner.dep_ == "prep" and inner.lower_ == "to" and inner.head.dep_ in ("relcl", "acl") \
                    and inner.head.pos_ == "VERB" and inner.head.lemma_.lower() not in TRANSFER_VERBS:
                head = next((c for c in inner.children if c.dep_ == "pobj"), None)
                if head is not None:
                    return next(iter(self.actors.actors(head, "target")), None)
        return None

    def _members(self, token) -> dict[str, Evidence]:
        """People the text puts on the list ("X was on the list", "a list including X", the
        released before "the other captives on the list"), each with the words that say it."""
        people: dict[str, Evidence] = {}
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in ("VERB", "AUX"):
            for child in head.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    said = self.view.evidence(child.left_edge.i, token.i + 1)
                    people.update((p, said) for p in self._people(child) if p not in people)
        for child in token.children:
            if child.lower_ in INCLUDING:
                said = self.view.evidence(token.left_edge.i, child.right_edge.i + 1)
                for grand in child.subtree:
                    if grand.dep_ in ("pobj", "dobj"):
                        people.update((p, said) for p in self._people(grand) if p not in people)
        for person in self._set_apart(token):
            people.setdefault(person, self.view.evidence(head.head.left_edge.i, token.i + 1))
        return people

    def _set_apart(self, token) -> list[str]:
        """"the other captives on Russia's list": the people released before this sentence."""
        head = token.head
        if not (token.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in ("NOUN", "PRON")):
            return []
        group = head.head
        if not any(c.dep_ == "amod" and c.lower_ in OTHER for c in group.children) \
                or group.lemma_.lower() not in PEOPLE_NOUNS:
            return []
        start = token.sent.start_char
        return list(dict.fromkeys(
            s.person for s in self.statuses
            if s.state == SET_APART_STATE and s.evidence.start < start and self.kind.get(s.person) == "person"
        ))

    def _people(self, head) -> list[str]:
        ids = []
        for token in head.subtree:
            ident = self.entity_at[token.i]
            if ident and self.kind.get(ident) == "person" and ident not in ids:
                ids.append(ident)
        return ids

    def _entity_of(self, actor) -> str | None:
        if actor is None:
            return None
        if actor.entity:
            return actor.entity
        return self.by_name.get((actor.country or "").lower())
