"""Synthetic copies benchmark: copy linking, verdicts and distortions on BBC-based copies; --scale for linking cost.

    .venv/bin/python bench/provenance.py [--size N] [--seed S] [--data DIR] [--write DIR]
    .venv/bin/python bench/provenance.py --scale [--sizes 10000 100000] [--seed S] [--data DIR]

Accuracy (the default). ``bench/synthetic.py`` makes, from N BBC News originals
(default 150; a fifth of them stored only in part, as a scrape that stopped
early), five copies of each: a verbatim reprint, an edited copy, a spun copy
(thesaurus swaps from Debian's mythes-en-us, which the linker does not read,
moved clauses, split and joined sentences, filler, garble), a partial copy (the
first part of the source, verbatim or edited) and a summary; the edited, spun,
partial-edited and summary copies carry FactCC-style distortions (2 to 4 each,
1 to 2 in a summary). Plus N unrelated BBC articles of the same topics as
distractors. Each copy has a gold verdict: its kind, except a partial copy's,
which is ``verbatim`` or ``edited``. The pages (with site furniture) go in one shuffled JSONL file, are
ingested into a temporary SQLite file with ``newstrace.pipeline.ingest`` (full
parse), which links each article as it stores it (``link_article``, in ingest
order; ``ingest_seconds`` includes linking). Then:

* ``copy_precision``: of the ``copies`` rows with a copy verdict, the share whose
  traced source is the copy's true original (and per verdict said,
  ``copy_precision_verdict_<verdict>``); ``copy_recall``: of the copies, the
  share listed with their true original and a copy verdict (and per kind,
  ``copy_recall_<kind>``, and per gold verdict, ``copy_recall_verdict_<verdict>``);
  ``link_verdict_accuracy``: of the rows found, the
  share with the gold verdict.
* ``verdict_accuracy`` (and per kind): ``compare(copy, original)`` on every true
  pair gives the copy's gold verdict (verbatim / edited / spun / summary).
* ``distortion_precision`` / ``distortion_recall`` (overall, and per type as
  ``distortion_recall_<type>`` / ``distortion_precision_<type>``): from the same
  comparisons. A predicted distortion matches a gold one of the same type whose
  copy span overlaps its copy span (source spans for ``dropped``). Matching is by
  overlap, not one to one, so one report covering two adjacent gold sentences
  counts for both. Per copy kind: ``distortion_precision_in_<kind>`` /
  ``distortion_recall_in_<kind>``.
* ``hard_negative_accuracy``: ``compare(distractor, same-topic original)`` gives
  no copy verdict.

Ground-truth spans index the clean texts the generator wrote; each ingested
article's text is checked against them (``text_mismatches``: articles whose
ingested text does not contain the generated clean text; their distortions are
left out of the distortion scores). A text found inside the ingested one at an
offset has its spans moved by that offset.

Scale (``--scale``): per size, a fresh subprocess builds that many lightweight
articles (no parse: sentences of BBC articles recombined at random, one in ten
an edited copy of an earlier one), and links each in its own transaction
against a temporary SQLite file the way ``link_article`` does before
verification: ``fingerprint``, ``index.candidates``, then storing the
fingerprint row and ``index.add``. Prints ``link_seconds_<n>``,
``link_peak_mb_<n>`` (the subprocess's peak resident memory, ru_maxrss),
``candidates_per_doc_<n>``, ``candidate_recall_<n>`` (copies whose original is
among their candidates), ``index_matches_per_query_<kind>_<n>`` (every 100th
query also counts the indexed articles sharing a band of that kind in the buckets
the lookup reads, ``index.lookup_keys``, before the candidate limit: the rows the
candidate query reads) and ``link_time_growth`` (time at the largest size over
time at the smallest, divided by the size ratio: 1.0 is linear).

Prints JSON lines ``{"benchmark": "synthetic-copies", "metric": ..., "value": ...}``;
diagnostics (confusions, misses) go to stderr. Without ../shared/data/bbc-news
it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
from report import emitter, note, ratio  # noqa: E402
from synthetic import Change, Record  # noqa: E402

from newstrace.model import COPY_VERDICTS, DISTORTION_TYPES, Analysis, Comparison  # noqa: E402

BENCHMARK = "synthetic-copies"
DEFAULT_SIZE = 150
DEFAULT_SCALE_SIZES = (10_000, 100_000)
# Lightweight scale documents: how many BBC sentences each holds, and the share that
# are edited copies of an earlier document.
SCALE_SENTENCES = (8, 20)
SCALE_COPY_SHARE = 0.1
SCALE_SPIN_RATE = 0.2  # share of a scale copy's content words the spinner replaces: a light edit
# Every this many documents, one query also counts every indexed article sharing a band
# (before the candidate limit): the work the candidate query does grows with it.
SCALE_PROBE_EVERY = 100
SCALE_INSERT_CHUNK = 5000  # article rows written per statement (a 100k-row list would dominate peak memory)


emit = emitter(BENCHMARK)


# -- accuracy -------------------------------------------------------------------------------


def ingest_and_link(records: list[Record], folder: Path) -> tuple[dict[str, Analysis], dict[str, float], list, Any]:
    """Ingest the corpus (shuffled order) into a fresh SQLite file and link every article.

    Returns the stored analyses by URL, the stage timings, the ``copies`` rows and the Linker
    (its comparisons reuse what linking read, as the linker's own do).
    """
    from newstrace import nlp as nlp_module
    from newstrace import pipeline
    from newstrace.link import Linker
    from newstrace.link.copies import copies, link_article
    from newstrace.store import Store

    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r.to_jsonl()) + "\n" for r in records), encoding="utf-8")
    store = Store(folder / "bench.db")
    nlp = nlp_module.load()
    started = time.perf_counter()
    linker = Linker(store)
    report = pipeline.ingest([corpus], store, nlp=nlp, linker=linker)
    timings = {"ingest_seconds": time.perf_counter() - started}
    for problem in report.problems:
        note(f"ingest problem: {problem.source}: {problem.reason}")
    analyses = {a.article.id: a for a in store.analyses()}
    already = store.fingerprint_count()
    started = time.perf_counter()
    if already:  # the pipeline links on ingest: linking again would drop pairs with later articles
        note(f"{already} articles were linked by the ingest itself; link_seconds is part of ingest_seconds")
    else:
        for article_id in report.ingested:
            link_article(store, analyses[article_id], caches=linker.caches)
    timings["link_seconds"] = time.perf_counter() - started
    rows = copies(store)
    return {a.article.url: a for a in analyses.values()}, timings, rows, linker


def offsets(records: list[Record], stored: dict[str, Analysis]) -> dict[str, int]:
    """Where each generated clean text sits in its ingested article text (absent: not found)."""
    found = {}
    for record in records:
        analysis = stored.get(record.url)
        position = analysis.article.text.find(record.text) if analysis else -1
        if position >= 0:
            found[record.url] = position
    return found


def score_links(records: list[Record], stored: dict[str, Analysis], rows: list) -> None:
    url_of = {a.article.id: url for url, a in stored.items()}
    truth = {r.url: r.source_url for r in records if r.source_url}
    kind = {r.url: r.role for r in records}
    verdict = {r.url: r.verdict for r in records}
    predicted = [row for row in rows if row.verdict in COPY_VERDICTS]
    right = [row for row in predicted if truth.get(url_of.get(row.copy)) == url_of.get(row.source)]
    found = {url_of[row.copy] for row in right}
    emit("copy_precision", ratio(len(right), len(predicted)), predicted=len(predicted))
    emit("copy_recall", ratio(len(found), len(truth)), copies=len(truth))
    for role in synthetic.KINDS:
        copies_of_kind = [url for url in truth if kind[url] == role]
        emit(f"copy_recall_{role}", ratio(sum(url in found for url in copies_of_kind), len(copies_of_kind)))
    for gold in sorted({v for v in verdict.values() if v}):
        of_verdict = [url for url in truth if verdict[url] == gold]
        emit(f"copy_recall_verdict_{gold}", ratio(sum(url in found for url in of_verdict), len(of_verdict)),
             copies=len(of_verdict))
    for said in COPY_VERDICTS:
        rows_said = [row for row in predicted if row.verdict == said]
        emit(f"copy_precision_verdict_{said}", ratio(sum(row in right for row in rows_said), len(rows_said)),
             predicted=len(rows_said))
    emit("link_verdict_accuracy", ratio(sum(row.verdict == verdict[url_of[row.copy]] for row in right), len(right)))
    wrong = Counter(
        f"{kind.get(url_of.get(row.copy), '?')} -> {kind.get(url_of.get(row.source), '?')} as {row.verdict}"
        for row in predicted
        if row not in right
    )
    for what, count in wrong.most_common():
        note(f"wrong copy row: {what}: {count}")
    missed = Counter(kind[url] for url in truth if url not in found)
    note(f"copies missed by kind: {dict(missed)}")


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _spans(change) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(copy, source) spans of a gold Change or a predicted model.Distortion."""
    if isinstance(change, Change):
        return change.copy, change.source
    return (
        (change.copy.start, change.copy.end) if change.copy else None,
        (change.source.start, change.source.end) if change.source else None,
    )


def matches(predicted, gold) -> bool:
    """Same type, and the copy spans overlap (the source spans for ``dropped``, or when a copy span is missing)."""
    if predicted.type != gold.type:
        return False
    (p_copy, p_source), (g_copy, g_source) = _spans(predicted), _spans(gold)
    if gold.type == "dropped" or p_copy is None or g_copy is None:
        return _overlap(p_source, g_source)
    return _overlap(p_copy, g_copy)


def shifted(change: Change, copy_offset: int, source_offset: int) -> Change:
    def move(span, by):
        return (span[0] + by, span[1] + by) if span else None

    return Change(change.type, move(change.copy, copy_offset), move(change.source, source_offset), change.detail)


def score_comparisons(
    records: list[Record], stored: dict[str, Analysis], where: dict[str, int], seed: int, compare: Callable
) -> None:
    by_url = {r.url: r for r in records}
    verdicts: Counter[tuple[str, str]] = Counter()
    gold_total, gold_found = Counter(), Counter()
    kind_gold, kind_found, kind_predicted, kind_right = Counter(), Counter(), Counter(), Counter()  # per copy kind
    predicted_total, predicted_right = Counter(), Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    confusions: Counter[str] = Counter()  # an unmatched report and what the gold says at its place
    seconds, pairs = 0.0, 0
    for record in records:
        if not record.source_url or record.url not in stored or record.source_url not in stored:
            continue
        copy, source = stored[record.url], stored[record.source_url]
        started = time.perf_counter()
        result: Comparison = compare(copy, source)
        seconds += time.perf_counter() - started
        pairs += 1
        verdicts[(record.role, record.verdict, result.verdict)] += 1
        if record.url not in where or record.source_url not in where:
            continue  # the ingested text is not the generated one: spans cannot be placed
        gold = [shifted(c, where[record.url], where[record.source_url]) for c in record.distortions]
        for change in gold:
            gold_total[change.type] += 1
            hit = any(matches(p, change) for p in result.distortions)
            gold_found[change.type] += hit
            kind_gold[record.role] += 1
            kind_found[record.role] += hit
            if not hit:
                there = sorted({p.type for p in result.distortions if _near(p, change)})
                confusions[f"{change.type} missed, reported there as {'/'.join(there) or 'nothing'}"] += 1
            if not hit and len(examples[f"missed {change.type}"]) < 3:
                examples[f"missed {change.type}"].append(_show(change, copy, source))
        for distortion in result.distortions:
            predicted_total[distortion.type] += 1
            hit = any(matches(distortion, g) for g in gold)
            predicted_right[distortion.type] += hit
            kind_predicted[record.role] += 1
            kind_right[record.role] += hit
            if not hit:
                confusions[f"{distortion.type} falsely reported where gold has {_gold_at(distortion, gold) or 'nothing'}"] += 1
            if not hit and len(examples[f"false {distortion.type}"]) < 3:
                examples[f"false {distortion.type}"].append(f"{record.role}: {json.dumps(distortion.to_dict())[:300]}")

    emit("compared_pairs", pairs)
    emit("compare_ms_per_pair", 1000 * seconds / max(1, pairs))
    emit("verdict_accuracy", ratio(sum(n for (_, gold, v), n in verdicts.items() if gold == v), sum(verdicts.values())))
    for role in synthetic.KINDS:
        of_role = [(gold, v, n) for (r, gold, v), n in verdicts.items() if r == role]
        emit(f"verdict_accuracy_{role}", ratio(sum(n for gold, v, n in of_role if gold == v), sum(n for *_, n in of_role)))
        shown = Counter({f"{v} (gold {gold})": n for gold, v, n in of_role})
        note(f"verdicts of {role} copies: {dict(shown.most_common())}")
    emit("distortion_precision", ratio(sum(predicted_right.values()), sum(predicted_total.values())),
         predicted=sum(predicted_total.values()))
    emit("distortion_recall", ratio(sum(gold_found.values()), sum(gold_total.values())), gold=sum(gold_total.values()))
    for kind in DISTORTION_TYPES:
        emit(f"distortion_recall_{kind}", ratio(gold_found[kind], gold_total[kind]), gold=gold_total[kind])
    for kind in DISTORTION_TYPES:
        emit(f"distortion_precision_{kind}", ratio(predicted_right[kind], predicted_total[kind]),
             predicted=predicted_total[kind])
    for role in synthetic.KINDS:
        emit(f"distortion_precision_in_{role}", ratio(kind_right[role], kind_predicted[role]),
             predicted=kind_predicted[role])
        emit(f"distortion_recall_in_{role}", ratio(kind_found[role], kind_gold[role]), gold=kind_gold[role])
    for what, count in confusions.most_common():
        note(f"distortion error: {what}: {count}")
    for label, shown in sorted(examples.items()):
        for line in shown:
            note(f"{label}: {line}")
    hard_negatives(records, stored, seed, compare)


def _near(a, b) -> bool:
    """Two changes at one place, whatever their types: copy spans or source spans overlap."""
    (a_copy, a_source), (b_copy, b_source) = _spans(a), _spans(b)
    return _overlap(a_copy, b_copy) or _overlap(a_source, b_source)


def _gold_at(distortion, gold: list[Change]) -> str | None:
    """The gold types at a reported distortion's place (any type), for the confusion counts."""
    return "/".join(sorted({g.type for g in gold if _near(distortion, g)})) or None


def _show(change: Change, copy: Analysis, source: Analysis) -> str:
    copy_text = copy.article.text[slice(*change.copy)] if change.copy else None
    source_text = source.article.text[slice(*change.source)] if change.source else None
    return json.dumps({"copy": copy_text, "source": source_text, "detail": change.detail})[:300]


def hard_negatives(records: list[Record], stored: dict[str, Analysis], seed: int, compare: Callable) -> None:
    """Each distractor against an original of the same topic: no copy verdict expected."""
    rng = random.Random(seed)
    originals = defaultdict(list)
    for record in records:
        if record.role == "original" and record.url in stored:
            originals[record.topic].append(record.url)
    outcome: Counter[str] = Counter()
    for record in records:
        if record.role == "distractor" and record.url in stored and originals[record.topic]:
            other = rng.choice(originals[record.topic])
            outcome[compare(stored[record.url], stored[other]).verdict] += 1
    total = sum(outcome.values())
    emit("hard_negative_accuracy", ratio(sum(n for v, n in outcome.items() if v not in COPY_VERDICTS), total), pairs=total)
    note(f"verdicts of distractor vs same-topic original: {dict(outcome)}")


def accuracy(args: argparse.Namespace, originals: list[synthetic.Original]) -> None:
    records = synthetic.build_corpus(originals, args.size, args.size, seed=args.seed)
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        (args.write / "corpus.jsonl").write_text("".join(json.dumps(r.to_jsonl()) + "\n" for r in records))
        (args.write / "gold.jsonl").write_text("".join(json.dumps(r.gold()) + "\n" for r in records))
        note(f"corpus and gold written to {args.write}")
    with tempfile.TemporaryDirectory() as tmp:
        stored, timings, rows, linker = ingest_and_link(records, Path(tmp))
        where = offsets(records, stored)
        emit("articles", len(records), stored=len(stored))
        emit("text_mismatches", len(records) - len(where))
        for name, seconds in timings.items():
            emit(name, seconds)
        score_links(records, stored, rows)
        score_comparisons(records, stored, where, args.seed, linker.compare)


# -- scale ----------------------------------------------------------------------------------


def scale_texts(pool: list[str], size: int, seed: int) -> Iterator[tuple[str, int | None]]:
    """``size`` lightweight documents (text, index of the original it copies or None), made on the fly.

    A document is a run of BBC sentences drawn at random; a copy re-makes an
    earlier original (never a copy) and edits it (a sentence dropped, a few words spun), so
    nothing but the current text is held in memory.
    """

    def original(index: int) -> str:
        rng = random.Random(seed * 1_000_003 + index)
        return " ".join(rng.sample(pool, rng.randint(*SCALE_SENTENCES)))

    rng = random.Random(seed)
    originals = array("l")  # indices of the documents that are not copies: a copy's source is one
    for index in range(size):
        if originals and rng.random() < SCALE_COPY_SHARE:
            source = originals[rng.randrange(len(originals))]
            parts = original(source).split(". ")
            del parts[rng.randrange(len(parts))]
            draft = synthetic.Draft.of(". ".join(parts))
            synthetic.spin_words(draft, rng, SCALE_SPIN_RATE)
            yield draft.finish("edited", "edited").text, source
        else:
            originals.append(index)
            yield original(index), None


def scale_run(size: int, seed: int, data: Path) -> dict:
    """Link ``size`` lightweight documents into a fresh SQLite file; time, peak memory, candidates."""
    from sqlalchemy import insert

    from newstrace.link import index
    from newstrace.link.settings import DEFAULT_SETTINGS
    from newstrace.link.fingerprint import KINDS, fingerprint
    from newstrace.link.text import sentences
    from newstrace.model import Article
    from newstrace.store import Store
    from newstrace.store.schema import articles

    pool = [s.text for o in synthetic.read_originals(data) for s in sentences(o.text)]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "scale.db")
        # The rows the index's foreign keys point to, written before the clock starts
        # (texts left out: only the linking tables are measured).
        with store.engine.begin() as conn:
            for chunk in range(0, size, SCALE_INSERT_CHUNK):
                rows = [
                    {"id": f"d{i}", "url": f"https://scale.example/{i}", "text": "", "removed": [],
                     "paragraphs": [], "notes": [], "ingested_at": f"{i:09d}"}
                    for i in range(chunk, min(size, chunk + SCALE_INSERT_CHUNK))
                ]
                conn.execute(insert(articles), rows)
        baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        candidates_seen = copies = recalled = 0
        matched: Counter[str] = Counter()  # per index kind: articles sharing a band, over the probes
        started = time.perf_counter()
        for i, (text, source) in enumerate(scale_texts(pool, size, seed)):
            article = Article(id=f"d{i}", url=f"https://scale.example/{i}", text=text)
            fp = fingerprint(article)
            if i % SCALE_PROBE_EVERY == SCALE_PROBE_EVERY - 1:
                read = index.lookup_keys(store, fp)  # the buckets the lookup reads: oversized ones skipped
                for kind, count in store.bucket_articles(read).items():
                    matched[kind] += count
            found = index.candidates(store, fp, DEFAULT_SETTINGS.candidate_limit)
            store.save_sketches([(article.id, fp.to_row(), index.band_rows(fp))])
            candidates_seen += len(found)
            if source is not None:
                copies += 1
                recalled += f"d{source}" in found
        seconds = time.perf_counter() - started
    return {
        "size": size,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "baseline_mb": baseline_mb,
        "candidates_per_doc": candidates_seen / size,
        "candidate_recall": ratio(recalled, copies),
        "matches_per_query": {kind: matched[kind] / max(1, size // SCALE_PROBE_EVERY) for kind in KINDS},
        "copies": copies,
    }


def scale(args: argparse.Namespace) -> None:
    results = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--scale-run", str(size), "--seed", str(args.seed), "--data", str(args.data)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            note(done.stderr)
            raise SystemExit(f"scale run of {size} documents failed")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(result)
        label = f"{size // 1000}k" if size % 1000 == 0 else str(size)
        emit(f"link_seconds_{label}", result["seconds"], docs_per_sec=round(size / result["seconds"], 1))
        emit(f"link_peak_mb_{label}", result["peak_mb"], before_linking_mb=round(result["baseline_mb"], 1))
        emit(f"candidates_per_doc_{label}", result["candidates_per_doc"])
        emit(f"candidate_recall_{label}", result["candidate_recall"], copies=result["copies"])
        for kind, mean in result["matches_per_query"].items():
            emit(f"index_matches_per_query_{kind}_{label}", mean)
    if len(results) > 1:
        small, large = results[0], results[-1]
        emit(
            "link_time_growth",
            (large["seconds"] / small["seconds"]) / (large["size"] / small["size"]),
            sizes=[small["size"], large["size"]],
            time_ratio=round(large["seconds"] / small["seconds"], 2),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=synthetic.DATA)
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE, help="originals (and as many distractors)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write", type=Path, default=None, help="also write corpus.jsonl and gold.jsonl here")
    parser.add_argument("--scale", action="store_true", help="time and memory of linking lightweight documents")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SCALE_SIZES))
    parser.add_argument("--scale-run", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.data.is_dir():
        note(f"bbc-news data not found at {args.data}: benchmark skipped (pass --data DIR).")
        return 0
    try:
        synthetic.thesaurus()
    except RuntimeError as missing:
        note(f"benchmark not run: {missing}")
        return 1
    if args.scale_run:
        print(json.dumps(scale_run(args.scale_run, args.seed, args.data)))
        return 0
    if args.scale:
        scale(args)
        return 0
    accuracy(args, synthetic.read_originals(args.data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
