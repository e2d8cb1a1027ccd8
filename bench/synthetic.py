"""Synthetic copies of BBC News articles with known ground truth (the generator of bench/provenance.py).

From the clean text of an original article this makes

* ``verbatim`` reprints: the same paragraphs, wrapped in site furniture;
* ``edited`` copies: sentences dropped, a paragraph cut, clauses trimmed, an
  editor's few wording changes, now and then a sentence split or two joined;
* ``spun`` copies, the way content farms' article spinners make them: most
  content words replaced by a random entry of a thesaurus whatever its sense
  (the LibreOffice English thesaurus of Debian's ``mythes-en-us``, which the
  linker never reads), fronted clauses moved to the end and trailing ones to
  the front, easy active sentences made passive, sentences split and joined,
  filler lines inserted, sentences garbled;
* ``partial`` copies: a verbatim or edited copy of only the first part of the
  source, as scrapes and feeds deliver them (gold verdict ``verbatim`` or
  ``edited``);
* ``summary`` copies: the lead and a few other sentences, reworded and joined.

Some originals are themselves scraped only in part (their page stops mid-text)
while their copies run to the end: the distortions of those copies are made
only in the part the source covers.

FactCC-style distortions go into the edited, partial-edited, spun and summary
copies: a number changed, a person's name changed, a role word changed,
negation added or removed, agent and target swapped, a quote's speaker
changed, a pronoun's gender changed, filler sentences inserted, sentences
dropped, a sentence garbled.

Ground truth is exact. Every word-level change is made through one function
(``_replace``) that records where it happened in the copy and where the replaced
text was in the source; moving clauses, splitting and joining sentences go
through one other (``_rearrange``), which carries the recorded changes along
with the text they sit in. So a distortion's spans are ``copy_text[start:end]``
and ``source_text[start:end]``. Offsets index the CLEAN texts: paragraphs with
whitespace collapsed, joined by a blank line — what the ingest stage leaves of
the page. The furniture is added afterwards by ``furnish`` and only with lines
the ingest cleaner removes, so the ingested article text is the clean text the
spans index (bench/provenance.py checks this article by article and counts any
that differ).

Changes that are not distortions (thesaurus swaps, an editor's wording, a
trimmed clause, a moved clause, a split or joined sentence, the omitted
sentences of a summary, the cut tail of a partial copy) are recorded too, as
``edits``: a comparer that reports them is making false reports.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from newstrace.link.text import sentences, words
from newstrace.model import DISTORTION_TYPES

import mythes
import synthetic_words as lexicon

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "bbc-news" / "bbc"
KINDS = ("verbatim", "edited", "spun", "partial", "summary")

# BBC News holds some articles twice (and a few near-twins). Originals whose word
# 5-shingles overlap another's above this Jaccard estimate are left out, so that
# two "unrelated" originals are never really copies of each other. 0.3 sits well
# above what two different BBC stories of one topic share (< 0.05 in a sample of
# 200 pairs) and below what a re-run story with a new intro shares.
NEAR_DUPLICATE_JACCARD = 0.3
SHINGLE = 5
PERMUTATIONS = 64

# The share of a sentence's content words (those with a thesaurus entry) a spinner
# replaces. Set so that a spun copy changes most content words, as the real spun
# pages of ../shared/data/real-copies do (read by hand: few content words of a
# sentence survive): at 0.7, spun copies of 150 BBC originals (seed 0) have a median
# 0.70 of their content words replaced (10th-90th percentile 0.61-0.76) and keep a
# median 0 of their sentences word for word (90th percentile 0.06).
SPIN_RATE = 0.7
# A summary is reworded less thoroughly than a spinner's output (the real summaries
# keep some of their source's phrases).
SUMMARY_SPIN_RATE = 0.5
# An editor's wording changes per edited copy (inclusive range).
EDITOR_TOUCHES = (1, 3)
# Distortions per distorted copy (inclusive range); a summary takes fewer.
DISTORTIONS_PER_COPY = (2, 4)
SUMMARY_DISTORTIONS = (1, 2)
# Distortions a summary can carry: it omits most sentences by design, so ``dropped``
# means nothing there, and its few sentences leave no room for filler or garble.
SUMMARY_DISTORTION_TYPES = ("number", "name", "role", "negation", "agent_swap", "attribution", "pronoun")
# Sentences of the source a summary keeps besides the lead (inclusive range).
SUMMARY_SENTENCES = (2, 4)
# A garbled sentence is a sentence of at least this many words, shuffled or broken.
GARBLE_MIN_WORDS = 6
# Chance that a spun copy gets one filler line more than its distortion quota asks for
# (real spun pages nearly always carry filler).
SPUN_EXTRA_FILLER = 0.5
# Per sentence: the chance a spinner tries to move a clause or flip the voice, to split
# it, and (per adjacent pair) to join two sentences; an editor splits and joins rarely.
# Chosen by reading the real spun pages (a few moved clauses and one or two joined or
# split sentences per page), not tuned on any score: on 150 BBC originals (seed 0) a
# spun copy gets 1.7 joins, 0.4 moved clauses, 0.2 splits and 0.1 voice flips on average.
SPUN_REORDER = 0.4
SPUN_SPLIT = 0.15
SPUN_MERGE = 0.15
EDITED_SPLIT = 0.05
EDITED_MERGE = 0.05
SUMMARY_MERGE = 0.4
# A partial copy keeps this share of its source's characters (then stops at a word
# boundary, mid-sentence as often as not); half of them are edited copies. The real
# partial pages are the first ~2,000 characters of longer articles; BBC articles are
# shorter, so the cut is a share rather than a length.
PARTIAL_SHARE = (0.35, 0.7)
PARTIAL_EDITED = 0.5
# The share of originals scraped only in part, and how much of their text is kept.
SCRAPED_IN_PART = 0.2
SCRAPED_SHARE = (0.5, 0.8)


# -- the originals ----------------------------------------------------------------------


@dataclass(frozen=True)
class Original:
    """One BBC article: its headline and clean text (as ingest leaves a plain-text page)."""

    key: str  # "business/001"
    topic: str
    title: str
    text: str


def clean_body(lines: list[str]) -> str:
    """Non-empty lines with whitespace collapsed, joined by a blank line: the ingest stage's text."""
    return "\n\n".join(" ".join(line.split()) for line in lines if line.strip())


def read_original(path: Path) -> Original:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    title_at = next(i for i, line in enumerate(lines) if line.strip())
    return Original(
        key=f"{path.parent.name}/{path.stem}",
        topic=path.parent.name,
        title=" ".join(lines[title_at].split()),
        text=clean_body(lines[title_at + 1 :]),
    )


