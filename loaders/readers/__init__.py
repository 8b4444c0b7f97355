"""Readers by file suffix: the one place a new format is registered.

A reader takes a path and returns ``RawText``; it raises ``ReadError`` with a
one-line reason for input it cannot use.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from loaders.readers.docx import read_docx
from loaders.readers.html import read_html
from loaders.readers.mhtml import read_mhtml
from loaders.readers.pdf import read_pdf
from loaders.readers.raw import RawText
from loaders.readers.text import read_text

Reader = Callable[[Path], RawText]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".shtml": read_html,
    ".xhtml": read_html,
    ".mhtml": read_mhtml,
    ".mht": read_mhtml,
    ".pdf": read_pdf,
    ".docx": read_docx,
}


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


__all__ = ["READERS", "RawText", "Reader", "reader_for"]
