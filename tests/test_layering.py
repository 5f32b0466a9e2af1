"""DESIGN.md's import contract, checked in fresh interpreters."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("package", ["casefile", "checklists", "doc_templates", "index"])
def test_core_packages_do_not_load_textual(package):
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.') or n == 'tui' or n.startswith('tui.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "", f"{package} loaded {out.stdout.strip()}"


FORBIDDEN = {
    "casefile": {"textual", "tui", "index", "checklists"},
    "doc_templates": {"textual", "tui", "index", "checklists", "casefile"},
    "checklists": {"textual", "tui", "index"},
    "index": {"textual", "tui", "checklists"},
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_flow_one_way(package):
    bad = []
    for path in (REPO / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for n in names:
                if n.split(".")[0] in FORBIDDEN[package]:
                    bad.append(f"{path.relative_to(REPO)}:{node.lineno} imports {n}")
    assert not bad, "\n".join(bad)
