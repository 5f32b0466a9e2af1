"""Derived caches that cannot lie or be planted (issue 14 §5)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO, SAMR


def _import_decision(ws, run_cli, tmp_path):
    f = tmp_path / "来件"
    f.mkdir()
    (f / "决定书.txt").write_bytes((SAMR / "txt" / "samr_031738a34db61f5156f7a9b5c48557b0.txt").read_bytes())
    code, out, err = run_cli("import", str(f), "-w", str(ws.root), "--json")
    assert code == 0, err
    return ws.cases_dir / json.loads(out)["case"]


def test_an_improved_extractor_rereads_stored_documents(demo_ws, run_cli, tmp_path, monkeypatch):
    from casefile.store import documents
    from casefile.ingest import versions
    from casefile.ingest.extraction_cache import cached_extraction

    case_dir = _import_decision(demo_ws, run_cli, tmp_path)
    rec = next(r for r in documents.load_register(case_dir).documents if "决定书" in r.file)
    real = cached_extraction(case_dir, rec)
    assert real.fields.get("doc_no") == "当市监处罚〔2024〕415号"
    # what an older extractor concluded, stored under the current version: served from the cache
    stale = real.to_dict() | {"fields": real.fields | {"doc_no": "旧抽取结果"}}
    documents.write_cache(case_dir, rec.sha256, stale, "extract")
    assert cached_extraction(case_dir, rec).fields["doc_no"] == "旧抽取结果"
    # a new extractor version: the stale entry is not read, the document is extracted again
    monkeypatch.setattr(documents, "derived_version", lambda: "a-newer-one")
    assert cached_extraction(case_dir, rec).fields["doc_no"] == "当市监处罚〔2024〕415号"
    assert versions.derived_version() != "a-newer-one"


def test_derived_version_follows_the_extractor_code():
    from casefile.ingest import versions
    v = versions.derived_version()
    assert len(v) == 12 and v == versions.derived_version()
    found = {f.relative_to(versions.REPO).as_posix() for f in versions.sources()}
    # a classifier or numeral fix re-reads old cases too (the review found these three missing)
    assert {"casefile/ingest/classify.py", "casefile/model/cn.py", "casefile/model/ids.py", "casefile/ingest/textio.py"} <= found
    assert {"casefile/ingest/extract/__init__.py", "casefile/ingest/extract/entities.py", "doc_templates/catalogue.py"} <= found
    # the facts of a document are derived and cached too; the import's steps and the dossier's comparisons are not
    assert {"casefile/ingest/facts/reading.py", "casefile/ingest/facts/land.py", "casefile/ingest/extract/header.py"} <= found
    assert not any(f.startswith(("casefile/ingest/steps", "casefile/ingest/importer", "casefile/store/documents")) for f in found)
    assert not any(f.startswith(("casefile/render", "casefile/workspace", "tui/")) for f in found)


def test_the_version_changes_with_the_sources_that_derive_the_data(tmp_path, monkeypatch):
    """Derived from the code, not written by hand: a changed classifier, a new module the extractor
    imports, a changed word of the facts' data each make a new version; the import's own steps do not."""
    import shutil

    from casefile.ingest import versions

    for d in ("casefile", "doc_templates"):
        shutil.copytree(REPO / d, tmp_path / d, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(versions, "REPO", tmp_path)

    def version() -> str:
        versions.derived_version.cache_clear()
        return versions.derived_version()

    try:
        base = version()
        classify = tmp_path / "casefile" / "ingest" / "classify.py"
        text = classify.read_text(encoding="utf-8")
        classify.write_text(text.replace("UNKNOWN = \"unknown\"", "UNKNOWN = \"unknown\"  # 未识别"), encoding="utf-8")
        assert version() != base
        classify.write_text(text, encoding="utf-8")
        assert version() == base
        # a module the extractor comes to import joins the set of sources, and the version moves
        (tmp_path / "casefile" / "ingest" / "seal_words.py").write_text("WORDS = ('（印章）',)\n", encoding="utf-8")
        assert version() == base  # imported by nothing yet
        header = tmp_path / "casefile" / "ingest" / "extract" / "header.py"
        header.write_text(header.read_text(encoding="utf-8") + "\nfrom casefile.ingest import seal_words  # noqa\n", encoding="utf-8")
        assert tmp_path / "casefile" / "ingest" / "seal_words.py" in versions.sources()
        with_header = version()
        assert with_header != base
        (tmp_path / "casefile" / "ingest" / "seal_words.py").write_text("WORDS = ('（公章）',)\n", encoding="utf-8")
        assert version() not in (base, with_header)
        # the words the facts of a document are read by are data: a new label is a new version
        facts = tmp_path / "casefile" / "data" / "facts.toml"
        before_facts = version()
        facts.write_text(facts.read_text(encoding="utf-8") + "\n# 当事人名称\n", encoding="utf-8")
        assert version() != before_facts
        # storing a document and filling the case derive nothing from its text: not in the version
        before_steps = version()
        store = tmp_path / "casefile" / "ingest" / "steps" / "store.py"
        store.write_text(store.read_text(encoding="utf-8") + "\n# 存档\n", encoding="utf-8")
        assert version() == before_steps
    finally:
        versions.derived_version.cache_clear()


def test_nothing_is_written_to_the_shared_temp_dir(tmp_path):
    tmp, cache = tmp_path / "tmp", tmp_path / "cache"
    tmp.mkdir()
    code = ("from casefile.ingest.extract.pipeline import get_nlp\n"
            "import index.analyzer as a\n"
            "get_nlp()('依据中华人民共和国价格法第十四条')\n"
            "a._jieba()\n")
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(tmp), "CASEFILE_CACHE": str(cache)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO, env=env)
    assert r.returncode == 0, r.stderr
    assert list(tmp.iterdir()) == []  # no jieba.cache, no userdict, no compiled trie under a guessable name
    written = {p.relative_to(cache).parts[0] for p in cache.rglob("*") if p.is_file()}
    assert {"jieba", "index"} <= written
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