def read_originals(folder: Path = DATA) -> list[Original]:
    """BBC articles in file order, near-duplicates (and same headlines) left out; [] if absent."""
    paths = sorted(folder.glob("*/*.txt"))
    originals = [read_original(path) for path in paths]
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=PERMUTATIONS)
    shingle_sets = [_shingles(original.text) for original in originals]
    signatures = MinHash.bulk(shingle_sets, num_perm=PERMUTATIONS, seed=1)
    kept, titles = [], set()
    for index, (original, signature) in enumerate(zip(originals, signatures)):
        if original.title.casefold() in titles or lsh.query(signature) or len(sentences(original.text)) < 4:
            continue
        lsh.insert(str(index), signature)
        titles.add(original.title.casefold())
        kept.append(original)
    return kept


def _shingles(text: str) -> list[bytes]:
    tokens = words(text)
    return [" ".join(tokens[i : i + SHINGLE]).encode() for i in range(max(1, len(tokens) - SHINGLE + 1))]



# -- ground truth -----------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """A distortion (``type`` in DISTORTION_TYPES) or an edit.

    Edits: ``spin`` (a thesaurus swap), ``wording`` (an editor's), ``trim``,
    ``reorder`` (a clause moved), ``voice`` (active made passive), ``split``,
    ``merge``, ``omitted`` (a sentence a summary leaves out), ``cut`` (the tail a
    partial copy lacks). ``copy`` and ``source`` are (start, end) offsets into the
    copy's and the source's clean text; ``copy`` is None for ``dropped``,
    ``omitted`` and ``cut``, ``source`` None for ``inserted``.
    """

    type: str
    copy: tuple[int, int] | None
    source: tuple[int, int] | None
    detail: str = ""

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "copy": list(self.copy) if self.copy else None,
            "source": list(self.source) if self.source else None,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Copy:
    """A copy's clean text, its kind, the verdict a comparer should give and its ground truth."""

    text: str
    kind: str  # one of KINDS
    verdict: str  # verbatim | edited | spun | summary
    distortions: tuple[Change, ...] = ()
    edits: tuple[Change, ...] = ()


# -- building a copy sentence by sentence ------------------------------------------------


@dataclass
class _Piece:
    """One sentence of the copy being built; ``changes`` hold offsets local to ``text``."""

    text: str
    source: tuple[int, int] | None  # where the sentence is in the source; None if inserted
    changes: list[Change] = field(default_factory=list)

    @property
    def distorted(self) -> bool:
        return any(change.type in DISTORTION_TYPES for change in self.changes)


@dataclass
class Draft:
    """A copy under construction: paragraphs of pieces, plus the changes without a copy span so far.

    ``covered`` is how much of the source text the comparer will see (all of it
    unless the source was scraped only in part): distortions go only into
    sentences that end inside it.
    """

    source_text: str
    paragraphs: list[list[_Piece]]
    removed: list[Change] = field(default_factory=list)
    covered: int = 0

    @classmethod
    def of(cls, text: str, covered: int | None = None) -> Draft:
        paragraphs: list[list[_Piece]] = []
        starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]
        for span in sentences(text):
            while len(paragraphs) < sum(1 for start in starts if start <= span.start):
                paragraphs.append([])
            paragraphs[-1].append(_Piece(span.text, (span.start, span.end)))
        return cls(text, [p for p in paragraphs if p], covered=len(text) if covered is None else covered)

    def pieces(self) -> Iterator[_Piece]:
        for paragraph in self.paragraphs:
            yield from paragraph

    def open_to_distortion(self, piece: _Piece) -> bool:
        """A sentence of the source, inside the covered part, not distorted yet."""
        return piece.source is not None and piece.source[1] <= self.covered and not piece.distorted

    def finish(self, kind: str, verdict: str) -> Copy:
        """The copy text with every change's spans made absolute."""
        parts: list[str] = []
        changes: list[Change] = list(self.removed)
        offset = 0
        for p_index, paragraph in enumerate(p for p in self.paragraphs if p):
            if p_index:
                parts.append("\n\n")
                offset += 2
            for s_index, piece in enumerate(paragraph):
                if s_index:
                    parts.append(" ")
                    offset += 1
                parts.append(piece.text)
                for change in piece.changes:
                    start, end = change.copy
                    changes.append(Change(change.type, (offset + start, offset + end), change.source, change.detail))
                offset += len(piece.text)
        order = sorted(changes, key=lambda c: (c.copy or c.source)[0])
        return Copy(
            text="".join(parts),
            kind=kind,
            verdict=verdict,
            distortions=tuple(c for c in order if c.type in DISTORTION_TYPES),
            edits=tuple(c for c in order if c.type not in DISTORTION_TYPES),
        )


def _to_source(piece: _Piece, position: int) -> int:
    """Where a position of the piece's text (outside any change) was in the source text."""
    shift = sum((c.copy[1] - c.copy[0]) - (c.source[1] - c.source[0]) for c in piece.changes if c.copy[1] <= position)
    return piece.source[0] + position - shift


def _free(piece: _Piece, start: int, end: int) -> bool:
    """True when [start, end) neither overlaps nor touches a change already made in the piece."""
    return piece.source is not None and all(end < c.copy[0] or start > c.copy[1] for c in piece.changes)


def _replace(piece: _Piece, start: int, end: int, new: str, kind: str, detail: str = "") -> bool:
    """Replace piece.text[start:end] by ``new`` and record the change with both spans."""
    if not _free(piece, start, end):
        return False
    source = (_to_source(piece, start), _to_source(piece, start) + (end - start))
    delta = len(new) - (end - start)
    moved = [
        Change(c.type, (c.copy[0] + delta, c.copy[1] + delta), c.source, c.detail) if c.copy[0] >= end else c
        for c in piece.changes
    ]
    piece.text = piece.text[:start] + new + piece.text[end:]
    piece.changes = sorted(moved + [Change(kind, (start, start + len(new)), source, detail)], key=lambda c: c.copy)
    return True


# A finder lists the changes it could make in one sentence: (start, end, replacement, detail).
Finder = Callable[[str, Draft], list[tuple[int, int, str, str]]]



# A finder lists the changes it could make in one sentence: (start, end, replacement, detail).
Finder = Callable[[str, Draft], list[tuple[int, int, str, str]]]


