"""The model's two rule components as lookups: the same annotations at a fraction of the cost.

en_core_web_sm ends its pipeline with rules, not weights: an ``attribute_ruler`` (179 Matcher
patterns on a token's tag, lowercase form, dependency and whether it is a space: the tag map
that sets ``pos_`` and ``morph``, and exceptions that set lemmas) and a rule ``lemmatizer``.
Over 300 BBC articles they cost 2.16 s and 1.14 s of CPU, a sixth of the whole parse (tok2vec
5.07, ner 7.91, parser 2.27): the Matcher walks every pattern over every token, and the
lemmatizer recomputes every token's lemma in Python (its own cache is read only after the
base-form test, which builds a dict of the token's morphology each time).

``install(nlp)`` puts in their place components that compute exactly what they do:

* ``AttributeLookup`` reads the ruler's own patterns. A one-token pattern depends only on the
  token's (tag, lowercase form, dependency, is-space); the attributes all matching one-token
  patterns set, applied in the ruler's order, are worked out once per such key and kept. The
  few patterns of two tokens still run in a Matcher of their own. Each token then gets, in the
  ruler's order (later patterns win), what its key and its multi-token matches set, through
  spaCy's own ``set_token_attrs``. Every match is found before anything is set, as the ruler does.
* ``LemmaLookup`` keeps each lemma the rule lemmatizer computed, by (form, pos, morphology):
  the rule lemmatizer reads nothing else of a token (``Lemmatizer.rule_lemmatize`` and
  ``EnglishLemmatizer.is_base_form``), so a kept lemma is the one it would compute again.

A pattern the lookup cannot read (another attribute or operator than those of en_core_web_sm)
leaves the stock ruler in place; so does a lemmatizer in another mode than "rule" or set to
overwrite. ``tests/test_rule_lookups.py`` checks every token attribute equal to the stock
pipeline's on our fixtures and the seed; on all 2,225 BBC articles they were equal too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens._retokenize import set_token_attrs

ATTRIBUTE_LOOKUP = "newstrace_attribute_lookup"
LEMMA_LOOKUP = "newstrace_lemma_lookup"

# Memo entries kept before a memo starts again: each distinct word form gets one, so a long
# ingest would otherwise keep every word it met. 200,000 is more than the distinct (form, pos,
# morphology) of all 2,225 BBC articles, a few tens of MB.
MAX_MEMO = 200_000

# What a one-token pattern may test (the attributes of a token, in ``_KEY_ATTRS`` order).
_KEY_ATTRS = (TAG, LOWER, DEP, IS_SPACE)
_KEY_NAMES = ("TAG", "LOWER", "DEP", "IS_SPACE")


class UnreadablePattern(ValueError):
    """A ruler pattern the lookup does not know how to test."""


def _test(name: str, value: Any, strings) -> Callable[[int, str | None], bool]:
    """The test of one pattern value on the token attribute ``name`` (its hash or flag, and for
    LOWER its string too, which a REGEX reads)."""
    if name == "IS_SPACE":
        if isinstance(value, bool):
            return lambda flag, _text: flag == int(value)
    elif isinstance(value, str):
        wanted = strings.add(value)
        return lambda hashed, _text: hashed == wanted
    elif isinstance(value, dict) and len(value) == 1:
        ((operator, operand),) = value.items()
        if operator in ("IN", "NOT_IN") and isinstance(operand, list):
            members = frozenset(strings.add(item) for item in operand)
            if operator == "IN":
                return lambda hashed, _text: hashed in members
            return lambda hashed, _text: hashed not in members
        if operator == "REGEX" and name == "LOWER" and isinstance(operand, str):
            regex = re.compile(operand)
            return lambda _hashed, text: text is not None and regex.search(text) is not None
    raise UnreadablePattern(f"{name}: {value!r}")


def _token_test(spec: dict, strings) -> Callable[[tuple, str | None], bool]:
    """The test of one pattern token on a key (tag, lower, dep, is_space) and the lower's string."""
    if not set(spec) <= set(_KEY_NAMES):
        raise UnreadablePattern(f"pattern token {spec!r}")
    tests = [(_KEY_NAMES.index(name), _test(name, value, strings)) for name, value in spec.items()]
    return lambda key, lower_text: all(test(key[slot], lower_text) for slot, test in tests)


def _lower_values(patterns: list[list[dict]], strings) -> tuple[frozenset[int], list[re.Pattern]]:
    """The lowercase forms the patterns name (equal, IN, NOT_IN) and their LOWER regexes."""
    named, regexes = set(), []
    for pattern in patterns:
        for spec in pattern:
            value = spec.get("LOWER")
            if isinstance(value, str):
                named.add(strings.add(value))
            elif isinstance(value, dict):
                for operator, operand in value.items():
                    if operator == "REGEX":
                        regexes.append(re.compile(operand))
                    else:
                        named.update(strings.add(item) for item in operand)
    return frozenset(named), regexes


