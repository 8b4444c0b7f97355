"""Plain text and Markdown."""
from __future__ import annotations

from pathlib import Path

from loaders.encoding import decode_text
from loaders.readers.raw import RawText


def read_text(path: Path) -> RawText:
    decoded = decode_text(path.read_bytes())
    fmt = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    has_headings = any(line.startswith("#") for line in decoded.text.splitlines())
    return RawText(text=decoded.text, format=f"{fmt}/{decoded.encoding}", markdown=has_headings,
                   warning=decoded.warning)
