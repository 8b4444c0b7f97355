"""Normalise extracted text while keeping a map back to the original offsets.

Traditional -> Simplified, page furniture dropped, spaces inside Chinese words
removed (the one between a headline's parts kept), and lines broken inside
sentences (PDF columns) joined again. Every
output character remembers the position of the input character it came from.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache

import jieba
import opencc

from loaders.headings import (FORM_TITLE_LABELS, NUMBERED_HEADING, PLACE_LINE, SENTENCE_END, TOC_LEADER,
                              is_short_numbered_heading)

CONTINUES = set("，,、：:（(“‘《「『—")
CJK_PUNCT = set("，。、；：？！“”‘’（）《》「」『』【】—…·￥％")
PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?[-—–\s]*$|"
                         r"^第\s*\d{1,4}\s*页\s*[/,，]?\s*共\s*\d{1,4}\s*页$|^\d{1,4}\s*/\s*\d{1,4}$")  # 第3页 共10页, 3/10
RUNNING_HEAD_MAX = 30  # characters of a page's running header or footer
RUNNING_HEAD_REPEATS = 3  # a short line repeated this often is printed on every page, not written
PAGE_NUMBER_BESIDE = re.compile(r"^(?P<head>\s*\S.{0,30}?)\s{4,}(?P<page>\d{1,4})\s*$")  # 案例选编      12
PAGE_MARKED_REPEATS = 2  # or this often, each time beside a page's number
FURNITURE = re.compile(r"^(?:您的位置|当前位置|您现在的位置|所在位置|当前栏目|所在栏目|原标题|上一篇|下一篇|上一条|下一条)[:：]|"
                       r"^(?:浏览|阅读|点击)(?:次数|量)?[:：]?\s*\d*次?$|"
                       r"^首页\s*(?:>|＞|»|›|→|/|-|—)|"  # 首页 > 新闻中心 > 正文: a breadcrumb
                       r"^(?:第\s*\d+\s*页|共\s*\d+\s*页|上一页|下一页|首页|尾页|末页|\s)+$|"  # a page's pager
                       r"^(?:[【\[]?(?:打印本页|打印|关闭窗口|关闭|收藏本页|收藏|返回顶部|[大中小]字[号体]|"
                       r"(?:字体|字号)[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小)[】\]]?\s*)+$|"
                       r"扫码关注|扫一扫关注|长按识别二维码|二维码\]?$|分享到[:：]?$|责任编辑|^图片来源|^\[(?:图片|视频)\]$|"
                       r"^[（(](?:供稿|稿源|来源|作者|撰稿|摄影|图|文)[:：/]|"  # （供稿：…）: a credit line
                       r"^[（(]?图为|(?:记者|通讯员|\s)\s*[\u4e00-\u9fff]{0,4}\s*摄[）)]?$|"  # （图为…。通讯员 李青 摄）: a photo's caption
                       r"^(?:主办单位|承办单位|技术支持|网站标识码|版权所有|Copyright|©)|ICP备\d|"  # a site's footer
                       r"^\W*点击(?:上方)?蓝字|^原创(?:\s|\S{0,30}?\d{4}-\d{1,2}-\d{1,2})|发表于\S{0,12}$|"  # a WeChat article's
                       r"^▲\s*(?:图|上图|下图|点击|视频)|"
                       r"^(?:编辑|责编|审核|校对|排版|美编|监制|初审|复审|终审)\s*[:：|｜丨]|^(?:来源|统筹)\s*(?:[|｜丨]|[:：][\u4e00-\u9fff]{2,20}$)|"  # account,
                       r"^(?:(?:分享|收藏|点赞|在看|转发|赞)\s*){2,}$|"  # captions, credits and share bar
                       r"^.{0,12}(?:点个|点亮|点一下)[“「\"]?(?:在看|赞)[”」\"]?.{0,4}$|"  # 喜欢就点个“在看”吧
                       r"^[\u4e00-\u9fff]{4,30}文件$|"  # 中共青松街道工作委员会文件: an official document's red header
                       r"^[\u4e00-\u9fff]{2,20}[〔\[（(]\d{4}[〕\]）)]\s*\d+\s*号$|"  # 青松街党工委〔2026〕12号: its number
                       r"^\S{0,24}(?:申报表|推荐表|报送表|登记表)$|^(?:申报|报送|推荐|填报)(?:人|时间|日期)\s*[:：]|"
                       r"^联系(?:人|电话|方式)\s*[:：]")  # a case form's header and its filer's contact (its unit is text)
FORM_TITLE_LABEL = re.compile(rf"^(?:{'|'.join(FORM_TITLE_LABELS)})\s*[:：]\s*")  # 案例名称：… on a form: the case's title
ORIGINAL_MARK = re.compile(r"^原创\s*[|｜丨]\s*")  # 原创 | 标题: a WeChat account's mark before its headline
BOLD = re.compile(r"\*\*|__")
LINK_MARKUP = re.compile(r"!\[[^\[\]]*\]\([^()\s]*\)|\[(?=[^\[\]]*\]\([^()\s]*\))|\]\([^()\s]*\)")  # ![图](…), [text](url)
LIST_MARKER = re.compile(r"^\s*[-*+•]\s+(?=\S)")  # - 青松村新建了厂房: a list item's bullet, no part of its text
FULL_LINE_SLACK = 5
DATELINE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{4}年\d{1,2}月\d{1,2}日?(?:\s|$)|"
                      r"(?:发布机构|来源|日期|作者|浏览|阅读)[:：]")
PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")  # 调(diào)解: a converter's gloss
NEWS_DATELINE = re.compile(r"^\S{0,24}?\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日电\s*(?:[（(][^）)]{0,20}[）)])?\s*|"
                           r"^\S{0,24}?讯\s*[（(][^）)]{0,30}(?:记者|通讯员)[^）)]{0,30}[）)]\s*")  # 青松网 5月7日电, 本报讯（记者 …）
END_MARK = re.compile(r"^[—–\-=\s]*(?:END|完|全文完)[—–\-=\s]*$|"
                      r"^(?:往期推荐|往期回顾|推荐阅读|相关阅读|延伸阅读|相关新闻|热门推荐|猜你喜欢)[:：]?$",
                      re.IGNORECASE)  # what follows is the page's footer, or links to other pages
HEADLINE_MAX = 40  # characters of a line that, opening a document before a blank line, is its headline
LONG_LINE = 60
HEADING_WIDTH = 20  # display width below which a line is a heading or a label, whatever the layout's width
PARAGRAPH_LINE = 100
PARAGRAPH_SHARE = 0.2  # of lines this long: the author wrote paragraphs as lines, and no line was broken by a layout
CAPTION_MAX = 25


@dataclass(frozen=True)
class NormalizeOptions:
    """Which normalisation steps run (all by default)."""

    simplify: bool = True
    drop_furniture: bool = True
    remove_inner_spaces: bool = True
    join_broken_lines: bool = True


@dataclass
class _Line:
    chars: list[str]
    offsets: list[int]
    width: int = 0

    @property
    def text(self) -> str:
        return "".join(self.chars)


def is_ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def is_cjk(char: str) -> bool:
    return is_ideograph(char) or char in CJK_PUNCT


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters converted to Simplified (the form every name is kept in)."""
    return _converter().convert(text)


