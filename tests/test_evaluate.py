"""案卷评查 of an archive (issue 31): `casefile evaluate` over real published 市场监管 decisions
(tests/data/decisions), scoring standards as data, reproducible stratified sampling, the store of
past evaluations and the reports."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import shutil
import tomllib
from pathlib import Path

import pytest

from checklists.evaluation import coverage, sampling, standards, store
from checklists.evaluation.units import Evaluator, collect

DATA = Path(__file__).resolve().parent / "data"
DECISIONS = DATA / "decisions"
ABRIDGED = "samr_a0a0e2858a9315cc018b40ba5fce4dd4.txt"  # 冀市监廊处〔2023〕13100223000181号: the 公示 summary
PRICE_CASE = "samr_22a0b6ef96f84592a0321480cadc5095.txt"  # 剑市监处罚〔2026〕30号: remedies told wrongly (复议前置)
TODAY = dt.date(2026, 11, 23)


def _finding(rule, category, severity, message="决定书内容：……"):
    return {"rule": rule, "category": category, "severity": severity, "message": message}


def _province():
    with open(standards.SCORING_DIR / "province.toml", "rb") as f:
        return tomllib.load(f)


def test_the_province_standard_weighs_findings_by_its_items():
    findings = [_finding("P16-decision-contents", "documents", "major"), _finding("F01-facts-stated", "facts", "minor"),
                _finding("P04-limitation", "procedure", "major")]
    default = standards.score([dict(f) for f in findings], standards.load("default"))
    province = standards.score([dict(f) for f in findings], standards.load("province"))
    # the default deducts P16 by its rule (2), the others by severity (major 5, minor 1)
    assert default["total"] == 100 - 2 - 1 - 5
    items = {it["id"]: it for it in _province()["items"]}
    expected = 100 - items["cover"]["deduct"]["major"] - items["facts_evidence"]["deduct"]["minor"] - items["procedure"]["deduct"]["major"]
    assert province["total"] == expected
    assert province["total"] != default["total"]
    assert {it["part"] for it in province["items"]} == {"卷面", "内容"}
    assert sum(it["points"] for it in _province()["items"]) == 100


def test_an_item_never_loses_more_than_its_points():
    many = [_finding("L01-citations", "legal_basis", "major") for _ in range(10)]
    s = standards.score(many, standards.load("province"))
    cap = next(it["points"] for it in _province()["items"] if it["id"] == "legal_basis")
    assert s["total"] == 100 - cap
    assert sum(f["points"] for f in many) == cap


def test_a_veto_rule_of_the_standard_fails_the_file():
    s = standards.score([_finding("D01-fine-range", "discretion", "major")], standards.load("province"))
    assert (s["total"], s["grade"], s["vetoed"]) == (0.0, "不合格", True)
    s = standards.score([_finding("D01-fine-range", "discretion", "major")], standards.load("default"))
    assert s["vetoed"] is False and s["total"] == 95


def test_an_unknown_standard_is_named_with_the_ones_there_are():
    from casefile.errors import UsageError

    with pytest.raises(UsageError, match="province"):
        standards.load("nosuch")


@pytest.fixture(scope="module")
def lone_results():
    ev = Evaluator(None, TODAY, "default")
    try:
        units, _ = collect([DECISIONS / PRICE_CASE, DECISIONS / ABRIDGED])
        yield {Path(u["path"]).name: ev.evaluate(u) for u in units}
    finally:
        ev.close()


def test_a_lone_decision_is_scored_on_what_it_shows(lone_results):
    r = lone_results[PRICE_CASE]
    assert r["doc_no"] == "剑市监处罚〔2026〕30号" and r["agency"] == "剑阁县市场监督管理局"
    # 98 points, but a major finding (the remedies told wrongly) bars 优秀
    assert r["scored"] and r["grade"] == "合格"
    assert [f["rule"] for f in r["findings"]] == ["P16-decision-contents"]
    assert r["score"] == 100 - standards.load("default").rules["P16-decision-contents"]
    # what a lone decision cannot show (the other documents, the citations the library lacks) is a note
    notes = {f["rule"] for f in r["coverage"]}
    assert "C01-required-documents" in notes and all(coverage.is_coverage(f) for f in r["coverage"])


def test_the_public_summary_is_not_scored(lone_results):
    r = lone_results[ABRIDGED]
    assert r["scored"] is False and r["score"] is None and "公示摘要" in r["reason"]


def test_the_same_decision_scores_by_the_province_weights():
    ev = Evaluator(None, TODAY, "province")
    try:
        r = ev.evaluate(collect([DECISIONS / PRICE_CASE])[0][0])
    finally:
        ev.close()
    cover = next(it for it in _province()["items"] if it["id"] == "cover")
    assert r["score"] == 100 - cover["deduct"]["major"]
    assert r["findings"][0]["item_name"] == cover["name"]


def _keys(n):
    return [(f"d/{i:03d}.txt", sampling.MUST if i % 17 == 0 else sampling.FOCUS if i % 5 == 0 else sampling.GENERAL) for i in range(n)]


def test_the_same_seed_draws_the_same_sample_whatever_the_order():
    units = _keys(120)
    shuffled = units[:]
    random.Random(3).shuffle(shuffled)
    a = sampling.draw(units, size=30, seed="7")
    b = sampling.draw(shuffled, size=30, seed="7")
    assert a == b and a["count"] == 30
    assert set(a["drawn"]["必查"]) == {k for k, s in units if s == sampling.MUST}
    assert sampling.draw(units, size=30, seed="8")["drawn"] != a["drawn"]
    # 重点 is drawn at twice the rate of 一般
    rate = lambda s: len(a["drawn"][s]) / a["population"][s]  # noqa: E731
    assert rate(sampling.FOCUS) == pytest.approx(2 * rate(sampling.GENERAL), rel=0.25)


def test_a_ratio_is_of_each_stratum():
    d = sampling.draw(_keys(200), ratio=0.1, seed="1")
    assert len(d["drawn"][sampling.GENERAL]) == round(0.1 * d["population"][sampling.GENERAL])
    assert sampling.parse_size("10%") == (None, 0.1) and sampling.parse_size("50") == (50, None)
    with pytest.raises(ValueError):
        sampling.parse_size("五十")


def _tree(path: Path) -> dict[str, str]:
    return {str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.rglob("*")) if p.is_file()}


def test_cli_evaluates_a_folder_reports_a_bad_file_and_leaves_the_cases_alone(run_cli, demo_ws, tmp_path):
    folder = tmp_path / "批次"
    folder.mkdir()
    for name in sorted(p.name for p in DECISIONS.glob("*.txt"))[:7] + [ABRIDGED]:
        shutil.copy(DECISIONS / name, folder / name)
    (folder / "损坏.docx").write_bytes(b"PK\x03\x04 not a docx")
    before = _tree(demo_ws.cases_dir)
    code, out, err = run_cli("--today", "2026-11-23", "evaluate", str(folder), "--json", "--workspace", str(demo_ws.root))
    assert code == 1, err  # one file could not be evaluated: said, and the others are in the output
    results = json.loads(out)
    assert len(results) == 9
    bad = [r for r in results if r.get("error")]
    assert [Path(r["file"]).name for r in bad] == ["损坏.docx"] and "损坏.docx" in err
    good = [r for r in results if not r.get("error")]
    assert all({"file", "doc_no", "agency", "score", "grade", "scored", "findings", "coverage"} <= r.keys() for r in good)
    assert [r["scored"] for r in good].count(False) == 1
    assert _tree(demo_ws.cases_dir) == before
    assert len(list((demo_ws.root / store.FOLDER).glob("*.jsonl"))) == 1


def test_a_folder_is_a_dossier_or_a_batch_by_what_it_holds():
    one_case = DATA / "dossiers" / "correct_market_ordinary_table"  # 立案审批表 … 行政处罚决定书 … 送达回证
    assert [u["kind"] for u in collect([one_case])[0]] == ["dossier"]
    batch = collect([DECISIONS])[0]  # published decisions, each of its own case
    assert len(batch) == len(list(DECISIONS.glob("*.txt"))) == 25 and {u["kind"] for u in batch} == {"file"}
    assert {u["kind"] for u in collect([DATA / "dossiers"])[0]} == {"dossier"}  # a folder of case folders


def test_files_alike_in_two_folders_are_both_evaluated(tmp_path):
    from tui.application.evaluate import EvaluationRequest, choose

    for batch in ("一", "二"):
        (tmp_path / batch / "txt").mkdir(parents=True)
        shutil.copy(DECISIONS / PRICE_CASE, tmp_path / batch / "txt" / PRICE_CASE)
    paths = [tmp_path / "一" / "txt", tmp_path / "二" / "txt", tmp_path / "一" / "txt" / PRICE_CASE]
    units, _, _ = choose(EvaluationRequest(paths=paths), None)
    assert len(units) == 2 and len({u["key"] for u in units}) == 2


def test_cli_sample_twice_gives_the_same_files(run_cli, tmp_path):
    args = ("evaluate", str(DECISIONS), "--sample", "5", "--seed", "7", "--json", "--workspace", str(tmp_path / "none"))
    first = [r["file"] for r in json.loads(run_cli(*args)[1])]
    second = [r["file"] for r in json.loads(run_cli(*args)[1])]
    assert first == second and len(first) == 5


def test_reports_and_history(run_cli, demo_ws, tmp_path):
    import docx
    import openpyxl

    ws = str(demo_ws.root)
    code, _, err = run_cli("evaluate", "--all", "--workspace", ws, "--out", str(tmp_path / "r.xlsx"), "--sample", "4", "--seed", "1")
    assert code == 0, err
    assert {"案卷清单", "按机关", "按规则", "按评查项目"} <= set(openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames)
    draw = json.loads((tmp_path / "r.抽样记录.json").read_text(encoding="utf-8"))
    assert draw["draw"]["seed"] == "1" and draw["draw"]["count"] == 4
    code, _, err = run_cli("evaluate", str(DECISIONS / PRICE_CASE), "--workspace", ws, "--out", str(tmp_path / "r.docx"), "--standard", "province")
    assert code == 0, err
    report = docx.Document(str(tmp_path / "r.docx"))
    assert len(report.inline_shapes) >= 2
    assert any("剑市监处罚〔2026〕30号" in c.text for t in report.tables for row in t.rows for c in row.cells)
    code, out, _ = run_cli("evaluate", "history", "--json", "--workspace", ws)
    hist = json.loads(out)
    assert len(hist["evaluations"]) == 2
    assert hist["by"]["agency"][0]["findings"] > 0
    assert {"rule", "item", "agency", "handler", "month"} == set(hist["by"])
    assert any(row["name"] == "P16-decision-contents" for row in hist["by"]["rule"])


SAMR = DATA / "samr" / "txt"


@pytest.mark.parametrize("name, expected", [
    ("samr_30f54b446fa24fa08bd474b1bd796dad.txt", sampling.MUST),   # 于2025年9月26日公开举行听证会
    ("samr_36693b24289345b1d269143a9577e5a4.txt", sampling.MUST),   # 当事人申请要求举行听证
    ("samr_0ec898ca927b70078f3adff3a03538c8.txt", sampling.MUST),   # 经……集体讨论
])
def test_heard_and_major_cases_must_be_drawn(name, expected):
    from checklists.evaluation import strata

    assert strata.stratum({"kind": "file", "path": str(SAMR / name), "key": name}, []) == expected


def test_the_right_to_a_hearing_told_but_not_used_is_not_a_heard_case():
    from checklists.evaluation import strata

    # 当事人在法定期限内未提出陈述、申辩、听证要求 / 未提出听证
    for name in ("samr_230712000000309314258.txt", "samr_230712000000309415958.txt"):
        u = {"kind": "file", "path": str(DECISIONS / name), "key": name}
        assert strata.stratum(u, []) == sampling.GENERAL
        assert strata.stratum(u, ["市场监督管理局"]) == sampling.FOCUS


def test_a_veto_finding_is_marked_as_such():
    fs = [_finding("D01-fine-range", "discretion", "major"), _finding("F01-facts-stated", "facts", "minor")]
    standards.score(fs, standards.load("province"))
    assert [f["veto"] for f in fs] == [True, False]


def test_a_dossier_and_a_package_are_evaluated_whole(demo_ws, tmp_path):
    from casefile.store.package import export_package

    export_package(demo_ws, "SJ-2026-037", tmp_path / "送审包.zip")
    dossier = DATA / "dossiers" / "decision_in_statement_window_market"
    units, problems = collect([dossier, tmp_path / "送审包.zip"], dossier=True)
    assert [u["kind"] for u in units] == ["dossier", "package"] and not problems
    ev = Evaluator(demo_ws.root, TODAY, "default")
    try:
        heard, package = (ev.evaluate(u) for u in units)
    finally:
        ev.close()
    # a whole dossier: the decision made inside the statement window is a veto, and nothing is set apart
    assert heard["vetoed"] and heard["grade"] == "不合格"
    assert "P12-statement-window" in {f["rule"] for f in heard["findings"]} and heard["coverage"] == []
    assert package["doc_no"] == "清市监处罚〔2026〕37号" and package["scored"] and not package.get("error")
    assert "SJ-2026-037" in demo_ws.case_ids()  # the package came out of the workspace and was not put back twice


def test_the_screen_form_becomes_a_request():
    from tui.application.evaluate import Evaluations

    req = Evaluations.evaluation_request("/a/2025年；/b", "2025", "10%", "", "province", "剑阁县，价格")
    assert [str(p) for p in req.paths] == ["/a/2025年", "/b"] and req.year == 2025 and not req.all_cases
    assert (req.sample, req.seed, req.standard, req.focus) == ("10%", "0", "province", ["剑阁县", "价格"])
    assert Evaluations.evaluation_request("", "全部", "", "7", "default").all_cases
    assert Evaluations.evaluation_request("", "SJ-2026-037，清市监处罚〔2026〕88号", "", "7", "default").cases == [
        "SJ-2026-037", "清市监处罚〔2026〕88号"]


def test_the_default_standard_scores_a_dossier_as_the_case_check_does(demo_ws):
    from checklists.engine import run_check

    ev = Evaluator(demo_ws.root, TODAY, "default")
    try:
        for cid in demo_ws.case_ids():
            r = ev.evaluate({"kind": "case", "path": cid, "key": f"case:{cid}"})
            check = run_check(demo_ws, cid, "evaluate", today=TODAY, journal=False)
            assert (r["score"], r["grade"]) == (check.score["total"], check.score["grade"]), cid
            assert r["case"] == cid and r["coverage"] == []
    finally:
        ev.close()
