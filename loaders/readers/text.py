"""Plain text and Markdown."""
from __future__ import annotations

from pathlib import Path

from loaders.encoding import decode_text
from loaders.readers.raw import RawText


def read_text(path: Path) -> RawText:
    text, encoding = decode_text(path.read_bytes())
    fmt = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    has_headings = any(line.startswith("#") for line in text.splitlines())
    return RawText(text=text, format=f"{fmt}/{encoding}", markdown=has_headings)