def _apply_one(draft: Draft, kind: str, finder: Finder, rng: random.Random) -> bool:
    """Make one change of ``kind`` at a random place the finder offers, in a sentence open to distortion."""
    options = [
        (piece, option)
        for piece in draft.pieces()
        if draft.open_to_distortion(piece)
        for option in finder(piece.text, draft)
        if _free(piece, option[0], option[1])
    ]
    rng.shuffle(options)
    for piece, (start, end, new, detail) in options:
        if _replace(piece, start, end, new, kind, detail):
            return True
    return False


# -- finders: where each distortion can be made --------------------------------------------

# A capitalised name of up to four words; a possessive "'s" is not part of it.
_NAME = r"[A-Z][\w&-]*(?: (?:of |de |van |von )?[A-Z][\w&-]*){0,3}"
_NAME_RE = re.compile(rf"\b{_NAME}")
# A person: a known first name or an honorific, then a surname ("Tony Blair", "Mr Blair").
_PERSON = re.compile(
    rf"\b({'|'.join(sorted(lexicon.FIRST_NAMES | lexicon.HONORIFICS))}) ([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)\b"
)
_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?!\d)")
_SPEECH = rf"(?:{'|'.join(lexicon.SPEECH_VERBS)})"
_ROLE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, lexicon.ROLES), key=len, reverse=True)) + r")\b", re.I)
_PRONOUN = re.compile(r"\b(" + "|".join(lexicon.PRONOUNS) + r")\b", re.I)
_AUX = "|".join(lexicon.AUXILIARIES)
_ADD_NOT = re.compile(rf"\b({_AUX}) (?!not\b|never\b|no\b|to\b)([a-z]+)\b")
_PERFECT_AFTER_HAVE = re.compile(r"(?:\w+ed|\w+en|been|made|said|won|lost|seen|had|done|got|put|set|cut|hit|left|told|paid|sold|bought|brought|found|held|kept|led|met|run|spent|become)$")
_REMOVE_NOT = re.compile(rf"\b({_AUX}) not\b")
_CONTRACTED = {
    "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "hasn't": "has", "haven't": "have",
    "hadn't": "had", "won't": "will", "wouldn't": "would", "couldn't": "could", "can't": "can",
    "shouldn't": "should", "didn't": "did", "doesn't": "does", "don't": "do",
}
_CONTRACTION = re.compile(r"\b(" + "|".join(re.escape(c) for c in _CONTRACTED) + r")\b")
_PARTICIPLE = r"(?:\w+(?:ed|en)|bought|brought|caught|held|led|made|won|sold|told|paid|kept|set|hit|cut|run|hurt|shown)"
_BY_AGENT = re.compile(rf"\b{_PARTICIPLE} by (?:the )?({_NAME})")
_AGENT_VERB = re.compile(rf"(?<=[\w.’'] )({'|'.join(sorted(lexicon.AGENT_VERBS))}) (?=[A-Z])")
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w&'’-]* )*[A-Z][\w&'’-]* $")


def _is_name(text: str) -> bool:
    return text.split()[0] not in lexicon.NOT_NAMES


@cache  # asked once per sentence of the same article
def _names_in(text: str) -> tuple[str, ...]:
    """Capitalised names written mid-sentence in the source (not a sentence's first word).

    A one-word name must occur twice: a lone capitalised word is as often a
    quoted title or an odd capital as a name.
    """
    found: list[str] = []
    for match in _NAME_RE.finditer(text):
        before = text[max(0, match.start() - 2) : match.start()]
        name = match.group()
        if (
            match.start()
            and not re.search(r"[.!?\n]\s*$|^\s*$", before)
            and _is_name(name)
            and name not in lexicon.NATIONALITIES
            and name not in lexicon.NOT_AGENTS
            and not name.endswith(lexicon.ADJECTIVE_ENDINGS)
            and (" " in name or len(re.findall(rf"\b{re.escape(name)}\b", text)) > 1)
            and name not in found
        ):
            found.append(name)
    return tuple(found)


@cache
def _people_in(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group() for m in _PERSON.finditer(text) if _is_person(m)))


def _is_person(match: re.Match) -> bool:
    return match.group(2) not in lexicon.ORGANISATION_WORDS


def _speaker_context(text: str, start: int, end: int) -> bool:
    """True when the name at [start, end) is the speaker of a direct or reported quote: a speech verb beside it.

    "said Helen Marsh", "Helen Marsh said that...", "Helen Marsh, however, warned", "Helen Marsh, the
    harbour master, told reporters".
    """
    before, after = text[max(0, start - 40) : start], text[end : end + 160]
    return bool(
        re.search(rf"\b{_SPEECH}\W+(?:\w+\W+){{0,2}}$", before)
        or re.match(rf"(?:,[^,.;]{{1,120}},)?\W*(?:\w+\W+){{0,1}}{_SPEECH}\b", after)
    )


def _other_person(draft: Draft, name: str, rng: random.Random) -> str:
    """Another person of the same article, else the same first name (or title) with a surname absent from it.

    "Mr Blair" becomes "Mr" + another person's surname: the honorific stays.
    """
    first, surname = name.split()[0], name.split()[-1]
    others = [p.split()[-1] if first in lexicon.HONORIFICS else p for p in _people_in(draft.source_text)]
    others = [p for p in others if p.split()[-1] != surname and not p.startswith(tuple(lexicon.HONORIFICS))]
    if others and rng.random() < 0.5:
        other = rng.choice(others)
        return f"{first} {other}" if first in lexicon.HONORIFICS else other
    fresh = [s for s in lexicon.SURNAMES if s not in draft.source_text]
    return f"{first} {rng.choice(fresh)}"


def find_numbers(text: str, _draft: Draft) -> list[tuple[int, int, str, str]]:
    out = []
    for match in _NUMBER.finditer(text):
        new = _changed_number(match.group())
        if new != match.group():
            out.append((match.start(), match.end(), new, f"{match.group()} -> {new}"))
    return out


def _changed_number(number: str) -> str:
    """A different number of the same shape: digits reversed (31 -> 13), else the last digit changed."""
    digits = re.sub(r"\D", "", number)
    if len(digits) == 4 and digits[:2] in ("19", "20"):  # a year: a nearby year
        return str(int(digits) + (1 if digits[-1] != "9" else -1))
    reversed_digits = digits[::-1]
    if len(digits) >= 2 and reversed_digits != digits and reversed_digits[0] != "0" and "." not in number and "," not in number:
        return reversed_digits
    return number[:-1] + str((int(number[-1]) + 3) % 10)


