"""Home and search: articles, people and quotes, with filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..model import COPY_VERDICTS
from ..store import browse, search as full_text
from .pages import render
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
    results = full_text.search(store, q, filters, page) if q.strip() else None
    listing = results.articles if results else browse.recent_articles(store, filters, page)
    shown = [row["id"] for row in listing.rows]
    return render(request, "home.html", {
        "q": q,
        "filters": filters,
        "results": results,
        "listing": listing,
        # The totals and the sites to pick from on the home page only: a search page reads no whole table.
        "totals": browse.totals(store) if not q else None,
        "sites": browse.site_names(store) if not q else [],
        "verdicts": COPY_VERDICTS,
        # The stories and people of the articles listed (not of the whole table: that is the API's).
        "stories": browse.stories_of(store, shown)[:HOME_PREVIEW] if not q else [],
        "people": browse.people_of(store, shown)[:HOME_PREVIEW] if not q else [],
        "full_text": request.app.state.full_text,
    })
