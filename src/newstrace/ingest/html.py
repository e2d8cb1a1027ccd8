"""HTML -> article text and metadata, through trafilatura with fallbacks."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura
from trafilatura.settings import set_date_params
from lxml import html as lxml_html
from lxml.etree import ParserError

from ..errors import InputError
from ..limits import DEFAULT_LIMITS
from .jsondata import load_json

# trafilatura logs every page it finds too short; our caller reports that once, clearly.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# The cascade: trafilatura's defaults (precision), then favouring recall, then
# all visible paragraph text. Each runs only if the previous found less than
# this many characters, the size of a short news brief.
MIN_ARTICLE_CHARS = 120
# Dates come from the page's markup and URL only: trafilatura's "extensive" search
# would take any year in the prose ("closed in 2021") for the publication date.
EXTENSIVE_DATE_SEARCH = False


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None


def extract_html(markup: str, max_json_depth: int = DEFAULT_LIMITS.max_json_depth) -> HtmlArticle | None:
    """The article in an HTML page, or None when the page has none."""
    best: HtmlArticle | None = None
    for favor_recall in (False, True):
        found = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            favor_recall=favor_recall,
            date_extraction_params=set_date_params(EXTENSIVE_DATE_SEARCH),
        )
        if found is not None and found.text:
            candidate = HtmlArticle(
                text=found.text,
                title=found.title or None,
                published=with_time_of_day(markup, found.date, max_json_depth) if found.date else None,
                author=found.author or None,
                site=found.sitename or None,
                url=found.url if found.url and not _only_base_href(markup, found.url) else None,
            )
            if best is None or len(candidate.text) > len(best.text):
                best = candidate
            if len(candidate.text) >= MIN_ARTICLE_CHARS:
                return candidate
    if best is not None:
        return best
    text = visible_paragraphs(markup)
    return HtmlArticle(text=text) if text else None


# Where pages state their publication time to the second; trafilatura (htmldate) keeps only
# the day, which cannot order an original and a reprint published hours apart.
TIMESTAMP_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='date']/@content",
    "//time[@datetime]/@datetime",
)


def with_time_of_day(markup: str, day: str, max_json_depth: int = DEFAULT_LIMITS.max_json_depth) -> str:
    """``day`` (YYYY-MM-DD) with its time of day when the page states one for that same day."""
    try:
        tree = lxml_html.fromstring(markup)
    except (ParserError, ValueError):
        return day
    stamps = [str(v) for xpath in TIMESTAMP_XPATHS for v in tree.xpath(xpath)]
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        stamps += _json_ld_dates(script, max_json_depth)
    for stamp in stamps:
        stamp = stamp.strip()
        if stamp.startswith(day[:10]) and "T" in stamp:
            return stamp
    return day


def _json_ld_dates(script: str, max_json_depth: int) -> list[str]:
    try:
        data = load_json(script, max_json_depth)
    except InputError:  # a broken or absurdly deep block only loses its date
        return []
    items = data if isinstance(data, list) else [data]
    for item in list(items):
        graph = item.get("@graph") if isinstance(item, dict) else None
        items += graph if isinstance(graph, list) else [graph]  # "@graph" is a list or one node
    return [str(item["datePublished"]) for item in items if isinstance(item, dict) and item.get("datePublished")]


# Where a page names its own address; <base href> only says where relative links resolve
# (often a CDN folder), so a URL found only there is not the article's.
OWN_URL_XPATHS = ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content")


def _only_base_href(markup: str, url: str) -> bool:
    """Is ``url`` the page's <base href> and not its canonical link or og:url?"""
    try:
        tree = lxml_html.fromstring(markup)
    except (ParserError, ValueError):
        return False
    own = {str(value).strip() for xpath in OWN_URL_XPATHS for value in tree.xpath(xpath)}
    return url in {str(value).strip() for value in tree.xpath("//base/@href")} and url not in own


def visible_paragraphs(markup: str) -> str:
    """Last resort: the text of <p> elements, for pages trafilatura gives up on."""
    try:
        tree = lxml_html.fromstring(markup)
    except (ParserError, ValueError):
        return ""
    paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    return "\n".join(p for p in paragraphs if len(p.split()) >= 5)
