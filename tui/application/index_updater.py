"""The process :mod:`tui.application.background_index` starts: one update of a workspace's index,
skipped when another is under way.

    python -m tui.application.index_updater <workspace>
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui.application.background_index import lock_of


def main(argv: list[str]) -> int:
    from filelock import Timeout

    from tui.application.session import Session

    root = Path(argv[0])
    lock = lock_of(root)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return 0  # another one is at it
    try:
        Session.open(root).search.update_index()
    except Exception:  # noqa: BLE001 - nobody is waiting to read it: the next search updates in the foreground
        return 1
    finally:
        lock.release()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
