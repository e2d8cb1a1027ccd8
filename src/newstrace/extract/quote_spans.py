"""Where a text's paragraphs and quotations are: shared by the extractors.

    paragraph_bounds(article) -> [(start, end)]
    find_quote_spans(text, paragraphs) -> [QuoteSpan]

Direct quotes come from the text, not the parse: ``find_quote_spans`` pairs
quotation marks paragraph by paragraph (curly and straight marks; single
quotes nest inside; a quote still open at the end of a paragraph continues
when the next paragraph opens with a mark). ``quotes.py`` attributes them,
``events.py`` reads what lies inside them as reported, ``integrity.py``
leaves them alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article
from . import speech as sp

WORD = re.compile(r"\w+")
_TRAILING = " \t\r\n,;:—–-"


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: content ``start:end`` between marks at ``open``/``close``.

    ``close`` is the closing mark's offset, or the paragraph end when the quote
    runs on. ``continues`` marks a quote that opens a paragraph while the
    previous paragraph's quote ran on.
    """

    start: int
    end: int
    open: int
    close: int
    paragraph: int
    continues: bool = False
    runs_on: bool = False



def paragraph_bounds(article: Article) -> list[tuple[int, int]]:
    """Paragraph character spans: ``article.paragraphs``, else the text's lines."""
    if article.paragraphs:
        return [(p.start, p.end) for p in article.paragraphs]
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article.text)]


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair the double quotation marks of each paragraph (see module docstring)."""
    spans: list[QuoteSpan] = []
    ran_on = False
    for number, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        opened_width = 1
        continues = False
        i = p_start
        while i < p_end:
            ch, width = text[i], 1
            if text.startswith(sp.DOUBLED_MARK, i):
                ch, width = '"', len(sp.DOUBLED_MARK)
            if ch in sp.OPENING_MARKS:
                kind = "open"
            elif ch in sp.CLOSING_MARKS:
                kind = "close"
            elif ch in sp.STRAIGHT_MARKS:
                kind = _straight_kind(text, i, i + width, p_start, p_end, opened is not None)
            else:
                i += 1
                continue
            if kind == "open" and opened is None:
                opened, opened_width = i, width
                continues = ran_on and not text[p_start:i].strip()
            elif kind == "close" and opened is not None:
                _add(spans, text, opened, opened_width, i, number, continues, runs_on=False)
                opened = None
            i += width
        ran_on = opened is not None
        if opened is not None:
            _add(spans, text, opened, opened_width, p_end, number, continues, runs_on=True)
    return spans


def _straight_kind(text: str, i: int, j: int, p_start: int, p_end: int, is_open: bool) -> str:
    """Whether the straight mark at ``i:j`` opens or closes, from its neighbours."""
    before = text[i - 1] if i > p_start else " "
    after = text[j] if j < p_end else " "
    opening = before.isspace() or before in sp.OPEN_AFTER
    closing = after.isspace() or after in sp.CLOSE_BEFORE
    if is_open:
        return "close" if closing or not opening else "open"
    return "open" if opening or not closing else "close"


def _add(spans, text, opened, width, close, paragraph, continues, runs_on) -> None:
    start, end = opened + width, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if WORD.search(text, start, end):
        spans.append(QuoteSpan(start, end, opened, close, paragraph, continues, runs_on))


__all__ = ["QuoteSpan", "WORD", "find_quote_spans", "paragraph_bounds"]
