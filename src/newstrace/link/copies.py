"""Copies and their sources: link each new article, trace every copy to its original.

``link_article`` runs once per stored article (the pipeline calls it after
``store.add``): it fingerprints the article, asks the candidate index for
articles that look alike, verifies each candidate by sentence alignment
(``link.compare``) and stores the related pairs in ``links``. Only pairs
verified on their own evidence are stored: A~B and B~C never make A~C.

``copies`` and ``trace`` read those pairs back: each copy with its most
likely original, and the provenance tree of one story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..model import COPY_VERDICTS, Analysis, Article, Comparison, Link
from ..store import Store, browse
from ..store.links import ArticleInfo as _Info
from ..store.links import chunks as _chunks
from . import index
from .fingerprint import SHINGLES, SKETCH_VERSION, Fingerprint, fingerprint
from .memo import Caches, Memo
from .published import days_apart, published_order, time_key
from .settings import DEFAULT_SETTINGS, LinkSettings

LINKED_VERDICTS = (*COPY_VERDICTS, "same_story")  # what `links` holds; `unrelated` is never stored
# Integrity flags that mark copy-only junk (a spinner's inserted or garbled sentences).
JUNK_FLAGS = ("inserted", "garbled")

Compare = Callable[[Analysis, Analysis], Comparison]

def stored_analysis(store: Store, article_id: str, caches: Caches | None) -> Analysis:
    return stored_analyses(store, [article_id], caches)[article_id]


def stored_analyses(store: Store, article_ids: Iterable[str], caches: Caches | None) -> dict[str, Analysis]:
    """The stored analyses of these articles by id: those ``caches`` keeps, the others read
    together (``Store.analyses_of``: one statement per table, not a dozen per article, so a
    new article whose candidates have left the cache costs as many statements as one whose
    candidates are all in it)."""
    kept = (caches.analyses,) if caches is not None else ()
    return _read_through(article_ids, kept, store.analyses_of, caches.analyses if caches is not None else None)


def compared_analyses(store: Store, article_ids: Iterable[str], caches: Caches | None) -> dict[str, Analysis]:
    """What ``compare`` reads of these stored articles, by id: their whole analyses where
    ``caches`` keeps them, else ``Store.compared_analyses`` (kept in ``caches.compared``, never
    among the whole ones). A candidate the linker has not met lately costs a third of reading
    it whole, and compares the same: ``compare`` reads nothing else of an analysis."""
    kept = (caches.analyses, caches.compared) if caches is not None else ()
    return _read_through(article_ids, kept, store.compared_analyses, caches.compared if caches is not None else None)


def _read_through(
    article_ids: Iterable[str],
    kept: Sequence[Memo],
    read: Callable[[list[str]], dict[str, Analysis]],
    keep: Memo | None,
) -> dict[str, Analysis]:
    """These articles by id: from the first of ``kept`` that holds each, the others ``read``
    together and put in ``keep``."""
    # Safe to keep: an article's id fixes its url and text, and a stored analysis is never
    # rewritten (``Store.add`` leaves an existing id alone).
    wanted = list(dict.fromkeys(article_ids))
    found = {}
    for aid in wanted:
        hit = next((analysis for memo in kept if (analysis := memo.get(aid)) is not None), None)
        if hit is not None:
            found[aid] = hit
    for aid, analysis in read([aid for aid in wanted if aid not in found]).items():
        found[aid] = keep.put(aid, analysis) if keep is not None else analysis
    return found


def default_compare(caches: Caches | None, store: Store | None = None) -> Compare:
    from .compare import compare  # imported on use: the verifier is the heavy half of linking

    readings = caches.readings if caches is not None else None
    frequency_of = (lambda items: index.item_frequency(store, items)) if store is not None else None
    return lambda copy, source: compare(copy, source, readings, frequency_of)


# -- when an article appeared -------------------------------------------------------


def _earliest_key(info: _Info) -> tuple:
    # published_order's rule as a sort key, undated articles last; then as _direction, ingest order.
    return time_key(info.published, info.ingested_at, info.id)


def _junk(analysis: Analysis, other: Analysis) -> int:
    """How many of ``analysis``'s junk sentences the other article does not have."""
    return sum(
        1 for flag in analysis.flags if flag.kind in JUNK_FLAGS and flag.text not in other.article.text
    )


