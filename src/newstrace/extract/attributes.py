"""Ages, roles, nationalities and kinship around one name mention.

Each finder walks a few tokens left or right of the mention and returns what
the text says, with the token span that says it. Only token text, tags and
entity labels are read (no dependency parse), so the finders run the same on a
full parse and on a ``spacy.blank`` doc with hand-set entities; without tags
they fall back to the word lists alone.

Patterns:
    age          "Roni Krivoi, 25," / "25-year-old Roni Krivoi" / "Krivoi (25)" / ", aged 25" /
                 "Krivoi (25 years old)" / "Krivoi 25 years old" / glued "Krivoi25"; and a
                 sentence opening "The 23-year-old ..." (``sentence_opening_ages``)
    role         "Hamas spokesperson Bassem Naim" / "Roni Krivoi, a sound engineer" /
                 "President Vladimir Putin" (a title keeps its case)
    nationality  a nationality adjective (or country) inside a role: "Israeli Prime Minister"
    relation     "her mother, Irina Tati" / "Trufanova's husband, Vitaly Trufanov"
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon.names import GENERATION_SUFFIXES
from ..lexicon import words as lx
from .mentions import Mention
from .tokens import DocView
from .voting import ATTRIBUTE_VOTE, ROLE_VOTE

# Oldest age we read from "Name, NN": larger numbers next to a name are years or counts.
MAX_AGE = 120
# Entity labels whose tokens may stand inside a role ("Hamas spokesperson").
ROLE_ENTITY_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC"})
NATIONALITY_LABELS = frozenset({"NORP", "GPE"})
# Tokens that may follow an age appositive ("Elena Trufanova, 53, and ...").
AGE_BOUNDARY = frozenset({",", ".", ";", ":", ")", "and", "-", "\u2014", "\u2013"})
ARTICLES = frozenset({"a", "an", "the"})
# Words that may open a role phrase set off by a comma before a name ("Its chief executive, ...").
APPOSITIVE_LEADERS = ARTICLES | {"its", "his", "her", "their", "our"}
# Appositive groups read after a name: "Roni Krivoi, 25, a sound engineer" has two.
MAX_APPOSITIVES = 2


@dataclass(eq=False)
class Found:
    """One attribute as found: token span of its evidence, and how it votes."""

    field: str  # "age" | "role" | "nationality" | "relation"
    value: object
    start: int
    end: int
    vote: float = 0.0  # votes for "person"
    pronoun: str | None = None  # relation: "her" / "his" / "their" names the other person...
    anchor: int = -1  # ...at this token
    possessor: Mention | None = None  # relation: "Trufanova's husband"


def find(view: DocView, mention: Mention, ends: dict[int, Mention]) -> list[Found]:
    """Every attribute the text gives for ``mention``; ``ends`` maps end token -> mention."""
    return _before(view, mention) + _after(view, mention) + _relation(view, mention, ends)


# --- token tests ---------------------------------------------------------------


def _is_role_head(view: DocView, i: int) -> bool:
    word = view.lower(i).rstrip(".")
    if not word or view.doc[i].is_space:
        return False
    # PERSON: a title the model put inside the name span ("President Vladimir Putin").
    return (word in lx.ROLE_NOUNS or word in lx.TITLE_HEADS) and view.ent_type(i) in ("", "ORG", "PERSON")


def _is_common_role(view: DocView, i: int) -> bool:
    """A lowercase role noun: "speechwriter and political advisor" is one person's, while
    "the Queen and Prince Philip" are two people."""
    return _is_role_head(view, i) and view.doc[i].is_lower


def _is_common_word(view: DocView, i: int) -> bool:
    """A word capitalised only by position ("Senior", "Company"), not a proper name ("Liberal Democrat")."""
    text = view.doc[i].text
    if text.isupper():
        return False  # "CEO"
    word = text.lower()
    if word in lx.ROLE_MODIFIERS or word in lx.ROLE_NOUNS or word in lx.TITLE_HEADS:
        return True
    return view.tag(i) not in ("NNP", "NNPS") if view.has_tags else text.islower()


def _is_modifier(view: DocView, i: int) -> bool:
    """A word that may stand in a role phrase before its head noun."""
    token = view.doc[i]
    if token.is_space:
        return False  # a line break inside an entity span ends the phrase
    word = token.lower_
    if word in lx.ROLE_MODIFIERS or word in lx.ROLE_NOUNS:
        return True  # even inside a PERSON span: "Crown" in "Crown Prince Frederik"
    label = view.ent_type(i)
    if label:
        return label in ROLE_ENTITY_LABELS  # "Hamas", "Russian"; not "Last year" (DATE)
    tag = view.tag(i)
    if tag == "JJ" and token.is_alpha and word != "old":
        return not word.endswith("ed") or word in lx.ROLE_PARTICIPLES
    return tag in ("NN", "NNS") and token.is_alpha  # "sound engineer", "Company spokesman"


def _is_common_noun(view: DocView, i: int) -> bool:
    return view.tag(i) in ("NN", "NNS") and view.doc[i].is_lower


def _is_state_word(view: DocView, i: int) -> bool:
    """ "abducted", "released": describes what happened, not the role."""
    word = view.lower(i)
    return view.tag(i) in ("JJ", "VBN") and word.endswith("ed") and word not in lx.ROLE_PARTICIPLES


def _is_title_part(view: DocView, i: int, floor: int) -> bool:
    """A capitalised word in a title before its head: "Foreign" in "Foreign Minister"."""
    if view.ent_type(i) or not view.is_capitalised(i) or not view.doc[i].is_alpha:
        return False
    return view.tag(i) == "NNP" if view.has_tags else i > floor


def _year_old(view: DocView, j: int) -> tuple[int, int] | None:
    """(start token, age) when tokens ending at ``j`` read "25-year-old" / "25 year old"."""
    if view.lower(j) != "old":
        return None
    k = j - 1
    if view.lower(k) == "-":
        k -= 1
    if view.lower(k) not in ("year", "years"):
        return None
    k -= 1
    if view.lower(k) == "-":
        k -= 1
    if view.is_number(k) and 0 < int(view.doc[k].text) <= MAX_AGE:
        return k, int(view.doc[k].text)
    return None


def _year_old_after(view: DocView, p: int) -> tuple[int, int] | None:
    """(token after, age) when "25-year-old" starts at ``p``."""
    for length in (5, 3):
        if view.lower(p + length - 1) == "old" and _year_old(view, p + length - 1) == (p, _num(view, p)):
            return p + length, _num(view, p)
    return None


def sentence_opening_ages(view: DocView) -> list[Found]:
    """ "The 23-year-old flew to London": an age that opens a sentence as its subject, no name
    after it ("The 58-year-old Orlov drove away" is Orlov's, read with his name). Whose age it is
    the caller decides from the sentence before."""
    found = []
    for start in view.sentence_starts:
        k = start
        while k < view.n and view.doc[k].is_space:
            k += 1
        after = _year_old_after(view, k + 1) if view.lower(k) == "the" and view.is_capitalised(k) else None
        if after is None:
            continue
        end, age = after
        while end < view.n and view.doc[end].is_lower and (_is_role_head(view, end) or _is_modifier(view, end)):
            end += 1  # "The 23-year-old goalkeeper"
        if end < view.n and view.is_capitalised(end) and view.doc[end].is_alpha:
            continue
        found.append(Found("age", age, k, end))
    return found


def _is_verb(view: DocView, i: int) -> bool:
    """A verb by its tag; without tags, any lowercase word ("Tati73 was freed")."""
    return view.tag(i).startswith(("VB", "MD")) if view.has_tags else view.doc[i].is_lower


def _glued_to_name(view: DocView, k: int) -> bool:
    """An age-sized number written against the name with no space: "Irina Tati73"."""
    return k > 0 and 0 < _num(view, k) <= MAX_AGE and not view.doc[k - 1].whitespace_


def _num(view: DocView, i: int) -> int:
    return int(view.doc[i].text) if view.is_number(i) else -1


# --- role phrases --------------------------------------------------------------


def _role_findings(view: DocView, run: list[int], start: int, end: int) -> list[Found]:
    """Roles and nationalities from a run of tokens like "longtime speechwriter and political advisor"."""
    found = []
    chunks: list[list[int]] = [[]]
    for i in run:
        if view.lower(i) == "and":
            chunks.append([])
        else:
            chunks[-1].append(i)
    for chunk in chunks:
        if not chunk or not _is_role_head(view, chunk[-1]):
            continue
        head = chunk[-1]
        title = view.is_capitalised(head) and view.lower(head).rstrip(".") in lx.TITLE_HEADS
        kept = []
        for i in chunk:
            label = view.ent_type(i)
            if title and label in NATIONALITY_LABELS:
                continue  # "Israeli Prime Minister" -> role "Prime Minister", nationality Israeli
            text = view.doc[i].text
            if not title and not label and _is_common_word(view, i):
                text = text.lower()  # "Senior Hamas member" -> "senior Hamas member"
            kept.append(text + view.doc[i].whitespace_)
        role = "".join(kept).strip()
        vote = 0.0 if view.lower(head) in lx.AMBIGUOUS_ROLE_HEADS else ROLE_VOTE
        found.append(Found("role", role, start, end, vote=vote))
        found.extend(Found("nationality", value, start, end) for value in _nationalities(view, chunk, title))
    return found


def _nationalities(view: DocView, chunk: list[int], title: bool) -> list[str]:
    values: list[str] = []
    groups: list[list[int]] = []
    for i in chunk:
        label = view.ent_type(i)
        if label not in NATIONALITY_LABELS:
            continue
        if groups and groups[-1][-1] == i - 1 and view.ent_type(i - 1) == label:
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        text = view.char_span(group[0], group[-1] + 1)
        if view.ent_type(group[0]) == "GPE":
            # Only a title makes a country a nationality: a "US President" is American, an
            # "Italy coach" need not be Italian.
            nationality = lx.COUNTRY_NATIONALITY.get(text.lower().removeprefix("the ")) if title else None
            candidates = [nationality] if nationality else []
        else:
            candidates = [part for part in text.split("-") if part.lower() in lx.NATIONALITIES]
        values.extend(value for value in candidates if value not in values)
    return values


def _before(view: DocView, mention: Mention) -> list[Found]:
    """Role, title and "N-year-old" right before the name ("Hamas spokesperson Bassem Naim"),
    or before a comma after a determiner ("Its chief executive, Markus Vahter")."""
    if _is_role_head(view, mention.end) or _is_common_noun(view, mention.end):
        return []  # "24-year-old Los Angeles man": the name is a modifier here, not the person
    floor = view.sentence_start(mention.start)
    before = mention.start - 1
    if before >= floor and view.is_capitalised(before) and view.lower(before) in lx.NATIONALITIES:
        # "Russian Ron Krivoi": a nationality word right before the name, no role between
        return [Found("nationality", view.doc[before].text, before, mention.end)]
    right = mention.start - 1
    comma = view.lower(right) == ","
    if comma:
        right -= 1
    j = _scan_role_left(view, right, floor)
    run = list(range(j + 1, right + 1))
    while run and view.lower(run[0]) == "and":
        run.pop(0)
    age = _year_old(view, j)
    if comma:
        # "Its chief executive, Markus Vahter"; a capitalised title before a comma is more
        # often a list ("the Queen, Prince Philip") than an apposition.
        if run and not _is_common_role(view, run[-1]):
            return []
        lead = age[0] - 1 if age else j
        opened = lead < floor or view.lower(lead) in APPOSITIVE_LEADERS or view.is_possessive(lead)
        if not run or not opened:
            return []
    found = []
    if age is not None:
        found.append(Found("age", age[1], age[0], mention.end, vote=ATTRIBUTE_VOTE))
    if run:
        found.extend(_role_findings(view, run, run[0], mention.end))
    return found


def _scan_role_left(view: DocView, right: int, floor: int) -> int:
    """Walk left over a role phrase ending at ``right``; the index of the first token outside it."""
    j = right
    if j < floor or not _is_role_head(view, j):
        return j
    while j >= floor:
        if _is_role_head(view, j) or _is_modifier(view, j):
            j -= 1
        elif view.lower(j) == "and" and j - 1 >= floor and _is_common_role(view, j - 1):
            j -= 1
        elif _is_title_part(view, j, floor) and view.is_capitalised(j + 1):
            j -= 1
        else:
            break
    return j


def _after(view: DocView, mention: Mention) -> list[Found]:
    """ ", 25," / "(25)" / ", aged 25" / ", a sound engineer" right after the name."""
    found = []
    k = mention.end
    if view.lower(k).rstrip(".") in GENERATION_SUFFIXES:
        k += 1  # "Patrick Carlineo Jr., 55"
    if view.lower(k) == "(" and view.lower(k + 2) == ")" and 0 < _num(view, k + 1) <= MAX_AGE:
        return [Found("age", _num(view, k + 1), mention.start, k + 3, vote=ATTRIBUTE_VOTE)]
    bracketed = _year_old_after(view, k + 1) if view.lower(k) == "(" else None
    if bracketed is not None and view.lower(bracketed[0]) == ")":  # "(53 years old)"
        return [Found("age", bracketed[1], mention.start, bracketed[0] + 1, vote=ATTRIBUTE_VOTE)]
    plain = _year_old_after(view, k)  # "Trupanov 50 years old", glued or not
    if plain is not None:
        return [Found("age", plain[1], mention.start, plain[0], vote=ATTRIBUTE_VOTE)]
    after = k + 1
    if _glued_to_name(view, k) and (
        after >= view.n or view.lower(after) in AGE_BOUNDARY or _is_verb(view, after)
    ):
        return [Found("age", _num(view, k), mention.start, k + 1, vote=ATTRIBUTE_VOTE)]  # "Tati73,"
    for _ in range(MAX_APPOSITIVES):
        if view.lower(k) != ",":
            break
        a = k + 1 + (view.lower(k + 1) == "aged")
        if 0 < _num(view, a) <= MAX_AGE and (a + 1 >= view.n or view.lower(a + 1) in AGE_BOUNDARY):
            found.append(Found("age", _num(view, a), mention.start, a + 1, vote=ATTRIBUTE_VOTE))
            k = a + 1
            continue
        appositive, k = _appositive(view, k + 1, mention)
        if not appositive:
            break
        found.extend(appositive)
    return found


def _appositive(view: DocView, p: int, mention: Mention) -> tuple[list[Found], int]:
    """ "a 25-year-old sound engineer" starting at ``p``; returns findings and the token after."""
    stop = view.sentence_end(p)
    found = []
    if view.lower(p) in ARTICLES:
        p += 1
    age = _year_old_after(view, p)
    if age is not None and view.is_capitalised(age[0]) and view.doc[age[0]].is_alpha:
        return [], p  # "Navtej Cheema, the 58-year-old Sidhu ...": the age is the next name's
    if age is not None:
        found.append(Found("age", age[1], mention.start, age[0], vote=ATTRIBUTE_VOTE))
        p = age[0]
    while p < stop and _is_state_word(view, p):
        p += 1
    q = p
    while q < stop and (
        _is_role_head(view, q)
        or _is_modifier(view, q)
        or (view.lower(q) == "and" and q > p and _is_common_role(view, q - 1))
    ):
        q += 1
    heads = [i for i in range(p, q) if _is_role_head(view, i)]
    if heads and view.is_capitalised(heads[-1] + 1) and view.doc[heads[-1] + 1].is_alpha:
        heads = []  # "In Britain, the Queen and Prince Philip": the title belongs to the next name
    if heads:
        end = heads[-1] + 1
        found.extend(_role_findings(view, list(range(p, end)), mention.start, end))
        q = end
    return found, q


# --- kinship -------------------------------------------------------------------


def _relation(view: DocView, mention: Mention, ends: dict[int, Mention]) -> list[Found]:
    """ "her mother, Irina Tati": the mention is the mother of whoever "her" is."""
    j = mention.start - 1
    while view.lower(j) in lx.HONORIFICS:  # "his wife, Mrs Ada Hale"
        j -= 1
    if view.lower(j) == ",":
        j -= 1
    kin = view.lower(j)
    if kin not in lx.KINSHIP:
        return []
    p = j - 1
    while view.lower(p) in lx.KIN_MODIFIERS:
        p -= 1
    if view.lower(p) in lx.POSSESSIVE_PRONOUNS:
        return [Found("relation", kin, p, mention.end, vote=ATTRIBUTE_VOTE, pronoun=view.lower(p), anchor=p)]
    possessor = ends.get(p) if view.is_possessive(p) else None
    if possessor is not None:
        start = possessor.start
        return [Found("relation", kin, start, mention.end, vote=ATTRIBUTE_VOTE, possessor=possessor)]
    return []
