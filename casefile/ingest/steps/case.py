"""The case the documents go into. Before the foreign check, ``find_case``: the one named, else the case
of the same import interrupted before (continued, not made twice), else the case of the same import
finished before (only its new files go there). After it, ``open_case``: that case loaded — warned when
the documents are of another type — or a new case of the type they show (casefile.ingest.case_typing,
``case_type`` or ``ask`` when they disagree), made only when something is usable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casefile.chain import journal
from casefile.errors import DiskFullError
from casefile.ingest import case_typing, import_records, resume
from casefile.ingest.limits import disk_full_message, is_disk_full
from casefile.ingest.steps.state import DocResult, ImportRun, Item
from casefile.model import Case, CaseType, Procedure
from casefile.model.names import new_case_id
from casefile.store import documents, locks

DECIDING_TYPES = ("decision", "penalty_notice", "summary_decision", "no_penalty_decision")  # whose 文号 names a new case


def find_case(run: ImportRun) -> None:
    ws = run.ws
    run.sources, run.started = resume.sources_of(run.paths), journal.now_iso()
    if not run.case_ref:
        run.case_ref = resume.find(ws.cases_dir, ws.case_ids(), run.sources)
    if run.case_ref:
        return
    done = import_records.finished_import(ws.cases_dir, ws.case_ids(), run.sources)
    if done:
        run.case_ref, run.items, run.result.documents = _repeat(done, run.items)
        if not run.items:  # nothing new: nothing written
            run.result.case, run.result.already, run.done = done[0], done[1].id, True


def _repeat(done: tuple[str, Any], items: list[Item]) -> tuple[str, list[Item], list[DocResult]]:
    """For an import run again after it finished: (its case, the files it has not stored yet, a
    result line for each file it did store)."""
    cid, rec = done
    stored = {f["sha256"]: f["file"] for f in rec.files}
    new, repeated = [], []
    for item in items:
        x = item.x
        if item.sha256 in stored:
            repeated.append(DocResult(str(item.path), x.doc_type, x.confidence, item.pages,
                                      f"此前已导入（第 {rec.id} 次导入），未重复导入", stored[item.sha256], list(x.needs_ocr)))
        else:
            new.append(item)
    return cid, new, repeated


def open_case(run: ImportRun) -> None:
    typing = case_typing.decide(item.x.doc_type for item in run.items)
    result, ws = run.result, run.ws
    if run.case_ref:
        run.case = ws.load_case(run.case_ref)
        if warn := case_typing.mismatch(run.case.case_type.value, typing):
            result.warnings.append(warn)
        run.case_dir = ws.cases_dir / run.case.id
        before = resume.marker(run.case_dir, run.sources)
        result.resumed = before is not None and before.get("sources") == run.sources
        if not result.resumed:
            resume.mark(run.case_dir, run.sources, run.started)
    else:
        if not run.items:
            run.done = True  # nothing usable: no case is made
            return
        if run.options.case_type:
            typing = typing.choose(CaseType(run.options.case_type).value)
        elif typing.disagree and run.options.ask is not None and (answer := run.options.ask(typing)):
            typing = typing.choose(CaseType(answer).value)
        run.case = _new_case(run, typing.case_type)
        run.case_dir, result.created = ws.cases_dir / run.case.id, True
    result.case, result.case_type = run.case.id, typing.to_dict() | {"sentence": typing.sentence()}
    run.stored_before = _tidy_interrupted(run.case_dir) if result.resumed else {}


def _new_case(run: ImportRun, case_type: str) -> Case:
    """A new case named by the decision's 文号 (or the folder), of the agency the documents name; the
    import's marker is in the folder before the folder appears."""
    ws = run.ws
    decisive = sorted((item.x for item in run.items), key=lambda x: (x.doc_type != "decision", x.doc_type == "unknown"))
    number = next((x.fields["doc_no"] for x in decisive if x.fields.get("doc_no") and x.doc_type in DECIDING_TYPES), "")
    cid = new_case_id(ws.case_ids(), number=number, hint=_folder_name(run.paths) or "导入案件")
    if number and number in ws.numbers():
        number = ""  # the same 文号 belongs to an existing case: do not claim it twice
    agency = next((x.fields["agency"] for x in decisive if x.fields.get("agency")), "")
    case = Case(id=cid, number=number, agency=agency or ws.profile.name, source="导入", case_type=CaseType(case_type),
                procedure=_procedure(run.items))
    try:
        ws.create_case(case, files={resume.marker_name(run.sources): resume.payload(run.sources, run.started)})
    except OSError as e:
        if is_disk_full(e):
            raise DiskFullError(f"{disk_full_message(ws.cases_dir)}；没有新建案件，没有导入任何文件") from None
        raise
    return ws.load_case(cid)


def _procedure(items: list[Item]) -> Procedure:
    """简易程序 when the file's only decision is a 当场行政处罚决定书 (行政处罚法第五十一条, 第五十二条): its papers are
    that decision and the evidence, never a 告知书, 审批表 or 送达回证 of the 普通程序."""
    kinds = {item.x.doc_type for item in items}
    return Procedure.SUMMARY if "summary_decision" in kinds and not kinds & {"decision", "no_penalty_decision"} else Procedure.ORDINARY


def _folder_name(paths: list[Path]) -> str:
    dirs = [Path(p) for p in paths if Path(p).is_dir()]
    return dirs[0].name if len(dirs) == 1 else ""


def _tidy_interrupted(case_dir: Path) -> dict[str, str]:
    """Before continuing an interrupted import: {sha256: file} of the documents it stored, and
    remove a file it wrote but neither registered nor journalled (killed between the two)."""
    with locks.case_dir_lock(case_dir):
        reg = documents.load_register(case_dir)
        known = {d.file for d in reg.documents} | set(journal.last_doc_hashes(journal.read(case_dir)))
        for p in sorted((case_dir / documents.DOCS).glob("*")):
            rel = f"{documents.DOCS}/{p.name}"
            if p.is_file() and rel not in known:
                p.unlink()
        return {d.sha256: d.file for d in reg.documents}
