"""The web pages in a real browser (headless Chromium through Selenium and the system chromedriver).

One server and one browser for the whole module. Every page of the bundled example database
loads with its main content visible, links between pages work, the diff marks sit on the
distortions, no page logs a console error, and a hostile article runs nothing.
Screenshots of each page go to a temporary folder, or to NEWSTRACE_SCREENSHOTS when set
(``NEWSTRACE_SCREENSHOTS=docs/screenshots ./dev test tests/test_web_browser.py`` refreshes the README's).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newstrace.store import Store

from web_fixtures import (  # noqa: F401 (example_db is a fixture)
    HOSTILE_NAME,
    HOSTILE_SITE,
    HOSTILE_TITLE,
    JS_URL,
    ORIGINAL_TITLE,
    ORIGINAL_URL,
    SPUN_URL,
    copy_db,
    example_db,
    running_server,
    store_hostile,
)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (./dev setup installs it)")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Chromium and chromedriver are not installed (./dev installs Debian's chromium and chromium-driver)",
)
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

WINDOW = (1280, 1500)  # the screenshots' size


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={WINDOW[0]},{WINDOW[1]}", "--hide-scrollbars"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def site(example_db):
    """The example database served; yields (base url, db path)."""
    with running_server(example_db) as base:
        yield base, example_db


@pytest.fixture(scope="module")
def hostile_site(example_db, tmp_path_factory):
    """The example database plus the hostile article, served; yields (base url, db path)."""
    db = copy_db(example_db, tmp_path_factory.mktemp("browser") / "hostile.db")
    store_hostile(db)
    with running_server(db) as base:
        yield base, db


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    wanted = os.environ.get("NEWSTRACE_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def visit(browser, url: str, status: int = 200) -> None:
    """Open a page and check it logged nothing to the console (a CSP violation, a failed load, a
    script error); a page expected to answer an error status may log that status, nothing else."""
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(url)
    assert browser.execute_script("return document.readyState") == "complete"
    expected = f"{url} - Failed to load resource: the server responded with a status of {status}"
    errors = [
        entry for entry in browser.get_log("browser")
        if entry["level"] in ("SEVERE", "WARNING") and not (status != 200 and entry["message"].startswith(expected))
    ]
    assert errors == [], url


def visible(browser, css: str):
    element = browser.find_element(By.CSS_SELECTOR, css)
    assert element.is_displayed(), css
    return element


def ids(db) -> dict[str, str]:
    return {row["url"]: row["id"] for row in Store(db, create=False).articles()}


def test_home_shows_totals_and_links_to_a_story(browser, site, shots):
    base, _db = site
    visit(browser, base + "/")
    assert visible(browser, "h1").text == "The record"
    totals = visible(browser, "ul.totals").text
    assert "9 articles" in totals and "2 stories" in totals
    browser.save_screenshot(str(shots / "home.png"))
    story = browser.find_element(By.CSS_SELECTOR, "#stories-heading + ul a")
    story_title = story.text
    story.click()
    assert browser.current_url.startswith(base + "/stories/")
    assert visible(browser, "h1").text == story_title


def test_search_finds_the_original_and_its_people(browser, site, shots):
    base, _db = site
    visit(browser, base + "/search?q=Lena+Hollis")
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#articles-heading ~ table td a")]
    assert ORIGINAL_TITLE in titles
    assert browser.find_elements(By.CSS_SELECTOR, "#found-people + ul mark") == []  # names are links, not snippets
    browser.save_screenshot(str(shots / "search.png"))
    browser.find_element(By.LINK_TEXT, "Lena Hollis").click()
    assert visible(browser, "h1").text == "Lena Hollis"


def test_article_page_shows_the_facts_and_their_evidence(browser, site, shots):
    base, db = site
    visit(browser, f"{base}/articles/{ids(db)[ORIGINAL_URL]}")
    assert visible(browser, "h1").text == ORIGINAL_TITLE
    ages = {
        row.find_element(By.CSS_SELECTOR, "td a").text: row.find_elements(By.TAG_NAME, "td")[1].text
        for row in visible(browser, "#people-heading + table").find_elements(By.CSS_SELECTOR, "tbody tr")
    }
    expected = {"Tomas Varga": "31", "Lena Hollis": "44", "Ilse Marten": "68", "Piotr Hollis": "47", "Andrei Hollis": "19"}
    assert {name: ages.get(name) for name in expected} == expected  # examples/EXPECTED.md
    browser.save_screenshot(str(shots / "article.png"))
    quote = browser.find_element(By.XPATH, "//li[contains(., 'I have my mother back')]")
    assert quote.find_element(By.CSS_SELECTOR, ".speaker").text == "Lena Hollis"
    evidence = quote.find_element(By.CSS_SELECTOR, "details.evidence")
    assert not evidence.find_element(By.TAG_NAME, "blockquote").is_displayed()
    evidence.find_element(By.TAG_NAME, "summary").click()
    sentence = evidence.find_element(By.TAG_NAME, "blockquote")
    assert sentence.is_displayed() and "I have my mother back" in sentence.find_element(By.TAG_NAME, "mark").text
    # The person link in the text leads to the profile.
    browser.find_element(By.CSS_SELECTOR, ".text a.person").click()
    assert browser.current_url.startswith(base + "/people/")
    assert visible(browser, "h1").text


def open_person(browser, base: str, name: str) -> None:
    visit(browser, base + "/search?q=" + name.replace(" ", "+"))
    browser.find_element(By.LINK_TEXT, name).click()
    assert visible(browser, "h1").text == name


def test_person_page_draws_the_timeline_linked_to_its_evidence(browser, site, shots):
    base, _db = site
    open_person(browser, base, "Ilse Marten")  # examples/EXPECTED.md: released 2024-11-12, hospitalized 2024-11-20
    chart = visible(browser, "svg.chart")
    labels = [t.text for t in chart.find_elements(By.CSS_SELECTOR, ".point-label")]
    assert "released" in labels and "hospitalized" in labels
    timeline = visible(browser, "ol.timeline").text
    assert "released 2024-11-12" in timeline and "hospitalized 2024-11-20" in timeline
    assert "Ilse Maarten" in visible(browser, "dl.profile").text  # the spelling of 04
    browser.save_screenshot(str(shots / "person.png"))
    point = chart.find_element(By.CSS_SELECTOR, "a.point")
    href = point.get_dom_attribute("href")
    assert href.startswith("/articles/") and "#ev-" in href
    point.find_element(By.TAG_NAME, "circle").click()
    assert browser.current_url == base + href
    assert browser.find_element(By.ID, href.split("#", 1)[1])  # the evidence the point links to is in the text


def test_person_page_shows_conflicting_ages_side_by_side(browser, site):
    base, _db = site
    open_person(browser, base, "Tomas Varga")
    claims = {
        claim.find_element(By.CSS_SELECTOR, ".value").text: claim.text
        for claim in browser.find_elements(By.CSS_SELECTOR, ".conflict .claim")
    }
    assert {"31", "32"} <= set(claims)  # examples/EXPECTED.md: 31 (01, 02), 32 (04)
    assert "The Kestrin Herald" in claims["32"] and "Daily Ledger" in claims["31"]


def test_story_page_diff_marks_the_distortions_on_both_sides(browser, site, shots):
    base, db = site
    known = ids(db)
    visit(browser, f"{base}/articles/{known[SPUN_URL]}")
    browser.find_element(By.PARTIAL_LINK_TEXT, "its story").click()
    tree = visible(browser, "ul.tree")  # the original with most copies is the tree's root
    assert tree.find_element(By.CSS_SELECTOR, "li.node > a").text == ORIGINAL_TITLE
    assert "spun copy" in tree.text and "verbatim copy" in tree.text and "translation" in tree.text
    visible(browser, "svg.chart")
    browser.save_screenshot(str(shots / "story.png"))
    spun = browser.find_element(By.XPATH, f"//li[contains(@class, 'edge-spun')]")
    spun.find_element(By.CSS_SELECTOR, "a.diff-link").click()
    visible(browser, "#diff")
    import json
    from urllib.request import urlopen

    expected = json.load(urlopen(f"{base}/api/diff?copy={known[SPUN_URL]}&source={known[ORIGINAL_URL]}"))
    assert expected["distortions"]
    for number, distortion in enumerate(expected["distortions"], 1):
        for side in ("copy", "source"):
            marked = browser.find_elements(By.CSS_SELECTOR, f".{side}-text .d{number}")
            if distortion[side] is None:
                assert marked == []
                continue
            text = "".join(m.get_attribute("textContent") for m in marked)
            assert text == distortion[side]["text"], (number, side)
            assert f"{number} {distortion['type']}" in browser.find_element(By.CSS_SELECTOR, f".{side}-text").text
    browser.save_screenshot(str(shots / "diff.png"))


def test_sites_sort_and_docs(browser, site, shots):
    base, _db = site
    visit(browser, base + "/sites")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.sites tbody tr")
    assert len(rows) >= 7
    browser.find_element(By.LINK_TEXT, "Spun copies").click()
    first = browser.find_element(By.CSS_SELECTOR, "table.sites tbody tr").text
    assert first.startswith("World News Digest 24")
    assert browser.find_element(By.CSS_SELECTOR, "th[aria-sort]").text.startswith("Spun copies")
    browser.save_screenshot(str(shots / "sites.png"))
    visit(browser, base + "/docs")
    assert "GET /api/diff" in visible(browser, "main").text
    visit(browser, base + "/articles/ffffffffffff", status=404)
    assert visible(browser, "h1").text == "Not found"


def test_a_hostile_article_runs_nothing(browser, hostile_site):
    base, db = hostile_site
    pages = ["/", "/search?q=Mallory", "/search?q=Breaking", "/articles/hostile0000000001", "/sites"]
    store = Store(db, create=False)
    from newstrace.store.browse import article_profiles
    from newstrace.link.stories import story_of

    pages += [f"/people/{pid}" for pid in article_profiles(store, "hostile0000000001").values()]
    pages.append(f"/stories/{story_of(store, 'hostile0000000001')}")
    for page in pages:
        visit(browser, base + page)
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018 - raises when no dialog opened
        assert browser.execute_script("return window.pwned === undefined"), page
        for injected in ("script", "img", "textarea", "[onerror]", "[onload]", "a[href^='javascript']", "svg[onload]"):
            assert browser.find_elements(By.CSS_SELECTOR, f"main {injected}") == [], (page, injected)
    visit(browser, base + "/articles/hostile0000000001")
    assert visible(browser, "h1").text == HOSTILE_TITLE  # shown as text, exactly
    assert JS_URL in visible(browser, ".meta").text
    assert HOSTILE_SITE in browser.find_element(By.CSS_SELECTOR, ".meta").text
    assert browser.find_element(By.CSS_SELECTOR, "#people-heading + table a").text.startswith(HOSTILE_NAME)
