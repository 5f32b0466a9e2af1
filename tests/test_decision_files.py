"""Sector decisions imported as files (issue 27 item 5): the text laid out as an agency's .docx template lays
it out (bench/decision_files.py; built here from the kept text, no binary kept), with its header fields in a
two-column table, and printed to PDF by LibreOffice, must give the four header fields of the hand truth as
the plain text does. And the reading causes, one by one: a form's label and value cells, a PDF's wrapped
lines, glyphs drawn out of order, a lone page number."""

from __future__ import annotations

import pytest

from bench.decision_files import decision_docx
from bench.extract_files import decisions
from bench.extract_sectors import FIELDS, fields_of, norm
from casefile.ingest.extract import extract
from casefile.ingest.pdf_lines import page_paragraphs
from casefile.ingest.textio import read_document, table_row
from tests.conftest import DATA

SECTORS = DATA / "decisions_sectors"
# every batch's hand truth (truth*.toml beside txt/, heldout_*/truth.toml): entry and text by file name
TRUTH = {path.name: (t, path) for t, path in decisions(SECTORS)}


def _four(path) -> dict[str, str]:
    return {k: norm(v) for k, v in fields_of(extract(read_document(path))).items()}


def _truth(name: str) -> dict[str, str]:
    return {k: norm(TRUTH[name][0][k]) for k in FIELDS}


# a labelled header (当事人/法定代表人/住所; 单位名称/地址; 名称/统一社会信用代码) and a masked name
TABLED = ["wl_lingbao_xinxin.txt", "hj_anning_chenghu.txt", "hj_xundian_zhongyi.txt", "zr_jining_su.txt"]


@pytest.mark.parametrize("name", TABLED)
def test_a_docx_with_its_header_in_a_table_gives_the_four_fields(tmp_path, name):
    text = TRUTH[name][1].read_text(encoding="utf-8")
    for table in (False, True):
        path = tmp_path / f"{table}.docx"
        path.write_bytes(decision_docx(text, table=table))
        assert _four(path) == _truth(name)


def test_a_form_row_of_label_and_value_cells_reads_as_a_labelled_line():
    assert table_row(["当事人", "灵宝市新新网吧"]) == "当事人：灵宝市新新网吧"
    assert table_row(["当 事 人：", "某公司", "法定代表人", "张某"]) == "当事人：某公司\t法定代表人：张某"
    # no form: a list's heading row, a numbered row, an empty value
    assert table_row(["序号", "证据名称", "页数"]) == "序号\t证据名称\t页数"
    assert table_row(["1", "营业执照复印件"]) == "1\t营业执照复印件"
    assert table_row(["联系电话", ""]) == "联系电话\t"


def _width(s: str, size: float = 16.0) -> float:
    return sum(size * (0.5 if c.isascii() else 1.0) for c in s)


class _Page:
    """A text page as pdfium gives it: the text in content-stream order and each character's box (left,
    bottom, right, top); lines end in CR LF, as pdfium's do."""

    def __init__(self, rows: list[tuple[float, float, str]], size: float = 16.0):
        self.chars: list[tuple[str, tuple]] = []
        for top, left, s in rows:
            x = left
            for c in s:
                self.chars.append((c, (x, top - size, x + _width(c, size), top)))
                x += _width(c, size)
            self.chars += [(c, (x, top - size, x, top - size)) for c in "\r\n"]

    def move(self, i: int, j: int) -> None:
        """The glyph ``i`` drawn later, at ``j`` of the stream (its box stays where it is printed)."""
        self.chars.insert(j, self.chars.pop(i))

    @property
    def text(self) -> str:
        return "".join(c for c, _ in self.chars)

    def count_chars(self) -> int:
        return len(self.chars)

    def get_charbox(self, i: int):
        return self.chars[i][1]


def test_a_pdf_page_s_wrapped_lines_are_one_paragraph_again():
    first = "经查，你单位于二〇二四年五月在溆浦县卢峰镇实施修建房屋的行为，已由溆浦县城市管理"
    right = 132 + _width(first)  # the widest line: it fills the width
    page = _Page([
        (800, 250, "行政处罚决定书"),
        (770, right - _width("溆城管罚〔2024〕52号"), "溆城管罚〔2024〕52号"),  # right-aligned: its own line
        (740, 100, "当事人：舒某"),
        (710, 132, first),  # a paragraph's first line, indented two characters, to the edge
        (682, 100, "和综合执法局立案调查。"),  # goes on at the margin
        (654, 132, "以上事实有证据证实。"),  # a new indented paragraph
        (60, 290, "— 1 —"),
    ])
    assert page_paragraphs(page, page.text).split("\n") == [
        "行政处罚决定书", "溆城管罚〔2024〕52号", "当事人：舒某", first + "和综合执法局立案调查。", "以上事实有证据证实。"]


