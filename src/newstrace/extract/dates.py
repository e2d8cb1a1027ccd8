"""Time expressions, resolved against the article's publication date.

``resolve(text, published, tense)`` reads one phrase; ``extract_times(doc,
article)`` finds every time expression of a parse (spaCy DATE/TIME entities,
plus weekdays and "Month day" spaCy missed) and resolves each. Neither keeps a
reference to the Doc.

Values are ISO 8601 at the granularity the text gives: ``day`` "2023-11-26",
``week`` "2023-W47", ``month`` "2023-10", ``year`` "2018"; ``decade`` and
``century`` give their first year ("1990", "1900"); ``season`` gives the year
the season starts in (the text says which season); ``weekend`` the Saturday.

Rules (news convention; ``published`` is the reference, never today's date):

* Absolute dates resolve without a publication date: "February 2022" ->
  "2022-02". A month or day without a year takes the publication year, or
  the year before if that would fall after publication ("October 7" in an
  article of 2023-12-01 -> "2023-10-07"); in a future-tense sentence, the
  next one instead.
* A bare weekday ("Thursday") is the most recent one on or before
  publication; in a future-tense sentence ("will meet on Thursday"), the next
  one after it. "last Sunday" is the most recent Sunday before publication,
  "next Sunday" the first after it.
* "N days/weeks/months/years ago" counts back from publication; months and
  years are ``approximate``. "late October", "the end of October",
  "early 2022", "around May" keep their value and are ``approximate``.
* Never a guess: phrases relative to another event ("a few days later",
  "the next day"), ranges ("the previous two years"), durations ("for
  years", "decades"), vague counts ("a few years ago"), a clock time alone
  ("3 p.m."), and any relative phrase without a publication date keep
  ``value`` None; ``granularity`` still says the unit when the text names one.

``dateparser``/``dateutil`` are not used: both fill missing parts from today's
date or guess a reading, and the patterns newstrace needs are few.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..model import Article, Evidence, TimeExpression
from .counts import parse_number
from .time_lexicon import (
    APPROXIMATE_PREFIXES,
    DAY_PARTS,
    DAY_WORDS,
    FUTURE_AUXILIARIES,
    LEADING_WORDS,
    MONTHS,
    SEASON_START,
    UNITS,
    WEEKDAYS,
)
from .tokens import DocView

TIME_LABELS = ("DATE", "TIME")
# Dependencies by which a date modifies a noun ("the October 7 attack"): the
# verb's tense then says nothing about the date.
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss", "nummod"})
# How far up the parse a date looks for the verb whose tense it takes.
MAX_VERB_HOPS = 4

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_OPT_WEEKDAY = r"(?:(?:" + "|".join(WEEKDAYS) + r")\.?,? )?"
_PART = r"(?: (?:" + "|".join(DAY_PARTS) + r"))?"
_SEASON = r"(?P<season>" + "|".join(SEASON_START) + r")"
_UNIT = r"(?P<unit>" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"

_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")
_MONTH_DAY = re.compile(_OPT_WEEKDAY + _MONTH + " " + _DAY + r"(?:,? " + _YEAR + ")?" + _PART)
_DAY_MONTH = re.compile(_OPT_WEEKDAY + r"(?:the )?" + _DAY + r" (?:of )?" + _MONTH + r"(?:,? " + _YEAR + ")?" + _PART)
_MONTH_YEAR = re.compile(r"(?:(?P<rel>last|this|next|past|coming) )?" + _MONTH + r"(?:,? (?:of )?" + _YEAR + ")?")
_YEAR_ONLY = re.compile(r"(?:the year )?" + _YEAR)
_DECADE = re.compile(r"(?P<decade>\d{3}0)'?s")
_CENTURY = re.compile(r"(?P<century>\d{1,2})(?:st|nd|rd|th) century")
_SEASON_RE = re.compile(r"(?:(?P<rel>last|this|next|past|coming) )?" + _SEASON + r"(?:,? (?:of )?" + _YEAR + ")?")
_WEEKDAY_RE = re.compile(r"(?:(?P<rel>last|this|next|past|coming) )?" + _WEEKDAY + r"(?:'s)?" + _PART)
_RELATIVE_UNIT = re.compile(r"(?P<rel>last|this|next|coming|earlier this|later this) (?P<unit>week|weekend|month|year)")
_AGO = re.compile(r"(?P<n>[\w.-]+(?: [\w-]+)?) " + _UNIT + " ago")
_CLOCK = re.compile(r"(?:at )?\d{1,2}(?::\d{2})? ?(?:a\.m\.|p\.m\.|am|pm)\.?|(?:at )?(?:noon|midnight)")
_AGES = re.compile(r"^\d+$|-(?:year|month|week|day)s?-old|\byears? old\b|\baged?\b")


def resolve(text: str, published: date | None, tense: str | None = None) -> TimeExpression:
    """Read one time phrase; ``tense`` ("past", "present", "future") of its sentence, if known."""
    phrase, approximate = _normalize(text)
    for reader in _READERS:
        match = reader[0].fullmatch(phrase)
        if match:
            value, granularity, approx = reader[1](match, published, tense)
            return TimeExpression(text, value, granularity, approximate or approx)
    return TimeExpression(text, None, _granularity_named(phrase), approximate)


def published_date(published: str | None) -> date | None:
    """The date part of an ISO 8601 date or datetime, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def extract_times(doc, article: Article) -> tuple[TimeExpression, ...]:
    """Every time expression of ``doc`` (the parse of ``article.text``), resolved, in text order."""
    published = published_date(article.published)
    view = DocView(doc, article.id)
    times = []
    for span in _candidates(doc):
        if _AGES.search(span.text.lower()):
            continue  # "25-year-old", "Elena Trufanova, 53": ages are person attributes
        sentence = view.sentence_of(span.start)
        time = resolve(span.text, published, _tense(span))
        evidence = Evidence(article.id, sentence, span.start_char, span.end_char)
        times.append(replace(time, evidence=evidence))
    return tuple(times)


