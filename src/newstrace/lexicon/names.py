"""Word lists for matching personal names across articles (data only; logic in ``names``).

All entries are lowercase ASCII, as ``names.normalise`` leaves a name
(anyascii transliteration, accents dropped). Titles and honorifics the
extractor already strips (``lexicon.words``) are reused, not repeated.
"""

from __future__ import annotations

from . import words

# Given names that are one name in different languages, scripts or registers
# (diminutives, short forms, transliterations). Each line is one group. Written for the variants news copy actually uses:
# Russian and Ukrainian transliterations (Aleksandr / Oleksandr), Hebrew short
# forms (Roni), Arabic romanisations (Mohammed / Muhammad), English pet forms.
# A name may sit in several groups (Sasha is Alexander and Alexandra); two
# names are variants when one group holds both.
GIVEN_NAME_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(line.split())
    for line in """
    ron roni ronnie ronny ronald ronen
    alexander aleksandr alexandr aleksander alexandre alejandro alessandro alexandros oleksandr olexandr sasha sascha shura alex alek
    alexandra aleksandra oleksandra sasha
    alexei aleksei alexey aleksey oleksiy oleksii olexiy alyosha lyosha alex
    mikhail michael mihail michail misha mischa mike mikey miguel michel michele mykhailo mykhaylo mickey
    elena yelena jelena helena helen helene ellen elene alena olena lena yelyena
    irina iryna yirina ira irene irena
    ekaterina yekaterina katerina kateryna catherine katherine kathryn katharina katarzyna katya katia kate kathy katie
    tatiana tatyana tatjana tetiana tetyana tanya tania
    natalia natalya nataliya natalja natalie nathalie natasha natascha
    yulia yuliya iuliia julia julija yuliia julie juliya
    olga olha olia olya
    anna anya anja hanna hannah ann anne annie ania
    maria mariya marija mariia masha marie mary
    svetlana sveta svitlana
    ludmila lyudmila liudmila ludmilla lyuda
    dmitry dmitri dmitriy dmitrii dmytro dima
    sergey sergei sergej sergiy serhiy serhii serge sergio seryozha
    andrei andrey andriy andrii andrej andrew andreas andre andy drew
    nikolai nikolay mykola nicholas nikolas nicolas nick niko kolya
    vladimir volodymyr wladimir vladimer volodya vova
    yevgeny evgeny evgenii evgeniy yevhen jewgeni eugene zhenya
    yuri yury yuriy iurii yurii jurij juri yura george georgy georgiy heorhiy jorge georg georgios giorgos yiorgos yorgos
    pavel paul paulo pablo pavlo pasha
    pyotr petr piotr peter pietro pedro pierre petro petya
    ivan ivanushka john johann johannes jan juan giovanni jean sean shaun shawn ian vanya jack johnny
    yakov yaakov jacob jakob jacques iakov jakov yankel yaacov kobi
    iosif yosef joseph josef giuseppe jose yossi yossef joe
    boris borys borya
    viktor victor wiktor vitya
    vitaly vitali vitaliy vitalii
    konstantin kostiantyn constantine konstantinos kostya
    grigory grigori gregory grigoriy hryhoriy grisha greg
    stepan stephen steven stefan esteban stephan steve
    mohammed muhammad mohamed mohammad muhammed mohamad mohd mehmet
    ahmed ahmad ahmet
    hussein husein hussain husain hossein
    hassan hasan
    abdullah abdallah abdulla
    moussa musa mousa moshe moses moise mosche
    ibrahim abraham avraham avi
    yusuf youssef yousef yosuf yusef
    omar umar omer
    khalid khaled
    mahmoud mahmud
    yahya yahia yehia yehya
    ismail ismael yishmael
    suleiman sulaiman solomon shlomo
    daoud dawood david dawid daud dovid dave
    yitzhak isaac itzhak yitzchak itzik
    shmuel samuel samuil sam sammy
    benjamin binyamin benyamin ben benny bibi
    yonatan jonathan jonathon jon
    elizabeth elisabeth elisabetta isabel isabella liz lizzie beth betty eliza elisheva
    william will bill billy wilhelm guillaume guillermo willem
    robert rob bob bobby roberto robbie
    richard rich rick ricky dick ricardo riccardo
    thomas tomas tom tommy tomasz thomaz foma
    james jim jimmy jamie diego
    joshua josh yehoshua
    christopher chris kristof krzysztof cristobal
    edward ed eddie ted eduard eduardo
    anthony antony tony anton antonio antoine
    daniel dan danny daniil danylo
    matthew matt mateo matteo matvei matvey
    francis frank francisco franz francois francesco
    charles charlie chuck karl carl carlos carlo
    margaret maggie meg marguerite margarita
    sofia sophia sofiya sophie zofia sonya
    yael yaël jael
    miriam maryam mariam miryam
    fatima fatema fatimah
    aisha aysha ayesha aicha
    leonid leonidas lyonya
    oleg oleh
    igor ihor
    anatoly anatoli anatoliy anatolii tolya
    valentina valentyna valya
    valery valeri valeriy valerii
    gennady gennadi gennadiy hennadiy
    ruslan ruslanas
    rustam rostam
    galina halyna galya
    lyubov liubov lubov lyuba
    nadezhda nadiya nadia nadya
    vera wiera
    henry harry hank heinrich henri enrique
    susan susanne suzanne sue susie
    jennifer jenny jen
    rebecca becky rivka
    abigail abby avigail
    patricia patty trish
    frederick fred freddie friedrich
    nathan nate natan
    darya daria dasha
    anastasia anastasiya nastya
    vyacheslav viacheslav slava
    stanislav stanislaw stas
    yaroslav jaroslav jaroslaw yaroslava
    lev leo leon
    mordechai moti motti
    evgenia yevgenia eugenia zhenya
    margaret peggy
    viktoria victoria viktoriya wiktoria vika
    roman roma
    ksenia kseniya oksana ksyusha xenia
    ilya ilia ilja elijah eliyahu
    kirill kiril cyril kyrylo
    maxim maksim maksym max
    artem artyom artiom artem
    denis dennis denys
    fyodor fedor theodore fedya teodor
    arkady arkadiy arkadi arkadii
    vasily vasiliy vasili vasyl vasya basil
    semyon semen simon shimon syoma
    yegor egor
    eitan eytan etan ethan
    tzvi zvi tsvi hirsch hersh hershel
    yitzhak tzachi
    mustafa moustafa mostafa mustapha
    walid waleed
    said saeed sayed saied
    rashid rasheed
    hamid hameed
    jamal gamal
    osama usama
    tareq tariq tarek tarik
    samir sameer
    hisham hesham
    ibrahim ebrahim
    zhanna jeanna janna
    francisco paco pancho curro quico frasco
    francisca paca paquita
    jose pepe chema josema
    josefa pepa pepita
    manuel manolo manu
    ignacio nacho
    enrique quique kike
    alberto beto
    roberto beto
    eduardo lalo
    jesus chucho chuy
    luis lucho
    alfonso poncho
    gonzalo chalo
    rafael rafa
    santiago santi
    guillermo memo
    ricardo richi
    antonio tono toni
    dolores lola
    rosario charo
    concepcion concha conchita
    consuelo chelo
    mercedes merche
    guadalupe lupe
    soledad sole
    patrick paddy pat
    timothy tim timmy
    kenneth ken kenny
    raymond ray
    donald don donnie
    lawrence laurence larry
    gerald gerry jerry
    jeremy jerry
    douglas doug
    jeffrey geoffrey jeff geoff
    albert bert bertie
    alfred alf alfie
    arthur art artie
    bernard bernie
    terence terrence terry
    theodore teddy ted
    edward ned
    victoria vicky vicki tori
    elizabeth elizaveta yelizaveta betsy bess libby liza
    katherine kathleen kat kitty
    christine christina chris tina
    jacqueline jackie
    samantha sam sammy
    deborah debbie deb
    jessica jess jessie
    nicole nikki
    pamela pam
    cynthia cindy
    barbara barb babs
    dorothy dot dottie
    eleanor ellie nell
    judith judy
    kimberly kim
    leonard len lenny
    louis luis luigi lou ludwig
    martin marty
    nathaniel nat nate
    nicholas nicky
    oliver ollie
    philip phillip phil felipe filipp pylyp
    russell russ
    stuart stewart stu
    vincent vince vinny vincenzo enzo
    walter walt wally
    zachary zach zack
    maximilian max maxi
    dmitry dmitri mitya
    margarita rita
    larisa larissa lara
    zinaida zina
    polina polya
    yaroslav slava yarik
    vsevolod seva
    gennady gena
    arkady arkasha
    timofei timofey tymofiy tima
    andrei andryusha
    kirill kiryusha
    ilya ilyusha
    artem tyoma
    ludmila lyudmila liudmyla mila
    valery valera
    vladislav vlad
    anna nyura
    bohdan bogdan
    taras
    natalia nataliia
    nadezhda nadiia
    valentin valentyn
    vera vira
    katarzyna kasia
    malgorzata gosia
    wojciech wojtek
    krzysztof krzys
    tomasz tomek
    piotr piotrek
    jan janek
    stanislaw staszek
    zbigniew zbyszek
    grzegorz grzesiek gregory
    joanna asia
    agnieszka agnes aga
    aleksander olek
    jozef joseph josef
    lukasz lucas luke luca lukas
    mateusz matthew
    pawel paul
    michal michael
    jakub jacob kuba
    andrzej andrew
    marek mark marco marcus
    giuseppe beppe peppe pino
    giovanni gianni
    alessandro sandro
    francesco checco
    johannes hans
    friedrich fritz
    jose ze
    francisco chico
    joao john
    yehuda yudi judah
    shmuel shmulik
    yonatan yehonatan yoni
    ehud udi
    tzipora tzipi
    eliezer eli
    eliyahu eli
    gideon gidi
    rafael rafi
    chaim haim hayim
    chaya haya
    yisrael israel srulik
    yasser yasir
    ziad ziyad
    nabil nabeel
    jamil jameel
    adel adil
    karim kareem
    salim saleem
    majid majed
    tawfiq tawfik toufik
    faisal faysal
    nasser nasir
    ayman aiman
    zeinab zainab zaynab
    leila layla laila
    huda houda
    mona muna
    samira sameera
    yasmin yasmine jasmine
    nour nur
    """.strip().splitlines()
    if line.strip()
)

