"""Quotes and reported speech with their speakers.

    extract_quotes(doc, article, entities=()) -> tuple[Quote, ...]

A rule cascade over one parse (no extra model pass; no reference to the Doc is
kept, so it runs inside ``nlp.memory_zone``):

1. **Direct quotes** come from the text, not the parse: ``find_quote_spans``
   pairs quotation marks paragraph by paragraph (curly and straight marks;
   single quotes nest inside; a quote still open at the end of a paragraph
   continues when the next paragraph opens with a mark).
2. Each direct quote looks for its cue, first match wins:
   a cue right **after** it ('"...," he said', '"...," said X', '"...,"
   according to X'); a verb that **governs** it ('Zakharova credited "..."');
   a cue **before** it in the same sentence ('X told the agency, "..."').
3. A quote without a speaker inherits the previous quote's when it is in the
   same paragraph or immediately continues it; failing that, the subject of
   the sentence just before it in its paragraph. Short quoted phrases with no
   cue ("scare quotes") are dropped; longer ones stay with speaker None.
4. **Indirect speech**: a speech verb with a clause object ("Moscow emphasized
   that ...", "X told the agency (that) ...") and "according to X, ...".

Speakers are entity ids: the person or organization mention overlapping the
speaker phrase; "he"/"she" resolve to the nearest preceding compatible person
mention outside quotes; "the ministry" to a nearby organization with that word
in its name. Otherwise ``speaker`` is None and ``speaker_name`` the phrase.

Word lists live in ``speech.py``. Works on a full parse and, with linear
fallbacks, on a ``spacy.blank`` Doc with hand-set entities and sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ..model import Article, Entity, Evidence, Quote
from . import speech as sp
from .lexicon import GIVEN_NAMES, ROLE_GENDER

# Kinds of entity that can be a speaker. Places ("Moscow emphasized ...") stay
# unresolved: speaker None, speaker_name "Moscow".
SPEAKER_KINDS = frozenset({"person", "organization"})

# A quoted phrase with fewer words and no cue is a scare quote ('showed
# "concern"', 'a "multipolar world order"'), not a quote. Set on the seed and
# the PolNeAR train split: 3 keeps too many titles and slogans, 5 loses
# short uncued quotes that continue a speaker's words.
MIN_UNCUED_WORDS = 4
# Tokens searched after a closing mark for its cue ('," Russian Foreign
# Ministry spokeswoman Maria Zakharova said' is 7).
CUE_WINDOW_AFTER = 10
# Tokens searched back from an opening mark for its cue within the sentence.
CUE_WINDOW_BEFORE = 30
# Paragraphs (this one and the ones before it) searched for the person a
# "he"/"she" speaker refers to, and for the organization "the ministry" means.
ANTECEDENT_PARAGRAPHS = 3
# Pieces of one attribution ('"A," she said. "B."') lie at most this many
# characters apart: room for a cue sentence with a speaker's title
# ('," said Brad Bannon, a longtime Democratic consultant. "'). Set on the
# PolNeAR train split, which annotates such pieces as one Content.
GROUP_GAP_CHARS = 160
# A piece with a cue of its own starts a new attribution unless the cue is the
# one between the halves of a split quote ('"But," he said, "if ...'), at most
# this many characters apart.
SPLIT_GAP_CHARS = 40
# Indirect content shorter than this many words is not reported speech ("he said so").
MIN_INDIRECT_WORDS = 2
# Indirect content whose characters lie at least this much inside direct
# quotes repeats them ('X said: "..."') and is dropped.
DIRECT_OVERLAP = 0.5

_WORD = re.compile(r"\w+")
_SENTENCE_END = frozenset({".", "!", "?"})
_TRAILING = " \t\r\n,;:—–-"


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: content ``start:end`` between marks at ``open``/``close``.

    ``close`` is the closing mark's offset, or the paragraph end when the quote
    runs on. ``continues`` marks a quote that opens a paragraph while the
    previous paragraph's quote ran on.
    """

    start: int
    end: int
    open: int
    close: int
    paragraph: int
    continues: bool = False
    runs_on: bool = False


