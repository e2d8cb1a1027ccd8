"""Names glued to the next word, split apart before the parse.

Scraped pages lose the space or line break between a name and what follows:
"Irina Tati73", "Vitaly Trupanov50 years old", "Bogdanovhe said". The model
then reads "Tati73" as one unknown word and the name, the age and the verb are
all lost. ``GlueSplitter`` wraps the spaCy tokenizer and splits such tokens
into two tokens *without changing the text*: the new tokens carry no space
between them, so every character offset still indexes ``article.text``.

A token is split when it is

* a capitalised word followed by an age-sized number: "Tati73" -> "Tati" "73";
* a capitalised word that stands alone elsewhere in the same text, followed by a
  word from ``GLUE_WORDS``: "Bogdanovhe" -> "Bogdanov" "he" when the text also
  says "Bogdanov" ("Peterson" stays whole: "son" is no glue word);
* two capitalised words that both stand alone elsewhere in the text:
  "KrivoiThe" -> "Krivoi" "The" ("McDonald" stays whole unless "Mc" stands alone).
"""

from __future__ import annotations

import re

# Lowercase words that follow a name as the next word of its sentence ("Bogdanov he
# said", "Cheema drove"); a word from this list glued to a name ends the name. Kept to
# words that end no common surname (no "son", "er", "man").
GLUE_WORDS = frozenset(
    """
    he she they who which was were is are has had have said says told added and but or also
    drove died lived worked wrote called asked
    """.split()
)

# Shortest name part we split a glued word off ("Bogdanov" + "he"); shorter stems
# ("Dav" + "is", "Lew" + "is") are the names themselves.
MIN_STEM = 4

_NAME_THEN_NUMBER = re.compile(r"^([A-Z][a-z]{2,})(\d{1,3})$")
_CAPITALISED = re.compile(r"^[A-Z][a-z]+$")
_CAMEL = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]+)$")


def split_point(word: str, standalone: frozenset[str]) -> int | None:
    """Where ``word`` splits into a name and a glued word, or None.

    ``standalone`` holds the capitalised words that occur on their own in the text.
    """
    match = _NAME_THEN_NUMBER.match(word)
    if match:
        return len(match.group(1))
    match = _CAMEL.match(word)
    if match:
        left, right = match.groups()
        return len(left) if left in standalone and right in standalone else None
    if not _CAPITALISED.match(word):
        return None
    for cut in range(MIN_STEM, len(word) - 1):
        if word[cut:] in GLUE_WORDS and word[:cut] in standalone:
            return cut
    return None


class GlueSplitter:
    """A spaCy tokenizer that splits glued tokens of a text (see the module doc)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        doc = self.tokenizer(text)
        # Only a word starting with an uppercase letter can be split or stand alone as a name:
        # the others skip the patterns (read once per token of every article).
        capitalised = [(i, token.text) for i, token in enumerate(doc) if token.text[:1].isupper()]
        standalone = frozenset(word for _, word in capitalised if _CAPITALISED.match(word))
        cuts = {i: cut for i, word in capitalised if (cut := split_point(word, standalone))}
        if not cuts:
            return doc
        # A new Doc from words and spaces (the retokenizer's split would preset heads the
        # parser then keeps); norms the tokenizer's exceptions set ("n't" -> "not") carry over.
        words, spaces, norms = [], [], []
        for token in doc:
            cut = cuts.get(token.i)
            if cut is None:
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
                norms.append(token.norm_)
            else:
                words += [token.text[:cut], token.text[cut:]]
                spaces += [False, bool(token.whitespace_)]
                norms += [token.text[:cut].lower(), token.text[cut:].lower()]
        from spacy.tokens import Doc

        split = Doc(doc.vocab, words=words, spaces=spaces)
        for token, norm in zip(split, norms):
            token.norm_ = norm
        return split

    def __getattr__(self, name):  # vocab, rules, to_disk ...: the wrapped tokenizer's
        return getattr(self.tokenizer, name)


def install(nlp):
    """Wrap ``nlp``'s tokenizer once; returns ``nlp``."""
    if not isinstance(nlp.tokenizer, GlueSplitter):
        nlp.tokenizer = GlueSplitter(nlp.tokenizer)
    return nlp
