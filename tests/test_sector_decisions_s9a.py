"""The s9a batch of real decisions of other sectors (自然资源, 城管, 住建, 发改, 交通运输; 财政 beside them), gathered
held out and given their truth by hand before the tool ran on them (tests/data/decisions_sectors/truth_s9a.toml;
first contact in s9a-first-contact.md). Their header fields are read as the text writes them, an empty truth
meaning the text does not name the field."""

from __future__ import annotations

import tomllib

import pytest

from tests.conftest import DATA
from tests.test_sector_decisions import _norm  # the bench's comparison: spaces out, every bracket one

SECTORS = DATA / "decisions_sectors"
TRUTH = tomllib.loads((SECTORS / "truth_s9a.toml").read_text(encoding="utf-8"))["decision"]
FIELDS = ("doc_no", "agency", "party", "date")
# not read yet: a 以案释法 whose decider is masked (xx县局) under a publisher that did not decide (the page's
# 发布机构 淄博市自然资源和规划局 is still taken)
KNOWN_MISS = {"zr_zibo_caixx.txt": ("agency",)}


@pytest.fixture(scope="module")
def extracted():
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    return {t["file"]: extract(read_document(SECTORS / "txt" / t["file"])) for t in TRUTH}


def _field(x, k: str) -> str:
    return x.fields.get(k) or x.fields.get("masked", {}).get(k, "")  # 徐某某 is read, and reported as masked


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_header_fields_as_the_text_writes_them(extracted, truth):
    x = extracted[truth["file"]]
    for k in (k for k in FIELDS if k not in KNOWN_MISS.get(truth["file"], ())):
        assert _norm(_field(x, k)) == _norm(truth[k]), (k, _field(x, k), truth[k])


def test_a_page_titled_by_its_case_names_the_party(extracted):
    # 广州市花都区炭步镇红峰经济联合社非法占地案; …有限公司石家庄分公司施工现场未采取有效防尘降尘措施案; …施工现场扬尘污染案3
    assert _field(extracted["zr_guangzhou_hongfeng.txt"], "party") == "广州市花都区炭步镇红峰经济联合社"
    assert _field(extracted["cg_shijiazhuang_nuojin.txt"], "party") == "北京诺金盛世装饰工程有限公司石家庄分公司"
    assert _field(extracted["cg_shijiazhuang_zhongbai.txt"], "party") == "石家庄中佰建筑工程有限公司"


def test_a_page_s_menu_and_toolbar_are_neither_agency_nor_party(extracted):
    # the menu's 自然资源局 has no place; 字体大小: is the page's toolbar, not a salutation
    x = extracted["zr_jianghai_li.txt"]
    assert x.fields.get("agency") != "自然资源局" and _field(x, "party") != "字体大小"


def test_a_write_up_gives_the_decision_it_tells_of(extracted):
    # …予以强制执行江海区自然资源局于2019年9月19日作出的江海自然(执法)决定字〔2019〕17号《行政处罚决定书》:
    # not the 催告书 (江海自然(执法)催告字〔2020〕1号), not the date the court was applied to (2020年5月29日)
    f = extracted["zr_jianghai_li.txt"].fields
    assert (f.get("agency"), f.get("date"), f.get("doc_no")) == ("江海区自然资源局", "2019-09-19", "江海自然(执法)决定字〔2019〕17号")


def test_a_law_s_amendment_date_is_not_the_decision_s(extracted):
    # （2019年8月26日第三次修正、2020年1月1日实施）ends the page cut inside a quoted article
    assert extracted["zr_yanshan_deyu.txt"].fields.get("date") is None


def test_a_write_up_s_masked_person_called_行为人(extracted):
    # 以案释法: …发现,xx县xx街道xx村崔xx未取得采矿许可证…行为人崔xx在xx县…开采
    assert _field(extracted["zr_zibo_caixx.txt"], "party") == "崔xx"


def test_the_party_named_only_in_the_decision_s_sentence(extracted):
    # 本机关决定对徐某某作出罚款…; the 告知书's number (北综执工业告〔2023〕30号) is not the decision's
    x = extracted["cg_beihai_xu.txt"]
    assert _field(x, "party") == "徐某某" and not x.fields.get("doc_no")


def test_agency_labelled_as_the_administrative_organ(extracted):
    # 典型案例: 行政机关:洛阳市交通运输局 / 行政相对人:曹*超
    assert extracted["jt_luoyang_cao.txt"].fields.get("agency") == "洛阳市交通运输局"
