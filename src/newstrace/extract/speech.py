"""Word lists for quote and reported-speech attribution: data only, no control flow.

Curated by hand from how news text introduces speech (the PolNeAR train
split served as a reference for which cues occur; nothing was copied). Verbs
are lemmas, lowercase; ``quotes.py`` matches them against ``token.lemma_`` and,
when a Doc has no lemmas (``spacy.blank``), against the inflected forms that
``quotes.verb_forms`` derives (irregular ones are listed in ``IRREGULAR_FORMS``).
"""

from __future__ import annotations

# Verbs that report speech or writing. With a that-clause (or a clause object)
# they make indirect speech ("Moscow emphasized that ..."); next to a quotation
# they are its cue ('"...," he said').
SPEECH_VERBS = frozenset(
    """
    say tell add note emphasize emphasise stress insist warn claim state announce explain argue
    deny confirm report write inform assert declare reply respond answer ask acknowledge admit
    concede suggest predict promise pledge vow urge caution complain comment recall reveal
    disclose tweet post testify allege contend maintain observe remark counter agree mention
    quip joke boast reiterate repeat conclude estimate assure threaten demand propose
    recommend charge accuse speculate signal indicate hint guarantee vouch concur
    lament stipulate specify clarify underline underscore proclaim shout scream yell whisper
    mutter blog
    """.split()
)

# Verbs of belief and finding: PolNeAR annotates "X believes that ..." and
# "the poll shows that ..." as attributions. Used only with a clause object.
STANCE_VERBS = frozenset(
    """
    believe think feel hope fear expect know worry doubt find show conclude indicate
    suggest acknowledge recognize realize understand predict
    """.split()
)

# Verbs of backing, opposing and intending: PolNeAR annotates "she backed the plan",
# "she opposed the deal", "he called for a ban" as (stance) attributions. Their
# object (or "for"-object) is the content; with a clause object they are stances too.
STANCE_OBJECT_VERBS = frozenset(
    """
    support back endorse favor favour prefer reject refuse criticize criticise condemn
    praise applaud welcome blame dismiss urge propose plan intend pledge hope expect
    demand call show want seek oppose describe defend discuss mention cite express list name
    tout question
    """.split()
)
# Measured on the PolNeAR train split (first 240 texts) once attributions nested in another's
# content join its statement: want, seek, oppose, describe, defend, discuss, mention, cite,
# express, list, name, tout, question each add more true than false attributions (want 24
# of 46, discuss/mention 16 of 18). Left out: mock, accuse, thank (no true one added).
# Speech verbs whose object can be what was said ("announced his resignation", "confirmed the
# meeting"): PolNeAR annotates the object as the content.
SPEECH_OBJECT_VERBS = frozenset({"announce", "confirm", "deny", "reveal", "propose", "predict", "promise", "pledge"})
# How a stance's content hangs from its verb: "wants a wall" (dobj), "wants to build" (xcomp).
STANCE_OBJECT_DEPS = frozenset({"dobj", "xcomp"})
# "called for a ban", "pushed for talks", "voted for Sanders".
STANCE_PREPOSITIONS = frozenset({"for", "against"})

# Verbs that are a cue only when their object is a quotation: 'Zakharova
# credited "direct negotiations ..."', 'she called it "a disgrace"'. Never
# indirect speech on their own.
QUOTE_ONLY_VERBS = frozenset(
    """
    credit call describe express praise criticize criticise dismiss label term welcome
    condemn blame thank cite quote dub brand hail slam blast decry
    """.split()
)

# "according to X": the only multi-word cue that takes the source as its object.
ACCORDING = ("according", "to")

# Inflected forms that ``quotes.verb_forms`` cannot derive by rule.
IRREGULAR_FORMS = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
    "think": ("thought", "thinks", "thinking"),
    "feel": ("felt", "feels", "feeling"),
    "know": ("knew", "known", "knows", "knowing"),
    "find": ("found", "finds", "finding"),
    "show": ("showed", "shown", "shows", "showing"),
    "understand": ("understood", "understands", "understanding"),
}

# Where a statement was made ("in a Telegram post", "at a press conference",
# "told RIA Novosti"): nouns of a medium, platforms named alone, and the
# prepositions that introduce them on a speech verb (or its "speaking on" clause).
MEDIUM_NOUNS = frozenset(
    """
    post tweet interview statement conference briefing speech address video message letter op-ed
    column broadcast programme program show podcast channel blog article editorial communique
    communiqué announcement appearance rally hearing session debate
    """.split()
)
PLATFORMS = frozenset(
    """
    telegram twitter x facebook instagram youtube tiktok vk vkontakte whatsapp truth threads
    linkedin reddit weibo wechat radio television tv
    """.split()
)
MEDIUM_PREPOSITIONS = frozenset({"in", "on", "at", "during", "via", "through", "to"})
# Verbs of a clause that says where a statement was made: "Speaking on Telegram, X credited ...".
SPEAKING_VERBS = frozenset({"speak", "write", "talk", "post", "comment", "appear", "say", "tweet"})
# Verbs whose object is the outlet told: "told RIA Novosti", "informed the news agency".
TELLING_VERBS = frozenset({"tell", "inform"})
# Words that make an organization an outlet when told something ("the RIA Novosti news agency").
OUTLET_WORDS = frozenset({"agency", "news", "newspaper", "radio", "television", "tv", "channel", "daily", "broadcaster"})

# Personal pronouns a speaker can be, with the gender they require.
GENDERED_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
OTHER_PRONOUNS = frozenset({"i", "we", "you", "they", "it", "this", "that", "who", "which", "one"})

# Quotation marks. Straight double quotes open or close depending on the
# characters around them; single quotes are never delimiters (they nest inside
# double quotes and double as apostrophes).
OPENING_MARKS = frozenset("“„«")
CLOSING_MARKS = frozenset("”»")
STRAIGHT_MARKS = frozenset('"')
# Two apostrophes standing for a straight double quote (older wire and
# newspaper archives: "''I hope not,'' he said").
DOUBLED_MARK = "''"
# Characters after which a straight quote opens, and before which it closes.
OPEN_AFTER = frozenset("([{—–-/")
CLOSE_BEFORE = frozenset(".,;:!?)]}—–-")

# Dependency labels (spaCy English, ClearNLP style).
# How a quotation hangs from the verb that introduces it without a speech
# verb: 'credited "..."' (dobj), 'called it "..."' (oprd), 'is "..."' (attr).
QUOTE_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "ccomp", "xcomp", "npadvmod", "dep"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CONTENT_DEPS = frozenset({"ccomp"})
# 'said in a statement that ...': a that-clause (acl/ccomp) inside a phrase of
# one of these labels after the verb is its content.
CLAUSE_CARRIER_DEPS = frozenset({"prep", "dobj", "npadvmod"})
THAT_CLAUSE_DEPS = frozenset({"acl", "ccomp"})
# A speech verb without its own subject borrows the subject of the verb it
# hangs from: "X criticized Y, saying that ...", "X told reporters and added ...".
BORROW_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp"})
# Post-modifiers cut from an unresolved speaker's name ("a spokesman [who ...]").
NAME_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "prep"})