def _person_finder(speaker: bool, rng: random.Random) -> Finder:
    """Names of people outside (``name``) or as (``attribution``) a quote's speaker."""

    def find(text: str, draft: Draft) -> list[tuple[int, int, str, str]]:
        out = []
        for match in _PERSON.finditer(text):
            if _is_person(match) and _speaker_context(text, match.start(), match.end()) == speaker:
                new = _other_person(draft, match.group(), rng)
                out.append((match.start(), match.end(), new, f"{match.group()} -> {new}"))
        return out

    return find


def _table_finder(pattern: re.Pattern, table: dict[str, str]) -> Finder:
    """Words of ``table`` put in place of each other; a capitalised word gets a capitalised one
    ("Chief Executive" -> "Finance Director", "She" -> "He")."""

    def find(text: str, _draft: Draft) -> list[tuple[int, int, str, str]]:
        out = []
        for match in pattern.finditer(text):
            word = match.group()
            new = table[word.lower()]
            new = new.title() if word[0].isupper() else new
            out.append((match.start(), match.end(), new, f"{word} -> {new}"))
        return out

    return find


find_roles = _table_finder(_ROLE, lexicon.ROLES)
find_pronouns = _table_finder(_PRONOUN, lexicon.PRONOUNS)


def find_negations(text: str, _draft: Draft) -> list[tuple[int, int, str, str]]:
    out = []
    for match in _ADD_NOT.finditer(text):
        aux, following = match.groups()
        if aux in ("has", "have", "had") and not _PERFECT_AFTER_HAVE.search(following):
            continue
        out.append((match.start(1), match.end(1), f"{aux} not", "negation added"))
    for match in _REMOVE_NOT.finditer(text):
        out.append((match.start(), match.end(), match.group(1), "negation removed"))
    for match in _CONTRACTION.finditer(text):
        out.append((match.start(), match.end(), _CONTRACTED[match.group()], "negation removed"))
    return out


def _agent_finder(rng: random.Random) -> Finder:
    """'X beat Y' -> 'Y beat X', and 'held by X' -> 'held by Z' (Z another name of the article)."""

    def find(text: str, draft: Draft) -> list[tuple[int, int, str, str]]:
        out = []
        for match in _AGENT_VERB.finditer(text):
            before = _CAPITALISED_RUN.search(text, 0, match.start())
            after = _NAME_RE.match(text, match.end())
            if not before or not after:
                continue
            agent_words = before.group().split()
            while agent_words and agent_words[0] in lexicon.NOT_NAMES:  # "On Saturday Chelsea" -> "Chelsea"
                agent_words.pop(0)
            agent, verb, target = " ".join(agent_words), match.group(1), after.group()
            if agent and _is_name(target) and agent != target:
                start = match.start() - 1 - len(agent)
                out.append((start, after.end(), f"{target} {verb} {agent}", f"{agent} <-> {target}"))
        names = _names_in(draft.source_text)
        people = set(_people_in(draft.source_text))
        for match in _BY_AGENT.finditer(text):
            agent = match.group(1)
            # A person's place goes to another person, an organisation's or country's to another such name.
            others = [n for n in names if n not in agent and agent not in n and (n in people) == (agent in people)]
            if _is_name(agent) and others:
                new = rng.choice(others)
                out.append((match.start(1), match.end(1), new, f"by {agent} -> by {new}"))
        return out

    return find



# -- garbled sentences ------------------------------------------------------------------------


def garble(text: str, rng: random.Random) -> tuple[str, str]:
    """The sentence's words made ungrammatical, the way spun pages garble: shuffled, or broken in two.

    Shuffled: a verbless-looking jumble. Broken: a full stop put in mid-sentence
    and the tail's two halves swapped ("After doing this, there was a stop. In
    conflict and other releases."). Either way every word is kept; the result
    starts with a capital and ends with a full stop. Returns the text and which
    of the two it is ("words shuffled" or "sentence broken").
    """
    tokens = text.rstrip(".!?\"”").split()
    if rng.random() < 0.5:
        shuffled = tokens[:]
        for _attempt in range(10):
            rng.shuffle(shuffled)
            if shuffled != tokens:
                break
        joined, how = " ".join(shuffled), "words shuffled"
    else:
        cut = rng.randint(len(tokens) // 3, max(len(tokens) // 3, 2 * len(tokens) // 3))
        turn = rng.randint(cut + 1, len(tokens) - 1) if len(tokens) - cut > 1 else len(tokens)
        tail = tokens[turn:] + tokens[cut:turn]
        joined = " ".join(tokens[:cut]).rstrip(",;:") + ". " + _upper_first(" ".join(tail))
        how = "sentence broken"
    return _upper_first(joined) + ".", how


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- distortions and edits on a draft -------------------------------------------------------


def drop_sentence(draft: Draft, rng: random.Random) -> bool:
    """Remove one untouched sentence (never the first); a ``dropped`` change with the source span."""
    candidates = [
        (paragraph, piece)
        for index, paragraph in enumerate(draft.paragraphs)
        for position, piece in enumerate(paragraph)
        if (index or position) and draft.open_to_distortion(piece) and not piece.changes
    ]
    if not candidates:
        return False
    paragraph, piece = rng.choice(candidates)
    paragraph.remove(piece)
    draft.removed.append(Change("dropped", None, piece.source, piece.text))
    return True


def cut_paragraph(draft: Draft, rng: random.Random) -> bool:
    """Remove a whole untouched paragraph (not the first): one ``dropped`` per sentence."""
    candidates = [
        p for p in draft.paragraphs[1:] if p and all(not piece.changes and draft.open_to_distortion(piece) for piece in p)
    ]
    if len(candidates) < 2:
        return False
    paragraph = rng.choice(candidates)
    for piece in paragraph:
        draft.removed.append(Change("dropped", None, piece.source, piece.text))
    paragraph.clear()
    return True


def insert_filler(draft: Draft, rng: random.Random) -> bool:
    """Put a filler line after a sentence of the covered part (or as a paragraph of its own)."""
    unused = [f for f in lexicon.FILLERS if all(f != piece.text for piece in draft.pieces())]
    places = [
        (paragraph, position)
        for paragraph in draft.paragraphs
        for position, piece in enumerate(paragraph, start=1)
        if piece.source is not None and piece.source[1] <= draft.covered
    ]
    if not unused or not places:
        return False
    filler = rng.choice(unused)
    piece = _Piece(filler, None, [Change("inserted", (0, len(filler)), None, filler)])
    paragraph, position = rng.choice(places)
    if rng.random() < 0.25 and position == len(paragraph):
        draft.paragraphs.insert(draft.paragraphs.index(paragraph) + 1, [piece])
    else:
        paragraph.insert(position, piece)
    return True


def garble_sentence(draft: Draft, rng: random.Random) -> bool:
    """Garble one sentence; thesaurus swaps already made in it are part of the garbled text."""
    candidates = [
        p
        for p in draft.pieces()
        if draft.open_to_distortion(p)
        and all(c.type == "spin" for c in p.changes)
        and len(p.text.split()) >= GARBLE_MIN_WORDS
    ]
    if not candidates:
        return False
    piece = rng.choice(candidates)
    new, how = garble(piece.text, rng)
    piece.text, piece.changes = new, [Change("garbled", (0, len(new)), piece.source, how)]
    return True


def distort(draft: Draft, kind: str, rng: random.Random) -> bool:
    """Make one distortion of ``kind`` (a DISTORTION_TYPES name); False when the text offers no place."""
    if kind == "dropped":
        return drop_sentence(draft, rng)
    if kind == "inserted":
        return insert_filler(draft, rng)
    if kind == "garbled":
        return garble_sentence(draft, rng)
    finders: dict[str, Finder] = {
        "number": find_numbers,
        "name": _person_finder(False, rng),
        "attribution": _person_finder(True, rng),
        "role": find_roles,
        "negation": find_negations,
        "agent_swap": _agent_finder(rng),
        "pronoun": find_pronouns,
    }
    return _apply_one(draft, kind, finders[kind], rng)


_TRIM = re.compile(r", (?:which|who|while|although|as|after|before|where|but) [^,]+?(?=[.!?][\"”]?$)")


def trim_clause(draft: Draft, rng: random.Random) -> bool:
    """Cut a trailing subordinate clause (", which ...") from one sentence: an edit, not a distortion."""
    options = [(p, m) for p in draft.pieces() if p.source and not p.changes for m in _TRIM.finditer(p.text)]
    if not options:
        return False
    piece, match = rng.choice(options)
    return _replace(piece, match.start(), match.end(), "", "trim", match.group())


# -- the spinner: thesaurus swaps -------------------------------------------------------------

# A plain word (no apostrophe or hyphen around it: "won" in "won't" is not the verb).
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])")
# Words the spinner never replaces and never puts in: function words, factual words, the
# distortion finders' words (pronouns, auxiliaries, role nouns, speech verbs).
_KEPT = (
    lexicon.STOP_WORDS
    | lexicon.KEPT_WORDS
    | set(lexicon.PRONOUNS)
    | set(lexicon.AUXILIARIES)
    | set(lexicon.SPEECH_VERBS)
    | {word for role in [*lexicon.ROLES, *lexicon.ROLES.values()] for word in re.split(r"[ -]", role)}
)
_PAST_OF = lexicon.IRREGULAR_PAST
_VERB_OF_PAST = {past: verb for verb, past in _PAST_OF.items()}


