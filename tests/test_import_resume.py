"""An import stopped part-way says so, and running it again finishes it into the
same case — no second case "-2", no document twice, no stray file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casefile.store import documents

from casefile.chain import journal

from casefile.ingest import resume
from casefile.ingest.importer import import_paths

FOLDER = Path(__file__).resolve().parent / "data" / "storage" / "interrupted_import"


class Stopped(BaseException):
    """Stands for the process being killed: nothing after it runs."""


def _interrupt_after(monkeypatch, n: int, *, leave_debris: bool):
    real = documents.add_document
    calls = {"n": 0}

    def add(case_dir, data, name, record, **kw):
        calls["n"] += 1
        if calls["n"] > n:
            if leave_debris:  # killed after the file was written, before the register
                (Path(case_dir) / "docs" / name).write_bytes(data)
            raise Stopped()
        return real(case_dir, data, name, record, **kw)

    monkeypatch.setattr(documents, "add_document", add)


def test_interrupted_import_is_flagged_and_resumes_into_the_same_case(demo_ws, monkeypatch, run_cli, tmp_path):
    ws = demo_ws
    src = tmp_path / "卷宗材料"
    shutil.copytree(FOLDER, src)
    before = set(ws.case_ids())
    _interrupt_after(monkeypatch, 1, leave_debris=True)
    with pytest.raises(Stopped):
        import_paths(ws, [src])
    monkeypatch.undo()
    [cid] = set(ws.case_ids()) - before
    case_dir = ws.cases_dir / cid
    assert resume.marker(case_dir)["sources"] == [str(src.resolve())]
    assert len(documents.load_register(case_dir).documents) == 1

    code, out, err = run_cli("case", "list", "-w", str(ws.root))
    assert code == 0 and "导入未完成" in out
    code, out, err = run_cli("case", "show", cid, "-w", str(ws.root))
    assert code == 0 and "导入未完成" in out

    r = import_paths(ws, [src])
    assert r.case == cid and r.resumed and not r.created
    assert set(ws.case_ids()) - before == {cid}  # no "-2"
    statuses = sorted(d.status for d in r.documents)
    assert statuses.count("已导入（上次中断前已保存）") == 1 and len(statuses) == 3
    reg = documents.load_register(case_dir)
    assert len(reg.documents) == 3 and len({d.sha256 for d in reg.documents}) == 3
    on_disk = sorted(p.name for p in (case_dir / "docs").iterdir())
    assert on_disk == sorted(Path(d.file).name for d in reg.documents)  # the half-stored file is gone, no "（2）"
    assert resume.marker(case_dir) is None
    assert journal.verify(case_dir) == []
    code, out, err = run_cli("case", "list", "-w", str(ws.root), "--json")
    import json

    assert not next(c for c in json.loads(out) if c["id"] == cid)["import_incomplete"]


def test_a_finished_import_leaves_no_marker_and_a_new_run_says_it_was_done(demo_ws, tmp_path):
    ws = demo_ws
    src = tmp_path / "卷宗材料"
    shutil.copytree(FOLDER, src)
    r = import_paths(ws, [src])
    assert r.created and resume.marker(ws.cases_dir / r.case) is None
    # nothing was interrupted: the same import again says it was done, no copy "-2" (tests/test_import_again.py)
    again = import_paths(ws, [src])
    assert again.case == r.case and again.already == r.import_id and not again.resumed and not again.created
