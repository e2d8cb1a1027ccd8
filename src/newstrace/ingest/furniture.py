"""Patterns for scrape cleanup, as data apart from the control flow in ``text.py``.

* ``FURNITURE_LINES``: lines of a scraped page that are not the article. Each
  pattern matches a whole line (after whitespace is collapsed),
  case-insensitively. They are kept narrow on purpose: a line of real prose
  must never match, so patterns that begin like a sentence ("Posted by",
  "Copyright", a temperature) forbid sentence punctuation or demand the
  shape of the widget (a year, a clock time).
* ``BYLINE``: "By Jane Doe, Associated Press" (case-sensitive: a name).
* ``DATELINE`` / ``MANGLED_DATELINE`` and ``NOT_PLACES``: datelines at the start
  of the first paragraph.
"""

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
# One token of a timestamp: "10:31", "2024", "5th", "Jan.", "Monday", "pm", "GMT", "ago"...
_TIME_TOKEN = (
    rf"(?:\d{{1,4}}(?:st|nd|rd|th)?(?:[:./-]\d{{1,4}})*|{_MONTH}|{_WEEKDAY}|[ap]\.?m\.?|gmt|utc|bst|cet|cest|"
    r"[ecmp][sd]?t|at|on|ago|an?|hours?|hrs?|minutes?|mins?|days?|weeks?|[|•·])"
)
_TIMESTAMP = rf"{_TIME_TOKEN}(?:,? {_TIME_TOKEN}){{0,12}},?"
_SOCIAL = r"(?:facebook|twitter|x|whatsapp|email|e-mail|linkedin|telegram|reddit|print|pinterest|copy link|tweet|share)"

FURNITURE_LINES = [
    # section labels
    r"top stories",
    r"(latest|breaking|trending|most read|most popular|editor'?s picks?)( news| stories)?",
    # comment counters and prompts
    r"no comments?:?",
    r"\d+ comments?:?",
    r"(post a |leave a |add a |view |show )?comments?:?",
    # share buttons: "Share this: Facebook Twitter", "Tweet", "Email Print"
    rf"share( this)?( article| story| post| on)?:?( {_SOCIAL}\W*)*",
    rf"({_SOCIAL}\W*){{1,8}}",
    r"(email this|blogthis!?|share to (twitter|facebook|pinterest))(\W*(email this|blogthis!?|share to (twitter|facebook|pinterest)))*",
    # newsletter and app prompts
    r"(subscribe|sign up)( now| today| here)?( to (our|the) newsletters?)?!?",
    r"(click here to )?(get|download) the .{1,40} app!?",
    # advertising
    r"advertisement|sponsored( content)?|ad|promoted( content)?",
    # link blocks and calls to action
    r"(related|recommended|more)( articles| stories| news| reading| posts)?:?",
    r"(read more|see also|also read|click here|more:)\b.{0,100}",
    # blog navigation and post footers
    r"(newer|older) posts?( (newer|older) posts?)?( home)?",
    r"home",
    rf"posted by [^.!?]{{1,60}}?( (at|on) {_TIMESTAMP})?",
    r"labels?: [^.!?]{1,200}",
    # timestamps and reading time: "Published: 10:31 GMT, 5 January 2024", "5 min read"
    rf"(published|updated|last updated|posted)( on| at)?:? {_TIMESTAMP}",
    r"\d{1,3} ?(min|minute)s?( read)?",
    # cookie banners
    r"(we use cookies|this (web)?site uses cookies).{0,200}",
    r"(accept|reject)( all)? cookies",
    # weather widget: "London 12°C Cloudy", "Weather: Vestra 14°C" (no sentence punctuation)
    r"(weather:? )?[^.!?]{0,40}-?\d{1,3} ?°\s?[CF]\b[^.!?]{0,40}",
    # legal footers: "© 2019 Associated Press. All Rights Reserved. ..." "Copyright 2019 Hawaii News Now."
    r"(copyright ?)?(©|\(c\)|ⓒ).{0,200}",
    r"copyright (\d{4}|by) .{0,200}",
    r"all rights reserved\.?",
    # section | date | site strips: "World | November 14, 2024 | Valley News Now"
    r"[^|.]{1,40}( \| [^|.]{1,40}){1,5}",
    # page chrome
    r"follow us( on .{1,60})?",
    r"(skip to (main )?content|back to top|menu|search|log ?in|sign in)",
    r"(photo|image|video|file photo)( credit)?: .{0,120}",
]

