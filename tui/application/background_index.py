"""Bringing a stale index up to date in a process of its own, so that ``casefile search`` answers
from the index it has at once and exits (issue 33, item 3): the search says the index is behind and
starts this; the next search finds it current.

    python -m tui.application.index_updater <workspace>

One update runs at a time per workspace: the process holds ``<index dir>/background.lock`` while it
works, and a search does not start another while it is held. The update itself takes the index's
writer lock as any update does, so it never races a person's own ``casefile index update``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

LOCK = "background.lock"


def lock_of(root: Path):
    from filelock import FileLock

    from index.dirs import INDEX_DIR

    return FileLock(str(Path(root) / INDEX_DIR / LOCK))


def running(root: Path) -> bool:
    """An update of this workspace's index is under way in the background."""
    from filelock import Timeout

    lock = lock_of(root)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    lock.release()
    return False


def start(root: Path) -> bool:
    """Start the update in a detached process unless one is under way; True when one runs now."""
    if running(root):
        return True
    env = dict(os.environ)
    here = str(Path(__file__).resolve().parents[2])  # the package's root, for a checkout run by path
    env["PYTHONPATH"] = here + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        subprocess.Popen([sys.executable, "-m", "tui.application.index_updater", str(root)], env=env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True, close_fds=True)
    except OSError:
        return False
    return True