# Endings of a patronymic (Olegovich, Vitalyevna): a middle name with one of
# these is the father's name, not a second given name.
PATRONYMIC_SUFFIXES = ("ovich", "evich", "yevich", "ievich", "ich", "ovna", "evna", "yevna", "ievna", "ichna", "inichna")

# Gendered surname forms: (masculine ending, feminine ending). Trufanov and
# Trufanova, Zelensky and Zelenskaya, Kowalski and Kowalska are relatives
# (husband and wife, father and daughter), never one person. Longest first.
GENDERED_SURNAME_ENDINGS: tuple[tuple[str, str], ...] = (
    ("skiy", "skaya"),
    ("skii", "skaia"),
    ("skyi", "ska"),
    ("sky", "skaya"),
    ("ski", "ska"),
    ("tskiy", "tskaya"),
    ("ov", "ova"),
    ("ev", "eva"),
    ("yov", "yova"),
    ("in", "ina"),
    ("yn", "yna"),
    ("iy", "aya"),
    ("oy", "aya"),
    ("oi", "aia"),
    ("ny", "na"),
    ("ty", "ta"),
    ("ky", "ka"),
    ("", "ova"),  # Czech: Novak / Novakova
)

# Lowercase particles that belong to a surname ("Abu Marzouk", "al-Assad",
# "van der Berg"); the surname's core is what follows them.
NAME_PARTICLES = frozenset(words.NAME_PARTICLES - {"-"}) | frozenset(
    {"ben", "bar", "abd", "abdel", "ter", "ten", "den", "des", "dos", "das", "do", "y", "st", "mac", "ould"}
)
# Arabic article prefixes written joined to the name: al-Assad, el-Sisi, ash-Sharif.
JOINED_ARTICLES = ("al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ul-")

