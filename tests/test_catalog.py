"""The derived case catalogue (issue 22): the lists read it, the folders stay the truth."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tomllib

import tomli_w

from casefile.store import catalog

from casefile.law import deadlines, periods, profiles

from casefile.output import publicity, stats
from casefile.law.days import calendar_for
from casefile.store.workspace import Workspace

TODAY = dt.date(2026, 11, 23)


def _edit(ws: Workspace, cid: str, change) -> None:
    """Change case.toml the way a person with an editor would: behind casefile's back."""
    path = ws.cases_dir / cid / "case.toml"
    with open(path, "rb") as f:
        data = tomllib.load(f)
    change(data)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


def _truth(ws: Workspace, today: dt.date) -> list[dict]:
    """What the list must show, computed case by case from the folders."""
    return [dict(c.summary(), warnings=[w.to_dict() for w in deadlines.case_warnings(ws, c, today)])
            for c in ws.try_load_cases()[0]]


def _listed(ws: Workspace, today: dt.date = TODAY) -> list[dict]:
    return [c.to_dict() for c in catalog.list_cases(ws, today).cases]


def test_demo_warnings_read_from_the_catalogue(demo_ws):
    listing = catalog.list_cases(demo_ws, TODAY)
    by_id = {c.id: c for c in listing.cases}
    assert sorted(by_id) == ["HB-2026-005", "QZ-2026-021", "SJ-2026-037", "SJ-2026-088", "SJ-2026-101", "XK-2026-015",
                             "YJ-2026-003", "ZR-2026-012"]
    assert listing.broken == []
    # decided 2026-11-10, 7 working days: due 2026-11-19, not published
    assert [(w.kind, w.due, w.status) for w in by_id["ZR-2026-012"].warnings] == [("公示", "2026-11-19", "已逾期")]
    # submitted for review 2026-11-16, 10 working days
    assert [(w.kind, w.due, w.status) for w in by_id["SJ-2026-088"].warnings] == [("审核期限", "2026-11-30", "即将到期")]
    assert [(w.kind, w.due) for w in by_id["HB-2026-005"].warnings] == [("查封扣押", "2026-11-30")]
    assert [(w.kind, w.due) for w in by_id["QZ-2026-021"].warnings] == [("查封扣押", "2026-11-25")]  # 30 days from 10-26
    assert by_id["SJ-2026-037"].warnings == [] and by_id["SJ-2026-037"].summary["state"] == "已归档"


def test_catalogue_equals_the_per_case_computation_every_day(demo_ws):
    day = dt.date(2026, 3, 1)
    while day < dt.date(2027, 3, 1):
        assert _listed(demo_ws, day) == _truth(demo_ws, day), day
        assert [d.to_dict() for d in catalog.publicity_due(demo_ws, day)] == [d.to_dict() for d in publicity.due_list(demo_ws, day)]
        day += dt.timedelta(days=5)
    assert catalog.annual_stats(demo_ws, 2026) == stats.annual(demo_ws, 2026)
    assert catalog.annual_stats(demo_ws, 2026)["fines_total"] == "78621"


def test_edits_behind_the_catalogues_back_show_at_once(demo_ws):
    assert _listed(demo_ws) == _truth(demo_ws, TODAY)
    # same size, same second: only the stat's ctime/inode and the racy rule can tell
    _edit(demo_ws, "YJ-2026-003", lambda d: d.update(state="调查中"))
    _edit(demo_ws, "SJ-2026-101", lambda d: d["parties"][0].update(name="清溪县阿芳果蔬店"))
    listed = {c["id"]: c for c in _listed(demo_ws)}
    assert listed["YJ-2026-003"]["state"] == "调查中"
    assert listed["SJ-2026-101"]["parties"][0]["name"] == "清溪县阿芳果蔬店"
    # a new folder copied in by hand, and a case deleted by hand
    shutil.copytree(demo_ws.cases_dir / "SJ-2026-037", demo_ws.cases_dir / "SJ-2026-999")
    _edit(demo_ws, "SJ-2026-999", lambda d: d.update(id="SJ-2026-999", number="清市监处罚〔2026〕999号"))
    shutil.rmtree(demo_ws.cases_dir / "HB-2026-005")
    listed = _listed(demo_ws)
    assert [c["id"] for c in listed] == ["QZ-2026-021", "SJ-2026-037", "SJ-2026-088", "SJ-2026-101", "SJ-2026-999", "XK-2026-015",
                                         "YJ-2026-003", "ZR-2026-012"]
    assert listed == _truth(demo_ws, TODAY)


