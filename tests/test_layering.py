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


# -- the front ends and the application layer (issue 14 §3) -------------------------------------
PACKAGES = ("casefile", "checklists", "doc_templates", "index", "tui")
# casefile.display: the one terminal sanitiser, wrapped round the CLI's streams before any command loads
FRONT_END_MAY_IMPORT = {"tui.application", "casefile.model", "casefile.errors", "casefile.display"}
THIRD_PARTY_UI = {"click", "textual", "rich"}
# the one way from the CLI into the Textual app: the ``tui`` command starts it
CLI_STARTS_TUI = {"tui.textual_app.app"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import in the file, function-local ones included;
    relative imports resolved against the file's package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = package.split(".")
                pkg = pkg[: len(pkg) - node.level + 1]
                base = ".".join(pkg + ([base] if base else []))
            out.append((node.lineno, base, [a.name for a in node.names]))
    return out


def _sources(*packages: str) -> list[Path]:
    return sorted(p for pkg in packages for p in (REPO / pkg).rglob("*.py"))


@pytest.mark.parametrize("front_end", ["tui.cli", "tui.textual_app"])
def test_front_ends_import_only_the_application_layer(front_end):
    own = front_end
    bad = []
    for path in _sources(front_end.replace(".", "/")):
        for line, module, _ in _imports(path):
            top = module.split(".")[0]
            if top in sys.stdlib_module_names or top in THIRD_PARTY_UI or top == "__future__":
                continue
            if module in FRONT_END_MAY_IMPORT or module == own or module.startswith(own + "."):
                continue
            if front_end == "tui.cli" and module in CLI_STARTS_TUI:
                continue
            bad.append(f"{path.relative_to(REPO)}:{line} imports {module}")
    assert not bad, "the front ends may import only tui.application, casefile.model and casefile.errors:\n" + "\n".join(bad)


def test_application_layer_never_imports_textual():
    bad = [f"{p.relative_to(REPO)}:{line} imports {m}" for p in _sources("tui/application") for line, m, _ in _imports(p)
           if m.split(".")[0] in {"textual", "click"} or m.startswith(("tui.cli", "tui.textual_app"))]
    assert not bad, "\n".join(bad)


def test_cli_does_not_load_textual_unless_the_tui_command_runs():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tui.cli import cli\n"
        "for args in (['--help'], ['case', 'list', '--help'], ['search', '--help'], ['review', 'open', '--help']):\n"
        "    r = CliRunner().invoke(cli, args, standalone_mode=False)\n"
        "    assert r.exit_code == 0, (args, r.output)\n"
        "print(','.join(sorted(n for n in sys.modules if n == 'textual' or n.startswith(('textual.', 'tui.textual_app')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "", f"the CLI loaded {out.stdout.strip()}"


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in _sources(*PACKAGES)}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for m, path in modules.items():
        for _, target, names in _imports(path):
            for t in [f"{target}.{n}" for n in names] + [target]:
                if t in modules and t != m:
                    graph[m].add(t)
                    break
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


KNOWN_CYCLES: list[list[str]] = []  # none: a cycle found is a failure


def test_no_module_import_cycles():
    """Every import counts, function-local ones too: a lazy import does not make a cycle go away."""
    cycles = [c for c in _cycles(_graph()) if c not in KNOWN_CYCLES]
    assert not cycles, "module import cycles:\n" + "\n".join(" ↔ ".join(c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
