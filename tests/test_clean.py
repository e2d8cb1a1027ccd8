"""Scrape cleanup: title, site furniture, bylines, datelines, paragraphs — a specification.

Every text here is ours (tests/fixtures/ingest/ or inline); the seed test reads
../shared/data and skips when it is absent.
"""

from pathlib import Path

import pytest

from newstrace.ingest import read_documents, to_article
from newstrace.ingest.text import clean_text, find_dateline, place_case
from newstrace.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "000_b11f0812c5b1d870.txt"
SEED_TITLE = "Putin's new Middle East strategy is highlighted by Hamas' release of Russian captives"
BODY = "Rescuers freed 14 miners on Tuesday after a tunnel collapsed at the Kalden pit."


def miners():
    (document,) = read_documents([FIXTURES / "miners.txt"])
    return to_article(document)


def kept_and_removed(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    cleaned = clean_text(text, title="A headline given elsewhere")
    return cleaned.paragraphs, cleaned.removed


# -- the whole path on one scrape ---------------------------------------------------


def test_a_scrape_keeps_the_headline_once_as_the_title():
    article = miners()
    assert article.title == "Miners rescued after two days underground"
    assert "Miners rescued" not in article.text


def test_a_scrape_is_cleaned_to_its_prose():
    assert miners().text == f"{BODY}\n\nThe youngest, Aron Feld, 19, was taken to hospital in Vestra."


def test_every_removed_line_is_listed_in_document_order():
    assert miners().removed == (
        "Top Stories",
        "Weather: Vestra 14°C Cloudy",
        "Miners rescued after two days underground",
        "Miners rescued after two days underground",
        "Share this: Facebook Twitter WhatsApp",
        "By Hanna Lind, Norland Ledger",
        "VESTRA, Norland —",
        "Posted by Editor at 10:31",
        "Related articles",
        "Pit owner fined over safety lapses",
        "Union calls for inquiry",
        "No comments:",
    )


def test_the_byline_gives_the_author():
    assert miners().author == "Hanna Lind"


def test_the_dateline_is_normalised_and_cut_from_the_text():
    article = miners()
    assert article.dateline == "Vestra, Norland"
    assert article.text.startswith("Rescuers freed")


def test_paragraph_offsets_slice_the_text():
    article = miners()
    assert [(p.start, p.end) for p in article.paragraphs] == [(0, 79), (81, 142)]
    assert [article.text[p.start : p.end] for p in article.paragraphs] == article.text.split("\n\n")


def test_whitespace_is_collapsed_within_lines():
    cleaned = clean_text("  The  mayor\tsaid\u00a0no  to the plan.  \n\n\n   Then she left the hall.")
    assert cleaned.paragraphs == ("The mayor said no to the plan.", "Then she left the hall.")


# -- the headline -------------------------------------------------------------------


def test_a_line_repeated_at_the_top_is_the_headline():
    cleaned = clean_text("Home\nFerry line approved\nFerry line approved\nThe council voted on Monday.\nFerry line approved")
    assert cleaned.title == "Ferry line approved"
    assert cleaned.paragraphs == ("The council voted on Monday.",)
    assert cleaned.removed == ("Home", "Ferry line approved", "Ferry line approved", "Ferry line approved")


def test_the_first_headline_like_line_is_the_title():
    cleaned = clean_text("Ferry line approved\nThe council voted on Monday to open the line.")
    assert cleaned.title == "Ferry line approved"
    assert cleaned.paragraphs == ("The council voted on Monday to open the line.",)


def test_a_subheading_repeated_in_the_body_is_not_the_headline():
    text = "Cup draw made\nThe draw was held in Vestra on Monday.\nVestra v Sket\nWinners meet\nKalden v Marlow\nWinners meet"
    cleaned = clean_text(text)
    assert cleaned.title == "Cup draw made"
    assert cleaned.paragraphs == (
        "The draw was held in Vestra on Monday.",
        "Vestra v Sket",
        "Winners meet",
        "Kalden v Marlow",
        "Winners meet",
    )


def test_a_headline_cut_with_an_ellipsis_is_still_a_headline():
    cleaned = clean_text("Rivals of the new ferry...\nThe ferry is the cheapest crossing ever built.")
    assert cleaned.title == "Rivals of the new ferry..."


def test_a_text_that_opens_with_a_sentence_has_no_title():
    cleaned = clean_text("The council voted on Monday.\nThe line opens in May.")
    assert cleaned.title is None
    assert cleaned.paragraphs == ("The council voted on Monday.", "The line opens in May.")


def test_a_given_title_is_used_and_dropped_from_the_text():
    article = to_article(
        Document(
            source="x.txt",
            kind="text",
            content=b"Ferry line approved\nThe council voted on Monday to open the line.",
            title="Ferry line approved",
        )
    )
    assert article.title == "Ferry line approved"
    assert article.text == "The council voted on Monday to open the line."


# -- furniture, one kind per case ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Top Stories",
        "Breaking News",
        "No comments:",
        "12 comments",
        "Post a Comment",
        "Share this",
        "Share this article: Facebook Twitter Email",
        "Tweet",
        "Facebook Twitter WhatsApp Email Print",
        "Email ThisBlogThis!Share to TwitterShare to Facebook",
        "Subscribe",
        "Sign up to our newsletter",
        "CLICK HERE TO GET THE LEDGER APP",
        "Advertisement",
        "Sponsored content",
        "Read more: Ferry fares to rise next year",
        "See also: the island's history",
        "Newer Post Older Post Home",
        "Older Posts",
        "Posted by Hanna Lind at 10:31",
        "Posted by Editor at 10:31 PM",
        "Labels: Norland, ferries, council",
        "Published: 10:31 GMT, 5 January 2024",
        "Updated Jan. 5, 2024 at 3:12 p.m. ET",
        "Last updated 3 hours ago",
        "5 min read",
        "We use cookies to improve your experience on our site. By continuing you accept them.",
        "Accept all cookies",
        "London 12°C",
        "Weather: Vestra 14°C Cloudy",
        "© 2031 Norland Ledger. All rights reserved.",
        "Copyright 2031 Norland Ledger",
        "All rights reserved.",
        "Follow us on Twitter",
        "Skip to main content",
        "Photo: Hanna Lind/Norland Ledger",
        "World | November 14, 2031 | Norland Ledger",
    ],
)
def test_site_furniture_lines_are_removed(line):
    kept, removed = kept_and_removed(f"{line}\nThe council voted on Monday to open the line.")
    assert kept == ("The council voted on Monday to open the line.",)
    assert removed == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "Hamas has fulfilled its promise ever since",
        "Temperatures hit 41°C in Seville on Monday, the hottest day on record.",
        "Copyright claims against the site rose sharply last year, the report said.",
        "Posted by a soldier on Telegram, the video shows the strike.",
        "Updated figures showed 5 deaths on Monday.",
        "Share prices fell 3% in early trading.",
        "Read the full statement below.",
        "More than 200 people attended the vigil.",
        "Home owners in the district will pay less.",
        "Comments made by the minister angered unions.",
        "By Monday, officials had left the town.",
        "By the time police arrived, the crowd had gone.",
        "Advertisements for the event appeared across the city.",
    ],
)
def test_real_prose_is_never_taken_for_furniture(line):
    kept, removed = kept_and_removed(f"{line}\nThe council voted on Monday to open the line.")
    assert kept == (line, "The council voted on Monday to open the line.")
    assert removed == ()


