"""Saved web pages: the article's text, without navigation, scripts or footers."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bs4 import BeautifulSoup

from loaders.encoding import decode_text
from loaders.errors import ReadError
from loaders.readers.raw import RawText

NOT_CONTENT = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form",
               "iframe", "svg", "button", "select", "template"]
BLOCKS = ["p", "div", "section", "article", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "ul", "ol"]


def _main_element(soup: BeautifulSoup):
    """The <article> or <main>, else the block holding the most text."""
    for name in ("article", "main"):
        found = soup.find(name)
        if found and len(found.get_text(strip=True)) > 50:
            return found
    body = soup.body or soup
    best, best_len = body, 0
    for block in body.find_all(["div", "section", "td"]):
        own_text = sum(len(p.get_text(strip=True)) for p in block.find_all("p", recursive=False))
        if own_text > best_len:
            best, best_len = block, own_text
    return best if best_len > 200 else body


def parse_html(markup: str) -> RawText:
    soup = BeautifulSoup(markup, "lxml")
    title = ""
    if soup.title and soup.title.string:
        title = soup.title.string.strip()
    for tag in soup(NOT_CONTENT):
        tag.decompose()
    main = _main_element(soup)
    heading = main.find(["h1", "h2"]) or soup.find("h1")
    if heading and heading.get_text(strip=True):
        title = heading.get_text(" ", strip=True)
    for tag in main.find_all(BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = main.get_text()
    lines = [line.strip() for line in text.splitlines()]
    body = "\n".join(lines)
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"
    return RawText(text=body, format="html", title=title)


def read_html(path: Path) -> RawText:
    decoded = decode_text(path.read_bytes())
    raw = parse_html(decoded.text)
    if not raw.text.strip():
        raise ReadError("HTML page has no main text")
    return replace(raw, warning=decoded.warning)
