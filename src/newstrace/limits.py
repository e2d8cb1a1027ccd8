"""The limits that keep one hostile input from stopping or stalling a batch, declared once, as data.

Every limit is a field of ``Limits`` with its default and the reason for it;
``DEFAULT_LIMITS`` is what the CLI and the library use unless a caller passes
its own (``pipeline.ingest(..., limits=Limits(max_text_chars=...))``). An input
over a limit is skipped with a line that names the limit, or, for the time
budgets, stored with what finished and a note: never a crash and never a hang.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # Input files above this many bytes are refused before they are read (`--max-size`);
    # a gzip is measured by what it decompresses to.
    max_bytes: int = 20 * MEGABYTE
    # Clean text above this many characters is refused. spaCy refuses texts over 1,000,000
    # characters (nlp.max_length, about 1 GB of parser memory per 100,000 characters); the
    # longest of the 2,225 BBC News files has 25,485.
    max_text_chars: int = 1_000_000
    # JSON (a JSONL line, a sidecar, a JSON-LD block) nested deeper than this is refused:
    # an article record needs 3 levels, JSON-LD in news pages about 6; Python's parser
    # itself fails near 1,000 levels.
    max_json_depth: int = 64
    # A sidecar FILE.meta.json holds four short fields; one larger than this is refused
    # before it is read (a sidecar linked to /dev/zero would otherwise fill the memory).
    max_sidecar_bytes: int = 64 * 1024
    # Sentences longer than this are not read by the parse-heavy extractors (events,
    # statuses), whose cost grows faster than the sentence: a 44 KB run-on sentence took
    # 72.8 s in events alone. The longest stretch between sentence ends in the 2,225 BBC
    # News files has 2,006 characters (a list); the seed's has 381.
    max_sentence_chars: int = 3_000
    # Seconds of fact extraction per article (after parsing). Past it, the article is
    # stored with the facts that finished and a note.
    extraction_seconds: float = 30.0
    # Seconds of linking per article (copies, people, stories). Past it, the article is
    # stored with the links that finished and a note, and it is not linked again by later
    # runs. Linking the 2,225 BBC News articles took 208 s in all (README), 0.1 s each.
    linking_seconds: float = 60.0
    # Folders nested deeper than this below a folder given are skipped with a line
    # (a tree 1,000 levels deep exceeds the system's path limit of 4,096 bytes).
    max_folder_depth: int = 64


DEFAULT_LIMITS = Limits()


def describe() -> list[tuple[str, object]]:
    """(name, default) of every limit, in declaration order (for docs and ``--help``)."""
    return [(field.name, field.default) for field in fields(Limits)]
