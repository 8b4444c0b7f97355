"""Decode bytes of a text file: BOM, UTF-8, UTF-16, the charset a page declares, then GB18030 or Big5, never a
silent guess."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import jieba

from loaders.errors import ReadError
from loaders.normalize import simplified

CJK_SHARE_FOR_GB = 0.3
MAX_REPLACED_SHARE = 0.01  # UTF-8 text with at most this share of broken bytes is read with replacements
TEXT_SHARE_FOR_UTF16 = 0.9


@dataclass(frozen=True)
class Decoded:
    """Text of a file, the encoding it was read in, and a warning when something had to be replaced."""

    text: str
    encoding: str
    warning: str = ""


def _cjk_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u4e00" <= c <= "\u9fff") / len(letters)


def _common_share(text: str) -> float:
    """Share of characters from the blocks Chinese text is written in (ASCII, CJK ideographs and punctuation,
    full-width forms): high in the right byte order, low in the wrong one, which scatters over other scripts."""
    sample = text[:2048]
    if not sample:
        return 0.0
    return sum(1 for c in sample if c.isascii() or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
               or "\uff00" <= c <= "\uffef" or "\u2000" <= c <= "\u206f") / len(sample)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text document."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 saved without its byte-order mark: the byte order whose text reads as text."""
    if len(data) % 2:
        return None
    readings = []
    for name in ("utf-16-le", "utf-16-be"):
        try:
            readings.append(data.decode(name))
        except UnicodeDecodeError:
            continue
    best = max(readings, key=_common_share, default="")
    return Decoded(best, "utf-16") if best and _common_share(best) >= TEXT_SHARE_FOR_UTF16 else None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few broken bytes (a bad copy, a cut download): read, with each broken byte replaced."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    if replaced > MAX_REPLACED_SHARE * len(text):
        return None
    return Decoded(text, "utf-8", f"{replaced} byte sequence(s) that are not UTF-8 replaced by \ufffd")


DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_-]{2,20})|"""
                              rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_-]{2,20})""", re.IGNORECASE)
WIDER_CODECS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}  # the superset each is written in


def declared_codec(data: bytes) -> str:
    """The codec a saved web page or XML file declares in its head (<meta charset="big5">), or ''."""
    match = DECLARED_CHARSET.search(data[:4096])
    if not match:
        return ""
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        codec = codecs.lookup(WIDER_CODECS.get(name, name)).name
    except LookupError:
        return ""
    return codec


COMMON_WORD_FREQUENCY = 1000  # a character jieba's dictionary counts this often is an everyday one


def _plausibility(text: str) -> float:
    """Share of everyday characters among a reading's Chinese ones: bytes read in the wrong Chinese codec decode
    too, into rare characters (GB18030 bytes read as Big5, and the other way round)."""
    characters = [c for c in simplified(text[:4096]) if "\u4e00" <= c <= "\u9fff"]
    jieba.initialize()  # once: later calls return at once
    frequency = jieba.dt.FREQ
    return sum(1 for c in characters if frequency.get(c, 0) >= COMMON_WORD_FREQUENCY) / max(1, len(characters))


def _chinese(data: bytes, codec: str) -> str:
    """The text in a Chinese codec when it reads without error and is mostly Chinese, else ''."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return ""
    return text if _cjk_share(text) >= CJK_SHARE_FOR_GB else ""


def decode_text(data: bytes) -> Decoded:
    """Decode ``data``; raise ReadError when no encoding fits."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig")
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(name, errors="replace"), "utf-16")
    if looks_binary(data):
        decoded = _utf16_without_bom(data)
        if decoded is None:
            raise ReadError("binary content, not text")
        return decoded
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    codec = declared_codec(data)
    if codec:
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            pass
    readings = [(text, codec) for codec in ("gb18030", "big5hkscs") if (text := _chinese(data, codec))]
    if readings:
        return Decoded(*max(readings, key=lambda reading: _plausibility(reading[0])))
    decoded = _mostly_utf8(data)
    if decoded is None:
        raise ReadError("unknown text encoding (not UTF-8, UTF-16, GB18030/GBK or Big5)")
    return decoded
