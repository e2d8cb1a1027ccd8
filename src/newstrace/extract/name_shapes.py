"""Names found by their shape, where the model labelled nothing or something else.

A given name our tables know and the surname words after it ("Israeli-Russian Roni Krivoi",
"Rajya Sabha Mallikarjun Kharge", "the Narendra Modi government" as an organization), a
quoted nickname or a patronymic inside a full name, a name after a title ("Governor Satyadeo
Narain Arya", "PM Modi"), the other name after "aka", and a given name after a kinship noun
("her son, Alexander"). Also the ``Mention`` these make and ``mentions`` reads from the model.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..lexicon import words as lx
from ..lexicon.names import PATRONYMIC_SUFFIXES
from ..link import names, wordnet
from .tokens import DocView
from .voting import HINT_VOTE, PERSON


@dataclass(eq=False)
class Mention:
    """One stretch of text naming something, with the votes it casts."""

    start: int  # token indices, end exclusive
    end: int
    label: str  # kind from the model's label; "" when a rule found the name
    name: str  # as written, trimmed
    surface: str  # as written with descriptors ("RIA Novosti news agency"), without "the"
    words: tuple[str, ...]  # lowercase tokens of ``name``, for surname matching
    votes: Counter = field(default_factory=Counter)
    gender: str | None = None
    nickname: str | None = None  # 'Alexander "Sasha" Troufanov' -> "Sasha" (not part of ``name``)
    misread: bool = False  # read as a person's name against the model's label, for its given name

# Most tokens a rule-found name after a kinship noun may have ("her son, Alexander Smith Jr").
MAX_KIN_NAME_TOKENS = 3

# Shortest given name that, with a capitalised word after it, makes a name the model missed
# ("Roni Krivoi"): shorter ones ("Al", "Art", "Don") are too often other words.
MIN_SPOTTED_GIVEN_CHARS = 4

# Most name words after a title that make a name the model missed ("Governor Satyadeo Narain Arya").
MAX_TITLED_NAME_TOKENS = 3

# Fewest: one capitalised word after a title is as often a product or a place ("Governor House").
MIN_TITLED_NAME_TOKENS = 2

# Most surname words after a known given name in a name the model labelled otherwise
# ("Biplab Kumar Deb" as a work of art): more capitalised words make a longer name ("Indira Gandhi
# International Airport").
MAX_SURNAME_WORDS = 2

# Shortest patronymic we read from its ending ("Yulianovna"); "Rich", "Mich" are no patronymics.
MIN_PATRONYMIC_CHARS = 6

# One word of a personal name: "Krivoi", "Jean-Claude", "O'Brien", an initial "S." / "J.P.".
NAME_WORD = re.compile(r"^(?:[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*|(?:[A-Z]\.)+[A-Z]?)$")

# Capitalised words after a given name that make no surname: places, organisations, titles.
_NOT_SURNAMES = (
    lx.KNOWN_PLACES
    | lx.ORG_WORDS
    | lx.PLACE_TRAILING_WORDS
    | lx.TITLE_HEADS
    | lx.ROLE_NOUNS
    | frozenset(lx.NATIONALITIES)
    | lx.NOT_NAME_WORDS
    | lx.SPEECH_VERBS
)

OPENING_QUOTES = frozenset({'"', "\u201c", "'", "\u2018", "\u00ab"})

CLOSING_QUOTES = frozenset({'"', "\u201d", "'", "\u2019", "\u00bb"})


def given_name_shaped(view: DocView, start: int, end: int) -> tuple[int, int] | None:
    """A name the model labelled as something else that is a given name our tables know and one
    or two surname words: "the Narendra Modi government" (ORG), "Amit Shah" (PRODUCT), "Victor
    Hugo's" (FAC), "Thibaut Courtois to Real Madrid" (ORG, cut at "to"). Not when more
    capitalised words or an institution's noun follow ("Narendra Modi Stadium", "Walter Reed
    hospital"), nor when a word
    after the given name is an organization or place word or one the page writes in lowercase
    ("Lewis Leathers" beside "leathers")."""
    doc = view.tokens
    while start < end and (view.lower(start) in lx.LEADING_DETERMINERS or is_title_word(view, start)):
        start += 1
    if end - start < 2 or not known_given_name(view, start):
        return None
    stop = start + 1
    while stop < end and stop - start <= MAX_SURNAME_WORDS and is_name_token(view, stop) and doc[stop].is_alpha:
        stop += 1
    if stop == start + 1 or _name_runs_on(view, stop):
        return None
    surnames = [view.lower(k) for k in range(start + 1, stop)]
    if any(word in _NOT_SURNAMES or word in view.lowercase_words for word in surnames):
        return None
    return start, stop


def _name_runs_on(view: DocView, k: int) -> bool:
    """Token ``k`` continues a name as something else's: a capitalised word ("Narendra Modi
    Stadium", "Walt Disney Co."), or an institution's noun ("the Walter Reed hospital")."""
    if k >= view.n:
        return False
    word = view.lower(k).rstrip(".")
    return (view.is_capitalised(k) and view.tokens[k].text[0].isalpha()) or word in lx.NAMED_AFTER_HEADS


