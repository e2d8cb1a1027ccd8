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
  a sentence is furniture, not a sentence: see ``reading.Reading.content``;
  a sentence cut short pairs with its source: see ``align.pair_closed_gaps``).

For ``translated`` pairs the words differ by design: only numbers written in
digits, person names (a lost name paired with its closest spelling; across
scripts a transliterated name is no change), and inserted / dropped sentences
are reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Distortion
from .align import Match, counterpart, run_span
from .changed_pair import changed_pair
from .pair_sides import SALAD_MIN_BAG, dice, flagged_garbled
from .text import words
from .translated_pair import translated_pair

if TYPE_CHECKING:
    from .reading import Reading


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
        elif not translated and flagged_garbled(copy, span):
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
                    best = max(best, (dice(own, other), (j, stop), end))
        bag, sources, end = best
        if bag >= SALAD_MIN_BAG:
            found[i] = (sources, end)
            taken.update(range(*sources))
            i = end
        else:
            i += 1
    return found