def _direction(a: Analysis, b: Analysis, info: dict[str, _Info]) -> tuple[Analysis, Analysis, str]:
    """(copy, source, what decided it): the later published (``published_order``:
    "published"); else the one with copy-only junk ("junk"); else the later by
    ``_earliest_key`` (the undated one, else the later ingested: "undecided"), so that
    tracing never ranks a copy before its source."""
    order, basis = published_order(a.article.published, b.article.published), "published"
    if order == 0:
        order, basis = _junk(a, b) - _junk(b, a), "junk"
    if order == 0:
        basis = "undecided"
        order = 1 if _earliest_key(info[a.article.id]) > _earliest_key(info[b.article.id]) else -1
    return (a, b, basis) if order > 0 else (b, a, basis)


def _partners(found: Iterable[Link], ids: Collection[str]) -> set[str]:
    """The articles paired with one of ``ids`` in ``found``."""
    ends = ((link.copy, link.source) for link in found)
    return {other for pair in ends for one, other in (pair, pair[::-1]) if one in ids}


# -- linking ------------------------------------------------------------------------


def link_article(
    store: Store,
    analysis: Analysis,
    *,
    compare: Compare | None = None,
    settings: LinkSettings = DEFAULT_SETTINGS,
    caches: Caches | None = None,
    sketched: Fingerprint | None = None,
) -> list[Link]:
    """Fingerprint and index one stored article, verify it against its candidates, store the related pairs.

    Each pair is verified by ``compare`` on its own evidence: the candidates from
    the index (``settings.candidate_limit``; of those sharing no copied text, only the
    ``settings.max_story_verifications`` best ranked), then (at most
    ``settings.expansion_limit`` more) the copies and sources of the
    articles it proved to copy or be copied by, earliest published first, as long
    as new ones prove related. Linking an article again replaces its fingerprint and verifies
    again every pair it is part of, so it stores the same pairs.
    Returns the pairs stored (copy = the later article). ``caches``: a Linker's (none: read everything anew).
    ``sketched``: the article's fingerprint when it was made already (by an ingest worker), else it is made here.
    """
    verify = compare or default_compare(caches, store)
    article = analysis.article
    fp = sketched if sketched is not None else fingerprint(article)
    limit = settings.candidate_limit
    ranked = index.candidate_bands(store, fp, limit + 1, settings.bucket_max_articles())
    ranked = [found for found in ranked if found[0] != article.id][:limit]
    single_band = index.single_band_sizes(store, fp, ranked)
    far_apart = _far_apart(store, article, single_band, settings.single_band_max_days)
    ranked = without_topic_matches(ranked, single_band, settings.single_band_max_articles, far_apart)
    queue = worth_verifying(ranked, settings.max_story_verifications)
    queue += sorted(_partners(store.links_of([article.id]), {article.id}) - {*queue})
    seen = {article.id, *queue}
    related: list[Link] = []
    budget = settings.expansion_limit
    while queue:
        info = store.article_infos([article.id, *queue])
        others = compared_analyses(store, queue, caches)
        copied = set()
        for other_id in queue:
            copy, source, basis = _direction(analysis, others[other_id], info)
            result = verify(copy, source)
            if result.verdict in LINKED_VERDICTS:
                related.append(
                    Link(copy.article.id, source.article.id, result.verdict, float(result.score), direction=basis)
                )
                if result.verdict in COPY_VERDICTS:
                    copied.add(other_id)
        if not copied or budget <= 0:
            break
        nearby = _partners(store.links_of(copied, COPY_VERDICTS), copied) - seen
        info = store.article_infos(nearby)
        queue = sorted(nearby, key=lambda aid: _earliest_key(info[aid]))[:budget]
        budget -= len(queue)
        seen.update(queue)
    store.save_links(article.id, fp.to_row(), index.band_rows(fp), related)
    return related


