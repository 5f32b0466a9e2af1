"""The 行政许可, 行政强制 and 行政检查 documents (issue 20 §2–4): every type of those case types
renders from a case's facts, a fact the case does not hold prints as a blank line and never as
invented text, and the demo's 许可 and 扣押 cases render and assemble their dossiers."""

from __future__ import annotations

import json

import pytest

from casefile.errors import DocumentError
from casefile.model import Act, ActKind
from casefile.output.render import render_document
from doc_templates import texts
from doc_templates.catalogue import load_catalogue
from tests.docx_text import docx_text
from tests.test_templates import TODAY, VOLUME_EXTRA, golden_ws  # noqa: F401  (the golden cases' workspace)

TYPES = ("行政许可", "行政强制", "行政检查")
# the fixture cases of tests/data/acts (and the unpaid penalty GOLD-004) by case type
CASES = {"行政许可": ["GOLD-XK1", "GOLD-XK2", "GOLD-XK3"], "行政强制": ["GOLD-QZ1", "GOLD-QZ2"], "行政检查": ["GOLD-JC1"],
         "行政处罚": ["GOLD-004"]}  # a fined party who did not pay: 催告 and 申请人民法院强制执行 of a penalty
# papers the agency receives or issues on a prescribed national form: imported, never rendered
IMPORTED = {"license_application", "license_certificate", "business_license", "evidence_material",
            # papers of other hands or of a county's own forms, recognised on import (issue 28), not printed here
            "coercion_approval", "draw_record", "inspection_plan", "inspection_task", "license_review_opinion",
            "publication_record", "recheck_record", "rectification_notice", "tax_matter_notice"}
BLANK = texts.get("blank")["inline"]


def _render(ws, case_id, code):
    extra = VOLUME_EXTRA if code in ("toc", "remarks", "cover") else {}
    r = render_document(ws, case_id, code, extra=extra, today=TODAY)
    return docx_text(ws.cases_dir / case_id / r.record.file)


def _types():
    return [t for t in load_catalogue().types if set(t.case_types) & set(TYPES)]


def test_the_catalogue_lists_the_documents_of_every_case_type():
    codes = {t.code for t in _types()}
    assert {"license_acceptance", "license_hearing_notice", "license_hearing_record", "license_grant", "license_refusal",
            "seizure_extension", "urge_notice", "court_enforcement_application", "inspection_record",
            "inspection_result_notice"} <= codes


@pytest.mark.parametrize("code", [t.code for t in _types()])
def test_every_type_of_licence_coercion_and_inspection_cases_has_a_template_that_renders(golden_ws, code):
    t = load_catalogue().get(code)
    if code in IMPORTED:
        assert not t.template  # imported only: nothing pretends to produce the applicant's papers
        return
    assert t.template and t.template_path.exists(), code
    errors, rendered = [], []
    for case_type in set(t.case_types) & set(CASES):
        for cid in CASES[case_type]:
            try:
                rendered.append((cid, _render(golden_ws, cid, code)))
            except DocumentError as e:
                errors.append(f"{cid}: {e} {e.details}")
    assert rendered, errors
    for cid, text in rendered:
        assert t.name in text or code in ("cover", "toc", "remarks"), (cid, code)
        assert "{{" not in text and "{%" not in text and "None" not in text, (cid, code)


def test_a_licence_case_serves_its_own_decision(golden_ws):
    text = _render(golden_ws, "GOLD-XK1", "service_receipt")
    assert "准予行政许可决定书 | 清市监许〔2026〕16号 | 二〇二六年十二月十六日" in text
    assert "行政处罚决定书" not in text


def test_a_decided_licence_or_enforcement_case_must_hold_its_service_receipt(golden_ws):
    # 行政许可法§44 / 行政强制法§38: the decision is served, so the 送达回证 is due once it exists
    from casefile.law.requirements import required_documents

    for case_id, act in (("GOLD-XK1", "准予许可"), ("GOLD-QZ2", "强制执行决定")):
        case = golden_ws.load_case(case_id)
        due = {t.code: why for t, why in required_documents(golden_ws, case)}
        if case.acts_of(ActKind(act)):
            assert "service_receipt" in due and act in due["service_receipt"], (case_id, due)
        else:
            assert "service_receipt" not in due, case_id


def test_a_licence_case_is_named_by_what_was_applied_for_in_the_review_opinion(golden_ws):
    text = _render(golden_ws, "GOLD-XK1", "legal_review_opinion")
    assert "送审的清溪县禾丰餐饮管理有限公司食品经营许可（餐饮服务经营者，热食类食品制售）申请一案" in text


# -- a fact the case does not hold is a blank, never invented ---------------------------------

def _grant(ws, case_id="XK-2026-015"):
    case = ws.load_case(case_id)
    case.acts = [*case.acts, Act(kind=ActKind.GRANT, date=TODAY, officers=["33112600102", "33112600104"])]
    ws.save_case(case, act="准予许可", stage="决定")


def test_a_grant_without_a_recorded_term_leaves_blanks_to_fill_by_hand(demo_ws):
    _grant(demo_ws)
    text = _render(demo_ws, "XK-2026-015", "license_grant")
    lines = text.splitlines()
    # the demo case records no term, certificate or legal basis: each is a line to write on
    assert f"有效期限：{BLANK}" in lines and f"许可证件：{BLANK}" in lines
    assert f"根据{BLANK}和《中华人民共和国行政许可法》第三十八条第一款" in text
    # what the case does hold is printed: the matter applied for (the 申请 act), the dates, the party
    assert "许可事项和范围：食品经营许可（餐饮服务经营者，热食类食品制售）" in lines
    assert "二〇二六年十一月九日提出" in text and "二〇二六年十一月十日受理" in text
    assert "二〇二六年十一月十六日，本机关对申请材料反映的实质内容进行了实地核查" in text
    # no term, number or date anyone made up
    term = next(x for x in lines if x.startswith("有效期限"))
    assert not any(ch.isdigit() for ch in term) and "年" not in term


