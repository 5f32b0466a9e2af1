"""Rooms stay readable (issue 26 §3): no module over about 400 lines, no function over about 80. A room
that has been split is listed here, so it stays split."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

ROOMS = ("casefile/ingest",)
MODULE_LINES = 400
FUNCTION_LINES = 80


def _modules(room: str):
    return sorted((REPO / room).rglob("*.py"))


@pytest.mark.parametrize("room", ROOMS)
def test_no_module_of_the_room_is_over_400_lines(room):
    long = {p.relative_to(REPO).as_posix(): n for p in _modules(room) if (n := len(p.read_text(encoding="utf-8").splitlines())) > MODULE_LINES}
    assert long == {}


@pytest.mark.parametrize("room", ROOMS)
def test_no_function_of_the_room_is_over_80_lines(room):
    long = {}
    for p in _modules(room):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > FUNCTION_LINES:
                long[f"{p.relative_to(REPO).as_posix()}:{node.lineno} {node.name}"] = node.end_lineno - node.lineno + 1
    assert long == {}

