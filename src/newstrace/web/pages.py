"""Pages from templates: the Jinja environment (autoescape on) and ``render``, which every
router uses to answer with a page."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from .. import __version__
from ..store.search import SNIPPET_END, SNIPPET_START
from .paging import page_url
from .security import safe_href

HERE = Path(__file__).parent
VERDICT_LABELS = {
    "verbatim": "verbatim copy",
    "edited": "edited copy",
    "spun": "spun copy",
    "summary": "summary",
    "translated": "translation",
    "same_story": "same story",
    None: "original",
}


def _snippet(value: str | None) -> Markup:
    """A search snippet, escaped, with the matched words in <mark>."""
    escaped = str(escape(value or ""))
    return Markup(escaped.replace(SNIPPET_START, "<mark>").replace(SNIPPET_END, "</mark>"))


def templates() -> Jinja2Templates:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every string from an article is escaped
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(safe_href=safe_href, snippet=_snippet, day=lambda v: (v or "")[:10])
    environment.globals.update(version=__version__, verdict_label=lambda v: VERDICT_LABELS.get(v, v))
    return Jinja2Templates(env=environment)


def render(request: Request, template: str, context: dict, status_code: int = 200):
    """A page from its template, with the helpers every page uses."""

    return request.app.state.templates.TemplateResponse(
        request, template, {"page_url": partial(page_url, request), **context}, status_code=status_code
    )
