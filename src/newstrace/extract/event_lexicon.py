"""Event words as data: which lemma (or lemma + particle / object) says which PLOVER event.

Curated by hand for newstrace, with PETRARCH2's CAMEO 2.0 verb dictionary and
the CAMEO-to-PLOVER-2021 table (``data/cameo-dictionaries``, ``data/plover-gsr``)
as references; neither file is shipped. Values are ``(type, mode)`` with the
16 PLOVER 2021 types. Modes are PLOVER 2021's where it has one (``release``,
``ceasefire``, ``withdraw``, ``visit``, ``phone``, ``abduct``, ``arrest``,
``seize``, ``expel``, ``deport``, ``boycott``, ``demo``, ``riot``,
``assassinate``, ``massacre``) and newstrace's own where it has none:

* ``kill``       ASSAULT that leaves someone dead ("killed", "claimed the life of")
* ``injure``     ASSAULT that wounds ("wounded", "injured")
* ``negotiate``  CONSULT by negotiation or talks ("negotiated", "held talks")
* ``mediate``    CONSULT as a third party ("mediated")
* ``thank``      SUPPORT by thanks ("thanked", "expressed gratitude")
* ``praise``     SUPPORT by praise ("praised", "hailed")
* ``sign``       SUPPORT by signing an agreement
* ``investigate`` ACCUSE by investigation (PLOVER 0.5's INVESTIGATE)
* ``rescue``     AID that frees captives
"""

from __future__ import annotations

E = tuple[str, str | None]

