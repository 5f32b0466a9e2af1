"""An import run again after it finished says so instead of making a copy (issue 32).

Probe: re-running an import that had finished created a second case "…-2" with the same
documents (18 of 30 crash tries). Here the same folder is imported twice, then once more after a
new document was put in it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from casefile.chain import journal
DATA = Path(__file__).resolve().parent / "data"
DECISION = DATA / "import" / "samr_006133a8cb66a995c8fa5de583fa6584.txt"  # 固市监价罚〔2026〕15号
OTHER = DATA / "samr" / "txt" / "samr_00db796e58c05e6d8af5deb4cf0b4918.txt"  # another decision, added later


def test_a_finished_import_run_again_changes_nothing_and_says_so(demo_ws, run_cli, tmp_path):
    root = str(demo_ws.root)
    folder = tmp_path / "固镇县启辰网络科技工作室案"
    folder.mkdir()
    shutil.copy(DECISION, folder / DECISION.name)
    code, out, err = run_cli("import", str(folder), "-w", root)
    assert code == 0, err
    before = set(demo_ws.case_ids())
    (case_id,) = [c for c in before if c.startswith("固市监价罚")]
    entries = len(journal.read(demo_ws.cases_dir / case_id))

    code, out, err = run_cli("import", str(folder), "-w", root)
    assert code == 0, err
    assert "已在案件 固市监价罚〔2026〕15号 的第 1 次导入中全部导入，未做任何改动" in out
    assert "此前已导入（第 1 次导入）" in out
    assert set(demo_ws.case_ids()) == before  # no "-2"
    assert len(journal.read(demo_ws.cases_dir / case_id)) == entries

    shutil.copy(OTHER, folder / "补充材料.txt")  # the folder grew: only the new file goes in, into the same case
    code, out, err = run_cli("import", str(folder), "-w", root, "--json")
    assert code == 0, err
    assert set(demo_ws.case_ids()) == before
    docs = demo_ws.cases_dir / case_id / "docs"
    assert len([p for p in docs.iterdir() if p.suffix == ".txt"]) == 2


def test_a_long_text_reports_progress_within_the_file(demo_ws, tmp_path):
    """Probe: a 20 MB .txt imported for minutes with one progress line. A file over 1 MiB now says
    how far its reading has got (the bench bench/import_big_text.py times it against its size)."""
    from casefile.ingest.importer import import_paths

    big = tmp_path / "合并卷宗.txt"
    text = DECISION.read_text(encoding="utf-8")
    big.write_text("\n\n".join([text] * (1_300_000 // len(text.encode("utf-8")) + 1)), encoding="utf-8")
    seen: list[str] = []
    r = import_paths(demo_ws, [big], progress=lambda i, n, name: seen.append(name))
    assert r.documents and not r.errors
    within = [s for s in seen if "已读" in s]
    assert within and within[-1] == "合并卷宗.txt（已读 100%）"
