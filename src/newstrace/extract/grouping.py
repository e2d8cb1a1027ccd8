"""One kind per name, and short forms joined to the full name they stand for.

Mentions with the same name form a group; the group takes the kind with the
most votes over all its mentions (``voting.decide``). Then each surname or
shorter form ("Krivoi", "Abu Marzouq") joins a full personal name it ends
("Roni Krivoi", "Moussa Abu Marzouq"), a name without its middle name ("Biplab
Deb") joins the full name ("Biplab Kumar Deb"), and a given name ("Anil", "Elena"), one
of its short forms ("Lena", "Sasha") or a quoted nickname joins the full name it
starts ("Anil Ambani", "Elena Trufanova", 'Alexander "Sasha" Troufanov'), and a full name
with a clipped or pet given name ("Pat Carlineo") joins the one with the whole given name
("Patrick W. Carlineo"):

* the one such person introduced before the mention, else
* the one such person in the whole article (a headline may come first);
* with two candidates ("Brevik" after both Tomas and Sofie Brevik) the
  mention joins neither and is dropped: no guessing.

Last, surnames of people that the model left unlabelled ("Okafor told
reporters") become mentions by the same rule.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..link import names, wordnet
from ..link.romanisation import indic_variant
from ..lexicon import words as lx
from .mentions import THING_LABELS
from .name_shapes import CLOSING_QUOTES, MIN_SPOTTED_GIVEN_CHARS, OPENING_QUOTES, Mention
from .tokens import DocView
from .voting import MODEL_LABEL_VOTE, PERSON, decide


# How many letters shorter than the full given name a pet form of it is at least ("Sasha" for
# "Alexander", "Dima" for "Dmitry"); names of one length are two names ("Helen", "Ellen").
PET_FORM_SHORTER_BY = 2


@dataclass(eq=False)
class Group:
    """All mentions of one name (and, after joining, of its shorter forms)."""

    key: str
    words: tuple[str, ...]
    members: list[Mention] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    kind: str = PERSON
    introduced: int = 0  # token where the full name first appears

    @property
    def first_label(self) -> str:
        return next((m.label for m in self.members if m.label), "")

    @property
    def start(self) -> int:
        return min(m.start for m in self.members)

    @property
    def nicknames(self) -> frozenset[str]:
        """Quoted nicknames written inside the full name ('Alexander "Sasha" Troufanov')."""
        return frozenset(m.nickname.casefold() for m in self.members if m.nickname)


def key_of(mention: Mention) -> str:
    """Grouping key: the canonical name for known aliases ("US" -> "united states"), else the name."""
    canonical = lx.NAME_ALIASES.get(" ".join(mention.words)) or lx.NAME_ALIASES.get(mention.name.lower())
    return canonical.lower() if canonical else mention.name.casefold()


def group(mentions: list[Mention]) -> list[Group]:
    """Groups by name, each with its decided kind, in order of first mention."""
    groups: dict[str, Group] = {}
    for mention in mentions:
        key = key_of(mention)
        if key not in groups:
            groups[key] = Group(key, mention.words, introduced=mention.start)
        found = groups[key]
        if len(mention.words) > len(found.words):
            found.words = mention.words
        found.members.append(mention)
        found.votes.update(mention.votes)
    for found in groups.values():
        found.kind = decide(found.votes, found.first_label)
    return list(groups.values())


def person_shaped(found: Group) -> bool:
    """ "Moussa Abu Marzouq", "Bashar al-Assad": two or more name words, no org or place word."""
    words = found.words
    if len(words) < 2 or words[0] in lx.PLACE_LEADING_WORDS or words[-1] in lx.PLACE_TRAILING_WORDS:
        return False
    return not any(word in lx.ORG_WORDS for word in words) and all(
        word.isalpha() or word in lx.NAME_PARTICLES or "-" in word or _is_middle_initial(word, k, len(words))
        for k, word in enumerate(words)
    )


def _is_middle_initial(word: str, k: int, count: int) -> bool:
    """ "w." in "Patrick W. Carlineo": an initial between the given name and the surname."""
    return 0 < k < count - 1 and len(word) == 2 and word[0].isalpha() and word[1] == "."


def _ends_with(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[-len(short) :] == short


def _one_surname(a: str, b: str) -> bool:
    """One surname, or two Indic romanisations of it ("Dev" / "Deb")."""
    return a == b or indic_variant(a, b)


def _shorter_form(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "Krivoi" or "Abu Marzouq" (the end of the name), "Biplab Deb" or "Biplab Dev" for "Biplab
    Kumar Deb" (the given name and surname, a middle name left out), or "Priyanka Gandhi" for "Priyanka
    Gandhi Vadra" (its first words)."""
    if _ends_with(short, long):
        return True
    if 1 < len(short) < len(long) and short[0] == long[0] and _one_surname(short[-1], long[-1]):
        return True
    # "Priyanka Gandhi" for "Priyanka Gandhi Vadra": the name without its last surname.
    if 1 < len(short) < len(long) and long[: len(short)] == short and long[-1] not in lx.NAME_PARTICLES:
        return True
    # "Pat Carlineo" for "Patrick (W.) Carlineo": a clipped or pet given name, one surname.
    return (
        1 < len(short) <= len(long)
        and short[-1] == long[-1]
        and short[1:-1] in ((), long[1:-1])
        and short[0] != long[0]
        and _short_form_of(short[0], long[0])
        and not _short_form_of(long[0], short[0])
    )


