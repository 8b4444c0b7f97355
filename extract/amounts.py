"""Money amounts in Chinese text, in yuan: 一百五十万 -> 1500000, 5600万 -> 56000000 (whole yuan as integers)."""
from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
AMOUNT = re.compile(r"([0-9][0-9,，.]*|[零〇一二两三四五六七八九十百千]+)\s*(余|多)?\s*(?:(万|亿)\s*(余|多)?\s*(元)?(?![名户人平个件次株棵辆米位余多])|(元))")


def chinese_number(text: str) -> int:
    """Value of a Chinese numeral without 万/亿 (一百五十 -> 150)."""
    total, digit = 0, 0
    for char in text:
        if char in DIGITS:
            digit = DIGITS[char]
        elif char in SMALL_UNITS:
            total += (digit or 1) * SMALL_UNITS[char]
            digit = 0
    return total + digit


def parse_number(text: str) -> float:
    """A numeral in digits or Chinese characters, with 万/亿 anywhere in it."""
    text = text.replace(",", "").replace("，", "")
    if re.fullmatch(r"[0-9.]+", text):
        return float(text)
    total, section = 0.0, ""
    for char in text:
        if char in LARGE_UNITS:
            total += (float(section) if re.fullmatch(r"[0-9.]+", section) else chinese_number(section) or 1) \
                * LARGE_UNITS[char]
            section = ""
        else:
            section += char
    if section:
        total += float(section) if re.fullmatch(r"[0-9.]+", section) else chinese_number(section)
    return total


CLAUSE_BREAKS = re.compile(r"[，,；;。！？]")


def parse_amount(text: str) -> float | None:
    """The first amount of money in the text, in yuan, or None."""
    return _value(AMOUNT.search(text))


def amount_given_by(text: str, giver_start: int) -> float | None:
    """The amount a giver named at ``giver_start`` gives: the first one after it in its clause
    (街道出资15万元，银行捐赠3万元: the bank gives 3万), else the sentence's first (总投资50万元，由X出资)."""
    clause_end = CLAUSE_BREAKS.search(text, giver_start)
    return _value(AMOUNT.search(text[:clause_end.start() if clause_end else len(text)], giver_start)) \
        or parse_amount(text)


def _value(match: re.Match | None) -> float | None:
    if not match:
        return None
    number, _, unit, _, _, _ = match.groups()
    value = parse_number(number)
    if unit:
        value *= LARGE_UNITS[unit]
    if value <= 0:
        return None
    return int(value) if value.is_integer() else round(value, 2)
