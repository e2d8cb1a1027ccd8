"""Python's cyclic garbage collector while articles are linked.

    with fewer_collections(): ...   (or ``@fewer_collections()`` on a function)

A Linker keeps thousands of stored articles' analyses, readings and claims in memory
(``link.memo.Caches``): millions of objects that live as long as it does. By default
(700, 10, 10) the collector makes a full pass over all of them every few dozen articles, and
each pass costs more the fuller the caches are. Linking makes little cyclic garbage, so it runs
with far fewer passes; ``ingest``, ``Linker.link_pending`` and bench/scale.py use this. The
setting is the process's: while a web server ingests in one thread, its other threads are
collected as rarely (they make little cyclic garbage either).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# (allocations before a young pass, young passes before a middle one, middle before a full one).
# Collection CPU per article at (700, 10, 10) -> these (peak memory: 1,137 -> 1,138 MB and 868 -> 898 MB,
# cyclic garbage waiting longer for its pass):
# - the 400 bench/scale.py articles after 4,620: 18.1 -> 3.8 ms ((10_000, 20, 20): 7.3);
# - a one-process ingest of 300 BBC articles: 4.70 -> 0.94 ms. Freezing the objects alive
#   before the ingest (``gc.freeze``, with a full pass every 100 young ones) gave 1.74, and
#   added to these thresholds 0.97: not kept.
LINKING_GC_THRESHOLDS = (10_000, 50, 50)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The collector at LINKING_GC_THRESHOLDS inside the block, as it was after."""
    before = gc.get_threshold()
    gc.set_threshold(*LINKING_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