# Single verb lemmas.
VERBS: dict[str, E] = {
    # AGREE: intent, promise, offer
    "agree": ("AGREE", None), "promise": ("AGREE", None), "pledge": ("AGREE", None),
    "offer": ("AGREE", None), "commit": ("AGREE", None), "consent": ("AGREE", None),
    "accept": ("AGREE", None), "volunteer": ("AGREE", None),
    # CONSULT
    "meet": ("CONSULT", None), "consult": ("CONSULT", None), "confer": ("CONSULT", None),
    "discuss": ("CONSULT", None), "talk": ("CONSULT", None),
    "visit": ("CONSULT", "visit"), "host": ("CONSULT", "visit"), "invite": ("CONSULT", "visit"),
    "arrive": ("CONSULT", "visit"), "tour": ("CONSULT", "visit"),
    "telephone": ("CONSULT", "phone"), "phone": ("CONSULT", "phone"),
    "negotiate": ("CONSULT", "negotiate"), "mediate": ("CONSULT", "mediate"), "broker": ("CONSULT", "mediate"),
    # SUPPORT
    "support": ("SUPPORT", None), "back": ("SUPPORT", None), "endorse": ("SUPPORT", None),
    "defend": ("SUPPORT", None), "welcome": ("SUPPORT", None), "recognize": ("SUPPORT", None),
    "recognise": ("SUPPORT", None), "apologize": ("SUPPORT", None), "apologise": ("SUPPORT", None),
    "forgive": ("SUPPORT", None), "praise": ("SUPPORT", "praise"), "hail": ("SUPPORT", "praise"),
    "commend": ("SUPPORT", "praise"), "applaud": ("SUPPORT", "praise"), "congratulate": ("SUPPORT", "praise"),
    "thank": ("SUPPORT", "thank"), "credit": ("SUPPORT", "thank"), "sign": ("SUPPORT", "sign"),
    "ratify": ("SUPPORT", "sign"),
    # COOPERATE
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None), "share": ("COOPERATE", None),
    "extradite": ("COOPERATE", None), "ally": ("COOPERATE", None),
    # AID
    "aid": ("AID", None), "assist": ("AID", None), "help": ("AID", None), "provide": ("AID", None),
    "donate": ("AID", None), "supply": ("AID", None), "fund": ("AID", None), "finance": ("AID", None),
    "grant": ("AID", None), "deliver": ("AID", None), "evacuate": ("AID", None),
    "rescue": ("AID", "rescue"), "contribute": ("AID", None),
    # CONCEDE
    "concede": ("CONCEDE", None), "yield": ("CONCEDE", None), "allow": ("CONCEDE", None),
    "permit": ("CONCEDE", None), "ease": ("RETREAT", "ease"), "lift": ("RETREAT", "ease"),
    "resign": ("CONCEDE", None), "relent": ("CONCEDE", None), "surrender": ("RETREAT", "disarm"),
    "compromise": ("CONCEDE", None),
    # RETREAT
    "release": ("RETREAT", "release"), "free": ("RETREAT", "release"), "liberate": ("RETREAT", "release"),
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    "return": ("RETREAT", "return"), "disarm": ("RETREAT", "disarm"), "demobilize": ("RETREAT", "disarm"),
    # ACCUSE
    "accuse": ("ACCUSE", "allege"), "allege": ("ACCUSE", "allege"), "blame": ("ACCUSE", None),
    "criticize": ("ACCUSE", None), "criticise": ("ACCUSE", None), "condemn": ("ACCUSE", None),
    "denounce": ("ACCUSE", None), "decry": ("ACCUSE", None), "deplore": ("ACCUSE", None),
    "slam": ("ACCUSE", None), "rebuke": ("ACCUSE", None), "censure": ("ACCUSE", None),
    "charge": ("ACCUSE", "allege"), "complain": ("ACCUSE", None), "fault": ("ACCUSE", None),
    "investigate": ("ACCUSE", "investigate"), "probe": ("ACCUSE", "investigate"),
    "sue": ("ACCUSE", None), "indict": ("ACCUSE", "allege"),
    # REQUEST
    "ask": ("REQUEST", None), "request": ("REQUEST", None), "urge": ("REQUEST", None),
    "demand": ("REQUEST", None), "appeal": ("REQUEST", None), "plead": ("REQUEST", None),
    "press": ("REQUEST", None), "seek": ("REQUEST", None), "implore": ("REQUEST", None),
    "petition": ("REQUEST", None), "insist": ("REQUEST", None),
    # REJECT
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "deny": ("REJECT", None),
    "decline": ("REJECT", None), "dismiss": ("REJECT", None), "veto": ("REJECT", None),
    "rebuff": ("REJECT", None), "oppose": ("REJECT", None), "spurn": ("REJECT", None),
    "shun": ("REJECT", None), "defy": ("REJECT", None), "resist": ("REJECT", None),
    "obstruct": ("PROTEST", "obstruct"), "block": ("PROTEST", "obstruct"), "blockade": ("PROTEST", "obstruct"),
    "renege": ("REJECT", None), "violate": ("REJECT", None),
    # THREATEN
    "threaten": ("THREATEN", None), "warn": ("THREATEN", None), "vow": ("THREATEN", None),
    # PROTEST
    "protest": ("PROTEST", "demo"), "demonstrate": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "picket": ("PROTEST", "demo"),
    # MOBILIZE
    "mobilize": ("MOBILIZE", "troops"), "mobilise": ("MOBILIZE", "troops"), "deploy": ("MOBILIZE", "troops"),
    "mass": ("MOBILIZE", "troops"), "reinforce": ("MOBILIZE", "troops"),
    # SANCTION
    "sanction": ("SANCTION", None), "embargo": ("SANCTION", None), "boycott": ("SANCTION", None),
    "expel": ("SANCTION", "expel"), "suspend": ("SANCTION", "discontinue"), "halt": ("SANCTION", "discontinue"),
    "freeze": ("SANCTION", "discontinue"), "recall": ("SANCTION", "withdraw"),
    # COERCE
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"), "incarcerate": ("COERCE", "arrest"), "apprehend": ("COERCE", "arrest"),
    "seize": ("COERCE", "seize"), "confiscate": ("COERCE", "seize"), "deport": ("COERCE", "deport"),
    "ban": ("COERCE", "ban"), "outlaw": ("COERCE", "ban"), "censor": ("COERCE", "restrict"),
    "raid": ("COERCE", None), "demolish": ("COERCE", None), "bulldoze": ("COERCE", None), "hack": ("COERCE", None),
    "order": ("REQUEST", None), "sentence": ("COERCE", "arrest"), "convict": ("COERCE", "arrest"),
    # ASSAULT
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "strike": ("ASSAULT", None),
    "bomb": ("ASSAULT", "explosives"), "shell": ("ASSAULT", "heavy-weapons"), "bombard": ("ASSAULT", "heavy-weapons"),
    "shoot": ("ASSAULT", "firearms"), "fire": ("ASSAULT", "firearms"), "storm": ("ASSAULT", None),
    "invade": ("ASSAULT", None), "retake": ("ASSAULT", None), "overrun": ("ASSAULT", None), "ambush": ("ASSAULT", None), "fight": ("ASSAULT", None),
    "clash": ("ASSAULT", None), "battle": ("ASSAULT", None), "torture": ("ASSAULT", "torture"),
    "beat": ("ASSAULT", "beat"), "stab": ("ASSAULT", None),
    "kill": ("ASSAULT", "kill"), "murder": ("ASSAULT", "kill"), "slay": ("ASSAULT", "kill"),
    "execute": ("ASSAULT", "kill"), "behead": ("ASSAULT", "kill"),
    "assassinate": ("ASSAULT", "assassinate"), "massacre": ("ASSAULT", "massacre"),
    "wound": ("ASSAULT", "injure"), "injure": ("ASSAULT", "injure"),
    "abduct": ("ASSAULT", "abduct"), "kidnap": ("ASSAULT", "abduct"),
}

