"""文号 series per agency (issue 29, item 4): a case of another agency the workspace keeps prints
that agency's 机关代字 from workspace.toml [[agencies]]; an agency not named leaves the 字 to fill."""

from __future__ import annotations

import datetime as dt

from casefile.output.records import Records
from casefile.output.render import doc_number
from doc_templates.catalogue import load_catalogue

DAY = dt.date(2026, 11, 20)


def test_other_agencies_number_with_their_own_prefix(demo_ws):
    notice = load_catalogue().get("penalty_notice")
    own = demo_ws.load_case("SJ-2026-088")
    assert doc_number(demo_ws, own, notice, Records(), DAY) == "清市监罚告〔2026〕　　　号"
    land = demo_ws.load_case("ZR-2026-012")  # 清溪县自然资源和规划局
    assert doc_number(demo_ws, land, notice, Records(), DAY) == "清自然资罚告〔2026〕　　　号"
    safety = demo_ws.load_case("YJ-2026-003")
    assert doc_number(demo_ws, safety, notice, Records(), DAY).startswith("清应急罚告〔2026〕")
    stranger = safety.model_copy(update={"agency": "清溪县水利局"})
    assert doc_number(demo_ws, stranger, notice, Records(), DAY) == "　　　　〔2026〕　　　号"
