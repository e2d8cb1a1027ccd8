"""Word lists for people, organizations and places: data only, no control flow.

The lists are short and curated by hand (the CAMEO/Phoenix agents dictionary
served as a reference for which occupations news text uses, nothing was
copied). Every entry is lowercase unless the comment says otherwise; the code
compares against ``token.lower_``.
"""

from __future__ import annotations

from .given_names import GIVEN_NAME_GENDERS

# Occupations and positions that can head a role noun phrase: "a sound
# *engineer*", "Hamas *spokesperson* Bassem Naim". States such as hostage,
# victim or survivor are deliberately absent: they are person states, not roles.
ROLE_NOUNS = frozenset(
    """
    activist actor actress adviser advisor aide ambassador analyst anchor archbishop architect
    artist assistant astronaut athlete attorney author banker barrister bishop blogger boss
    businessman businesswoman campaigner candidate captain cardinal ceo chair chairman
    chairperson chairwoman chancellor chef chief cleric clerk coach colonel columnist commander
    commentator commissioner composer congressman congresswoman consultant correspondent
    councillor councilman councilwoman councilor critic curator dancer delegate deputy designer
    detective developer diplomat director doctor economist editor emir engineer entrepreneur
    envoy executive expert farmer filmmaker firefighter founder general governor guard head
    historian imam inspector investigator journalist judge king lawmaker lawyer leader
    legislator lecturer librarian lieutenant manager mayor mediator member minister monk
    musician negotiator novelist nurse official officer organiser organizer paramedic
    photographer physician pilot player poet policeman policewoman politician pope premier
    president presenter priest prince princess producer professor prosecutor psychologist
    queen rabbi rapper reporter representative researcher scholar scientist secretary senator
    sergeant sheikh singer soldier speaker speechwriter spokesman spokesperson spokeswoman
    strategist student surgeon teacher technician trader treasurer undersecretary volunteer
    writer accountant baker biologist butcher carpenter cashier chemist dentist electrician
    fisherman geologist mechanic midwife miner pharmacist physicist plumber schoolteacher
    therapist veterinarian waiter superintendent
    """.split()
)

# Capitalised words that form a title in front of a name ("President Vladimir
# Putin", "Prime Minister Benjamin Netanyahu"): the role keeps their case and
# they are stripped from names. Compared lowercase; "prime" etc. are allowed as
# parts of a title only when a title head follows.
TITLE_HEADS = frozenset(
    """
    president minister premier chancellor king queen prince princess pope ayatollah sheikh emir
    sultan senator governor mayor judge justice general colonel captain lieutenant sergeant
    admiral commander chairman chairwoman secretary ambassador director professor rabbi imam
    bishop archbishop cardinal representative rep sen gen col capt lt sgt adm gov prof mp mla mlc pm
    """.split()
)

# Honorifics: stripped from names, never a role; some tell the gender.
HONORIFICS = {
    "mr": "male", "mr.": "male", "sir": "male", "lord": "male",
    "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female", "miss": "female",
    "dame": "female", "lady": "female",
    "dr": None, "dr.": None,
}

# Lowercase modifiers that may stand in a role phrase without a tagger telling
# us they are adjectives ("senior Hamas member", "longtime speechwriter").
ROLE_MODIFIERS = frozenset(
    """
    senior junior chief deputy former acting crown longtime long-time veteran independent political
    foreign prime vice top leading retired elected interim assistant associate executive
    military civilian local regional national international state federal
    """.split()
)

# Adjectives ending in -ed that are still part of a role ("retired teacher");
# other -ed words ("the abducted sound engineer") describe what happened.
ROLE_PARTICIPLES = frozenset({"retired", "elected", "appointed", "designated", "qualified", "licensed"})

# Gender that a role word implies (used only to resolve "her"/"his").
ROLE_GENDER = {
    "spokeswoman": "female", "spokesman": "male", "chairwoman": "female", "chairman": "male",
    "businesswoman": "female", "businessman": "male", "congresswoman": "female",
    "congressman": "male", "councilwoman": "female", "councilman": "male", "actress": "female",
    "policewoman": "female", "policeman": "male", "king": "male", "queen": "female",
    "prince": "male", "princess": "female",
}

