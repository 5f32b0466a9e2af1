"""Hostile text never reaches the terminal (issue 32, probe "terminal injection").

An OSC sequence (sets the terminal's title), NUL and backspaces in a title or party name used to
be accepted by ``case new`` and ``facts add`` and written raw by ``case show``, ``case list`` and
the terminal UI's case list. Now they are refused at entry, and text that arrives another way (a
hand-edited case.toml, a received package) is cleaned on its way to the terminal.
"""

from __future__ import annotations

import json

OSC = "\x1b]0;已被接管\x07"
HOSTILE = f"清溪县百味源{OSC}食品\x00有限\x08\x08公司\x9b2J"
CASE = "SJ-2026-088"


def test_control_characters_are_refused_at_entry(demo_ws, run_cli):
    root = str(demo_ws.root)
    code, out, err = run_cli("case", "new", "-w", root, "--cause", "销售过期食品", "--party", HOSTILE, "--title", "标题\x1b[2J")
    assert code == 6 and "含有控制字符（U+0000、U+0007、U+0008、U+001B、U+009B）" in err and "U+001B" in err
    assert "\x1b" not in err and "\x00" not in err
    code, out, err = run_cli("facts", "add", CASE, "证据", "-w", root, "--kind", "书证", "--name", f"进货单{OSC}", "--date", "2026-11-20")
    assert code == 6 and "含有控制字符" in err
    assert all(OSC not in e.name for e in demo_ws.load_case(CASE).evidence)


def test_text_that_arrived_by_hand_is_cleaned_for_the_cli_and_the_tui(demo_ws, run_cli):
    p = demo_ws.cases_dir / CASE / "case.toml"
    text = p.read_text(encoding="utf-8").replace('name = "清溪县百味源食品有限公司"', f"name = {json.dumps(HOSTILE)}")
    p.write_text(text.replace('title = "', 'title = "\\u001b]2;标题\\u0007', 1), encoding="utf-8")
    for args in (("case", "show", CASE), ("case", "list")):
        code, out, err = run_cli(*args, "-w", str(demo_ws.root))
        assert code == 0, err
        assert not any(c in out for c in "\x1b\x00\x08\x07\x9b"), repr(out[:300])
        assert "清溪县百味源食品有限公司" in out, out
        assert "已被接管" not in out and "标题" not in out, out  # whole sequences go, not only their first byte
    # the terminal UI's text goes through Rich and Textual, their control-code tables extended
    # (character by character: what is left of a sequence is plain text that cannot act)
    import tui.textual_app.app  # noqa: F401 - installs the sanitiser's table
    from rich.text import Text
    from textual.content import Content

    for shown in (Text.from_markup(HOSTILE).plain, Content(HOSTILE).plain):
        assert shown == "清溪县百味源]0;已被接管食品有限公司2J"
