"""The language of a text, guessed by py3langid (article cleaning and the WARC reader's filter)."""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter

import py3langid

# Below this many words the language guess is unreliable: leave it unset.
MIN_WORDS_FOR_LANGUAGE = 5
# py3langid reads this much text; more does not change its answer on news.
LANGUAGE_SAMPLE_CHARS = 2000
# Letters counted to find the text's main script: a quoted tweet or caption in another script
# near the top must not decide it.
MAIN_SCRIPT_SAMPLE_CHARS = 4 * LANGUAGE_SAMPLE_CHARS
# Scripts counted as one: Japanese mixes kanji and kana in every sentence.
SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}


@functools.lru_cache(maxsize=8192)  # a page uses a few hundred distinct characters; this runs per letter
def _script(char: str) -> str | None:
    """The script of a letter or of a vowel sign, from its Unicode name ("LATIN SMALL LETTER A" ->
    "LATIN", "DEVANAGARI VOWEL SIGN E" -> "DEVANAGARI"); None for anything else (spaces, digits,
    punctuation, accents that combine with any script)."""
    if not (char.isalpha() or unicodedata.category(char).startswith("M")):
        return None
    script = unicodedata.name(char, "COMBINING").split(" ", 1)[0]
    return None if script == "COMBINING" else SCRIPT_GROUPS.get(script, script)


def in_main_script(text: str) -> str:
    """The text with letters of other scripts than the one most of its letters are in blanked.

    py3langid's byte n-grams of a non-Latin script outweigh the Latin ones: an English report
    quoting a Hindi tweet in its first lines was guessed Hindi, and its English pass skipped.
    Guessing from the letters of the main script alone reads it as English, and a Hindi or
    Russian page quoting English names stays Hindi or Russian."""
    scripts = [_script(char) for char in text]
    counts = Counter(script for script in scripts if script)
    if len(counts) < 2:
        return text
    main = counts.most_common(1)[0][0]
    return "".join(" " if script not in (None, main) else char for char, script in zip(text, scripts))


def detect_language(text: str) -> str | None:
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return None
    # The main script is counted over a longer stretch than py3langid reads.
    sample = " ".join(in_main_script(text[: MAIN_SCRIPT_SAMPLE_CHARS]).split())
    language, _score = py3langid.classify(sample[:LANGUAGE_SAMPLE_CHARS])
    return language