# Kinship nouns -> the gender of the person they name (None: either).
KINSHIP = {
    "mother": "female", "father": "male", "son": "male", "daughter": "female",
    "wife": "female", "husband": "male", "brother": "male", "sister": "female",
    "grandmother": "female", "grandfather": "male", "grandson": "male",
    "granddaughter": "female", "uncle": "male", "aunt": "female", "nephew": "male",
    "niece": "female", "cousin": None, "stepson": "male", "stepdaughter": "female",
    "stepmother": "female", "stepfather": "male", "fiance": "male", "fiancé": "male",
    "fiancee": "female", "fiancée": "female", "boyfriend": "male", "girlfriend": "female",
    "partner": None, "widow": "female", "widower": "male", "child": None, "sibling": None,
    "parent": None, "twin": None,
}

# Possessive pronouns before a kinship noun -> the gender of their antecedent.
POSSESSIVE_PRONOUNS = {"her": "female", "his": "male", "their": None}

# Nationality adjectives -> country. Used to normalise NORP modifiers and to
# turn a country in a title ("US President") into a nationality.
NATIONALITIES = {
    "afghan": "Afghanistan", "american": "United States", "argentine": "Argentina",
    "australian": "Australia", "austrian": "Austria", "belgian": "Belgium",
    "brazilian": "Brazil", "british": "United Kingdom", "canadian": "Canada",
    "chinese": "China", "colombian": "Colombia", "czech": "Czech Republic",
    "danish": "Denmark", "dutch": "Netherlands", "egyptian": "Egypt", "english": "England",
    "ethiopian": "Ethiopia", "finnish": "Finland", "french": "France", "georgian": "Georgia",
    "german": "Germany", "greek": "Greece", "hungarian": "Hungary", "indian": "India",
    "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland",
    "israeli": "Israel", "italian": "Italy", "japanese": "Japan", "jordanian": "Jordan",
    "kenyan": "Kenya", "korean": "Korea", "latvian": "Latvia", "lebanese": "Lebanon",
    "lithuanian": "Lithuania", "mexican": "Mexico", "moroccan": "Morocco",
    "nigerian": "Nigeria", "norwegian": "Norway", "pakistani": "Pakistan",
    "palestinian": "Palestine", "polish": "Poland", "portuguese": "Portugal",
    "qatari": "Qatar", "romanian": "Romania", "russian": "Russia", "saudi": "Saudi Arabia",
    "scottish": "Scotland", "serbian": "Serbia", "spanish": "Spain", "swedish": "Sweden",
    "swiss": "Switzerland", "syrian": "Syria", "turkish": "Turkey", "ukrainian": "Ukraine",
    "welsh": "Wales", "yemeni": "Yemen", "estonian": "Estonia", "icelandic": "Iceland",
    "belarusian": "Belarus", "bulgarian": "Bulgaria", "croatian": "Croatia",
    "emirati": "United Arab Emirates", "filipino": "Philippines", "ghanaian": "Ghana",
    "kuwaiti": "Kuwait", "libyan": "Libya", "malaysian": "Malaysia", "moldovan": "Moldova",
    "slovak": "Slovakia", "somali": "Somalia", "sudanese": "Sudan", "taiwanese": "Taiwan",
    "thai": "Thailand", "tunisian": "Tunisia", "vietnamese": "Vietnam",
    "new zealand": "New Zealand", "south african": "South Africa",
}

# Country names (lowercase) and abbreviations -> nationality adjective, for
# "US President Joe Biden" -> nationality "American".
COUNTRY_NATIONALITY = {country.lower(): adjective.title() for adjective, country in NATIONALITIES.items()}
COUNTRY_NATIONALITY.update({
    "us": "American", "u.s.": "American", "usa": "American", "uk": "British", "u.k.": "British",
    "britain": "British",
})

# Different spellings of one organization or place -> the canonical name.
# Keys are lowercase, without a leading "the".
NAME_ALIASES = {
    "us": "United States", "u.s.": "United States", "u.s": "United States",
    "usa": "United States", "u.s.a.": "United States", "united states of america": "United States",
    "united states": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
    "eu": "European Union", "european union": "European Union",
    "uae": "United Arab Emirates", "united arab emirates": "United Arab Emirates",
    "ussr": "Soviet Union", "soviet union": "Soviet Union",
}

