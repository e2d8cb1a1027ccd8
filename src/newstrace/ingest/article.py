"""Document -> Article: decode, extract (HTML) or clean (text), dateline, language, identity."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Article, Document, Paragraph, article_id
from .decode import decode
from .html import extract_html
from .jsondata import clean_string
from .language import detect_language
from .sources import default_url
from .text import clean_text

PARAGRAPH_SEPARATOR = "\n\n"
HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
# Fewer words than this after cleaning is not an article (a nav bar, a lone caption).
MIN_ARTICLE_WORDS = 4


def to_article(document: Document, limits: Limits = DEFAULT_LIMITS) -> Article:
    """The clean article of a document; InputError with a one-line reason when there is none."""
    raw = document.text if document.text is not None else decode(document.content, html=document.kind == "html")
    raw, notes = without_nul(clean_string(raw))
    title, author, site, url = document.title, None, document.site, document.url
    published = normalize_date(document.published)  # a given date that is impossible is a clear skip
    if document.kind == "html":
        found = extract_html(raw, limits.max_json_depth)
        if found is None:
            raise InputError("no article text found in the HTML page (0 words)")
        raw = found.text
        title = title or found.title
        published = published or found_date(found.published) or found_date(document.crawled)
        author, site, url = found.author, site or found.site, url or found.url
    cleaned = clean_text(raw, title=title)
    text, paragraphs = join_paragraphs(cleaned.paragraphs)
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        where = "found in the HTML page" if document.kind == "html" else "left after cleaning"
        raise InputError(f"no article text {where} ({words} words)")
    if len(text) > limits.max_text_chars:
        raise InputError(
            f"clean text is {len(text):,} characters, over the limit of {limits.max_text_chars:,} "
            "(max_text_chars): split the article into parts"
        )
    url = url or default_url(document.source)
    return Article(
        id=article_id(url, text),
        url=url,
        text=text,
        site=site,
        title=cleaned.title,
        published=published,
        dateline=cleaned.dateline,
        language=detect_language(text),
        author=author or cleaned.author,
        removed=cleaned.removed,
        paragraphs=paragraphs,
        source=document.source,
        notes=notes,
    )


def without_nul(raw: str) -> tuple[str, tuple[str, ...]]:
    """The text without NUL characters (databases and terminals cut text at them), and a note if any."""
    count = raw.count("\x00")
    if not count:
        return raw, ()
    return raw.replace("\x00", ""), (f"{count} NUL character{'s' if count > 1 else ''} removed from the text",)


def found_date(value: str | None) -> str | None:
    """A date the page itself states, normalised; an impossible one is dropped, not a reason to skip."""
    try:
        return normalize_date(value)
    except InputError:
        return None


def join_paragraphs(paragraphs: tuple[str, ...]) -> tuple[str, tuple[Paragraph, ...]]:
    spans, position = [], 0
    for paragraph in paragraphs:
        spans.append(Paragraph(position, position + len(paragraph)))
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(paragraphs), tuple(spans)


def normalize_date(value: str | None) -> str | None:
    """ISO 8601 (a date, or a datetime when a time is given); None when unparseable, never guessed.

    InputError when the date parses but cannot exist (a time-zone offset of 24 hours or more).
    """
    if not value:
        return None
    try:
        parsed = date_parser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            default = dt.datetime(1, 1, 1)
            parsed = date_parser.parse(value, default=default)
            if parsed.year == 1:  # no year in the text: do not invent one
                return None
        except (ValueError, OverflowError):
            return None
    if not HAS_TIME.search(value):
        return parsed.date().isoformat()
    try:
        return parsed.isoformat()
    except ValueError:  # datetime refuses offsets of 24 h or more only when it formats them
        raise InputError(f"date {value!r} has a time-zone offset of 24 hours or more") from None
