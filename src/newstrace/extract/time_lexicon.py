"""Word lists for reading time expressions (data only, no logic). Lower-case."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

# Unit words and the granularity they give ("five years ago" -> year).
UNITS: dict[str, str] = {
    "day": "day", "days": "day", "night": "day", "nights": "day", "week": "week", "weeks": "week",
    "weekend": "week", "weekends": "week", "fortnight": "week", "month": "month", "months": "month",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "hour": "time", "hours": "time",
    "minute": "time", "minutes": "time",
}  # fmt: skip

# Words of a single day relative to publication, with their offset in days.
DAY_WORDS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1,
    "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
    "tomorrow": 1, "tomorrow morning": 1, "tomorrow night": 1,
}  # fmt: skip

# Modifiers that keep the value but make it approximate ("late October").
APPROXIMATE_PREFIXES = (
    "the end of", "end of", "the beginning of", "beginning of", "the start of", "start of",
    "the middle of", "middle of", "the turn of", "the first half of", "the second half of",
    "sometime in", "some time in", "around", "about", "circa", "approximately",
    "late", "early", "mid", "mid-",
)  # fmt: skip

# Prepositions stripped from the front of a phrase before reading it.
LEADING_WORDS = ("on", "in", "at", "since", "by", "until", "till", "from", "during", "as of", "of", "the")

# Month a season starts in, to tell which year "last summer" was.
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Parts of a day after a weekday ("Thursday night"): the day stays the day.
DAY_PARTS = ("morning", "afternoon", "evening", "night")

# Verbs' auxiliaries that put a sentence in the future ("will meet on Thursday").
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