def thesaurus() -> mythes.Thesaurus:
    """The spinner's thesaurus; the benchmark cannot run without it."""
    found = mythes.english()
    if found is None:
        raise RuntimeError(
            f"the spinner's thesaurus is missing ({mythes.EN_US}.dat/.idx): install Debian's mythes-en-us "
            "(./dev setup does it where apt-get is available)"
        )
    return found


def readings(word: str) -> list[tuple[str, str]]:
    """(dictionary form, inflection) pairs ``word`` may be: inflection "", "s", "ed" or "ing"."""
    found = [(word, "")]
    if word in _VERB_OF_PAST:
        found.append((_VERB_OF_PAST[word], "ed"))
    for suffix, inflection, endings in (
        ("ies", "s", ("y",)), ("es", "s", ("",)), ("s", "s", ("",)),
        ("ied", "ed", ("y",)), ("ed", "ed", ("", "e")), ("ing", "ing", ("", "e")),
    ):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 2 and not word.endswith("ss"):
            found += [(stem + ending, inflection) for ending in endings]
            if inflection in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:  # "planned" -> "plan"
                found.append((stem[:-1], inflection))
    return found


# The parts of speech a word may take with each inflection ("-ed" and "-ing" forms are verbs).
_POS_OF_INFLECTION = {"": ("noun", "verb", "adj", "adv"), "s": ("noun", "verb"), "ed": ("verb",), "ing": ("verb",)}


def inflect(term: str, inflection: str, pos: str) -> str:
    """``term`` (a dictionary form, maybe several words) with ``inflection`` put on its head word.

    A verb's head is its first word ("take off" -> "took off"), a noun's its last
    ("stock market" -> "stock markets"). Regular rules with a table of irregular
    pasts; a spinner's odd forms are part of what it produces.
    """
    if not inflection:
        return term
    parts = term.split()
    at = 0 if pos == "verb" else len(parts) - 1
    head = parts[at]
    if inflection == "s":
        if head.endswith(("s", "x", "z", "ch", "sh")):
            head += "es"
        elif head.endswith("y") and head[-2:-1] not in "aeiou":
            head = head[:-1] + "ies"
        else:
            head += "s"
    elif inflection == "ed":
        if head in _PAST_OF:
            head = _PAST_OF[head]
        elif head.endswith("e"):
            head += "d"
        elif head.endswith("y") and head[-2:-1] not in "aeiou":
            head = head[:-1] + "ied"
        else:
            head += "ed"
    elif head.endswith("ie"):
        head = head[:-2] + "ying"
    elif head.endswith("e") and not head.endswith("ee"):
        head = head[:-1] + "ing"
    else:
        head += "ing"
    parts[at] = head
    return " ".join(parts)


def _usable(term: mythes.Term, word: str) -> bool:
    """A term a spinner may put in: a synonym or a broader word, lower case, up to three words, no kept word."""
    return (
        term.relation in ("", "similar term", "generic term")
        and term.text != word
        and re.fullmatch(r"[a-z]+(?:[ -][a-z]+){0,2}", term.text) is not None
        and not any(part in _KEPT for part in re.split(r"[ -]", term.text))
    )


