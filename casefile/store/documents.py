"""The documents of a case: files under ``docs/`` and their register ``documents.toml``.

The register says, for each file, its catalogue type, where it came from
(rendered by casefile or imported), its SHA-256 when casefile last wrote or
accepted it, and what extraction learned (pages, pages needing OCR). Every add,
replace and removal is journalled with the new hash, so ``journal verify`` can
tell a document changed behind casefile's back.

Derived text (extraction results) is cached under ``.cache/`` in the case folder,
keyed by content hash; deleting it loses nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field

from casefile.chain import journal

from casefile.store import locks
from casefile.errors import DocumentError
from casefile.store.fsutil import atomic_write_bytes, atomic_write_text, sha256_bytes, sha256_file
from casefile.model.names import safe_name
from casefile.model.validation import validate
from casefile.ingest.versions import derived_version

REGISTER = "documents.toml"
DOCS = "docs"
CACHE = ".cache"


class DocRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str  # relative to the case folder: docs/<name>
    doc_type: str = "unknown"  # catalogue code, or "unknown"
    title: str = ""  # 题名 as it appears in the 卷内目录
    origin: Literal["rendered", "imported", "generated"] = "imported"
    sha256: str = ""
    confidence: float | None = None  # of the classification, for imported documents
    pages: int | None = None
    pages_estimated: bool = False
    needs_ocr: list[int] = Field(default_factory=list)  # 1-based pages without a text layer
    # pages whose text was read by OCR ("1"-based page -> mean recognition score 0–1); None when none was
    ocr_confidence: dict[str, float] | None = None
    number: str = ""  # 文号 on the document
    date: dt.date | None = None  # 文书日期
    source_name: str = ""  # the file's original name when imported
    added: str = ""

    @property
    def name(self) -> str:
        return Path(self.file).name


class Register(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[DocRecord] = Field(default_factory=list)

    def get(self, file: str) -> DocRecord | None:
        for d in self.documents:
            if d.file == file:
                return d
        return None

    def of_type(self, doc_type: str) -> list[DocRecord]:
        return [d for d in self.documents if d.doc_type == doc_type]


def load_register(case_dir: Path) -> Register:
    path = Path(case_dir) / REGISTER
    if not path.exists():
        return Register()
    with open(path, "rb") as f:
        try:
            data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise DocumentError(f"{path} 不是有效的 TOML 文件", details=[str(e)]) from None
    return validate(Register, data, str(path))


def save_register(case_dir: Path, reg: Register) -> None:
    data = {"documents": [d.model_dump(exclude_none=True, exclude_defaults=False) for d in reg.documents]}
    atomic_write_text(Path(case_dir) / REGISTER, "# 案件文书登记（由 casefile 维护）\n" + tomli_w.dumps(data))


def unique_name(case_dir: Path, name: str) -> str:
    """docs/<name>, or docs/<stem>（2）<suffix> if taken — never overwrite."""
    stem, suffix = os.path.splitext(safe_name(name))
    candidate = f"{stem}{suffix}"
    n = 2
    while (Path(case_dir) / DOCS / candidate).exists():
        candidate = f"{stem}（{n}）{suffix}"
        n += 1
    return f"{DOCS}/{candidate}"


def add_document(
    case_dir: Path,
    data: bytes,
    name: str,
    record: DocRecord,
    *,
    stage: str,
    act: str = "添加文书",
    actor: str | None = None,
    replace: bool = False,
) -> DocRecord:
    """Store ``data`` as docs/<name> (a fresh name unless ``replace``), register it, journal it.

    The file is written atomically before the register; if the register cannot be
    written the file is removed again, so nothing is half-stored.
    """
    case_dir = Path(case_dir)
    with locks.case_dir_lock(case_dir):  # documents.toml is read, changed and written back
        return _add_document(case_dir, data, name, record, stage=stage, act=act, actor=actor, replace=replace)


def _add_document(case_dir: Path, data: bytes, name: str, record: DocRecord, *, stage: str, act: str, actor: str | None,
                  replace: bool) -> DocRecord:
    (case_dir / DOCS).mkdir(exist_ok=True)
    reg = load_register(case_dir)
    rel = f"{DOCS}/{safe_name(name)}" if replace else unique_name(case_dir, name)
    old = reg.get(rel)
    old_hash = sha256_file(case_dir / rel) if (case_dir / rel).exists() else None
    record = record.model_copy(update={
        "file": rel,
        "sha256": sha256_bytes(data),
        "added": journal.now_iso(),
    })
    atomic_write_bytes(case_dir / rel, data)
    try:
        reg.documents = [d for d in reg.documents if d.file != rel] + [record]
        save_register(case_dir, reg)
        changes: dict[str, Any] = {"file": rel, "doc_type": record.doc_type, "title": record.title, "origin": record.origin, "new": record.sha256}
        if old_hash:
            changes["old"] = old_hash
        journal.append(case_dir, act if not old else "替换文书", stage, changes, docs={rel: record.sha256}, actor=actor)
    except BaseException:
        if old_hash is None:
            (case_dir / rel).unlink(missing_ok=True)
        raise
    return record


def remove_document(case_dir: Path, file: str, *, stage: str, actor: str | None = None) -> None:
    case_dir = Path(case_dir)
    with locks.case_dir_lock(case_dir):
        _remove_document(case_dir, file, stage=stage, actor=actor)


def _remove_document(case_dir: Path, file: str, *, stage: str, actor: str | None) -> None:
    reg = load_register(case_dir)
    rec = reg.get(file)
    if rec is None:
        raise DocumentError(f"案件中没有文书 {file}")
    reg.documents = [d for d in reg.documents if d.file != file]
    save_register(case_dir, reg)
    (case_dir / file).unlink(missing_ok=True)
    journal.append(case_dir, "删除文书", stage, {"file": file, "old": rec.sha256}, docs={file: None}, actor=actor)


def changed_outside(case_dir: Path, rec: DocRecord) -> bool:
    """True when the file on disk no longer has the hash casefile recorded for it."""
    p = Path(case_dir) / rec.file
    return p.exists() and bool(rec.sha256) and sha256_file(p) != rec.sha256


# -- derived text cache ------------------------------------------------------------
def cache_path(case_dir: Path, sha256: str, kind: str = "text") -> Path:
    # keyed by the reader's and extractor's version too: an improved extractor re-reads old cases
    return Path(case_dir) / CACHE / kind / derived_version() / f"{sha256}.json"


def read_cache(case_dir: Path, sha256: str, kind: str = "text") -> Any | None:
    p = cache_path(case_dir, sha256, kind)
    if not p.exists():
        return None
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None  # a damaged cache entry is simply recomputed


def write_cache(case_dir: Path, sha256: str, value: Any, kind: str = "text") -> None:
    atomic_write_text(cache_path(case_dir, sha256, kind), json.dumps(value, ensure_ascii=False, default=str))
