"""Limits checked before work: sizes, expansion ratios and free disk space.

A zip archive (.docx, case package) declares each member's uncompressed size, and
Python's zipfile never returns more than that size (a member that expands further
fails its CRC check), so checking the declared sizes before reading bounds what
reading can cost. The figures are data: ``casefile/data/limits.toml``.
"""

from __future__ import annotations

import errno
import shutil
import tomllib
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.errors import CasefileError, DocumentError

XML_SUFFIXES = (".xml", ".rels", ".vml")


@lru_cache(maxsize=1)
def limits() -> dict[str, Any]:
    return tomllib.loads(resources.files("casefile").joinpath("data/limits.toml").read_text("utf-8"))


def mib(n: int) -> str:
    """A size for people: 1.5 MB, 2 GB."""
    if n >= 1 << 30:
        return f"{n / (1 << 30):.1f} GB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{n / 1024:.0f} KB"


def check_zip(z: zipfile.ZipFile, what: str, *, error: type[CasefileError] = DocumentError) -> int:
    """Refuse an archive whose declared sizes or ratios exceed the limits; return its total uncompressed size.

    ``what`` names the file in the message (“案卷包 x.zip”, “询问笔录.docx”)."""
    lim = limits()["zip"]
    infos = z.infolist()
    if len(infos) > lim["max_members"]:
        raise error(f"{what}：压缩包内有 {len(infos)} 个文件，超过上限 {lim['max_members']}，已拒绝（可能是恶意构造的文件）")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        xml = info.filename.lower().endswith(XML_SUFFIXES)
        cap = lim["max_xml_member_bytes"] if xml else lim["max_member_bytes"]
        if size > cap:
            raise error(f"{what}：其中的 {info.filename} 解压后有 {mib(size)}，超过上限 {mib(cap)}，已拒绝（可能是“压缩炸弹”）")
        if size > lim["ratio_floor_bytes"] and size > lim["max_ratio"] * max(info.compress_size, 1):
            ratio = size // max(info.compress_size, 1)
            raise error(f"{what}：其中的 {info.filename} 压缩比为 {ratio}:1，超过上限 {lim['max_ratio']}:1，已拒绝（可能是“压缩炸弹”）")
        if total > lim["max_total_bytes"]:
            raise error(f"{what}：解压后合计超过 {mib(lim['max_total_bytes'])}，已拒绝（可能是“压缩炸弹”）")
    return total


def check_file_size(path: Path, size: int) -> None:
    cap = limits()["file"]["max_bytes"]
    if size > cap:
        raise DocumentError(f"{path.name}：文件有 {mib(size)}，超过单个文书的上限 {mib(cap)}，未导入")


def check_text_length(path: Path, chars: int) -> None:
    cap = limits()["file"]["max_chars"]
    if chars > cap:
        raise DocumentError(f"{path.name}：文字有 {chars} 个字符，超过单个文书的上限 {cap}，未导入")


def check_package_space(dest_dir: Path | None, total: int, what: str, *, error: type[CasefileError]) -> None:
    """A package may write at most [package].max_total_bytes, and must leave min_free_bytes free on
    ``dest_dir``'s disk (not checked when ``dest_dir`` is None)."""
    lim = limits()["package"]
    if total > lim["max_total_bytes"]:
        raise error(f"{what}：解压后共 {mib(total)}，超过案卷包的上限 {mib(lim['max_total_bytes'])}，已拒绝导入，工作区未改动")
    if dest_dir is None:
        return
    try:
        free = shutil.disk_usage(dest_dir).free
    except OSError:
        return
    if total + lim["min_free_bytes"] > free:
        raise error(f"{what}：解压后共 {mib(total)}，磁盘只剩 {mib(free)}，空间不足，已拒绝导入，工作区未改动")


def is_disk_full(e: BaseException) -> bool:
    return isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT)


def disk_full_message(where: Path | str) -> str:
    return f"磁盘空间已满（{where}）：请腾出空间后重新导入；未写完的文件已删除"
