"""Modules small and functions short (issue 26): no module of casefile/ or checklists/ over
400 lines, no function over 80. The ones still over are listed with their size today; the list
may only shrink — an entry that grew fails, and so does one that is back within the limit (then
delete its line)."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROOTS = ("casefile", "checklists")
MODULE_LINES = 400
FUNCTION_LINES = 80

# still over the limits (path → lines today): none now; an entry added here may only shrink
LONG_MODULES = {
}
# path:function (methods and nested functions by their dotted name) → lines today
LONG_FUNCTIONS = {
}


def _sources() -> list[Path]:
    return sorted(p for root in ROOTS for p in (REPO / root).rglob("*.py"))


def _functions(tree: ast.AST, prefix: str = ""):
    """(dotted name, lines) of every function, methods and nested ones included."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = prefix + node.name
            yield name, node.end_lineno - node.lineno + 1
            yield from _functions(node, name + ".")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, prefix + node.name + ".")
        else:
            yield from _functions(node, prefix)


def _sizes() -> tuple[dict[str, int], dict[str, int]]:
    modules, functions = {}, {}
    for path in _sources():
        rel = path.relative_to(REPO).as_posix()
        text = path.read_text(encoding="utf-8")
        modules[rel] = len(text.splitlines())
        for name, n in _functions(ast.parse(text)):
            functions[f"{rel}:{name}"] = max(n, functions.get(f"{rel}:{name}", 0))
    return modules, functions


def _over(sizes: dict[str, int], limit: int, allowed: dict[str, int], what: str) -> list[str]:
    bad = []
    for key, n in sorted(sizes.items()):
        if n <= limit:
            continue
        if key not in allowed:
            bad.append(f"{key}: {n} lines, over the {limit} a {what} may have")
        elif n > allowed[key]:
            bad.append(f"{key}: {n} lines, grew from the {allowed[key]} the list allows")
    for key, n in sorted(allowed.items()):
        if sizes.get(key, 0) <= limit:
            bad.append(f"{key}: now {sizes.get(key, 'gone')} — within the limit, delete its line from the list")
    return bad


def test_no_module_over_400_lines():
    modules, _ = _sizes()
    bad = _over(modules, MODULE_LINES, LONG_MODULES, "module")
    assert not bad, "\n".join(bad)


def test_no_function_over_80_lines():
    _, functions = _sizes()
    bad = _over(functions, FUNCTION_LINES, LONG_FUNCTIONS, "function")
    assert not bad, "\n".join(bad)


def test_the_limits_catch_a_long_module_and_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(90))
    tree = ast.parse(f"class A:\n  def f(self):\n{body}\n    def g():\n        pass\n")
    functions = dict(_functions(tree))
    assert functions["A.f"] == 93 and functions["A.f.g"] == 2
    assert _over(functions, FUNCTION_LINES, {}, "function") == [
        "A.f: 93 lines, over the 80 a function may have"]
    assert _over({"m.py": 450}, MODULE_LINES, {"m.py": 420}, "module") == ["m.py: 450 lines, grew from the 420 the list allows"]
    assert _over({"m.py": 390}, MODULE_LINES, {"m.py": 420}, "module") == [
        "m.py: now 390 — within the limit, delete its line from the list"]
