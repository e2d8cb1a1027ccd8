"""Work spread over worker processes, results back in input order.

``in_order(work, items, workers, ...)`` cuts ``items`` into chunks, runs ``work(chunk)``
in ``workers`` processes and yields the results of each chunk in the order the items
came, so the one consumer (``pipeline.ingest``'s writer: store, then link) sees exactly
what a single process would have given it. Each process runs ``initializer`` once when it
starts (the spaCy model is loaded there, once per process).

Worker processes fork from a forkserver that imports ``PRELOAD`` first (the pipeline's
modules and the spaCy model, ``newstrace.worker_preload``): they are loaded once per
forkserver, not once per worker, and the initializer finds the model already there.

Only a bounded number of chunks is sent ahead of the consumer, so a long input stream is
never read into memory at once. A chunk whose process dies (killed, out of memory, a crash
in native code) does not stop the batch: every chunk in flight runs again alone, a chunk
that kills its process again is cut in halves down to the item that kills it, that item
alone becomes ``on_error(item, error)``, and a new pool takes the chunks that follow.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items per task. Every chunk sent and not yet consumed is work the one consumer (the writer)
# still has to do when the workers finish: with 2 workers, (1 + CHUNKS_AHEAD) * 2 chunks, done
# on one core while the other idles. At 32 that tail was up to 128 BBC articles (about 6 s at
# the writer's 48 ms CPU per article, measured over 200); at 8 it is 32. Parsing 128 BBC
# articles in nlp.pipe calls of 8, 16 or 32 texts cost the same CPU within the noise of this
# machine (7.4-10.1 s for each size, two rounds under load 4-5).
CHUNK_SIZE = 8
# Chunks queued per worker beyond the one it works on: a worker never waits for the next
# chunk, and at most (workers * (1 + CHUNKS_AHEAD)) chunks are read ahead of the writer.
CHUNKS_AHEAD = 1
# "forkserver": workers fork from a fresh single-threaded server process, never from the
# caller, whose database connections and fetcher threads could copy a held lock into a child.
# Unlike "spawn" (each worker a fresh interpreter importing everything and loading the model
# again: about 2 s of CPU per worker, imports 0.7 s and the model 1 s, measured over 150 BBC
# articles), the server imports PRELOAD once and every worker forks with it.
START_METHOD = "forkserver"
# Modules the forkserver imports before it forks the first worker. The forkserver is started
# once per process and keeps the modules it started with, so this is the one list for all.
PRELOAD = ("newstrace.worker_preload",)


def in_order(
    work: Callable[[list[T]], list[R]],
    items: Iterable[T],
    workers: int,
    on_error: Callable[[T, BaseException], R],
    initializer: Callable[[], None] | None = None,
    chunk_size: int = CHUNK_SIZE,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[R]:
    """``work(chunk)`` for consecutive chunks of ``items`` in ``workers`` processes, the
    results yielded one by one in input order. ``work`` returns one result per item and
    must be picklable (a module-level function), as must the items and results.
    ``meanwhile()`` runs once here after the first chunks are sent, while the workers start
    and work on them (the consumer's own preparation), before the first result is awaited."""
    chunks = _chunks(items, chunk_size)
    context = _context()
    pending: deque[tuple[list[T], Future]] = deque()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer)
    try:
        while True:
            while len(pending) < workers * (1 + CHUNKS_AHEAD):
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, _submit(pool, work, chunk)))
            if meanwhile is not None:
                meanwhile, prepare = None, meanwhile
                prepare()
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                # A process died, taking every chunk in flight with it: each of them runs again
                # alone (``_alone``), so only the item that kills its process by itself is lost.
                pool.shutdown(wait=False, cancel_futures=True)
                for lost in (chunk, *(queued for queued, _ in pending)):
                    yield from _alone(work, lost, on_error, context, initializer)
                pending.clear()
                pool = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer)
            except Exception as error:  # work itself raised (it should not): its items fail alone
                yield from (on_error(item, error) for item in chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# The process whose pools use the forkserver: multiprocessing keeps one per process and a
# process forked from this one inherits its record of it, but cannot use it (the server is not
# its child). Such a process (two ingests forked from one parent, as in tests/test_hostile.py)
# spawns its workers instead: each loads its own model, as every worker did before.
_forkserver_user: int | None = None


def _context():
    global _forkserver_user
    if _forkserver_user not in (None, os.getpid()):
        return multiprocessing.get_context("spawn")
    _forkserver_user = os.getpid()
    context = multiprocessing.get_context(START_METHOD)
    context.set_forkserver_preload(list(PRELOAD))  # read only when the forkserver starts
    return context


def _submit(pool: ProcessPoolExecutor, work, chunk) -> Future:
    try:
        return pool.submit(work, chunk)
    except BrokenProcessPool as error:
        # A process died after the last result was taken: this chunk fails as those in flight
        # did, and runs again with them when its turn comes.
        failed: Future = Future()
        failed.set_exception(error)
        return failed


def _alone(work, chunk, on_error, context, initializer) -> list:
    """``work(chunk)`` in a process of its own, the results in input order.

    When that process dies, the chunk is cut in halves and each half runs again (in a new
    process once the old one is gone), down to single items: only an item that kills its
    process by itself becomes ``on_error(item, error)``. When ``work`` raises (it should not),
    each item of the piece that raised becomes ``on_error``."""
    results: list = []
    pieces = [chunk]
    pool = None
    try:
        while pieces:
            piece = pieces.pop(0)
            pool = pool or ProcessPoolExecutor(1, mp_context=context, initializer=initializer)
            try:
                results.extend(pool.submit(work, piece).result())
            except BrokenProcessPool as error:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = None
                if len(piece) == 1:
                    results.append(on_error(piece[0], error))
                else:
                    middle = len(piece) // 2
                    pieces[:0] = [piece[:middle], piece[middle:]]
            except Exception as error:
                results.extend(on_error(item, error) for item in piece)
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    return results


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


__all__ = ["CHUNK_SIZE", "in_order"]
