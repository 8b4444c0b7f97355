"""What every reader returns."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawText:
    """Decoded text of one file, before normalisation.

    ``markdown`` is True when lines starting with ``#`` are headings (Markdown
    files, and Word files whose heading styles the reader turned into ``#``).
    """

    text: str
    format: str
    title: str = ""
    markdown: bool = False
    warning: str = ""  # something the reader had to repair, said to the user with the file's name