# Titles, ranks and honorifics stripped from the front of a name; some tell the gender.
TITLE_GENDER: dict[str, str | None] = {
    **{title: None for title in words.TITLE_HEADS},
    **{title.rstrip("."): gender for title, gender in words.HONORIFICS.items()},
    **{
        title: None
        for title in """
        prime deputy foreign defence defense interior vice former late acting chief dr doctor
        prof professor president minister sheikh sheik hajj haji mullah father reverend rev
        councillor councilor alderman officer sgt sergeant private pvt cpl corporal major maj
        lieutenant lt colonel col general gen brigadier commander cmdr mp mk senator
        spokesman spokeswoman spokesperson envoy detective inspector constable superintendent
        chairman chairwoman ceo coach pastor ayatollah haj hajj cardinal bishop rabbi imam
        """.split()
    },
    **{"mr": "male", "mister": "male", "sir": "male", "lord": "male", "king": "male", "prince": "male",
       "brother": "male", "monsieur": "male", "herr": "male", "senor": "male"},
    **{"mrs": "female", "ms": "female", "miss": "female", "madam": "female", "madame": "female", "mme": "female",
       "dame": "female", "lady": "female", "queen": "female", "princess": "female", "sister": "female",
       "frau": "female", "senora": "female", "mlle": "female"},
}

