"""Safe folder and file names: no path traversal, nothing Windows or WPS cannot open."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from casefile.errors import ValidationError

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_LEN = 80
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")  # a file's extension, not the 。-less dot of a 文号 or a date


def safe_name(text: str, fallback: str = "未命名") -> str:
    """Derive a safe folder/file name from free text such as a 文号."""
    s = unicodedata.normalize("NFKC", text)
    # NFKC turns 〔〕 into themselves but full-width ［］ into [] — both are fine on Windows.
    s = _FORBIDDEN.sub("-", s)
    s = re.sub(r"\s+", "", s)
    s = s.strip(". ")
    s = re.sub(r"-{2,}", "-", s)
    if not s or set(s) <= {".", "-"}:
        s = fallback
    if s.split(".")[0].upper() in _RESERVED:
        s = "_" + s
    if len(s) <= MAX_LEN:
        return s
    # a long file name keeps its extension (.docx, .pdf): without it the file is never read or indexed
    ext = _EXTENSION.search(s)
    suffix = ext.group(0) if ext else ""
    stem = s[: MAX_LEN - len(suffix)].rstrip(". ")
    return (stem or fallback) + suffix


def check_name(name: str, what: str = "案件编号") -> str:
    """Accept a name given by a person only if it is already safe; never mangle it silently."""
    if not name or name != safe_name(name) or name in (".", ".."):
        raise ValidationError(
            f"{what}“{name}”不能用作文件夹名",
            details=[f"{what}不能含有 < > : \" / \\ | ? * 、空白或控制字符，不能以点开头或结尾，不能超过 {MAX_LEN} 个字符；建议：{safe_name(name)}"],
        )
    return name


_SERIAL = re.compile(r"(\d{4})-(\d{3,})")


def new_case_id(existing: Iterable[str], *, year: int | None = None, number: str = "", hint: str = "") -> str:
    """The one case-id scheme (CLI, TUI and import alike).

    A case with a 文号 is named after it; else after ``hint`` (an imported folder's
    name); a clash takes the first free suffix ``-2``, ``-3`` …. A case with neither is
    ``YYYY-NNN``: one more than the highest serial of that year in use, so a deleted
    case or an id of another form never makes two cases share a folder.
    """
    taken = set(existing)
    base = safe_name(number) if number.strip() else safe_name(hint) if hint.strip() else ""
    if base:
        cid, n = base, 2
        while cid in taken:
            cid, n = f"{base}-{n}", n + 1
        return cid
    if year is None:
        raise ValueError("a case without 文号 or name needs the year for its YYYY-NNN id")
    serials = [int(m.group(2)) for m in map(_SERIAL.fullmatch, taken) if m and int(m.group(1)) == year]
    n = max(serials, default=0) + 1
    return f"{year}-{n:03d}"
