"""Word lists for reading numbers and what they count (data only, no logic).

Used by ``extract/counts.py`` (and the number words by ``extract/dates.py``
for "five years ago"). Every list is lower-case. Add words here, not in code.
"""

from __future__ import annotations

# Number words that add to the running value ("twenty" + "five").
UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

# Words that multiply what came before them ("two dozen", "1.5 million").
# "dozen" and "hundred" multiply the current group; the others close it.
MULTIPLIERS: dict[str, int] = {"dozen": 12, "hundred": 100}
SCALES: dict[str, int] = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
# Abbreviated scales written onto digits, as in money: "£340m", "$2.58bn", "5k".
SCALE_SUFFIXES: dict[str, int] = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "tn": 10**12}

# Vague plurals: "hundreds of people" is read as value 100, qualifier "over"
# (true for every reading of "hundreds", and comparable with "over 100" in a
# copy). "tens of thousands" multiplies: 10 * 1,000, "over".
VAGUE_PLURALS: dict[str, int] = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000, "billions": 1_000_000_000,
}  # fmt: skip
VAGUE_QUALIFIER = "over"

# Vague counts of a scale word: "several hundred", "a few thousand" -> scale, "over".
VAGUE_PREFIXES = ("several", "a few", "a couple of", "many")

# Words before a number and the contract's qualifier they mean. Longest match wins.
QUALIFIERS: dict[str, str] = {
    # about
    "about": "about", "around": "about", "roughly": "about", "some": "about",
    "approximately": "about", "an estimated": "about", "estimated": "about",
    "circa": "about", "an approximate": "about", "in the region of": "about",
    "on the order of": "about",
    # over
    "over": "over", "more than": "over", "upwards of": "over", "upward of": "over",
    "in excess of": "over", "above": "over", "just over": "over", "well over": "over",
    # under: below the number, including "nearly" and "almost" (they claim
    # the true figure falls short of it)
    "under": "under", "fewer than": "under", "less than": "under", "below": "under",
    "just under": "under", "nearly": "under", "almost": "under", "close to": "under",
    "just shy of": "under", "not quite": "under",
    # at least / at most
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "a minimum of": "at least", "not less than": "at least",
    "at most": "at most", "up to": "at most", "no more than": "at most",
    "as many as": "at most", "a maximum of": "at most", "not more than": "at most",
}  # fmt: skip
QUALIFIER_MAX_WORDS = 4

# Adjectives that only say "these are in addition" and are dropped from ``what``.
FILLER_MODIFIERS = frozenset({"additional", "other", "further", "extra", "more", "another", "such"})

# A count whose noun is one of these is elliptical ("over 200 more"): it
# borrows the noun of the previous count in the same sentence.
ELLIPTICAL_NOUNS = frozenset({"more", "others", "other"})

# "one" is a count only before these nouns ("one hostage was killed"); never
# in idioms like "one other sign" or "one of his closest allies".
PEOPLE_NOUNS = frozenset({
    "person", "people", "man", "men", "woman", "women", "child", "children", "boy", "girl",
    "baby", "soldier", "civilian", "hostage", "captive", "prisoner", "detainee", "victim",
    "journalist", "reporter", "officer", "worker", "resident", "citizen", "national",
    "individual", "student", "patient", "migrant", "refugee", "protester", "fighter",
    "militant", "member", "passenger", "tourist", "doctor", "nurse", "teenager", "adult",
})  # fmt: skip

# Heads that make a number a duration, a clock time or a multiplier, never a count.
TIME_NOUNS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
    "weeks", "month", "months", "year", "years", "decade", "decades", "century",
    "centuries", "night", "nights", "weekend", "weekends", "a.m.", "p.m.", "am", "pm",
    "gmt", "bst", "utc", "cet", "et", "est", "edt", "pst", "times", "time",
})  # fmt: skip

# Words right before a number that make it an age or a label, not a count.
NOT_COUNT_BEFORE = frozenset({"aged", "age", "ages", "no.", "no", "#", "number", "page", "article", "room", "flight"})

# Percent words after a number.
PERCENT_WORDS = ("%", "percent", "per cent", "pct")

# Currency signs and codes before a number -> what the money is counted in.
CURRENCY_SIGNS: dict[str, str] = {
    "$": "dollars", "us$": "dollars", "usd": "dollars", "€": "euros", "eur": "euros",
    "£": "pounds", "gbp": "pounds", "¥": "yen", "₽": "rubles", "₪": "shekels",
    "nis": "shekels", "rub": "rubles", "₹": "rupees",
}  # fmt: skip

# What happened to the counted people, so "the deaths of about 1,200 people"
# reads "people killed". Event nouns whose "of" object is the count ...
EVENT_NOUNS: dict[str, str] = {
    "death": "killed", "deaths": "killed", "killing": "killed", "killings": "killed",
    "murder": "killed", "murders": "killed", "massacre": "killed",
    "kidnapping": "kidnapped", "kidnappings": "kidnapped", "abduction": "abducted",
    "abductions": "abducted", "capture": "captured", "seizure": "seized",
    "release": "released", "releases": "released", "freeing": "freed",
    "rescue": "rescued", "evacuation": "evacuated", "displacement": "displaced",
    "arrest": "arrested", "arrests": "arrested", "detention": "detained",
    "execution": "executed", "executions": "executed", "injury": "injured",
    "injuries": "injured", "wounding": "wounded", "expulsion": "expelled",
    "deportation": "deported", "return": "returned", "exchange": "exchanged",
    "disappearance": "missing",
}  # fmt: skip
# ... and event verbs whose object (active) or subject (passive) is the count.
EVENT_VERBS: dict[str, str] = {
    "kill": "killed", "murder": "killed", "slay": "killed", "execute": "executed",
    "die": "killed", "kidnap": "kidnapped", "abduct": "abducted", "capture": "captured",
    "seize": "seized", "take": "taken", "hold": "held", "release": "released",
    "free": "freed", "rescue": "rescued", "evacuate": "evacuated",
    "displace": "displaced", "arrest": "arrested", "detain": "detained",
    "injure": "injured", "wound": "wounded", "hurt": "injured", "deport": "deported",
    "expel": "expelled", "exchange": "exchanged", "return": "returned",
    "hospitalize": "hospitalized", "hospitalise": "hospitalized",
}  # fmt: skip
# Intransitive event verbs whose active subject underwent the event ("30 people died").
INTRANSITIVE_EVENT_VERBS = frozenset({"die"})
