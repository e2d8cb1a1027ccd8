"""Where a copy changed its source: the distortions of one aligned article pair.

    find_distortions(copy, source, matches, verdict) -> tuple[Distortion, ...]

Each aligned pair is diffed on its units (words through the synonym table, so
a pure synonym swap leaves no difference at all). The diff's changed blocks are
then read for what changed in them:

* ``number``: a number replaced by another value (1,200 = 1200 = no change);
* ``name``: a person's name replaced by another name (compared folded and in
  ASCII, so Wójcik = Wojcik); a name respelt in place (Orlov -> Orlova) is
  always a name change, never a change of actor;
* ``agent_swap``: an actor replaced by another (a name that is not a person,
  an actor noun, or the agent of a passive: "held by the Brigade" -> "held by
  the army", "played by X" -> "played by Y"), or two names that trade places
  ("X released Y" -> "Y released X");
* ``role``: a role noun replaced by another (nurse -> doctor, Minister ->
  Adviser, president -> vice-president);
* ``pronoun``: a gendered pronoun replaced by the other gender;
* ``negation``: the pair's count of negations differs (the whole sentences,
  but for a clause cut off: ", but not in practice" dropped is a trim);
* ``attribution``: a quote whose text aligns got another named speaker (from
  the analyses' quotes; the block with the new name reports nothing else),
  or a speaker's surname replaced next to a speech verb ("said X", "said
  chief executive X", "X said", "X, an analyst at Y, told Reuters"); a
  speaker whose surname stays ("Tomas Riha" -> "Pavel Riha") has a name change;
* ``garbled``: a copy sentence the integrity flags call garbled, or a word
  salad (its words are the source's, their order is not);
* ``inserted`` / ``dropped``: a copy / source sentence with no counterpart
  (a repeated headline, the site name or a short line that does not end like
  a sentence is furniture, not a sentence: see ``compare.Reading.content``;
  a sentence cut short pairs with its source: see ``align.pair_closed_gaps``).

For ``translated`` pairs the words differ by design: only numbers written in
digits, person names (a lost name paired with its closest spelling; across
scripts a transliterated name is no change), and inserted / dropped sentences
are reported.
"""

from __future__ import annotations

import re

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..extract.lexicon import HONORIFICS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_HEADS
from ..model import Distortion, Quote, Span
from . import distortion_lexicon as lx
from . import names
from . import wordnet
from .align import ANCHOR_LETTERS, Match, counterpart, run_span
from .text import name_key, words

if TYPE_CHECKING:
    from .compare import Reading

# An aligned copy sentence the integrity flags call garbled is reported as
# garbled only when it also strays this far from its source (03/01 pairs a
# flagged fragment with nothing; spun sentences that merely read oddly,
# "in the days that adhered to", score above 0.9).
GARBLED_MAX_SIMILARITY = 0.8
# Word salad: the pair shares this much of its vocabulary (bag-of-words Dice)...
SALAD_MIN_BAG = 0.8
# ... but its word order agrees this much less (Indel ratio): shuffled words.
# Spun and edited pairs of the examples differ by at most 0.05.
SALAD_MIN_ORDER_GAP = 0.25
# Quotes are the same quote when their words agree this much (the spinner's
# "most vulnerable" -> "most susceptible" keeps 0.9).
QUOTE_MIN_SIMILARITY = 0.6
_POSSESSIVES = ("'s", "’s")


def find_distortions(
    copy: Reading, source: Reading, matches: tuple[Match, ...], verdict: str
) -> tuple[Distortion, ...]:
    """Every distortion of ``copy`` against ``source``, in text order."""
    translated = verdict == "translated"
    across = translated and copy.latin != source.latin
    out: list[Distortion] = []
    copy_at = source_at = 0
    for match in (*matches, None):
        copy_end = match.copy[0] if match else len(copy.sentences)
        source_end = match.source[0] if match else len(source.sentences)
        out.extend(_unaligned(copy, source, range(copy_at, copy_end), range(source_at, source_end), translated))
        if match:
            if translated:
                out.extend(translated_pair(copy, source, match, across))
            else:
                out.extend(changed_pair(copy, source, match))
            copy_at, source_at = match.copy[1], match.source[1]
    return tuple(out)


# -- sentences without a counterpart ---------------------------------------------


