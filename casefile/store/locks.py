"""Locks that make every read-modify-write of a shared file whole.

Two ``casefile`` processes (a handler adding evidence while a reviewer records
findings) must never both read case.toml, change it and write it back: the
second write would silently drop the first one's change. Each case, and each
workspace register (the officer list), has one lock file under
``<workspace>/.locks/``; whoever reads a file in order to rewrite it holds that
lock from the read to the write, and journal appends for the case happen under
the same lock.

The locks are reentrant within a process (one lock object per file, counted),
so an operation that holds the case lock may call ``save_case``, ``add_document``
and ``journal.append``, which take it again. Lock order, to rule out deadlock:
a case lock is taken while holding no other lock, and the register lock is never
held while taking a case lock.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from casefile.errors import WorkspaceError

LOCK_DIR = ".locks"
CASES_DIR = "cases"
PROFILE_FILE = "workspace.toml"
# a writer waits this long for another process before giving up with a message
TIMEOUT_S = 120.0

_locks: dict[str, FileLock] = {}
_guard = threading.Lock()


def _lock(path: Path) -> FileLock:
    key = str(path)
    with _guard:
        lk = _locks.get(key)
        if lk is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            lk = _locks[key] = FileLock(key, timeout=TIMEOUT_S)
        return lk


@contextlib.contextmanager
def _held(path: Path, what: str) -> Iterator[None]:
    lk = _lock(path)
    try:
        lk.acquire()
    except Timeout:
        raise WorkspaceError(f"{what}正被另一个 casefile 进程修改，等待 {int(TIMEOUT_S)} 秒后仍未结束，未做改动",
                             details=[f"锁文件：{path}", "稍后重试；如确认没有其他 casefile 进程在运行，可删除该锁文件"]) from None
    try:
        yield
    finally:
        lk.release()


def case_lock(root: Path, case_id: str):
    """The lock of one case: held from reading its files to writing them back."""
    return _held(Path(root) / LOCK_DIR / f"case-{case_id}.lock", f"案件 {case_id} ")


def register_lock(root: Path, name: str):
    """The lock of a workspace-wide register (``officers``)."""
    return _held(Path(root) / LOCK_DIR / f"{name}.lock", f"工作区的 {name} ")


def case_of(case_dir: Path) -> tuple[Path, str] | None:
    """(workspace root, case id) when ``case_dir`` is a case folder of a workspace;
    None for a folder being created (``.X.creating``) or outside any workspace."""
    case_dir = Path(case_dir)
    if case_dir.parent.name != CASES_DIR or case_dir.name.startswith("."):
        return None
    root = case_dir.parent.parent
    if not (root / PROFILE_FILE).is_file():
        return None
    return root, case_dir.name


def case_dir_lock(case_dir: Path):
    """The case lock for a case folder (nothing to lock for a folder no one else can see yet)."""
    where = case_of(case_dir)
    if where is None:
        return contextlib.nullcontext()
    return case_lock(*where)