def without_topic_matches(
    ranked: list[tuple[str, dict[str, int]]],
    single_band_sizes: dict[str, int],
    most: int,
    far_apart: Collection[str] = frozenset(),
) -> list[tuple[str, dict[str, int]]]:
    """The candidates without those whose only evidence is one names-and-numbers bucket
    (``single_band_sizes``: ``index.single_band_sizes``) holding more than ``most`` articles (a
    name the topic's articles share, which grows with the corpus) or published ``far_apart``
    (``LinkSettings.single_band_max_days``): the articles of one topic sharing a single band spread
    over every day the corpus spans, so without it they fill the candidates as the archive grows."""
    return [
        found for found in ranked
        if found[0] not in single_band_sizes or (single_band_sizes[found[0]] <= most and found[0] not in far_apart)
    ]


def _far_apart(store: Store, article: Article, article_ids: Collection[str], days: int) -> set[str]:
    """Of ``article_ids``, those published more than ``days`` from the article (both dated)."""
    if not article_ids:
        return set()
    info = store.article_infos(article_ids)
    return {
        aid for aid in article_ids
        if (apart := days_apart(article.published, info[aid].published)) is not None and apart > days
    }


def worth_verifying(ranked: list[tuple[str, dict[str, int]]], most_without_copied_text: int) -> list[str]:
    """The candidates verified, in rank order: every one sharing a word-shingle band (text copied
    word for word: a copy's source or another copy of it), and of the others, which share only
    names and numbers (most often another report of the story, or a translation), the
    ``most_without_copied_text`` best ranked."""
    chosen, others = [], 0
    for article_id, shared in ranked:
        if shared.get(SHINGLES):
            chosen.append(article_id)
        elif others < most_without_copied_text:
            chosen.append(article_id)
            others += 1
    return chosen


def refresh_fingerprints(store: Store) -> int:
    """Sketch and index every stored article again when the database's sketches are of
    another SKETCH_VERSION (or of a newstrace that did not record one); returns how many
    were redone. Stored pairs stay: each was verified on the texts, not on the sketches."""
    if store.meta_value("sketch_version") == SKETCH_VERSION:
        return 0
    ids = store.fingerprinted()
    for chunk in _chunks(ids):
        sketches = []
        for stored in store.stored_texts(chunk):
            fp = fingerprint(Article(id=stored.id, url=stored.url, text=stored.text))
            sketches.append((stored.id, fp.to_row(), index.band_rows(fp)))
        store.save_sketches(sketches)
    store.set_meta_value("sketch_version", SKETCH_VERSION)
    return len(ids)


# -- tracing ------------------------------------------------------------------------


def _stored(store: Store) -> tuple[list[Link], dict[str, _Info]]:
    return store.all_links(), store.article_infos()


def _traced(stored: list[Link], info: dict[str, _Info]) -> dict[str, Link]:
    """Each copy's link to its most likely original.

    Among the articles a copy has copy-verdict links to, one that is itself a
    copy of another of them is not the original (03 copies both 01 and its
    reprint 02: 01). Then the earliest published, then the strongest score.
    """
    sources: dict[str, list[Link]] = defaultdict(list)
    for link in stored:
        if link.verdict in COPY_VERDICTS:
            sources[link.copy].append(link)
    traced = {}
    for copy, found in sources.items():
        ids = {link.source for link in found}
        originals = [
            link for link in found if not any(up.source in ids for up in sources.get(link.source, ()))
        ] or found
        traced[copy] = min(originals, key=lambda link: (_earliest_key(info[link.source]), -link.score, link.source))
    return traced


def _ingest_key(info: dict[str, _Info]) -> Callable[[Link], tuple]:
    return lambda link: (info[link.copy].ingested_at, link.copy, info[link.source].ingested_at, link.source)