def _pick(candidates: list[Group], at: int) -> Group | None:
    """The one person a short form at token ``at`` stands for, or None when unclear."""
    before = [c for c in candidates if c.introduced < at]
    if len(before) == 1:
        return before[0]
    if not before and len(candidates) == 1:
        return candidates[0]
    return None


def _given_name_of(found: Group, full: list[Group]) -> list[Group]:
    """Full names a lone word may be the given name of: its quoted nickname ("Sasha"), the
    same given name ("Anil" / "Anil Ambani") or a form of it ("Lena" / "Elena Trufanova").
    A word the model did not call a person must be a given name our tables know."""
    word = found.words[0]
    nicknamed = [f for f in full if word in f.nicknames]
    if nicknamed:
        return nicknamed
    if found.kind != PERSON and not names.is_given_name(word):
        return []
    return [f for f in full if f.words[0] == word or _short_form_of(word, f.words[0])]


def _short_form_of(word: str, given: str) -> bool:
    """ "Yelena" / "Elena" (one spelling), "Lena" / "Elena" (clipped), "Sasha" / "Alexander" (a
    shorter pet form); not "Helen" / "Ellen", two names of one family that are two people."""
    if len(given) <= 2 or "." in given or not names.given_match(word, given):
        return False  # an initial ("J.", "JP") matches any given name
    clipped = given.startswith(word) or given.endswith(word)
    shorter = len(word) <= len(given) - PET_FORM_SHORTER_BY
    return names.spelling_key(word) == names.spelling_key(given) or clipped or shorter


def resolve(groups: list[Group]) -> list[Group]:
    """Join short forms to full names and settle the kinds of mislabelled full names."""
    full = [g for g in groups if person_shaped(g)]
    maximal = [g for g in full if not any(_shorter_form(g.words, other.words) for other in full)]
    matches: dict[str, list[Group]] = {}
    for found in groups:
        if " ".join(found.words) in lx.KNOWN_PLACES:
            continue  # "Washington" stays the city next to "George Washington"
        # Directly, or through a shorter full name: "Gandhi" ends "Priyanka Gandhi", which
        # starts "Priyanka Gandhi Vadra".
        shorter = [g for g in full if _shorter_form(found.words, g.words)]
        candidates = [f for f in maximal if f in shorter or any(_shorter_form(g.words, f.words) for g in shorter)]
        if not candidates and len(found.words) == 1:
            candidates = _given_name_of(found, maximal)
        if candidates:
            matches[found.key] = candidates
    # A full name the model mislabelled ("Irina Tati" ORG) counts its surname's votes too; so does
    # one that is a person only for its given name ("Walt Disney" beside twelve "Disney" as an
    # organization).
    for name in maximal:
        if name.kind == PERSON and not _person_for_its_given_name(name):
            continue
        pooled = Counter(name.votes)
        for found in groups:
            candidates = matches.get(found.key, [])
            if len(candidates) == 1 and candidates[0] is name:
                pooled.update(found.votes)
        name.kind = decide(pooled, name.first_label)
    kept = []
    genders = {id(name): _genders(name) for name in maximal}  # before short forms join them
    for found in groups:
        people = [f for f in matches.get(found.key, ()) if f.kind == PERSON]
        if not people:
            kept.append(found)
            continue
        apart = []  # mentions whose title gives another gender than every full name ("Mr. Obama")
        for mention in found.members:
            fitting = [p for p in people if not (mention.gender and genders[id(p)] - {mention.gender})]
            if not fitting:
                apart.append(mention)
                continue
            target = _pick(fitting, mention.start)
            if target is not None:
                target.members.append(mention)
        if apart:
            found.members = apart
            kept.append(found)
    return kept


