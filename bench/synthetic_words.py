"""Word lists for the synthetic copies benchmark (data only; the logic is in ``synthetic.py``).

Written for this benchmark and kept apart from the comparer's own synonym table
(``src/newstrace/link/synonyms.py``), which is never read here: a benchmark that
spun with the comparer's table would only measure the table against itself.
"""

# Content-farm spinning: a word and what a spinner puts in its place. Plain
# lower-case words; the generator keeps the original's capitalisation. No
# pronouns, negations, numbers (nor number words: "week" -> "seven days") or
# role nouns here: changing those is a distortion, and spinning must not make
# distortions the ground truth lacks.
SPIN = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "company": "business",
    "companies": "businesses",
    "firm": "organisation",
    "firms": "organisations",
    "profits": "earnings",
    "profit": "earnings",
    "sales": "purchases",
    "rise": "increase",
    "rose": "climbed",
    "fell": "dropped",
    "fall": "decline",
    "jumped": "leapt",
    "increase": "boost",
    "big": "large",
    "biggest": "largest",
    "huge": "massive",
    "small": "little",
    "major": "significant",
    "important": "crucial",
    "key": "essential",
    "help": "aid",
    "helped": "assisted",
    "start": "begin",
    "started": "began",
    "began": "started",
    "end": "finish",
    "ended": "finished",
    "buy": "purchase",
    "bought": "acquired",
    "sell": "market",
    "plan": "strategy",
    "plans": "strategies",
    "deal": "offer",
    "market": "marketplace",
    "markets": "marketplaces",
    "government": "administration",
    "country": "nation",
    "countries": "nations",
    "people": "individuals",
    "children": "youngsters",
    "team": "squad",
    "match": "game",
    "game": "video game",
    "games": "video games",
    "win": "victory",
    "won": "gained",
    "film": "movie",
    "films": "movies",
    "music": "songs",
    "show": "reveal",
    "showed": "revealed",
    "shows": "reveals",
    "expected": "anticipated",
    "believe": "think",
    "believed": "thought",
    "think": "believe",
    "also": "additionally",
    "however": "nonetheless",
    "because": "since",
    "about": "regarding",
    "around": "approximately",
    "many": "numerous",
    "several": "a number of",
    "new": "brand-new",
    "recent": "current",
    "last": "previous",
    "next": "following",
    "early": "very early",
    "years": "years and years",
    "month": "calendar month",
    "problem": "issue",
    "problems": "concerns",
    "issue": "problem",
    "issues": "troubles",
    "use": "make use of",
    "used": "utilised",
    "using": "utilizing",
    "need": "requirement",
    "needs": "demands",
    "make": "create",
    "made": "produced",
    "making": "producing",
    "get": "obtain",
    "got": "obtained",
    "give": "provide",
    "gave": "offered",
    "take": "take on",
    "took": "took on",
    "set": "established",
    "move": "step",
    "change": "modification",
    "changes": "alterations",
    "report": "record",
    "reported": "stated",
    "figures": "numbers",
    "data": "information",
    "rules": "regulations",
    "law": "legislation",
    "laws": "legislations",
    "claim": "case",
    "claims": "insurance claims",
    "fans": "followers",
    "players": "gamers",
    "player": "gamer",
    "users": "individuals",
    "customers": "clients",
    "workers": "employees",
    "staff": "personnel",
    "jobs": "tasks",
    "job": "task",
    "money": "cash",
    "cost": "price",
    "costs": "expenses",
    "price": "cost",
    "prices": "costs",
    "cut": "reduction",
    "cuts": "decreases",
    "growth": "development",
    "strong": "solid",
    "weak": "feeble",
    "high": "higher",
    "low": "reduced",
    "hard": "difficult",
    "good": "excellent",
    "bad": "poor",
    "best": "finest",
    "top": "leading",
    "world": "globe",
    "home": "house",
    "city": "metropolis",
    "support": "assistance",
    "attack": "assault",
    "warned": "cautioned",
    "hopes": "wishes",
    "hope": "wish",
    "future": "future years",
    "public": "general public",
    "online": "on the internet",
    "technology": "modern technology",
    "service": "solution",
    "services": "solutions",
    "system": "device",
    "systems": "tools",
    "phone": "telephone",
    "phones": "telephones",
    "computer": "computer system",
    "computers": "computer systems",
    "software": "software application",
    "election": "political election",
    "party": "celebration",
    "campaign": "project",
    "vote": "ballot",
    "after": "following",
    "before": "prior to",
    "now": "currently",
    "still": "yet",
    "only": "just",
    "first": "initial",
    "very": "extremely",
    "during": "throughout",
    "through": "via",
    "against": "versus",
    "including": "consisting of",
    "whether": "if",
    "again": "once again",
    "other": "various other",
    "want": "desire",
    "wants": "desires",
    "put": "placed",
    "find": "locate",
    "found": "discovered",
    "keep": "maintain",
    "kept": "maintained",
    "allow": "permit",
    "allowed": "permitted",
    "try": "attempt",
    "tried": "attempted",
    "came": "happened",
    "went": "moved",
    "asked": "requested",
    "season": "period",
    "club": "organisation",
    "final": "last",
    "goal": "objective",
    "goals": "objectives",
    "economy": "economic climate",
    "bank": "financial institution",
    "shares": "stocks",
    "investors": "financiers",
    "officials": "authorities",
    "police": "cops",
    "court": "tribunal",
    "case": "situation",
    "band": "group",
    "album": "record",
    "song": "track",
    "star": "celebrity",
    "award": "honour",
    "awards": "honours",
    "mobile": "cellphone",
    "internet": "web",
    "website": "site",
    "digital": "electronic",
    "network": "connection",
    "security": "safety",
    "research": "study",
    "industry": "sector",
    "business": "company",
}

