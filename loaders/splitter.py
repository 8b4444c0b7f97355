"""Split a normalised document into its cases.

Five layouts are recognised, tried in order:

* a collection: titles followed by a "——…案例" subtitle (a 案例集), with its
  preface and table of contents skipped;
* a numbered collection: each case opens with a label ("案例一：…", "【案例2】…");
* a newspaper page: each byline ("■本报记者 …") opens an article whose title is
  the heading just above it;
* Markdown headings: each top-level heading opens a case, unless one headline tops
  numbered sections of one article (a 案例选编's numbered headings are its cases);
* an article: the first heading is the title (with none, the opening sentence); a later heading opens a new case
  only when the text under it turns to an area or organisation not named so far,
  or repeats an entry the page listed before (a bulletin's 本期导读).
  A numbered line ("二、…", "（三）…") is a heading even without blank lines around
  it, and then opens a case only for a new residential area or local body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.headings import NUMBERED_HEADING, NUMERALS, PLACE_LINE, PLACE_WORDS, SENTENCE_END, TOC_LEADER
from loaders.places import locate_case, subject_names

SUBTITLE = re.compile(r"^[—–-]{1,2}\s*\S")
BYLINE = re.compile(r"^[■▲●◆□]?\s*(本报|本刊)?(记者|通讯员|撰文)\s*\S{2,8}$|^[■▲●◆]\s*[^\s：:]{2,12}$")
SIGNATURE = re.compile(r"^[（(][^）)]{2,20}[）)]$")
METADATA = re.compile(r"\d{4}[-/年.]\d{1,2}|[|｜]|www\.|https?://|来源[:：]|^(?:申报|报送|推荐|填报)单位[:：]")
SPEAKER_LABEL = re.compile(r"^(?:问|答|记者|主持人)[:：]")
NOT_TITLE_START = re.compile(r"^(题图|上图|下图|左图|右图|图[:：]|摄影|本报资料|图片|照片|注[:：]|记者[:：]|问[:：]|答[:：])")
COLUMN_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,4}[|｜丨]\s*(?=\S)")  # 访谈｜…: a headline's column, no page metadata
PREFACE_TITLES = re.compile(r"^(序|序言|前言|目\s*录|后记|编者按|卷首语|编后语)$")
TITLE_MAX = 40
SECTION_TITLE_MAX = 8  # a heading this short (建强一个支部) heads a section; a case's headline says more
SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、")  # 一、…: a section of the article, not a case of its own
BULLETS = "◆■●▲★◇□◎"
PLACE_COLON = rf"[^：:，。]{{2,24}}?(?:{PLACE_WORDS}|小区)[：:]"
PLACE_HEADING = re.compile(rf"^(?:[{NUMERALS}]+、|[{BULLETS}]\s*|(?=[\u4e00-\u9fff])){PLACE_COLON}")
# 一、东湖街道柳荫社区：…, ◆松林社区：…, 石门镇：… heads a case of a collection or a brief, named by its place
BULLETED_PLACE = re.compile(rf"^[{BULLETS}]\s*{PLACE_COLON}")  # a heading line even with text right under it
CASE_LABEL = re.compile(rf"^[【\[]?\s*(典型)?案例\s*[{NUMERALS}\d]{{1,3}}\s*[】\]]?\s*[：:、.．\s]?\s*")


@dataclass(frozen=True)
class Line:
    text: str
    start: int
    end: int
    block: int


@dataclass(frozen=True)
class CaseSpan:
    """Where a case lies in the normalised text, before it becomes a Case record."""

    title: str
    subtitle: str
    start: int
    end: int


def _lines(text: str) -> list[Line]:
    lines, block, position = [], 0, 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(Line(stripped, position, position + len(raw), block))
        else:
            block += 1
        position += len(raw) + 1
    return lines


def _heading_text(text: str) -> str:
    return text.lstrip("#").strip()


def _title_text(lines: list[Line], block: list[int]) -> str:
    """A case title from its heading lines, without a section number ("二、"), bullet ("◆") or case label
    ("案例三：")."""
    title = " ".join(_heading_text(lines[j].text) for j in block)
    unnumbered = NUMBERED_HEADING.sub("", title, count=1).lstrip(BULLETS).strip()
    return CASE_LABEL.sub("", unnumbered, count=1).strip() or title


def _is_place_heading(line: Line) -> bool:
    return bool(PLACE_HEADING.match(_heading_text(line.text)))


def _is_section(line: Line) -> bool:
    """A numbered section of one article (二、主要做法), not a collection's case headed by its place."""
    return bool(SECTION_HEADING.match(_heading_text(line.text))) and not _is_place_heading(line)


