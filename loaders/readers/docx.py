"""Word .docx: paragraphs in order, heading styles as Markdown headings."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from loaders.errors import ReadError
from loaders.readers.raw import RawText

HEADING_LEVEL = re.compile(r"(?:Heading|标题)\s*(\d)")


def read_docx(path: Path) -> RawText:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ReadError(f"broken Word file ({type(err).__name__})") from None
    lines = []
    title = ""
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            lines.append("")
            continue
        style = paragraph.style.name if paragraph.style is not None else ""
        level = HEADING_LEVEL.search(style)
        if style == "Title" or level:
            depth = 1 if style == "Title" else int(level.group(1))
            title = title or text
            lines.append("#" * depth + " " + text)
        else:
            lines.append(text)
    if not any(lines):
        raise ReadError("Word file has no text")
    return RawText(text="\n".join(lines), format="docx", title=title, markdown=True)
