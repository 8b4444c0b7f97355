"""Saved web pages: the article's text, without navigation, scripts or footers."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from loaders.encoding import decode_text
from loaders.errors import ReadError
from loaders.readers.raw import RawText

NOT_CONTENT = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form",
               "iframe", "svg", "button", "select", "template"]
BLOCKS = ["p", "div", "section", "article", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "ul", "ol"]
# class or id words of a page's furniture (div class="footer", ul class="crumbs", div id="share-box")
FURNITURE_WORDS = {"nav", "navbar", "topnav", "menu", "topbar", "logo", "footer", "foot", "copyright", "crumb",
                   "crumbs", "breadcrumb", "location", "position", "share", "related", "relate", "hotlist",
                   "prenext", "pager", "pagination", "sidebar", "toolbar", "tool", "tools", "qr", "qrcode"}
HEADLINE_WORDS = {"title", "tit", "headline", "biaoti", "bt"}  # class or id words of a headline not in <h1>
HEADLINE_MAX = 60  # characters of a headline; a longer marked block is text
LINK_LIST_TAGS = {"div", "section", "ul", "ol", "dl", "li", "table", "tr", "td"}  # no <p>: its links are names
LINKS_SHARE = 0.5  # a block whose text is mostly links is navigation: a menu, 上一篇/下一篇, 相关新闻
PARAGRAPHS = ["p", "section"]
CONTAINERS = ["div", "section", "article", "table", "ul", "ol"]  # blocks a paragraph's wrapper holds none of
MAIN_TEXT_MIN = 40  # characters of paragraph text a block needs to be taken for the article
SPREAD_OVER = 2  # a paragraph's <div> whose parent holds this many times its text in such <div>s: one of many
TITLE_SEPARATORS = re.compile(r"_| [-|–—] |--")  # 标题_网站名, 标题 - 栏目 - 网站名 (a title's own —— stays)


def _class_words(tag: Tag) -> set[str]:
    """The words of a tag's class and id (article-title, share_box → article, title, share, box)."""
    names = (*tag.get("class", ()), tag.get("id") or "")
    return {word for name in names for word in re.split(r"[-_\s]+", name.lower()) if word}


def _is_furniture(tag: Tag) -> bool:
    return bool(_class_words(tag) & FURNITURE_WORDS)


def _is_titled(tag: Tag) -> bool:
    """A block a page marks as its headline by class or id (div class="article-title", p id="tit")."""
    return tag.name in ("div", "p", "span", "td") and bool(_class_words(tag) & HEADLINE_WORDS)


def _is_link_list(tag: Tag) -> bool:
    """Mostly links and no paragraph of its own: a layout table holding the article is not one."""
    text = len(tag.get_text(strip=True))
    links = sum(len(a.get_text(strip=True)) for a in tag.find_all("a"))
    return text > 0 and links / text >= LINKS_SHARE and text - links < MAIN_TEXT_MIN


def _drop_furniture(soup: BeautifulSoup) -> None:
    """Menus, breadcrumbs, share boxes, footers and link lists go before the article is looked for."""
    for tag in soup.find_all([*LINK_LIST_TAGS, "p", "span", "h1", "h2", "h3"]):
        if not tag.decomposed and (_is_furniture(tag) or tag.name in LINK_LIST_TAGS and _is_link_list(tag)):
            tag.decompose()


def _wraps_one_paragraph(block: Tag) -> bool:
    """A <div> around one paragraph (<div><p>…</p></div>, or its text alone): no block of its own, at most one <p>."""
    return not block.find(CONTAINERS) and len(block.find_all(PARAGRAPHS)) <= 1


def _own_text(block: Tag, wrappers: bool = True) -> int:
    """Characters of a block's own paragraphs (<p>, <section> as in WeChat articles, or a <div> wrapping one, as
    content systems write them) and of its own lines, bare or in inline tags (<font>, <span>), where it breaks
    them with <br>; a table's, the cells of its rows. Without ``wrappers``, only what it writes itself: no <div>."""
    if block.name == "table":  # a table whose rows are the article's paragraphs, a cell each
        rows = [row for row in block.find_all("tr") if row.find_parent("table") is block]
        return sum(len(cell.get_text(strip=True)) for row in rows for cell in row.find_all("td", recursive=False)
                   if not cell.find(CONTAINERS))
    total = 0
    for child in block.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            total += len(child.strip())
        elif (child.name in PARAGRAPHS or child.name not in BLOCKS
              or wrappers and child.name == "div" and _wraps_one_paragraph(child)):
            total += len(child.get_text(strip=True))
    return total