def _unaligned(
    copy: Reading, source: Reading, copy_gap: range, source_gap: range, translated: bool
) -> Iterator[Distortion]:
    """The sentences between two aligned pairs: inserted, garbled or dropped."""
    salads = {} if translated else _salads(copy, source, copy_gap, source_gap)
    used = {j for sources, _ in salads.values() for j in range(*sources)}
    skip_to = copy_gap.start
    for i in copy_gap:
        if i < skip_to or not copy.content[i]:
            continue
        span = copy.sentences[i].span
        if i in salads:
            sources, end = salads[i]
            skip_to = end
            piece = run_span(copy.analysis.article.text, copy.sentences, (i, end))
            detail = "copy sentence has the source's words out of order"
            yield Distortion("garbled", piece, run_span(source.analysis.article.text, source.sentences, sources), detail)
        elif not translated and _flagged_garbled(copy, span):
            yield Distortion("garbled", span, None, "copy sentence reads as garbage and renders no source sentence")
        else:
            yield Distortion("inserted", span, None, "copy sentence with no counterpart in the source")
    for j in source_gap:
        if source.content[j] and j not in used:
            yield Distortion("dropped", None, source.sentences[j].span, "source sentence missing from the copy")


def _salads(copy: Reading, source: Reading, copy_gap: range, source_gap: range) -> dict[int, tuple[int, int]]:
    """Unaligned copy sentences that shuffle the words of unaligned source sentences.

    One or two copy sentences (a stray full stop splits a shuffled sentence)
    against one or two source sentences (a shuffled sentence that ends in "A."
    reads as running on into the next). Returns, per first copy sentence, the
    source sentences and the end of the copy run.
    """
    if not copy_gap or not source_gap:
        return {}
    bags = {
        (j, stop): Counter(unit for k in range(j, stop) for unit in source.sentences[k].units)
        for j in source_gap
        for stop in range(j + 1, min(j + 3, source_gap.stop + 1))
    }
    found: dict[int, tuple[int, int]] = {}
    taken: set[int] = set()
    i = copy_gap.start
    while i < copy_gap.stop:
        best = (0.0, (-1, -1), i + 1)
        for end in range(i + 1, min(i + 3, copy_gap.stop + 1)):
            own = Counter(unit for k in range(i, end) for unit in copy.sentences[k].units)
            for (j, stop), other in bags.items():
                if taken.isdisjoint(range(j, stop)):
                    best = max(best, (_dice(own, other), (j, stop), end))
        bag, sources, end = best
        if bag >= SALAD_MIN_BAG:
            found[i] = (sources, end)
            taken.update(range(*sources))
            i = end
        else:
            i += 1
    return found


def _flagged_garbled(reading: Reading, span: Span) -> bool:
    return any(
        flag.kind == "garbled" and flag.evidence.start < span.end and span.start < flag.evidence.end
        for flag in reading.analysis.flags
    )


# -- one aligned pair, same language ---------------------------------------------


@dataclass(frozen=True)
class _Side:
    """One side of an aligned pair: its units with their spans, and its article's names."""

    reading: Reading
    units: tuple[str, ...]
    spans: tuple[Span, ...]
    run: Span  # the pair's sentences on this side

    def is_name(self, k: int) -> bool:
        written = self.spans[k].text
        return written[:1].isupper() and name_key(written) in self.reading.names  # names holds no NOT_NAMES

    def is_actor(self, k: int) -> bool:
        return self.is_name(k) or self.units[k] in lx.AGENT_NOUNS

    def key(self, k: int) -> str:
        """A name's key (a lowercase tail dropped: York-based is York), else the unit."""
        if not self.is_name(k):
            return self.units[k]
        head, _, tail = self.spans[k].text.partition("-")
        return name_key(head if tail[:1].islower() else self.spans[k].text)

    def piece(self, indices: list[int]) -> Span:
        """The text from the first to the last of ``indices`` (a possessive 's left out)."""
        start, end = self.spans[indices[0]].start, self.spans[indices[-1]].end
        text = self.reading.analysis.article.text
        if end - start > 2 and text[end - 2 : end] in _POSSESSIVES:
            end -= 2
        return Span(text[start:end], start, end)


def _side(reading: Reading, bounds: tuple[int, int]) -> _Side:
    sentences = reading.sentences[bounds[0] : bounds[1]]
    return _Side(
        reading=reading,
        units=tuple(unit for s in sentences for unit in s.units),
        spans=tuple(span for s in sentences for span in s.unit_spans),
        run=run_span(reading.analysis.article.text, reading.sentences, bounds),
    )