# Verb + particle or preposition ("call for", "let go", "pull out").
PHRASAL: dict[tuple[str, str], E] = {
    ("call", "for"): ("REQUEST", None), ("call", "on"): ("REQUEST", None), ("call", "upon"): ("REQUEST", None),
    ("appeal", "for"): ("REQUEST", None), ("push", "for"): ("REQUEST", None),
    ("turn", "down"): ("REJECT", None), ("pull", "out"): ("RETREAT", "withdraw"),
    ("pull", "back"): ("RETREAT", "withdraw"), ("step", "down"): ("CONCEDE", None),
    ("hand", "over"): ("RETREAT", "return"), ("give", "up"): ("CONCEDE", None),
    ("back", "down"): ("CONCEDE", None), ("crack", "down"): ("COERCE", None),
    ("open", "fire"): ("ASSAULT", "firearms"), ("speak", "with"): ("CONSULT", None),
    ("speak", "to"): ("CONSULT", None), ("sit", "down"): ("CONSULT", None),
    ("side", "with"): ("SUPPORT", None), ("stand", "by"): ("SUPPORT", None),
    ("cut", "off"): ("SANCTION", "discontinue"), ("break", "off"): ("SANCTION", "discontinue"),
    ("lash", "out"): ("ACCUSE", None), ("speak", "out"): ("ACCUSE", None),
    ("look", "into"): ("ACCUSE", "investigate"), ("round", "up"): ("COERCE", "arrest"),
    ("take", "away"): ("ASSAULT", "abduct"), ("force", "out"): ("COERCE", "deport"),
}

