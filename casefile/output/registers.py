"""事前公开: the four registers an agency publishes before it acts.

行政执法主体, 行政执法人员清单, 行政执法事项清单 and 随机抽查事项清单 (国办发〔2018〕118号;
行政处罚法§34, §39), and per 事项 its 执法流程图 and 服务指南 (casefile.output.procedures), built from the workspace: its agency profile, its officer register and a
file of 事项 (``<workspace>/matters.toml``). The officer register is published with name, unit,
certificate number, category, region and validity, and nothing else (no ID numbers, no phone).

Writing the registers records a digest of their content; when the content changes (an officer
added, a certificate expired, a 事项 edited) they are due again and ``publicity due`` says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from casefile.errors import UsageError
from casefile.store.fsutil import atomic_write_text
from casefile.output.publicity import Due
from casefile.output.tables import FORMATS, write_table
from casefile.model.validation import validate
from casefile.store.workspace import Workspace

MATTERS_FILE = "matters.toml"
STATE_FILE = Path("registers") / "published.json"


class Matter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)  # 事项名称
    kind: str = "行政处罚"  # 行政处罚 / 行政许可 / 行政强制 / 行政检查 / …
    basis: str = ""  # 实施依据
    random_check: bool = False  # 列入随机抽查事项清单
    check_object: str = ""  # 抽查对象
    check_method: str = ""  # 抽查方式
    check_ratio: str = ""  # 抽查比例、频次


class Matters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    matters: list[Matter] = Field(default_factory=list)


def load_matters(ws: Workspace) -> Matters:
    path = ws.root / MATTERS_FILE
    if not path.exists():
        return Matters()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise UsageError(f"{path} 不是有效的 TOML：{e}") from None
    return validate(Matters, data, str(path))


def build(ws: Workspace, today: dt.date) -> dict[str, tuple[list[str], list[list[str]]]]:
    """{register title: (columns, rows)} — what is published, in the order it is published."""
    p = ws.profile
    matters = load_matters(ws).matters
    officers = sorted((o for o in ws.officers().officers if o.valid_on(today)), key=lambda o: o.certificate)
    return {
        "行政执法主体": (["执法主体名称", "主体性质", "行政区划", "执法领域", "层级"],
                     [[p.name, "行政机关", p.region, p.sector, p.level]]),
        "行政执法人员清单": (["姓名", "所在单位", "执法证号", "执法类别", "执法区域", "证件有效期"],
                       [[o.name, o.unit or p.name, o.certificate, "、".join(o.categories), o.region or p.region,
                         f"{o.valid_from or ''}至{o.valid_to or ''}"] for o in officers]),
        "行政执法事项清单": (["事项名称", "事项类别", "实施依据", "实施主体"],
                       [[m.name, m.kind, m.basis, p.name] for m in matters]),
        "随机抽查事项清单": (["抽查事项", "抽查依据", "抽查主体", "抽查对象", "抽查方式", "抽查比例和频次"],
                       [[m.name, m.basis, p.name, m.check_object, m.check_method, m.check_ratio] for m in matters if m.random_check]),
    }


def _digest(tables: dict[str, tuple[list[str], list[list[str]]]]) -> dict[str, str]:
    return {title: hashlib.sha256(json.dumps(t, ensure_ascii=False).encode()).hexdigest() for title, t in tables.items()}


def write(ws: Workspace, out: Path, fmt: str, today: dt.date) -> list[dict[str, Any]]:
    if fmt not in FORMATS:
        raise UsageError(f"不支持的格式“{fmt}”，可选：{'、'.join(FORMATS)}")
    tables = build(ws, today)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for title, (cols, rows) in tables.items():
        path = write_table(out / f"{title}.{fmt}", f"{ws.profile.name}{title}", cols, rows, fmt)
        written.append({"register": title, "file": str(path), "rows": len(rows)})
    written += write_procedures(ws, out)
    atomic_write_text(ws.root / STATE_FILE, json.dumps({"date": today.isoformat(), "digests": _digest(tables)}, ensure_ascii=False))
    return written


def write_procedures(ws: Workspace, out: Path) -> list[dict[str, Any]]:
    """Beside the registers, per 事项: its 执法流程图 (SVG, PNG) and 服务指南 (.docx), drawn from the
    declared procedure of its kind (casefile.output.procedures; loaded here, python-docx is heavy)."""
    from casefile.output import procedures
    from doc_templates.catalogue import load_catalogue

    names = {t.code: t.name for t in load_catalogue().types}
    return procedures.write_for_matters(out, load_matters(ws).matters, ws.profile.name, procedures.agency_profile(ws), names)


def due(ws: Workspace, today: dt.date) -> list[Due]:
    """Registers whose published content no longer matches the workspace (or never published).
    No statute sets a period for updating them: no due date is invented (118号: 及时更新)."""
    path = ws.root / STATE_FILE
    state = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    before = state.get("digests", {})
    out = []
    for title, digest in _digest(build(ws, today)).items():
        if title not in before:
            out.append(Due("", "", f"事前公开：{title}", "", None, "待公示", None, "尚未生成公示清单"))
        elif before[title] != digest:
            out.append(Due("", "", f"事前公开：{title}", state.get("date", ""), None, "待公示", None,
                           f"{state.get('date', '')}生成后内容已变更，应及时重新公示"))
    return out
