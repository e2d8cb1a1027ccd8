"""A thin read-only view over a spaCy Doc for the extractors.

It answers the few questions every extractor asks (which sentence is token
``i`` in, is it capitalised, is it a possessive, which entity label does it
carry) the same way on a full parse and on a ``spacy.blank`` doc with
hand-set entities. A view lives only while one article is extracted; nothing
returned from the extractors points back into the Doc.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from ..model import Evidence
from . import doc_context

POSSESSIVE_MARKS = frozenset({"'s", "'", "\u2019s", "\u2019"})
SENTENCE_END_MARKS = frozenset({".", "!", "?"})


class DocView:
    """Sentence lookup and token tests over one Doc."""

    def __init__(self, doc, article_id: str):
        self.doc = doc
        self.article_id = article_id
        context = doc_context.of(doc)  # text and sentences read once per Doc, not once per view
        self.context = context
        self.text = context.text
        self.has_tags = context.has_annotation("TAG")
        self.sentence_starts = context.sentence_starts
        self.n = len(doc)

    def __len__(self) -> int:
        return self.n

    def sentence_of(self, i: int) -> int:
        """Index (in ``list(doc.sents)``) of the sentence holding token ``i``."""
        return max(bisect_right(self.sentence_starts, i) - 1, 0)

    def sentence_start(self, i: int) -> int:
        """First token of the sentence holding token ``i``."""
        return self.sentence_starts[self.sentence_of(i)]

    def sentence_end(self, i: int) -> int:
        """One past the last token of the sentence holding token ``i``."""
        k = self.sentence_of(i) + 1
        return self.sentence_starts[k] if k < len(self.sentence_starts) else self.n

    def sentence_chars(self, i: int) -> int:
        """Length in characters of the sentence holding token ``i``."""
        return self._sentence_lengths[self.sentence_of(i)]

    @cached_property
    def _sentence_lengths(self) -> list[int]:
        # Asked once per token by the extractors' length limit: measured once per sentence.
        lengths = []
        for number, start in enumerate(self.sentence_starts):
            end = self.sentence_starts[number + 1] if number + 1 < len(self.sentence_starts) else self.n
            first, last = self.tokens[start], self.tokens[end - 1]
            lengths.append(last.idx + len(last.text) - first.idx)
        return lengths

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words the text writes in lowercase somewhere: "house", "leathers" are no surnames
        on a page that also writes them so."""
        return frozenset(token.text for token in self.tokens if token.is_lower and token.is_alpha)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for tokens ``start:end`` (character offsets into the text)."""
        first, last = self.tokens[start], self.tokens[end - 1]
        return Evidence(self.article_id, self.sentence_of(start), first.idx, last.idx + len(last.text))

    def char_span(self, start: int, end: int) -> str:
        first, last = self.tokens[start], self.tokens[end - 1]
        return self.text[first.idx : last.idx + len(last.text)]

    @property
    def tokens(self) -> list:
        """The Doc's tokens, made once per Doc (``doc_context``): ``tokens[i]`` is ``doc[i]``."""
        return self.context.tokens

    @property
    def words(self) -> list[str]:
        """Each token's text."""
        return self.context.words

    def lower(self, i: int) -> str:
        return self.context.lowers[i] if 0 <= i < self.n else ""

    def tag(self, i: int) -> str:
        return self.tokens[i].tag_ if self.has_tags and 0 <= i < self.n else ""

    def is_possessive(self, i: int) -> bool:
        return 0 <= i < self.n and self.words[i] in POSSESSIVE_MARKS

    def is_capitalised(self, i: int) -> bool:
        """Starts with an uppercase letter ("Nir", "RIA", "al-" is not)."""
        text = self.words[i]
        return bool(text) and text[0].isupper()

    def is_number(self, i: int) -> bool:
        return 0 <= i < self.n and self.words[i].isdigit()

    def ent_type(self, i: int) -> str:
        return self.tokens[i].ent_type_ if 0 <= i < self.n else ""
