"""Sources -> Document -> Article: reading, decoding, cleaning, language.

``read_documents(paths, url=, site=, published=, max_bytes=)`` yields a
``Document`` per input (or a ``Problem`` naming a bad one, and goes on);
``to_article(document)`` returns the clean ``Article`` or raises ``InputError``
with a one-line reason. Modules: ``sources`` (files, folders, JSONL, gzip,
stdin, sidecars), ``decode`` (encodings, binary refusal), ``html``
(trafilatura cascade), ``text`` (scrape cleanup, headline, dateline),
``furniture`` (the patterns, as data), ``article`` (the steps in order).
"""

from .article import to_article
from .sources import DEFAULT_MAX_BYTES, read_documents

__all__ = ["DEFAULT_MAX_BYTES", "read_documents", "to_article"]