# A newspaper editor's light touches for "edited" reprints: a handful per copy.
EDITOR = {
    "around": "about",
    "approximately": "about",
    "however": "but",
    "firm": "company",
    "company": "firm",
    "also": "too",
    "said": "says",
    "says": "said",
    "announced": "said",
    "while": "whereas",
    "whilst": "while",
    "amongst": "among",
    "towards": "toward",
    "nearly": "almost",
    "almost": "nearly",
    "big": "large",
}

# First names that mark "First Surname" as a person (for name and attribution changes).
FIRST_NAMES = frozenset(
    """
    Adam Alan Alex Alastair Alistair Andrew Andy Ann Anna Anne Anthony Barbara Ben Bill Bob Brian Bruce Carl
    Carol Catherine Charles Charlie Chris Christopher Claire Colin Craig Daniel Dave David Dennis Derek Diane
    Dominic Donald Edward Elizabeth Emma Eric Frank Gary Geoff George Gordon Graham Greg Harry Helen Henry Ian
    Jack Jacques James Jane Jason Jean Jeff Jennifer Jim Joe John Jonathan Jose Joseph Julia Julie Karen Kate
    Keith Kelly Ken Kevin Laura Lee Linda Lisa Mark Martin Mary Matt Matthew Michael Mike Neil Nick Nicholas
    Nigel Norman Oliver Patricia Patrick Paul Peter Phil Philip Rachel Richard Rob Robert Robin Roger Ron Ronnie
    Ruth Sally Sam Sarah Scott Sean Simon Stephen Steve Steven Stuart Susan Thomas Tim Tom Tony Vincent Walter
    William Gerhard Jacques Silvio Vladimir Kofi Gordon Tessa Patricia Ruud Thierry Arsene Jose Roman Sven Lleyton
    Roger Rafael Andy Venus Serena Maria Paula Kelly Jonny Brian Clive Martin Wayne Michael Jamie Ryan Steven
    """.split()
)

# Verbs that introduce a quote's speaker, as written and as the spinner rewrites them.
SPEECH_VERBS = (
    "said says added told explained warned insisted described claimed argued stated states informed cautioned"
).split()

# Words that make "First Word" an organisation, not a person ("Patrick Corporation").
ORGANISATION_WORDS = frozenset(
    """
    Corporation Corp Group Bank Company Ltd Inc Holdings Airways Airlines United City Rovers Street Road Motors
    Records Music Pictures Studios Foundation Trust Institute University College School Hospital Council Party
    Centre Center Fund Partners Capital Securities Energy Oil Gas Telecom Communications Media Entertainment
    Games Software Systems Technologies Electronics Football Club Athletic Wanderers Town County Park Square
    """.split()
)

# Titles that make the next capitalised word a person's surname ("Mr Blair").
HONORIFICS = frozenset("Mr Mrs Ms Dr Sir Lord Lady".split())

# Capitalised words that describe rather than name: never put in an agent's place.
NATIONALITIES = frozenset(
    """
    French Dutch Greek Thai Swiss Irish British English Scottish Welsh Israeli Iraqi Pakistani Saudi Kuwaiti
    Yemeni Bangladeshi Nepali Somali Omani Qatari Tory Christmas Easter
    """.split()
)
ADJECTIVE_ENDINGS = ("ean", "ian", "ese", "ish", "ern")
# Capitalised things that never act: abbreviations of objects, units and titles.
NOT_AGENTS = frozenset("TV PC CD DVD MP MPs PM GMT BST AM FM HIV Aids".split())

