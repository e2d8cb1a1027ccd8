"""Domain errors. The library raises these; the CLI turns them into one line and an exit code."""

from __future__ import annotations


class NewstraceError(Exception):
    """Base class: the message is a complete sentence a user can act on."""


class InputError(NewstraceError):
    """An input cannot become an article (empty, binary, too large, unreadable, no article)."""


class ModelNotFound(NewstraceError):
    """No English spaCy pipeline is installed."""


class NotFound(NewstraceError):
    """A requested article or person is not in the database."""


class DatabaseError(NewstraceError):
    """The database cannot be opened or has a schema this version does not know."""


class BadCursor(NewstraceError):
    """A page was asked after a cursor that no page of that list gave (edited, truncated, or of another list)."""