# Well-known places that keep their own label even when a person shares the
# name ("Washington" the city next to "George Washington").
KNOWN_PLACES = frozenset(
    {country.lower() for country in NATIONALITIES.values()}
    | {
        "washington", "moscow", "london", "paris", "berlin", "beijing", "jerusalem", "gaza",
        "kyiv", "kiev", "tehran", "cairo", "doha", "ankara", "damascus", "beirut", "israel",
        "russia", "china", "america", "europe", "africa", "asia", "jordan", "georgia",
        "victoria", "florence", "charlotte", "houston", "austin", "lincoln", "britain",
        "england", "scotland", "wales", "united kingdom", "united states", "ukraine", "iran",
        "iraq", "syria", "egypt", "qatar", "lebanon", "turkey", "india", "japan", "france",
        "germany", "spain", "italy",
    }
    # More countries, and the Indian states and union territories Indian wire copy names as
    # often as countries (the small model reads "Tamil Nadu", "Sri Lanka" as people).
    | {
        place.strip()
        for place in """
        afghanistan, albania, algeria, angola, armenia, azerbaijan, bahrain, bangladesh, belarus,
        bolivia, bosnia, cambodia, cameroon, chile, congo, costa rica, croatia, cuba, cyprus, ecuador,
        el salvador, eritrea, guatemala, haiti, honduras, kazakhstan, kosovo, kyrgyzstan, laos, mali,
        malta, mauritania, mongolia, montenegro, mozambique, myanmar, namibia, nepal, nicaragua,
        north korea, south korea, oman, panama, paraguay, peru, rwanda, senegal, sierra leone,
        singapore, slovenia, sri lanka, south sudan, tajikistan, tanzania, togo, turkmenistan, uganda,
        uruguay, uzbekistan, venezuela, zambia, zimbabwe, west bank,
        andhra pradesh, arunachal pradesh, assam, bihar, chhattisgarh, goa, gujarat, haryana,
        himachal pradesh, jharkhand, karnataka, kerala, madhya pradesh, maharashtra, manipur,
        meghalaya, mizoram, nagaland, odisha, punjab, rajasthan, sikkim, tamil nadu, telangana,
        tripura, uttar pradesh, uttarakhand, west bengal, ladakh, delhi, puducherry, jammu, kashmir
        """.split(",")
    }
)

# First words that make a name a place, whatever the model said: the small
# model reads "Kibbutz Nir (Oz)" as a person.
PLACE_LEADING_WORDS = frozenset(
    """
    kibbutz moshav kfar mount mt lake fort port cape camp gulf bay isle village
    """.split()
)

# Last words that make a name a place.
PLACE_TRAILING_WORDS = frozenset(
    """
    river mountains mountain street avenue road square valley strip island islands province
    region county city district airport desert sea ocean peninsula border crossing cathedral
    mosque temple synagogue palace bhavan prison jail stadium
    drive boulevard parkway highway expressway falls heights springs marg nagar chowk
    """.split()
)

# Words after a place's name that make a part of it ("Wichita North", "Sudan South"): WordNet
# also lists "North" as a person (Lord North), so they are named here.
COMPASS_WORDS = frozenset("north south east west central northern southern eastern western upper lower".split())

# Colours a maker names a product's finish with, last after a common word ("Space Black",
# "Midnight Green"); "Black" is also a surname, so WordNet alone does not tell.
COLOUR_WORDS = frozenset(
    """
    black white gray grey silver gold green blue red pink purple graphite titanium bronze
    """.split()
)

# Words that make a multi-word name an organization.
ORG_WORDS = frozenset(
    """
    agency army assembly association authority bank brigade brigades bureau cabinet center centre
    church
    club co college commission committee company corp corporation council court department
    federation forces foundation front fund government group guard inc institute league ltd
    ministry movement network news office organisation organization parliament party police
    post press regiment school service times tribunal union university banque banco bancorp
    compagnie gmbh ag plc llc sa holdings
    board trust hospital clinic sabha dal panchayat parishad samaj sangh morcha samiti yatra
    productions studios pictures records entertainment airlines motors laboratories
    studio design systems works labs technologies solutions games ventures partners consulting
    brands electronics software
    """.split()
)

# Single words the model sometimes tags PERSON that never are a person.
NOT_PEOPLE = frozenset(
    """
    god allah kibbutz telegram twitter facebook instagram whatsapp youtube tiktok
    covid covid-19 coronavirus android iphone ipad wifi wi-fi bluetooth
    """.split()
)

