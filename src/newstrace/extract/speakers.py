"""Who speaks: the per-article lookups every attribution reader shares.

``SpeakerReader`` answers, over one parse and its entities: where a character
is (token, sentence, paragraph, inside a quotation?), whether a token is a
speech, quote or stance verb (lemmas on a full parse, inflected forms on a
``spacy.blank`` Doc), and who a subject or "according to" object names.
Speakers are entity ids: the person or organization mention overlapping the
speaker phrase; "he"/"she" resolve to the nearest preceding compatible person
mention outside quotes; "the ministry" to a nearby organization with that word
in its name. Otherwise ``speaker`` is None and ``speaker_name`` the phrase.
Places used as institutions ("Moscow emphasized") keep their name.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..model import Article, Entity, Evidence
from . import speech as sp
from ..lexicon.words import GIVEN_NAMES, ROLE_GENDER
from . import doc_context
from .quote_spans import paragraph_bounds

# Kinds of entity that can be a speaker. Places ("Moscow emphasized ...") stay
# unresolved: speaker None, speaker_name "Moscow".
SPEAKER_KINDS = frozenset({"person", "organization"})
# Paragraphs (this one and the ones before it) searched for the person a
# "he"/"she" speaker refers to, and for the organization "the ministry" means.
ANTECEDENT_PARAGRAPHS = 3


@dataclass(frozen=True)
class Speaker:
    id: str | None
    name: str | None


@dataclass(frozen=True)
class Cue:
    text: str
    speaker: Speaker | None
    at: int | None = None  # the cue verb's token (where its medium is read)


def verb_forms(lemma: str) -> tuple[str, ...]:
    """Inflected forms of a regular English verb ("note" -> notes, noted, noting)."""
    if lemma in sp.IRREGULAR_FORMS:
        return (lemma, *sp.IRREGULAR_FORMS[lemma])
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


def _forms(lemmas: frozenset[str]) -> dict[str, str]:
    return {form: lemma for lemma in lemmas for form in verb_forms(lemma)}


SPEECH_FORMS = _forms(sp.SPEECH_VERBS)
QUOTE_ONLY_FORMS = _forms(sp.QUOTE_ONLY_VERBS)
STANCE_FORMS = _forms(sp.STANCE_VERBS)


class SpeakerReader:
    """Per-article lookups over one Doc; lives only while one article's attributions are read."""

    def __init__(self, doc, article: Article, entities: tuple[Entity, ...]):
        self.doc = doc
        self.article = article
        self.text = article.text
        context = doc_context.of(doc)
        self.tokens = context.tokens  # tokens[i] is doc[i], made once
        self.has_parse = context.has_annotation("DEP")
        self.starts = context.token_starts
        try:
            self.sentence_starts = [s.start_char for s in doc.sents]
        except ValueError:
            self.sentence_starts = [0]
        self.paragraphs = paragraph_bounds(article)
        self.paragraph_starts = [p[0] for p in self.paragraphs]
        self.spans = doc_context.of(doc).quote_spans(article)
        self.span_opens = [s.open for s in self.spans]
        self.quoted = self._quoted_tokens()
        self.mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: (x[0], x[1])
        )
        self.mention_starts = [m[0] for m in self.mentions]
        self.genders = {e.id: _gender(e) for e in entities}
        self.times: tuple = ()  # the article's time expressions, set by extract_quotes

    # ---- positions -------------------------------------------------------

    def token_at(self, char: int) -> int:
        return max(bisect_right(self.starts, char) - 1, 0)

    def sentence_of(self, char: int) -> int:
        return max(bisect_right(self.sentence_starts, char) - 1, 0)

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self.paragraph_starts, char) - 1, 0)

    def in_quote(self, char: int) -> bool:
        k = bisect_right(self.span_opens, char) - 1
        return k >= 0 and char <= self.spans[k].close

    def _quoted_tokens(self) -> list[bool]:
        quoted = [False] * len(self.starts)
        for span in self.spans:
            first = bisect_left(self.starts, span.open)
            last = bisect_right(self.starts, span.close)
            for i in range(first, last):
                quoted[i] = True
        return quoted

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(self.article.id, self.sentence_of(start), start, end)

    # ---- words -----------------------------------------------------------

    def lemma(self, i: int) -> str:
        token = self.tokens[i]
        return token.lemma_.lower() if token.lemma_ else token.lower_

    def is_verb(self, i: int, lemmas: frozenset[str], forms: dict[str, str]) -> bool:
        token = self.tokens[i]
        if self.has_parse and token.pos_ not in ("VERB", "AUX"):
            return False
        return (bool(token.lemma_) and token.lemma_.lower() in lemmas) or (not token.lemma_ and token.lower_ in forms)

    def is_speech(self, i: int) -> bool:
        return self.is_verb(i, sp.SPEECH_VERBS, SPEECH_FORMS)

    def is_quote_cue(self, i: int) -> bool:
        return self.is_speech(i) or self.is_verb(i, sp.QUOTE_ONLY_VERBS, QUOTE_ONLY_FORMS)

    def is_according(self, i: int) -> bool:
        """Token ``i`` is the "to" of "according to"."""
        return i > 0 and self.tokens[i].lower_ == sp.ACCORDING[1] and self.tokens[i - 1].lower_ == sp.ACCORDING[0]

    # ---- speakers --------------------------------------------------------

    def speaker_of_verb(self, v: int) -> Speaker | None:
        subject = self._subject(v)
        if subject is not None:
            return self.speaker_of_token(subject)
        return self._linear_speaker(v)

    def _subject(self, v: int):
        if not self.has_parse:
            return None
        token = self.tokens[v]
        for _ in range(4):
            for child in token.children:
                if child.dep_ in sp.SUBJECT_DEPS and not self.quoted[child.i]:
                    return child
            if token.dep_ in sp.BORROW_SUBJECT_DEPS and token.head.i != token.i:
                token = token.head
            else:
                return None
        return None

    def _linear_speaker(self, v: int) -> Speaker | None:
        """Without a usable parse: an entity or pronoun right before or after the verb."""
        for i in (v - 1, v + 1, v - 2):
            if not 0 <= i < len(self.starts) or self.quoted[i]:
                continue
            token = self.tokens[i]
            if token.lower_ in sp.GENDERED_PRONOUNS:
                return self.antecedent(token.idx, sp.GENDERED_PRONOUNS[token.lower_])
            found = self.entity_over(token.idx, token.idx + len(token.text), token.idx)
            if found is not None and found.kind in SPEAKER_KINDS:
                return Speaker(found.id, found.name)
        return None

    def speaker_of_token(self, head) -> Speaker:
        """The speaker a subject or "according to" object names."""
        low = head.lower_
        if low in sp.GENDERED_PRONOUNS:
            return self.antecedent(head.idx, sp.GENDERED_PRONOUNS[low]) or Speaker(None, head.text)
        if low in sp.RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            return self.speaker_of_token(head.head.head)  # "a woman who said ..."
        if low in sp.OTHER_PRONOUNS:
            return Speaker(None, head.text)
        left, right = head.left_edge, head.right_edge
        found = self.entity_over(left.idx, right.idx + len(right.text), head.idx)
        if found is not None and found.kind in SPEAKER_KINDS:
            return Speaker(found.id, found.name)
        name = self._name_span(head)
        if found is None and head.text[:1].islower():
            organization = self.nominal(low, head.idx)
            if organization is not None:
                return Speaker(organization.id, organization.name)
        return Speaker(None, name)

    def _name_span(self, head) -> str:
        """The speaker phrase as written, without clauses and appositions after the head."""
        start = head.left_edge.i
        end = head.i + 1
        for child in head.rights:
            if child.dep_ in sp.NAME_CUT_DEPS:
                break
            end = child.right_edge.i + 1
        first, last = self.tokens[start], self.tokens[end - 1]
        return self.text[first.idx : last.idx + len(last.text)].strip(" ,")

    def entity_over(self, start: int, end: int, head: int) -> Entity | None:
        """The speaker entity among mentions overlapping ``start:end``: the one at
        ``head`` first, then people, then organizations, then anything."""
        k = bisect_left(self.mention_starts, end)
        found = [m for m in self.mentions[max(0, k - 50) : k] if m[0] < end and m[1] > start]
        if not found:
            return None
        for m_start, m_end, entity in found:
            if m_start <= head < m_end and entity.kind in SPEAKER_KINDS:
                return entity
        # Not a possessor ("Putin's speechwriter X"), nearest the head.
        owners = [m for m in found if self.text[m[1] : m[1] + 2] in ("'s", "’s")]
        for kind in ("person", "organization"):
            for m in reversed(found):
                if m[2].kind == kind and m not in owners:
                    return m[2]
        for kind in ("person", "organization"):
            for _, _, entity in reversed(found):
                if entity.kind == kind:
                    return entity
        return found[0][2]

    def antecedent(self, at: int, gender: str | None) -> Speaker | None:
        """Nearest person mention before ``at``, outside quotes, of a compatible gender."""
        first = self.paragraphs[max(self.paragraph_of(at) - ANTECEDENT_PARAGRAPHS + 1, 0)][0]
        k = bisect_left(self.mention_starts, at)
        for m_start, _, entity in reversed(self.mentions[:k]):
            if m_start < first:
                break
            if entity.kind != "person" or self.in_quote(m_start):
                continue
            known = self.genders.get(entity.id)
            if gender and known and known != gender:
                continue
            return Speaker(entity.id, entity.name)
        return None

    def nominal(self, word: str, at: int) -> Entity | None:
        """An organization near ``at`` whose name holds ``word`` ("the ministry")."""
        first = self.paragraphs[max(self.paragraph_of(at) - ANTECEDENT_PARAGRAPHS + 1, 0)][0]
        k = bisect_left(self.mention_starts, at)
        for m_start, _, entity in reversed(self.mentions[:k]):
            if m_start < first:
                break
            if entity.kind == "organization" and word in entity.name.lower().split():
                return entity
        return None

    def according_cue(self, to: int) -> Cue:
        according = self.tokens[to - 1]
        cue = self.text[according.idx : self.starts[to] + 2]
        source = None
        if self.has_parse:
            source = next((c for c in self.tokens[to].children if c.dep_ == "pobj"), None)
        if source is None:
            source = self._linear_object(to)
        speaker = self.speaker_of_token(source) if source is not None else None
        return Cue(cue, speaker, to)

    def _linear_object(self, to: int):
        """Without a parse: the last word before punctuation after "according to"."""
        last = None
        for i in range(to + 1, min(to + 12, len(self.starts))):
            token = self.tokens[i]
            if token.is_punct or self.quoted[i]:
                break
            last = token
        return last


def _gender(entity: Entity) -> str | None:
    if entity.kind != "person":
        return None
    first = entity.name.split()[0].lower() if entity.name else ""
    if GIVEN_NAMES.get(first):
        return GIVEN_NAMES[first]
    for role in entity.values("role"):
        gender = ROLE_GENDER.get(str(role).split()[-1].lower())
        if gender:
            return gender
    return None