@dataclass(frozen=True)
class _Speaker:
    id: str | None
    name: str | None


@dataclass(frozen=True)
class _Cue:
    text: str
    speaker: _Speaker | None


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


_SPEECH_FORMS = _forms(sp.SPEECH_VERBS)
_QUOTE_ONLY_FORMS = _forms(sp.QUOTE_ONLY_VERBS)
_STANCE_FORMS = _forms(sp.STANCE_VERBS)


def paragraph_bounds(article: Article) -> list[tuple[int, int]]:
    """Paragraph character spans: ``article.paragraphs``, else the text's lines."""
    if article.paragraphs:
        return [(p.start, p.end) for p in article.paragraphs]
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article.text)]


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair the double quotation marks of each paragraph (see module docstring)."""
    spans: list[QuoteSpan] = []
    ran_on = False
    for number, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        opened_width = 1
        continues = False
        i = p_start
        while i < p_end:
            ch, width = text[i], 1
            if text.startswith(sp.DOUBLED_MARK, i):
                ch, width = '"', len(sp.DOUBLED_MARK)
            if ch in sp.OPENING_MARKS:
                kind = "open"
            elif ch in sp.CLOSING_MARKS:
                kind = "close"
            elif ch in sp.STRAIGHT_MARKS:
                kind = _straight_kind(text, i, i + width, p_start, p_end, opened is not None)
            else:
                i += 1
                continue
            if kind == "open" and opened is None:
                opened, opened_width = i, width
                continues = ran_on and not text[p_start:i].strip()
            elif kind == "close" and opened is not None:
                _add(spans, text, opened, opened_width, i, number, continues, runs_on=False)
                opened = None
            i += width
        ran_on = opened is not None
        if opened is not None:
            _add(spans, text, opened, opened_width, p_end, number, continues, runs_on=True)
    return spans


def _straight_kind(text: str, i: int, j: int, p_start: int, p_end: int, is_open: bool) -> str:
    """Whether the straight mark at ``i:j`` opens or closes, from its neighbours."""
    before = text[i - 1] if i > p_start else " "
    after = text[j] if j < p_end else " "
    opening = before.isspace() or before in sp.OPEN_AFTER
    closing = after.isspace() or after in sp.CLOSE_BEFORE
    if is_open:
        return "close" if closing or not opening else "open"
    return "open" if opening or not closing else "close"


def _add(spans, text, opened, width, close, paragraph, continues, runs_on) -> None:
    start, end = opened + width, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if _WORD.search(text, start, end):
        spans.append(QuoteSpan(start, end, opened, close, paragraph, continues, runs_on))


def extract_quotes(doc, article: Article, entities: tuple[Entity, ...] = ()) -> tuple[Quote, ...]:
    """Direct and indirect quotes in ``doc`` (the parse of ``article.text``), with speakers."""
    reader = _Reader(doc, article, entities)
    quotes = reader.direct() + reader.indirect()
    return tuple(sorted(quotes, key=lambda q: (q.evidence.start, q.evidence.end)))


class _Reader:
    """Per-article lookups over one Doc; lives only during ``extract_quotes``."""

    def __init__(self, doc, article: Article, entities: tuple[Entity, ...]):
        self.doc = doc
        self.article = article
        self.text = article.text
        self.has_parse = doc.has_annotation("DEP")
        self.starts = [t.idx for t in doc]
        try:
            self.sentence_starts = [s.start_char for s in doc.sents]
        except ValueError:
            self.sentence_starts = [0]
        self.paragraphs = paragraph_bounds(article)
        self.paragraph_starts = [p[0] for p in self.paragraphs]
        self.spans = find_quote_spans(self.text, self.paragraphs)
        self.span_opens = [s.open for s in self.spans]
        self.quoted = self._quoted_tokens()
        self.mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: (x[0], x[1])
        )
        self.mention_starts = [m[0] for m in self.mentions]
        self.genders = {e.id: _gender(e) for e in entities}

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
        token = self.doc[i]
        return token.lemma_.lower() if token.lemma_ else token.lower_

    def is_verb(self, i: int, lemmas: frozenset[str], forms: dict[str, str]) -> bool:
        token = self.doc[i]
        if self.has_parse and token.pos_ not in ("VERB", "AUX"):
            return False
        return (bool(token.lemma_) and token.lemma_.lower() in lemmas) or (not token.lemma_ and token.lower_ in forms)

    def is_speech(self, i: int) -> bool:
        return self.is_verb(i, sp.SPEECH_VERBS, _SPEECH_FORMS)

    def is_quote_cue(self, i: int) -> bool:
        return self.is_speech(i) or self.is_verb(i, sp.QUOTE_ONLY_VERBS, _QUOTE_ONLY_FORMS)

    def is_according(self, i: int) -> bool:
        """Token ``i`` is the "to" of "according to"."""
        return i > 0 and self.doc[i].lower_ == sp.ACCORDING[1] and self.doc[i - 1].lower_ == sp.ACCORDING[0]

    # ---- speakers --------------------------------------------------------

    def speaker_of_verb(self, v: int) -> _Speaker | None:
        subject = self._subject(v)
        if subject is not None:
            return self.speaker_of_token(subject)
        return self._linear_speaker(v)

    def _subject(self, v: int):
        if not self.has_parse:
            return None
        token = self.doc[v]
        for _ in range(4):
            for child in token.children:
                if child.dep_ in sp.SUBJECT_DEPS and not self.quoted[child.i]:
                    return child
            if token.dep_ in sp.BORROW_SUBJECT_DEPS and token.head.i != token.i:
                token = token.head
            else:
                return None
        return None

    def _linear_speaker(self, v: int) -> _Speaker | None:
        """Without a usable parse: an entity or pronoun right before or after the verb."""
        for i in (v - 1, v + 1, v - 2):
            if not 0 <= i < len(self.starts) or self.quoted[i]:
                continue
            token = self.doc[i]
            if token.lower_ in sp.GENDERED_PRONOUNS:
                return self.antecedent(token.idx, sp.GENDERED_PRONOUNS[token.lower_])
            found = self.entity_over(token.idx, token.idx + len(token.text), token.idx)
            if found is not None and found.kind in SPEAKER_KINDS:
                return _Speaker(found.id, found.name)
        return None

    def speaker_of_token(self, head) -> _Speaker:
        """The speaker a subject or "according to" object names."""
        low = head.lower_
        if low in sp.GENDERED_PRONOUNS:
            return self.antecedent(head.idx, sp.GENDERED_PRONOUNS[low]) or _Speaker(None, head.text)
        if low in sp.RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            return self.speaker_of_token(head.head.head)  # "a woman who said ..."
        if low in sp.OTHER_PRONOUNS:
            return _Speaker(None, head.text)
        left, right = head.left_edge, head.right_edge
        found = self.entity_over(left.idx, right.idx + len(right.text), head.idx)
        if found is not None and found.kind in SPEAKER_KINDS:
            return _Speaker(found.id, found.name)
        name = self._name_span(head)
        if found is None and head.text[:1].islower():
            organization = self.nominal(low, head.idx)
            if organization is not None:
                return _Speaker(organization.id, organization.name)
        return _Speaker(None, name)

    def _name_span(self, head) -> str:
        """The speaker phrase as written, without clauses and appositions after the head."""
        start = head.left_edge.i
        end = head.i + 1
        for child in head.rights:
            if child.dep_ in sp.NAME_CUT_DEPS:
                break
            end = child.right_edge.i + 1
        first, last = self.doc[start], self.doc[end - 1]
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

    def antecedent(self, at: int, gender: str | None) -> _Speaker | None:
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
            return _Speaker(entity.id, entity.name)
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

    # ---- direct quotes ---------------------------------------------------

    def direct(self) -> list[Quote]:
        quotes: list[Quote] = []
        previous: tuple[QuoteSpan, Quote] | None = None
        for span in self.spans:
            words = len(_WORD.findall(self.text, span.start, span.end))
            cue = self._cue_after(span) or self._cue_governing(span)
            if cue is None and words >= MIN_UNCUED_WORDS:
                cue = self._cue_before(span) or self._cue_colon(span)
            speaker = cue.speaker if cue else None
            if (speaker is None or speaker.name is None) and previous and self._continues(previous[0], span):
                speaker = _Speaker(previous[1].speaker, previous[1].speaker_name)
            if speaker is None and cue is None:
                speaker = self._previous_subject(span)
            if cue is None and (speaker is None or speaker.name is None):
                if words < MIN_UNCUED_WORDS or not self._opens_sentence(span):
                    continue  # a scare quote, or a phrase quoted inside someone else's sentence
            quote = Quote(
                text=self.text[span.start : span.end],
                kind="direct",
                evidence=self.evidence(span.start, span.end),
                speaker=speaker.id if speaker else None,
                speaker_name=speaker.name if speaker else None,
                cue=cue.text if cue else None,
            )
            quotes.append(quote)
            previous = (span, quote)
        return _backfill(quotes, self.spans, self.text)

    def _opens_sentence(self, span: QuoteSpan) -> bool:
        before = self.text[self.paragraphs[span.paragraph][0] : span.open].rstrip()
        return not before or before[-1] in ".!?:\"”'"

    def _continues(self, before: QuoteSpan, span: QuoteSpan) -> bool:
        if before.paragraph == span.paragraph:
            return True
        if span.continues and before.paragraph == span.paragraph - 1:
            return True
        # A paragraph opening with a quote right after a paragraph that ended
        # with one ('"...," X said.' / '"..."'): the same voice goes on.
        if before.paragraph == span.paragraph - 1 and not self.text[self.paragraphs[span.paragraph][0] : span.open].strip():
            tail = self.text[before.close + 1 : self.paragraphs[before.paragraph][1]]
            return len(re.findall(r"[.!?](?:\s|$)", tail)) <= 1 and not _WORD.search(tail.split(".")[-1])
        return False

    def _cue_after(self, span: QuoteSpan) -> _Cue | None:
        if span.runs_on:
            return None
        mark = self.token_at(span.close)
        p_end = self.paragraphs[span.paragraph][1]
        ends_sentence = self.text[span.end - 1 : span.end] in _SENTENCE_END
        for i in range(mark + 1, min(mark + 1 + CUE_WINDOW_AFTER, len(self.starts))):
            token = self.doc[i]
            if token.idx >= p_end or self.quoted[i] or token.text in _SENTENCE_END:
                return None
            if i == mark + 1 and ends_sentence and token.text[:1].isupper() and token.lower_ not in sp.GENDERED_PRONOUNS:
                return None
            if token.lower_ == sp.ACCORDING[0] and i + 1 < len(self.starts) and self.is_according(i + 1):
                return self._according_cue(i + 1)
            if self.is_quote_cue(i):
                return _Cue(token.text, self.speaker_of_verb(i))
        return None

    def _cue_governing(self, span: QuoteSpan) -> _Cue | None:
        """A verb whose object (or "for"-object) the quote is: 'X credited "..."'."""
        if not self.has_parse:
            return None
        first = self.token_at(span.start)
        last = self.token_at(max(span.end - 1, span.start))
        for i in range(first, last + 1):
            token = self.doc[i]
            if first <= token.head.i <= last:
                continue
            head = token.head
            if token.dep_ == "pobj" and head.dep_ == "prep":
                head = head.head
            elif token.dep_ not in sp.QUOTE_OBJECT_DEPS:
                return None
            if head.pos_ in ("VERB", "AUX") and not self.quoted[head.i] and self.is_quote_cue(head.i):
                return _Cue(head.text, self.speaker_of_verb(head.i))
            return None
        return None

    def _cue_before(self, span: QuoteSpan) -> _Cue | None:
        mark = self.token_at(span.open)
        p_start = self.paragraphs[span.paragraph][0]
        for i in range(mark - 1, max(mark - 1 - CUE_WINDOW_BEFORE, -1), -1):
            token = self.doc[i]
            if token.idx < p_start or self.quoted[i] or token.text in _SENTENCE_END:
                return None
            if self.is_according(i):
                return self._according_cue(i)
            if self.is_quote_cue(i):
                return _Cue(token.text, self.speaker_of_verb(i))
            if self.has_parse and token.pos_ == "VERB":
                return None  # another clause between: 'portray himself as ... "..."'
        return None

    def _cue_colon(self, span: QuoteSpan) -> _Cue | None:
        """A quote opening the paragraph after one that ends with a colon
        ('Ash wrote in a letter:'): the last cue of that paragraph."""
        p_start = self.paragraphs[span.paragraph][0]
        if span.paragraph == 0 or self.text[p_start : span.open].strip():
            return None
        before_start, before_end = self.paragraphs[span.paragraph - 1]
        if not self.text[before_start:before_end].rstrip().endswith(":"):
            return None
        first = self.token_at(before_start)
        for i in range(self.token_at(before_end - 1), first - 1, -1):
            if not self.quoted[i] and self.is_quote_cue(i):
                return _Cue(self.doc[i].text, self.speaker_of_verb(i))
        return None

    def _according_cue(self, to: int) -> _Cue:
        according = self.doc[to - 1]
        cue = self.text[according.idx : self.starts[to] + 2]
        source = None
        if self.has_parse:
            source = next((c for c in self.doc[to].children if c.dep_ == "pobj"), None)
        if source is None:
            source = self._linear_object(to)
        speaker = self.speaker_of_token(source) if source is not None else None
        return _Cue(cue, speaker)

    def _linear_object(self, to: int):
        """Without a parse: the last word before punctuation after "according to"."""
        last = None
        for i in range(to + 1, min(to + 12, len(self.starts))):
            token = self.doc[i]
            if token.is_punct or self.quoted[i]:
                break
            last = token
        return last

    def _previous_subject(self, span: QuoteSpan) -> _Speaker | None:
        """The speaker named as subject of the sentence before the quote, same paragraph."""
        p_start = self.paragraphs[span.paragraph][0]
        mark = self.token_at(span.open)
        if mark == 0 or self.doc[mark - 1].idx < p_start:
            return None
        before = self.text[p_start : span.open].rstrip()
        if not before or before[-1] not in ".!?":
            return None  # the quote does not open a sentence
        sentence = self.doc[mark - 1].sent if self.has_parse else None
        if sentence is None:
            return None
        root = sentence.root
        for child in root.children:
            if child.dep_ in sp.SUBJECT_DEPS and not self.quoted[child.i]:
                speaker = self.speaker_of_token(child)
                return speaker if speaker.id else None
        return None

    # ---- indirect speech -------------------------------------------------

    def indirect(self) -> list[Quote]:
        if not self.has_parse:
            return []
        quotes: list[Quote] = []
        for i in range(len(self.starts)):
            if self.quoted[i]:
                continue
            if self.is_according(i):
                quote = self._according_indirect(i)
            elif self.is_speech(i) or self.is_verb(i, sp.STANCE_VERBS, _STANCE_FORMS):
                quote = self._verb_indirect(i)
            else:
                continue
            if quote is not None:
                quotes.append(quote)
        return quotes

    def _verb_indirect(self, v: int) -> Quote | None:
        verb = self.doc[v]
        content = next((c for c in verb.children if c.dep_ in sp.CONTENT_DEPS), None) or _that_clause(verb)
        if content is not None:
            start, end = content.left_edge.i, content.right_edge.i + 1
            while start < end and (self.doc[start].dep_ == "mark" or self.doc[start].is_punct):
                start += 1
        elif verb.dep_ == "parataxis" and verb.head.i != v:
            start, end = _longest_outside(verb.head, verb)
        else:
            return None
        return self._indirect_quote(start, end, verb.text, self.speaker_of_verb(v))

    def _according_indirect(self, to: int) -> Quote | None:
        according = self.doc[to - 1]
        sentence_start = self.doc[to].sent.start
        sentence_end = self.doc[to].sent.end
        phrase_start, phrase_end = according.left_edge.i, according.right_edge.i + 1
        phrase_start = min(phrase_start, to - 1)
        before = (sentence_start, phrase_start)
        after = (phrase_end, sentence_end)
        start, end = max(before, after, key=lambda r: r[1] - r[0])
        cue = self._according_cue(to)
        return self._indirect_quote(start, end, cue.text, cue.speaker)

    def _indirect_quote(self, start: int, end: int, cue: str, speaker: _Speaker | None) -> Quote | None:
        while start < end and (self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        if end - start < MIN_INDIRECT_WORDS:
            return None
        first, last = self.doc[start], self.doc[end - 1]
        c_start, c_end = first.idx, last.idx + len(last.text)
        inside = sum(1 for i in range(start, end) if self.quoted[i])
        if inside >= DIRECT_OVERLAP * (end - start):
            return None
        return Quote(
            text=self.text[c_start:c_end],
            kind="indirect",
            evidence=self.evidence(c_start, c_end),
            speaker=speaker.id if speaker else None,
            speaker_name=speaker.name if speaker else None,
            cue=cue,
        )


def _that_clause(verb):
    """A that-clause hung on a phrase after the verb: 'said in a statement that ...'."""
    for child in verb.rights:
        if child.dep_ not in sp.CLAUSE_CARRIER_DEPS:
            continue
        for token in child.subtree:
            if token.dep_ in sp.THAT_CLAUSE_DEPS and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in token.children
            ):
                return token
    return None


def group_attributions(quotes: tuple[Quote, ...]) -> list[tuple[Quote, ...]]:
    """Quotes (in text order) grouped into attributions: the pieces of a split
    or multi-paragraph quote by one speaker, and direct fragments inside an
    indirect quote of the same speaker ('He added that members are "..."')."""
    groups: list[list[Quote]] = []
    for quote in quotes:
        last = groups[-1] if groups else None
        if last and quote.speaker_name is not None and quote.speaker_name == last[0].speaker_name:
            end = max(q.evidence.end for q in last)
            inside = quote.evidence.end <= end
            gap = quote.evidence.start - end
            own_cue = quote.cue is not None and not (quote.cue == last[-1].cue and gap <= SPLIT_GAP_CHARS)
            near = quote.kind == last[-1].kind == "direct" and gap <= GROUP_GAP_CHARS and not own_cue
            if inside or near:
                last.append(quote)
                continue
        groups.append([quote])
    return [tuple(group) for group in groups]


def _longest_outside(head, inner) -> tuple[int, int]:
    """The longer token range of ``head``'s subtree on either side of ``inner``'s."""
    before = (head.left_edge.i, inner.left_edge.i)
    after = (inner.right_edge.i + 1, head.right_edge.i + 1)
    return max(before, after, key=lambda r: r[1] - r[0])


def _backfill(quotes: list[Quote], spans: list[QuoteSpan], text: str) -> list[Quote]:
    """An unattributed quote directly followed (same paragraph, only space
    between) by an attributed one takes its speaker: '"A." "B," she said.'"""
    by_start = {s.start: s for s in spans}
    out = list(quotes)
    for k in range(len(out) - 2, -1, -1):
        here, after = out[k], out[k + 1]
        if here.speaker_name is not None or after.speaker_name is None:
            continue
        a, b = by_start.get(here.evidence.start), by_start.get(after.evidence.start)
        if a and b and a.paragraph == b.paragraph and not text[a.close + 1 : b.open].strip():
            out[k] = replace(here, speaker=after.speaker, speaker_name=after.speaker_name)
    return out


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


__all__ = ["QuoteSpan", "extract_quotes", "find_quote_spans", "group_attributions", "paragraph_bounds", "verb_forms"]
