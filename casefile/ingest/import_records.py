"""What each import added to a case, so that it can be taken back.

Every import into a case writes ``imports/<n>.json`` in the case folder: the files it
stored (with their hashes), the case facts just before and just after it filled them,
and the review rounds that existed. The record is written before the first document
is stored and after each one, so an import that is interrupted can still be undone
for what it did store.

:func:`undo` removes exactly the documents the import added and sets back the facts it
changed, in one journal entry "撤销导入 …" (and one for the facts, as every change of
facts is journalled). It refuses — saying why, in Chinese — when the case changed
since in a way that conflicts: an imported document changed, a fact the import filled
was changed again, or a review round was opened on the imported documents. Facts the
import did not touch, and documents added later, are left as they are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile.store import documents

from casefile.chain import journal
from casefile.errors import UndoRefused, UsageError
from casefile.ingest.facts import field_label
from casefile.store.fsutil import atomic_write_text, sha256_file
from casefile.chain.heads import HEAD_KEY  # moves with every journal entry, never part of the facts
from casefile.model import Case
from casefile.model.validation import validate
from casefile.store.workspace import CASE_FILE, Workspace, diff_facts, stage_of_state

IMPORTS = "imports"


@dataclass
class ImportRecord:
    id: str
    case: str
    started: str
    actor: str = ""
    sources: list[str] = field(default_factory=list)
    created_case: bool = False
    files: list[dict[str, str]] = field(default_factory=list)  # {file, sha256, doc_type, title, source}
    facts_before: dict[str, Any] | None = None
    facts_after: dict[str, Any] | None = None
    facts_filled: list[str] = field(default_factory=list)
    rounds: list[str] = field(default_factory=list)  # review rounds present when the import ran
    finished: str = ""
    undone: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ImportRecord":
        return cls(**{k: d[k] for k in cls.__dataclass_fields__ if k in d})

    def summary(self) -> dict[str, Any]:
        """For lists: id, when, what it added, whether it was taken back."""
        state = "已撤销" if self.undone else ("已完成" if self.finished else "未完成")
        return {"id": self.id, "started": self.started, "actor": self.actor, "sources": self.sources,
                "documents": len(self.files), "files": [f["file"] for f in self.files], "facts_filled": self.facts_filled,
                "created_case": self.created_case, "state": state, "undone": self.undone}


def _dir(case_dir: Path) -> Path:
    return Path(case_dir) / IMPORTS


def _path(case_dir: Path, import_id: str) -> Path:
    if not import_id.isdigit():
        raise UsageError(f"导入编号“{import_id}”无效：应为数字（用 casefile import list 查看）")
    return _dir(case_dir) / f"{int(import_id):04d}.json"


def facts_of(case_dir: Path) -> dict[str, Any]:
    """case.toml as data, without the journal head (which every journal entry moves on)."""
    import tomllib

    with open(Path(case_dir) / CASE_FILE, "rb") as f:
        data = tomllib.load(f)
    data.pop(HEAD_KEY, None)
    return data


def _json(v: Any) -> Any:
    return json.loads(json.dumps(v, ensure_ascii=False, default=str))


def save(case_dir: Path, rec: ImportRecord) -> None:
    atomic_write_text(_path(case_dir, rec.id), json.dumps(rec.to_dict(), ensure_ascii=False, indent=1, default=str))


def records(case_dir: Path) -> list[ImportRecord]:
    d = _dir(case_dir)
    out = []
    if d.is_dir():
        for p in sorted(d.glob("*.json")):
            try:
                out.append(ImportRecord.from_dict(json.loads(p.read_text(encoding="utf-8"))))
            except (OSError, ValueError, TypeError):
                continue  # a damaged record: that import cannot be undone, the others can
    return sorted(out, key=lambda r: int(r.id))


def begin(case_dir: Path, case_id: str, sources: list[str], started: str, *, actor: str | None, created: bool) -> ImportRecord:
    """A new record, written before the import stores anything."""
    case_dir = Path(case_dir)
    ids = [int(r.id) for r in records(case_dir)]
    nums = [int(p.stem) for p in _dir(case_dir).glob("*.json") if p.stem.isdigit()] if _dir(case_dir).is_dir() else []
    rec = ImportRecord(id=str(max(ids + nums, default=0) + 1), case=case_id, started=started, actor=actor or journal.default_actor(),
                       sources=list(sources), created_case=created,
                       rounds=sorted(p.name for p in (case_dir / "reviews").glob("round-*")) if (case_dir / "reviews").is_dir() else [])
    save(case_dir, rec)
    return rec


def resumed(case_dir: Path, sources: list[str]) -> ImportRecord | None:
    """The unfinished record of the same import, which a resumed import continues."""
    for rec in reversed(records(case_dir)):
        if not rec.finished and not rec.undone and rec.sources == list(sources):
            return rec
    return None


def finished_import(cases_dir: Path, case_ids: list[str], sources: list[str]) -> tuple[str, ImportRecord] | None:
    """The case and record of a finished, not undone import of the same ``sources`` (the latest), so
    running an import again continues into its case instead of making a copy "-2"."""
    found = None
    for cid in case_ids:
        d = Path(cases_dir) / cid
        if not _dir(d).is_dir():
            continue
        for rec in records(d):
            if rec.finished and not rec.undone and rec.sources == list(sources):
                if found is None or rec.finished > found[1].finished:
                    found = (cid, rec)
    return found


def add_file(case_dir: Path, rec: ImportRecord, stored: documents.DocRecord, source: str) -> None:
    rec.files.append({"file": stored.file, "sha256": stored.sha256, "doc_type": stored.doc_type, "title": stored.title, "source": source})
    save(case_dir, rec)


def facts_changed(case_dir: Path, rec: ImportRecord, before: Case, after: Case, filled: list[str]) -> None:
    """The facts as they were just before the import filled them, and just after."""
    rec.facts_before, rec.facts_after = _json(before.to_toml_dict()), _json(after.to_toml_dict())
    rec.facts_filled = list(filled)
    save(case_dir, rec)


def finish(case_dir: Path, rec: ImportRecord) -> None:
    rec.finished = journal.now_iso()
    save(case_dir, rec)


def find(case_dir: Path, import_id: str | None) -> ImportRecord:
    """The import ``import_id``, or the latest one not yet undone."""
    recs = records(case_dir)
    if import_id is None:
        live = [r for r in recs if not r.undone]
        if not live:
            raise UsageError(f"案件 {Path(case_dir).name} 没有可撤销的导入" + ("（已有的导入都已撤销）" if recs else ""))
        return live[-1]
    want = str(int(import_id)) if str(import_id).isdigit() else str(import_id)
    for r in recs:
        if r.id == want:
            return r
    raise UsageError(f"案件 {Path(case_dir).name} 没有第 {import_id} 次导入",
                     details=["已有的导入：" + ("、".join(f"第{r.id}次" for r in recs) or "无")])


# -- undo ---------------------------------------------------------------------------------------

_MISSING = object()


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return _MISSING
        data = data[part]
    return data


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    if value is _MISSING:
        data.pop(last, None)
    else:
        data[last] = value


def _norm(v: Any) -> Any:
    return _json(v) if v is not _MISSING else v


def conflicts(ws: Workspace, rec: ImportRecord) -> tuple[list[str], list[str], list[str]]:
    """(why the import cannot be undone, the fact paths it changed, the files still to remove)."""
    case_dir = ws.cases_dir / rec.case
    problems: list[str] = []
    if rec.undone:
        problems.append(f"第{rec.id}次导入已于 {rec.undone.get('time', '')} 撤销")
        return problems, [], []
    reg = documents.load_register(case_dir)
    remove: list[str] = []
    for f in rec.files:
        cur = reg.get(f["file"])
        on_disk = case_dir / f["file"]
        if cur is None:
            continue  # removed since (journalled then): nothing left to take back
        if cur.sha256 != f["sha256"]:
            problems.append(f"{f['file']} 在导入后被替换过（登记的内容已不同），撤销会丢掉替换后的文书")
        elif on_disk.exists() and sha256_file(on_disk) != f["sha256"]:
            problems.append(f"{f['file']} 在导入后被 casefile 以外的程序改动过，撤销会丢掉改动")
        else:
            remove.append(f["file"])
    now = facts_of(case_dir)
    changed: list[str] = []
    if rec.facts_before is not None and rec.facts_after is not None:
        changed = sorted(diff_facts(rec.facts_before, rec.facts_after))
        for path in changed:
            if _norm(_get(now, path)) != _norm(_get(rec.facts_after, path)):
                problems.append(f"案件事实“{field_label(path)}”在导入后又被修改过，撤销会覆盖这次修改")
    rounds = sorted(p.name for p in (case_dir / "reviews").glob("round-*")) if (case_dir / "reviews").is_dir() else []
    new_rounds = [r for r in rounds if r not in rec.rounds]
    if new_rounds and rec.files:
        problems.append(f"导入后已开始法制审核（{'、'.join('第' + r.split('-')[1] + '轮' for r in new_rounds)}），"
                        "审核依据了导入的文书，撤销会使审核记录失去依据")
    return problems, changed, remove


def undo(ws: Workspace, case_id: str, import_id: str | None = None) -> dict[str, Any]:
    """Take back an import (the latest when ``import_id`` is None). Holds the case lock throughout."""
    case_dir = ws.cases_dir / case_id
    with ws.case_lock(case_id):
        rec = find(case_dir, import_id)
        problems, changed, remove = conflicts(ws, rec)
        later = [r.id for r in records(case_dir) if int(r.id) > int(rec.id) and not r.undone and r.files]
        if problems and later:
            problems.append(f"之后还有{'、'.join('第' + i + '次' for i in later)}导入未撤销，可先撤销它们（从最近的一次开始）")
        if problems:
            raise UndoRefused(f"不能撤销案件 {case_id} 的第{rec.id}次导入", details=problems)
        # documents first: the register once, then the files, then one journal entry naming them
        reg = documents.load_register(case_dir)
        removed_recs = [d for d in reg.documents if d.file in remove]
        reg.documents = [d for d in reg.documents if d.file not in remove]
        documents.save_register(case_dir, reg)
        for f in remove:
            (case_dir / f).unlink(missing_ok=True)
        case = ws.load_case(case_id)
        title = f"撤销导入（第{rec.id}次，{rec.started[:16].replace('T', ' ')}）"
        entry = journal.append(case_dir, title, stage_of_state(case.state),
                               {"import": rec.id, "removed": [{"file": d.file, "title": d.title, "old": d.sha256} for d in removed_recs],
                                "sources": rec.sources},
                               docs={f: None for f in remove}, actor=ws.actor)
        restored: dict[str, Any] = {}
        if changed:
            now = facts_of(case_dir)
            for path in changed:
                _put(now, path, _get(rec.facts_before, path))
            back = validate(Case, now, f"{case_id}/{CASE_FILE}（撤销导入）")
            restored = ws.save_case(back, act=f"{title}：恢复导入前的案件事实", stage=stage_of_state(back.state))
        rec.undone = {"time": journal.now_iso(), "actor": ws.actor or journal.default_actor(), "journal_seq": entry["seq"],
                      "removed": remove, "facts": changed}
        save(case_dir, rec)
        return {"case": case_id, "import": rec.id, "removed": remove, "facts_restored": changed,
                "journal": [entry["seq"]] + ([restored["seq"]] if restored else []), "created_case": rec.created_case}
