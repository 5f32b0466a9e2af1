"""What is evaluated, and evaluating one of them outside the workspace.

A unit is one thing a 评查人员 scores: a lone document, a dossier (a folder of one
case's documents), an exported package (.zip), or a case of the workspace. Files,
folders and packages are imported into a scratch workspace of this process (a copy
of the agency's profile, officers, calendar and law library), checked in evaluate
mode and removed again: the agency's own workspace is never written. A workspace
case is checked where it is, without a journal entry."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from casefile.ingest.classify import UNKNOWN, classify
from casefile.errors import CasefileError
from casefile.ingest.importer import import_paths
from casefile.model import ActKind, Case
from casefile.store.package import import_package
from casefile.ingest.textio import SUPPORTED, read_document
from casefile.store.workspace import OFFICERS_FILE, PROFILE_FILE, AgencyProfile, Workspace
from checklists.engine import check_case, context_for
from checklists.evaluation import coverage, standards

HERE = Path(__file__).resolve().parent
PACKAGE = ".zip"
SHARED_FILES = (PROFILE_FILE, OFFICERS_FILE, "calendar.toml")
SHARED_DIRS = ("laws", "profiles")
UNEVALUATED = "无法评查"
ABRIDGED_REASON = "公示摘要版本：只公开了决定的要点（无证据列举或救济告知），不是完整的决定书，不评分"


def unit(kind: str, path: str, key: str) -> dict[str, str]:
    return {"kind": kind, "path": path, "key": key}


def collect(paths: list[Path], *, dossier: bool = False) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(units, problems). A file is a lone document (a .zip a package); a folder that holds one case's
    documents is one dossier (:func:`looks_like_one_case`), else its own files are each a lone document
    and each sub-folder holding documents is one dossier; ``dossier``: each folder given is one dossier. Keys name a unit by its place under the path given, so the same files give
    the same keys wherever they are copied (sampling is drawn over the sorted keys)."""
    units, problems = [], []
    for p in paths:
        if p.is_file():
            kind = "package" if p.suffix.lower() == PACKAGE else "file" if p.suffix.lower() in SUPPORTED else ""
            if kind:
                units.append(unit(kind, str(p), p.name))
            else:
                problems.append({"file": str(p), "error": f"{p.name}：不是可评查的文件（支持 {'、'.join(SUPPORTED + (PACKAGE,))}）"})
        elif p.is_dir():
            units += _folder(p, dossier)
        else:
            problems.append({"file": str(p), "error": f"{p}：文件或目录不存在"})
    return units, problems


def documents_under(folder: Path) -> list[Path]:
    return [f for f in folder.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED]


@lru_cache(maxsize=1)
def _final_decisions() -> frozenset[str]:
    with open(HERE / "units.toml", "rb") as f:
        return frozenset(tomllib.load(f)["final_decisions"])


def looks_like_one_case(files: list[Path]) -> bool:
    """Two or more documents, at most one a final decision and one at least of another known type
    (``units.toml``). Reading stops at the second decision, so a batch of decisions costs two reads."""
    if len(files) < 2:
        return False
    decisions = others = 0
    for f in files:
        try:
            text = read_document(f).text
        except CasefileError:
            continue  # unreadable: the evaluation names it
        code, _ = classify(text.splitlines(), text)
        decisions += code in _final_decisions()
        others += code not in _final_decisions() and code != UNKNOWN
        if decisions > 1:
            return False
    return others > 0


def _folder(root: Path, dossier: bool) -> list[dict[str, str]]:
    docs = [p for p in sorted(root.iterdir()) if p.is_file() and p.suffix.lower() in SUPPORTED]
    if dossier or (len(docs) == len(documents_under(root)) and looks_like_one_case(docs)):
        return [unit("dossier", str(root), root.name)] if documents_under(root) else []
    out = []
    for p in sorted(root.iterdir()):
        if p.is_file() and p.suffix.lower() in SUPPORTED:
            out.append(unit("file", str(p), f"{root.name}/{p.name}"))
        elif p.is_file() and p.suffix.lower() == PACKAGE:
            out.append(unit("package", str(p), f"{root.name}/{p.name}"))
        elif p.is_dir() and not p.is_symlink() and documents_under(p):
            out.append(unit("dossier", str(p), f"{root.name}/{p.name}"))
    return out


