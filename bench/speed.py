"""Ingest throughput against bare spaCy, over ../shared/data/bbc-news, in one process.

    .venv/bin/python bench/speed.py [--limit N] [--data DIR]

Prints JSON lines:
    {"benchmark": "bbc-news", "metric": "spacy_articles_per_sec", "value": ...}
    {"benchmark": "bbc-news", "metric": "ingest_articles_per_sec", "value": ...}
    {"benchmark": "bbc-news", "metric": "ingest_vs_spacy", "value": ...}
    {"benchmark": "bbc-news", "metric": "ingest_workers2_articles_per_sec", "value": ...}
    {"benchmark": "bbc-news", "metric": "ingest_workers2_vs_1", "value": ...}

The baseline is ``nlp.pipe(texts, batch_size=64)`` with the same model and all
its default components, as spaCy ships them, over the raw file texts (already in memory). The
ingest is the whole path: reading files, cleaning, language detection,
parsing, extraction, writing to a fresh SQLite file and linking each article
as it is stored (copies, people, stories). The same ingest then runs with
``--workers 2`` (parsing and extraction in two processes, started and loading
their model inside the timed run; storing and linking in this one) into another
fresh file. Each timed run prints the machine's 1-minute load average at
its start (``load``) and the CPU seconds it used, in this process (``cpu``)
and in its worker processes (``workers_cpu``: the workers and the forkserver
they fork from, which loads the model once for all of them and is still
running when the run ends): on a shared machine other work takes cores from
the runs, and the CPU seconds show what the wall time hides.

The baseline is the model's full default pipeline as spaCy ships it
(``nlp.stock``), as issue 16 defines it. The ingest parses with the same model
and every one of its components (each is read by an extractor: see
``nlp.MODEL_NAMES``), so neither side runs fewer components than the other;
ours splits glued names in the tokenizer and runs the attribute_ruler and the
lemmatizer as lookups that set the same attributes (``rule_lookups``;
tests/test_rule_lookups.py checks every token attribute equal to the stock
pipeline's).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from newstrace import nlp as nlp_module
from newstrace import pipeline
from newstrace.store import Store

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "bbc-news" / "bbc"
WARMUP = 32  # texts parsed before timing, so neither run pays for first-call setup


def emit(metric: str, value: float, **extra) -> None:
    print(json.dumps({"benchmark": "bbc-news", "metric": metric, "value": round(value, 3), **extra}), flush=True)


class Run:
    """Wall seconds, CPU seconds (this process, its finished children) and the load at the start."""

    def __enter__(self):
        self.load = round(os.getloadavg()[0], 2)
        self.cpu, self.workers_cpu = _cpu(resource.RUSAGE_SELF), _children_cpu()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *_exc):
        self.seconds = time.perf_counter() - self.started
        self.cpu = round(_cpu(resource.RUSAGE_SELF) - self.cpu, 1)
        self.workers_cpu = round(_children_cpu() - self.workers_cpu, 1)

    def figures(self) -> dict:
        return {"seconds": round(self.seconds, 1), "cpu": self.cpu, "workers_cpu": self.workers_cpu, "load": self.load}


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _children_cpu() -> float:
    """CPU seconds of this process's children: those that ended (getrusage), and those still
    running with the children they waited for (/proc: the forkserver and the workers it reaped,
    which getrusage counts only once the forkserver ends with this process)."""
    ticks = os.sysconf("SC_CLK_TCK")
    running = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile: getrusage counts it
            continue
        if int(fields[1]) == os.getpid():  # fields[1]: the parent's pid
            running += sum(int(value) for value in fields[11:15]) / ticks  # utime stime cutime cstime
    return _cpu(resource.RUSAGE_CHILDREN) + running


def timed_ingest(paths: list[Path], **options) -> tuple[Run, pipeline.IngestReport]:
    """An ingest of ``paths`` into a fresh SQLite file, timed; and its report."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        with Run() as run:
            report = pipeline.ingest([str(p) for p in paths], store, **options)
        store.engine.dispose()
    if report.problems:
        print(f"{len(report.problems)} inputs failed, e.g. {report.problems[0]}", file=sys.stderr)
    return run, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N articles.")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"bbc-news data not found at {args.data}; pass --data DIR.", file=sys.stderr)
        return 2
    paths = sorted(args.data.glob("*/*.txt"))[: args.limit]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]

    bare, nlp = nlp_module.stock(), nlp_module.load()
    for model in (bare, nlp):
        list(model.pipe(texts[:WARMUP], batch_size=64))

    with Run() as spacy_run:
        for _doc in bare.pipe(texts, batch_size=64):
            pass

    ingest_run, report = timed_ingest(paths, nlp=nlp)
    workers_run, _ = timed_ingest(paths, workers=2)

    spacy_rate = len(texts) / spacy_run.seconds
    # Both rates count input files; the ingest parses exact duplicates only once.
    ingest_rate = len(paths) / ingest_run.seconds
    emit("spacy_articles_per_sec", spacy_rate, articles=len(texts), **spacy_run.figures())
    emit(
        "ingest_articles_per_sec",
        ingest_rate,
        articles=len(paths),
        stored=len(report.ingested),
        duplicates=len(report.duplicates),
        **ingest_run.figures(),
    )
    emit("ingest_vs_spacy", ingest_rate / spacy_rate)
    emit("ingest_workers2_articles_per_sec", len(paths) / workers_run.seconds, articles=len(paths),
         **workers_run.figures())
    emit("ingest_workers2_vs_1", ingest_run.seconds / workers_run.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
