"""Known people found again in text of another language or script.

Our model reads English only, so a Russian, Greek or German report of a story
yields no people on its own. Its names are mostly people the English reports
already named. ``spot_known_names`` looks for those names in any text: each
capitalised word is transliterated (``names.normalise``), Russian and
Ukrainian case endings are undone ("Кривого" -> "Кривой", "Трофановым" ->
"Трофанов"), and the word is compared with the known surnames by the same
spelling keys that match names across articles. A given name right before
the surname joins the span when it agrees with the known given name ("Рона
Кривого" -> Ron Krivoi).

Rules that keep it precise:

* a surname found as written beats one found through an undone ending (the
  nominative "Труфанова" is Elena Trufanova before it is the genitive of
  Vitaly Trufanov);
* a surname that fits two known people with different given names is taken
  only when the given name before it decides;
* a surname alone must be at least ``MIN_LONE_SURNAME_CHARS`` letters
  (short words meet too many names).

Spans index the text given; nothing is changed in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from ..model import Article, Entity, Evidence
from ..lexicon import names as nl
from .align import sound_key
from .names import CLOSE, SAME, given_match, normalise, parse, surname_similarity
from .text import sentence_index, sentences, tokens

# Shortest surname (letters, transliterated) spotted without a given name before it.
MIN_LONE_SURNAME_CHARS = 5

_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


@dataclass(frozen=True)
class Spotted:
    """A known person's name found in a text: ``name`` as known, the span as written."""

    name: str
    start: int
    end: int
    text: str
    full: bool = False  # written with the given name


@dataclass(frozen=True)
class _Known:
    name: str
    given: str | None
    surname: str


def _forms(word: str) -> list[tuple[str, bool]]:
    """(transliterated form, as written?) of a word: itself, then the nominatives its case
    ending may come from."""
    forms = [(normalise(word), True)]
    if _GREEK.search(word):  # ντ and μπ write d and b in foreign names (Χαντάντ is Haddad)
        forms.append((normalise(word.replace("ντ", "d").replace("Ντ", "D").replace("μπ", "b").replace("Μπ", "B")), True))
    if _CYRILLIC.search(word):
        lower = word.lower()
        for ending, nominatives in nl.CYRILLIC_CASE_ENDINGS:
            if lower.endswith(ending) and len(lower) > len(ending) + 2:
                stem = word[: len(word) - len(ending)]
                forms.extend((normalise(stem + nominative), False) for nominative in nominatives)
                break
    return forms


def _surname_matches(word: str, known: list[_Known]) -> list[_Known]:
    """Known people whose surname ``word`` is, as written if any, else through an undone ending."""
    for exact in (True, False):
        found = [
            person
            for form, written in _forms(word)
            if written == exact
            for person in known
            if surname_similarity(form, person.surname) in (SAME, CLOSE)
        ]
        if found:
            return list(dict.fromkeys(found))
    return []


def _given_agrees(word: str, person: _Known) -> bool:
    return person.given is not None and any(given_match(form, person.given) for form, _ in _forms(word) if form)


# The database's known names change little between two articles of one ingest: parsed once.
@lru_cache(maxsize=4)
def _known(names: tuple[str, ...]) -> list[_Known]:
    known = []
    for name in names:
        parts = parse(name)
        if parts.surname and not parts.lone:
            known.append(_Known(name, parts.given, parts.core or parts.surname))
    return known


def spot_known_names(text: str, known_names: Iterable[str], title: str = "") -> list[Spotted]:
    """Every place ``text`` names one of ``known_names`` (full names as English copy writes them).

    A surname alone that fits several known people ("गांधी": Rahul, Sonia, Varun Gandhi) is the
    one of them that the text, or its ``title``, names in full, when exactly one is."""
    known = _known(tuple(dict.fromkeys(known_names)))
    if not known:
        return []
    found, undecided = _spot_caseless(text, known)
    found += _spot_cased(text, known, undecided)
    if undecided:
        in_full = {hit.name for hit in found if hit.full}
        if title:
            titled, _ = _spot_caseless(title, known)
            in_full |= {hit.name for hit in (*titled, *_spot_cased(title, known, [])) if hit.full}
        for start, end, names in undecided:
            named = names & in_full
            if len(named) == 1:
                found.append(Spotted(next(iter(named)), start, end, text[start:end]))
    return sorted(found, key=lambda hit: hit.start)


