"""A reader for MyThes thesaurus files (the LibreOffice/OpenOffice thesaurus format).

The synthetic spinner (bench/synthetic.py) draws its synonyms from Debian's
``mythes-en-us`` package, a source the linker never reads, so that the
synthetic benchmark does not reward the linker's own synonym choices.

The format, as the files show it:

* ``th_en_US_v2.idx``: the encoding on line 1, the entry count on line 2, then
  one ``word|byte offset`` line per entry, sorted;
* ``th_en_US_v2.dat``: the encoding on line 1; at each offset an entry
  ``word|number of senses`` followed by that many sense lines
  ``(pos)|term|term|...``. A term may end with a relation in brackets:
  ``(generic term)`` (a broader word), ``(similar term)``, ``(related term)``
  or ``(antonym)``; a bare term is a synonym.

Entries are words in their dictionary form, lower case except for names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MYTHES = Path("/usr/share/mythes")
EN_US = MYTHES / "th_en_US_v2"
_RELATION = re.compile(r"^(.*?) \((generic term|similar term|related term|antonym)\)$")


@dataclass(frozen=True)
class Term:
    """One word of a sense line; ``relation`` is "" for a synonym, else "generic term", "antonym"..."""

    text: str
    relation: str = ""


@dataclass(frozen=True)
class Sense:
    """One meaning of an entry: its part of speech ("noun", "verb", "adj", "adv") and its terms."""

    pos: str
    terms: tuple[Term, ...]


class Thesaurus:
    """Look-ups in one MyThes thesaurus; the data file is read once, entries parsed when asked."""

    def __init__(self, base: Path = EN_US) -> None:
        idx, dat = base.with_suffix(".idx"), base.with_suffix(".dat")
        lines = idx.read_text(encoding="utf-8").splitlines()
        self.encoding = lines[0].strip()
        self._offsets = {}
        for line in lines[2:]:
            word, _, offset = line.rpartition("|")
            self._offsets[word] = int(offset)
        self._data = dat.read_bytes()

    def __contains__(self, word: str) -> bool:
        return word in self._offsets

    def __len__(self) -> int:
        return len(self._offsets)

    def senses(self, word: str) -> tuple[Sense, ...]:
        """The senses of ``word`` (an exact entry), () when it has none."""
        offset = self._offsets.get(word)
        if offset is None:
            return ()
        return self._parse(offset)

    @cache  # noqa: B019 - one thesaurus per process; entries are asked again and again
    def _parse(self, offset: int) -> tuple[Sense, ...]:
        end = self._data.find(b"\n", offset)
        _word, _, count = self._data[offset:end].decode(self.encoding).rpartition("|")
        senses = []
        for _ in range(int(count)):
            start, end = end + 1, self._data.find(b"\n", end + 1)
            pos, *terms = self._data[start : end if end >= 0 else None].decode(self.encoding).split("|")
            senses.append(Sense(pos.strip("()"), tuple(_term(term) for term in terms if term)))
        return tuple(senses)


def _term(raw: str) -> Term:
    match = _RELATION.match(raw)
    return Term(match.group(1), match.group(2)) if match else Term(raw)


@cache
def english() -> Thesaurus | None:
    """The en_US thesaurus of Debian's mythes-en-us, or None when it is not installed."""
    if not EN_US.with_suffix(".dat").is_file() or not EN_US.with_suffix(".idx").is_file():
        return None
    return Thesaurus(EN_US)
