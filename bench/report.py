"""What every benchmark prints: one JSON line per measured figure on stdout, diagnostics on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable


def emitter(benchmark: str) -> Callable[..., None]:
    """``emit(metric, value, **extra)`` for one benchmark: a float rounded to 4 places."""

    def emit(metric: str, value, **extra) -> None:
        shown = round(value, 4) if isinstance(value, float) else value
        print(json.dumps({"benchmark": benchmark, "metric": metric, "value": shown, **extra}), flush=True)

    return emit


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
