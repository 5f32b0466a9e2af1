"""The full-process record (全过程记录): an append-only, hash-chained journal per case.

Each line of ``journal.jsonl`` is one JSON object::

    {"seq": 3, "time": "...", "actor": "<login>", "user": "<姓名>", "act": "...", "stage": "调查",
     "changes": {...}, "docs": {"docs/x.docx": "<sha256>"|null},
     "prev": "<hash of entry 2>", "hash": "<sha256 of this entry without 'hash'>"}

``docs`` records the content hash a document had when the entry was written
(``null`` = removed), so ``verify`` can also tell a document changed behind the
journal's back. Appends hold the case lock (:mod:`casefile.store.locks`) and an
exclusive ``flock`` on the file, so two processes never interleave, and are
fsync'd before the lock is released. Each append then records the chain's head
(count and last hash) in case.toml and in the workspace ledger
(:mod:`casefile.chain.heads`), so a cut, emptied or deleted journal is noticed.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import getpass
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from casefile.chain import anchor, heads

from casefile.store import locks
from casefile.store.fsutil import sha256_file

JOURNAL = "journal.jsonl"
GENESIS = "0" * 64

STAGES = ("立案", "调查", "取证", "审查", "决定", "送达", "执行", "结案")


def _canonical(entry: dict[str, Any]) -> bytes:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(entry)).hexdigest()


def default_actor() -> str:
    env = os.environ.get("CASEFILE_ACTOR")
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry in some containers: fall back to the uid
        return f"uid{os.getuid()}"


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _last_line(f) -> bytes:
    f.seek(0, os.SEEK_END)
    size = f.tell()
    if size == 0:
        return b""
    block = 4096
    pos = size
    data = b""
    while pos > 0:
        step = min(block, pos)
        pos -= step
        f.seek(pos)
        data = f.read(step) + data
        stripped = data.rstrip(b"\n")
        if b"\n" in stripped:
            return stripped.rsplit(b"\n", 1)[1]
    return data.rstrip(b"\n")


def append(
    case_dir: Path,
    act: str,
    stage: str,
    changes: dict[str, Any] | None = None,
    *,
    docs: dict[str, str | None] | None = None,
    actor: str | None = None,
    anchor_facts: bool = False,
) -> dict[str, Any]:
    """Append one entry; returns it (with its seq and hash). ``anchor_facts``: the entry records
    a change of case.toml, so it carries the hash of the facts now on disk (:mod:`casefile.chain.anchor`)."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")
    with locks.case_dir_lock(case_dir):
        extra = None
        if anchor_facts:
            data = anchor.read_facts(Path(case_dir))
            extra = anchor.stamp(data) if data is not None else None
        entry = _append(Path(case_dir), act, stage, changes, docs, actor, extra)
        heads.record(case_dir, heads.head_of(entry["seq"], entry["hash"], entry["time"]))
    return entry


def _append(case_dir: Path, act: str, stage: str, changes: dict[str, Any] | None, docs: dict[str, str | None] | None,
            actor: str | None, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    path = case_dir / JOURNAL
    # private whatever the umask: the journal holds parties' names and ID numbers
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "r+b") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            last = _last_line(f)
            if last:
                prev_entry = json.loads(last)
                prev, seq = prev_entry["hash"], int(prev_entry["seq"]) + 1
            else:
                prev, seq = GENESIS, 1
            entry: dict[str, Any] = {
                "seq": seq,
                "time": now_iso(),
                "actor": actor or default_actor(),
                "act": act,
                "stage": stage,
                "changes": changes or {},
            }
            name = getattr(actor, "name", "")  # a casefile.store.users.Actor: the person's name beside the login
            if name:
                entry["user"] = name
            if docs:
                entry["docs"] = docs
            entry.update(extra or {})
            entry["prev"] = prev
            entry["hash"] = entry_hash(entry)
            line = json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
            size = f.seek(0, os.SEEK_END)
            try:
                # unbuffered writes: a failed buffer must not be flushed again when the file closes
                raw = memoryview(line.encode("utf-8"))
                while raw:
                    raw = raw[os.write(f.fileno(), raw):]
                os.fsync(f.fileno())
            except OSError:
                # a full disk may have let part of the line through: cut it off, never leave half an entry
                try:
                    os.ftruncate(f.fileno(), size)
                except OSError:
                    pass
                raise
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    return entry


def read(case_dir: Path) -> list[dict[str, Any]]:
    path = Path(case_dir) / JOURNAL
    if not path.exists():
        return []
    return parse(path.read_bytes())


