"""A personal name read into its parts, and the keys its spellings meet under: pure functions.

    parse("Ron Olegovich Krivoy")   -> given "ron", patronymic "olegovich", surname "krivoy"
    spelling_key("Krivoj")          -> "krivoi" (Krivoi / Krivoy / Kriwoi meet)

Other scripts and accents go through ``anyascii``; French, German and Ukrainian
romanisations are read back into the English one (``spelling_keys``); Chinese and
Korean names are read by syllables (``sinic_key``, ``korean_key``). ``names.py``
says how two parsed names relate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from ..lexicon import names as nl
from ..lexicon import words


# Names (parses, spelling keys) and name pairs (relations) remembered, each cache this many: the
# resolver compares each new mention with the spellings of up to 40 candidate profiles and 50
# members each, the same few names article after article; bounded so a long ingest of new names
# does not grow memory without end.
RELATION_CACHE_SIZE = 1 << 16
# Lowercase words that may stand before a name but are no part of it: nationalities,
# role nouns, and the words of an office ("foreign ministry").
_LEADING_WORDS = (
    frozenset(words.NATIONALITIES)
    | frozenset(words.ROLE_NOUNS)
    | frozenset({"ministry", "office", "foreign", "state", "hostage", "captive", "the", "former", "late"})
)
_LETTERS = re.compile(r"[^a-z\- ]+")
_TOKEN = re.compile(r"[a-z][a-z'\-]*\.?|[a-z]\.")

# Transliteration variants mapped onto one spelling, in order (multi-letter first).
_KEY_RULES: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch|sch", "sh"),
        (r"tch", "c"),
        (r"kh$", "k"),  # Cheikh / Cheick, Sheikh / Sheik: a final kh is k in French and English copy
        (r"kh|ch", "h"),  # Khodorkovsky / Chodorkowski, Mikhail / Michail
        (r"ph", "f"),
        (r"th", "t"),
        (r"gh", "g"),
        (r"dh", "d"),
        (r"ck|q|c(?=[aou])|c$", "k"),  # Marc / Mark: a final c is k
        (r"dt", "t"),  # Schmidt / Schmitt
        (r"x", "ks"),
        (r"w", "v"),
        (r"ou|oo", "u"),
        (r"ts|tz|cz", "c"),
        (r"zh", "sh"),  # Zhuravlyov / Schurawljow: German writes both letters "sch"
        (r"[jy]", "i"),
        (r"(?<=[aeiou])i(?=[aeiou])", ""),  # Gordeyeva / Gordeeva (Cyrillic e after a vowel)
        (r"ei", "ai"),  # Zeid / Zaid, Hussein / Hussain, Sergei / Sergey
        (r"(.)\1+", r"\1"),  # Tatti -> tati, Ronnie -> ronie
        (r"^i(?=[aeou])", ""),  # Yelena / Jelena / Ielena -> elena; Yakov -> akov
        (r"^[gq]", "k"),  # Gaddafi / Qaddafi
        (r"(?<=[aeiou])h$", ""),  # Hannah -> hanna, Haniyeh -> hanie
        (r"i[ae]$", "i"),  # Haniyeh / Haniya -> hani
    )
)


# Russian and Ukrainian names romanised by other languages' conventions, read back into the
# English one before keying (multi-letter first; upper case marks letters already read, e.g. the
# French ch before a consonant is kh: Chrouchtchev; -ine is -in: Chahine; German ue is u: Mueller).
_FRENCH_READING = (
    (r"chtch", "SHCH"), (r"tch", "CH"), (r"ch(?=[^aeiouy])", "KH"), (r"ch", "SH"), (r"dj", "DZH"), (r"j", "ZH"),
    (r"gu(?=[eiy])", "G"), (r"ine$", "IN"),
)
_GERMAN_READING = ((r"tsch", "CH"), (r"sch", "SH"), (r"ch", "KH"), (r"^s(?=[aeiouy])", "Z"), (r"(?<=[aou])e", ""))
# Ukrainian writes h for Russian g (Hrytsenko / Gritsenko, Hennadiy / Gennady), on words that
# look Ukrainian: a Ukrainian ending, or y after a consonant.
UKRAINIAN_READING = ((r"(?<![kszc])h", "g"),)
UKRAINIAN_WORD = re.compile(r"(enko|chuk|uk|yk|iy|yi|ych|ko)$|[^aeiouy]y")
# Letters anyascii reads otherwise than English news copy does: Семёнова is Semyonova, Đorđe Djordje.
_CYRILLIC = str.maketrans({"ё": "yo", "Ё": "Yo", "đ": "dj", "Đ": "Dj"})
_UKRAINIAN = str.maketrans(nl.UKRAINIAN_CYRILLIC)


@dataclass(frozen=True)
class NameParts:
    """A personal name read into parts, each normalised (lowercase ASCII)."""

    given: str | None = None  # "ron"; a single letter for an initial
    middle: tuple[str, ...] = ()  # other given names or their initials
    patronymic: str | None = None  # "olegovich"
    surname: str | None = None  # with particles: "abu marzouq", "al-assad"
    gender: str | None = None  # "male" | "female" from a title, the given name or a gendered surname
    lone: bool = False  # one word only: a surname or a given name, the text does not say which
    generation: str | None = None  # "sr", "jr", "ii": a father and son share every other part
    sinic: bool = False  # a Chinese name (either order, pinyin or Wade-Giles): parts compare by syllables
    korean: bool = False  # a Korean name (either order): surname by its romanisations, given name by syllables

    @property
    def core(self) -> str | None:
        """The surname without particles: "abu marzouq" -> "marzouq"; "al-assad" -> "assad"."""
        return surname_core(self.surname) if self.surname else None

    @property
    def empty(self) -> bool:
        return not (self.given or self.surname)


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def normalise(name: str) -> str:
    """Lowercase ASCII with single spaces: "Кривой" -> "krivoy", "Wójcik" -> "wojcik"."""
    if any(letter in nl.UKRAINIAN_ONLY_LETTERS for letter in name):
        name = name.translate(_UKRAINIAN)  # Євген Коваль -> Yevhen Koval, not Ievgen
    for greek, latin in nl.GREEK_DIGRAPHS:  # Τρουφάνοβα -> Troufanova, not Troyfanova
        name = name.replace(greek, latin)
    text = anyascii(name.translate(_CYRILLIC)).lower().replace("'", "").replace("`", "")
    text = _LETTERS.sub(" ", text.replace(".", ". ")).replace(" .", ".")
    return " ".join(text.split())


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def spelling_key(word: str) -> str:
    """One spelling for transliteration variants: Krivoy, Krivoj, Kriwoi -> "krivoi"."""
    key = normalise(word).replace(" ", "").replace("-", "").replace(".", "")
    for pattern, replacement in _KEY_RULES:
        key = pattern.sub(replacement, key)
    return key


def read_rules(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    """A lowercase word read by one convention's rules (their upper-case output marks letters already read)."""
    for pattern, replacement in rules:
        word = re.sub(pattern, replacement, word)
    return word.lower()


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def spelling_keys(word: str) -> frozenset[str]:
    """The spelling keys of a word as written and as read by French, German and (on Ukrainian-looking
    words) Ukrainian conventions: Chevtsov -> {"hevcov", "shevcov"}; two words meet when their keys do."""
    written = normalise(word)
    readings = {written, read_rules(written, _FRENCH_READING), read_rules(written, _GERMAN_READING)}
    if UKRAINIAN_WORD.search(written):
        readings.add(read_rules(written, UKRAINIAN_READING))
    return frozenset(spelling_key(reading) for reading in readings)


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def surname_core(surname: str) -> str:
    """A surname without its particles and joined articles (``NameParts.core``): read once per
    surname, not once per comparison."""
    words = [_strip_article(w) for w in surname.split() if w not in nl.NAME_PARTICLES]
    return " ".join(words) or surname


