"""Every path that opens a stored .docx or .pdf goes through the reader's limits (issue 32).

Probe: a .docx whose document.xml expands to far more than the limit, stored in a case (as a
package carrying it would store it). ``index update`` refused it; ``dossier`` parsed it unguarded
and died at the memory cap with 内部错误. Here the part declares 96 MiB of XML (limit 64 MiB,
ratio far over 200:1), small enough to build in a test and refused the same way.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from casefile.output import pages
from casefile.errors import DocumentError
from casefile.ingest.textio import open_docx

CASE = "SJ-2026-088"


def _bomb() -> bytes:
    body = b"<w:p><w:r><w:t>\xe5\x85\xac</w:t></w:r></w:p>" * (96 * (1 << 20) // 40)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document><w:body>" + body + b"</w:body></w:document>")
    return buf.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _bomb()


def test_the_one_opener_refuses_it(tmp_path, bomb):
    p = tmp_path / "听证笔录.docx"
    p.write_bytes(bomb)
    with pytest.raises(DocumentError, match="压缩炸弹|超过上限"):
        open_docx(p)
    assert pages.estimate_docx_pages(p) == 1  # counted as one page, never parsed
    counted = pages.LibreOfficeCounter(exe="/bin/false", cache=tmp_path / "cache").count([p])
    assert counted == [pages.PageCount(1, pages.ESTIMATE)]  # and never handed to LibreOffice


def test_dossier_with_a_stored_bomb_ends_cleanly(demo_ws, run_cli, bomb, monkeypatch, tmp_path):
    monkeypatch.setenv("CASEFILE_PAGES", "estimate")
    stored = sorted((demo_ws.cases_dir / CASE / "docs").glob("*.docx"))[0]
    stored.write_bytes(bomb)
    code, out, err = run_cli("dossier", CASE, "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    assert "内部错误" not in err
    out_docx = tmp_path / "合并.docx"
    code, out, err = run_cli("dossier", CASE, "-w", str(demo_ws.root), "--print", str(out_docx), "--json")
    assert code == 0 and "内部错误" not in err, err
    # the print leaves the refused document out and says so
    assert f"docs/{stored.name}" in json.loads(out)["print"]["not_included"]
