"""JSON lists one page at a time: the body is the list itself (the CLI's objects, one per row),
and where another page follows, a ``Link: <...>; rel="next"`` header says where."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import JSONResponse

from ..store.browse import PageRequest


def json_page(request: Request, items: list[Any], has_next: bool, page: PageRequest) -> JSONResponse:
    response = JSONResponse(items)
    if has_next:
        query = urlencode({**request.query_params, "page": str(page.number + 1), "size": str(page.size)})
        response.headers["Link"] = f'<{request.url.path}?{query}>; rel="next"'
    return response