def _strip_article(word: str) -> str:
    for article in nl.JOINED_ARTICLES:
        if word.startswith(article) and len(word) > len(article) + 1:
            return word[len(article) :]
    return word


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def parse(name: str) -> NameParts:
    """Split a name into given name, middle names, patronymic and surname.

    Titles ("Dr.", "President", "Mrs") and suffixes ("Jr.") are dropped; a
    title's gender is kept. "Krivoy, Ron" is read as "Ron Krivoy". One word is
    ``lone``: it is stored as the surname and may match either part.
    """
    text = normalise(name)
    surname_part, comma, given_part = anyascii(name).partition(",")
    if comma and given_part.strip() and len(surname_part.split()) == 1:  # "Krivoy, Ron"
        text = normalise(f"{given_part} {surname_part}")
    tokens = [t.rstrip(".") if len(t.rstrip(".")) > 1 else t for t in _TOKEN.findall(text)]
    gender = None
    # Titles and the words of a role or nationality before a name: "Foreign Ministry
    # spokeswoman Maria Zakharova", "Israeli hostage Roni Krivoi" (the name keeps two words).
    while len(tokens) > 1 and (tokens[0].rstrip(".") in nl.TITLE_GENDER or (
        len(tokens) > 2 and tokens[0] in _LEADING_WORDS
    )):
        gender = gender or nl.TITLE_GENDER.get(tokens[0].rstrip("."))
        tokens = tokens[1:]
    generation = None
    while len(tokens) > 1 and tokens[-1].rstrip(".") in nl.NAME_SUFFIXES:
        if tokens[-1].rstrip(".") in nl.GENERATION_SUFFIXES:
            generation = tokens[-1].rstrip(".")
        tokens = tokens[:-1]
    tokens = [t.strip("-") for t in tokens if t.strip("-")]
    if not tokens:
        return NameParts()
    if len(tokens) == 1:
        return NameParts(surname=tokens[0], gender=gender or given_gender(tokens[0]), lone=True, generation=generation)
    sinic = _sinic_parts(tokens)
    if sinic:
        return NameParts(given=sinic[0], surname=sinic[1], gender=gender, generation=generation, sinic=True)
    korean = _korean_parts(tokens)
    if korean:
        return NameParts(given=korean[0], surname=korean[1], gender=gender, generation=generation, korean=True)
    if _vietnamese_order(tokens):  # Nguyen Van Thanh: surname, middle names, given name
        tokens = [tokens[-1], *tokens[1:-1], tokens[0]]
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1] in nl.NAME_PARTICLES:
        start -= 1
    surname = " ".join(tokens[start:])
    before = tokens[:start]
    if not before:  # "Abu Marzouq": particles and a name, no given name
        return NameParts(surname=surname, gender=gender or surname_gender(surname))
    if len(before) > 1 and _DIN_WORD.fullmatch(before[1]):  # Nour el-Din: one given name
        before = [f"{before[0]}-{before[1]}", *before[2:]]
    given, rest = _initial(before[0]), before[1:]
    patronymic = next((t for t in rest if t.endswith(nl.PATRONYMIC_SUFFIXES) and len(t) > 5), None)
    nasab = next((i for i, t in enumerate(rest[:-1]) if t in nl.NASAB_WORDS), None)
    if patronymic is None and nasab is not None:  # Salim bin Rashid: Rashid is the father
        patronymic, rest = rest[nasab + 1], rest[:nasab] + rest[nasab + 2 :]
    middle = tuple(_initial(t) for t in rest if t != patronymic)
    # A gendered surname or patronymic says more than a given name shared by both sexes.
    gender = gender or surname_gender(surname) or _patronymic_gender(patronymic) or given_gender(given)
    return NameParts(
        given=given, middle=middle, patronymic=patronymic, surname=surname, gender=gender, generation=generation
    )


