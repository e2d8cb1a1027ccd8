"""Spelling variants that romanisations of Indic names make, beyond those every key already folds.

    indic_variant("bhupender", "bhupendra") -> True    # the schwa: -ender / -endra, -inder / -indra
    indic_variant("deb", "dev") -> True                # Bengali writes b for v
    indic_variant("alexander", "alexandra") -> False   # -ander is no Indic -ender

Used by ``names.given_match`` and the surname comparison as one more CLOSE variant. Both words are
compared as ``names`` keys them (lowercase ASCII, spelling-key folded).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.names import INDIC_KEY_RULES
from .name_parts import RELATION_CACHE_SIZE

# Shortest key the b / v rule reads: two-letter words ("Bo", "Vo") are other names.
MIN_INDIC_KEY_CHARS = 3

_RULES = tuple((re.compile(pattern), replacement) for pattern, replacement in INDIC_KEY_RULES)


@lru_cache(maxsize=RELATION_CACHE_SIZE)  # a key is read at every comparison it takes part in
def indic_key(word: str) -> str:
    """One spelling for the Indic variants of ``word``."""
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    return word


def indic_variant(a: str, b: str) -> bool:
    """Two different spellings that one Indic name takes in Latin letters."""
    if a == b or min(len(a), len(b)) < MIN_INDIC_KEY_CHARS:
        return False
    return indic_key(a) == indic_key(b)
