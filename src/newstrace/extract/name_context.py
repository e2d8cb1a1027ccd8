"""What the tokens around a name say it names: a product, a brand, a place in a list, an outlet,
a noun it qualifies. Plain tests over a ``DocView``, used by ``mentions._trim``."""

from __future__ import annotations

import re

from ..lexicon import products
from ..lexicon import words as lx
from ..link import names, wordnet
from .tokens import DocView

# A capital after five or more letters of one word: "SpaceX", "NotreDame", not "FitzGerald".
_RUN_TOGETHER = re.compile(r"^[A-Z][a-z]{4,}[A-Z]")
# Two capitalised parts of three letters or more run together: "MagSafe", "AirPods", "GateHouse".
_TWO_PARTS = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$")
# Tags of the word after "the Name" when the name is the phrase's head and does something:
# "the Steelers spent", "the Browns had", "Cessna has flown", "the Lib Dems would".
_HEAD_FOLLOWERS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A stock ticker: two to five capitals ("LOW", "AAPL"); one letter is a party ("Schiff (D)").
_TICKER = re.compile(r"^[A-Z]{2,5}$")
# Capitals in brackets after a person's name that are an office or an honour, not a ticker.
_AFTER_NAME_ACRONYMS = frozenset("mp mla mep msp ceo cfo cto qc kc mbe obe cbe ias ips md phd".split())
# A model code before a name: "737 Max", "A320 Neo"; not a year or a day ("2019 Smith", "18 Gandhi").
_MODEL_CODE = re.compile(r"^(?:\d{3}|[A-Z]{1,2}\d{1,4}[a-z]?)$")
_MODEL_NUMBER = re.compile(r"^[A-Z]{0,2}\d{1,4}[a-z]?$")
PLACE_LABELS = frozenset({"GPE", "LOC"})
_LIST_SEPARATORS = frozenset({",", "and"})


def is_product(view: DocView, start: int, end: int) -> bool:
    """A model number after the name: "Pixel 7", "Android 13", "Galaxy S22" (an age is written
    "Krivoi, 25" or "Krivoi (25)", and a glued "Tati73" carries no space)."""
    if end >= view.n or not view.doc[end - 1].whitespace_:
        return False
    number = view.doc[end].text
    if not _MODEL_NUMBER.match(number) or view.lower(end + 1) in ("year", "years", "-"):
        return False
    # A roster writes "Megan Cook 4": after a full name only a code with letters ("G3") is a model.
    return end - start == 1 or not number.isdigit()


def is_brand(view: DocView, start: int, end: int) -> bool:
    """A model number before the name ("737 Max", "Boeing 777 Dreamliner") or a word run
    together from capitalised words ("SpaceX", "NotreDame", "WhatsApp"). Surnames with an
    inner capital have a short prefix before it ("McDonald", "DeSantis", "FitzGerald")."""
    if start > 0 and view.doc[start - 1].whitespace_ and _MODEL_CODE.match(view.doc[start - 1].text):
        return True
    return any(_RUN_TOGETHER.search(view.doc[i].text) or _words_run_together(view.doc[i].text) for i in range(start, end))


def _words_run_together(word: str) -> bool:
    """Two English words written as one with a capital each ("MagSafe", "AirPods", "BlackRock"):
    a brand's shape. A surname's prefix is no word ("McCain", "DiCaprio"), or its second part is a
    name ("MacArthur"), or its prefix a particle ("VanDyke").
    """
    parts = _TWO_PARTS.match(word)
    if parts is None or not wordnet.available():
        return False
    first, second = parts.group(1).lower(), parts.group(2).lower()
    return first not in lx.NAME_PARTICLES and all(
        wordnet.is_word(part) and not names.is_given_name(part) and not wordnet.names_a_person(part)
        for part in (first, second)
    )


def acts_as_a_group(view: DocView, start: int, end: int) -> bool:
    """"The Steelers spent", "the Browns had", "the Lib Dems would": after "the", a name that
    heads its phrase and does something names a team, a company or a party; a person's name takes
    no article ("the Trump campaign", where it qualifies a noun, is ``is_noun_modifier``)."""
    return view.lower(start - 1) == "the" and end < view.n and view.tag(end) in _HEAD_FOLLOWERS


