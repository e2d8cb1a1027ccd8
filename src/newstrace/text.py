"""Text helpers shared across the package: one way to fold a word, one way to key a name,
one way to write a number's digits.

    fold("Wójcik")          -> "wojcik"   case and accents off, other scripts kept
    name_key("Jiří")        -> "jiri"     folded and in ASCII: how names are compared
    number_value("1,200")   -> "1200"     digits without thousands separators

(``link.names.normalise`` reads a personal name for parsing it: it also undoes Ukrainian and
Greek romanisations and drops punctuation, which a word's key must keep.)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii


def fold(text: str) -> str:
    """Case- and accent-insensitive form: Wójcik -> wojcik (other scripts untouched)."""
    if text.isascii():  # most words: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(word: str) -> str:
    """How a name is compared: folded and in ASCII (Jiří = Jiri, Wójcik = wojcik)."""
    if word.isascii():  # most words: folding and transliteration only lower them
        return word.lower()
    return _transliterated_key(word)


@lru_cache(maxsize=65536)  # names recur across the articles a linker compares
def _transliterated_key(word: str) -> str:
    return anyascii(fold(word)).lower()


def number_value(token: str) -> str:
    """A number's digits without thousands separators: '1,200', '1.200', '1 200' -> '1200'."""
    compact = token.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[., ]\d{3})+", compact):
        return re.sub(r"\D", "", compact)
    return compact.replace(",", ".")
