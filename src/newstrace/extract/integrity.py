"""Integrity flags: sentences that do not read as news prose.

    extract_flags(doc, article) -> tuple[Flag, ...]

A spun or scraped copy carries junk a clean report does not: blog filler
inserted between sentences ("Let's get started."), torn-off pieces of other
sentences ("a provider of missiles and drones ...", "may occur quickly."),
verbless fragments ("In conflict and other releases.") and paragraphs cut off
mid-sentence. Each flag names its sentence (or fragment) as written in
``article.text`` and says why.

How the text is read
--------------------
The parse's sentences are cut further at paragraph breaks and where a
full stop is followed by a lowercase word ("... closer to Iran. have
fulfilled."), since spaCy keeps such pieces together. Every piece ("unit") is
then checked by the rules below, first match wins. Units mostly inside
quotation marks are skipped: a quote's grammar is its speaker's.

Rules (kind: reason)
--------------------
* ``inserted``: a sentence opening with "I"/"we" as subject or "let's",
  outside and away from quotes, with no speech cue, in an article that is not
  a column (few first/second person words outside quotes).
* ``inserted``: a wh-question of 8+ words ending a paragraph outside quotes,
  the article's only one.
* ``garbled``: starts with a lowercase word right after a full stop.
* ``garbled``: no verb at all (a fragment), when not a list, score or caption.
* ``garbled``: a finite verb without a subject in a piece of at most 4 words
  ("Is not."), or "Name, said ..." (a lone comma between a bare name and a
  speech verb: a garbled attribution).
* ``garbled``: a run of 3+ words repeated back to back.
* ``inserted``: at most 3 words with no name, number or noun ("It is conceivable.").
* ``truncated``: a paragraph that ends without terminal punctuation on a
  function word ("... ever since").

Thresholds and word lists live in ``integrity_lexicon.py`` with how each was
tuned; the false-flag rate on clean BBC news is guarded by ``bench/accuracy.py``.
Pure walks over the parse; nothing returned points back into the Doc.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

from ..limits import DEFAULT_LIMITS
from ..model import Article, Evidence, Flag
from . import integrity_lexicon as lx
from . import doc_context

_CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM"})
_VERB_POS = frozenset({"VERB", "AUX"})


class _Tok(NamedTuple):
    """The few token facts the rules read, copied out of the Doc (a tuple: made for every token
    of every article, where a frozen dataclass cost four times as much)."""

    text: str
    lower: str
    lemma: str
    pos: str
    tag: str
    dep: str
    idx: int
    head: int  # index into the unit's tokens, -1 when outside it
    quoted: bool


@dataclass(frozen=True)
class _Context:
    """Article-wide counts the rules compare a unit with."""

    personal: int  # units with a first/second person subject outside quotes
    questions: int  # questions outside quotes
    opinion: bool  # many first/second person words outside quotes: a column or comment page


@dataclass(frozen=True)
class _Unit:
    """One sentence piece: its tokens (no whitespace tokens) and where it is."""

    tokens: tuple[_Tok, ...]
    sentence: int
    start: int
    end: int
    paragraph_start: bool  # first unit of its paragraph
    paragraph_end: bool  # last unit of its paragraph
    after_stop: bool  # the previous token in the paragraph is a full stop
    near_quote: bool = False  # this unit or a neighbour holds quoted words

    @cached_property  # read by every rule: about 150 times per article
    def words(self) -> tuple[_Tok, ...]:
        return tuple(t for t in self.tokens if any(c.isalnum() for c in t.text))

    @property
    def quoted_share(self) -> float:
        letters = sum(len(t.text) for t in self.words)
        inside = sum(len(t.text) for t in self.words if t.quoted)
        return inside / letters if letters else 0.0

    @property
    def last(self) -> _Tok:
        for token in reversed(self.tokens):
            if token.text not in lx.CLOSERS:
                return token
        return self.tokens[-1]

    @property
    def terminated(self) -> bool:
        return self.last.text in lx.TERMINAL

    def roots(self) -> list[int]:
        return [i for i, t in enumerate(self.tokens) if t.head == i or t.head < 0]


def extract_flags(
    doc, article: Article, max_sentence_chars: int = DEFAULT_LIMITS.max_sentence_chars
) -> tuple[Flag, ...]:
    """Integrity flags for ``doc``, the parse of ``article.text``.

    Pieces longer than ``max_sentence_chars`` are not checked: the repetition rule's cost
    grows with the cube of a piece's length (a 44 KB run-on sentence took 210 s).
    """
    units = _units(doc, article)
    units = [
        replace(unit, near_quote=any(t.quoted for u in units[max(k - 1, 0) : k + 2] for t in u.words))
        for k, unit in enumerate(units)
    ]
    context = _Context(
        personal=sum(1 for u in units if _personal_word(u)),
        questions=sum(1 for u in units if _is_question(u)),
        opinion=sum(1 for u in units if _personal_any(u)) > lx.MAX_PERSONAL_UNITS,
    )
    flags = []
    for unit in units:
        if unit.quoted_share >= lx.QUOTED_SHARE or not unit.words or unit.end - unit.start > max_sentence_chars:
            continue
        for kind, rule in RULES:
            reason = rule(unit, context)
            if reason:
                evidence = Evidence(article.id, unit.sentence, unit.start, unit.end)
                flags.append(Flag(kind, article.text[unit.start : unit.end], reason, evidence))
                break
    return tuple(flags)


def _units(doc, article: Article) -> list[_Unit]:
    text = article.text
    context = doc_context.of(doc)
    quoted = [False] * (len(text) + 1)
    for span in context.quote_spans(article):
        for c in range(span.open, min(span.close + 1, len(text))):
            quoted[c] = True
    units: list[_Unit] = []
    pieces: list[list] = []
    doc_tokens, starts = context.tokens, context.sentence_starts  # the Doc's sentences, its tokens made once
    for number, (first, stop) in enumerate(zip(starts, [*starts[1:], len(doc_tokens)])):
        current: list = []
        for token in doc_tokens[first:stop]:
            if token.is_space:
                continue
            if current and _breaks(text, current[-1], token):
                pieces.append([number, current])
                current = []
            current.append(token)
        if current:
            pieces.append([number, current])
    for k, (number, tokens) in enumerate(pieces):
        start = tokens[0].idx
        end = tokens[-1].idx + len(tokens[-1].text)
        next_start = pieces[k + 1][1][0].idx if k + 1 < len(pieces) else len(text)
        prev_end = units[-1].end if units else 0
        position = {token.i: n for n, token in enumerate(tokens)}
        unit = _Unit(
            tokens=tuple(
                _Tok(
                    t.text,
                    t.lower_,
                    t.lemma_.lower(),
                    t.pos_,
                    t.tag_,
                    t.dep_,
                    t.idx,
                    position.get(t.head.i, -1),
                    quoted[t.idx],
                )
                for t in tokens
            ),
            sentence=number,
            start=start,
            end=end,
            paragraph_start=not units or "\n" in text[prev_end:start],
            paragraph_end="\n" in text[end:next_start] or next_start == len(text),
            after_stop=k > 0 and pieces[k - 1][1][-1].text == "." and "\n" not in text[prev_end:start],
        )
        units.append(unit)
    return units


def _breaks(text: str, previous, token) -> bool:
    """Whether a new unit starts at ``token`` inside one parsed sentence."""
    if "\n" in text[previous.idx + len(previous.text) : token.idx]:
        return True
    return previous.text == "." and _lowercase_word(token.text)


def _lowercase_word(word: str) -> bool:
    """"have" yes; "eBay", "iPod", "3G", "al-" style names no."""
    return word[:1].isalpha() and word[:1].islower() and not any(c.isupper() for c in word)


# --- rules: each returns a reason or None ------------------------------------


def _personal_word(unit: _Unit) -> str | None:
    """The first/second person subject ("I", "we", "you", "let's") outside quotes, if any."""
    tokens = unit.tokens
    first = tokens[0]
    if first.quoted or len(tokens) < 2 or not _lowercase_word(tokens[1].text) and tokens[1].lower not in lx.LETS:
        return None  # "I" inside a title: "Have I Got News for You", "Shall We Dance?"
    if first.lower == "let" and tokens[1].lower in lx.LETS:
        return "let's"
    if first.lower in lx.PERSONAL_SUBJECTS and first.pos == "PRON" and first.dep in lx.SUBJECT_DEPS:
        return first.text
    return None


def _personal_any(unit: _Unit) -> bool:
    """Any first/second person pronoun outside quotes ("my", "you", "us")."""
    words = unit.words
    return any(
        not t.quoted
        and t.pos == "PRON"
        and t.lower in lx.PERSONAL_WORDS
        and t.text != "US"
        and not (n and words[n - 1].lower in lx.NOT_PRONOUN_BEFORE)
        for n, t in enumerate(words)
    )


def _has_cue(unit: _Unit) -> bool:
    return any(t.lemma in lx.SPEECH_CUES for t in unit.tokens)


def _is_question(unit: _Unit) -> bool:
    return bool(unit.words) and unit.last.text == "?" and not any(t.quoted for t in unit.words)


def first_person(unit: _Unit, context: _Context) -> str | None:
    word = _personal_word(unit)
    if not word or unit.near_quote or _has_cue(unit) or context.opinion:
        return None
    return f'speaks in the first or second person ("{word}") outside quotes, unlike the report around it'


def question(unit: _Unit, context: _Context) -> str | None:
    if not _is_question(unit) or unit.near_quote or _has_cue(unit) or unit.paragraph_start:
        return None
    if context.questions > lx.MAX_QUESTIONS or context.opinion or not unit.paragraph_end:
        return None
    if unit.words[0].lower not in lx.QUESTION_OPENERS or len(unit.words) < lx.MIN_QUESTION_WORDS:
        return None
    return "asks a question outside quotes, unlike the report around it"


def lowercase_start(unit: _Unit, context: _Context) -> str | None:
    first = unit.tokens[0]
    if first.quoted or not _lowercase_word(first.text) or not unit.after_stop or len(unit.words) < 2:
        return None
    return f'starts with a lowercase word ("{first.text}") after a full stop: a piece torn from another sentence'


def no_verb(unit: _Unit, context: _Context) -> str | None:
    if unit.last.text != "." or len(unit.words) < lx.MIN_FRAGMENT_WORDS or context.opinion:
        return None
    if unit.paragraph_start and unit.paragraph_end:
        return None  # a caption or a one-line aside
    if any(t.pos in _VERB_POS or t.pos in {"PROPN", "NUM"} or t.text in lx.LIST_MARKS for t in unit.tokens):
        return None
    if sum(t.text == "," for t in unit.tokens) > lx.MAX_FRAGMENT_COMMAS:
        return None
    return "has no verb: a fragment, not a sentence"


def no_subject(unit: _Unit, context: _Context) -> str | None:
    if not unit.terminated:
        return None
    for root in unit.roots():
        token = unit.tokens[root]
        if token.pos not in _VERB_POS:
            continue
        children = [(n, c) for n, c in enumerate(unit.tokens) if c.head == root and n != root]
        finite = token.tag in lx.FINITE_TAGS or any(c.tag == "MD" for _, c in children)
        if not finite:
            continue
        subjects = [n for n, c in children if c.dep in lx.SUBJECT_DEPS]
        if not subjects and len(unit.words) <= lx.MAX_SUBJECTLESS_WORDS and token.lemma not in lx.SUBJECTLESS_OK:
            return f'its verb "{token.text}" has no subject: the end of another sentence'
        # "Middle East, said during a conversation.": a bare name, a comma, the verb.
        comma = root - 1
        if (
            subjects
            and token.lemma in lx.SPEECH_CUES
            and 0 < comma <= lx.MAX_NAME_BEFORE_COMMA
            and unit.tokens[comma].text == ","
            and all(t.pos == "PROPN" for t in unit.tokens[:comma])
        ):
            return f'a lone comma cuts the name off its verb "{token.text}": a garbled attribution'
    return None


def repeated(unit: _Unit, context: _Context) -> str | None:
    words = [t.lower for t in unit.tokens]  # punctuation kept: "what it is, not what it is not"
    n = lx.MIN_REPEAT_WORDS
    for size in range(n, len(words) // 2 + 1):
        for i in range(len(words) - 2 * size + 1):
            run = words[i : i + size]
            if run == words[i + size : i + 2 * size] and sum(w.isalpha() for w in run) >= lx.MIN_REPEAT_WORDS:
                return f'repeats "{" ".join(words[i : i + size])}" back to back'
    return None


def filler(unit: _Unit, context: _Context) -> str | None:
    words = unit.words
    if words[0] is not unit.tokens[0]:
        return None  # ", it said.": the tail of a quote's attribution
    if len(words) > lx.MAX_FILLER_WORDS or unit.last.text != "." or unit.near_quote or context.opinion:
        return None
    if any(t.pos in _CONTENT_POS or t.text[:1].isupper() and n > 0 for n, t in enumerate(words)):
        return None
    return f"a {len(words)}-word sentence that states nothing: filler"


def truncated(unit: _Unit, context: _Context) -> str | None:
    if unit.terminated or not unit.paragraph_end or len(unit.words) < lx.MIN_TRUNCATED_WORDS:
        return None
    last = unit.last
    if last.pos in lx.TRUNCATED_END_POS or last.lower in lx.TRUNCATED_END_WORDS:
        return f'the paragraph ends on "{last.text}" without a full stop: cut off mid-sentence'
    return None


RULES: tuple[tuple[str, Callable[[_Unit, _Context], str | None]], ...] = (
    ("inserted", first_person),
    ("inserted", question),
    ("garbled", lowercase_start),
    ("garbled", no_verb),
    ("garbled", no_subject),
    ("garbled", repeated),
    ("inserted", filler),
    ("truncated", truncated),
)

__all__ = ["RULES", "extract_flags"]
