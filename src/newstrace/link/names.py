"""Personal names across spellings: how two names relate. Pure functions, no database.

Reading one name into its parts and keys is ``name_parts.py``; this module compares them.

One person's name reaches the news in many forms: Roni Krivoi, Ron Olegovich
Krivoy, R. Krivoj, Кривой. This module reads a name into its parts and says how
two names relate:

    parse("Ron Olegovich Krivoy")   -> given "ron", patronymic "olegovich", surname "krivoy"
    name_relation(parse("Roni Krivoi"), parse("Ron Krivoy"))  -> FULL
    name_relation(parse("Elena Trufanova"), parse("Vitaly Trufanov"))  -> NONE (relatives)

Other scripts and accents go through ``anyascii``; transliteration variants
meet in one ``spelling_key`` (Krivoi / Krivoy / Krivoj / Kriwoi -> "krivoi"),
after French, German and Ukrainian romanisations are read back into the English
one (``spelling_keys``: Chevtsov, Tschernych, Hrytsenko); vowels that spell one
sound two ways (Qassem / Qasim) match, vowels of other sounds do not (Hassan /
Hussein). Chinese names compare by syllables in either order, Wade-Giles against
pinyin (``sinic_key``). What the keys leave apart is compared with rapidfuzz's
edit distance and jellyfish's phonetic codes. Gendered surname forms (Trufanov / Trufanova,
Kowalski / Kowalska) are relatives and never match. ``blocking_keys`` gives the
short keys under which profiles are indexed, so candidates are a lookup.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from ..lexicon import names as nl
from .romanisation import indic_key, indic_variant
from .name_parts import (
    NameParts,
    RELATION_CACHE_SIZE,
    UKRAINIAN_READING,
    UKRAINIAN_WORD,
    given_form,
    given_gender,
    given_groups,
    is_given_name,
    korean_key,
    korean_surname_group,
    normalise,
    parse,
    read_rules,
    sinic_key,
    spelling_key,
    spelling_keys,
    surname_stem,
)


# How two names relate (``name_relation``).
FULL = "full"  # given and surname agree (Roni Krivoi ~ Ron Krivoy)
INITIAL = "initial"  # surname agrees, one given name is an initial (R. Krivoi)
SURNAME_ONLY = "surname_only"  # one side is a bare surname that agrees (Krivoi ~ Roni Krivoi)
GIVEN_ONLY = "given_only"  # one side is a bare given name that agrees (Andrei ~ Andrei Hollis)
LOOSE = "loose"  # given names agree, surnames one edit apart that may be two names (Johnson / Johnston)
NONE = "none"  # different people, or relatives (Trufanov / Trufanova)

# How two surnames compare (``surname_similarity``).
SAME = "same"  # one spelling key: Krivoi / Krivoy / Kriwoi
CLOSE = "close"  # a transliteration or typo apart: Trufanova / Trupanova, Krivio / Krivoi

# Letters a transliteration or a typo trades for each other.
# (Vowels only within one sound: e/i, o/u; Hansen / Hanson, Kaplan / Kaplun are two names.)
_SOUND_CLASSES = ("ei", "ou", "bpfv", "kgc", "sz", "td")

# Fuzzy surname agreement beyond equal spelling keys. Set on the tune split of
# bench/data/name_variants_tune.jsonl: one edit is a typo or a transliteration
# choice on keys of 6+ letters (Trupanova / Trufanova, Okafor / Okafur); on 5
# it joins different names (Stein / Stern, Hanssen / Jansen).
SURNAME_ONE_EDIT_MIN = 6
# Two edits only on long names that stay close overall (Jaro-Winkler), e.g.
# Shcherbakova / Scherbakowa; Zakharova / Zaharieva (8) are two names.
SURNAME_TWO_EDITS_MIN = 9
SURNAME_TWO_EDITS_JW = 0.92

# A given name and a longer one that starts with it (Alex / Alexandra is caught
# by gender) are short and long forms only from 4 letters (Dani / Daniel; not Al / Alan).
GIVEN_PREFIX_MIN = 4
# The last middle word of a longer name (a Spanish double surname's first part: Rafael Dominguez
# Ortega / Rafael Dominguez; a father's name: Abiy Ahmed Ali / Abiy Ahmed) stands for the surname
# from 5 letters: Korean generation names (Kim Jong Un / Kim Yo Jong) are syllables of at most 4.
PATERNAL_SURNAME_MIN = 5
# Given names one edit apart are one name from 5 letters (Mihail / Mikhail via the key).
GIVEN_ONE_EDIT_MIN = 5
# Names whose vowels differ only within one sound (e/i, o/u: Qassem / Qasim, Mahmoud / Mahmud,
# Shaheen / Chahine) are one name romanised two ways, from keys of this length (Berg / Borg, 4,
# are two names). Vowels of other sounds make other names of one Arabic root (Hassan / Hussein,
# Kamal / Kamil, Hamid / Hamad) and never match this way. Set on the tune split.
VOWEL_VARIANT_MIN = 5

def _korean_relation(a: NameParts, b: NameParts) -> str | None:
    """FULL or NONE for two Korean names (surname by its group, given name by syllable key);
    None when only one side reads as Korean (the general rules decide)."""
    if not (a.korean and b.korean):
        return None
    same_surname = korean_surname_group(a.surname) == korean_surname_group(b.surname)
    return FULL if same_surname and korean_key(a.given) == korean_key(b.given) else NONE


def gendered_forms(a: str, b: str) -> bool:
    """True when two surnames are the male and female form of one name (Trufanov / Trufanova)."""
    first, second = surname_stem(a), surname_stem(b)
    if first and second and first[1] != second[1]:
        stem_a, stem_b = spelling_key(first[0]), spelling_key(second[0])
        if stem_a == stem_b or _close(stem_a, stem_b, SURNAME_ONE_EDIT_MIN - 2):
            return True
    # Czech -ova on any stem, dropping a fleeting e: Novak / Novakova, Hajek / Hajkova.
    key_a, key_b = sorted((spelling_key(a), spelling_key(b)), key=len)
    if not key_b.endswith("ova"):
        return False
    masculine = key_b[:-3]
    return masculine in (key_a, key_a[:-2] + key_a[-1:] if key_a[-2:-1] == "e" else key_a)


def _close(a: str, b: str, one_edit_min: int) -> str | None:
    """CLOSE or LOOSE for keys one edit apart (a swap of two letters counts as one; same first
    letter), LOOSE for two edits on long, near-identical keys; None otherwise."""
    if not a or not b or a[0] != b[0]:
        return None
    distance = OSA.distance(a, b, score_cutoff=2)
    shortest = min(len(a), len(b))
    if distance <= 1 and shortest >= one_edit_min:
        return _edit_kind(a, b)
    if distance == 2 and shortest >= SURNAME_TWO_EDITS_MIN and JaroWinkler.similarity(a, b) >= SURNAME_TWO_EDITS_JW:
        return LOOSE
    return None


def _edit_kind(a: str, b: str) -> str:
    """CLOSE when the one edit is one a transliteration or a typo makes (a letter for one that
    sounds alike, a vowel or h more or less, two letters swapped); LOOSE when it makes another
    name (Johnson / Johnston)."""
    ops = Levenshtein.editops(a, b)
    if len(ops) == 1:
        op = ops[0]
        if op.tag == "replace":
            pair = {a[op.src_pos], b[op.dest_pos]}
            return CLOSE if any(pair <= set(letters) for letters in _SOUND_CLASSES) else LOOSE
        letter = a[op.src_pos] if op.tag == "delete" else b[op.dest_pos]
        if op.src_pos == len(a) - (op.tag == "delete"):  # a final vowel more: Mansour / Mansouri (a nisba)
            return LOOSE
        return CLOSE if letter in "aeiouh" else LOOSE
    return CLOSE  # OSA said one edit, Levenshtein two: a swap (Krivio / Krivoi)


_VOWELS = re.compile(r"[aeiou]+")
# What a gendered ending keeps across national forms: its consonants (sk of -ska / -skaya / -skyi).
_ENDING_FAMILY = re.compile(r"[aeiouy]+")
_STRENGTH = {SAME: 3, CLOSE: 2, LOOSE: 1, None: 0}
# The sound a run of vowels spells: e and i one, o and u another, a its own; a diphthong ai (ei)
# is also spelt i (Ghoneim / Ghonim).
_VOWEL_SOUND = str.maketrans({"a": "A", "e": "I", "i": "I", "o": "U", "u": "U"})


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def _vowel_sounds(key: str) -> str:
    """A key with each vowel run as its sounds: "kasem" and "kasim" -> "kAsIm"."""

    def sounds(run: re.Match) -> str:
        spelt = re.sub(r"(.)\1+", r"\1", run.group().translate(_VOWEL_SOUND))
        return "I" if spelt == "AI" else spelt

    return _VOWELS.sub(sounds, key)


def _vowel_variant(a: str, b: str) -> bool:
    """Keys that differ only in how they spell the same vowel sounds (Qassem / Qasim, Shaheen /
    Chahine, Ibrahim / Ebrahim), from VOWEL_VARIANT_MIN letters."""
    return min(len(a), len(b)) >= VOWEL_VARIANT_MIN and _vowel_sounds(a) == _vowel_sounds(b)


def _key_similarity(a: str, b: str) -> str | None:
    if a == b:
        return SAME
    if _vowel_variant(a, b) or indic_variant(a, b):
        return CLOSE
    return _close(a, b, SURNAME_ONE_EDIT_MIN)


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def _surname_keys(core: str) -> frozenset[str]:
    """A surname's spelling keys, and for an Arabic article written joined (Alkhatibi) the keys
    without it, so it meets al-Khatibi (whose core drops the article)."""
    keys = spelling_keys(core)
    if re.match(r"(al|el)[a-z]{5,}$", normalise(core)):
        keys |= spelling_keys(normalise(core)[2:])
    return keys


def surname_match(a: str, b: str) -> bool:
    """Two surnames are one surname spelt two ways (Krivoi / Krivoy; Abu Marzouk / Marzook)."""
    return surname_similarity(a, b) is not None


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def surname_similarity(a: str, b: str) -> str | None:
    """SAME (one spelling key), CLOSE (a transliteration or typo away), LOOSE (an edit or vowels
    that may make another name: needs context) or None (other names, or gendered forms)."""
    if gendered_forms(a, b):
        return None
    core_a, core_b = NameParts(surname=a).core or a, NameParts(surname=b).core or b
    best = None
    for key_a in _surname_keys(core_a):
        for key_b in _surname_keys(core_b):
            found = _key_similarity(key_a, key_b)
            if _STRENGTH[found] > _STRENGTH[best]:
                best = found
    if best in (SAME, CLOSE):
        return best
    # One gender, two national forms of one ending: Zelenska (Ukrainian) / Zelenskaya (Russian);
    # other endings make other names (Markov / Markin).
    stem_a, stem_b = surname_stem(core_a), surname_stem(core_b)
    if (
        stem_a
        and stem_b
        and stem_a[1] == stem_b[1]
        and _ENDING_FAMILY.sub("", stem_a[2]) == _ENDING_FAMILY.sub("", stem_b[2])
        and spelling_key(stem_a[0]) == spelling_key(stem_b[0])
    ):
        return SAME
    # A double surname and one of its parts: Garcia Marquez / Marquez, Goldberg-Polin / Polin.
    words_a, words_b = core_a.replace("-", " ").split(), core_b.replace("-", " ").split()
    if len(words_a) != len(words_b):
        longer, shorter = (words_a, words_b) if len(words_a) > len(words_b) else (words_b, words_a)
        if len(shorter) == 1 and any(surname_similarity(part, shorter[0]) in (SAME, CLOSE) for part in longer):
            return CLOSE
    return best


def given_match(a: str, b: str) -> bool:
    """Two given names are one name: equal, variants (Ron / Roni; Elena / Yelena), an initial, a short form."""
    a, b = given_form(a), given_form(b)
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial: of the name or of one of its forms (A. for Sasha)
        initial, name = sorted((a, b), key=len)
        return name[0] == initial or any(
            form[0] == initial for group in given_groups(name) for form in nl.GIVEN_NAME_GROUPS[group]
        )
    if given_groups(a) & given_groups(b):
        return True
    for short, other in ((a, b), (b, a)):  # Lupita / Guadalupe, Juanito / Juan
        if any(stem == other or given_groups(stem) & given_groups(other) for stem in _undiminished(short)):
            return True
    gender_a, gender_b = given_gender(a), given_gender(b)
    if gender_a and gender_b and gender_a != gender_b:
        return False
    if _feminine_form(a, b):
        return False
    keys_a, keys_b = spelling_keys(a), spelling_keys(b)
    if keys_a & keys_b:
        return True
    shorter, longer = sorted((a, b), key=len)
    # A clipped form (Dani, Sasha's Alex) is no name of its own; Maria / Mariana, Julia / Julian are.
    if len(shorter) >= GIVEN_PREFIX_MIN and longer.startswith(shorter) and not is_given_name(shorter):
        return True
    return any(
        _close(key_a, key_b, GIVEN_ONE_EDIT_MIN) == CLOSE or _vowel_variant(key_a, key_b) or indic_variant(key_a, key_b)
        for key_a in keys_a
        for key_b in keys_b
    )


def _ukrainian_given_match(a: NameParts, b: NameParts) -> bool:
    """Given names that agree once read the Ukrainian way (h for Russian g) when either surname
    looks Ukrainian: Hanna Melnyk / Ганна Мельник (read Ganna by anyascii)."""
    if not any(s and UKRAINIAN_WORD.search(s) for s in (a.surname, b.surname)):
        return False
    return given_match(read_rules(a.given, UKRAINIAN_READING), read_rules(b.given, UKRAINIAN_READING))


def _undiminished(given: str) -> tuple[str, ...]:
    """The names a Spanish diminutive comes from: Lupita -> lup, lupa, lupe, lupo."""
    for ending in nl.DIMINUTIVE_ENDINGS:
        stem = given.removesuffix(ending)
        if stem != given and len(stem) >= GIVEN_PREFIX_MIN - 1:
            return (stem, stem + "a", stem + "e", stem + "o")
    return ()


def _feminine_form(a: str, b: str) -> bool:
    """Daniel / Daniela, Ivan / Ivana, Mario / Maria: a gendered pair of given names."""
    shorter, longer = sorted((a, b), key=len)
    if any(longer == shorter + ending for ending in nl.FEMININE_GIVEN_ENDINGS):
        return True
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} in ({"a", "o"}, {"a", "e"}, {"a", "us"})


def _middle_match(a: NameParts, b: NameParts) -> bool:
    """Middle names and patronymics, where both sides give one, must agree."""
    if a.patronymic and b.patronymic and not given_match(a.patronymic, b.patronymic):
        if spelling_key(a.patronymic)[:5] != spelling_key(b.patronymic)[:5]:
            return False
    if a.middle and b.middle:
        return all(given_match(x, y) for x, y in zip(a.middle, b.middle))
    return True


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def name_relation(a: NameParts, b: NameParts) -> str:
    """How two parsed names relate: FULL, INITIAL, SURNAME_ONLY, GIVEN_ONLY or NONE."""
    if a.empty or b.empty:
        return NONE
    if a.gender and b.gender and a.gender != b.gender:
        return NONE
    if a.generation and b.generation and a.generation != b.generation:  # Sr. and Jr.
        return NONE
    if a.sinic or b.sinic:
        sinic = _sinic_relation(a, b)
        if sinic is not None:
            return sinic
    korean = _korean_relation(a, b)
    if korean is not None:
        return korean
    if not (a.lone or b.lone) and _whole_keys(a) & _whole_keys(b):  # Kim Jong Un / Kim Jong-un
        return FULL
    if a.lone and b.lone:
        return SURNAME_ONLY if surname_match(a.surname, b.surname) or a.surname == b.surname else NONE
    if a.lone or b.lone:
        single, full = (a, b) if a.lone else (b, a)
        if full.surname and surname_match(single.surname, full.surname):
            return SURNAME_ONLY
        if full.given and len(full.given) > 1 and is_given_name(single.surname) and given_match(single.surname, full.given):
            return GIVEN_ONLY
        return NONE
    similarity = surname_similarity(a.surname, b.surname) if a.surname and b.surname else None
    if similarity is None:
        return FULL if _double_surname(a, b) or _double_surname(b, a) else NONE
    if not a.given or not b.given:  # "Abu Marzouq" against "Moussa Abu Marzouq"
        return SURNAME_ONLY
    if not (given_match(a.given, b.given) or _ukrainian_given_match(a, b)):
        # Known by a middle name: Tayyip Erdogan / Recep Tayyip Erdogan.
        if any(given_match(a.given, m) for m in b.middle) or any(given_match(b.given, m) for m in a.middle):
            return FULL
        return NONE
    if not _middle_match(a, b):
        return NONE
    if similarity == LOOSE:
        return LOOSE
    return INITIAL if min(len(a.given), len(b.given)) == 1 else FULL


def _sinic_relation(a: NameParts, b: NameParts) -> str | None:
    """FULL or NONE for two Chinese names (syllable keys of both parts equal: a vowel makes
    another name, Xiaoling / Xiaolong); SURNAME_ONLY for a bare surname; None when only one
    side reads as Chinese and has a given name (the general rules decide)."""
    if a.sinic and b.sinic:
        # Two pinyin spellings compare as written (Bo / Po, Jing / Qing are other names); Wade-Giles
        # drops the marks that tell them apart, so either side in it compares by sinic keys.
        key = sinic_key if _wade_giles(a) or _wade_giles(b) else _plain
        same = key(a.surname) == key(b.surname) and key(a.given) == key(b.given)
        return FULL if same else NONE
    single = b if a.sinic else a
    full = a if a.sinic else b
    if single.lone:
        return SURNAME_ONLY if sinic_key(single.surname) == sinic_key(full.surname) else NONE
    return None


def _plain(word: str) -> str:
    return word.replace("-", "")


def _wade_giles(parts: NameParts) -> bool:
    return parts.surname in nl.WADE_GILES_SURNAMES or bool(re.search(nl.WADE_GILES_MARKS, parts.given or ""))


def _double_surname(a: NameParts, b: NameParts) -> bool:
    """A name with one more surname or forebear's name at its end (Rafael Dominguez Ortega, a Spanish
    double surname; Abiy Ahmed Ali, a father's and grandfather's name) against the name without it
    (Rafael Dominguez, Abiy Ahmed): given names agree, the last middle word is the other's surname."""
    if not (a.middle and a.given and b.given and b.surname and given_match(a.given, b.given)):
        return False
    paternal = a.middle[-1]
    if len(paternal) < PATERNAL_SURNAME_MIN:
        return False
    return surname_similarity(paternal, b.surname) in (SAME, CLOSE)


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def _whole_keys(parts: NameParts) -> frozenset[str]:
    """Every part's key, word by word (a letter doubled across two words is no double letter), in
    the order written; a Korean name read given name first is also keyed surname first."""
    orders = [(parts.given, *parts.middle, parts.patronymic, parts.surname)]
    if parts.korean:
        orders.append((parts.surname, parts.given))
    return frozenset(
        "".join(spelling_key(word) for word in " ".join(p for p in order if p).replace("-", " ").split())
        for order in orders
    )


