"""Every template rendered for a fixed case and compared with its golden text (issue 3)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tomllib

import pytest

from casefile.errors import DocumentError
from casefile.model import Case
from casefile.render import render_document
from doc_templates.catalogue import load_catalogue
from tests.conftest import DATA, REPO
from tests.docx_text import docx_text

GOLDEN = REPO / "tests" / "golden"
TODAY = dt.date(2026, 11, 23)
UPDATE = os.environ.get("CASEFILE_UPDATE_GOLDEN") == "1"
TEMPLATED = [t.code for t in load_catalogue().templated]


# the types a fined 听证 case refuses are rendered for variants of the golden case
VARIANT = {"summary_decision": "GOLD-002", "no_penalty_decision": "GOLD-003"}
VOLUME_EXTRA = {
    "volume": "正卷",
    "toc_rows": [{"seq": 1, "doc_no": "清市监处罚〔2026〕188号", "author": "清溪县市场监督管理局", "title": "行政处罚决定书",
                  "date": "20261120", "page": "1-2", "note": ""}],
    "doc_count": 1, "page_total": "2", "remarks_text": "本卷文件材料齐全，排列有序。",
}


@pytest.fixture(scope="module")
def golden_ws(demo_template, tmp_path_factory):
    from casefile.records import enter
    from casefile.workspace import Workspace

    root = tmp_path_factory.mktemp("golden") / "ws"
    shutil.copytree(demo_template, root)
    ws = Workspace.open(root)
    with open(DATA / "golden_case.toml", "rb") as f:
        data = tomllib.load(f)
    ws.create_case(Case.model_validate(data))
    enter(ws, "GOLD-001", DATA / "records" / "golden_records.toml")
    summary = dict(data, id="GOLD-002", number="清市监当罚〔2026〕12号", procedure="简易")
    ws.create_case(Case.model_validate(summary))
    no_penalty = dict(data, id="GOLD-003", number="清市监不罚〔2026〕3号", decided=[{"kind": "不予行政处罚"}],
                      extra={"no_penalty_reason": "当事人违法行为轻微并及时改正，没有造成危害后果，依据《中华人民共和国行政处罚法》第三十三条第一款的规定"})
    ws.create_case(Case.model_validate(no_penalty))
    return ws


def test_every_catalogue_template_exists():
    for t in load_catalogue().templated:
        assert t.template_path.exists(), t.template


@pytest.mark.parametrize("code", TEMPLATED)
def test_template_matches_golden(golden_ws, code):
    extra = VOLUME_EXTRA if code in ("toc", "remarks", "cover") else {}
    case_id = VARIANT.get(code, "GOLD-001")
    result = render_document(golden_ws, case_id, code, extra=extra, today=TODAY)
    text = docx_text(golden_ws.cases_dir / case_id / result.record.file)
    assert "{{" not in text and "{%" not in text
    golden = GOLDEN / f"{code}.txt"
    if UPDATE or not golden.exists():
        golden.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {golden.name} was missing and has been written; read it and commit it")
    assert text == golden.read_text(encoding="utf-8")


def test_decision_reads_like_a_decision(golden_ws):
    result = render_document(golden_ws, "GOLD-001", "decision", today=TODAY)
    text = docx_text(golden_ws.cases_dir / "GOLD-001" / result.record.file)
    assert "清市监处罚〔2026〕188号" in text and "清溪县百味源食品有限公司" in text
    assert "罚款人民币150000.00元（人民币壹拾伍万元整）" in text
    assert "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项" in text
    assert "六十日内向清溪县人民政府申请行政复议" in text and "六个月内依法向清溪县人民法院提起行政诉讼" in text
    assert "二〇二六年十一月二十日" in text and "（印章）" in text


def test_missing_facts_are_listed_not_left_blank(demo_ws):
    with pytest.raises(DocumentError) as e:
        render_document(demo_ws, "YJ-2026-003", "decision")
    details = "\n".join(e.value.details)
    assert "违法事实（violation.facts）" in details and "决定日期" in details
    assert not list((demo_ws.cases_dir / "YJ-2026-003" / "docs").glob("*决定书*"))


def test_edited_document_is_kept_and_new_one_written_beside(demo_ws, run_cli):
    docs = demo_ws.cases_dir / "SJ-2026-088" / "docs"
    original = docs / "040-行政处罚告知书.docx"
    edited = original.read_bytes() + b"\0"  # an edit outside casefile
    original.write_bytes(edited)
    code, out, err = run_cli("doc", "render", "SJ-2026-088", "penalty_notice", "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    import json

    data = json.loads(out)
    assert data["kept_edited"] is True and data["file"] != "docs/040-行政处罚告知书.docx"
    assert original.read_bytes() == edited
    assert (demo_ws.cases_dir / "SJ-2026-088" / data["file"]).exists()


def test_rerender_unchanged_document_replaces_it(demo_ws):
    r = render_document(demo_ws, "SJ-2026-088", "penalty_notice")
    assert r.record.file == "docs/040-行政处罚告知书.docx" and not r.beside


def test_doc_types_json(run_cli, demo_ws):
    import json

    code, out, _ = run_cli("doc", "types", "-w", str(demo_ws.root), "--json")
    types = {t["code"]: t for t in json.loads(out)}
    assert types["hearing_record"]["required"]["when"] == ["hearing_held"]
    assert types["decision"]["volume"] == "正卷" and types["legal_review_opinion"]["volume"] == "副卷"
    assert len([t for t in types.values() if t["template"]]) >= 26
