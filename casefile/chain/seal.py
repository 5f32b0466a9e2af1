"""Checking every journal of a workspace, and sealing their heads outside it.

``verify_workspace`` checks the cases casefile can list *and* the ones that went
missing: a case folder whose case.toml is gone, a case the journal-head ledger
knows but whose folder is gone.

A seal is a dated digest of every case's head (entries, last hash), made with
``casefile journal seal`` and handed to the 法制机构 (printed, e-mailed, filed):
an anchor outside the workspace. ``verify_against`` checks that each sealed
journal still holds its sealed head at the sealed position, so a journal
rewritten since the seal — even with case.toml and the ledger rewritten to
match — is caught. Seals are also kept in ``journal-heads/seals.jsonl`` so the
64-character digest alone is enough to check against; a forged seal cannot have
the digest the 法制机构 holds.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from casefile.chain import heads, journal
from casefile.errors import UsageError
from casefile.store.fsutil import atomic_write_text
from casefile.store.workspace import Workspace

FORMAT = "casefile-seal"
VERSION = 1
SEALS = "seals.jsonl"
_HEX = re.compile(r"\b[0-9a-f]{64}\b")


def verify_workspace(ws: Workspace, ids: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """{case id: [breaks]} for the given cases, or for every case including missing ones."""
    out: dict[str, list[dict[str, Any]]] = {}
    if ids is None:
        ids = ws.case_ids()
        missing = ws.missing_cases()
    else:
        missing = []
    for cid in ids:
        out[cid] = [b.to_dict() for b in journal.verify(ws.cases_dir / cid)]
    for cid, err in missing:
        d = ws.cases_dir / cid
        found = [b.to_dict() for b in journal.verify(d)] if d.is_dir() else []
        if not d.is_dir():
            found.insert(0, {"line": 0, "seq": None, "message": err.message})
        out[cid] = found or [{"line": 0, "seq": None, "message": err.message}]
    return dict(sorted(out.items()))


def _digest(body: dict[str, Any]) -> str:
    canon = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(canon).hexdigest()


def make_seal(ws: Workspace, ids: list[str] | None = None) -> dict[str, Any]:
    """The heads of the given cases (all by default), dated and digested; recorded in the workspace."""
    ids = ids if ids is not None else ws.case_ids()
    cases = {}
    for cid in ids:
        entries = journal.read(ws.cases_dir / cid)
        cases[cid] = {"entries": len(entries), "hash": entries[-1].get("hash", "") if entries else journal.GENESIS}
    body = {"format": FORMAT, "version": VERSION, "agency": ws.profile.name, "sealed": journal.now_iso(), "cases": cases}
    seal = dict(body, digest=_digest(body))
    path = heads.ledger_dir(ws.root) / SEALS
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    atomic_write_text(path, old + json.dumps(seal, ensure_ascii=False, sort_keys=True) + "\n")
    return seal


def seal_text(seal: dict[str, Any]) -> str:
    lines = ["casefile 全过程记录封存摘要（请交法制机构留存，用于日后核对）", f"执法机关：{seal['agency']}", f"封存时间：{seal['sealed']}",
             f"案件数：{len(seal['cases'])}", ""]
    for cid, h in seal["cases"].items():
        lines.append(f"  {cid}　{h['entries']} 条记录　链头 {h['hash']}")
    lines += ["", f"摘要值（SHA-256）：{seal['digest']}",
              "核对：casefile journal verify --against 摘要值（或保存的本摘要文件）"]
    return "\n".join(lines)


def _stored_seals(ws: Workspace) -> list[dict[str, Any]]:
    path = heads.ledger_dir(ws.root) / SEALS
    out = []
    if path.exists():
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    return out


def load_seal(ws: Workspace, ref: str) -> dict[str, Any]:
    """A seal from a file (the --json output, or the printed text), a JSON string, or its digest alone."""
    text = ref
    source = "给出的摘要"
    p = Path(ref)
    try:
        is_file = len(ref) < 4096 and p.is_file()
    except OSError:  # a JSON string is no file name (too long, odd characters)
        is_file = False
    if is_file:
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise UsageError(f"无法读取封存摘要文件 {p}：{e}") from None
        source = str(p)
    try:
        seal = json.loads(text)
    except json.JSONDecodeError:
        seal = None
    if isinstance(seal, dict):
        if seal.get("format") != FORMAT or not isinstance(seal.get("cases"), dict):
            raise UsageError(f"{source} 不是 casefile 封存摘要")
        body = {k: v for k, v in seal.items() if k != "digest"}
        if _digest(body) != seal.get("digest"):
            raise UsageError(f"{source} 的内容与其摘要值不符：封存摘要被改动，不能用于核对")
        return seal
    found = _HEX.findall(text.lower())
    if not found:
        raise UsageError(f"{source} 中没有封存摘要（应为 JSON 或 64 位摘要值）")
    want = found[-1]  # the printed text ends with the digest
    for s in _stored_seals(ws):
        body = {k: v for k, v in s.items() if k != "digest"}
        if s.get("digest") == want and _digest(body) == want:
            return s
    raise UsageError(f"工作区中找不到摘要值为 {want} 的封存记录（封存记录被删除或改动，或摘要来自其他工作区）",
                     details=["用当时保存的封存摘要文件（casefile journal seal --json 的输出）核对"])


def verify_against(ws: Workspace, seal: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """{case id: [problems]} for every sealed case: its journal must still verify and hold the sealed head."""
    out: dict[str, list[dict[str, Any]]] = {}
    for cid, h in seal["cases"].items():
        d = ws.cases_dir / cid
        problems: list[dict[str, Any]] = []
        if not (d / journal.JOURNAL).exists() and h["entries"]:
            problems.append({"line": 0, "seq": None, "message": f"封存时有 {h['entries']} 条记录，现在案件{'文件夹' if not d.is_dir() else '的 journal.jsonl'}已不存在"})
        else:
            entries = journal.read(d)
            problem = heads.compare(entries, heads.head_of(h["entries"], h["hash"]), "封存摘要")
            if problem:
                problems.append({"line": 0, "seq": None, "message": problem})
            problems += [b.to_dict() for b in journal.verify(d)]
        out[cid] = problems
    return out