# Last words that make a whole name a company's or a body's ("Peter Koros Design", "Tequila Works",
# "Phil Waldrep Ministries", "Donald J. Trump Foundation"): organization words that are no
# surnames (unlike "church", "court", "post" or "press": Charlotte Church, Margaret Court).
ORG_TAIL_WORDS = frozenset(
    """
    design designs works consulting consultants ministries foundation studios productions labs
    laboratories technologies solutions ventures partners systems holdings electronics software
    entertainment pictures records motors airlines games brands
    """.split()
)

# Last words of names that are neither people, organizations nor places ("Brit Award").
NOT_NAME_WORDS = frozenset({"award", "awards", "prize", "prizes", "trophy", "medal", "cup", "olympics"})

# Legal forms after a company's name: "Lowe's Companies Inc."
COMPANY_FORMS = frozenset({"inc", "corp", "corporation", "ltd", "llc", "plc", "co", "companies", "company", "holdings"})

# Nouns after a person's name that make the whole an institution named after them ("the Walter
# Reed hospital", "Walt Disney Co."); "the Narendra Modi government" stays his.
NAMED_AFTER_HEADS = frozenset(
    """
    hospital clinic school college university institute academy foundation trust airport stadium
    centre center hall library museum memorial station bridge park prize award co inc corp ltd
    """.split()
)

# Street words written before a street's name: "corso Monforte", "rue Lepic", "calle Mayor".
STREET_WORDS = frozenset(
    """
    corso via viale vicolo piazza piazzale rue boulevard avenue calle avenida rua praca strada ulica ulitsa
    """.split()
)

# Nouns a surname may qualify that are the person named: "the Gandhi scion".
PERSON_NOUNS = frozenset({"scion", "heir", "heiress", "patriarch", "matriarch"})

# Words between a person's name and another name of theirs: "KT Rama Rao aka KTR".
ALIAS_MARKERS = (("aka",), ("a.k.a.",), ("a.k.a",), ("alias",), ("also", "known", "as"), ("better", "known", "as"),
                 ("popularly", "known", "as"))

# Prepositions that put a place (or an organization), never a person, after them.
PLACE_PREPOSITIONS = frozenset({"in", "near", "across", "throughout"})

# Verbs that, right after or before a two-word name, suggest a speaker.
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "stated", "wrote", "explained"})

# Common given names from many languages -> gender (None: used for both). A
# weak vote for "person" when the model labels a two-word name otherwise, and
# the gender "her"/"his" is checked against when nothing else tells it.
_MALE_NAMES = """
    aaron abbas abdul abdullah adam ahmad ahmed alan alexander alexei ali amir andrei
    andrew anton antonio avi bashar ben benjamin boris brian carlos charles chris christopher
    daniel david denis dmitry donald eric francis george hans hassan hussein igor ibrahim ivan
    jack james john jose joseph juan kevin khalid leonid louis mark martin markus michael
    mikhail mohammed muhammad moussa nikolai omar paul peter richard robert ruslan sergei
    sergey shlomo simon stephen thomas tomas vladimir vitaly william yaakov yossi yusuf
""".split()
_FEMALE_NAMES = """
    alice amy ana andrea angela anna anne barbara catherine elena elizabeth emily emma fatima
    helen ingrid irina jane jennifer julia karen katherine laura linda lisa maria mary marta
    natalia olga olivia rachel sarah sofie sophie susan tatiana yael
""".split()
# The longer tables by origin (South Asian, Arabic, African, European, ...) in ``given_names``;
# the entries here win where both list a name.
GIVEN_NAMES = {
    **GIVEN_NAME_GENDERS,
    **{name: "male" for name in _MALE_NAMES},
    **{name: "female" for name in _FEMALE_NAMES},
}
GIVEN_NAMES.update({name: None for name in ("roni", "jean", "jan", "alex", "sasha", "kim", "robin")})

# Nouns that, right before a name (optionally with "of"), say what kind of
# thing it names: "the bakery chain Crumbwell", "the town of Halden".
ORG_DESCRIPTORS = frozenset(
    """
    agency airline bank brand broadcaster chain company firm group movement network newspaper
    operator organisation organization party publisher startup station union
    """.split()
)
PLACE_DESCRIPTORS = frozenset(
    """
    town city village region province district island country state capital suburb
    neighbourhood neighborhood kibbutz county
    """.split()
)

# Prepositions the model takes into a person span at the start of a sentence ("Amid Vedic
# chants", "After Krivoi"): never part of a name.
LEADING_PREPOSITIONS = frozenset(
    "amid amidst among after before during with without from for via like unlike despite".split()
)