def replacements(word: str, closest: bool = False) -> list[list[str]]:
    """What a thesaurus offers for ``word`` (lower case), inflected like it: one list per sense.

    A spinner takes the senses of the first dictionary form of the word that has
    any, in every part of speech the inflection allows, and per sense its
    synonyms, else its broader words: it then draws a sense at random, ignoring
    which one the text meant. An editor (``closest``) gets the first sense's
    one-word synonyms only.
    """
    if word in _KEPT or len(word) < 3:
        return []
    book = thesaurus()
    for lemma, inflection in readings(word):
        if lemma in _KEPT:
            return []
        senses = [s for s in book.senses(lemma) if s.pos in _POS_OF_INFLECTION[inflection]]
        if not senses:
            continue
        options = []
        for sense in senses[:1] if closest else senses:
            usable = [t for t in sense.terms if _usable(t, lemma)]
            synonyms = [t for t in usable if t.relation != "generic term"]
            chosen = [t for t in synonyms if " " not in t.text] if closest else synonyms or usable
            terms = [inflect(t.text, inflection, sense.pos) for t in chosen]
            options.append([term for term in dict.fromkeys(terms) if term != word])
        return [terms for terms in options if terms]
    return []


def spin_words(draft: Draft, rng: random.Random, rate: float) -> int:
    """Replace a share ``rate`` of the content words by a random thesaurus entry; returns how many.

    Lower-case words only, and the first word of a sentence: a capitalised word
    inside a sentence is a name. Each swap is a ``spin`` edit.
    """
    done = 0
    for piece in draft.pieces():
        if piece.source is None:
            continue
        # Right to left, so the positions found stay valid as words change length.
        for match in reversed(list(_WORD.finditer(piece.text))):
            word = match.group()
            opener = match.start() == 0 and word[1:].islower() and not re.match(r" [A-Z]", piece.text[match.end() :])
            if not (word.islower() or opener):  # a capitalised word is a name, and so is "Time" in "Time Warner"
                continue
            senses = replacements(word.lower())
            if not senses or rng.random() >= rate:
                continue
            new = rng.choice(rng.choice(senses))
            new = _upper_first(new) if word[0].isupper() else new
            done += _replace(piece, match.start(), match.end(), new, "spin", f"{word} -> {new}")
    return done


def edit_wording(draft: Draft, rng: random.Random, touches: int) -> int:
    """An editor's ``touches`` wording changes: a word replaced by a close synonym (``wording`` edits)."""
    places = [
        (number, match)
        for number, piece in enumerate(draft.pieces())
        if piece.source is not None
        for match in _WORD.finditer(piece.text)
        if match.group().islower() and replacements(match.group(), closest=True)
    ]
    pieces = list(draft.pieces())
    done = 0
    # Right to left within a piece, so the positions found stay valid.
    for number, match in sorted(rng.sample(places, min(touches, len(places))), key=lambda p: (p[0], -p[1].start())):
        (synonyms,) = replacements(match.group(), closest=True)
        new = rng.choice(synonyms)
        done += _replace(pieces[number], match.start(), match.end(), new, "wording", f"{match.group()} -> {new}")
    return done


# -- the spinner: clauses moved, voice flipped, sentences split and joined ---------------------

# A segment of a piece's text, (start, end, case): case "upper"/"lower" rewrites its first letter.
Segment = tuple[int, int, str | None]


def _rearrange(piece: _Piece, layout: list[Segment | str], kind: str, detail: str) -> bool:
    """Rebuild the piece's text from its own segments and literal strings; record a ``kind`` edit.

    Every change already made moves with the segment holding it. Nothing is done
    (False) when a change is not inside one segment (it would be cut or lost), or
    when a new capital or small letter would fall on a changed word (its recorded
    text would no longer match).
    """
    text, changes, placed = [], [], set()
    position = 0
    for part in layout:
        if isinstance(part, str):
            text.append(part)
            position += len(part)
            continue
        start, end, case = part
        chunk = piece.text[start:end]
        if case and chunk:
            first = chunk[0].upper() if case == "upper" else chunk[0].lower()
            if first != chunk[0] and any(c.copy[0] <= start < c.copy[1] for c in piece.changes):
                return False
            chunk = first + chunk[1:]
        for index, change in enumerate(piece.changes):
            if index not in placed and start <= change.copy[0] and change.copy[1] <= end:
                placed.add(index)
                moved = (change.copy[0] - start + position, change.copy[1] - start + position)
                changes.append(Change(change.type, moved, change.source, change.detail))
        text.append(chunk)
        position += len(chunk)
    if len(placed) < len(piece.changes):
        return False
    piece.text = "".join(text)
    piece.changes = sorted(changes + [Change(kind, (0, len(piece.text)), piece.source, detail)], key=lambda c: c.copy)
    return True


def _lower_opener(text: str, start: int) -> str | None:
    """"lower" when the word at ``start`` may lose its capital ("The", "It"), else None (a name)."""
    word = re.match(r"[\w'’]+", text[start:])
    return "lower" if word and word.group() in lexicon.LOWERABLE_OPENERS else None


_FRONTED = re.compile(rf"^(?:{'|'.join(lexicon.FRONTED_OPENERS)})\b[^,\"“”]{{3,70}}, (?=[^\"“”]+[.!]$)")
_TRAILING = re.compile(rf", (?:{'|'.join(lexicon.TRAILING_OPENERS)})\b[^,\"“”]{{3,70}}(?=[.!]$)")
# "<subject> <verb>ed <the object> [<rest>]." with a short subject: an article phrase or a name.
_ACTIVE = re.compile(
    r"^(?P<subject>(?:The|A|An) (?:[a-z-]+ ){0,2}[a-z-]+|(?:[A-Z][\w&'-]+ ){0,2}[A-Z][\w&'-]+) "
    r"(?P<verb>[a-z]+ed) (?P<object>(?:the|a|an|its|their|his|her|\d)[^,;:\"“”()]{2,60}?)"
    r"(?P<rest> (?:in|on|at|for|with|after|before|from|over|during|last|this|by|to|as)\b[^\"“”]*)?[.!]$"
)


def move_clause(piece: _Piece) -> bool:
    """A fronted clause moved to the end ("In 2004, the firm grew." -> "The firm grew in 2004."),
    else a trailing one to the front ("Sales fell, after ..." -> "After ..., sales fell.")."""
    text = piece.text
    fronted = _FRONTED.match(text)
    if fronted:
        comma = fronted.end() - 2
        layout = [(fronted.end(), len(text) - 1, "upper"), " ", (0, comma, "lower"), (len(text) - 1, len(text), None)]
        return _rearrange(piece, layout, "reorder", "fronted clause moved to the end")
    trailing = _TRAILING.search(text)
    if trailing and trailing.start() > 20:
        clause = (trailing.start() + 2, trailing.end(), "upper")
        layout = [clause, ", ", (0, trailing.start(), _lower_opener(text, 0)), (trailing.end(), len(text), None)]
        return _rearrange(piece, layout, "reorder", "trailing clause moved to the front")
    return False


