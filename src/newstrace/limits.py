"""The limits that keep one hostile input from stopping or stalling a batch, declared once, as data.

Every limit is a field of ``Limits`` with its default and the reason for it;
``DEFAULT_LIMITS`` is what the CLI and the library use unless a caller passes
its own (``pipeline.ingest(..., limits=Limits(max_text_chars=...))``). An input
over a limit is skipped with a line that names the limit, or, for the time
budgets, stored with what finished and a note: never a crash and never a hang.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

MEGABYTE = 1024 * 1024


def _limit(default, help: str):
    """A field of ``Limits``: its default and the one line the docs show."""
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Limits:
    # The largest of the 181 Zyte benchmark pages is 1.5 MB with its markup; a gzip is
    # measured by what it decompresses to.
    max_bytes: int = _limit(20 * MEGABYTE, "input files larger than this many bytes are refused unread (--max-size)")
    # Below spaCy's own refusal at 1,000,000 (nlp.max_length): parsing 250,000 characters of BBC
    # News took 13.6 s and raised the peak memory from 147 MB to 971 MB (en_core_web_sm, the
    # 2-core development machine), so a million would need about 3 GB. The longest of the 2,225
    # BBC News files has 25,485 characters.
    max_text_chars: int = _limit(300_000, "clean text longer than this many characters is refused")
    # The JSON-LD blocks of the 181 Zyte benchmark pages nest at most 6 levels deep; Python's
    # own parser fails near 1,000.
    max_json_depth: int = _limit(64, "JSON (a JSONL line, a sidecar, a JSON-LD block) nested deeper is refused")
    # A sidecar holds four short fields; without a cap, one linked to /dev/zero fills the memory.
    max_sidecar_bytes: int = _limit(64 * 1024, "a FILE.meta.json sidecar larger than this is refused unread")
    # The cost of events and flags grows faster than a sentence: a 42 KB run-on sentence took
    # 210 s in flags and 10 s in events (50 KB). The longest stretch between sentence ends in
    # the 2,225 BBC News files has 2,006 characters (a list); the seed's has 381.
    max_sentence_chars: int = _limit(
        3_000, "sentences longer than this are not read by the events, statuses and flags extractors"
    )
    # Past it, the article is stored with the facts that finished and a note naming the rest.
    extraction_seconds: float = _limit(30.0, "seconds of fact extraction per article, after parsing")
    # Linking the 2,225 BBC News articles took 208 s in all (README), 0.1 s each. Past the
    # budget the article keeps the links found so far and a note, and is not linked again.
    linking_seconds: float = _limit(60.0, "seconds of linking (copies, people, stories) per article")
    # A tree 1,000 levels deep exceeds the system's path limit of 4,096 bytes long before.
    max_folder_depth: int = _limit(64, "folders nested deeper than this below a folder given are skipped")


DEFAULT_LIMITS = Limits()


def describe() -> list[tuple[str, object, str]]:
    """(name, default, help) of every limit, in declaration order (the README's table)."""
    return [(item.name, item.default, item.metadata["help"]) for item in fields(Limits)]
