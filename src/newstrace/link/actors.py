"""Actors in a changed block: who does what to whom, and whether a copy changed it.

An ``agent_swap`` is an actor replaced by another (a name that is not a person, an actor
noun, the agent of a passive) or two names that trade places; a name respelt in place, an
acronym spelt out or a name extended is no change of actor. Used by ``changed_pair``.
"""

from __future__ import annotations

import re
from collections import Counter

from . import distortion_lexicon as lx
from . import names
from . import wordnet
from ..lexicon.words import HONORIFICS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_HEADS
from ..model import Distortion
from .pair_sides import Side, dice, group_keys
from .text import words


_ROLE_NOUNS = frozenset(ROLE_NOUNS) | lx.EXTRA_ROLE_NOUNS


def role_of(unit: str) -> str | None:
    word = unit.removesuffix("'s")
    if word in _ROLE_NOUNS:
        return word
    if word.endswith("s") and word[:-1] in _ROLE_NOUNS:
        return word[:-1]
    head = word.rpartition("-")[2]  # "vice-president", "co-founder": another role than the head's
    if head != word and role_of(head):
        return word
    return None


def changed_actors(left: Side, right: Side, block, swapped: frozenset[str]) -> list[Distortion]:
    # A capitalised role ("Culture Minister" -> "Culture Adviser") is a role change (``_roles``).
    src = [k for k in range(block[0], block[1]) if _is_actor(right, k) and right.key(k) not in swapped]
    dst = [k for k in range(block[2], block[3]) if _is_actor(left, k) and left.key(k) not in swapped]
    if not src or not dst:
        return []
    # An actor written anywhere in the other side's run was moved (a spinner reorders
    # clauses), not replaced; an agent noun's WordNet synonym ("government" /
    # "administration") is the same actor reworded.
    src_keys = {_house_spelling(right.key(k)) for k in range(len(right.units))}
    dst_keys = {_house_spelling(left.key(k)) for k in range(len(left.units))}
    src = [k for k in src if _house_spelling(right.key(k)) not in dst_keys]
    dst = [k for k in dst if _house_spelling(left.key(k)) not in src_keys]
    dst = [k for k in dst if not any(_reworded_actor(left.units[k], right.units[j]) for j in src)]
    # One name inside the other is an inflection or a glued word ("Gujarat" / "Gujarats",
    # "Europe" / "European", "Cheema" / "Cheemadrove"), not another name.
    src_names = [right.key(k) for k in src]
    dst = [k for k in dst if not any(_extends(left.key(k), name) for name in src_names)]
    if not src or not dst:
        return []
    copy_piece, source_piece = left.piece(dst), right.piece(src)
    if _spelt_out(source_piece.text, copy_piece.text) or _spelt_out(copy_piece.text, source_piece.text):
        return []
    kind = _actor_change(left, dst, right, src)
    return [Distortion(kind, copy_piece, source_piece, f"{source_piece.text} -> {copy_piece.text}")]


# A name extends another when it starts with it, the shorter keeps this many letters and the
# longer adds at least EXTENDED_NAME_MIN_ADDED: one letter more is a gendered form or a
# respelling, which is a change (Orlov / Orlova, Dunn / Dunne).
EXTENDED_NAME_MIN_LETTERS = 4
EXTENDED_NAME_MIN_ADDED = 2


def _extends(first: str, second: str) -> bool:
    shorter, longer = sorted((first, second), key=len)
    return (
        len(shorter) >= EXTENDED_NAME_MIN_LETTERS
        and len(longer) - len(shorter) >= EXTENDED_NAME_MIN_ADDED
        and longer.startswith(shorter)
    )


def _spelt_out(acronym: str, words: str) -> bool:
    """``words`` spell out ``acronym`` ("GST" / "Goods and Services Tax", or the start of it)."""
    if not (acronym.isupper() and acronym.isalpha() and len(acronym) >= 2):
        return False
    initials = "".join(w[0] for w in words.split() if w[:1].isupper())
    shorter = min(len(initials), len(acronym))
    return shorter >= 2 and initials[:shorter] == acronym[:shorter]


def _reworded_actor(first: str, second: str) -> bool:
    """Two agent nouns that share a WordNet sense (a name is never reworded)."""
    return first in lx.AGENT_NOUNS and second in lx.AGENT_NOUNS and wordnet.synonymous(first, second)