# Leading words dropped from every entity name.
LEADING_DETERMINERS = frozenset({"the"})

# Words allowed between a possessive and a kinship noun ("her late husband").
KIN_MODIFIERS = frozenset(
    {"late", "eldest", "oldest", "youngest", "younger", "older", "elder", "only", "adult", "teenage", "baby",
     "little"}
)

# Lowercase parts of personal names ("Bashar al-Assad", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "da", "di", "del", "der", "la", "le", "du",
     "-"}
)

# Role heads that also describe organizations and countries ("Russia, a
# permanent member of the Council"): they give a role but are no vote for "person".
AMBIGUOUS_ROLE_HEADS = frozenset(
    {"member", "leader", "head", "player", "founder", "partner", "speaker", "chief"}
)

# News outlets and agencies, lowercase as written (without a leading "the"). A name
# that is one of these, or a person-labelled span holding one ("Reuters Inputs"), is an
# organization: never a person, never a relative ("husband of Sputnik"). Curated by hand
# from the wires and sites that bylines, credits and "told ..." name most.
NEWS_OUTLETS = frozenset(
    """
    afp ap reuters pti ani ians uni dpa efe ansa tass itar-tass sputnik interfax xinhua kyodo yonhap
    anadolu wam bernama apa ria
    """.split()
) | frozenset(
    {
        "agence france-presse", "agence france presse", "associated press", "press trust of india",
        "asian news international", "ria novosti", "sputnik news", "getty images", "getty", "epa",
        "bbc", "cnn", "nbc", "abc", "cbs", "fox news", "sky news", "al jazeera", "al arabiya",
        "ynet", "ynetnews", "haaretz", "times of israel", "jerusalem post", "i24news", "channel 12",
        "izvestia", "kommersant", "meduza", "novaya gazeta", "rbc", "lenta", "gazeta", "the guardian",
        "guardian", "new york times", "washington post", "wall street journal", "bloomberg", "axios",
        "politico", "deutsche welle", "dw", "france 24", "euronews", "ndtv", "india today", "hindustan times",
        "times of india", "the hindu", "zee news", "news18", "scroll.in", "the quint",
        "livemint", "tech radar", "techradar", "the verge", "engadget", "android police", "xda",
        "9to5google", "9to5mac", "macrumors", "tom's guide", "cnet", "wired",
    }
)

# Honorific words written after a name ("Modi Ji", "Gandhi ji"): stripped, never a name alone.
TRAILING_HONORIFICS = frozenset({"ji", "sahib", "saheb"})

# Roles that are one role in other words ("trucker" / "truck driver", "medic" / "paramedic"):
# two sources giving them do not contradict each other. Each line one group, phrases joined by "_".
ROLE_SYNONYM_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(phrase.replace("_", " ") for phrase in line.split())
    for line in """
    truck_driver trucker lorry_driver haulier
    doctor physician medic
    paramedic medic emt
    police_officer policeman policewoman cop
    lawyer attorney
    journalist reporter correspondent
    soldier serviceman servicewoman trooper
    teacher schoolteacher
    firefighter fireman
    spokesman spokeswoman spokesperson
    chief_executive ceo
    pilot aviator
    prime_minister pm premier
    representative rep congressman congresswoman congressperson
    """.strip().splitlines()
)

# Offices one person holds at a time in a country or state ("PM Modi", "President Macron"). A bare
# surname under one of these titles is the office holder: it may join the one profile of that
# surname that holds the same office, in any story (``same_person``). Each line one office, its
# phrases joined by "_"; a role matches by its last words ("Tripura Chief Minister"), the longest
# phrase first ("vice president" is not "president"). Written by hand: heads of state and government
# and the cabinet posts the news names by title alone; posts many hold at once (minister, senator,
# mayor) are left out, since a title would not tell their holders apart.
OFFICE_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(phrase.replace("_", " ") for phrase in line.split())
    for line in """
    prime_minister pm premier
    president
    vice_president
    chancellor
    chief_minister cm
    home_minister
    finance_minister
    foreign_minister external_affairs_minister
    defence_minister defense_minister
    pope
    """.strip().splitlines()
)
# Words that make an office another one, or its holder another person: a former or deputy
# prime minister, a university's vice chancellor.
NOT_THE_OFFICE = frozenset("former ex late then outgoing incoming deputy vice assistant acting interim".split())
