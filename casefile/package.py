"""The submission package: one zip that carries a case between handler and reviewer.

Layout::

    manifest.json          {"format", "version", "case", "number", "created",
                            "binding_order": [...], "files": {path: sha256}}
    <case-id>/case.toml, documents.toml, journal.jsonl, docs/…, evidence/…, reviews/…

Import checks every name and every checksum before it writes anything; the case
appears in the workspace whole (one rename) or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tomllib
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from casefile import journal
from casefile.dossier import assemble
from casefile.errors import CaseExists, PackageError
from casefile.fsutil import atomic_write_bytes, sha256_bytes
from casefile.limits import check_package_space, check_zip
from casefile.model import Case
from casefile.names import check_name
from casefile.validation import validate
from casefile.workspace import CASE_FILE, Workspace

FORMAT = "casefile-package"
VERSION = 1
MANIFEST = "manifest.json"
_SKIP_DIRS = {".cache"}
# zip timestamps are fixed so the same dossier gives the same package bytes
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def _case_files(case_dir: Path) -> list[Path]:
    out = []
    for p in sorted(case_dir.rglob("*")):
        rel = p.relative_to(case_dir)
        if p.is_file() and not (set(rel.parts) & _SKIP_DIRS):
            out.append(p)
    return out


def export_package(ws: Workspace, case_ref: str, dest: Path) -> dict[str, Any]:
    case = ws.load_case(case_ref)
    case_dir = ws.cases_dir / case.id
    dossier = assemble(ws, case.id)
    order = [f.file for e in dossier.entries for f in e.files]
    files: dict[str, str] = {}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for p in _case_files(case_dir):
            rel = p.relative_to(case_dir).as_posix()
            data = p.read_bytes()
            name = f"{case.id}/{rel}"
            files[name] = sha256_bytes(data)
            z.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "case": case.id,
            "number": case.number,
            "created": journal.now_iso(),
            "binding_order": [f"{case.id}/{f}" for f in order],
            "files": files,
        }
        z.writestr(zipfile.ZipInfo(MANIFEST, _ZIP_TIME), json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
    atomic_write_bytes(Path(dest), buf.getvalue())
    return {"case": case.id, "package": str(dest), "files": len(files), "binding_order": manifest["binding_order"],
            "sha256": hashlib.sha256(buf.getvalue()).hexdigest()}


def _safe_member(name: str) -> PurePosixPath:
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PackageError(f"案卷包中的文件名“{name}”是绝对路径，已拒绝导入，工作区未改动")
    p = PurePosixPath(name)
    if any(part in ("..", "") for part in p.parts) or ".." in name.split("/"):
        raise PackageError(f"案卷包中的文件名“{name}”含有“..”，已拒绝导入，工作区未改动")
    return p


def read_package(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Open and verify a package entirely in memory; raise on the first problem."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise PackageError(f"{path} 不是有效的 zip 案卷包：{e}") from None
    with z:
        names = z.namelist()
        for n in names:
            _safe_member(n)
        # declared sizes, ratios and the total a package may write, before anything is decompressed
        declared = check_zip(z, f"案卷包 {path.name}", error=PackageError)
        check_package_space(None, declared, f"案卷包 {path.name}", error=PackageError)
        if MANIFEST not in names:
            raise PackageError(f"{path} 中没有 {MANIFEST}，不是 casefile 案卷包")
        try:
            manifest = json.loads(z.read(MANIFEST))
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise PackageError(f"{path} 的 {MANIFEST} 无法读取") from None
        if manifest.get("format") != FORMAT:
            raise PackageError(f"{path} 不是 casefile 案卷包（format 不符）")
        case_id = check_name(str(manifest.get("case", "")))
        listed: dict[str, str] = manifest.get("files", {})
        contents: dict[str, bytes] = {}
        problems = []
        for n in names:
            if n == MANIFEST or n.endswith("/"):
                continue
            if not n.startswith(f"{case_id}/"):
                problems.append(f"{n}：不在案件文件夹 {case_id}/ 之下")
                continue
            if n not in listed:
                problems.append(f"{n}：清单（manifest）中没有这个文件")
                continue
            try:
                data = z.read(n)
            except (zipfile.BadZipFile, OSError) as e:
                problems.append(f"{n}：无法解压（{e}）")
                continue
            if sha256_bytes(data) != listed[n]:
                problems.append(f"{n}：SHA-256 校验不符（文件被改动或损坏）")
            contents[n] = data
        for n in listed:
            if n not in contents and not any(p.startswith(n + "：") for p in problems):
                problems.append(f"{n}：清单中有、包中缺少")
        if f"{case_id}/{CASE_FILE}" not in contents:
            problems.append(f"缺少 {case_id}/{CASE_FILE}")
        if problems:
            raise PackageError(f"案卷包 {path} 校验失败，已拒绝导入，工作区未改动", details=problems)
    return manifest, contents


def import_package(ws: Workspace, path: Path, *, replace: bool = False) -> dict[str, Any]:
    manifest, contents = read_package(Path(path))
    case_id = manifest["case"]
    target = ws.cases_dir / case_id
    # validate the case facts before anything touches the disk
    try:
        data = tomllib.loads(contents[f"{case_id}/{CASE_FILE}"].decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise PackageError(f"案卷包中的 {CASE_FILE} 无法读取：{e}") from None
    validate(Case, data, f"案卷包中的 {case_id}/{CASE_FILE}")
    if target.exists() and not replace:
        raise CaseExists(f"工作区中已有案件 {case_id}，未做改动", details=["如要替换，加 --replace（原案件会移到 cases/.replaced/ 保留）"])
    check_package_space(ws.cases_dir, sum(len(v) for v in contents.values()), f"案卷包 {Path(path).name}", error=PackageError)
    staging = ws.cases_dir / f".{case_id}.importing"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        for name, data in contents.items():
            rel = name[len(case_id) + 1:]
            dest = staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        for sub in ("docs", "evidence", "reviews"):
            (staging / sub).mkdir(exist_ok=True)
        kept = None
        if target.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = ws.cases_dir / ".replaced" / f"{case_id}-{stamp}"
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, kept)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    journal.append(target, "导入案卷包", "审查", {"package": str(path), "files": len(contents)}, actor=ws.actor)
    return {"case": case_id, "files": len(contents), "replaced": str(kept) if kept else None}