# -- reading one phrase ---------------------------------------------------------------


def _normalize(text: str) -> tuple[str, bool]:
    """Lower-case phrase without leading prepositions, clock times and approximating words."""
    phrase = " ".join(text.lower().replace("’", "'").split()).strip(" .,;:")
    phrase = phrase.removesuffix("'s")  # "last year's"
    without_clock = _CLOCK.sub("", phrase).strip(" ,")
    if without_clock:
        phrase = " ".join(without_clock.split())
    approximate = False
    changed = True
    while changed:
        changed = False
        for word in LEADING_WORDS:
            if phrase.startswith(word + " "):
                phrase, changed = phrase[len(word) + 1 :], True
        for prefix in sorted(APPROXIMATE_PREFIXES, key=len, reverse=True):
            if phrase.startswith(prefix) and len(phrase) > len(prefix):
                rest = phrase[len(prefix) :]
                if prefix.endswith("-") or rest.startswith((" ", "-")):
                    phrase, approximate, changed = rest.strip(" -"), True, True
                    break
    return phrase, approximate


def _granularity_named(phrase: str) -> str | None:
    """The unit a phrase names, for phrases that cannot be resolved."""
    for word in re.findall(r"[a-z]+", phrase):
        if word in UNITS:
            return UNITS[word]
        if word in WEEKDAYS:
            return "day"
        if word in MONTHS and len(word) > 3:
            return "month"
        if word in SEASON_START:
            return "season"
    if re.search(r"\d{1,2}(?::\d{2})? ?(?:a\.m|p\.m|am|pm)|noon|midnight|o'clock", phrase):
        return "time"
    return None


def _infer_year(month: int, day: int | None, published: date | None, tense: str | None) -> int | None:
    """The year of a month (and day) written without one, relative to publication."""
    if published is None:
        return None
    year = published.year
    reference = (published.month, published.day)
    if tense == "future":
        return year + 1 if (month, day or 31) < reference else year
    return year - 1 if (month, day or 1) > reference else year


def _day_value(match, published, tense):
    month = MONTHS[match["month"]]
    day = int(match["day"])
    year = int(match["year"]) if match["year"] else _infer_year(month, day, published, tense)
    if year is None:
        return None, "day", False
    try:
        return date(year, month, day).isoformat(), "day", False
    except ValueError:
        return None, "day", False  # "February 30"


def _iso_value(match, published, tense):
    if match["day"]:
        try:
            return date(int(match["year"]), int(match["month"]), int(match["day"])).isoformat(), "day", False
        except ValueError:
            return None, "day", False
    return f"{match['year']}-{match['month']}", "month", False


def _month_value(match, published, tense):
    month = MONTHS[match["month"]]
    relation = match["rel"]
    if match["year"]:
        return (None if relation else f"{match['year']}-{month:02d}"), "month", False
    if published is None:
        return None, "month", False
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(relation, 0)
    if step:
        tense = "future" if step > 0 else "past"
    year = _infer_year(month, None, published, tense)
    if month == published.month:
        year += step  # "last December" written in December
    return f"{year:04d}-{month:02d}", "month", False


def _year_value(match, published, tense):
    return match["year"], "year", False


def _decade_value(match, published, tense):
    return match["decade"], "decade", False


def _century_value(match, published, tense):
    return f"{(int(match['century']) - 1) * 100:04d}", "century", False


def _season_value(match, published, tense):
    if match["year"]:
        return match["year"], "season", False
    if published is None:
        return None, "season", False
    start = SEASON_START[match["season"]]
    relation = match["rel"] or ("next" if tense == "future" else "last-or-this")
    year = published.year
    if relation in ("last", "past"):
        year = year if start < published.month else year - 1
    elif relation == "last-or-this":
        year = year if start <= published.month else year - 1
    elif relation in ("next", "coming"):
        year = year if start > published.month else year + 1
    return str(year), "season", False


