"""The evaluation as an .xlsx workbook: 案卷清单, 按机关, 按规则, 按评查项目, 抽样记录."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from checklists.evaluation import summary


def _sheet(wb: Workbook, title: str, header: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    ws = wb.create_sheet(title)
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str) and len(cell.value) > 30)
    ws.freeze_panes = "A2"


def write(path: Path, results: list[dict[str, Any]], meta: dict[str, Any]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    listing = []
    for r in results:
        if r.get("error"):
            listing.append([r["key"], "", "", "", "", "", "", "", r["error"]])
            continue
        top = "；".join(f["message"] for f in r["findings"] if f["severity"] != "minor")[:500]
        listing.append([r["key"], r.get("doc_no", ""), r.get("agency", ""), "、".join(r.get("handlers", ())), r.get("decided", ""),
                        r["score"] if r.get("scored") else "", r["grade"], len(r["findings"]),
                        top or (r.get("reason") or "")])
    _sheet(wb, "案卷清单", ["文件", "文号", "执法机关", "承办人", "决定日期", "得分", "等级", "问题数", "主要问题／说明"], listing,
           [40, 28, 24, 14, 12, 8, 16, 8, 80])
    _sheet(wb, "按机关", ["执法机关", "案卷数", "评分数", "平均分", "不合格", "问题数"],
           [[a["agency"], a["units"], a["scored"], a["mean"], a["failed"], a["findings"]] for a in summary.per_agency(results)],
           [28, 10, 10, 10, 10, 10])
    _sheet(wb, "按规则", ["规则", "名称", "问题数", "涉及案卷", "否决", "重大", "一般", "扣分合计", "示例（文号）", "示例"],
           [[g["rule"], g["name"], g["findings"], g["units"], g["veto"], g["major"], g["minor"], g["points"], g["example_file"], g["example"]]
            for g in summary.per_rule(results)], [26, 20, 8, 10, 6, 6, 6, 10, 28, 80])
    _sheet(wb, "按评查项目", ["部分", "项目", "名称", "问题数", "涉及案卷", "扣分合计", "示例（文号）", "示例"],
           [[g["part"], g["item"], g["name"], g["findings"], g["units"], g["points"], g["example_file"], g["example"]]
            for g in summary.per_item(results)], [8, 16, 28, 8, 10, 10, 28, 80])
    info = [["评查编号", meta["id"]], ["时间", meta["created"]], ["评查标准", meta["standard"]]]
    info += [[summary.OVERVIEW_NAMES[k], v] for k, v in summary.overview(results).items()]
    if meta.get("draw"):
        info.append(["抽样记录", json.dumps(meta["draw"], ensure_ascii=False)])
    _sheet(wb, "说明", ["项", "值"], info, [16, 100])
    wb.save(path)
    return path
