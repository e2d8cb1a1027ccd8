"""Dependencies of the routes, as ``Annotated`` aliases: the store and the page asked for."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from ..store import Store
from ..store.browse import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageRequest


def get_store(request: Request) -> Store:
    return request.app.state.store


def page_request(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Rows per page.")] = DEFAULT_PAGE_SIZE,
    after: Annotated[str | None, Query(max_length=2000, description=(
        "A cursor from a page's next link: the rows after that page, read from there (a deep page "
        "costs what the first does); `page` then only labels it. Lists that take no cursor ignore it."))] = None,
) -> PageRequest:
    return PageRequest(page, size, after or None)


StoreDep = Annotated[Store, Depends(get_store)]
PageDep = Annotated[PageRequest, Depends(page_request)]