def _main_element(soup: BeautifulSoup):
    """The <article> or <main>, else the block holding the most text, or the block around it that writes
    paragraphs of its own too (an article holding a table), not one that only holds other blocks (a sidebar)."""
    for name in ("article", "main"):
        found = soup.find(name)
        if found and len(found.get_text(strip=True)) > 50:
            return found
    body = soup.body or soup
    best, best_len = body, _own_text(body, wrappers=False)  # paragraphs in <body> itself, beside a table of data
    for block in body.find_all(["div", "section", "td", "table"]):
        own_text = _own_text(block)
        if own_text > best_len:
            best, best_len = block, own_text
    if best_len < MAIN_TEXT_MIN or best is body:
        return body
    while best is not body and best.parent is not None:
        parent = best.parent
        if parent is not body and _own_text(parent, wrappers=False) >= MAIN_TEXT_MIN \
                or _wraps_one_paragraph(best) and _own_text(parent) >= SPREAD_OVER * best_len:
            best = parent  # its paragraphs are the parent's too, or each paragraph has a <div> of its own
            continue
        break
    return best


def _headline(soup: BeautifulSoup, main: Tag, page_title: str) -> str:
    """The article's headline: the heading the longest part of the page's <title> repeats (a logo repeats the
    site's name), else the <title> less the site's name, else the article's first heading."""
    headings = [h.get_text(" ", strip=True) for h in soup.find_all(["h1", "h2", "h3"])]
    title_parts = [p.strip() for p in TITLE_SEPARATORS.split(page_title) if p.strip()]
    article_parts = title_parts[:-1] or title_parts  # the last part of 标题_网站名 names the site
    longest = max(title_parts, key=len, default="")  # the article's part: a site's name is shorter
    for heading in headings:
        if len(heading) >= 4 and (heading in longest or longest in heading):
            return heading
    first = main.find(["h1", "h2"]) or soup.find(_is_titled)
    marked = first.get_text(" ", strip=True) if first else ""
    if len(title_parts) > 1:
        article = max(article_parts, key=len)
        # 网站名--栏目 names no article: a marked headline longer than the site's name is the article's
        return marked if len(article) < len(marked) <= HEADLINE_MAX else article
    return marked or page_title


DATA_CELL_MAX = 40  # characters of a cell of a data table; a layout table's cell holds paragraphs


def _mark_data_rows(main: Tag) -> None:
    """A data table's row (序号 | 单位名称 | 认领项目) is written as a Markdown table's row, which the normaliser reads
    as one sentence of its cells, so no cell runs into the next."""
    for row in main.find_all("tr"):
        cells = row.find_all(["td", "th"], recursive=False)
        texts = [cell.get_text(strip=True) for cell in cells]
        if len(cells) < 2 or any(cell.find(CONTAINERS) or len(text) > DATA_CELL_MAX
                                 for cell, text in zip(cells, texts)):
            continue
        row.replace_with("\n| " + " | ".join(text for text in texts if text) + " |\n")


def parse_html(markup: str) -> RawText:
    soup = BeautifulSoup(markup, "lxml")
    page_title = soup.title.get_text(strip=True) if soup.title else ""
    for tag in soup(NOT_CONTENT):
        tag.decompose()
    _drop_furniture(soup)
    main = _main_element(soup)
    title = _headline(soup, main, page_title)
    _mark_data_rows(main)
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
    return replace(read_page(decoded.text), warning=decoded.warning)


def read_page(markup: str) -> RawText:
    """A page's main text; a page with none is no document."""
    raw = parse_html(markup)
    if not raw.text.strip():
        raise ReadError("HTML page has no main text")
    return raw
