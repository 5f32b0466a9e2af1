"""The journal cannot disappear unnoticed: its head lives in case.toml, in the
workspace ledger and, once sealed, with the 法制机构."""

from __future__ import annotations

import json
import shutil

from casefile.chain import heads, journal
CASE = "SJ-2026-088"  # 15 entries in the demo: created, documents imported and rendered


def _lines(ws):
    return (ws.cases_dir / CASE / journal.JOURNAL).read_text(encoding="utf-8").splitlines(keepends=True)


def _messages(ws, cid=CASE):
    return [b.message for b in journal.verify(ws.cases_dir / cid)]


def test_every_append_records_the_head_in_case_toml_and_the_ledger(demo_ws):
    ws = demo_ws
    entries = journal.read(ws.cases_dir / CASE)
    want = {"entries": len(entries), "hash": entries[-1]["hash"]}
    case_head = heads.read_case_head(ws.cases_dir / CASE)
    assert {k: case_head[k] for k in want} == want
    ledger = heads.read_ledger(ws.root)[CASE]
    assert {k: ledger[k] for k in want} == want
    assert set(heads.read_ledger(ws.root)) == set(ws.case_ids())
    # the head is not a fact of the case: loading and saving the case keeps it and journals nothing about it
    case = ws.load_case(CASE)
    case.title = case.title + "（补正）"
    e = ws.save_case(case)
    assert list(e["changes"]["facts"]) == ["title"]
    assert heads.read_case_head(ws.cases_dir / CASE)["entries"] == len(entries) + 1
    assert _messages(ws) == []


def test_cut_tail_is_caught(demo_ws):
    lines = _lines(demo_ws)
    (demo_ws.cases_dir / CASE / journal.JOURNAL).write_text("".join(lines[:-2]), encoding="utf-8")
    msgs = _messages(demo_ws)
    assert msgs and "记录被截短" in msgs[0] and f"记录有 {len(lines)} 条" in msgs[0] and f"只有 {len(lines) - 2} 条" in msgs[0]


def test_emptied_or_deleted_journal_is_caught(demo_ws, run_cli):
    path = demo_ws.cases_dir / CASE / journal.JOURNAL
    path.write_bytes(b"")
    assert "journal.jsonl 为空或已被删除" in _messages(demo_ws)[0]
    path.unlink()
    code, out, err = run_cli("journal", "verify", CASE, "-w", str(demo_ws.root))
    assert code == 10
    assert "为空或已被删除" in out and "15 条记录" in out


def test_deleted_case_toml_is_named_by_list_and_verify(demo_ws, run_cli):
    (demo_ws.cases_dir / CASE / "case.toml").unlink()
    code, out, err = run_cli("case", "list", "-w", str(demo_ws.root))
    assert code == 0
    assert f"案件 {CASE} 无法读取" in err and "case.toml 已不存在" in err
    assert "共 7 件" in out
    code, out, err = run_cli("journal", "verify", "--all", "-w", str(demo_ws.root), "--json")
    assert code == 10
    data = json.loads(out)
    assert list(data["breaks"]) == [CASE]
    assert "case.toml 已不存在" in data["breaks"][CASE][0]["message"]
    assert data["cases"] == 8


def test_deleted_case_folder_is_named_by_verify_all(demo_ws, run_cli):
    shutil.rmtree(demo_ws.cases_dir / CASE)
    code, out, err = run_cli("journal", "verify", "--all", "-w", str(demo_ws.root))
    assert code == 10
    assert f"✗ {CASE}：案件文件夹" in out and "已不存在" in out and "15 条记录" in out
    assert "✓ YJ-2026-003" in out


def _rewrite_history(ws):
    """What someone with write access to everything does: change entry 3's actor, recompute
    every later hash, and record the new head in case.toml and in the ledger."""
    d = ws.cases_dir / CASE
    entries = journal.read(d)
    entries[2]["actor"] = "冒名者"
    prev = journal.GENESIS
    for e in entries:
        e["prev"] = prev
        e["hash"] = journal.entry_hash(e)
        prev = e["hash"]
    (d / journal.JOURNAL).write_text("".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entries), encoding="utf-8")
    head = heads.head_of(len(entries), prev)
    heads.write_case_head(d, head)
    heads.write_ledger(ws.root, CASE, head)