# Verb + its direct object's lemma ("pay a visit", "claimed the life of").
# The object is the trigger's second word; participants are read from the verb.
VERB_OBJECTS: dict[tuple[str, str], E] = {
    ("give", "call"): ("CONSULT", "phone"), ("make", "call"): ("CONSULT", "phone"),
    ("pay", "visit"): ("CONSULT", "visit"), ("make", "visit"): ("CONSULT", "visit"),
    ("hold", "talk"): ("CONSULT", "negotiate"), ("hold", "meeting"): ("CONSULT", None),
    ("hold", "negotiation"): ("CONSULT", "negotiate"), ("open", "talk"): ("CONSULT", "negotiate"),
    ("express", "gratitude"): ("SUPPORT", "thank"), ("express", "thank"): ("SUPPORT", "thank"),
    ("express", "support"): ("SUPPORT", None), ("voice", "support"): ("SUPPORT", None),
    ("express", "concern"): ("ACCUSE", None), ("voice", "concern"): ("ACCUSE", None),
    ("show", "concern"): ("ACCUSE", None),
    ("claim", "life"): ("ASSAULT", "kill"), ("take", "life"): ("ASSAULT", "kill"),
    ("take", "hostage"): ("ASSAULT", "abduct"), ("take", "captive"): ("ASSAULT", "abduct"),
    ("take", "prisoner"): ("ASSAULT", "abduct"),
    ("impose", "sanction"): ("SANCTION", None), ("impose", "embargo"): ("SANCTION", None),
    ("impose", "curfew"): ("COERCE", "curfew"), ("impose", "ban"): ("COERCE", "ban"),
    ("cut", "tie"): ("SANCTION", "discontinue"), ("sever", "tie"): ("SANCTION", "discontinue"),
    ("launch", "attack"): ("ASSAULT", None), ("carry", "attack"): ("ASSAULT", None),
    ("launch", "strike"): ("ASSAULT", None), ("launch", "offensive"): ("ASSAULT", None),
    ("stage", "protest"): ("PROTEST", "demo"), ("hold", "protest"): ("PROTEST", "demo"),
    ("hold", "rally"): ("PROTEST", "demo"), ("declare", "ceasefire"): ("RETREAT", "ceasefire"),
    ("declare", "truce"): ("RETREAT", "ceasefire"), ("reach", "agreement"): ("AGREE", None),
    ("reach", "deal"): ("AGREE", None), ("sign", "agreement"): ("SUPPORT", "sign"),
    ("send", "troop"): ("MOBILIZE", "troops"), ("send", "aid"): ("AID", None),
    ("give", "aid"): ("AID", None), ("give", "support"): ("SUPPORT", None),
    ("grant", "asylum"): ("AID", None), ("issue", "warning"): ("THREATEN", None),
    ("issue", "ultimatum"): ("THREATEN", None), ("make", "demand"): ("REQUEST", None),
    ("make", "request"): ("REQUEST", None), ("lodge", "protest"): ("ACCUSE", None),
    ("lodge", "complaint"): ("ACCUSE", None), ("establish", "tie"): ("SUPPORT", None),
    ("establish", "relation"): ("SUPPORT", None),
    ("let", "free"): ("RETREAT", "release"), ("set", "free"): ("RETREAT", "release"),
    ("let", "go"): ("RETREAT", "release"),
    # Acceding to demands is yielding (CAMEO 083), not an agreement between equals.
    ("accept", "demand"): ("CONCEDE", None), ("meet", "demand"): ("CONCEDE", None),
    ("grant", "demand"): ("CONCEDE", None), ("accept", "condition"): ("CONCEDE", None),
    ("meet", "condition"): ("CONCEDE", None), ("grant", "request"): ("CONCEDE", None),
    ("accept", "request"): ("CONCEDE", None), ("heed", "call"): ("CONCEDE", None),
}

# Event nouns: the noun names the event ("the release of", "the kidnapping of").
NOUNS: dict[str, E] = {
    "release": ("RETREAT", "release"), "withdrawal": ("RETREAT", "withdraw"),
    "ceasefire": ("RETREAT", "ceasefire"), "truce": ("RETREAT", "ceasefire"),
    "visit": ("CONSULT", "visit"), "talk": ("CONSULT", "negotiate"),
    "negotiation": ("CONSULT", "negotiate"), "meeting": ("CONSULT", None), "summit": ("CONSULT", None),
    "mediation": ("CONSULT", "mediate"),
    "kidnapping": ("ASSAULT", "abduct"), "abduction": ("ASSAULT", "abduct"),
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "strike": ("ASSAULT", None),
    "airstrike": ("ASSAULT", "explosives"), "bombing": ("ASSAULT", "explosives"),
    "invasion": ("ASSAULT", None), "killing": ("ASSAULT", "kill"), "murder": ("ASSAULT", "kill"),
    "assassination": ("ASSAULT", "assassinate"), "massacre": ("ASSAULT", "massacre"),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "arrest"), "deportation": ("COERCE", "deport"),
    "sanction": ("SANCTION", None), "embargo": ("SANCTION", None), "boycott": ("SANCTION", None),
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"),
    "request": ("REQUEST", None), "demand": ("REQUEST", None), "appeal": ("REQUEST", None),
    "threat": ("THREATEN", None), "ultimatum": ("THREATEN", None),
    "accusation": ("ACCUSE", "allege"), "condemnation": ("ACCUSE", None), "investigation": ("ACCUSE", "investigate"),
    "rejection": ("REJECT", None), "refusal": ("REJECT", None), "veto": ("REJECT", None),
    "agreement": ("AGREE", None), "deal": ("AGREE", None), "pledge": ("AGREE", None), "promise": ("AGREE", None),
    "support": ("SUPPORT", None), "backing": ("SUPPORT", None), "praise": ("SUPPORT", "praise"),
    "gratitude": ("SUPPORT", "thank"), "cooperation": ("COOPERATE", None), "collaboration": ("COOPERATE", None),
    "aid": ("AID", None), "assistance": ("AID", None), "rescue": ("AID", "rescue"),
    "concession": ("CONCEDE", None), "deployment": ("MOBILIZE", "troops"), "mobilization": ("MOBILIZE", "troops"),
}

