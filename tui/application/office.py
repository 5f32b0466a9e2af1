"""What the front ends show of the records office's work, written once: an article number a person
typed as the law library's key and back, one line per journal entry, an operating-system error in
Chinese. The work itself is the services' (``session.records``: journal, 公示, laws, statistics;
``session.documents``: the dossier's export and print)."""

from __future__ import annotations

import errno
import re
from typing import Any

from casefile.model.cn import parse_cn_number

# 第二十八条 / 第28条 / 28 / 10之一 / 10-1 → the library's key ("28", "10-1")
_ARTICLE_REF = re.compile(r"^\s*第?\s*([0-9〇零一二三四五六七八九十百千两]+)\s*条?\s*(?:[之-]\s*([0-9一二三四五六七八九十]+))?\s*$")


def article_key(text: str) -> str:
    """The library key of an article number a person typed; '' when it is none."""
    m = _ARTICLE_REF.match(text or "")
    if not m:
        return ""
    try:
        n = parse_cn_number(m.group(1))
        return str(n) if not m.group(2) else f"{n}-{parse_cn_number(m.group(2))}"
    except ValueError:
        return ""


def article_label(key: str) -> str:
    """"10-1" → 第10条之1 (how a person reads the key)."""
    n, _, sub = key.partition("-")
    return f"第{n}条" + (f"之{sub}" if sub else "")


def journal_summary(e: dict[str, Any]) -> str:
    """One line on what a journal entry changed (a file, the facts edited, the values)."""
    ch = e.get("changes") or {}
    if "facts" in ch:
        return "修改：" + "、".join(ch["facts"])
    if "file" in ch:
        return str(ch["file"])
    if "files" in ch and isinstance(ch["files"], list):
        return "、".join(str(f) for f in ch["files"])
    return "，".join(f"{k}={v}" for k, v in ch.items() if not isinstance(v, (dict, list)))


_ERRNO_TEXT = {errno.ENOENT: "不存在", errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.ENOSPC: "磁盘空间已满",
               errno.EDQUOT: "磁盘配额已满", errno.EISDIR: "是文件夹，不是文件", errno.ENOTDIR: "路径中有一段不是文件夹",
               errno.EROFS: "所在磁盘只读", errno.EEXIST: "已存在"}


def io_problem(e: Exception) -> str:
    """An operating-system error in Chinese, naming the file (the front ends show it as is); any other
    error (a CasefileError, already in Chinese) as it says itself."""
    if not isinstance(e, OSError):
        return str(e)
    where = e.filename or "文件"
    return f"无法读写 {where}：{_ERRNO_TEXT.get(e.errno, f'系统错误（错误号 {e.errno}）')}"