# Surnames put in place of a person's real one (chosen to be absent from the text).
SURNAMES = (
    "Ashcombe Bellweather Carrow Dunmore Elstow Farrant Gorringe Halloran Ingleby Jessop Kettering Lanyon "
    "Marchbank Nettleford Orpwood Pendry Quartermain Radcliffe Sowerby Treharne Underhill Vosper Wetherall "
    "Yelland Zouch Brimble Cheverton Danvers Eskdale Fenwick"
).split()

# Role nouns and the role a distortion puts in their place (both read as a job or title).
ROLES = {
    "chairman": "treasurer",
    "chief executive": "finance director",
    "managing director": "press officer",
    "director": "spokesman",
    "spokesman": "director",
    "spokeswoman": "director",
    "president": "vice-president",
    "vice-president": "president",
    "prime minister": "foreign secretary",
    "chancellor": "home secretary",
    "minister": "adviser",
    "secretary": "minister",
    "manager": "captain",
    "coach": "physio",
    "captain": "manager",
    "striker": "goalkeeper",
    "goalkeeper": "defender",
    "analyst": "trader",
    "economist": "accountant",
    "professor": "student",
    "lawyer": "judge",
    "judge": "lawyer",
    "editor": "reporter",
    "producer": "actor",
    "actor": "producer",
    "actress": "singer",
    "singer": "actress",
    "director general": "deputy leader",
    "leader": "deputy",
    "founder": "investor",
    "boss": "deputy",
    "chief": "deputy",
}

# Gendered pronouns and their opposite ("her" is left alone: his/him is ambiguous).
PRONOUNS = {"he": "she", "she": "he", "his": "her", "him": "her", "himself": "herself", "herself": "himself"}

# Auxiliaries after which "not" can be added (negation) and what follows must look like.
AUXILIARIES = (
    "is are was were has have had will would could can should did does may might must".split()
)

# Verbs of "X <verb> Y" whose arguments a distortion swaps ("Chelsea beat Arsenal" -> "Arsenal beat Chelsea").
AGENT_VERBS = frozenset(
    """
    beat beats defeated defeats overcame thrashed edged sued sues accused accuses criticised criticized
    blamed blames bought buys acquired acquires replaced replaces hired signed joined joins overtook
    attacked attacks backed backs urged urges warned warns praised praises rejected rejects challenged
    """.split()
)

# Capitalised words that start a sentence or a phrase but are not names.
NOT_NAMES = frozenset(
    """
    The A An And But Or In On At For From With Without By To Of As If When While After Before Since Its It
    He She They We I You This That These Those There Here His Her Their Our Mr Mrs Ms Dr Sir Lord Lady
    However Meanwhile Also Although Last Next Some Many Most Such Both All Other Another Each
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December
    """.split()
)

# Junk a content farm inserts between real sentences.
JUNK = (
    "Let's take a closer look.",
    "It is worth keeping an eye on.",
    "Here is what we know so far.",
    "Read on to find out more.",
    "This is not the end of the matter.",
    "Stay tuned for further updates.",
    "Many readers have been asking about it.",
    "That is the question on everyone's lips.",
    "It could go either way.",
    "Only time will tell.",
    "So what happens next?",
    "Let's dive in.",
)

# Site furniture lines that the ingest cleaner removes (checked in tests/test_synthetic.py).
FURNITURE_TOP = (
    "Top Stories",
    "Breaking News",
    "Home",
    "Share this: Facebook Twitter WhatsApp",
    "Advertisement",
    "4 min read",
    "Posted by Admin at 2:14 AM",
)
FURNITURE_BOTTOM = (
    "Share this: Facebook Twitter WhatsApp",
    "Labels: News, World",
    "No comments:",
    "Post a Comment",
    "Newer Post Older Post Home",
    "Advertisement",
)
RELATED_HEADING = "Related articles"

# Sites that reprint, edit or spin (fictional, on the reserved .example domain).
SITES = {
    "verbatim": ("newswire-mirror.example", "dailyreprint.example", "localnews-hub.example"),
    "edited": ("morning-courier.example", "evening-post.example", "regional-herald.example"),
    "spun": ("worldnewsdigest24.example", "trendingnow-blog.example", "hotnews-daily.example"),
}
