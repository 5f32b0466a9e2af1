"""Each procedure published per 事项: the 执法流程图 (SVG and PNG, drawn by Graphviz) and the 服务指南
(.docx), both read from the case type's declaration (casefile/data/case_types) — its states, its moves
with who makes each and what they need first, its periods and the documents each move produces — and
from the 事项 (its name and basis, matters.toml). Written beside the 事前公开 registers (casefile.output.registers).

The guide states only what the data holds: a part the declaration and the 事项 are silent on (条件,
材料 …) is a blank line for the agency to fill, never invented text.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from casefile.law import casetypes, periods, profiles
from casefile.errors import UsageError
from casefile.model.names import safe_name

FONT = "WenQuanYi Zen Hei"  # fonts-wqy-zenhei: a CJK font Graphviz finds on the server
BLANK = "＿" * 20  # a part the data does not hold: left for the agency to fill


# -- the 执法流程图 --------------------------------------------------------------------------------
def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _move_label(m: casetypes.Move, catalogue_names: dict[str, str]) -> str:
    lines = [m.id + (f"（{'、'.join(m.procedures)}程序）" if m.procedures else "")]
    if m.roles:
        lines.append("办理：" + "、".join(m.roles))
    if m.requires:
        lines.append("须经：" + "、".join(m.requires))
    docs = [catalogue_names.get(d, d) for d in m.documents]
    if docs:
        lines.append("文书：" + "、".join(docs))
    return "\n".join(lines)


def flowchart_dot(decl: casetypes.CaseTypeDecl, title: str, catalogue_names: dict[str, str], limits: list[str] = ()) -> str:
    """The procedure as a Graphviz graph: each state an oval, each step (move) a box naming who
    makes it, what it needs first and the documents it produces, between the states it joins; the
    periods that run (``limits``, from :func:`period_lines`) in a note beside them."""
    used = {s for m in decl.moves for s in (*m.sources, m.to)}
    states = [s for s in decl.states if s in used] + sorted(used - set(decl.states))
    font = _quote(FONT)
    out = ["digraph 流程 {", f"  graph [label={_quote(title)}, labelloc=t, fontsize=20, fontname={font}, rankdir=TB];",
           f"  node [fontname={font}, fontsize=12];", "  edge [arrowsize=0.7];"]
    out += [f"  {_quote('state:' + s)} [label={_quote(s)}, shape=ellipse, style=filled, fillcolor=\"#e8eef7\"];" for s in states]
    for i, m in enumerate(decl.moves):
        node = _quote(f"move:{i}")
        out.append(f"  {node} [label={_quote(_move_label(m, catalogue_names))}, shape=box, style=rounded];")
        out += [f"  {_quote('state:' + s)} -> {node};" for s in m.sources]
        out.append(f"  {node} -> {_quote('state:' + m.to)};")
    if limits:
        out.append(f"  {_quote('limits')} [label={_quote(chr(10).join(['期限', *limits]))}, shape=note, fontsize=11];")
    out.append("}")
    return "\n".join(out) + "\n"


def draw(dot_source: str, path: Path, fmt: str) -> Path:
    """Run Graphviz's ``dot`` on the graph; a server without it gets a clear error."""
    dot = shutil.which("dot")
    if dot is None:
        raise UsageError("未找到 Graphviz 的 dot 程序，无法绘制执法流程图", details=["Debian/Ubuntu：apt-get install graphviz"])
    done = subprocess.run([dot, f"-T{fmt}", "-o", str(path)], input=dot_source.encode("utf-8"), capture_output=True, timeout=60)
    if done.returncode != 0:
        raise UsageError(f"Graphviz 未能绘制 {path.name}", details=[done.stderr.decode("utf-8", "replace")[:500]])
    return path


# -- the 服务指南 ------------------------------------------------------------------------------------
def _font(run, size: float | None = None, bold: bool = False) -> None:
    run.font.name = "仿宋"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    if size:
        run.font.size = Pt(size)
    run.bold = bold


