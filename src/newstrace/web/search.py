"""Home and search (articles, people, quotes, with filters), and the sites table."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..model import COPY_VERDICTS
from ..store import browse
from .app import render
from .deps import PageDep, StoreDep

router = APIRouter(tags=["pages"])
# Stories and people the home page previews (each has its own paged list in the API).
HOME_PREVIEW = 8
DateQuery = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date, inclusive.")]


@router.get("/", include_in_schema=False)
@router.get("/search", summary="Search articles, people and quotes (HTML)")
def home(
    request: Request,
    store: StoreDep,
    page: PageDep,
    q: Annotated[str, Query(max_length=500, description="Words to find (all of them).")] = "",
    since: DateQuery = None,
    until: DateQuery = None,
    site: Annotated[str | None, Query(max_length=500)] = None,
    verdict: Annotated[str | None, Query(description="Only copies with this verdict.")] = None,
):
    filters = browse.Filters(since or None, until or None, site or None, verdict if verdict in COPY_VERDICTS else None)
    results = browse.search(store, q, filters, page) if q.strip() else None
    listing = results.articles if results else browse.recent_articles(store, filters, page)
    return render(request, "home.html", {
        "q": q,
        "filters": filters,
        "results": results,
        "listing": listing,
        "totals": browse.totals(store),
        "sites": browse.site_names(store),
        "verdicts": COPY_VERDICTS,
        "stories": browse.stories(store, browse.PageRequest(1, HOME_PREVIEW)).rows if page.number == 1 and not q else [],
        "people": browse.people(store, browse.PageRequest(1, HOME_PREVIEW)).rows if page.number == 1 and not q else [],
        "full_text": request.app.state.full_text,
    })


@router.get("/sites", summary="Per site: articles, share of copies, spun copies, flags per copy (HTML)")
def sites(
    request: Request,
    store: StoreDep,
    page: PageDep,
    sort: Annotated[str, Query(description="Column to sort by: " + ", ".join(browse.SITE_SORTS))] = "articles",
):
    return render(request, "sites.html", {
        "listing": browse.sites(store, sort, page), "sort": sort, "sorts": browse.SITE_SORTS,
    })