FURNITURE = re.compile("|".join(f"(?:{p})" for p in FURNITURE_LINES), re.IGNORECASE)

# Headings that open a block of links to other stories: the short lines after them go too.
LINK_BLOCK_HEADINGS = re.compile(
    r"(related|recommended|more|you may also like|you might also like|most read|popular)"
    r"( articles| stories| news| reading| posts| on this topic)?:?",
    re.IGNORECASE,
)

# A line in a links block: short, no sentence-final punctuation.
LINK_LINE_MAX_WORDS = 16

# "By Jane Doe", "By JANE DOE and Ali Khan, Associated Press": the name group is the author.
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|del|van|von|der|al|el|bin|ibn|la|le)"
BYLINE = re.compile(
    rf"By:? (?P<author>[A-Z][\w'’.-]*(?: {_NAME_WORD}){{0,4}}(?:(?: and| &|, and) [A-Z][\w'’.-]*(?: {_NAME_WORD}){{0,4}}){{0,3}})"
    r"(?: ?[|,–—-] ?[A-Z][\w'’.&-]*(?: [\w'’.&-]+){0,5})?"
)

# -- datelines --------------------------------------------------------------------

# "RIGA, Latvia (Reuters) —", "LONDON, Jan. 5, 2024 (AP) -", "MARLOW BAY, Norland —",
# "ST. JOSEPH, Mich. (AP) —", "NEW DELHI: The ..." The city is in capitals; what
# follows the separator starts like a sentence (a capital, digit or quote).
DATELINE = re.compile(
    r"""^(?P<city>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3})
        (?:,\s*(?P<region>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}))?
        (?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s[A-Z][a-z]{2,8}(?:\s\d{4})?))?
        (?:\s*\((?P<agency>[^)]{1,40})\))?
        (?:\s*[—–-]{1,2}\s+|:\s+)(?=[A-Z0-9"“‘'])""",
    re.VERBOSE,
)
# Spinner-mangled form: "Latvia's RIGA Russian officials..." -> Riga, Latvia. The city has
# four letters or more: "Britain's BBC News reported" is an organisation, not a dateline.
MANGLED_DATELINE = re.compile(
    r"^(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})['’]s\s(?P<city>[A-Z]{4,}(?:\s[A-Z]{3,}){0,2})\s+(?=[A-Z])"
)
# Capitalised openers that are labels or organisations, not places ("UPDATE: ...", "NATO - The ...").
NOT_PLACES = frozenset(
    """
    NOTE EDITOR'S UPDATE UPDATED BREAKING EXCLUSIVE ANALYSIS OPINION COMMENT CORRECTION WATCH LISTEN LIVE
    VIDEO PHOTOS PHOTO READ MORE DEAR ASK ALERT URGENT FLASH GRAPHIC POLL QUIZ REVIEW INTERVIEW EDITORIAL WARNING SPOILER FACT CHECK Q&A FAQ TL;DR PS P.S. UPDATE:
    NATO UN EU US UK USA FBI CIA NSA WHO IMF OPEC NASA IAEA ICC ICJ UNICEF UNESCO UNRWA IDF IRGC OSCE ASEAN
    AP AFP CNN BBC NPR ABC CBS NBC AI CEO CFO GOP DNC RNC TASS FIFA UEFA NASDAQ INTERPOL EUROPOL FEMA
    """.split()
)