def test_a_related_links_block_ends_at_the_next_sentence():
    text = "The vote was close.\nRelated stories\nFerry fares to rise\nBridge closure: what we know\nThe line opens in May."
    kept, removed = kept_and_removed(text)
    assert kept == ("The vote was close.", "The line opens in May.")
    assert removed == ("Related stories", "Ferry fares to rise", "Bridge closure: what we know")


@pytest.mark.parametrize(
    "line, author",
    [
        ("By Hanna Lind", "Hanna Lind"),
        ("By HANNA LIND", "HANNA LIND"),
        ("By Hanna Lind and Aron Feld, Associated Press", "Hanna Lind and Aron Feld"),
        ("By Hanna Lind | Reuters", "Hanna Lind"),
        ("By: Edda van der Berg", "Edda van der Berg"),
    ],
)
def test_bylines_are_removed_and_give_the_author(line, author):
    cleaned = clean_text(f"{line}\nThe council voted on Monday to open the line.", title="A headline")
    assert (cleaned.author, cleaned.removed) == (author, (line,))


# -- datelines --------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph, dateline, rest",
    [
        ("RIGA, Latvia — Officials met on Monday.", "Riga, Latvia", "Officials met on Monday."),
        ("RIGA — Officials met on Monday.", "Riga", "Officials met on Monday."),
        ("LONDON (Reuters) - Shares fell.", "London", "Shares fell."),
        ("LONDON, Jan 5 (AP) — Shares fell.", "London", "Shares fell."),
        ("LONDON, Jan. 5, 2024 (AP) — Shares fell.", "London", "Shares fell."),
        ("LONDON, 5 January (Reuters) - Shares fell.", "London", "Shares fell."),
        ("MARLOW BAY, Norland -- Water rose.", "Marlow Bay, Norland", "Water rose."),
        ("ST. JOSEPH, Mich. (AP) — Health officials said.", "St. Joseph, Mich.", "Health officials said."),
        ("SANTA FE, N.M. (AP) — A cat was found.", "Santa Fe, N.M.", "A cat was found."),
        ("WILKES-BARRE, Pa. — Police said.", "Wilkes-Barre, Pa.", "Police said."),
        ("NEW DELHI: The government said.", "New Delhi", "The government said."),
        ("KYIV, Ukraine — 12 people died.", "Kyiv, Ukraine", "12 people died."),
        ("Latvia's RIGA Russian officials sent a list.", "Riga, Latvia", "Russian officials sent a list."),
        ("Norland's VESTRA The army said so.", "Vestra, Norland", "The army said so."),
    ],
)
def test_datelines_are_found_and_normalised(paragraph, dateline, rest):
    found, prefix = find_dateline(paragraph)
    assert found == dateline
    assert paragraph[len(prefix) :].lstrip() == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "Russia's president met Hamas leaders in Moscow.",
        "NATO said on Monday it would send more troops.",
        "NATO - The alliance said on Monday it would send more troops.",
        "UPDATE: The ferry will sail on Tuesday.",
        "DEAR ABBY: My husband never listens.",
        "WASHINGTON Post reporters found the files.",
        "WASHINGTON - based lobbyists were paid.",
        "The UN - which has 193 members - voted.",
        "Officials met on Monday - and agreed nothing.",
        "Latvia's president met officials in Riga.",
        "Britain's BBC News reported the story.",
        "Russia's TASS News Agency said so.",
    ],
)
def test_ordinary_sentences_are_not_datelines(paragraph):
    assert find_dateline(paragraph) == (None, "")


