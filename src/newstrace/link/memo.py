"""A bounded, thread-safe memo of values read or computed once per process.

The linker meets the same stored articles again and again (as candidates, as profile
members); what it reads of them never changes once stored, so it is kept here, least
recently used first out. ``functools.lru_cache`` does not fit: the keys name a database
and an article, not the arguments of one function.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
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