class Evaluator:
    """Evaluates units in one process: a scratch workspace built from the agency's (if any)."""

    def __init__(self, source: Path | None, today: dt.date, standard: str, scratch: Path | None = None):
        self.source = Workspace.open(source) if source else None
        self.today = today
        self.standard = standards.load(standard)
        self._dir = Path(tempfile.mkdtemp(prefix="casefile-evaluate-", dir=scratch))
        self.scratch = self._scratch_workspace(self._dir / "ws")

    def _scratch_workspace(self, root: Path) -> Workspace:
        if self.source is None:
            return Workspace.init(root, AgencyProfile(name="评查组"))
        root.mkdir(parents=True)
        for name in SHARED_FILES:
            if (self.source.root / name).is_file():
                shutil.copy2(self.source.root / name, root / name)
        for name in SHARED_DIRS:  # read only by the checks: linked, not copied
            if (self.source.root / name).is_dir():
                (root / name).symlink_to(self.source.root / name)
        (root / "cases").mkdir()
        return Workspace.open(root)

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)

    def evaluate(self, u: dict[str, str]) -> dict[str, Any]:
        t0 = time.perf_counter()
        try:
            out = self._case(u) if u["kind"] == "case" else self._imported(u)
        except CasefileError as e:
            out = {"error": f"{Path(u['path']).name}：{e}"}
        except Exception as e:  # a defect of casefile on one file: reported, the rest go on
            out = {"error": f"{Path(u['path']).name}：处理时出错（{type(e).__name__}：{str(e)[:200]}）；这是 casefile 的缺陷，请报告"}
        if "error" in out:  # the same keys as a result, so a script reads every line alike
            out = {"doc_no": "", "agency": "", "handlers": [], "decided": "", "month": "", "scored": False, "reason": out["error"],
                   "score": None, "full": None, "grade": UNEVALUATED, "vetoed": False, "items": [], "findings": [], "coverage": [], **out}
        out.update(file=u["path"], kind=u["kind"], key=u["key"], elapsed_ms=round((time.perf_counter() - t0) * 1000, 1))
        return out

    def _imported(self, u: dict[str, str]) -> dict[str, Any]:
        path = Path(u["path"])
        if u["kind"] == "package":
            case_id = import_package(self.scratch, path)["case"]
        else:
            imp = import_paths(self.scratch, [path])
            if not imp.documents:
                errors = [e["error"] for e in imp.errors] or [f"{path.name}：没有可评查的文书"]
                return {"error": "；".join(errors)}
            case_id = imp.case
        try:
            return self._result(self.scratch, case_id, lone=u["kind"] == "file")
        finally:
            shutil.rmtree(self.scratch.cases_dir / case_id, ignore_errors=True)

    def _case(self, u: dict[str, str]) -> dict[str, Any]:
        return self._result(self.source, u["path"], lone=False)

    def _result(self, ws: Workspace, case_id: str, *, lone: bool) -> dict[str, Any]:
        ctx = context_for(ws, case_id, self.today)
        res = check_case(ctx, "evaluate")
        found, notes = coverage.split(res.to_dict(), lone=lone and len(ctx.register.documents) == 1)
        out = describe(ctx.case, ws)
        out["case"] = case_id if ws is self.source else ""
        if res.abridged or res.score is None:  # a 公示摘要, or a case type without a rule pack: not scored
            reason = ABRIDGED_REASON if res.abridged else "；".join(f["message"] for f in found)
            out.update(scored=False, reason=reason, score=None, full=None, grade=res.verdict, vetoed=False, items=[])
            for f in found:
                f.update(item="", item_name="", points=0.0, veto=False)
        else:
            s = standards.score(found, self.standard, notes)
            out.update(scored=True, reason="", score=s["total"], full=s["full"], grade=s["grade"], vetoed=s["vetoed"], items=s["items"])
        out.update(standard=self.standard.name, findings=[_slim(f) for f in found], coverage=[_slim(f) for f in notes])
        return out


def _slim(f: dict[str, Any]) -> dict[str, Any]:
    """A finding as kept: what it says and the text it rests on (evidence cut to its quotes)."""
    keep = {k: f[k] for k in ("rule", "category", "severity", "message", "basis", "item", "item_name", "points", "veto") if k in f}
    keep["evidence"] = [{k: (v[:300] if isinstance(v, str) else v) for k, v in e.items()} for e in f.get("evidence", ()) if e][:3]
    return keep


def describe(case: Case, ws: Workspace) -> dict[str, Any]:
    """What a report says of the dossier: its 文号, agency, handlers, type and decision month."""
    decided = [a.date for a in case.acts if a.kind == ActKind.DECISION]
    certs = list(dict.fromkeys(case.handlers + [c for a in case.acts for c in a.officers]))
    reg = ws.officers()
    handlers = [(o.name if (o := reg.by_certificate(c)) else c) for c in certs]
    return {"doc_no": case.number, "agency": case.agency, "case_type": case.case_type.value, "sector": case.sector,
            "handlers": handlers, "decided": decided[-1].isoformat() if decided else "",
            "month": decided[-1].strftime("%Y-%m") if decided else "", "title": case.title}
