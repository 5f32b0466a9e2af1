"""One 决定书 read against itself (issue 27): the party and the goods of the 定性 against the facts,
the dated acts and records in their legal order, proposal wording in the operative part, the
income confiscated against the income found, 减轻 resting on a normative document, 责令改正
present only in the law's own words. Real decisions (tests/data/decisions, tests/data/consistency)
and hand-written variants of a correct one: the defective one is reported, the correct one is not."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from tests.conftest import DATA

CONSISTENCY = DATA / "consistency"
TODAY = dt.date(2026, 11, 23)
NEW_RULES = ("D08-dates-in-order", "D10-party-consistent", "D11-goods-consistent", "D12-operative-draft-wording",
             "D13-income-as-found", "D05-mitigation-basis", "D06-correction-ordered")

# file → the findings of the rules above it must give (rule, words in the message); nothing else from them
EXPECTED = {
    "samr_1811826E25453A4CE063B8831DAC8B08.txt": [("D08-dates-in-order", "既写2024年1月12日立案，又写2024年4月15日立案")],
    "samr_c42b390fc08145f6aaad1fea551005e9.txt": [("D12-operative-draft-wording", "建议给予")],
    "goods_mismatch.txt": [("D11-goods-consistent", "电线电缆")],
    "goods_match.txt": [],
    "goods_generic.txt": [],
    "price_statute_unquoted.txt": [("D06-correction-ordered", "未责令当事人改正")],
    "price_corrected.txt": [],
    "price_notice_first.txt": [("D08-dates-in-order", "行政处罚告知在2026年3月15日，早于2026年5月6日的现场检查")],
    "price_inquiry_early.txt": [("D08-dates-in-order", "2025年12月8日早于2026年5月6日立案149日")],
    # 莆秀市监处罚〔2025〕092300004号 (real): 询问 on 07-22, 立案 on 09-23, past the 30 working days of 核查
    "samr_b9689f0fecb6b039ce47cdc53c940850.txt": [("D08-dates-in-order", "早于2025年9月23日立案63日")],
    # 澄市监处罚〔2023〕0603049号 (real: 减轻 on the 总局 guidance alone, D05 in labels.toml), its 减轻 sentence rewritten
    "mitigation_no_ground.txt": [("D05-mitigation-basis", "未写明依据和情形")],
    "mitigation_ground_stated.txt": [],
}


def check_each(demo_template, root, names) -> dict:
    """Each decision of tests/data/consistency imported as its own case and evaluated."""
    from casefile.ingest.importer import import_paths
    from casefile.store.workspace import Workspace
    from checklists.engine import check_case, context_for

    shutil.copytree(demo_template, root)
    ws = Workspace.open(root)
    out = {}
    for name in names:
        imp = import_paths(ws, [CONSISTENCY / name])
        out[name] = check_case(context_for(ws, imp.case, TODAY), "evaluate")
    return out


def assert_exactly(result, rules, expected) -> None:
    """The findings of ``rules`` are exactly ``expected`` (rule, words in the message), each major and quoting its text."""
    found = [f for f in result.findings if f.rule in rules]
    for rule, words in expected:
        assert any(f.rule == rule and words in f.message for f in found), (rule, words, [f.message for f in found])
    for f in found:
        assert any(f.rule == rule and words in f.message for rule, words in expected), f.message
        assert f.severity == "major" and any(e.get("text") for e in f.evidence), f.message


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    return check_each(demo_template, tmp_path_factory.mktemp("consistency") / "ws", EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_consistency_findings(checked, name):
    assert_exactly(checked[name], NEW_RULES, EXPECTED[name])


def _read(name: str):
    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.normalize import compact

    return read_decision(compact((CONSISTENCY / name).read_text(encoding="utf-8")).text)


def test_same_day_reads_the_date_before():
    """“同日，经本局负责人批准立案” is the day of the inspection named just before it."""
    from checklists.decision_consistency import _records

    rec = _records(_read("price_corrected.txt"))
    assert [d for d, _ in rec["立案"]] == [dt.date(2026, 5, 6)]
    assert dt.date(2026, 5, 8) in [d for d, _ in rec["询问"]]


def test_law_wording_without_quotation_marks_is_not_an_order():
    """…第四十二条规定：经营者违反明码标价规定的，责令改正… is the law speaking; the decision orders nothing."""
    assert _read("price_statute_unquoted.txt").correction is None
    assert _read("price_corrected.txt").correction.text.startswith("责令当事人改正")
    # after “…之规定：” the decision may give its own order
    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.normalize import compact

    text = (CONSISTENCY / "price_corrected.txt").read_text(encoding="utf-8").replace(
        "第四十二条规定：经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款。本局决定责令当事人改正上述违法行为，并",
        "第四十二条之规定：责令当事人改正上述违法行为，本局决定")
    assert "之规定：责令当事人" in text
    assert read_decision(compact(text).text).correction.text.startswith("责令当事人改正")


def test_party_of_the_facts_is_the_header_party():
    from checklists.decision_consistency import party_mismatches, same_party

    assert same_party("某县鑫达五金建材经营部", "鑫达五金建材经营部")
    assert same_party("北京某某科技有限公司", "北京某某科技有限公司朝阳分公司")
    assert not same_party("固安县宗旭电动车经营部", "固安县双齐电动车销售部")
    assert party_mismatches(_read("goods_match.txt")) == []