def test_recorded_facts_replace_the_blanks(demo_ws, run_cli, tmp_path):
    _grant(demo_ws)
    facts = tmp_path / "license.toml"
    facts.write_text('[license]\nterm = "2026年11月23日至2031年11月22日"\ncertificate = "食品经营许可证JY23311260015001"\n',
                     encoding="utf-8")
    code, _, err = run_cli("doc", "facts", "XK-2026-015", str(facts), "-w", str(demo_ws.root))
    assert code == 0, err
    lines = _render(demo_ws, "XK-2026-015", "license_grant").splitlines()
    assert "有效期限：2026年11月23日至2031年11月22日" in lines and "许可证件：食品经营许可证JY23311260015001" in lines


def test_an_unrecorded_refusal_reason_is_ruled_lines_not_a_stock_reason(demo_ws):
    from docx import Document

    case = demo_ws.load_case("XK-2026-015")
    case.acts = [*case.acts, Act(kind=ActKind.REFUSAL, date=TODAY)]
    demo_ws.save_case(case, act="不予许可", stage="决定")
    r = render_document(demo_ws, "XK-2026-015", "license_refusal", today=TODAY)
    path = demo_ws.cases_dir / "XK-2026-015" / r.record.file
    text = docx_text(path)
    after = text.split("理由如下：\n", 1)[1].splitlines()[0]
    assert after.startswith("依据：" + BLANK)  # straight on to the basis: nothing was written as the reason
    ruled = [p for p in Document(str(path)).paragraphs if p._p.pPr is not None and p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None]
    assert len(ruled) == int(texts.get("blank")["lines"]) and all(not p.text for p in ruled)
    # the remedies and the bodies of 行政许可法§38: review within 60 days, suit within 6 months
    assert "六十日内向清溪县人民政府申请行政复议" in text and "六个月内依法向清溪县人民法院提起行政诉讼" in text


def test_a_seizure_decision_states_the_items_of_article_24(demo_ws):
    text = _render(demo_ws, "QZ-2026-021", "seizure_decision")
    assert "当事人：清溪县聚福烟酒商行" in text and "住所：清溪县南溪镇新街18号" in text  # (一)
    assert "查封扣押的理由：" in text and "期限至二〇二六年十一月二十五日" in text  # (二)
    assert "1．白酒（52度，500毫升）　瓶装　24瓶" in text  # (三)
    assert "查封扣押地点：清溪县南溪镇新街18号" in text
    assert f"财物存放地点：{BLANK}" in text  # not recorded: written by hand
    assert "六十日内向清溪县人民政府申请行政复议" in text  # (四)
    assert text.rstrip().endswith("（印章）\n二〇二六年十月二十六日")  # (五)


def test_an_urge_notice_without_a_recorded_deadline_leaves_it_blank(demo_ws):
    case = demo_ws.load_case("QZ-2026-021")
    case.acts = [*case.acts, Act(kind=ActKind.URGE, date=TODAY, officers=["33112600101", "33112600105"])]
    demo_ws.save_case(case, act="催告", stage="执行")
    lines = _render(demo_ws, "QZ-2026-021", "urge_notice").splitlines()
    # no decision and no recorded obligation: neither the obligation nor its term, manner or amount is invented
    assert lines[4].startswith(BLANK + "。根据《中华人民共和国行政强制法》第三十五条")
    assert f"一、履行义务的期限：{BLANK}；" in lines and f"二、履行义务的方式：{BLANK}；" in lines
    assert not any(x.startswith("三、应当给付的金额") for x in lines)
    assert any("有权进行陈述和申辩" in x for x in lines)  # §35(四): the party's right is the law's, always stated


# -- the demo's 许可 and 强制 cases -------------------------------------------------------------

def test_doc_render_on_the_demo_licence_and_seizure_cases(demo_ws, run_cli):
    for case_id, code in (("XK-2026-015", "license_acceptance"), ("XK-2026-015", "site_verification_record"),
                          ("QZ-2026-021", "seizure_decision"), ("QZ-2026-021", "seizure_list")):
        rc, out, err = run_cli("doc", "render", case_id, code, "-w", str(demo_ws.root), "--json")
        assert rc == 0, err
        assert (demo_ws.cases_dir / case_id / json.loads(out)["file"]).exists()
    text = docx_text(demo_ws.cases_dir / "XK-2026-015" / "docs" / "020-实地核查记录.docx")
    assert "核查人员 | 李晓梅、周婷" in text and "经营场所、设备设施与申请材料一致。" in text
    # an act the case does not have yet: the missing fact is named, nothing is produced
    rc, _, err = run_cli("doc", "render", "XK-2026-015", "license_grant", "-w", str(demo_ws.root))
    assert rc != 0 and "准予许可日期" in err
    assert not list((demo_ws.cases_dir / "XK-2026-015" / "docs").glob("*准予行政许可决定书*"))


def test_the_demo_licence_dossier_assembles_with_licence_documents_only(demo_ws, run_cli):
    rc, out, err = run_cli("dossier", "XK-2026-015", "-w", str(demo_ws.root), "--json")
    assert rc == 0, err
    data = json.loads(out)
    present = {e["doc_type"] for e in data["entries"] if e["status"] == "已有"}
    assert {"license_application", "license_application_receipt", "license_acceptance", "site_verification_record"} <= present
    assert not {e["doc_type"] for e in data["entries"]} & {"filing_approval", "decision", "decision_approval", "penalty_notice"}
    assert data["complete"] and not data["problems"]
