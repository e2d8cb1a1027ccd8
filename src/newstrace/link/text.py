"""Language-independent views of a clean text for linking articles.

The linker compares articles in any language (a translation is a copy too), so
it cannot use the English parse: it splits sentences with punctuation rules and
reads names and numbers from capitalisation and digits, which spinners and
translators keep while they change every other word.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from ..model import Span
from ..text import fold, name_key, number_value

# A sentence ends at . ! ? … or the Devanagari danda (plus closing quotes/brackets)
# before whitespace and a word or an opening quote; a line break always ends one.
_SENTENCE_END = re.compile(r"""[.!?…।]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[\w])""")
_LINE_BREAK = re.compile(r"\n+")
# Words ending in "." that do not end a sentence (titles, initials, abbreviations).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt st sen rep gov pres jr sr inc co corp ltd no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e sr sra dña".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?")
_CAPITALISED = re.compile(r"\b[^\W\d_][\w'’-]*", re.UNICODE)
# A token: a number with its separators ("1,200", "1 200" as French writes it,
# "2.5") or a word with inner apostrophes and hyphens ("mine's", "didn't"; scrapers
# double apostrophes: "didn''t").
# Combining marks belong to their word: Python's \w leaves out the vowel signs of
# Indic scripts (राहुल would fall apart into र, ह, ल) and decomposed accents.
_LETTERS = r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff])*"
_TOKEN = re.compile(
    rf"\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)|\d+(?:[.,]\d{{3}})*(?:[.,]\d+)?|{_LETTERS}(?:(?:''|['’-]){_LETTERS})*",
    re.UNICODE,
)


def sentences(text: str) -> tuple[Span, ...]:
    """The sentences of ``text`` as spans (whitespace trimmed, empty ones dropped)."""
    spans: list[Span] = []
    for line in _line_spans(text):
        start = line[0]
        for match in _SENTENCE_END.finditer(text, line[0], line[1]):
            word = text[max(line[0], match.start() - 12) : match.start()].split()
            written = word[-1].rstrip(".") if word else ""
            last = written.lower()
            # An initial is a capital ("John A. Smith"); "... with a." ends a sentence.
            initial = len(written) == 1 and written.isupper()
            if match.group().startswith(".") and (last in ABBREVIATIONS or initial):
                continue
            _add(spans, text, start, match.end())
            start = match.end()
        _add(spans, text, start, line[1])
    return tuple(spans)



def sentence_index(bounds: tuple[Span, ...], offset: int) -> int:
    """The index of the sentence of ``bounds`` (``sentences``) holding ``offset``: the last one
    starting at or before it."""
    return max(0, bisect_right([span.start for span in bounds], offset) - 1)

def _line_spans(text: str) -> list[tuple[int, int]]:
    lines, start = [], 0
    for match in _LINE_BREAK.finditer(text):
        lines.append((start, match.start()))
        start = match.end()
    lines.append((start, len(text)))
    return lines


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(text[start:end], start, end))


def words(text: str) -> list[str]:
    """The folded words of ``text`` in order."""
    return _WORD.findall(fold(text))


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """The words and numbers of ``text[start:end]`` as spans into ``text``."""
    stop = len(text) if end is None else end
    return tuple(Span(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop))


def split_tokens(words: Sequence[Span], bounds: Sequence[Span]) -> list[Sequence[Span]]:
    """``words`` (``tokens(text)``, in text order) cut at ``bounds`` (spans of the same text in
    order): for each span, the words inside it, as ``tokens(text, span.start, span.end)`` finds
    them (no token crosses a sentence's end, which is whitespace or a line break)."""
    starts = [word.start for word in words]
    return [words[bisect_left(starts, span.start) : bisect_left(starts, span.end)] for span in bounds]


def skeleton(text: str) -> tuple[str, ...]:
    """Names and numbers in text order, folded and transliterated to ASCII.

    A capitalised word counts as a name unless it only ever appears first in a
    sentence ("The", "El"): capitals mid-sentence are what survives spinning and
    translation. Numbers keep their value, not their formatting.
    """
    return tuple(token for _pos, token in skeleton_positions(text))


def skeleton_positions(text: str, spans: tuple[Span, ...] | None = None) -> tuple[tuple[int, str], ...]:
    """The skeleton with where each token starts in ``text`` (``spans``: its sentences, if known)."""
    spans = sentences(text) if spans is None else spans
    initial: set[int] = set()
    for span in spans:
        first = _CAPITALISED.search(text, span.start, span.end)
        if first and first.start() <= span.start + 2:
            initial.add(first.start())
    found: list[tuple[int, str]] = []
    midsentence: set[str] = set()
    candidates: list[tuple[int, str]] = []
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        key = name_key(word)
        candidates.append((match.start(), key))
        if match.start() not in initial:
            midsentence.add(key)
    found.extend((pos, key) for pos, key in candidates if key in midsentence)
    found.extend((m.start(), number_value(m.group())) for m in _NUMBER.finditer(text))
    return tuple(sorted(found))


# A text is written in Latin letters when at least this share of its letters
# are Latin: a Russian article quoting an English company name stays Cyrillic.
# A number identifies a report's story when it is at least this large (ages, counts, days of the
# month: any two reports share some) and is no bare year (a year dates a report, it does not
# identify its story). Used by the skeleton sketch (``fingerprint.indexed_names``) and by the
# items posted across scripts (``translation.word_forms``); changing either changes every
# sketch: bump fingerprint.SKETCH_VERSION.
SMALL_NUMBER_LIMIT = 100
YEARS = range(1900, 2100)


def telling_number(value: float, written: str) -> bool:
    """Whether a number, ``value`` as ``written`` in the text, is evidence of a report's story."""
    return value >= SMALL_NUMBER_LIMIT and not (len(written) == 4 and float(value).is_integer() and int(value) in YEARS)


LATIN_MIN_SHARE = 0.5


def mostly_latin(text: str) -> bool:
    """Whether most letters of ``text`` are Latin (accented ones included)."""
    # ASCII letters counted by a regex, the rest one by one: a Latin text has few of them.
    ascii_letters = len(_ASCII_LETTER.findall(text))
    others = [char for char in _NOT_ASCII.findall(text) if char.isalpha()]
    letters = ascii_letters + len(others)
    latin = ascii_letters + sum(map(_is_latin, others))
    return letters == 0 or latin >= LATIN_MIN_SHARE * letters


_ASCII_LETTER = re.compile(r"[A-Za-z]")  # the ASCII characters str.isalpha accepts
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")
