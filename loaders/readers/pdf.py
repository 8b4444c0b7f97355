"""PDF text layer (a scanned PDF has none: that is said, not hidden)."""
from __future__ import annotations

import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from loaders.errors import ReadError
from loaders.readers.raw import RawText

logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(path: Path) -> RawText:
    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as err:
        raise ReadError(f"broken PDF ({type(err).__name__}: {err})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise ReadError("PDF has no text layer (scanned images?): run OCR first, then build the text")
    return RawText(text=text, format="pdf")