def _is_toc(line: Line) -> bool:
    return bool(TOC_LEADER.search(line.text))


def _is_subtitle(line: Line) -> bool:
    text = _heading_text(line.text)
    return bool(SUBTITLE.match(text)) and not _is_toc(line)


def is_title_like(text: str) -> bool:
    """A short line with no sentence inside it: a heading, not body text."""
    text = _heading_text(text)
    if not text or len(text) > TITLE_MAX:
        return False
    inside = text[:-1]
    if any(c in "。；;" for c in inside) or any(c in SENTENCE_END for c in inside) and any(c in "，," for c in text):
        return False  # a sentence; a headline may exclaim or ask (…今天交付！南尖小区告别爬楼时代)
    if text[-1] in "。；;，,、":
        return False
    return not (SIGNATURE.match(text) or METADATA.search(COLUMN_LABEL.sub("", text)) or NOT_TITLE_START.match(text)
                or BYLINE.match(text) or TOC_LEADER.search(text))


def _clean_subtitle(text: str) -> str:
    return re.sub(r"^[—–-]+", "", _heading_text(text)).strip()


def _collection_spans(lines: list[Line], end: int) -> list[CaseSpan]:
    starts = []
    for i in range(len(lines) - 1):
        title, sub = lines[i], lines[i + 1]
        if (_is_subtitle(sub) and not _is_toc(title) and not _is_subtitle(title)
                and is_title_like(title.text)):
            starts.append((i, _title_text(lines, [i]), _clean_subtitle(sub.text)))
    if len(starts) < 2:
        return []
    return _spans_from(starts, lines, end)


def _spans_from(starts: list[tuple[int, str, str]], lines: list[Line], end: int) -> list[CaseSpan]:
    spans = []
    for n, (i, title, subtitle) in enumerate(starts):
        stop = lines[starts[n + 1][0]].start if n + 1 < len(starts) else end
        spans.append(CaseSpan(title=title, subtitle=subtitle, start=lines[i].start, end=stop))
    return spans


def _markdown_spans(lines: list[Line], end: int) -> list[CaseSpan]:
    """Case per top-level Markdown heading, when no subtitles mark the cases."""
    levels = [len(line.text) - len(line.text.lstrip("#")) for line in lines if line.text.startswith("#")]
    for level in sorted(set(levels)):
        heads = [i for i, line in enumerate(lines)
                 if line.text.startswith("#" * level + " ") and not line.text.startswith("#" * (level + 1))
                 and not PREFACE_TITLES.match(_heading_text(line.text))]
        numbered_sections = all(NUMBERED_HEADING.match(_heading_text(lines[i].text)) for i in heads)
        if numbered_sections and levels.count(min(levels)) == 1 and level > min(levels) \
                and not COLLECTION_TITLE.search(lines[0].text):
            return []  # one titled article in numbered sections (# 标题, ## 一、…, ## 二、…), not a 案例选编
        if len(heads) >= 2:
            starts = [(i, _title_text(lines, [i]), "") for i in heads]
            spans = _spans_from(starts, lines, end)
            return [s for s in spans if not _mostly_toc(lines, s)]
    return []


def _labelled_spans(lines: list[Line], end: int) -> list[CaseSpan]:
    """Case per "案例N" label; a label alone on its line takes the next line as its title."""
    starts = []
    for i, line in enumerate(lines):
        label = CASE_LABEL.match(_heading_text(line.text))
        if not label or _is_toc(line) or not is_title_like(line.text):
            continue
        title = _heading_text(line.text)[label.end():].strip()
        if not title and i + 1 < len(lines) and is_title_like(lines[i + 1].text):
            title = _heading_text(lines[i + 1].text)
        starts.append((i, title or _heading_text(line.text), ""))
    if len(starts) < 2:
        return []
    spans = _spans_from(starts, lines, end)
    return [s for s in spans if not _mostly_toc(lines, s) and _has_body(lines, s)]


def _has_body(lines: list[Line], span: CaseSpan) -> bool:
    return any(not is_title_like(line.text) for line in lines if span.start <= line.start < span.end)


