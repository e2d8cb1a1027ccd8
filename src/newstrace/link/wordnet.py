"""Synonyms from WordNet 3.0, read from the data files Debian's ``wordnet-base`` installs.

    synsets(word) -> frozenset[str]     the word's commonest senses, any part of speech
    synonymous(a, b) -> bool            two words sharing one of those senses

A lexical resource nobody here wrote, so the copy linker does not reward the
words our own synonym table (``synonyms.py``) or our own synthetic spinner
chose. Only the index files are read (a lemma's synset offsets, most frequent
sense first), once per process, on first use (about half a second). Inflected
forms are reduced to their lemma with WordNet's own exception lists and its
detachment rules (the "morphy" algorithm as WordNet documents it).

Where the files are absent (``NEWSTRACE_WORDNET`` names another folder), every
lookup is empty and the linker falls back on its own table: nothing fails.
We read the files ourselves rather than through NLTK because NLTK's reader
needs a ``lexnames`` file Debian's package does not ship.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from pathlib import Path

DEFAULT_FOLDER = Path("/usr/share/wordnet")
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
# A word's senses beyond its commonest few are rare readings ("release" as a
# film, "post" as a fencepost): counting them would make most words synonyms.
SENSES = 100
# WordNet's detachment rules per part of speech (suffix, replacement).
_DETACH = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


def folder() -> Path:
    return Path(os.environ.get("NEWSTRACE_WORDNET", DEFAULT_FOLDER))


def available() -> bool:
    return (folder() / "index.noun").is_file()


@cache
def _index() -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, dict[str, str]]]:
    """Per part of speech: lemma -> its commonest synset ids, and inflected form -> lemma."""
    senses: dict[str, dict[str, tuple[str, ...]]] = {}
    exceptions: dict[str, dict[str, str]] = {}
    for name, pos in POS.items():
        table: dict[str, tuple[str, ...]] = {}
        path = folder() / f"index.{name}"
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith(" "):  # the licence header
                    continue
                fields = line.split()
                pointers = int(fields[3])
                offsets = fields[6 + pointers :]
                table[fields[0]] = tuple(f"{pos}{offset}" for offset in offsets[:SENSES])
        senses[pos] = table
        forms: dict[str, str] = {}
        path = folder() / f"{name}.exc"
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                fields = line.split()
                if len(fields) >= 2:
                    forms.setdefault(fields[0], fields[1])
        exceptions[pos] = forms
    return senses, exceptions


@lru_cache(maxsize=65536)
def synsets(word: str) -> frozenset[str]:
    """The commonest senses of ``word`` (lowercase) in every part of speech, through its lemma."""
    senses, exceptions = _index()
    found: set[str] = set()
    for pos, table in senses.items():
        lemmas = {word}
        if word in exceptions[pos]:
            lemmas.add(exceptions[pos][word])
        for suffix, replacement in _DETACH[pos]:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                lemmas.add(word[: -len(suffix)] + replacement)
        for lemma in lemmas:
            found.update(table.get(lemma, ()))
    return frozenset(found)


def synonymous(first: str, second: str) -> bool:
    """Whether two words share one of their commonest senses."""
    return first == second or bool(synsets(first) & synsets(second))


# WordNet's lexicographer file of noun senses that are people ("noun.person").
NOUN_PERSON_FILE = 18
# Its files of places ("noun.location": cities, regions) and natural objects ("noun.object":
# mountains, rivers, islands).
NOUN_PLACE_FILES = frozenset({15, 17})


def is_word(word: str) -> bool:
    """``word`` (lowercase) is an English word WordNet knows, in any part of speech."""
    return bool(synsets(word))


@lru_cache(maxsize=65536)
def names_a_person(word: str) -> bool:
    """One of the noun senses of ``word`` (lowercase) is a person written with a capital: a
    surname or given name WordNet lists ("Snow" for C. P. Snow, "Carlyle", "Lewis"), where "pro"
    or "analyst" are common nouns for people."""
    return _proper_noun_in(word, frozenset({NOUN_PERSON_FILE}))


@lru_cache(maxsize=65536)
def names_a_place(phrase: str) -> bool:
    """One of the noun senses of ``phrase`` (lowercase, words separated by spaces) is a place or
    natural feature written with a capital: "wichita", "mauna kea", "agartala" when listed."""
    return _proper_noun_in(phrase.replace(" ", "_"), NOUN_PLACE_FILES)


def _proper_noun_in(word: str, files: frozenset[int]) -> bool:
    """A noun sense of ``word`` in one of the lexicographer ``files`` has a capitalised lemma."""
    path = folder() / "data.noun"
    offsets = sorted(int(s[1:]) for s in synsets(word) if s.startswith("n"))
    if not offsets or not path.is_file():
        return False
    with path.open("rb") as data:
        for offset in offsets:
            data.seek(offset)
            fields = data.readline().decode("utf-8", errors="replace").split()
            # offset, lexicographer file, type, word count (hex), then word and lex id pairs
            if int(fields[1]) not in files:
                continue
            lemmas = fields[4 : 4 + 2 * int(fields[3], 16) : 2]
            if any(lemma[:1].isupper() for lemma in lemmas):
                return True
    return False
