"""Scraped plain text -> title, paragraphs and what was removed.

Scrapes arrive with the headline repeated, site furniture between the lines and
a dateline glued to the first sentence. Each step here removes one kind of
noise and records the removed line, so nothing is lost silently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .furniture import (
    BYLINE,
    DATELINE,
    FURNITURE,
    LINK_BLOCK_HEADINGS,
    LINK_LINE_MAX_WORDS,
    MANGLED_DATELINE,
    NOT_PLACES,
)

# The headline is looked for among the first lines only: a page's top.
HEADLINE_WINDOW = 12
# A headline-like line: short and not ending like a sentence.
HEADLINE_MAX_WORDS = 25
SENTENCE_END = re.compile(r"""[.!?:;"'”’)]\s*$""")

# A blog name or a standfirst may stand above the dateline: look this many paragraphs deep.
DATELINE_WINDOW = 3


@dataclass(frozen=True)
class CleanText:
    title: str | None
    dateline: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[str, ...]
    author: str | None = None  # from a byline line ("By Jane Doe")


def normalize_line(line: str) -> str:
    return " ".join(line.split())


def clean_text(raw: str, title: str | None = None) -> CleanText:
    """Title, dateline and paragraphs of a scraped page; every dropped line in ``removed``."""
    lines = [normalize_line(line) for line in raw.splitlines()]
    lines = [line for line in lines if line]
    removed: list[str] = []

    title = title or find_headline(lines)
    author = None
    kept: list[str] = []
    removed_before: list[int] = []  # for each kept line, how many lines were removed above it
    in_link_block = False
    for line in lines:
        byline = BYLINE.fullmatch(line)
        if title and line.casefold() == title.casefold() and looks_like_headline(line):
            removed.append(line)
        elif LINK_BLOCK_HEADINGS.fullmatch(line):
            removed.append(line)
            in_link_block = True
        elif in_link_block and is_link_line(line):
            removed.append(line)
        elif byline:
            removed.append(line)
            author = author or byline["author"]
        elif FURNITURE.fullmatch(line):
            removed.append(line)
        else:
            in_link_block = False
            removed_before.append(len(removed))
            kept.append(line)

    dateline = None
    for index, paragraph in enumerate(kept[:DATELINE_WINDOW]):
        dateline, prefix = find_dateline(paragraph)
        if prefix:
            rest = paragraph[len(prefix) :].lstrip()
            removed.insert(removed_before[index], prefix.strip())  # in document order
            kept[index] = rest[0].upper() + rest[1:]
            break
    return CleanText(title=title, dateline=dateline, paragraphs=tuple(kept), removed=tuple(removed), author=author)


def find_headline(lines: list[str]) -> str | None:
    """The headline: among the lines above the first prose line, one repeated, else the first.

    Only the page's top counts (at most HEADLINE_WINDOW lines, and nothing
    below the first line that reads like prose), so a subheading repeated in
    the body ("Winners meet in final match") is never taken for the headline.
    """
    top: list[str] = []
    for line in lines[:HEADLINE_WINDOW]:
        if FURNITURE.fullmatch(line):
            continue
        if not looks_like_headline(line):
            break
        top.append(line)
    if not top:
        return None
    counts = Counter(line.casefold() for line in top)
    repeated = [line for line in top if counts[line.casefold()] > 1]
    if repeated:
        return repeated[0]
    return top[0] if len(lines) > 1 else None


def looks_like_headline(line: str) -> bool:
    """Short, and not ending like a sentence (a trailing ellipsis is a cut headline, not a sentence)."""
    words = line.split()
    ends_like_sentence = line.endswith((".", ":", ";", ",")) and not line.endswith(("...", "…"))
    return 2 <= len(words) <= HEADLINE_MAX_WORDS and not ends_like_sentence


def is_link_line(line: str) -> bool:
    return len(line.split()) <= LINK_LINE_MAX_WORDS and not SENTENCE_END.search(line)


def find_dateline(paragraph: str) -> tuple[str | None, str]:
    """The normalised dateline and the prefix it occupies, or (None, "")."""
    match = DATELINE.match(paragraph)
    if match and not any(word in NOT_PLACES for word in match["city"].split()):
        city = place_case(match["city"])
        region = match["region"]
        return (f"{city}, {place_case(region)}" if region else city), match.group(0)
    match = MANGLED_DATELINE.match(paragraph)
    if match and not any(word in NOT_PLACES for word in match["city"].split()):
        return f"{place_case(match['city'])}, {match['region']}", match.group(0)
    return None, ""


# Initials and postal abbreviations keep their capitals: "N.M.", "D.C.", "U.K.".
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+")


def place_case(name: str) -> str:
    """RIGA -> Riga, ST. JOSEPH -> St. Joseph, MARLOW BAY -> Marlow Bay; N.M. and mixed case stay as written."""
    return " ".join(word if not word.isupper() or ABBREVIATION.fullmatch(word) else word.title() for word in name.split())
