"""Name mentions from ``doc.ents``, trimmed and repaired before any voting.

The small model's spans need four repairs: a leading "the" or title
("President", "Mr") and a trailing possessive or descriptor ("RIA Novosti news
agency") are not part of the name; a place word cut short ("Kibbutz Nir" for
"Kibbutz Nir Oz") is extended; bare titles and lowercase words are not names;
and a given name introduced by a kinship appositive ("her son, Alexander") is
a mention even when the model missed it. Names found by their shape, where the model
labelled nothing or something else, come from ``name_shapes``.
"""

from __future__ import annotations

from collections import Counter

import re

from ..link import names, wordnet
from ..lexicon import products
from ..lexicon import words as lx
from . import name_context, page_lines
from .name_shapes import (
    NAME_WORD,
    Mention,
    given_name_shaped,
    given_then_surname,
    is_nationality,
    is_title_word,
    kinship_names,
    nicknamed,
    patronymic_name,
    read_aliases,
    titled_name,
)
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
    TICKER_VOTE,
)

LABEL_KINDS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
# Labels the small model gives things, and now and then a person's name ("Amit Shah" PRODUCT).
THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT"})
# Labels under which a known given name and a surname are read as a person's name after all;
# not NORP ("Irish", "Democrats"), nor numbers and dates.
MISREAD_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"}) | THING_LABELS

# Longest all-capitals single word read as an acronym rather than a surname in capitals.
MAX_ACRONYM_CHARS = 5

# Words a hyphen joins to a name to make a modifier: "Modi-led", "Kremlin-backed", "Gaza-born".
_MODIFIER_AFTER_HYPHEN = re.compile(r"^(?:[a-z]+ed|run|era|style|like|type|born|made)$")
# Unicode's mathematical alphanumeric symbols (bold, italic, script letters).
_DECORATIVE_LETTERS = (0x1D400, 0x1D7FF)


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
        shaped = given_name_shaped(view, start, end) if ent.label_ in MISREAD_NAME_LABELS else None
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
    mentions.extend(m for m in kinship_names(view, covered) if not page.is_skipped(*_chars(view, m)))
    mentions.sort(key=lambda m: m.start)
    read_aliases(view, mentions)
    return mentions


def _chars(view: DocView, mention: Mention) -> tuple[int, int]:
    evidence = view.evidence(mention.start, mention.end)
    return evidence.start, evidence.end


def _body_name_words(view: DocView, page: page_lines.PageLines) -> frozenset[str]:
    """Capitalised words outside headline-case lines, where case tells a name: inside an
    entity, or not first in their sentence."""
    return frozenset(
        token.text
        for token in view.tokens
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
        if not view.is_capitalised(i):  # every shape starts with a capitalised word: skip the four tests
            i += 1
            continue
        mention = (
            nicknamed(view, i) or patronymic_name(view, i) or given_then_surname(view, i) or titled_name(view, i)
        )
        if mention is None or page.is_skipped(*_chars(view, mention)):
            i += 1
            continue
        found.append(mention)
        i = mention.end
    for mention in found:
        mention.votes[PERSON] += HINT_VOTE
    return found


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
            is_title_word(view, start)
            or _is_stray_lowercase(view, start)
            or is_nationality(view, start)
            or view.lower(start) in lx.LEADING_PREPOSITIONS
            or _is_stray_common_word(view, start)
        ):
            gender = lx.HONORIFICS.get(view.lower(start), gender)
            start += 1
        if gender is None and start > 0 and view.is_capitalised(start - 1):
            gender = lx.HONORIFICS.get(view.lower(start - 1))  # "Mr." before the span, not "miss"
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
    if len(words) > 1 and words[-1] in lx.ORG_TAIL_WORDS:
        votes[ORGANIZATION] += DESCRIPTOR_VOTE  # ends as a company's name: outweighs a given name's hint
    if name_context.names_an_outlet(view, start, end, joined):
        votes[ORGANIZATION] += KNOWN_OUTLET_VOTE
    if name_context.names_a_store(view, start, end) or name_context.acts_as_a_group(view, start, end):
        votes[ORGANIZATION] += DESCRIPTOR_VOTE
    if name_context.quoted_with_a_ticker(view, end):
        votes[ORGANIZATION] += TICKER_VOTE
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


def _name_end(view: DocView, start: int, end: int) -> int:
    """One past the last token of a person's name: a name stops at a number, a slash, a
    bracket, a link ("Trupanov 50", "Gandhi.(PTI", "Rajasthan pic.twitter.com/...")."""
    k = start
    while k < end:
        text = view.doc[k].text
        if NAME_WORD.match(text) or (text == "-" and k + 1 < end and not _MODIFIER_AFTER_HYPHEN.match(view.lower(k + 1))):
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
        if all(is_title_word(view, i) or words[i - start] in lx.ROLE_NOUNS for i in range(start, end)):
            return False  # "the Ayatollah", "President"
        if (len(words) == 1 and words[0] in lx.TRAILING_HONORIFICS) or "".join(words) in lx.NOT_PEOPLE:
            return False  # "Ji"; "Wi-Fi" (three tokens)
        if len(words) == 1 and view.doc[start].text.isupper() and len(words[0]) <= MAX_ACRONYM_CHARS:
            return False  # "GB", "MLA", "COVID": an acronym, not a surname
        if start > 0 and view.doc[start - 1].text == "#" and not view.doc[start - 1].whitespace_:
            return False  # "#NotreDame": a hashtag names a topic
    elif view.tag(end - 1) == "JJ":
        return False  # "Middle Eastern allies"
    return True


