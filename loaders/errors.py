"""Errors a reader raises for input it cannot use."""


class ReadError(Exception):
    """The file cannot be read as a case document; the message says why."""
