"""Damage to either index engine's files is repaired by itself, with a Chinese message (issue 32).

Probes: random bytes in, or an empty, whoosh ``.toc`` made ``search`` and ``index update`` end in
内部错误 without a word about ``index rebuild``; a damaged engine choice likewise; ``index rebuild``
on a full disk ended in 内部错误 (tantivy reports ENOSPC as a ValueError).
"""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def whoosh_ws(demo_ws, run_cli):
    code, out, err = run_cli("index", "rebuild", "--engine", "whoosh", "-w", str(demo_ws.root))
    assert code == 0, err
    return demo_ws


def _toc(ws):
    return next((ws.root / ".index").glob("*.toc"))


@pytest.mark.parametrize("damage", [os.urandom(300), b""], ids=["random bytes", "empty"])
def test_a_damaged_whoosh_toc_is_rebuilt_with_a_message(whoosh_ws, run_cli, damage):
    root = str(whoosh_ws.root)
    _toc(whoosh_ws).write_bytes(damage)
    code, out, err = run_cli("search", "超过保质期", "-w", root)
    assert code == 0 and "内部错误" not in err, err
    assert "索引文件损坏" in out + err and "重建" in out + err
    assert "超过保质期" in out and "处命中" in out
    _toc(whoosh_ws).write_bytes(damage)
    code, out, err = run_cli("index", "update", "-w", root)
    assert code == 0 and "内部错误" not in err and "重建" in out + err, err


def test_a_damaged_engine_choice_is_rebuilt(whoosh_ws, run_cli):
    (whoosh_ws.root / ".index" / "engine.json").write_bytes(os.urandom(200))
    code, out, err = run_cli("search", "超过保质期", "-w", str(whoosh_ws.root))
    assert code == 0 and "内部错误" not in err, err


def test_a_full_disk_while_indexing_gives_the_chinese_message(demo_ws, run_cli, monkeypatch):
    import index.facade as facade

    def full(*a, **k):
        raise ValueError("An IO error occurred: 'No space left on device (os error 28)'")  # as tantivy says it

    monkeypatch.setattr(facade, "_update", full)
    code, out, err = run_cli("index", "rebuild", "-w", str(demo_ws.root))
    assert code == 13 and "磁盘空间已满" in err and "内部错误" not in err
    code, out, err = run_cli("search", "超过保质期", "-w", str(demo_ws.root))
    assert code == 13 and "磁盘空间已满" in err
