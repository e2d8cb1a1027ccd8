"""The application factory: ``create_app(db)`` opens the database and wires the routers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import BadCursor, NotFound
from ..store import Store
from ..store.search import ensure_search_index
from .pages import render, templates
from .security import SecurityHeaders

HERE = Path(__file__).parent


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def create_app(db: str) -> FastAPI:
    """The web UI and JSON API over the database ``db`` (an SQLite path or a database URL).

    Read-only: no route writes. On SQLite the full-text index is created here when missing
    (``store.search.ensure_search_index``); its triggers keep it in sync with later ingests.
    """
    from . import articles, docs, people, search, sites, stories

    store = Store(db, create=False)
    app = FastAPI(
        title="newstrace",
        version=__version__,
        description="Articles, people, stories and copies of a newstrace database, as JSON and as web pages.",
        docs_url=None,  # /docs is our own page (FastAPI's loads Swagger UI from a CDN)
        redoc_url=None,
    )
    app.state.store = store
    app.state.templates = templates()
    app.state.full_text = ensure_search_index(store)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (search, articles, people, stories, sites, docs):
        app.include_router(module.router)

    async def not_found(request: Request, error: Exception) -> object:
        detail = str(error) if isinstance(error, NotFound) else "No such page."
        if wants_json(request):
            return JSONResponse({"detail": detail}, status_code=404)
        return render(request, "not_found.html", {"detail": detail}, status_code=404)

    async def http_error(request: Request, error: StarletteHTTPException) -> object:
        if error.status_code == 404:
            return await not_found(request, error)
        if wants_json(request):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        return render(request, "error.html", {"detail": error.detail}, status_code=error.status_code)

    async def invalid(request: Request, error: RequestValidationError) -> object:
        if wants_json(request):
            return JSONResponse({"detail": jsonable(error.errors())}, status_code=422)
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return render(request, "error.html", {"detail": details}, status_code=422)

    async def bad_cursor(request: Request, error: BadCursor) -> object:
        return await http_error(request, StarletteHTTPException(400, str(error)))

    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(BadCursor, bad_cursor)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    return app


def jsonable(errors) -> list:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors)