def quoted_with_a_ticker(view: DocView, end: int) -> bool:
    """ "Lowe's (LOW) stock", "Ubisoft (UBI)": a stock ticker in brackets after the name (or its
    possessive) names a listed company; an agency's credit ("(PTI)") and an office ("(MP)") do not."""
    k = end + 1 if view.is_possessive(end) else end
    if view.lower(k) != "(" or view.lower(k + 2) != ")":
        return False
    ticker = view.doc[k + 1].text if k + 1 < view.n else ""
    return bool(_TICKER.match(ticker)) and ticker.lower() not in lx.NEWS_OUTLETS | _AFTER_NAME_ACRONYMS


def listed_with_places(view: DocView, start: int, end: int) -> bool:
    """ "Punjab, Mizoram and Rajasthan": a name inside a list (a separator on both sides) next
    to a well-known place. "In Moscow, Putin said" and "Liu He, China's negotiator" are no lists."""
    if view.lower(start - 1) not in _LIST_SEPARATORS or view.lower(end) not in _LIST_SEPARATORS:
        return False
    return known_place_at(view, start - 2) or known_place_at(view, end + 1)


def known_place_at(view: DocView, k: int) -> bool:
    """Token ``k`` is inside a place entity whose name is a well-known place."""
    doc = view.doc
    if k < 0 or k >= view.n or view.ent_type(k) not in PLACE_LABELS:
        return False
    first, last = k, k
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last + 1 < view.n and doc[last + 1].ent_iob_ == "I":
        last += 1
    words = [doc[i].lower_ for i in range(first, last + 1) if doc[i].lower_ not in lx.LEADING_DETERMINERS]
    return " ".join(words) in lx.KNOWN_PLACES


def names_an_outlet(view: DocView, start: int, end: int, joined: str) -> bool:
    """ "Sputnik", "the Times of Israel", "Reuters Inputs", "AFP Photo": a news outlet or agency,
    alone or first in a longer name ("Michael Bloomberg" is a person; "Ani" a given name)."""
    if joined in lx.NEWS_OUTLETS:
        return True
    first = view.doc[start].text
    return end - start > 1 and first.lower() in lx.NEWS_OUTLETS and (first.isupper() or len(first) >= 5)


def descriptor_before(view: DocView, start: int) -> str:
    """The lowercase noun before a name: "chain" in "the bakery chain Crumbwell", "town" in
    "the town of Halden"."""
    k = start - 1
    if view.lower(k) == "of":
        k -= 1
    return view.lower(k) if k >= 0 and view.doc[k].is_lower else ""


def is_noun_modifier(view: DocView, start: int, end: int) -> bool:
    """One capitalised word between an article and a common noun: "the Molvane security
    analyst", "the Hollis family". It names what the noun belongs to, not a person; unless the
    noun is the person ("the Gandhi scion")."""
    doc = view.doc
    return (
        end - start == 1
        and view.lower(start - 1) in {"the", "a", "an"}
        and end < len(doc)
        and doc[end].is_lower
        and doc[end].pos_ == "NOUN"
        and doc[end].lower_ not in lx.PERSON_NOUNS
    )


def is_place_appositive(view: DocView, start: int, end: int) -> bool:
    """ "the capital, Molvane." / "the town, Halden,": a place noun, a comma and the name
    closing the phrase."""
    doc = view.doc
    return (
        view.lower(start - 1) == ","
        and view.lower(start - 2) in lx.PLACE_DESCRIPTORS
        and view.lower(start - 3) == "the"
        and (end >= len(doc) or doc[end].is_punct)
    )


def names_a_store(view: DocView, start: int, end: int) -> bool:
    """A name with a possessive that stands alone, as a shop or company is named: "Rival Lowe's
    was also lower", "LOWE'S COMPANIES INC." (a person's possessive is followed by what is theirs:
    "Modi's government")."""
    if not view.is_possessive(end):
        return False
    after = end + 1
    if after >= view.n:
        return True
    if view.lower(after).rstrip(".") in lx.COMPANY_FORMS:
        return True
    return view.has_tags and (view.tag(after).startswith("VB") or view.tag(after) == "MD")


def after_street_word(view: DocView, start: int) -> bool:
    """ "corso Monforte, 15", "via Roma": a street word before the name, as addresses are written."""
    return view.lower(start - 1) in lx.STREET_WORDS


def names_a_product(view: DocView, start: int, end: int) -> bool:
    """A brand first ("Nintendo Switch", "Dell Alienware") or a product-line word last ("MacBook
    Pro", "Chromecast Ultra") in a name of several words; "Peter Max" (a given name first) is a
    person's."""
    if end - start < 2:
        return False
    first, last = view.lower(start), view.lower(end - 1)
    return first in products.BRANDS or (last in products.PRODUCT_TAIL_WORDS and not names.is_given_name(first))
