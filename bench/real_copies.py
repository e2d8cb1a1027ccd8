"""Real copies benchmark: copy linking, source tracing, verdicts and distortions on real web pages.

    .venv/bin/python bench/real_copies.py [--data DIR] [--db FILE] [--pairs] [--notes]

``../shared/data/real-copies`` holds real pages (scraped excerpts of up to ~2,000
characters) in clusters: one source report, its real copies on other sites
(verbatim, edited, content-farm spun, summaries, translations) and independent
reports of the same events (``same_story``), with labels written by people who
read them. We tune on this half; a second half of the same kind is kept aside.

The pages are ingested with ``newstrace.pipeline.ingest`` (full parse, linking
on ingest, in file order, or shuffled with ``--shuffle SEED``: where the dates
tie or are missing, which page is the copy falls back on ingest order, and the
file lists each source before its copies) into a temporary SQLite file, or into ``--db FILE``:
an existing file is not parsed again, its stored analyses' copies and stories are
re-linked from scratch in ingest order (fast iteration on the linker; people keep
the profiles of the first ingest). Then, from ``copies``:

* ``copy_precision``: of the rows with a copy verdict, the share whose copy is
  labelled a copy (an independent report, or a source, listed as a copy is an
  error);
* ``copy_recall`` (and per labelled verdict): labelled copies listed as copies;
* ``source_accuracy``: of the copies found, the share traced to their labelled
  source (URLs that differ only by ``www.`` or ``utm_`` parameters are one page);
* ``verdict_accuracy``: of the copies found, the share with the labelled verdict;
* ``pair_verdict_accuracy``: ``compare`` run directly on each labelled pair in
  the labelled direction (the verdict alone, whatever the linker traced);
* ``distortions_per_copy``: distortions ``compare`` reports on labelled
  copies; with ``--notes`` each labelled note is printed beside them, to read;
* ``same_story_pair_recall``: ``compare`` on each labelled same_story pair judges
  it ``same_story``; ``same_story_link_precision`` / ``_recall``: the linker's stored
  same_story links whose pages are in one labelled story (clusters joined as
  below), and the labelled same_story pairs with such a link;
* story cohesion (``link.stories``): over every pair of stored pages,
  ``story_pair_precision`` (of the pairs put in one story, the share whose pages
  are in one labelled cluster) and ``story_pair_recall`` (of the pairs in one
  labelled cluster, the share put in one story); ``largest_story`` (its
  articles and how many labelled clusters they come from); and
  ``labelled_pairs_in_one_story`` (each label's copy and source, per verdict).
  Clusters the data's README calls one event or topic (C04/C31, C07/C08,
  C40/C41/C42/C51, C49/C50) count as one;
* ``cross_language_translated_precision`` / ``_recall``: ``compare`` run on
  every (non-English page, English page) pair, whatever the linker chose to
  verify (with the store's word counts, as the linker weighs them): of the pairs
  judged ``translated``, the share labelled so; of the labelled translations of a
  non-English page, the share judged so (the verdict alone, before candidate selection);
* what the linker stored between a non-English and an English page:
  ``cross_language_link_precision`` (the share of those links whose pages are in
  one labelled story) and ``cross_language_labelled_translated_linked`` /
  ``_same_story_linked`` (of the labelled pairs, the share with a stored link, any verdict).

Prints JSON lines ``{"benchmark": "real-copies", "metric", "value"}``;
``--pairs`` lists every labelled pair's outcome on stderr. Without the data it
says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import emitter, note, ratio  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "real-copies"
BENCHMARK = "real-copies"
# Clusters that report one event or topic (the data's README): one labelled story each.
SAME_EVENT_CLUSTERS = (("C04", "C31"), ("C07", "C08"), ("C40", "C41", "C42", "C51"), ("C49", "C50"))


emit = emitter(BENCHMARK)


def same_page(url: str) -> str:
    """One key for URLs that differ only by ``www.`` or ``utm_`` parameters (the data's rule)."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")])
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), query, ""))


