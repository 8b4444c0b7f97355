"""Decode bytes of a text file: BOM, UTF-8, then GB18030, never a silent guess."""
from __future__ import annotations

import codecs

from loaders.errors import ReadError

CJK_SHARE_FOR_GB = 0.3


def _cjk_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u4e00" <= c <= "\u9fff") / len(letters)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text document."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.05


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise ReadError when no encoding fits."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name.replace("-le", "").replace("-be", "")
    if looks_binary(data):
        raise ReadError("binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ReadError("unknown text encoding (not UTF-8 or GB18030/GBK)") from None
    if _cjk_share(text) < CJK_SHARE_FOR_GB:
        raise ReadError("unknown text encoding (decodes as GB18030 but is not Chinese text)")
    return text, "gb18030"
