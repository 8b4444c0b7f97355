"""Text from documents made safe for the text formats casegraph writes for people to open.

A case title or a name is data: in a Markdown report it must not become markup
(a ``<script>`` a renderer runs, a link, a table cell break), and in a CSV a
spreadsheet opens it must not become a formula (``=HYPERLINK(…)``).
"""
from __future__ import annotations

import html
import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def markdown_text(value: object) -> str:
    """``value`` as literal text in a Markdown table cell: HTML escaped, emphasis, code, link and cell marks
    backslashed, one line."""
    text = " ".join(str(value).split())
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as written: lists joined by ';', nothing for missing values, and text that
    would start a formula prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        value = ";".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(row: dict) -> dict:
    return {key: csv_cell(value) for key, value in row.items()}
