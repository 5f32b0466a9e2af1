"""Who may do what, on the demo (issue 30): the demo's users act under their own logins
(CASEFILE_USER, which the demo workspace allows), each refusal exits non-zero with a Chinese
reason and writes nothing, every journal entry names the person, and the approval chain
(负责人审批, 集体讨论, the coordination step after 存在问题) stands before a decision."""

from __future__ import annotations

import json
import multiprocessing as mp
from pathlib import Path

import pytest

from casefile.chain import journal
CASE = "SJ-2026-088"  # handlers 王建国 (wangjg) and 李晓梅 (lixm, who also holds 法制审核); 重大执法决定
DAY = "2026-11-24"
BASIS = "《中华人民共和国食品安全法》第一百二十四条第一款"


@pytest.fixture
def as_user(monkeypatch, demo_ws, run_cli):
    """run(user, *args): the CLI on the demo copy as that login."""

    def run(user: str, *args: str):
        monkeypatch.setenv("CASEFILE_USER", user)
        return run_cli(*args, "-w", str(demo_ws.root))

    monkeypatch.setenv("CASEFILE_TODAY", DAY)
    return run


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _journal(demo_ws) -> list[dict]:
    return journal.read(demo_ws.cases_dir / CASE)


def test_a_handler_is_refused_the_review_of_his_case_and_nothing_is_written(demo_ws, as_user):
    before = _files(demo_ws.cases_dir / CASE)
    code, _, err = as_user("lixm", "review", "open", CASE)
    assert code == 14
    assert "李晓梅是案件 SJ-2026-088 的承办人，不能审核本案" in err and "法制审核" in err
    assert _files(demo_ws.cases_dir / CASE) == before


def test_a_reviewer_who_is_no_handler_opens_it_and_the_journal_names_her(demo_ws, as_user):
    code, out, err = as_user("zhouting", "review", "open", CASE, "--json")
    assert code == 0, err
    assert json.loads(out)["reviewer"] == "zhouting"
    last = _journal(demo_ws)[-1]
    assert last["act"] == "开始法制审核" and last["actor"] == "zhouting" and last["user"] == "周婷"
    assert not journal.verify(demo_ws.cases_dir / CASE)  # old entries (no "user") and new ones verify together
    # she issues the opinion and signs it, whatever reviewer the case file lists
    for f in json.loads(as_user("zhouting", "review", "show", CASE, "--json")[1])["findings"]:
        assert as_user("zhouting", "review", "override", CASE, str(f["id"]), "--reason", "经核实不影响认定")[0] == 0
    code, out, err = as_user("zhouting", "review", "opinion", CASE, "--json")
    assert code == 0, err
    assert json.loads(out)["reviewer"] == "周婷"


def test_a_reviewer_cannot_add_evidence_nor_a_handler_of_another_case(demo_ws, as_user):
    as_user("zhouting", "review", "open", CASE)
    before = _files(demo_ws.cases_dir / CASE)
    evidence = ("facts", "add", CASE, "证据", "--kind", "书证", "--name", "进货发票", "--date", "2026-11-20")
    code, _, err = as_user("zhouting", *evidence)
    assert code == 14 and "周婷没有承办人角色" in err
    code, _, err = as_user("chenzq", *evidence)  # a 承办人, but not of this case
    assert code == 14 and "陈志强不是案件 SJ-2026-088 的承办人" in err
    assert _files(demo_ws.cases_dir / CASE) == before
    code, _, err = as_user("wangjg", *evidence)  # its handler adds it while the review runs
    assert code == 0, err
    assert _journal(demo_ws)[-1]["user"] == "王建国"


def test_the_reviewer_of_an_open_round_cannot_change_the_facts_she_reviews(demo_ws, as_user):
    # 李晓梅 holds 承办人 and 法制审核: she reviews a case that is not hers, then may not edit it
    case = demo_ws.load_case(CASE)
    case.handlers = ["33112600101"]  # 王建国 alone
    demo_ws.save_case(case)
    assert as_user("lixm", "review", "open", CASE)[0] == 0
    code, _, err = as_user("lixm", "facts", "add", CASE, "证据", "--kind", "书证", "--name", "进货发票", "--date", "2026-11-20")
    assert code == 14 and "正在审核案件" in err


def test_an_unregistered_login_can_list_cases_but_not_write(demo_ws, as_user):
    code, out, _ = as_user("nobody", "case", "list", "--json")
    assert code == 0 and CASE in out
    before = _files(demo_ws.root / "cases")
    code, _, err = as_user("nobody", "case", "new", "--party", "某某商店", "--cause", "未明码标价")
    assert code == 14 and "nobody 不在本工作区的用户清单中，只能查看" in err
    code, _, err = as_user("nobody", "facts", "add", CASE, "证据", "--kind", "书证", "--name", "发票", "--date", "2026-11-20")
    assert code == 14
    assert _files(demo_ws.root / "cases") == before


