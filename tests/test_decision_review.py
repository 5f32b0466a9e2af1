"""Decisions reviewed by hand (issue 15, docs/decision-review.md): each imported as a
one-document case and checked in 案卷评查 mode; the veto/major findings must be exactly
the defects the reviewer found (labels.toml), each pointing at the words it rests on."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib

import pytest

from tests.conftest import DATA

DECISIONS = DATA / "decisions"
LABELS = tomllib.loads((DECISIONS / "labels.toml").read_text(encoding="utf-8"))["decision"]
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    from casefile.ingest.importer import import_paths
    from casefile.store.workspace import Workspace
    from checklists.engine import check_case, context_for

    root = tmp_path_factory.mktemp("decisions") / "ws"
    shutil.copytree(demo_template, root)
    ws = Workspace.open(root)
    out = {}
    for label in LABELS:
        imp = import_paths(ws, [DECISIONS / label["file"]])
        out[label["file"]] = check_case(context_for(ws, imp.case, TODAY), "evaluate")
    return out


@pytest.mark.parametrize("label", LABELS, ids=[x["doc_no"] for x in LABELS])
def test_serious_findings_are_the_hand_found_defects(checked, label):
    res = checked[label["file"]]
    serious = [f for f in res.findings if f.severity in ("veto", "major")]
    for want in label["serious"]:
        assert any(f.rule == want["rule"] and want["text"] in f.message for f in serious), (want, [f.message for f in serious])
    # nothing else at veto/major: every such finding is one the reviewer found
    for f in serious:
        assert any(f.rule == w["rule"] and w["text"] in f.message for w in label["serious"]), f.message
        # it points at the words it rests on
        quoted = [e for e in f.evidence if e.get("text")]
        assert quoted and all(e.get("doc") for e in quoted), f.message
    for rule in label.get("absent", []):
        assert not any(f.rule == rule for f in res.findings), rule
    if "grade" in label:
        assert res.score["grade"] == label["grade"] and not res.score["vetoed"]


def test_abridged_shell_is_never_scored_nor_vetoed(checked):
    res = checked["samr_a0a0e2858a9315cc018b40ba5fce4dd4.txt"]
    assert res.abridged and res.score["total"] is None
    assert not any(f.severity == "veto" for f in res.findings)


def test_decision_read_as_a_structure():
    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.normalize import compact

    text = compact((DECISIONS / "samr_c02b8227e59140e093c9ea1fff55000e.txt").read_text(encoding="utf-8")).text
    d = read_decision(text)
    assert d.doc_no.text == "剑市监处罚〔2026〕21号" and d.party.text == "剑阁县鑫源液化气有限责任公司"
    assert d.seal_date == dt.date(2026, 2, 2)
    # each fine with its own article, not the 23559.7 total against one of them
    fines = {(str(m.amount), m.basis[0]["law"], m.basis[0]["article"]) for m in d.fines}
    assert fines == {("20000", "中华人民共和国特种设备安全法", 85), ("3559.7", "价格违法行为行政处罚规定", 8)}
    assert any(m.kind == "不予" and any(b["article"] == 33 for b in m.basis) for m in d.mitigations)
    review = next(r for r in d.remedies if r.kind == "复议")
    assert review.body == "剑阁县人民政府" and review.days == 60
    assert any(r.kind == "诉讼" and r.after_review for r in d.remedies)


def test_blank_signature_date_is_no_date():
    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.normalize import compact

    d = read_decision(compact((DECISIONS / "samr_9e919df292bd251f019347baaeac4234.txt").read_text(encoding="utf-8")).text)
    assert d.seal_date is None and d.seal_blank


def test_failure_to_object_is_not_a_waiver():
    """“在法定期限内未提出任何陈述或申辩” is the window running out, not a waiver: no 放弃 act."""
    from casefile.ingest.extract import extract_text

    x = extract_text((DECISIONS / "samr_1fdd3d61444c4cc28066aafea4f6baf3.txt").read_text(encoding="utf-8"))
    assert not any(e.act == "放弃陈述申辩" for e in x.events)
    assert any(e.act == "告知书送达" and e.date == "2025-12-17" for e in x.events)
    assert x.fields["date"] == "2025-12-19"
