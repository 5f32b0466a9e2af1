"""Dossier assembly, export packages and their verification (issue 3)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from casefile.output.dossier import assemble
from casefile.law.requirements import required_documents
from casefile.store.package import import_package
from casefile.store.workspace import Workspace
from doc_templates.catalogue import load_catalogue
from tests.conftest import add_tester
from tests.docx_text import docx_text

DEMO_CASES = ["SJ-2026-037", "SJ-2026-088", "ZR-2026-012", "HB-2026-005", "YJ-2026-003", "SJ-2026-101"]


def test_required_documents_follow_procedure_and_conditions(demo_ws):
    req = {t.code for t, _ in required_documents(demo_ws, demo_ws.load_case("SJ-2026-088"))}
    assert {"hearing_notice", "hearing_record", "hearing_report", "preservation_notice", "penalty_notice"} <= req
    assert "decision" not in req  # not decided yet: not a gap
    simple = {t.code for t, _ in required_documents(demo_ws, demo_ws.load_case("SJ-2026-101"))}
    assert "summary_decision" in simple and "filing_approval" not in simple
    seized = {t.code for t, _ in required_documents(demo_ws, demo_ws.load_case("HB-2026-005"))}
    assert {"seizure_decision", "seizure_list"} <= seized


def test_dossier_shows_the_real_gap(demo_ws, run_cli):
    code, out, _ = run_cli("dossier", "SJ-2026-088", "-w", str(demo_ws.root), "--json")
    data = json.loads(out)
    assert data["gaps"] == ["先行登记保存物品处理决定书"]
    orders = [e["order"] for e in data["entries"] if e["volume"] == "正卷"]
    assert orders == sorted(orders)
    volumes = [e["volume"] for e in data["entries"]]
    assert volumes.index("副卷") > max(i for i, v in enumerate(volumes) if v == "正卷")
    assert data["toc"] and data["toc"][0]["page"] == "1"


def test_removing_a_service_receipt_makes_a_gap(demo_ws):
    from casefile.store import documents
    case_dir = demo_ws.cases_dir / "ZR-2026-012"
    documents.remove_document(case_dir, "docs/050-送达回证.docx", stage="送达")
    gaps = [e.doc_type.name for e in assemble(demo_ws, "ZR-2026-012").gaps]
    assert gaps == ["送达回证"]


@pytest.mark.parametrize("case_id", DEMO_CASES)
def test_export_every_demo_case_and_import_byte_identical(demo_ws, tmp_path, run_cli, case_id):
    pkg = tmp_path / f"{case_id}.zip"
    code, out, err = run_cli("dossier", case_id, "-w", str(demo_ws.root), "--export", str(pkg), "--json")
    assert code == 0, err
    case = demo_ws.load_case(case_id)
    with zipfile.ZipFile(pkg) as z:
        manifest = json.loads(z.read("manifest.json"))
        import hashlib

        for name, digest in manifest["files"].items():
            assert hashlib.sha256(z.read(name)).hexdigest() == digest
        docx = [n for n in z.namelist() if n.endswith(".docx")]
        assert docx
        cat = load_catalogue()
        for n in docx:
            text = docx_text(z.read(n))
            assert "{{" not in text and "{%" not in text, n
            assert case.party.name in text, n
            t = cat.by_name(n.rsplit("/", 1)[-1].split("-", 1)[-1].split("（")[0].split("(")[0].removesuffix(".docx"))
            if t is not None and t.numbered and t.exclusive != "decision":
                # its own 文号 series (罚告, 听告 …), never the decision's number
                assert case.number not in text.splitlines()[2], n
            else:
                assert case.number in text, n
    empty = Workspace.init(tmp_path / "empty", demo_ws.profile)
    add_tester(empty.root)  # the receiving agency's user who imports the package
    code, out, err = run_cli("package", "import", str(pkg), "-w", str(empty.root), "--json")
    assert code == 0, err
    for p in (demo_ws.cases_dir / case_id / "docs").iterdir():
        assert (empty.cases_dir / case_id / "docs" / p.name).read_bytes() == p.read_bytes()


def _export(demo_ws, tmp_path) -> Path:
    from casefile.store.package import export_package

    pkg = tmp_path / "p.zip"
    export_package(demo_ws, "ZR-2026-012", pkg)
    return pkg


def _rewrite(src: Path, dst: Path, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            name, data = change(info.filename, zin.read(info.filename))
            zout.writestr(name, data)


def test_one_changed_byte_is_refused_and_changes_nothing(demo_ws, tmp_path, run_cli):
    pkg = _export(demo_ws, tmp_path)
    bad = tmp_path / "bad.zip"

    def flip(name, data):
        if name.endswith("020-行政处罚决定书.docx"):
            data = data[:100] + bytes([data[100] ^ 1]) + data[101:]
        return name, data

    _rewrite(pkg, bad, flip)
    empty = Workspace.init(tmp_path / "empty", demo_ws.profile)
    add_tester(empty.root)  # the receiving agency's user who imports the package
    code, _, err = run_cli("package", "import", str(bad), "-w", str(empty.root))
    assert code != 0 and "SHA-256 校验不符" in err and "020-行政处罚决定书.docx" in err
    assert list(empty.cases_dir.iterdir()) == []


@pytest.mark.parametrize("evil", ["../evil.txt", "/etc/evil.txt", "ZR-2026-012/../../evil.txt"])
def test_zip_slip_refused(demo_ws, tmp_path, evil):
    pkg = _export(demo_ws, tmp_path)
    bad = tmp_path / "slip.zip"
    with zipfile.ZipFile(pkg) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr(evil, b"owned")
    empty = Workspace.init(tmp_path / "empty", demo_ws.profile)
    add_tester(empty.root)  # the receiving agency's user who imports the package
    from casefile.errors import PackageError

    with pytest.raises(PackageError):
        import_package(empty, bad)
    assert list(empty.cases_dir.iterdir()) == []
    assert not (tmp_path / "evil.txt").exists()


def test_existing_case_refused_unless_replace_keeps_old(demo_ws, tmp_path):
    pkg = _export(demo_ws, tmp_path)
    from casefile.errors import CaseExists

    with pytest.raises(CaseExists):
        import_package(demo_ws, pkg)
    result = import_package(demo_ws, pkg, replace=True)
    assert result["replaced"] and Path(result["replaced"]).is_dir()
    assert (demo_ws.cases_dir / "ZR-2026-012" / "case.toml").exists()


def test_print_combines_docx_toc_first(demo_ws, tmp_path, run_cli):
    out_docx = tmp_path / "print.docx"
    code, out, err = run_cli("dossier", "SJ-2026-037", "-w", str(demo_ws.root), "--print", str(out_docx), "--json")
    assert code == 0, err
    text = docx_text(out_docx)
    assert text.index("卷内目录") < text.index("立案审批表") < text.index("结案审批表")
    assert "清溪县悦享商贸有限公司" in text