def flip_voice(piece: _Piece) -> bool:
    """"The council approved the plan on Monday." -> "The plan was approved by the council on Monday."."""
    match = _ACTIVE.match(piece.text)
    if not match or match.group("verb") in lexicon.NO_PASSIVE or match.group("subject").lower() in lexicon.PRONOUNS:
        return False
    head = match.group("object").split()[-1]
    be = " were " if head.endswith("s") and not head.endswith("ss") else " was "
    subject = (match.start("subject"), match.end("subject"), _lower_opener(piece.text, 0))
    rest_end = match.end("rest") if match.group("rest") else match.end("object")
    layout = [
        (match.start("object"), match.end("object"), "upper"), be, (match.start("verb"), match.end("verb"), None),
        " by ", subject, (match.end("object"), rest_end, None), (rest_end, len(piece.text), None),
    ]
    return _rearrange(piece, layout, "voice", "active made passive")


_JOIN = re.compile(r"(?:, (?=(?:and|but|while|as)\b)|; )")


def split_sentence(piece: _Piece) -> bool:
    """"A rose, and B fell." -> "A rose. And B fell." at a join near the middle."""
    text = piece.text
    joins = [m for m in _JOIN.finditer(text) if 0.3 < m.start() / len(text) < 0.7 and '"' not in text and "“" not in text]
    if not joins:
        return False
    join = joins[0]
    layout = [(0, join.start(), None), ". ", (join.end(), len(text), "upper")]
    return _rearrange(piece, layout, "split", "sentence split in two")


def merge_sentences(first: _Piece, second: _Piece, rng: random.Random) -> _Piece | None:
    """The two sentences as one ("A. The B." -> "A, and the B."), or None when they cannot be joined."""
    if not first.text.endswith(".") or first.source is None or second.source is None:
        return None
    gap = len(first.text) + 1
    both = _Piece(
        first.text + " " + second.text,
        (first.source[0], second.source[1]),
        first.changes + [Change(c.type, (c.copy[0] + gap, c.copy[1] + gap), c.source, c.detail) for c in second.changes],
    )
    joiner = rng.choice([", and ", "; ", ", while ", " and "])
    layout = [(0, gap - 2, None), joiner, (gap, len(both.text), _lower_opener(both.text, gap))]
    return both if _rearrange(both, layout, "merge", "two sentences joined") else None


def restructure(draft: Draft, rng: random.Random, reorder: float, split: float, merge: float) -> None:
    """Move clauses, flip voice and split sentences (each with its chance per sentence), then join
    neighbours (``merge`` per pair). Each piece is restructured at most once, after every word change."""
    for piece in list(draft.pieces()):
        if piece.source is None or any(c.type in RESTRUCTURES for c in piece.changes):
            continue
        if rng.random() < reorder and (move_clause(piece) or flip_voice(piece)):
            continue
        if rng.random() < split:
            split_sentence(piece)
    for paragraph in draft.paragraphs:
        index = 0
        while index < len(paragraph) - 1:
            first, second = paragraph[index], paragraph[index + 1]
            untouched = not any(c.type in RESTRUCTURES for c in first.changes + second.changes)
            merged = merge_sentences(first, second, rng) if untouched and rng.random() < merge else None
            if merged:
                paragraph[index : index + 2] = [merged]
            index += 1


RESTRUCTURES = ("reorder", "voice", "split", "merge")


# -- partial copies and summaries -------------------------------------------------------------


def cut_point(text: str, rng: random.Random, share: tuple[float, float]) -> int:
    """Where a scrape stops: after a share of the text, at a word boundary, mid-sentence half the time."""
    at = int(len(text) * rng.uniform(*share))
    if rng.random() < 0.5:
        ends = [s.end for s in sentences(text) if s.end <= at]
        if ends and ends[-1] > 0:
            return ends[-1]
    space = text.rfind(" ", 0, at)
    return space if space > 0 else len(text)


def omit_sentences(draft: Draft, rng: random.Random) -> None:
    """Keep the lead and a few sentences of the covered part in one or two paragraphs (a summary);
    the rest are ``omitted`` edits."""
    pieces = list(draft.pieces())
    later = [p for p in pieces[1:] if p.source[1] <= draft.covered]
    kept = [pieces[0], *sorted(rng.sample(later, min(len(later), rng.randint(*SUMMARY_SENTENCES))), key=pieces.index)]
    for piece in pieces:
        if piece not in kept:
            draft.removed.append(Change("omitted", None, piece.source, piece.text))
    half = rng.randint(1, len(kept)) if rng.random() < 0.5 else len(kept)
    draft.paragraphs = [p for p in (kept[:half], kept[half:]) if p]


# -- a copy -------------------------------------------------------------------------------------


def make_copy(
    text: str, kind: str, distortions: list[str], rng: random.Random, count: int | None = None, covered: int | None = None
) -> Copy:
    """A copy of a clean text: ``kind`` in KINDS, then distortions of the listed types.

    The types are tried in order until ``count`` (default: all) were made; a
    type that finds no place in the text is skipped. Distortions go only into
    sentences ending inside ``covered`` (the part of the source a comparer
    sees). An edited copy also loses a sentence and maybe a paragraph
    (``dropped``); a spun one often gets a filler line more. A verbatim copy
    takes no distortions (with one it would be an edited copy). The copy's
    ``distortions`` say what was made, its ``verdict`` what a comparer should say.
    """
    verdict = kind
    removed = []
    if kind == "partial":
        cut = cut_point(text, rng, PARTIAL_SHARE)
        removed.append(Change("cut", None, (cut, len(text)), "the copy stops here"))
        text, covered = text[:cut], min(cut, len(text) if covered is None else covered)
        verdict = "edited" if rng.random() < PARTIAL_EDITED else "verbatim"
    draft = Draft.of(text, covered)
    draft.removed += removed
    if kind == "summary":
        omit_sentences(draft, rng)
        distortions = [d for d in distortions if d in SUMMARY_DISTORTION_TYPES]
    if verdict == "edited":
        trim_clause(draft, rng)
        drop_sentence(draft, rng)
        if rng.random() < 0.5:
            cut_paragraph(draft, rng)
    garble_later = False
    if verdict != "verbatim":
        wanted = len(distortions) if count is None else count
        made = 0
        for distortion in distortions:
            if made >= wanted:
                break
            if distortion == "garbled":  # made last, over the spun words, as a spinner's broken output is
                garble_later, made = True, made + 1
            else:
                made += distort(draft, distortion, rng)
        if kind == "spun" and rng.random() < SPUN_EXTRA_FILLER:
            insert_filler(draft, rng)
    if kind == "spun":
        spin_words(draft, rng, SPIN_RATE)
        restructure(draft, rng, SPUN_REORDER, SPUN_SPLIT, 0)
    elif kind == "summary":
        spin_words(draft, rng, SUMMARY_SPIN_RATE)
    elif verdict == "edited":
        edit_wording(draft, rng, rng.randint(*EDITOR_TOUCHES))
    if garble_later:
        garble_sentence(draft, rng)
    if kind == "spun":
        restructure(draft, rng, 0, 0, SPUN_MERGE)
    elif kind == "summary":
        restructure(draft, rng, 0, 0, SUMMARY_MERGE)
    elif verdict == "edited":
        restructure(draft, rng, 0, EDITED_SPLIT, EDITED_MERGE)
    return draft.finish(kind, verdict)


