"""Writing a titled table as CSV, XLSX or DOCX: the registers and results agencies publish.

CSV is written with a byte-order mark so that Excel and WPS open the Chinese correctly.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from casefile.errors import UsageError
from casefile.store.fsutil import atomic_write_bytes

FORMATS = ("csv", "xlsx", "docx")


def table_bytes(title: str, columns: list[str], rows: list[list[str]], fmt: str) -> bytes:
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        w.writerows(rows)
        return ("\ufeff" + buf.getvalue()).encode("utf-8")
    if fmt == "xlsx":
        from openpyxl import Workbook  # imported here: only this format needs it
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        ws.title = title[:31]  # Excel's limit for a sheet name
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append(columns)
        for c in ws[2]:
            c.font = Font(bold=True)
        for r in rows:
            ws.append(r)
        for i, col in enumerate(columns, start=1):
            width = max([len(col)] + [len(str(r[i - 1])) for r in rows]) * 2 + 2
            ws.column_dimensions[ws.cell(row=2, column=i).column_letter].width = min(width, 60)
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    if fmt == "docx":
        from docx import Document  # imported here: start-up cost
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        d = Document()
        sec = d.sections[0]
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)  # A4 landscape: registers are wide
        d.add_heading(title, level=1)
        t = d.add_table(rows=1, cols=len(columns))
        t.style = "Table Grid"
        for cell, col in zip(t.rows[0].cells, columns):
            cell.text = col
        for r in rows:
            for cell, v in zip(t.add_row().cells, r):
                cell.text = str(v)
        buf = io.BytesIO()
        d.save(buf)
        return buf.getvalue()
    raise UsageError(f"不支持的格式“{fmt}”，可选：{'、'.join(FORMATS)}")


def write_table(path: Path, title: str, columns: list[str], rows: list[list[str]], fmt: str) -> Path:
    atomic_write_bytes(Path(path), table_bytes(title, columns, rows, fmt))
    return Path(path)
