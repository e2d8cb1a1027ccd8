"""Name mentions from ``doc.ents``, trimmed and repaired before any voting.

The small model's spans need four repairs: a leading "the" or title
("President", "Mr") and a trailing possessive or descriptor ("RIA Novosti news
agency") are not part of the name; a place word cut short ("Kibbutz Nir" for
"Kibbutz Nir Oz") is extended; bare titles and lowercase words are not names;
and a given name introduced by a kinship appositive ("her son, Alexander") is
a mention even when the model missed it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import re

from ..link import names, wordnet
from ..lexicon.names import PATRONYMIC_SUFFIXES
from ..lexicon import products
from ..lexicon import words as lx
from . import name_context, page_lines
from .tokens import DocView
from .voting import (
    DESCRIPTOR_VOTE,
    GIVEN_NAME_SHAPE_VOTE,
    HINT_VOTE,
    KNOWN_OUTLET_VOTE,
    LISTED_WITH_PLACES_VOTE,
    KNOWN_PLACE_VOTE,
    MODEL_LABEL_VOTE,
    ORG_WORD_VOTE,
    ORGANIZATION,
    PERSON,
    PLACE,
    PLACE_WORD_VOTE,
)

LABEL_KINDS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
# Labels the small model gives things, and now and then a person's name ("Amit Shah" PRODUCT).
THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT"})
# Labels under which a known given name and a surname are read as a person's name after all;
# not NORP ("Irish", "Democrats"), nor numbers and dates.
MISREAD_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"}) | THING_LABELS

# Most tokens a rule-found name after a kinship noun may have ("her son, Alexander Smith Jr").
MAX_KIN_NAME_TOKENS = 3
# Longest all-capitals single word read as an acronym rather than a surname in capitals.
MAX_ACRONYM_CHARS = 5
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
_NAME_WORD = re.compile(r"^(?:[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*|(?:[A-Z]\.)+[A-Z]?)$")
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
# Words a hyphen joins to a name to make a modifier: "Modi-led", "Kremlin-backed", "Gaza-born".
_MODIFIER_AFTER_HYPHEN = re.compile(r"^(?:[a-z]+ed|run|era|style|like|type|born|made)$")
# Unicode's mathematical alphanumeric symbols (bold, italic, script letters).
_DECORATIVE_LETTERS = (0x1D400, 0x1D7FF)
OPENING_QUOTES = frozenset({'"', "\u201c", "'", "\u2018", "\u00ab"})
CLOSING_QUOTES = frozenset({'"', "\u201d", "'", "\u2019", "\u00bb"})


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


def collect(view: DocView) -> list[Mention]:
    """All usable name mentions, in text order."""
    page = page_lines.read(view.text)
    mentions = _pattern_names(view, page)
    covered: set[int] = {i for m in mentions for i in range(m.start, m.end)}
    body_words = _body_name_words(view, page)
    for ent in view.doc.ents:
        kind = LABEL_KINDS.get(ent.label_)
        if any(i in covered for i in range(ent.start, ent.end)):
            continue
        covered.update(range(ent.start, ent.end))
        if page.is_skipped(ent.start_char, ent.end_char):
            continue
        start, end, read_as = ent.start, ent.end, kind
        shaped = _given_name_shaped(view, start, end) if ent.label_ in MISREAD_NAME_LABELS else None
        if shaped is not None:
            (start, end), read_as = shaped, PERSON  # "the Narendra Modi government" (ORG)
        if read_as is None:
            continue
        if read_as == PERSON and (page.in_headline(ent.start_char) or _all_capitals(view, start, end)):
            start, end = _corroborated(view, start, end, body_words)
        mention = _trim(view, start, end, read_as, label=kind) if end > start else None
        if mention is not None:
            if shaped is not None:
                mention.votes[PERSON] += GIVEN_NAME_SHAPE_VOTE
                mention.misread = True
            mentions.append(mention)
    mentions.extend(m for m in _kinship_names(view, covered) if not page.is_skipped(*_chars(view, m)))
    mentions.sort(key=lambda m: m.start)
    _read_aliases(view, mentions)
    return mentions


def _given_name_shaped(view: DocView, start: int, end: int) -> tuple[int, int] | None:
    """A name the model labelled as something else that is a given name our tables know and one
    or two surname words: "the Narendra Modi government" (ORG), "Amit Shah" (PRODUCT), "Victor
    Hugo's" (FAC), "Thibaut Courtois to Real Madrid" (ORG, cut at "to"). Not when more
    capitalised words or an institution's noun follow ("Narendra Modi Stadium", "Walter Reed
    hospital"), nor when a word
    after the given name is an organization or place word or one the page writes in lowercase
    ("Lewis Leathers" beside "leathers")."""
    doc = view.doc
    while start < end and (view.lower(start) in lx.LEADING_DETERMINERS or _is_title_word(view, start)):
        start += 1
    if end - start < 2 or not _known_given_name(view, start):
        return None
    stop = start + 1
    while stop < end and stop - start <= MAX_SURNAME_WORDS and _is_name_token(view, stop) and doc[stop].is_alpha:
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
    return (view.is_capitalised(k) and view.doc[k].text[0].isalpha()) or word in lx.NAMED_AFTER_HEADS


def _known_given_name(view: DocView, i: int) -> bool:
    """Token ``i`` is a capitalised given name our tables know, of a length that is rarely another
    word, written as a proper noun where there is a tagger ("Mark the date" is no name)."""
    given = view.lower(i)
    return (
        _is_name_token(view, i)
        and view.doc[i].is_alpha
        and len(given) >= MIN_SPOTTED_GIVEN_CHARS
        and names.is_given_name(given)
        and given not in lx.KNOWN_PLACES
        and (not view.has_tags or view.tag(i) in ("NNP", "NNPS"))
    )


def _read_aliases(view: DocView, mentions: list[Mention]) -> None:
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
        while end < view.n and end - start < MAX_TITLED_NAME_TOKENS and _is_name_token(view, end):
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


def _chars(view: DocView, mention: Mention) -> tuple[int, int]:
    evidence = view.evidence(mention.start, mention.end)
    return evidence.start, evidence.end


def _body_name_words(view: DocView, page: page_lines.PageLines) -> frozenset[str]:
    """Capitalised words outside headline-case lines, where case tells a name: inside an
    entity, or not first in their sentence."""
    doc = view.doc
    return frozenset(
        token.text
        for token in doc
        if view.is_capitalised(token.i)
        and not page.in_headline(token.idx)
        and (token.ent_type_ or token.i != view.sentence_start(token.i))
    )


def _all_capitals(view: DocView, start: int, end: int) -> bool:
    """ "FOUNDER OF HOME": a span of several words in capitals, a banner more often than a name."""
    words = [view.doc[i].text for i in range(start, end) if view.doc[i].is_alpha]
    return len(words) > 1 and all(w.isupper() and len(w) > 1 for w in words)


def _corroborated(view: DocView, start: int, end: int, body_words: frozenset[str]) -> tuple[int, int]:
    """The longest run of a headline (or all-capitals) name's words that the page also writes
    capitalised elsewhere: "Putin Extends Gratitude" -> "Putin", "VLADIMIR PUTIN" -> both
    when the page writes "Vladimir Putin"; (start, start) when none."""
    best = (start, start)
    run_start = start
    for i in range(start, end + 1):
        if i < end and (view.doc[i].text in body_words or view.doc[i].text.title() in body_words):
            continue
        if i - run_start > best[1] - best[0]:
            best = (run_start, i)
        run_start = i + 1
    return best


def _pattern_names(view: DocView, page: page_lines.PageLines) -> list[Mention]:
    """Full names the model splits or cuts, found by their shape: a quoted nickname between
    given name and surname ('Alexander "Sasha" Troufanov') and a patronymic between them
    ("Yelena Yulianovna Trufanova")."""
    found = []
    i = 0
    while i < view.n:
        mention = (
            _nicknamed(view, i) or _patronymic_name(view, i) or _given_then_surname(view, i) or _titled_name(view, i)
        )
        if mention is None or page.is_skipped(*_chars(view, mention)):
            i += 1
            continue
        found.append(mention)
        i = mention.end
    for mention in found:
        mention.votes[PERSON] += HINT_VOTE
    return found


def _is_name_token(view: DocView, i: int) -> bool:
    return 0 <= i < view.n and view.is_capitalised(i) and bool(_NAME_WORD.match(view.doc[i].text))


def _surname_run(view: DocView, i: int) -> int:
    """One past the capitalised name words starting at ``i`` (at most two: "Abu Marzouq")."""
    end = i
    while end < view.n and end - i < 2 and _is_name_token(view, end) and view.sentence_of(end) == view.sentence_of(i):
        end += 1
    return end


def _nicknamed(view: DocView, i: int) -> Mention | None:
    """ 'Alexander "Sasha" Troufanov': given name, nickname in quotes, surname."""
    doc = view.doc
    if i + 4 >= view.n or doc[i + 1].text not in OPENING_QUOTES or doc[i + 3].text not in CLOSING_QUOTES:
        return None
    if not (_is_name_token(view, i) and _is_name_token(view, i + 2)):
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


def _given_then_surname(view: DocView, i: int) -> Mention | None:
    """ "Israeli-Russian Roni Krivoi", "Vitaly Trufanov (50 years old)", "Biplab Kumar Deb": a
    given name our tables know and one or two capitalised words after it that the model left out
    of any name (it labelled nothing, the given name alone, or the surname alone: "Priyanka
    [Gandhi]"). The name may follow an organization's name or a title ("Rajya Sabha Mallikarjun
    Kharge")."""
    doc = view.doc
    j = i + 1
    if j >= view.n or doc[i].whitespace_ != " ":
        return None  # one space between (the parser may put a sentence break there), no line break
    if not (_is_name_token(view, i) and _is_name_token(view, j) and doc[i].is_alpha and doc[j].is_alpha):
        return None
    if doc[i].ent_type_ not in ("", "PERSON") or doc[i].ent_iob_ == "I":
        return None  # the given name inside a longer name of something
    if doc[j].ent_type_ and not (doc[i].ent_type_ == "" and _lone_person_token(view, j)):
        return None  # the model named the surname as something; "Priyanka [Gandhi]" is fine
    if doc[i].ent_type_ == "PERSON" and doc[j - 1].ent_iob_ == "B" and j < view.n and doc[j].ent_iob_ == "I":
        return None
    given = view.lower(i)
    if not _known_given_name(view, i):
        return None  # "Asia Remembered", "Mark the date", "Will Parliament": another word
    if i > 0 and view.is_capitalised(i - 1) and not _may_precede_name(view, i - 1):
        return None  # inside a longer run of capitals; "Israeli-Russian Roni Krivoi" is fine
    end = j + 1
    if (
        _is_name_token(view, end)
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
    doc = view.doc
    return doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B" and (j + 1 >= view.n or doc[j + 1].ent_iob_ != "I")


def _may_precede_name(view: DocView, k: int) -> bool:
    """A capitalised word that ends something else before a name: a nationality ("Israeli-Russian
    Roni Krivoi"), an organization word or title ("Rajya Sabha Mallikarjun Kharge", "BJP leader
    Sambit Patra")."""
    word = view.lower(k).rstrip(".")
    return (
        view.ent_type(k) == "NORP"
        or _is_nationality(view, k)
        or word in lx.ORG_WORDS
        or word in lx.TITLE_HEADS
        or view.lower(k) in lx.HONORIFICS
    )


def _titled_name(view: DocView, i: int) -> Mention | None:
    """ "Governor Satyadeo Narain Arya": a capitalised title, then two or three proper-noun name
    words the model labelled as nothing (the name, without the title)."""
    doc = view.doc
    word = view.lower(i).rstrip(".")
    if not view.has_tags or not view.is_capitalised(i) or (word not in lx.TITLE_HEADS and view.lower(i) not in lx.HONORIFICS):
        return None
    start = end = i + 1
    while (
        end < view.n
        and end - start < MAX_TITLED_NAME_TOKENS
        and _is_name_token(view, end)
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


def _patronymic_name(view: DocView, i: int) -> Mention | None:
    """ "Yelena Yulianovna Trufanova": given name, patronymic, surname."""
    middle = view.lower(i + 1)
    if not (
        _is_name_token(view, i)
        and _is_name_token(view, i + 1)
        and _is_name_token(view, i + 2)
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


def _is_title_word(view: DocView, i: int) -> bool:
    """ "President", "Mr", "Senior", "Musician": a word before a name that is not part of it."""
    word = view.lower(i).rstrip(".")
    if word in lx.TITLE_HEADS or view.lower(i) in lx.HONORIFICS:
        return True
    return (word in lx.ROLE_MODIFIERS or word in lx.ROLE_NOUNS) and view.is_capitalised(i)


def _trim(view: DocView, start: int, end: int, kind: str, label: str | None) -> Mention | None:
    """The name in tokens ``start:end``, trimmed as a name of ``kind`` (person, organization,
    place), with its votes; ``label`` is the kind the model's label gave it (None when the label
    names no kind: "Amit Shah" as a product)."""
    doc = view.doc
    votes: Counter = Counter({label: MODEL_LABEL_VOTE} if label else {})
    gender = None
    while start < end and view.lower(start) in lx.LEADING_DETERMINERS:
        start += 1
    if kind == PERSON:
        # "President Vladimir Putin" -> "Vladimir Putin"; the title is read as a role later.
        # "Russian Ron Krivoi" -> "Ron Krivoi": the nationality is read as an attribute.
        start = _after_sports_position(view, start, end)  # "Browns DL Sheldon Richardson"
        while end - start > 1 and (
            _is_title_word(view, start)
            or _is_stray_lowercase(view, start)
            or _is_nationality(view, start)
            or view.lower(start) in lx.LEADING_PREPOSITIONS
            or _is_stray_common_word(view, start)
        ):
            gender = lx.HONORIFICS.get(view.lower(start), gender)
            start += 1
        end = _name_end(view, start, end)  # "Rahul Gandhi.(PTI", "Narendra Modi-led"
        while end - start > 1 and view.lower(end - 1) in lx.TRAILING_HONORIFICS:
            end -= 1  # "Modi Ji"
        if end == start or name_context.is_product(view, start, end) or name_context.is_brand(view, start, end):
            return None
        if name_context.names_a_product(view, start, end):
            return None
    while end > start and (view.is_possessive(end - 1) or doc[end - 1].is_punct):
        end -= 1
    surface_end = end
    while (
        end - start > 1
        and doc[end - 1].is_lower
        and doc[end - 2].whitespace_  # "Co-operation" is one word
        and view.lower(end - 1) not in lx.NAME_PARTICLES
    ):
        end -= 1  # "RIA Novosti news agency" -> "RIA Novosti"
        if view.lower(end) in lx.ORG_DESCRIPTORS:
            votes[ORGANIZATION] += DESCRIPTOR_VOTE
    if end <= start:
        return None
    if end < view.n and doc[end].is_lower and view.lower(end) in lx.PLACE_TRAILING_WORDS:
        votes[PLACE] += DESCRIPTOR_VOTE  # "the Hoa Lo prison", "the Nir Oz border crossing"
    if view.lower(start) in lx.PLACE_LEADING_WORDS:
        stop = view.sentence_end(start)
        while end < stop and view.is_capitalised(end) and doc[end].is_alpha and not view.ent_type(end):
            end += 1  # "Kibbutz Nir" + "Oz"
        surface_end = max(surface_end, end)
        votes[PLACE] += PLACE_WORD_VOTE
    if kind == PERSON and name_context.is_noun_modifier(view, start, end):
        return None  # "the Molvane security analyst": a name that qualifies a noun is no one
    if name_context.is_place_appositive(view, start, end):
        votes[PLACE] += PLACE_WORD_VOTE
    if name_context.listed_with_places(view, start, end):
        votes[PLACE] += LISTED_WITH_PLACES_VOTE
    descriptor = name_context.descriptor_before(view, start)
    if descriptor in lx.ORG_DESCRIPTORS:
        votes[ORGANIZATION] += DESCRIPTOR_VOTE
    elif descriptor in lx.PLACE_DESCRIPTORS:
        votes[PLACE] += DESCRIPTOR_VOTE
    words = tuple(doc[i].lower_ for i in range(start, end))
    joined = " ".join(words)
    if joined in lx.KNOWN_PLACES or lx.NAME_ALIASES.get(joined, "").lower() in lx.KNOWN_PLACES:
        votes[PLACE] += KNOWN_PLACE_VOTE
    if view.lower(start - 1) in lx.PLACE_PREPOSITIONS:
        votes[PLACE] += HINT_VOTE  # "in Haifa"; an organization label still wins a tie
    if words[-1] in lx.PLACE_TRAILING_WORDS:
        votes[PLACE] += PLACE_WORD_VOTE
    if len(words) > 1 and any(word in lx.ORG_WORDS for word in words):
        votes[ORGANIZATION] += ORG_WORD_VOTE
    if name_context.names_an_outlet(view, start, end, joined):
        votes[ORGANIZATION] += KNOWN_OUTLET_VOTE
    if name_context.names_a_store(view, start, end):
        votes[ORGANIZATION] += DESCRIPTOR_VOTE
    if name_context.after_street_word(view, start):
        votes[PLACE] += PLACE_WORD_VOTE
    if not _is_name(view, start, end, kind, words):
        return None
    return Mention(
        start=start,
        end=end,
        label=label or "",
        name=view.char_span(start, end),
        surface=view.char_span(start, surface_end),
        words=words,
        votes=votes,
        gender=gender,
    )


def _is_nationality(view: DocView, i: int) -> bool:
    return view.is_capitalised(i) and view.lower(i) in lx.NATIONALITIES


def _name_end(view: DocView, start: int, end: int) -> int:
    """One past the last token of a person's name: a name stops at a number, a slash, a
    bracket, a link ("Trupanov 50", "Gandhi.(PTI", "Rajasthan pic.twitter.com/...")."""
    k = start
    while k < end:
        text = view.doc[k].text
        if _NAME_WORD.match(text) or (text == "-" and k + 1 < end and not _MODIFIER_AFTER_HYPHEN.match(view.lower(k + 1))):
            k += 1  # "Tsai Ing-wen", "Kim Jong-un", not "Modi-led"
        else:
            break
    return k


# Shortest word in -ing read as a verb opening a sentence: "Ming", "Ling" are names.
MIN_GERUND_CHARS = 6
# Tags of words that open a PERSON span without being part of the name: "Questioning Vindman",
# "Recent Samsung", "Hosting Cook" (a sentence's first word, capitalised).
_STRAY_TAGS = frozenset({"VBG", "VBD", "VBN", "VB", "VBZ", "JJ", "JJR", "JJS", "RB"})


def _is_stray_common_word(view: DocView, i: int) -> bool:
    """A capitalised English word the tagger reads as a verb, adjective or adverb, or a word in
    -ing opening its sentence ("Hosting Cook", tagged a proper noun); not a given name."""
    word = view.lower(i)
    opens_with_gerund = (
        i == view.sentence_start(i)
        and word.endswith("ing")
        and len(word) >= MIN_GERUND_CHARS
        and not (wordnet.available() and wordnet.names_a_person(word))  # "Fleming", "Harding"
    )
    return (
        (view.tag(i) in _STRAY_TAGS or opens_with_gerund)
        and not names.is_given_name(word)
        and wordnet.available()
        and wordnet.is_word(word)
    )


def _after_sports_position(view: DocView, start: int, end: int) -> int:
    """Where the name starts after a roster's position ("DL Myles Garrett", "Browns DL Sheldon
    Richardson"): past a position code in the span's first two tokens with two name words after it."""
    for k in range(start, min(start + 2, end)):
        if view.doc[k].text in products.SPORTS_POSITIONS and end - (k + 1) >= 2:
            return k + 1
    return start


def _is_stray_lowercase(view: DocView, i: int) -> bool:
    """ "rang" in a PERSON span "rang Lucy"; "al" in "al-Sisi" is part of the name."""
    return view.doc[i].is_lower and view.lower(i) not in lx.NAME_PARTICLES


def _is_name(view: DocView, start: int, end: int, kind: str, words: tuple[str, ...]) -> bool:
    """False for what is no name at all: lowercase words, a bare title, an adjective."""
    if not any(view.is_capitalised(i) for i in range(start, end)):
        return False
    if any(_DECORATIVE_LETTERS[0] <= ord(c) <= _DECORATIVE_LETTERS[1] for c in view.char_span(start, end)):
        return False  # "𝘕𝘦𝘸𝘴 𝘕𝘢𝘵𝘪𝘰𝘯": styled letters of a banner, not a name in running text
    joined = " ".join(words)
    if joined in lx.NATIONALITIES or words[-1] in lx.NOT_NAME_WORDS:  # "Russian" as GPE, "Brit Award"
        return False
    if kind == PERSON:
        if all(_is_title_word(view, i) or words[i - start] in lx.ROLE_NOUNS for i in range(start, end)):
            return False  # "the Ayatollah", "President"
        if len(words) == 1 and (words[0] in lx.NOT_PEOPLE or words[0] in lx.TRAILING_HONORIFICS):
            return False
        if len(words) == 1 and view.doc[start].text.isupper() and len(words[0]) <= MAX_ACRONYM_CHARS:
            return False  # "GB", "MLA", "COVID": an acronym, not a surname
        if start > 0 and view.doc[start - 1].text == "#" and not view.doc[start - 1].whitespace_:
            return False  # "#NotreDame": a hashtag names a topic
    elif view.tag(end - 1) == "JJ":
        return False  # "Middle Eastern allies"
    return True


def _kinship_names(view: DocView, covered: set[int]) -> list[Mention]:
    """Names right after "her son," / "Smith's wife" that the model did not label."""
    found = []
    doc = view.doc
    for token in doc:
        if token.lower_ not in lx.KINSHIP:
            continue
        i = token.i
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