def known_given_name(view: DocView, i: int) -> bool:
    """Token ``i`` is a capitalised given name our tables know, of a length that is rarely another
    word, written as a proper noun where there is a tagger ("Mark the date" is no name)."""
    given = view.lower(i)
    return (
        is_name_token(view, i)
        and view.tokens[i].is_alpha
        and len(given) >= MIN_SPOTTED_GIVEN_CHARS
        and names.is_given_name(given)
        and given not in lx.KNOWN_PLACES
        and (not view.has_tags or view.tag(i) in ("NNP", "NNPS"))
    )


def read_aliases(view: DocView, mentions: list[Mention]) -> None:
    """ "KT Rama Rao aka KTR": the name after "aka", "alias" or "also known as" is the
    person's other name. It becomes a mention of its own (an acronym too) and the full name's
    nickname, so that the other name elsewhere in the article joins the person (``grouping``)."""
    starting = {m.start: m for m in mentions}
    added = []
    for mention in mentions:
        if mention.label not in (PERSON, "") or len(mention.words) < 2:
            continue
        i = mention.end + (view.lower(mention.end) == ",")
        marker = next((m for m in lx.ALIAS_MARKERS if tuple(view.lower(i + k) for k in range(len(m))) == m), None)
        if marker is None:
            continue
        start = i + len(marker)
        end = start
        while end < view.n and end - start < MAX_TITLED_NAME_TOKENS and is_name_token(view, end):
            end += 1
        if end == start or view.sentence_of(start) != view.sentence_of(mention.start):
            continue
        alias = starting.get(start)
        if alias is None or alias.end != end:
            name = view.char_span(start, end)
            alias = Mention(start, end, "", name, name, tuple(view.lower(k) for k in range(start, end)))
            mentions[:] = [m for m in mentions if not (m.start < end and start < m.end)]
            added.append(alias)
        alias.votes[PERSON] += HINT_VOTE
        mention.nickname = mention.nickname or alias.name
    mentions.extend(added)
    mentions.sort(key=lambda m: m.start)


def is_name_token(view: DocView, i: int) -> bool:
    return 0 <= i < view.n and view.is_capitalised(i) and bool(NAME_WORD.match(view.tokens[i].text))


def _surname_run(view: DocView, i: int) -> int:
    """One past the capitalised name words starting at ``i`` (at most two: "Abu Marzouq")."""
    end = i
    while end < view.n and end - i < 2 and is_name_token(view, end) and view.sentence_of(end) == view.sentence_of(i):
        end += 1
    return end


def nicknamed(view: DocView, i: int) -> Mention | None:
    """ 'Alexander "Sasha" Troufanov': given name, nickname in quotes, surname."""
    doc = view.tokens
    if i + 4 >= view.n or doc[i + 1].text not in OPENING_QUOTES or doc[i + 3].text not in CLOSING_QUOTES:
        return None
    if not (is_name_token(view, i) and is_name_token(view, i + 2)):
        return None
    if doc[i].text.isupper() or doc[i + 4].text.isupper():
        return None  # "CO-FOUNDER 'PROUD' OF HOME": a banner in capitals
    end = _surname_run(view, i + 4)
    if end == i + 4 or view.lower(i) in lx.HONORIFICS or view.lower(i) in lx.TITLE_HEADS:
        return None
    given, surname = doc[i].text, view.char_span(i + 4, end)
    words = (doc[i].lower_, *(doc[k].lower_ for k in range(i + 4, end)))
    name = f"{given} {surname}"
    return Mention(i, end, "", name, view.char_span(i, end), words, nickname=doc[i + 2].text)


