"""Audio/video and photo evidence (音像记录): stored once by content hash, linked to an act."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from casefile.errors import DocumentError, UsageError
from casefile.store.fsutil import atomic_write_bytes, sha256_bytes
from casefile.model import ActKind
from casefile.store.workspace import Workspace, with_case_lock

MEDIA = {".mp4": "录像", ".mov": "录像", ".avi": "录像", ".mkv": "录像", ".mp3": "录音", ".wav": "录音", ".m4a": "录音", ".amr": "录音",
         ".jpg": "照片", ".jpeg": "照片", ".png": "照片", ".heic": "照片", ".pdf": "书证扫描件"}


@with_case_lock
def add_evidence(ws: Workspace, case_ref: str, path: Path, act: str, *, officers: list[str] | None = None,
                 time: str = "", note: str = "") -> dict[str, Any]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in MEDIA:
        raise UsageError(f"{path.name}：不支持的音像文件类型 {suffix}", details=["支持：" + "、".join(sorted(MEDIA))])
    try:
        kind = ActKind(act)
    except ValueError:
        raise UsageError(f"不认识的执法行为“{act}”", details=["可选：" + "、".join(a.value for a in ActKind)]) from None
    case = ws.load_case(case_ref)
    acts = case.acts_of(kind)
    day = dt.date.fromisoformat(time[:10]) if time else None
    if not acts:
        raise UsageError(f"案件 {case.id} 没有“{act}”这一执法行为，无法关联", details=["先在 case.toml 的 acts 中登记该行为"])
    target = next((a for a in acts if day is None or a.date == day), None)
    if target is None:
        raise UsageError(f"案件 {case.id} 在 {day} 没有“{act}”", details=[f"该行为的日期：{'、'.join(str(a.date) for a in acts)}"])
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(f"{path}：无法读取（{e.strerror}）") from None
    if not data:
        raise DocumentError(f"{path.name}：文件是空的")
    digest = sha256_bytes(data)
    case_dir = ws.cases_dir / case.id
    rel = f"evidence/{digest}{suffix}"
    stored_before = (case_dir / rel).exists()
    if not stored_before:
        atomic_write_bytes(case_dir / rel, data)
    links = list(case.extra.get("av_records", []))
    link = {"act": kind.value, "date": target.date.isoformat(), "file": rel, "sha256": digest, "type": MEDIA[suffix],
            "name": path.name, "officers": officers or [], "time": time, "note": note}
    if any(l["sha256"] == digest and l["act"] == link["act"] and l["date"] == link["date"] for l in links):
        return dict(link, duplicate=True)
    links.append(link)
    case.extra["av_records"] = links
    if MEDIA[suffix] in ("录像", "录音"):
        target.recorded = True
    ws.save_case(case, act="添加音像记录", stage="取证")
    ws.journal(case.id, "附加证据", "取证", {"file": rel, "act": kind.value, "date": link["date"], "name": path.name},
               docs={rel: digest})
    return dict(link, duplicate=False, stored_before=stored_before)