def changed_pair(copy: Reading, source: Reading, match: Match) -> list[Distortion]:
    """The distortions inside one aligned pair of a same-language copy."""
    left, right = _side(copy, match.copy), _side(source, match.source)
    garbled = _garbled(left, right, match)
    if garbled:
        return [garbled]
    out: list[Distortion] = []
    blocks = _blocks(right.units, left.units)
    negations = _negations(left, [(b[2], b[3]) for b in blocks if b[0] == b[1]]), _negations(
        right, [(b[0], b[1]) for b in blocks if b[2] == b[3]]
    )
    if negations[0] != negations[1]:
        change = "removed" if negations[0] < negations[1] else "added"
        out.append(Distortion("negation", left.run, right.run, f"negation {change}"))
    attribution = _attribution(left, right)
    if attribution:
        out.append(attribution)
    swapped = _order_swap(left, right)
    if swapped:
        out.append(swapped[0])
    for block in blocks:
        out.extend(_numbers(left, right, block))
        if attribution and _overlaps(left, block[2:], attribution.copy):
            continue  # the new speaker's name and role are the attribution change
        out.extend(_pronouns(left, right, block))
        out.extend(_roles(left, right, block))
        out.extend(_actors(left, right, block, swapped[1] if swapped else frozenset()))
    return sorted(out, key=lambda d: (d.copy.start if d.copy else -1, d.type))


def _blocks(source_units: list[str], copy_units: list[str]) -> list[tuple[int, int, int, int]]:
    """Changed stretches ``(source_start, source_end, copy_start, copy_end)`` between unchanged ones."""
    blocks: list[list[int]] = []
    last_equal = True
    for op in Indel.opcodes(source_units, copy_units):
        if op.tag == "equal":
            last_equal = True
            continue
        if last_equal:
            blocks.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
        else:
            blocks[-1][1], blocks[-1][3] = op.src_end, op.dest_end
        last_equal = False
    return [tuple(b) for b in blocks]


def _overlaps(side: _Side, bounds: tuple[int, int], span: Span | None) -> bool:
    if span is None or bounds[0] == bounds[1]:
        return False
    piece = side.piece(list(range(bounds[0], bounds[1])))
    return piece.start < span.end and span.start < piece.end


def _replaced(kind: str, left: _Side, copy_unit: int, right: _Side, source_unit: int) -> Distortion:
    """One unit of the source replaced by one of the copy."""
    copy, source = left.spans[copy_unit], right.spans[source_unit]
    return Distortion(kind, copy, source, f"{source.text} -> {copy.text}")


def _numbers(left: _Side, right: _Side, block) -> list[Distortion]:
    src = [k for k in range(block[0], block[1]) if right.units[k][0].isdigit()]
    dst = [k for k in range(block[2], block[3]) if left.units[k][0].isdigit()]
    return [_replaced("number", left, c, right, s) for s, c in zip(src, dst) if right.units[s] != left.units[c]]


def _gender(unit: str) -> str | None:
    return lx.PRONOUN_GENDER.get(unit.split("'")[0])  # "she's" is "she"


def _pronouns(left: _Side, right: _Side, block) -> list[Distortion]:
    src = [k for k in range(block[0], block[1]) if _gender(right.units[k])]
    dst = [k for k in range(block[2], block[3]) if _gender(left.units[k])]
    changed = [(s, c) for s, c in zip(src, dst) if _gender(right.units[s]) != _gender(left.units[c])]
    return [_replaced("pronoun", left, c, right, s) for s, c in changed]


_ROLE_NOUNS = frozenset(ROLE_NOUNS) | lx.EXTRA_ROLE_NOUNS


def _role(unit: str) -> str | None:
    word = unit.removesuffix("'s")
    if word in _ROLE_NOUNS:
        return word
    if word.endswith("s") and word[:-1] in _ROLE_NOUNS:
        return word[:-1]
    head = word.rpartition("-")[2]  # "vice-president", "co-founder": another role than the head's
    if head != word and _role(head):
        return word
    return None


def _roles(left: _Side, right: _Side, block) -> list[Distortion]:
    src = [k for k in range(block[0], block[1]) if _role(right.units[k])]
    dst = [k for k in range(block[2], block[3]) if _role(left.units[k])]
    if not src or not dst or _role(right.units[src[0]]) == _role(left.units[dst[0]]):
        return []
    return [_replaced("role", left, dst[0], right, src[0])]


def _name_keys(reading: Reading, kinds: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        name_key(part)
        for entity in reading.analysis.entities
        if entity.kind in kinds
        for name in (entity.name, *entity.aliases)
        for part in name.split()
    )


