"""A story: its articles over time, the provenance tree, and the diff of any copy with its source."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..errors import NotFound
from ..link.compare import compare
from ..link.copies import trace
from ..link.stories import stories as story_list
from ..store import browse
from . import charts
from .pages import render
from .deps import PageDep, StoreDep
from .paging import json_page
from .text import Mark, paragraphs

router = APIRouter()


def article_href(row: dict) -> str:
    return f"/articles/{row['id']}"


@router.get("/stories/{story_id}", tags=["pages"], summary="One story: articles over time, provenance, diffs (HTML)")
def story_page(
    request: Request,
    store: StoreDep,
    page: PageDep,
    story_id: str,
    copy: Annotated[str | None, Query(max_length=2000, description="A copy to compare with its source.")] = None,
    source: Annotated[str | None, Query(max_length=2000)] = None,
):
    summary = browse.story(store, story_id)
    if summary is None:
        raise NotFound(f"No story {story_id!r} in this database.")
    charted = browse.story_articles_page(store, story_id, page, limit_to_chart=True).rows
    root = browse.story_main_source(store, story_id) or (charted[0]["id"] if charted else None)
    return render(request, "story.html", {
        "story_id": story_id,
        "story": summary,
        "figure": charts.articles_over_time(charted, article_href),
        "listing": browse.story_articles_page(store, story_id, page),
        "people": browse.story_people(store, story_id),
        "tree": trace(store, root).to_dict() if root else None,
        "diff": side_by_side(store, copy, source) if copy and source else None,
    })


def side_by_side(store, copy_ref: str, source_ref: str) -> dict:
    """The comparison of a copy with its source (the `diff` contract), and both texts cut into
    segments with each distortion marked and named on both sides."""
    copy, source = store.get(copy_ref), store.get(source_ref)
    result = compare(copy, source).to_dict()
    sides = {}
    for side, analysis in (("copy", copy), ("source", source)):
        marks = [
            Mark(d[side]["start"], d[side]["end"], f"distortion d-{d['type']} d{i}", anchor=f"d{i}-{side}", label=f"{i} {d['type']}")
            for i, d in enumerate(result["distortions"], 1)
            if d[side]
        ]
        bounds = [(p.start, p.end) for p in analysis.article.paragraphs]
        sides[side] = {"article": analysis.article, "paragraphs": paragraphs(analysis.article.text, bounds, marks)}
    return {"result": result, **sides}


@router.get("/api/stories", tags=["api"], summary="Stories: the `stories --json` rows, one page of them")
def stories_json(request: Request, store: StoreDep, page: PageDep):
    # stories() reads the stories of the page only, in the order story_sizes' index keeps.
    rows, more = browse.paged(lambda offset, limit: story_list(store, offset, limit), page)
    return json_page(request, [row.to_dict() for row in rows], more, page)
