"""One 封面, 卷内目录 and 备考表 per volume, replaced on every print and export; the package's
binding order is the 卷内目录's (issue 29, item 4)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

from casefile.store import documents
from casefile.output.binding import VOLUMES
from tui.application import Clock, Session

TODAY = dt.date(2026, 11, 23)


def test_two_exports_and_a_print_leave_one_of_each_volume_form(demo_ws, tmp_path):
    s = Session(demo_ws, Clock(TODAY))
    cid = "SJ-2026-037"
    s.documents.export_package(cid, tmp_path / "a.zip")
    s.documents.print_dossier(cid, tmp_path / "a.docx")
    s.documents.export_package(cid, tmp_path / "b.zip")
    reg = documents.load_register(demo_ws.cases_dir / cid)
    forms = sorted(d.file for d in reg.documents if d.doc_type in ("cover", "toc", "remarks"))
    assert len(forms) == 3 * len(VOLUMES) and not any("（2）" in f for f in forms), forms
    on_disk = sorted(p.name for p in (demo_ws.cases_dir / cid / "docs").glob("*.docx") if "（" in p.stem)
    assert on_disk == [], on_disk

    with zipfile.ZipFile(tmp_path / "b.zip") as z:
        manifest = json.loads(z.read("manifest.json"))
    order = [f.split("/", 2)[2] for f in manifest["binding_order"]]
    dossier = s.documents.dossier(cid)
    rows = s.documents.table_of_contents(dossier, quick=True)
    for v in VOLUMES:
        listed = [r.file.removeprefix("docs/") for r in rows if r.volume == v]
        block = order[order.index(f"000-卷宗封面({v}).docx"): order.index(f"999-备考表({v}).docx") + 1]
        # 封面, 目录, the documents in the 目录's order, 备考表
        assert block == [f"000-卷宗封面({v}).docx", f"001-卷内目录({v}).docx", *listed, f"999-备考表({v}).docx"]
    assert len(order) == len(set(order))
