"""Time expressions: every phrase resolved against publication, or left None.

``resolve`` needs no model: each relative form is pinned against one
publication date, Friday 2023-12-01. The parse tests check what
``extract_times`` finds in sentences we wrote and in the seed.
"""

from datetime import date

import pytest

from newstrace.extract.dates import extract_times, published_date, resolve
from helpers import make_doc
from newstrace.model import Article, article_id

FRIDAY = date(2023, 12, 1)


def article_of(text: str, published: str | None = "2023-12-01") -> Article:
    return Article(id=article_id("test:", text), url="test:", text=text, published=published)


def read(text, published=FRIDAY, tense=None):
    time = resolve(text, published, tense)
    return time.value, time.granularity, time.approximate


# -- resolve(): no model ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # absolute
        ("February 2022", ("2022-02", "month", False)),
        ("in February 2022", ("2022-02", "month", False)),
        ("Oct. 7, 2021", ("2021-10-07", "day", False)),
        ("Thursday, March 1, 2024", ("2024-03-01", "day", False)),
        ("2023-10-07", ("2023-10-07", "day", False)),
        ("in 2019", ("2019", "year", False)),
        ("the 1990s", ("1990", "decade", False)),
        ("the 20th century", ("1900", "century", False)),
        ("summer 2022", ("2022", "season", False)),
        # a day or month without a year: this year, or last year if that is after publication
        ("October 7", ("2023-10-07", "day", False)),
        ("7 October", ("2023-10-07", "day", False)),
        ("the 7th of October", ("2023-10-07", "day", False)),
        ("December 25", ("2022-12-25", "day", False)),
        ("in May", ("2023-05", "month", False)),
        # approximate modifiers keep the value
        ("late October", ("2023-10", "month", True)),
        ("the end of October", ("2023-10", "month", True)),
        ("mid-2022", ("2022", "year", True)),
        ("early February 2022", ("2022-02", "month", True)),
        # weekdays: the most recent on or before publication
        ("Thursday", ("2023-11-30", "day", False)),
        ("on Thursday", ("2023-11-30", "day", False)),
        ("Thursday night", ("2023-11-30", "day", False)),
        ("3 p.m. on Thursday", ("2023-11-30", "day", False)),
        ("Friday", ("2023-12-01", "day", False)),
        ("last Sunday", ("2023-11-26", "day", False)),
        ("last Friday", ("2023-11-24", "day", False)),
        ("next Friday", ("2023-12-08", "day", False)),
        # days, weeks, months, years relative to publication
        ("today", ("2023-12-01", "day", False)),
        ("yesterday", ("2023-11-30", "day", False)),
        ("last night", ("2023-11-30", "day", False)),
        ("tomorrow", ("2023-12-02", "day", False)),
        ("last week", ("2023-W47", "week", False)),
        ("next week", ("2023-W49", "week", False)),
        ("last weekend", ("2023-11-25", "weekend", False)),
        ("last month", ("2023-11", "month", False)),
        ("earlier this month", ("2023-12", "month", False)),
        ("this year", ("2023", "year", False)),
        ("last year", ("2022", "year", False)),
        ("last year's", ("2022", "year", False)),
        ("last August", ("2023-08", "month", False)),
        ("last December", ("2022-12", "month", False)),
        ("next March", ("2024-03", "month", False)),
        ("last summer", ("2023", "season", False)),
        # ago: months and years are approximate
        ("three days ago", ("2023-11-28", "day", False)),
        ("two weeks ago", ("2023-W46", "week", False)),
        ("six months ago", ("2023-06", "month", True)),
        ("five years ago", ("2018", "year", True)),
        ("a year ago", ("2022", "year", True)),
        ("a decade ago", ("2013", "year", True)),
        # never a guess
        ("a few days later", (None, "day", False)),
        ("the next day", (None, "day", False)),
        ("the previous two years", (None, "year", False)),
        ("for years", (None, "year", False)),
        ("decades", (None, "decade", False)),
        ("several years ago", (None, "year", True)),
        ("3 p.m.", (None, "time", False)),
        ("now", (None, None, False)),
        ("right away", (None, None, False)),
    ],
)
def test_resolve(text, expected):
    assert read(text) == expected