def test_publication_recorded_behind_the_back_clears_the_warning(demo_ws):
    assert any(w.kind == "公示" for c in catalog.list_cases(demo_ws, TODAY).cases if c.id == "ZR-2026-012" for w in c.warnings)
    _edit(demo_ws, "ZR-2026-012", lambda d: d["acts"].append({"kind": "公示", "date": dt.date(2026, 11, 18)}))
    zr = next(c for c in catalog.list_cases(demo_ws, TODAY).cases if c.id == "ZR-2026-012")
    assert zr.warnings == []
    due = next(d for d in catalog.publicity_due(demo_ws, TODAY) if d.case == "ZR-2026-012")
    assert (due.status, due.note) == ("已公示", "2026-11-18完成")


def test_a_broken_or_deleted_case_toml_affects_only_its_row(demo_ws):
    catalog.list_cases(demo_ws, TODAY)
    (demo_ws.cases_dir / "SJ-2026-088" / "case.toml").write_text("number = \"清市监处罚〔2026〕88号\n", encoding="utf-8")
    (demo_ws.cases_dir / "YJ-2026-003" / "case.toml").unlink()
    listing = catalog.list_cases(demo_ws, TODAY)
    assert [c.id for c in listing.cases] == ["HB-2026-005", "QZ-2026-021", "SJ-2026-037", "SJ-2026-101", "XK-2026-015", "ZR-2026-012"]
    # a deleted case.toml is named too (its journal is still there): never silently dropped
    assert [cid for cid, _ in listing.broken] == ["SJ-2026-088", "YJ-2026-003"]
    assert "SJ-2026-088" in listing.broken[0][1] and "TOML" in listing.broken[0][1]
    assert [c.to_dict() for c in listing.cases] == _truth(demo_ws, TODAY)


def test_rebuild_from_scratch_and_from_a_damaged_file(demo_ws):
    before = _listed(demo_ws)
    r = catalog.rebuild(demo_ws)
    assert (r.updated, r.removed) == (8, 0)
    assert _listed(demo_ws) == before
    catalog.path_of(demo_ws).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (catalog.path_of(demo_ws).parent / (catalog.CATALOG_FILE + suffix)).unlink(missing_ok=True)
    assert _listed(demo_ws) == before


def test_a_fresh_catalogue_loads_no_case(demo_ws, monkeypatch):
    # the demo was copied a moment ago; files that young are re-read on principle (see RACY_NS)
    monkeypatch.setattr(catalog, "RACY_NS", 0)
    loads = []
    real = Workspace.load_case
    monkeypatch.setattr(Workspace, "load_case", lambda self, ref: loads.append(ref) or real(self, ref))
    profile_reads = []
    real_profile = profiles.load_profile
    monkeypatch.setattr(profiles, "load_profile", lambda *a, **k: profile_reads.append(a[0]) or real_profile(*a, **k))
    profiles._CACHE.clear()
    catalog.list_cases(demo_ws, TODAY)
    assert sorted(loads) == sorted(demo_ws.case_ids())  # each case once, not once per case per case
    assert len(profile_reads) <= 2 * len(set(demo_ws.rules_profile_for(c.sector) for c in demo_ws.try_load_cases()[0])) + 2
    loads.clear()
    catalog.list_cases(demo_ws, TODAY)
    catalog.publicity_due(demo_ws, TODAY)
    catalog.annual_stats(demo_ws, 2026)
    assert loads == []


def test_profile_change_recomputes_every_row(demo_ws):
    zr = next(c for c in catalog.list_cases(demo_ws, TODAY).cases if c.id == "ZR-2026-012")
    assert zr.warnings[0].due == "2026-11-19"
    # a county that gives 15 working days to publish
    prof_dir = demo_ws.root / "profiles"
    prof_dir.mkdir(exist_ok=True)
    for name in {demo_ws.rules_profile_for(s) for s in ("自然资源", "")}:
        (prof_dir / f"{name}.toml").write_text(
            ("extends = \"national\"\n" if name != "national" else "") + "[publicity]\npenalty_days = 15\npenalty_unit = \"WD\"\n"
            + (open(profiles.builtin_dir() / "national.toml", encoding="utf-8").read().split("[publicity]")[0] if name == "national" else ""),
            encoding="utf-8")
    zr = next(c for c in catalog.list_cases(demo_ws, TODAY).cases if c.id == "ZR-2026-012")
    assert zr.warnings == []  # due 2026-12-01 now
    assert next(d for d in catalog.publicity_due(demo_ws, TODAY) if d.case == "ZR-2026-012").due == "2026-12-01"


