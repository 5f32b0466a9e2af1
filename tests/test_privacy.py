"""Workspace files private whatever the umask (issue 32, probe "file modes").

Under umask 022 the journal (a natural person's ID number), the index segments (full text) and
``.catalog.sqlite`` (party names) used to be 644 in 755 folders on a server several staff reach
over SSH. Each command here runs as its own process under umask 022, like a staff member's shell.
"""

from __future__ import annotations

import os
import pwd
import stat
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-c", "from tui.cli.main import main; main()", *args], capture_output=True, text=True, env=env,
                          preexec_fn=lambda: os.umask(0o022), timeout=300)


def _modes(root: Path) -> dict[str, int]:
    out = {".": stat.S_IMODE(root.stat().st_mode)}
    for p in root.rglob("*"):
        out[str(p.relative_to(root))] = stat.S_IMODE(p.lstat().st_mode)
    return out


def test_everything_a_workspace_holds_is_private_under_umask_022(tmp_path):
    ws = tmp_path / "ws"
    r = _cli("init", "-w", str(ws), "--name", "丽水市市场监督管理局")
    assert r.returncode == 0, r.stderr
    assert "仅本人可读写" in r.stdout
    me = pwd.getpwuid(os.getuid()).pw_name  # registered as 管理员 by init; handling cases needs 承办人 too
    r = _cli("user", "add", me, "--name", "测试员", "--role", "管理员", "--role", "承办人", "--replace", "-w", str(ws))
    assert r.returncode == 0, r.stderr
    r = _cli("--today", "2026-11-23", "case", "new", "-w", str(ws), "--id", "2026-001", "--cause", "销售过期食品", "--party", "张三",
             "--party-kind", "自然人", "--party-id", "331126199001011236", "--filed", "2026-11-02")
    assert r.returncode == 0, r.stderr
    for args in (("case", "list"), ("search", "张三")):
        r = _cli(*args, "-w", str(ws))
        assert r.returncode == 0, r.stderr
    modes = _modes(ws)
    assert "cases/2026-001/journal.jsonl" in modes and any(k.startswith(".index/") for k in modes)
    assert ".catalog.sqlite" in modes
    loose = {k: oct(m) for k, m in modes.items() if m & 0o077}
    assert loose == {}


def test_an_older_workspace_left_readable_is_closed_on_next_use(tmp_path):
    ws = tmp_path / "ws"
    assert _cli("init", "-w", str(ws), "--name", "丽水市市场监督管理局").returncode == 0
    os.chmod(ws, 0o755)  # as an older casefile left it
    (ws / "officers.toml").chmod(0o644)
    r = _cli("case", "list", "-w", str(ws))
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(ws.stat().st_mode) == 0o700  # nothing inside reachable by others
