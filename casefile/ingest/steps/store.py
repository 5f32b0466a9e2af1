"""The store step: each document into the case with its register entry, journalled, and recorded in the
import's record (undo: casefile.ingest.import_records) — the record begun before the first one. A file
the interrupted run stored already is not stored again; a full disk removes the file being written,
names the files after it as not imported and leaves the import marked incomplete until run again.
``finish`` marks the import complete."""

from __future__ import annotations

import datetime as dt

from casefile.ingest import import_records, resume
from casefile.ingest.extraction_cache import store_extraction
from casefile.ingest.limits import disk_full_message, is_disk_full
from casefile.ingest.steps.state import DocResult, ImportRun, Item, failure
from casefile.store import documents
from doc_templates.catalogue import load_catalogue


def store(run: ImportRun) -> None:
    case_dir, result = run.case_dir, run.result
    assert run.case is not None, "open the case before storing"
    run.record = (import_records.resumed(case_dir, run.sources) if result.resumed else None) or import_records.begin(
        case_dir, run.case.id, run.sources, run.started, actor=run.ws.actor, created=result.created)
    result.import_id = run.record.id
    for n, item in enumerate(run.items):
        x, digest = item.x, item.sha256
        if digest in run.stored_before:  # stored by the run that was interrupted
            result.documents.append(DocResult(str(item.path), x.doc_type, x.confidence, item.pages, "已导入（上次中断前已保存）",
                                              run.stored_before[digest], list(x.needs_ocr)))
            run.stored.append(item)
            continue
        try:
            stored = documents.add_document(case_dir, item.data, item.path.name, _register_entry(item), stage="调查",
                                            act="导入文书", actor=run.ws.actor)
        except Exception as e:  # noqa: BLE001 - add_document removes what it wrote; the next files may still fit
            result.errors.append(failure(item.path, e))
            if is_disk_full(e):  # nothing more fits: the rest are named, not tried
                result.errors += [{"file": str(g.path), "error": f"{g.path.name}：{disk_full_message(case_dir)}，未导入"}
                                  for g in run.items[n + 1:]]
                run.stopped = True
                break
            continue
        import_records.add_file(case_dir, run.record, stored, str(item.path))
        try:
            store_extraction(case_dir, stored.sha256, x, item.ocr_text)
        except OSError:
            pass  # a derived cache: recomputed on next use
        run.stored.append(item)
        result.documents.append(DocResult(str(item.path), x.doc_type, x.confidence, item.pages, status(item), stored.file,
                                          list(x.needs_ocr), list(item.ocr_pages), dict(item.ocr_confidence)))


def status(item: Item) -> str:
    """What the person reads beside the file: imported, with the pages that need or had OCR, or its type unknown."""
    x, text = item.x, "已导入"
    if x.needs_ocr:
        text = "需要OCR" if len(x.needs_ocr) == item.pages else f"已导入（第{'、'.join(map(str, x.needs_ocr))}页需要OCR）"
        if item.ocr_missing:
            from casefile.ingest.ocr import INSTALL_HINT

            text += f"：扫描页没有文字，安装文字识别后重新导入：{INSTALL_HINT}"
    if item.ocr_pages:
        conf = "、".join(f"第{p}页 {item.ocr_confidence.get(p, 0):.0%}" for p in item.ocr_pages)
        text += f"（文字识别 OCR：{conf}）"
    if x.doc_type == "unknown":
        text += "，类型未识别"
    return text


def _register_entry(item: Item) -> documents.DocRecord:
    x = item.x
    t = load_catalogue().get(x.doc_type)
    date = x.fields.get("date")
    return documents.DocRecord(
        file="", doc_type=x.doc_type, title=t.name if t else item.path.stem, origin="imported", confidence=round(x.confidence, 2),
        pages=item.pages, needs_ocr=list(x.needs_ocr), number=x.fields.get("doc_no", "") if x.doc_type != "unknown" else "",
        date=dt.date.fromisoformat(date) if date else None, source_name=item.path.name,
        ocr_confidence={str(p): item.ocr_confidence.get(p, 0.0) for p in item.ocr_pages} or None,
    )


def finish(run: ImportRun) -> None:
    """Complete (the disk did not fill up): the case no longer says 导入未完成, the record is finished."""
    if not run.stopped:
        resume.clear(run.case_dir, run.sources)
        import_records.finish(run.case_dir, run.record)