def _mostly_toc(lines: list[Line], span: CaseSpan) -> bool:
    inside = [line for line in lines if span.start <= line.start < span.end]
    return sum(1 for line in inside if _is_toc(line)) > len(inside) / 3


def _byline_spans(lines: list[Line], end: int) -> list[CaseSpan]:
    starts = []
    for i, line in enumerate(lines):
        if not BYLINE.match(line.text):
            continue
        block = [j for j in range(max(0, i - 3), i) if is_title_like(lines[j].text)
                 and lines[j].block == lines[i - 1].block]
        if block:
            starts.append((block[0], "".join(_heading_text(lines[j].text) for j in block), ""))
    return _spans_from(starts, lines, end) if starts else []


def _first_sentence(lines: list[Line], index: int) -> str:
    for line in lines[index:]:
        if not is_title_like(line.text) and not _is_page_metadata(line):
            return re.split(f"[{SENTENCE_END}]", line.text, maxsplit=1)[0]
    return ""


def _is_numbered_heading(line: Line) -> bool:
    """二、…, or a bulleted brief headed by its place (◆松林社区：…): a heading line even with text right under it."""
    text = _heading_text(line.text)
    return bool(NUMBERED_HEADING.match(text) or BULLETED_PLACE.match(text)) and is_title_like(line.text)


def _heading_block(lines: list[Line], i: int) -> list[int]:
    """Indexes of the title-like lines of the block that starts at line i.

    A numbered heading is a block of its own even when body text follows it
    without a blank line.
    """
    if i < len(lines) and _is_numbered_heading(lines[i]):
        return [i]
    block = []
    for j in range(i, len(lines)):
        if lines[j].block != lines[i].block or not is_title_like(lines[j].text) or _is_numbered_heading(lines[j]):
            break
        block.append(j)
    if not block:
        return []
    following = block[-1] + 1
    ends = (following == len(lines) or lines[following].block != lines[i].block or _is_page_metadata(lines[following])
            or _is_numbered_heading(lines[following]))  # 标题 | ——副标题 | 一、背景: a section opens under the title
    return block if ends else []


def _heads_text(lines: list[Line], block: list[int]) -> bool:
    """A heading block with sentences after it: a headline heads text; one with only short lines after it
    (往期推荐 and its links) closes the page, and the text before it is the article's."""
    return bool(block) and any(c in SENTENCE_END for line in lines[block[-1] + 1:] for c in line.text)


def _is_page_metadata(line: Line) -> bool:
    """A page's publisher and date line right under its headline (发布机构：…　日期：…)."""
    return len(line.text) <= TITLE_MAX * 2 and bool(METADATA.search(line.text))


COLLECTION_TITLE = re.compile(r"选编|汇编|案例集|集锦|合集|精选")  # 案例选编: a headline over many cases


def _one_markdown_headline(lines: list[Line]) -> bool:
    """A Markdown page topped by its only level-1 heading (# 标题) is one article, unless the heading names a
    collection: its author marks cases with headings, so a bold or title-like line under the headline is a
    subhead."""
    headlines = [line for line in lines if line.text.startswith("#") and not line.text.startswith("##")]
    return len(headlines) == 1 and lines[0] is headlines[0] and not COLLECTION_TITLE.search(lines[0].text)


LISTED_MARK = re.compile(r"^[·•●■◆▶]\s*")  # ·石门镇：…, a bulletin's list of its articles


def _listed_headings(lines: list[Line]) -> set[int]:
    """Lines that repeat an entry a page listed before them (本期导读: ·石门镇：…, then 石门镇：… over its text):
    the headings of a bulletin's articles. A headline repeated once (page title, then heading) lists nothing."""
    first_seen: dict[str, int] = {}
    repeats = {}
    for i, line in enumerate(lines):
        text = LISTED_MARK.sub("", line.text).strip()
        if text in first_seen and is_title_like(line.text):
            repeats[i] = first_seen[text]
        first_seen.setdefault(text, i)
    return {i for i, entry in repeats.items() if len(repeats) > 1 or LISTED_MARK.match(lines[entry].text)}


def _opening_words(text: str) -> str:
    """The title of a text with no headline (an interview's 问：…): its first sentence, without a speaker's label,
    cut at the length of a title."""
    sentence = SPEAKER_LABEL.sub("", text).strip()
    sentence = sentence[:next((i + 1 for i, c in enumerate(sentence) if c in SENTENCE_END), len(sentence))]
    return sentence[:TITLE_MAX].rstrip("。；;")


