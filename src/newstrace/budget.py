"""Time budgets: stop one article's work after so many seconds, keeping what finished.

``within(seconds)`` raises ``OverBudget`` inside the guarded block once the time is
up (a POSIX interval timer, so even a loop that never returns is stopped). The
timer only exists in the main thread of a process on POSIX; elsewhere the block
runs unguarded, bounded only by the input limits.
"""

from __future__ import annotations

import contextlib
import signal
import threading


class OverBudget(BaseException):
    """The time budget of the guarded block ran out.

    A BaseException, like KeyboardInterrupt, so that ``except Exception`` in the
    guarded code cannot swallow it and run on.
    """


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def within(seconds: float | None):
    """Run the block for at most ``seconds`` (None or 0: no limit); OverBudget when it runs over."""
    if not seconds or not _can_interrupt():
        yield
        return

    def expire(_signum, _frame):
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
