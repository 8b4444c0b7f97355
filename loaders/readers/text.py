"""Plain text and Markdown."""
from __future__ import annotations

import re
from pathlib import Path

from loaders.encoding import decode_text
from loaders.readers.raw import RawText

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
TITLE_FIELD = re.compile(r"^title:[ \t]*[\"']?(.*?)[\"']?[ \t]*$", re.M)


def read_text(path: Path) -> RawText:
    decoded = decode_text(path.read_bytes())
    markdown = path.suffix.lower() in {".md", ".markdown"}
    text, title = _without_front_matter(decoded.text) if markdown else (decoded.text, "")
    has_headings = any(line.startswith("#") for line in text.splitlines())
    return RawText(text=text, format=f"{'markdown' if markdown else 'text'}/{decoded.encoding}", title=title,
                   markdown=has_headings, warning=decoded.warning)


def _without_front_matter(text: str) -> tuple[str, str]:
    """A page clipped to Markdown opens with its tool's YAML header (title, source, tags): no part of the text.
    Its title is the headline, written as one where the text does not open with it."""
    header = FRONT_MATTER.match(text)
    if header is None:
        return text, ""
    body = text[header.end():]
    field = TITLE_FIELD.search(header.group(1))
    title = field.group(1).strip() if field else ""
    opening = next((line.lstrip("#").strip() for line in body.splitlines() if line.strip()), "")
    if title and opening != title:
        body = f"# {title}\n\n{body}"
    return body, title
