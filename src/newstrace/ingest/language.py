"""The language of a text, guessed by py3langid (article cleaning and the WARC reader's filter)."""

from __future__ import annotations

import py3langid

# Below this many words the language guess is unreliable: leave it unset.
MIN_WORDS_FOR_LANGUAGE = 5
# py3langid reads this much text; more does not change its answer on news.
LANGUAGE_SAMPLE_CHARS = 2000


def detect_language(text: str) -> str | None:
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return None
    language, _score = py3langid.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return language
