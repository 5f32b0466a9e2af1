"""Chinese numerals, dates and amounts as agencies write them.

``cn_number(124)`` → 一百二十四 (article numbers), ``parse_cn_number("一百二十四")``
→ 124, ``cn_date(date)`` → 二〇二六年一月十九日, ``money_upper(Decimal("50000"))``
→ 人民币伍万元整.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

_DIGITS = "零一二三四五六七八九"
_DATE_DIGITS = "〇一二三四五六七八九"
_UNITS = ["", "十", "百", "千"]
_BIG = ["", "万", "亿"]


def cn_number(n: int) -> str:
    """Integer → Chinese numeral as used in article numbers (第一百二十四条, 第十条)."""
    if n < 0:
        raise ValueError(n)
    if n == 0:
        return "零"
    out = _spelt(n, _DIGITS, _UNITS, _BIG)
    if out.startswith("一十"):
        out = out[1:]
    return out


def _spelt(n: int, digits: str, units: list[str], big: list[str]) -> str:
    """A positive integer spelt in groups of four digits (万, 亿), a 零 for every gap: the one loop
    behind article numbers (一百二十四) and amounts in 大写 (壹佰贰拾肆), which differ only in their tables."""
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out = ""
    zero_pending = False
    for gi in range(len(groups) - 1, -1, -1):
        g = groups[gi]
        if g == 0:
            zero_pending = bool(out)
            continue
        if out and (g < 1000 or zero_pending):
            out += "零"
        out += _group(g, digits, units) + big[gi]
        zero_pending = False
    return out


def _group(g: int, digits: str, units: list[str]) -> str:
    s = ""
    zero = False
    for pos in range(3, -1, -1):
        d = (g // 10**pos) % 10
        if d == 0:
            zero = bool(s)
            continue
        if zero:
            s += digits[0]
            zero = False
        s += digits[d] + units[pos]
    return s


_CN_VAL = {c: i for i, c in enumerate(_DIGITS)}
_CN_VAL.update({"〇": 0, "○": 0, "Ｏ": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9})
_CN_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def parse_cn_number(s: str) -> int:
    """Chinese or Arabic numeral → int: 一百二十四 → 124, 十 → 10, 二〇二六 → 2026, 12 → 12."""
    s = s.strip()
    if not s:
        raise ValueError("空数字")
    if s.isdigit():
        return int(s.translate(_FULLWIDTH_DIGITS))
    if all(c in _CN_VAL for c in s):  # digit-by-digit form: 二〇二六
        return int("".join(str(_CN_VAL[c]) for c in s))
    total = section = digit = 0
    for c in s:
        if c in _CN_VAL:
            digit = _CN_VAL[c]
        elif c in _CN_UNIT:
            section += (digit or 1) * _CN_UNIT[c]
            digit = 0
        elif c in _CN_BIG:
            total += (section + digit) * _CN_BIG[c]
            section = digit = 0
        else:
            raise ValueError(f"不是数字：{s}")
    return total + section + digit


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def cn_date(d: dt.date) -> str:
    """2026-01-19 → 二〇二六年一月十九日 (the form official documents use)."""
    year = "".join(_DATE_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{cn_number(d.month)}月{cn_number(d.day)}日"


_UPPER = "零壹贰叁肆伍陆柒捌玖"
_UPPER_UNITS = ["", "拾", "佰", "仟"]
_UPPER_BIG = ["", "万", "亿", "万亿"]


def money_upper(amount: Decimal | int | float | str, prefix: str = "人民币") -> str:
    """Amount in 大写: 50000 → 人民币伍万元整, 39.9 → 人民币叁拾玖元玖角."""
    a = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if a < 0:
        raise ValueError("金额不能为负")
    yuan = int(a)
    fen_total = int((a - yuan) * 100)
    jiao, fen = divmod(fen_total, 10)
    int_part = _spelt(yuan, _UPPER, _UPPER_UNITS, _UPPER_BIG) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        tail = "整"
        if not int_part:
            int_part = "零元"
    else:
        tail = ""
        if jiao:
            tail += _UPPER[jiao] + "角"
        elif int_part:
            tail += "零"
        if fen:
            tail += _UPPER[fen] + "分"
    return prefix + int_part + tail