@dataclass
class Break:
    line: int  # 1-based line in journal.jsonl (0: the document check)
    seq: int | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "seq": self.seq, "message": self.message}


def parse(data: bytes) -> list[dict[str, Any]]:
    """The entries of a journal's bytes (read from its file, or held in memory: a package's); a line
    that is not a JSON object is kept as ``{"_unreadable": line number}``."""
    entries = []
    for n, raw in enumerate(data.split(b"\n"), 1):
        raw = raw.strip()
        if not raw:
            continue
        try:
            e = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            e = None
        entries.append(e if isinstance(e, dict) else {"_unreadable": n})
    return entries


def chain_breaks(entries: list[dict[str, Any]]) -> Iterator[Break]:
    prev = GENESIS
    expected_seq = 1
    for line, e in enumerate(entries, 1):
        if "_unreadable" in e:
            yield Break(line, None, f"第 {line} 行不是有效的记录（可能被改动）")
            return
        seq = e.get("seq")
        if e.get("hash") != entry_hash(e):
            yield Break(line, seq, f"第 {seq} 条记录的内容与其哈希不符（记录被改动）")
            return
        if e.get("prev") != prev:
            if seq is not None and seq > expected_seq:
                why = f"第 {expected_seq} 条记录缺失（被删除）或顺序被调换"
            elif seq is not None and seq < expected_seq:
                why = "记录顺序被调换"
            else:
                why = "前后记录的哈希链断开（插入或删除了记录）"
            yield Break(line, seq, f"第 {seq} 条记录处哈希链断开：{why}")
            return
        if seq != expected_seq:
            yield Break(line, seq, f"第 {seq} 条记录的序号应为 {expected_seq}")
            return
        prev = e["hash"]
        expected_seq += 1


def last_doc_hashes(entries: list[dict[str, Any]]) -> dict[str, str | None]:
    state: dict[str, str | None] = {}
    for e in entries:
        for path, digest in (e.get("docs") or {}).items():
            state[path] = digest
    return state


def head_breaks(case_dir: Path, entries: list[dict[str, Any]] | None = None) -> list[Break]:
    """The journal against the heads recorded outside it (case.toml, the workspace ledger)."""
    case_dir = Path(case_dir)
    entries = read(case_dir) if entries is None else entries
    out = []
    in_case = heads.read_case_head(case_dir)
    where = locks.case_of(case_dir)
    in_ledger = heads.read_ledger_entry(where[0], where[1]) if where else False
    if in_ledger is None:
        out.append(Break(0, None, f"工作区记录头账本中本案的记录无法读取（{heads.LEDGER_DIR}/{case_dir.name}.json 被改动）"))
    for head, label in ((in_case, "case.toml "), (in_ledger or None, "工作区记录头账本")):
        if head is None:
            continue
        problem = heads.compare(entries, head, label) or heads.behind(entries, head, label)
        if problem:
            out.append(Break(0, None, problem))
    if where and not (case_dir / heads.CASE_FILE).is_file():
        out.append(Break(0, None, "case.toml 已不存在（案件事实被删除），本案不再出现在案件清单中"))
    elif in_case is None and in_ledger:
        out.append(Break(0, None, "case.toml 中的链头记录（journal_head）被删除"))
    return out


def verify(case_dir: Path, entries: list[dict[str, Any]] | None = None) -> list[Break]:
    """Every break in the chain (first one only: after it nothing can be trusted),
    the journal against its recorded heads (cut, emptied, deleted), case.toml against
    the facts the journal anchored (a hand edit, an older copy put back), and every
    document whose content differs from its last recorded hash. ``entries``: the
    journal as :func:`read` gave it, when the caller has it already (read once)."""
    case_dir = Path(case_dir)
    entries = read(case_dir) if entries is None else entries
    breaks = list(chain_breaks(entries))
    if breaks:
        return breaks
    breaks = head_breaks(case_dir, entries)
    if breaks:
        return breaks
    breaks = [Break(0, None, m) for m in anchor.problems(entries, anchor.read_facts(case_dir))]
    for rel, digest in sorted(last_doc_hashes(entries).items()):
        p = case_dir / rel
        if digest is None:
            continue
        if not p.exists():
            breaks.append(Break(0, None, f"文件 {rel} 已不存在，但记录中没有删除它的记录"))
        elif sha256_file(p) != digest:
            breaks.append(Break(0, None, f"文件 {rel} 的内容与最后一次记录的哈希不符（记录外被修改）"))
    return breaks
