"""Import documents into a case: read → text → classify → extract → store → fill facts.

Each file goes through the whole pipeline or not at all; a file that cannot be
read — damaged, hostile (bombs, entity expansion, links), too large, encrypted —
is reported with its name and what is wrong, and the rest continue. A full disk
stops the import cleanly: the file being written is removed, the files after it
are listed as not imported. Facts already in the case are never overwritten: a
different extracted value is reported as a conflict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from casefile.ingest import case_typing, doc_acts, import_records, import_scope, resume

from casefile.store import documents, locks

from casefile.chain import journal
from casefile.errors import CasefileError, DiskFullError, UsageError
from casefile.ingest.extract import Extraction, extract
from casefile.model.ids import valid_id_card, valid_uscc
from casefile.store.fsutil import sha256_bytes
from casefile.model import DECIDING_ACTS, Act, ActKind, Case, CaseState, CaseType, LawRef, Measure, Party, PartyKind
from casefile.ingest.limits import disk_full_message, is_disk_full
from casefile.model.names import new_case_id
from casefile.ingest.textio import read_document, read_input
from casefile.store.workspace import Workspace
from doc_templates.catalogue import load_catalogue

EXTRACTION_CACHE = "extract"
FACTS_TEXT_LIMIT = 2_000_000  # characters of one document read for the dossier's facts


@dataclass
class DocResult:
    file: str
    doc_type: str = "unknown"
    confidence: float = 0.0
    pages: int = 0
    status: str = "已导入"
    stored_as: str = ""
    needs_ocr: list[int] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR
    ocr_confidence: dict[int, float] = field(default_factory=dict)  # page -> mean recognition score

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "doc_type": self.doc_type, "confidence": round(self.confidence, 2), "pages": self.pages,
                "status": self.status, "stored_as": self.stored_as, "needs_ocr": self.needs_ocr,
                "ocr_pages": self.ocr_pages, "ocr_confidence": {str(k): v for k, v in self.ocr_confidence.items()}}


BIG_FILE = 1 << 20  # a file over 1 MiB reports its progress within (bytes)


@dataclass
class ImportResult:
    case: str
    documents: list[DocResult] = field(default_factory=list)
    facts_filled: list[str] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    created: bool = False
    resumed: bool = False  # continued an import that was interrupted
    skipped: list[dict[str, str]] = field(default_factory=list)  # passed over on purpose: {file, reason}
    flagged: list[dict[str, str]] = field(default_factory=list)  # imported, but the text points at another case
    import_id: str = ""  # the record of what this import added (casefile.ingest.import_records), for undo
    already: str = ""  # the finished import of the same sources this run repeated (nothing new: nothing written)
    case_type: dict[str, Any] = field(default_factory=dict)  # the type the documents show, with the evidence (casefile.ingest.case_typing)
    warnings: list[str] = field(default_factory=list)  # e.g. documents of another case type imported into this case

    @property
    def failed(self) -> int:
        """Files not imported (errors not tied to a file, such as facts not saved, are not counted)."""
        return sum(1 for e in self.errors if e.get("file"))

    def to_dict(self) -> dict[str, Any]:
        return {"case": self.case, "documents": [d.to_dict() for d in self.documents], "facts_filled": self.facts_filled,
                "conflicts": self.conflicts, "errors": self.errors, "created": self.created, "resumed": self.resumed,
                "skipped": self.skipped, "flagged": self.flagged, "import_id": self.import_id, "already": self.already,
                "case_type": self.case_type, "warnings": self.warnings,
                "imported": len(self.documents), "failed": self.failed, "total": len(self.documents) + self.failed}


def _failure(f: Path, e: BaseException) -> dict[str, str]:
    """An error entry naming the file and what is wrong with it, in Chinese."""
    if isinstance(e, CasefileError):
        msg = str(e)
    elif is_disk_full(e):
        msg = f"{f.name}：{disk_full_message(f.name)}"
    elif isinstance(e, OSError):
        msg = f"{f.name}：无法读取或写入（{e.strerror or e}）"
    elif isinstance(e, MemoryError):
        msg = f"{f.name}：内容过大，内存不足，未导入"
    else:  # a defect of casefile, reported for this file only: the others still import
        msg = f"{f.name}：处理时出错（{type(e).__name__}：{str(e)[:200]}），未导入；这是 casefile 的缺陷，请报告"
    return {"file": str(f), "error": msg}


def cached_extraction(case_dir: Path, rec: documents.DocRecord) -> Extraction:
    """The extraction of a stored document, from the cache or computed now."""
    hit = documents.read_cache(case_dir, rec.sha256, EXTRACTION_CACHE)
    if hit is not None:
        return Extraction.from_dict(hit)
    x = extract(read_document(case_dir / rec.file))
    documents.write_cache(case_dir, rec.sha256, x.to_dict(), EXTRACTION_CACHE)
    return x


def import_paths(
    ws: Workspace,
    paths: list[Path],
    case_ref: str | None = None,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    include_other_cases: bool = False,
    cancelled: Callable[[], bool] | None = None,
    case_type: str | None = None,
    ask: Callable[[case_typing.Typing], str | None] | None = None,
    fill_decision: bool = True,
) -> ImportResult:
    """``include_other_cases``: import documents whose text carries a 文号 of another case of the
    workspace too (by default they are skipped, each with the evidence); ``cancelled`` is asked
    before each file is read: once it says yes, the files read so far are stored and the rest
    listed as not imported. A new case takes the type its documents show (casefile.ingest.case_typing),
    or ``case_type`` when given; when the documents disagree ``ask`` (if given) is asked and may
    name the type. Documents of another type imported into an existing case are warned about.
    Without ``fill_decision`` the documents are stored and facts filled, but no decision (its date,
    measures, 文号) is recorded and the state does not move: the person was shown those facts and
    declined them."""
    # a workspace's own folders are refused before anything is read (casefile.ingest.import_scope)
    import_scope.refuse_workspace_paths(ws, [Path(p) for p in paths])
    files, passed = import_scope.collect([Path(p) for p in paths])
    skipped = [{"file": s.path, "reason": s.reason} for s in passed]
    if not files:
        raise UsageError("没有可导入的文件（支持 .pdf、.docx、.txt）", details=[f"{s['file']}：{s['reason']}" for s in skipped][:20])
    # read and extract everything first, so a new case is only made when something is usable
    extracted: list[tuple[Path, bytes, dict[str, Any], Extraction]] = []
    errors: list[dict[str, str]] = []
    for i, f in enumerate(files, 1):
        if cancelled is not None and cancelled():
            # the files already read are stored (storing is quick), the rest named: the import
            # is complete as far as it went, and can be undone whole
            errors += [{"file": str(g), "error": f"{g.name}：导入已取消，未导入"} for g in files[i - 1:]]
            break
        if progress:
            progress(i, len(files), f.name)
        try:
            data = read_input(f)  # no links, regular files only, within the size limit
            doc = read_document(f, data)
            x = extract(doc, _within(progress, i, len(files), f.name) if progress and len(data) > BIG_FILE else None)
            _type_from_file_name(x, f)
        except Exception as e:  # noqa: BLE001 - one bad file never stops the others
            errors.append(_failure(f, e))
            continue
        # keep what storing needs, not the whole text: a folder of long documents is held at once
        info = {"pages": len(doc.pages), "ocr_pages": list(doc.ocr_pages), "ocr_confidence": dict(doc.ocr_confidence),
                "ocr_missing": doc.ocr_missing,
                # OCR takes seconds a page: its text is kept for the caches the index and the checks read
                "ocr_text": list(doc.pages) if doc.ocr_pages else None,
                # the facts of the whole dossier are read from every page (casefile.ingest.facts); a text too long
                # for that (a 2,000-page PDF) contributes its extraction only
                "text_pages": list(doc.pages) if sum(map(len, doc.pages)) <= FACTS_TEXT_LIMIT else []}
        del doc
        extracted.append((f, data, info, x))
    sources = resume.sources_of([Path(p) for p in paths])
    started = journal.now_iso()
    if not case_ref:
        # the same import interrupted before: continue into its case rather than make a second one
        case_ref = resume.find(ws.cases_dir, ws.case_ids(), sources)
    repeated: list[DocResult] = []
    if not case_ref:
        # the same import finished before: its documents are in its case already; only new ones go there
        done = import_records.finished_import(ws.cases_dir, ws.case_ids(), sources)
        if done:
            case_ref, extracted, repeated = _repeat(done, extracted)
            if not extracted:
                return ImportResult(case=done[0], documents=repeated, errors=errors, skipped=skipped, already=done[1].id)
    # a document whose text carries another case's 文号 is not merged silently into this one
    # into an existing case such a document is skipped; a new case is made of the folder as it is,
    # each such document named (the same dossier imported twice shows here)
    check = import_scope.ForeignCheck(ws, ws.resolve(case_ref) if case_ref else None)
    kept, flagged = [], []
    for item in extracted:
        other, reason = check.check(item[3], "\n".join(item[2]["text_pages"]))
        if other and case_ref and not include_other_cases:  # evidence of a case of this workspace
            skipped.append({"file": str(item[0]), "reason": f"{item[0].name}：{reason}，未导入（确属本案时可选择仍然导入）",
                            "other_case": other})
            continue
        if other:
            flagged.append({"file": str(item[0]), "reason": f"{item[0].name}：{reason}", "other_case": other})
        kept.append(item)
    extracted = kept
    resumed = False
    typing = case_typing.decide(x.doc_type for *_, x in extracted)
    warnings: list[str] = []
    if case_ref:
        case = ws.load_case(case_ref)
        created = False
        if warn := case_typing.mismatch(case.case_type.value, typing):
            warnings.append(warn)
        case_dir = ws.cases_dir / case.id
        before = resume.marker(case_dir, sources)
        resumed = before is not None and before.get("sources") == sources
        if not resumed:
            resume.mark(case_dir, sources, started)
    else:
        if not extracted:
            result = ImportResult(case="", errors=errors, skipped=skipped)
            return result
        if case_type:
            typing = typing.choose(CaseType(case_type).value)
        elif typing.disagree and ask is not None and (answer := ask(typing)):
            typing = typing.choose(CaseType(answer).value)
        try:
            case = _new_case(ws, [x for *_, x in extracted], folder=_folder_name(paths),
                             files={resume.marker_name(sources): resume.payload(sources, started)}, case_type=typing.case_type)
        except OSError as e:
            if is_disk_full(e):
                raise DiskFullError(f"{disk_full_message(ws.cases_dir)}；没有新建案件，没有导入任何文件") from None
            raise
        created = True
        case_dir = ws.cases_dir / case.id
    result = ImportResult(case=case.id, documents=repeated, errors=errors, created=created, resumed=resumed, skipped=skipped,
                          flagged=flagged, case_type=typing.to_dict() | {"sentence": typing.sentence()}, warnings=warnings)
    stored_before = _tidy_interrupted(case_dir) if resumed else {}
    # what this import adds is recorded before the first document is stored (undo: casefile.ingest.import_records)
    import_record = (import_records.resumed(case_dir, sources) if resumed else None) or import_records.begin(
        case_dir, case.id, sources, started, actor=ws.actor, created=created)
    result.import_id = import_record.id
    stored_xs: list[Extraction] = []
    texts: list[tuple[str, list[str]]] = []  # (file name, pages) of each stored document, for the dossier facts
    stopped = False  # the disk filled up: the import is incomplete and says so until run again
    for n, (f, data, info, x) in enumerate(extracted):
        digest = sha256_bytes(data)
        if digest in stored_before:  # stored by the run that was interrupted
            result.documents.append(DocResult(str(f), x.doc_type, x.confidence, info["pages"], "已导入（上次中断前已保存）",
                                              stored_before[digest], list(x.needs_ocr)))
            stored_xs.append(x)
            texts.append((f.name, info["text_pages"]))
            continue
        status = "已导入"
        if x.needs_ocr:
            status = "需要OCR" if len(x.needs_ocr) == info["pages"] else f"已导入（第{'、'.join(map(str, x.needs_ocr))}页需要OCR）"
            if info["ocr_missing"]:
                from casefile.ingest.ocr import INSTALL_HINT

                status += f"：扫描页没有文字，安装文字识别后重新导入：{INSTALL_HINT}"
        if info["ocr_pages"]:
            conf = "、".join(f"第{p}页 {info['ocr_confidence'].get(p, 0):.0%}" for p in info["ocr_pages"])
            status += f"（文字识别 OCR：{conf}）"
        if x.doc_type == "unknown":
            status += "，类型未识别"
        record = documents.DocRecord(
            file="", doc_type=x.doc_type, title=_title(x, f), origin="imported", confidence=round(x.confidence, 2),
            pages=info["pages"], needs_ocr=list(x.needs_ocr), number=x.fields.get("doc_no", "") if x.doc_type != "unknown" else "",
            date=_date(x.fields.get("date")), source_name=f.name,
            ocr_confidence={str(p): info["ocr_confidence"].get(p, 0.0) for p in info["ocr_pages"]} or None,
        )
        try:
            stored = documents.add_document(case_dir, data, f.name, record, stage="调查", act="导入文书", actor=ws.actor)
        except Exception as e:  # noqa: BLE001 - add_document removes what it wrote; the next files may still fit
            result.errors.append(_failure(f, e))
            if is_disk_full(e):
                # nothing more fits: the rest are named, not tried
                for g, *_ in extracted[n + 1:]:
                    result.errors.append({"file": str(g), "error": f"{g.name}：{disk_full_message(case_dir)}，未导入"})
                stopped = True
                break
            continue
        import_records.add_file(case_dir, import_record, stored, str(f))
        try:
            documents.write_cache(case_dir, stored.sha256, x.to_dict(), EXTRACTION_CACHE)
            if info["ocr_text"] is not None:
                _cache_ocr_text(case_dir, stored.sha256, info["ocr_text"])
        except OSError:
            pass  # a derived cache: recomputed on next use
        stored_xs.append(x)
        texts.append((f.name, info["text_pages"]))
        result.documents.append(DocResult(str(f), x.doc_type, x.confidence, info["pages"], status, stored.file, list(x.needs_ocr),
                                          list(info["ocr_pages"]), dict(info["ocr_confidence"])))
    if stored_xs:
        with ws.case_lock(case.id):  # read, fill and write back the facts as one step
            case = ws.load_case(case.id)
            before = case.model_copy(deep=True)
            filled, conflicts = fill_facts(case, stored_xs, texts=texts)
            if not fill_decision:
                filled = _without_decision(case, before, filled)
            result.facts_filled, result.conflicts = filled, conflicts
            if filled:
                try:
                    ws.save_case(case, act="导入文书补充案件事实", stage="调查")
                    import_records.facts_changed(case_dir, import_record, before, case, filled)
                except OSError as e:
                    if not is_disk_full(e):
                        raise
                    result.facts_filled = []
                    result.errors.append({"file": "", "error": f"案件事实未能补充：{disk_full_message(case_dir)}（文书已导入，腾出空间后可重新导入补充）"})
    if not stopped:
        resume.clear(case_dir, sources)  # complete: the case no longer says 导入未完成
        import_records.finish(case_dir, import_record)
    return result


def _repeat(done: tuple[str, Any], extracted: list) -> tuple[str, list, list[DocResult]]:
    """For an import run again after it finished: (its case, the files it has not stored yet, a
    result line for each file it did store)."""
    cid, rec = done
    stored = {f["sha256"]: f["file"] for f in rec.files}
    new, repeated = [], []
    for f, data, info, x in extracted:
        digest = sha256_bytes(data)
        if digest in stored:
            repeated.append(DocResult(str(f), x.doc_type, x.confidence, info["pages"], f"此前已导入（第 {rec.id} 次导入），未重复导入",
                                      stored[digest], list(x.needs_ocr)))
        else:
            new.append((f, data, info, x))
    return cid, new, repeated


def _within(progress: Callable[[int, int, str], None], i: int, n: int, name: str) -> Callable[[int, int], None]:
    """Progress inside one long file (a 20 MB text reads for minutes): the same line, with how far."""
    return lambda done, total: progress(i, n, f"{name}（已读 {done * 100 // max(total, 1)}%）")


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


def _cache_ocr_text(case_dir: Path, sha256: str, pages: list[str]) -> None:
    """The OCR'd pages under the cache kinds the index ("pages") and the checks ("compact") read, so
    the scan is not read again by them (the same text a fresh read_document would give)."""
    from casefile.ingest.extract.normalize import compact

    documents.write_cache(case_dir, sha256, pages, "pages")
    documents.write_cache(case_dir, sha256, compact("\n".join(pages)).text, "compact")


def _folder_name(paths: list[Path]) -> str:
    dirs = [Path(p) for p in paths if Path(p).is_dir()]
    return dirs[0].name if len(dirs) == 1 else ""


def _title(x: Extraction, f: Path) -> str:
    t = load_catalogue().get(x.doc_type)
    return t.name if t else f.stem


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _new_case(ws: Workspace, xs: list[Extraction], folder: str, files: dict[str, str] | None = None,
              case_type: str = CaseType.PENALTY.value) -> Case:
    decisive = sorted(xs, key=lambda x: (x.doc_type != "decision", x.doc_type == "unknown"))
    number = next((x.fields["doc_no"] for x in decisive if x.fields.get("doc_no") and x.doc_type in ("decision", "penalty_notice", "summary_decision", "no_penalty_decision")), "")
    cid = new_case_id(ws.case_ids(), number=number, hint=folder or "导入案件")
    if number and number in ws.numbers():
        number = ""  # the same 文号 belongs to an existing case: do not claim it twice
    agency = next((x.fields["agency"] for x in decisive if x.fields.get("agency")), "")
    case = Case(id=cid, number=number, agency=agency or ws.profile.name, source="导入", case_type=CaseType(case_type))
    ws.create_case(case, files=files)  # the import's marker is in the folder before the folder appears
    return ws.load_case(cid)


def _party_from(x: Extraction) -> Party | None:
    name = x.fields.get("party")
    if not name:
        return None
    uscc = x.fields.get("uscc", "")
    idc = x.fields.get("id_card", "")
    if uscc and valid_uscc(uscc):
        kind = PartyKind.INDIVIDUAL_BUSINESS if uscc.startswith("92") else PartyKind.LEGAL
        id_number = uscc
    elif any(w in name for w in ("公司", "厂", "店", "部", "中心", "合作社", "医院", "诊所", "馆", "行", "社")):
        kind, id_number = PartyKind.LEGAL, uscc
    else:
        kind, id_number = PartyKind.NATURAL, idc if idc and ("*" in idc or valid_id_card(idc)) else ""
    return Party(kind=kind, name=name, id_number=id_number, address=x.fields.get("address", ""))


_EVENT_ACT = {
    "立案": ActKind.FILING, "现场检查": ActKind.INSPECTION, "告知书送达": ActKind.NOTICE_SERVED, "陈述申辩": ActKind.STATEMENT,
    "放弃陈述申辩": ActKind.STATEMENT_WAIVED, "听证": ActKind.HEARING, "法制审核": ActKind.LEGAL_REVIEW, "决定": ActKind.DECISION,
    "送达": ActKind.SERVICE,
}


def _without_decision(case: Case, before: Case, filled: list[str]) -> list[str]:
    """Set back what a decision document filled — its date, measures, 文号 and the move to 已决定."""
    case.state, case.decided, case.number = before.state, before.decided, before.number
    had = {(a.kind, a.date) for a in before.acts}
    case.acts = [a for a in case.acts if a.kind != ActKind.DECISION or (a.kind, a.date) in had]
    return [f for f in filled if f not in ("state", "decided", "number")]


def fill_facts(case: Case, xs: list[Extraction], texts: list[tuple[str, list[str]]] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Fill empty facts from the extractions; report every disagreement, overwrite nothing.

    ``texts`` (file name, pages) of the same documents, in the same order, let the facts of the
    whole dossier be read too (案由, sector, land and area, amounts: casefile.ingest.facts)."""
    filled: list[str] = []
    conflicts: list[dict[str, Any]] = []

    def put(field_name: str, current: Any, new: Any, setter: Callable[[Any], None], source: str) -> None:
        if new in (None, "", []):
            return
        if current in (None, "", []):
            setter(new)
            filled.append(field_name)
        elif str(current) != str(new):
            conflicts.append({"field": field_name, "present": _s(current), "extracted": _s(new), "document": source})

    order = sorted(xs, key=lambda x: (x.doc_type != "decision", x.doc_type == "unknown"))
    for x in order:
        src = x.doc_type
        put("number", case.number, x.fields.get("doc_no") if x.doc_type in ("decision", "summary_decision", "no_penalty_decision") else None,
            lambda v: setattr(case, "number", v), src)
        put("agency", case.agency, x.fields.get("agency"), lambda v: setattr(case, "agency", v), src)
        p = _party_from(x)
        if p:
            if not case.parties:
                case.parties = [p]
                filled.append("parties[1]")
            else:
                cur = case.parties[0]
                put("parties[1].name", cur.name, p.name, lambda v: setattr(cur, "name", v), src)
                put("parties[1].id_number", cur.id_number, p.id_number, lambda v: setattr(cur, "id_number", v), src)
                put("parties[1].address", cur.address, p.address, lambda v: setattr(cur, "address", v), src)
        laws = [c for c in x.citations if c.get("article")]
        if x.doc_type in _DECISIONS and laws and not case.violation.violated:
            refs = []
            for c in laws:
                try:
                    refs.append(LawRef(law=c["law"], article=c["article"], paragraph=c.get("paragraph"), item=c.get("item")))
                except ValueError:
                    continue
            if refs:
                case.violation.violated = refs
                filled.append("violation.violated")
    # dated acts: first from the documents that record them (a 现场笔录 is the inspection,
    # with its officers), then from the decision's narrative for kinds still missing
    have = {(a.kind, a.date) for a in case.acts}
    added = 0
    for x in order:
        # the date under a decision's seal is the decision's date, whatever its narrative mentions
        if x.doc_type in _DECISIONS and x.fields.get("date") and not case.acts_of(ActKind.DECISION):
            d = dt.date.fromisoformat(x.fields["date"])
            case.acts.append(Act(kind=ActKind.DECISION, date=d, note="决定书落款日期"))
            have.add((ActKind.DECISION, d))
            added += 1
        act = _act_of_document(x)
        if act and (act.kind, act.date) not in have and not case.acts_of(act.kind):
            case.acts.append(act)
            have.add((act.kind, act.date))
            added += 1
    # the dated events of a narrative are read as a penalty decision tells its procedure; the papers of
    # the other types record their own acts (casefile.ingest.doc_acts)
    for x in order if case.case_type is CaseType.PENALTY else []:
        for ev in x.events:
            kind = _EVENT_ACT.get(ev.act)
            if kind is None or (kind == ActKind.DECISION and x.doc_type in _DECISIONS):
                # a decision's own date is the one under its seal, never a date of its narrative
                continue
            key = (kind, dt.date.fromisoformat(ev.date))
            if key not in have and not case.acts_of(kind):
                case.acts.append(Act(kind=kind, date=key[1], note=ev.text[:60]))
                have.add(key)
                added += 1
    if texts:
        more, extra = doc_acts.acts_from(case, [(x.doc_type, "\n".join(pages)) for (_, pages), x in zip(texts, xs)])
        added += more
        filled += extra
    if added:
        filled.append(f"acts（{added}项）")
    if case.state == CaseState.OPENED and any(case.acts_of(k) for k in DECIDING_ACTS):
        case.state = CaseState.DECIDED  # the documents show a decision: the case is past investigation
        filled.append("state")
    # a decision's fines, as measures, when the case has none
    for x in order:
        if x.doc_type in _DECISIONS and not case.decided and x.fields.get("measures"):
            # each measure of the operative part with the provisions it rests on
            ms = []
            for m in x.fields["measures"]:
                basis = []
                for c in m.get("basis", []):
                    try:
                        basis.append(LawRef(law=c["law"], article=c["article"], paragraph=c.get("paragraph"), item=c.get("item")))
                    except (ValueError, TypeError):
                        continue
                try:
                    ms.append(Measure(kind=m["kind"], amount=Decimal(m["amount"]) if m.get("amount") else None, basis=basis, note="从决定书中抽取"))
                except ValueError:
                    continue
            if ms:
                case.decided = ms
                filled.append("decided")
        if x.doc_type in ("decision", "summary_decision") and not case.decided:
            fine = _fine_from(x)
            if fine is not None:
                basis = []
                for c in x.fields.get("penalty_basis", []):
                    try:
                        basis.append(LawRef(law=c["law"], article=c["article"], paragraph=c.get("paragraph"), item=c.get("item")))
                    except (ValueError, TypeError):
                        continue
                case.decided = [Measure(kind="罚款", amount=fine, basis=basis, note="从决定书中抽取")]
                filled.append("decided")
        for key, attr in (("sales_amount", "sales_amount"), ("goods_value", "goods_value"), ("illegal_income", "illegal_income")):
            if x.fields.get(key) and getattr(case.violation, attr) is None:
                setattr(case.violation, attr, Decimal(x.fields[key]))
                filled.append(f"violation.{attr}")
    if texts:
        from casefile.ingest import facts as dossier_facts
        df = dossier_facts.from_texts((name, x.doc_type, _title_of(x.doc_type, name), pages) for (name, pages), x in zip(texts, xs))
        filled += dossier_facts.apply(case, df)
    return filled, conflicts


