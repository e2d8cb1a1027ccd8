"""The web UI and JSON API over a newstrace database: ``create_app(db)``; ``newstrace serve`` runs it."""

from .app import create_app

__all__ = ["create_app"]
