"""A CJK font for maps and charts that a plain machine does not have.

The map embeds a subset of the font, only the glyphs it uses, as a WOFF2
data: URL, so Chinese labels draw on a projector PC without Chinese fonts.
"""
from __future__ import annotations

import base64
import io
import logging
import os
from functools import cache
from pathlib import Path

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


@cache
def cjk_font_path() -> Path | None:
    """CASEGRAPH_FONT, else the first CJK font installed in a usual place."""
    configured = os.environ.get("CASEGRAPH_FONT")
    for candidate in ([configured] if configured else []) + list(FONT_CANDIDATES):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    return None


def font_subset_data_url(text: str) -> str | None:
    """A WOFF2 data: URL of the CJK font cut to the characters of ``text``, or None without a font."""
    path = cjk_font_path()
    if path is None:
        return None
    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    font = TTFont(str(path), fontNumber=0)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.name_IDs = []
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(text))) + "0123456789")
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    return "data:font/woff2;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def matplotlib_font():
    """FontProperties for Chinese chart labels (the default font when none is installed)."""
    from matplotlib.font_manager import FontProperties

    path = cjk_font_path()
    return FontProperties(fname=str(path)) if path else FontProperties()
