"""Check digits of 统一社会信用代码 (GB 32100-2015) and 居民身份证号码 (GB 11643-1999)."""

from __future__ import annotations

import re

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"

USCC_RE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
ID_RE = re.compile(r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]")
# Published documents mask ID numbers: 3******0, 330102********1234, 3301**********123X
MASKED_ID_RE = re.compile(r"[1-9][\d*＊]{4,16}[\dXx*＊]")


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return USCC_CHARS[(31 - total % 31) % 31]


def valid_uscc(code: str) -> bool:
    code = code.strip().upper()
    if len(code) != 18 or any(c not in USCC_CHARS for c in code):
        return False
    return uscc_check_char(code[:17]) == code[17]


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def valid_id_card(code: str) -> bool:
    code = code.strip().upper()
    if not ID_RE.fullmatch(code):
        return False
    return id_check_char(code[:17]) == code[17]


def is_masked_id(text: str) -> bool:
    """A published, partly hidden ID number: digits with a run of '*'."""
    t = text.strip()
    return "*" in t.replace("＊", "*") and bool(MASKED_ID_RE.fullmatch(t)) and sum(c.isdigit() for c in t) >= 2
