"""Safe import (issue 21, item 1): a workspace's own folders refused, a preview that writes
nothing, documents of another case flagged on the evidence of their 文号, and an undo that
gives the case back exactly as it was, journalled, with the index following."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from casefile.store import documents

from casefile.chain import journal
from casefile.errors import ImportRefused, UndoRefused
from tui.application import Clock, Session

DATA = Path(__file__).parent / "data"
REAL = DATA / "import"  # real published decisions (cfws.samr.gov.cn)
DOSSIER = DATA / "dossiers" / "correct_market_ordinary_table"  # a whole 市场监管 dossier, 10 .docx


@pytest.fixture
def session(demo_ws):
    return Session(demo_ws, Clock("2026-11-23"))


@pytest.fixture
def folder(tmp_path):
    """A handler's folder: a dossier of ten documents and two published decisions."""
    f = tmp_path / "收到的材料"
    shutil.copytree(DOSSIER, f / "案卷")
    for p in REAL.iterdir():
        shutil.copy(p, f / p.name)
    return f


def _facts(case_dir: Path) -> dict:
    data = tomllib.loads((case_dir / "case.toml").read_text("utf-8"))
    data.pop("journal_head")  # moves with every journal entry: not a fact
    return data


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(root.rglob("*")) if p.is_file()}


# -- refusal ---------------------------------------------------------------------------------------

def test_the_workspace_own_folders_are_refused_by_preview_import_and_cli(session, demo_ws, run_cli):
    ws = demo_ws
    case_dir = ws.cases_dir / "YJ-2026-003"
    for path, words in [(ws.root, "工作区文件夹本身"), (ws.cases_dir, "案件目录"), (ws.cases_dir / "SJ-2026-088", "案件 SJ-2026-088 的文件夹"),
                        (ws.cases_dir / "SJ-2026-088" / "docs", "案件 SJ-2026-088 的文件夹中的内容")]:
        with pytest.raises(ImportRefused) as e:
            session.imports.import_preview("YJ-2026-003", [path])
        assert words in str(e.value) and "不能再导入" in str(e.value)
        with pytest.raises(ImportRefused):
            session.imports.import_files("YJ-2026-003", [path])
    before = _snapshot(case_dir)
    code, out, err = run_cli("import", str(ws.root), "--case", "YJ-2026-003", "-w", str(ws.root))
    assert code == 2 and "不能导入" in err and "工作区文件夹本身" in err
    assert _snapshot(case_dir) == before  # nothing written: no document, no journal entry, no record


def test_a_folder_holding_a_workspace_skips_it_whole(session, demo_ws, folder):
    shutil.copytree(demo_ws.root, folder / "旧工作区")  # what the review did: a workspace inside the chosen folder
    pv = session.imports.import_preview("YJ-2026-003", [folder])
    assert [Path(s.path).name for s in pv.folders_skipped] == ["旧工作区"]
    assert "casefile 工作区" in pv.folders_skipped[0].reason
    assert not any("旧工作区" in i.path for i in pv.items)
    assert len(pv.to_import) == 12
    r = session.imports.import_files("YJ-2026-003", [folder])
    assert len(r.documents) == 12 and not any("旧工作区" in d.file for d in r.documents)
    assert any(s["file"].endswith("旧工作区") for s in r.skipped)


# -- the preview -----------------------------------------------------------------------------------

def test_preview_lists_types_and_writes_nothing(session, demo_ws, folder):
    before = _snapshot(demo_ws.root)
    pv = session.imports.import_preview("YJ-2026-003", [folder])
    assert _snapshot(demo_ws.root) == before
    types = {Path(i.path).name: i.doc_type for i in pv.items}
    assert types["01立案审批表.docx"] == "filing_approval" and types["14行政处罚决定书.docx"] == "decision"
    assert types["samr_230712000000017301558.pdf"] == "decision"
    assert len(pv.to_import) == 12 and not pv.skipped
    # the decisions carry 文号 other than the case's: flagged for the person to check, not hidden
    dec = next(i for i in pv.items if i.path.endswith("14行政处罚决定书.docx"))
    assert dec.doc_no == "清市监罚决〔2026〕12号" and "与本案文号 清应急罚〔2026〕3号 不同" in dec.reason


