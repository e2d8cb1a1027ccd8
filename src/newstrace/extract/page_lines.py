"""Parts of a scraped page that name no one in the story, and headline-case lines.

A real page keeps lines a reader skips: photo credits ("Eyad Baba / AFP",
"Photo Credit: ..."), bylines ("By Anna Petrova and Mark Dale:"), wire credits
("Lori Hinnant, Associated Press"). Names there are photographers and
reporters, not people of the story: ``read`` returns their character ranges,
and mentions inside them are dropped.

Headline-case lines ("Kremlin Thanks Qatar As Russian Hostage Freed")
capitalise every word, so the model reads "Russian Hostage Freed" as a name.
``read`` returns those lines too; a person mention there keeps only the words
the rest of the page also writes capitalised (see ``mentions``).

Everything is found on ``article.text`` itself, so ranges index it directly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..lexicon.words import NEWS_OUTLETS

# Longest line read as a byline or a wire credit when no colon or dash closes it:
# "By Anna Petrova and Mark Dale" is short, "By the time the convoy..." is a sentence.
MAX_BYLINE_CHARS = 80
# A headline-case line: at least this many words of 4+ letters ...
HEADLINE_MIN_LONG_WORDS = 3
# ... of which at least this share is capitalised (a sentence capitalises a few names;
# "Putin Extends Gratitude To Qatar" capitalises all of them) ...
HEADLINE_CAPITALISED_SHARE = 0.75
# ... and at most this many words in all (longer lines are prose or lists).
HEADLINE_MAX_WORDS = 20
# A line with more commas than this is a list of names, not a headline.
HEADLINE_MAX_COMMAS = 1

_AGENCY_NAMES = sorted(
    (name for name in NEWS_OUTLETS if name.replace(" ", "").replace("-", "").isalpha()), key=len, reverse=True
)
_AGENCY = "(?:" + "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in _AGENCY_NAMES) + ")"
_NAME_WORDS = r"(?:[A-Z][\w'\u2019.\-]*\s+){0,4}[A-Z][\w'\u2019.\-]*"

# "Mohammed SALEM / AFP", "Eyad Baba/AFP via Getty Images"
_SLASH_CREDIT = re.compile(rf"{_NAME_WORDS}\s*/\s*(?i:{_AGENCY})\b(?:\s+via\s+Getty\s+Images)?")
# "Photo Credit: Sushil Kumar Verma", "(Photo by Jane Doe)", "Image courtesy: ...", "Credit: ..."
_LABELLED_CREDIT = re.compile(
    rf"\b(?:Photo|PHOTO|Image|IMAGE|Picture|Photograph|File photo|Credit|Courtesy)s?"
    rf"(?:\s+(?i:credits?|courtesy|by)\b)?\s*:?\s*(?:by\s+)?{_NAME_WORDS}"
)
# "By Anna Petrova and Mark Dale:", "Written by ...": names only, closed by a colon, dash or bar
# or the line end ("By Friday, Dana Orlov was home." is a sentence).
_BYLINE = re.compile(
    rf"^[ \t]*(?:By|BY|Written by|Reported by|Edited by|Posted by|Authored by|Author)\s*:?\s*"
    rf"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?{_NAME_WORDS}(?:\s*(?:,|and|&)\s*{_NAME_WORDS})*(?=\s*(?:[:|\u2014\u2013]|$))",
    re.MULTILINE,
)
# "... By Lori Hinnant, Samuel Petrequin, Associated Press A fire ...": a byline run into the text,
# closed by the agency.
_INLINE_BYLINE = re.compile(rf"\bBy\s+{_NAME_WORDS}(?:\s*(?:,|and|&)\s*{_NAME_WORDS})*?\s*,\s*(?i:{_AGENCY})\b")
# "Lori Hinnant and Samuel Petrequin, Associated Press" / "... | AP" on a line of its own.
_WIRE_CREDIT = re.compile(
    rf"^[ \t]*{_NAME_WORDS}(?:\s*(?:,|and)\s*{_NAME_WORDS})*\s*[,|]\s*(?i:{_AGENCY})[ \t]*$", re.MULTILINE
)
# "(Reporting by Will Dunham; Editing by Tom Brown)": the wire's staff credits.
_STAFF_CREDIT = re.compile(
    rf"(?:^|\(|;\s*)[ \t]*(?:Additional reporting|Reporting|Editing|Writing|Compiled|Edited|Reported|Written)"
    rf" by\s+{_NAME_WORDS}(?:\s*(?:,|and|&)\s*{_NAME_WORDS})*",
    re.MULTILINE,
)
# An author box: a line that is a name alone, then a line that opens with the author's job
# ("Sunil Kumar Dhangadamajhi" / "Editor, Yadu News Nation"), decorative letters read as plain.
_NAME_LINE = re.compile(rf"^[ \t]*{_NAME_WORDS}[ \t]*$")
_JOURNALIST_JOB = re.compile(
    r"^\s*(?:Senior |Chief |Deputy |Managing |Associate |Special )?"
    r"(?:Editor|Reporter|Correspondent|Columnist|Contributor|Journalist|Writer|Author|Staff Writer)\b",
    re.IGNORECASE,
)
_ATTRIBUTION_DASHES = ("\u2014", "\u2013", "-")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")


@dataclass(frozen=True)
class PageLines:
    """Character ranges of credits and bylines (``skipped``) and of headline-case lines."""

    skipped: tuple[tuple[int, int], ...]
    headlines: tuple[tuple[int, int], ...]

    def is_skipped(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.skipped)

    def in_headline(self, at: int) -> bool:
        return any(s <= at < e for s, e in self.headlines)


def read(text: str) -> PageLines:
    """Credits, bylines and headline-case lines of ``text``."""
    skipped = [m.span() for m in _SLASH_CREDIT.finditer(text)]
    skipped += [m.span() for m in _LABELLED_CREDIT.finditer(text)]
    skipped += [m.span() for m in _INLINE_BYLINE.finditer(text)]
    skipped += [m.span() for m in _STAFF_CREDIT.finditer(text)]
    for pattern in (_BYLINE, _WIRE_CREDIT):
        for match in pattern.finditer(text):
            closed = match.end() < len(text) and text[match.end()] != "\n"
            if closed or len(match.group().strip()) <= MAX_BYLINE_CHARS:
                skipped.append(match.span())
    skipped += _author_boxes(text)
    headlines = [m.span() for m in _LINE.finditer(text) if is_headline_case(m.group())]
    return PageLines(tuple(sorted(skipped)), tuple(headlines))


def _author_boxes(text: str) -> list[tuple[int, int]]:
    """Lines that are a name alone, followed by a line opening with a journalist's job."""
    lines = list(_LINE.finditer(text))
    return [
        line.span()
        for line, after in zip(lines, lines[1:])
        if _NAME_LINE.match(line.group()) and _JOURNALIST_JOB.match(unicodedata.normalize("NFKC", after.group()))
    ]


def is_headline_case(line: str) -> bool:
    """ "Putin Extends Gratitude To Qatar": nearly every longer word capitalised."""
    words = _WORD.findall(line)
    if len(words) > HEADLINE_MAX_WORDS or line.count(",") > HEADLINE_MAX_COMMAS:
        return False
    if line.rstrip().endswith(".") or ". " in line:
        return False  # a sentence of prose, however many names it holds
    if line.lstrip().startswith(_ATTRIBUTION_DASHES):
        return False  # "— Josh Apte (@joshapte) November 3, 2019": who wrote a quoted post
    long_words = [w for w in words if len(w) >= 4]
    if len(long_words) < HEADLINE_MIN_LONG_WORDS:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= HEADLINE_CAPITALISED_SHARE
