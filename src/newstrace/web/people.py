"""One person across articles (profile, timeline chart, conflicts) and the people list."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ..link.named_lists import with_lists
from ..link.people import profile
from ..store import browse
from . import charts
from .pages import render
from .deps import PageDep, StoreDep
from .paging import json_page
from .text import evidence_anchor

router = APIRouter()


def evidence_href(entry: dict) -> str:
    """The article page of a timeline entry, at its evidence."""
    return evidence_link(entry["evidence"])


def evidence_link(evidence: dict) -> str:
    """The article page of one piece of evidence, at its sentence."""
    return f"/articles/{evidence['article']}#{evidence_anchor(evidence)}"


@router.get("/people/{profile_id}", tags=["pages"], summary="One person across articles (HTML)")
def person_page(request: Request, store: StoreDep, page: PageDep, profile_id: str):
    (person,) = with_lists(store, [profile(store, profile_id)])
    found = person.to_dict()
    shown = found["articles"][page.offset : page.offset + page.size]
    urls = sorted({*shown, *(url for c in found["conflicts"] for v in c["values"] for url in v["articles"]),
                   *(url for a in found["ages"] for url in a["articles"]),
                   *(url for n in found["nationalities"] for url in n["articles"]),
                   *(url for named in found["lists"] for m in named["members"] for url in m["articles"])})
    return render(request, "person.html", {
        "person": found,
        "spellings": browse.spellings(store, profile_id),
        "article_of": browse.articles_by_url(store, urls),
        "articles": shown,
        "more_articles": len(found["articles"]) > page.offset + page.size,
        "page": page,
        "figure": charts.timeline(found["timeline"], evidence_href),
        "evidence_href": evidence_href,
        "evidence_link": evidence_link,
    })


@router.get("/api/people", tags=["api"], summary="Person profiles: the `people --json` list, one page of it")
def people_json(request: Request, store: StoreDep, page: PageDep):
    listing = browse.people(store, page)
    found = with_lists(store, [profile(store, row["id"]) for row in listing.rows])
    return json_page(request, [person.to_dict() for person in found], listing.has_next, page, listing.after)


@router.get("/api/people/{profile_id}", tags=["api"], summary="One person: the `person --json` object")
def person_json(store: StoreDep, profile_id: str) -> dict:
    (found,) = with_lists(store, [profile(store, profile_id)])
    return found.to_dict()