@lru_cache(maxsize=RELATION_CACHE_SIZE)
def blocking_keys(name: str, lookup: bool = False) -> frozenset[str]:
    """Short keys under which a name is indexed; two names that may match share one.

    ``s:`` the first three letters of the surname's spelling key (Trufanova,
    Troufanova and Trupanova all give "tru"); ``m:`` its phonetic code's first
    three letters, for variants that differ early (Kriwoi / Krivoi agree on
    both); ``g:`` the given name's variant groups and key, so a bare "Andrei"
    finds "Andrei Hollis". With ``lookup`` a full name gives only its surname
    keys: it need not meet every namesake of its given name.
    """
    parts = parse(name)
    keys: set[str] = set()
    surnames = {parts.core, (parts.core or "").split()[-1] if parts.core else None}
    surnames.add(parts.surname)  # with its particles, as "Vandermeer" and "Ben-Dror" write them
    if parts.middle and len(parts.middle[-1]) >= PATERNAL_SURNAME_MIN:
        surnames.add(parts.middle[-1])  # the first of a Spanish double surname
    for surname in surnames - {None, ""}:
        for key in _surname_keys(surname):
            if key:
                keys.add(f"s:{key[:3]}")
                keys.add(f"s:{indic_key(key)[:3]}")  # Dev meets Deb
                keys.add(f"m:{jellyfish.metaphone(key)[:3]}")
        if parts.sinic or parts.lone:
            keys.add(f"c:{sinic_key(surname)}")  # Zhang / Chang meet under "jank"
        korean = korean_surname_group(surname)
        if korean is not None:
            keys.add(f"k:{korean}")  # Lee / Yi meet under one group
    given = parts.surname if parts.lone else parts.given
    if lookup and not parts.lone and parts.surname:
        given = None
    if given and len(given) > 1:
        keys.update(f"g:{group}" for group in given_groups(given))
        keys.update(f"g:{key}" for key in spelling_keys(given))
    return frozenset(keys)