# Suffixes after a name that are no part of it.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "obe", "mbe", "kc", "qc"})
# The suffixes that tell a father from his son of the same name: two people, never one.
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# "son of" / "daughter of" before a name (Salim bin Rashid al-Harthi): the name that follows is the
# father's, a patronymic, not a second given name.
NASAB_WORDS = frozenset({"bin", "ibn", "bint", "ben", "bat"})

# Common Chinese surnames in pinyin and in Wade-Giles (Zhang / Chang, Xu / Hsu, Zhou / Chou):
# a two-word name with one of them and a given name of Chinese syllables is read as Chinese,
# written in either order (Zhang Weiming / Weiming Zhang).
CHINESE_SURNAMES = frozenset("""
    wang li zhang chang liu chen chen yang huang zhao chao wu zhou chou xu hsu sun ma zhu chu hu guo kuo
    he ho gao kao lin luo lo zheng cheng liang xie hsieh song sung tang han feng deng teng cao tsao peng
    zeng tseng xiao hsiao tian tien dong tung pan yuan cai tsai jiang chiang yu du tu ye yeh wei su lu
    ding ting shen ren jen yao fu zhong chung cui tsui tan fan jin chin shi shih liao qian chien xiong
    hsiung dai tai kong kung mao qiu chiu qin hou wan duan tuan lei lai fang bai pai jia chia xue hsueh
    yan yen gu ku meng hao kang ouyang xi hsi bi pi zou tsou shao ge wen weng hong niu lou
""".split())
# Surnames only Wade-Giles spells so (pinyin writes Xu, Zhou, Guo, Deng...): a name with one is
# in Wade-Giles throughout.
WADE_GILES_SURNAMES = frozenset("""
    hsu chou kuo teng tsai tseng hsieh chiang hsiao tien tung chung tsui chin chien hsiung chiu kao
    sung chao tsao pai chia hsueh yen ku hsi pi tsou ko
""".split())
# Letter sequences pinyin never writes: a given name with one (or a hyphen between syllables) is Wade-Giles.
WADE_GILES_MARKS = r"hs|ts|tz|ien|ieh|ueh|ung|ih\b|-"
# Wade-Giles spellings read into pinyin-like keys, and the sounds both spell apart merged (the
# aspiration marks Wade-Giles needs are dropped in news copy, so ch is both zh and ch, k both g and k).
SINIC_KEY_RULES: tuple[tuple[str, str], ...] = (
    (r"hs", "x"),
    (r"ien", "ian"),
    (r"ieh", "ie"),
    (r"ueh", "ue"),
    (r"ung", "ong"),
    (r"ih\b", "i"),
    (r"zh|ch|tz|ts|j|q|z|c", "j"),
    (r"g", "k"),
    (r"b", "p"),
    (r"d", "t"),
)
# One syllable of pinyin or Wade-Giles: an initial and a final. A given name made only of them
# (Weiming, Jianguo, Chien-kuo) may be Chinese.
SINIC_SYLLABLE = (
    r"(?:zh|ch|sh|hs|ts|tz|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|iao|ian|ien|ieh|uai|uan|ang|eng|ing|ong|ung"
    r"|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|ih|a|e|i|o|u)"
)

# Romanisations of Indic names (``link.romanisation``): the inherent vowel written or not before
# a final r (Bhupender / Bhupendra, Rajinder / Rajindra; not -ander: Alexander / Alexandra), and
# Bengali's b for v (Deb / Dev, Biplab / Biplav).
INDIC_KEY_RULES: tuple[tuple[str, str], ...] = (
    (r"([ei])nder$", r"\1ndra"),
    (r"v", "b"),
)

# Given names whose feminine form adds an ending ("Daniel" / "Daniela", "Ivan" /
# "Ivana"): the two are different people unless one group above joins them.
FEMININE_GIVEN_ENDINGS = ("a", "ia", "ina", "ette", "elle", "ine", "e")

