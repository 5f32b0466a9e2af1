"""Workspace files private whatever the umask.

The journal holds natural persons' ID numbers, the index segments the documents' full text and
``.catalog.sqlite`` the parties' names; on a server several staff reach over SSH they must not
be world-readable. A casefile process that opens a workspace sets its umask so that everything
it creates — by casefile's own writers, SQLite or either index engine — is 0600 in 0700
folders, or 0660 in 0770 with ``file_access = "group"`` in workspace.toml (the agency's staff
sharing a Unix group; the folder's group is the administrator's to set). The workspace folder
itself is narrowed the same way, which also closes files an older casefile left readable.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# file_access in workspace.toml → (umask, folder mode)
ACCESS = {"owner": (0o077, 0o700), "group": (0o007, 0o770)}
DEFAULT = "owner"


def apply(root: Path, access: str = DEFAULT) -> None:
    """Set this process's umask for ``access`` and narrow the workspace folder (when it is ours)."""
    mask, folder = ACCESS.get(access, ACCESS[DEFAULT])
    os.umask(mask)
    try:
        st = os.stat(root)
        if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & ~folder:
            os.chmod(root, stat.S_IMODE(st.st_mode) & folder)
    except OSError:
        pass  # not there yet, or not ours: whoever made it decides


def exposed(root: Path, access: str = DEFAULT, limit: int = 20) -> list[str]:
    """Files and folders under ``root`` that others than ``access`` allows may read (at most ``limit``)."""
    mask = ACCESS.get(access, ACCESS[DEFAULT])[0]
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames, ""] if dirpath == str(root) else [*dirnames, *filenames]:
            p = os.path.join(dirpath, name) if name else dirpath
            try:
                mode = stat.S_IMODE(os.lstat(p).st_mode)
            except OSError:
                continue
            if mode & mask:
                out.append(f"{os.path.relpath(p, root)}（{mode:o}）")
                if len(out) >= limit:
                    return out
    return out
