"""case.toml anchored in the journal, and received packages checked as strangers (issue 32).

Each test runs the damage of a probe: a hand edit of 货值 (12000 → 1200, enough to move the case
under a referral threshold), an older case.toml put back (undoing two recorded writes), a
package whose case.toml or review round was altered with the manifest recomputed, and a package
from another agency.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from casefile.chain import journal
from casefile.errors import PackageError
from casefile.store.package import export_package, import_package
from tests.test_package_verify import members, rebuild, refused

CASE = "SJ-2026-088"


def _case_toml(ws):
    return ws.cases_dir / CASE / "case.toml"


def test_a_hand_edit_is_reported_sealed_or_not_until_accepted(demo_ws, run_cli):
    root = str(demo_ws.root)
    code, out, _ = run_cli("journal", "seal", CASE, "-w", root, "--json")
    sealed = out
    p = _case_toml(demo_ws)
    p.write_text(p.read_text(encoding="utf-8").replace("goods_value = 12000", "goods_value = 1200"), encoding="utf-8")
    code, out, _ = run_cli("journal", "verify", CASE, "-w", root)
    assert code == 10 and "violation.goods_value" in out and "锚定的案件事实不符" in out
    code, out, _ = run_cli("journal", "verify", "--against", sealed, "-w", root)
    assert code == 10 and "violation.goods_value" in out
    # a casefile write after the edit journals it as an outside change, never folds it in
    case = demo_ws.load_case(CASE)
    case.title += "（补正）"
    demo_ws.save_case(case)
    acts = [e["act"] for e in journal.read(demo_ws.cases_dir / CASE)]
    assert acts[-2:] == ["记录外修改", "修改案件事实"]
    code, out, _ = run_cli("journal", "verify", CASE, "-w", root)
    assert code == 10 and "在 casefile 之外被修改（violation.goods_value），未经确认" in out
    # accepted, with a reason, by a journaled entry
    code, out, err = run_cli("journal", "accept", CASE, "--reason", "更正录入错误，经负责人同意", "-w", root, "--json")
    assert code == 0, err
    r = json.loads(out)
    assert r["accepts"] and r["reason"] == "更正录入错误，经负责人同意"
    code, out, _ = run_cli("journal", "verify", CASE, "-w", root)
    assert code == 0
    code, out, err = run_cli("journal", "accept", CASE, "--reason", "再来一次", "-w", root)
    assert code == 2 and "没有需要确认" in err


def test_an_older_case_toml_put_back_is_reported(demo_ws, run_cli):
    p = _case_toml(demo_ws)
    older = p.read_bytes()
    for word in ("（补正）", "（再补正）"):  # two recorded writes the old copy would undo
        case = demo_ws.load_case(CASE)
        case.title += word
        demo_ws.save_case(case)
    p.write_bytes(older)
    messages = [b.message for b in journal.verify(demo_ws.cases_dir / CASE)]
    assert any("case.toml 的链头停在第" in m and "旧副本" in m for m in messages), messages
    code, out, _ = run_cli("journal", "verify", CASE, "-w", str(demo_ws.root))
    assert code == 10


def test_an_old_journal_without_facts_hashes_still_verifies_as_unanchored(demo_ws, run_cli):
    d = demo_ws.cases_dir / CASE
    entries, prev = [], journal.GENESIS
    for e in journal.read(d):  # the journal as an older casefile wrote it
        e = {k: v for k, v in e.items() if k not in ("facts_sha256", "facts_fields", "hash")}
        e["prev"] = prev
        e["hash"] = prev = journal.entry_hash(e)
        entries.append(e)
    (d / journal.JOURNAL).write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
    from casefile.chain import heads
    head = heads.head_of(len(entries), prev)
    heads.write_case_head(d, head)
    heads.write_ledger(demo_ws.root, CASE, head)
    code, out, _ = run_cli("journal", "verify", CASE, "-w", str(demo_ws.root))
    assert code == 0 and "案件事实未锚定" in out
    case = demo_ws.load_case(CASE)
    case.title += "（补正）"
    demo_ws.save_case(case)  # from now on anchored
    code, out, _ = run_cli("journal", "verify", CASE, "-w", str(demo_ws.root))
    assert code == 0 and f"前 {len(entries)} 条记录由旧版本写入" in out


@pytest.fixture
def pkg(demo_ws, tmp_path):
    dest = tmp_path / "送审包.zip"
    export_package(demo_ws, CASE, dest)
    return dest


def test_a_package_whose_facts_were_altered_is_refused(demo_ws, pkg):
    items = members(pkg)
    altered = []
    for i, data in items:
        if i.filename == f"{CASE}/case.toml":
            text = data.decode("utf-8").replace("清溪县百味源食品有限公司", "清溪县百味园食品有限公司")
            data = re.sub(r"goods_value = \d+", "goods_value = 1500", text).encode("utf-8")
        altered.append((i, data))
    msg = refused(demo_ws, rebuild(pkg, altered))
    assert "锚定的案件事实不符" in msg and "violation.goods_value" in msg and "parties" in msg


def test_a_forged_review_round_is_refused_cleanly(demo_ws, pkg, run_cli):
    from checklists.review import open_round
    import datetime as dt

    open_round(demo_ws, CASE, dt.date(2026, 11, 23))
    export_package(demo_ws, CASE, pkg)
    items = members(pkg)
    rel = f"{CASE}/reviews/round-1/round.json"
    forged_missing_key, forged_extra_round = [], []
    for i, data in items:
        if i.filename == rel:
            rnd = json.loads(data)
            del rnd["findings"][0]["message"]  # what made `review show` end in 内部错误 (KeyError)
            forged_missing_key.append((i, json.dumps(rnd, ensure_ascii=False).encode("utf-8")))
            rnd2 = json.loads(data)
            rnd2["round"] = 2
            forged_extra_round.append((i, data))
            forged_extra_round.append((f"{CASE}/reviews/round-2/round.json", json.dumps(rnd2, ensure_ascii=False).encode("utf-8")))
        else:
            forged_missing_key.append((i, data))
            forged_extra_round.append((i, data))
    msg = refused(demo_ws, rebuild(pkg, forged_missing_key))
    assert "round-1/round.json 的 findings[0] 缺少 message" in msg
    msg = refused(demo_ws, rebuild(pkg, forged_extra_round))
    assert "全过程记录中没有开始第 2 轮审核的记录" in msg
    code, out, err = run_cli("package", "import", str(rebuild(pkg, forged_missing_key)), "--replace", "-w", str(demo_ws.root))
    assert code != 0 and "内部错误" not in err and "校验失败" in err


def test_a_package_from_another_agency_is_refused_unless_accepted(demo_ws, pkg, tmp_path, run_cli):
    other = tmp_path / "other"
    shutil.copytree(demo_ws.root, other)
    prof = other / "workspace.toml"
    prof.write_text(prof.read_text(encoding="utf-8").replace("清溪县市场监督管理局", "松阳县市场监督管理局", 1), encoding="utf-8")
    from casefile.store.workspace import Workspace

    theirs = Workspace.open(other)
    sent = tmp_path / "他机关.zip"
    digest = export_package(theirs, CASE, sent)["sender"]["digest"]
    with pytest.raises(PackageError, match="来自“松阳县市场监督管理局”") as e:
        import_package(demo_ws, sent, replace=True)
    assert digest in str(e.value)
    code, out, err = run_cli("package", "import", str(sent), "--replace", "--accept-foreign", "-w", str(demo_ws.root))
    assert code == 0, err
    assert "松阳县市场监督管理局（他机关）" in out and digest in out
    assert journal.read(demo_ws.cases_dir / CASE)[-1]["act"] == "导入他机关案卷包"
    # and it is not counted as this agency's case in the statistics, but named
    from casefile.model import ActKind
    year = demo_ws.load_case(CASE).first_date(ActKind.FILING).year
    code, out, err = run_cli("stats", str(year), "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    assert json.loads(out)["received_not_counted"] == {"松阳县市场监督管理局": 1}
    assert "松阳县市场监督管理局移交的 1 件案卷未计入本机关统计" in run_cli("stats", str(year), "-w", str(demo_ws.root))[2]
    # a manifest whose stated sender was changed to this agency no longer matches its journal
    items = []
    for i, data in members(sent):
        if i.filename == "manifest.json":
            m = json.loads(data)
            m["sender"]["agency"] = "清溪县市场监督管理局"
            data = json.dumps(m, ensure_ascii=False).encode("utf-8")
        items.append((i, data))
    assert "发送机关与链头摘要" in refused(demo_ws, rebuild(sent, items))
