"""Word lists the distortion finder and the verdict read: data only.

Written for newstrace; every entry is folded (lowercase, no accents). Role
nouns come from ``newstrace.lexicon.words.ROLE_NOUNS`` (one list for the
whole project); what is here is specific to comparing two texts.
"""

from __future__ import annotations

# Words that negate their clause. "n't" is matched as a suffix ("didn't").
NEGATIONS = frozenset(
    """
    not no never none nobody nothing neither nor cannot nowhere
    """.split()
)
NEGATION_SUFFIX = "n't"

# Gendered pronouns and honorifics -> gender. A copy that swaps one gender
# for the other ("She said" -> "He said", "Ms Feld" -> "Mr Feld") changes who
# is meant; both are reported as ``pronoun``.
PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "mr": "male", "mrs": "female", "ms": "female", "miss": "female",
}

# Common nouns that name an actor (who did something to whom). A name or one of
# these replaced by another in a copy is an agent swap ("held by the Brigade" ->
# "held by the army"). Synonyms among them are in synonyms.py.
AGENT_NOUNS = frozenset(
    """
    army armies military navy police government governments authorities authority officials
    rebels rebel militants militant insurgents insurgent fighters fighter troops soldiers
    forces regime ministry brigade militia militias gunmen attackers protesters
    demonstrators kidnappers captors mediators guards court prosecutors opposition
    """.split()
)

# Capitalised words that are not names: calendar words shared by unrelated
# reports, and function words, which open quotes mid-sentence ('she said: "He
# ...'). Read by the same-story test and the name check.
NOT_NAMES = frozenset(
    """
    i me my we our you your he him his she her it its they them their this that these those mr mrs ms
    the a an and but or so if then when while what who whom which why how where there here
    in on at for to of with as by from after before during since until about not no yes
    monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
    thursdays fridays saturdays sundays january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

# Speech verbs as the aligner's units (synonyms.py folds said/stated into
# "say", told/informed into "tell"): a name next to one is a speaker.
SPEECH_VERBS = frozenset(
    """
    say tell add announce claim claims claimed insist insists insisted argue argues argued
    warn warns warned explain explains explained according
    """.split()
)

# Words between two names that make them a list ("Varga and Hollis"), where a
# change of order is no swap of agent and target.
LIST_JOINERS = frozenset({"and", "or", "&"})

# Role nouns the shared extraction list (``lexicon.words.ROLE_NOUNS``) does
# not hold, read as roles only here: sports positions and staff, and a few
# jobs of business and music news. A copy that swaps one for another ("coach"
# -> "physio", "striker" -> "goalkeeper") changes who the person is.
EXTRA_ROLE_NOUNS = frozenset(
    """
    physio physiotherapist goalkeeper keeper defender striker midfielder winger fullback
    referee umpire linesman investor shareholder guitarist drummer bassist pianist
    """.split()
)
