"""Case types are declarations (casefile/data/case_types): the enum, the moves, the deadlines, the
statistics, the cover and the checks' pack all read them, and a type is added by data alone — here
行政征收 from tests/data/case_types, named by the workspace's ``case_type_dirs`` (issue 26 item 1)."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import DATA

LEVY = DATA / "case_types"
TODAY = "2026-11-29"


@pytest.fixture
def levy_ws(demo_template, tmp_path):
    """The demo, with a workspace.toml that names tests/data/case_types as a declaration folder."""
    root = tmp_path / "ws"
    shutil.copytree(demo_template, root)
    profile = root / "workspace.toml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        'rules_profile = "national"\n', f'rules_profile = "national"\ncase_type_dirs = ["{LEVY.as_posix()}"]\n'), encoding="utf-8")
    return root


def _ok(run_cli, *args):
    code, out, err = run_cli("--today", TODAY, *args)
    assert code == 0, err + out
    return out


def test_a_case_type_added_by_data_alone_runs_end_to_end(levy_ws, run_cli):
    w = ("-w", str(levy_ws))
    types = json.loads(_ok(run_cli, "case", "types", "--json", *w))
    levy = next(t for t in types if t["name"] == "行政征收")
    assert levy["pack"] == "levy" and [m["id"] for m in levy["moves"]][:3] == ["开始调查登记", "提交法制审核", "作出征收决定"]
    assert levy["moves"][2]["roles"] == ["负责人"] and levy["moves"][2]["requires"] == ["负责人审批", "集体讨论"]

    # create
    made = json.loads(_ok(run_cli, "case", "new", "--type", "行政征收", "--number", "清政征〔2026〕3号", "--cause", "城西棚户区改造项目房屋征收",
                          "--party", "李秀英", "--party-kind", "自然人", "--filed", "2026-09-01", "--json", *w))
    cid = made["id"]
    assert made["type"] == "行政征收"
    # facts: 调查登记 by two officers, the 补偿方案 published for comment only 20 days, then the decision
    _ok(run_cli, "state", "move", cid, "开始调查登记", "--yes", *w)
    _ok(run_cli, "facts", "add", cid, "执法行为", "--kind", "调查取证", "--date", "2026-09-10", "--officer", "33112600101",
        "--officer", "33112600102", *w)
    _ok(run_cli, "facts", "add", cid, "执法行为", "--kind", "告知", "--date", "2026-11-10", *w)
    _ok(run_cli, "state", "move", cid, "提交法制审核", "--yes", *w)
    shown = json.loads(_ok(run_cli, "state", "show", cid, "--json", *w))
    decide = next(o for o in shown["moves"] if o["id"] == "作出征收决定")
    assert not decide["allowed"] and any("法制审核" in b for b in decide["blockers"])
    _ok(run_cli, "facts", "add", cid, "执法行为", "--kind", "法制审核", "--date", TODAY, "--note", "同意", *w)
    shown = json.loads(_ok(run_cli, "state", "show", cid, "--json", *w))
    decide = next(o for o in shown["moves"] if o["id"] == "作出征收决定")
    assert not decide["allowed"] and any("负责人审批" in b for b in decide["blockers"])  # the declared requires
    _ok(run_cli, "approve", cid, "--opinion", "同意作出征收决定", *w)
    moved = _ok(run_cli, "state", "move", cid, "作出征收决定", "--yes", "--json", *w)
    assert "已决定" in moved

    # render: the cover prints this type's title, not 行政处罚案卷
    import datetime as dt

    from docx import Document

    from casefile.output.render import render_document
    from casefile.store.workspace import Workspace

    volume = {"volume": "正卷", "toc_rows": [], "doc_count": 3, "page_total": "12", "remarks_text": ""}
    out = render_document(Workspace.open(levy_ws), cid, "cover", today=dt.date(2026, 11, 29), extra=volume, volume="正卷")
    text = "\n".join(p.text for p in Document(str(levy_ws / "cases" / cid / out.record.file)).paragraphs)
    assert "行政征收案卷" in text and "行政处罚案卷" not in text

    # check: the pack beside the declaration, over the vocabulary's terms
    result = json.loads(_ok(run_cli, "check", cid, "--mode", "review", "--json", *w))
    found = {f["rule"]: f for f in result["findings"]}
    assert "ZS01-comment-period" in found and "2026-11-10" in found["ZS01-comment-period"]["message"]
    assert "ZS02-discussed" in found and found["ZS02-discussed"]["severity"] == "veto"
    assert "ZS03-two-officers" not in found  # two certified officers: the rule runs and holds
    assert result["verdict"] == "存在问题"

    # list: the case is listed with its type; the statistics count it under its own label
    listed = json.loads(_ok(run_cli, "case", "list", "--json", *w))
    assert any(c["id"] == cid and c["type"] == "行政征收" for c in listed)


def test_a_type_no_workspace_declares_is_refused(demo_template, tmp_path, run_cli):
    root = tmp_path / "ws"
    shutil.copytree(demo_template, root)
    code, out, err = run_cli("case", "new", "--type", "行政征收", "--cause", "x", "-w", str(root))
    assert code != 0 and "案件类型" in err + out


def test_an_audit_runs_from_its_notice_to_the_archive():
    """审计 was left without a move to 已决定 (code review §1.5): its declaration now has one, and
    the audit opens with its 审计通知书 (审计法§42), not a 立案 it cannot record."""
    import datetime as dt

    from casefile.law import entries, transitions
    from casefile.model import Act, Case, CaseState

    assert "立案" not in entries.act_kinds("审计") and "审计通知书送达" in entries.act_kinds("审计")
    case = Case.model_validate({"id": "SJ", "case_type": "审计", "parties": [{"kind": "法人", "name": "清溪县水利局"}]})
    case.acts += [Act(kind="审计通知书送达", date=dt.date(2026, 9, 1)), Act(kind="实施审计", date=dt.date(2026, 9, 7))]
    day = iter(dt.date(2026, 10, d) for d in range(1, 30))

    def move(case, name):
        return transitions.apply(transitions.Context(case, next(day)), name)[0]

    case = move(move(case, "开始调查"), "提交法制审核")
    case.acts.append(Act(kind="法制审核", date=dt.date(2026, 10, 3), note="同意"))
    case = move(case, "作出审计决定")
    assert case.state is CaseState.DECIDED and case.acts[-1].kind.value == "审计决定"
    case = move(move(move(case, "送达决定"), "结案"), "归档")
    assert case.state is CaseState.ARCHIVED


@pytest.mark.parametrize("name,title", [("行政处罚", "行政处罚案卷"), ("行政许可", "行政许可案卷"), ("行政强制", "行政强制案卷")])
def test_each_type_has_its_own_cover_title_and_statistics_label(name, title):
    from casefile.output import stats
    from casefile.model import CaseType

    assert CaseType(name).declaration.cover_title == title
    assert stats.type_label(CaseType(name)) == {"行政处罚": "处罚", "行政许可": "许可", "行政强制": "强制"}[name]


def test_registers_publish_each_matters_flowchart_and_service_guide(demo_ws, run_cli, tmp_path):
    """#30 item 6: per 事项 of the demo's 事前公开 list, its 执法流程图 (SVG, PNG) and 服务指南 (.docx),
    drawn from the declared procedure of its kind; the SVG names every step of that procedure."""
    from xml.etree import ElementTree

    from docx import Document

    from casefile.law import casetypes

    from casefile.output import registers
    out = tmp_path / "公开"
    code, stdout, err = run_cli("publicity", "registers", "--out", str(out), "--json", "-w", str(demo_ws.root))
    assert code == 0, err
    matters = registers.load_matters(demo_ws).matters
    assert len(matters) == 5
    for m in matters:
        svg, png, guide = (next(out.glob(f"{m.name}-{suffix}")) for suffix in ("执法流程图.svg", "执法流程图.png", "服务指南.docx"))
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
        texts = "".join(t.text or "" for t in ElementTree.parse(svg).iter("{http://www.w3.org/2000/svg}text"))
        steps = [move.id for move in casetypes.get(m.kind).moves]
        assert steps and all(step in texts for step in steps), (m.kind, [s for s in steps if s not in texts])
        assert m.name in texts
        text = "\n".join(p.text for p in Document(str(guide)).paragraphs)
        for head in ("实施依据", "受理（办理）条件", "申请材料", "办理程序", "办理期限", "救济途径"):
            assert head in text
        assert m.basis in text  # 依据 from the 事项
        assert all(step in text for step in steps)
    licence = next(out.glob("食品经营许可-服务指南.docx"))
    text = "\n".join(p.text for p in Document(str(licence)).paragraphs)
    assert "行政许可决定期限：20个工作日" in text and "行政许可法第七条" in text  # periods from the profile, remedy declared
    assert "＿＿＿" in text  # 条件 and 材料: the data holds none, a blank is left, nothing invented


def test_every_declaration_is_checked_against_the_model():
    """A misspelt state, act, procedure or check in any declaration fails here, not in a dialog."""
    from casefile.law import casetypes, entries, transitions
    names = casetypes.names()
    assert names[:5] == ["行政处罚", "行政许可", "行政强制", "行政检查", "行政征收征用"] and "审计" in names
    for name in names:
        decl = casetypes.get(name)
        assert transitions.transitions(name) and decl.statistics and decl.cover_title and entries.act_kinds(name)
        assert all(set(m.roles) <= set(casetypes.ROLES) and m.roles for m in decl.moves), name
        assert any(m.to == "已决定" for m in decl.moves), f"{name} 没有作出决定的状态变更"


def test_a_declaration_with_an_unknown_role_is_refused(tmp_path):
    from casefile.law import casetypes
    path = tmp_path / "x.toml"
    path.write_text('name = "行政确认"\n[[moves]]\nid = "确认"\nfrom = ["已立案"]\nto = "已决定"\nroles = ["科长"]\n', encoding="utf-8")
    with pytest.raises(casetypes.DeclarationError, match="科长"):
        casetypes.read(path)
