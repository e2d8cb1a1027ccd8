"""Site furniture: lines of a scraped page that are not the article (data, not control flow).

Each pattern matches a whole line (after whitespace is collapsed), case-insensitively.
They are kept narrow on purpose: a line of real prose must never match.
"""

import re

FURNITURE_LINES = [
    r"top stories",
    r"(latest|breaking|trending|most read|most popular|editor'?s picks?)( news| stories)?",
    r"no comments?:?",
    r"\d+ comments?:?",
    r"(post a |leave a |add a )?comments?:?",
    r"share( this)?( article| story| post)?:?( (facebook|twitter|x|whatsapp|email|linkedin|telegram|reddit|print|pinterest|copy link)\W*)*",
    r"((facebook|twitter|whatsapp|email|linkedin|telegram|reddit|print|pinterest|tweet|share)\W*){1,8}",
    r"(subscribe|sign up)( now| today)?( to (our|the) newsletter)?!?",
    r"advertisement|sponsored( content)?|ad",
    r"(related|recommended|more)( articles| stories| news| reading| posts)?:?",
    r"(read more|see also|also read|click here).{0,80}",
    r"(newer|older) posts?( (newer|older) posts?)?( home)?",
    r"home",
    r"posted by .{1,60}( at \d{1,2}:\d{2}( ?[ap]m)?)?",
    r"labels?: .{1,200}",
    r"(email this|blogthis!?|share to (twitter|facebook|pinterest))(\W+(email this|blogthis!?|share to (twitter|facebook|pinterest)))*",
    r"(we use cookies|this (web)?site uses cookies).{0,200}",
    r"(accept|reject)( all)? cookies",
    r"(weather:? )?.{0,40}-?\d{1,3} ?°\s?[CF]\b.{0,40}",  # weather widget: "London 12°C Cloudy"
    r"(copyright|©|\(c\)) .{0,120}",
    r"[^|.]{1,40}( \| [^|.]{1,40}){1,5}",  # "World | November 14, 2024 | Valley News Now"
    r"all rights reserved\.?",
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
