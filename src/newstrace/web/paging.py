"""JSON lists one page at a time: the body is the list itself (the CLI's objects, one per row),
and where another page follows, a ``Link: <...>; rel="next"`` header says where: by cursor
(``after``) for the lists that give one, else by page number."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import JSONResponse

from ..store.browse import PageRequest


def page_url(request: Request, number: int, after: str | None = None, **fixed: str) -> str:
    """The URL of page ``number`` of this request's list (its other parameters kept, ``fixed``
    set): after the cursor ``after`` when given, else by number."""
    query = {key: value for key, value in request.query_params.items() if key != "after"}
    query.update(fixed, page=str(number))
    if after:
        query["after"] = after
    return f"{request.url.path}?{urlencode(query)}"


def json_page(request: Request, items: list[Any], has_next: bool, page: PageRequest, after: str | None = None) -> JSONResponse:
    response = JSONResponse(items)
    if has_next:
        response.headers["Link"] = f'<{page_url(request, page.number + 1, after, size=str(page.size))}>; rel="next"'
    return response
