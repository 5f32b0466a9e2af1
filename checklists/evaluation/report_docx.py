"""The 评查报告 as a .docx ready to hand in: what was evaluated and how, the results and
grades (with a chart), the commonest problems with examples, each agency's files, the
findings over time (when earlier evaluations are kept) and the list of files."""

from __future__ import annotations

import collections
import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from checklists.evaluation import charts, summary

TOP_PROBLEMS = 8


def _document() -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "仿宋"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    return doc


def _table(doc: Document, header: list[str], rows: list[list[Any]]) -> None:
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = t.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = "" if value is None else str(value)


def _picture(doc: Document, png: bytes) -> None:
    doc.add_picture(io.BytesIO(png), width=Cm(15))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def write(path: Path, results: list[dict[str, Any]], meta: dict[str, Any], history: dict[str, Any] | None = None) -> Path:
    doc = _document()
    title = doc.add_heading("行政执法案卷评查报告", 0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    o = summary.overview(results)
    draw = meta.get("draw")
    doc.add_heading("一、评查概况", 1)
    how = (f"按种子 {draw['seed']} 分层抽取 {draw['count']} 件（必查 {len(draw['drawn']['必查'])} 件、重点 {len(draw['drawn']['重点'])} 件、"
           f"一般 {len(draw['drawn']['一般'])} 件，抽样记录附后）" if draw else "全部评查")
    doc.add_paragraph(
        f"本次评查（编号 {meta['id']}，{meta['created'][:10]}）依据《{meta['standard']}》，{how}。共评查 {o['units']} 件，"
        f"其中评分 {o['scored']} 件，公示摘要版本 {o['unscored']} 件不评分，无法评查 {o['errors']} 件；"
        f"平均得分 {o['mean'] if o['mean'] is not None else '—'} 分，一票否决 {o['vetoed']} 件；发现问题 {o['findings']} 个。"
        f"单份决定书不能显示的内容（如卷内其他文书是否齐全）作为说明列出，共 {o['coverage']} 条，不扣分。")
    doc.add_heading("二、等级分布", 1)
    grades = summary.grades(results, meta.get("grades", []))
    _table(doc, ["等级", "件数"], [[g, n] for g, n in grades])
    if grades:
        _picture(doc, charts.bars([g for g, _ in grades], [n for _, n in grades], "评查等级分布"))
    doc.add_heading("三、常见问题", 1)
    rules = summary.per_rule(results)[:TOP_PROBLEMS]
    if rules:
        _picture(doc, charts.bars([g["name"] for g in rules], [g["findings"] for g in rules], "问题最多的规则", horizontal=True))
    for i, g in enumerate(rules, 1):
        doc.add_paragraph(f"{i}. {g['name']}：{g['findings']} 个问题，涉及 {g['units']} 件案卷（否决 {g['veto']}、重大 {g['major']}、一般 {g['minor']}）。"
                          f"例如 {g['example_file']}：{g['example']}")
    if not rules:
        doc.add_paragraph("未发现问题。")
    doc.add_heading("四、各评查项目扣分", 1)
    _table(doc, ["部分", "评查项目", "问题数", "涉及案卷", "扣分合计"],
           [[g["part"], g["name"] or g["item"], g["findings"], g["units"], g["points"]] for g in summary.per_item(results)])
    doc.add_heading("五、各执法机关情况", 1)
    _table(doc, ["执法机关", "案卷数", "评分数", "平均分", "不合格", "问题数"],
           [[a["agency"], a["units"], a["scored"], a["mean"], a["failed"], a["findings"]] for a in summary.per_agency(results)])
    if history and len(history.get("evaluations", ())) > 0:
        _history(doc, history)
    doc.add_heading("附：案卷评查结果清单", 1)
    _table(doc, ["文号／文件", "执法机关", "得分", "等级"],
           [[r.get("doc_no") or Path(r["file"]).name, r.get("agency", ""), r["score"] if r.get("scored") else "—",
             r["grade"] if not r.get("error") else r["error"]] for r in results])
    doc.save(path)
    return path


def _history(doc: Document, history: dict[str, Any]) -> None:
    doc.add_heading("六、历次评查的问题分布（薄弱环节）", 1)
    months = [m for m in history["by"]["month"] if m["name"] != "未载明"]
    months.sort(key=lambda m: m["name"])
    if months:
        _picture(doc, charts.lines([m["name"] for m in months], {"问题数": [m["findings"] for m in months]}, "按决定月份的问题数"))
    items = history["by"]["item"][:TOP_PROBLEMS]
    if items:
        _picture(doc, charts.bars([i["name"] for i in items], [i["findings"] for i in items], "历次评查按评查项目的问题数", horizontal=True))
    rows = [[e["id"], e["created"][:10], e["units"], e["scored"], e["mean_score"], e["findings"]] for e in history["evaluations"]]
    _table(doc, ["评查编号", "日期", "件数", "评分", "平均分", "问题数"], rows)
    handlers = collections.Counter({h["name"]: h["findings"] for h in history["by"]["handler"][:TOP_PROBLEMS]})
    if handlers:
        doc.add_paragraph("问题较多的承办人：" + "；".join(f"{n}（{c}）" for n, c in handlers.most_common()))
