"""The CAMEO verb dictionary, read at run time when present: a fallback for event verbs our own
lexicon (``event_lexicon.py``) does not know.

    verb_entries() -> dict[str, CameoVerb]    "shorten" -> its code and object patterns

PETRARCH2's ``CAMEO.2.0.txt`` (Open Event Data Alliance, MIT) is reference data we do not ship:
it is read from the folder ``cameo.py`` reads (``NEWSTRACE_CAMEO``, else the shared data's
``cameo-dictionaries``). Where it is absent the lookup is empty and events come from our lexicon
alone: nothing fails. Read once per process, on first use.

The file opens synonym sets (``&WEAPON`` then ``+MISSILE`` lines), then verb blocks:

    ---  ASK   [---]  ---                     a block, with the code of its verbs ([---]: none)
    ASK     [020]                              a verb (base form), with its own code
    QUERY {QUERYING QUERIES QUERIED }          irregular forms (we match lemmas: ignored)
    +ASK_FOR {+ASKED_FOR ...} [020]            a verb + particle or preposition
    - * EXTRADITION      [0213]   # REQUEST    every verb of the block with this object
    - * (FOR RETRIAL)    [0213]   # ASK        ... with this prepositional phrase
    - * {DEBT FORGIVENESS} [0231]              ... with an object whose modifiers are given

We read the patterns whose words all follow the verb (``- * ...``) and consist of one object
(a word, a ``{modified noun}`` or a ``&SET``) or one prepositional phrase naming its noun
(a bare ``(TO)`` is too loose: "led to", "came to"); patterns that constrain the subject (``- &MILITARY * EXERCISES``) or chain several
phrases are left out, as are codes with no source part (``[:173]``). Codes are CAMEO's (``0213``);
``event_lexicon.CAMEO_TYPES`` says which PLOVER type each one is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import cameo
from .event_lexicon import CAMEO_TYPES, E

VERBS_FILE = "CAMEO.2.0.txt"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_VERB_LINE = re.compile(r"^(\+?)([A-Z][A-Z'\-]*(?:_[A-Z][A-Z'\-]*)*)_?\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$")
_PATTERN = re.compile(r"^-\s*\*\s+(.+?)\s*\[([^\]]*)\]\s*$")
_WORD = re.compile(r"^[A-Z][A-Z'\-]*$")
_SET_NAME = re.compile(r"^&[A-Z_]+$")


@dataclass(frozen=True)
class ObjectPattern:
    """A verb's object (``preposition`` None) or prepositional phrase that says which event it is.

    ``words``: the noun last, its modifiers before it. Each word is a set of alternatives (a synonym set expands to several).
    """

    preposition: str | None
    words: tuple[frozenset[str], ...]
    code: str


@dataclass(frozen=True)
class CameoVerb:
    code: str | None  # the verb's own code, or its block's; None when neither gives one
    patterns: tuple[ObjectPattern, ...] = ()
    particles: tuple[tuple[str, str], ...] = ()  # ("for", "020") from "+ASK_FOR [020]"


def _code(raw: str | None) -> str | None:
    """The source-side CAMEO code of a bracket ("062:062" -> "062"); None for "---" or ":173"."""
    first = (raw or "").split(":", 1)[0].strip()
    return first if first.isdigit() else None


@cache
def verb_entries() -> dict[str, CameoVerb]:
    """Verb lemma (lowercase) -> its code, object patterns and particles; empty without the file."""
    path = cameo.folder() / VERBS_FILE
    if not path.is_file():
        return {}
    lines = [line.split("#", 1)[0].rstrip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    sets = _synonym_sets(lines)
    found: dict[str, CameoVerb] = {}
    block: list[tuple[str, str | None, tuple[str, str] | None]] = []  # (lemma, code, (particle, code))
    patterns: list[ObjectPattern] = []
    block_code: str | None = None
    block_verb = ""

    def close_block() -> None:
        plain = {lemma: code for lemma, code, particle in block if particle is None}
        for lemma, code, particle in block:
            entry = found.get(lemma) or CameoVerb(code=None)
            if particle is not None:
                entry = CameoVerb(entry.code, entry.patterns, (*entry.particles, particle))
            else:
                entry = CameoVerb(entry.code or plain[lemma], (*entry.patterns, *patterns), entry.particles)
            found[lemma] = entry

    reading = False
    for line in lines:
        if not reading:
            reading = line.startswith("---")
        if not reading or not line.strip():
            continue
        match = _BLOCK.match(line)
        if match:
            close_block()
            block, patterns, block_verb, block_code = [], [], match[1].lower(), _code(match[2])
            continue
        if line.startswith("-"):
            pattern = _pattern(line, sets)
            if pattern is not None:
                patterns.append(pattern)
            continue
        match = _VERB_LINE.match(line)
        if not match:
            continue
        words = match[2].lower().split("_")
        # A block's code is its head verb's: the synonyms gathered under it (WordNet's, loose:
        # TAKE under APPREHEND, JOIN under ASSEMBLE) are events only with their own code.
        own = match[2].lower() == block_verb
        code = _code(match[3]) if match[3] is not None else block_code if own else None
        if match[1] and len(words) == 2:
            block.append((words[0], None, (words[1], code)))
        elif not match[1] and len(words) == 1:
            block.append((words[0], code, None))
    close_block()
    return found


def _synonym_sets(lines: list[str]) -> dict[str, frozenset[str]]:
    """``&NAME`` -> its one-word members, lowercase (multi-word members are left out)."""
    sets: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in lines:
        if line.startswith("---"):
            break
        if _SET_NAME.match(line.strip()):
            current = sets.setdefault(line.strip(), set())
        elif line.startswith("+") and current is not None:
            word = line[1:].strip().rstrip("_")
            if _WORD.match(word):
                current.add(word.lower())
        elif line.strip():
            current = None
    return {name: frozenset(words) for name, words in sets.items()}


def _pattern(line: str, sets: dict[str, frozenset[str]]) -> ObjectPattern | None:
    match = _PATTERN.match(line)
    code = _code(match[2]) if match else None
    if code is None:
        return None
    body = match[1].strip()
    preposition = None
    if body.startswith("(") and body.endswith(")") and body.count("(") == 1:
        parts = body[1:-1].split(None, 1)
        if not parts or not _WORD.match(parts[0]):
            return None
        preposition, body = parts[0].lower(), parts[1] if len(parts) > 1 else ""
    if body.startswith("{") and body.endswith("}") and body.count("{") == 1:
        tokens = body[1:-1].split()
    else:
        tokens = body.split()
        if len(tokens) > 1:
            return None  # two phrases ("OUT VIEWS", "POLICE (TO BORDER)"): left out
    words = []
    for token in tokens:
        if _WORD.match(token):
            words.append(frozenset({token.lower()}))
        elif token in sets:
            words.append(sets[token])
        else:
            return None
    if not words:
        return None  # a bare preposition ("- * (TO)"): "led to", "came to" are no visits
    return ObjectPattern(preposition, tuple(words), code)


def cameo_type(code: str | None) -> E | None:
    """The PLOVER type and mode of a CAMEO code ("0841" -> RETREAT release); None for statements."""
    for length in range(len(code or ""), 1, -1):
        entry = CAMEO_TYPES.get(code[:length])
        if entry:
            return entry
    return None