def test_case_time_extension_counts_in_the_list_and_the_check(demo_ws):
    case = demo_ws.load_case("SJ-2026-088")
    prof = profiles.load_profile_for(demo_ws, case)
    cal = calendar_for(demo_ws.root)
    plain = periods.due(case, "case", prof, cal)
    day = plain.due + dt.timedelta(days=3)
    assert any(w.kind == "办案期限" and w.status == "已逾期" for w in deadlines.case_warnings(demo_ws, case, day))
    _edit(demo_ws, "SJ-2026-088", lambda d: d.setdefault("extra", {}).update(case_time_extended_days=30))
    listed = next(c for c in catalog.list_cases(demo_ws, day).cases if c.id == "SJ-2026-088")
    case_w = [w for w in listed.warnings if w.kind == "办案期限"]
    assert case_w == []  # thirty more days: not due yet, not even near
    extended = periods.due(demo_ws.load_case("SJ-2026-088"), "case", prof, cal)
    assert extended.due == plain.due + dt.timedelta(days=30)


def test_cli_case_list_names_the_broken_case_and_lists_the_rest(demo_ws, run_cli):
    import json

    (demo_ws.cases_dir / "HB-2026-005" / "case.toml").write_text("id = [\n", encoding="utf-8")
    code, out, err = run_cli("case", "list", "--json", "--today", "2026-11-23", "-w", str(demo_ws.root))
    assert code == 0, err
    assert [c["id"] for c in json.loads(out)] == ["QZ-2026-021", "SJ-2026-037", "SJ-2026-088", "SJ-2026-101", "XK-2026-015",
                                                  "YJ-2026-003", "ZR-2026-012"]
    assert "HB-2026-005" in err and "无法读取" in err
    code, out, err = run_cli("catalogue", "rebuild", "--json", "-w", str(demo_ws.root))
    data = json.loads(out)
    assert code == 0 and data["updated"] == 8 and [b["id"] for b in data["broken"]] == ["HB-2026-005"]
    assert os.path.exists(data["file"])


async def _until_checked(app, pilot, screen) -> None:
    """The worker starts after the first paint and posts its result back: wait for both."""
    for _ in range(400):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        if not screen.checking:
            return
    raise AssertionError("the case list was never filled in")


async def test_tui_draws_first_rows_then_a_worker_fills_in(demo_ws, monkeypatch):
    from textual.widgets import DataTable

    from tui.textual_app.app import CasefileApp
    from tui.textual_app.screens import cases as screen_mod

    import threading

    monkeypatch.setattr(screen_mod, "SYNC_ROWS", 2)
    monkeypatch.setattr(screen_mod, "PAGE", 3)
    go = threading.Event()  # the worker waits for it, so the first paint can be looked at
    real = screen_mod.CaseListScreen.refresh_catalogue
    monkeypatch.setattr(screen_mod.CaseListScreen, "refresh_catalogue", lambda self: go.wait(30) and real(self))
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        table = screen.query_one("#cases", DataTable)
        # before the worker: two rows catalogued now, the rest shown by id only
        assert [str(k.value) for k in table.rows] == ["HB-2026-005", "QZ-2026-021", "SJ-2026-037"]
        assert str(table.get_row_at(2)[1]) == "…" and str(table.get_row_at(2)[2]) == ""
        assert screen.checking
        go.set()
        await _until_checked(app, pilot, screen)
        assert not screen.checking and screen.pending == []
        assert len(screen.cases) == 8 and table.row_count == 3  # one page in the table, not every case
        assert [w.status for w in screen.warnings["ZR-2026-012"]] == ["已逾期"]
        assert str(table.get_row_at(2)[2]) == "已归档"
        table.focus()
        await pilot.press("down", "down")
        await pilot.pause()
        assert table.row_count == 6  # the next page came as the cursor neared the end
    # opened again: the first page straight from the catalogue, then checked in the background
    go.clear()
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert screen.query_one("#cases", DataTable).row_count == 3 and screen.total == 8
        assert screen.checking
        go.set()
        await _until_checked(app, pilot, screen)
        assert not screen.checking and len(screen.cases) == 8
