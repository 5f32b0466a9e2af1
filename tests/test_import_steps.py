"""The import's steps, each alone (casefile.ingest.steps, issue 26), on a dossier of tests/data: 清溪县市场监督管理局's
price-fraud case against 清溪县鑫源商贸有限公司, from the 立案审批表 to the 决定书 清市监罚决〔2026〕12号
(没收违法所得8600元, 罚款25800元, signed 2026年4月7日)."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from casefile.ingest.steps.case import find_case, open_case
from casefile.ingest.steps.classify import classify
from casefile.ingest.steps.extract import extract
from casefile.ingest.steps.fill import fill_facts
from casefile.ingest.steps.foreign import foreign_check
from casefile.ingest.steps.read import read
from casefile.ingest.steps.scope import scope
from casefile.ingest.steps.state import ImportRun, Options
from casefile.ingest.steps.store import finish, store
from tests.conftest import DATA

DOSSIER = DATA / "dossiers" / "correct_market_ordinary_table"
DECISION = DOSSIER / "14行政处罚决定书.docx"
ONSITE = DOSSIER / "02现场检查笔录.docx"
NUMBER = "清市监罚决〔2026〕12号"
PARTY = "清溪县鑫源商贸有限公司"


def _item(path):
    item = read(path)
    classify(item)
    extract(item)
    return item


def _opened(ws, paths=(DECISION, ONSITE), **options):
    """A run up to its case: the two documents read, extracted, checked, and a new case opened."""
    run = ImportRun(ws, list(paths), options=Options(**options))
    run.items = [_item(p) for p in paths]
    find_case(run)
    foreign_check(run)
    open_case(run)
    return run


def test_scope_takes_the_documents_in_order_and_says_why_it_passes_others(demo_ws, tmp_path):
    from casefile.errors import UsageError

    folder = tmp_path / "鑫源商贸案"
    shutil.copytree(DOSSIER, folder)
    (folder / "现场照片.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "~$行政处罚决定书.docx").write_bytes(b"lock")  # Word's lock file: not a document
    run = ImportRun(demo_ws, [folder])
    scope(run)
    assert [f.name for f in run.files] == sorted(p.name for p in DOSSIER.iterdir())
    assert run.result.skipped == [{"file": str(folder / "现场照片.jpg"), "reason": "不支持的文件类型 .jpg，只能导入 .pdf、.docx、.txt"}]
    photos = tmp_path / "照片"
    photos.mkdir()
    (photos / "现场照片.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    with pytest.raises(UsageError, match="没有可导入的文件"):
        scope(ImportRun(demo_ws, [photos]))


def test_read_gives_the_bytes_and_the_text_of_a_table_form():
    item = read(ONSITE)
    assert item.data == ONSITE.read_bytes()
    text = item.doc.text
    assert "现场检查（勘验）笔录" in text and "被检查单位" in text
    assert PARTY in text and "王建国（执法证号：33112600101）" in text
    assert item.x is None  # nothing concluded yet


def test_classify_types_the_decision_the_inspection_record_and_says_unknown_for_a_letter(tmp_path):
    decision, onsite = read(DECISION), read(ONSITE)
    classify(decision)
    classify(onsite)
    assert decision.kind[0] == "decision" and decision.kind[1] >= 0.85
    assert onsite.kind[0] == "onsite_record" and onsite.kind[1] >= 0.85
    letter = tmp_path / "来信.txt"
    letter.write_text("王局长：\n您好！下周三上午请到城关镇参加消费维权座谈会。\n城关镇商会\n2026年3月1日\n", encoding="utf-8")
    other = read(letter)
    classify(other)
    assert other.kind == ("unknown", 0.0)  # no guess: a wrong type would fill the case wrongly


def test_extract_reads_the_decision_and_lets_its_text_go():
    item = _item(DECISION)
    x = item.x
    assert x.doc_type == "decision"
    assert (x.fields["doc_no"], x.fields["party"], x.fields["uscc"]) == (NUMBER, PARTY, "91331126MA2H4R7T5C")
    assert x.fields["agency"] == "清溪县市场监督管理局" and x.fields["date"] == "2026-04-07"
    assert [(m["kind"], m["amount"]) for m in x.fields["measures"]] == [("没收违法所得", "8600"), ("罚款", "25800")]
    assert {(e.act, e.date) for e in x.events} >= {("立案", "2026-03-02"), ("告知书送达", "2026-03-23")}
    # the text is let go; what storing and the dossier's facts need is kept
    assert item.doc is None and item.reading is None and item.pages == 1
    assert NUMBER in "".join(item.text_pages)


def test_extract_classifies_itself_when_the_classify_step_did_not_run():
    item = read(ONSITE)
    extract(item)
    assert item.x.doc_type == "onsite_record" and "33112600101" in {e.value for e in item.x.of("CERT")}


def test_find_case_finds_the_finished_import_of_the_same_folder(demo_ws):
    from casefile.ingest.importer import import_paths

    first = import_paths(demo_ws, [DOSSIER])
    run = ImportRun(demo_ws, [DOSSIER])
    run.items = [_item(DECISION)]
    find_case(run)
    # nothing new: the import ends here, naming the case and the import it repeats
    assert run.done and (run.result.case, run.result.already) == (first.case, first.import_id)
    assert run.result.documents[0].status == f"此前已导入（第 {first.import_id} 次导入），未重复导入"
    fresh = ImportRun(demo_ws, [DECISION])
    find_case(fresh)
    assert fresh.case_ref is None and not fresh.done  # another source: a new case


def test_foreign_check_skips_a_document_of_another_case_unless_asked_to_keep_it(demo_ws):
    from casefile.ingest.importer import import_paths

    theirs = import_paths(demo_ws, [DOSSIER]).case  # the case of 清市监罚决〔2026〕12号
    mine = next(c for c in demo_ws.case_ids() if c != theirs)
    run = ImportRun(demo_ws, [DECISION], case_ref=mine)
    run.items = [_item(DECISION)]
    foreign_check(run)
    assert run.items == []
    (skipped,) = run.result.skipped
    assert skipped["other_case"] == theirs and skipped["reason"].startswith("14行政处罚决定书.docx：")
    assert skipped["reason"].endswith("未导入（确属本案时可选择仍然导入）")
    anyway = ImportRun(demo_ws, [DECISION], case_ref=mine, options=Options(include_other_cases=True))
    anyway.items = [_item(DECISION)]
    foreign_check(anyway)
    assert len(anyway.items) == 1 and anyway.result.flagged[0]["other_case"] == theirs


def test_open_case_makes_a_penalty_case_named_by_the_decision(demo_ws):
    run = _opened(demo_ws)
    case = run.case
    assert run.result.created and run.result.case == case.id and (run.case_dir / "case.toml").exists()
    assert (case.number, case.agency, case.case_type.value) == (NUMBER, "清溪县市场监督管理局", "行政处罚")
    assert run.result.case_type["type"] == "行政处罚"
    assert not case.parties  # facts are filled after the documents are stored


def test_store_registers_each_document_with_its_type_and_number(demo_ws):
    from casefile.ingest import import_records, resume
    from casefile.store import documents

    run = _opened(demo_ws)
    store(run)
    reg = documents.load_register(run.case_dir)
    assert sorted((d.doc_type, d.number, d.source_name) for d in reg.documents) == [
        ("decision", NUMBER, DECISION.name), ("onsite_record", "", ONSITE.name)]
    assert [d.status for d in run.result.documents] == ["已导入", "已导入"] and len(run.stored) == 2
    assert any(resume.is_marker(p.name) for p in run.case_dir.iterdir())  # 导入未完成 until finished
    finish(run)
    assert not any(resume.is_marker(p.name) for p in run.case_dir.iterdir())
    assert [r.id for r in import_records.records(run.case_dir)] == [run.result.import_id]


def test_fill_facts_puts_the_party_the_measures_and_the_acts_into_the_case(demo_ws):
    from casefile.model import ActKind, CaseState

    run = _opened(demo_ws)
    store(run)
    fill_facts(run)
    case = demo_ws.load_case(run.case.id)
    assert (case.parties[0].name, case.parties[0].id_number) == (PARTY, "91331126MA2H4R7T5C")
    assert [(m.kind, m.amount) for m in case.decided] == [("没收违法所得", Decimal("8600")), ("罚款", Decimal("25800"))]
    assert case.state is CaseState.DECIDED and str(case.acts_of(ActKind.DECISION)[0].date) == "2026-04-07"
    assert case.acts_of(ActKind.INSPECTION)[0].officers == ["33112600101", "33112600102"]
    assert {"parties[1]", "decided", "state"} <= set(run.result.facts_filled)


def test_fill_facts_declined_for_the_decision_keeps_the_case_in_investigation(demo_ws):
    from casefile.model import ActKind, CaseState

    run = _opened(demo_ws, fill_decision=False)
    store(run)
    fill_facts(run)
    case = demo_ws.load_case(run.case.id)
    assert case.parties[0].name == PARTY  # the party is no decision
    assert case.decided == [] and case.state is CaseState.OPENED and not case.acts_of(ActKind.DECISION)
    assert not {"decided", "state", "number"} & set(run.result.facts_filled)