_DECISIONS = ("decision", "summary_decision", "no_penalty_decision")
TITLE_CONFIDENCE = 0.85  # classify: a title on a line of its own; below it, a name met inside a sentence or the content


def _type_from_file_name(x: Extraction, f: Path) -> None:
    """A text without a title of its own (a party's letter: 致……局：我单位已收到你局行政处罚告知书……) typed
    by its file's name when the name is a title: a name met in a sentence or the content is a weaker
    witness than the title the archive gave the file. Decisions are left to
    their own reading (their fields are read only when the text is one)."""
    from casefile.ingest.classify import by_file_name

    named = by_file_name(f.stem)
    if x.confidence < TITLE_CONFIDENCE and named and named != x.doc_type and x.doc_type not in _DECISIONS and named not in _DECISIONS:
        x.doc_type, x.confidence = named, TITLE_CONFIDENCE - 0.05


def _title_of(code: str, fallback: str) -> str:
    from doc_templates.catalogue import load_catalogue

    t = load_catalogue().get(code)
    return t.name if t else Path(fallback).stem


_DOC_ACT = {
    "filing_approval": (ActKind.FILING, "last"), "onsite_record": (ActKind.INSPECTION, "first"),
    "inquiry_record": (ActKind.INQUIRY, "first"), "hearing_notice": (ActKind.HEARING_NOTICE, "last"),
    "hearing_record": (ActKind.HEARING, "first"), "legal_review_opinion": (ActKind.LEGAL_REVIEW, "last"),
    "penalty_notice": (ActKind.NOTICE, "last"), "statement_record": (ActKind.STATEMENT, "last"),
    "collective_discussion": (ActKind.COLLECTIVE_DISCUSSION, "first"),
}


def _act_of_document(x: Extraction) -> Act | None:
    dates = [dt.date.fromisoformat(e.value) for e in x.of("DATE")]
    if not dates:
        return None
    certs = list(dict.fromkeys(e.value for e in x.of("CERT")))
    if x.doc_type == "service_receipt":
        served = x.fields.get("served_doc", "")
        kind = ActKind.SERVICE if "决定书" in served else ActKind.NOTICE_SERVED if "告知书" in served else None
        return Act(kind=kind, date=dates[-1], officers=certs, note=f"送达回证：{served}") if kind else None
    spec = _DOC_ACT.get(x.doc_type)
    if spec is None:
        return None
    kind, which = spec
    return Act(kind=kind, date=dates[0] if which == "first" else dates[-1], officers=certs if kind in (ActKind.INSPECTION, ActKind.INQUIRY) else [],
               note=f"据导入的《{_title_of(x.doc_type, x.doc_type)}》")


def _fine_from(x: Extraction) -> Decimal | None:
    """The fine is the amount written after “罚款” in the decision's operative part."""
    return Decimal(x.fields["fine"]) if x.fields.get("fine") else None


def _s(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date) else v