def copies(store: Store, offset: int = 0, limit: int | None = None) -> list[Link]:
    """The `copies` contract: each copy with its traced source, and every same_story pair.

    A same_story pair of a copy is left out when the copy's traced source
    carries it already (03 ~ 04 is 01 ~ 04 once 03 -> 01 is listed).
    Rows in ingest order of the copy, urls filled in.

    With ``limit``: that many rows from ``offset`` (``copies_page``), read from the copies up to
    the page only.
    """
    if limit is not None:
        return copies_page(store, offset, limit)
    stored, info = _stored(store)
    traced = _traced(stored, info)
    related = {frozenset((link.copy, link.source)) for link in stored}
    same_story = [link for link in stored if link.verdict == "same_story"]
    return _listed(traced.values(), same_story, traced, related, info)


def _listed(
    traced_rows: Iterable[Link], same_story: Iterable[Link], traced: dict[str, Link], related: set[frozenset[str]],
    info: dict[str, _Info],
) -> list[Link]:
    """The rows of `copies`: the traced links, and the same_story pairs neither end's traced
    source carries already (``related``: the stored pairs, as sets, among those they could be),
    in ingest order of the copy, urls filled in."""

    def represented(article: str, other: str) -> bool:
        up = traced.get(article)
        return up is not None and (up.source == other or frozenset((up.source, other)) in related)

    rows = list(traced_rows)
    rows += [
        link for link in same_story if not represented(link.copy, link.source) and not represented(link.source, link.copy)
    ]
    rows.sort(key=_ingest_key(info))
    return [replace(link, copy_url=info[link.copy].url, source_url=info[link.source].url) for link in rows]


# Copies read per step of ``copies_page``: a copy lists one row and, rarely, a few same_story
# pairs, so a page of 25 rows takes one step; deeper pages take one step per this many copies.
COPIES_PER_STEP = 100


def copies_page(store: Store, offset: int, limit: int, step_size: int = COPIES_PER_STEP) -> list[Link]:
    """Rows ``offset`` to ``offset + limit`` of ``copies(store)``, in its order, computed from the
    copies up to the page: the articles that are a pair's copy are walked in ingest order (an
    index range), ``step_size`` at a time, and each is traced from its own pairs and its
    sources' (``copy_rows``). A page costs what lies before it, never what lies after."""
    rows: list[Link] = []
    after = None
    while len(rows) < offset + limit:
        step = browse.pair_copies(store, after, step_size)
        if not step:
            break
        rows += copy_rows(store, [info.id for info in step])
        after = (step[-1].ingested_at, step[-1].id)
    return rows[offset : offset + limit]


def copy_rows(store: Store, copy_ids: list[str]) -> list[Link]:
    """The `copies` rows whose copy is one of ``copy_ids``, from the pairs tracing them needs:
    their own pairs, the copy pairs of their same_story partners (whose traced source decides
    whether a same_story pair is listed), and the copy pairs of all their sources (a source
    that copies another source is not the original)."""
    own = browse.pairs_from(store, copy_ids)
    partners = {link.source for link in own if link.verdict == "same_story"} - set(copy_ids)
    near = [link for link in own if link.verdict in COPY_VERDICTS] + browse.pairs_from(store, partners, COPY_VERDICTS)
    sources = {link.source for link in near}
    beyond = browse.pairs_from(store, sources - set(copy_ids) - partners, COPY_VERDICTS)
    stored = list({(link.copy, link.source): link for link in [*near, *beyond]}.values())
    info = store.article_infos({*copy_ids, *partners, *sources, *(link.source for link in beyond)})
    traced = _traced(stored, info)  # right for copy_ids and partners: their sources' pairs are all here
    same_story = [link for link in own if link.verdict == "same_story"]
    asked = [(up.source, other) for link in same_story for end, other in ((link.copy, link.source), (link.source, link.copy))
             if (up := traced.get(end)) is not None]
    related = browse.linked_pairs(store, asked)
    return _listed((traced[aid] for aid in copy_ids if aid in traced), same_story, traced, related, info)