# British and American spellings of one word ("the Centre" / "the Center", "Labour" /
# "Labor", "Defence" / "Defense"): a copy's house style, not another name.
_HOUSE_SPELLINGS = ((re.compile(r"tre$"), "ter"), (re.compile(r"our$"), "or"), (re.compile(r"ence$"), "ense"),
                    (re.compile(r"is(e|ation)"), r"iz\1"), (re.compile(r"yse$"), "yze"))


def _house_spelling(key: str) -> str:
    key = key.replace("''", "'").replace("’", "'").removesuffix("'s")  # a possessive is the same name
    for pattern, replacement in _HOUSE_SPELLINGS:
        key = pattern.sub(replacement, key)
    return key


def _is_actor(side: Side, k: int) -> bool:
    return side.is_actor(k) and not role_of(side.units[k])


def _actor_change(left: Side, dst: list[int], right: Side, src: list[int]) -> str:
    """``name``, ``attribution`` or ``agent_swap``: what replacing the actor ``src`` by ``dst`` changed.

    Two spellings of one family of names (a transliteration, a typo, a
    gendered form: "Dana Orlov" -> "Dana Orlova") name the same kind of
    person: a name change, or an attribution when the name speaks. Otherwise
    an actor noun or an organization's name on either side makes it a change
    of actor, and so does a name that is the agent of a passive ("held by the
    Brigade", "played by X") unless part of it is kept ("by Dana Orlov" ->
    "by Dana Kuhn": the same kind of person). Without entities (a text-only
    analysis) names count as people's.
    """
    if not _spelling_variants(left, dst, right, src):
        # A name with an honorific or a known given name is a person's,
        # whatever a parse tagged it ("Mr Gates", "Lena Brandt").
        groups = frozenset() if _personal(left, dst) and _personal(right, src) else group_keys(right.reading, left.reading)
        actors = [(right, k) for k in src] + [(left, k) for k in dst]
        if any(side.units[k] in lx.AGENT_NOUNS or side.key(k) in groups for side, k in actors):
            return "agent_swap"
        in_place = _in_place(left, dst) and _in_place(right, src)
        if not in_place and _passive_agent(left, dst) and _passive_agent(right, src):
            return "agent_swap"
    if _speaks(left, dst) and _speaks(right, src):
        return "attribution"  # a named speaker replaced, where no quote of the analyses told us
    return "name"


def _name_run(side: Side, indices: list[int]) -> tuple[int, int]:
    """The first and last unit of the whole name that ``indices`` are part of (punctuation ends a name)."""
    first, last = indices[0], indices[-1]
    while first > 0 and side.is_name(first - 1) and not text_between(side, first).strip():
        first -= 1
    while last + 1 < len(side.units) and side.is_name(last + 1) and not text_between(side, last + 1).strip():
        last += 1
    return first, last


def _personal(side: Side, indices: list[int]) -> bool:
    """The name at ``indices`` reads as a person's: after an honorific, or a known given name and more."""
    if not all(side.is_name(k) for k in indices):
        return False
    first, last = _name_run(side, indices)
    if first > 0 and side.units[first - 1] in _HONORIFICS:
        return True
    return first < last and names.is_given_name(side.key(first))


def _in_place(side: Side, indices: list[int]) -> bool:
    """Part of the name at ``indices`` is kept around it ("Dana" in "Dana Orlova")."""
    return _name_run(side, indices) != (indices[0], indices[-1]) and all(side.is_name(k) for k in indices)


def _spelling_variants(left: Side, dst: list[int], right: Side, src: list[int]) -> bool:
    """One name written two ways: a transliteration, a typo or a gendered form (Orlov / Orlova)."""
    if len(dst) != 1 or len(src) != 1 or not (left.is_name(dst[0]) and right.is_name(src[0])):
        return False
    a, b = left.key(dst[0]), right.key(src[0])
    return names.surname_similarity(a, b) is not None or names.gendered_forms(a, b)


# How near a speech verb stands to a name that speaks, in units: "said Jiri
# Novak" (1 before, titles between: "said Everton spokesman Ian Ross"),
# "Novak said", "Novak has said" (2 after), or right after an apposition
# ("Kim, an analyst at Sejong Securities, told Reuters"). Further out the verb
# has another subject ("Marek Dunn, was travelling abroad, the company said").
SPEAKER_BEFORE, SPEAKER_AFTER = 1, 2
# Title words skipped between a speech verb and the name ("said chief executive
# Lee Strafford", "stated Dr Alastair Brydon"): a role phrase runs to three.
SPEAKER_TITLE_WORDS = 3
# An apposition between the name and its verb runs to this many units
# ("Mr Kilroy-Silk, who recently quit the UK Independence Party, said").
APPOSITION_MAX_UNITS = 12
_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS)
_TITLE_WORDS = (
    _ROLE_NOUNS | TITLE_HEADS | ROLE_MODIFIERS | _HONORIFICS
)