# The second word of an Arabic compound given name, "of the faith": Nour el-Din, Salah ud-Din,
# written joined as Noureddine, Salahuddin. ``given_form`` writes every spelling one way.
_DIN_WORD = re.compile(r"(?:[aeu][ld]-)?d?dine?")
_DIN_END = re.compile(r"(?<=[a-z]{3})-?(?:[aeu][ld]-?)?d?dine?$")


def given_form(given: str) -> str:
    """Compound given names in one spelling: Nour el-Din, Noureddine -> "nouraldin"."""
    return _DIN_END.sub("aldin", given)


_SINIC_GIVEN = re.compile(f"(?:{nl.SINIC_SYLLABLE})+")


def _sinic_parts(tokens: list[str]) -> tuple[str, str] | None:
    """(given, surname) of a two-word Chinese name in either order (Zhang Weiming, Weiming Zhang);
    None when one word is no common Chinese surname or the other is no run of Chinese syllables."""
    if len(tokens) != 2:
        return None
    for surname, given in (tokens, tokens[::-1]):
        syllables = given.replace("-", "")
        if (
            surname in nl.CHINESE_SURNAMES
            and _SINIC_GIVEN.fullmatch(syllables)
            and not is_given_name(syllables)
        ):
            return given, surname
    return None


def _korean_parts(tokens: list[str]) -> tuple[str, str] | None:
    """(given, surname) of a two-word Korean name in either order (Kang Dong-hyun, Dong-hyun Kang):
    a Korean surname and a given name of two syllables written with a hyphen."""
    if len(tokens) != 2:
        return None
    for surname, given in (tokens, tokens[::-1]):
        syllables = given.split("-")
        if surname in nl.KOREAN_SURNAMES and len(syllables) == 2 and all(1 < len(p) <= 4 for p in syllables):
            return given, surname
    return None


