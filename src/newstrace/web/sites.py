"""The sites table: per site the share of copies, spun copies and flags per copy, sortable."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..store import browse
from .deps import PageDep, StoreDep
from .pages import render

router = APIRouter(tags=["pages"])

SortQuery = Annotated[str, Query(pattern="^(" + "|".join(browse.SITE_SORTS) + ")$",
                                 description="Column to sort by: " + ", ".join(browse.SITE_SORTS))]


@router.get("/sites", summary="Per site: articles, share of copies, spun copies, flags per copy (HTML)")
def sites(request: Request, store: StoreDep, page: PageDep, sort: SortQuery = "articles"):
    # One page of the counters triggers keep per site: no article is read.
    return render(request, "sites.html", {"listing": browse.sites(store, sort, page), "sort": sort})
