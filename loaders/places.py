"""Find the named places and local bodies a passage is about.

Used by the splitter (does a section turn to another area?) and to give each
case its district, sub-district and residential area. Names are found by
their suffix and cut on the left at punctuation, function words or a larger
place name ("六合场街道|松韵居民区").
"""
from __future__ import annotations

import re

NAME_CHAR = r"[\u4e00-\u9fff0-9A-Za-z]"
LEFT_STOPS = ("的", "在", "由", "与", "和", "及", "对", "将", "把", "为", "是", "了", "从", "向", "于",
              "同", "跟", "以", "经", "让", "被", "给", "各", "本", "该", "届", "全", "之",
              "个", "也", "都", "还", "就", "到", "记")
LEFT_STOP_WORDS = ("位于", "辖区", "联合", "通过", "依托", "面对", "针对", "围绕", "会同", "协同", "携手",
                   "组织", "邀请", "发动", "推动", "指导", "支持", "牵头", "所辖", "毗邻", "近年来", "按照",
                   "家住", "走进", "来到", "前往", "一行", "协调", "配合", "协助", "争取", "上报", "列入", "纳入",
                   "进入", "深入", "投入", "融入", "写入")
HIGHER_PLACES = ("街道", "镇", "区", "市", "省", "县")
SUBJECT_SUFFIXES = ("居民区", "街道", "镇", "居委会", "居委", "党总支", "党支部", "党工委")
GENERIC_STEMS = {"居民", "居民区", "社区", "小区", "街道", "各", "本", "该", "全", "这个", "这里", "周边", "周围", "附近", "其他",
                 "其它", "相关", "所在", "各个", "多个"}
MAX_NAME = 10
NOT_DISTRICTS = ("居民区", "小区", "社区", "园区", "城区", "辖区", "街区", "片区", "示范区", "商务区", "休息区", "活动区",
                 "服务区", "开发区")


def _opens_name(text: str, start: int, suffix_start: int) -> bool:
    """The function word before ``start`` begins a two-character stem after a break or another function word."""
    before = text[start - 2] if start >= 2 else ""
    return suffix_start - start == 1 and (not re.match(NAME_CHAR, before or " ") or before in LEFT_STOPS)


def left_boundary(text: str, suffix_start: int, max_len: int = MAX_NAME) -> int:
    """Where a name ending in the suffix at ``suffix_start`` begins.

    A function word ends the name on its left unless it opens it (和平居民区).
    """
    start = suffix_start
    while start > 0 and suffix_start - start < max_len:
        head = text[max(0, start - 4):start]
        if not re.match(NAME_CHAR, head[-1]):
            break
        if head.endswith(LEFT_STOP_WORDS) or re.search(r"\d[年月日]$", head):
            break
        if head.endswith(LEFT_STOPS) and not _opens_name(text, start, suffix_start):
            break
        if suffix_start - start >= 2 and head.endswith(HIGHER_PLACES):
            break
        start -= 1
    return start


def names_ending_in(text: str, suffixes: tuple[str, ...]) -> list[str]:
    """Every 'stem + suffix' name in the text whose stem is not a generic word."""
    return _names_at(text, re.compile("(?:" + "|".join(sorted(map(re.escape, suffixes), key=len, reverse=True))
                                      + ")(?![域别间块划])"))


def _names_at(text: str, pattern: re.Pattern) -> list[str]:
    names = []
    for match in pattern.finditer(text):
        start = left_boundary(text, match.start())
        stem = text[start:match.start()]
        if len(stem) >= 2 and stem not in GENERIC_STEMS:
            names.append(stem + match.group())
    return names


def subject_names(sentence: str) -> list[str]:
    """Areas and local bodies a sentence names, as 'stem + suffix' keys."""
    return [re.sub(r"(居委会|居委|党总支|党支部|党工委)$", "", n) or n
            for n in names_ending_in(sentence, SUBJECT_SUFFIXES)]


def _first(names: list[str]) -> str:
    return names[0] if names else ""


def _most_named(names: list[str]) -> str:
    """The name given most often; of names given equally often, the first."""
    return max(names, key=names.count) if names else ""


DIVISION = re.compile(r"区(?![域别间块划])|县(?!里|级|长|域|乡|城(?!关))")  # not 县城, 县里: the county's town or level


def district_names(text: str) -> list[str]:
    """Districts and counties named in the text: two or three characters before 区 or 县 (上海|嘉定区, 浦东新区, 云岭县)."""
    names = []
    for name in _names_at(text, DIVISION):
        stem, unit = name[:-1], name[-1]
        if not name.endswith(NOT_DISTRICTS) and not any(c.isdigit() for c in stem):
            short = stem[-3:] if stem.endswith("新") else stem[-2:]  # 浦东新区, 上海|嘉定区
            names.append((stem if len(stem) <= 3 else short) + unit)
    return names


def locate_document(text: str) -> tuple[str, str]:
    """(district, sub-district) a whole document names most often: what its cases inherit."""
    return _most_named(district_names(text)), _most_named(names_ending_in(text, ("街道", "镇")))


def locate_case(text: str) -> tuple[str, str, str]:
    """(district 区, sub-district 街道/镇, residential area 居民区) named in the text."""
    head = text[:1500]
    districts = district_names(head)
    subdistricts = names_ending_in(head, ("街道", "镇"))
    areas = names_ending_in(head, ("居民区",))
    return _first(districts), _first(subdistricts), _most_named(areas)
