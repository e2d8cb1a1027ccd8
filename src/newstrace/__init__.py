"""newstrace: a source-linked record of who did what to whom in the news."""

__version__ = "0.1.0"
