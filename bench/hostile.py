"""Hostile inputs: crashes, hangs, silent drops and the slowest input, after the limits (issue 15).

    .venv/bin/python bench/hostile.py [--clauses 500] [--sentences 400] [--timeout 900] [--fuzz 1000] [--seed 0]

Builds the hostile corpus of tests/hostile_corpus.py in a temporary folder, at the
sizes the probe of issue 15 used (a 42 KB run-on sentence, an article naming 800
people), then:

1. ingests it as one folder with the real CLI in a subprocess, and counts inputs,
   tracebacks, internal errors, hangs (no exit within --timeout) and silent drops
   (an input neither stored nor named in a skip or duplicate line);
2. ingests each regular file and folder of it alone (the model loaded once, a fresh
   database each) and times it: read, clean, parse, extract, store and link;
3. ingests --fuzz generated inputs (tests/hostile_corpus.fuzz: the same shapes mixed at
   random in names, encodings and JSONL lines) as one folder in this process, and counts
   internal errors, exceptions that escaped, hangs and silent drops the same way.

Prints JSON lines: {"benchmark": "hostile", "metric": ..., "value": ...}.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_corpus  # noqa: E402  (a test helper, shared with tests/test_hostile.py)
from report import emitter  # noqa: E402

from newstrace import nlp as nlp_module  # noqa: E402
from newstrace import pipeline  # noqa: E402
from newstrace.budget import OverBudget, within  # noqa: E402
from newstrace.store import Store  # noqa: E402

CLI = [sys.executable, "-c", "from newstrace.cli import app; app()"]


emit = emitter("hostile")


def whole_folder(folder: Path, expected: dict[str, str], db: Path, timeout: float) -> None:
    start = time.monotonic()
    try:
        run = subprocess.run([*CLI, "ingest", str(folder), "--db", str(db)], capture_output=True, text=True,
                             timeout=timeout, errors="backslashreplace")
    except subprocess.TimeoutExpired:
        emit("hangs", 1, timeout_s=timeout)
        return
    emit("folder_seconds", round(time.monotonic() - start, 1), exit_code=run.returncode)
    lines = run.stderr.splitlines()
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("select source from articles")}
        integrity = conn.execute("pragma integrity_check").fetchone()[0]
    named = [line for line in lines if line.startswith(("  skipped ", "  duplicate "))]
    dropped = [
        name for name in expected
        if name not in stored and not any(line.split(" ", 3)[3].startswith(f"{name}: ") for line in named)
    ]
    emit("inputs", len(expected))
    emit("stored", len(stored))
    emit("named_in_a_line", len(named))
    emit("tracebacks", run.stderr.count("Traceback") + run.stdout.count("Traceback"))
    emit("internal_errors", sum("internal error" in line for line in lines))
    emit("crashes", int(run.returncode not in (0, 1)))
    emit("hangs", 0)
    emit("silent_drops", len(dropped), inputs=dropped)
    emit("integrity_check", integrity)


def each_input(folder: Path, work: Path) -> None:
    model = nlp_module.load()
    timings = []
    entries = [p for p in sorted(folder.iterdir()) if not p.name.endswith(".meta.json")]
    for number, entry in enumerate(entries):
        if entry.is_symlink() or not (entry.is_file() or entry.is_dir()):
            continue  # links, FIFOs: refused from their type, in no measurable time
        store = Store(work / f"one-{number}.db")
        start = time.monotonic()
        pipeline.ingest([entry], store, nlp=model)
        timings.append((time.monotonic() - start, entry.name))
    timings.sort(reverse=True)
    emit("inputs_timed", len(timings))
    for seconds, name in timings[:5]:
        emit("input_seconds", round(seconds, 2), input=name[:60])


def fuzzed(folder: Path, count: int, seed: int, db: Path, timeout: float) -> None:
    names = hostile_corpus.fuzz(folder, count, seed)
    events = []
    start = time.monotonic()
    escaped = hung = 0
    try:
        with within(timeout):
            pipeline.ingest([folder], Store(db), nlp=nlp_module.load(), on_progress=events.append)
    except OverBudget:
        hung = 1
    except Exception as error:  # what the batch must never let out
        escaped = 1
        emit("fuzz_escaped_error", repr(error))
    named = {event.source for event in events if event.kind in ("skipped", "duplicate")}
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("select source from articles")}
    dropped = [name for name in names if name not in stored and name not in named]
    emit("fuzz_inputs", len(names), files=count, seed=seed)
    emit("fuzz_seconds", round(time.monotonic() - start, 1))
    emit("fuzz_stored", len(stored))
    emit("fuzz_named", len(named))
    emit("fuzz_internal_errors", sum(1 for e in events if e.problem and e.problem.is_internal))
    emit("fuzz_crashes", escaped)
    emit("fuzz_hangs", hung)
    emit("fuzz_silent_drops", len(dropped), inputs=dropped[:5])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=500, help="clauses of the run-on sentence")
    parser.add_argument("--sentences", type=int, default=400, help="sentences of the many-people article")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before the folder ingest counts as hung")
    parser.add_argument("--fuzz", type=int, default=1000, help="generated inputs ingested as one folder (0: none)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated inputs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        folder = work / "corpus"
        expected = hostile_corpus.build(folder, clauses=args.clauses, sentences=args.sentences)
        whole_folder(folder, expected, work / "all.db", args.timeout)
        each_input(folder, work)
        if args.fuzz:
            fuzzed(work / "fuzz", args.fuzz, args.seed, work / "fuzz.db", args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
