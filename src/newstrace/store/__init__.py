"""Storage: SQLite by default, PostgreSQL when shared (SQLAlchemy Core)."""

from .db import DEFAULT_DB, Store, database_url
from .schema import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "database_url"]