def test_documents_of_another_case_are_flagged_on_their_number_and_not_merged(session, demo_ws, tmp_path):
    # the documents of case SJ-2026-088, copied out and offered to case YJ-2026-003
    loose = tmp_path / "拷贝"
    shutil.copytree(demo_ws.cases_dir / "SJ-2026-088" / "docs", loose)
    pv = session.imports.import_preview("YJ-2026-003", [loose])
    flagged = [i for i in pv.items if i.other_case]
    # every one of its 13 documents: by the case's 文号 in it, or (告知书 whose number is left blank
    # until issued) by that case's party named in it while this case's party is not
    assert len(flagged) == len(pv.items) == 13 and {i.other_case for i in flagged} == {"SJ-2026-088"}
    by_number = {Path(i.path).name for i in flagged if "文号 清市监处罚〔2026〕88号" in i.reason}
    by_party = {Path(i.path).name for i in flagged if "当事人 清溪县百味源食品有限公司，没有本案当事人 清溪县鑫盛五金制品有限公司" in i.reason}
    assert "010-立案审批表.docx" in by_number and "040-行政处罚告知书.docx" in by_party
    assert by_number | by_party == {Path(i.path).name for i in flagged}
    before = demo_ws.load_case("YJ-2026-003")
    r = session.imports.import_files("YJ-2026-003", [loose])
    skipped = {Path(s["file"]).name for s in r.skipped}
    assert skipped == {Path(i.path).name for i in flagged}
    assert not skipped & {Path(d.file).name for d in r.documents}
    # the other case's party never reaches this one
    assert demo_ws.load_case("YJ-2026-003").party.name == before.party.name


# -- undo ------------------------------------------------------------------------------------------

def test_undo_gives_the_case_back_exactly_and_the_index_forgets(session, demo_ws, folder):
    case_dir = demo_ws.cases_dir / "YJ-2026-003"
    assert session.search.search("穆瑟商贸")["hits"] == []  # builds the index; the decision is not in the workspace yet
    facts0, files0 = _facts(case_dir), sorted(p.name for p in (case_dir / "docs").iterdir())
    reg0 = documents.load_register(case_dir).model_dump()
    state0 = demo_ws.load_case("YJ-2026-003").state
    r = session.imports.import_files("YJ-2026-003", [folder])
    assert len(r.documents) == 12 and r.import_id == "1"
    assert _facts(case_dir) != facts0 and "state" in r.facts_filled  # the dossier's decision moved the case on
    assert [h["case"] for h in session.search.search("穆瑟商贸")["hits"]][:1] == ["YJ-2026-003"]
    [listed] = session.imports.imports("YJ-2026-003")
    assert listed["documents"] == 12 and listed["state"] == "已完成"

    result = session.imports.undo_import("YJ-2026-003")
    assert result["import"] == "1" and len(result["removed"]) == 12 and "state" in result["facts_restored"]
    assert _facts(case_dir) == facts0
    assert demo_ws.load_case("YJ-2026-003").state == state0
    assert sorted(p.name for p in (case_dir / "docs").iterdir()) == files0
    assert documents.load_register(case_dir).model_dump() == reg0
    entries = journal.read(case_dir)
    undo = [e for e in entries if e["act"].startswith("撤销导入")]
    assert len(undo) == 2 and len(undo[0]["changes"]["removed"]) == 12 and all(v is None for v in undo[0]["docs"].values())
    assert journal.verify(case_dir) == []  # the chain whole, and removed documents recorded as removed
    assert session.search.search("穆瑟商贸")["hits"] == []
    assert session.imports.imports("YJ-2026-003")[0]["state"] == "已撤销"
    with pytest.raises(Exception) as e:
        session.imports.undo_import("YJ-2026-003")
    assert "没有可撤销的导入" in str(e.value)


def test_undo_is_refused_when_the_case_changed_since(session, demo_ws, folder):
    r = session.imports.import_files("YJ-2026-003", [folder])
    case = demo_ws.load_case("YJ-2026-003")
    case.decided = []  # someone corrected the penalty the import took from a decision
    session.cases.save_case(case)
    case_dir = demo_ws.cases_dir / "YJ-2026-003"
    snap = _snapshot(case_dir)
    with pytest.raises(UndoRefused) as e:
        session.imports.undo_import("YJ-2026-003", r.import_id)
    assert "“处罚决定”在导入后又被修改过" in str(e.value)
    assert _snapshot(case_dir) == snap  # a refusal changes nothing


def test_undo_leaves_later_documents_and_untouched_facts(session, demo_ws, tmp_path):
    one = tmp_path / "一份告知书.pdf"
    shutil.copy(REAL / "samr_230712000000017301558.pdf", one)
    first = session.imports.import_files("SJ-2026-088", [one])
    later = tmp_path / "后来的.txt"
    shutil.copy(REAL / "samr_006133a8cb66a995c8fa5de583fa6584.txt", later)
    second = session.imports.import_files("SJ-2026-088", [later])
    case = demo_ws.load_case("SJ-2026-088")
    case.violation.cause = case.violation.cause + "（已核实）"  # a fact neither import filled
    session.cases.save_case(case)
    done = session.imports.undo_import("SJ-2026-088", first.import_id)
    names = {p.name for p in (demo_ws.cases_dir / "SJ-2026-088" / "docs").iterdir()}
    assert "一份告知书.pdf" not in names and "后来的.txt" in names
    assert demo_ws.load_case("SJ-2026-088").violation.cause.endswith("（已核实）")
    assert done["removed"] == [first.documents[0].stored_as] and second.import_id == "2"