def _genders(full: Group) -> set[str]:
    """The gender a full name's given name tells, if any: "Mr. Obama" is not Michelle Obama,
    "Mrs. Clinton" not Bill Clinton. (A role's gender, "chairman", is a guess: not used here.)"""
    return {names.given_gender(full.words[0])} - {None}


def _person_for_its_given_name(found: Group) -> bool:
    """The model called none of its mentions a person; its given name made it one."""
    return any(m.misread for m in found.members) and not any(m.label == PERSON for m in found.members)


def add_unlabelled_surnames(view: DocView, groups: list[Group], covered: set[int]) -> list[Mention]:
    """Surnames of known people that carry no entity label, or one that names no kind ("Okafor
    told reporters", "Menear continued" as a product), given names our tables know of one
    person in the article ("Rahul said" after "Rahul Gandhi"), and full names written again
    where the model labelled nothing ("Kepa Arrizabalaga" once labelled, once not)."""
    surnames: dict[str, list[Group]] = {}
    given_names: dict[str, list[Group]] = {}
    full_names: dict[tuple[str, ...], Group] = {}
    for found in groups:
        if found.kind == PERSON and person_shaped(found):
            full = next(m for m in found.members if m.words == found.words)
            surnames.setdefault(view.tokens[full.end - 1].text, []).append(found)
            given = view.tokens[full.start]
            if len(given.text) >= MIN_SPOTTED_GIVEN_CHARS and names.is_given_name(given.lower_):
                given_names.setdefault(given.text, []).append(found)
            full_names[tuple(view.words[full.start : full.end])] = found
    if not surnames:
        return []
    added = []
    doc = view.tokens
    for token in doc:
        if token.i in covered:
            continue
        repeated = _repeated_full_name(view, token.i, full_names, covered)
        if repeated is not None:
            target, mention = repeated
            target.members.append(mention)
            added.append(mention)
            covered.update(range(mention.start, mention.end))
            continue
        people = surnames.get(token.text) or given_names.get(token.text)
        if not people or (token.ent_type_ and not _names_no_kind(view, token.i)):
            continue
        i = token.i
        if view.is_capitalised(i + 1) and doc[i + 1].is_alpha:
            continue  # part of another name ("Vance Street")
        title = view.lower(i - 1).rstrip(".") in lx.TITLE_HEADS or view.lower(i - 1) in lx.HONORIFICS
        if i > view.sentence_start(i) and view.is_capitalised(i - 1) and doc[i - 1].is_alpha and not title:
            continue  # part of another name; "PM Modi", "Mr Okafor" are the surname after a title
        if token.text not in surnames and view.tag(i + 1) in ("NN", "NNS"):
            continue  # a given name alone before a noun: "Bilkis case" names a case, not her
        target = _pick(people, i)
        if target is not None:
            mention = Mention(i, i + 1, "", token.text, token.text, (token.lower_,))
            target.members.append(mention)
            added.append(mention)
    return added


def _names_no_kind(view: DocView, i: int) -> bool:
    """Token ``i`` is a one-token entity under a label for a thing ("Menear" as a product)."""
    doc = view.tokens
    return (
        doc[i].ent_type_ in THING_LABELS
        and doc[i].ent_iob_ == "B"
        and (i + 1 >= view.n or doc[i + 1].ent_iob_ != "I")
    )


