"""/docs: the OpenAPI description as a plain page (no script, nothing from a CDN)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from .pages import render

router = APIRouter()


@router.get("/docs", include_in_schema=False)
def docs_page(request: Request):
    schema = request.app.openapi()
    routes = [
        {"path": path, "method": method.upper(), **operation}
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "docs.html", {"schema": schema, "routes": routes})
