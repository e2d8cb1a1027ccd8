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

from . import lexicon as lx
from .tokens import DocView
from .voting import (
    DESCRIPTOR_VOTE,
    HINT_VOTE,
    KNOWN_PLACE_VOTE,
    MODEL_LABEL_VOTE,
    ORG_WORD_VOTE,
    ORGANIZATION,
    PERSON,
    PLACE,
    PLACE_WORD_VOTE,
)

LABEL_KINDS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}

# Most tokens a rule-found name after a kinship noun may have ("her son, Alexander Smith Jr").
MAX_KIN_NAME_TOKENS = 3


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


def collect(view: DocView) -> list[Mention]:
    """All usable name mentions, in text order."""
    mentions = []
    covered: set[int] = set()
    for ent in view.doc.ents:
        kind = LABEL_KINDS.get(ent.label_)
        covered.update(range(ent.start, ent.end))
        if kind is None:
            continue
        mention = _trim(view, ent.start, ent.end, kind)
        if mention is not None:
            mentions.append(mention)
    mentions.extend(_kinship_names(view, covered))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _is_title_word(view: DocView, i: int) -> bool:
    """ "President", "Mr", "Senior", "Musician": a word before a name that is not part of it."""
    word = view.lower(i).rstrip(".")
    if word in lx.TITLE_HEADS or view.lower(i) in lx.HONORIFICS:
        return True
    return (word in lx.ROLE_MODIFIERS or word in lx.ROLE_NOUNS) and view.is_capitalised(i)


def _trim(view: DocView, start: int, end: int, kind: str) -> Mention | None:
    doc = view.doc
    votes: Counter = Counter({kind: MODEL_LABEL_VOTE})
    gender = None
    while start < end and view.lower(start) in lx.LEADING_DETERMINERS:
        start += 1
    if kind == PERSON:
        # "President Vladimir Putin" -> "Vladimir Putin"; the title is read as a role later.
        while end - start > 1 and (_is_title_word(view, start) or _is_stray_lowercase(view, start)):
            gender = lx.HONORIFICS.get(view.lower(start), gender)
            start += 1
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
    if view.lower(start) in lx.PLACE_LEADING_WORDS:
        stop = view.sentence_end(start)
        while end < stop and view.is_capitalised(end) and doc[end].is_alpha and not view.ent_type(end):
            end += 1  # "Kibbutz Nir" + "Oz"
        surface_end = max(surface_end, end)
        votes[PLACE] += PLACE_WORD_VOTE
    if kind == PERSON and _is_noun_modifier(view, start, end):
        return None  # "the Molvane security analyst": a name that qualifies a noun is no one
    if _is_place_appositive(view, start, end):
        votes[PLACE] += PLACE_WORD_VOTE
    descriptor = _descriptor_before(view, start)
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
    if not _is_name(view, start, end, kind, words):
        return None
    return Mention(
        start=start,
        end=end,
        label=kind,
        name=view.char_span(start, end),
        surface=view.char_span(start, surface_end),
        words=words,
        votes=votes,
        gender=gender,
    )


def _is_stray_lowercase(view: DocView, i: int) -> bool:
    """ "rang" in a PERSON span "rang Lucy"; "al" in "al-Sisi" is part of the name."""
    return view.doc[i].is_lower and view.lower(i) not in lx.NAME_PARTICLES


def _descriptor_before(view: DocView, start: int) -> str:
    """The lowercase noun before a name: "chain" in "the bakery chain Crumbwell", "town" in
    "the town of Halden"."""
    k = start - 1
    if view.lower(k) == "of":
        k -= 1
    return view.lower(k) if k >= 0 and view.doc[k].is_lower else ""


def _is_noun_modifier(view: DocView, start: int, end: int) -> bool:
    """One capitalised word between an article and a common noun: "the Molvane security
    analyst", "the Hollis family". It names what the noun belongs to, not a person."""
    doc = view.doc
    return (
        end - start == 1
        and view.lower(start - 1) in {"the", "a", "an"}
        and end < len(doc)
        and doc[end].is_lower
        and doc[end].pos_ == "NOUN"
    )


def _is_place_appositive(view: DocView, start: int, end: int) -> bool:
    """ "the capital, Molvane." / "the town, Halden,": a place noun, a comma and the name
    closing the phrase."""
    doc = view.doc
    return (
        view.lower(start - 1) == ","
        and view.lower(start - 2) in lx.PLACE_DESCRIPTORS
        and view.lower(start - 3) == "the"
        and (end >= len(doc) or doc[end].is_punct)
    )


def _is_name(view: DocView, start: int, end: int, kind: str, words: tuple[str, ...]) -> bool:
    """False for what is no name at all: lowercase words, a bare title, an adjective."""
    if not any(view.is_capitalised(i) for i in range(start, end)):
        return False
    joined = " ".join(words)
    if joined in lx.NATIONALITIES or words[-1] in lx.NOT_NAME_WORDS:  # "Russian" as GPE, "Brit Award"
        return False
    if kind == PERSON:
        if all(_is_title_word(view, i) or words[i - start] in lx.ROLE_NOUNS for i in range(start, end)):
            return False  # "the Ayatollah", "President"
        if len(words) == 1 and words[0] in lx.NOT_PEOPLE:
            return False
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