def _repeated_full_name(
    view: DocView, i: int, full_names: dict[tuple[str, ...], Group], covered: set[int]
) -> tuple[Group, Mention] | None:
    """The tokens from ``i`` spell a known full name, none labelled or covered, and no
    capitalised word runs on after it (a longer name)."""
    doc, texts = view.tokens, view.words
    for words, found in full_names.items():
        end = i + len(words)
        if end > view.n or tuple(texts[i:end]) != words:
            continue
        if any(k in covered or doc[k].ent_type_ for k in range(i, end)):
            continue
        runs_on = end < view.n and view.is_capitalised(end) and doc[end].is_alpha
        if runs_on or (i > 0 and view.is_capitalised(i - 1) and doc[i - 1].is_alpha):
            continue
        name = view.char_span(i, end)
        return found, Mention(i, end, "", name, name, tuple(doc[k].lower_ for k in range(i, end)))
    return None


def common_words_only(view: DocView, found: Group, lowercase: frozenset[str]) -> bool:
    """A "person" that only the model's label makes one, with nothing in the text that says
    person (no age, role, kinship, given name we know: those vote; no speech verb next to it):

    * named by common words: each is one the page also writes in lowercase, or an English word
      (WordNet) that is no person's name: "Pixel", "Gorilla Glass", "Analysis Cell"; or a
      product's colour ("Space Black");
    * a place: WordNet lists the whole name as a place or natural feature ("Mauna Kea"), or it
      is a listed place with common or compass words after it ("Wichita North");
    * a term the page quotes each time it names it ("about 'Nari Shakti'"), or names only inside
      a quoted title ("the 'Melvin and Howard' star");
    * a name the page also writes as a location, after "in", "at", "from" ("held in Wichita North"),
      or one word named once, opening a line before a colon: a dateline ("Agartala: Biplab ...");
    * or one word, never the subject of a verb in the parse: "Udaipur", "Patidar", "Joomla"
      ("Noem tweeted", "Kharge added" stay). Without a parse (a blank doc) not this rule.

    A one-word name the page also writes after a given name ("Donald Trump") is a person's.
    """
    if found.kind != PERSON:
        return False
    labelled = sum(MODEL_LABEL_VOTE for m in found.members if m.label == PERSON)
    if found.votes[PERSON] > labelled or any(_speaks(view, m) for m in found.members):
        return False
    if _in_a_full_name(view, found):
        return False  # "Trump" where the page also writes "Donald Trump"
    words = found.words
    if all(_common_word(word, lowercase) for word in words) or _colour_name(words, lowercase):
        return True
    if _place_name(words, lowercase) or _used_as_place(view, found) or _dateline(view, found):
        return True
    if all(_quoted(view, m) or _in_quoted_title(view, m) for m in found.members):
        return True
    return (
        view.has_tags
        and len(found.words) == 1
        and not names.is_given_name(found.words[0])
        and not any(_subject(view, m) for m in found.members)
    )


def _speaks(view: DocView, mention: Mention) -> bool:
    """ "Trump said", "said Trump": a speech verb next to the name."""
    return view.lower(mention.end) in lx.SPEECH_VERBS or view.lower(mention.start - 1) in lx.SPEECH_VERBS


def _subject(view: DocView, mention: Mention) -> bool:
    return view.doc[mention.start : mention.end].root.dep_ in ("nsubj", "nsubjpass")


def _common_word(word: str, lowercase: frozenset[str]) -> bool:
    if "-" in word.strip("-"):  # "Mars-Moon": each part a common word
        return all(_common_word(part, lowercase) for part in word.split("-"))
    if not word.isalpha() or names.is_given_name(word):
        return False
    return word in lowercase or (wordnet.is_word(word) and not wordnet.names_a_person(word))


def _colour_name(words: tuple[str, ...], lowercase: frozenset[str]) -> bool:
    """ "Space Black", "Midnight Green": a common word, then a colour."""
    return len(words) == 2 and words[1] in lx.COLOUR_WORDS and _common_word(words[0], lowercase)


def _place_name(words: tuple[str, ...], lowercase: frozenset[str]) -> bool:
    """ "Mauna Kea" (WordNet lists the phrase as a place), "Wichita North" (a listed place, then
    common or compass words), "Northern Illinois" (a compass word, then a place). A given name first ("Jordan Peele") is no place."""
    if not wordnet.available() or names.is_given_name(words[0]):
        return False
    if len(words) > 1 and wordnet.names_a_place(" ".join(words)):
        return True
    if len(words) > 1 and words[0] in lx.COMPASS_WORDS and wordnet.names_a_place(" ".join(words[1:])):
        return True  # "Northern Illinois"
    return (
        len(words) > 1
        and wordnet.names_a_place(words[0])
        and all(w in lx.COMPASS_WORDS or _common_word(w, lowercase) for w in words[1:])
    )