def _simplify(line: _Line) -> _Line:
    text = line.text
    converted = _converter().convert(text)
    if converted == text:
        return line
    if len(converted) == len(text):
        return _Line(list(converted), line.offsets, line.width)
    last = len(line.offsets) - 1
    offsets = [line.offsets[min(i * len(text) // max(len(converted), 1), last)] for i in range(len(converted))]
    return _Line(list(converted), offsets, line.width)


SINGLE_QUOTED = re.compile(r"‘[^‘’“”]{1,30}’")
STRAIGHT_QUOTED = re.compile(r'"(?=[^"]*[\u4e00-\u9fff])[^"\n，,。；;！？]{1,40}"')  # "共享菜园": an editor's straight quotes


def _curl_quotes(line: _Line) -> _Line:
    """Straight quotes around Chinese words, and single quotes outside double ones (‘1+3+N’模式), become “ and ”,
    as Chinese text writes a quotation, so a quoted name reads the same whatever the editor typed; single quotes
    inside a quotation (“改变‘老办法’”) stay. One character for one: the offsets stay."""
    if '"' not in line.chars and "‘" not in line.chars:
        return line
    chars, text = list(line.chars), line.text
    for match in STRAIGHT_QUOTED.finditer(text):
        chars[match.start()], chars[match.end() - 1] = "“", "”"
    for match in SINGLE_QUOTED.finditer(text):
        if text.count("“", 0, match.start()) == text.count("”", 0, match.start()):
            chars[match.start()], chars[match.end() - 1] = "“", "”"
    return _Line(chars, line.offsets, line.width)


def _strip(line: _Line) -> _Line:
    chars, offsets = line.chars, line.offsets
    start, end = 0, len(chars)
    while start < end and chars[start].isspace():
        start += 1
    while end > start and chars[end - 1].isspace():
        end -= 1
    return _Line(chars[start:end], offsets[start:end], line.width)


def _remove_pattern(line: _Line, pattern: re.Pattern) -> _Line:
    matches = list(pattern.finditer(line.text))
    if not matches:
        return line  # most lines hold none: no copy
    keep = [True] * len(line.chars)
    for match in matches:
        for i in range(match.start(), match.end()):
            keep[i] = False
    return _Line([c for c, k in zip(line.chars, keep) if k], [o for o, k in zip(line.offsets, keep) if k],
                 line.width)


TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")  # | 青石社区 | 白河区财政局 | 老年助餐点建设 |
TABLE_RULE = re.compile(r"^[\s:\-|]*$")  # | --- | :---: |


def _table_row(line: _Line) -> _Line:
    """A Markdown table's row is read as one sentence of its cells (青石社区，白河区财政局，老年助餐点建设。), so no
    row runs into the next; its rule line under the header is no text."""
    row = TABLE_ROW.match(line.text)
    if not row:
        return line
    if TABLE_RULE.match(row.group(1)):
        return _Line([], [], 0)
    first, last = row.start(1) - 1, row.end(1)
    chars = ["，" if c == "|" else c for c in line.chars[first + 1:last]] + ["。"]
    return _Line(chars, line.offsets[first + 1:last + 1], line.width)


HEADLINE_PART = 3  # characters of each part of a headline set apart by spaces (加梯惠民办实事 老楼圆了电梯梦)
HEADLINE_PARTS = 4
INSIDE_SENTENCE = re.compile(r"[。，,；;：:、！!？?](?=.)")


def _is_spaced_headline(text: str) -> bool:
    """A short line of a few parts of words, no sentence and no letter-spaced characters (社 区 治 理): a
    headline whose parts the spaces set apart."""
    text = NUMBERED_HEADING.sub("", text, count=1)  # 二、村企联建　共富路上手牵手
    parts = text.split()
    return (1 < len(parts) <= HEADLINE_PARTS and len(text) <= HEADLINE_MAX and not INSIDE_SENTENCE.search(text)
            and all(sum(map(is_ideograph, part)) >= HEADLINE_PART for part in parts))


def _remove_inner_spaces(line: _Line) -> _Line:
    """Drop spaces that touch a Chinese character (PDF and full-width spacing), but the one between a
    headline's parts."""
    chars, offsets = [], []
    n = len(line.chars)
    headline = _is_spaced_headline(line.text.strip())
    i = 0
    while i < n:
        if line.chars[i].isspace():
            j = i
            while j < n and line.chars[j].isspace():
                j += 1
            before = line.chars[i - 1] if i else ""
            after = line.chars[j] if j < n else ""
            if not (is_cjk(before) or is_cjk(after)) or headline and (is_ideograph(before) or before in "”」』") \
                    and (is_ideograph(after) or after in "“「『"):
                chars.append(" " if not headline else line.chars[i])
                offsets.append(line.offsets[i])
            i = j
            continue
        chars.append(line.chars[i])
        offsets.append(line.offsets[i])
        i += 1
    return _Line(chars, offsets, line.width)


DOUBLED = re.compile(r"(\d)\1(\d)\2(\d)\3(?!\d)|([，、。])\4")


def is_doubled(text: str) -> bool:
    """PDF bold artefact of captions: characters printed twice ('112211弄', '，，')."""
    return bool(DOUBLED.search(text))


def _is_furniture(text: str, markdown: bool, alone: bool) -> bool:
    if PAGE_NUMBER.match(text) or FURNITURE.search(text) or is_doubled(text):
        return True
    # A photo caption: a short line standing alone between blank lines, with no
    # punctuation at all, in a document whose headings are marked; not the line naming a case's place.
    return (markdown and alone and not _is_heading_marker(text) and len(text) <= CAPTION_MAX
            and not any(c in SENTENCE_END or c in "，,、：:" for c in text) and not PLACE_LINE.match(text))


def _running_heads(lines: list[_Line]) -> set[str]:
    """Short lines a PDF printed on every page (a collection's name, a report's date): repeated often, or on
    every page beside its number. Each is dropped but where it opens the document as its title."""
    counts: dict[str, int] = {}
    by_page_marks: dict[str, int] = {}
    for i, line in enumerate(lines):
        if 0 < len(line.chars) <= RUNNING_HEAD_MAX and not _is_section_heading(line.text):
            counts[line.text] = counts.get(line.text, 0) + 1
            if any(PAGE_NUMBER.match(beside.text) for beside in lines[max(0, i - 1):i] + lines[i + 1:i + 2]
                   if beside.chars):
                by_page_marks[line.text] = by_page_marks.get(line.text, 0) + 1
    return {text for text, n in counts.items() if not any(c in SENTENCE_END for c in text)
            and (n >= RUNNING_HEAD_REPEATS or n == by_page_marks.get(text, 0) >= PAGE_MARKED_REPEATS)}


def _opens_above_headline(lines: list[_Line], index: int) -> bool:
    """The first line is a collection's running head, not its title, when a headline follows it."""
    following = next((line.text for line in lines[index + 1:] if line.chars), "")
    return (0 < len(following) <= HEADLINE_MAX and not any(c in SENTENCE_END + "，," for c in following)
            and not _is_section_heading(following) and not following.startswith(("—", "-", "－"))
            and not PLACE_LINE.match(following))  # a subtitle (——记…, a place) stays under its title


def _is_section_heading(text: str) -> bool:
    """A heading each case of a collection repeats (一、工作背景, 【主要做法】, 经验启示：): no page furniture."""
    return (_is_heading_marker(text) or bool(NUMBERED_HEADING.match(text)) or text[0] in "【[〔"
            or text.endswith(("：", ":")))


def _full_width(lines: list[_Line]) -> int:
    """How wide a line must be to have been broken by the layout, not the author.

    In a column layout (PDF) that is the commonest width of lines longer than a heading, less the paragraph
    indent; where lines are whole paragraphs, only a very long line counts.
    """
    widths = [line.width for line in lines if line.chars]
    if not widths:
        return LONG_LINE
    if sum(1 for w in widths if w > PARAGRAPH_LINE) > PARAGRAPH_SHARE * len(widths):
        return 2 * LONG_LINE
    counts: dict[int, int] = {}
    for w in widths:
        if w >= HEADING_WIDTH:
            counts[w] = counts.get(w, 0) + 1
    if not counts:
        return LONG_LINE
    top = max(counts, key=lambda w: (sum(counts.get(w + d, 0) for d in range(-2, 3)), w))
    return min(top, LONG_LINE) - FULL_LINE_SLACK


def _ends_sentence(text: str) -> bool:
    if not text:
        return False
    if text[-1] in "”’」』)）\"'" and len(text) > 1:
        return text[-2] in SENTENCE_END
    return text[-1] in SENTENCE_END


def _is_heading_marker(text: str) -> bool:
    return text.startswith("#") or text.startswith("——")


def _headline_lines(lines: list[_Line]) -> int:
    """How many lines open the document as its headline: short lines before its first blank line (0 if none)."""
    count = 0
    for line in lines:
        if not line.chars:
            return count
        if len(line.chars) > HEADLINE_MAX:
            return 0
        count += 1
    return 0


def _join_broken(lines: list[_Line]) -> list[_Line]:
    """Join lines the layout broke; a headline, a dateline and a heading keep their own lines."""
    full = _full_width(lines)
    headline = _headline_lines(lines)
    out: list[_Line] = []
    pending_blank = False
    prev_keeps_alone = False
    previous_index = -1
    for index, line in enumerate(lines):
        if not line.chars:
            pending_blank = True
            continue
        prev = out[-1] if out else None
        after_headline = pending_blank and previous_index == headline - 1
        previous_index = index
        text = line.text
        if (prev is not None and prev.chars and not prev_keeps_alone and not after_headline
                and not _ends_sentence("".join(prev.chars[-2:])) and not _keeps_alone(text)
                and not TOC_LEADER.search("".join(prev.chars[-NUMBER_TAIL:]))  # a contents line ends on its page
                and not is_short_numbered_heading(text)
                and (prev.width >= full or prev.chars[-1] in CONTINUES or _ends_inside_number(prev.chars, text)
                     or _number_carries_on(prev, text, full) or _word_broken(prev, text, full))):
            prev.chars.extend(line.chars)
            prev.offsets.extend(line.offsets)
            prev.width = line.width
            continue
        if pending_blank and out:
            out.append(_Line([], []))
        pending_blank = False
        out.append(_Line(list(line.chars), list(line.offsets), line.width))
        prev_keeps_alone = _keeps_alone(text) or is_short_numbered_heading(text)
    return out


# 团结路26 | 号院, 2017年9月28 | 日, 建成的10个 | 项目: prose never ends a line on a number or its measure word
NUMBER_TAIL = 24  # characters at a line's end that are enough to see a number and its measure word
BROKEN_NUMBER = re.compile(r"[\u4e00-\u9fff]\d+[个家名户栋幢台项座条位]?$")


def _ends_inside_number(chars: list[str], following: str) -> bool:
    """A line that stops on a number in running text (not a contents line's page number), and a next line
    that carries on with words. Only the line's end is read, so joining stays linear."""
    return bool(BROKEN_NUMBER.search("".join(chars[-NUMBER_TAIL:]))) and bool(following) and is_cjk(following[0])


# 和平东路 | 215 弄, 捐资 | 20 万元: a line that opens on a number and its measure word carries on the line before
NUMBER_OPENING = re.compile(r"\d+(?:-\d+)?\s*[弄号栋幢户个家名位万元]")


def _number_carries_on(prev: _Line, following: str, full: int) -> bool:
    """A line of running text (at least half a full line, ending on a word) and a next line that opens on a
    number with its measure word: the layout broke the line before a wider run of digits."""
    return prev.width >= full // 2 and is_cjk(prev.chars[-1]) and bool(NUMBER_OPENING.match(following))


BROKEN_WORD = (2, 4)  # lengths of the dictionary words looked for across a line break


@cache
def _dictionary() -> dict[str, int]:
    """jieba's dictionary (the one extraction segments with), loaded on first use and quietly."""
    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def _word_broken(prev: _Line, following: str, full: int) -> bool:
    """A line of running text (at least half a full line) whose last characters and the next line's first make
    one dictionary word (区民政 | 局, 覆 | 盖): a justified column whose widths vary broke the word."""
    if prev.width < full // 2 or not following or not is_cjk(prev.chars[-1]) or not is_cjk(following[0]):
        return False
    tail = "".join(prev.chars[-(BROKEN_WORD[1] - 1):])
    words = _dictionary()
    return any(words.get(tail[-before:] + following[:length - before])
               for length in range(BROKEN_WORD[0], BROKEN_WORD[1] + 1)
               for before in range(1, min(length, len(tail) + 1)) if length - before <= len(following))


def _keeps_alone(text: str) -> bool:
    """A heading, a dateline or a page's metadata (2022-05-12 17:24, 发布机构：…): no sentence runs into or out
    of it. Decided on the line as read, so joining stays linear in the text."""
    return bool(DATELINE.search(text)) or _is_heading_marker(text)


def normalize_text(raw: str, markdown: bool = False,
                   options: NormalizeOptions = NormalizeOptions()) -> tuple[str, array]:
    """Return (normalised text, offsets) where offsets[i] indexes ``raw`` (a compact int array)."""
    lines: list[_Line] = []
    position = 0
    for piece in raw.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        beside = PAGE_NUMBER_BESIDE.match(body)  # a footer and its page number are two lines
        pieces = [(0, beside.end("head")), (beside.start("page"), len(body))] if beside else [(0, len(body))]
        for start, end in pieces:
            lines.append(_Line(list(body[start:end]), list(range(position + start, position + end)),
                               display_width(body[start:end].strip())))
        position += len(piece)
    cleaned: list[_Line] = []
    for line in lines:
        if options.simplify:
            line = _simplify(line)
        line = _remove_pattern(line, BOLD)
        line = _curl_quotes(line)
        line = _table_row(line)
        line = _remove_pattern(line, LINK_MARKUP)
        line = _remove_pattern(line, LIST_MARKER)
        line = _remove_pattern(line, PINYIN_GLOSS)
        line = _remove_pattern(line, NEWS_DATELINE)
        line = _remove_pattern(line, FORM_TITLE_LABEL)
        line = _remove_pattern(line, ORIGINAL_MARK)
        if options.remove_inner_spaces:
            line = _remove_inner_spaces(line)
        cleaned.append(_strip(line))
    if options.drop_furniture:
        end = next((i for i, line in enumerate(cleaned) if END_MARK.match(line.text)), len(cleaned))
        cleaned = cleaned[:end]
        kept = []
        running = _running_heads(cleaned)
        for i, line in enumerate(cleaned):
            alone = ((i == 0 or not cleaned[i - 1].chars)
                     and (i + 1 == len(cleaned) or not cleaned[i + 1].chars))
            if line.chars and (_is_furniture(line.text, markdown, alone) or line.text in running
                               and (kept or _opens_above_headline(cleaned, i))):
                continue
            kept.append(line)
        cleaned = kept
    if options.join_broken_lines:
        cleaned = _join_broken(cleaned)
    text_parts: list[str] = []
    offsets: list[int] = []
    for i, line in enumerate(cleaned):
        if i:
            text_parts.append("\n")
            offsets.append(offsets[-1] + 1 if offsets else 0)
        text_parts.append(line.text)
        offsets.extend(line.offsets)
    text = "".join(text_parts).strip("\n")
    lead = len("".join(text_parts)) - len("".join(text_parts).lstrip("\n"))
    return text, array("q", offsets[lead:lead + len(text)])
