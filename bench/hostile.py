"""Hostile inputs: crashes, hangs, silent drops and the slowest input, after the limits (issue 15).

    .venv/bin/python bench/hostile.py [--clauses 500] [--sentences 400] [--timeout 900]

Builds the hostile corpus of tests/hostile_corpus.py in a temporary folder, at the
sizes the probe of issue 15 used (a 42 KB run-on sentence, an article naming 800
people), then:

1. ingests it as one folder with the real CLI in a subprocess, and counts inputs,
   tracebacks, internal errors, hangs (no exit within --timeout) and silent drops
   (an input neither stored nor named in a skip or duplicate line);
2. ingests each regular file and folder of it alone (the model loaded once, a fresh
   database each) and times it: read, clean, parse, extract, store and link.

Prints JSON lines: {"benchmark": "hostile", "metric": ..., "value": ...}.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import hostile_corpus  # noqa: E402  (a test helper, shared with tests/test_hostile.py)

from newstrace import nlp as nlp_module  # noqa: E402
from newstrace import pipeline  # noqa: E402
from newstrace.store import Store  # noqa: E402

CLI = [sys.executable, "-c", "from newstrace.cli import app; app()"]


def emit(metric: str, value, **extra) -> None:
    print(json.dumps({"benchmark": "hostile", "metric": metric, "value": value, **extra}), flush=True)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=500, help="clauses of the run-on sentence")
    parser.add_argument("--sentences", type=int, default=400, help="sentences of the many-people article")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before the folder ingest counts as hung")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        folder = work / "corpus"
        expected = hostile_corpus.build(folder, clauses=args.clauses, sentences=args.sentences)
        whole_folder(folder, expected, work / "all.db", args.timeout)
        each_input(folder, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
