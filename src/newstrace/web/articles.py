"""One article with its facts; its copies and source; the copies list and the diff of a pair."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..cursor_pages import copies_page
from ..link.compare import compare
from ..link.stories import story_of
from ..store import browse
from .pages import render
from .deps import PageDep, StoreDep
from .paging import json_page
from .text import SentenceFinder, article_marks, evidence_anchor, paragraphs

router = APIRouter()


@router.get("/articles/{article_id}", tags=["pages"], summary="One article with its facts highlighted (HTML)")
def article_page(request: Request, store: StoreDep, article_id: str):
    analysis = store.get(article_id)
    article = analysis.article
    profile_of = browse.article_profiles(store, article.id)
    person_pages = {entity: f"/people/{profile}" for entity, profile in profile_of.items()}
    bounds = [(p.start, p.end) for p in article.paragraphs]
    return render(request, "article.html", {
        "analysis": analysis,
        "article": article,
        "paragraphs": paragraphs(article.text, bounds, article_marks(analysis, person_pages)),
        "names": {e.id: e.name for e in analysis.entities},
        "person_pages": person_pages,
        "sentence": SentenceFinder(article.text),
        "anchor": evidence_anchor,
        "links": browse.article_links(store, article.id),
        "story": story_of(store, article.id),
    })


@router.get("/api/articles/{article_id}", tags=["api"], summary="One article's facts: the `facts --json` object")
def article_json(store: StoreDep, article_id: str) -> dict:
    return store.get(article_id).to_dict()


@router.get("/api/copies", tags=["api"], summary="Related pairs: the `copies --json` rows, one page of them")
def copies_json(request: Request, store: StoreDep, page: PageDep):
    # By cursor (the next link's ``after``), the page is read from where the last one ended; by
    # number, from the copies up to it (in ingest order), never the whole table.
    rows, more, after = copies_page(store, page)
    return json_page(request, [row.to_dict() for row in rows], more, page, after)


RefQuery = Annotated[str, Query(min_length=1, max_length=2000, description="Article id, id prefix or URL.")]


@router.get("/api/diff", tags=["api"], summary="A copy compared with its source: the `diff --json` object")
def diff_json(store: StoreDep, copy: RefQuery, source: RefQuery) -> dict:
    return compare(store.get(copy), store.get(source)).to_dict()