def _vietnamese_order(tokens: list[str]) -> bool:
    """A Vietnamese surname first and a Vietnamese middle name after it, or no surname last:
    "Nguyen Van Thanh", "Tran Thi Mai" (not "Le Pen": a particle and a name)."""
    if len(tokens) < 2 or tokens[0] not in nl.VIETNAMESE_SURNAMES:
        return False
    if len(tokens) > 2 and tokens[1] in nl.VIETNAMESE_MIDDLE_NAMES:  # Tran Thi Mai, Le Van Thanh
        return True
    return tokens[-1] not in nl.VIETNAMESE_SURNAMES and (len(tokens) > 2 or tokens[0] not in nl.NAME_PARTICLES)


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def korean_key(word: str) -> str:
    """One key for the romanisations of a Korean given name: Soo-jin / Su-jin -> "sujin"."""
    return _syllable_key(word, nl.KOREAN_KEY_RULES)


def _syllable_key(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    """A word written without hyphens or spaces, then read by one romanisation's rules."""
    key = normalise(word).replace("-", "").replace(" ", "")
    for pattern, replacement in rules:
        key = re.sub(pattern, replacement, key)
    return key


def korean_surname_group(surname: str | None) -> int | None:
    """Index of the Korean surname's group of romanisations (Lee / Yi / Rhee), or None."""
    return next((i for i, group in enumerate(nl.KOREAN_SURNAME_GROUPS) if surname in group), None)


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def sinic_key(word: str) -> str:
    """One key for a Chinese word in pinyin or Wade-Giles: Chien-kuo / Jianguo -> "jiankuo"."""
    return _syllable_key(word, nl.SINIC_KEY_RULES)


def _initial(token: str) -> str:
    """"r." -> "r"; other tokens unchanged."""
    return token.rstrip(".")


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def given_gender(given: str) -> str | None:
    """The gender of a given name, or the one gender of its variant groups' names (Piotr as Peter);
    a short form in several groups says nothing (Chris is Christopher and Christine)."""
    if given in words.GIVEN_NAMES:
        return words.GIVEN_NAMES[given]
    genders = {
        words.GIVEN_NAMES.get(name)
        for group in given_groups(given)
        for name in nl.GIVEN_NAME_GROUPS[group]
        if len(given_groups(name)) == 1
    } - {None}
    return genders.pop() if len(genders) == 1 else None


def _patronymic_gender(patronymic: str | None) -> str | None:
    if not patronymic:
        return None
    return "female" if patronymic.endswith("na") else "male"


def surname_gender(surname: str | None) -> str | None:
    """"male" / "female" for a gendered Slavic or Czech surname form, else None."""
    stem_gender = surname_stem(surname)
    return stem_gender[1] if stem_gender else None


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def surname_stem(surname: str | None) -> tuple[str, str, str] | None:
    """(stem, gender, ending) of a gendered surname: "trufanova" -> ("trufan", "female", "ova")."""
    if not surname:
        return None
    word = surname.split()[-1]
    best: tuple[str, str, str] | None = None
    for masculine, feminine in nl.GENDERED_SURNAME_ENDINGS:
        for ending, gender in ((feminine, "female"), (masculine, "male")):
            if ending and word.endswith(ending) and len(word) - len(ending) >= 3:
                if best is None or len(word) - len(ending) < len(best[0]):
                    best = (word[: len(word) - len(ending)], gender, ending)
    return best


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def given_groups(given: str) -> frozenset[int]:
    return frozenset(i for i, group in enumerate(nl.GIVEN_NAME_GROUPS) if given in group)


def is_given_name(word: str) -> bool:
    """A given name our tables know, in any of its forms ("alexander", "sasha", "yelena")."""
    return bool(given_groups(word)) or word in words.GIVEN_NAMES