def test_a_seal_catches_a_history_rewritten_everywhere(demo_ws, run_cli, tmp_path):
    root = str(demo_ws.root)
    seal_file = tmp_path / "封存摘要.json"
    code, out, err = run_cli("journal", "seal", "--all", "-w", root, "--out", str(seal_file))
    assert code == 0 and "摘要值（SHA-256）" in out
    sealed = json.loads(seal_file.read_text(encoding="utf-8"))
    assert sealed["cases"][CASE]["entries"] == 15 and sealed["agency"] == demo_ws.profile.name

    # work goes on after the seal: later entries extend the chain and still match it
    case = demo_ws.load_case(CASE)
    case.title += "（补正）"
    demo_ws.save_case(case)
    code, out, err = run_cli("journal", "verify", "--against", str(seal_file), "-w", root)
    assert code == 0, out + err

    _rewrite_history(demo_ws)
    assert _messages(demo_ws) == []  # chain, case.toml and ledger all agree: only the seal can tell
    for ref in (str(seal_file), sealed["digest"]):
        code, out, err = run_cli("journal", "verify", "--against", ref, "-w", root, "--json")
        assert code == 10
        data = json.loads(out)
        assert list(data["breaks"]) == [CASE]
        assert "第 15 条记录的哈希与封存摘要记录的链头不符" in data["breaks"][CASE][0]["message"]


def test_a_seal_catches_a_later_cut_and_a_forged_seal_is_refused(demo_ws, run_cli, tmp_path):
    root = str(demo_ws.root)
    d = demo_ws.cases_dir / CASE
    facts_before = (d / "case.toml").read_bytes()
    for word in ("（补正）", "（再补正）", "（三补正）"):  # three more entries, then the seal
        case = demo_ws.load_case(CASE)
        case.title += word
        demo_ws.save_case(case)
    code, out, err = run_cli("journal", "seal", CASE, "-w", root, "--json")
    sealed = json.loads(out)
    assert list(sealed["cases"]) == [CASE]
    # cut the journal, put the facts back as they were and record the shorter head everywhere,
    # as a careful tamperer would: only the seal, kept outside the workspace, can tell
    entries = journal.read(d)[:-3]
    (d / journal.JOURNAL).write_text("".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entries), encoding="utf-8")
    (d / "case.toml").write_bytes(facts_before)
    head = heads.head_of(len(entries), entries[-1]["hash"])
    heads.write_case_head(d, head)
    heads.write_ledger(demo_ws.root, CASE, head)
    assert _messages(demo_ws) == []
    code, out, err = run_cli("journal", "verify", "--against", json.dumps(sealed), "-w", root)
    assert code == 10 and "记录被截短：封存摘要记录有 18 条，journal.jsonl 只有 15 条" in out
    # a seal edited to match is not a seal
    forged = dict(sealed, cases={CASE: {"entries": 15, "hash": entries[-1]["hash"]}})
    f = tmp_path / "forged.json"
    f.write_text(json.dumps(forged, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli("journal", "verify", "--against", str(f), "-w", root)
    assert code == 2 and "封存摘要被改动" in err
    # a digest the workspace never produced
    code, out, err = run_cli("journal", "verify", "--against", "0" * 63 + "1", "-w", root)
    assert code == 2 and "找不到摘要值" in err


def test_nested_case_toml_affects_only_its_case(demo_ws, run_cli):
    """2,000-deep nesting makes tomllib recurse out of stack: that case is named, the rest list."""
    p = demo_ws.cases_dir / "YJ-2026-003" / "case.toml"
    p.write_text(p.read_text(encoding="utf-8") + "\n[extra]\ndeep = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    root = str(demo_ws.root)
    code, out, err = run_cli("case", "list", "-w", root)
    assert code == 0 and "共 7 件" in out and "SJ-2026-088" in out
    assert "YJ-2026-003" in err and "嵌套层次过深" in err
    code, out, err = run_cli("stats", "2026", "-w", root, "--json")
    assert code == 0
    data = json.loads(out)
    assert [u["case"] for u in data["unreadable"]] == ["YJ-2026-003"]
    assert "YJ-2026-003" in err
    code, out, err = run_cli("publicity", "due", "-w", root, "--today", "2026-11-23")
    assert code == 0 and "SJ-2026-037" in out and "YJ-2026-003" in err and "嵌套层次过深" in err
    code, out, err = run_cli("case", "show", "YJ-2026-003", "-w", root)
    assert code == 6 and "嵌套层次过深" in err
    code, out, err = run_cli("case", "validate", str(p))
    assert code == 6 and "嵌套层次过深" in err
