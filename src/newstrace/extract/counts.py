"""Numbers the text claims, with their qualifier and what they count.

``extract_counts(doc, article)`` walks the tokens of a spaCy parse once and
returns plain ``Count`` values (no reference to the Doc survives).

How a number is read
--------------------
* Digits and words: "3,000" -> 3000, "1.5 million" -> 1500000, "eight" -> 8,
  "twenty-five" -> 25, "two dozen" -> 24, "a dozen" -> 12,
  "one hundred and fifty" -> 150.
* Qualifiers are the words right before the number (``numbers_lexicon.QUALIFIERS``):
  "about"/"around"/"roughly"/"some"/"an estimated" -> ``about``;
  "over"/"more than" -> ``over``; "under"/"fewer than"/"less than"/
  "nearly"/"almost"/"just under" -> ``under`` ("nearly 100" claims a figure
  short of 100); "at least" -> ``at least``; "up to"/"no more than"/
  "as many as" -> ``at most``.
* Vague plurals: "hundreds of people" -> 100, ``over``; "tens of thousands"
  -> 10000, ``over``; "several hundred" -> 100, ``over`` ("over 100" is true
  for every reading and compares with a copy's "over 100").
* Money: "$5 million" -> 5000000, what ``dollars`` (the currency, from
  ``CURRENCY_SIGNS``, or the noun: "500 euros" -> ``euros``).
* Percentages: "40 percent of the captives" -> 40, what ``percent of captives``.

What a number counts
--------------------
The noun it modifies ("eight Russian-Israeli individuals" -> ``Russian-Israeli
individuals``; leading "additional"/"other" dropped), or the object of a
partitive "of" ("two of the suspects" -> ``suspects``). When the text says what
happened to them, its participle follows: a past participle after the noun
("seven Russians captured"), an event noun governing the count ("the deaths of
about 1,200 people" -> ``people killed``), or an event verb whose object or
passive subject the count is ("1,200 people were killed"). An elliptical
count ("the kidnapping of over 200 more", "fewer than 10 were arrested")
borrows the noun of the previous count in its sentence.

Not counts
----------
Numbers in DATE/TIME/ORDINAL or name entities (years, "October 7", "Apollo
11"), four-digit years, ages ("Roni Krivoi, 25", "25-year-old", "aged 25"),
compound adjectives ("two-way ties", "three-day visit"), durations ("five
years"), ranges ("20-30"), a number with no noun to count, and "one" unless
it counts people ("one hostage"; never "one other sign", "one of his allies").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Count, Evidence
from .numbers_lexicon import (
    CURRENCY_SIGNS,
    ELLIPTICAL_NOUNS,
    EVENT_NOUNS,
    EVENT_VERBS,
    FILLER_MODIFIERS,
    INTRANSITIVE_EVENT_VERBS,
    MULTIPLIERS,
    NOT_COUNT_BEFORE,
    PEOPLE_NOUNS,
    PERCENT_WORDS,
    QUALIFIER_MAX_WORDS,
    QUALIFIERS,
    SCALE_SUFFIXES,
    SCALES,
    TIME_NOUNS,
    UNITS,
    VAGUE_PLURALS,
    VAGUE_PREFIXES,
    VAGUE_QUALIFIER,
)
from . import doc_context
from .tokens import DocView

# Entity labels under which a number is a date, a rank or part of a name.
SKIP_ENTS = frozenset(
    {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"}
)
# Dependencies by which a number modifies the noun it counts.
NUMBER_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod", "npadvmod", "advmod"})
# Dependencies by which an elliptical bare number stands for a noun ("fewer than 10 were arrested").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})
# A number more than this many tokens before its noun is not read as counting it.
MAX_NOUN_DISTANCE = 6
# Four-digit integers in this range without a thousands comma are years.
YEAR_RANGE = range(1800, 2101)

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SCALE_WORDS = MULTIPLIERS.keys() | SCALES.keys()
_PERCENT_FIRST = {w.split()[0]: w for w in PERCENT_WORDS}
_VAGUE_FIRST = frozenset(prefix.split()[0] for prefix in VAGUE_PREFIXES)


@dataclass
class _Number:
    start: int  # token range of the number words
    end: int
    value: int | float
    vague: bool = False


def extract_counts(doc, article: Article) -> tuple[Count, ...]:
    """Every counted claim in ``doc`` (the parse of ``article.text``), in text order."""
    view = DocView(doc, article.id)
    counts: list[Count] = []
    bases: dict[int, str] = {}  # sentence -> noun of its last count, for "over 200 more"
    i = 0
    while i < len(doc):
        number = _number_at(doc, i)
        if number is None:
            i += 1
            continue
        i = number.end
        sentence = view.sentence_of(number.start)
        count = _read_count(doc, article, number, sentence, bases)
        if count is not None:
            counts.append(count)
    return tuple(counts)


def parse_number(words: list[str]) -> int | float | None:
    """The value of number words as written ("1.5 million", "two dozen", "twenty-five")."""
    total: float = 0
    current: float | None = None
    for word in words:
        word = word.lower()
        if word.endswith(".") and word[:-1] in SCALE_SUFFIXES:
            word = word[:-1]  # "$732m." at the end of a sentence
        if _DIGITS.match(word):
            current = float(word.replace(",", ""))
        elif word in UNITS:
            current = (current or 0) + UNITS[word]
        elif word in ("a", "an"):
            current = 1
        elif word in MULTIPLIERS:
            current = (1 if current is None else current) * MULTIPLIERS[word]
        elif word in SCALES or word in SCALE_SUFFIXES:
            total += (1 if current is None else current) * (SCALES.get(word) or SCALE_SUFFIXES[word])
            current = None
        elif word in VAGUE_PLURALS:
            current = (1 if current is None else current) * VAGUE_PLURALS[word]
        elif word in ("-", "and", "of"):
            continue
        else:
            return None
    value = total + (current or 0)
    return int(value) if float(value).is_integer() else value


def _kind(token) -> str | None:
    """What role a token can play in a number: digit, unit, scale, a, vague."""
    lower = token.lower_
    if _DIGITS.match(lower):
        return "digit"
    if lower in UNITS:
        return "unit"
    if lower in _SCALE_WORDS:
        return "scale"
    if lower in VAGUE_PLURALS:
        return "vague"
    if lower in ("a", "an"):
        return "a"
    return None


def _number_at(doc, i: int) -> _Number | None:
    """The number phrase starting at token ``i``, or None."""
    token = doc[i]
    kind = _kind(token)
    if kind is None:
        return _vague_prefixed(doc, i)
    if kind == "vague":
        end = i + 1
        # "tens of thousands", "hundreds of thousands"
        while end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in VAGUE_PLURALS:
            end += 2
        return _Number(i, end, parse_number([t.text for t in doc[i:end]]), vague=True)
    if kind == "a" and not (i + 1 < len(doc) and _kind(doc[i + 1]) == "scale"):
        return None
    end = i + 1
    previous = kind
    if kind == "digit" and not token.whitespace_ and end < len(doc) and doc[end].lower_.rstrip(".") in SCALE_SUFFIXES:
        end, previous = end + 1, "scale"  # "£340m"
    while end < len(doc):
        nxt = doc[end]
        nkind = _kind(nxt)
        if nkind == "scale":
            end, previous = end + 1, "scale"
        elif nkind == "unit" and previous == "scale":
            end, previous = end + 1, "unit"
        elif (
            nxt.text == "-"
            and previous == "unit"
            and not doc[end - 1].whitespace_
            and end + 1 < len(doc)
            and _kind(doc[end + 1]) == "unit"
            and UNITS[doc[end - 1].lower_] >= 20
        ):
            end, previous = end + 2, "unit"
        elif nxt.lower_ == "and" and previous == "scale" and end + 1 < len(doc) and _kind(doc[end + 1]) == "unit":
            end, previous = end + 2, "unit"
        else:
            break
    value = parse_number([t.text for t in doc[i:end]])
    return None if value is None else _Number(i, end, value)


def _vague_prefixed(doc, i: int) -> _Number | None:
    """ "several hundred", "a few thousand" -> the scale, vague."""
    if doc[i].lower_ not in _VAGUE_FIRST:
        return None
    for prefix in VAGUE_PREFIXES:
        words = prefix.split()
        j = i + len(words)
        if j < len(doc) and [t.lower_ for t in doc[i:j]] == words and doc[j].lower_ in _SCALE_WORDS:
            return _Number(i, j + 1, parse_number([doc[j].text]), vague=True)
    return None


def _read_count(doc, article: Article, number: _Number, sentence: int, bases: dict[int, str]) -> Count | None:
    if _not_a_count(doc, number):
        return None
    q_start, qualifier = _qualifier_before(doc, number.start)
    if qualifier is None and number.vague:
        qualifier = VAGUE_QUALIFIER
    start, end = number.start, number.end
    before = doc[start - 1].lower_ if start > 0 else ""
    what: str | None = None
    if before in CURRENCY_SIGNS and q_start == start:
        q_start = start = start - 1
        what = CURRENCY_SIGNS[before]
    elif before in CURRENCY_SIGNS:
        start -= 1
        what = CURRENCY_SIGNS[before]
    elif (percent_end := _percent_after(doc, end)) is not None:
        of_noun = _partitive_noun(doc, doc[end:percent_end])
        what = "percent" + (f" of {_noun_phrase(doc, of_noun, of_noun.left_edge.i)}" if of_noun is not None else "")
        end = percent_end
    else:
        what = _what(doc, number, sentence, bases)
        if what is None:
            return None
    first = doc[min(q_start, start)]
    last = doc[end - 1]
    char_start, char_end = first.idx, last.idx + len(last.text.rstrip(".") or last.text)
    return Count(
        value=number.value,
        text=doc_context.of(doc).text[char_start:char_end],
        evidence=Evidence(article.id, sentence, char_start, char_end),
        qualifier=qualifier,
        what=what,
    )


def _not_a_count(doc, number: _Number) -> bool:
    tokens = doc[number.start : number.end]
    if any(t.ent_type_ in SKIP_ENTS for t in tokens):
        return True
    first = tokens[0]
    if len(tokens) == 1 and re.fullmatch(r"\d{4}", first.text) and int(first.text) in YEAR_RANGE:
        return True  # a year spaCy did not tag
    if re.fullmatch(r"0\d+", first.text):
        return True  # "0710 GMT": a clock time or a code
    before = doc[number.start - 1] if number.start > 0 else None
    after = doc[number.end] if number.end < len(doc) else None
    if before is not None and before.lower_ in NOT_COUNT_BEFORE:
        return True
    if after is not None and after.lower_ in TIME_NOUNS:
        return True  # "five years", "five times as many", "1400 GMT"
    if after is not None and after.text in ("-", "–") and not doc[number.end - 1].whitespace_:
        return True  # "25-year-old", "two-way", or a range "20-30"
    if before is not None and before.text in ("-", "–") and number.start > 1 and _kind(doc[number.start - 2]):
        return True  # second half of a range
    if after is not None and after.lower_ in ("to", "or") and number.end + 1 < len(doc):
        if _kind(doc[number.end + 1]) in ("digit", "unit"):
            return True  # "20 to 30", "two or three"
    return False


def _qualifier_before(doc, start: int) -> tuple[int, str | None]:
    """The longest qualifier phrase ending right before token ``start``."""
    for size in range(QUALIFIER_MAX_WORDS, 0, -1):
        q_start = start - size
        if q_start < 0:
            continue
        words = " ".join(t.lower_ for t in doc[q_start:start])
        if words in QUALIFIERS:
            return q_start, QUALIFIERS[words]
    return start, None


def _percent_after(doc, end: int) -> int | None:
    if end >= len(doc):
        return None
    word = _PERCENT_FIRST.get(doc[end].lower_)
    if word is None:
        return None
    size = len(word.split())
    if " ".join(t.lower_ for t in doc[end : end + size]) == word:
        return end + size
    return None


def _what(doc, number: _Number, sentence: int, bases: dict[int, str]) -> str | None:
    tokens = doc[number.start : number.end]
    noun = _counted_noun(doc, number)
    if noun is not None and noun.lower_ in TIME_NOUNS:
        return None  # a duration: "five years"
    if noun is None:
        if _is_bare_one(tokens):
            return None  # "have one", "one of them"
        noun = _partitive_noun(doc, tokens)
        if noun is None or noun.pos_ == "PRON":
            # an elliptical bare number: "fewer than 10 were arrested"
            anchor = _anchor(tokens)
            if noun is None and anchor.dep_ in ARGUMENT_DEPS and sentence in bases and not number.vague:
                return _with_event(bases[sentence], anchor)
            return None
        base = _noun_phrase(doc, noun, noun.left_edge.i)
    else:
        if _is_bare_one(tokens) and not _counts_a_person(doc, number, noun):
            return None
        if _in_a_name(doc, tokens[0], noun):
            return None
        if noun.lower_ in ELLIPTICAL_NOUNS:
            base = bases.get(sentence, "others")
        else:
            base = _noun_phrase(doc, noun, number.end)
    bases[sentence] = base
    return _with_event(base, noun)


def _anchor(tokens):
    """The token of a phrase whose head lies outside it."""
    for token in tokens:
        if not (tokens.start <= token.head.i < tokens.end) or token.head is token:
            return token
    return tokens[-1]


def _counted_noun(doc, number: _Number):
    """The noun the number modifies, right after it."""
    for token in doc[number.start : number.end]:
        head = token.head
        if number.end <= head.i <= number.end + MAX_NOUN_DISTANCE and token.dep_ in NUMBER_DEPS:
            if head.pos_ in ("NOUN", "PROPN") or head.lower_ in ELLIPTICAL_NOUNS:
                return head
    return None


def _partitive_noun(doc, tokens):
    """The object of "of" right after a number: "two of the suspects", "hundreds of people"."""
    end = tokens.end
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    for child in doc[end].children:
        if child.dep_ == "pobj":
            return child
    return None


def _in_a_name(doc, first, noun) -> bool:
    """ "Six Nations": a capitalised number word inside a sentence, before a proper noun."""
    if not first.is_title or first.is_digit or first.i == 0 or noun.pos_ != "PROPN":
        return False
    previous = doc[first.i - 1]
    return not (first.is_sent_start or previous.is_space or previous.is_punct)


def _is_bare_one(tokens) -> bool:
    return len(tokens) == 1 and tokens[0].lower_ in ("one", "1")


def _counts_a_person(doc, number: _Number, noun) -> bool:
    between = doc[number.end : noun.i]
    return noun.lemma_.lower() in PEOPLE_NOUNS and not any(t.lower_ in FILLER_MODIFIERS for t in between)


def _noun_phrase(doc, noun, left: int) -> str:
    """The noun with its modifiers from token ``left`` on, leading fillers and determiners dropped."""
    left = max(left, noun.i - MAX_NOUN_DISTANCE)
    while left < noun.i and (
        doc[left].lower_ in FILLER_MODIFIERS
        or doc[left].pos_ in ("DET", "PUNCT", "ADP", "CCONJ", "NUM")
        or doc[left].dep_ == "poss"
    ):
        left += 1
    return doc_context.of(doc).text[doc[left].idx : noun.idx + len(noun)]


def _with_event(base: str, noun) -> str:
    """Append what happened to the counted things, when the sentence says it."""
    event = _event_of(noun)
    if event is None or base.endswith(event):
        return base
    return f"{base} {event}"


def _event_of(noun) -> str | None:
    # a past participle right after the noun: "seven Russians captured", "prisoners held by Israel"
    for child in noun.rights:
        if child.i == noun.i + 1 and child.tag_ == "VBN" and child.lemma_.lower() in EVENT_VERBS:
            return EVENT_VERBS[child.lemma_.lower()]
        break
    head = noun.head
    # an event noun: "the deaths of about 1,200 people", "the kidnapping of over 200 more"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in EVENT_NOUNS:
        return EVENT_NOUNS[head.head.lower_]
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX") and lemma in EVENT_VERBS:
        if noun.dep_ in ("nsubjpass", "dobj") or (noun.dep_ == "nsubj" and lemma in INTRANSITIVE_EVENT_VERBS):
            return EVENT_VERBS[lemma]
    if noun.dep_ == "conj" and noun.head is not noun:
        return _event_of(noun.head) if noun.head.dep_ != "conj" else None
    return None
