"""Synonyms that spinners swap, as data: the aligner reads a sentence through them.

Written for newstrace from common English news wording (no thesaurus or spinner
table was copied). Each group is one space-separated line of interchangeable
forms, inflections included; the first form is the group's canonical word.
Multi-word forms join their words with ``_`` ("let_go"). Matching is on
folded words (lowercase, accents dropped, ’ read as '). A word belongs to one
group only.

Deliberately absent: pronouns (he/she is a fact change), negations (not, no,
never), numbers (digits and number words are read by value) and role nouns that
name different jobs (nurse/doctor).
"""

from __future__ import annotations

SYNONYM_GROUPS = (
    # freeing and holding people
    "free frees freed freeing release releases released releasing liberate liberates liberated "
    "liberating let_go lets_go letting_go set_free sets_free setting_free",
    "kidnap kidnaps kidnapped kidnapping abduct abducts abducted abducting",
    "kidnappings abductions",
    "hostage hostages captive captives prisoner prisoners detainee detainees",
    "hold holds held holding detain detains detained detaining",
    "seize seizes seized seizing capture captures captured capturing snatch snatched",
    # speaking
    "say says said saying state states stated stating",
    "tell tells told telling inform informs informed informing",
    "add adds added adding",
    "announce announces announced announcing declare declares declared declaring",
    "statement statements declaration declarations",
    "show shows showed shown showing reveal reveals revealed revealing demonstrate demonstrates "
    "demonstrated demonstrating",
    "believe believes believed believing think thinks thought thinking",
    "ask asks asked asking request requests requested requesting",
    # people
    "teen teens teenager teenagers youngster youngsters adolescent adolescents",
    "child children kid kids",
    "official officials authority authorities",
    "journalist journalists reporter reporters",
    "mediator mediators go-between go-betweens intermediary intermediaries",
    "resident residents locals inhabitant inhabitants homeowner homeowners",
    "worker workers employee employees",
    "staff personnel workforce",
    "father fathers dad dads",
    "mother mothers mum mums mom moms",
    "people persons individuals",
    "governor governors guv guvs",
    # role nouns a spinner swaps for a near-synonym (a different job, nurse ->
    # doctor, stays a role change)
    "spokesman spokesmen spokeswoman spokeswomen spokesperson spokespeople representative representatives",
    "chairman chairwoman chairperson chair",
    "doctor doctors physician physicians",
    "lawyer lawyers attorney attorneys",
    "lawmaker lawmakers legislator legislators",
    "expert experts specialist specialists",
    "boss bosses chief chiefs head heads leader leaders ceo ceos chief_executive chief_executives executive "
    "executives",
    "teacher teachers educator educators",
    "soldier soldiers troop troops",
    "rebel rebels insurgent insurgents",
    "government governments administration administrations",
    "army armies military",
    "fighter fighters combatant combatants",
    "police cops",
    # harm
    "kill kills killed killing slay slays slew slain slaying",
    "die dies died dying pass_away passed_away",
    "injure injures injured injuring wound wounds wounded wounding hurt hurts",
    "unharmed unhurt uninjured",
    "raid raids attack attacks assault assaults",
    # places and things
    "home homes house houses",
    "truck trucks lorry lorries vehicle vehicles",
    "car cars automobile automobiles",
    "border borders boundary boundaries frontier frontiers",
    "group groups team teams",
    "company companies firm firms",
    "organization organizations organisation organisations",
        "housing real_estate",
    # actions
    "begin begins began begun beginning start starts started starting commence commences "
    "commenced",
    "end ends ended ending finish finishes finished finishing",
    "press presses pressed pressing push pushes pushed pushing",
    "help helps helped helping assist assists assisted assisting aid aids aided aiding",
    "try tries tried trying attempt attempts attempted attempting",
    "need needs needed needing require requires required requiring",
    "get gets got getting obtain obtains obtained obtaining receive receives received receiving",
    "buy buys bought buying purchase purchases purchased purchasing",
    "use uses used using utilise utilises utilised utilize utilizes utilized",
    "rise rises rose risen rising increase increases increased increasing",
    "fall falls fell fallen falling decline declines declined declining",
    "follow follows followed following adhere_to adhered_to",
    # qualities and connectives
    "private personal",
    "regional local",
    "vulnerable susceptible",
    "big large huge",
    "small little",
    "quick quickly fast rapid rapidly",
    "shortly soon",
    "important significant",
    "many numerous",
    "scale range",
    "during throughout",
    "through via",
    "about around roughly approximately",
        "ago back",
    "and as_well_as along_with",
    "also additionally",
    "however nevertheless nonetheless",
    "that which",
)

# Words a spinner adds or drops without changing a fact: read as absent.
FILLER_WORDS = frozenset(
    """
    actually really basically indeed certainly truly quite simply just essentially
    """.split()
)

# Number words, read by value so "nine" = "9". Larger ones are rare in spun
# copies and would need a parser ("two hundred and five"), so they stay words.
NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100", "thousand": "1000",
}
