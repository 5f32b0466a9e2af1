"""The bundled demo workspace: six cases of four sectors, each in a different state.

The data lives in ``casefile/data/demo`` (TOML, as a person would write it); this
module only copies it into a fresh workspace and lets each case's later steps run.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.store import documents, users
from casefile.output.binding import finish_dossier
from casefile.errors import WorkspaceError
from casefile.model import Case, CaseState
from casefile.model.names import safe_name
from casefile.output.render import render_document
from casefile.law.requirements import required_documents
from casefile.model.validation import validate
from casefile.store.workspace import PROFILE_FILE, AgencyProfile, OfficerRegister, Workspace, default_root

DEMO_MARK = ".casefile-demo"
# The demo's facts are dated up to this day; documents dated "today" use it so the
# demo looks the same whenever it is built.
DEMO_TODAY = dt.date(2026, 11, 23)


def shifted(data: Any, shift: dt.timedelta) -> Any:
    """Every date in ``data`` (a TOML table) moved by ``shift``: the demo built on another day
    keeps its cases as many days from 'today' as on DEMO_TODAY, so none shows 逾期 for having aged."""
    if isinstance(data, dict):
        return {k: shifted(v, shift) for k, v in data.items()}
    if isinstance(data, list):
        return [shifted(v, shift) for v in data]
    if isinstance(data, dt.date) and not isinstance(data, dt.datetime):
        return data + shift
    return data


def demo_shift(today: dt.date | None) -> dt.timedelta:
    """Whole weeks from DEMO_TODAY to ``today`` (weekdays, hence 工作日 deadlines, stay as written)."""
    return dt.timedelta(weeks=((today - DEMO_TODAY).days // 7)) if today else dt.timedelta(0)


def demo_data() -> Path:
    return Path(str(resources.files("casefile") / "data" / "demo"))


def demo_cases(shift: dt.timedelta = dt.timedelta(0)) -> list[Case]:
    out = []
    for p in sorted((demo_data() / "cases").glob("*.toml")):
        with open(p, "rb") as f:
            out.append(validate(Case, shifted(tomllib.load(f), shift), str(p)))
    return out


def build_demo(root: Path | str | None, *, force: bool = False, today: dt.date | None = None) -> Workspace:
    """The demo workspace; with ``today`` its cases are dated relative to that day (whole weeks
    from DEMO_TODAY), else as written."""
    root = Path(root) if root else default_root()
    if root.exists() and any(root.iterdir()):
        if force and (root / DEMO_MARK).exists():
            shutil.rmtree(root)
        elif (root / DEMO_MARK).exists():
            raise WorkspaceError(f"{root} 已经是演示工作区，未做改动", details=["加 --force 删除后重建"])
        else:
            raise WorkspaceError(f"{root} 不是空目录，为避免覆盖已有文件，未做任何改动")
    data = demo_data()
    with open(data / PROFILE_FILE, "rb") as f:
        profile = validate(AgencyProfile, tomllib.load(f), "演示工作区配置")
    shift = demo_shift(today)
    with open(data / "officers.toml", "rb") as f:
        officers = validate(OfficerRegister, shifted(tomllib.load(f), shift), "演示人员清单")
    ws = Workspace.init(root, profile, officers.officers)
    (ws.root / DEMO_MARK).write_text("casefile demo workspace\n", encoding="utf-8")
    shutil.copy(data / users.USERS_FILE, ws.root / users.USERS_FILE)  # a user for each role, by the cases' officers
    if users.load(ws.root).get(users.os_login()) is None:
        users.register_first_admin(ws.root)
    for case in demo_cases(shift):
        ws.create_case(case)
    for step in DEMO_STEPS:
        step(ws, shift)
    return ws


def render_due_documents(ws: Workspace, shift: dt.timedelta) -> None:
    """Every document each demo case requires by its state, rendered from the facts;
    the archived case also gets its 卷内目录, 备考表 and 封面."""
    for case in ws.try_load_cases()[0]:
        for dtype, _ in required_documents(ws, case):
            if dtype.template and dtype.code not in ("toc", "remarks", "cover"):
                render_document(ws, case.id, dtype.code, today=DEMO_TODAY + shift)
        if case.evidence and case.state not in (CaseState.OPENED,):
            render_document(ws, case.id, "evidence_list", today=DEMO_TODAY + shift)
        if case.state == CaseState.ARCHIVED:
            finish_dossier(ws, case.id, today=DEMO_TODAY + shift)


def add_imported_materials(ws: Workspace, shift: dt.timedelta) -> None:
    """Receipts and records that no template produces (they arrive from banks and
    other offices); written as plain .docx and registered as imported documents."""
    from docx import Document

    with open(demo_data() / "imported.toml", "rb") as f:
        items = shifted(tomllib.load(f), shift)["documents"]
    for item in items:
        doc = Document()
        for line in item["text"].splitlines():
            doc.add_paragraph(line)
        buf = io.BytesIO()
        doc.save(buf)
        record = documents.DocRecord(file="", doc_type=item["doc_type"], title=item["title"], origin="imported",
                                     confidence=1.0, date=item.get("date"), source_name=item["title"] + ".docx")
        documents.add_document(ws.cases_dir / item["case"], buf.getvalue(), safe_name(item["title"]) + ".docx", record,
                               stage="执行", act="导入文书", actor=ws.actor)


# Later capabilities (documents, reviews, evidence) add the steps that bring each
# demo case to its state; each takes the workspace and the shift of its dates.
def draw_demo_inspection(ws: Workspace, shift: dt.timedelta) -> None:
    """The 事项 the agency publishes and one 双随机 draw from a roll of ten firms."""
    from casefile.output.inspection import draw

    shutil.copy(demo_data() / "matters.toml", ws.root / "matters.toml")
    shutil.copy(demo_data() / "targets.csv", ws.root / "检查对象名录.csv")
    day = DEMO_TODAY + shift
    draw(ws, ws.root / "检查对象名录.csv", "30%", day.year, day, plan_id=f"{day.year}-明码标价")


DEMO_STEPS: list = [add_imported_materials, render_due_documents, draw_demo_inspection]
