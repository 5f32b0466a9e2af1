"""The agency of a decision that names its author neither in a title, a seal nor as 本局 with its name: the one
agency its narrative names handling the case (issue 27: the agency only from the text's own naming of itself,
never a body the text merely mentions), and the name a county-level bureau signs with."""

from casefile.ingest.extract import extract_text
from casefile.ingest.extract.agency import narrative_agency, official_name

OPENING = """当事人:灵宝市新新网吧
法定代表人:尉*瑶
2020年9月8日11时5分,灵宝市文化广电和旅游局文化市场综合执法大队执法人员出示执法证件后依法对位于灵宝市西闫乡西闫街灵宝市新新网吧进行了检查。
2020年9月9日灵宝市文化广电和旅游局依法批准对灵宝市新新网吧开始立案调查。
以上事实,有以下证据证实:
"""


def test_the_one_agency_handling_the_case_is_the_author():
    assert narrative_agency(OPENING) == "灵宝市文化广电和旅游局"
    assert extract_text("行政处罚决定书\n(灵)文综罚字〔2020〕F-000014号\n" + OPENING).fields["agency"] == "灵宝市文化广电和旅游局"


def test_two_agencies_handling_it_name_none():
    text = ("2024年3月5日,岳阳市生态环境局汨罗分局执法人员对你公司进行检查。"
            "2024年3月9日,岳阳市生态环境局依法对你公司立案调查。")
    assert narrative_agency(text) == ""


def test_bodies_merely_mentioned_are_not_the_author():
    text = ("我局于2025年4月3日联合西乡县公安局执法人员开展检查,依法移送汉中市生态环境局立案。"
            "西乡县人民政府决定对该区域实施禁渔。")
    assert narrative_agency(text) == ""


def test_a_bureau_speaking_as_itself_is_not_its_own_team():
    text = ("2026年1月3日10时17分,岳阳市文化市场综合行政执法支队执法人员对当事人经营场所进行检查,"
            "要求当事人到我局执法支队接受进一步调查处理。")
    assert narrative_agency(text) == ""


def test_a_news_item_names_a_county_bureau_as_it_signs():
    assert official_name("湖南省浏阳市应急管理局") == "浏阳市应急管理局"
    assert official_name("昆明市寻甸县水务局") == "寻甸县水务局"
    assert official_name("西安市临潼区农业农村局") == "西安市临潼区农业农村局"
    assert official_name("湖南省应急管理厅") == "湖南省应急管理厅"
    text = "据信用中国(湖南)网站消息,近日,湖南省浏阳市应急管理局对浏阳市联顺烟花材料制造有限公司作出行政处罚。"
    assert narrative_agency(text) == "浏阳市应急管理局"
