"""A bounded, thread-safe memo of values read or computed once per process.

The linker meets the same stored articles again and again (as candidates, as profile
members); what it reads of them never changes once stored, so it is kept here, least
recently used first out. ``functools.lru_cache`` does not fit: the keys name a database
and an article, not the arguments of one function.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from contextlib import contextmanager
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(Generic[V]):
    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()  # the web app may link and compare from several threads

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: Hashable, value: V) -> V:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value


class Caches:
    """What one ``Linker`` keeps in memory: the stored analyses it read whole, the person claims
    of stored articles, the articles it read for comparison and what comparing them read of their
    analyses (``Store.compared_analyses``: a reading holds it, so keeping as many costs only the
    map). Never shared between two Linkers, so two databases in one process (a web server, a
    test run) share nothing."""

    def __init__(self, analyses: int, claims: int, readings: int) -> None:
        self.analyses: Memo = Memo(analyses)
        self.claims: Memo = Memo(claims)
        self.readings: Memo = Memo(readings)
        self.compared: Memo = Memo(readings)


# Python's cyclic collector scans every tracked object it holds at each full collection, and by
# default (700, 10, 10) it runs one every few dozen linked articles: with the caches above full
# (a thousand analyses, thousands of readings and claims: millions of objects that live as long
# as the Linker) each cost about a second. Linking makes little cyclic garbage, so it runs with
# fewer collections: on the 400 bench/scale.py articles after 4,620, collection took 18.1 CPU ms
# per article at (700, 10, 10), 7.3 at (10_000, 20, 20), 3.8 at these; peak memory 1,137 MB at
# each (cyclic garbage that lives longer would have shown there).
LINKING_GC_THRESHOLDS = (10_000, 50, 50)


@contextmanager
def fewer_collections():
    """The collector at LINKING_GC_THRESHOLDS inside (``with`` or as a decorator), as before after."""
    before = gc.get_threshold()
    gc.set_threshold(*LINKING_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
