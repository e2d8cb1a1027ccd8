"""Translations into a script without capitals (Devanagari, Arabic, Hebrew), found by the words they
transliterate and judged by how specific those words are.

    caseless(text) -> bool
    sound_items(text) -> frozenset[str]
    verdict(copy, source, frequency) -> (verdict | None, score, matches)

A Hindi report has no capitals to tell its names, so the skeleton of names and numbers that
finds and aligns other translations (``align.transliterated``) is nearly empty, and reading any
Hindi word as a name made every Hindi page about Rahul Gandhi a "translation" of every English
one. What a translation into such a script keeps of its source is the words it transliterates:
names (राहुल गांधी, गब्बर), organisations (कांग्रेस) and borrowed words (हैशटैग, मॉनसून), besides its
numbers. A word is read as its consonants (``align.sound_key``), the letters transliterations keep.

Two such words are one when their consonants agree and they are spelled alike
(``MIN_SPELLING_SIMILARITY``). Every Indian political report shares Gandhi and Congress, so a
shared word is evidence by how few pages write it: its document frequency among the pages
written in Latin letters, which the candidate index keeps as it writes (each page posts its
words' consonant keys, ``index.band_rows``; the bucket's counter is the word's page count,
``store.lsh_bucket_sizes``), against the pages stored. A word no other page writes weighs 1, one
every page writes 0 (``Frequency.weight``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..extract.time_lexicon import MONTHS
from ..model import Span
from .align import Match, Sentence, align, fill_gaps, names_and_numbers, sound_key
from .translation_lexicon import HINDI_MONTHS
from .name_parts import normalise, spelling_key
from .text import telling_number, tokens
from ..text import name_key, number_value

if TYPE_CHECKING:
    from .reading import Reading

# A word is indexed and compared by its consonants when it keeps at least this many: two
# consonants are shared by too many unrelated words (पर "on" and "power" both read p-r;
# मोदी, इंडिया and वायनाड all read n-d).
MIN_CONSONANTS = 3
# ... and two words with the same consonants are one only when spelled this alike (Indel ratio of
# their romanised forms, as written or as read alike, ``_read``, whichever is closer). Set on the
# Hindi and English pages of real-copies' dev half: most words its Hindi pages transliterate from
# their sources score 0.77-1.0 (वैक्सीन / vaccine 0.77, हैशटैग / hashtag 0.8, कांग्रेस / Congress 0.86
# as read, गांधी / Gandhi 1.0; तड़के / tadka, 0.67, is lost); Hindi words that only share consonants
# with an English word of another story score 0.5-0.67 (अनुसार / ensure 0.5, बातें / between 0.55,
# लेकिन / Lucknow 0.55, मित्रों / interim 0.62), a few more (कमर "waist" / Kumar 0.75, लेकर / leaker 0.8).
MIN_SPELLING_SIMILARITY = 0.7
# English c before e, i, y is read s, elsewhere k, as Hindi writes it (vaccine: वैक्सीन, v-k-s-n).
_SOFT_C = re.compile(r"c(?=[eiy])")
_ANUSVARA = re.compile(r"(?<=[aeiou])m(?=[^aeiou])")  # as romanised: गांधी is gamdhi
_DOUBLED = re.compile(r"(.)\1+")
# A text is in a script without capitals when at least this share of its letters has no case.
CASELESS_MIN_SHARE = 0.5

# The verdict, tuned on the dev half of real-copies: its Hindi pages (C07-P4 translated, C07-P5
# and C07-P6 independent Hindi reports of the same events, C34-P2 translated; C14-P2 is held out)
# against every English page, with the weights as they were when the later page of the pair was
# linked, over 22 ingest orders (the file's, the people gold's, 20 shuffles). Specific evidence:
# the sum of the shared items' weights. The C07 pages reach at least 2.50 with their closest page
# of their story (clusters C07/C08, one event), in every order; an English page of another story
# at most 2.38 (C36-P2: Gandhi, Congress, Narendra and "Pradhan Mantri", the Hindi for prime
# minister, which that page writes in a scheme's name). C34-P2, cut by cleaning to three
# sentences, shares only Gandhi, "vaccine" and the date "2 July" with its source: 1.56-1.77,
# though that is 0.41-0.45 of its items' weight, where no page of another story covers more than
# 0.17 of a Hindi page's. A rule for short pages on that share linked a short Hindi page of our
# tests to English pages that share only Modi, Congress and Gandhi with it: not kept.
MIN_EVIDENCE = 2.45
# translated, not only the same story: the copy's sentences holding a shared word align in order
# with its source's (on the shared words, as ``align.names_and_numbers``), this share of them
# and at least this many pairs.
TRANSLATED_MIN_COVERAGE = 0.5
TRANSLATED_MIN_PAIRS = 2
ALIGN_FLOOR = 0.5


def caseless(text: str) -> bool:
    """Whether most letters of ``text`` have no upper and lower case (Devanagari, Arabic, Hebrew)."""
    letters = [char for char in text if char.isalpha()]
    without_case = sum(1 for char in letters if char.upper() == char.lower())
    return bool(letters) and without_case >= CASELESS_MIN_SHARE * len(letters)


def _number_item(text: str) -> str | None:
    value = number_value(text)
    try:
        number = float(value)
    except ValueError:
        return None
    if not telling_number(number, text):  # "884.50", "1,693" identify a report; "2" and "2022" do not
        return None
    return value


def _month(word: str) -> int | None:
    # Not the English abbreviations of three letters: "may" and "mar" are words too.
    return (MONTHS.get(word.lower()) if len(word) > 3 else None) or HINDI_MONTHS.get(word)


def _dates(words: tuple[Span, ...], text: str) -> list[str]:
    """A day of a month written next to its month's name ("July 2", "2 July", "2 जुलाई"), as
    "month-day": a date identifies a report as a number does."""
    found = []
    for first, second in zip(words, words[1:]):
        if text[first.end : second.start].strip(" ,"):
            continue
        for day, month in ((first.text, _month(second.text)), (second.text, _month(first.text))):
            if month and day.isdigit() and 1 <= int(day) <= 31:
                found.append(f"{month}-{int(day)}")
    return found


def word_forms(text: str) -> dict[str, set[str]]:
    """Each item of ``text`` with the forms it is written in: a word's consonant key
    (``MIN_CONSONANTS`` or more) with its romanised spellings, a number (``text.telling_number``)
    by its value with itself, a date ("month-day", ``_dates``) with itself."""
    words = tokens(text)
    found: dict[str, set[str]] = {date: {date} for date in _dates(words, text)}
    for token in words:
        if token.text[0].isdigit():
            item = _number_item(token.text)
            if item is not None:
                found.setdefault(item, set()).add(item)
            continue
        key = name_key(token.text)
        sound = sound_key(_english_c(key)) if key else ""
        if len(sound) >= MIN_CONSONANTS:
            found.setdefault(sound, set()).add(normalise(token.text))
    return found


def sound_items(text: str) -> frozenset[str]:
    """The items of ``text`` the candidate index posts (``word_forms``' keys)."""
    return frozenset(word_forms(text))


def _english_c(word: str) -> str:
    return _SOFT_C.sub("s", word).replace("c", "k")


def _read(form: str) -> str:
    """A romanised word as it sounds: one spelling for transliteration variants, c read as
    English reads it, the anusvara's m before a consonant as n (गांधी, read gamdhi: gandhi),
    doubled letters single."""
    return _DOUBLED.sub(r"\1", _ANUSVARA.sub("n", _english_c(spelling_key(form))))


def _alike(first: str, second: str) -> bool:
    return first == second or max(
        Indel.normalized_similarity(first, second), Indel.normalized_similarity(_read(first), _read(second))
    ) >= MIN_SPELLING_SIMILARITY


def shared_items(copy_text: str, source_text: str) -> set[str]:
    """The items both texts write: numbers by value, words by consonants when spelled alike."""
    copy, source = word_forms(copy_text), word_forms(source_text)
    shared = set()
    for item, forms in copy.items():
        others = source.get(item)
        if others and any(_alike(a, b) for a in forms for b in others):
            shared.add(item)
    return shared


# What a word's weight assumes before the index has seen many pages: as if it held PRIOR_PAGES
# more pages, PRIOR_SHARE of which write each item. Without it a Hindi page linked while the index
# holds a few pages, most of them its own story's, finds its story's words common (C07-P4 of
# real-copies read in the data's people-gold order meets its source with 6 pages indexed, 3 of them
# its story's: evidence 1.88, short of the threshold, and no later page re-verifies the pair).
# Set with MIN_EVIDENCE on the dev Hindi pages over 22 ingest orders (see MIN_EVIDENCE).
PRIOR_PAGES = 20
PRIOR_SHARE = 0.1


@dataclass(frozen=True)
class Frequency:
    """How many pages in Latin letters write each item, out of how many such pages are indexed."""

    pages: int
    counts: Mapping[str, int]

    def weight(self, item: str) -> float:
        """Near 1 for an item one page writes, 0 for one every page writes (log scale between;
        see PRIOR_PAGES)."""
        pages = self.pages + PRIOR_PAGES
        written = min(max(self.counts.get(item, 0), 1), self.pages) + PRIOR_PAGES * PRIOR_SHARE
        return max(math.log(pages / written) / math.log(pages), 0.0)


# Reads the frequency of some items (the store's counters; ``index.item_frequency``).
FrequencyOf = Callable[[Iterable[str]], Frequency]


def _unweighted(item: str) -> float:
    return 1.0


def _keyed(sentences: tuple[Sentence, ...], shared: set[str]) -> tuple[Sentence, ...]:
    """The sentences with their anchors replaced by the shared items they write (first writing of
    each, in text order): what the alignment compares."""
    return tuple(
        replace(sentence, anchors=tuple(item for item in word_forms(sentence.span.text) if item in shared))
        for sentence in sentences
    )


def verdict(
    copy: Reading, source: Reading, frequency_of: FrequencyOf | None = None
) -> tuple[str | None, float, tuple[Match, ...]]:
    """(``translated`` | ``same_story`` | None, score, aligned pairs) of two pages, one in a script
    without capitals and one in Latin letters, either way round (see the module doc).

    ``frequency_of``: the store's counts (``index.item_frequency``); without them every item
    weighs 1. The score is the share of the caseless page's item weight the other writes too."""
    copy_text, source_text = copy.analysis.article.text, source.analysis.article.text
    shared = shared_items(copy_text, source_text)
    if not shared:
        return None, 0.0, ()
    copy_is_caseless = caseless(copy_text)
    items = sound_items(copy_text if copy_is_caseless else source_text)
    weight = frequency_of(items).weight if frequency_of is not None else _unweighted
    evidence = sum(weight(item) for item in shared)
    if evidence < MIN_EVIDENCE:
        return None, 0.0, ()
    score = min(evidence / (sum(weight(item) for item in items) or 1.0), 1.0)
    left, right = _keyed(copy.sentences, shared), _keyed(source.sentences, shared)
    matches = align(left, right, names_and_numbers, ALIGN_FLOOR)
    keyed_side = left if copy_is_caseless else right
    holding = sum(1 for sentence in keyed_side if sentence.anchors)
    ends = (match.copy if copy_is_caseless else match.source for match in matches)
    aligned = sum(1 for end in ends for k in range(*end) if keyed_side[k].anchors)
    if len(matches) >= TRANSLATED_MIN_PAIRS and aligned >= TRANSLATED_MIN_COVERAGE * holding:
        return "translated", score, fill_gaps(left, right, matches)
    return "same_story", score, ()


def across_caseless(copy: Reading, source: Reading) -> bool:
    """Whether one page is in Latin letters and the other in a script without capitals."""
    texts = (copy.analysis.article.text, source.analysis.article.text)
    return copy.latin != source.latin and any(caseless(text) for text in texts)
