"""Web pages saved as one file (.mhtml, .mht: a browser's "save as single file"): the page's HTML part."""
from __future__ import annotations

import email
from dataclasses import replace
from email import policy
from pathlib import Path

from loaders.encoding import decode_text
from loaders.errors import ReadError
from loaders.readers.html import read_page
from loaders.readers.raw import RawText


def read_mhtml(path: Path) -> RawText:
    """The first text/html part, its transfer encoding (quoted-printable, base64) undone, read as a web page."""
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    page = next((part for part in message.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        raise ReadError("saved page holds no HTML part")
    payload = page.get_payload(decode=True) or b""
    text, warning = _declared(payload, page.get_content_charset()) or _detected(payload)
    return replace(read_page(text), format="mhtml", warning=warning)


def _declared(payload: bytes, charset: str | None) -> tuple[str, str] | None:
    """The part in the character set its header declares, where that decodes it."""
    try:
        return (payload.decode(charset), "") if charset else None
    except (LookupError, UnicodeDecodeError):
        return None


def _detected(payload: bytes) -> tuple[str, str]:
    decoded = decode_text(payload)
    return decoded.text, decoded.warning
