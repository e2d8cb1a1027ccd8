"""Synthetic copies of BBC News articles with known ground truth (the generator of bench/provenance.py).

From the clean text of an original article this makes

* ``verbatim`` reprints: the same paragraphs, wrapped in site furniture;
* ``edited`` copies: sentences dropped, a paragraph cut, clauses trimmed, an
  editor's few wording changes;
* ``spun`` copies: a content farm's synonym swaps (the table in
  ``synthetic_words.py``, written apart from the comparer's own table);

and applies FactCC-style distortions to the edited and spun copies: a number
changed, a person's name changed, a role word changed, negation added or
removed, agent and target swapped, a quote's speaker changed, a pronoun's gender
changed, junk sentences inserted, sentences dropped, a sentence garbled.

Ground truth is exact. Every change is made through one function
(``_replace``) that records where it happened in the copy and where the replaced
text was in the source, so a distortion's spans are
``copy_text[start:end]`` and ``source_text[start:end]``. Offsets index the
CLEAN texts: paragraphs with whitespace collapsed, joined by a blank line —
what the ingest stage leaves of the page. The furniture is added afterwards by
``furnish`` and only with lines the ingest cleaner removes, so the ingested
article text is the clean text the spans index (bench/provenance.py checks
this article by article and counts any that differ).

Changes that are not distortions (synonym swaps, an editor's wording, a
trimmed clause) are recorded too, as ``edits``: a comparer that reports them
is making false reports.
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

import synthetic_words as lexicon

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "bbc-news" / "bbc"
KINDS = ("verbatim", "edited", "spun")

# BBC News holds some articles twice (and a few near-twins). Originals whose word
# 5-shingles overlap another's above this Jaccard estimate are left out, so that
# two "unrelated" originals are never really copies of each other. 0.3 sits well
# above what two different BBC stories of one topic share (< 0.05 in a sample of
# 200 pairs) and below what a re-run story with a new intro shares.
NEAR_DUPLICATE_JACCARD = 0.3
SHINGLE = 5
PERMUTATIONS = 64

# How heavily a spinner and an editor rewrite: the share of eligible words swapped
# (spinning) and the number of wording touches (editing). Set by reading copies
# made at these rates and counting their untouched sentences (150 BBC originals,
# seed 0): at 0.85 a spun copy keeps a median 0.12 of its sentences word for word
# (90th percentile 0.33), an edited one a median 0.67 (10th percentile 0.44).
SPIN_RATE = 0.85
EDITOR_TOUCHES = (1, 3)
# Distortions per distorted copy (inclusive range).
DISTORTIONS_PER_COPY = (2, 4)
# A garbled sentence is a shuffled sentence of at least this many words.
GARBLE_MIN_WORDS = 6


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
    """A distortion (``type`` in DISTORTION_TYPES) or an edit (``spin``, ``wording``, ``trim``).

    ``copy`` and ``source`` are (start, end) offsets into the copy's and the
    source's clean text; ``copy`` is None for ``dropped``, ``source`` None for
    ``inserted``.
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
    """A copy's clean text, its kind and its ground truth against the original."""

    text: str
    kind: str  # one of KINDS
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
    """A copy under construction: paragraphs of pieces, plus the sentences dropped so far."""

    source_text: str
    paragraphs: list[list[_Piece]]
    dropped: list[Change] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Draft:
        paragraphs: list[list[_Piece]] = []
        starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]
        for span in sentences(text):
            while len(paragraphs) < sum(1 for start in starts if start <= span.start):
                paragraphs.append([])
            paragraphs[-1].append(_Piece(span.text, (span.start, span.end)))
        return cls(text, [p for p in paragraphs if p])

    def pieces(self) -> Iterator[_Piece]:
        for paragraph in self.paragraphs:
            yield from paragraph

    def finish(self, kind: str) -> Copy:
        """The copy text with every change's spans made absolute."""
        parts: list[str] = []
        changes: list[Change] = list(self.dropped)
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


