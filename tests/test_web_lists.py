"""The person page shows the named lists the person is on, as `person` does: who compiled the
list and for whom, its claimed size, every named member with their latest state and evidence."""

from __future__ import annotations

import html
import re
import warnings

import pytest
from test_named_lists import HANDED, RELEASED, ingest_texts

# A person of no list.
UNLISTED = """Library opens in Bergen

BERGEN, Norway — Erik Dahl, 52, the city's mayor, opened a new public library on Tuesday.
"""

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note on httpx versions
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from newstrace.web import create_app

    texts = {"handed": HANDED, "released": RELEASED, "unlisted": UNLISTED}
    path = ingest_texts(tmp_path_factory.mktemp("web-lists"), texts)
    return TestClient(create_app(path))


def person_id(client, name: str) -> str:
    people = client.get("/api/people", params={"size": 200}).json()
    return next(p["id"] for p in people if p["name"] == name)


def lists_section(page: str) -> str:
    start = page.index('<h2 id="lists-heading">')
    return page[start : page.index("</section>", start)]


def test_person_page_shows_the_list_with_each_member_state(client):
    meir, katz = person_id(client, "Dana Meir"), person_id(client, "Lior Katz")
    section = lists_section(client.get(f"/people/{meir}").text)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())
    assert "Given to Hamas (" in text
    assert re.search(r"Claimed size 8 \(.+, .+\)", text)  # both articles claim eight
    assert "2 named, 6 unnamed" in text
    assert "Lior Katz : released" in text and "Dana Meir : captive" in text
    assert f'href="/people/{katz}"' in section
    evidence = re.findall(r'href="(/articles/[^"#]+#[^"]+)">evidence</a>', section)
    assert len(evidence) == 2
    assert all(client.get(href.split("#")[0]).status_code == 200 for href in evidence)


def test_person_page_without_a_list_says_so(client):
    page = client.get(f"/people/{person_id(client, 'Erik Dahl')}").text
    assert "On no named list." in lists_section(page)
