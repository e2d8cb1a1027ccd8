"""Counts: numbers as numbers, with their qualifier and what they count.

Each case is one sentence we wrote and the exact counts expected from it, as
(value, qualifier, what, text). The seed test pins the reference article.
"""


import pytest

from newstrace.extract.counts import extract_counts, parse_number
from newstrace.model import Article, article_id



def article_of(text: str, published: str | None = "2023-12-01") -> Article:
    return Article(id=article_id("test:", text), url="test:", text=text, published=published)


def counts(nlp, text: str) -> list[tuple]:
    return [(c.value, c.qualifier, c.what, c.text) for c in extract_counts(nlp(text), article_of(text))]


# -- numbers without the model --------------------------------------------------------


@pytest.mark.parametrize(
    "words, value",
    [
        (["3,000"], 3000),
        (["1,200"], 1200),
        (["1.5", "million"], 1_500_000),
        (["eight"], 8),
        (["twenty", "-", "five"], 25),
        (["two", "dozen"], 24),
        (["a", "dozen"], 12),
        (["one", "hundred", "and", "fifty"], 150),
        (["3", "million"], 3_000_000),
        (["tens", "of", "thousands"], 10_000),
        (["2.5"], 2.5),
        (["many"], None),
    ],
)
def test_parse_number(words, value):
    assert parse_number(words) == value


# -- one sentence per form and qualifier ------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # digits, words and scales
        ("Hamas killed 1,200 people.", [(1200, None, "people killed", "1,200")]),
        ("Some 1.5 million people fled.", [(1_500_000, "about", "people", "Some 1.5 million")]),
        ("Two dozen soldiers were killed.", [(24, None, "soldiers killed", "Two dozen")]),
        ("Twenty-five hostages were released.", [(25, None, "hostages released", "Twenty-five")]),
        ("One hundred and fifty workers lost their jobs.", [(150, None, "workers", "One hundred and fifty")]),
        ("The 2022 election drew 3 million voters.", [(3_000_000, None, "voters", "3 million")]),
        # qualifiers
        ("At least 3,000 people were killed in the attack.", [(3000, "at least", "people killed", "At least 3,000")]),
        ("More than 50 people were arrested in 2019.", [(50, "over", "people arrested", "More than 50")]),
        ("Nearly a dozen people died.", [(12, "under", "people killed", "Nearly a dozen")]),
        ("Almost 40 villages were evacuated.", [(40, "under", "villages evacuated", "Almost 40")]),
        ("Roughly 300 families were displaced.", [(300, "about", "families displaced", "Roughly 300")]),
        ("An estimated 600 fighters joined.", [(600, "about", "fighters", "An estimated 600")]),
        ("No more than 12 journalists attended.", [(12, "at most", "journalists", "No more than 12")]),
        (
            "Up to 30 people were hurt and fewer than 10 were arrested.",
            [(30, "at most", "people injured", "Up to 30"), (10, "under", "people arrested", "fewer than 10")],
        ),
        # vague plurals: the scale, "over"
        ("Thousands of Russians fled.", [(1000, "over", "Russians", "Thousands")]),
        ("Tens of thousands of people marched.", [(10_000, "over", "people", "Tens of thousands")]),
        ("Several hundred protesters gathered.", [(100, "over", "protesters", "Several hundred")]),
        # partitives, money, percentages
        ("Police arrested two of the suspects.", [(2, None, "suspects", "two")]),
        (
            "The group paid $5 million to free 40 percent of the captives.",
            [(5_000_000, None, "dollars", "$5 million"), (40, None, "percent of captives", "40 percent")],
        ),
        ("He paid 500 euros.", [(500, None, "euros", "500")]),
        ("His fortune rose to £340m.", [(340_000_000, None, "pounds", "£340m")]),
        ("Mr Sayeed won 173 of the 299 votes.", [(173, None, "votes", "173"), (299, None, "votes", "299")]),
        ("Roughly 40% of voters agreed.", [(40, "about", "percent of voters", "Roughly 40%")]),
        # "one" only when it counts a person
        ("One hostage was killed.", [(1, None, "hostage killed", "One")]),
        ("He was one of his closest allies.", []),
        ("One other sign is the treatment of captives.", []),
        # not counts: years, dates, ages, compound adjectives, durations, ranges
        ("Dana Orlov, 44, arrived in 2019.", []),
        ("The 25-year-old was freed on October 7.", []),
        ("The two-day summit drew eight leaders.", [(8, None, "leaders", "eight")]),
        ("She lived there for five years.", []),
        ("Around 20-30 people came.", []),
        ("It will be shown at 0710 GMT.", []),
        ("Italy lost their Six Nations match.", []),
        ("About 2% of US citizens have one.", [(2, "about", "percent of US citizens", "About 2%")]),
        ("Almost five times as many people signed up.", []),
    ],
)
def test_count_forms(nlp, sentence, expected):
    assert counts(nlp, sentence) == expected


def test_evidence_spans_the_text(nlp):
    text = "Officials said. The deaths of about 1,200 people shocked the region."
    (count,) = extract_counts(nlp(text), article_of(text))
    assert text[count.evidence.start : count.evidence.end] == count.text == "about 1,200"
    assert count.evidence.sentence == 1
    assert count.evidence.article == article_of(text).id


# -- the seed -----------------------------------------------------------------------------


def test_seed_counts(nlp, seed_clean):
    article = seed_clean
    found = extract_counts(nlp(article.text), article)
    assert [(c.value, c.qualifier, c.what, c.text) for c in found] == [
        (8, None, "Russian-Israeli individuals", "eight"),
        (3, None, "Russian prisoners held", "Three"),
        (2, None, "Israeli-Russian dual nationals released", "two"),
        (7, None, "Russians captured", "seven"),
        (1200, "about", "people killed", "about 1,200"),
        (200, "over", "people kidnapped", "over 200"),
        (1000, "over", "Russians", "thousands"),
        (2, None, "post-Soviet states", "two"),
    ]
    for count in found:
        assert article.text[count.evidence.start : count.evidence.end] == count.text