# Nouns that are event nouns only with a modifier ("hunger strike" is PROTEST, not ASSAULT).
NOUN_COMPOUNDS: dict[tuple[str, str], E] = {
    ("hunger", "strike"): ("PROTEST", "hunger"), ("general", "strike"): ("PROTEST", "demo"),
    ("peace", "talk"): ("CONSULT", "negotiate"), ("air", "strike"): ("ASSAULT", "explosives"),
    ("missile", "strike"): ("ASSAULT", "explosives"), ("drone", "strike"): ("ASSAULT", "explosives"),
}

# Verbs whose object is not a target but a topic/thing: a target then comes from
# "with X" / "to X" / "against X" / "on X" instead.
TARGET_PREPOSITIONS = frozenset({"with", "to", "against", "on", "upon", "from", "for", "at", "into"})
# Prepositions on a verb's object that name whom the act is aimed at when the object
# itself names no one ("action against Russia", "a blockade on Palestinian lorries", "shelled
# positions of the Palestinian security forces").
OBJECT_TARGET_PREPOSITIONS = frozenset(
    {"against", "on", "upon", "with", "by", "from", "to", "between", "over", "for", "of"})
# Prepositions of the place an act aimed at no one named is coded against.
PLACE_TARGET_PREPOSITIONS = frozenset({"in", "into", "to", "from", "at", "inside"})
# Nouns of what an actor sends, keeps or pulls out somewhere: its own people and posts, so an
# act on them ("deploy peacekeepers in Iraq", "evacuate all settlements in the Gaza Strip",
# "withdraw inspectors from Iraq") is aimed at the place, as CAMEO codes it.
DEPLOYED_NOUNS = frozenset(
    """
    troop force soldier peacekeeper inspector observer monitor worker personnel staff reservist
    settlement settler unit warship vessel contingent mission embassy diplomat official
    """.split()
)
# Verbs whose subject does not perform the event noun they govern: who achieves, brokers or
# demands a release mediates or asks for it ("acted to achieve Krivoi's release").
NON_PERFORMING_VERBS = frozenset({
    "achieve", "secure", "facilitate", "broker", "mediate", "help", "seek", "demand", "request", "want", "urge",
    "welcome", "praise", "condemn", "criticize", "criticise", "oppose", "reject", "negotiate", "discuss", "await",
    "expect", "credit", "thank", "hail",
})
# The modes whose target is a person the event happens to: a possessive names
# the target, not the agent ("Krivoi's release" vs "Hamas' release of captives").
PERSON_TARGET_MODES = frozenset({"release", "abduct", "kill", "injure", "arrest", "deport", "assassinate", "rescue"})
# Lemmas that make the complement they govern unrealised: "agreed to release" is future,
# "asked Hamas to release" hypothetical.
INTENT_VERBS = frozenset({"agree", "promise", "pledge", "offer", "vow", "plan", "intend", "threaten", "decide",
                          "prepare", "aim", "hope", "swear", "want", "expect", "seek", "try", "continue", "strive"})
