"""Sources -> Document -> Article: reading, decoding, cleaning, language."""

from .article import to_article
from .sources import DEFAULT_MAX_BYTES, read_documents

__all__ = ["DEFAULT_MAX_BYTES", "read_documents", "to_article"]