def _spot_cased(text: str, known: list[_Known], undecided: list[tuple[int, int, frozenset[str]]]) -> list[Spotted]:
    """Known names in capitalised words; lone surnames that fit several people go to ``undecided``."""
    words = [m for m in _WORD.finditer(text) if m.group()[0].isupper()]
    found = []
    for i, match in enumerate(words):
        candidates = _surname_matches(match.group(), known)
        if not candidates:
            continue
        before = words[i - 1] if i > 0 and _adjacent(text, words[i - 1], match) else None
        with_given = [p for p in candidates if before is not None and _given_agrees(before.group(), p)]
        if len(with_given) == 1:
            found.append(Spotted(with_given[0].name, before.start(), match.end(), text[before.start() : match.end()], True))
        elif len(normalise(match.group())) >= MIN_LONE_SURNAME_CHARS:
            _lone(found, undecided, candidates, text, match.start(), match.end())
    return found


def _lone(found: list[Spotted], undecided: list, candidates: list[_Known], text: str, start: int, end: int) -> None:
    """A surname alone: the one person it fits, else undecided between them."""
    names = frozenset(p.name for p in candidates)
    if len(names) == 1:
        found.append(Spotted(candidates[0].name, start, end, text[start:end]))
    else:
        undecided.append((start, end, names))


# In a script without capitals (Devanagari, Arabic, Hebrew) any word may be a name, and
# transliteration drops vowels (पटेल reads "ptel"): a word is a known surname when its
# consonants are the surname's (``align.sound_key``), and it is taken with the known given
# name's consonants right before it, or alone when the surname keeps at least this many
# consonants and fits one known person.
MIN_LONE_CASELESS_CONSONANTS = 3
# ... and alone only when it is also spelled like the surname (Indel ratio of the transliterated
# forms): three consonants are common to many words (घरेलू "domestic", read ghrelu, keeps the k-r-l
# of Kejriwal: 0.29). Surnames written in Devanagari score 0.67 (ठाकरे / Thackeray) to 1.0
# (मोदी / Modi); गांधी / Gandhi 0.83, केजरीवाल / Kejriwal 0.88.
MIN_LONE_CASELESS_SIMILARITY = 0.5


def _spot_caseless(text: str, known: list[_Known]) -> tuple[list[Spotted], list[tuple[int, int, frozenset[str]]]]:
    """Known names in words of a script without capitals, and the lone surnames that fit several people."""
    words = [w for w in tokens(text) if w.text.upper() == w.text.lower() and not w.text[0].isdigit()]
    undecided: list[tuple[int, int, frozenset[str]]] = []
    if not words:
        return [], undecided
    by_sound: dict[str, list[_Known]] = {}
    for person in known:
        by_sound.setdefault(sound_key(normalise(person.surname)), []).append(person)
    found = []
    for i, word in enumerate(words):
        candidates = by_sound.get(sound_key(normalise(word.text)), [])
        if not candidates:
            continue
        before = words[i - 1] if i and text[words[i - 1].end : word.start].strip(" ") == "" else None
        given = sound_key(normalise(before.text)) if before else ""
        with_given = [p for p in candidates if p.given and len(given) >= 2 and sound_key(normalise(p.given)) == given]
        sound = sound_key(normalise(word.text))
        if len(with_given) == 1:
            found.append(Spotted(with_given[0].name, before.start, word.end, text[before.start : word.end], True))
        elif len(sound) >= MIN_LONE_CASELESS_CONSONANTS:
            spelled = normalise(word.text)
            alike = [p for p in candidates if Indel.normalized_similarity(spelled, normalise(p.surname)) >= MIN_LONE_CASELESS_SIMILARITY]
            if alike:
                _lone(found, undecided, alike, text, word.start, word.end)
    return found, undecided


def _adjacent(text: str, first: re.Match, second: re.Match) -> bool:
    """Two words separated by spaces only ("Рона Кривого"), not by a comma or a line."""
    return text[first.end() : second.start()].strip(" ") == ""


def known_people(article: Article, known_names: Iterable[str]) -> tuple[Entity, ...]:
    """The people of ``known_names`` that ``article`` names, as entities with every mention's
    evidence (for an article our English model cannot read). Ids run p1, p2, ... in order of
    first mention; each entity's name is the known name, its aliases the spellings written."""
    spotted = spot_known_names(article.text, known_names, article.title or "")
    if not spotted:
        return ()
    bounds = sentences(article.text)
    by_name: dict[str, list[Spotted]] = {}
    for hit in sorted(spotted, key=lambda hit: hit.start):
        by_name.setdefault(hit.name, []).append(hit)
    entities = []
    for number, (name, hits) in enumerate(by_name.items(), start=1):
        mentions = tuple(
            Evidence(article.id, sentence_index(bounds, hit.start), hit.start, hit.end) for hit in hits
        )
        aliases: tuple[str, ...] = ()  # the written forms are inflected ("Омара Хаддада"): no spellings to match by
        entities.append(Entity(id=f"p{number}", kind="person", name=name, aliases=aliases, mentions=mentions))
    return tuple(entities)
