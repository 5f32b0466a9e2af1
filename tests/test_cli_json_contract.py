"""The ``--json`` output of the main commands is a contract scripts rely on: its keys, their order and
nesting are pinned in ``tests/data/cli_json_contract.json`` (written from the output before the
application layer returned typed results, and unchanged by it). A key added on purpose is added
there too; a key renamed or dropped fails here.

Keys that are data (case ids, facet values, Chinese labels) are not pinned one by one: such a map is
pinned as ``{"<map>": <the shape of its values>}``; a list as ``["<list>", <the shape of its items>]``;
a value as ``"*"``. Set ``CASEFILE_PIN_JSON=1`` to rewrite the file from the current output."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

PIN = Path(__file__).parent / "data" / "cli_json_contract.json"
FIELD = re.compile(r"^[a-z_][a-z0-9_]*$")
CASE = "SJ-2026-088"  # the demo's 听证 case, 待法制审核


def shape(value):
    if isinstance(value, dict):
        if value and all(FIELD.match(k) for k in value):
            return {k: shape(v) for k, v in value.items()}
        return {"<map>": _merged(shape(v) for v in value.values())} if value else {}
    if isinstance(value, list):
        return ["<list>", _merged(shape(v) for v in value)] if value else []
    return "*"


def _merged(shapes):
    out = None
    for s in shapes:
        out = s if out is None else _merge(out, s)
    return out


def _merge(a, b):
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(a)
        for k, v in b.items():
            out[k] = _merge(out[k], v) if k in out else v
        return out
    if isinstance(a, list) and isinstance(b, list):
        return a if not b else b if not a else ["<list>", _merge(a[1], b[1])]
    return a if a != "*" else b


def _json(run_cli, *args: str):
    code, out, err = run_cli(*args, "--json")
    assert code in (0, None), err
    return json.loads(out)


@pytest.fixture
def outputs(indexed_demo_ws, run_cli):
    w = ["-w", str(indexed_demo_ws.root)]
    out = {
        "case list": _json(run_cli, "case", "list", *w),
        "case show": _json(run_cli, "case", "show", CASE, *w),
        "check": _json(run_cli, "check", CASE, *w),
        "search": _json(run_cli, "search", "听证", *w),
        "journal verify": _json(run_cli, "journal", "verify", "--all", *w),
        "review open": _json(run_cli, "review", "open", CASE, *w),
        "review show": _json(run_cli, "review", "show", CASE, *w),
        "review accept": _json(run_cli, "review", "accept", CASE, "1", *w),
        "evaluate": _json(run_cli, "evaluate", "run", "--case", CASE, "--case", "SJ-2026-037", *w),
        "work": _json(run_cli, "work", *w),
        "laws show": _json(run_cli, "laws", "show", "中华人民共和国行政处罚法", "28", *w),
        "catalogue status": _json(run_cli, "catalogue", "status", *w),
        "publicity publish": _json(run_cli, "publicity", "publish", "ZR-2026-012", "--date", "2026-11-20", "--where", "门户网站", *w),
        "approve": _json(run_cli, "approve", "YJ-2026-003", "--opinion", "同意", *w),
        "discuss": _json(run_cli, "discuss", "YJ-2026-003", "--participant", "甲", "--participant", "乙",
                         "--opinion", "甲：同意", "--conclusion", "同意处罚", *w),
        "inspect export": _json(run_cli, "inspect", "export", "2026-明码标价", "--out", str(indexed_demo_ws.root / "抽查结果.xlsx"), *w),
    }
    case_toml = indexed_demo_ws.cases_dir / "YJ-2026-003" / "case.toml"  # a change made outside casefile, then accepted
    case_toml.write_text(case_toml.read_text(encoding="utf-8").replace('title = "', 'title = "（更正）', 1), encoding="utf-8")
    out["journal accept"] = _json(run_cli, "journal", "accept", "YJ-2026-003", "--reason", "更正录入错误", *w)
    return {name: shape(v) for name, v in out.items()}


def test_the_json_of_the_main_commands_keeps_its_keys(outputs):
    if os.environ.get("CASEFILE_PIN_JSON"):
        PIN.write_text(json.dumps(outputs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    pinned = json.loads(PIN.read_text(encoding="utf-8"))
    for name in pinned:
        assert outputs[name] == pinned[name], f"casefile {name} --json changed its keys"
        assert json.dumps(outputs[name]) == json.dumps(pinned[name]), f"casefile {name} --json changed the order of its keys"


def test_the_shape_tells_fields_from_data():
    assert shape({"results": {"SJ-2026-088": [{"line": 1}], "ZR-2026-012": [{"seq": 2}]}, "ok": True}) == {
        "results": {"<map>": ["<list>", {"line": "*", "seq": "*"}]}, "ok": "*"}
