"""Writing files so that a crash never leaves half of one behind."""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterator


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: not ours to judge
    return True


def clean_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files a killed writer left beside ``path`` (``.<name>.<pid>.*.tmp`` whose
    process is gone): a kill -9 during an export must not leave its half-written copy for ever."""
    path = Path(path)
    removed = []
    try:
        siblings = list(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:
        return removed
    for p in siblings:
        pid = p.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


@contextlib.contextmanager
def atomic_output(path: Path, *, clean: bool = False) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through, in pieces (a large export is never held in memory):
    a temporary file beside it, fsync'd and renamed over ``path`` when the block ends, removed if it
    fails. Its name carries this process's id, so the next writer removes it after a kill (``clean``:
    do so now; for outputs a person names, where a listing of the folder costs nothing)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if clean:
        clean_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes, *, clean: bool = False) -> None:
    """Write via a temporary file in the same folder, fsync, then rename over ``path``."""
    with atomic_output(path, clean=clean) as f:
        f.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
