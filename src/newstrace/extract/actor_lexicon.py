"""Actor words as data: which noun names which kind of actor, PLOVER-style.

Event actors that are not named entities ("the militants", "Russian
officials", "the Israeli army") are typed with the sectors PLOVER inherits
from CAMEO. When the Phoenix/CAMEO agent dictionaries are on disk
(``cameo.py`` reads them at run time; they are not shipped), their thousands
of agent nouns decide; this short list of our own covers the commonest ones
and is used alone when the dictionaries are absent. Every entry is a
lowercase lemma (singular) or a space-separated phrase.
"""

from __future__ import annotations

# CAMEO sector codes (the first three letters of a Phoenix agent code such as
# ``~GOVMED``) -> the actor type newstrace reports.
SECTOR_TYPES = {
    "GOV": "government", "LEG": "government", "ELI": "government", "SPY": "intelligence",
    "MIL": "military", "COP": "police", "JUD": "judiciary",
    "REB": "rebel", "UAF": "rebel", "INS": "rebel", "SEP": "rebel", "RAD": "rebel",
    "OPP": "opposition", "PTY": "party",
    "MED": "media", "BUS": "business", "CRM": "criminal",
    "CVL": "civilians", "REF": "civilians", "AGR": "civilians", "LAB": "civilians", "EDU": "civilians",
    "HLH": "civilians", "PPL": "civilians", "DEV": "government", "ENV": "ngo",
    "NGO": "ngo", "HRI": "ngo", "IGO": "international",
    "REL": "religious", "MUS": "religious", "CHR": "religious", "JEW": "religious",
    "HIN": "religious", "BUD": "religious",
}

# Our own agent nouns: used alone without the dictionaries, and over them where
# the dictionaries have no entry ("official", "authority", "leader").
AGENT_NOUNS = {
    # government
    "government": "government", "official": "government", "authority": "government",
    "minister": "government", "ministry": "government", "cabinet": "government", "regime": "government",
    "administration": "government", "president": "government", "leader": "government",
    "diplomat": "government", "envoy": "government", "ambassador": "government", "negotiator": "government",
    "representative": "government", "delegation": "government", "spokesman": "government",
    "spokeswoman": "government", "spokesperson": "government", "parliament": "government",
    "lawmaker": "government", "legislator": "government", "senate": "government", "kremlin": "government",
    "state": "government", "embassy": "government",
    # military, police, intelligence
    "army": "military", "military": "military", "soldier": "military", "troop": "military",
    "force": "military", "navy": "military", "air force": "military", "peacekeeper": "military",
    "warship": "military", "tank": "military", "helicopter": "military", "jet": "military",
    "security force": "military", "officer": "military", "commander": "military",
    "police": "police", "policeman": "police", "gendarme": "police",
    "intelligence": "intelligence", "agent": "intelligence",
    # judiciary
    "court": "judiciary", "judge": "judiciary", "prosecutor": "judiciary", "tribunal": "judiciary",
    # rebels and armed groups
    "militant": "rebel", "rebel": "rebel", "insurgent": "rebel", "guerrilla": "rebel", "guerilla": "rebel",
    "fighter": "rebel", "militia": "rebel", "militiaman": "rebel", "gunman": "rebel", "terrorist": "rebel",
    "separatist": "rebel", "kidnapper": "rebel", "captor": "rebel", "jihadist": "rebel",
    # opposition and parties
    "opposition": "opposition", "protester": "opposition", "demonstrator": "opposition",
    "activist": "opposition", "dissident": "opposition", "party": "party",
    # media
    "media": "media", "newspaper": "media", "journalist": "media", "reporter": "media",
    "agency": "media", "broadcaster": "media", "television": "media", "radio": "media", "daily": "media",
    # civilians and others
    "civilian": "civilians", "resident": "civilians", "villager": "civilians", "refugee": "civilians",
    "student": "civilians", "worker": "civilians", "farmer": "civilians", "prisoner": "civilians",
    "hostage": "civilians", "captive": "civilians", "detainee": "civilians", "people": "civilians",
    "citizen": "civilians", "family": "civilians", "witness": "civilians", "landowner": "civilians",
    "business": "business", "company": "business", "firm": "business", "businessman": "business",
    "businessmen": "business",
    "union": "civilians", "charity": "ngo", "watchdog": "ngo",
    "church": "religious", "cleric": "religious", "fundamentalist": "religious",
}

# Armed and political movements news names alone, with their type: few
# dictionaries carry them and the NER labels them as plain organizations.
KNOWN_GROUPS = {
    "hamas": "rebel", "hezbollah": "rebel", "hizbollah": "rebel", "taliban": "rebel", "al-qaeda": "rebel",
    "al qaeda": "rebel", "isis": "rebel", "islamic state": "rebel", "islamic jihad": "rebel",
    "houthis": "rebel", "al-shabab": "rebel", "boko haram": "rebel", "pkk": "rebel", "fatah": "party",
    "red cross": "ngo", "icrc": "ngo", "united nations": "international", "un": "international",
    "u.n.": "international", "nato": "international", "european union": "international", "eu": "international",
    "security council": "international", "african union": "international", "arab league": "international",
}

# Nouns for an amount of something: the actor is their "of" object ("a group
# of Yoruba leaders", "thousands of Iraqi Kurds", "a patch of peacekeeping troops").
COLLECTIVE_NOUNS = frozenset(
    """
    group number handful dozen dozens hundred hundreds thousand thousands million millions some many
    tens scores
    several most all patch batch contingent unit team band crowd wave delegation members member
    deployment part rest majority minority
    """.split()
)

# Definite nouns that point back to an actor already named ("the group said",
# "the movement's leader"): resolved to the last compatible actor, else kept as written.
ANAPHORIC_NOUNS = {
    "group": "organization", "movement": "organization", "organization": "organization",
    "organisation": "organization", "militants": "organization", "faction": "organization",
    "country": "place", "kingdom": "place", "republic": "place",
}

# Pronouns an actor can be, with what they can point back to.
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
NEUTER_PRONOUNS = frozenset({"it", "its"})