def _apply_one(draft: Draft, kind: str, finder: Finder, rng: random.Random) -> bool:
    """Make one change of ``kind`` at a random place the finder offers, in a sentence not yet distorted."""
    options = [
        (piece, option)
        for piece in draft.pieces()
        if piece.source is not None and not piece.distorted
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


def garble(text: str, rng: random.Random) -> str:
    """The sentence's words shuffled into a verbless-looking jumble, capitalised, with a full stop."""
    tokens = text.rstrip(".!?\"”").split()
    shuffled = tokens[:]
    for _attempt in range(10):
        rng.shuffle(shuffled)
        if shuffled != tokens:
            break
    joined = " ".join(shuffled)
    return joined[0].upper() + joined[1:] + "."


# -- distortions and edits on a draft -------------------------------------------------------


def drop_sentence(draft: Draft, rng: random.Random) -> bool:
    """Remove one untouched sentence (never the first); a ``dropped`` change with the source span."""
    candidates = [
        (paragraph, piece)
        for index, paragraph in enumerate(draft.paragraphs)
        for position, piece in enumerate(paragraph)
        if (index or position) and piece.source is not None and not piece.changes
    ]
    if not candidates:
        return False
    paragraph, piece = rng.choice(candidates)
    paragraph.remove(piece)
    draft.dropped.append(Change("dropped", None, piece.source, piece.text))
    return True


def cut_paragraph(draft: Draft, rng: random.Random) -> bool:
    """Remove a whole untouched paragraph (not the first): one ``dropped`` per sentence."""
    candidates = [p for p in draft.paragraphs[1:] if p and all(not piece.changes and piece.source for piece in p)]
    if len(candidates) < 2:
        return False
    paragraph = rng.choice(candidates)
    for piece in paragraph:
        draft.dropped.append(Change("dropped", None, piece.source, piece.text))
    paragraph.clear()
    return True


def insert_junk(draft: Draft, rng: random.Random) -> bool:
    """Put a junk sentence after a random sentence (or as a paragraph of its own)."""
    unused = [j for j in lexicon.JUNK if all(j != piece.text for piece in draft.pieces())]
    paragraphs = [p for p in draft.paragraphs if p]
    if not unused or not paragraphs:
        return False
    junk = rng.choice(unused)
    piece = _Piece(junk, None, [Change("inserted", (0, len(junk)), None, junk)])
    paragraph = rng.choice(paragraphs)
    if rng.random() < 0.25:
        draft.paragraphs.insert(draft.paragraphs.index(paragraph) + 1, [piece])
    else:
        paragraph.insert(rng.randint(1, len(paragraph)), piece)
    return True


def garble_sentence(draft: Draft, rng: random.Random) -> bool:
    candidates = [p for p in draft.pieces() if p.source and not p.changes and len(p.text.split()) >= GARBLE_MIN_WORDS]
    if not candidates:
        return False
    piece = rng.choice(candidates)
    return _replace(piece, 0, len(piece.text), garble(piece.text, rng), "garbled", "words shuffled")


def distort(draft: Draft, kind: str, rng: random.Random) -> bool:
    """Make one distortion of ``kind`` (a DISTORTION_TYPES name); False when the text offers no place."""
    if kind == "dropped":
        return drop_sentence(draft, rng)
    if kind == "inserted":
        return insert_junk(draft, rng)
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


def swap_words(draft: Draft, table: dict[str, str], rng: random.Random, rate: float, limit: int | None = None) -> int:
    """Replace words found in ``table`` (keeping an initial capital) in a share ``rate`` of their places."""
    # Whole words only: "won" in "won't" is not the verb.
    pattern = re.compile(
        r"(?<![\w'’])(" + "|".join(map(re.escape, sorted(table, key=len, reverse=True))) + r")(?![\w'’])", re.I
    )
    kind = "spin" if table is lexicon.SPIN else "wording"
    # Capitalised words are left alone mid-sentence: they are names ("New York", "Home Office").
    places = [
        (piece, m)
        for piece in draft.pieces()
        if piece.source
        for m in pattern.finditer(piece.text)
        if m.group().islower() or m.start() == 0
    ]
    places = [(piece, m) for piece, m in places if rng.random() < rate]
    if limit is not None:
        rng.shuffle(places)
        places = places[:limit]
    done = 0
    # Right to left within a piece, so the positions found above stay valid.
    for piece, match in sorted(places, key=lambda item: (id(item[0]), -item[1].start())):
        word = match.group()
        new = table[word.lower()]
        new = new[0].upper() + new[1:] if word[0].isupper() else new
        done += _replace(piece, match.start(), match.end(), new, kind, f"{word} -> {new}")
    return done


_TRIM = re.compile(r", (?:which|who|while|although|as|after|before|where|but) [^,]+?(?=[.!?][\"”]?$)")


def trim_clause(draft: Draft, rng: random.Random) -> bool:
    """Cut a trailing subordinate clause (", which ...") from one sentence: an edit, not a distortion."""
    options = [(p, m) for p in draft.pieces() if p.source and not p.changes for m in _TRIM.finditer(p.text)]
    if not options:
        return False
    piece, match = rng.choice(options)
    return _replace(piece, match.start(), match.end(), "", "trim", match.group())


def make_copy(text: str, kind: str, distortions: list[str], rng: random.Random, count: int | None = None) -> Copy:
    """A copy of a clean text: ``kind`` in KINDS, then distortions of the listed types.

    The types are tried in order until ``count`` (default: all) were made; a
    type that finds no place in the text is skipped. An edited copy also loses
    a sentence and maybe a paragraph (``dropped``). A verbatim copy takes no
    distortions (with one it would be an edited copy). The copy's
    ``distortions`` say what was made.
    """
    draft = Draft.of(text)
    if kind == "spun":
        swap_words(draft, lexicon.SPIN, rng, SPIN_RATE)
    elif kind == "edited":
        swap_words(draft, lexicon.EDITOR, rng, 1.0, limit=rng.randint(*EDITOR_TOUCHES))
        trim_clause(draft, rng)
        drop_sentence(draft, rng)
        if rng.random() < 0.5:
            cut_paragraph(draft, rng)
    if kind != "verbatim":
        wanted = len(distortions) if count is None else count
        made = 0
        for distortion in distortions:
            if made < wanted:
                made += distort(draft, distortion, rng)
    return draft.finish(kind)


# -- the page around the text ----------------------------------------------------------------


def furnish(title: str, text: str, kind: str, related: list[str], rng: random.Random) -> str:
    """A scraped page: site furniture, the headline repeated, the text, a related-links block.

    Every line added is one the ingest cleaner removes, so cleaning the page
    gives back ``text`` exactly.
    """
    top = rng.sample(lexicon.FURNITURE_TOP, rng.randint(1, 3))
    lines = top[:1] + [title] * rng.randint(1, 3) + top[1:]
    paragraphs = text.split("\n\n")
    if kind == "verbatim" and len(paragraphs) > 2:  # a reprint site's mid-article ad slot
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
    distortions: tuple[Change, ...] = ()
    edits: tuple[Change, ...] = ()

    def to_jsonl(self) -> dict:
        return {"url": self.url, "site": self.site, "title": self.title, "published": self.published, "text": self.page}

    def gold(self) -> dict:
        return {
            "url": self.url,
            "role": self.role,
            "topic": self.topic,
            "source": self.source_url,
            "distortions": [d.to_dict() for d in self.distortions],
            "edits": [e.to_dict() for e in self.edits],
        }


def build_corpus(originals: list[Original], sources: int, distractors: int, seed: int = 0) -> list[Record]:
    """``sources`` originals with one copy of each kind, plus ``distractors`` unrelated originals.

    Distractors are drawn from the same topics (hard negatives). Originals are
    published a day apart, each copy 2 to 72 hours after its original. The
    records come in a shuffled order (a copy may arrive before its original):
    ingest them in that order.
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
        records.append(
            Record(url, "news.bbc.example", original.title, published.isoformat(), page_of(original), original.text, "original", original.topic)
        )
        for kind in KINDS:
            # The rarest types so far go first, so each type ends up about equally often.
            wanted = sorted(DISTORTION_TYPES, key=lambda t: (made[t], rng.random()))
            copy = make_copy(original.text, kind, wanted, rng, rng.randint(*DISTORTIONS_PER_COPY))
            made.update(d.type for d in copy.distortions)
            site = rng.choice(lexicon.SITES[kind])
            page = furnish(original.title, copy.text, kind, rng.sample(headlines, min(3, len(headlines))), rng)
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
                    copy.distortions,
                    copy.edits,
                )
            )
    for index, original in enumerate(others):
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
