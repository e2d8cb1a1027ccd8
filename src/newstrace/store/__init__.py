"""Storage: SQLite by default, PostgreSQL when shared (SQLAlchemy Core).

Every query of newstrace lives in this package (one module per concern, see
``db.py``); the table objects live in ``schema.py``.
"""

from .db import DEFAULT_DB, Store, database_url
from .schema import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "database_url"]