def test_cli_lists_and_undoes_imports(demo_ws, folder, run_cli):
    w = str(demo_ws.root)
    code, out, err = run_cli("import", str(folder), "--case", "YJ-2026-003", "-w", w, "--json")
    assert code == 0, err
    assert json.loads(out)["import_id"] == "1"
    code, out, _ = run_cli("import", "list", "YJ-2026-003", "-w", w, "--json")
    [rec] = json.loads(out)["imports"]
    assert rec["id"] == "1" and rec["documents"] == 12 and rec["state"] == "已完成"
    code, out, _ = run_cli("import", "-w", w, "undo", "YJ-2026-003", "--import", "1")  # options before the subcommand too
    assert code == 0 and "已撤销案件 YJ-2026-003 的第 1 次导入：删除文书 12 份" in out
    code, out, err = run_cli("import", "undo", "YJ-2026-003", "-w", w, "--json")
    assert code == 2 and "没有可撤销的导入" in err
    code, out, _ = run_cli("import", "preview", str(folder), "--case", "YJ-2026-003", "-w", w, "--json")
    assert json.loads(out)["to_import"] == 12


def test_a_cancelled_import_keeps_what_it_stored_and_can_be_undone(session, demo_ws, folder):
    asked = []

    def cancelled() -> bool:  # the person presses x while the fourth file is read
        asked.append(1)
        return len(asked) > 3

    before = {p.name for p in (demo_ws.cases_dir / "YJ-2026-003" / "docs").iterdir()}
    r = session.imports.import_files("YJ-2026-003", [folder], cancelled=cancelled)
    assert len(r.documents) == 3 and r.failed == 9
    assert all("导入已取消" in e["error"] for e in r.errors)
    assert session.imports.imports("YJ-2026-003")[0]["state"] == "已完成"  # not left as 导入未完成
    session.imports.undo_import("YJ-2026-003")
    assert {p.name for p in (demo_ws.cases_dir / "YJ-2026-003" / "docs").iterdir()} == before


def test_undo_of_an_earlier_import_says_to_undo_the_later_one_first(session, demo_ws, folder, tmp_path):
    first = session.imports.import_files("YJ-2026-003", [folder / "案卷" / "02现场检查笔录.docx"])  # the inspection, an act
    second = session.imports.import_files("YJ-2026-003", [folder / "案卷"])  # more acts: the notice, the decision …
    assert any(f.startswith("acts") for f in first.facts_filled) and any(f.startswith("acts") for f in second.facts_filled)
    with pytest.raises(UndoRefused) as e:
        session.imports.undo_import("YJ-2026-003", first.import_id)
    assert "在导入后又被修改过" in str(e.value) and "之后还有第2次导入未撤销" in str(e.value)
    # the preview of the same folder again: what is in the case already is not taken twice
    pv = session.imports.import_preview("YJ-2026-003", [folder / "案卷"])
    assert not pv.to_import and len(pv.skipped) == 10
    assert "与本案已有的文书 docs/02现场检查笔录.docx 内容完全相同" in next(i.reason for i in pv.skipped if i.path.endswith("02现场检查笔录.docx"))
    session.imports.undo_import("YJ-2026-003")  # the latest first
    session.imports.undo_import("YJ-2026-003")  # then the earlier one
    assert [r["state"] for r in session.imports.imports("YJ-2026-003")] == ["已撤销", "已撤销"]


def test_a_party_with_several_cases_is_no_evidence_for_a_new_case(session, demo_ws, tmp_path):
    """Into a new case (no party known yet) a document naming an existing case's party is imported:
    one company may well have a second case."""
    loose = tmp_path / "同一当事人"
    loose.mkdir()
    shutil.copy(demo_ws.cases_dir / "SJ-2026-088" / "docs" / "040-行政处罚告知书.docx", loose)
    r = session.imports.import_files(None, [loose])
    assert r.created and [Path(d.file).name for d in r.documents] == ["040-行政处罚告知书.docx"] and not r.skipped


def test_the_same_dossier_imported_twice_as_new_cases_is_named(session, demo_ws, folder):
    """Into a new case nothing is skipped, but every document that carries the first case's 文号
    is named; a bare 〔2026〕12号 (no agency prefix) is no evidence."""
    first = session.imports.import_files(None, [folder / "案卷"])
    # a copy of the same dossier from elsewhere (the same folder again says it was imported: test_import_again)
    shutil.copytree(folder / "案卷", folder / "案卷副本")
    second = session.imports.import_files(None, [folder / "案卷副本"])
    assert first.created and second.created and second.case != first.case
    assert len(second.documents) == 10 and not second.skipped
    flagged = {Path(f["file"]).name: f for f in second.flagged}
    assert flagged["14行政处罚决定书.docx"]["other_case"] == first.case
    assert "清市监罚决〔2026〕12号" in flagged["14行政处罚决定书.docx"]["reason"]
    assert not any("本文书的文号 〔2026〕" in f["reason"] for f in second.flagged)