def test_future_tense_looks_ahead():
    assert read("Thursday", tense="future") == ("2023-12-07", "day", False)
    assert read("December 25", tense="future") == ("2023-12-25", "day", False)
    assert read("October 7", tense="future") == ("2024-10-07", "day", False)


def test_without_publication_only_absolute_dates_resolve():
    assert read("February 2022", published=None) == ("2022-02", "month", False)
    assert read("Oct. 7, 2021", published=None) == ("2021-10-07", "day", False)
    assert read("October 7", published=None) == (None, "day", False)
    assert read("last Sunday", published=None) == (None, "day", False)
    assert read("five years ago", published=None) == (None, "year", True)


def test_impossible_dates_stay_unresolved():
    assert read("February 30") == (None, "day", False)


def test_published_date_reads_dates_and_datetimes():
    assert published_date("2023-12-01") == FRIDAY
    assert published_date("2023-12-01T09:30:00+02:00") == FRIDAY
    assert published_date("yesterday") is None
    assert published_date(None) is None


def test_text_is_kept_as_written():
    assert resolve("the end of October", FRIDAY).text == "the end of October"


# -- extract_times(): hand-set entities, then the parse --------------------------------------


def test_blank_doc_entities_and_weekdays_spacy_missed():
    text = "Hostages were freed last Sunday. Zakharova spoke on Thursday, aged 47, about October 7."
    doc = make_doc(text, [("last Sunday", "DATE"), ("47", "DATE")])
    found = extract_times(doc, article_of(text))
    assert [(t.text, t.value, t.evidence.sentence) for t in found] == [
        ("last Sunday", "2023-11-26", 0),
        ("Thursday", "2023-11-30", 1),
        ("October 7", "2023-10-07", 1),
    ]



def times(nlp, text, published="2023-12-01"):
    article = article_of(text, published)
    return [(t.text, t.value, t.granularity, t.approximate) for t in extract_times(nlp(text), article)]


def test_sentence_tense_picks_the_weekday(nlp):
    assert times(nlp, "The minister will meet the envoy on Thursday.") == [("Thursday", "2023-12-07", "day", False)]
    assert times(nlp, "The minister met the envoy on Thursday.") == [("Thursday", "2023-11-30", "day", False)]


def test_ages_are_not_times(nlp):
    text = "The 25-year-old was freed with Elena Trufanova, 53, last Sunday."
    assert times(nlp, text) == [("last Sunday", "2023-11-26", "day", False)]


def test_evidence_and_unknown_publication(nlp):
    text = "Talks began. Hostages were freed in late October."
    article = article_of(text, None)
    (time,) = extract_times(nlp(text), article)
    assert (time.value, time.granularity, time.approximate) == (None, "month", True)
    assert text[time.evidence.start : time.evidence.end] == time.text == "late October"
    assert time.evidence.sentence == 1


def test_seed_times(nlp, seed_clean):
    article = seed_clean
    assert times(nlp, article.text) == [
        ("late October", "2023-10", "month", True),
        ("last Sunday", "2023-11-26", "day", False),
        ("last Sunday", "2023-11-26", "day", False),
        ("Thursday", "2023-11-30", "day", False),
        ("October 7", "2023-10-07", "day", False),
        ("decades", None, "decade", False),
        ("October 7", "2023-10-07", "day", False),
        ("the end of October", "2023-10", "month", True),
        ("five years ago", "2018", "year", True),
        ("a few days later", None, "day", False),
        ("October 7", "2023-10-07", "day", False),
        ("years", None, "year", False),
        ("February 2022", "2022-02", "month", False),
        ("the previous two years", None, "year", False),
        ("years", None, "year", False),
        ("years", None, "year", False),
        ("October 7", "2023-10-07", "day", False),
    ]
