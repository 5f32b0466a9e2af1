"""A package is verified entirely before anything is written; a refused package
leaves the workspace byte-for-byte as it was.

Each hostile package is the demo's real 送审 package of SJ-2026-088 (食品 case,
15 journal entries, rendered and imported documents) altered the way someone
would who wants it accepted: the manifest's checksums are recomputed, so only
the checks against the journal can refuse it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from casefile.errors import PackageError
from casefile.store.package import export_package, import_package

CASE = "SJ-2026-088"


def tree(root: Path) -> dict[str, str]:
    """Every file and folder under root (hidden ones too) with its content hash."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            out[os.path.relpath(os.path.join(dirpath, d), root) + "/"] = "dir"
        for f in filenames:
            p = os.path.join(dirpath, f)
            out[os.path.relpath(p, root)] = hashlib.sha256(Path(p).read_bytes()).hexdigest()
    return out


@pytest.fixture
def pkg(demo_ws, tmp_path):
    dest = tmp_path / "送审包.zip"
    export_package(demo_ws, CASE, dest)
    return dest


def members(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as z:
        return [(i, z.read(i)) for i in z.infolist()]


def rebuild(path: Path, items: list[tuple[str | zipfile.ZipInfo, bytes]], *, manifest_from: dict[str, bytes] | None = None) -> Path:
    """Write a package from items, with a manifest whose checksums match what was written."""
    files = {}
    out = path.with_name("hostile.zip")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        manifest = None
        for it, data in items:
            name = it.filename if isinstance(it, zipfile.ZipInfo) else it
            if name == "manifest.json":
                manifest = json.loads(data)
                continue
            z.writestr(it, data, zipfile.ZIP_DEFLATED)
            files[name] = hashlib.sha256(data).hexdigest()
        for name, data in (manifest_from or {}).items():
            files[name] = hashlib.sha256(data).hexdigest()
        manifest["files"] = files
        z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    return out


def refused(ws, package: Path) -> str:
    before = tree(ws.root)
    with pytest.raises(PackageError) as e:
        import_package(ws, package, replace=True)
    assert tree(ws.root) == before
    return str(e.value)


def test_the_genuine_package_round_trips(demo_ws, pkg):
    r = import_package(demo_ws, pkg, replace=True)
    assert r["case"] == CASE and r["replaced"]
    from casefile.chain import journal
    assert journal.verify(demo_ws.cases_dir / CASE) == []
    assert journal.read(demo_ws.cases_dir / CASE)[-1]["act"] == "导入案卷包"


def test_journal_with_an_entry_removed_is_refused(demo_ws, pkg):
    items = []
    for i, data in members(pkg):
        if i.filename.endswith("journal.jsonl"):
            lines = data.decode("utf-8").splitlines(keepends=True)
            data = "".join(lines[:3] + lines[4:]).encode("utf-8")
        items.append((i.filename, data))
    msg = refused(demo_ws, rebuild(pkg, items))
    assert "第 4 条记录缺失" in msg and "校验失败" in msg


def test_journal_cut_at_the_end_is_refused(demo_ws, pkg):
    items = []
    for i, data in members(pkg):
        if i.filename.endswith("journal.jsonl"):
            data = "".join(data.decode("utf-8").splitlines(keepends=True)[:-2]).encode("utf-8")
        items.append((i.filename, data))
    msg = refused(demo_ws, rebuild(pkg, items))
    assert "记录被截短" in msg and "15 条" in msg and "13 条" in msg


def test_document_altered_behind_the_journal_is_refused(demo_ws, pkg):
    items, altered = [], None
    for i, data in members(pkg):
        if altered is None and i.filename.endswith("询问笔录.docx"):
            altered = i.filename
            data = data + b"\0"
        items.append((i.filename, data))
    assert altered
    msg = refused(demo_ws, rebuild(pkg, items))
    assert f"{altered}：内容与全过程记录中的哈希不符" in msg


def test_document_slipped_in_without_a_record_is_refused(demo_ws, pkg):
    items = [(i.filename, d) for i, d in members(pkg)]
    items.append((f"{CASE}/docs/099-补充说明.txt", "当事人已于2026年10月自行整改。".encode("utf-8")))
    msg = refused(demo_ws, rebuild(pkg, items))
    assert "099-补充说明.txt：全过程记录中没有这份文件的记录" in msg


def test_mismatched_case_id_is_refused(demo_ws, pkg):
    items = []
    for i, data in members(pkg):
        if i.filename == f"{CASE}/case.toml":
            data = data.replace(f'id = "{CASE}"'.encode(), b'id = "OTHER-2026-001"')
        items.append((i.filename, data))
    msg = refused(demo_ws, rebuild(pkg, items))
    assert "OTHER-2026-001" in msg and "不一致" in msg


def test_duplicate_names_are_refused(demo_ws, pkg):
    items, swapped = [], None
    for i, data in members(pkg):
        items.append((i.filename, data))
        if i.filename == f"{CASE}/case.toml":
            swapped = data.replace("食品".encode(), "日用品".encode())
            items.append((i.filename, swapped))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is asked to write
        hostile = rebuild(pkg, items, manifest_from={f"{CASE}/case.toml": swapped})
    msg = refused(demo_ws, hostile)
    assert "两个同名文件" in msg


def test_links_long_names_and_file_folder_clashes_are_refused(demo_ws, pkg):
    base = [(i.filename, d) for i, d in members(pkg)]
    link = zipfile.ZipInfo(f"{CASE}/docs/link-to-passwd.txt")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    msg = refused(demo_ws, rebuild(pkg, base + [(link, b"/etc/passwd")]))
    assert "符号链接" in msg
    msg = refused(demo_ws, rebuild(pkg, base + [(f"{CASE}/docs/" + "价" * 100 + ".txt", "说明".encode())]))
    assert "文件名过长" in msg
    clash = [(n, d) for n, d in base if not n.startswith(f"{CASE}/reviews/")]
    msg = refused(demo_ws, rebuild(pkg, clash + [(f"{CASE}/reviews", b"x"), (f"{CASE}/reviews/round-1/round.json", b"{}")]))
    assert "既是文件又是文件夹" in msg


def test_a_member_that_expands_enormously_is_refused_before_it_is_read(demo_ws, pkg, monkeypatch):
    base = [(i.filename, d) for i, d in members(pkg)]
    zeros = bytes(8 << 20)  # 8 MiB that deflate to a few KB: the shape of a sparse or bomb member
    msg = refused(demo_ws, rebuild(pkg, base + [(f"{CASE}/evidence/sparse.mp4", zeros)]))
    assert "压缩比" in msg and "压缩炸弹" in msg
    # the absolute caps, scaled down so the test needs no gigabytes
    from casefile.store import package
    lim = dict(package.limits(), max_member_bytes=4 << 20, max_ratio=10 ** 9)
    monkeypatch.setattr(package, "limits", lambda: lim)
    msg = refused(demo_ws, rebuild(pkg, base + [(f"{CASE}/evidence/sparse.mp4", zeros)]))
    assert "超过单个文件上限" in msg


def test_cli_refuses_with_exit_code_8_and_names_the_problem(demo_ws, pkg, run_cli):
    items = []
    for i, data in members(pkg):
        if i.filename.endswith("journal.jsonl"):
            lines = data.decode("utf-8").splitlines(keepends=True)
            data = "".join(lines[:3] + lines[4:]).encode("utf-8")
        items.append((i.filename, data))
    hostile = rebuild(pkg, items)
    before = tree(demo_ws.root)
    code, out, err = run_cli("package", "import", str(hostile), "--replace", "-w", str(demo_ws.root))
    assert code == 8 and "第 4 条记录缺失" in err and "工作区未改动" in err
    assert tree(demo_ws.root) == before