def _para(doc: Any, text: str, size: float = 14, bold: bool = False, center: bool = False) -> None:
    p = doc.add_paragraph()
    _font(p.add_run(text), size, bold)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def period_lines(decl: casetypes.CaseTypeDecl, profile: dict[str, Any]) -> list[str]:
    """Each period the type runs, with its length under the agency's rules profile."""
    out = []
    for use in decl.periods:
        try:
            p = periods.period(profile, use.kind)
        except KeyError:
            continue  # a period the profile does not set is not published with an invented length
        out.append(f"{periods.KINDS[use.kind][2]}：{p.describe()}")
    return out


def procedure_lines(decl: casetypes.CaseTypeDecl, catalogue_names: dict[str, str]) -> list[str]:
    out = []
    for i, m in enumerate(decl.moves, 1):
        who = f"，由{'、'.join(m.roles)}办理" if m.roles else ""
        need = f"，须经{'、'.join(m.requires)}" if m.requires else ""
        docs = f"，制作{'、'.join('《' + catalogue_names.get(d, d) + '》' for d in m.documents)}" if m.documents else ""
        when = f"（{'、'.join(m.procedures)}程序）" if m.procedures else ""
        out.append(f"{i}. {m.id}{when}：{'、'.join(m.sources)}→{m.to}{who}{need}{docs}。")
    return out


def guide_docx(path: Path, decl: casetypes.CaseTypeDecl, matter: Any, agency: str, profile: dict[str, Any],
               catalogue_names: dict[str, str]) -> Path:
    g = decl.guide
    doc = Document()
    _para(doc, f"{matter.name}服务指南", 22, bold=True, center=True)
    _para(doc, f"实施主体：{agency}　　事项类别：{matter.kind}")
    materials = list(g.get("materials", []))
    sections = [
        ("一、实施依据", [matter.basis or g.get("basis", "") or BLANK]),
        ("二、受理（办理）条件", [g.get("conditions", "") or BLANK]),
        ("三、申请材料", [f"{i}. {m}" for i, m in enumerate(materials, 1)] or [BLANK]),
        ("四、办理程序", procedure_lines(decl, catalogue_names) or [BLANK]),
        ("五、办理期限", period_lines(decl, profile) or [BLANK]),
        ("六、救济途径", [g.get("remedy", "") or BLANK]),
    ]
    for head, lines in sections:
        _para(doc, head, 16, bold=True)
        for line in lines:
            _para(doc, line)
    doc.core_properties.title = f"{matter.name}服务指南"
    doc.save(str(path))
    return path


# -- per 事项 --------------------------------------------------------------------------------------
def write_for_matters(out: Path, matters: list[Any], agency: str, profile: dict[str, Any],
                      catalogue_names: dict[str, str]) -> list[dict[str, Any]]:
    """For each 事项 whose kind is a declared case type: its 流程图 (SVG, PNG) and 服务指南 (.docx)."""
    written = []
    for m in matters:
        decl = casetypes.find(m.kind)
        if decl is None or not decl.moves:
            written.append({"register": "执法流程图", "matter": m.name, "file": "", "rows": 0,
                            "note": f"事项类别“{m.kind}”没有声明的程序，未生成流程图和服务指南"})
            continue
        stem = safe_name(m.name)
        source = flowchart_dot(decl, f"{m.name}执法流程图", catalogue_names, period_lines(decl, profile))
        for fmt in ("svg", "png"):
            path = draw(source, out / f"{stem}-执法流程图.{fmt}", fmt)
            written.append({"register": "执法流程图", "matter": m.name, "file": str(path), "rows": len(decl.moves)})
        path = guide_docx(out / f"{stem}-服务指南.docx", decl, m, agency, profile, catalogue_names)
        written.append({"register": "服务指南", "matter": m.name, "file": str(path), "rows": len(decl.moves)})
    return written


def agency_profile(ws: Any) -> dict[str, Any]:
    return profiles.cached_profile(ws.profile.rules_profile, ws.root)
