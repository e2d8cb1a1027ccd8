"""The Phoenix/CAMEO agent and country dictionaries, read at run time when present.

    agent_types() -> dict[str, str]      "police officer" -> "police", "rebel" -> "rebel"
    country_words() -> dict[str, str]    "israeli" -> "Israel", "israel" -> "Israel"

PETRARCH2's dictionaries (Open Event Data Alliance, MIT) are reference data
we do not ship: they are read from ``NEWSTRACE_CAMEO`` (a folder), by default
the ``cameo-dictionaries`` folder of the shared data beside the checkout.
Where they are absent both lookups are empty and ``actors.py`` falls back on
our own word list (``actor_lexicon.py``): nothing fails. Read once per
process, on first use.

``Phoenix.agents.txt`` lines read ``POLICE_OFFICER [~COP]``: words joined by
``_``, then the agent code whose first three letters are the CAMEO sector;
``!PERSON!`` stands for man/woman/person (the file's substitution sets), and
regular plurals are left out (PETRARCH adds them; we match lemmas).
``Phoenix.Countries.actors.txt`` opens each country with ``ISRAEL_  [ISR]``
followed by ``+ISRAELI``-style alternative names; only those country-level
blocks are read (not the dated lists of office holders).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from .actor_lexicon import SECTOR_TYPES

ENVIRONMENT_VARIABLE = "NEWSTRACE_CAMEO"
DEFAULT_FOLDER = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "cameo-dictionaries"
AGENTS_FILE = "Phoenix.agents.txt"
COUNTRIES_FILE = "Phoenix.Countries.actors.txt"

_AGENT_LINE = re.compile(r"^([A-Z0-9!'.\-_ {}]+?)\s*\[(~?)([A-Z]{3})[A-Z~]*[\]}]")
_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_COUNTRY_LINE = re.compile(r"^([A-Z][A-Z'\-_]*?)_?\s+\[([A-Z]{3})\]\s*$")
_ALIAS_LINE = re.compile(r"^\+([A-Z][A-Z'\-_]*?)_?\s*$")


def folder() -> Path:
    return Path(os.environ.get(ENVIRONMENT_VARIABLE, DEFAULT_FOLDER))


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").lower().split())


@cache
def agent_types() -> dict[str, str]:
    """Agent noun phrase (lowercase, singular as the file writes it) -> newstrace actor type."""
    path = folder() / AGENTS_FILE
    if not path.is_file():
        return {}
    substitutions: dict[str, list[str]] = {}
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line:
            continue
        match = _SUBSTITUTION.match(line)
        if match:
            substitutions[match[1]] = [w.strip() for w in match[2].split(",") if w.strip()]
            continue
        match = _AGENT_LINE.match(line)
        if not match or match[2] != "~":  # "[IGO~]"-style codes name no sector
            continue
        kind = SECTOR_TYPES.get(match[3])
        if kind is None:
            continue
        for variant in match[1].replace("{}", " ").split():
            for name in _expand(variant, substitutions):
                found.setdefault(_phrase(name), kind)
    return found


def _expand(variant: str, substitutions: dict[str, list[str]]) -> list[str]:
    for key, words in substitutions.items():
        if key in variant:
            return [variant.replace(key, "_" + word if not variant.startswith(key) else word) for word in words]
    return [variant]


@cache
def country_words() -> dict[str, str]:
    """Country names and their adjectives (lowercase) -> the country's name as the file opens it."""
    path = folder() / COUNTRIES_FILE
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    country: str | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        match = _COUNTRY_LINE.match(line)
        if match:
            country = _phrase(match[1]).title()
            found.setdefault(_phrase(match[1]), country)
            continue
        match = _ALIAS_LINE.match(line)
        if match and country is not None:
            found.setdefault(_phrase(match[1]), country)
            continue
        if line and not line.startswith("+"):
            country = None  # an institution or office holder: its aliases are not the country's
    return found
