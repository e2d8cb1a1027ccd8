"""The sites table: per site the share of copies, spun copies and flags per copy, sortable."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..store import Store, browse
from .pages import render
from .deps import PageDep, StoreDep

router = APIRouter(tags=["pages"])


class SiteStats:
    """``browse.site_stats`` kept by the app until the record changes (``browse.record_version``):
    the aggregate reads every article, the check three counts."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple | None = None
        self._rows: list[dict] = []

    def rows(self, store: Store) -> list[dict]:
        version = browse.record_version(store)
        with self._lock:
            if version != self._version:
                self._rows, self._version = browse.site_stats(store), version
            return self._rows

    def page(self, store: Store, sort: str, page: browse.PageRequest) -> browse.Page:
        if sort == "site":
            ordered = sorted(self.rows(store), key=lambda row: row["site"])
        else:
            ordered = sorted(self.rows(store), key=lambda row: (-(row[sort] or 0), row["site"]))
        shown = ordered[page.offset : page.offset + page.size]
        return browse.Page(shown, page.number, len(ordered) > page.offset + page.size)


SortQuery = Annotated[str, Query(pattern="^(" + "|".join(browse.SITE_SORTS) + ")$",
                                 description="Column to sort by: " + ", ".join(browse.SITE_SORTS))]


@router.get("/sites", summary="Per site: articles, share of copies, spun copies, flags per copy (HTML)")
def sites(request: Request, store: StoreDep, page: PageDep, sort: SortQuery = "articles"):
    return render(request, "sites.html", {
        "listing": request.app.state.site_stats.page(store, sort, page), "sort": sort,
    })
