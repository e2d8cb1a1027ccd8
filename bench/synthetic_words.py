"""Word lists for the synthetic copies benchmark (data only; the logic is in ``synthetic.py``).

Written for this benchmark. The spinner's synonyms are not here: they come
from the LibreOffice English thesaurus (Debian's ``mythes-en-us``, read by
``mythes.py``), a source the comparer never reads, so the benchmark does not
measure the comparer's synonym table (``src/newstrace/link/synonyms.py``)
against itself. What is here says which words the spinner leaves alone and how
it inflects the words it puts in.
"""

# Function words a spinner leaves as they are (it looks up content words only).
STOP_WORDS = frozenset(
    """
    a about above across after against ago ahead all almost along already also although always am among an and
    another any anyone anything are around as at away back be because been before being below beside besides
    between beyond both but by can cannot could did do does doing done down during each either else enough even
    ever every few for from further had has have having here how however if in inside instead into is it its itself
    just least less like many may maybe me might mine more most much must my near nearly neither nor not now of off
    often on once only onto or other others otherwise our ours out over own per perhaps rather same several shall
    should since so some such than that the their theirs them then there therefore these they this those though
    through throughout thus till to too toward towards under unless until up upon us very via was we were what
    whatever when where whether which while who whom whose why will with within without would yet you your
    according against amid amongst despite following including regarding unlike versus whilst
    get got getting go going gone went come came coming make made take took taken give gave given
    """.split()
)

# Words whose change would be a factual change, not a spin: numbers, time, quantity and direction
# words, and the speech verbs that mark a quote's speaker (the spinner keeps speakers intact).
KEPT_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand
    million billion trillion dozen half quarter double triple first second third fourth fifth last next final
    cent percent pence pound pounds dollar dollars euro euros yen
    today yesterday tomorrow tonight day days week weeks weekend month months year years decade decades century
    morning afternoon evening night
    monday tuesday wednesday thursday friday saturday sunday
    yes no none never nothing nobody neither without
    up down rise rose risen rising fall fell fallen falling increase decrease higher lower
    """.split()
)

# Past tenses the spinner must recognise (to look up the verb) and must write (after a verb it puts in).
IRREGULAR_PAST = {
    "be": "was", "begin": "began", "break": "broke", "bring": "brought", "build": "built", "buy": "bought",
    "catch": "caught", "choose": "chose", "cut": "cut", "deal": "dealt", "do": "did", "draw": "drew",
    "drive": "drove", "eat": "ate", "fall": "fell", "feel": "felt", "fight": "fought", "find": "found",
    "fly": "flew", "forget": "forgot", "get": "got", "give": "gave", "go": "went", "grow": "grew", "hang": "hung",
    "have": "had", "hear": "heard", "hide": "hid", "hit": "hit", "hold": "held", "hurt": "hurt", "keep": "kept",
    "know": "knew", "lay": "laid", "lead": "led", "leave": "left", "lend": "lent", "let": "let", "lie": "lay",
    "lose": "lost", "make": "made", "mean": "meant", "meet": "met", "pay": "paid", "put": "put", "quit": "quit",
    "read": "read", "ride": "rode", "ring": "rang", "rise": "rose", "run": "ran", "say": "said", "see": "saw",
    "seek": "sought", "sell": "sold", "send": "sent", "set": "set", "shake": "shook", "shoot": "shot",
    "show": "showed", "shut": "shut", "sing": "sang", "sink": "sank", "sit": "sat", "sleep": "slept",
    "speak": "spoke", "spend": "spent", "split": "split", "spread": "spread", "stand": "stood", "steal": "stole",
    "stick": "stuck", "strike": "struck", "swear": "swore", "swim": "swam", "take": "took", "teach": "taught",
    "tear": "tore", "tell": "told", "think": "thought", "throw": "threw", "understand": "understood",
    "wake": "woke", "wear": "wore", "win": "won", "write": "wrote", "withdraw": "withdrew", "undertake": "undertook",
}

# Sentence openers that may be written in lower case when the sentence is joined to another
# or moved behind a clause ("The council ..." -> "..., the council ...").
LOWERABLE_OPENERS = frozenset(
    "The A An It Its This That These Those There They Their Some Many Most Both Each Such".split()
)

# Clause openers: a sentence that starts with one and a comma has a fronted clause a spinner moves
# to the end; a sentence that ends with ", <opener> ..." has a clause it moves to the front.
FRONTED_OPENERS = (
    "In On At After Before When While Although Though Despite During Since Following Earlier Later Under "
    "With For By Once Unlike Like Amid"
).split()
TRAILING_OPENERS = "because after when while although as before since despite following until unless once".split()

# Past tenses that take no object (or whose passive reads wrongly): never turned into "was X-ed by".
NO_PASSIVE = frozenset(
    """
    added agreed appeared arrived claimed decided died failed happened lived looked remained seemed stayed
    warned insisted explained argued stated announced reported revealed suggested hoped wanted needed
    used helped managed tried planned started ended continued returned ranked rated voted worked
    """.split()
)

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

# Filler lines a content farm puts between real sentences (written for this benchmark).
FILLERS = (
    "Let's get into it.",
    "Keep reading to find out what happened.",
    "Here is everything you need to know.",
    "This is a developing story.",
    "The details are below.",
    "You won't believe what came next.",
    "Stay with us for the latest.",
    "Let us take a look at the details.",
    "Now, let us break it down.",
    "There is more to this story.",
    "Scroll down to know more.",
    "This has got everyone talking.",
    "Here is the full story.",
    "Let's find out what this means.",
    "The story does not end there.",
    "But wait, there is more.",
    "Everything is explained below.",
    "Make sure you read till the end.",
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
    "partial": ("newsfeed-aggregator.example", "headlines-now.example", "wirefeed-digest.example"),
    "summary": ("briefly-news.example", "quickreads-daily.example", "newsinshort.example"),
}
