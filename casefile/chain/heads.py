"""Where the journal's head is kept outside the journal.

A hash chain proves that no entry was changed, inserted or reordered, but on
its own it cannot tell that entries were cut from its end, that the file was
emptied, or that it (or the whole case) was deleted: an empty chain is a valid
chain. So every append records the chain's head — the number of entries and the
hash of the last — in two more places:

* ``case.toml``, table ``[journal_head]`` (the case's own facts file), and
* the workspace ledger ``<workspace>/journal-heads/<case-id>.json``, which
  outlives the case folder, so a deleted case is still missed.

``journal verify`` compares the journal with both. Someone who can rewrite all
three consistently is caught only by a digest of the heads kept outside the
workspace (``casefile journal seal``, see :mod:`casefile.chain.seal`).

This module only reads and writes the heads; it does not know the journal's
format (``casefile.chain.journal`` calls it), which keeps the import graph one-way.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from casefile.store import locks
from casefile.store.fsutil import atomic_write_text

HEAD_KEY = "journal_head"
LEDGER_DIR = "journal-heads"
CASE_FILE = "case.toml"
JOURNAL = "journal.jsonl"


def head_of(count: int, digest: str, time: str = "") -> dict[str, Any]:
    h: dict[str, Any] = {"entries": int(count), "hash": str(digest)}
    if time:
        h["time"] = time
    return h


def _split_header(text: str) -> tuple[str, str]:
    """The leading comment lines of a TOML file (kept when it is rewritten) and the rest."""
    lines = text.splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    return "".join(lines[:n]), "".join(lines[n:])


def write_case_head(case_dir: Path, head: dict[str, Any]) -> bool:
    """Record ``head`` in case.toml; False when case.toml is missing or unreadable
    (its own problem is reported by whoever loads the case; the ledger still holds the head)."""
    path = Path(case_dir) / CASE_FILE
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False
    if data.get(HEAD_KEY) == head:
        return True
    new = _replace_table(text, head)
    try:
        ok = tomllib.loads(new).get(HEAD_KEY) == head
    except tomllib.TOMLDecodeError:
        ok = False
    if not ok:  # an unusual hand-written layout: write the whole file again
        data[HEAD_KEY] = head
        header, _ = _split_header(text)
        new = header + tomli_w.dumps(data)
    atomic_write_text(path, new)
    return True


def _replace_table(text: str, head: dict[str, Any]) -> str:
    """case.toml with only its [journal_head] table replaced (or added at the end), so a
    person's comments and layout in the rest of the file survive every append."""
    block = tomli_w.dumps({HEAD_KEY: head})
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == f"[{HEAD_KEY}]"), None)
    if start is None:
        return text + ("" if text.endswith("\n") or not text else "\n") + "\n" + block
    end = start + 1
    while end < len(lines) and not lines[end].lstrip().startswith(("[", "#")):
        end += 1
    return "".join(lines[:start]) + block + ("\n" if end < len(lines) else "") + "".join(lines[end:])


def read_case_head(case_dir: Path) -> dict[str, Any] | None:
    """The head recorded in case.toml, or None (no case.toml, unreadable, or never recorded)."""
    try:
        with open(Path(case_dir) / CASE_FILE, "rb") as f:
            data = tomllib.load(f)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    h = data.get(HEAD_KEY)
    return h if _valid(h) else None


def _valid(h: Any) -> bool:
    return isinstance(h, dict) and isinstance(h.get("entries"), int) and isinstance(h.get("hash"), str)


def ledger_dir(root: Path) -> Path:
    return Path(root) / LEDGER_DIR


def ledger_path(root: Path, case_id: str) -> Path:
    return ledger_dir(root) / f"{case_id}.json"


def write_ledger(root: Path, case_id: str, head: dict[str, Any]) -> None:
    atomic_write_text(ledger_path(root, case_id), json.dumps(dict(head, case=case_id), ensure_ascii=False, sort_keys=True) + "\n")


def read_ledger(root: Path) -> dict[str, dict[str, Any] | None]:
    """{case id: head} for every case the ledger knows (None: its entry is unreadable)."""
    out: dict[str, dict[str, Any] | None] = {}
    d = ledger_dir(root)
    if not d.is_dir():
        return out
    for p in sorted(d.glob("*.json")):
        try:
            h = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            out[p.stem] = None
            continue
        out[p.stem] = h if _valid(h) else None
    return out


def read_ledger_entry(root: Path, case_id: str) -> dict[str, Any] | None | bool:
    """The ledger's head of one case; False when the ledger has no entry for it, None when unreadable."""
    p = ledger_path(root, case_id)
    if not p.exists():
        return False
    try:
        h = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return h if _valid(h) else None


def record(case_dir: Path, head: dict[str, Any]) -> None:
    """Called by every journal append, under the case lock: the head in case.toml and in the ledger."""
    write_case_head(case_dir, head)
    where = locks.case_of(case_dir)
    if where is not None:
        write_ledger(where[0], where[1], head)


def compare(entries: list[dict[str, Any]], head: dict[str, Any], where: str) -> str | None:
    """What is wrong with ``entries`` given the head ``where`` recorded, or None.

    A journal longer than its recorded head is not an error: a process stopped
    between writing the entry and recording the head leaves exactly that, and
    the next append records the head again."""
    n, want = len(entries), head["entries"]
    if want > n:
        if n == 0:
            return f"journal.jsonl 为空或已被删除，但{where}记录它有 {want} 条记录"
        return f"记录被截短：{where}记录有 {want} 条，journal.jsonl 只有 {n} 条（最后 {want - n} 条被删除）"
    if want == 0:
        return None
    if entries[want - 1].get("hash") != head["hash"]:
        return f"第 {want} 条记录的哈希与{where}记录的链头不符（记录被改写或整体替换）"
    return None


def behind(entries: list[dict[str, Any]], head: dict[str, Any], where: str) -> str | None:
    """A head kept beside the journal (case.toml, the ledger) more than one entry behind it: every
    append moves both, and a stop between the two writes leaves one, so more is an older file put
    back (which undoes the changes recorded after it). A seal's head may be any age."""
    n, want = len(entries), head["entries"]
    if want < n - 1:
        return (f"{where}的链头停在第 {want} 条记录，journal.jsonl 已有 {n} 条：{where.strip()}可能被换成了旧副本"
                "（会撤销其后记录的改动）")
    return None
