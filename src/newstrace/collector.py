"""Python's cyclic garbage collector during an ingest.

An ingest keeps hundreds of thousands of objects alive from start to end (the spaCy model, the
word lists, linking's indexes and caches), and each full pass of the collector walks them all
again, though they never become garbage. ``long_lived_frozen`` sets them aside while articles
are stored and linked.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Younger-generation passes between two full passes of the cyclic garbage collector while an
# ingest stores and links (Python's default: 10). A 300-article BBC ingest: 10 full passes cost
# 2.2 CPU ms per article (with long_lived_frozen), 1 pass at 100 cost 0.6, and 9 MB more at
# its peak (889 -> 898 MB): the garbage of ~200 articles' cycles waits for the next full pass.
YOUNG_PASSES_PER_FULL_PASS = 100


@contextmanager
def long_lived_frozen() -> Iterator[None]:
    """The objects alive now (the model, word lists, linking's indexes: about 170,000) left out
    of Python's cyclic garbage collector for the block (``gc.freeze``) and full passes made
    rarer (``YOUNG_PASSES_PER_FULL_PASS``); both undone at the end. Each full pass walked all
    those objects again: 3.7 of the 112 CPU ms an article cost in a 300-article BBC ingest.
    Objects are still freed as soon as nothing refers to them; garbage in cycles with a
    frozen object is collected after the block."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(thresholds[0], thresholds[1], max(thresholds[2], YOUNG_PASSES_PER_FULL_PASS))
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