def _people(reading: Reading) -> frozenset[str]:
    return _name_keys(reading, ("person",))


def _groups(*readings: Reading) -> frozenset[str]:
    """Name words of organizations that are no person's or place's in any of ``readings``.

    A place changed is a name change; a person one parse calls an organization
    ("Walliams" alone) while the other names the person stays a person.
    """
    organizations = frozenset().union(*(_name_keys(r, ("organization",)) for r in readings))
    return organizations - frozenset().union(*(_name_keys(r, ("person", "place")) for r in readings))


def _actors(left: _Side, right: _Side, block, swapped: frozenset[str]) -> list[Distortion]:
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


def _is_actor(side: _Side, k: int) -> bool:
    return side.is_actor(k) and not _role(side.units[k])


def _actor_change(left: _Side, dst: list[int], right: _Side, src: list[int]) -> str:
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
        groups = frozenset() if _personal(left, dst) and _personal(right, src) else _groups(right.reading, left.reading)
        actors = [(right, k) for k in src] + [(left, k) for k in dst]
        if any(side.units[k] in lx.AGENT_NOUNS or side.key(k) in groups for side, k in actors):
            return "agent_swap"
        in_place = _in_place(left, dst) and _in_place(right, src)
        if not in_place and _passive_agent(left, dst) and _passive_agent(right, src):
            return "agent_swap"
    if _speaks(left, dst) and _speaks(right, src):
        return "attribution"  # a named speaker replaced, where no quote of the analyses told us
    return "name"


def _name_run(side: _Side, indices: list[int]) -> tuple[int, int]:
    """The first and last unit of the whole name that ``indices`` are part of (punctuation ends a name)."""
    first, last = indices[0], indices[-1]
    while first > 0 and side.is_name(first - 1) and not _gap(side, first).strip():
        first -= 1
    while last + 1 < len(side.units) and side.is_name(last + 1) and not _gap(side, last + 1).strip():
        last += 1
    return first, last


def _personal(side: _Side, indices: list[int]) -> bool:
    """The name at ``indices`` reads as a person's: after an honorific, or a known given name and more."""
    if not all(side.is_name(k) for k in indices):
        return False
    first, last = _name_run(side, indices)
    if first > 0 and side.units[first - 1] in _HONORIFICS:
        return True
    return first < last and names._is_given_name(side.key(first))


def _in_place(side: _Side, indices: list[int]) -> bool:
    """Part of the name at ``indices`` is kept around it ("Dana" in "Dana Orlova")."""
    return _name_run(side, indices) != (indices[0], indices[-1]) and all(side.is_name(k) for k in indices)


def _spelling_variants(left: _Side, dst: list[int], right: _Side, src: list[int]) -> bool:
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


def _speaks(side: _Side, indices: list[int]) -> bool:
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


def _is_title(side: _Side, k: int) -> bool:
    return side.units[k].removesuffix("'s") in _TITLE_WORDS or side.is_name(k)


def _gap(side: _Side, k: int) -> str:
    """The text between unit ``k - 1`` and unit ``k`` (punctuation, filler words)."""
    text = side.reading.analysis.article.text
    return text[side.spans[k - 1].end : side.spans[k].start]


def _apposition_end(side: _Side, last: int) -> int | None:
    """The first unit after an apposition that follows the name ending at ``last``, if one does."""
    if last + 1 >= len(side.units) or "," not in _gap(side, last + 1):
        return None
    for k in range(last + 2, min(len(side.units), last + 2 + APPOSITION_MAX_UNITS)):
        gap = _gap(side, k)
        if any(mark in gap for mark in ".;:!?\n"):
            return None
        if "," in gap:
            return k
    return None


def _passive_agent(side: _Side, indices: list[int]) -> bool:
    """The name at ``indices`` follows "by" (the article and titles between): the agent of a passive."""
    k = _name_run(side, indices)[0] - 1
    while k >= 0 and (side.units[k] == "the" or _is_title(side, k)):
        k -= 1
    return k >= 0 and side.units[k] == "by"


# Two actors trading places are a swap only in a sentence that otherwise keeps its words
# (bag-of-words Dice): "X released Y" -> "Y released X" keeps all of them, while a
# spinner that rewords a sentence also moves its clauses, and its actors with them.
ORDER_SWAP_MIN_BAG = 0.8