def _quoted(view: DocView, mention: Mention) -> bool:
    """The mention sits between quotes: a term cited, not a person named."""
    evidence = view.evidence(mention.start, mention.end)
    text = view.text
    return (
        evidence.start > 0
        and evidence.end < len(text)
        and text[evidence.start - 1] in OPENING_QUOTES
        and text[evidence.end] in CLOSING_QUOTES
    )


# Most words in a quoted stretch read as a title ("Melvin and Howard", "The Hunchback of Notre Dame").
MAX_QUOTED_TITLE_WORDS = 6
# Double quotes only: a single quote is as often an apostrophe ("Gandhi's").
TITLE_QUOTES = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")


def _in_quoted_title(view: DocView, mention: Mention) -> bool:
    """The mention sits inside a short double-quoted stretch, on one line, that holds more than the
    name and whose longer words are all capitalised: the title of a film or a book ("the 'Melvin
    and Howard' star")."""
    evidence = view.evidence(mention.start, mention.end)
    text = view.text
    line_start = text.rfind("\n", 0, evidence.start) + 1
    line_end = text.find("\n", evidence.end)
    line_end = len(text) if line_end < 0 else line_end
    opening = max(text.rfind(q, line_start, evidence.start) for q in TITLE_QUOTES)
    closing = min((at for q in TITLE_QUOTES if (at := text.find(q, evidence.end, line_end)) >= 0), default=-1)
    if opening < 0 or closing < 0:
        return False
    words = text[opening + 1 : closing].split()
    long_words = [w for w in words if len(w) >= 4]
    return len(mention.words) < len(words) <= MAX_QUOTED_TITLE_WORDS and all(w[0].isupper() for w in long_words)


def played_by_an_actor(view: DocView, found: Group) -> bool:
    """A character of a film or a play: a name followed by the actor's full name in brackets
    ("Sylvia (Kate Winslet)")."""
    doc = view.tokens
    for mention in found.members:
        k = mention.end
        if view.lower(k) != "(":
            continue
        end = k + 1
        while end < view.n and view.ent_type(end) == "PERSON" and view.is_capitalised(end):
            end += 1
        if end - (k + 1) >= 2 and view.lower(end) == ")" and doc[k + 1].ent_iob_ == "B":
            return True
    return False


def _in_a_full_name(view: DocView, found: Group) -> bool:
    """A one-word name the page also writes right after a given name we know ("Donald Trump"):
    a person's surname, whatever else the word means."""
    if len(found.words) != 1:
        return False
    surname = view.tokens[found.members[0].start].text
    for match in re.finditer(rf"\b([^\W\d_]+)\s+{re.escape(surname)}\b", view.text):
        given = match.group(1)
        if given[:1].isupper() and names.is_given_name(given.lower()):
            return True
    return False


# Prepositions before a location: "in Udaipur", "at Mauna Kea", "flew from Agartala".
LOCATION_PREPOSITIONS = lx.PLACE_PREPOSITIONS | frozenset({"at", "from"})


def _used_as_place(view: DocView, found: Group) -> bool:
    """The page writes the name, whole, right after a location preposition and not as the start
    of a longer name or a possessive ("in Udaipur", not "from Trump's team", "in Udaipur City")."""
    name = re.escape(view.char_span(found.members[0].start, found.members[0].end))
    prepositions = "|".join(sorted(LOCATION_PREPOSITIONS))
    location = re.compile(rf"\b(?i:{prepositions})\s+{name}\b(?![-'\u2019]|\s+[A-Z])")
    return location.search(view.text) is not None


def _dateline(view: DocView, found: Group) -> bool:
    """One word named once, first on its line and followed by a colon: "Agartala: Biplab Kumar
    Deb on Saturday resigned". (A speaker's label in a transcript comes back line after line.)"""
    if len(found.words) != 1 or len(found.members) != 1:
        return False
    evidence = view.evidence(found.members[0].start, found.members[0].end)
    text = view.text
    opens_line = evidence.start == 0 or text[evidence.start - 1] == "\n"
    return opens_line and text[evidence.end : evidence.end + 2] == ": "
