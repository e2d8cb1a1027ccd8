"""Scraped plain text -> title, paragraphs and what was removed.

Scrapes arrive with the headline repeated, site furniture between the lines and
a dateline glued to the first sentence. Each step here removes one kind of
noise and records the removed line, so nothing is lost silently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .furniture import FURNITURE, LINK_BLOCK_HEADINGS, LINK_LINE_MAX_WORDS

# The headline is looked for among the first lines only: a page's top.
HEADLINE_WINDOW = 12
# A headline-like line: short and not ending like a sentence.
HEADLINE_MAX_WORDS = 25
SENTENCE_END = re.compile(r"""[.!?:;"'”’)]\s*$""")

# A blog name or a standfirst may stand above the dateline: look this many paragraphs deep.
DATELINE_WINDOW = 3

# "RIGA, Latvia (Reuters) —", "LONDON, Jan 5 (AP) -", "MARLOW BAY, Norland —"
DATELINE = re.compile(
    r"""^(?P<city>[A-Z][A-Z'.-]+(?:\s[A-Z][A-Z'.-]+){0,3})
        (?:,\s*(?P<region>[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,3}))?
        (?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2}))?
        (?:\s*\((?P<agency>[^)]{1,40})\))?
        \s*[—–-]{1,2}\s+(?=\S)""",
    re.VERBOSE,
)
# Spinner-mangled form: "Latvia's RIGA Russian officials..." -> Riga, Latvia.
MANGLED_DATELINE = re.compile(
    r"^(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})['’]s\s(?P<city>[A-Z]{3,}(?:\s[A-Z]{3,}){0,2})\s+(?=[A-Z])"
)


@dataclass(frozen=True)
class CleanText:
    title: str | None
    dateline: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[str, ...]


def normalize_line(line: str) -> str:
    return " ".join(line.split())


def clean_text(raw: str, title: str | None = None) -> CleanText:
    """Title, dateline and paragraphs of a scraped page; every dropped line in ``removed``."""
    lines = [normalize_line(line) for line in raw.splitlines()]
    lines = [line for line in lines if line]
    removed: list[str] = []

    title = title or find_headline(lines)
    kept: list[str] = []
    in_link_block = False
    first_kept_at = 0
    for line in lines:
        if title and line.casefold() == title.casefold() and looks_like_headline(line):
            removed.append(line)
        elif LINK_BLOCK_HEADINGS.fullmatch(line):
            removed.append(line)
            in_link_block = True
        elif in_link_block and is_link_line(line):
            removed.append(line)
        elif FURNITURE.fullmatch(line):
            removed.append(line)
        else:
            in_link_block = False
            if not kept:
                first_kept_at = len(removed)  # where a dateline prefix goes, in document order
            kept.append(line)

    dateline = None
    for index, paragraph in enumerate(kept[:DATELINE_WINDOW]):
        dateline, prefix = find_dateline(paragraph)
        if prefix:
            rest = paragraph[len(prefix) :].lstrip()
            removed.insert(first_kept_at, prefix.strip())
            kept[index] = rest[0].upper() + rest[1:]
            break
    return CleanText(title=title, dateline=dateline, paragraphs=tuple(kept), removed=tuple(removed))


def find_headline(lines: list[str]) -> str | None:
    """A line repeated at the top of the page, else the first headline-like line."""
    top = [line for line in lines[:HEADLINE_WINDOW] if not FURNITURE.fullmatch(line)]
    if not top:
        return None
    counts = Counter(line.casefold() for line in top)
    for line in top:
        if counts[line.casefold()] > 1 and looks_like_headline(line):
            return line
    first = top[0]
    if looks_like_headline(first) and len(lines) > 1:
        return first
    return None


def looks_like_headline(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= HEADLINE_MAX_WORDS and not line.rstrip().endswith((".", ":", ";", ","))


def is_link_line(line: str) -> bool:
    return len(line.split()) <= LINK_LINE_MAX_WORDS and not SENTENCE_END.search(line)


def find_dateline(paragraph: str) -> tuple[str | None, str]:
    """The normalised dateline and the prefix it occupies, or (None, "")."""
    match = DATELINE.match(paragraph)
    if match:
        city = place_case(match["city"])
        region = match["region"]
        return (f"{city}, {place_case(region)}" if region else city), match.group(0)
    match = MANGLED_DATELINE.match(paragraph)
    if match:
        return f"{place_case(match['city'])}, {match['region']}", match.group(0)
    return None, ""


def place_case(name: str) -> str:
    """RIGA -> Riga, MARLOW BAY -> Marlow Bay; mixed-case names stay as written."""
    if name.isupper():
        return " ".join(word.capitalize() for word in name.split())
    return name