def _order_swap(left: _Side, right: _Side) -> tuple[Distortion, frozenset[str]] | None:
    """Two actors that trade places ("X released Y" -> "Y released X"), unless they form a list."""
    if _dice(Counter(left.units), Counter(right.units)) < ORDER_SWAP_MIN_BAG:
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


def _single_actors(side: _Side) -> dict[str, tuple[int, int]]:
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


def _listed(side: _Side, first: int, second: int) -> bool:
    between = side.units[first + 1 : second]
    return all(unit in lx.LIST_JOINERS or side.is_name(first + 1 + n) for n, unit in enumerate(between))


# A clause cut from (or added to) a sentence is a trim, not a negation flip:
# ", but not in practice" dropped. A clause is this many units after a comma;
# a negation flipped in place ("has not commented") is one unit.
CLAUSE_MIN_UNITS = 3


def _negations(side: _Side, one_sided: list[tuple[int, int]]) -> int:
    """Negations in the side's units, but for those of a whole clause only this side has (``one_sided`` blocks)."""
    trimmed = {
        k
        for start, end in one_sided
        if end - start >= CLAUSE_MIN_UNITS and start > 0 and "," in _gap(side, start)
        for k in range(start, end)
    }
    units = [unit for k, unit in enumerate(side.units) if k not in trimmed]
    return sum(1 for unit in units if unit in lx.NEGATIONS or unit.endswith(lx.NEGATION_SUFFIX))


def _garbled(left: _Side, right: _Side, match: Match) -> Distortion | None:
    # Word order read on the units themselves, whichever alignment paired the sentences
    # (a paraphrase pair's similarity ignores order).
    order = Indel.normalized_similarity(left.units, right.units)
    flagged = _flagged_garbled(left.reading, left.run) and order < GARBLED_MAX_SIMILARITY
    bag = _dice(Counter(left.units), Counter(right.units))
    salad = bag >= SALAD_MIN_BAG and bag - order >= SALAD_MIN_ORDER_GAP
    if not (flagged or salad):
        return None
    reason = "reads as garbage" if flagged else "has the source's words out of order"
    return Distortion("garbled", left.run, right.run, f"copy sentence {reason}")


def _dice(first: Counter, second: Counter) -> float:
    total = sum(first.values()) + sum(second.values())
    return 2 * sum((first & second).values()) / total if total else 0.0


# -- attribution -----------------------------------------------------------------


def _attribution(left: _Side, right: _Side) -> Distortion | None:
    """A quote in both runs whose named speaker changed (the copy's speaker written in its run)."""
    for quote in _quotes_in(left):
        copy_speaker = _speaker_keys(quote)
        where = _written(left, quote.speaker_name)
        if not copy_speaker or where is None:
            continue
        best = max(_quotes_in(right), key=lambda q: _quote_similarity(quote, q), default=None)
        if best is None or _quote_similarity(quote, best) < QUOTE_MIN_SIMILARITY:
            continue
        source_speaker = _speaker_keys(best)
        # The new speaker's name must be new to the sentence and the old one
        # gone from it: if one side writes both, only the two parses disagree
        # on who speaks ("X and Y, who observed, ...").
        new_speaker = _written(right, quote.speaker_name) is None and _written(left, best.speaker_name) is None
        if source_speaker and not copy_speaker & source_speaker and new_speaker:
            # The source may name its speaker by the surname alone ("Orlov told").
            surname = (best.speaker_name or "").split()[-1:]
            source_where = _written(right, best.speaker_name) or _written(right, " ".join(surname)) or right.run
            detail = f"{best.speaker_name} -> {quote.speaker_name}"
            return Distortion("attribution", where, source_where, detail)
    return None


def _quotes_in(side: _Side) -> list[Quote]:
    return [
        q
        for q in side.reading.analysis.quotes
        if q.speaker_name and side.run.start <= q.evidence.start < side.run.end
    ]


def _speaker_keys(quote: Quote) -> frozenset[str]:
    parts = (quote.speaker_name or "").split()
    return frozenset(name_key(p) for p in parts if p[:1].isupper()) - lx.NOT_NAMES


def _quote_similarity(first: Quote, second: Quote) -> float:
    return Indel.normalized_similarity(words(first.text), words(second.text))


def _written(side: _Side, name: str | None) -> Span | None:
    """Where ``name`` is written in the run (accents and case ignored), if it is."""
    if not name:
        return None
    wanted = [name_key(w) for w in name.split()]
    for k in range(len(side.spans) - len(wanted) + 1):
        if [name_key(side.spans[k + n].text) for n in range(len(wanted))] == wanted:
            return side.piece(list(range(k, k + len(wanted))))
    return None


