"""Word .docx: paragraphs and tables' cells in order, heading styles as Markdown headings."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from loaders.errors import ReadError
from loaders.headings import FORM_TITLE_LABELS, SENTENCE_END
from loaders.readers.raw import RawText

HEADING_LEVEL = re.compile(r"(?:Heading|标题)\s*(\d)")
FORM_LABEL_MAX = 8  # characters of a form's field label (案例名称, 主要做法)
BOLD_TITLE_MAX = 40  # characters of a title set in bold
MAX_UNPACKED_BYTES = 100 * 2**20  # a Word file's parts once unzipped; a case collection's XML stays far below


def _check_unpacked_size(path: Path) -> None:
    """Refuse a zip whose parts unpack to more than the limit, before anything is unpacked (a zip bomb costs
    its declared sizes at most: reading stops there)."""
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise ReadError(f"Word file unpacks to {unpacked / 2**20:,.0f} MB, over the "
                        f"{MAX_UNPACKED_BYTES / 2**20:.0f} MB limit for its content")


def _table_lines(table: Table) -> list[str]:
    """A table's cells as paragraphs, row by row, a cell merged across columns read once; a row of a short label
    and its text (a case filed on a form: 主要做法 | …) is one paragraph, 主要做法：…"""
    lines = [""]
    for row in table.rows:
        cells = list({id(cell._tc): cell for cell in row.cells}.values())
        texts = ["\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip()) for cell in cells]
        texts = [text for text in texts if text]
        if len(texts) == 2 and texts[0] in FORM_TITLE_LABELS:
            lines.extend([f"# {texts[1]}", ""])  # 案例名称 | …: the case's title, a heading of the form
            continue
        if len(texts) == 2 and len(texts[0]) <= FORM_LABEL_MAX and "\n" not in texts[0]:
            texts = [f"{texts[0]}：{texts[1]}"]
        elif len(texts) > 2:
            texts = ["；".join(texts)]
        if len(texts) == 1 and len(cells) > 1 and texts[0][-1] not in SENTENCE_END:
            texts = [texts[0] + "。"]  # a row (免费充电：3000余次) ends where it ends, never run on into the next line
        lines.extend([*texts, ""])
    return lines


def _bold_title(paragraph: Paragraph, text: str) -> bool:
    """A short paragraph set all in bold, with no sentence end: a title or heading its author did not style."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return (len(text) <= BOLD_TITLE_MAX and not any(c in SENTENCE_END for c in text) and bool(runs)
            and all(run.bold or run.bold is None and style_bold for run in runs))


def read_docx(path: Path) -> RawText:
    try:
        _check_unpacked_size(path)
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ReadError(f"broken Word file ({type(err).__name__})") from None
    lines = []
    title = ""
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
            continue
        text = block.text.strip()
        if not text:
            lines.append("")
            continue
        style = block.style.name if block.style is not None else ""
        level = HEADING_LEVEL.search(style)
        if style == "Title" or level:
            depth = 1 if style == "Title" else int(level.group(1))
            title = title or text
            lines.append("#" * depth + " " + text)
        elif _bold_title(block, text):
            lines.extend(["", text, ""])  # a title set in bold stands alone, as a heading line does in plain text
        else:
            lines.append(text)
    if not any(lines):
        raise ReadError("Word file has no text")
    return RawText(text="\n".join(lines), format="docx", title=title, markdown=True)