def _weekday_value(match, published, tense):
    if published is None:
        return None, "day", False
    weekday = WEEKDAYS[match["weekday"]]
    back = (published.weekday() - weekday) % 7  # days back to the most recent one, 0 = publication day
    ahead = (weekday - published.weekday()) % 7 or 7  # days to the next one after publication
    relation = match["rel"]
    if relation in ("last", "past"):
        day = published - timedelta(days=back or 7)
    elif relation in ("next", "coming") or (tense == "future" and relation in (None, "this")):
        day = published + timedelta(days=ahead)
    else:  # bare or "this" in a past or present sentence: the most recent on or before publication
        day = published - timedelta(days=back)
    return day.isoformat(), "day", False


def _day_word_value(match, published, tense):
    if published is None:
        return None, "day", False
    return (published + timedelta(days=DAY_WORDS[match[0]])).isoformat(), "day", False


def _relative_unit_value(match, published, tense):
    unit = match["unit"]
    granularity = "weekend" if unit == "weekend" else unit
    if published is None:
        return None, granularity, False
    step = {"last": -1, "next": 1, "coming": 1}.get(match["rel"], 0)
    if unit == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if step > 0 or (step == 0 and tense == "future"):
            saturday = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
        elif step < 0 and saturday == published:
            saturday -= timedelta(days=7)
        return saturday.isoformat(), granularity, False
    return _shift(published, unit, step), granularity, False


def _ago_value(match, published, tense):
    unit = UNITS[match["unit"]]
    words = match["n"].replace("-", " ").split()
    amount = 1 if words in (["a"], ["an"]) else parse_number(words)
    granularity = "day" if unit == "time" else ("year" if unit == "decade" else unit)
    if amount is None or published is None or unit == "century":
        return None, granularity, unit in ("month", "year", "decade")
    if unit == "decade":
        amount, unit = amount * 10, "year"
    if unit == "time":
        return published.isoformat(), "day", False
    return _shift(published, unit, -amount), granularity, unit in ("month", "year")


def _shift(published: date, unit: str, step: int | float) -> str | None:
    """Publication moved by ``step`` units, as ISO at that unit's granularity."""
    if step != int(step):
        return None  # "1.5 years ago"
    step = int(step)
    if unit == "day":
        return (published + timedelta(days=step)).isoformat()
    if unit == "week":
        year, week, _ = (published + timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        months = published.year * 12 + published.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{published.year + step:04d}"


_READERS = (
    (_ISO, _iso_value),
    (_MONTH_DAY, _day_value),
    (_DAY_MONTH, _day_value),
    (_MONTH_YEAR, _month_value),
    (_YEAR_ONLY, _year_value),
    (_DECADE, _decade_value),
    (_CENTURY, _century_value),
    (_SEASON_RE, _season_value),
    (re.compile("|".join(re.escape(w) for w in sorted(DAY_WORDS, key=len, reverse=True))), _day_word_value),
    (_WEEKDAY_RE, _weekday_value),
    (_RELATIVE_UNIT, _relative_unit_value),
    (_AGO, _ago_value),
)


# -- finding phrases in a parse --------------------------------------------------------


def _candidates(doc):
    """DATE/TIME entities plus weekdays and "Month day" outside any entity, in text order."""
    spans = [ent for ent in doc.ents if ent.label_ in TIME_LABELS]
    for token in doc:
        if token.ent_type_ or not token.text[:1].isupper():
            continue
        lower = token.lower_
        if lower in WEEKDAYS and len(lower) > 3:
            start = token.i - 1 if token.i and doc[token.i - 1].lower_ in ("last", "next", "this") else token.i
            spans.append(doc[start : token.i + 1])
        elif lower in MONTHS and len(lower) > 3 and token.i + 1 < len(doc):
            if re.fullmatch(r"\d{1,2}", doc[token.i + 1].text):
                spans.append(doc[token.i : token.i + 2])
    spans.sort(key=lambda span: span.start)
    return spans


def _tense(span) -> str | None:
    """ "past", "present" or "future" of the verb a time phrase belongs to, or None."""
    token = span.root
    if token.dep_ in NOUN_MODIFIER_DEPS:
        return None  # "the October 7 attack": a name for a day, not tied to the verb
    for _ in range(MAX_VERB_HOPS):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    if any(child.lower_ in FUTURE_AUXILIARIES for child in auxiliaries):
        return "future"
    if token.tag_ == "VB" and any(child.lower_ == "to" for child in auxiliaries):
        return "future"  # "plans to meet on Thursday"
    if token.tag_ == "VBD" or any(child.tag_ == "VBD" or child.lower_ in ("has", "have") for child in auxiliaries):
        return "past"
    return "present"