# -- one aligned pair, translated ------------------------------------------------


def translated_pair(copy: Reading, source: Reading, match: Match, across: bool = False) -> list[Distortion]:
    """Numbers written in digits and person names that differ between a translation and its source.

    ``across``: the two articles are written in different scripts, so a name
    is the same when it transliterates its counterpart (``align.counterpart``).
    """
    left, right = _side(copy, match.copy), _side(source, match.source)
    out: list[Distortion] = []
    src_numbers = [k for k, span in enumerate(right.spans) if span.text[0].isdigit()]
    dst_numbers = [k for k, span in enumerate(left.spans) if span.text[0].isdigit()]
    common = Counter(right.units[k] for k in src_numbers) & Counter(left.units[k] for k in dst_numbers)
    lost = _unmatched(right, src_numbers, common)
    new = _unmatched(left, dst_numbers, common)
    for s, c in zip(lost, new):
        out.append(_replaced("number", left, c, right, s))
    for s, c in _renamed(left, right, across):
        copy_piece, source_piece = left.piece(c), right.piece(s)
        out.append(Distortion("name", copy_piece, source_piece, f"{source_piece.text} -> {copy_piece.text}"))
    return out


# A lost name and a name of the copy run that spells it this closely (Indel
# ratio of the ASCII keys) are the changed name and its counterpart: Marten /
# Martens 0.91; a word of the other language (Marten / Interior) scores 0.29.
RENAMED_MIN_SIMILARITY = 0.6


def _renamed(left: _Side, right: _Side, across: bool) -> list[tuple[list[int], list[int]]]:
    """(source units, copy units) of each person's name the translation changed.

    A lost name pairs with the copy run's unaccounted name closest in spelling
    (a respelt name); a name replaced outright pairs with the one new name
    when exactly one lost and one new name are left, so a word that merely has
    no counterpart in the other language ("Interior") is never a name.
    """
    source_keys = {right.key(k) for k in range(len(right.units)) if right.is_name(k)}

    def accounted(k: int) -> bool:
        key = left.key(k)
        return key in source_keys or (across and counterpart(key, source_keys) is not None)

    lost = _runs(_lost_names(right, left, across))
    unaccounted = _runs([k for k in range(len(left.units)) if left.is_name(k) and not accounted(k)])
    pairs: list[tuple[list[int], list[int]]] = []
    for run in list(lost):
        spelt = " ".join(right.key(k) for k in run)
        scored = [(Indel.normalized_similarity(spelt, " ".join(left.key(k) for k in c)), c) for c in unaccounted]
        best = max(scored, default=None, key=lambda pair: pair[0])
        if best and best[0] >= RENAMED_MIN_SIMILARITY:
            pairs.append((run, best[1]))
            lost.remove(run)
            unaccounted.remove(best[1])
    never_written = set(_new_names(left, right.reading))
    new = [run for run in unaccounted if never_written.issuperset(run)]
    if len(lost) == 1 and len(new) == 1:
        pairs.append((lost[0], new[0]))
    return sorted(pairs, key=lambda pair: pair[1][0])


def _lost_names(right: _Side, left: _Side, across: bool = False) -> list[int]:
    """Units of people's names in the source run that the copy run does not write (or transliterate)."""
    people = _people(right.reading)
    written = {name_key(span.text) for k, span in enumerate(left.spans) if left.is_name(k)}

    def kept(key: str) -> bool:
        return key in written or (across and counterpart(key, written) is not None)

    return [k for k in range(len(right.units)) if right.is_name(k) and right.key(k) in people and not kept(right.key(k))]


def _new_names(left: _Side, source: Reading) -> list[int]:
    """Units of names in the copy run that the source never writes, not even as a cognate (Brigada)."""
    stems = {key[:ANCHOR_LETTERS] for key in source.names}
    return [
        k
        for k in range(len(left.units))
        if left.is_name(k) and left.key(k) not in source.names and left.key(k)[:ANCHOR_LETTERS] not in stems
    ]


def _runs(indices: list[int]) -> list[list[int]]:
    """Adjacent indices grouped: a first and last name are one name."""
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _unmatched(side: _Side, indices: list[int], common: Counter) -> list[int]:
    budget = Counter(common)
    out = []
    for k in indices:
        if budget[side.units[k]]:
            budget[side.units[k]] -= 1
        else:
            out.append(k)
    return out