def given_then_surname(view: DocView, i: int) -> Mention | None:
    """ "Israeli-Russian Roni Krivoi", "Vitaly Trufanov (50 years old)", "Biplab Kumar Deb": a
    given name our tables know and one or two capitalised words after it that the model left out
    of any name (it labelled nothing, the given name alone, or the surname alone: "Priyanka
    [Gandhi]"). The name may follow an organization's name or a title ("Rajya Sabha Mallikarjun
    Kharge")."""
    doc = view.tokens
    j = i + 1
    if j >= view.n or doc[i].whitespace_ != " ":
        return None  # one space between (the parser may put a sentence break there), no line break
    if not (is_name_token(view, i) and is_name_token(view, j) and doc[i].is_alpha and doc[j].is_alpha):
        return None
    if doc[i].ent_type_ not in ("", "PERSON") or doc[i].ent_iob_ == "I":
        return None  # the given name inside a longer name of something
    if doc[j].ent_type_ and not (doc[i].ent_type_ == "" and _lone_person_token(view, j)):
        return None  # the model named the surname as something; "Priyanka [Gandhi]" is fine
    if doc[i].ent_type_ == "PERSON" and doc[j - 1].ent_iob_ == "B" and j < view.n and doc[j].ent_iob_ == "I":
        return None
    given = view.lower(i)
    if not known_given_name(view, i):
        return None  # "Asia Remembered", "Mark the date", "Will Parliament": another word
    if i > 0 and view.is_capitalised(i - 1) and not _may_precede_name(view, i - 1):
        return None  # inside a longer run of capitals; "Israeli-Russian Roni Krivoi" is fine
    end = j + 1
    if (
        is_name_token(view, end)
        and doc[end].is_alpha
        and not doc[end].ent_type_
        and doc[j].whitespace_ == " "
        and not view.is_capitalised(end + 1)
        and view.lower(end) not in _NOT_SURNAMES
    ):
        end += 1  # "Biplab Kumar Deb"
    surnames = tuple(view.lower(k) for k in range(j, end))
    if len(surnames[-1]) < 2 or any(word in _NOT_SURNAMES for word in surnames) or view.is_capitalised(end):
        return None  # "I promised Piotr I would", "Victoria Station", a longer run of capitals
    name = view.char_span(i, end)
    return Mention(i, end, "", name, name, (given, *surnames))


def _lone_person_token(view: DocView, j: int) -> bool:
    """Token ``j`` is a one-token PERSON entity: the model's name without its given name."""
    doc = view.tokens
    return doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B" and (j + 1 >= view.n or doc[j + 1].ent_iob_ != "I")


def _may_precede_name(view: DocView, k: int) -> bool:
    """A capitalised word that ends something else before a name: a nationality ("Israeli-Russian
    Roni Krivoi"), an organization word or title ("Rajya Sabha Mallikarjun Kharge", "BJP leader
    Sambit Patra")."""
    word = view.lower(k).rstrip(".")
    return (
        view.ent_type(k) == "NORP"
        or is_nationality(view, k)
        or word in lx.ORG_WORDS
        or word in lx.TITLE_HEADS
        or view.lower(k) in lx.HONORIFICS
    )