# -- the page around the text ----------------------------------------------------------------


def furnish(title: str, text: str, verdict: str, related: list[str], rng: random.Random) -> str:
    """A scraped page: site furniture, the headline repeated, the text, a related-links block.

    Every line added is one the ingest cleaner removes, so cleaning the page
    gives back ``text`` exactly.
    """
    top = rng.sample(lexicon.FURNITURE_TOP, rng.randint(1, 3))
    lines = top[:1] + [title] * rng.randint(1, 3) + top[1:]
    paragraphs = text.split("\n\n")
    if verdict == "verbatim" and len(paragraphs) > 2:  # a reprint site's mid-article ad slot
        paragraphs.insert(rng.randint(1, len(paragraphs) - 1), "Advertisement")
    lines += paragraphs
    lines.append(rng.choice(lexicon.FURNITURE_BOTTOM[:2]))
    if related:
        lines += [lexicon.RELATED_HEADING, *related]
    lines += rng.sample(lexicon.FURNITURE_BOTTOM[2:], rng.randint(1, 3))
    return "\n".join(lines) + "\n"


def link_line(title: str) -> bool:
    """A headline fit for a related-links block: short and not ending like a sentence."""
    return len(title.split()) <= 12 and not re.search(r"[.!?:;\"'”’)]\s*$", title)


# -- a corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One synthetic article: the page to ingest and its ground truth."""

    url: str
    site: str
    title: str
    published: str
    page: str  # the raw page text (with furniture)
    text: str  # the clean text the spans index
    role: str  # "original" | "distractor" | one of KINDS
    topic: str
    source_url: str | None = None
    verdict: str | None = None  # what a comparer should say of a copy (its Copy.verdict)
    distortions: tuple[Change, ...] = ()
    edits: tuple[Change, ...] = ()
    scraped_in_part: bool = False  # an original whose page stops before its text does

    def to_jsonl(self) -> dict:
        return {"url": self.url, "site": self.site, "title": self.title, "published": self.published, "text": self.page}

    def gold(self) -> dict:
        return {
            "url": self.url,
            "role": self.role,
            "topic": self.topic,
            "source": self.source_url,
            "verdict": self.verdict,
            "scraped_in_part": self.scraped_in_part,
            "distortions": [d.to_dict() for d in self.distortions],
            "edits": [e.to_dict() for e in self.edits],
        }


def build_corpus(originals: list[Original], sources: int, distractors: int, seed: int = 0) -> list[Record]:
    """``sources`` originals with one copy of each kind, plus ``distractors`` unrelated originals.

    A share of the originals (SCRAPED_IN_PART) is stored only in part, as a
    scrape that stopped early; their copies run on. Distractors are drawn from
    the same topics (hard negatives). Originals are published a day apart, each
    copy 2 to 72 hours after its original. The records come in a shuffled order
    (a copy may arrive before its original): ingest them in that order.
    """
    rng = random.Random(seed)
    pool = originals[:]
    rng.shuffle(pool)
    chosen, others = pool[:sources], pool[sources : sources + distractors]
    headlines = [o.title for o in pool[sources + distractors :] if link_line(o.title)] or ["More news"]
    start = datetime(2005, 1, 3, 8, 0)
    made: Counter[str] = Counter()
    records: list[Record] = []
    for index, original in enumerate(chosen):
        published = start + timedelta(days=index, minutes=rng.randint(0, 600))
        url = f"https://news.bbc.example/{original.key}"
        in_part = rng.random() < SCRAPED_IN_PART
        covered = cut_point(original.text, rng, SCRAPED_SHARE) if in_part else len(original.text)
        scraped = Original(original.key, original.topic, original.title, original.text[:covered])
        records.append(
            Record(url, "news.bbc.example", original.title, published.isoformat(), page_of(scraped), scraped.text,
                   "original", original.topic, scraped_in_part=in_part)
        )
        for kind in KINDS:
            # The rarest types so far go first, so each type ends up about equally often.
            wanted = sorted(DISTORTION_TYPES, key=lambda t: (made[t], rng.random()))
            quota = SUMMARY_DISTORTIONS if kind == "summary" else DISTORTIONS_PER_COPY
            copy = make_copy(original.text, kind, wanted, rng, rng.randint(*quota), covered)
            made.update(d.type for d in copy.distortions)
            site = rng.choice(lexicon.SITES[kind])
            page = furnish(original.title, copy.text, copy.verdict, rng.sample(headlines, min(3, len(headlines))), rng)
            when = published + timedelta(hours=rng.randint(2, 72))
            records.append(
                Record(
                    f"https://{site}/{original.key.replace('/', '-')}-{kind}",
                    site,
                    original.title,
                    when.isoformat(),
                    page,
                    copy.text,
                    kind,
                    original.topic,
                    url,
                    copy.verdict,
                    copy.distortions,
                    copy.edits,
                )
            )
    for original in others:
        published = start + timedelta(days=rng.randint(0, max(1, sources)), minutes=rng.randint(0, 600))
        records.append(
            Record(
                f"https://news.bbc.example/{original.key}",
                "news.bbc.example",
                original.title,
                published.isoformat(),
                page_of(original),
                original.text,
                "distractor",
                original.topic,
            )
        )
    rng.shuffle(records)
    return records


def page_of(original: Original) -> str:
    """An original as its plain-text file reads: the headline, then the paragraphs."""
    return original.title + "\n\n" + original.text + "\n"