def _speaks(side: Side, indices: list[int]) -> bool:
    """A speech verb right before or after the whole name at ``indices``, its surname changed.

    When the name's last word stays ("Tomas Riha" -> "Pavel Riha", "Judge
    Kleinberg" -> "Kowalczyk Kleinberg"), the speaker is the same person
    with another given name or title: a name change.
    """
    first, last = _name_run(side, indices)
    if last != indices[-1]:
        return False
    k = first - 1
    while k >= 0 and first - 1 - k < SPEAKER_TITLE_WORDS and _is_title(side, k):
        k -= 1
    before = side.units[max(0, k + 1 - SPEAKER_BEFORE) : k + 1]
    after = side.units[last + 1 : last + 1 + SPEAKER_AFTER]
    if any(unit in lx.SPEECH_VERBS for unit in (*before, *after)):
        return True
    closing = _apposition_end(side, last)
    return closing is not None and any(u in lx.SPEECH_VERBS for u in side.units[closing : closing + SPEAKER_AFTER])


def _is_title(side: Side, k: int) -> bool:
    return side.units[k].removesuffix("'s") in _TITLE_WORDS or side.is_name(k)


def text_between(side: Side, k: int) -> str:
    """The text between unit ``k - 1`` and unit ``k`` (punctuation, filler words)."""
    text = side.reading.analysis.article.text
    return text[side.spans[k - 1].end : side.spans[k].start]


def _apposition_end(side: Side, last: int) -> int | None:
    """The first unit after an apposition that follows the name ending at ``last``, if one does."""
    if last + 1 >= len(side.units) or "," not in text_between(side, last + 1):
        return None
    for k in range(last + 2, min(len(side.units), last + 2 + APPOSITION_MAX_UNITS)):
        gap = text_between(side, k)
        if any(mark in gap for mark in ".;:!?\n"):
            return None
        if "," in gap:
            return k
    return None


def _passive_agent(side: Side, indices: list[int]) -> bool:
    """The name at ``indices`` follows "by" (the article and titles between): the agent of a passive."""
    k = _name_run(side, indices)[0] - 1
    while k >= 0 and (side.units[k] == "the" or _is_title(side, k)):
        k -= 1
    return k >= 0 and side.units[k] == "by"


# Two actors trading places are a swap only in a sentence that otherwise keeps its words
# (bag-of-words Dice): "X released Y" -> "Y released X" keeps all of them, while a
# spinner that rewords a sentence also moves its clauses, and its actors with them.
ORDER_SWAP_MIN_BAG = 0.8


def order_swap(left: Side, right: Side) -> tuple[Distortion, frozenset[str]] | None:
    """Two actors that trade places ("X released Y" -> "Y released X"), unless they form a list."""
    if dice(Counter(left.units), Counter(right.units)) < ORDER_SWAP_MIN_BAG:
        return None
    src = _single_actors(right)
    dst = _single_actors(left)
    shared = [key for key in src if key in dst]
    for a, b in zip(shared, shared[1:]):
        if dst[a][0] > dst[b][0] and not _listed(right, src[a][0], src[b][0]):
            copy_piece = left.piece([dst[b][0], dst[a][1]])
            source_piece = right.piece([src[a][0], src[b][1]])
            detail = f"{source_piece.text} -> {copy_piece.text}"
            return Distortion("agent_swap", copy_piece, source_piece, detail), frozenset((a, b))
    return None


def _single_actors(side: Side) -> dict[str, tuple[int, int]]:
    """Actors written once in the pair, keyed by the last word of a name: their first and last unit."""
    positions: dict[str, list[tuple[int, int]]] = {}
    k = 0
    while k < len(side.units):
        if side.is_actor(k):
            end = k
            while end + 1 < len(side.units) and side.is_name(end + 1) and side.is_name(k):
                end += 1
            positions.setdefault(side.key(end), []).append((k, end))
            k = end + 1
        else:
            k += 1
    return {key: found[0] for key, found in positions.items() if len(found) == 1}


def _listed(side: Side, first: int, second: int) -> bool:
    between = side.units[first + 1 : second]
    return all(unit in lx.LIST_JOINERS or side.is_name(first + 1 + n) for n, unit in enumerate(between))