def titled_name(view: DocView, i: int) -> Mention | None:
    """ "Governor Satyadeo Narain Arya": a capitalised title, then two or three proper-noun name
    words the model labelled as nothing (the name, without the title)."""
    doc = view.tokens
    word = view.lower(i).rstrip(".")
    if not view.has_tags or not view.is_capitalised(i) or (word not in lx.TITLE_HEADS and view.lower(i) not in lx.HONORIFICS):
        return None
    start = end = i + 1
    while (
        end < view.n
        and end - start < MAX_TITLED_NAME_TOKENS
        and is_name_token(view, end)
        and doc[end].is_alpha
        and not doc[end].ent_type_
        and view.tag(end) in ("NNP", "NNPS")
        and view.sentence_of(end) == view.sentence_of(i)
    ):
        end += 1
    if end == start or view.is_capitalised(end) or doc[i].ent_type_ not in ("", "PERSON"):
        return None  # no name, a longer run of capitals, or the title in an organization's name
    if end - start < MIN_TITLED_NAME_TOKENS and not _lone_titled_surname(view, start):
        return None  # one word: "Galaxy Ultra", "Governor House"
    if view.lower(end - 1) in _NOT_SURNAMES or doc[start].text.isupper():
        return None  # "Governor House", "Minister BJP"
    words = tuple(view.lower(k) for k in range(start, end))
    name = view.char_span(start, end)
    return Mention(start, end, "", name, name, words)


def _lone_titled_surname(view: DocView, i: int) -> bool:
    """ "PM Modi", "Governor Arya": one word after a title that is no English word (WordNet) and
    that the page never writes in lowercase. "Governor House", "President Trump" are left to
    the model."""
    word = view.lower(i)
    return (
        wordnet.available()
        and len(word) >= MIN_SPOTTED_GIVEN_CHARS
        and not wordnet.is_word(word)
        and word not in view.lowercase_words
        and word not in lx.TRAILING_HONORIFICS
    )


def patronymic_name(view: DocView, i: int) -> Mention | None:
    """ "Yelena Yulianovna Trufanova": given name, patronymic, surname."""
    middle = view.lower(i + 1)
    if not (
        is_name_token(view, i)
        and is_name_token(view, i + 1)
        and is_name_token(view, i + 2)
        and len(middle) >= MIN_PATRONYMIC_CHARS
        and middle.endswith(PATRONYMIC_SUFFIXES)
        and view.lower(i).rstrip(".") not in lx.HONORIFICS
        and view.lower(i).rstrip(".") not in lx.TITLE_HEADS
    ):
        return None  # "Mr Leibovich", "President Abramovich": a surname in -ovich, no patronymic
    end = i + 3
    words = tuple(view.lower(k) for k in range(i, end))
    name = view.char_span(i, end)
    return Mention(i, end, "", name, name, words)


def is_title_word(view: DocView, i: int) -> bool:
    """ "President", "Mr", "Senior", "Musician": a word before a name that is not part of it."""
    word = view.lower(i).rstrip(".")
    if word in lx.TITLE_HEADS or view.lower(i) in lx.HONORIFICS:
        return True
    return (word in lx.ROLE_MODIFIERS or word in lx.ROLE_NOUNS) and view.is_capitalised(i)


def is_nationality(view: DocView, i: int) -> bool:
    return view.is_capitalised(i) and view.lower(i) in lx.NATIONALITIES


def kinship_names(view: DocView, covered: set[int]) -> list[Mention]:
    """Names right after "her son," / "Smith's wife" that the model did not label."""
    found = []
    doc = view.tokens
    lowers = view.context.lowers
    for i in range(view.n):
        if lowers[i] not in lx.KINSHIP:
            continue
        before = i - 1
        while view.lower(before) in lx.KIN_MODIFIERS:
            before -= 1
        if not (view.lower(before) in lx.POSSESSIVE_PRONOUNS or view.is_possessive(before)):
            continue
        start = i + 1
        if start < view.n and doc[start].text == ",":
            start += 1
        gender = None
        while view.lower(start) in lx.HONORIFICS:  # "his wife, Mrs Smith"
            gender = lx.HONORIFICS[view.lower(start)] or gender
            start += 1
        stop = min(view.sentence_end(i), start + MAX_KIN_NAME_TOKENS)
        end = start
        while end < stop and view.is_capitalised(end) and doc[end].is_alpha and end not in covered:
            end += 1
        if end > start and end not in covered:
            words = tuple(doc[k].lower_ for k in range(start, end))
            name = view.char_span(start, end)
            found.append(Mention(start, end, "", name, name, words, gender=gender))
            covered.update(range(start, end))
    return found
