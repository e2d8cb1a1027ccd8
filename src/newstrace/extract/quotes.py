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
4. **Other attributions** (``attributions.py``): reported speech, stances and
   "according to X", each with its ``kind``.
5. Pieces of one statement share a ``group`` number (``group_attributions``),
   and each attribution names its ``medium`` when the text says where it was
   made (``medium.py``: "on Telegram", "told RIA Novosti").

Speakers are resolved by ``speakers.py`` (entity ids, pronouns, "the ministry").

Word lists live in ``speech.py``. Works on a full parse and, with linear
fallbacks, on a ``spacy.blank`` Doc with hand-set entities and sentences.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, Entity, Quote, TimeExpression
from . import speech as sp
from .attributions import indirect_attributions
from .dates import extract_times
from .medium import medium_of, statement_time
from .quote_spans import WORD as _WORD
from .quote_spans import QuoteSpan, find_quote_spans, paragraph_bounds
from .speakers import Cue, Speaker, SpeakerReader, verb_forms


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
# Pieces of one attribution ('"A," she said. "B."') lie at most this many
# characters apart: room for a cue sentence with a speaker's title
# ('," said Brad Bannon, a longtime Democratic consultant. "'). Set on the
# PolNeAR train split, which annotates such pieces as one Content.
GROUP_GAP_CHARS = 160
# A piece with a cue of its own starts a new attribution unless the cue is the
# one between the halves of a split quote ('"But," he said, "if ...'), at most
# this many characters apart.
SPLIT_GAP_CHARS = 40

# An attribution whose content lies at least this share (of its characters) inside a longer
# attribution's content is nested in that statement ("X told reporters he'd support Clinton").
# Set on the PolNeAR train split (first 240 texts), where 9 in 10 nested attributions are no
# Content of their own.
NESTED_SHARE = 0.8
# How many groups back a nested attribution's statement is looked for (it opens before it).
NESTING_LOOKBACK = 3

_SENTENCE_END = frozenset({".", "!", "?"})


def extract_quotes(
    doc, article: Article, entities: tuple[Entity, ...] = (), times: tuple[TimeExpression, ...] | None = None
) -> tuple[Quote, ...]:
    """Direct and indirect quotes in ``doc`` (the parse of ``article.text``), with speakers.

    ``times`` are the article's time expressions when the caller already has them (a statement's
    own time is one of them)."""
    reader = _Reader(doc, article, entities)
    reader.times = extract_times(doc, article) if times is None and reader.has_parse else (times or ())
    # In text order; of two starting together, the enclosing one first (it holds the other).
    quotes = sorted(reader.direct() + indirect_attributions(reader), key=lambda q: (q.evidence.start, -q.evidence.end))
    grouped = []
    for number, group in enumerate(group_attributions(tuple(quotes)), start=1):
        medium = next((q.medium for q in group if q.medium), None)
        time = next((q.time for q in group if q.time), None)
        grouped += [replace(q, group=number, medium=q.medium or medium, time=q.time or time) for q in group]
    return tuple(grouped)



class _Reader(SpeakerReader):
    """Direct quotes of one article with their cues and speakers."""

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
                speaker = Speaker(previous[1].speaker, previous[1].speaker_name)
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
                medium=medium_of(self, cue.at) if cue else None,
                time=statement_time(self, cue.at) if cue else None,
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

    def _cue_after(self, span: QuoteSpan) -> Cue | None:
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
                return self.according_cue(i + 1)
            if self.is_quote_cue(i):
                return Cue(token.text, self.speaker_of_verb(i), i)
        return None

    def _cue_governing(self, span: QuoteSpan) -> Cue | None:
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
                return Cue(head.text, self.speaker_of_verb(head.i), head.i)
            return None
        return None

    def _cue_before(self, span: QuoteSpan) -> Cue | None:
        mark = self.token_at(span.open)
        p_start = self.paragraphs[span.paragraph][0]
        for i in range(mark - 1, max(mark - 1 - CUE_WINDOW_BEFORE, -1), -1):
            token = self.doc[i]
            if token.idx < p_start or self.quoted[i] or token.text in _SENTENCE_END:
                return None
            if self.is_according(i):
                return self.according_cue(i)
            if self.is_quote_cue(i):
                return Cue(token.text, self.speaker_of_verb(i), i)
            if self.has_parse and token.pos_ == "VERB":
                return None  # another clause between: 'portray himself as ... "..."'
        return None

    def _cue_colon(self, span: QuoteSpan) -> Cue | None:
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
                return Cue(self.doc[i].text, self.speaker_of_verb(i), i)
        return None

    def _previous_subject(self, span: QuoteSpan) -> Speaker | None:
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



def group_attributions(quotes: tuple[Quote, ...]) -> list[tuple[Quote, ...]]:
    """Quotes (in text order, an enclosing one before those it holds) grouped into attributions:
    the pieces of a split or multi-paragraph quote by one speaker, direct fragments inside an
    indirect quote of the same speaker ('He added that members are "..."'), and attributions
    nested in another's content ('X told reporters he'd support Clinton', 'according to state
    media, Hamas said that ...'): each keeps its own speaker and kind, the statement is the
    enclosing one."""
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
        holder = next((group for group in reversed(groups[-NESTING_LOOKBACK:]) if _nested(quote, group)), None)
        if holder is not None:
            holder.append(quote)
            continue
        groups.append([quote])
    return [tuple(group) for group in groups]


def _nested(quote: Quote, group: list[Quote]) -> bool:
    """Does ``quote``'s content lie (almost) wholly inside the content of one of ``group``'s
    pieces, and is that piece longer?"""
    start, end = quote.evidence.start, quote.evidence.end
    for piece in group:
        outer = piece.evidence
        shared = min(end, outer.end) - max(start, outer.start)
        if outer.end - outer.start > end - start and shared >= NESTED_SHARE * (end - start):
            return True
    return False


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



__all__ = ["QuoteSpan", "extract_quotes", "find_quote_spans", "group_attributions", "paragraph_bounds", "verb_forms"]