REQUEST_VERBS = frozenset({"ask", "urge", "request", "demand", "call", "appeal", "press", "implore", "invite",
                           "encourage", "persuade", "push", "suggest", "propose", "recommend"})
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUXILIARIES = frozenset({"could", "might", "may", "would", "should", "can", "must", "ought"})
HYPOTHETICAL_MARKERS = frozenset({"if", "unless", "whether", "lest"})
# Adjectives that make a complement clause hypothetical: "it is possible to release them".
HYPOTHETICAL_ADJECTIVES = frozenset({"possible", "likely", "unlikely", "able", "ready", "willing", "prepared",
                                     "conceivable", "potential"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Verbs that deny their complement: "failed to release", "refused to free".
NEGATING_VERBS = frozenset({"fail", "refuse", "decline", "abstain", "avoid", "stop"})
# Speech and attribution cues whose clausal complement is reported.
REPORT_VERBS = frozenset({"say", "tell", "report", "claim", "state", "announce", "add", "note", "stress",
                          "insist", "explain", "write", "declare", "confirm", "believe", "think", "argue",
                          "suggest", "allege", "assert", "inform", "emphasize", "emphasise", "identify"})
# Auxiliaries that make a participle a lasting state: "remains incarcerated", "stays detained".
STATE_AUXILIARIES = frozenset({"remain", "remains", "stay", "stays"})
# Verbs that say an event only with an object: "the support started to decline" is no rejection.
NEEDS_OBJECT = frozenset({"decline", "seek", "back", "free", "press", "return", "share", "host", "charge",
                          "fire", "grant", "offer", "deliver", "supply", "lift", "ease", "block", "mass",
                          "recall", "strike", "beat", "deny", "help", "order"})

# CAMEO event codes -> PLOVER 2021 type and mode, for verbs our lexicon does not know and the CAMEO
# verb dictionary does (``cameo_verbs.py``, read at run time when present). Longest code prefix
# wins. Written by hand after the CAMEO-to-PLOVER-2021 table (data/plover-gsr); modes only where
# this lexicon has them. CAMEO 01 (public statements) is no PLOVER event: absent, so not an event.
CAMEO_TYPES: dict[str, E] = {
    "02": ("REQUEST", None), "03": ("AGREE", None),
    "04": ("CONSULT", None), "041": ("CONSULT", "phone"), "042": ("CONSULT", "visit"),
    "043": ("CONSULT", "visit"), "045": ("CONSULT", "mediate"), "046": ("CONSULT", "negotiate"),
    "05": ("SUPPORT", None), "057": ("SUPPORT", "sign"), "06": ("COOPERATE", None), "07": ("AID", None),
    "08": ("CONCEDE", None), "0813": ("RETREAT", "ease"), "0814": ("RETREAT", "ease"),
    "084": ("RETREAT", "return"), "0841": ("RETREAT", "release"), "085": ("RETREAT", "ease"),
    "086": ("RETREAT", None), "087": ("RETREAT", "disarm"), "0871": ("RETREAT", "ceasefire"),
    "0872": ("RETREAT", "withdraw"),
    "09": ("ACCUSE", "investigate"), "10": ("REQUEST", None), "11": ("ACCUSE", None), "112": ("ACCUSE", "allege"),
    "12": ("REJECT", None), "13": ("THREATEN", None),
    "14": ("PROTEST", None), "141": ("PROTEST", "demo"), "142": ("PROTEST", "hunger"), "143": ("PROTEST", "demo"),
    "144": ("PROTEST", "obstruct"), "145": ("PROTEST", "riot"),
    "15": ("MOBILIZE", None), "152": ("MOBILIZE", "troops"), "154": ("MOBILIZE", "troops"),
    "16": ("SANCTION", None), "161": ("SANCTION", "withdraw"), "162": ("SANCTION", "discontinue"),
    "163": ("COERCE", "restrict"), "164": ("SANCTION", "withdraw"), "165": ("SANCTION", "withdraw"),
    "166": ("SANCTION", "expel"),
    "17": ("COERCE", None), "1711": ("COERCE", "seize"), "1712": ("ASSAULT", None), "1722": ("COERCE", "ban"),
    "1723": ("COERCE", "curfew"), "173": ("COERCE", "arrest"), "174": ("COERCE", "deport"), "175": ("ASSAULT", None),
    "18": ("ASSAULT", None), "181": ("ASSAULT", "abduct"), "182": ("ASSAULT", "beat"), "1822": ("ASSAULT", "torture"),
    "183": ("ASSAULT", "explosives"), "184": ("ASSAULT", "abduct"), "185": ("ASSAULT", "assassinate"),
    "186": ("ASSAULT", "assassinate"),
    "19": ("ASSAULT", None), "191": ("COERCE", "restrict"), "192": ("COERCE", "seize"), "193": ("ASSAULT", "firearms"),
    "194": ("ASSAULT", "heavy-weapons"), "195": ("ASSAULT", "heavy-weapons"),
    "20": ("ASSAULT", None), "202": ("ASSAULT", "massacre"),
}

# Lemmas this lexicon knows as what sets an event's modality or reports it, not as events: the
# CAMEO fallback leaves them alone ("expected to", "claims to be", "decided to allow").
NOT_EVENT_VERBS = REPORT_VERBS | INTENT_VERBS | REQUEST_VERBS | NEGATING_VERBS | STATE_AUXILIARIES