def test_a_new_workspace_ignores_casefile_user_and_registers_its_creator(tmp_path, run_cli, monkeypatch):
    from casefile.store.users import os_login

    monkeypatch.setenv("CASEFILE_USER", "zhouting")
    root = tmp_path / "ws"
    assert run_cli("init", "-w", str(root), "--name", "某县市场监督管理局")[0] == 0
    code, out, _ = run_cli("user", "whoami", "--json", "-w", str(root))
    me = json.loads(out)
    assert me["login"] == os_login() and me["roles"] == ["管理员"]
    code, _, err = run_cli("user", "add", "wangjg", "--name", "王建国", "--role", "承办人", "-w", str(root))
    assert code == 0, err
    code, out, _ = run_cli("user", "list", "--json", "-w", str(root))
    assert [u["login"] for u in json.loads(out)] == [os_login(), "wangjg"]
    code, _, err = run_cli("user", "remove", os_login(), "-w", str(root))
    assert code != 0 and "最后一名管理员" in err
    # the administrator takes on casework too, and keeps the administration
    code, _, err = run_cli("user", "add", os_login(), "--name", "张三", "--role", "承办人", "--replace", "-w", str(root))
    assert code != 0 and "最后一名管理员" in err
    code, _, err = run_cli("user", "add", os_login(), "--name", "张三", "--role", "承办人", "--role", "管理员", "--replace", "-w", str(root))
    assert code == 0, err
    assert run_cli("case", "new", "--party", "某某商店", "--cause", "未明码标价", "-w", str(root))[0] == 0


def test_only_the_administrator_manages_users(demo_ws, as_user):
    code, _, err = as_user("wangjg", "user", "add", "newbie", "--name", "新人", "--role", "承办人")
    assert code == 14 and "管理员" in err
    code, _, err = as_user("majun", "user", "add", "newbie", "--name", "新人", "--role", "承办人", "--officer", "99999")
    assert code != 0 and "99999 不在行政执法人员清单中" in err
    assert as_user("majun", "user", "add", "newbie", "--name", "新人", "--role", "承办人")[0] == 0


def _agreed_review(as_user, problems: bool) -> None:
    assert as_user("zhouting", "review", "open", CASE)[0] == 0
    rnd = json.loads(as_user("zhouting", "review", "show", CASE, "--json")[1])
    for f in rnd["findings"]:
        verb = ("accept",) if problems and f["rule"] == "F02-parties-agree" else ("override", "--reason", "已核实")
        assert as_user("zhouting", "review", verb[0], CASE, str(f["id"]), *verb[1:])[0] == 0
    code, out, err = as_user("zhouting", "review", "opinion", CASE, "--json")
    assert code == 0, err
    assert json.loads(out)["conclusion"] == ("存在问题" if problems else "同意")
    code, _, err = as_user("wangjg", "facts", "add", CASE, "决定", "--kind", "罚款", "--amount", "150000", "--basis", BASIS)
    assert code == 0, err


def _decide(as_user):
    return as_user("wangjg", "state", "move", CASE, "作出决定", "--yes")


def test_a_major_case_waits_for_the_head_and_the_collective_discussion(demo_ws, as_user):
    _agreed_review(as_user, problems=False)
    code, _, err = _decide(as_user)
    assert code != 0 and "尚无负责人审批" in err and "第五十七条第一款" in err and "集体讨论" in err
    assert demo_ws.load_case(CASE).state.value == "待法制审核"
    # the head's own work list shows it; a handler may not approve
    code, out, _ = as_user("xugp", "work", "--json")
    assert [i["case"] for i in json.loads(out)["待我审批"]] == [CASE]
    assert as_user("wangjg", "approve", CASE, "--opinion", "同意")[0] == 14
    assert as_user("xugp", "approve", CASE, "--opinion", "同意按拟处罚意见作出决定")[0] == 0
    code, _, err = _decide(as_user)
    assert code != 0 and "尚无负责人审批" not in err and "须经行政机关负责人集体讨论决定" in err
    code, out, err = as_user("xugp", "discuss", CASE, "--participant", "许国平", "--participant", "周婷", "--participant", "王建国",
                             "--opinion", "许国平（局长）：同意罚款十五万元", "--opinion", "周婷：经法制审核，同意",
                             "--conclusion", "同意对当事人罚款150000元", "--json")
    assert code == 0, err
    from tests.docx_text import docx_text

    text = docx_text(demo_ws.cases_dir / CASE / json.loads(out)["document"])
    assert "许国平（局长）：同意罚款十五万元" in text and "结论：同意对当事人罚款150000元" in text
    code, _, err = _decide(as_user)
    assert code == 0, err
    acts = {e["act"]: e.get("user") for e in _journal(demo_ws)}
    assert acts["负责人审批"] == "许国平" and acts["集体讨论"] == "许国平" and acts["作出决定（待法制审核 → 已决定）"] == "王建国"


