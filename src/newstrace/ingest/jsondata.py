"""JSON from untrusted inputs (JSONL lines, sidecars, JSON-LD): bounded depth, clean strings."""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import InputError

# A lone UTF-16 surrogate ("\ud800" in JSON, or a file name's undecodable byte) cannot be
# encoded as UTF-8: the database, the id hash and the terminal would all fail on it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def load_json(text: str | bytes, max_depth: int) -> Any:
    """The parsed value; InputError when it is not JSON or nests deeper than ``max_depth``."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise InputError(f"JSON nested deeper than the limit of {max_depth} levels (max_json_depth)") from None
    except ValueError as error:  # JSONDecodeError, and bytes that are not UTF-8/16/32
        reason = f"{error.msg} at column {error.colno}" if isinstance(error, json.JSONDecodeError) else str(error)
        raise InputError(f"invalid JSON ({reason})") from None
    if depth(value) > max_depth:
        raise InputError(f"JSON nested deeper than the limit of {max_depth} levels (max_json_depth)")
    return value


def depth(value: Any) -> int:
    """How many lists and objects deep ``value`` nests (a scalar is 0); iterative, any depth."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def clean_string(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD."""
    return LONE_SURROGATE.sub(REPLACEMENT, text)


def metadata_fields(record: dict, names: tuple[str, ...]) -> dict[str, str]:
    """The named fields of a record that have a value, as clean strings without NUL characters
    (PostgreSQL refuses them in text; the article text loses them with a note, see ingest.article)."""
    fields = {name: clean_string(str(record[name])).replace("\x00", "") for name in names if record.get(name)}
    return {name: value for name, value in fields.items() if value}
