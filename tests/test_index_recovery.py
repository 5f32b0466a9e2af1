"""A damaged index is noticed and rebuilt with a message — never 内部错误, never a
silent "0 处命中". The damage is done generically (to every file of the index
folder), so the checks hold whichever store is behind the facade."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from casefile.errors import IndexError_

QUERY = "价格"  # the demo's 价格 case documents


@pytest.fixture(scope="module")
def indexed_template(demo_template, tmp_path_factory):
    from casefile.store.workspace import Workspace
    from index import facade

    root = tmp_path_factory.mktemp("indexed") / "ws"
    shutil.copytree(demo_template, root)
    ws = Workspace.open(root)
    facade.update(ws)
    return root, facade.search(ws, QUERY)["total"]


@pytest.fixture
def indexed(indexed_template, tmp_path):
    from casefile.store.workspace import Workspace

    root, total = indexed_template
    dst = tmp_path / "ws"
    shutil.copytree(root, dst)
    return Workspace.open(dst), total


def _files(ws) -> list[Path]:
    from index.store import INDEX_DIR

    return sorted(p for p in (ws.root / INDEX_DIR).rglob("*") if p.is_file())


def _truncate_all(ws):
    for p in _files(ws):
        with open(p, "r+b") as f:
            f.truncate(p.stat().st_size // 2)


def _scramble_largest(ws):
    p = max(_files(ws), key=lambda p: p.stat().st_size)
    size = p.stat().st_size
    rnd = random.Random(17)
    with open(p, "r+b") as f:
        f.seek(size // 4)
        f.write(bytes(rnd.randrange(256) for _ in range(size // 2)))


def _empty_all(ws):
    for p in _files(ws):
        p.write_bytes(b"")


def _delete_all(ws):
    for p in _files(ws):
        p.unlink()


def _delete_json(ws):
    for p in _files(ws):
        if p.suffix == ".json":
            p.unlink()


@pytest.mark.parametrize("damage", [_truncate_all, _scramble_largest, _empty_all, _delete_all, _delete_json])
def test_search_on_a_damaged_index_rebuilds_and_answers(indexed, damage, run_cli):
    ws, total = indexed
    assert total > 0
    damage(ws)
    code, out, err = run_cli("search", QUERY, "-w", str(ws.root))
    assert code == 0, err
    # rebuilt with a message: by the guard (索引不可用…已自动重建) or by the engine's own check (…已重建索引);
    # damage the store does not even read (tantivy's scrambled largest segment file) changes no answer
    if damage is not _scramble_largest:
        assert "已自动重建" in err or "已重建索引" in err, err
    assert f"{total} 处命中" in out
    code, out, err = run_cli("search", QUERY, "-w", str(ws.root))  # repaired for good: no notice the second time
    assert code == 0 and err == "" and f"{total} 处命中" in out


def test_update_notices_damage_that_changes_nothing_it_would_touch(indexed, run_cli):
    """An update with nothing to re-index still probes the index, so a damaged one is repaired."""
    ws, total = indexed
    _scramble_largest(ws)
    code, out, err = run_cli("index", "update", "-w", str(ws.root), "--json")
    assert code == 0, err
    import json

    r = json.loads(out)
    assert "recovered" not in r or "已自动重建" in r["recovered"], r
    from index import facade

    assert facade.search(ws, QUERY)["total"] == total


def test_when_repair_fails_the_message_names_the_command(indexed, monkeypatch):
    from index import facade

    ws, _ = indexed
    _truncate_all(ws)

    def broken(*a, **k):
        raise OSError(5, "Input/output error")  # a full disk has its own message (test_index_self_repair)

    monkeypatch.setattr(facade, "_update", broken)
    with pytest.raises(IndexError_) as e:
        facade.search(ws, QUERY)
    assert "casefile index rebuild" in str(e.value) and "自动重建失败" in str(e.value)


def test_archive_folders_come_back_after_a_rebuild(indexed, tmp_path):
    from index import facade

    ws, _ = indexed
    folder = tmp_path / "历年档案"
    folder.mkdir()
    src = Path(__file__).resolve().parent / "data" / "storage" / "archive_decision.txt"
    shutil.copy(src, folder / src.name)
    facade.add_folder(ws, folder)
    hits = facade.search(ws, "启辰网络科技工作室")["total"]
    assert hits > 0
    _delete_all(ws)
    r = facade.search(ws, "启辰网络科技工作室")
    assert r["total"] == hits and "已自动重建" in r["recovered"]
    assert os.path.isdir(folder)