class AttributeLookup:
    """The attribute ruler's effect, read from a memo by token key (see the module doc)."""

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self.vocab = ruler.vocab
        self.single: list[tuple[int, Callable, dict]] = []  # (rule order, test, attrs)
        self.multi = Matcher(ruler.vocab, validate=False)
        self.multi_attrs: dict[int, tuple[dict, int]] = {}
        every_pattern = []
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
            patterns = ruler.matcher.get(str(order))[1]
            every_pattern += patterns
            for pattern in patterns:
                if any("OP" in spec for spec in pattern):
                    raise UnreadablePattern(f"operator in {pattern!r}")
                if len(pattern) == 1 and index in (0, -1):
                    self.single.append((order, _token_test(pattern[0], strings), attrs))
                else:
                    self.multi.add(str(order), [pattern])
                    self.multi_attrs[order] = (attrs, index)
        self.named_lowers, self.lower_regexes = _lower_values(every_pattern, strings)
        self.relevant: dict[int, int] = {}  # lower hash -> itself when a pattern can tell it, else 0
        self.found: dict[tuple, list[tuple[int, dict]]] = {}  # key -> (rule order, attrs) of its patterns
        self.merged: dict[tuple, dict] = {}  # key -> the attributes they leave, later ones winning

    def _relevant_lower(self, lower: int) -> int:
        kept = self.relevant.get(lower)
        if kept is None:
            text = self.vocab.strings[lower]
            named = lower in self.named_lowers or any(r.search(text) for r in self.lower_regexes)
            kept = lower if named else 0
            if len(self.relevant) >= MAX_MEMO:
                self.relevant.clear()
            self.relevant[lower] = kept
        return kept

    def _patterns_of(self, key: tuple) -> list[tuple[int, dict]]:
        found = self.found.get(key)
        if found is None:
            lower_text = self.vocab.strings[key[1]] if key[1] else None
            found = [(order, attrs) for order, test, attrs in self.single if test(key, lower_text)]
            self.found[key] = found
            self.merged[key] = {name: value for _, attrs in found for name, value in attrs.items()}
        return found

    def __call__(self, doc):
        rows = doc.to_array(list(_KEY_ATTRS)).tolist() if len(doc) else []
        # Every match is found before any attribute is set, as the ruler's Matcher does.
        extra: dict[int, list[tuple[int, dict]]] = {}
        for match_id, start, end in self.multi(doc, allow_missing=True):
            order = int(self.vocab.strings[match_id])
            attrs, index = self.multi_attrs[order]
            position = range(start, end)[index]
            extra.setdefault(position, []).append((order, attrs))
        tokens = None
        for i, (tag, lower, dep, space) in enumerate(rows):
            key = (tag, self._relevant_lower(lower), dep, space)
            found = self._patterns_of(key)
            if i in extra:
                ordered = sorted([*found, *extra[i]], key=lambda item: item[0])
                attrs = {name: value for _, each in ordered for name, value in each.items()}
            else:
                attrs = self.merged[key]
            if attrs:
                tokens = tokens or list(doc)
                set_token_attrs(tokens[i], attrs)
        return doc


class LemmaLookup:
    """The rule lemmatizer's lemmas, kept by (form, pos, morphology) (see the module doc)."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = _with_indexed_words(lemmatizer)
        self.lemmas: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc):
        rows = doc.to_array([LEMMA, ORTH, POS, MORPH]).tolist() if len(doc) else []
        tokens = None
        for i, (lemma, orth, pos, morph) in enumerate(rows):
            if lemma:  # set by the attribute ruler: the lemmatizer does not overwrite it
                continue
            tokens = tokens or list(doc)
            key = (orth, pos, morph)
            found = self.lemmas.get(key)
            if found is None:
                found = self.lemmatizer.lemmatize(tokens[i])[0]
                if len(self.lemmas) >= MAX_MEMO:
                    self.lemmas.clear()
                self.lemmas[key] = found
            tokens[i].lemma_ = found
        return doc


def _with_indexed_words(lemmatizer):
    """``lemmatizer`` (now ours) with its word lists per pos ("lemma_index") as sets: the rule
    lemmatizer asks whether each candidate lemma is among them (``form in index``), and in a
    list that is a scan of up to 57,528 nouns, most of the cost of a word met for the first time."""
    from spacy.lookups import Table

    index = lemmatizer.lookups.get_table("lemma_index", None)
    if index is not None:
        indexed = Table(name=index.name)
        for pos, words in index.items():
            indexed[pos] = frozenset(words)
        lemmatizer.lookups.set_table(index.name, indexed)
    return lemmatizer


@Language.factory(
    ATTRIBUTE_LOOKUP,
    assigns=["token.pos", "token.morph", "token.lemma", "token.tag", "token.dep"],
    requires=["token.tag", "token.dep"],
)
def _make_attribute_lookup(nlp, name):
    return AttributeLookup(nlp.get_pipe("attribute_ruler"))


@Language.factory(LEMMA_LOOKUP, assigns=["token.lemma"], requires=["token.pos", "token.morph"])
def _make_lemma_lookup(nlp, name):
    return LemmaLookup(nlp.get_pipe("lemmatizer"))


def install(nlp):
    """``nlp`` with its attribute_ruler and rule lemmatizer replaced by lookups (each only when
    it can be read: see the module doc), under the same names; returns ``nlp``."""
    names = nlp.pipe_names
    if "attribute_ruler" in names and not isinstance(nlp.get_pipe("attribute_ruler"), AttributeLookup):
        try:
            _replace(nlp, "attribute_ruler", ATTRIBUTE_LOOKUP)
        except UnreadablePattern:
            pass
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    if lemmatizer is not None and not isinstance(lemmatizer, LemmaLookup):
        if getattr(lemmatizer, "mode", None) == "rule" and not getattr(lemmatizer, "overwrite", True):
            _replace(nlp, "lemmatizer", LEMMA_LOOKUP)
    return nlp


def _replace(nlp, name: str, factory: str) -> None:
    # The factory reads the component it replaces, so it is added before that one is removed.
    nlp.add_pipe(factory, name=factory, before=name)
    nlp.remove_pipe(name)
    nlp.rename_pipe(factory, name)