def test_a_review_with_problems_blocks_the_decision_until_the_coordination_is_closed(demo_ws, as_user):
    _agreed_review(as_user, problems=True)
    as_user("xugp", "approve", CASE, "--opinion", "同意")
    as_user("xugp", "discuss", CASE, "--participant", "许国平", "--participant", "周婷", "--conclusion", "同意")
    code, _, err = _decide(as_user)
    assert code != 0 and "存在问题" in err and "review respond" in err
    code, _, err = as_user("zhouting", "review", "respond", CASE, "--text", "不同意", "--to", "负责人")
    assert code == 14  # the 承办机构 answers, not the reviewer
    reason = "统一社会信用代码差异系陈述申辩书笔误，营业执照与案件记载一致"
    assert as_user("wangjg", "review", "respond", CASE, "--text", reason, "--to", "负责人")[0] == 0
    code, _, err = _decide(as_user)
    assert code != 0 and "尚待负责人决定" in err
    code, out, _ = as_user("xugp", "work", "--json")
    assert "书面说明待负责人决定" in json.loads(out)["待我审批"][0]["waiting"]
    code, out, _ = as_user("xugp", "approve", CASE, "--opinion", "同意承办机构意见", "--json")
    assert json.loads(out)["settled_response"] is True
    code, _, err = _decide(as_user)
    assert code == 0, err


def test_work_lists_by_role(demo_ws, as_user):
    code, out, _ = as_user("zhouting", "work", "--json")
    assert [i["case"] for i in json.loads(out)["待我审核"]] == [CASE]  # XK-2026-015 is hers to handle, not review
    code, out, _ = as_user("wangjg", "work", "--json")
    mine = json.loads(out)["我的案件"]
    assert {i["case"] for i in mine} == {"QZ-2026-021", "SJ-2026-037", "SJ-2026-088", "SJ-2026-101"}
    assert any("审核期限" in i["waiting"] for i in mine if i["case"] == CASE)


# -- two people at once -------------------------------------------------------------------------------
def _person(root: str, login: str, n: int, start) -> None:
    import os

    os.environ["CASEFILE_USER"] = login
    from tui.application import Session

    s = Session.open(root, DAY)
    start.wait()
    for i in range(n):
        if login == "wangjg":
            s.entries.save_entry(CASE, "evidence", {"kind": "书证", "name": f"进货票据{i}", "date": "2026-11-20"})
        else:
            s.review.add_finding(CASE, "evidence", "minor", f"第{i}份票据未注明来源", "《市场监督管理行政处罚程序规定》第二十四条")


def test_two_people_on_one_case_lose_nothing_and_see_each_other(demo_ws, monkeypatch):
    from tui.application import Session

    monkeypatch.setenv("CASEFILE_USER", "zhouting")
    reviewer = Session.open(demo_ws.root, DAY)
    reviewer.review.open_review(CASE)
    monkeypatch.setenv("CASEFILE_USER", "wangjg")
    handler = Session.open(demo_ws.root, DAY)
    evidence_before = len(handler.cases.load_case(CASE).evidence)
    added_before = len(reviewer.review.current_review(CASE)["added"])
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(2)
    procs = [ctx.Process(target=_person, args=(str(demo_ws.root), who, 6, start)) for who in ("wangjg", "zhouting")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    assert [p.exitcode for p in procs] == [0, 0]
    # each sees the other's work on refresh (each reads the folder again)
    assert len(reviewer.cases.load_case(CASE).evidence) == evidence_before + 6
    assert len(handler.review.current_review(CASE)["added"]) == added_before + 6
    entries = _journal(demo_ws)
    assert [e["user"] for e in entries if e["act"] == "录入证据"] == ["王建国"] * 6
    assert [e["user"] for e in entries if e["act"] == "补充审核发现"] == ["周婷"] * 6
    assert not journal.verify(demo_ws.cases_dir / CASE)


def test_only_the_head_or_the_administrator_accepts_a_hand_edit(demo_ws, as_user):
    """A hand edit of case.toml is reported by journal verify; accepting it as deliberate is the
    负责人's or the 管理员's act (issue 32: "a deliberate hand edit can be accepted by a permitted
    user, journaled"), never the handler's who may have made it."""
    p = demo_ws.cases_dir / CASE / "case.toml"
    p.write_text(p.read_text(encoding="utf-8").replace("清溪县百味源食品有限公司", "清溪县百味园食品有限公司"), encoding="utf-8")
    before = _files(demo_ws.cases_dir / CASE)
    code, _, err = as_user("wangjg", "journal", "accept", CASE, "--reason", "更正当事人名称")
    assert code == 14 and "确认案件事实的手工修改" in err
    assert _files(demo_ws.cases_dir / CASE) == before
    code, _, err = as_user("xugp", "journal", "accept", CASE, "--reason", "更正当事人名称，经核对营业执照")
    assert code == 0, err
    assert _journal(demo_ws)[-1]["user"] == "许国平"
