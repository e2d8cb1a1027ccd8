"""What every extractor reads off one parse, computed once per Doc and shared.

Each extractor used to rebuild the same things from the Doc it was given: its text
(``doc.text`` joins every token again), each token's character offset, the sentence
starts, the quotation spans of the article. ``of(doc)`` returns the one ``DocContext``
kept on that Doc (in ``doc.user_data``), so the first extractor to ask computes a value
and the others reuse it. It lives exactly as long as the Doc (one article, inside a
memory zone) and holds plain values and the Doc's own tokens, never spans: ``doc[i]``
and ``for token in doc`` make a new Token object at every call (the extractors asked for
about 20,000 per BBC article, a fifth of their time), ``tokens[i]`` reuses one.

A Doc's tokens, sentences and text must not change after the first extractor has read
them (our pipeline never does: extraction only reads the parse).
"""

from __future__ import annotations

from functools import cached_property

from ..model import Article
from .quote_spans import QuoteSpan, find_quote_spans, paragraph_bounds

USER_DATA_KEY = "newstrace.doc_context"


class DocContext:
    """Plain values read once off one Doc."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self._quote_spans: dict[tuple, tuple[QuoteSpan, ...]] = {}
        self._annotations: dict[str, bool] = {}

    @cached_property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def tokens(self) -> list:
        """The Doc's tokens, each made once: ``tokens[i]`` is ``doc[i]``."""
        return list(self.doc)

    @cached_property
    def words(self) -> list[str]:
        """Each token's text."""
        return [token.text for token in self.tokens]

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's lowercase form."""
        return [token.lower_ for token in self.tokens]

    @cached_property
    def children(self) -> list[list]:
        """Each token's syntactic children in text order, as ``token.children`` gives them, from
        one pass over the heads (``token.children`` makes new Tokens at every call)."""
        tokens = self.tokens
        found: list[list] = [[] for _ in tokens]
        if self.has_annotation("DEP"):
            for token in tokens:
                head = token.head.i
                if head != token.i:
                    found[head].append(token)
        return found

    def has_annotation(self, attr: str) -> bool:
        """``doc.has_annotation(attr)``, read once per attribute (each call reads every token)."""
        if attr not in self._annotations:
            self._annotations[attr] = self.doc.has_annotation(attr)
        return self._annotations[attr]

    @cached_property
    def token_starts(self) -> list[int]:
        """Character offset of each token."""
        return [token.idx for token in self.tokens]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """First token of each sentence; [0] when the Doc has no sentence boundaries."""
        try:
            return [sent.start for sent in self.doc.sents]
        except ValueError:
            return [0]

    def quote_spans(self, article: Article) -> tuple[QuoteSpan, ...]:
        """``find_quote_spans`` over the article's text and paragraphs, found once."""
        paragraphs = paragraph_bounds(article)
        key = (article.text, tuple(paragraphs))
        if key not in self._quote_spans:
            self._quote_spans[key] = tuple(find_quote_spans(article.text, paragraphs))
        return self._quote_spans[key]


def of(doc) -> DocContext:
    """The context of ``doc``, made on first use."""
    context = doc.user_data.get(USER_DATA_KEY)
    if context is None:
        context = doc.user_data[USER_DATA_KEY] = DocContext(doc)
    return context


def children(token) -> list:
    """``token.children`` as a list, from the context of the token's Doc."""
    return of(token.doc).children[token.i]


__all__ = ["DocContext", "children", "of"]