def load(data: Path) -> tuple[list[dict], list[dict]]:
    pages = [json.loads(line) for line in (data / "pages.jsonl").read_text(encoding="utf-8").splitlines() if line]
    labels = [json.loads(line) for line in (data / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return pages, labels


def build(data: Path, db: Path, shuffle: int | None = None):
    """The store with every page ingested and linked; re-linked from scratch when ``db`` exists."""
    from newstrace import pipeline
    from newstrace.link.copies import link_article
    from newstrace.store import Store

    existed = db.exists()
    store = Store(db)
    started = time.perf_counter()
    if not existed:
        pages = data / "pages.jsonl"
        if shuffle is not None:  # the order pages arrive in decides direction when dates do not
            lines = pages.read_text(encoding="utf-8").splitlines()
            random.Random(shuffle).shuffle(lines)
            pages = db.parent / "shuffled.jsonl"
            pages.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = pipeline.ingest([pages], store)
        for problem in report.problems:
            note(f"ingest problem: {problem.source}: {problem.reason}")
        emit("ingest_seconds", time.perf_counter() - started, articles=len(report.ingested))
    else:
        from sqlalchemy import delete

        from newstrace.link.stories import assign_story
        from newstrace.store.schema import fingerprints, links, lsh_bucket_sizes, lsh_buckets, profile_stories, story_articles
        from newstrace.store.schema import story_sizes, story_terms

        with store.engine.begin() as conn:
            for table in (links, fingerprints, lsh_buckets, lsh_bucket_sizes, story_articles, story_sizes, story_terms, profile_stories):
                conn.execute(delete(table))
        order = store.articles()  # oldest ingest first
        for row in order:  # copies and stories again; people keep the profiles of the first ingest
            analysis = store.get(row["id"])
            link_article(store, analysis)
            assign_story(store, analysis)
        emit("relink_seconds", time.perf_counter() - started, articles=len(order))
    return store


def score(store, pages: list[dict], labels: list[dict], show_pairs: bool, show_notes: bool) -> None:
    from newstrace.link.compare import compare
    from newstrace.link.copies import copies
    from newstrace.model import COPY_VERDICTS

    stored = {same_page(row["url"]): row["id"] for row in store.articles()}
    page_id = {same_page(p["url"]): p["id"] for p in pages}
    truth = {same_page(l["copy"]): l for l in labels if l["verdict"] != "same_story"}
    independent = {same_page(l["copy"]) for l in labels if l["verdict"] == "same_story"}
    # Two URLs of one page (www., utm_) are one page: a pair of them is no copy.
    rows = [r for r in copies(store) if r.verdict in COPY_VERDICTS and same_page(r.copy_url) != same_page(r.source_url)]
    traced = {same_page(r.copy_url): r for r in rows}

    right_rows = [r for r in rows if same_page(r.copy_url) in truth]
    emit("copy_precision", ratio(len(right_rows), len(rows)), rows=len(rows))
    for r in rows:
        if same_page(r.copy_url) not in truth:
            why = "independent report" if same_page(r.copy_url) in independent else "source or unlabelled page"
            note(f"false copy ({why}): {page_id.get(same_page(r.copy_url))} -> {page_id.get(same_page(r.source_url))} {r.verdict} {r.score:.2f}")

    found = {url: traced[url] for url in truth if url in traced}
    emit("copy_recall", ratio(len(found), len(truth)), copies=len(truth))
    by_verdict = Counter(l["verdict"] for l in truth.values())
    for verdict in sorted(by_verdict):
        hits = sum(1 for url, l in truth.items() if l["verdict"] == verdict and url in found)
        emit(f"copy_recall_{verdict}", ratio(hits, by_verdict[verdict]), copies=by_verdict[verdict])
    right_source = [u for u, r in found.items() if same_page(r.source_url) == same_page(truth[u]["source"])]
    emit("source_accuracy", ratio(len(right_source), len(found)))
    emit("verdict_accuracy", ratio(sum(found[u].verdict == truth[u]["verdict"] for u in found), len(found)))

    verdicts = Counter()
    distortions = 0
    for url, label in sorted(truth.items(), key=lambda item: page_id.get(item[0], "")):
        copy_id, source_id = stored.get(url), stored.get(same_page(label["source"]))
        if copy_id is None or source_id is None:
            note(f"not stored: {label['copy']} or {label['source']}")
            continue
        result = compare(store.get(copy_id), store.get(source_id), frequency_of=frequency_of(store))
        verdicts[label["verdict"], result.verdict] += 1
        if result.verdict in COPY_VERDICTS:
            distortions += len(result.distortions)
        if show_pairs or show_notes:
            linked = found.get(url)
            outcome = f"linked {linked.verdict} -> {page_id.get(same_page(linked.source_url))}" if linked else "not linked"
            note(f"{page_id.get(url)} -> {page_id.get(same_page(label['source']))}: label {label['verdict']}, "
                 f"compare {result.verdict} {result.score:.2f} ({len(result.pairs)} pairs), {outcome}")
        if show_notes:
            note(f"    note: {label['note']}")
            for d in result.distortions:
                copy_text = d.copy.text if d.copy else None
                source_text = d.source.text if d.source else None
                note(f"    {d.type}: {source_text!r} -> {copy_text!r} ({d.detail})")
    total = sum(verdicts.values())
    emit("pair_verdict_accuracy", ratio(sum(n for (gold, got), n in verdicts.items() if gold == got), total), pairs=total)
    for (gold, got), n in sorted(verdicts.items()):
        if gold != got:
            note(f"pair verdict {gold} judged {got}: {n}")
    emit("distortions_per_copy", ratio(distortions, total))

    independent_pairs = [l for l in labels if l["verdict"] == "same_story"]
    called_copy = called_same_story = 0
    for label in independent_pairs:
        a, b = stored.get(same_page(label["copy"])), stored.get(same_page(label["source"]))
        verdict = compare(store.get(a), store.get(b)).verdict if a and b else None
        called_same_story += verdict == "same_story"
        if verdict in COPY_VERDICTS:
            called_copy += 1
            note(f"independent pair called a copy by compare: {page_id.get(same_page(label['copy']))} -> "
                 f"{page_id.get(same_page(label['source']))}")
    emit("hard_negative_accuracy", 1 - ratio(called_copy, len(independent_pairs)), pairs=len(independent_pairs))
    emit("same_story_pair_recall", ratio(called_same_story, len(independent_pairs)), pairs=len(independent_pairs))
    score_same_story_links(store, pages, labels)
    score_stories(store, pages, labels)
    score_cross_language(store, pages, labels)


def score_same_story_links(store, pages: list[dict], labels: list[dict]) -> None:
    """The linker's stored same_story links against the labelled stories: precision (the link's
    pages are in one labelled story) and recall (labelled same_story pairs with such a link)."""
    stored = {same_page(row["url"]): row["id"] for row in store.articles()}
    story_of = {stored[same_page(p["url"])]: labelled_story(p["id"]) for p in pages if same_page(p["url"]) in stored}
    links = [l for l in store.all_links() if l.verdict == "same_story" and l.copy in story_of and l.source in story_of]
    right = sum(story_of[l.copy] == story_of[l.source] for l in links)
    emit("same_story_link_precision", ratio(right, len(links)), links=len(links))
    linked = {frozenset((l.copy, l.source)) for l in links}
    labelled = [
        frozenset((stored.get(same_page(l["copy"])), stored.get(same_page(l["source"]))))
        for l in labels
        if l["verdict"] == "same_story"
    ]
    emit("same_story_link_recall", ratio(sum(pair in linked for pair in labelled), len(labelled)), pairs=len(labelled))


def labelled_story(page_id: str) -> str:
    """The labelled story of a page: its cluster (``C07`` of ``C07-P3``), or the first of the
    clusters reporting the same event."""
    cluster = page_id.split("-")[0]
    return next((group[0] for group in SAME_EVENT_CLUSTERS if cluster in group), cluster)


def score_stories(store, pages: list[dict], labels: list[dict]) -> None:
    """How well stories follow the labelled clusters: pairwise precision and recall, the largest story."""
    stored = {same_page(row["url"]): row["id"] for row in store.articles()}
    page_of = {stored[same_page(p["url"])]: p["id"] for p in pages if same_page(p["url"]) in stored}
    story = {page_of[article]: s for article, s in store.stories_of(page_of).items()}
    together = apart = missed = 0
    for first, second in combinations(sorted(story), 2):
        gold = labelled_story(first) == labelled_story(second)
        same = story[first] == story[second]
        together += same and gold
        apart += same and not gold
        missed += gold and not same
    emit("story_pair_precision", ratio(together, together + apart), pairs=together + apart)
    emit("story_pair_recall", ratio(together, together + missed), pairs=together + missed)
    members: dict[str, list[str]] = {}
    for page, story_id in story.items():
        members.setdefault(story_id, []).append(page)
    largest = max(members.values(), key=len, default=[])
    emit("largest_story", len(largest), clusters=len({labelled_story(p) for p in largest}), stories=len(members))
    by_verdict: dict[str, list[bool]] = {}
    for label in labels:
        ends = [page_of.get(stored.get(same_page(label[side]), ""), "") for side in ("copy", "source")]
        if all(end in story for end in ends):
            by_verdict.setdefault(label["verdict"], []).append(story[ends[0]] == story[ends[1]])
    for verdict, outcomes in sorted(by_verdict.items()):
        emit(f"labelled_pairs_in_one_story_{verdict}", ratio(sum(outcomes), len(outcomes)), pairs=len(outcomes))


def frequency_of(store):
    """The store's word counts, as the linker weighs evidence across scripts (``index.item_frequency``)."""
    from newstrace.link import index

    return lambda items: index.item_frequency(store, items)


def score_cross_language(store, pages: list[dict], labels: list[dict]) -> None:
    """``compare`` on every (non-English page, English page) pair: translated verdicts against the
    labels; and the links the linker stored between a non-English page and an English one."""
    from newstrace.link.compare import compare

    stored = {same_page(row["url"]): row["id"] for row in store.articles()}
    present = [p for p in pages if same_page(p["url"]) in stored]
    translations = {
        (same_page(l["copy"]), same_page(l["source"])) for l in labels if l["verdict"] == "translated"
    }
    page_id = {same_page(p["url"]): p["id"] for p in pages}
    others = [same_page(p["url"]) for p in present if p["language"] != "en"]
    english = [same_page(p["url"]) for p in present if p["language"] == "en"]
    judged = {
        (copy, source)
        for copy in others
        for source in english
        if compare(store.get(stored[copy]), store.get(stored[source]), frequency_of=frequency_of(store)).verdict
        == "translated"
    }
    labelled = {pair for pair in translations if pair[0] in others}
    emit("cross_language_translated_precision", ratio(len(judged & labelled), len(judged)), pairs=len(judged))
    emit("cross_language_translated_recall", ratio(len(judged & labelled), len(labelled)), pairs=len(labelled))
    for copy, source in sorted(judged - labelled):
        note(f"cross-language pair judged translated, not labelled so: {page_id[copy]} -> {page_id[source]}")
    # What the linker stored: links between a non-English and an English page.
    language = {same_page(p["url"]): p["language"] for p in present}
    url_of = {article_id: url for url, article_id in stored.items()}
    across = []
    for link in store.all_links():
        ends = (url_of.get(link.copy), url_of.get(link.source))
        if None not in ends and sorted(language.get(end) == "en" for end in ends) == [False, True]:
            across.append((ends, link.verdict))
    right = [(ends, verdict) for ends, verdict in across if labelled_story(page_id[ends[0]]) == labelled_story(page_id[ends[1]])]
    emit("cross_language_link_precision", ratio(len(right), len(across)), links=len(across))
    for ends, verdict in sorted(set(across) - set(right)):
        note(f"cross-language link across labelled stories: {page_id[ends[0]]} -> {page_id[ends[1]]} {verdict}")
    linked = {frozenset(ends): verdict for ends, verdict in across}
    for verdict in ("translated", "same_story"):
        pairs = [(same_page(l["copy"]), same_page(l["source"])) for l in labels if l["verdict"] == verdict]
        pairs = [pair for pair in pairs if pair[0] in others and pair[1] in english]
        found = [pair for pair in pairs if frozenset(pair) in linked]
        emit(f"cross_language_labelled_{verdict}_linked", ratio(len(found), len(pairs)), pairs=len(pairs))
        for pair in pairs:
            note(f"labelled {verdict} {page_id[pair[0]]} -> {page_id[pair[1]]}: "
                 + (f"linked {linked[frozenset(pair)]}" if frozenset(pair) in linked else "not linked"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--db", type=Path, help="keep the database here; an existing one is re-linked, not re-parsed")
    parser.add_argument("--shuffle", type=int, metavar="SEED", help="ingest the pages in a shuffled order")
    parser.add_argument("--pairs", action="store_true", help="every labelled pair's outcome on stderr")
    parser.add_argument("--notes", action="store_true", help="labelled notes beside the distortions found")
    args = parser.parse_args(argv)
    if not (args.data / "pages.jsonl").exists():
        note(f"real copies data not found at {args.data}: nothing to measure")
        return 0
    pages, labels = load(args.data)
    with tempfile.TemporaryDirectory() as folder:
        store = build(args.data, args.db or Path(folder) / "bench.db", args.shuffle)
        score(store, pages, labels, args.pairs, args.notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
