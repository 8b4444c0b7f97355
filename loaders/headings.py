"""Marks of a document's structure shared by normalising and splitting: where a sentence ends,
the section numbers that open a heading line ("二、", "（三）", "1."), a line that only names a place, and a
contents line's leader to its page number."""
from __future__ import annotations

import re

SENTENCE_END = "。！？!?；;"
NUMERALS = "一二三四五六七八九十"
NUMBERED_HEADING = re.compile(rf"^(第[{NUMERALS}]+[章节部分篇]|[{NUMERALS}]+[、.．]|[（(][{NUMERALS}\d]+[)）]|\d{{1,2}}[、.．](?!\d))")
SHORT_HEADING = 20
PLACE_WORDS = "社区|村|居民区|街道|镇|乡"  # type words of the places a case is of
PLACE_LINE = re.compile(rf"^[\u4e00-\u9fff]{{2,24}}?(?:{PLACE_WORDS})$")  # a case's place on its own line
TOC_LEADER = re.compile(r"(\.{3,}|…{2,}|·{4,}|-{4,})\s*\d*\s*$")  # 一、柳溪村：…………1: a contents line


def is_short_numbered_heading(text: str) -> bool:
    """A short numbered line with no sentence end: a section heading, never the start of a broken paragraph."""
    return (len(text) <= SHORT_HEADING and bool(NUMBERED_HEADING.match(text))
            and not any(c in SENTENCE_END for c in text))


FORM_TITLE_LABELS = ("案例名称", "案例标题", "案例题目")  # a case form's field that holds the case's title