@dataclass(frozen=True)
class TraceNode:
    """One article in a provenance tree, with the copies traced to it."""

    article: str  # article id
    url: str
    title: str | None
    published: str | None
    verdict: str | None  # how it relates to its parent (root: None; beside the tree: "same_story")
    score: float | None
    asked: bool  # the article the tree was asked for
    children: tuple[TraceNode, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "verdict": self.verdict,
            "score": round(self.score, 3) if self.score is not None else None,
            "asked": self.asked,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass(frozen=True)
class ProvenanceTree:
    """The story an article belongs to: its earliest source with the copies traced to it,
    recursively, and beside it the independent reports of the same events (each with its own copies)."""

    article: str  # the asked article's id
    root: TraceNode
    same_story: tuple[TraceNode, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "root": self.root.to_dict(),
            "same_story": [node.to_dict() for node in self.same_story],
        }


def _component(
    store: Store, start: Iterable[str], verdicts: Iterable[str], most: int
) -> tuple[set[str], list[Link]]:
    """The articles reachable from ``start`` over stored pairs of these verdicts, breadth
    first, at most ``most`` of them; and the pairs among them."""
    verdicts = tuple(verdicts)
    members = set(start)
    frontier = sorted(members)
    found: dict[tuple[str, str], Link] = {}
    while frontier and len(members) < most:
        step = store.links_of(frontier, verdicts)
        frontier = []
        for link in step:
            found[link.copy, link.source] = link
            for aid in (link.copy, link.source):
                if aid not in members and len(members) < most:
                    members.add(aid)
                    frontier.append(aid)
    return members, [link for link in found.values() if link.copy in members and link.source in members]


def _story(store: Store, article_id: str, most: int) -> tuple[list[Link], dict[str, _Info]]:
    """The pairs and articles the tree of ``article_id`` is drawn from: the articles joined
    to it by copy pairs, their same_story pairs, and the articles joined by copy pairs
    to the far ends of those. Tracing within them gives what tracing everything would."""
    near, stored = _component(store, [article_id], COPY_VERDICTS, most)
    beside = store.links_of(near, ("same_story",))
    far, more = _component(store, _partners(beside, near) - near, COPY_VERDICTS, most)
    info = store.article_infos(near | far)
    return [*stored, *beside, *more], info


def trace(store: Store, article_id: str, settings: LinkSettings = DEFAULT_SETTINGS) -> ProvenanceTree:
    """The provenance tree of the story ``article_id`` belongs to (an id, as ``store.find`` gives).

    Reads only that story's part of the links table (``_story``, at most ``settings.trace_limit``
    articles each way), however big the database.
    """
    stored, info = _story(store, article_id, settings.trace_limit)
    traced = _traced(stored, info)
    children: dict[str, list[Link]] = defaultdict(list)
    for link in traced.values():
        children[link.source].append(link)

    def root_of(aid: str) -> str:
        seen = {aid}
        while aid in traced and traced[aid].source not in seen:  # a cycle cannot loop forever
            aid = traced[aid].source
            seen.add(aid)
        return aid

    members: set[str] = set()

    def node(aid: str, verdict: str | None, score: float | None) -> TraceNode:
        members.add(aid)
        kids = sorted(
            (link for link in children[aid] if link.copy not in members), key=lambda l: _earliest_key(info[l.copy])
        )
        about = info[aid]
        return TraceNode(
            article=aid,
            url=about.url,
            title=about.title,
            published=about.published,
            verdict=verdict,
            score=score,
            asked=aid == article_id,
            children=tuple(node(link.copy, link.verdict, link.score) for link in kids),
        )

    tree = node(root_of(article_id), None, None)
    beside: dict[str, float] = {}
    for link in stored:
        if link.verdict != "same_story":
            continue
        for near, far in ((link.copy, link.source), (link.source, link.copy)):
            other = root_of(far)
            if near in members and other not in members:
                beside[other] = max(beside.get(other, 0.0), link.score)
    same_story = tuple(
        node(aid, "same_story", beside[aid]) for aid in sorted(beside, key=lambda aid: _earliest_key(info[aid]))
    )
    return ProvenanceTree(article=article_id, root=tree, same_story=same_story)