def test_a_dateline_below_a_standfirst_is_found():
    cleaned = clean_text("Ferry approved\nA long fight ends\nMARLOW BAY, Norland — The council voted.")
    assert cleaned.dateline == "Marlow Bay, Norland"
    assert cleaned.paragraphs == ("A long fight ends", "The council voted.")
    assert cleaned.removed == ("Ferry approved", "MARLOW BAY, Norland —")


@pytest.mark.parametrize("name, cased", [("RIGA", "Riga"), ("MARLOW BAY", "Marlow Bay"), ("N.M.", "N.M."), ("Latvia", "Latvia")])
def test_place_names_are_title_cased_except_abbreviations(name, cased):
    assert place_case(name) == cased


# -- the reference document ---------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available (../shared/data is absent)")
def test_the_seed_is_cleaned():
    (document,) = read_documents([SEED])
    article = to_article(document)
    assert article.title == SEED_TITLE
    assert SEED_TITLE not in article.text
    assert "Top Stories" not in article.text and "No comments" not in article.text
    assert article.dateline == "Riga, Latvia"
    assert article.text.startswith("Russian officials sent a list of eight Russian-Israeli individuals")
    assert "\n\nHamas has fulfilled its promise ever since\n\n" in article.text
    assert article.removed == ("Top Stories", *[SEED_TITLE] * 4, "Latvia's RIGA", "No comments:")
    assert article.language == "en"
    assert article.url == SEED.resolve().as_uri()
    assert [article.text[p.start : p.end] for p in article.paragraphs] == article.text.split("\n\n")