# Korean surnames, one line per surname with its romanisations (Lee / Yi / Rhee, Park / Pak). A
# two-word name with one of them and a hyphenated given name (Dong-hyun, Soo-jin) is Korean, in
# either order (Kang Dong-hyun / Dong-hyun Kang).
KOREAN_SURNAME_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(line.split())
    for line in """
    lee yi rhee ri rhie
    kim gim
    park pak bak
    choi choe
    jung jeong chung
    kang
    cho jo
    yoon yun
    jang chang
    lim im
    han
    oh
    seo suh
    shin sin
    kwon gwon
    hwang
    ahn
    song
    jeon jun chun
    hong
    ko go koh
    moon mun
    yang
    son sohn
    bae pae
    baek paek paik
    yoo yu ryu
    nam
    noh roh
    kwak gwak
    cha
    joo ju
    min
    """.strip().splitlines()
)
KOREAN_SURNAMES = frozenset(name for group in KOREAN_SURNAME_GROUPS for name in group)
# Korean romanisations of one syllable read into one key (McCune-Reischauer, Revised, and the
# spellings news copy uses: Soo / Su, Eun / Un, Jin / Chin).
KOREAN_KEY_RULES: tuple[tuple[str, str], ...] = (
    (r"oo", "u"),
    (r"eo", "o"),
    (r"ee", "i"),
    (r"ae", "e"),
    (r"eu", "u"),
    (r"ch|j", "j"),
    (r"g", "k"),
    (r"d", "t"),
    (r"b", "p"),
    (r"r", "l"),
    (r"sh", "s"),
)

# Vietnamese surnames: a name that starts with one and ends with none is written surname
# first (Nguyen Van Thanh; Western copy writes Thanh Nguyen, the middle name dropped).
VIETNAMESE_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam mai trinh doan luong".split()
)

# Vietnamese middle names that mark the surname-first order whatever the last word is.
VIETNAMESE_MIDDLE_NAMES = frozenset("van thi duc huu ngoc quoc xuan cong dinh".split())

# Ukrainian letters anyascii reads the Russian way (Г as g, И as i): a Cyrillic name with a letter
# only Ukrainian writes (є, і, ї, ґ) is romanised the Ukrainian way (Євген -> Yevhen).
UKRAINIAN_ONLY_LETTERS = frozenset("єЄіІїЇґҐ")
UKRAINIAN_CYRILLIC = {
    "Г": "H", "г": "h", "И": "Y", "и": "y", "Є": "Ye", "є": "ye", "І": "I", "і": "i",
    "Ї": "Yi", "ї": "yi", "Ґ": "G", "ґ": "g", "Х": "Kh", "х": "kh", "Й": "Y", "й": "y",
}

# Spanish diminutive endings (Lupita for Lupe, Juanito for Juan, Anita for Ana): the stem is the name.
DIMINUTIVE_ENDINGS = ("citos", "citas", "cito", "cita", "itos", "itas", "ito", "ita", "illo", "illa")

# Russian and Ukrainian case endings of names, longest first, with the nominative endings a
# declined form may come from: "Кривого" (genitive) -> "Кривой", "Трофановым" -> "Трофанов",
# "Рона" -> "Рон". Written in Cyrillic: they are read off the word before transliteration.
CYRILLIC_CASE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ого", ("ой", "ий", "ый")),
    ("его", ("ий",)),
    ("ому", ("ой", "ий", "ый")),
    ("ему", ("ий",)),
    ("ыми", ("ой", "ый")),
    ("ими", ("ий",)),
    ("ым", ("ой", "ый", "")),
    ("им", ("ий", "")),
    ("ой", ("а", "ая", "")),
    ("ёй", ("я",)),
    ("ей", ("я", "ь", "")),
    ("ую", ("ая",)),
    ("юю", ("яя",)),
    ("ом", ("",)),
    ("ем", ("ь", "й", "")),
    ("ою", ("а",)),
    ("а", ("",)),
    ("я", ("ь", "й")),
    ("у", ("", "а")),
    ("ю", ("ь", "й", "я")),
    ("е", ("", "а", "я")),
    ("ы", ("а",)),
    ("и", ("а", "я", "ь")),
)

# Greek letter pairs anyascii reads letter by letter: ου is u (Τρουφάνοβα is Troufanova).
GREEK_DIGRAPHS = (("ου", "ou"), ("Ου", "Ou"), ("ΟΥ", "OU"))
