"""A long .txt imports in time proportional to its size (issue 32: a 20 MB text took 519 s).

Builds texts of S and 4×S bytes from the decisions in tests/data/samr/txt, imports each into a
fresh workspace through the CLI's path (``import_paths``), and prints the time of each beside the
reference: the small text's time scaled by four. Proportional means the ratio stays near 4 (a
quadratic step made it 9 and more). Keep S small on a shared machine; 20 MB is S=5 000 000.

    .venv/bin/python bench/import_big_text.py [S bytes, default 1000000]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _text(size: int) -> str:
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/samr/txt").glob("*.txt")))
    out = body
    while len(out.encode("utf-8")) < size:
        out += "\n\n" + body
    return out.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def _import(size: int, tmp: Path) -> float:
    from casefile.ingest.importer import import_paths
    from casefile.store.workspace import AgencyProfile, Workspace

    src = tmp / f"卷宗-{size}.txt"
    src.write_text(_text(size), encoding="utf-8")
    ws = Workspace.init(tmp / f"ws-{size}", AgencyProfile(name="固镇县市场监督管理局"))
    t = time.perf_counter()
    r = import_paths(ws, [src])
    assert r.documents and not r.errors, r.errors
    return time.perf_counter() - t


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    tmp = Path(tempfile.mkdtemp(prefix="casefile-bigtext-"))
    _import(20_000, tmp)  # warm: spaCy, jieba and the patterns load once, as in a long session
    small = _import(size, tmp)
    large = _import(4 * size, tmp)
    print(f"{size / 1e6:.1f} MB：{small:.1f} 秒")
    print(f"{4 * size / 1e6:.1f} MB：{large:.1f} 秒（参照：按比例 {4 * small:.1f} 秒；比值 {large / small:.1f}，成正比为 4）")


if __name__ == "__main__":
    main()