def _article_spans(lines: list[Line], end: int) -> list[CaseSpan]:
    first = next((i for i, line in enumerate(lines[:6]) if _heads_text(lines, _heading_block(lines, i))), None)
    if first is None:  # a headline run into its text (no blank line after it) still names the case
        opening = lines[0].text
        title = _heading_text(opening) if len(lines) > 1 and is_title_like(opening) else _opening_words(opening)
        return [CaseSpan(title=title, subtitle="", start=0, end=end)]
    title_lines = _heading_block(lines, first)
    if len(title_lines) > 1 and CASE_LABEL.fullmatch(_heading_text(lines[title_lines[0]].text)):
        title_lines = title_lines[1:]  # 案例六 | 标题: the label alone on its line is no part of the title
    subtitle = ""
    after = title_lines[-1] + 1
    sub_at = next((k for k in range(1, len(title_lines)) if _is_subtitle(lines[title_lines[k]])
                   or PLACE_LINE.match(_heading_text(lines[title_lines[k]].text))), None)
    if sub_at is not None:  # ——副标题 or the case's place, and the lines it runs on to (a subtitle broken across lines)
        subtitle = _clean_subtitle("".join(lines[j].text for j in title_lines[sub_at:]))
        title_lines = title_lines[:sub_at]
    elif after < len(lines) and _is_subtitle(lines[after]):
        subtitle = _clean_subtitle(lines[after].text)
        after += 1
    starts = [(first, _title_text(lines, title_lines), subtitle)]
    if _one_markdown_headline(lines):
        return _spans_from(starts, lines, end)
    seen_text = " ".join(line.text for line in lines[:after])
    listed = _listed_headings(lines)
    signed_off = read_body = False
    i = after
    while i < len(lines):
        own_block = lines[i].block != lines[i - 1].block
        block = _heading_block(lines, i) if own_block or _is_numbered_heading(lines[i]) else []
        if block and not read_body and block[0] in listed:
            starts[0] = (block[0], _title_text(lines, block), "")  # a bulletin's first article, after its list
        elif block and not read_body and _is_place_heading(lines[block[0]]):
            starts[0] = (first, _title_text(lines, block), "")  # the page's title is the collection's
        if not block or _is_section(lines[block[0]]) or not read_body:
            signed_off = signed_off or bool(SIGNATURE.match(lines[i].text))
            read_body = read_body or any(c in SENTENCE_END for c in lines[i].text)  # a case has text before the next
            seen_text += lines[i].text
            i += 1
            continue
        title_block = block
        while _heading_block(lines, block[-1] + 1):
            block = _heading_block(lines, block[-1] + 1)
            if not _is_section(lines[block[0]]):
                title_block = block  # a section heading under a title (标题, 一、主要做法) leaves the title the case's
        names = subject_names(_first_sentence(lines, block[-1] + 1))
        if not own_block:
            names = [name for name in names if not name.endswith(("街道", "镇"))]
        title = _title_text(lines, title_block)
        if (signed_off or _is_place_heading(lines[title_block[0]]) or title_block[0] in listed
                or names and not any(name in seen_text for name in names) and len(title) > SECTION_TITLE_MAX):
            starts.append((title_block[0], title, ""))
            signed_off = False
        for j in range(title_block[0], block[-1] + 1):
            seen_text += lines[j].text
        i = block[-1] + 1
    return _spans_from(starts, lines, end)


def split_spans(text: str) -> list[CaseSpan]:
    """The case spans of a normalised document, in order."""
    lines = _lines(text)
    if not lines:
        return []
    end = len(text)
    for finder in (_collection_spans, _labelled_spans, _byline_spans, _markdown_spans):
        spans = finder(lines, end)
        if spans:
            return spans
    return _article_spans(lines, end)


@dataclass(frozen=True)
class CaseLocation:
    district: str
    subdistrict: str
    area: str


def case_location(span: CaseSpan, text: str) -> CaseLocation:
    """District, sub-district and residential area as the case's own text names them."""
    district, subdistrict, area = locate_case(f"{span.subtitle}。{span.title}。{text[span.start:span.end]}")
    return CaseLocation(district, subdistrict, area)
