"""Charts drawn on the server as inline SVG: no script, nothing to load.

Every mark is a link with a text label beside it (and a <title> for the tooltip), so the
chart reads without colour and without a mouse: colour only repeats what the label says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Drawing sizes in SVG user units (the SVG scales to the page's width).
WIDTH = 760
LEFT_MARGIN = 110  # room for the lane labels (state names)
RIGHT_MARGIN = 120  # room for the last point's label and date
TOP_MARGIN = 20
LANE_HEIGHT = 34
AXIS_HEIGHT = 30
LABEL_WIDTH = 90  # room a point's label takes to its right: points closer than this stack up
# The states in the order a person goes through them, top to bottom (others after them).
STATE_ORDER = ("captive", "missing", "arrested", "released", "injured", "hospitalized", "killed")


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    href: str
    label: str
    title: str
    kind: str  # CSS class: the state or the verdict


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lanes: list[tuple[str, float]]  # (label, y)
    ticks: list[tuple[str, float]]  # (date label, x)
    points: list[Point]
    axis_y: float


def _day(value: str | None) -> dt.date | None:
    """A date from an ISO date, month or year ("2024-11", "2024" -> its first day)."""
    if not value:
        return None
    text = value[:10]
    for pattern, length in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(text[:length], pattern).date()
        except ValueError:
            continue
    return None


def _scale(days: list[dt.date]):
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    usable = WIDTH - LEFT_MARGIN - RIGHT_MARGIN
    return lambda day: LEFT_MARGIN + usable * (day - first).days / span, first, last


def _ticks(first: dt.date, last: dt.date, x) -> list[tuple[str, float]]:
    if first == last:
        return [(first.isoformat(), x(first))]
    middle = first + (last - first) / 2
    return [(d.isoformat(), x(d)) for d in (first, middle, last)]


def timeline(entries: list[dict], href_of) -> Chart | None:
    """A person's states over time: one lane per state, one point per report (placed at the
    state's date, else its article's publication date). ``href_of(entry)`` links a point to
    its evidence. None when no entry has a date."""
    placed = [(entry, _day((entry.get("time") or {}).get("value")) or _day(entry.get("published"))) for entry in entries]
    placed = [(entry, day) for entry, day in placed if day]
    if not placed:
        return None
    states = sorted({e["state"] for e, _ in placed}, key=lambda s: (STATE_ORDER.index(s) if s in STATE_ORDER else 99, s))
    lane_y = {state: TOP_MARGIN + LANE_HEIGHT * (i + 0.5) for i, state in enumerate(states)}
    x, first, last = _scale([day for _, day in placed])
    points = []
    for entry, day in placed:
        time = entry.get("time") or {}
        when = time.get("text") or "undated"
        points.append(Point(
            x(day), lane_y[entry["state"]], href_of(entry), entry["state"],
            f"{entry['state']} {time.get('value') or day.isoformat()} ({when})", entry["state"],
        ))
    axis = TOP_MARGIN + LANE_HEIGHT * len(states)
    return Chart(WIDTH, int(axis + AXIS_HEIGHT), [(s, lane_y[s]) for s in states], _ticks(first, last, x), points, axis)


def articles_over_time(rows: list[dict], href_of) -> Chart | None:
    """A story's articles by publication day, stacked where their labels would overlap; each
    point links to its article and is labelled with its verdict (original or copy kind)."""
    placed = [(row, _day(row.get("published"))) for row in rows]
    placed = sorted(((row, day) for row, day in placed if day), key=lambda item: item[1])
    if not placed:
        return None
    x, first, last = _scale([day for _, day in placed])
    level_ends: list[float] = []  # per level, where the last label placed on it ends
    points = []
    for row, day in placed:
        level = next((i for i, end in enumerate(level_ends) if end <= x(day)), len(level_ends))
        if level == len(level_ends):
            level_ends.append(0.0)
        level_ends[level] = x(day) + LABEL_WIDTH
        verdict = row.get("verdict") or "report"
        points.append(Point(
            x(day), TOP_MARGIN + LANE_HEIGHT * (level + 0.5), href_of(row), verdict,
            f"{day.isoformat()} {row.get('site') or ''}: {row.get('title') or row['id']} ({verdict})", verdict,
        ))
    axis = TOP_MARGIN + LANE_HEIGHT * len(level_ends)
    return Chart(WIDTH, int(axis + AXIS_HEIGHT), [], _ticks(first, last, x), points, axis)