def test_a_line_spaced_in_columns_is_not_joined_with_the_next():
    number = "（甘）执法证字第L280002号"
    doc_no = "（平崆）市监罚〔2025〕428号"
    left = 100 + _width(number) + 40  # a wide gap, as between two tab stops
    page = _Page([(740, 100, number), (682, 100, "一二三四五六七八九十" * 3), (654, 100, "完。")])
    page.chars[len(number):len(number) + 2] = [(" ", page.chars[len(number) - 1][1])]  # one line in pdfium
    x = left
    for i, c in enumerate(doc_no):
        page.chars.insert(len(number) + 1 + i, (c, (x, 724, x + _width(c), 740)))
        x += _width(c)
    page.chars.insert(len(number) + 1 + len(doc_no), ("\r", (x, 724, x, 724)))
    page.chars.insert(len(number) + 2 + len(doc_no), ("\n", (x, 724, x, 724)))
    page.chars.insert(len(number) + 3 + len(doc_no), ("当", (100, 696, 116, 712)))
    page.chars.insert(len(number) + 4 + len(doc_no), ("\r", (116, 696, 116, 696)))
    page.chars.insert(len(number) + 5 + len(doc_no), ("\n", (116, 696, 116, 696)))
    assert page_paragraphs(page, page.text).split("\n")[:2] == [f"{number} {doc_no}", "当"]


def test_a_glyph_drawn_after_its_line_is_read_in_its_place():
    page = _Page([(740, 300, "通01环罚﹝2024﹞71号")])
    page.move(10, 12)  # the stream gives ﹞ after 71 (a fallback font's glyph): “…2024 71 ﹞号”
    assert page.text.startswith("通01环罚﹝202471﹞号")
    assert page_paragraphs(page, page.text) == "通01环罚﹝2024﹞71号"


# the layouts the PDF reading lost before: a centred title wrapped inside its 文号, a fallback font's ﹝﹞,
# a wrapped agency name in the page's 信息来源, a header table
PRINTED = [("zr_yanshan_shiwowo.txt", False), ("hj_nantong_zixingche.txt", False), ("cg_xupu_shu.txt", False),
           ("wl_lingbao_xinxin.txt", True)]


@pytest.mark.slow
def test_the_same_decisions_printed_to_pdf_give_the_four_fields(tmp_path):
    from casefile.output.pages import convert_to_pdf, soffice

    if not soffice():
        pytest.skip("LibreOffice 未安装")
    docx = []
    for name, table in PRINTED:
        docx.append(tmp_path / name.replace(".txt", ".docx"))
        docx[-1].write_bytes(decision_docx(TRUTH[name][1].read_text(encoding="utf-8"), table=table))
    pdfs = convert_to_pdf(docx, tmp_path)
    assert len(pdfs) == len(PRINTED)
    for (name, _), path in zip(PRINTED, docx):
        assert _four(pdfs[path]) == _truth(name), name


def test_a_scanned_page_s_wrapped_lines_and_form_cells_read_as_a_text_layer_s():
    from casefile.ingest.ocr import _lines

    # OCR's boxes (top, bottom, left, text, score, right) in pixels, y downwards; 40 px a character
    items = [
        (100, 140, 400, "行政处罚决定书", 0.99, 680),
        (200, 240, 100, "当事人", 0.99, 220),  # the label cell …
        (200, 240, 400, "灵宝市新新网吧", 0.99, 680),  # … and its value, a cell apart
        (300, 340, 180, "经查，你单位于二〇二〇年九月八日未核对上网消费者的有效身份证件，灵宝市文化", 0.98, 1180),
        (360, 400, 100, "广电和旅游局依法立案调查。", 0.98, 620),  # wrapped at the margin
        (420, 460, 180, "以上事实有证据证实。", 0.98, 580),  # a new indented paragraph
    ]
    assert _lines(items).split("\n") == [
        "行政处罚决定书", "当事人：灵宝市新新网吧",
        "经查，你单位于二〇二〇年九月八日未核对上网消费者的有效身份证件，灵宝市文化广电和旅游局依法立案调查。",
        "以上事实有证据证实。"]


def test_a_bare_figure_is_a_page_number_only_where_one_stands():
    row = "1、营业执照复印件"
    page = _Page([(740, 100, "证据清单"), (712, 100, row), (712, 400, "2"), (60, 250, "3")])
    at = len("证据清单") + 2 + len(row)
    page.chars[at:at + 2] = [(" ", page.chars[at][1])]  # the row's two cells are one line in pdfium
    # the table's last cell, at the page's foot, stays; the centred figure under it is the page number
    assert page_paragraphs(page, page.text).split("\n") == ["证据清单", f"{row} 2"]
    # a figure alone at the foot but off-centre (a table's last cell on a line of its own) is text
    page = _Page([(740, 100, "证据清单" * 6), (712, 480, "2")])
    assert page_paragraphs(page, page.text).split("\n") == ["证据清单" * 6, "2"]
